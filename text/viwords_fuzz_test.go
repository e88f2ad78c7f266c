package text

import (
	"strings"
	"testing"
)

// FuzzVietWords holds VietWords to what its callers rely on, whatever the
// text: its spans lie in s, in order, apart; each is syllables of pyvi's
// list written with one space between them; and VietHolds finds each word
// it yields in the text it came from (answer's focus joins a question's
// syllables by the first and tests sentences by the second).
func FuzzVietWords(f *testing.F) {
	for _, s := range []string{
		"Sublime Text có giá bao nhiêu?", "Có thể dùng giá trị mặc định không?",
		"React được phát hành lần đầu vào năm nào?", "giá, trị", "giá  trị", "GIÁ TRỊ",
		"Công cụ phát triển React", "trình duyệt web", "\xe1\xbb giá trị", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		end := 0
		for w := range VietWords(s) {
			if w.Start < end || w.End <= w.Start || w.End > len(s) {
				t.Fatalf("VietWords(%q): span %v after %d", s, w, end)
			}
			end = w.End
			word := s[w.Start:w.End]
			if _, ok := viSet()[strings.ToLower(word)]; !ok || len(strings.Fields(word)) < 2 || strings.Contains(word, "  ") {
				t.Fatalf("VietWords(%q) yields %q, not a word of the list written with single spaces", s, word)
			}
			if !VietHolds(s, word) {
				t.Fatalf("VietHolds(%q, %q) = false for a word VietWords found there", s, word)
			}
		}
	})
}
