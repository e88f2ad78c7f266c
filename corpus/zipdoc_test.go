package corpus

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

// nest wraps inner in n elements named tag, opened and closed.
func nest(tag, inner string, n int) string {
	return strings.Repeat("<"+tag+">", n) + inner + strings.Repeat("</"+tag+">", n)
}

// A zipped document's XML nested deeper than maxXMLDepth is skipped as
// malformed: encoding/xml holds every open element, so a part of millions
// of opening tags, a few KB zipped, held gigabytes. Nested within the
// bound, it still reads.
func TestZipDocXMLDepth(t *testing.T) {
	const text = "Deeply nested words."
	tests := []struct {
		name  string
		build func(depth int) []byte
	}{
		{"a.docx", func(depth int) []byte {
			return makeDOCX(t, nest("w:sdt", `<w:p><w:r><w:t>`+text+`</w:t></w:r></w:p>`, depth))
		}},
		{"a.pptx", func(depth int) []byte {
			return makePPTX(t, []string{pptxSlide("", nest("p:grpSp", pptxShape("", text), depth))}, nil)
		}},
		{"a.odt", func(depth int) []byte {
			return makeODT(t, "", nest("text:section", `<text:p>`+text+`</text:p>`, depth), "")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := loadGuarded(t, tt.name, tt.build(maxXMLDepth/2))
			if err != nil || len(c.Docs) != 1 || !strings.Contains(c.Docs[0].Passages[0].Text, text) {
				t.Fatalf("nested %d deep: not read (%v; %+v)", maxXMLDepth/2, err, c)
			}
			c, err = Load(context.Background(), fstest.MapFS{tt.name: {Data: tt.build(maxXMLDepth + 1)}, "other.txt": file("Another document.")}, Config{})
			if err != nil {
				t.Fatal(err)
			}
			sk := c.Skipped()
			if len(c.Docs) != 1 || len(sk) != 1 || sk[0].Kind != SkipMalformed || !strings.Contains(sk[0].Reason, "nested more than") {
				t.Fatalf("nested %d deep: %d documents, skipped %+v; want skipped as malformed, nested too deep", maxXMLDepth+1, len(c.Docs), sk)
			}
		})
	}
}
