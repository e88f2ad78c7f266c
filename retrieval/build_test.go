package retrieval

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// An index built on several workers holds what one worker builds: the
// same postings, in item order, with the same weights, term by term.
func TestBuildWorkersAgree(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	vocab := []string{"gold", "prices", "record", "yen", "exporters", "release", "rolled", "back", "deploy", "policy",
		"the", "of", "hook", "théâtre", "naïve", "data-driven", "HTTPServer", "v2.3", "70,000", "数据库"}
	items := make([]Item, 5*minItemsPerWorker+17)
	for i := range items {
		var sb strings.Builder
		for range 5 + r.IntN(40) {
			sb.WriteString(vocab[r.IntN(len(vocab))])
			sb.WriteByte(' ')
		}
		lang := []string{"en", "fr", "und"}[r.IntN(3)]
		items[i] = Item{Doc: fmt.Sprint("d", i/7), Title: vocab[r.IntN(len(vocab))], Text: sb.String(), Lang: lang}
	}
	for _, i := range []int{3, len(items) / 2, len(items) - 2} { // frequencies past a byte, in several shards
		items[i].Text += strings.Repeat("ledger ", 300+i%7)
	}
	postings := func(procs int) map[string]string {
		t.Helper()
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		ix, err := New(Config{}, items)
		if err != nil {
			t.Fatal(err)
		}
		p, err := ix.Parts()
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for k, id := range p.TermID {
			term := p.TermBytes[p.TermOff[k]:p.TermOff[k+1]]
			lo, hi := p.PostStart[id], p.PostStart[id+1]
			if !slices.IsSorted(p.PostItem[lo:hi]) {
				t.Fatalf("%d workers: postings of %q out of item order", procs, term)
			}
			tfs := make([]uint32, 0, hi-lo)
			for pos := lo; pos < hi; pos++ {
				tfs = append(tfs, uint32(p.PostTF[pos]))
				if p.PostTF[pos] == maxTF {
					for k := 0; k < len(p.BigTF); k += 2 {
						if p.BigTF[k] == pos {
							tfs[len(tfs)-1] = p.BigTF[k+1]
						}
					}
				}
			}
			out[term] = fmt.Sprint(p.PostItem[lo:hi], tfs)
		}
		return out
	}
	one, many := postings(1), postings(4)
	if len(one) != len(many) {
		t.Fatalf("%d terms on one worker, %d on four", len(one), len(many))
	}
	for term, want := range one {
		if many[term] != want {
			t.Fatalf("postings of %q differ:\none worker   %.200s\nfour workers %.200s", term, want, many[term])
		}
	}
}

// A shard's postings laid out packed (item and frequency in one word,
// split by unpack) are those laid out in two arrays, frequencies past a
// byte included.
func TestLayoutPacked(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	const items, terms = 3000, 400
	build := func() *shard {
		s := &shard{lo: 1 << 20, hi: 1<<20 + items, tally: make([]tally, terms)}
		sb := &shardBuilder{s: s}
		for range items {
			sb.seen = sb.seen[:0]
			for range r.IntN(30) {
				// Zipf-like: low ids often, and a few frequencies past a byte.
				id := uint32(r.IntN(1 + r.IntN(terms)))
				n := 1
				if r.IntN(500) == 0 {
					n = 250 + r.IntN(1000)
				}
				for range n {
					sb.count(id)
				}
			}
			sb.appendPairs()
		}
		s.cursor = make([]uint32, terms)
		var c uint32
		for l := range s.tally {
			s.cursor[l] = c
			c += s.tally[l].df
		}
		return s
	}
	r = rand.New(rand.NewPCG(7, 8))
	a := build()
	r = rand.New(rand.NewPCG(7, 8))
	b := build()
	total := a.cursor[terms-1] + a.tally[terms-1].df
	items2, tf2 := make([]uint32, total), make([]uint8, total)
	a.layout(items2, tf2)
	packed, tf := make([]uint32, total), make([]uint8, total)
	b.layout(packed, nil)
	unpack(packed, tf)
	if !slices.Equal(packed, items2) || !slices.Equal(tf, tf2) || !slices.Equal(a.big, b.big) {
		t.Fatalf("packed layout differs: items equal %v, frequencies equal %v, large ones %v / %v",
			slices.Equal(packed, items2), slices.Equal(tf, tf2), len(a.big), len(b.big))
	}
	if len(a.big) == 0 || total < 10000 {
		t.Fatalf("%d postings, %d past a byte: the test needs more", total, len(a.big))
	}
}
