package corpus

import (
	"strings"
	"unicode/utf8"

	"corpusbot/text"
)

// fold makes text comparable for the noise rules (text.Fold). Documents
// keep their original text; this is only for matching.
func fold(s string) string { return text.Fold(s) }

// markerText strips what decorates a short line around its words: bullets,
// brackets, arrows and trailing colons, so "(Reporting by …)" and "Lire
// aussi :" match their rules.
func markerText(folded string) string {
	t := strings.TrimLeft(folded, "([{•*·-–—>»|:#\"' ")
	return strings.TrimRight(t, ")]}.:;!|—–-»>\"' ")
}

// contentKeys calls fn, until it returns false, with a key for each word
// of the folded text f that says what it is about: no stopwords, numbers
// or words under three letters; possessives and elisions cut off
// ("china's", "l'industrie"); Arabic clitic prefixes stripped; then the
// first five letters, a crude stem that matches "regulators" with
// "regulation". Runs of Han or kana give their overlapping pairs of
// characters.
func contentKeys(f string, fn func(key string) bool) {
	ideoStart, ideoEnd := -1, -1 // the previous word, when an ideograph
	forEachWord(f, func(s, e int) bool {
		w := f[s:e]
		if r, n := utf8.DecodeRuneInString(w); n == len(w) && text.IsIdeograph(r) {
			ok := ideoEnd != s || fn(f[ideoStart:e])
			ideoStart, ideoEnd = s, e
			return ok
		}
		if i := strings.LastIndexByte(w, '\''); i >= 0 {
			if head := w[:i]; len(w)-i-1 < len(head) {
				w = head // possessive: china's
			} else {
				w = w[i+1:] // elision: l'industrie
			}
		}
		if w == "" {
			return true
		}
		if w[0] >= utf8.RuneSelf {
			w = stripArabicPrefix(w)
		}
		// The cheap tests first: every word of a judged paragraph comes here.
		if len(w) < 3 || hasDigit(w) || utf8.RuneCountInString(w) < 3 || text.IsStopword("", w) {
			return true
		}
		return fn(w[:runePrefix(w, 5)])
	})
}

// hasDigit reports whether w holds an ASCII digit.
func hasDigit(w string) bool {
	for i := 0; i < len(w); i++ {
		if '0' <= w[i] && w[i] <= '9' {
			return true
		}
	}
	return false
}

// runePrefix returns the length in bytes of the first n runes of s.
func runePrefix(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// stripArabicPrefix removes the article and the conjunctions and
// prepositions written joined to an Arabic word, when enough of it is left.
func stripArabicPrefix(w string) string {
	for _, p := range [...]string{"وال", "بال", "كال", "فال", "لل", "ال", "و"} {
		if rest, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(rest) >= 3 {
			return rest
		}
	}
	return w
}
