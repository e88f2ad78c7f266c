package corpus

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateDigest = flag.Bool("update-digest", false, "rewrite testdata/load.digest from what Load gives now")

// digestFile pins what Load makes of the samples, document by document, so
// that a change meant only to make loading faster is shown to change
// nothing: titles, languages, text, passages with their heading paths,
// lines and AlsoIn, translations and warnings.
const digestFile = "testdata/load.digest"

// TestLoadDigest compares a digest of every loaded document and warning
// with testdata/load.digest. A change that is meant to alter what is
// loaded (a new field of Document or Passage changes every line) updates
// the file with -update-digest, and says why in its commit.
func TestLoadDigest(t *testing.T) {
	var got []string
	add := func(name string, fsys fs.FS) {
		c, err := Load(context.Background(), fsys, Config{})
		if err != nil {
			t.Fatalf("Load(%s): %v", name, err)
		}
		for _, d := range c.Docs {
			got = append(got, fmt.Sprintf("%s doc %s %s", name, d.ID, digestOf(t, d)))
		}
		got = append(got, fmt.Sprintf("%s warnings %s", name, digestOf(t, c.Warnings)))
	}
	dirs, err := os.ReadDir(filepath.Join("testdata", "public"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if d.IsDir() {
			add("public/"+d.Name(), os.DirFS(filepath.Join("testdata", "public", d.Name())))
		}
	}
	add("pages", os.DirFS(filepath.Join("testdata", "pages")))
	add("embedded", Embedded())
	// The benchmark's tree, smaller: enough files for the corpus-wide
	// steps (boilerplate, repeated passages) to act.
	c, err := Load(context.Background(), markdownTree(t, 300), Config{})
	if err != nil {
		t.Fatalf("Load(markdown tree): %v", err)
	}
	got = append(got, fmt.Sprintf("tree300 all %d %s", len(c.Docs), digestOf(t, c)))
	// Plain text shaped as the 1-million-passage benchmark's: every file
	// judged by the noise rules in full.
	c, err = Load(context.Background(), textTree(t, 300), Config{})
	if err != nil {
		t.Fatalf("Load(text tree): %v", err)
	}
	got = append(got, fmt.Sprintf("text300 all %d %s", len(c.Docs), digestOf(t, c)))

	if *updateDigest {
		if err := os.WriteFile(digestFile, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(digestFile)
	if err != nil {
		t.Fatalf("%v (go test -run TestLoadDigest -update-digest writes it)", err)
	}
	want := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	wantSet := make(map[string]bool, len(want))
	for _, w := range want {
		wantSet[w] = true
	}
	gotSet := make(map[string]bool, len(got))
	for _, g := range got {
		gotSet[g] = true
		if !wantSet[g] {
			t.Errorf("new or changed: %s", g)
		}
	}
	for _, w := range want {
		if !gotSet[w] {
			t.Errorf("gone or changed: %s", w)
		}
	}
	if t.Failed() {
		t.Log("what Load makes of the samples changed; if that is intended (a new field, a new rule), rewrite the file with\n\tgo test ./corpus -run TestLoadDigest -args -update-digest\nand say why in the commit")
	}
}

// digestOf is a short hash of v's JSON, which holds every exported field.
func digestOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))[:16]
}
