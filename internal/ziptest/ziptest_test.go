package ziptest

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"
)

// The archive holds the parts in the order given, each with its content.
func TestZip(t *testing.T) {
	b := Zip(t, "word/document.xml", "<w:document/>", "docProps/core.xml", "")
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]string{{"word/document.xml", "<w:document/>"}, {"docProps/core.xml", ""}}
	if len(zr.File) != len(want) {
		t.Fatalf("%d parts, want %d", len(zr.File), len(want))
	}
	for i, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name != want[i][0] || string(got) != want[i][1] {
			t.Errorf("part %d = %q %q, want %q %q", i, f.Name, got, want[i][0], want[i][1])
		}
	}
}
