package corpus

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"corpusbot/internal/ziptest"
)

// The decks, documents and books of these tests are made up (round nine),
// in the form of what PowerPoint, LibreOffice and EPUB makers write: only
// the parts a reader looks at, built here from text.

const (
	nsPML = `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"`
	relNS = `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`
	relT  = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
)

// pptxShape is a text shape: its placeholder type ("" for a body) and its
// paragraphs.
func pptxShape(ph string, paras ...string) string {
	var b strings.Builder
	b.WriteString(`<p:sp><p:nvSpPr><p:cNvPr id="2" name="x"/><p:cNvSpPr/><p:nvPr>`)
	if ph != "" {
		fmt.Fprintf(&b, `<p:ph type="%s"/>`, ph)
	}
	b.WriteString(`</p:nvPr></p:nvSpPr><p:txBody><a:bodyPr/>`)
	for _, p := range paras {
		fmt.Fprintf(&b, `<a:p><a:r><a:rPr lang="en-US"/><a:t>%s</a:t></a:r></a:p>`, p)
	}
	b.WriteString(`</p:txBody></p:sp>`)
	return b.String()
}

func pptxSlide(attrs string, shapes ...string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><p:sld ` + nsPML + attrs + `><p:cSld><p:spTree>` + strings.Join(shapes, "") + `</p:spTree></p:cSld></p:sld>`
}

// makePPTX is a deck of slides, listed in the presentation in order (file
// names numbered backwards, so that order is the list's, not the names');
// notes[i], when not "", are slide i's speaker notes.
func makePPTX(t testing.TB, slides []string, notes []string) []byte {
	t.Helper()
	var ids, rels strings.Builder
	parts := []string{"docProps/core.xml", `<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>PowerPoint Presentation</dc:title></cp:coreProperties>`}
	for i, s := range slides {
		file := fmt.Sprintf("slide%d.xml", len(slides)-i)
		fmt.Fprintf(&ids, `<p:sldId id="%d" r:id="rId%d"/>`, 256+i, i+2)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%sslide" Target="slides/%s"/>`, i+2, relT, file)
		parts = append(parts, "ppt/slides/"+file, s)
		if i < len(notes) && notes[i] != "" {
			nf := fmt.Sprintf("notesSlide%d.xml", i+1)
			parts = append(parts,
				"ppt/slides/_rels/"+file+".rels", `<Relationships `+relNS+`><Relationship Id="rId2" Type="`+relT+`notesSlide" Target="../notesSlides/`+nf+`"/></Relationships>`,
				"ppt/notesSlides/"+nf, `<p:notes `+nsPML+`><p:cSld><p:spTree>`+pptxShape("sldImg")+pptxShape("body", notes[i])+pptxShape("sldNum", "7")+`</p:spTree></p:cSld></p:notes>`)
		}
	}
	parts = append(parts,
		"ppt/presentation.xml", `<p:presentation `+nsPML+`><p:sldIdLst>`+ids.String()+`</p:sldIdLst></p:presentation>`,
		"ppt/_rels/presentation.xml.rels", `<Relationships `+relNS+`>`+rels.String()+`</Relationships>`)
	return ziptest.Zip(t, parts...)
}

// rolloutDeck: a title slide, a slide with a table and notes, a hidden
// slide, a slide without a title.
func rolloutDeck(t testing.TB) []byte {
	return makePPTX(t, []string{
		pptxSlide("", pptxShape("ctrTitle", "Rollout plan"), pptxShape("subTitle", "Platform team, Q3"), pptxShape("sldNum", "1")),
		pptxSlide("", pptxShape("title", "Regions"),
			pptxShape("", "We start in two regions.", "Europe goes first."),
			`<p:graphicFrame><a:graphic><a:graphicData><a:tbl><a:tr><a:tc><a:txBody><a:p><a:r><a:t>Region</a:t></a:r></a:p></a:txBody></a:tc><a:tc><a:txBody><a:p><a:r><a:t>Date</a:t></a:r></a:p></a:txBody></a:tc></a:tr><a:tr><a:tc><a:txBody><a:p><a:r><a:t>eu-west</a:t></a:r></a:p></a:txBody></a:tc><a:tc><a:txBody><a:p><a:r><a:t>March 3</a:t></a:r></a:p></a:txBody></a:tc></a:tr></a:tbl></a:graphicData></a:graphic></p:graphicFrame>`),
		pptxSlide(` show="0"`, pptxShape("title", "Draft numbers"), pptxShape("", "Do not present this.")),
		pptxSlide("", pptxShape("", "Questions go to the platform channel.")),
	}, []string{"", "Mention that us-east waits for the audit.", "", ""})
}

