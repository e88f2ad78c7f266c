package squadset

import (
	"context"
	"testing"
)

func TestParse(t *testing.T) {
	const file = `{"version": "v2.0", "data": [{"title": "Bridges", "paragraphs": [
	  {"context": "The Kestrel Bridge opened in 1887.", "qas": [
	    {"id": "q-1", "question": "When did the Kestrel Bridge open?", "answers": [{"text": "1887", "answer_start": 29}], "is_impossible": false},
	    {"id": 42, "question": "Who paid for the Kestrel Bridge?", "answers": [], "is_impossible": true},
	    {"question": "What does the Kestrel Bridge cross?", "answers": [], "is_impossible": true}]},
	  {"context": "Its twin, the Merlin Bridge, opened in 1890.", "qas": []}]}]}`
	f, err := Parse([]byte(file))
	if err != nil {
		t.Fatal(err)
	}
	qas := f.Data[0].Paragraphs[0].QAs
	for i, want := range []struct {
		id         ID
		impossible bool
		answers    int
	}{{"q-1", false, 1}, {"42", true, 0}, {"a000p000q002", true, 0}} {
		if qas[i].ID != want.id || qas[i].Impossible != want.impossible || len(qas[i].Answers) != want.answers {
			t.Errorf("question %d = %q impossible %v with %d answers, want %q %v %d", i, qas[i].ID, qas[i].Impossible, len(qas[i].Answers), want.id, want.impossible, want.answers)
		}
	}
	c, err := f.Corpus(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != 2 || c.Docs[0].ID != DocID(0, 0) || c.Docs[1].ID != DocID(0, 1) {
		t.Errorf("corpus documents %v, want a000p000 and a000p001", c.Docs)
	}
}

func TestParseErrors(t *testing.T) {
	for _, bad := range []string{`{"data": [`, `{"data": [{"paragraphs": [{"qas": [{"id": {"x": 1}}]}]}]}`} {
		if _, err := Parse([]byte(bad)); err == nil {
			t.Errorf("Parse(%s) = nil error, want one", bad)
		}
	}
}
