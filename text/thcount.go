package text

import (
	"slices"
	"strings"
	"sync"
)

// Thai words written anywhere in a text, for counting at index time the
// passages that write a word (retrieval's Thai counts, read by the answer
// pipeline's focus rule): every one of PyThaiNLP's words (th_words.txt.gz)
// that occurs in the text, at any character, as strings.Contains would
// find it, not only where Words cuts the text. Words cuts one reading of
// a sentence; a question's word is looked for in the passage's text
// whatever the cut, and its count must be that.
//
// Sara am is read in one form: ำ, and nikhahit and sara aa (ํา), which look
// the same, are one letter here, in the text and in the word looked up.

// thaiTrie is the word list as a trie over the 128 code points of the Thai
// block (U+0E00–U+0E7F). A text is walked in its UTF-8 bytes, three a Thai
// character, without decoding runes, from every character: a step reads
// one edge, which holds what the next step needs (the word ending there,
// where its node's children are), so that a walk misses the processor's
// caches once a character, not three times.
type thaiTrie struct {
	edges []thaiEdge // each node's children's, side by side, sorted by symbol
	dense []int32    // rows of 128: the children of a node of many, by symbol; -1 for none
	words []string
	ids   map[string]int32
}

// thaiEdge leads to a node: its symbol, the id of the word ending at the
// node (-1 for none), and the node's children: edges[lo:lo+n], or, with n
// denseN, the row lo of dense.
type thaiEdge struct {
	sym  uint8
	n    uint8
	word int32
	lo   int32
}

// denseN marks a node's children as a row of dense; denseFrom is how many
// make one (a scan of more costs more than the row's cache miss). The
// root's children are a row.
const (
	denseN    = 0xff
	denseFrom = 8
)

// saraAm and its two-letter spelling.
const (
	saraAm       = "\u0e33"
	saraAmSpread = "\u0e4d\u0e32"
)

// thaiFold writes sara am as one letter (see above); s itself when it has
// none written in two.
func thaiFold(s string) string {
	if !strings.Contains(s, saraAmSpread) {
		return s
	}
	return strings.ReplaceAll(s, saraAmSpread, saraAm)
}

var thTrie = sync.OnceValue(func() *thaiTrie {
	words := make([]string, 0, len(thWords()))
	for w := range thWords() {
		words = append(words, thaiFold(w))
	}
	slices.Sort(words)
	words = slices.Compact(words)
	// The trie by node while it grows, then laid out as edges.
	type child struct {
		sym  uint8
		node int32
	}
	kids := [][]child{nil}
	word := []int32{-1}
	t := &thaiTrie{words: words, ids: make(map[string]int32, len(words))}
	for id, w := range words {
		t.ids[w] = int32(id)
		node := int32(0)
		for i := 0; i < len(w); i += 3 {
			sym, ok := thaiSym(w, i)
			if !ok {
				node = -1 // not all Thai: Words never finds it, nor does a walk
				break
			}
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
		if node > 0 {
			word[node] = int32(id)
		}
	}
	// Each node's children get a run of edges, in breadth-first order;
	// then each edge is told its node's word and children.
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
			t.edges = append(t.edges, thaiEdge{sym: c.sym, word: word[c.node]})
			queue = append(queue, c.node)
		}
	}
	children := func(node int32) (uint8, int32) {
		cs := kids[node]
		if len(cs) < denseFrom && node != 0 {
			return uint8(len(cs)), lo[node]
		}
		row := int32(len(t.dense) >> 7)
		t.dense = append(t.dense, make([]int32, 128)...)
		r := t.dense[row<<7:]
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
})

// thaiSym is the Thai character at s[i] as its offset in the Thai block,
// false when s[i:] does not start with one.
func thaiSym(s string, i int) (uint8, bool) {
	if i+2 >= len(s) || s[i] != 0xe0 || s[i+1] != 0xb8 && s[i+1] != 0xb9 || s[i+2]&0xc0 != 0x80 {
		return 0, false
	}
	return (s[i+1]&1)<<6 | s[i+2]&0x3f, true
}

// ThaiWordIDs is how many ids ThaiWordsIn gives: one a word of the list.
func ThaiWordIDs() int { return len(thTrie().words) }

// ThaiWordID is the id ThaiWordsIn gives the word w (sara am read in one
// form), false when w is not one of the list's.
func ThaiWordID(w string) (int, bool) {
	id, ok := thTrie().ids[thaiFold(w)]
	return int(id), ok
}

// ThaiWordOf is the word of an id ThaiWordsIn gives, sara am written ำ.
func ThaiWordOf(id int) string { return thTrie().words[id] }

// ThaiWordsIn calls f with the id of each word of the list s writes, at
// every character it starts at (a word written twice, twice), in the
// order they start. A text without Thai is a byte scan.
func ThaiWordsIn(s string, f func(id int)) {
	i := strings.IndexByte(s, 0xe0)
	if i < 0 {
		return
	}
	t := thTrie()
	s = thaiFold(s)
	for i = strings.IndexByte(s, 0xe0); i >= 0; {
		n, lo := uint8(denseN), int32(0) // the root's children: row 0
		for p := i; ; p += 3 {
			sym, ok := thaiSym(s, p)
			if !ok {
				break
			}
			k := int32(-1)
			if n == denseN {
				k = t.dense[lo<<7|int32(sym)]
			} else {
				for q, e := range t.edges[lo : lo+int32(n)] {
					if e.sym >= sym {
						if e.sym == sym {
							k = lo + int32(q)
						}
						break
					}
				}
			}
			if k < 0 {
				break
			}
			e := &t.edges[k]
			if e.word >= 0 {
				f(int(e.word))
			}
			if n, lo = e.n, e.lo; n == 0 {
				break
			}
		}
		// The next character: most often the next three bytes.
		if i+3 < len(s) && s[i+3] == 0xe0 {
			i += 3
			continue
		}
		j := strings.IndexByte(s[i+1:], 0xe0)
		if j < 0 {
			return
		}
		i += 1 + j
	}
}
