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
	type named struct {
		reason string
		kind   SkipKind
	}
	// Links not followed by design are counted as such, not as
	// unreadable: nothing failed to read. A link to nothing is a fault.
	want := map[string]named{
		"shared":  {"a link to a folder (../shared), not followed", SkipLink},
		"up":      {"a link to a folder that holds this one (..), not followed", SkipLink},
		"self":    {"a link to a folder that holds this one (.), not followed", SkipLink},
		"gone.md": {"a link to nothing (nowhere.md)", SkipUnreadable},
	}
	for _, w := range c.Warnings {
		if n, ok := want[w.Path]; ok {
			if !strings.Contains(w.Reason, n.reason) || w.Kind != n.kind {
				t.Errorf("%s: %s (%s), want %q (%s)", w.Path, w.Reason, w.Kind, n.reason, n.kind)
			}
			delete(want, w.Path)
		}
	}
	if got, want := c.Summary(), "loaded 1 document; skipped 4: 3 links not followed, 1 unreadable"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	for p := range want {
		t.Errorf("%s: not named", p)
	}
	if len(c.Docs) != 1 {
		t.Errorf("%d documents, want main only", len(c.Docs))
	}
}
