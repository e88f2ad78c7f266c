package abstaineval

import (
	"slices"
	"strings"
	"testing"
)

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

// TestHalfGivenBySet checks that a question whose line names its half
// ("half": "tune" or "test") is selected in that half whatever its id's
// hash says (a set split by tree, tables.jsonl), that one without keeps
// the hash's half, and that any other half is refused on loading.
func TestHalfGivenBySet(t *testing.T) {
	// Two ids whose hashes fall in different halves, each given the other.
	var ids [2]string
	for i := 0; ids[0] == "" || ids[1] == ""; i++ {
		id := "q-" + string(rune('a'+i%26)) + string(rune('a'+i/26))
		if Half(id) == Tune && ids[0] == "" {
			ids[0] = id
		} else if Half(id) == Test && ids[1] == "" {
			ids[1] = id
		}
	}
	set := `{"id": "` + ids[0] + `", "lang": "en", "kind": "out", "question": "Who?", "half": "test"}
{"id": "` + ids[1] + `", "lang": "en", "kind": "out", "question": "Why?", "half": "tune"}
{"id": "q-hash", "lang": "en", "kind": "out", "question": "When?"}
`
	qs, err := Load(strings.NewReader(set))
	if err != nil {
		t.Fatal(err)
	}
	for _, half := range []string{Tune, Test} {
		var got []string
		for _, q := range Select(qs, half) {
			got = append(got, q.ID)
		}
		want := []string{ids[1]}
		if half == Test {
			want = []string{ids[0]}
		}
		if Half("q-hash") == half {
			want = append(want, "q-hash")
		}
		if !slices.Equal(got, want) {
			t.Errorf("Select(%s) = %v, want %v", half, got, want)
		}
	}
	if _, err := Load(strings.NewReader(`{"id": "x", "lang": "en", "kind": "out", "question": "Who?", "half": "train"}`)); err == nil {
		t.Error(`Load accepted "half": "train"`)
	}
}
