package mapfile

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"small", []byte("hello, mapped world")},
		{"pages", bytes.Repeat([]byte("0123456789abcdef"), 1000)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, tc.name)
			if err := os.WriteFile(p, tc.data, 0o600); err != nil {
				t.Fatal(err)
			}
			f, err := Open(p)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(f.Data(), tc.data) {
				t.Fatalf("Data() = %d bytes, want %d", len(f.Data()), len(tc.data))
			}
			if err := f.Evict(); err != nil {
				t.Fatalf("Evict: %v", err)
			}
			if !bytes.Equal(f.Data(), tc.data) {
				t.Fatal("Data() changed after Evict")
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			if f.Data() != nil {
				t.Fatal("Data() after Close is not nil")
			}
		})
	}
}

func TestOpenMissing(t *testing.T) {
	if _, err := Open(filepath.Join(t.TempDir(), "nope")); !os.IsNotExist(err) {
		t.Fatalf("Open(missing) = %v, want a not-exist error", err)
	}
}

// A file replaced by rename keeps its old mapping intact: snapshots are
// never written in place.
func TestReplacedByRename(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "snap")
	if err := os.WriteFile(p, []byte("old contents"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tmp := filepath.Join(dir, "snap.tmp")
	if err := os.WriteFile(tmp, []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
	if got := string(f.Data()); got != "old contents" {
		t.Fatalf("after rename: %q", got)
	}
}

// OpenFile maps the file that was opened, not what its path names by then.
func TestOpenFileAfterRename(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "snap")
	if err := os.WriteFile(p, []byte("checked contents"), 0o600); err != nil {
		t.Fatal(err)
	}
	fh, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	if _, err := fh.Seek(5, io.SeekStart); err != nil { // another reader's offset
		t.Fatal(err)
	}
	tmp := filepath.Join(dir, "snap.tmp")
	if err := os.WriteFile(tmp, []byte("replacement"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
	f, err := OpenFile(fh)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := string(f.Data()); got != "checked contents" {
		t.Fatalf("OpenFile after a rename: %q", got)
	}
}
