package corpus

import (
	"strings"
	"unicode/utf8"

	"corpusbot/text"
)

// firstLine returns the first line of text holding something visible,
// trimmed.
func firstLine(text string) string {
	for text != "" {
		line, rest, _ := strings.Cut(text, "\n")
		if s, e := trimSpan(line, 0, len(line)); s < e {
			return line[s:e]
		}
		text = rest
	}
	return ""
}

// cutTitle collapses the white space of a title and, when it is longer than
// maxRunes, cuts it at a word boundary and marks the cut with "…". Text with
// no spaces (Chinese, Japanese) is cut where the limit falls.
func cutTitle(title string, maxRunes int) string {
	if !spacedOnce(title) {
		title = strings.Join(strings.FieldsFunc(title, text.IsSpace), " ")
	}
	return text.Clip(title, maxRunes)
}

// spacedOnce reports whether s is ASCII whose words are apart by one space
// each, none at its ends: a title white space collapses to itself, as most
// are, kept without splitting and joining it again.
func spacedOnce(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c < ' ' && text.IsSpace(rune(c)) || c == ' ' && s[i-1] == ' ' {
			return false
		}
	}
	return true
}
