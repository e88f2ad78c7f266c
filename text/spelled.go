package text

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"corpusbot/wordfreq"
)

// Number words across languages. A claim in one language quoting a passage
// in another is compared by its figures only (verify's weakAcross): digits read the
// same everywhere, words do not. "The function returns three values [1]
// «một cặp giá trị»" says 3 where its quote says one pair; "useState trả về
// hai giá trị [1] «returns two values»" says what its quote says. The
// words are CLDR's spell-out rules for 0–100, the hundreds and 1000 in 42
// languages (spelledTable, generated), read into digits so that
// MissingFigure compares them as it compares figures in digits.

// maxSpelledWords and maxSpelledRunes bound a number phrase: "bảy mươi
// chín" is three words, "九百九十九" five runes; the longest spelling of
// the table's values is under these.
const (
	maxSpelledWords = 8
	maxSpelledRunes = 12
)

// unspacedTable reports whether lang's number words are written without
// spaces (Chinese, Japanese, Thai, Lao, Khmer, Burmese): they are found
// inside runs of letters, not as words.
func unspacedTable(lang string) bool {
	for w := range spelledTable[lang] {
		r, _ := utf8.DecodeRuneInString(w)
		return IsUnspaced(r)
	}
	return false
}

// SpelledEvidence is a text's numbers in words read into digits, once for
// each of langs whose table finds any: the text rewritten ("sechs bis
// neun Prozent" → "6 bis 9 Prozent", a range of shares as the claim's
// "six to nine percent"), and for an unspaced script each number found
// alone. Evidence may over-read ("ba" is also "father" in Vietnamese, "一"
// is in "一些"): an extra figure only keeps a claim from a mark.
func SpelledEvidence(s string, langs []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, lang := range langs {
		if seen[lang] || spelledTable[lang] == nil {
			continue
		}
		seen[lang] = true
		if unspacedTable(lang) {
			out = appendUnspaced(out, MatchFold(s), spelledTable[lang])
			continue
		}
		if d, spelled := rewriteSpelled(s, lang, false); spelled != nil {
			out = append(out, d)
		}
	}
	return out
}

// appendUnspaced adds the numbers of folded text f in an unspaced
// script's table, longest first at each letter.
func appendUnspaced(out []string, f string, table map[string]int32) []string {
	rs := []rune(f)
	for i := 0; i < len(rs); {
		if !IsUnspaced(rs[i]) {
			i++
			continue
		}
		found := 0
		for n := min(maxSpelledRunes, len(rs)-i); n > 0; n-- {
			if v, ok := table[string(rs[i:i+n])]; ok {
				out = append(out, strconv.Itoa(int(v)))
				found = n
				break
			}
		}
		i += max(found, 1)
	}
	return out
}

// SpelledAsDigits writes the numbers claim spells in its language lang as
// digits ("returns three values" → "returns 3 values"), so that
// MissingFigure, which leaves spelled figures alone, checks them. It
// returns the spelled words each written figure stands for, to name in a
// note. Left as words, as not surely a count:
//   - zero, one and two: the word for one is the indefinite article in
//     most of the languages (un, ein, một, bir, एक), Vietnamese "không" is
//     both zero and "not", and two is as often said "both", "a pair",
//     "twice" or by a dual (Arabic "عامين", two years) as by its numeral;
//   - a word beside a figure in digits: "năm 2020" is "the year 2020", not
//     five and 2020;
//   - a word capitalised inside the sentence, or before a capitalised
//     word: a name ("Ba Lan", Poland);
//   - a word its language uses more than its word for two (wordfreq):
//     numbers grow rarer as they grow, so it has another meaning, as
//     Vietnamese "năm" (five, and year);
//   - the words of an unspaced script, which hide in other words ("三" in
//     "三星", Samsung): Figures reads those.
func SpelledAsDigits(claim, lang string) (string, map[string]string) {
	if unspacedTable(lang) {
		return claim, nil
	}
	return rewriteSpelled(claim, lang, true)
}

