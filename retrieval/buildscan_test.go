package retrieval

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// buildBoth builds items with and without the fast path and fails unless
// the two indexes are the same: terms, ids, postings, lengths.
func buildBoth(t testing.TB, items []Item) {
	t.Helper()
	parts := func(fast bool) Parts {
		cfg, _ := Config{}.withDefaults()
		ix := &Index{cfg: cfg, items: items}
		ix.build(fast, buildHold{})
		p, err := ix.Parts()
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	fast, general := parts(true), parts(false)
	if !reflect.DeepEqual(fast, general) {
		for i, it := range items {
			one := []Item{it}
			cfg, _ := Config{}.withDefaults()
			a, b := &Index{cfg: cfg, items: one}, &Index{cfg: cfg, items: one}
			a.build(true, buildHold{})
			b.build(false, buildHold{})
			if !reflect.DeepEqual(a.dict, b.dict) || !reflect.DeepEqual(a.itemLen, b.itemLen) {
				t.Fatalf("item %d (%q, title %q): fast path terms %v length %v, tokenizer's %v length %v",
					i, it.Text, it.Title, a.dict, a.itemLen, b.dict, b.itemLen)
			}
		}
		t.Fatalf("the fast path's index differs from the tokenizer's (items alike one by one)")
	}
}

// fastPathAlphabet mixes what the fast path reads with what it must leave
// to the tokenizer: case changes, joiners between letters and digits,
// white space of every kind, combining marks after spaces and letters,
// letters that NFKC or case folding change, CJK, invalid UTF-8.
var fastPathAlphabet = []string{
	"a", "b", "e", "s", "z", "A", "Q", "Z", "0", "1", "9", " ", " ", " ", "\t", "\n", "\r", "\v", "\f",
	"'", ".", ",", "_", "-", "(", ")", "/", "%", "\x00", "\x7f",
	"the", "The", "THE", "cells", "DNA", "mRNA", "IL", "2012", "70", "000",
	"p53", "CD4", "Th17", "RNAs", "DCs", "RNAse", "HTTPServer", "ABCd", "0.05", "1.2.3", "5mg", "pH", "s",
	"é", "e\u0301", "\u0301", "\u0345", "ß", "ﬁ", "Ａ", "’", "\u00ad", "\u200b", "\u00a0", "中", "文", "ภาษา", "\xff", "\xc3",
	strings.Repeat("x", 17), strings.Repeat("y", 97),
}

func randomText(r *rand.Rand, n int) string {
	var sb strings.Builder
	for range n {
		sb.WriteString(fastPathAlphabet[r.IntN(len(fastPathAlphabet))])
	}
	return sb.String()
}

func TestFastPathAgrees(t *testing.T) {
	var items []Item
	for _, tc := range analysisCases {
		items = append(items, Item{Doc: "cases", Text: tc.text, Lang: tc.lang})
	}
	r := rand.New(rand.NewPCG(15, 4))
	langs := []string{"en", "fr", "de", "zh", "ar", "und"}
	for d := range 600 {
		title := randomText(r, r.IntN(6))
		lang := langs[r.IntN(len(langs))]
		for range 1 + r.IntN(8) {
			items = append(items, Item{Doc: string(rune('a' + d%26)), Title: title, Text: randomText(r, r.IntN(60)), Lang: lang})
		}
	}
	buildBoth(t, items)
}

// The fast path on SciFact: real text, with its symbols and acronyms.
func TestFastPathAgreesSciFact(t *testing.T) {
	buildBoth(t, loadSciFact(t).items)
}

func FuzzFastPath(f *testing.F) {
	for _, tc := range analysisCases {
		f.Add(tc.text, uint8(0))
	}
	f.Add("cells. The DNA_x a_b it's 1,5 5mg e\u0301 \u0301x", uint8(1))
	f.Fuzz(func(t *testing.T, text string, li uint8) {
		lang := fuzzLangs[int(li)%len(fuzzLangs)]
		title, body, _ := strings.Cut(text, "\n")
		buildBoth(t, []Item{
			{Doc: "d", Title: title, Text: body, Lang: lang},
			{Doc: "d", Title: title, Text: text, Lang: lang},
			{Doc: "e", Text: title, Lang: lang},
		})
	})
}

// lowerDigits marks what byteClass calls lower-case letters and digits,
// every byte value in every position, whatever its neighbours.
func TestLowerDigits(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for c := range 256 {
		for pos := range 8 {
			var b [8]byte
			for i := range b {
				b[i] = byte(r.IntN(256))
			}
			b[pos] = byte(c)
			lower, digit := lowerDigits(load64(string(b[:]), 0))
			for i, x := range b {
				gotL, gotD := lower>>(8*i)&0xff, digit>>(8*i)&0xff
				wantL, wantD := uint64(0), uint64(0)
				if byteClass[x] == bcLower {
					wantL = 0x80
				}
				if byteClass[x] == bcDigit {
					wantD = 0x80
				}
				if gotL != wantL || gotD != wantD {
					t.Fatalf("% x byte %d (%#x): lower %#x digit %#x, want %#x %#x", b, i, x, gotL, gotD, wantL, wantD)
				}
			}
		}
	}
}

// wordChunks checks wordChunk against scanChunk at every position of
// text that could start a chunk: wherever it reads a chunk, scanChunk
// reads the same single token, key and hash included, and ends the chunk
// at the same place.
func wordChunks(t testing.TB, text string) (read int) {
	t.Helper()
	for i := 0; i+16 <= len(text); i++ {
		c := byteClass[text[i]]
		if c != bcLower && c != bcUpper && c != bcDigit {
			continue
		}
		var got simpleTok
		next, ok := wordChunk(text, i, c, &got)
		if !ok {
			continue
		}
		read++
		var toks [chunkToks]simpleTok
		nt, end, sok := scanChunk(text, i, &toks)
		if !sok || nt != 1 || end != next || toks[0] != got {
			t.Fatalf("%q at %d: wordChunk %+v to %d; scanChunk %d tokens %+v to %d (ok %v)", text, i, got, next, nt, toks[:nt], end, sok)
		}
	}
	return read
}

func TestWordChunk(t *testing.T) {
	pad := strings.Repeat(" ", 16)
	read := wordChunks(t, "cells, The p53 2012) 0.05 DNA mRNA RNAs a_b e.g. it's 70,000 x'y 5mg,"+pad)
	read += wordChunks(t, "abcdefghijklmno abcdefghijklmnop Abcdefghijklmn. 123456789012345"+pad)
	r := rand.New(rand.NewPCG(9, 10))
	for range 2000 {
		read += wordChunks(t, randomText(r, 1+r.IntN(40))+pad)
	}
	if read < 1000 {
		t.Fatalf("wordChunk read %d chunks: the test is not testing it", read)
	}
}

func FuzzWordChunk(f *testing.F) {
	f.Add("cells, The p53 2012) 0.05 DNA mRNA RNAs a_b e.g. it's 70,000")
	f.Fuzz(func(t *testing.T, text string) {
		wordChunks(t, text)
		wordChunks(t, text+strings.Repeat(" ", 16))
	})
}
