package corpus

import (
	"strings"
	"testing"
)

// FuzzBlockWrite checks blockBuilder.write against its definition: what
// two writes give is the words of their concatenation (runs without ASCII
// white space) joined by one space.
func FuzzBlockWrite(f *testing.F) {
	for _, s := range []string{"", " a  b ", "a\tb\nc", "one two three", "x \n y", "  ", "é  ü"} {
		f.Add(s, " tail ")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		var bb blockBuilder
		bb.write(a)
		bb.write(b)
		got := bb.take(blockPara).text
		want := strings.Join(strings.FieldsFunc(a+b, func(r rune) bool { return r < 0x80 && isASCIISpace(byte(r)) }), " ")
		if got != want {
			t.Errorf("write(%q), write(%q) = %q, want %q", a, b, got, want)
		}
	})
}

func FuzzOneLine(f *testing.F) {
	for _, s := range []string{"", "a b", " a", "a ", "a  b", "a\tb", "a\u00a0b", "Écrire un hook", "x\u3000y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := oneLine(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", s, got, want)
		}
	})
}
