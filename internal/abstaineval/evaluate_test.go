package abstaineval

import (
	"context"
	"os"
	"reflect"
	"testing"

	"corpusbot/answer"
	"corpusbot/corpus"
)

// embeddedSet is the embedded corpus's question set and a pipeline over
// the corpus, as bench/abstain builds them.
func embeddedSet(tb testing.TB) (*answer.Pipeline, []Question) {
	tb.Helper()
	f, err := os.Open("../../testdata/abstain/embedded.jsonl")
	if err != nil {
		tb.Fatalf("the embedded question set: %v", err)
	}
	defer f.Close()
	qs, err := Load(f)
	if err != nil {
		tb.Fatal(err)
	}
	c, err := corpus.Load(context.Background(), corpus.Embedded(), corpus.Config{})
	if err != nil {
		tb.Fatal(err)
	}
	p, err := answer.New(answer.Config{}, c, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return p, qs
}

// Evaluate asks its questions concurrently; its report is the one asking
// them one at a time gives, misses in the questions' order. Half the set
// has misses of both kinds, at half the time under -race.
func TestEvaluateSameAsOneAtATime(t *testing.T) {
	p, qs := embeddedSet(t)
	qs = Select(qs, Test)
	ctx := context.Background()
	got, err := Evaluate(ctx, p, qs)
	if err != nil {
		t.Fatal(err)
	}
	want := Report{ByLang: map[string]Counts{}}
	for _, q := range qs {
		r, err := Evaluate(ctx, p, []Question{q})
		if err != nil {
			t.Fatal(err)
		}
		want.All.add(r.All)
		for l, c := range r.ByLang {
			w := want.ByLang[l]
			w.add(c)
			want.ByLang[l] = w
		}
		want.Misses = append(want.Misses, r.Misses...)
		want.NotFirst = append(want.NotFirst, r.NotFirst...)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Evaluate = %+v\nasked one at a time: %+v", got, want)
	}
	if len(want.Misses) == 0 || got.All.In == 0 || got.All.Out == 0 {
		t.Errorf("the set has %d misses, %d in and %d out questions: nothing compared", len(want.Misses), got.All.In, got.All.Out)
	}
}

// BenchmarkEvaluate is the embedded set's tuning half evaluated once (the
// pipeline built before).
func BenchmarkEvaluate(b *testing.B) {
	p, qs := embeddedSet(b)
	qs = Select(qs, Tune)
	for b.Loop() {
		if _, err := Evaluate(context.Background(), p, qs); err != nil {
			b.Fatal(err)
		}
	}
}
