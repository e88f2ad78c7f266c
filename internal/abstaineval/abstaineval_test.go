package abstaineval

import "testing"

func TestPerReply(t *testing.T) {
	tests := []struct {
		name         string
		counts       []Counts
		lines, runes float64
	}{
		{"no answers", []Counts{{Out: 1, OutAbstained: 1}}, 0, 0},
		{"one answer", []Counts{{Replies: 1, Lines: 3, Runes: 300}}, 3, 300},
		{"abstentions do not dilute", []Counts{{Replies: 1, Lines: 1, Runes: 100}, {In: 1, InAbstained: 1}, {Replies: 1, Lines: 3, Runes: 200}}, 2, 150},
	}
	for _, tt := range tests {
		var c Counts
		for _, d := range tt.counts {
			c.add(d)
		}
		if l, r := c.PerReply(); l != tt.lines || r != tt.runes {
			t.Errorf("%s: PerReply() = %v, %v; want %v, %v", tt.name, l, r, tt.lines, tt.runes)
		}
	}
}
