package retrieval

import (
	"math"
	"slices"
)

// coordMinShare is the share coordinate gives a passage that matches no
// word of the query, only unigrams that score (slot.scoreOnly): such a
// passage keeps its order among its like, well below those that match.
const coordMinShare = 0.01

// coordinate multiplies the BM25 score of every scored passage of a query
// with a CJK word by the square root of the share of the query's word
// weight (idf) the passage matches, as bleve's coord factor does with the
// share of terms. The share is Coverage's, less the pairs that hold a
// one-character stopword (qword.stopPair), which mostly cross a word
// boundary. A CJK question is a dozen overlapping pairs, each saturating
// on its own in BM25: a passage repeating a few of them outscored one that
// holds more of the question. Chosen on the tuning halves of four Chinese
// question sets: +0.0024 nDCG@10 pooled, every set up (the share of all
// words: +0.0013, and it lost on the test halves); held-out test halves
// +0.0012, JSQuAD and KorQuAD +0.004 (docs/benchmarks.md). Other languages
// keep plain BM25: the factor was noise on their tuning halves.
func (ix *Index) coordinate(acc *accum, q *query, dense bool) {
	if q.coordW <= 0 {
		return
	}
	if acc.cov == nil {
		acc.cov = make([]float32, len(acc.scores))
	}
	cov, scores := acc.cov, acc.scores
	for _, w := range q.words {
		if w.stopPair {
			continue
		}
		ww := float32(w.coord)
		for k, ti := range w.terms {
			t := q.terms[ti]
			if t.id < 0 {
				continue
			}
			items := ix.postItem[ix.postStart[t.id]:ix.postStart[t.id+1]]
			for _, it := range items {
				// Unscored passages are not ranked (and not in
				// acc.touched, which clears cov); a passage
				// matching two variants of a word counts it once.
				if scores[it] == 0 || k > 0 && ix.matchesAny(q, w.terms[:k], it) {
					continue
				}
				cov[it] += ww
			}
		}
	}
	inv := 1 / q.coordW
	scale := func(i uint32) {
		share := max(float64(cov[i])*inv, coordMinShare)
		scores[i] = float32(float64(scores[i]) * math.Sqrt(share))
		cov[i] = 0
	}
	if dense {
		for i, s := range scores {
			if s != 0 {
				scale(uint32(i))
			}
		}
		return
	}
	for _, i := range acc.touched {
		scale(i)
	}
}

// matchesAny reports whether item it holds one of the query terms terms
// (indexes into q.terms).
func (ix *Index) matchesAny(q *query, terms []int, it uint32) bool {
	for _, ti := range terms {
		t := q.terms[ti]
		if t.id < 0 {
			continue
		}
		items := ix.postItem[ix.postStart[t.id]:ix.postStart[t.id+1]]
		if _, ok := slices.BinarySearch(items, it); ok {
			return true
		}
	}
	return false
}
