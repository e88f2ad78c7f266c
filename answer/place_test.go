package answer

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

func TestHoldsAddress(t *testing.T) {
	tests := []struct {
		sentence string
		want     bool
	}{
		{"Then navigate to http://localhost:8080.", true},
		{"The UI listens on localhost:16686 by default.", true},
		{"Point the agent at 127.0.0.1:4317.", true},
		{"The file lives in /etc/zorbix.", true},
		{"Keys are read from `~/.config/zorbix/keys`.", true},
		{"Edit charts/mychart/templates to change it.", true},
		{"Set it in values.yaml first.", true},
		{"Use ./bin to run it.", true},
		{"Use one and/or the other.", false},
		{"About 1/2 of the pods restart.", false},
		{"The read/write ratio matters.", false},
		{"Open the dashboard and look at the graphs.", false},
		{"The ratio is 3:1 at peak, as of 10:30.", false},
	}
	for _, tt := range tests {
		if got := holdsAddress(tt.sentence); got != tt.want {
			t.Errorf("holdsAddress(%q) = %v; want %v", tt.sentence, got, tt.want)
		}
	}
}

// A "where do I open it" question is answered first by the sentence
// writing the address, though another shares more of its words and only
// the heading says what the address is of.
func TestWhereOpensAddress(t *testing.T) {
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"zorbix.md": {Data: []byte("# Getting started\n\n## Zorbix demo\n\n" +
			"The Zorbix demo is a small shop that shows how the tracing works when it runs. " +
			"Start it with the script in the repository. " +
			"Then navigate to http://localhost:8080.\n")},
		"other.md": {Data: []byte("# Other\n\nSomething else entirely, about gardens and weather.\n")},
	}), nil)
	const q = "Where do I open the Zorbix demo once it runs?"
	res, err := p.Ask(context.Background(), Question{Text: q})
	if err != nil {
		t.Fatal(err)
	}
	if res.Abstained || !strings.Contains(res.Text, "http://localhost:8080") {
		t.Errorf("%q answered %q (abstained %v), want the address", q, res.Text, res.Abstained)
	}
}

// holdsAddress reads words split at spaces: surrounding a sentence with
// spaces, or ending it with a full stop, changes nothing.
func FuzzHoldsAddress(f *testing.F) {
	for _, s := range []string{"Then navigate to http://localhost:8080", "Set it in values.yaml first", "and/or", "~/.kube/config", "127.0.0.1:4317", "a/b/c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := holdsAddress(s)
		if holdsAddress(" "+s+" ") != got {
			t.Errorf("holdsAddress(%q) = %v, with spaces around %v", s, got, !got)
		}
		if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, ":") && holdsAddress(s+".") != got {
			t.Errorf("holdsAddress(%q) = %v, with a full stop %v", s, got, !got)
		}
	})
}

// "At what address …", "Which URL …" ask for an address as "where do I
// open" does: a sentence writing one holds the word "address" asked for,
// and answers first.
func TestWhatAddressOpensAddress(t *testing.T) {
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"zorbix.md": {Data: []byte("# Getting started\n\n## Zorbix console\n\n" +
			"The easiest way to run the Zorbix server is by starting its container in the foreground. " +
			"This runs the server with an in-memory store that keeps the last hour of traces. " +
			"You can navigate to http://localhost:16686 to browse the console.\n")},
		"other.md": {Data: []byte("# Other\n\nSomething else entirely, about gardens and weather.\n")},
	}), nil)
	for _, q := range []string{
		"At what address can I open the Zorbix console after starting the server?",
		"Which URL opens the Zorbix console after starting the server?",
	} {
		res, err := p.Ask(context.Background(), Question{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(res.Text, "\n")
		if res.Abstained || !strings.Contains(first, "http://localhost:16686") {
			t.Errorf("%q answered %q (abstained %v), want the address first", q, res.Text, res.Abstained)
		}
	}
	for _, tt := range []struct {
		q    string
		want bool
	}{
		{"At what address can I open the console?", true},
		{"Which URL opens the console?", true},
		{"What is the URL of the console?", true},
		{"Quelle adresse ouvre la console ?", true},
		{"What is the address of the company?", true},
		{"Who changed the address?", false},
		{"Why does the address change?", false},
		{"How do I set the console's address?", false},
	} {
		if got := asksForOf(tt.q) == forPlace; got != tt.want {
			t.Errorf("asksForOf(%q) == forPlace: %v, want %v", tt.q, got, tt.want)
		}
	}
}
