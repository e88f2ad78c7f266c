package answer

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

// "What is the default sync mode?" is answered by the list item the
// sentence after it calls the default ("`eager`: sync at once. This is
// the default."), before a sentence that holds every word asked only
// inside a setting's name ("server.defaultSyncMode=lazy").
func TestDefaultDeclaredFirst(t *testing.T) {
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"sync.md": {Data: []byte("# Sync\n\n## Default sync modes\n\n" +
			"The `config.example.io/default-sync-mode` annotation can be set on a namespace or a workload, and decides how its data is copied. Valid modes include:\n\n" +
			"- `eager`: copy every change at once. This is the default.\n" +
			"- `lazy`: copy changes when a reader asks for them.\n" +
			"- `off`: copy nothing.\n\n" +
			"## Changing the mode\n\n" +
			"To set the whole cluster to lazy mode, set server.defaultSyncMode=lazy when installing the server; for a namespace, use the annotation config.example.io/default-sync-mode:lazy.\n\n" +
			"For example, with config.example.io/default-sync-mode:off on a namespace, its workloads keep no copies.\n")},
		"other.md": {Data: []byte("# Logging\n\nThe server writes its log to the journal.\n\nLog lines carry a timestamp and a level.\n")},
	}), nil)
	for _, tt := range []struct{ q, want string }{
		{"What is the default sync mode?", "eager"},
		{"What is the server's default sync mode?", "eager"},
	} {
		res, err := p.Ask(context.Background(), Question{Text: tt.q})
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(res.Text, "\n")
		if res.Abstained || !strings.Contains(first, tt.want) {
			t.Errorf("%q: answered %q (abstained %v), want %q first", tt.q, res.Text, res.Abstained, tt.want)
		}
	}
}
