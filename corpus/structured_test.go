package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"

	"corpusbot/text"
)

// FuzzBlockWrite checks blockBuilder.write against its definition: what
// two writes give is the words of their concatenation (runs without ASCII
// white space) joined by one space, or by none across a line break between
// two East Asian wide characters.
func FuzzBlockWrite(f *testing.F) {
	for _, s := range []string{"", " a  b ", "a\tb\nc", "one two three", "x \n y", "  ", "é  ü", "漢\n字", "한\n글", "漢 \n 字 x\n字"} {
		f.Add(s, " tail ")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return // the loader repairs bytes before parsing; a write is whole runes
		}
		var bb blockBuilder
		bb.write(a)
		bb.write(b)
		got := bb.take(blockPara).text
		if got != writeWant(a+b) {
			t.Errorf("write(%q), write(%q) = %q, want %q", a, b, got, writeWant(a+b))
		}
	})
}

// writeWant is s's words joined by one space, or by none where the white
// space between two East Asian wide characters holds a line break.
func writeWant(s string) string {
	isSpace := func(r rune) bool { return r < 0x80 && isASCIISpace(byte(r)) }
	var b strings.Builder
	for s != "" {
		gap := len(s) - len(strings.TrimLeftFunc(s, isSpace))
		sep, rest := s[:gap], s[gap:]
		end := strings.IndexFunc(rest, isSpace)
		if end < 0 {
			end = len(rest)
		}
		if word := rest[:end]; word != "" {
			if b.Len() > 0 && !(strings.Contains(sep, "\n") && joinsUnspaced(b.String(), word)) {
				b.WriteByte(' ')
			}
			b.WriteString(word)
		}
		s = rest[end:]
	}
	return b.String()
}

func FuzzOneLine(f *testing.F) {
	for _, s := range []string{"", "a b", " a", "a ", "a  b", "a\tb", "a\u00a0b", "Écrire un hook", "x\u3000y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := text.OneLine(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("text.OneLine(%q) = %q, want %q", s, got, want)
		}
	})
}
