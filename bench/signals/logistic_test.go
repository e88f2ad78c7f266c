package signals

import (
	"math"
	"testing"
)

// Fit finds the signal that separates, ignores the one that does not,
// and gives the same model bit for bit on the same rows.
func TestFit(t *testing.T) {
	var xs [][]float64
	var ys []bool
	for i := range 200 {
		x := float64(i%20) / 20 // separates, with overlap in the middle
		noise := float64((i*7)%13) / 13
		xs = append(xs, []float64{noise, x})
		ys = append(ys, x+0.1*noise > 0.5)
	}
	m := Fit(xs, ys, []int{0, 1}, 0.01)
	if m.Weights[1] <= 0 || math.Abs(m.Weights[1]) < 5*math.Abs(m.Weights[0]) {
		t.Errorf("weights %v: want the second signal's positive and far the larger", m.Weights)
	}
	if s := m.Score([]float64{0.5, 0.9}); s <= 0 {
		t.Errorf("score of a clear positive %v, want > 0", s)
	}
	if s := m.Score([]float64{0.5, 0.1}); s >= 0 {
		t.Errorf("score of a clear negative %v, want < 0", s)
	}
	again := Fit(xs, ys, []int{0, 1}, 0.01)
	if again.Bias != m.Bias || again.Weights[0] != m.Weights[0] || again.Weights[1] != m.Weights[1] {
		t.Errorf("two fits differ: %+v, %+v", m, again)
	}
	// A stronger penalty shrinks the weights.
	if l := Fit(xs, ys, []int{0, 1}, 1); math.Abs(l.Weights[1]) >= math.Abs(m.Weights[1]) {
		t.Errorf("L2 1: weight %v, not below L2 0.01's %v", l.Weights[1], m.Weights[1])
	}
}
