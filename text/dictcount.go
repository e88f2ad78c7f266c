package text

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Lao, Khmer and Myanmar words written anywhere in a text, as ThaiWordsIn
// finds Thai's: every word of the script's list (lo_words.txt.gz,
// km_words.txt.gz, my_words.txt.gz) that occurs in the text at any
// character, as strings.Contains would find it, for retrieval's counts of
// the passages that write a word (the focus rule weighs a question's word
// by them). Myanmar is read with the dot below before the asat
// (MyanmarOrder), as the list spells it, in the text and in the word
// looked up.

// dictTrie is one script's list as a trie over the characters of its
// block [lo, hi]: root holds the edge of each first character (-1 for
// none); an edge leads to a node, the word ending there (-1 for none) and
// its children, edges[first:first+n], sorted by character.
type dictTrie struct {
	lo, hi rune
	root   []int32
	edges  []dictEdge
}

type dictEdge struct {
	r        rune
	word     int32
	first, n int32
}

// dictLists are the three tries, their words by id (Lao's, then Khmer's,
// then Myanmar's, each sorted) and the ids by word.
type dictLists struct {
	tries [3]*dictTrie
	words []string
	ids   map[string]int32
}

var dictList = sync.OnceValue(func() *dictLists {
	l := &dictLists{ids: map[string]int32{}}
	for k, sc := range []struct {
		set    map[string]struct{}
		lo, hi rune
	}{{loSet(), 0x0E80, 0x0EFF}, {kmSet(), 0x1780, 0x17FF}, {mySet(), 0x1000, 0x109F}} {
		words := make([]string, 0, len(sc.set))
		for w := range sc.set {
			words = append(words, w)
		}
		slices.Sort(words)
		base := int32(len(l.words))
		for i, w := range words {
			l.ids[w] = base + int32(i)
		}
		l.words = append(l.words, words...)
		l.tries[k] = newDictTrie(words, base, sc.lo, sc.hi)
	}
	return l
})

// newDictTrie builds the trie of words (sorted), word i's id base+i.
func newDictTrie(words []string, base int32, lo, hi rune) *dictTrie {
	type child struct {
		r    rune
		node int32
	}
	kids := [][]child{nil}
	word := []int32{-1}
	for i, w := range words {
		node := int32(0)
		for _, r := range w {
			if r < lo || r > hi {
				node = -1 // not all the script's: a walk never finds it
				break
			}
			next := int32(-1)
			for _, c := range kids[node] {
				if c.r == r {
					next = c.node
					break
				}
			}
			if next < 0 {
				next = int32(len(kids))
				kids = append(kids, nil)
				word = append(word, -1)
				kids[node] = append(kids[node], child{r, next})
			}
			node = next
		}
		if node > 0 {
			word[node] = base + int32(i)
		}
	}
	t := &dictTrie{lo: lo, hi: hi, root: make([]int32, hi-lo+1)}
	for i := range t.root {
		t.root[i] = -1
	}
	// Each node's children get a run of edges, breadth first; then each
	// edge is told its node's children.
	first := make([]int32, len(kids))
	edgeOf := make([]int32, len(kids))
	queue := []int32{0}
	for len(queue) > 0 {
		node := queue[0]
		queue = queue[1:]
		cs := kids[node]
		slices.SortFunc(cs, func(a, b child) int { return int(a.r - b.r) })
		first[node] = int32(len(t.edges))
		for _, c := range cs {
			edgeOf[c.node] = int32(len(t.edges))
			t.edges = append(t.edges, dictEdge{r: c.r, word: word[c.node]})
			queue = append(queue, c.node)
		}
	}
	for _, c := range kids[0] {
		t.root[c.r-lo] = edgeOf[c.node]
	}
	for node := int32(1); node < int32(len(kids)); node++ {
		e := &t.edges[edgeOf[node]]
		e.first, e.n = first[node], int32(len(kids[node]))
	}
	return t
}

// DictWordIDs is how many ids DictWordsIn gives: one a word of the Lao,
// Khmer and Myanmar lists.
func DictWordIDs() int { return len(dictList().words) }

// DictWordID is the id DictWordsIn gives the word w (Myanmar read in
// MyanmarOrder), false when w is not one of the lists'.
func DictWordID(w string) (int, bool) {
	id, ok := dictList().ids[MyanmarOrder(w)]
	return int(id), ok
}

// DictWordOf is the word of an id DictWordsIn gives.
func DictWordOf(id int) string { return dictList().words[id] }

// DictWordsIn calls f with the id of each Lao, Khmer or Myanmar word of
// the lists s writes, at every character it starts at (a word written
// twice, twice), in the order they start. A text without them is a byte
// scan, and their lists are not read.
func DictWordsIn(s string, f func(id int)) {
	if strings.IndexByte(s, 0xe0) < 0 && strings.IndexByte(s, 0xe1) < 0 {
		return
	}
	var l *dictLists
	s = MyanmarOrder(s)
	for i, r := range s {
		if r < 0x0E80 || r > 0x17FF {
			continue
		}
		k := 0
		switch {
		case r <= 0x0EFF:
		case 0x1780 <= r:
			k = 1
		case 0x1000 <= r && r <= 0x109F:
			k = 2
		default:
			continue
		}
		if l == nil {
			l = dictList()
		}
		t := l.tries[k]
		e := t.root[r-t.lo]
		for p := i + utf8.RuneLen(r); e >= 0; {
			edge := &t.edges[e]
			if edge.word >= 0 {
				f(int(edge.word))
			}
			if edge.n == 0 || p >= len(s) {
				break
			}
			next, size := utf8.DecodeRuneInString(s[p:])
			p += size
			e = -1
			for q, c := range t.edges[edge.first : edge.first+edge.n] {
				if c.r >= next {
					if c.r == next {
						e = edge.first + int32(q)
					}
					break
				}
			}
		}
	}
}
