package admin

import "testing"

// The dashboard names every language the detector reports, not only a
// dozen of them.
func TestLangText(t *testing.T) {
	for _, tc := range []struct{ code, want string }{
		{"", "unknown"},
		{"en", "English (en)"},
		{"uk", "Ukrainian (uk)"},
		{"id", "Indonesian (id)"},
		{"nb", "Norwegian Bokmål (nb)"},
		{"zh", "Chinese (zh)"},
		{"not a code!", "not a code!"},
	} {
		if got := langText(tc.code); got != tc.want {
			t.Errorf("langText(%q) = %q, want %q", tc.code, got, tc.want)
		}
	}
}
