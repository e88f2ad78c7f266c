package retrieval

import (
	"slices"
	"testing"
	"unicode/utf8"
)

var fuzzLangs = []string{"en", "fr", "ar", "zh", "und"}

// FuzzAnalyze checks the analysers on any input: no panic; spans inside the
// text, non-empty and in order; terms valid, non-empty UTF-8; the index
// build's cached path producing exactly the pipeline's terms; Highlight and
// Search staying in bounds.
func FuzzAnalyze(f *testing.F) {
	for _, tc := range analysisCases {
		f.Add(tc.text, uint8(slices.Index(fuzzLangs, langKeyForFuzz(tc.lang))))
	}
	f.Add("a\xffb\xc3", uint8(0))
	f.Add("\u0301\u0301x\u0301'", uint8(1))
	f.Add("½ ﬀ ㍿ ﷺ", uint8(2))
	f.Fuzz(func(t *testing.T, text string, li uint8) {
		lang := fuzzLangs[int(li)%len(fuzzLangs)]
		a := newAnalyzers([]string{langKey(lang)})[0]
		var b analysisBuf
		toks := a.analyze(&b, text)
		want := map[string]bool{}
		prev := 0
		for _, tok := range toks {
			if tok.start < prev || tok.start >= tok.end || tok.end > len(text) {
				t.Fatalf("span [%d,%d) after %d in %d bytes", tok.start, tok.end, prev, len(text))
			}
			prev = tok.start
			if len(tok.term) == 0 || !utf8.Valid(tok.term) {
				t.Fatalf("term %q of [%d,%d): want non-empty valid UTF-8", tok.term, tok.start, tok.end)
			}
			want[string(tok.term)] = true
		}

		ix, err := New(Config{}, []Item{{Text: text, Lang: lang}})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for term := range ix.dict {
			got[term] = true
		}
		if len(got) != len(want) {
			t.Fatalf("index terms %v, want the pipeline's %v", got, want)
		}
		for term := range want {
			if !got[term] {
				t.Fatalf("index lacks %q; has %v", term, got)
			}
		}

		end := 0
		for _, s := range ix.Highlight(0, text) {
			if s.Start < end || s.Start >= s.End || s.End > len(text) {
				t.Fatalf("highlight span %v after %d in %d bytes", s, end, len(text))
			}
			end = s.End
		}
		hits, err := ix.Search(text, 3)
		for _, h := range hits {
			if h.Coverage < 0 || h.Coverage > 1 || h.Score <= 0 {
				t.Fatalf("hit %+v: want coverage in [0,1], positive score", h)
			}
		}
		if err == nil && len(want) > 0 && len(hits) == 0 && len(text) <= maxQueryBytes {
			t.Fatalf("searching the item's own text found nothing")
		}
	})
}

func langKeyForFuzz(lang string) string {
	switch k := langKey(lang); k {
	case "cjk":
		return "zh"
	default:
		return k
	}
}
