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

// Consider lists the candidate sentences ranked, at most n, each with its
// fit whether the rules keep it or not: the one Ask shows passes, the one
// that answers in other words ("runs … to the sea" for "flow into") is
// listed, not passing.
func TestConsider(t *testing.T) {
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"river.md": {Data: []byte("# Rivers\n\nThe river Sorrel runs through the valley to the sea.\n\nBoats carry timber down the Sorrel every spring.\n")},
		"town.md":  {Data: []byte("# Towns\n\nThe market town holds a fair in autumn.\n\nIts bridge was rebuilt after the flood.\n")},
	}), nil)
	ctx := context.Background()
	cs, err := p.Consider(ctx, Question{Text: "What does the Sorrel flow into?"}, 10)
	if err != nil {
		t.Fatal(err)
	}
	var sea *ConsideredSentence
	for i := range cs {
		if strings.Contains(cs[i].Text, "to the sea") {
			sea = &cs[i]
		}
		if i > 0 && cs[i].Score > cs[i-1].Score {
			t.Errorf("candidate %d (%q, %.2f) ranks below a lower score (%.2f)", i, cs[i].Text, cs[i].Score, cs[i-1].Score)
		}
	}
	if sea == nil || sea.Passes || sea.Share >= DefaultFocusCoverage || sea.Quote == "" {
		t.Fatalf("Consider = %+v, want the sea's sentence listed, holding too little of the focus to pass", cs)
	}
	cs, err = p.Consider(ctx, Question{Text: "What do boats carry down the Sorrel?"}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 || !cs[0].Passes || !strings.Contains(cs[0].Text, "Boats carry timber") {
		t.Errorf("Consider(n=1) = %+v, want only the timber sentence, passing", cs)
	}
	if cs, err := p.Consider(ctx, Question{Text: "Who painted the Mona Lisa?"}, 10); err != nil || len(cs) != 0 {
		t.Errorf("Consider of a question nothing retrieves = %+v, %v, want none", cs, err)
	}
}
