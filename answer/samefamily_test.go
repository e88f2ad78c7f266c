package answer

import (
	"testing"
	"unicode"
)

// sameFamilyRunes is sameFamily as it was written first, on []rune
// copies: the reference the allocation-free one must equal.
func sameFamilyRunes(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	n := 0
	for n < len(ra) && n < len(rb) && ra[n] == rb[n] {
		n++
	}
	short := min(len(ra), len(rb))
	if n == short && n >= minArabicFamily && max(len(ra), len(rb))-n <= 2 && unicode.Is(unicode.Arabic, ra[0]) {
		return true
	}
	return n >= minFamily && float64(n) >= minFamilyShare*float64(short)
}

// FuzzSameFamily: sameFamily agrees with the []rune form on any two
// strings, invalid UTF-8 included.
func FuzzSameFamily(f *testing.F) {
	for _, s := range [][2]string{
		{"introduit", "introduction"}, {"المستخدمين", "مستخدم"}, {"مستخدم", "مستخدمة"}, {"مدرس", "مدرسة"},
		{"part", "parti"}, {"india", "indian"}, {"", ""}, {"abcde", "abcde"}, {"abcd\xffe", "abcd\xffef"},
		{"\uFFFDabcd", "\xffabcde"}, {"regulat", "regulators"}, {"支付宝的用户", "支付宝的"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := sameFamily(a, b), sameFamilyRunes(a, b); got != want {
			t.Errorf("sameFamily(%q, %q) = %v, the []rune form %v", a, b, got, want)
		}
	})
}
