package text

import (
	"strings"
	"testing"
	"unicode"
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
		{"abc", 1, "…"},
		{"abcd", 3, "ab…"},
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
		// So are Lao, Khmer and Myanmar, which a copy of this rule once
		// missed (it backed off to the space before the cut).
		{"ສະບາຍດີ ປະເທດລາວງາມຫລາຍ", 12, "ສະບາຍດີ ປະເ…"},
		{"សួស្តី ប្រទេសកម្ពុជាស្អាតណាស់", 13, "សួស្តី ប្រទេ…"},
		{"မင်္ဂလာပါ မြန်မာနိုင်ငံသည်လှပသည်", 16, "မင်္ဂလာပါ မြန်…"},
		// A letter keeps its marks: the cut goes before them, not between.
		{"สวัสดีครับ", 3, "ส…"},
		{"cafe\u0301 au lait", 5, "caf…"},
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
	f.Add("สวัสดีครับ", 3)
	f.Add("ສະບາຍດີ ປະເທດລາວ", 12)
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n > 1000 || n < -5 {
			return
		}
		got := Clip(s, n)
		if utf8.RuneCountInString(got) > max(n, 0) {
			t.Fatalf("Clip(%q, %d) = %q: too long", s, n, got)
		}
		if utf8.RuneCountInString(s) <= n {
			if got != s {
				t.Fatalf("Clip(%q, %d) = %q: changed a string that fits", s, n, got)
			}
			return
		}
		head, ok := strings.CutSuffix(got, "…")
		if !ok && n > 0 || !strings.HasPrefix(s, head) {
			t.Fatalf("Clip(%q, %d) = %q: not a prefix and an ellipsis", s, n, got)
		}
		if r, _ := utf8.DecodeRuneInString(s[len(head):]); head != "" && unicode.IsMark(r) {
			t.Fatalf("Clip(%q, %d) = %q: cuts a letter from its mark %U", s, n, got, r)
		}
	})
}

func TestOneLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"Getting started", "Getting started"},
		{" Getting started", "Getting started"},
		{"Getting started ", "Getting started"},
		{"Getting  started", "Getting started"},
		{"Getting\tstarted\r\n", "Getting started"},
		{"Getting\nstarted", "Getting started"},
		{"Prise\u00a0en main", "Prise en main"}, // a no-break space is white space too
		{"入门\u3000指南", "入门 指南"},
		{"   ", ""},
	} {
		if got := OneLine(tc.in); got != tc.want {
			t.Errorf("OneLine(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got, want := OneLine(tc.in), strings.Join(strings.Fields(tc.in), " "); got != want {
			t.Errorf("OneLine(%q) = %q, strings.Fields gives %q", tc.in, got, want)
		}
	}
}

func FuzzOneLine(f *testing.F) {
	for _, s := range []string{"a b", " a", "a  b", "a\tb", "a\u00a0b", "\u2028"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := OneLine(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("OneLine(%q) = %q, want %q", s, got, want)
		}
	})
}
