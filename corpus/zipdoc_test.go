package corpus

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"corpusbot/internal/ziptest"
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

// A part over the part bound, or reading past the bound of all parts of a
// document, is errZipTooLarge, so a zip bomb unpacks no more than that; a
// part is read once.
func TestZipDocBounds(t *testing.T) {
	z, err := openZipDoc(ziptest.Zip(t, "small", "abcd", "exact", "0123456789", "big", strings.Repeat("x", 25), "empty", "", "small2", "abcd", "small3", "abcd", "small4", "abcd", "small5", "abcd"), 0)
	if err != nil {
		t.Fatal(err)
	}
	z.partMax, z.totalMax = 10, 28
	steps := []struct {
		name string
		want string
		err  error
		read int64 // z.read after
	}{
		{"small", "abcd", nil, 4},
		{"exact", "0123456789", nil, 14},
		{"big", "", errZipTooLarge, 14}, // over partMax
		{"small2", "abcd", nil, 18},
		{"empty", "", nil, 18},
		{"small3", "abcd", nil, 22},
		{"small4", "abcd", nil, 26},
		{"small5", "", errZipTooLarge, 26}, // past totalMax
		{"small", "", errPartAgain, 26},    // read before
		{"missing", "", nil, 26},
	}
	for i, st := range steps {
		b, err := z.part(st.name)
		switch {
		case st.name == "missing":
			if err == nil {
				t.Errorf("step %d: a missing part read without an error", i)
			}
		case !errors.Is(err, st.err) || string(b) != st.want:
			t.Errorf("step %d, %s: %q, %v; want %q, %v", i, st.name, b, err, st.want, st.err)
		}
		if z.read != st.read {
			t.Errorf("step %d, %s: %d bytes read in all, want %d", i, st.name, z.read, st.read)
		}
	}
}

// The bounds openZipDoc sets are the bound of a file a part, and
// zipTotalParts times it in all; the default file bound when none is set.
func TestZipDocDefaultBounds(t *testing.T) {
	for _, tt := range []struct{ maxFile, part int64 }{{0, defaultMaxFileBytes}, {-1, defaultMaxFileBytes}, {1000, 1000}} {
		z, err := openZipDoc(ziptest.Zip(t, "a", "b"), tt.maxFile)
		if err != nil {
			t.Fatal(err)
		}
		if z.partMax != tt.part || z.totalMax != zipTotalParts*tt.part {
			t.Errorf("maxFile %d: bounds %d a part, %d in all; want %d, %d", tt.maxFile, z.partMax, z.totalMax, tt.part, zipTotalParts*tt.part)
		}
	}
}

// A deck that passes the bound of all its parts is too large, even when
// what passes it is a part read on the side (the last slide's notes, the
// metadata's title), not a slide: it was loaded without them, unsaid.
func TestZipDocTotalSidePart(t *testing.T) {
	deck := makePPTX(t, []string{pptxSlide("", pptxShape("title", "Rollout"), pptxShape("", "We start in two regions."))},
		[]string{strings.Repeat("Long notes. ", 50)})
	z, err := openZipDoc(deck, 0)
	if err != nil {
		t.Fatal(err)
	}
	s, kind, _ := z.readPPTX()
	if kind != "" || len(s.blocks) != 3 {
		t.Fatalf("unbounded: %d blocks, skipped %q; want a title, a paragraph and notes", len(s.blocks), kind)
	}
	// Room for the deck's slide list, relations and slide, not its notes.
	need := z.read
	notes := int64(z.files["ppt/notesSlides/notesSlide1.xml"].UncompressedSize64)
	z, _ = openZipDoc(deck, 0)
	z.totalMax = need - notes
	s, kind, reason := z.readPPTX()
	if kind != SkipTooLarge {
		t.Errorf("over the bound by its notes: skipped %q (%s), %d blocks; want %q", kind, reason, len(s.blocks), SkipTooLarge)
	}
}

// A part is read once a document: a book's spine or a deck's slide list
// naming a chapter or slide again, or a slide's relationships its notes
// again, does not read it again. A 6.5 KB EPUB whose spine named one
// chapter 100,000 times made 200,000 blocks, allocating 2.3 GB in 3.2 s.
func TestZipDocPartOnce(t *testing.T) {
	title := `Book</dc:title></metadata><spine><itemref idref="c0"/><itemref idref="c0"/></spine><metadata><dc:title>`
	book := makeEPUB(t, title, nil, "a.xhtml", xhtml("A", "<h1>Rivers</h1><p>Rivers carry water.</p>"))
	s, kind, reason := parseEPUB(book, 0)
	if kind != "" || len(s.blocks) != 2 {
		t.Errorf("a chapter the spine names thrice: %d blocks, skipped %q %s; want its heading and paragraph once", len(s.blocks), kind, reason)
	}
	slide := pptxSlide("", pptxShape("title", "Regions"), pptxShape("", "We start in two regions."))
	deck := ziptest.Zip(t,
		"ppt/presentation.xml", `<p:presentation `+nsPML+`><p:sldIdLst><p:sldId id="256" r:id="rId2"/><p:sldId id="257" r:id="rId2"/><p:sldId id="258" r:id="rId3"/></p:sldIdLst></p:presentation>`,
		"ppt/_rels/presentation.xml.rels", `<Relationships `+relNS+`><Relationship Id="rId2" Type="`+relT+`slide" Target="slides/slide1.xml"/><Relationship Id="rId3" Type="`+relT+`slide" Target="slides/slide2.xml"/></Relationships>`,
		"ppt/slides/slide1.xml", slide,
		"ppt/slides/slide2.xml", pptxSlide("", pptxShape("title", "Dates")),
		"ppt/slides/_rels/slide1.xml.rels", `<Relationships `+relNS+`><Relationship Id="rId2" Type="`+relT+`notesSlide" Target="../notesSlides/n.xml"/><Relationship Id="rId3" Type="`+relT+`notesSlide" Target="../notesSlides/n.xml"/></Relationships>`,
		"ppt/notesSlides/n.xml", `<p:notes `+nsPML+`><p:cSld><p:spTree>`+pptxShape("body", "Say hello.")+`</p:spTree></p:cSld></p:notes>`,
	)
	s, kind, reason = parsePPTX(deck, 0)
	var got []string
	for _, b := range s.blocks {
		got = append(got, fmt.Sprintf("%d:%s", b.anchors[0].page, b.text))
	}
	if want := []string{"1:Regions", "1:We start in two regions.", "1:Say hello.", "2:Dates"}; kind != "" || !slices.Equal(got, want) {
		t.Errorf("a slide listed twice, its notes related twice: %q, skipped %q %s; want %q", got, kind, reason, want)
	}
}
