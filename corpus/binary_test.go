package corpus

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"corpusbot/internal/ziptest"
)

// makePDF writes a PDF with one page per entry of pages; each page shows
// its lines, 14 points apart, with a wider gap where a line is "".
func makePDF(pages [][]string) []byte {
	var objs []string
	n := len(pages)
	kids := make([]string, n)
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", 4+2*i)
	}
	objs = append(objs, "<< /Type /Catalog /Pages 2 0 R >>")
	objs = append(objs, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n))
	objs = append(objs, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	for i, lines := range pages {
		var cs strings.Builder
		y := 720
		for _, l := range lines {
			if l == "" {
				y -= 20
				continue
			}
			fmt.Fprintf(&cs, "BT /F1 12 Tf 72 %d Td (%s) Tj ET\n", y, l)
			y -= 14
		}
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 3 0 R >> >> >>", 5+2*i))
		objs = append(objs, fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", cs.Len(), cs.String()))
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// encryptedPDF has a Standard security handler whose password is not empty.
func encryptedPDF() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	xref := b.Len()
	b.WriteString("xref\n0 1\n0000000000 65535 f \n")
	fmt.Fprintf(&b, "trailer\n<< /Size 1 /ID [(%s)] /Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /O (%s) /U (%s) /P 0 >> >>\n",
		strings.Repeat("I", 16), strings.Repeat("O", 32), strings.Repeat("U", 32))
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", xref)
	return b.Bytes()
}

// makeDOCX writes a Word document of body XML.
func makeDOCX(t *testing.T, body string) []byte {
	t.Helper()
	return ziptest.Zip(t, "word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`+body+`</w:body></w:document>`)
}

func TestPDF(t *testing.T) {
	report := makePDF([][]string{
		{"Quarterly report", "", "Revenue grew by twelve percent in the", "third quarter, driven by subscriptions.", "", "Costs stayed flat."},
		{"Outlook", "", "The board expects growth to continue", "into the next year."},
	})
	fsys := fstest.MapFS{
		"report.pdf": {Data: report},
		"scan.pdf":   {Data: makePDF([][]string{{}, {}})},
		"locked.pdf": {Data: encryptedPDF()},
		"broken.pdf": file("%PDF-1.4 not really"),
		"notes.txt":  unique(),
	}
	c, err := Load(context.Background(), fsys, Config{})
	if err != nil {
		t.Fatal(err)
	}
	d, ok := c.Doc("report")
	if !ok {
		t.Fatalf("report.pdf not loaded: %+v", c.Warnings)
	}
	checkPassages(t, d)
	if d.Format != FormatPDF || d.Title != "report" {
		t.Errorf("got format %q title %q", d.Format, d.Title)
	}
	p := passageWith(t, d, "Revenue grew by twelve percent in the third quarter, driven by subscriptions.")
	if p.PageStart != 1 || p.LineStart != 0 {
		t.Errorf("got page %d line %d, want page 1 and no line", p.PageStart, p.LineStart)
	}
	last := d.Passages[len(d.Passages)-1]
	if !strings.Contains(last.Text, "into the next year.") || last.PageEnd != 2 {
		t.Errorf("got last passage %q on pages %d–%d, want page 2", last.Text, last.PageStart, last.PageEnd)
	}
	want := map[string]SkipKind{"scan.pdf": SkipScanned, "locked.pdf": SkipEncrypted, "broken.pdf": SkipMalformed}
	for _, w := range c.Skipped() {
		if want[w.Path] != w.Kind {
			t.Errorf("got %+v, want kind %q", w, want[w.Path])
		}
		delete(want, w.Path)
	}
	if len(want) > 0 {
		t.Errorf("not skipped: %v", want)
	}
}

func TestDOCX(t *testing.T) {
	p := func(style, text string) string {
		s := ""
		if style != "" {
			s = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
		}
		return `<w:p>` + s + `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
	}
	body := p("Title", "Travel policy") + p("", "Staff book trains for trips under four hours.") +
		p("Heading1", "Expenses") + p("", "Meals are refunded up to") + `<w:p><w:r><w:t>thirty euros</w:t></w:r><w:r><w:tab/><w:t>a day.</w:t></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc>` + p("", "Item") + `</w:tc><w:tc>` + p("", "Limit") + `</w:tc></w:tr><w:tr><w:tc>` + p("", "Hotel") + `</w:tc><w:tc>` + p("", "120") + `</w:tc></w:tr></w:tbl>`
	fsys := fstest.MapFS{
		"policy.docx": {Data: makeDOCX(t, body)},
		"secret.docx": {Data: append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 100)...)},
	}
	c, err := Load(context.Background(), fsys, Config{})
	if err != nil {
		t.Fatal(err)
	}
	d, ok := c.Doc("policy")
	if !ok {
		t.Fatalf("policy.docx not loaded: %+v", c.Warnings)
	}
	checkPassages(t, d)
	if d.Title != "Travel policy" || d.Format != FormatDOCX {
		t.Errorf("got title %q format %q", d.Title, d.Format)
	}
	ps := passageWith(t, d, "thirty euros a day.")
	if len(ps.Headings) != 1 || ps.Headings[0] != "Expenses" || !strings.Contains(ps.Text, "Item | Limit\nHotel | 120") {
		t.Errorf("got %q under %q", ps.Text, ps.Headings)
	}
	if sk := c.Skipped(); len(sk) != 1 || sk[0].Kind != SkipEncrypted {
		t.Errorf("got skipped %+v, want secret.docx as encrypted", sk)
	}
}

// TestMayBeControl holds binaryReason's test of eight bytes at a time to
// the bytes' own: every byte value at every place, among others that are
// text, controls, DEL or not ASCII.
func TestMayBeControl(t *testing.T) {
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 8; pos++ {
			for _, fill := range []uint64{0x41, 0xff, 0x7f, 0x1f, 0x20, 0x80, 0x00} {
				var x uint64
				for k := 0; k < 8; k++ {
					v := fill
					if k == pos {
						v = uint64(c)
					}
					x |= v << (8 * k)
				}
				m := mayBeControl(x)
				for k := 0; k < 8; k++ {
					b := byte(x >> (8 * k))
					want := b < 0x20 || b == 0x7f
					if got := m>>(8*k+7)&1 == 1; got != want {
						t.Fatalf("x=%016x byte %d (%02x): got %v want %v", x, k, b, got, want)
					}
				}
			}
		}
	}
}
