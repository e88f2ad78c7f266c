package answer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a byte range [start, end) of some text.
type span struct{ start, end int }

// sentences splits text into trimmed sentence spans: after . ! ? 。 ؟ and
// their full-width forms when followed by a space or the end, and at line
// breaks. A run of citations right after the terminator stays with the
// sentence it follows ("claim. [1]").
func sentences(text string) []span {
	var out []span
	start := 0
	emit := func(end int) {
		s, e := trimSpan(text, start, end)
		if e > s {
			out = append(out, span{s, e})
		}
		start = end
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			emit(i)
			start = i + size
		case isTerminator(r):
			j := i + size
			if r == '.' && abbreviation(text[:i]) {
				i = j
				continue // M. Liu, Dr. Ma
			}
			// Closing quotes and brackets belong to the sentence.
			for j < len(text) {
				q, qs := utf8.DecodeRuneInString(text[j:])
				if !strings.ContainsRune(`"'”’»)`, q) && !isTerminator(q) {
					break
				}
				j += qs
			}
			// CJK stops end a sentence with no space after them.
			if j < len(text) && r != '。' && r != '！' && r != '？' {
				q, _ := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsSpace(q) && !isOpenBracket(q) {
					i = j
					continue // 12.8, U.S., example.com
				}
			}
			// "restrict ... access", "e.g. this": a lower-case word goes on
			// with the same sentence.
			if k := skipSpaces(text, j); k > j && k < len(text) {
				if q, _ := utf8.DecodeRuneInString(text[k:]); unicode.IsLower(q) {
					i = k
					continue
				}
			}
			j = afterCitations(text, j)
			emit(j)
			i = j
			continue
		}
		i += size
	}
	emit(len(text))
	return out
}

// afterCitations returns the end of a citation run that starts at text[j:]
// after optional spaces, or j.
func afterCitations(text string, j int) int {
	k := skipSpaces(text, j)
	end := j
	scanCitations(text[k:], func(start, e int, _ []int) {
		if start == 0 && end == j {
			end = k + e
		}
	})
	return end
}

// abbreviation reports whether before ends in a title or an initial that
// takes a full stop without ending the sentence.
func abbreviation(before string) bool {
	i := strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) })
	w := before[i+1:]
	if n := utf8.RuneCountInString(w); n == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return abbreviations[strings.ToLower(w)]
}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "jr": true, "sr": true,
	"mme": true, "mlle": true, "mm": true, "inc": true, "ltd": true, "corp": true, "co": true, "vs": true,
	"gen": true, "gov": true, "sen": true, "rep": true,
}

func isTerminator(r rune) bool {
	switch r {
	case '.', '!', '?', '。', '؟', '！', '？', '…':
		return true
	}
	return false
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) && r != '•' && r != '\u00a0' {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= size
	}
	return s, e
}

// words splits text into lower-case words of letters and digits, keeping
// inner punctuation of numbers (12.8, 5,600) and apostrophes.
func words(text string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) &&
			r != '.' && r != ',' && r != '\'' && r != '’' && r != '$'
	}) {
		f = strings.Trim(f, ".,'’$")
		if f != "" {
			out = append(out, strings.ToLower(f))
		}
	}
	return out
}

// countWords counts the words of text as words splits them, without
// building them.
func countWords(text string) int {
	n, in := 0, false
	for _, r := range text {
		w := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		if w && !in {
			n++
		}
		in = w || (in && (r == '.' || r == ',' || r == '\'' || r == '’' || r == '$'))
	}
	return n
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

// truncateRunes cuts s to at most n runes, at a space when one is near.
func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := 0
	for i := range s {
		if n == 0 {
			cut = i
			break
		}
		n--
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > cut*3/4 {
		cut = sp
	}
	return strings.TrimSpace(s[:cut]) + "…"
}