func TestLoadPPTX(t *testing.T) {
	fsys := fstest.MapFS{
		"decks/rollout.pptx":  {Data: rolloutDeck(t)},
		"decks/locked.pptx":   {Data: append(append([]byte{}, oleMagic...), make([]byte, 600)...)},
		"decks/broken.pptx":   file("PK not really a zip"),
		"decks/empty.pptx":    {Data: ziptest.Zip(t, "ppt/presentation.xml", `<p:presentation `+nsPML+`/>`)},
		"decks/untitled.pptx": {Data: makePPTX(t, []string{pptxSlide("", pptxShape("", "Only body text."))}, nil)},
	}
	c, err := Load(context.Background(), fsys, Config{})
	if err != nil {
		t.Fatal(err)
	}
	d, ok := c.Doc("decks/rollout")
	if !ok {
		t.Fatalf("rollout.pptx not loaded: %+v", c.Warnings)
	}
	checkPassages(t, d)
	if d.Format != FormatPPTX || d.Title != "Rollout plan" {
		t.Errorf("format %q, title %q (PowerPoint's default metadata title is no title)", d.Format, d.Title)
	}
	tests := []struct {
		text     string
		slide    int
		headings []string
	}{
		{"Platform team, Q3", 1, nil},
		{"We start in two regions.", 2, []string{"Regions"}},
		{"Europe goes first.", 2, []string{"Regions"}},
		{"Region | Date\neu-west | March 3", 2, []string{"Regions"}},
		{"Mention that us-east waits for the audit.", 2, []string{"Regions"}}, // speaker notes
		{"Questions go to the platform channel.", 4, []string{"Slide 4"}},     // the hidden slide keeps its number
	}
	for _, tt := range tests {
		p := passageWith(t, d, tt.text)
		if p.PageStart != tt.slide || p.PageEnd != tt.slide || p.LineStart != 0 {
			t.Errorf("%q on pages %d–%d, lines %d, want slide %d", tt.text, p.PageStart, p.PageEnd, p.LineStart, tt.slide)
		}
		if !slices.Equal(p.Headings, tt.headings) {
			t.Errorf("%q under %q, want %q", tt.text, p.Headings, tt.headings)
		}
	}
	if u, ok := c.Doc("decks/untitled"); !ok || u.Title != "untitled" {
		t.Errorf("a deck of untitled slides is titled by its file's name, not \"Slide 1\": got %+v", u)
	}
	for _, bad := range []string{"Do not present this.", "Draft numbers", "7"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("%q (a hidden slide, a slide-number placeholder) in the text:\n%s", bad, d.Text)
		}
	}
	skips := map[string]SkipKind{}
	for _, w := range c.Skipped() {
		skips[w.Path] = w.Kind
	}
	want := map[string]SkipKind{"decks/locked.pptx": SkipEncrypted, "decks/broken.pptx": SkipMalformed, "decks/empty.pptx": SkipMalformed}
	for p, k := range want {
		if skips[p] != k {
			t.Errorf("%s skipped as %q, want %q (all: %+v)", p, skips[p], k, c.Warnings)
		}
	}
}

