package text

import "testing"

func TestSpelledAsDigits(t *testing.T) {
	for _, tt := range []struct{ claim, lang, want string }{
		{"returns three values", "en", "returns 3 values"},
		{"twenty-one pilots", "en", "21 pilots"},
		{"one of two hooks", "en", "one of two hooks"},
		{"two of six hooks", "en", "two of 6 hooks"},
		{"Ba Lan có ba thành phố", "vi", "Ba Lan có 3 thành phố"},
		{"a three-note theme", "en", "a 3-note theme"},
		{"hàng năm có năm bản", "vi", "hàng năm có năm bản"},
		{"năm 2020 có bốn bản", "vi", "năm 2020 có 4 bản"},
		{"không có ba", "vi", "không có 3"},
		{"三个值", "zh", "三个值"},
		{"no number here", "en", "no number here"},
		{"", "xx", ""},
	} {
		if got, _ := SpelledAsDigits(tt.claim, tt.lang); got != tt.want {
			t.Errorf("SpelledAsDigits(%q, %s) = %q, want %q", tt.claim, tt.lang, got, tt.want)
		}
	}
}
