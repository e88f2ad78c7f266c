package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences returns the sentences of s as byte spans of s, in order, each
// trimmed of white space; together they hold every non-space character of
// s.
//
// A blank line ends a paragraph and so a sentence; a single line break is a
// space, except before a list item, a Markdown heading, quote or table row
// and after a heading, which stand apart. Inside a paragraph a sentence ends
// at . ! ? … ؟ ‼ (and ⁇ ⁈ ⁉ ‽ । ۔ ።) followed by white space, and at the
// full-width 。！？, which need none; closing quotes and brackets and
// footnote or citation markers ("[1]", "[2, 3]") after the mark belong to
// the sentence. These do not end a sentence: a mark followed by a
// lower-case letter or a comma, colon or semicolon ("e.g. this", "restrict
// ... access"); a full stop after
// an abbreviation ("Mr.", "z. B.", "U.S.", "Ph.D."), an initial ("J. Smith")
// or a list number at the start of a line ("1. First"); a German ordinal
// before a month or century ("am 3. Oktober"); an ellipsis standing apart
// between words, in brackets ("(…)") or written with spaces (". . ."); and
// any mark with no space after it, as in decimals,
// versions, URLs and paths (3.14, v1.2.3, example.com/a.html).
func Sentences(s string) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		a, b := trimSpace(s, start, end)
		if b > a {
			out = append(out, Span{a, b})
		}
		start = end
	}
	lineStart := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c == '\n' {
			next := i + 1
			if breaksLine(s, lineStart, next) {
				emit(i)
			}
			i, lineStart = next, next
			continue
		}
		if c < utf8.RuneSelf && c != '.' && c != '!' && c != '?' {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '\u2029' { // paragraph separator
			emit(i)
			i += size
			lineStart = i
			continue
		}
		if isTerminal(r) || isFullWidthTerminal(r) {
			if end, ok := sentenceEnd(s, i, lineStart); ok {
				emit(end)
				i = end
				continue
			}
		}
		i += size
	}
	emit(len(s))
	return out
}

// breaksLine reports whether the line break ending the line at
// s[lineStart:next-1] ends a sentence: the next line is blank (a paragraph
// break), or one of the two lines stands apart by its Markdown form.
func breaksLine(s string, lineStart, next int) bool {
	j := next
	for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r') {
		j++
	}
	if j >= len(s) || s[j] == '\n' {
		return true
	}
	line := strings.TrimLeft(s[lineStart:next-1], " \t")
	if strings.HasPrefix(line, "#") || strings.HasPrefix(line, "|") {
		return true
	}
	rest := s[j:]
	switch rest[0] {
	case '#', '>', '|':
		return true
	case '-', '*', '+':
		return len(rest) > 1 && (rest[1] == ' ' || rest[1] == '\t')
	}
	if r, n := utf8.DecodeRuneInString(rest); isBullet(r) {
		return len(rest) > n && IsSpace(rune(rest[n]))
	}
	k := 0
	for k < len(rest) && k < 3 && '0' <= rest[k] && rest[k] <= '9' {
		k++
	}
	return k > 0 && k+1 < len(rest) && (rest[k] == '.' || rest[k] == ')') && (rest[k+1] == ' ' || rest[k+1] == '\t')
}

func isBullet(r rune) bool {
	switch r {
	case '•', '·', '▪', '◦', '‣', '●', '○', '■', '□', '➢', '►', '✓', '✔':
		return true
	}
	return false
}

