package retrieval

import (
	"unicode/utf8"

	"corpusbot/text"
)

// newArabic: normalisation (harakat, tatweel, the forms of alef, teh
// marbuta and alef maksura), stopwords, then a light stemmer that strips
// proclitics and suffixes. Snowball's Arabic stemmer was measured against
// it (docs/benchmarks.md): it gives one stem for a word with and without
// the article for 80% of the pairs in the XQuAD and ARCD paragraphs (never
// with وال), the light stemmer for 98–99%; on the tuning halves of the
// question sets Snowball scored 0.8081 (ARCD) and 0.9458 (XQuAD), the light
// stemmer 0.8201 and 0.9427. The light stemmer folds first: stripping
// prefixes by letters, it is not blocked by alef folding as Snowball is
// (وأعلن).
func newArabic(cjk *cjkFilter) *analyzer {
	return &analyzer{name: "ar", filters: []tokenFilter{
		cjk,
		arabicNormFilter{},
		arabicPostFilter{},
		newStopFilter(text.Stopwords("ar"), foldArabic),
		arabicLightFilter{},
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

// arabicPostFilter folds teh marbuta to heh and alef maksura to yeh.
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

// arabicLightFilter is a light stemmer in the manner of Larkey's light10
// (as in Lucene's ArabicStemmer), on fully folded words: it strips one
// run of proclitics (و or ف, then ب ك or ل, with the article ال) and then
// the common suffixes, keeping at least two letters.
type arabicLightFilter struct{}

var arabicPrefixes = [...]string{"وبال", "وكال", "فبال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال"}

var arabicSuffixes = [...]string{"ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"}

func (arabicLightFilter) filter(b *analysisBuf, toks []token) []token {
	n := len(toks)
	for i := range n {
		t := &toks[i]
		if t.kind != kindWord || t.stop || !hasArabic(t.term) {
			continue
		}
		// A query (keepStops) also searches the word without a lone
		// proclitic, on a token of the same span: لإمبراطورية finds
		// إمبراطورية and الإمبراطورية. Items are analysed a word at a time
		// (analyzeShard) and keep one reading.
		if b != nil && b.keepStops {
			if rest := loneProclitic(t.term); rest != nil {
				start := len(b.arena)
				b.arena = append(b.arena, rest...)
				alt := *t
				alt.term = arabicLightStem(b.arena[start:len(b.arena):len(b.arena)])
				toks = append(toks, alt) // after every token of the text: nothing is overwritten
				t = &toks[i]
			}
		}
		t.term = arabicLightStem(t.term)
	}
	return toks
}

// loneProclitic returns w without a lone conjunction and preposition
// (و or ف, then ب ك or ل) when w has no article and at least
// minLoneStem letters are left, or nil. A word can both start with one of
// those letters and carry it as a proclitic (فريق "team", بريطانيا): an
// index keeps the word whole, and a query searches both readings.
func loneProclitic(w []byte) []byte {
	for _, p := range arabicPrefixes {
		if len(w) > len(p) && string(w[:len(p)]) == p {
			return nil
		}
	}
	rest := w
	if len(rest) >= 2 && (string(rest[:2]) == "و" || string(rest[:2]) == "ف") {
		rest = rest[2:]
	}
	if len(rest) >= 2 && (string(rest[:2]) == "ب" || string(rest[:2]) == "ك" || string(rest[:2]) == "ل") {
		rest = rest[2:]
	}
	if len(rest) == len(w) || utf8.RuneCount(rest) < minLoneStem {
		return nil
	}
	return rest
}

// minLoneStem is the fewest letters loneProclitic leaves, chosen on the
// tuning halves of ARCD and XQuAD ar (docs/benchmarks.md): 3 to 5 score
// within a question of each other.
const minLoneStem = 4

func arabicLightStem(w []byte) []byte {
	n := utf8.RuneCount(w)
	for _, p := range arabicPrefixes {
		if pn := utf8.RuneCountInString(p); n >= pn+2 && string(w[:min(len(p), len(w))]) == p {
			w, n = w[len(p):], n-pn
			break
		}
	}
	if n >= 4 && w[0] == "و"[0] && w[1] == "و"[1] {
		w, n = w[len("و"):], n-1
	}
	for _, s := range arabicSuffixes {
		if sn := utf8.RuneCountInString(s); n >= sn+2 && len(w) >= len(s) && string(w[len(w)-len(s):]) == s {
			w, n = w[:len(w)-len(s)], n-sn
		}
	}
	return w
}

// foldArabic applies both folds, for the stopword list.
func foldArabic(b []byte) []byte {
	t := []token{{term: normalizeArabic(b), kind: kindWord}}
	return arabicPostFilter{}.filter(nil, t)[0].term
}
