package answer

import (
	"slices"
	"testing"
	"testing/fstest"
)

// "how long", "how old", "how often" inside a question that asks another
// thing ("Which histogram tells me how long …") describe what is asked:
// the word after "how" is no focus word there, and no figure is asked.
// Opening the question, or elsewhere, the word stays one.
func TestHowMeasureIsNoFocusWord(t *testing.T) {
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"save.md": {Data: []byte("# Saving\n\nSaving spans to storage takes 40 ms. The histogram save_latency tells it.\n\nLong jobs are old and run often.\n")},
	}), nil)
	st := p.state.Load()
	for _, tt := range []struct {
		q, word string
		want    bool
	}{
		{"How long does saving spans take?", "long", true},
		{"Which histogram tells me how long saving spans to storage takes?", "long", false},
		{"What tells me how old the histogram is?", "old", false},
		{"How often do jobs run?", "often", true},
		{"Which jobs are long?", "long", true},
		{"What changes often?", "often", true},
	} {
		f := st.focusOf(tt.q)
		if got := slices.Contains(f.everyWord, tt.word); got != tt.want {
			t.Errorf("%q: focus words %q, want %q among them %v", tt.q, f.everyWord, tt.word, tt.want)
		}
	}
}

func TestEmbeddedHowAsksNoFigure(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want answerKind
	}{
		{"Which histogram tells me how long saving spans to storage takes?", anyKind},
		{"What flag sets how many retries are made?", anyKind},
		{"How long does saving spans take?", figureKind},
		{"How many retries are made?", amountKind},
		{"Can you tell me how long saving takes?", figureKind},
	} {
		if got := kindOf(tt.q); got != tt.want {
			t.Errorf("kindOf(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}
