package prompts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// tags are the delimiters the templates use. Text placed inside them must
// not be able to open or close one.
var tags = []string{"passages", "passage", "question", "history", "turn", "topic"}

// Escape neutralises every delimiter tag in s: the '<' of "<passage",
// "</ passage", "＜/question" and the like becomes "&lt;". Everything else,
// including other angle brackets, is left alone so the model reads and
// quotes the text as written.
func Escape(s string) string {
	if !strings.ContainsAny(s, "<＜﹤") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isOpen(r) && opensTag(s[i+size:]) {
			b.WriteString("&lt;")
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// isOpen reports whether r could be read as '<', NFKC included.
func isOpen(r rune) bool { return r == '<' || r == '＜' || r == '﹤' }

// opensTag reports whether rest, the text after a '<', starts a delimiter:
// optional spaces and slashes, then a tag name not followed by a letter.
func opensTag(rest string) bool {
	// Look at a short prefix only, folded as a reader would see it:
	// compatibility forms (ｐａｓｓａｇｅ) and invisible format characters
	// (pas\u200bsage) do not hide a tag.
	if len(rest) > 64 {
		cut := 64
		for cut > 0 && !utf8.RuneStart(rest[cut]) {
			cut--
		}
		rest = rest[:cut]
	}
	rest = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, norm.NFKC.String(rest))
	rest = strings.TrimLeftFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || r == '/' })
	for _, t := range tags {
		if len(rest) < len(t) || !strings.EqualFold(rest[:len(t)], t) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(rest[len(t):])
		if next == utf8.RuneError || !unicode.IsLetter(next) {
			return true
		}
	}
	return false
}

// escapeAttr makes s safe inside a double-quoted attribute on one line. The
// full-width and small forms of the brackets and quote are escaped too: a
// model reads ＜/passage＞ as a tag just as well (security finding F5).
func escapeAttr(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return attrReplacer.Replace(s)
}

var attrReplacer = strings.NewReplacer(
	`&`, "&amp;", `"`, "&quot;", `<`, "&lt;", `>`, "&gt;",
	"＜", "&lt;", "﹤", "&lt;", "＞", "&gt;", "﹥", "&gt;", "＂", "&quot;",
)
