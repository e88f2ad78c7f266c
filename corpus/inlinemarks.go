package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// hasInlineMark reports, cheaply, whether line may hold one of PyMdown's
// inline marks: "==mark==", "^^insert^^", "X^2^" or "++ctrl+c++".
func hasInlineMark(line string) bool {
	return strings.Contains(line, "==") || strings.IndexByte(line, '^') >= 0 || strings.Contains(line, "++") || emojiAt(line, 0) >= 0
}

// dropInlineMarks removes emoji shortcodes, and PyMdown's mark ("==text==") and insert
// ("^^text^^") around text, and superscript's carets ("X^2^"): an MkDocs
// site shows the text in <mark>, <ins> or <sup>, not the marks. The
// doubled marks follow PyMdown's smart logic (its default, BetterEm's):
// they open at the start of a word and close at its end, next to no space,
// so "smart==mark" and "a == b" are text. A superscript is Pandoc's: no
// space inside, and not a footnote's "[^1]".
func dropInlineMarks(s string) string {
	if strings.Contains(s, "==") {
		s = unwrapSmart(s, '=')
	}
	if strings.Contains(s, "^^") {
		s = unwrapSmart(s, '^')
	}
	if strings.IndexByte(s, '^') >= 0 {
		s = unwrapSuperscripts(s)
	}
	if strings.Contains(s, "++") {
		s = keysRe.ReplaceAllStringFunc(s, keysText)
	}
	if emojiAt(s, 0) >= 0 {
		s = dropEmoji(s)
	}
	return s
}

// emojiAt returns where the first emoji shortcode at or after from starts
// (":smile:", ":+1:"), or -1: a colon at the start or after a space or an
// opening parenthesis, lower-case letters, digits, "_", "+" or "-" with a
// letter or digit among them, a colon at the end or before a space or
// punctuation. "10:30:15", "std::vector::", "a:b:c" and roles
// (":ref:`x`") are not.
func emojiAt(s string, from int) int {
	for i := from; i < len(s); i++ {
		if s[i] != ':' || (i > 0 && !strings.ContainsRune(" \t(", rune(s[i-1]))) {
			continue
		}
		j, alnum := i+1, false
		for ; j < len(s); j++ {
			c := s[j]
			if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
				alnum = true
			} else if c != '_' && c != '+' && c != '-' {
				break
			}
		}
		if alnum && j < len(s) && s[j] == ':' && (j+1 == len(s) || strings.ContainsRune(" \t.,;!?)", rune(s[j+1]))) {
			return i
		}
	}
	return -1
}

// dropEmoji removes emoji shortcodes, and the space before each: the site
// shows a picture ("Done :tada:." reads "Done.").
func dropEmoji(s string) string {
	var b strings.Builder
	start := 0
	for i := emojiAt(s, 0); i >= 0; i = emojiAt(s, start) {
		end := i + 1 + strings.IndexByte(s[i+1:], ':') + 1
		cut := i
		if cut > start && (s[cut-1] == ' ' || s[cut-1] == '\t') {
			cut--
		}
		b.WriteString(s[start:cut])
		start = end
	}
	if start == 0 {
		return s
	}
	b.WriteString(s[start:])
	return b.String()
}

// keysRe matches PyMdown's keys: "++ctrl+alt+del++", a key a name or a
// quoted text ("++ctrl+\"My Key\"++"); "C++ and C++" is no key, a name
// holds no space.
var keysRe = regexp.MustCompile(`(^|[^+])\+\+((?:[A-Za-z0-9][\w-]*|"[^"+]+")(?:\+(?:[A-Za-z0-9][\w-]*|"[^"+]+"))*)\+\+`)

// keyAliases are the names PyMdown's key map labels otherwise than as the
// name capitalised ("delete" is "Del").
var keyAliases = map[string]string{"delete": "Del", "escape": "Esc", "control": "Ctrl", "command": "Cmd", "windows": "Win"}

// keysText writes keys as the site labels them: "Ctrl+Alt+Del". A name's
// words are capitalised ("page-up" is "Page Up"); a quoted key is its text.
func keysText(m string) string {
	sub := keysRe.FindStringSubmatch(m)
	keys := strings.Split(sub[2], "+")
	for i, k := range keys {
		if strings.HasPrefix(k, `"`) {
			keys[i] = strings.Trim(k, `"`)
			continue
		}
		k = strings.ToLower(k)
		if a, ok := keyAliases[k]; ok {
			keys[i] = a
			continue
		}
		words := strings.Split(k, "-")
		for j, w := range words {
			if w != "" {
				words[j] = strings.ToUpper(w[:1]) + w[1:]
			}
		}
		keys[i] = strings.Join(words, " ")
	}
	return sub[1] + strings.Join(keys, "+")
}

// runAt returns the length of the run of c starting at i.
func runAt(s string, i int, c byte) int {
	j := i
	for j < len(s) && s[j] == c {
		j++
	}
	return j - i
}

// wordBefore and wordAfter report whether a letter, digit or underscore
// is right before or after position i of s.
func wordBefore(s string, i int) bool {
	r, n := utf8.DecodeLastRuneInString(s[:i])
	return n > 0 && (r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r))
}

func wordAfter(s string, i int) bool {
	r, n := utf8.DecodeRuneInString(s[i:])
	return n > 0 && (r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r))
}

// escaped reports whether a backslash escapes the character at i: "\^"
// is a caret, not a mark.
func escaped(s string, i int) bool {
	return i > 0 && s[i-1] == '\\'
}

// spaceAt reports whether s has a space (or nothing) at i.
func spaceAt(s string, i int) bool {
	return i < 0 || i >= len(s) || s[i] == ' ' || s[i] == '\t'
}

// unwrapSmart removes doubled marks of c around text, smart: an opening
// pair of exactly two at no word's middle, followed by no space; a
// closing pair after no space and before no word.
func unwrapSmart(s string, c byte) string {
	var b strings.Builder
	start := 0 // the start of the text not yet written
	for i := 0; i < len(s); {
		if s[i] != c {
			i++
			continue
		}
		n := runAt(s, i, c)
		if n != 2 || wordBefore(s, i) || spaceAt(s, i+2) || escaped(s, i) {
			i += n
			continue
		}
		end := -1
		for j := i + 2; j < len(s); {
			if s[j] != c {
				j++
				continue
			}
			m := runAt(s, j, c)
			if m == 2 && !spaceAt(s, j-1) && !wordAfter(s, j+2) && !escaped(s, j) {
				end = j
				break
			}
			j += m
		}
		if end < 0 {
			i += n
			continue
		}
		b.WriteString(s[start:i])
		b.WriteString(s[i+2 : end])
		start, i = end+2, end+2
	}
	if start == 0 {
		return s
	}
	b.WriteString(s[start:])
	return b.String()
}

// unwrapSuperscripts removes the carets of "X^2^": one caret, text with no
// space, bracket, caret or backslash, one caret; not a footnote
// reference's "[^", nor an escaped "\^".
func unwrapSuperscripts(s string) string {
	var b strings.Builder
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '^' || (i > 0 && (s[i-1] == '[' || s[i-1] == '^')) || escaped(s, i) {
			continue
		}
		j := i + 1
		for j < len(s) && !strings.ContainsRune(" \t^[]\\", rune(s[j])) {
			j++
		}
		if j == i+1 || j >= len(s) || s[j] != '^' || runAt(s, j, '^') != 1 {
			continue
		}
		b.WriteString(s[start:i])
		b.WriteString(s[i+1 : j])
		start, i = j+1, j
	}
	if start == 0 {
		return s
	}
	b.WriteString(s[start:])
	return b.String()
}