// A SmartArt diagram's text is in its data part, not on the slide.
func TestPPTXSmartArt(t *testing.T) {
	deck := ziptest.Zip(t,
		"ppt/presentation.xml", `<p:presentation `+nsPML+`><p:sldIdLst><p:sldId id="256" r:id="rId2"/></p:sldIdLst></p:presentation>`,
		"ppt/_rels/presentation.xml.rels", `<Relationships `+relNS+`><Relationship Id="rId2" Type="`+relT+`slide" Target="slides/slide1.xml"/></Relationships>`,
		"ppt/slides/slide1.xml", pptxSlide("", pptxShape("title", "Release steps"), `<p:graphicFrame><a:graphic><a:graphicData><dgm:relIds xmlns:dgm="x" r:dm="rId2"/></a:graphicData></a:graphic></p:graphicFrame>`),
		"ppt/slides/_rels/slide1.xml.rels", `<Relationships `+relNS+`><Relationship Id="rId2" Type="`+relT+`diagramData" Target="../diagrams/data1.xml"/></Relationships>`,
		"ppt/diagrams/data1.xml", `<dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst>`+
			`<dgm:pt type="doc"><dgm:t><a:p><a:endParaRPr/></a:p></dgm:t></dgm:pt>`+
			`<dgm:pt><dgm:t><a:p><a:r><a:t>Build the image</a:t></a:r></a:p></dgm:t></dgm:pt>`+
			`<dgm:pt type="parTrans"><dgm:t><a:p><a:endParaRPr/></a:p></dgm:t></dgm:pt>`+
			`<dgm:pt><dgm:t><a:p><a:r><a:t>Canary for an hour</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst></dgm:dataModel>`,
	)
	d := loadOne(t, "steps.pptx", string(deck))
	for _, want := range []string{"Build the image", "Canary for an hour"} {
		if p := passageWith(t, d, want); p.PageStart != 1 || !slices.Equal(p.Headings, nil) {
			t.Errorf("%q on page %d under %q", want, p.PageStart, p.Headings)
		}
	}
}

const odtNS = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"`

