package text

import (
	"fmt"
	"slices"
	"testing"
)

func TestArabicBare(t *testing.T) {
	for _, tc := range []struct {
		w       string
		minRest int
		loose   bool
		want    []string // each reading, "+" before one whose cut held the article
	}{
		{"الكتاب", 3, false, []string{"+كتاب"}},
		{"والكتاب", 3, false, []string{"+كتاب", "الكتاب"}},
		{"بالكتاب", 3, false, []string{"+كتاب"}},
		{"بالكتاب", 3, true, []string{"+كتاب", "الكتاب"}},
		{"كالكتاب", 3, false, []string{"+كتاب"}},
		{"فالكتاب", 3, false, []string{"+كتاب"}},
		{"فالكتاب", 3, true, []string{"+كتاب", "الكتاب"}},
		{"للكتاب", 3, false, []string{"+كتاب"}}, // ل and the article: لل
		{"وللكتاب", 3, false, []string{"+كتاب", "للكتاب"}},
		{"وبالكتاب", 3, false, []string{"+كتاب", "بالكتاب"}},
		{"وبالكتاب", 3, true, []string{"+كتاب", "الكتاب", "بالكتاب"}},
		{"فبالكتاب", 3, false, []string{"+كتاب"}},
		// Without the article, only و is cut unless loose.
		{"وكتاب", 3, false, []string{"كتاب"}},
		{"فريق", 2, false, nil},
		{"فريق", 2, true, []string{"ريق"}},
		{"بريطانيا", 3, false, nil},
		{"لست", 2, false, nil},
		{"لست", 2, true, []string{"ست"}},
		{"وبمليون", 2, true, []string{"مليون", "بمليون"}},
		{"وبمليون", 2, false, []string{"بمليون"}},
		// A cut leaves minRest letters, or a shorter cut is read.
		{"والد", 3, false, []string{"الد"}},
		{"والد", 1, false, []string{"+د", "الد"}},
		{"للغة", 3, false, nil},
		{"للغة", 2, false, []string{"+غة"}},
		{"ال", 0, false, nil},
		{"و", 0, false, nil},
		// Nothing to cut.
		{"مكتب", 1, true, nil},
		{"كتاب", 1, true, []string{"تاب"}}, // loose: the set looked in decides
		{"book", 1, true, nil},
		{"", 0, true, nil},
	} {
		t.Run(fmt.Sprintf("%s/%d/%v", tc.w, tc.minRest, tc.loose), func(t *testing.T) {
			var got []string
			for rest, article := range ArabicBare(tc.w, tc.minRest, tc.loose) {
				if article {
					rest = "+" + rest
				}
				got = append(got, rest)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("ArabicBare(%q, %d, %v) = %q, want %q", tc.w, tc.minRest, tc.loose, got, tc.want)
			}
		})
	}
}

// TestArabicNumbersWithProclitics holds the number readers to ArabicBare's
// cuts: the conjunction, preposition and article before a number word, a
// scale word or a decade (those the old lists had, and the longer runs they
// missed), never a preposition alone before a number word ("لست" is "I am
// not", not six).
func TestArabicNumbersWithProclitics(t *testing.T) {
	for _, tc := range []struct {
		w    string
		want float64
		ok   bool
	}{
		{"وعشرون", 20, true},
		{"العشرون", 20, true},
		{"والعشرون", 20, true},
		{"بالعشرين", 20, true},
		{"والتسعينيات", 90, true},
		{"بالتسعينيات", 90, true},
		{"التسعينيات", 90, true},
		{"لست", 0, false},
		{"بست", 0, false},
	} {
		got, ok := numberWordValue(tc.w)
		if ok != tc.ok || ok && got != tc.want {
			t.Errorf("numberWordValue(%q) = %v, %v; want %v, %v", tc.w, got, ok, tc.want, tc.ok)
		}
	}
	for _, tc := range []struct{ w, want string }{
		{"مليار", "مليار"},
		{"والمليار", "مليار"},
		{"بالمليار", "مليار"},
		{"بمليون", "مليون"},
		{"وبمليون", "مليون"},
		{"مليارا", "مليارا"}, // a scale word of its own
		{"ومليارا", "مليارا"},
		{"فالمليون", "مليون"},
		{"كمليون", "مليون"},
		{"ببغاء", "ببغاء"},
	} {
		if got := arabicBase(tc.w); got != tc.want {
			t.Errorf("arabicBase(%q) = %q, want %q", tc.w, got, tc.want)
		}
	}
}
