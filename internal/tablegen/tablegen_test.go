package tablegen

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestUnquote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"speak", "speak"},
		{"'''hood'", "'hood"},
		{"'rock ''n'' roll'", "rock 'n' roll"},
		{"'", "'"},
		{"''", ""},
	}
	for _, tt := range tests {
		if got := Unquote(tt.in); got != tt.want {
			t.Errorf("Unquote(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPlainWord(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"speak", true},
		{"a", false},
		{"Poland", false},
		{"well-known", false},
		{"ad hoc", false},
		{"café", false},
	}
	for _, tt := range tests {
		if got := PlainWord(tt.in); got != tt.want {
			t.Errorf("PlainWord(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestOEWNEntries(t *testing.T) {
	if _, err := OEWNEntries(""); err == nil {
		t.Error("no folder: no error")
	}
	dir := t.TempDir()
	if _, err := OEWNEntries(dir); err == nil {
		t.Error("a folder without entries files: no error")
	}
	yaml := filepath.Join(dir, "src", "yaml")
	if err := os.MkdirAll(yaml, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"entries-a.yaml", "entries-b.yaml", "adj.all.yaml"} {
		if err := os.WriteFile(filepath.Join(yaml, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, err := OEWNEntries(dir)
	if err != nil || len(files) != 2 {
		t.Errorf("OEWNEntries = %v, %v; want the two entries files", files, err)
	}
}

// The pairs are written sorted after the head, and the same pairs give
// the same bytes.
func TestWritePairs(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.gz"), filepath.Join(dir, "b.gz")
	pairs := map[string]bool{"large small": true, "fast slow": true, "hot cold": true}
	for _, out := range []string{a, b} {
		if err := WritePairs(out, "# head\n", pairs); err != nil {
			t.Fatal(err)
		}
	}
	ab, _ := os.ReadFile(a)
	bb, _ := os.ReadFile(b)
	if string(ab) != string(bb) {
		t.Error("the same pairs gave different bytes")
	}
	f, err := os.Open(a)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if want := "# head\nfast slow\nhot cold\nlarge small\n"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if zr.Name != "" || !zr.ModTime.IsZero() {
		t.Errorf("gzip header names %q at %v; want neither", zr.Name, zr.ModTime)
	}
}
