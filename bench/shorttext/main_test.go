package main

import (
	"os"
	"path/filepath"
	"testing"
)

// load keeps "- …:" lines of one to five words once inline code is
// removed, labelled by their directory's language, and the two halves
// part them.
func TestLoad(t *testing.T) {
	dir := t.TempDir()
	pages := map[string]string{
		"pages.es/common/tar.md": "# tar\n\n> Archiva.\n\n- Comprime un archivo:\n\n`tar czf {{a.tgz}} {{a}}`\n\n- Extrae `a.tgz` en el directorio actual sin preguntar nada más:\n",
		"pages/common/tar.md":    "# tar\n\n- Create an archive from `files`:\n\n- Not an example line\n",
		"pages.xx/common/tar.md": "- Ignored language:\n",
	}
	for name, body := range pages {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	all, err := load(dir, "all")
	if err != nil {
		t.Fatal(err)
	}
	want := []line{{"en", "Create an archive from"}, {"es", "Comprime un archivo"}}
	if len(all) != len(want) {
		t.Fatalf("load = %q, want %q", all, want)
	}
	for i := range want {
		if all[i] != want[i] {
			t.Errorf("line %d = %q, want %q", i, all[i], want[i])
		}
	}
	tune, err := load(dir, "tune")
	if err != nil {
		t.Fatal(err)
	}
	test, err := load(dir, "test")
	if err != nil {
		t.Fatal(err)
	}
	if len(tune)+len(test) != len(all) {
		t.Errorf("halves of %d and %d lines, want %d in all", len(tune), len(test), len(all))
	}
}
