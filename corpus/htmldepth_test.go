package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// deepHTML is a hostile page: n <div> opened and never closed, a word
// inside the innermost.
func deepHTML(n int) string {
	return "<html><body>" + strings.Repeat("<div>", n) + "deep word</body></html>"
}

// BenchmarkHTMLDeep reads a page of 200,000 nested <div> (1 MB).
func BenchmarkHTMLDeep(b *testing.B) {
	src := deepHTML(200_000)
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		parseHTML(src)
	}
}

// TestHTMLDeepNesting: a page nested deeper than x/net/html takes (512
// open elements) still reads as headings and paragraphs, the excess
// nesting flattened, where the parser's refusal left one paragraph of all
// its text; ordinary nesting, and <p> and <li> left unclosed, are kept.
func TestHTMLDeepNesting(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // blocks' kinds and texts
	}{
		{"deep divs", "<html><body><h1>Title</h1>" + strings.Repeat("<div>", 2000) + "<p>deep word</p><h2>Under</h2><p>more</p></body></html>",
			[]string{"heading:Title", "para:deep word", "heading:Under", "para:more"}},
		{"deep closed", "<body><h1>Title</h1>" + strings.Repeat("<div><span>", 1000) + "<p>inner</p>" + strings.Repeat("</span></div>", 1000) + "<p>after</p></body>",
			[]string{"heading:Title", "para:inner", "para:after"}},
		{"unclosed paragraphs", "<body>" + strings.Repeat("<p>a para\n", 600) + "<h2>End</h2><p>last</p></body>",
			append(repeatStr("para:a para", 600), "heading:End", "para:last")},
		{"unclosed items", "<body><ul>" + strings.Repeat("<li>an item\n", 600) + "</ul><h2>End</h2></body>",
			append(repeatStr("item:• an item", 600), "heading:End")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := parseHTML(tt.src)
			var got []string
			for _, b := range s.blocks {
				got = append(got, blockKindName(b.kind)+":"+b.text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("blocks (%d):\n%.600q\nwant (%d):\n%.600q", len(got), got, len(tt.want), tt.want)
			}
		})
	}
}

func repeatStr(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

func blockKindName(k blockKind) string {
	switch k {
	case blockHeading:
		return "heading"
	case blockPara:
		return "para"
	case blockItem:
		return "item"
	}
	return fmt.Sprint(k)
}

// BenchmarkHTMLPages reads the public Sphinx pages of testdata (ordinary
// pages: the depth count must not slow them).
func BenchmarkHTMLPages(b *testing.B) {
	paths, err := filepath.Glob("testdata/public/sphinx-html/docs/*.html")
	if err != nil || len(paths) == 0 {
		b.Fatalf("no pages in testdata/public/sphinx-html/docs: %v", err)
	}
	var pages []string
	n := 0
	for _, p := range paths {
		bs, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, string(bs))
		n += len(bs)
	}
	b.ReportAllocs()
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, p := range pages {
			parseHTML(p)
		}
	}
}

// TestHTMLManyElements: past maxHTMLElements a page's tags are left out,
// its text kept (a <script>'s not), so a page of millions of small
// elements costs no tree of millions; the elements before are read as
// before.
func TestHTMLManyElements(t *testing.T) {
	n := maxHTMLElements + 50_000
	src := "<body>" + strings.Repeat("<p>a para</p>\n", n) + "<script>var hidden = 1</script><p>tail word</p></body>"
	s := parseHTML(src)
	if len(s.blocks) > maxHTMLElements+1 {
		t.Fatalf("%d blocks from %d paragraphs, want at most %d", len(s.blocks), n+1, maxHTMLElements+1)
	}
	if len(s.blocks) < maxHTMLElements-10 || s.blocks[0].text != "a para" {
		t.Fatalf("%d blocks, the first %q: the paragraphs before the bound are lost", len(s.blocks), s.blocks[0].text)
	}
	last := s.blocks[len(s.blocks)-1].text
	if !strings.HasSuffix(last, "tail word") || strings.Contains(last, "hidden") {
		t.Errorf("the last block ends %q, want the text past the bound, without the script's", last[max(0, len(last)-80):])
	}
}

// BenchmarkHTMLWide reads a 10 MB page of 1.25 million <b>x</b>.
func BenchmarkHTMLWide(b *testing.B) {
	src := "<body>" + strings.Repeat("<b>x</b>", 1_250_000)
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		parseHTML(src)
	}
}
