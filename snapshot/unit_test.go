package snapshot

import (
	"context"
	"path/filepath"
	"testing"
	"testing/fstest"

	"corpusbot/corpus"
	"corpusbot/internal/ziptest"
)

// A document's unit (a deck's slides, a file's lines) is not stored: it
// follows from the stored format, so a snapshot opened gives every
// document the unit it was loaded with, and snapshots written before units
// were named need no rebuild.
func TestRoundTripKeepsUnits(t *testing.T) {
	const ns = `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"`
	deck := ziptest.Zip(t,
		"ppt/presentation.xml", `<p:presentation `+ns+`><p:sldIdLst><p:sldId id="256" r:id="rId1"/></p:sldIdLst></p:presentation>`,
		"ppt/_rels/presentation.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide" Target="slides/slide1.xml"/></Relationships>`,
		"ppt/slides/slide1.xml", `<p:sld `+ns+`><p:cSld><p:spTree><p:sp><p:nvSpPr><p:nvPr/></p:nvSpPr><p:txBody><a:p><a:r><a:t>The new search reaches eu-west on March 3.</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>`,
	)
	c, err := corpus.Load(context.Background(), fstest.MapFS{
		"deck.pptx": {Data: deck},
		"guide.md":  {Data: []byte("# Guide\n\nThe guide explains the release steps.\n")},
	}, corpus.Config{})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "snap")
	if err := Write(context.Background(), path, testKey, nil, c, indexOf(t, c)); err != nil {
		t.Fatal(err)
	}
	c2, _, _, err := Open(path, testKey)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]corpus.Unit{"deck": corpus.UnitSlide, "guide": corpus.UnitLine}
	for id, u := range want {
		d, ok := c2.Doc(id)
		if !ok {
			t.Fatalf("%s not in the opened snapshot", id)
		}
		if got := d.Unit(); got != u {
			t.Errorf("%s: Unit() = %q after a snapshot, want %q", id, got, u)
		}
		if id == "deck" && (len(d.Passages) == 0 || d.Passages[0].PageStart != 1) {
			t.Errorf("deck: passages %+v, want slide 1", d.Passages)
		}
	}
}
