package sentvec

import (
	"math"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The tokenizer takes any text: no panic, every id in the vocabulary, no
// more ids than runes.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"", " ", "hello", "Café ﬁ ①", "東京", "😀👍🏽", "a\x00b", "\xff\xfe", "”5”5", strings100()} {
		f.Add(s)
	}
	var e Encoder
	if err := e.Load(); err != nil {
		f.Fatal(err)
	}
	n := int32(len(e.m.tok.pieces))
	f.Fuzz(func(t *testing.T, s string) {
		ids := e.Tokenize(s)
		for _, id := range ids {
			if id < 0 || id >= n || (id > 0 && id < reserved) {
				t.Fatalf("Tokenize(%q): id %d out of range", s, id)
			}
		}
		// One id at most per rune of the normalised text, and its word mark.
		if r := utf8.RuneCountInString(norm.NFKC.String(s)); len(ids) > r+1 {
			t.Fatalf("Tokenize(%q): %d ids for %d runes", s, len(ids), r)
		}
	})
}

func strings100() string {
	b := make([]byte, 0, 600)
	for range 100 {
		b = append(b, "word "...)
	}
	return string(b)
}

// Any text embeds as a finite unit vector of Dim values.
func FuzzEncode(f *testing.F) {
	for _, s := range []string{"", " ", "hello", "東京 😀", "\xff", strings100()} {
		f.Add(s)
	}
	var e Encoder
	f.Fuzz(func(t *testing.T, s string) {
		v := e.Encode(s)[0]
		if len(v) != Dim {
			t.Fatalf("Encode(%q): %d values", s, len(v))
		}
		var ss float64
		for _, x := range v {
			if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
				t.Fatalf("Encode(%q): %v", s, x)
			}
			ss += float64(x) * float64(x)
		}
		if math.Abs(ss-1) > 1e-4 {
			t.Fatalf("Encode(%q): squared norm %v", s, ss)
		}
	})
}
