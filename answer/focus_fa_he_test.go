package answer

import (
	"slices"
	"testing"
	"testing/fstest"
)

// Persian and Hebrew, read with the generic analyser (round eight: on
// React's Persian and Hebrew docs "ابزار توسعه ری‌اکت را برای سافاری چطور
// نصب کنم؟" and "מה עושה Prettier?" abstained, their question words and
// auxiliaries, which no page holds, weighing the most). The pages are made
// up in the docs' form.
func TestFocusDropsPersianHebrewQuestionWords(t *testing.T) {
	st := newPipeline(t, loadFS(t, fstest.MapFS{
		"fa.md": {Data: []byte("# نصب\n\nبرای سایر مرورگر ها مانند سافاری پکیج react-devtools را نصب کنید. این ابزار برای اشکال‌زدایی وب‌سایت‌ها ساخته شده است.\n")},
		"he.md": {Data: []byte("# עורך קוד\n\nלמזלנו, Prettier ינקה את הקוד שלך על ידי התאמתו לחוקים קיימים. הוא זמין בכמה דפדפנים.\n")},
	}), nil).state.Load()
	for _, tt := range []struct {
		question string
		want     []string // the focus words, in order
	}{
		{"برای سافاری چطور نصب کنم؟", []string{"سافاری", "نصب"}},
		{"اشکال‌زدایی چیست؟", []string{"اشکال‌زدایی"}}, // one word across its non-joiner, as the index holds it
		{"מה עושה Prettier?", nil}, // a name the page holds, and nothing else
		{"איך ינקה את הקוד?", []string{"ינקה", "הקוד"}},
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
