package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The scorer: a line cut exactly as the corpus cuts it scores 1; the same
// line read as one run ("before") scores no word, since the corpus has
// several; punctuation is left out of both.
func TestWordseg(t *testing.T) {
	gold := filepath.Join(t.TempDir(), "gold.txt")
	// Khmer, cut as text.Words cuts it (TestDictWords), then a full stop.
	line := "រដ្ឋាភិបាល បាន ស្នើ ឱ្យ ក្រុមហ៊ុន បើក វេទិកា របស់ ពួកគេ ។\n"
	if err := os.WriteFile(gold, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{nil, "words P 1.0000 R 1.0000 F1 1.0000 (9 found, 9 in the corpus)"},
		{[]string{"-before"}, "words P 0.0000 R 0.0000 F1 0.0000 (1 found, 9 in the corpus)"},
	} {
		args := append([]string{"run", ".", "-gold", gold, "-half", "tune"}, tt.args...)
		out, err := exec.Command("go", args...).CombinedOutput()
		if err != nil {
			t.Fatalf("go %v: %v\n%s", args, err, out)
		}
		if !strings.Contains(string(out), tt.want) {
			t.Errorf("go %v = %q, want it to hold %q", args, out, tt.want)
		}
	}
}