// rewriteSpelled writes the numbers s spells in lang's words as digits;
// a claim's only where they surely count (SpelledAsDigits).
func rewriteSpelled(s, lang string, claim bool) (string, map[string]string) {
	table := spelledTable[lang]
	if table == nil {
		return s, nil
	}
	words := spelledSpans(s)
	var b strings.Builder
	var spelled map[string]string
	last := 0
	for i := 0; i < len(words); {
		n := 0
		var v int32
		// Only words joined by spaces or hyphens make one number.
		for k := min(maxSpelledWords, len(words)-i); k > 0; k-- {
			if !spelledJoined(s, words[i:i+k]) {
				continue
			}
			parts := make([]string, k)
			for j, w := range words[i : i+k] {
				parts[j] = w.folded
			}
			if x, ok := table[strings.Join(parts, " ")]; ok {
				n, v = k, x
				break
			}
		}
		if n == 0 || claim && !countsInClaim(s, words, i, n, v, lang) {
			i += max(n, 1)
			continue
		}
		start, end := words[i].start, words[i+n-1].end
		d := strconv.Itoa(int(v))
		b.WriteString(s[last:start])
		b.WriteString(d)
		last = end
		if spelled == nil {
			spelled = map[string]string{}
		}
		spelled[d] = s[start:end]
		i += n
	}
	if spelled == nil {
		return s, nil
	}
	b.WriteString(s[last:])
	return b.String(), spelled
}

// countsInClaim reports whether the n words at i, spelling v, are surely
// a number of the claim (SpelledAsDigits).
func countsInClaim(s string, words []spelledSpan, i, n int, v int32, lang string) bool {
	if v <= 2 || besideDigits(s, words, i, i+n) {
		return false
	}
	if startsUpper(s, words[i]) && (i > 0 || i+n < len(words) && startsUpper(s, words[i+n])) {
		return false // a name: "Ba Lan", "Seven Years' War"
	}
	if n == 1 && wordfreq.Zipf(lang, words[i].folded) >= zipfOfTwo(lang) {
		return false
	}
	return true
}

func startsUpper(s string, w spelledSpan) bool {
	r, _ := utf8.DecodeRuneInString(s[w.start:])
	return unicode.IsUpper(r)
}

// zipfOfTwo is how common lang's commonest one-word spelling of two is
// (wordfreq's Zipf value); above any word when wordfreq has no table of
// lang or none of its words for two.
func zipfOfTwo(lang string) float64 {
	best := 0.0
	for w, x := range spelledTable[lang] {
		if x == 2 && !strings.Contains(w, " ") {
			best = max(best, wordfreq.Zipf(lang, w))
		}
	}
	if best == 0 {
		return 100
	}
	return best
}

// spelledSpan is a run of letters, marks and digits of a text, folded.
type spelledSpan struct {
	start, end int
	folded     string
	digits     bool
}

func spelledSpans(s string) []spelledSpan {
	var out []spelledSpan
	start := -1
	flush := func(end int) {
		if start >= 0 {
			w := s[start:end]
			out = append(out, spelledSpan{start: start, end: end, folded: MatchFold(w), digits: strings.ContainsFunc(w, unicode.IsDigit)})
			start = -1
		}
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(s))
	return out
}

// spelledJoined reports whether the words follow each other with only spaces or
// a hyphen between them.
func spelledJoined(s string, ws []spelledSpan) bool {
	for j := 1; j < len(ws); j++ {
		gap := s[ws[j-1].end:ws[j].start]
		if strings.TrimFunc(gap, func(r rune) bool { return r == ' ' || r == '-' || r == '\u00a0' }) != "" {
			return false
		}
	}
	return true
}

// besideDigits reports whether the words [i, j) touch a word with digits
// before or after them, across spaces only.
func besideDigits(s string, ws []spelledSpan, i, j int) bool {
	if i > 0 && ws[i-1].digits && strings.TrimSpace(s[ws[i-1].end:ws[i].start]) == "" {
		return true
	}
	return j < len(ws) && ws[j].digits && strings.TrimSpace(s[ws[j-1].end:ws[j].start]) == ""
}
