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

func TestLangs(t *testing.T) {
	langs := Languages()
	if len(langs) != 20 || langs[0] != "en" {
		t.Fatalf("Languages() = %v, want the 20 of the table, en first", langs)
	}
	for _, tc := range []struct {
		lang, word string
		min, max   float64
	}{
		{"de", "bedeutet", 4, 5.5},
		{"de", "ich", 7, 8},
		{"pt", "o", 7, 8},
		{"es", "o", 5.5, 7},
		{"no", "bruker", 4, 5.5},
		{"en", "bedeutet", 0, 0},
		{"xx", "the", 0, 0}, // no such language
	} {
		if got := Zipf(tc.lang, tc.word); got < tc.min || got > tc.max {
			t.Errorf("Zipf(%q, %q) = %v, want %v to %v", tc.lang, tc.word, got, tc.min, tc.max)
		}
	}
	if zs := Zipfs("the"); len(zs) != len(langs) || zs[0] < 70 {
		t.Errorf("Zipfs(the) = %v, want English first at Zipf×10 ≥ 70", zs)
	}
}

func TestParseLangs(t *testing.T) {
	for _, tc := range []struct {
		data string
		ok   bool
	}{
		{"# comment\n@en\n#75\nyou\n#60\nhappen\n@de\n#72\nich\n", true},
		{"you\n", false},              // no language
		{"@en\nyou\n", false},         // no value
		{"@en\n#seven\nyou\n", false}, // not a number
		{"@en\n#300\nyou\n", false},   // out of range
	} {
		_, err := parseLangs(tc.data)
		if (err == nil) != tc.ok {
			t.Errorf("parseLangs(%q): err %v, want ok %v", tc.data, err, tc.ok)
		}
	}
}

func BenchmarkParseLangs(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseLangs(langsData); err != nil {
			b.Fatal(err)
		}
	}
}
