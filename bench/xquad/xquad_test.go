package xquad

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFigures(t *testing.T) {
	for _, tc := range []struct{ s, lead string }{
		{"in 1995", "in 2995"},
		{"PDP-11 had 9 users", "PDP-11 had 1 users"}, // a name's digits are no figure
		{"Internet2 and ٣٥ sites", "Internet2 and ٤٥ sites"},
		{"no figure", "no figure"},
	} {
		if got := Lead(tc.s); got != tc.lead {
			t.Errorf("Lead(%q) = %q, want %q", tc.s, got, tc.lead)
		}
	}
	if a, b := FirstDigits("PDP-11"); a != -1 || b != -1 {
		t.Errorf("FirstDigits(PDP-11) = %d, %d: a name", a, b)
	}
	for r, v := range map[rune]int{'7': 7, '٧': 7, '۷': 7, '७': 7, '๗': 7, '７': 7, 'x': 0} {
		if got := DigitValue(r); got != v {
			t.Errorf("DigitValue(%q) = %d, want %d", r, got, v)
		}
	}
}

func TestLoadAndHalves(t *testing.T) {
	path := filepath.Join(t.TempDir(), "xquad.en.json")
	const data = `{"data": [{"paragraphs": [{"context": "Denver won in 2016.", "qas": [
		{"id": "q1", "answers": [{"text": "2016", "answer_start": 14}]},
		{"id": "q2", "answers": []}]}]}]}`
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	qs, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 1 || qs["q1"] != (QA{Context: "Denver won in 2016.", Answer: "2016", Start: 14}) {
		t.Errorf("Load = %+v, want q1 alone (q2 has no answer)", qs)
	}
	tune := 0
	for _, id := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		h := HalfOf(id)
		if h != HalfOf(id) || h != "tune" && h != "test" {
			t.Fatalf("HalfOf(%q) = %q", id, h)
		}
		if h == "tune" {
			tune++
		}
	}
	if tune == 0 || tune == 8 {
		t.Errorf("%d of 8 IDs in the tuning half", tune)
	}
	if Pct(1, 4) != 25 || Pct(1, 0) != 0 {
		t.Error("Pct")
	}
}
