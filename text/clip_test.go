package text

import (
	"testing"
	"unicode/utf8"
)

func TestClip(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"", 5, ""},
		{"anything", 0, ""},
		// A word cut in the middle backs off to the space before it.
		{"changes to the country’s biggest payment app", 36, "changes to the country’s biggest…"},
		// A cut that falls on a space keeps the whole word before it.
		{"one two three four", 8, "one two…"},
		// Backing off would lose more than half: cut where it falls.
		{"a verylongwordthatgoeson", 10, "a verylon…"},
		// Punctuation and opening brackets left before the ellipsis go.
		{"first, second, third", 7, "first…"},
		{"the study 2000 (Arkhangelsk)", 17, "the study 2000…"},
		{"the influenza virus A(H1N1) pandemic", 26, "the influenza virus…"},
		{"inhibition of E-box binding", 16, "inhibition of…"},
		// Text without spaces is cut where the limit falls.
		{"支付宝是中国最大的移动支付平台", 6, "支付宝是中…"},
		{"アリペイは中国の決済サービスです", 5, "アリペイ…"},
		// Arabic words are spaced like Latin ones.
		{"قال المتحدث باسم الوزارة", 14, "قال المتحدث…"},
	} {
		got := Clip(c.in, c.n)
		if got != c.want {
			t.Errorf("Clip(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
		if utf8.RuneCountInString(got) > c.n {
			t.Errorf("Clip(%q, %d) = %q: longer than %d runes", c.in, c.n, got, c.n)
		}
	}
}

func FuzzClip(f *testing.F) {
	f.Add("changes to the country’s biggest payment app", 20)
	f.Add("支付宝 是", 3)
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n > 1000 || n < -5 {
			return
		}
		got := Clip(s, n)
		if utf8.RuneCountInString(got) > max(n, 0) {
			t.Fatalf("Clip(%q, %d) = %q: too long", s, n, got)
		}
		if utf8.RuneCountInString(s) <= n && got != s {
			t.Fatalf("Clip(%q, %d) = %q: changed a string that fits", s, n, got)
		}
	})
}
