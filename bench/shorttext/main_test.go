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
		"pages.ko/common/tar.md": "- 압축:\n", // Korean: descriptions only
	}
	writeTree(t, dir, pages)
	all, err := load(dir, "all", false)
	if err != nil {
		t.Fatal(err)
	}
	want := []line{{"en", "Create an archive from"}, {"es", "Comprime un archivo"}}
	checkLines(t, all, want)
	tune, err := load(dir, "tune", false)
	if err != nil {
		t.Fatal(err)
	}
	test, err := load(dir, "test", false)
	if err != nil {
		t.Fatal(err)
	}
	if len(tune)+len(test) != len(all) {
		t.Errorf("halves of %d and %d lines, want %d in all", len(tune), len(test), len(all))
	}
}

// With descriptions, load keeps "> …" lines of two to fifteen words but
// the links and "See also" lists, in the languages of descDirs too, each
// distinct line of a language once.
func TestLoadDescriptions(t *testing.T) {
	dir := t.TempDir()
	pages := map[string]string{
		"pages.ko/common/tar.md": "# tar\n\n> 압축 파일을 만들고 푼다.\n> 더 많은 정보: <https://www.gnu.org/software/tar>.\n\n- 압축 파일 만들기:\n",
		"pages.ko/linux/tar.md":  "> 압축 파일을 만들고 푼다.\n> `tar`\n",
		"pages/common/tar.md":    "# tar\n\n> Archiving utility.\n> See also: `gzip`.\n\n- Create an archive from `files`:\n",
	}
	writeTree(t, dir, pages)
	all, err := load(dir, "all", true)
	if err != nil {
		t.Fatal(err)
	}
	want := []line{{"en", "Archiving utility."}, {"ko", "압축 파일을 만들고 푼다."}}
	checkLines(t, all, want)
}

// writeTree writes a tldr-like tree of pages (path: body) under dir.
func writeTree(t *testing.T, dir string, pages map[string]string) {
	t.Helper()
	for name, body := range pages {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// checkLines fails t unless load gave want, in order.
func checkLines(t *testing.T, all, want []line) {
	t.Helper()
	if len(all) != len(want) {
		t.Fatalf("load = %q, want %q", all, want)
	}
	for i := range want {
		if all[i] != want[i] {
			t.Errorf("line %d = %q, want %q", i, all[i], want[i])
		}
	}
}