// sentenceEnd decides whether the mark at s[i] ends a sentence and, if so,
// returns the end of the sentence: after further marks, closing quotes and
// brackets, and citation markers.
func sentenceEnd(s string, i, lineStart int) (int, bool) {
	first, size := utf8.DecodeRuneInString(s[i:])
	j := i + size
	fullWidth := isFullWidthTerminal(first)
	dots := 0
	if first == '.' {
		dots = 1
	}
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !isTerminal(r) && !isFullWidthTerminal(r) {
			break
		}
		fullWidth = fullWidth || isFullWidthTerminal(r)
		if r == '.' {
			dots++
		}
		j += n
	}
	j = skipClosers(s, j)
	j = skipMarkers(s, j)
	if j >= len(s) || fullWidth {
		return j, true
	}
	if r, _ := utf8.DecodeRuneInString(s[j:]); !IsSpace(r) {
		return 0, false // 3.14, v1.2.3, example.com, U.S.A
	}
	k := j
	for k < len(s) {
		r, n := utf8.DecodeRuneInString(s[k:])
		if !IsSpace(r) {
			break
		}
		k += n
	}
	if k >= len(s) {
		return j, true
	}
	next, _ := utf8.DecodeRuneInString(s[k:])
	if unicode.IsLower(next) && !caselessEnd(s, i, first) || next == ',' || next == ';' || next == ':' {
		return 0, false // "e.g. this", "restrict ... access", "etc. ;"
	}
	run := i // where the run of marks starts: "??" is met at each mark
	for run > 0 && (s[run-1] == '?' || s[run-1] == '!') {
		run--
	}
	if prev, _ := utf8.DecodeLastRuneInString(s[:run]); (first == '?' || first == '!') && run > 0 && IsSpace(prev) && unicode.Is(unicode.Arabic, next) {
		// Latin marks standing apart in Arabic script, which writes ؟
		// after its word: an operator of a code span ("a ?? b"), not the
		// end of a question.
		return 0, false
	}
	ellipsis := first == '…' || dots >= 3 || spacedDot(s, i, next)
	if ellipsis {
		// Standing apart ("word … Word") or in brackets ("[…]"), it marks
		// words left out.
		if prev, _ := utf8.DecodeLastRuneInString(s[:i]); i == 0 || IsSpace(prev) || prev == '(' || prev == '[' {
			return 0, false
		}
		return j, true
	}
	if first == '.' && dots == 1 {
		word := wordBefore(s, i)
		if isAbbreviation(word, afterNumber(s, i-len(word))) ||
			isListNumber(s[lineStart:i]) ||
			isGermanOrdinal(word, s[k:]) {
			return 0, false
		}
	}
	return j, true
}

// caselessEnd reports whether the mark first at s[i] ends a sentence of a
// script without case, where a lower-case word after it is a name opening
// the next sentence ("… करता है। useMemo …"), not a continuation as after
// "e.g.": a danda or another such script's own mark, or a mark after a
// letter of such a script (its vowel signs aside).
func caselessEnd(s string, i int, first rune) bool {
	switch first {
	case '।', '॥', '۔', '።', '؟':
		return true
	}
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.In(r, unicode.Mn, unicode.Mc) {
			return unicode.Is(unicode.Lo, r)
		}
		i -= n
	}
	return false
}

// spacedDot reports whether the full stop at s[i] is part of an ellipsis
// written with spaces (". . ."): a full stop stands before or after it
// with only a space between.
func spacedDot(s string, i int, next rune) bool {
	if s[i] != '.' {
		return false
	}
	if next == '.' {
		return true
	}
	j := i
	for j > 0 && s[j-1] == ' ' {
		j--
	}
	return j < i && j > 0 && s[j-1] == '.'
}

func isTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '؟', '‼', '⁇', '⁈', '⁉', '‽', '।', '॥', '۔', '።':
		return true
	}
	return false
}

// isFullWidthTerminal reports the marks of scripts written without spaces,
// which end a sentence with nothing after them.
func isFullWidthTerminal(r rune) bool {
	switch r {
	case '。', '！', '？', '｡':
		return true
	}
	return false
}

// isCloser reports whether r may follow a sentence's final mark and still
// belong to the sentence: closing quotes and brackets, and the * and _ of
// Markdown emphasis.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '”', '’', '»', '›', '」', '』', '）', '】', '〉', '》', '〕', '］', '*', '_':
		return true
	}
	return false
}

// skipClosers returns the end of the closers at s[i:]; a no-break space
// before a French » counts with it.
func skipClosers(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '\u00a0' || r == '\u202f' || r == ' ' {
			if q, m := utf8.DecodeRuneInString(s[i+n:]); q == '»' {
				i += n + m
				continue
			}
			break
		}
		if !isCloser(r) {
			break
		}
		i += n
	}
	return i
}

