package answer

import (
	"corpusbot/corpus"
	"corpusbot/prompts"
	"corpusbot/text"
)

// block is one numbered unit of a prompt: a passage, or adjacent passages
// of one document merged so the model sees them as the continuous text
// they are.
type block struct {
	doc         int // index in corpus.Docs
	first, last int // passage indices, inclusive
	items       []int
	text        string
	tokens      int
}

// nearDuplicate is the word-shingle Jaccard similarity above which a
// passage adds nothing to one already selected (syndicated copies, a
// summary box repeating the lead).
const nearDuplicate = 0.8

// headerTokens is the estimated cost of a passage's delimiters.
const headerTokens = 24

// packer fills a token budget with blocks.
type packer struct {
	st       *state
	budget   int
	max      int  // passages; 0 = no limit
	merge    bool // merge adjacent passages of one document
	used     int
	passages int
	blocks   []*block
	seen     []map[string]struct{} // shingles of every selected passage
}

func newPacker(st *state, budget, maxPassages int, merge bool) *packer {
	return &packer{st: st, budget: budget, max: maxPassages, merge: merge}
}

func (pk *packer) full() bool {
	return pk.used >= pk.budget || (pk.max > 0 && pk.passages >= pk.max)
}

// add places item if it fits and is new; it reports whether it did.
func (pk *packer) add(item int) bool {
	if pk.full() {
		return false
	}
	ps, d := pk.st.passage(item)
	sh := pk.st.shingles(item)
	for _, s := range pk.seen {
		if jaccard(sh, s) >= nearDuplicate {
			return false
		}
	}
	ref := pk.st.items[item]
	var left, right *block
	if pk.merge {
		left, right = pk.neighbours(ref.doc, ref.passage, ps.Kind)
	}
	cost := estimateTokens(ps.Text)
	if left == nil && right == nil {
		cost += headerTokens + estimateTokens(d.Title)
	}
	if pk.used+cost > pk.budget {
		if len(pk.blocks) > 0 {
			return false
		}
		// The best passage alone is over budget: send its beginning rather
		// than nothing.
		pk.blocks = append(pk.blocks, &block{
			doc: ref.doc, first: ref.passage, last: ref.passage, items: []int{item},
			text:   truncateTokens(ps.Text, pk.budget-headerTokens-estimateTokens(d.Title)),
			tokens: pk.budget,
		})
		pk.used = pk.budget
		pk.passages++
		pk.seen = append(pk.seen, sh)
		return true
	}
	pk.used += cost
	switch {
	case left != nil && right != nil: // fills the gap between two blocks
		left.last = right.last
		left.items = append(append(left.items, item), right.items...)
		left.tokens += cost + right.tokens - headerTokens
		pk.remove(right)
		pk.retext(left)
	case left != nil:
		left.last = ref.passage
		left.items = append(left.items, item)
		left.tokens += cost
		pk.retext(left)
	case right != nil:
		right.first = ref.passage
		right.items = append(right.items, item)
		right.tokens += cost
		pk.retext(right)
	default:
		pk.blocks = append(pk.blocks, &block{doc: ref.doc, first: ref.passage, last: ref.passage, items: []int{item}, text: ps.Text, tokens: cost})
	}
	pk.passages++
	pk.seen = append(pk.seen, sh)
	return true
}

// neighbours finds the blocks that end just before or start just after
// passage i of document doc, of the same kind: body text never merges with
// an aside.
func (pk *packer) neighbours(doc, i int, kind corpus.Kind) (left, right *block) {
	d := &pk.st.corpus.Docs[doc]
	for _, b := range pk.blocks {
		if b.doc != doc || d.Passages[b.first].Kind != kind {
			continue
		}
		if b.last == i-1 {
			left = b
		}
		if b.first == i+1 {
			right = b
		}
	}
	return left, right
}

func (pk *packer) remove(b *block) {
	for i, x := range pk.blocks {
		if x == b {
			pk.blocks = append(pk.blocks[:i], pk.blocks[i+1:]...)
			return
		}
	}
}

// retext spans a merged block over the document's own text, gaps included.
func (pk *packer) retext(b *block) {
	d := &pk.st.corpus.Docs[b.doc]
	b.text = d.Text[d.Passages[b.first].Start:d.Passages[b.last].End]
}

// truncateTokens cuts s to about n estimated tokens, at a sentence end when
// there is one in the last quarter.
func truncateTokens(s string, n int) string {
	if n < 1 {
		n = 1
	}
	lo, hi := 0, len([]rune(s))
	for lo < hi { // longest rune prefix within budget
		mid := (lo + hi + 1) / 2
		if estimateTokens(string([]rune(s)[:mid])) <= n {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	cut := string([]rune(s)[:lo])
	if ss := text.SentencesOfItems(cut); len(ss) > 1 {
		if end := ss[len(ss)-2].End; end > len(cut)*3/4 {
			return cut[:end]
		}
	}
	return cut
}

// promptPassages numbers blocks for a template.
func (st *state) promptPassages(blocks []*block) []prompts.Passage {
	out := make([]prompts.Passage, len(blocks))
	for i, b := range blocks {
		d := &st.corpus.Docs[b.doc]
		out[i] = prompts.Passage{N: i + 1, DocID: d.ID, Title: d.Title, Text: b.text}
	}
	return out
}

// refs lists the passage refs a block covers.
func (st *state) refs(b *block) []string {
	d := &st.corpus.Docs[b.doc]
	out := make([]string, 0, b.last-b.first+1)
	for i := b.first; i <= b.last; i++ {
		out = append(out, Ref(d.ID, i))
	}
	return out
}
