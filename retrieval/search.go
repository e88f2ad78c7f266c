package retrieval

import (
	"math"
	"slices"
)

// accum is the scratch of one search: a dense score per item (and per
// document for SearchDocs) plus the lists needed to clear them. It is reused
// through a sync.Pool and left all zero between searches.
type accum struct {
	scores   []float32
	touched  []uint32 // items with a non-zero score, when tracked
	docBest  []float32
	docItem  []uint32 // best item of each document
	docTouch []uint32
	top      candHeap
	matched  []bool // per query term, for the hit being filled in
	docSum   []float32
	cov      []float32 // per item: the word weight it matches (coordinate); made on first use
	grp      []float32 // per item: its best score in a group of terms (accumulateGroups); made on first use
	grpTouch []uint32  // items with a non-zero grp
}

func newAccum(items, docs int) *accum {
	return &accum{
		scores:  make([]float32, items),
		docBest: make([]float32, docs),
		docItem: make([]uint32, docs),
		docSum:  make([]float32, docs),
	}
}

// cand is a scored item or document; better breaks score ties by the lower
// item index, so results do not depend on map or goroutine order.
type cand struct {
	score float32
	item  uint32
	doc   uint32
}

func better(a, b cand) bool {
	return a.score > b.score || (a.score == b.score && a.item < b.item)
}

// candHeap is a min-heap on better: its root is the worst kept candidate.
// Hand-written rather than container/heap, whose interface boxes each push.
type candHeap []cand

// offer keeps c if it is among the k best so far.
func (h *candHeap) offer(c cand, k int) {
	s := *h
	if len(s) < k {
		s = append(s, c)
		for i := len(s) - 1; i > 0; {
			p := (i - 1) / 2
			if !better(s[p], s[i]) {
				break
			}
			s[p], s[i] = s[i], s[p]
			i = p
		}
		*h = s
		return
	}
	if !better(c, s[0]) {
		return
	}
	s[0] = c
	for i := 0; ; {
		l, r, w := 2*i+1, 2*i+2, i
		if l < len(s) && better(s[w], s[l]) {
			w = l
		}
		if r < len(s) && better(s[w], s[r]) {
			w = r
		}
		if w == i {
			return
		}
		s[w], s[i] = s[i], s[w]
		i = w
	}
}

// offerThr offers c and returns the score a later candidate must beat:
// the k-th best once the heap is full, 0 until then.
func (h *candHeap) offerThr(c cand, k int) float32 {
	h.offer(c, k)
	if len(*h) == k {
		return (*h)[0].score
	}
	return 0
}

// sorted empties the heap into a best-first slice.
func (h *candHeap) sorted() []cand {
	out := slices.Clone(*h)
	slices.SortFunc(out, func(a, b cand) int {
		if better(a, b) {
			return -1
		}
		if better(b, a) {
			return 1
		}
		return 0
	})
	*h = (*h)[:0]
	return out
}

// Search returns up to k passages, best first, ties broken by item order.
// A passage scores as its BM25 blended with its document's match (see
// docWeight).
// It returns ErrNoTerms when the query has nothing to search for, and no
// hits (and no error) when its terms occur in no item.
func (ix *Index) Search(query string, k int) ([]Hit, error) {
	q := ix.parseQuery(query, maxQueryBytes, maxQueryTerms)
	if len(q.words) == 0 {
		return nil, ErrNoTerms
	}
	if k <= 0 {
		return nil, nil
	}
	acc := ix.accums.Get().(*accum)
	defer ix.accums.Put(acc)
	dense := ix.accumulate(acc, &q)
	ix.coordinate(acc, &q, dense)
	blend := len(ix.docs) < len(ix.items) // else every passage is its document
	switch {
	case dense && blend:
		// Every passage's score goes into its document's sum (adding a
		// zero changes nothing and saves a branch the CPU would guess
		// wrong); the sums become document terms, the largest of which
		// bounds what the blend can add: a passage whose own share plus
		// that bound cannot beat the k-th best is not blended.
		sum := acc.docSum
		for i, s := range acc.scores {
			sum[ix.itemDoc[i]] += s
		}
		lift := ix.docTerms(sum)
		var thr float32
		for i, s := range acc.scores {
			// Once the heap is full, thr ≥ lift and the first test skips
			// unscored passages too: it is the one the CPU predicts well.
			own := ownShare(s)
			if own+lift <= thr || s == 0 {
				continue
			}
			b := own + sum[ix.itemDoc[i]]
			if b <= thr {
				continue
			}
			thr = acc.top.offerThr(cand{score: b, item: uint32(i)}, k)
		}
		clear(acc.scores)
		clear(sum)
	case dense:
		// Items come in order, so one that only ties the k-th best loses
		// to it: a score must beat thr, 0 until the heap is full.
		var thr float32
		for i, s := range acc.scores {
			if s <= thr {
				continue
			}
			thr = acc.top.offerThr(cand{score: s, item: uint32(i)}, k)
		}
		clear(acc.scores)
	default:
		if blend {
			ix.blendTouched(acc)
		}
		for _, i := range acc.touched {
			acc.top.offer(cand{score: acc.scores[i], item: i}, k)
			acc.scores[i] = 0
		}
		acc.touched = acc.touched[:0]
	}
	top := acc.top.sorted()
	hits := make([]Hit, len(top))
	for i, c := range top {
		hits[i] = ix.hit(&q, c, acc)
	}
	return hits, nil
}

