//go:build unix

package corpus

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A symbolic link to a folder is not followed; it was named "unsupported
// type (no extension)", as if it were a file of an unknown kind, and a
// team that linked a shared folder (docs/shared → ../shared) could not
// tell why none of its pages answered. A link back up the tree (a loop)
// and a link to nothing are named as what they are too.
func TestLinkedFoldersNamed(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "docs")
	shared := filepath.Join(base, "shared")
	for _, d := range []string{dir, shared} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "main.md"), []byte("# Main\n\nMain page text about routing requests.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(shared, "port.md"), []byte("# Port\n\nThe gateway listens on port 9080.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{"shared": "../shared", "up": "..", "self": ".", "gone.md": "nowhere.md"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	c, err := Load(context.Background(), DirFS(dir), Config{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"shared":  "a link to a folder (../shared), not followed",
		"up":      "a link to a folder that holds this one (..), not followed",
		"self":    "a link to a folder that holds this one (.), not followed",
		"gone.md": "a link to nothing (nowhere.md)",
	}
	for _, w := range c.Warnings {
		if s, ok := want[w.Path]; ok {
			if !strings.Contains(w.Reason, s) || w.Kind != SkipUnreadable {
				t.Errorf("%s: %s (%s), want %q", w.Path, w.Reason, w.Kind, s)
			}
			delete(want, w.Path)
		}
	}
	for p := range want {
		t.Errorf("%s: not named", p)
	}
	if len(c.Docs) != 1 {
		t.Errorf("%d documents, want main only", len(c.Docs))
	}
}
