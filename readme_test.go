package main

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"corpusbot/store"
)

// The operator queries in the README are the ones the store package tests
// against a real database.
func TestReadmeQueriesMatchStore(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	squash := func(s string) string {
		return strings.Join(strings.Fields(strings.TrimSuffix(strings.TrimSpace(s), ";")), " ")
	}
	readme := squash(string(b))
	for name, q := range map[string]string{"QueryVotesPerDay": store.QueryVotesPerDay, "QueryTopQuestions": store.QueryTopQuestions} {
		if !strings.Contains(readme, squash(q)) {
			t.Errorf("README lacks store.%s:\n%s", name, q)
		}
	}
}

// fencedBlocks returns the README's fenced code blocks of one language, in
// order.
func fencedBlocks(t *testing.T, lang string) []string {
	t.Helper()
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile("(?ms)^```" + regexp.QuoteMeta(lang) + "\n(.*?)^```\n")
	var out []string
	for _, m := range re.FindAllStringSubmatch(string(b), -1) {
		out = append(out, m[1])
	}
	return out
}

// The README's first command works on a fresh clone: no key, no folder.
func TestReadmeFirstCommand(t *testing.T) {
	blocks := fencedBlocks(t, "sh")
	if len(blocks) == 0 {
		t.Fatal("README has no sh block")
	}
	const cmd = `go run . ask "Why was Alipay told to spin off its micro-loan business?"`
	if strings.TrimSpace(blocks[0]) != cmd {
		t.Fatalf("README's first command is %q, want %q", blocks[0], cmd)
	}
	out, errOut, code := runCLI(t, nil, "ask", "Why was Alipay told to spin off its micro-loan business?")
	if code != 0 || !strings.Contains(out, "[1]") || !strings.Contains(out, "Sources:\n[1] ") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// The --corpus example of the README: its file, its command, and the very
// output it shows, with and without SOURCE_URL.
func TestReadmeCorpusExample(t *testing.T) {
	var script string
	for _, b := range fencedBlocks(t, "sh") {
		if strings.Contains(b, "ask --corpus mydocs") {
			script = b
		}
	}
	heredoc := regexp.MustCompile(`(?s)cat > mydocs/(\S+) <<'EOF'\n(.*?\n)EOF\n`).FindStringSubmatch(script)
	ask := regexp.MustCompile(`go run \. ask --corpus mydocs "([^"]+)"`).FindStringSubmatch(script)
	if heredoc == nil || ask == nil {
		t.Fatalf("README's --corpus example lacks its file or its command:\n%s", script)
	}
	dir := filepath.Join(t.TempDir(), "mydocs")
	if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(heredoc[1])), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, heredoc[1]), []byte(heredoc[2]), 0o644); err != nil {
		t.Fatal(err)
	}
	texts := fencedBlocks(t, "text")
	var shown, linked string
	for _, b := range texts {
		switch {
		case strings.HasPrefix(b, "If a release fails"):
			shown = b
		case strings.Contains(b, "https://github.com/acme/handbook/"):
			linked = b
		}
	}
	out, errOut, code := runCLI(t, nil, "ask", "--corpus", dir, ask[1])
	if code != 0 || out != shown {
		t.Errorf("the README shows\n%s\nthe command prints (exit %d)\n%s\nstderr %s", shown, code, out, errOut)
	}
	tmpl := regexp.MustCompile(`SOURCE_URL='([^']+)'`).FindStringSubmatch(strings.Join(fencedBlocks(t, "sh"), "\n"))
	if tmpl == nil || linked == "" {
		t.Fatal("README lacks the SOURCE_URL example")
	}
	out, _, _ = runCLI(t, map[string]string{"SOURCE_URL": tmpl[1]}, "ask", "--corpus", dir, ask[1])
	if !strings.Contains(out, linked) {
		t.Errorf("with SOURCE_URL the README shows\n%s\nthe command prints\n%s", linked, out)
	}
}

// envExample is .env.example's KEY=VALUE lines.
func envExample(t *testing.T) map[string]string {
	t.Helper()
	b, err := os.ReadFile(".env.example")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for line := range strings.Lines(string(b)) {
		line = strings.TrimSpace(line)
		if k, v, ok := strings.Cut(line, "="); ok && !strings.HasPrefix(line, "#") {
			m[k] = v
		}
	}
	return m
}

// .env.example, which the README says to copy to .env, holds the
// defaults: copied as it is, it changes nothing.
func TestEnvExampleIsTheDefaults(t *testing.T) {
	example, err := loadConfig(envMap(envExample(t)))
	if err != nil {
		t.Fatalf(".env.example does not load: %v", err)
	}
	defaults, err := loadConfig(envMap(nil))
	if err != nil {
		t.Fatal(err)
	}
	if reflect.DeepEqual(example, defaults) {
		return
	}
	ev, dv := reflect.ValueOf(example), reflect.ValueOf(defaults)
	for i := range ev.NumField() {
		if f := ev.Type().Field(i); f.IsExported() && !reflect.DeepEqual(ev.Field(i).Interface(), dv.Field(i).Interface()) {
			t.Errorf("config.%s: .env.example gives %v, the default is %v", f.Name, ev.Field(i), dv.Field(i))
		}
	}
	if !t.Failed() {
		t.Errorf(".env.example's values are not the defaults:\n%+v\n%+v", example, defaults)
	}
}

// A default the README names for a setting ("`QUEUE_WAIT` (default `5m`")
// is the one .env.example sets.
func TestReadmeDefaultsMatchEnvExample(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	example := envExample(t)
	named := regexp.MustCompile("`([A-Z][A-Z0-9_]+)`\\s+\\(default\\s+`?([^`;,)\\s]+)").FindAllStringSubmatch(string(b), -1)
	if len(named) < 5 {
		t.Fatalf("found %d settings with a default in the README; the pattern no longer matches how it writes them", len(named))
	}
	for _, m := range named {
		if v, ok := example[m[1]]; !ok || v != m[2] {
			t.Errorf("README: %s defaults to %q; .env.example sets %q", m[1], m[2], v)
		}
	}
}
