package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDocTrees scores two questions on a public sample tree: one whose
// answer file ranks first, one whose listed file is wrong on purpose.
func TestDocTrees(t *testing.T) {
	tree := filepath.Join("..", "corpus", "testdata", "public", "rst")
	qs := filepath.Join(t.TempDir(), "q.tsv")
	err := os.WriteFile(qs, []byte("# comment\n"+
		"q1\ttune\tdocs/user/install.rst\tHow do I install Requests with pip?\n"+
		"q2\ttest\tdocs/user/nowhere.rst\tHow do I pass parameters in URLs?\n"), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	var out, log bytes.Buffer
	if err := runDocTrees(context.Background(), []string{tree + "=" + qs}, &out, &log); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %q", out.String())
	}
	if f := strings.Fields(lines[1]); f[2] != "tune" || f[4] != "1/1" || f[5] != "1/1" {
		t.Errorf("tune row %q, want 1/1 first and in the top 3", lines[1])
	}
	if f := strings.Fields(lines[2]); f[2] != "test" || f[4] != "0/1" || f[5] != "0/1" {
		t.Errorf("test row %q, want 0/1", lines[2])
	}
	if !strings.Contains(log.String(), "q2 (test): rank 0") {
		t.Errorf("the miss is not named: %q", log.String())
	}
}

func TestReadTreeQuestionsRejectsBadLines(t *testing.T) {
	qs := filepath.Join(t.TempDir(), "q.tsv")
	if err := os.WriteFile(qs, []byte("q1\tmaybe\ta.md\tWhat?\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readTreeQuestions(qs); err == nil || !strings.Contains(err.Error(), ":1:") {
		t.Errorf("got %v, want an error naming line 1", err)
	}
}
