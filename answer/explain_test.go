package answer

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

// Explain reports the question's words with their weights and each
// sentence the caller looks for with its share of the focus: the
// sentence that answers in other words holds too little of it to pass.
func TestExplain(t *testing.T) {
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"river.md": {Data: []byte("# Rivers\n\nThe river Sorrel runs through the valley to the sea.\n\nBoats carry timber down the Sorrel every spring.\n")},
		"town.md":  {Data: []byte("# Towns\n\nThe market town holds a fair in autumn.\n\nIts bridge was rebuilt after the flood.\n")},
	}), nil)
	ctx := context.Background()
	for _, tt := range []struct {
		question, sentence string
		passes             bool
		words              []string
	}{
		{"What does the Sorrel flow into?", "runs through the valley to the sea", false, []string{"sorrel", "flow"}},
		{"What do boats carry down the Sorrel?", "Boats carry timber", true, []string{"boats", "carry", "sorrel"}},
	} {
		e, err := p.Explain(ctx, Question{Text: tt.question}, func(s string) bool { return strings.Contains(s, tt.sentence) })
		if err != nil {
			t.Fatal(err)
		}
		if !e.Candidates || len(e.Sentences) != 1 {
			t.Fatalf("%q: %+v, want one sentence holding %q", tt.question, e, tt.sentence)
		}
		if s := e.Sentences[0]; s.Passes != tt.passes || s.Passes != (s.Share >= DefaultFocusCoverage) || s.Share > e.Best {
			t.Errorf("%q: %+v (best %.2f), want passes %v", tt.question, s, e.Best, tt.passes)
		}
		for _, w := range tt.words {
			found := false
			for _, x := range e.Words {
				found = found || x.Word == w && x.Weight > 0
			}
			if !found {
				t.Errorf("%q: words %+v, want %q weighed", tt.question, e.Words, w)
			}
		}
		// Explain says what Ask does.
		res, err := p.Ask(ctx, Question{Text: tt.question})
		if err != nil {
			t.Fatal(err)
		}
		if answered := !res.Abstained && strings.Contains(res.Text, tt.sentence); answered != tt.passes {
			t.Errorf("%q: Ask answered with the sentence %v (%q), Explain says it passes %v", tt.question, answered, res.Text, tt.passes)
		}
	}
	// A guard's refusal is named, and Retrieved says whether a block
	// held what was looked for at all.
	e, err := p.Explain(ctx, Question{Text: "How many boats carry timber down the Sorrel?"}, func(s string) bool { return strings.Contains(s, "Boats carry timber") })
	if err != nil {
		t.Fatal(err)
	}
	if !e.Retrieved || len(e.Sentences) != 1 || !e.Sentences[0].Refused || e.Sentences[0].Guard != "kind" || !e.Sentences[0].Unguarded {
		t.Errorf("how many, of a sentence with no figure: %+v, want it retrieved and refused by the kind guard alone", e)
	}
	e, err = p.Explain(ctx, Question{Text: "What does the Sorrel flow into?"}, func(s string) bool { return strings.Contains(s, "not in any document") })
	if err != nil {
		t.Fatal(err)
	}
	if e.Retrieved || len(e.Sentences) != 0 {
		t.Errorf("a string no document holds: %+v, want nothing retrieved holding it", e)
	}
	if _, err := p.Explain(ctx, Question{Text: "   "}, func(string) bool { return true }); err == nil {
		t.Error("Explain of an empty question: no error")
	}
}
