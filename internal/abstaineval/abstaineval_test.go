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

func TestFirstSentence(t *testing.T) {
	tests := []struct {
		name, answer, want string
	}{
		{"one line, two sentences", "TeX is a typesetting system. Knuth wrote it in 1978. [1]", "TeX is a typesetting system."},
		{"first line only", "Presentations are made with LaTeX. [1]\nKnuth created TeX. [2]", "Presentations are made with LaTeX. [1]"},
		{"citation of a lone sentence", "Knuth created TeX [1]", "Knuth created TeX [1]"},
		{"a lead-in with what it introduces", "Values come from: • values.yaml • a file given with -f [1]", "Values come from: • values.yaml • a file given with -f [1]"},
		{"Chinese", "Helm 是包管理器。它管理 chart。 [1]", "Helm 是包管理器。"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		if got := FirstSentence(tt.answer); got != tt.want {
			t.Errorf("%s: FirstSentence(%q) = %q; want %q", tt.name, tt.answer, got, tt.want)
		}
	}
	// The measure: an expected string after the first sentence does not count.
	if a := "Presentations are made with LaTeX. Knuth created TeX. [1]"; Holds(FirstSentence(a), []string{"Knuth"}) || !Holds(a, []string{"Knuth"}) {
		t.Errorf("Knuth in %q: want held by the answer, not by its first sentence", a)
	}
}
