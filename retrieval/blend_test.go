package retrieval

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// refSearch is Search written the plain way, as the document blend was
// first committed: every scored passage blended with its document's match
// (its passages' scores summed in the order accumulate leaves them), then
// all of them sorted and the first k kept. Search's dense path blends only
// the passages that could still enter the top k, and skips the blend where
// every document is one passage (it would only round the scores there);
// the answers must be the same to the bit.
func refSearch(ix *Index, query string, k int) (hits []cand, dense bool) {
	q := ix.parseQuery(query, maxQueryBytes, maxQueryTerms)
	acc := newAccum(len(ix.items), len(ix.docs))
	dense = ix.accumulate(acc, &q)
	var scored []uint32 // in the order the committed blend summed them
	if dense {
		for i, s := range acc.scores {
			if s != 0 {
				scored = append(scored, uint32(i))
			}
		}
	} else {
		scored = acc.touched
	}
	if len(ix.docs) < len(ix.items) {
		sum := make([]float32, len(ix.docs))
		for _, i := range scored {
			sum[ix.itemDoc[i]] += acc.scores[i]
		}
		for _, i := range scored {
			d := ix.itemDoc[i]
			acc.scores[i] = ownShare(acc.scores[i]) + ix.docTerm(sum[d], d)
		}
	}
	for _, i := range scored {
		hits = append(hits, cand{score: acc.scores[i], item: i})
	}
	slices.SortFunc(hits, func(a, b cand) int {
		if better(a, b) {
			return -1
		}
		return 1
	})
	return hits[:min(k, len(hits))], dense
}

// randomIndex builds n passages of 1–12 words from a small vocabulary in
// which a few words are common (dense queries) and most rare (sparse
// ones), spread over docs documents (docs = n: one passage each), with
// some passages repeated word for word so that scores tie.
func randomIndex(t *testing.T, r *rand.Rand, n, docs int) (*Index, []string) {
	t.Helper()
	vocab := make([]string, 60)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%02dx", i)
	}
	word := func() string {
		if r.IntN(3) == 0 {
			return vocab[r.IntN(4)] // common
		}
		return vocab[4+r.IntN(len(vocab)-4)]
	}
	items := make([]Item, n)
	for i := range items {
		d := i
		if docs < n {
			d = r.IntN(docs)
		}
		items[i].Doc = fmt.Sprintf("doc%d", d)
		if i > 0 && r.IntN(8) == 0 {
			items[i].Text = items[r.IntN(i)].Text
			continue
		}
		ws := make([]string, 1+r.IntN(12))
		for j := range ws {
			ws[j] = word()
		}
		items[i].Text = strings.Join(ws, " ")
	}
	if docs == n {
		// Keys must be distinct for one passage per document.
		for i := range items {
			items[i].Doc = fmt.Sprintf("doc%d", i)
		}
	}
	return mustNew(t, Config{}, items), vocab
}

func TestSearchMatchesPlainBlend(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 17))
	var dense, sparse, oneEach int
	for round := range 60 {
		n := 1 + r.IntN(400)
		docs := []int{1, 1 + n/10, 1 + n/3, n}[round%4]
		docs = min(docs, n)
		ix, vocab := randomIndex(t, r, n, docs)
		if len(ix.docs) == len(ix.items) {
			oneEach++
		}
		for range 40 {
			ws := make([]string, 1+r.IntN(4))
			for j := range ws {
				if r.IntN(2) == 0 {
					ws[j] = vocab[r.IntN(4)]
				} else {
					ws[j] = vocab[r.IntN(len(vocab))]
				}
			}
			query := strings.Join(ws, " ")
			for _, k := range []int{1, 2, 3, 10, n, n + 5} {
				want, d := refSearch(ix, query, k)
				if d {
					dense++
				} else {
					sparse++
				}
				got, err := ix.Search(query, k)
				if err != nil {
					t.Fatalf("Search(%q, %d): %v", query, k, err)
				}
				if len(got) != len(want) {
					t.Fatalf("round %d (%d items, %d docs) Search(%q, %d): %d hits, plain blend %d", round, n, docs, query, k, len(got), len(want))
				}
				for i, h := range got {
					if h.Item != int(want[i].item) || h.Score != float64(want[i].score) {
						t.Fatalf("round %d (%d items, %d docs, dense %v) Search(%q, %d) hit %d: item %d score %v, plain blend item %d score %v",
							round, n, docs, d, query, k, i, h.Item, h.Score, want[i].item, want[i].score)
					}
				}
			}
		}
	}
	// The comparison means something only if both paths ran often.
	if dense < 1000 || sparse < 1000 || oneEach < 10 {
		t.Fatalf("too few cases: %d dense, %d sparse searches, %d one-passage-per-document indexes", dense, sparse, oneEach)
	}
	t.Logf("%d dense and %d sparse searches agree", dense, sparse)
}
