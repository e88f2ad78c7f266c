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
		// A lead-in ending with ":" is shown with the code it introduces,
		// as code.
		{"Que se passe-t-il si aucune politique de suppression de hook n'est spécifiée ?", "`\"helm.sh/hook-delete-policy\": before-hook-creation,hook-succeeded`", "/fr/"},
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
			// Code a lead-in introduces is shown as code, in backquotes;
			// the prose around it is no code.
			if prose := withoutCode(c.Text); strings.Contains(prose, `": `) || strings.Contains(prose, " | ") {
				t.Errorf("%q: quotes code or a table as a sentence: %q", tt.question, c.Text)
			}
		}
		for _, s := range res.Sources {
			if inFr := strings.Contains(s.DocID, "/fr/"); inFr != (tt.lang == "/fr/") {
				t.Errorf("%q: source [%d] %s is not in the question's language", tt.question, s.N, s.DocID)
			}
		}
	}
}

// withoutCode drops the `code spans` of s.
func withoutCode(s string) string {
	var b strings.Builder
	for i, part := range strings.Split(s, "`") {
		if i%2 == 0 {
			b.WriteString(part)
		}
	}
	return b.String()
}
