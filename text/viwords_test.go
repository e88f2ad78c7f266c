package text

import (
	"slices"
	"testing"
)

func vietWordsOf(s string) []string {
	var out []string
	for w := range VietWords(s) {
		out = append(out, s[w.Start:w.End])
	}
	return out
}

// VietWords joins the syllables of the list's words, longest first, and
// never across punctuation or a name the list lacks.
func TestVietWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Sublime Text có giá bao nhiêu?", []string{"có giá", "bao nhiêu"}},
		{"Có thể dùng giá trị mặc định không?", []string{"Có thể", "giá trị", "mặc định"}},
		{"alert giá trị bao nhiêu", []string{"giá trị", "bao nhiêu"}},
		// Longest first: "đầu vào" (input) of "lần đầu vào năm nào"
		// (first, in which year), as the list has no "lần đầu".
		{"React được phát hành lần đầu vào năm nào?", []string{"phát hành", "đầu vào"}},
		{"Công cụ phát triển React", []string{"Công cụ", "phát triển"}},
		{"giá, trị", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := vietWordsOf(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("VietWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A syllable is not held by a longer word it is part of; a word of two
// syllables is held where they stand together.
func TestVietHolds(t *testing.T) {
	tests := []struct {
		sentence, w string
		want        bool
	}{
		{"Hãy alert giá trị bao nhiêu?", "giá", false},
		{"Sublime Text có giá 99 đô.", "giá", false}, // "có giá", a word of the list
		{"Sublime Text bán với giá 99 đô.", "giá", true},
		{"Giá của nó là 99 đô.", "giá", true},
		{"khi codebase của bạn phát triển và hành vi thay đổi", "phát hành", false},
		{"React được phát hành năm 2013", "phát hành", true},
		{"Mở trình duyệt web của bạn", "trình duyệt", true},
		{"Trong nhiều năm", "năm", true},
		{"giá trị", "", false},
	}
	for _, tt := range tests {
		if got := VietHolds(tt.sentence, tt.w); got != tt.want {
			t.Errorf("VietHolds(%q, %q) = %v, want %v", tt.sentence, tt.w, got, tt.want)
		}
	}
}