// SearchDocs returns up to k documents, each scored as its best passage,
// best first; ties are broken by the order of those passages. The score is
// the passage's BM25, without Search's blend of its document's other
// passages: on SciFact's abstracts the best passage alone ranks better
// (docs/benchmarks.md).
func (ix *Index) SearchDocs(query string, k int) ([]DocHit, error) {
	q := ix.parseQuery(query, maxQueryBytes, maxQueryTerms)
	if len(q.words) == 0 {
		return nil, ErrNoTerms
	}
	if k <= 0 {
		return nil, nil
	}
	acc := ix.accums.Get().(*accum)
	defer ix.accums.Put(acc)
	dense := ix.accumulate(acc, &q)
	ix.coordinate(acc, &q, dense)
	visit := func(i uint32) {
		s := acc.scores[i]
		acc.scores[i] = 0
		d := ix.itemDoc[i]
		switch best := acc.docBest[d]; {
		case best == 0:
			acc.docTouch = append(acc.docTouch, d)
		case s < best || (s == best && i > acc.docItem[d]):
			return
		}
		acc.docBest[d], acc.docItem[d] = s, i
	}
	if dense {
		for i, s := range acc.scores {
			if s != 0 {
				visit(uint32(i))
			}
		}
	} else {
		for _, i := range acc.touched {
			visit(i)
		}
		acc.touched = acc.touched[:0]
	}
	for _, d := range acc.docTouch {
		s := acc.docBest[d]
		acc.docBest[d] = 0
		if len(acc.top) == k && s < acc.top[0].score {
			continue
		}
		acc.top.offer(cand{score: s, item: acc.docItem[d], doc: d}, k)
	}
	acc.docTouch = acc.docTouch[:0]
	top := acc.top.sorted()
	hits := make([]DocHit, len(top))
	for i, c := range top {
		hits[i] = DocHit{Doc: ix.docs[c.doc], Hit: ix.hit(&q, c, acc)}
	}
	return hits, nil
}

// accumulate adds the BM25 score of every posting of q's terms into
// acc.scores, term at a time. When the postings are many, tracking touched
// items costs more than scanning all scores afterwards: it reports dense.
func (ix *Index) accumulate(acc *accum, q *query) (dense bool) {
	var postings int
	for _, t := range q.terms {
		if t.id >= 0 && !t.secondary {
			postings += int(ix.postStart[t.id+1] - ix.postStart[t.id])
		}
	}
	dense = postings > len(ix.items)/4
	scores := acc.scores
	for _, t := range q.terms {
		if t.id < 0 || t.secondary || t.group > 0 {
			continue
		}
		lo, hi := ix.postStart[t.id], ix.postStart[t.id+1]
		items := ix.postItem[lo:hi]
		tfs := ix.postTF[lo:hi]
		tfs = tfs[:len(items)]
		w := float32(t.idf)
		// BM25's term-frequency part, computed as the build once
		// precomputed it (tfWeight), to the bit: from a table for the
		// common lengths and frequencies, else in full.
		lens, tab := ix.itemLen, ix.wtab
		if dense {
			for j, it := range items {
				x := float32(0)
				if d, tf := lens[it], tfs[j]; d < tabLens && tf < tabTF {
					x = tab[d*tabTF+uint32(tf)]
				} else {
					x = ix.tfWeight(int(lo)+j, tf, d)
				}
				scores[it] += w * x
			}
			continue
		}
		for j, it := range items {
			if scores[it] == 0 {
				acc.touched = append(acc.touched, it)
			}
			x := float32(0)
			if d, tf := lens[it], tfs[j]; d < tabLens && tf < tabTF {
				x = tab[d*tabTF+uint32(tf)]
			} else {
				x = ix.tfWeight(int(lo)+j, tf, d)
			}
			scores[it] += w * x
		}
	}
	ix.accumulateGroups(acc, q, dense)
	return dense
}

