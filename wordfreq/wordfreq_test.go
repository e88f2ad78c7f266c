package wordfreq

import "testing"

func TestEnglish(t *testing.T) {
	for _, tc := range []struct {
		word     string
		min, max float64
	}{
		{"the", 7, 8},
		{"come", 6, 7},
		{"happen", 5, 6},
		{"happens", 5, 6},
		// Rarer than the table keeps: no value at all.
		{"subdirectory", 0, 0},
		{"lithuania", 0, 0},
		// Forms are looked up as they are written.
		{"Come", 0, 0},
		{"", 0, 0},
	} {
		if got := English(tc.word); got < tc.min || got > tc.max {
			t.Errorf("English(%q) = %v, want %v to %v", tc.word, got, tc.min, tc.max)
		}
	}
}

func TestEnglishOrdersCommonBeforeRare(t *testing.T) {
	// The point of the table: a framing verb is commoner than a word a
	// question asks about.
	if English("happen") <= English("salary") {
		t.Errorf("happen %v, salary %v: want happen commoner", English("happen"), English("salary"))
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		data string
		ok   bool
	}{
		{"# comment\nyou 7.60\nhappen 5.41\n", true},
		{"you\n", false},
		{"you seven\n", false},
		{"rare 3.10\n", false},
	} {
		_, err := parse(tc.data)
		if (err == nil) != tc.ok {
			t.Errorf("parse(%q): err %v, want ok %v", tc.data, err, tc.ok)
		}
	}
}
