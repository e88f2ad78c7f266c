package retrieval

import (
	"unicode/utf8"

	"github.com/blevesearch/snowballstem/arabic"
)

// arabicStopwords are common particles, pronouns and question words. They are
// normalised like tokens (hamza forms of alef folded) when the filter is built.
const arabicStopwords = `
في من على إلى الى عن مع أن إن ان أو او ثم لا لم لن ما ماذا لماذا كيف كم متى أين هل
هذا هذه ذلك تلك هؤلاء الذي التي الذين اللذين اللتين التى
هو هي هم هن نحن أنا انا أنت انت أنتم
كان كانت يكون تكون قد لقد كل بعض غير بين حتى إذا اذا لكن بل أي أيضا
عند عندما منذ حيث قبل بعد فيه فيها منه منها عليه عليها به بها له لها لهم
و ف ب ل ك يا
`

// newArabic: normalisation (harakat, tatweel, alef forms), stopwords,
// Snowball stemming, then ة→ه and ى→ي on the stem. The teh marbuta fold
// comes after stemming because the stemmer strips ة as a suffix and would
// keep ه ("الصغيرة" → "صغير", but "الصغيره" → "صغيره").
func newArabic(cjk *cjkFilter) *analyzer {
	return &analyzer{name: "ar", filters: []tokenFilter{
		cjk,
		arabicNormFilter{},
		newStopFilter(arabicStopwords, normalizeArabic),
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
		switch {
		case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640: // harakat, superscript alef, tatweel
			continue
		case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
			r = 'ا'
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
			switch r {
			case 'ة':
				r = 'ه'
			case 'ى':
				r = 'ي'
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
