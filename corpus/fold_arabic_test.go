package corpus

import "testing"

// TestStripArabicPrefix holds content keys to text.ArabicBare's longest
// reading with three letters left: the article with what is written
// before it (the runs of conjunction and preposition the old list missed,
// وبال, ولل, فبال, cut too), a lone و, never a lone ف or preposition.
func TestStripArabicPrefix(t *testing.T) {
	for _, tc := range []struct{ w, want string }{
		{"الكتاب", "كتاب"},
		{"والكتاب", "كتاب"},
		{"بالكتاب", "كتاب"},
		{"فالكتاب", "كتاب"},
		{"للكتاب", "كتاب"},
		{"وبالكتاب", "كتاب"}, // was بالكتاب
		{"وللكتاب", "كتاب"},  // was للكتاب
		{"وكتاب", "كتاب"},
		{"والد", "الد"}, // three letters left, or a shorter cut
		{"للغة", "للغة"},
		{"فريق", "فريق"},
		{"بريطانيا", "بريطانيا"},
		{"cache", "cache"},
	} {
		if got := stripArabicPrefix(tc.w); got != tc.want {
			t.Errorf("stripArabicPrefix(%q) = %q, want %q", tc.w, got, tc.want)
		}
	}
}
