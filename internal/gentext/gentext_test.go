package gentext

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDocument(t *testing.T) {
	dir := t.TempDir()
	for i, abs := range []string{
		"First title\nThe cells were counted twice in each sample. Results differed by less than one percent in every run. No outliers were removed",
		"Second title\n  A larger cohort confirmed the effect on survival. The follow-up lasted twelve months in all groups.",
	} {
		if err := os.WriteFile(filepath.Join(dir, string(rune('a'+i))), []byte(abs), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src, err := ReadSciFact(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(src.Titles) != 2 || len(src.Sentences) != 5 {
		t.Fatalf("got %d titles and sentences %q, want 2 and 5", len(src.Titles), src.Sentences)
	}
	for _, s := range src.Sentences {
		if !strings.HasSuffix(s, ".") || strings.HasSuffix(s, "..") {
			t.Errorf("sentence %q: want one final full stop", s)
		}
	}
	doc := func() string {
		var sb strings.Builder
		src.Document(&sb, rand.New(rand.NewPCG(1, 2)), 7, 3)
		return sb.String()
	}
	d := doc()
	if d != doc() {
		t.Error("the same seed gave two documents")
	}
	title, body, _ := strings.Cut(d, "\n")
	if !strings.HasSuffix(title, " (7)") {
		t.Errorf("title line %q, want it to end with the document's number", title)
	}
	paras := strings.Split(strings.TrimSpace(body), "\n\n")
	if len(paras) != 3 {
		t.Fatalf("got %d paragraphs, want 3", len(paras))
	}
	for _, p := range paras {
		if n := len(strings.Fields(p)); n < 100 || n > 180+20 {
			t.Errorf("paragraph of %d words, want 100–180 and the last sentence", n)
		}
	}
	if _, err := ReadSciFact(filepath.Join(dir, "missing")); err == nil {
		t.Error("ReadSciFact of a missing folder: no error")
	}
}
