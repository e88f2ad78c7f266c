package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fold makes text comparable for the noise rules: lower case, one space for
// any run of white space, one apostrophe, and Arabic without diacritics or
// tatweel and with one form of alef, yeh and teh marbuta. Documents keep
// their original text; this is only for matching.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case isBlank(r):
			space = true
			continue
		case r >= 0x064B && r <= 0x065F || r == 0x0670 || r == 0x0640:
			continue // harakat, tanween, superscript alef, tatweel
		case r == '’' || r == '‘' || r == 'ʼ' || r == '`' || r == '´':
			r = '\''
		case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
			r = 'ا'
		case r == 'ى':
			r = 'ي'
		case r == 'ة':
			r = 'ه'
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		default:
			r = unicode.ToLower(r)
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// markerText strips what decorates a short line around its words: bullets,
// brackets, arrows and trailing colons, so "(Reporting by …)" and "Lire
// aussi :" match their rules.
func markerText(folded string) string {
	t := strings.TrimLeft(folded, "([{•*·-–—>»|:#\"' ")
	return strings.TrimRight(t, ")]}.:;!|—–-»>\"' ")
}

// contentKeys calls fn with a key for each word of the folded text f that
// says what it is about: no stopwords, numbers or words under three
// letters; possessives and elisions cut off ("china's", "l'industrie");
// Arabic clitic prefixes stripped; then the first five letters, a crude
// stem that matches "regulators" with "regulation". Runs of Han or kana give
// their overlapping pairs of characters.
func contentKeys(f string, fn func(key string)) {
	ideoStart, ideoEnd := -1, -1 // the previous word, when an ideograph
	forEachWord(f, func(s, e int) bool {
		w := f[s:e]
		if r, n := utf8.DecodeRuneInString(w); n == len(w) && isIdeograph(r) {
			if ideoEnd == s {
				fn(f[ideoStart:e])
			}
			ideoStart, ideoEnd = s, e
			return true
		}
		if i := strings.LastIndexByte(w, '\''); i >= 0 {
			if head := w[:i]; len(w)-i-1 < len(head) {
				w = head // possessive: china's
			} else {
				w = w[i+1:] // elision: l'industrie
			}
		}
		w = stripArabicPrefix(w)
		if utf8.RuneCountInString(w) < 3 || isStopword(w) || strings.ContainsAny(w, "0123456789") {
			return true
		}
		n := 0
		for i := range w {
			if n == 5 {
				w = w[:i]
				break
			}
			n++
		}
		fn(w)
		return true
	})
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
