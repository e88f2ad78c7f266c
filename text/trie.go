package text

import "slices"

// wordTrie is a word list as a trie over the symbols of one script's
// block: a character's offset in it, fewer than 256 (Thai's 128 code
// points, Lao's, Khmer's, Myanmar's 160). ThaiWordsIn walks it in UTF-8
// bytes, DictWordsIn in runes; both the same way: from every character, a
// step reads one edge, which holds what the next step needs (the word
// ending there, where its node's children are), so that a walk misses the
// processor's caches once a character.
type wordTrie struct {
	width int32      // symbols of the block: a dense row's length
	edges []trieEdge // each node's children's, side by side, sorted by symbol
	dense []int32    // rows of width: the children of a node of many, by symbol; -1 for none
}

// trieEdge leads to a node: its symbol, the id of the word ending at the
// node (-1 for none), and the node's children: edges[lo:lo+n], or, with n
// denseN, the row lo of dense.
type trieEdge struct {
	sym  uint8
	n    uint8
	word int32
	lo   int32
}

// denseN marks a node's children as a row of dense; denseFrom is how many
// make one (a scan of more costs more than the row's cache miss). The
// root's children are a row, row 0.
const (
	denseN    = 0xff
	denseFrom = 8
)

// newWordTrie builds the trie of words, word i's id base+i, over a block
// of width symbols. syms appends the symbols of a word to buf, false when
// a character of it is not the block's: such a word is left out, as a
// walk never finds it.
func newWordTrie(words []string, base int32, width int, syms func(buf []uint8, w string) ([]uint8, bool)) *wordTrie {
	// The trie by node while it grows, then laid out as edges.
	type child struct {
		sym  uint8
		node int32
	}
	kids := [][]child{nil}
	word := []int32{-1}
	var buf []uint8
	for i, w := range words {
		var ok bool
		if buf, ok = syms(buf[:0], w); !ok || len(buf) == 0 {
			continue
		}
		node := int32(0)
		for _, sym := range buf {
			next := int32(-1)
			for _, c := range kids[node] {
				if c.sym == sym {
					next = c.node
					break
				}
			}
			if next < 0 {
				next = int32(len(kids))
				kids = append(kids, nil)
				word = append(word, -1)
				kids[node] = append(kids[node], child{sym, next})
			}
			node = next
		}
		word[node] = base + int32(i)
	}
	t := &wordTrie{width: int32(width)}
	// Each node's children get a run of edges, in breadth-first order;
	// then each edge is told its node's children.
	lo := make([]int32, len(kids)) // node → its children's first edge
	edgeOf := make([]int32, len(kids))
	queue := []int32{0}
	for len(queue) > 0 {
		node := queue[0]
		queue = queue[1:]
		cs := kids[node]
		slices.SortFunc(cs, func(a, b child) int { return int(a.sym) - int(b.sym) })
		lo[node] = int32(len(t.edges))
		for _, c := range cs {
			edgeOf[c.node] = int32(len(t.edges))
			t.edges = append(t.edges, trieEdge{sym: c.sym, word: word[c.node]})
			queue = append(queue, c.node)
		}
	}
	children := func(node int32) (uint8, int32) {
		cs := kids[node]
		if len(cs) < denseFrom && node != 0 {
			return uint8(len(cs)), lo[node]
		}
		row := int32(len(t.dense)) / t.width
		t.dense = append(t.dense, make([]int32, width)...)
		r := t.dense[row*t.width:]
		for i := range r {
			r[i] = -1
		}
		for _, c := range cs {
			r[c.sym] = edgeOf[c.node]
		}
		return denseN, row
	}
	children(0) // row 0
	for node := int32(1); node < int32(len(kids)); node++ {
		e := &t.edges[edgeOf[node]]
		e.n, e.lo = children(node)
	}
	return t
}

// next is the edge of the child sym of a node whose children are (n, lo),
// as an edge holds them (denseN, 0 for the root); -1 for none.
func (t *wordTrie) next(n uint8, lo int32, sym uint8) int32 {
	if n == denseN {
		return t.dense[lo*t.width+int32(sym)]
	}
	for q, e := range t.edges[lo : lo+int32(n)] {
		if e.sym >= sym {
			if e.sym == sym {
				return lo + int32(q)
			}
			break
		}
	}
	return -1
}
