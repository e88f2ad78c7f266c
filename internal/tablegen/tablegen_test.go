package tablegen

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
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

// The words kept, with a "#zz" line where the Zipf value changes, up to
// top, and none below Zipf 1.
func TestWriteZipf(t *testing.T) {
	path := filepath.Join(t.TempDir(), "xx_50k.txt")
	// A total of a billion: a count is occurrences per billion.
	list := "the 600000000\nof 300000000\nAnd 50000000\nand 49999495\nrare 500\nrarer 5\n"
	if err := os.WriteFile(path, []byte(list+"bad line here\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	counts, total, err := ReadCounts(path)
	if err != nil || len(counts) != 6 || total != 1_000_000_000 {
		t.Fatalf("ReadCounts = %v, %d, %v", counts, total, err)
	}
	lower := func(w string) bool { return strings.ToLower(w) == w }
	tests := []struct {
		top  int
		want string
	}{
		{0, "#87\nthe\n#84\nof\n#76\nand\n#26\nrare\n"},
		{2, "#87\nthe\n#84\nof\n"},
	}
	for _, tt := range tests {
		var b strings.Builder
		n := WriteZipf(&b, counts, total, lower, tt.top)
		if b.String() != tt.want || n != strings.Count(tt.want, "\n")-strings.Count(tt.want, "#") {
			t.Errorf("top %d: %d words\n%s\nwant\n%s", tt.top, n, b.String(), tt.want)
		}
	}
	if err := os.WriteFile(path, []byte("word many\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ReadCounts(path); err == nil {
		t.Error("a count that is no number: no error")
	}
}

func TestWriteLines(t *testing.T) {
	out := filepath.Join(t.TempDir(), "w.txt.gz")
	if err := WriteLines(out, "# head\n", []string{"a", "b c"}); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), "# head\na\nb c\n"; got != want {
		t.Errorf("WriteLines wrote %q, want %q", got, want)
	}
	if zr.Name != "" || !zr.ModTime.IsZero() {
		t.Errorf("gzip header names %q at %v, want neither", zr.Name, zr.ModTime)
	}
}