// skipMarkers returns the end of the citation or footnote markers at s[i:]
// ("[1]", " [2, 3]", "[4][5]"), possibly after spaces or tabs, or i.
func skipMarkers(s string, i int) int {
	for {
		k := i
		for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
			k++
		}
		e := markerEnd(s, k)
		if e < 0 {
			return i
		}
		i = e
	}
}

// markerEnd returns the end of a marker "[digits(, digits)*]" at s[i:],
// or -1.
func markerEnd(s string, i int) int {
	if i >= len(s) || s[i] != '[' {
		return -1
	}
	digits := 0
	for k := i + 1; k < len(s) && k < i+32; k++ {
		switch c := s[k]; {
		case '0' <= c && c <= '9':
			digits++
		case c == ',' || c == ' ' || c == '\t' || c == '-':
		case c == ']':
			if digits == 0 {
				return -1
			}
			return k + 1
		default:
			return -1
		}
	}
	return -1
}

// wordBefore returns the letters and inner dots just before s[i].
func wordBefore(s string, i int) string {
	start := i
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:start])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' {
			break
		}
		start -= n
	}
	return strings.TrimLeft(s[start:i], ".")
}

// isAbbreviation reports whether a full stop after word abbreviates it
// rather than ending a sentence: a known abbreviation; a single letter of an
// alphabet with case (an initial, "p." or the "z" of "z. B."; not the
// pronoun "I", nor a lower-case unit after a number: "1901 г.") or of
// Arabic (an initial); a doubled
// capital (Spanish plurals: "EE. UU."); or dotted short parts ("U.S",
// "e.g", "Ph.D").
func isAbbreviation(word string, afterNumber bool) bool {
	if word == "" {
		return false
	}
	if strings.Contains(word, ".") {
		for part := range strings.SplitSeq(word, ".") {
			if n := utf8.RuneCountInString(part); n == 0 || n > 2 || !isLetters(part) {
				return false
			}
		}
		return true
	}
	if !isLetters(word) {
		return false
	}
	r, n := utf8.DecodeRuneInString(word)
	if n == len(word) {
		if unicode.Is(unicode.Arabic, r) {
			// Arabic writes a name's initial as one letter and a full
			// stop ("و. هايدون بيرنز", "ميشيل إ. مان"); its one-letter
			// words are written onto the next, so none ends a sentence.
			return true
		}
		if !unicode.In(r, unicode.Latin, unicode.Cyrillic, unicode.Greek) {
			return false
		}
		return unicode.IsUpper(r) && r != 'I' || unicode.IsLower(r) && !afterNumber
	}
	if r2, m := utf8.DecodeRuneInString(word[n:]); n+m == len(word) && r2 == r && unicode.IsUpper(r) {
		return true
	}
	return abbreviations[strings.ToLower(word)]
}

func isLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// abbreviations are words commonly written with a full stop inside a
// sentence, in the languages of the project's users. Words such as "etc."
// and "usw." that often end sentences are left out.
var abbreviations = map[string]bool{
	// English
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "jr": true, "sr": true,
	"sen": true, "rep": true, "gov": true, "gen": true, "col": true, "capt": true, "lt": true,
	"sgt": true, "mt": true, "ltd": true, "inc": true, "co": true, "corp": true, "bros": true,
	"no": true, "nos": true, "vs": true, "fig": true, "figs": true, "al": true, "approx": true,
	"dept": true, "est": true, "vol": true, "pp": true, "cf": true, "ca": true, "jan": true,
	"feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "eq": true, "eqs": true, "ref": true,
	"refs": true, "ch": true, "sec": true, "vols": true, "ed": true, "eds": true,
	// French
	"mme": true, "mmes": true, "mlle": true, "mlles": true, "mm": true, "av": true, "bd": true,
	"env": true, "cie": true, "éd": true, "chap": true,
	// German
	"bzw": true, "nr": true, "str": true, "tel": true, "vgl": true, "ggf": true,
	"evtl": true, "inkl": true, "sog": true, "bspw": true, "hr": true, "fr": true, "abs": true,
	"jh": true, "jhd": true, "mio": true, "mrd": true, "dt": true,
	"engl": true, "frz": true, // "(engl. branching)": a term's original language
	// Spanish, Portuguese, Italian
	"sra": true, "srta": true, "dra": true, "ud": true, "uds": true, "pág": true, "núm": true,
	"avda": true, "sres": true, "exmo": true, "sig": true, "dott": true, "ing": true,
	// Russian
	"им": true, "ул": true, "тыс": true, "млн": true, "млрд": true, "руб": true,
	"проф": true, "акад": true, "см": true, "стр": true,
}

