package corpus

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// seedFiles adds the embedded corpus and the test pages to a fuzz corpus.
func seedFiles(f *testing.F) {
	f.Helper()
	for _, fsys := range []fs.FS{Embedded(), os.DirFS(filepath.Join("testdata", "pages"))} {
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(fsys, p)
			if err == nil {
				f.Add(string(b))
			}
			return err
		})
		if err != nil {
			f.Fatal(err)
		}
	}
}

// FuzzSplit checks the passage splitter on any text: no panic; passages in
// order, inside the text, trimmed, non-empty, with words and right line
// numbers (checkPassages); none over twice maxWords, whatever the layout.
func FuzzSplit(f *testing.F) {
	for _, tt := range splitTests {
		f.Add(tt.text)
	}
	seedFiles(f)
	f.Add("Title\n\nLeave a Reply\n\u00a0\nx. Y? z… 。！\n  • a\n1. b\n# h\n----")
	rules := newNoiseRules()
	f.Fuzz(func(t *testing.T, text string) {
		d := &Document{ID: "d", Text: text, Passages: split("d", text, rules)}
		checkPassages(t, d)
		for _, p := range d.Passages {
			if s, e := trimSpan(p.Text, 0, len(p.Text)); s != 0 || e != len(p.Text) {
				t.Errorf("passage %d: %q is not trimmed", p.Index, p.Text)
			}
			switch w := CountWords(p.Text); {
			case w == 0:
				t.Errorf("passage %d: %q has no words", p.Index, p.Text)
			case w > 2*maxWords:
				t.Errorf("passage %d has %d words, want at most %d", p.Index, w, 2*maxWords)
			}
		}
	})
}

func FuzzHTML(f *testing.F) {
	for _, tt := range htmlTests {
		f.Add(tt.src)
	}
	seedFiles(f)
	f.Fuzz(func(t *testing.T, src string) {
		d := reduceHTML(src)
		for name, s := range map[string]string{"text": d.text, "title": d.title, "lang": d.lang} {
			if !utf8.ValidString(s) {
				t.Errorf("got invalid UTF-8 %s %q", name, s)
			}
		}
	})
}
