// Package ziptest builds zip archives for tests. The office documents,
// decks and books the corpus reads (DOCX, PPTX, ODT, EPUB) are zips of XML
// parts, and tests in several packages make them up from text; this is
// the one place that writes the archive around those parts.
package ziptest

import (
	"archive/zip"
	"bytes"
	"testing"
)

// Zip zips parts, in order: name, content, name, content… A name without
// content, or a write that fails, fails t.
func Zip(t testing.TB, parts ...string) []byte {
	t.Helper()
	if len(parts)%2 != 0 {
		t.Fatalf("ziptest.Zip: %d arguments, not name and content pairs", len(parts))
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for i := 0; i < len(parts); i += 2 {
		w, err := zw.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
