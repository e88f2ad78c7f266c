package corpus

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// A zipped document's part is bounded by the bound of a plain file
// (Config.MaxFileBytes), and all its parts read by 8 times that: past
// either the document is skipped as too large, its reason naming the bound
// and its setting; under them it loads. The files are small zips (a few
// hundred bytes) of parts of a few KB.
func TestZipDocBoundsFromConfig(t *testing.T) {
	const maxFile = 5000
	chapter := func(n int) string { // an XHTML chapter of about n bytes
		return xhtml("Ch", "<p>"+strings.Repeat("word ", n/5)+"</p>")
	}
	var many []string // 10 chapters of 4,500 bytes: each under the bound, all over 8 times it
	for _, name := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"} {
		many = append(many, name+".xhtml", chapter(4500))
	}
	tests := []struct {
		name   string
		file   []byte
		kind   SkipKind
		reason []string // in the reason
	}{
		{"chapter under the bound", makeEPUB(t, "Book", nil, "a.xhtml", chapter(4500)), "", nil},
		{"chapter over the bound", makeEPUB(t, "Book", nil, "a.xhtml", chapter(4500), "b.xhtml", chapter(6000)), SkipTooLarge,
			[]string{"OEBPS/text/b.xhtml", "5000 bytes", "MAX_FILE_BYTES"}},
		{"all over 8 times the bound", makeEPUB(t, "Book", nil, many...), SkipTooLarge,
			[]string{"40000 bytes", "8 × MAX_FILE_BYTES"}},
		{"DOCX body over the bound", makeDOCX(t, "<w:p><w:r><w:t>"+strings.Repeat("word ", 1200)+"</w:t></w:r></w:p>"), SkipTooLarge,
			[]string{"word/document.xml", "5000 bytes", "MAX_FILE_BYTES"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := "book.epub"
			if strings.HasPrefix(tt.name, "DOCX") {
				name = "doc.docx"
			}
			if len(tt.file) > maxFile {
				t.Fatalf("the zip is %d bytes, over the bound itself", len(tt.file))
			}
			c, err := Load(context.Background(), fstest.MapFS{name: {Data: tt.file}, "notes.md": {Data: []byte("# Notes\n\nA plain file, so that Load has one.\n")}}, Config{MaxFileBytes: maxFile})
			if err != nil {
				t.Fatal(err)
			}
			var kind SkipKind
			reason := ""
			for _, w := range c.Warnings {
				if w.Path == name {
					kind, reason = w.Kind, w.Reason
				}
			}
			if kind != tt.kind {
				t.Fatalf("skipped %q (%s), want %q", kind, reason, tt.kind)
			}
			for _, r := range tt.reason {
				if !strings.Contains(reason, r) {
					t.Errorf("reason %q does not say %q", reason, r)
				}
			}
			if tt.kind == "" && len(c.Docs) != 2 {
				t.Errorf("%d documents, want 2", len(c.Docs))
			}
		})
	}
}

// BenchmarkEPUBDeep reads the reviewer's hostile book: a chapter of 2
// million nested <div> (10 MB unpacked, 10 KB zipped), then a 64 MiB one
// of 13 million: the first is under the part bound, read flattened; the
// second is over it, refused unread.
func BenchmarkEPUBDeep(b *testing.B) {
	for _, n := range []int{2_000_000, 13_000_000} {
		book := makeEPUB(b, "Deep", nil, "deep.xhtml", xhtml("Deep", strings.Repeat("<div>", n)+"<p>deep word</p>"))
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				parseBinary(FormatEPUB, book, 0)
			}
		})
	}
}
