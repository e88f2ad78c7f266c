package corpus

import (
	"context"
	"testing"
	"testing/fstest"
)

// Every format names its unit, and its passages are located by it: a
// deck's by slides (kept in PageStart and PageEnd), a PDF's by pages, a
// text's by lines; a Word, OpenDocument or EPUB file's by neither.
func TestDocumentUnit(t *testing.T) {
	fsys := fstest.MapFS{
		"deck.pptx":    {Data: rolloutDeck(t)},
		"report.pdf":   {Data: makePDF([][]string{{"Revenue grew by twelve percent in the third quarter."}, {"Costs stayed flat all year long."}})},
		"memo.docx":    {Data: makeDOCX(t, `<w:p><w:r><w:t>The memo says the office moves in June.</w:t></w:r></w:p>`)},
		"book.epub":    {Data: makeEPUB(t, "Book", nil, "one.xhtml", xhtml("One", "<h1>Retries</h1><p>A retried request carries the same key.</p>"))},
		"guide.md":     {Data: []byte("# Guide\n\nThe guide explains the release steps.\n")},
		"plain.txt":    {Data: []byte("Plain text is located by its lines.\n")},
		"handbook.odt": {Data: makeODT(t, "", `<text:p>The handbook covers paging rotations.</text:p>`, "")},
	}
	c, err := Load(context.Background(), fsys, Config{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id           string
		unit         Unit
		lines, pages bool
	}{
		{"deck", UnitSlide, false, true},
		{"report", UnitPage, false, true},
		{"memo", UnitNone, false, false},
		{"book", UnitNone, false, false},
		{"handbook", UnitNone, false, false},
		{"guide", UnitLine, true, false},
		{"plain", UnitLine, true, false},
	}
	for _, tt := range tests {
		d, ok := c.Doc(tt.id)
		if !ok {
			t.Errorf("%s not loaded: %+v", tt.id, c.Warnings)
			continue
		}
		if got := d.Unit(); got != tt.unit {
			t.Errorf("%s (%s): Unit() = %q, want %q", tt.id, d.Format, got, tt.unit)
		}
		for _, p := range d.Passages {
			if (p.LineStart > 0) != tt.lines || (p.PageStart > 0) != tt.pages {
				t.Errorf("%s passage %d: lines %d–%d, pages %d–%d; want lines %v, pages %v",
					tt.id, p.Index, p.LineStart, p.LineEnd, p.PageStart, p.PageEnd, tt.lines, tt.pages)
			}
		}
	}
}

// A document made without a format (by hand, in a test) is located by
// pages when its passages have pages and no lines, else by lines.
func TestDocumentUnitWithoutFormat(t *testing.T) {
	tests := []struct {
		name string
		ps   []Passage
		want Unit
	}{
		{"no passages", nil, UnitLine},
		{"lines", []Passage{{LineStart: 1, LineEnd: 2}}, UnitLine},
		{"pages", []Passage{{PageStart: 3, PageEnd: 3}}, UnitPage},
	}
	for _, tt := range tests {
		d := Document{ID: "x", Passages: tt.ps}
		if got := d.Unit(); got != tt.want {
			t.Errorf("%s: Unit() = %q, want %q", tt.name, got, tt.want)
		}
	}
}
