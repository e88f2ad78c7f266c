package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"corpusbot/corpus"
)

// The harness on the embedded set's tuning half: the document floor may
// only add to what reaches a prompt, and never makes an out-of-corpus
// question reach one (it adds no document).
func TestDocFloorOnlyAdds(t *testing.T) {
	qs, err := load("../../testdata/abstain/embedded.jsonl", "tune")
	if err != nil {
		t.Fatal(err)
	}
	c := embedded(t)
	off, err := measure(context.Background(), c, -1, qs)
	if err != nil {
		t.Fatal(err)
	}
	on, err := measure(context.Background(), c, 0.8, qs)
	if err != nil {
		t.Fatal(err)
	}
	if off.in == 0 || off.out == 0 || off.inHeld == 0 {
		t.Fatalf("nothing measured: %+v", off)
	}
	for id := range off.held {
		if !on.held[id] {
			t.Errorf("%s: expected text in the prompt without the document floor, not with it", id)
		}
	}
	if on.outPrompted != off.outPrompted {
		t.Errorf("out-of-corpus questions given to the model: %d with the document floor, %d without", on.outPrompted, off.outPrompted)
	}
}

func TestRunPrintsATable(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"-set", "../../testdata/abstain/embedded.jsonl", "-docfloor", "-1,0.8"}, &out); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(out.String(), "\n"); got != 3 {
		t.Errorf("got %d lines, want a header and 2 rows:\n%s", got, out.String())
	}
}

func embedded(t *testing.T) *corpus.Corpus {
	t.Helper()
	c, err := corpus.Load(context.Background(), corpus.Embedded(), corpus.Config{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}
