package corpus

import (
	"context"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"
)

// loadGuarded loads one file named name, failing the test when Load does not
// return: a reader that loops on a crafted file must not hang a load.
func loadGuarded(t *testing.T, name string, data []byte) (*Corpus, error) {
	t.Helper()
	var c *Corpus
	var err error
	done := make(chan bool)
	go func() {
		c, err = Load(context.Background(), fstest.MapFS{name: {Data: data}}, Config{})
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second): // a guard, not a timing
		t.Fatalf("%s: Load did not return on %d bytes: %q", name, len(data), data)
	}
	return c, err
}

// checkBinary holds what a PDF or DOCX loads to: its passages' invariants
// (checkPassages), valid UTF-8, and locations in pages or in nothing,
// never in lines, which these files do not have; or a skip with a reason.
func checkBinary(t *testing.T, name string, c *Corpus, err error) {
	t.Helper()
	if err != nil {
		return // nothing loadable: fine, as long as it said so
	}
	if len(c.Docs) == 0 {
		if sk := c.Skipped(); len(sk) != 1 || sk[0].Reason == "" {
			t.Fatalf("%s: not loaded and not named as skipped with a reason: %+v", name, c.Warnings)
		}
		return
	}
	d := &c.Docs[0]
	checkPassages(t, d)
	for _, p := range d.Passages {
		if !utf8.ValidString(p.Text) {
			t.Errorf("%s passage %d: invalid UTF-8 %q", name, p.Index, p.Text)
		}
		if p.LineStart != 0 || p.LineEnd != 0 || p.PageStart < 0 || p.PageEnd < p.PageStart {
			t.Errorf("%s passage %d: lines %d–%d, pages %d–%d", name, p.Index, p.LineStart, p.LineEnd, p.PageStart, p.PageEnd)
		}
	}
}

// FuzzPDF: any bytes named .pdf load as pages of text or are skipped with
// a reason (malformed, encrypted, scanned); the reader, a library's, never
// takes the load down or hangs it.
func FuzzPDF(f *testing.F) {
	f.Add(makePDF([][]string{{"Quarterly report", "", "Revenue grew by twelve percent.", "", "Costs stayed flat."}, {"Outlook"}}))
	f.Add(makePDF([][]string{{}, {}}))
	f.Add(encryptedPDF())
	f.Add([]byte("%PDF-1.4 not really"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := loadGuarded(t, "a.pdf", data)
		checkBinary(t, "a.pdf", c, err)
	})
}

// FuzzDOCX: any document.xml in a Word file loads as paragraphs, headings
// and tables, or is skipped as malformed with a reason. The body is what
// is fuzzed: mutated zip bytes mostly fail their checksum before the XML.
func FuzzDOCX(f *testing.F) {
	f.Add(`<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Travel policy</w:t></w:r></w:p><w:p><w:r><w:t>Staff book trains.</w:t></w:r></w:p>`)
	f.Add(`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Item</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Limit</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`)
	f.Add(`<w:tbl><w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tbl><w:p><w:pPr><w:pStyle w:val="heading 2"/></w:pPr><w:r><w:t>H</w:t></w:r></w:p>`)
	f.Add(`<w:p><w:r><w:t>unclosed`)
	f.Add(`</w:tbl><w:p><w:r><w:t>after a stray end</w:t></w:r></w:p>`)
	f.Fuzz(func(t *testing.T, body string) {
		c, err := loadGuarded(t, "a.docx", makeDOCX(t, body))
		checkBinary(t, "a.docx", c, err)
	})
}
