package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentenceStarts returns the byte offsets in s[from:to] at which a sentence
// other than the first begins. A sentence ends at ., !, ?, …, ؟ or a
// full-width 。！？ (with any closing quotes or brackets after it); a Latin
// full stop only when white space and no lower-case letter follow, and not
// after an abbreviation ("U.S.", "Mr.", "Ltd.") or an initial. Decimals
// ("12.8") and amounts ("US$37") have no space after the point, so they
// never end a sentence.
func sentenceStarts(s string, from, to int) []int {
	var out []int
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(s[i:to])
		j := i + size
		switch {
		case isFullWidthTerminal(r):
			k := skipSpace(s, skipClosers(s, j, to), to)
			if k < to {
				out = append(out, k)
			}
			i = max(k, j)
		case isTerminal(r):
			k, run := j, 1
			for k < to {
				r2, n := utf8.DecodeRuneInString(s[k:to])
				if !isTerminal(r2) {
					break
				}
				k += n
				run++
			}
			k = skipClosers(s, k, to)
			if k >= to || !isSpaceAt(s, k, to) {
				i = k
				continue
			}
			next := skipSpace(s, k, to)
			if next >= to {
				i = next
				continue
			}
			nr, _ := utf8.DecodeRuneInString(s[next:to])
			if unicode.IsLower(nr) || r == '.' && run == 1 && isAbbreviation(s[from:i]) {
				i = next
				continue
			}
			out = append(out, next)
			i = next
		default:
			i = j
		}
	}
	return out
}

func isTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '؟', '‽':
		return true
	}
	return false
}

func isFullWidthTerminal(r rune) bool {
	switch r {
	case '。', '！', '？', '｡':
		return true
	}
	return false
}

// isCloser reports whether r may follow a sentence's final punctuation and
// still belong to that sentence.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '”', '’', '»', '›', '」', '』', '）', '】', '〉', '》':
		return true
	}
	return false
}

func skipClosers(s string, i, to int) int {
	for i < to {
		r, n := utf8.DecodeRuneInString(s[i:to])
		if !isCloser(r) {
			break
		}
		i += n
	}
	return i
}

func skipSpace(s string, i, to int) int {
	for i < to {
		r, n := utf8.DecodeRuneInString(s[i:to])
		if !isBlank(r) {
			break
		}
		i += n
	}
	return i
}

func isSpaceAt(s string, i, to int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:to])
	return isBlank(r)
}

// isAbbreviation reports whether the text before a full stop ends with a
// word that the stop abbreviates rather than ends a sentence after.
func isAbbreviation(before string) bool {
	start := len(before)
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(before[:start])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		start -= n
	}
	w := before[start:]
	if w == "" {
		return false
	}
	if strings.Contains(w, ".") { // U.S, e.g, a.m
		return true
	}
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsUpper(r) {
		return true // an initial: "J. Smith"
	}
	switch strings.ToLower(w) {
	case "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "sen", "rep", "gov",
		"gen", "col", "capt", "lt", "sgt", "mt", "ltd", "inc", "co", "corp", "bros",
		"no", "nos", "vs", "fig", "figs", "al", "approx", "dept", "est", "vol",
		"pp", "cf", "ca", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
		"sept", "oct", "nov", "dec", "mme", "mlle", "mm", "av", "bd", "env":
		return true
	}
	return false
}