// makeODT is an OpenDocument text of body (office:text's content) and
// automatic styles; meta, when not "", its metadata title.
func makeODT(t testing.TB, styles, body, meta string) []byte {
	t.Helper()
	parts := []string{
		"mimetype", "application/vnd.oasis.opendocument.text",
		"META-INF/manifest.xml", `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
		"content.xml", `<?xml version="1.0" encoding="UTF-8"?><office:document-content ` + odtNS + `><office:automatic-styles>` + styles + `</office:automatic-styles><office:body><office:text>` + body + `</office:text></office:body></office:document-content>`,
	}
	if meta != "" {
		parts = append(parts, "meta.xml", `<office:document-meta xmlns:office="x" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><dc:title>`+meta+`</dc:title></office:meta></office:document-meta>`)
	}
	return ziptest.Zip(t, parts...)
}

// handbookBody: a title over two paragraphs, a table of contents,
// headings, a list, a footnote, a comment, spaces and a table.
const handbookBody = `<text:p text:style-name="P1">On-call</text:p><text:p text:style-name="P1">handbook</text:p>` +
	`<text:table-of-content><text:index-body><text:p>Paging 3</text:p></text:index-body></text:table-of-content>` +
	`<text:h text:outline-level="1">Paging</text:h>` +
	`<text:p>Pages go to the primary first.<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>The secondary after ten minutes.</text:p></text:note-body></text:note><office:annotation><text:p>Is this right?</text:p></office:annotation> Acknowledge<text:s text:c="3"/>within<text:tab/>five minutes.</text:p>` +
	`<text:h text:outline-level="2">Escalation</text:h>` +
	`<text:list><text:list-item><text:p>Call the lead.</text:p></text:list-item><text:list-item><text:p>Open an incident.</text:p></text:list-item></text:list>` +
	`<table:table><table:table-row><table:table-cell><text:p>Severity</text:p></table:table-cell><table:table-cell><text:p>Response</text:p></table:table-cell></table:table-row>` +
	`<table:table-row><table:table-cell><text:p>SEV1</text:p></table:table-cell><table:covered-table-cell/><table:table-cell><text:p>15 minutes</text:p></table:table-cell></table:table-row>` +
	`<table:table-row table:number-rows-repeated="1000"><table:table-cell/></table:table-row></table:table>`

const handbookStyles = `<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>`

func TestLoadODT(t *testing.T) {
	fsys := fstest.MapFS{
		"oncall.odt":    {Data: makeODT(t, handbookStyles, handbookBody, "")},
		"titled.odt":    {Data: makeODT(t, "", `<text:p>Body text of a titled document.</text:p>`, "Incident review")},
		"locked.odt":    {Data: ziptest.Zip(t, "META-INF/manifest.xml", `<manifest:manifest xmlns:manifest="m"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>`, "content.xml", "\x8a\x11 encrypted bytes")},
		"entity.odt":    {Data: ziptest.Zip(t, "content.xml", `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY big "aaaa">]><office:document-content `+odtNS+`><office:body><office:text><text:p>&big;</text:p></office:text></office:body></office:document-content>`)},
		"nocontent.odt": {Data: ziptest.Zip(t, "mimetype", "application/vnd.oasis.opendocument.text")},
	}
	c, err := Load(context.Background(), fsys, Config{})
	if err != nil {
		t.Fatal(err)
	}
	d, ok := c.Doc("oncall")
	if !ok {
		t.Fatalf("oncall.odt not loaded: %+v", c.Warnings)
	}
	checkPassages(t, d)
	if d.Format != FormatODT || d.Title != "On-call handbook" {
		t.Errorf("format %q, title %q", d.Format, d.Title)
	}
	checkPlaced(t, d, []placed{
		{"Pages go to the primary first. Acknowledge within five minutes.", []string{"Paging"}, 0},
		{"The secondary after ten minutes.", []string{"Paging"}, 0},
		{"• Call the lead.", []string{"Paging", "Escalation"}, 0},
		{"Severity | Response\nSEV1 | 15 minutes", []string{"Paging", "Escalation"}, 0},
	})
	for _, bad := range []string{"Paging 3", "Is this right?", "first.1", "handbook\n"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("%q (an index, a comment, a footnote's number) in the text:\n%s", bad, d.Text)
		}
	}
	if d, ok := c.Doc("titled"); !ok || d.Title != "Incident review" {
		t.Errorf("the metadata's title: got %+v", d)
	}
	skips := map[string]SkipKind{}
	for _, w := range c.Skipped() {
		skips[w.Path] = w.Kind
	}
	for p, k := range map[string]SkipKind{"locked.odt": SkipEncrypted, "entity.odt": SkipMalformed, "nocontent.odt": SkipMalformed} {
		if skips[p] != k {
			t.Errorf("%s skipped as %q, want %q (all: %+v)", p, skips[p], k, c.Warnings)
		}
	}
}

// makeEPUB is a book: its package in OEBPS/, chapters (name, XHTML…) in
// the spine in the order given, a navigation document first in it.
func makeEPUB(t testing.TB, title string, extra []string, chapters ...string) []byte {
	t.Helper()
	var items, spine strings.Builder
	parts := []string{
		"mimetype", "application/epub+zip",
		"META-INF/container.xml", `<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`,
		"OEBPS/nav.xhtml", `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Contents</title></head><body><nav><h1>Contents</h1><ol><li><a href="text/one.xhtml">One</a></li></ol></nav></body></html>`,
	}
	items.WriteString(`<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>`)
	spine.WriteString(`<itemref idref="nav"/>`)
	for i := 0; i+1 < len(chapters); i += 2 {
		fmt.Fprintf(&items, `<item id="c%d" href="text/%s" media-type="application/xhtml+xml"/>`, i, strings.ReplaceAll(chapters[i], " ", "%20"))
		fmt.Fprintf(&spine, `<itemref idref="c%d"/>`, i)
		parts = append(parts, "OEBPS/text/"+chapters[i], chapters[i+1])
	}
	parts = append(parts, "OEBPS/content.opf", `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>`+title+`</dc:title><dc:language>en-GB</dc:language></metadata><manifest>`+items.String()+`</manifest><spine>`+spine.String()+`</spine></package>`)
	return ziptest.Zip(t, append(parts, extra...)...)
}

func xhtml(title, body string) string {
	return `<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>` + title + `</title></head><body>` + body + `</body></html>`
}

func TestLoadEPUB(t *testing.T) {
	book := makeEPUB(t, "Field Guide", nil,
		"two.xhtml", xhtml("Chapter 2", `<section epub:type="chapter"><h1>Rivers</h1><p>Rivers carry water to the sea.</p></section>`),
		"chapter one.xhtml", xhtml("Mountains", `<p>Mountains are high places.</p><p>They are cold at the top.</p>`),
		"three.xhtml", xhtml("Lakes", `<section><h2>Lakes</h2><p>Lakes hold still water.</p><h3>Salt lakes</h3><p>Some lakes are salty.</p></section>`))
	fontsOnly := makeEPUB(t, "Fonts", []string{"META-INF/encryption.xml", `<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/><enc:CipherData><enc:CipherReference URI="OEBPS/fonts/a.otf"/></enc:CipherData></enc:EncryptedData></encryption>`},
		"a.xhtml", xhtml("A", `<h1>Type</h1><p>Serif letters have feet.</p>`))
	drm := makeEPUB(t, "Locked", []string{"META-INF/encryption.xml", `<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/><enc:CipherData><enc:CipherReference URI="OEBPS/text/a.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>`},
		"a.xhtml", "\x00\x93 ciphertext")
	fsys := fstest.MapFS{
		"guide.epub":  {Data: book},
		"fonts.epub":  {Data: fontsOnly},
		"locked.epub": {Data: drm},
		"noopf.epub":  {Data: ziptest.Zip(t, "mimetype", "application/epub+zip")},
	}
	c, err := Load(context.Background(), fsys, Config{})
	if err != nil {
		t.Fatal(err)
	}
	d, ok := c.Doc("guide")
	if !ok {
		t.Fatalf("guide.epub not loaded: %+v", c.Warnings)
	}
	checkPassages(t, d)
	if d.Format != FormatEPUB || d.Title != "Field Guide" || d.Lang != "en" {
		t.Errorf("format %q, title %q, lang %q", d.Format, d.Title, d.Lang)
	}
	checkPlaced(t, d, []placed{
		{"Rivers carry water to the sea.", []string{"Rivers"}, 0},
		{"Mountains are high places.", []string{"Mountains"}, 0}, // headed by its <title>
		// A chapter headed by <h2> is not under the last chapter's <h1>.
		{"Lakes hold still water.", []string{"Lakes"}, 0},
		{"Some lakes are salty.", []string{"Lakes", "Salt lakes"}, 0},
	})
	if i, j := strings.Index(d.Text, "Rivers carry"), strings.Index(d.Text, "Mountains are"); i < 0 || j < i {
		t.Errorf("chapters not in spine order:\n%s", d.Text)
	}
	if strings.Contains(d.Text, "Contents") || strings.Contains(d.Text, "One") {
		t.Errorf("the navigation document was read:\n%s", d.Text)
	}
	for _, p := range d.Passages {
		if p.LineStart != 0 || p.PageStart != 0 {
			t.Errorf("passage %d at lines %d, pages %d: a book's files have no lines of the book", p.Index, p.LineStart, p.PageStart)
		}
	}
	if _, ok := c.Doc("fonts"); !ok {
		t.Errorf("a book with obfuscated fonts only is not encrypted: %+v", c.Warnings)
	}
	skips := map[string]SkipKind{}
	for _, w := range c.Skipped() {
		skips[w.Path] = w.Kind
	}
	for p, k := range map[string]SkipKind{"locked.epub": SkipEncrypted, "noopf.epub": SkipMalformed} {
		if skips[p] != k {
			t.Errorf("%s skipped as %q, want %q (all: %+v)", p, skips[p], k, c.Warnings)
		}
	}
}

