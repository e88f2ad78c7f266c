package answer

import (
	"slices"
	"testing"
	"testing/fstest"
)

// A Vietnamese question's syllables that make a word are one focus word,
// held by a sentence that writes them as that word: "phát hành"
// (released) not by "phát triển" (develops) and "hành vi" (behaviour), a
// one-syllable "giá" (price) not by "giá trị" (value). Retrieval's terms
// are syllables, and held by them these questions were covered by
// sentences that say something else. Made-up pages.
func TestFocusVietnameseWords(t *testing.T) {
	st := newPipeline(t, loadFS(t, fstest.MapFS{
		"vi/state.md": {Data: []byte("# Giá trị của state\n\nBạn có thể dùng alert để xem giá trị của state trong mỗi lần render.\n\n" +
			"Khi ứng dụng của bạn phát triển, hành vi của các component cũng thay đổi theo.\n\n" +
			"Phiên bản đầu tiên của thư viện được phát hành cho các nhà phát triển vào mùa xuân.\n")},
	}), nil).state.Load()
	const (
		value   = "Bạn có thể dùng alert để xem giá trị của state trong mỗi lần render."
		grows   = "Khi ứng dụng của bạn phát triển, hành vi của các component cũng thay đổi theo."
		release = "Phiên bản đầu tiên của thư viện được phát hành cho các nhà phát triển vào mùa xuân."
	)
	tests := []struct {
		question, sentence string
		focus              []string // the focus words, in order; nil: not checked
		whole              bool     // the sentence holds all the focus
	}{
		// "Your app releases its components": every syllable is in the
		// sentence, the word "phát hành" (release) is not.
		{"Ứng dụng của bạn phát hành các component", grows, []string{"ứng dụng", "của", "bạn", "phát hành", "các", "component"}, false},
		{"Phiên bản đầu tiên được phát hành", release, []string{"phiên bản", "đầu tiên", "được", "phát hành"}, true},
		// "The price of state in each render", of a sentence on the
		// value of state: "giá" is a syllable of "giá trị" there.
		{"Giá của state trong mỗi lần render", value, nil, false},
		{"Giá trị của state trong mỗi lần render", value, nil, true},
	}
	for _, tt := range tests {
		f := st.focusOf(st.withoutFraming(tt.question))
		if tt.focus != nil {
			var got []string
			for i := range f.words {
				got = append(got, f.wordOf(i))
			}
			if !slices.Equal(got, tt.focus) {
				t.Errorf("%q: focus %q, want %q", tt.question, got, tt.focus)
			}
		}
		c := f.coverage(st.index.Analyze(tt.sentence), around{text: tt.sentence})
		if got := c.total > 0 && c.held == c.total; got != tt.whole {
			t.Errorf("%q held by %q: %.2f of %.2f, want all %v", tt.question, tt.sentence, c.held, c.total, tt.whole)
		}
	}
}
