package answer

import (
	"context"
	"os"
	"strings"
	"testing"
)

// On real documentation (corpus/testdata/public, see its README): an
// extractive answer quotes prose, never lines of a code block or a table
// run together, and a question's sources are the page in its own language
// when the page exists in several.
func TestPublicDocsAnswers(t *testing.T) {
	p := newPipeline(t, loadFS(t, os.DirFS("../corpus/testdata/public")), nil)
	tests := []struct {
		question string
		want     string // in the answer
		lang     string // every source's document is in this language folder ("" English)
	}{
		{"What happens if no hook deletion policy is specified?", "before-hook-creation behavior applies by default", ""},
		{"What are Helm hooks?", "hook", ""},
		{"Que se passe-t-il si aucune politique de suppression de hook n'est spécifiée ?", "", "/fr/"},
	}
	for _, tt := range tests {
		res, err := p.Ask(context.Background(), Question{Text: tt.question})
		if err != nil {
			t.Fatalf("%q: %v", tt.question, err)
		}
		if res.Abstained {
			t.Errorf("%q: abstained", tt.question)
			continue
		}
		if !strings.Contains(res.Text, tt.want) {
			t.Errorf("%q: answer %q lacks %q", tt.question, res.Text, tt.want)
		}
		for _, c := range res.Claims {
			for _, q := range c.Quotes {
				if strings.Contains(q, `": `) || strings.Contains(q, " | ") {
					t.Errorf("%q: quotes code or a table as a sentence: %q", tt.question, q)
				}
			}
		}
		for _, s := range res.Sources {
			if inFr := strings.Contains(s.DocID, "/fr/"); inFr != (tt.lang == "/fr/") {
				t.Errorf("%q: source [%d] %s is not in the question's language", tt.question, s.N, s.DocID)
			}
		}
	}
}
