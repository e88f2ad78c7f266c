package retrieval

import (
	"unicode/utf8"

	"github.com/blevesearch/snowballstem/arabic"

	"corpusbot/text"
)

// newArabic: normalisation (harakat, tatweel, alef forms), stopwords,
// Snowball stemming, then ة→ه and ى→ي on the stem. The teh marbuta fold
// comes after stemming because the stemmer strips ة as a suffix and would
// keep ه ("الصغيرة" → "صغير", but "الصغيره" → "صغيره").
func newArabic(cjk *cjkFilter) *analyzer {
	return &analyzer{name: "ar", filters: []tokenFilter{
		cjk,
		arabicNormFilter{},
		newStopFilter(text.Stopwords("ar"), normalizeArabic),
		stemFilter{stem: arabic.Stem},
		arabicPostFilter{},
	}}
}

// arabicNormFilter removes harakat and tatweel and folds أ إ آ ٱ to ا.
type arabicNormFilter struct{}

func (arabicNormFilter) filter(_ *analysisBuf, toks []token) []token {
	for i := range toks {
		if toks[i].kind == kindWord {
			toks[i].term = normalizeArabic(toks[i].term)
		}
	}
	return dropEmpty(toks)
}

// normalizeArabic rewrites b in place; every replacement is no longer than
// what it replaces.
func normalizeArabic(b []byte) []byte {
	if !hasArabic(b) {
		return b
	}
	out := b[:0]
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		i += n
		// Teh marbuta and alef maksura are folded after stemming.
		if r != 'ة' && r != 'ى' {
			if r = text.FoldArabicRune(r); r < 0 {
				continue
			}
		}
		out = utf8.AppendRune(out, r)
	}
	return out
}

// arabicPostFilter folds teh marbuta to heh and alef maksura to yeh, after
// stemming.
type arabicPostFilter struct{}

func (arabicPostFilter) filter(_ *analysisBuf, toks []token) []token {
	for i := range toks {
		t := &toks[i]
		if t.kind != kindWord || !hasArabic(t.term) {
			continue
		}
		out := t.term[:0]
		for j := 0; j < len(t.term); {
			r, n := utf8.DecodeRune(t.term[j:])
			j += n
			if r == 'ة' || r == 'ى' {
				r = text.FoldArabicRune(r)
			}
			out = utf8.AppendRune(out, r)
		}
		t.term = out
	}
	return toks
}

// hasArabic reports whether b holds a character of the Arabic block; its
// UTF-8 lead bytes are 0xD8–0xDB.
func hasArabic(b []byte) bool {
	for _, c := range b {
		if c >= 0xD8 && c <= 0xDB {
			return true
		}
	}
	return false
}