// docWeight weighs a passage's document in its score, and docLengthExp
// is the power of the document's passage count that its sum is divided
// by. Both were chosen on the tuning halves of the documentation trees,
// in the middle of the plateau where the tuning halves score best
// (docs/benchmarks.md).
const (
	docWeight    = 0.4
	docLengthExp = 0.75
)

// Passage and document shares of a blended score, which add up to 1 so
// that the passage of a one-passage document keeps its BM25 score.
const (
	blendOwn = float32(1 / (1 + docWeight))
	blendDoc = float32(docWeight / (1 + docWeight))
)

// Search blends into each scored passage its document's match: the sum
// of the scores of the document's passages divided by their number to the
// power docLengthExp. A page about what the query asks has several
// passages that match it; a changelog or a reference page that names it
// once in a long list has one, among many that do not. A power below 1
// keeps a long page that matches throughout ahead of a short one that
// matches once, without letting length alone win. The order of a
// document's own passages does not change, nor does anything in an index
// whose every document is one passage.
//
// A blended score is ownShare(passage's BM25) + docTerm(document's sum),
// each rounded to float32 on its own (the conversions keep the compiler
// from fusing a multiply into the add), so that the dense and the sparse
// path, and the bound the dense path prunes with, agree to the bit.

func ownShare(s float32) float32 { return float32(blendOwn * s) }

func (ix *Index) docTerm(sum float32, d uint32) float32 {
	return float32(blendDoc * sum * ix.docNorm[d])
}

// docTerms turns every document's sum into its docTerm in place and
// returns the largest.
func (ix *Index) docTerms(sum []float32) (largest float32) {
	for d, v := range sum {
		t := ix.docTerm(v, uint32(d))
		sum[d] = t
		if t > largest { // not max, whose NaN and ±0 rules cost here
			largest = t
		}
	}
	return largest
}

// blendTouched blends the scores of acc.touched in place.
func (ix *Index) blendTouched(acc *accum) {
	sum := acc.docSum
	for _, i := range acc.touched {
		sum[ix.itemDoc[i]] += acc.scores[i]
	}
	for _, i := range acc.touched {
		d := ix.itemDoc[i]
		acc.scores[i] = ownShare(acc.scores[i]) + ix.docTerm(sum[d], d)
	}
	for _, i := range acc.touched {
		sum[ix.itemDoc[i]] = 0
	}
}

// docNorms is passages^-docLengthExp of each document.
func docNorms(itemDoc []uint32, docs int) []float32 {
	n := make([]float32, docs)
	for _, d := range itemDoc {
		n[d]++
	}
	for d, c := range n {
		n[d] = float32(math.Pow(float64(c), -docLengthExp))
	}
	return n
}

// hit fills in the matched terms and coverage of a candidate. Membership is
// a binary search in each term's postings: k·terms·log(df), paid only for
// the hits returned.
func (ix *Index) hit(q *query, c cand, acc *accum) Hit {
	h := Hit{Item: int(c.item), Score: float64(c.score)}
	matched := acc.matched[:0]
	n := 0
	for _, t := range q.terms {
		ok := false
		if t.id >= 0 {
			items := ix.postItem[ix.postStart[t.id]:ix.postStart[t.id+1]]
			_, ok = slices.BinarySearch(items, c.item)
		}
		matched = append(matched, ok)
		if ok && !t.extra {
			n++
		}
	}
	acc.matched = matched
	if n > 0 {
		h.Terms = make([]string, 0, n)
		for ti, t := range q.terms {
			if matched[ti] && !t.extra {
				h.Terms = append(h.Terms, t.text)
			}
		}
	}
	var got float64
	for _, w := range q.words {
		for _, ti := range w.terms {
			if matched[ti] {
				got += w.weight
				break
			}
		}
	}
	if q.sumW > 0 {
		h.Coverage = min(1, got/q.sumW)
	}
	return h
}
