package sentvec

import (
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
