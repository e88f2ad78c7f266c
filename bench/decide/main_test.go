package main

import (
	"testing"

	"corpusbot/bench/signals"
)

// rows makes a tuning set where the first signal tells in-corpus
// questions (high) from out-of-corpus ones (low), and the second is noise.
func rows() []signals.Row {
	var out []signals.Row
	for i := range 40 {
		in := i%2 == 0
		x := float64(i%7) / 10
		if in {
			x += 0.5
		}
		out = append(out, signals.Row{Set: []string{"a", "b"}[i%4/2], ID: string(rune('A' + i)), In: in, Loose: true, LooseOK: in, Signals: []float64{x, float64(i % 3)}})
	}
	// A question the rule answers: no case for the model.
	out = append(out, signals.Row{Set: "a", ID: "rule", In: true, Rule: true, RuleOK: true, Loose: true, LooseOK: true, Signals: []float64{1, 0}})
	return out
}

func TestFit(t *testing.T) {
	d := newData(rows(), 2, 5)
	if len(d.cases) != 40 || len(d.vetos) != 1 {
		t.Fatalf("%d cases, %d vetos; want 40, 1", len(d.cases), len(d.vetos))
	}
	m := fit(d.cases, []int{0, 1}, 0.01, nil)
	if m.weights[0] <= 0 {
		t.Errorf("the separating signal weighs %v; want > 0", m.weights[0])
	}
	if abs := max(m.weights[1], -m.weights[1]); abs > m.weights[0]/4 {
		t.Errorf("the noise weighs %v against %v", m.weights[1], m.weights[0])
	}
}

func TestOperate(t *testing.T) {
	d := &data{cases: []kase{
		{set: "a", in: true, y: true},
		{set: "a", in: true, y: true},
		{set: "b", in: false},
		{set: "a", in: true, y: true},
		{set: "a", in: false},
		{set: "a", in: true, y: true},
	}}
	scores := []float64{0.9, 0.8, 0.7, 0.6, 0.5, 0.4}
	tests := []struct {
		allow int
		gain  int
		t     float64
	}{
		{0, 2, 0.8}, // the first out-of-corpus question (b, 0.7) stops it
		{1, 4, 0.4}, // one a set: b's and a's pass
	}
	for _, tt := range tests {
		g, th := d.operate(scores, tt.allow)
		if g != tt.gain || th != tt.t {
			t.Errorf("allow %d: gain %d at %v; want %d at %v", tt.allow, g, th, tt.gain, tt.t)
		}
	}
}