// FuzzPPTX: any slide XML loads as slides' text at their numbers, or is
// skipped as malformed with a reason; never a panic or a hang.
func FuzzPPTX(f *testing.F) {
	f.Add(pptxSlide("", pptxShape("title", "Regions"), pptxShape("", "We start in two regions.")), "Notes here.")
	f.Add(pptxSlide(` show="0"`, pptxShape("ctrTitle", "x")), "")
	f.Add(`<p:sld `+nsPML+`><a:tbl><a:tr><a:tc><a:p><a:t>a</a:t></a:p></a:tc></a:tr></a:tbl></p:sld>`, "<a:p>")
	f.Add(`<p:sld `+nsPML+`></a:tbl></a:p><a:t>stray</a:t>`, "</p:sp>")
	// Groups of shapes nested, a SmartArt diagram's points, a title
	// placeholder with no text.
	f.Add(pptxSlide("", `<p:grpSp><p:grpSp>`+pptxShape("", "grouped")+`</p:grpSp></p:grpSp>`, pptxShape("title")),
		`<dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst><dgm:pt><dgm:t><a:p><a:r><a:t>point</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst></dgm:dataModel>`)
	f.Fuzz(func(t *testing.T, slide, notes string) {
		c, err := loadGuarded(t, "a.pptx", makePPTX(t, []string{slide, slide}, []string{notes}))
		checkBinary(t, "a.pptx", c, err)
	})
}

