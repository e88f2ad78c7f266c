package answer

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

// A line of code is quoted only after the lead-in that introduces it,
// never alone as the answering sentence: a statement, a comment cut at
// its line, a command's output.
func TestCodeLineNotQuotedAlone(t *testing.T) {
	tests := []struct {
		name, page, question string
		notAlone             string // a code line that must not open an answer line
	}{
		{"statement", "# Widgets\n\nWidgets sit in the top bar of the desktop.\n\n" +
			"```js\nconst widget = await WidgetPanel.create(widgetOptions);\n```\n\nThe panel is drawn by the host.\n",
			"How do I create a widget panel with widget options?", "const widget"},
		{"comment", "# Mirrors\n\nThe tool reads one index by default.\n\n" +
			"```ini\n[global]\n# because you will only be using the private mirror index here\nindex-url = https://mirror.example/simple\n```\n",
			"Why will I only be using the private mirror index?", "# because"},
		{"output", "# Setup\n\nThe installer downloads the toolchain.\n\n" +
			"```console\n$ setup-tool install\nThe toolchain is installed now.\n```\n",
			"Is the toolchain installed now?", "The toolchain is installed now"},
	}
	for _, tt := range tests {
		res := askPage(t, tt.page, tt.question)
		for _, line := range strings.Split(res.Text, "\n") {
			if strings.HasPrefix(strings.TrimLeft(line, "`"), tt.notAlone) {
				t.Errorf("%s: a code line quoted alone: %q (answer %q)", tt.name, line, res.Text)
			}
		}
	}
}

// A lead-in ending with ":" is quoted with the whole block it introduces
// when the block is short, and alone (pointing to its passage) when it is
// not: never with half a block.
func TestLeadInWholeBlockOrNone(t *testing.T) {
	long := "```js\nfunction Panel({ roomId }) {\n  const [url, setUrl] = useState('https://localhost:1234');\n" +
		"  useEffect(() => {\n    const c = connect(url, roomId);\n    c.open();\n    return () => c.close();\n  }, [url, roomId]);\n" +
		"  return <h1>Room {roomId}</h1>;\n}\n```\n"
	tests := []struct {
		name, block string
		want        []string // what the answer's first line holds
		notWant     []string // what it must not
	}{
		{"short block whole", "```sh\nregistry dump --all\nregistry verify --latest\n```\n",
			[]string{"you can dump the registry like this:", "`registry dump --all`", "`registry verify --latest`"}, nil},
		{"long block, lead-in alone", long,
			[]string{"you can dump the registry like this: …"}, []string{"function Panel", "useState"}},
	}
	for _, tt := range tests {
		page := "# Registry\n\nThe registry keeps every panel of the site.\n\nFrom any component, you can dump the registry like this:\n\n" +
			tt.block + "\nDumps are kept for a week.\n"
		res := askPage(t, page, "How can I dump the registry from a component?")
		first, _, _ := strings.Cut(res.Text, "\n")
		for _, w := range tt.want {
			if !strings.Contains(first, w) {
				t.Errorf("%s: first line %q, want %q in it (answer %q)", tt.name, first, w, res.Text)
			}
		}
		for _, w := range tt.notWant {
			if strings.Contains(res.Text, w) {
				t.Errorf("%s: answer %q holds %q: half a block", tt.name, res.Text, w)
			}
		}
	}
}

// askPage asks question of a corpus of page and an unrelated page, in
// extractive mode.
func askPage(t *testing.T, page, question string) *Result {
	t.Helper()
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"page.md":  {Data: []byte(page)},
		"other.md": {Data: []byte("# Logging\n\nThe server writes its log to the journal.\n\nLog lines carry a timestamp and a level.\n")},
	}), nil)
	res, err := p.Ask(context.Background(), Question{Text: question})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// A page of commands, each under the item that says what it does (as
// tldr pages write them): a lead-in is quoted with its own command, not
// with the items and commands after it.
func TestLeadInItsOwnCommand(t *testing.T) {
	page := "# frob\n\n> Frobnicates widgets.\n\n" +
		"- Frobnicate every widget of a folder:\n\n`frob --all {{path/to/folder}}`\n\n" +
		"- Show hidden widgets too:\n\n`frob --hidden`\n\n" +
		"- Frobnicate one widget slowly:\n\n`frob --slow {{widget}}`\n\n" +
		"- Print the version:\n\n`frob --version`\n"
	tests := []struct {
		question, want, notWant string
	}{
		{"How do I show hidden widgets?", "Show hidden widgets too: `frob --hidden`", "slowly"},
		{"How do I frobnicate every widget of a folder?", "`frob --all {{path/to/folder}}`", "hidden"},
	}
	for _, tt := range tests {
		res := askPage(t, page, tt.question)
		first, _, _ := strings.Cut(res.Text, "\n")
		if !strings.Contains(first, tt.want) || strings.Contains(first, tt.notWant) {
			t.Errorf("%q: first line %q, want %q and not %q (answer %q)", tt.question, first, tt.want, tt.notWant, res.Text)
		}
	}
}

// A lead-in to a configuration block too long to show whole is quoted with
// the settings whose keys the question names ("keyspace: app_main" for
// "What keyspace …"), marked as a part; with none named, alone.
func TestLeadInSettingOfLongBlock(t *testing.T) {
	block := "```yaml\nstorage:\n  backends:\n    main_store:\n      cassandra:\n        schema:\n          create: true\n" +
		"          keyspace: app_main\n          datacenter: dc1\n          trace_ttl: 48h\n          replication_factor: 1\n```\n"
	page := "# Cassandra\n\nThe collector writes spans to Cassandra.\n\n" +
		"The schema is created on start-up with the following configuration:\n\n" + block +
		"\nIt is recommended to customize these values.\n"
	tests := []struct {
		question string
		want     []string
		notWant  []string
	}{
		{"What keyspace does the schema get on start-up?", []string{"following configuration: `keyspace: app_main` …"}, []string{"datacenter"}},
		// "schema:" opens a section of settings: no value of its own.
		{"How is the schema made on start-up?", []string{"following configuration: … [1]"}, []string{"app_main", "datacenter", "schema:"}},
	}
	for _, tt := range tests {
		res := askPage(t, page, tt.question)
		for _, w := range tt.want {
			if !strings.Contains(res.Text, w) {
				t.Errorf("%q: answer %q, want %q in it", tt.question, res.Text, w)
			}
		}
		for _, w := range tt.notWant {
			if strings.Contains(res.Text, w) {
				t.Errorf("%q: answer %q holds %q", tt.question, res.Text, w)
			}
		}
	}
}
