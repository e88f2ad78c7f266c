package main

import (
	"context"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"corpusbot/internal/abstaineval"
	"corpusbot/internal/cputime"
	"corpusbot/retrieval"
	"corpusbot/sentvec"
	"corpusbot/text"
)

// TestLoadAbstain checks that the embedded set's in-corpus English
// questions come with the passages that hold their expected strings.
func TestLoadAbstain(t *testing.T) {
	ds, err := loadAbstain(context.Background(), "../../testdata/abstain/embedded.jsonl", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.queries) < 40 {
		t.Fatalf("%d questions, want at least 40", len(ds.queries))
	}
	for _, q := range ds.queries {
		if len(ds.qrels[q.id]) == 0 {
			t.Errorf("%s: no right passage", q.id)
		}
		if q.half != abstaineval.Tune && q.half != abstaineval.Test {
			t.Errorf("%s: half %q", q.id, q.half)
		}
	}
}

// BenchmarkRerankQuestion is what re-ranking adds to one question at the
// setting the abstention sets' tuning halves chose (depths 20 and 5, each
// candidate's first 128 tokens and each of its sentences encoded, nothing
// cached): the encoder's time, the BM25 search being paid already.
func BenchmarkRerankQuestion(b *testing.B) {
	f, err := os.Open("../../testdata/abstain/prometheus-docs.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	qs, err := abstaineval.Load(f)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	ds, err := loadAbstain(context.Background(), "../../testdata/abstain/prometheus-docs.jsonl", "/tmp/promdocs")
	if err != nil {
		b.Fatalf("%v (the Prometheus docs folder: testdata/abstain/README.md)", err)
	}
	ix, err := retrieval.New(retrieval.Config{}, ds.items)
	if err != nil {
		b.Fatal(err)
	}
	var e sentvec.Encoder
	if err := e.Load(); err != nil {
		b.Fatal(err)
	}
	for _, depth := range []int{5, 20} {
		b.Run(fmt.Sprintf("depth%d", depth), func(b *testing.B) { rerankQuestion(b, ix, ds, qs, &e, depth) })
	}
}

func rerankQuestion(b *testing.B, ix *retrieval.Index, ds *dataset, qs []abstaineval.Question, e *sentvec.Encoder, depth int) {
	var texts, n int
	b.ReportAllocs()
	start := cputime.Now()
	for b.Loop() {
		q := qs[n%len(qs)].Question
		n++
		hits, _ := ix.Search(q, depth)
		batch := []string{q}
		for _, h := range hits {
			p := ds.items[h.Item].Text
			batch = append(batch, p)
			for _, sp := range text.Sentences(p) {
				if s := strings.TrimSpace(p[sp.Start:sp.End]); s != "" {
					batch = append(batch, s)
				}
			}
		}
		texts += len(batch)
		v := e.Encode(batch...)
		best := math.Inf(-1)
		for _, x := range v[1:] {
			best = math.Max(best, float64(sentvec.Cosine(v[0], x)))
		}
		_ = best
	}
	b.ReportMetric(float64(cputime.Now()-start)/float64(b.N)/1e6, "cpu-ms/op")
	b.ReportMetric(float64(texts)/float64(b.N), "texts/op")
}
