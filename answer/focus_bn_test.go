package answer

import (
	"slices"
	"testing"
	"testing/fstest"
)

// Bengali, read with the generic analyser (round seven: on React's Bengali
// docs "useMemo কী?" quoted a sentence holding "কী", and "StrictMode কী
// কাজে সাহায্য করে?" abstained, its question words weighing the most).
// The page is made up in the docs' form.
func TestFocusDropsBengaliQuestionWords(t *testing.T) {
	st := newPipeline(t, loadFS(t, fstest.MapFS{
		"bn.md": {Data: []byte("# useMemo\n\nuseMemo হল একটি React হুক, যা রি-রেন্ডারিং এর সময় রেজাল্ট মেমোরিতে সংরক্ষণ করে রাখতে দেয়। এটা কিভাবে কাজ করে তা নিচে দেখুন।\n")},
	}), nil).state.Load()
	for _, tt := range []struct {
		question string
		want     []string // the focus words, in order
	}{
		{"useMemo কী?", nil}, // a name the page holds, and nothing else: its title's question
		{"useMemo কিভাবে রেজাল্ট সংরক্ষণ করে?", []string{"রেজাল্ট", "সংরক্ষণ"}},
	} {
		f := st.focusOf(st.withoutFraming(tt.question))
		var got []string
		for i := range f.words {
			got = append(got, f.wordOf(i))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: focus %q, want %q", tt.question, got, tt.want)
		}
	}
}
