package retrieval

import (
	"math/rand/v2"
	"sync"
	"testing"
)

// A synthetic German corpus: 100,000 passages of 50–150 words drawn from
// a Zipf distribution over 50,000 words, a third of them compounds of two
// other words of the vocabulary with a linking element or none, as German
// text has them. Fixed seeds make it the same on every run.
var synthDE = sync.OnceValue(func() *synthCorpus {
	r := rand.New(rand.NewPCG(7, 12))
	var roots []string
	seen := make(map[string]bool)
	links := []string{"", "", "s", "en", "e", "er"}
	vocab := make([]string, 0, synthVocab)
	for len(vocab) < synthVocab {
		var w string
		if len(roots) > 100 && r.IntN(3) == 0 {
			w = roots[r.IntN(len(roots))] + links[r.IntN(len(links))] + roots[r.IntN(len(roots))]
		} else {
			b := make([]byte, 4+r.IntN(6))
			for j := range b {
				b[j] = byte('a' + r.IntN(26))
			}
			w = string(b)
			roots = append(roots, w)
		}
		if !seen[w] {
			seen[w] = true
			vocab = append(vocab, w)
		}
	}
	// Zipf ranks over a shuffled vocabulary: compounds and roots at every rank.
	r.Shuffle(len(vocab), func(i, j int) { vocab[i], vocab[j] = vocab[j], vocab[i] })
	words := zipfWords(r, vocab)
	c := &synthCorpus{items: make([]Item, synthItems)}
	for i := range c.items {
		c.items[i] = Item{Doc: "d" + words(1), Text: words(50 + r.IntN(101)), Lang: "de"}
	}
	c.queries = make([]string, 1000)
	for i := range c.queries {
		c.queries[i] = "Wie " + words(2+r.IntN(5)) + "?"
	}
	return c
})

// BenchmarkSearchGerman100k: one op is one query, top 10 passages, with
// the compound rules (compound.go) and without.
func BenchmarkSearchGerman100k(b *testing.B) {
	c := synthDE()
	for _, tc := range []struct {
		name string
		off  bool
	}{{"compounds", false}, {"plain", true}} {
		b.Run(tc.name, func(b *testing.B) {
			benchSearch(b, c.items, c.queries, func(ix *Index, q string) error {
				ix.compounds.disabled = tc.off
				return search10(ix, q)
			})
		})
	}
}

// BenchmarkGermanCompoundIndex100k: the reversed term list, built on the
// first German query of an index.
func BenchmarkGermanCompoundIndex100k(b *testing.B) {
	ix, err := New(Config{}, synthDE().items)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		ix.compounds = compoundIndex{}
		ix.reversedTerms()
	}
	b.ReportMetric(float64(len(ix.compounds.id)), "terms")
	b.ReportMetric(float64(len(ix.compounds.bytes)+4*len(ix.compounds.off)+4*len(ix.compounds.id)), "bytes-held")
}
