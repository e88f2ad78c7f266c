package answer

import (
	"strings"
	"unicode"

	"corpusbot/text"
)

// words splits s into lower-case words (text.Words).
func words(s string) []string {
	var out []string
	for w := range text.Words(s) {
		out = append(out, strings.ToLower(s[w.Start:w.End]))
	}
	return out
}

// shingles returns the set of word 3-grams of text (single words for
// shorter texts).
func shingles(text string) map[string]struct{} {
	w := words(text)
	const n = 3
	set := make(map[string]struct{}, len(w))
	if len(w) < n {
		for _, x := range w {
			set[x] = struct{}{}
		}
		return set
	}
	for i := 0; i+n <= len(w); i++ {
		set[w[i]+" "+w[i+1]+" "+w[i+2]] = struct{}{}
	}
	return set
}

// jaccard is |a∩b| / |a∪b|.
func jaccard(a, b map[string]struct{}) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	inter := 0
	for k := range a {
		if _, ok := b[k]; ok {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// estimateTokens errs on the high side: one token per CJK character, one
// per three Latin characters (English averages about four), one per two
// characters of other scripts, whose tokenisers split finer.
func estimateTokens(s string) int {
	var cjk, latin, other int
	for _, r := range s {
		switch {
		case r < 0x80 || unicode.Is(unicode.Latin, r):
			latin++
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			cjk++
		default:
			other++
		}
	}
	return cjk + (latin+2)/3 + (other+1)/2
}
