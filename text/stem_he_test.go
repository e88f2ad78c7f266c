package text

import "testing"

func TestHebrewStem(t *testing.T) {
	cases := []struct{ in, want string }{
		// A technical word the list lacks carries its prefixes.
		{"בקומפוננטה", "קומפוננטה"},
		{"הקומפוננטה", "קומפוננטה"},
		{"לקומפוננטה", "קומפוננטה"},
		{"וכשהקומפוננטה", "קומפוננטה"},
		{"שבקומפוננטה", "קומפוננטה"},
		{"מהקומפוננטה", "קומפוננטה"},
		{"קומפוננטה", "קומפוננטה"},
		// Every form meets the same stem, however many prefixes.
		{"ההתקנה", HebrewStem("התקנה")},
		{"להתקנה", HebrewStem("התקנה")},
		{"ולהתקנה", HebrewStem("התקנה")},
		// A word of its own, commoner than what a prefix would leave.
		{"מערכת", "מערכת"},
		{"מהמערכת", "מערכת"},
		{"ולמערכת", "מערכת"},
		{"משקל", "משקל"},
		{"במשקל", "משקל"},
		{"שירות", "שירות"},
		{"לקוח", "לקוח"},
		// Short words stay whole: no prefix leaves fewer than three letters.
		{"שלב", "שלב"},
		{"בית", "בית"},
		{"של", "של"},
		{"מה", "מה"},
		{"בלב", "בלב"},
		// Geresh inside the word.
		{"בצ'אט", "צ'אט"},
		// Other scripts.
		{"react", "react"},
		{"компонента", "компонента"},
		{"", ""},
		{"ב", "ב"},
	}
	for _, c := range cases {
		if got := HebrewStem(c.in); got != c.want {
			t.Errorf("HebrewStem(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestHebrewWordsTable(t *testing.T) {
	w := heWords()
	if len(w) < 40000 {
		t.Fatalf("he_words.txt: %d words, want the 48,865 gen_hewords.go keeps", len(w))
	}
	if w["מערכת"] <= w["ערכת"] || w["לא"] < 70 {
		t.Errorf("he_words.txt values: מערכת %d, ערכת %d, לא %d", w["מערכת"], w["ערכת"], w["לא"])
	}
}

func FuzzHebrewStem(f *testing.F) {
	for _, s := range []string{"וכשהקומפוננטה", "מהמערכת", "ב", "\xd7", "ו\xd7"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := HebrewStem(s)
		if len(got) > len(s) || s[len(s)-len(got):] != got {
			t.Fatalf("HebrewStem(%q) = %q: not a suffix of the word", s, got)
		}
		if got != s && HebrewStem(got) != got {
			t.Fatalf("HebrewStem(%q) = %q, which stems again to %q", s, got, HebrewStem(got))
		}
	})
}
