package answer

import (
	"context"
	"testing"
	"testing/fstest"
)

func TestDecisionModelTable(t *testing.T) {
	// Empty, the rule decides alone; otherwise a weight a signal.
	if n := len(decisionModel.weights); n != 0 && n != len(signalNames) {
		t.Fatalf("decisionModel has %d weights for %d signals", n, len(signalNames))
	}
}

func TestModelAnswers(t *testing.T) {
	m := logistic{bias: -1, weights: []float64{2, -1}}
	tests := []struct {
		sig  []float64
		want bool
	}{
		{[]float64{1, 0}, true},   // -1 + 2 = 1
		{[]float64{0.5, 0}, true}, // exactly at the threshold
		{[]float64{1, 2}, false},  // -1 + 2 - 2
		{[]float64{0, 0}, false},
	}
	for _, tt := range tests {
		if got := m.answers(tt.sig); got != tt.want {
			t.Errorf("answers(%v) = %v, want %v", tt.sig, got, tt.want)
		}
	}
	if (logistic{}).answers([]float64{1}) {
		t.Error("a model without weights answers; it must leave the rule alone")
	}
}

func TestWeighingPicks(t *testing.T) {
	rule, loose := []pick{{text: "rule"}}, []pick{{text: "loose"}}
	// A model that answers when the second signal (share) reaches a half.
	m := logistic{bias: -1, weights: make([]float64, len(signalNames))}
	m.weights[1] = 2
	yes, no := make([]float64, len(signalNames)), make([]float64, len(signalNames))
	yes[1], no[1] = 0.6, 0.3
	tests := []struct {
		name string
		w    weighing
		want string
	}{
		{"the rule keeps a sentence", weighing{rule: rule, loose: loose, signals: no}, "rule"},
		{"nothing loose", weighing{}, ""},
		{"loose, the model abstains", weighing{loose: loose, signals: no}, ""},
		{"loose, the model answers", weighing{loose: loose, signals: yes}, "loose"},
	}
	for _, tt := range tests {
		got := ""
		if ps := tt.w.picks(m); len(ps) > 0 {
			got = ps[0].text
		}
		if got != tt.want {
			t.Errorf("%s: picks %q, want %q", tt.name, got, tt.want)
		}
	}
	if ps := (weighing{loose: loose, signals: yes}).picks(logistic{}); ps != nil {
		t.Errorf("without a model: picks %v, want none (the rule alone)", ps)
	}
}

// Weigh says what Ask decides, with a signal for each name.
func TestWeigh(t *testing.T) {
	c := loadFS(t, fstest.MapFS{
		"relay.md": {Data: []byte("# Relay\n\nThe relay forwards messages to the archive every ten minutes. It was written by the operations team in 2019.\n")},
		"cache.md": {Data: []byte("# Cache\n\nThe cache keeps rendered pages for an hour before it drops them.\n")},
	})
	p := newPipeline(t, c, nil)
	ctx := context.Background()
	for _, q := range []string{"How often does the relay forward messages?", "What does the relay cost per month?", "How long does the cache keep pages?"} {
		w, err := p.Weigh(ctx, Question{Text: q})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		res, err := p.Ask(ctx, Question{Text: q})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if w.Answered == res.Abstained {
			t.Errorf("%s: Weigh says answered %v, Ask abstained %v", q, w.Answered, res.Abstained)
		}
		if w.Signals != nil && len(w.Signals) != len(SignalNames()) {
			t.Errorf("%s: %d signals for %d names", q, len(w.Signals), len(SignalNames()))
		}
		if w.Rule != "" && (w.Signals == nil || w.Signals[0] != 1) {
			t.Errorf("%s: the rule answers (%q) but its signal is %v", q, w.Rule, w.Signals)
		}
		if w.Answered && w.Rule != "" && res.Text != w.Rule {
			t.Errorf("%s: Ask shows %q, Weigh's rule %q", q, res.Text, w.Rule)
		}
	}
}
