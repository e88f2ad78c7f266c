package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corpusbot/internal/abstaineval"
)

// squadIDs returns n question IDs of the given half, so that a tiny set
// puts its questions where the test wants them.
func squadIDs(t *testing.T, half string, n int) []string {
	t.Helper()
	var ids []string
	for i := 0; len(ids) < n; i++ {
		if id := "sq-" + string(rune('a'+i)); abstaineval.Half(id) == half {
			ids = append(ids, id)
		}
	}
	return ids
}

// writeSquad writes a made-up SQuAD-2.0-shaped file: an English and a
// French paragraph, each with an answerable question and one marked
// is_impossible that names what the paragraph names.
func writeSquad(t *testing.T, ids []string) string {
	t.Helper()
	file := `{"version": "v2.0", "data": [{"title": "Kestrel Bridge", "paragraphs": [
	  {"context": "The Kestrel Bridge crosses the Vell River at Hamby. The bridge was designed by the engineer Mara Olsen, and its iron arches were cast in the foundry at Dunmore. Trains have used it since the line opened.", "qas": [
	    {"id": "` + ids[0] + `", "question": "Who designed the Kestrel Bridge?", "answers": [{"text": "Mara Olsen", "answer_start": 0}, {"text": "the engineer Mara Olsen", "answer_start": 0}], "is_impossible": false},
	    {"id": "` + ids[1] + `", "question": "How much did the Kestrel Bridge cost?", "plausible_answers": [{"text": "iron", "answer_start": 0}], "answers": [], "is_impossible": true}]},
	  {"context": "Le pont de Kestrel traverse la rivière Vell à Hamby. Ses arches en fer ont été coulées dans la fonderie de Dunmore, et les trains l'empruntent depuis l'ouverture de la ligne.", "qas": [
	    {"id": "` + ids[2] + `", "question": "Où les arches du pont de Kestrel ont-elles été coulées ?", "answers": [{"text": "fonderie de Dunmore", "answer_start": 0}], "is_impossible": false},
	    {"id": "` + ids[3] + `", "question": "Combien de touristes visitent le pont de Kestrel chaque année ?", "answers": [], "is_impossible": true}]}]}]}`
	path := filepath.Join(t.TempDir(), "squad2.json")
	if err := os.WriteFile(path, []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadSquad(t *testing.T) {
	ids := squadIDs(t, abstaineval.Tune, 4)
	qs, c, err := loadSquad(context.Background(), writeSquad(t, ids))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != 2 {
		t.Fatalf("corpus of %d documents, want the 2 paragraphs", len(c.Docs))
	}
	want := []abstaineval.Question{
		{ID: ids[0], Lang: "en", Kind: "in", Expect: []string{"Mara Olsen", "the engineer Mara Olsen"}},
		{ID: ids[1], Lang: "en", Kind: "out"},
		{ID: ids[2], Lang: "fr", Kind: "in", Expect: []string{"fonderie de Dunmore"}},
		{ID: ids[3], Lang: "fr", Kind: "out"},
	}
	if len(qs) != len(want) {
		t.Fatalf("%d questions, want %d: %+v", len(qs), len(want), qs)
	}
	for i, w := range want {
		q := qs[i]
		if q.ID != w.ID || q.Lang != w.Lang || q.Kind != w.Kind || strings.Join(q.Expect, "|") != strings.Join(w.Expect, "|") || q.Question == "" {
			t.Errorf("question %d = %+v, want %+v with its text", i, q, w)
		}
	}
}

// The set measures like a JSON-lines one: the answerable questions are
// answered with their sentence and the impossible ones abstained on, in
// the half asked for only.
func TestRunSquad(t *testing.T) {
	ids := squadIDs(t, abstaineval.Test, 4)
	path := writeSquad(t, ids)
	var out bytes.Buffer
	if err := run(context.Background(), []string{"-squad", path, "-half", "test", "-shares", "0"}, &out); err != nil {
		t.Fatal(err)
	}
	// Columns: share, lang, out abstained, recall, precision, in answered.
	for _, want := range []string{"en  1/1  1.000  1.000  1/1  (1.000)", "fr  1/1  1.000  1.000  1/1  (1.000)", "all  2/2  1.000  1.000  2/2  (1.000)"} {
		if !strings.Contains(strings.Join(strings.Fields(out.String()), "  "), want) {
			t.Errorf("-squad printed:\n%s\nwant %q in it", out.String(), want)
		}
	}
	out.Reset()
	if err := run(context.Background(), []string{"-squad", path, "-half", "tune", "-shares", "0"}, &out); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "1/1") {
		t.Errorf("every question is in the test half, yet the tuning half printed:\n%s", out.String())
	}
}

func TestSquadErrors(t *testing.T) {
	dir := t.TempDir()
	noAnswer := filepath.Join(dir, "noanswer.json")
	if err := os.WriteFile(noAnswer, []byte(`{"data": [{"paragraphs": [{"context": "The Kestrel Bridge crosses the Vell.", "qas": [{"id": "x", "question": "What does it cross?", "answers": []}]}]}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "broken.json")
	if err := os.WriteFile(broken, []byte(`{"data": [`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"with -set", []string{"-squad", noAnswer, "-set", "x.jsonl"}, "without -set and -corpus"},
		{"with -corpus", []string{"-squad", noAnswer, "-corpus", dir}, "without -set and -corpus"},
		{"answerable without an answer", []string{"-squad", noAnswer}, `"x" is answerable`},
		{"not JSON", []string{"-squad", broken}, "broken.json"},
		{"missing", []string{"-squad", filepath.Join(dir, "none.json")}, "none.json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := run(context.Background(), tc.args, &bytes.Buffer{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("run(%q) = %v, want an error saying %q", tc.args, err, tc.want)
			}
		})
	}
}