// afterNumber reports whether s[:i] ends with a number and a space.
func afterNumber(s string, i int) bool {
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !IsSpace(r) {
			break
		}
		j -= n
	}
	return j < i && j > 0 && '0' <= s[j-1] && s[j-1] <= '9'
}

// isListNumber reports whether the line before a full stop is only a number
// ("1." opens a list item).
func isListNumber(line string) bool {
	line = strings.TrimSpace(line)
	return line != "" && len(line) <= 3 && strings.Trim(line, "0123456789") == ""
}

// isGermanOrdinal reports whether word (before a full stop) is a day or
// century number written as a German ordinal: "am 3. Oktober", "im 19.
// Jahrhundert".
func isGermanOrdinal(word, after string) bool {
	if len(word) == 0 || len(word) > 2 || strings.Trim(word, "0123456789") != "" {
		return false
	}
	end := strings.IndexFunc(after, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(after)
	}
	switch after[:end] {
	case "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
		"September", "Oktober", "November", "Dezember", "Jahrhundert", "Jahrhunderts", "Jh":
		return true
	}
	return false
}

// trimSpace narrows s[start:end] to exclude white space at either end.
func trimSpace(s string, start, end int) (int, int) {
	for start < end {
		r, n := utf8.DecodeRuneInString(s[start:end])
		if !IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(s[start:end])
		if !IsSpace(r) {
			break
		}
		end -= n
	}
	return start, end
}

// EndsSentence reports whether t ends as a sentence does for Sentences:
// with a final mark (IsTerminal), perhaps followed by closing quotes or
// brackets (IsCloser, a French » with the space before it) and citation
// or footnote markers ("[1]", " [2, 3]").
func EndsSentence(t string) bool {
	t = trimMarkers(t)
	for {
		r, n := utf8.DecodeLastRuneInString(t)
		switch {
		case IsTerminal(r):
			return true
		case r == '»':
			t = t[:len(t)-n]
			if q, m := utf8.DecodeLastRuneInString(t); q == '\u00a0' || q == '\u202f' || q == ' ' {
				t = t[:len(t)-m]
			}
		case isCloser(r):
			t = t[:len(t)-n]
		default: // a letter, or nothing left
			return false
		}
	}
}

// trimMarkers cuts the citation or footnote markers that end t, and the
// spaces before them, as skipMarkers reads them forwards.
func trimMarkers(t string) string {
	for strings.HasSuffix(t, "]") {
		from := max(0, len(t)-32) // markerEnd reads 32 bytes at most
		open := strings.LastIndexByte(t[from:], '[')
		if open < 0 || markerEnd(t, from+open) != len(t) {
			return t
		}
		t = strings.TrimRight(t[:from+open], " \t")
	}
	return t
}

// IsTerminal reports whether r can end a sentence: . ! ? … ؟ and the like,
// and the full-width 。！？.
func IsTerminal(r rune) bool { return isTerminal(r) || isFullWidthTerminal(r) }

// IsCloser reports whether r, after a sentence's final mark, still belongs
// to the sentence: a closing quote or bracket, or Markdown emphasis.
func IsCloser(r rune) bool { return isCloser(r) }

// SentencesOfItems is Sentences with the bullet ("•") that opens a list
// item, as the corpus loader writes one, left out of its sentence: a quote
// or a mark goes after it.
func SentencesOfItems(s string) []Span {
	spans := Sentences(s)
	out := make([]Span, 0, len(spans))
	for _, sp := range spans {
		start := sp.Start
		for start < sp.End {
			r, size := utf8.DecodeRuneInString(s[start:sp.End])
			if r != '•' && !IsSpace(r) {
				break
			}
			start += size
		}
		if start < sp.End {
			out = append(out, Span{start, sp.End})
		}
	}
	return out
}