// FuzzODT: any office:text body loads as paragraphs, headings, items and
// tables, or is skipped as malformed with a reason.
func FuzzODT(f *testing.F) {
	f.Add(handbookStyles, handbookBody)
	f.Add("", `<text:p>a<text:note><text:note-body><text:p>b<text:note><text:note-body><text:p>c</text:p></text:note-body></text:note></text:p></text:note-body></text:note></text:p>`)
	f.Add(`<style:style style:name="A" style:parent-style-name="B"/><style:style style:name="B" style:parent-style-name="A"/>`, `<text:p text:style-name="A">loop</text:p>`)
	f.Add("", `</table:table><text:h text:outline-level="99">x</text:h></text:list>`)
	f.Fuzz(func(t *testing.T, styles, body string) {
		c, err := loadGuarded(t, "a.odt", makeODT(t, styles, body, ""))
		checkBinary(t, "a.odt", c, err)
	})
}

// FuzzEPUB: any chapter (and title) loads as the book's text, or is
// skipped with a reason.
func FuzzEPUB(f *testing.F) {
	f.Add("Field Guide", xhtml("Mountains", `<h1>Rivers</h1><p>Rivers carry water.</p>`))
	f.Add("", "<p>no html element")
	f.Add("<x", xhtml("", ""))
	f.Add("Empty chapters", "")
	// The package's manifest and spine, reached through the title: a
	// chapter missing, one listed twice, an absolute and an escaping
	// href, an itemref to no item.
	f.Add(`Book</dc:title></metadata><manifest><item id="m" href="text/missing.xhtml" media-type="application/xhtml+xml"/><item id="r" href="/OEBPS/text/a.xhtml#x" media-type="application/xhtml+xml"/><item id="u" href="../../../a%2Exhtml" media-type="text/html"/></manifest><spine><itemref idref="m"/><itemref idref="r"/><itemref idref="r"/><itemref idref="u"/><itemref idref="none"/></spine><metadata><dc:title>`, xhtml("A", "<h2>A</h2><p>a</p>"))
	f.Fuzz(func(t *testing.T, title, chapter string) {
		c, err := loadGuarded(t, "a.epub", makeEPUB(t, title, nil, "a.xhtml", chapter, "b.xhtml", chapter))
		checkBinary(t, "a.epub", c, err)
	})
}

// A deck without a slide list (ppt/presentation.xml) is read by its slide
// parts' numbers, not their names' order (slide10 after slide2); a
// relationship's absolute target (/ppt/…) names the same part as a
// relative one; a title of the deck's own in its metadata is its title.
func TestPPTXWithoutSlideList(t *testing.T) {
	deck := ziptest.Zip(t,
		"docProps/core.xml", `<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Quarterly review</dc:title></cp:coreProperties>`,
		"ppt/slides/slide10.xml", pptxSlide("", pptxShape("title", "Ten")),
		"ppt/slides/slide2.xml", pptxSlide("", pptxShape("title", "Two")),
		"ppt/slides/slide1.xml", pptxSlide("", pptxShape("title", "One")),
		"ppt/slides/_rels/slide1.xml.rels", `<Relationships `+relNS+`><Relationship Id="rId2" Type="`+relT+`notesSlide" Target="/ppt/notesSlides/n.xml"/></Relationships>`,
		"ppt/notesSlides/n.xml", `<p:notes `+nsPML+`><p:cSld><p:spTree>`+pptxShape("body", "Say hello.")+`</p:spTree></p:cSld></p:notes>`,
	)
	s, kind, reason := parsePPTX(deck, 0)
	if kind != "" {
		t.Fatalf("skipped %q: %s", kind, reason)
	}
	var got []string
	for _, b := range s.blocks {
		got = append(got, fmt.Sprintf("%d:%s", b.anchors[0].page, b.text))
	}
	want := []string{"1:One", "1:Say hello.", "2:Two", "3:Ten"}
	if !slices.Equal(got, want) || s.title != "Quarterly review" {
		t.Errorf("blocks %q, title %q; want %q, %q", got, s.title, want, "Quarterly review")
	}
}
