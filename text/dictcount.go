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
// block [lo, lo+width), walked in runes.
type dictTrie struct {
	lo rune
	*wordTrie
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
	return &dictTrie{lo, newWordTrie(words, base, int(hi-lo+1), func(buf []uint8, w string) ([]uint8, bool) {
		for _, r := range w {
			if r < lo || r > hi {
				return buf, false // not all the script's: a walk never finds it
			}
			buf = append(buf, uint8(r-lo))
		}
		return buf, true
	})}
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
		n, lo := uint8(denseN), int32(0) // the root's children: row 0
		for c, p := r, i+utf8.RuneLen(r); ; {
			sym := c - t.lo
			if sym < 0 || sym >= rune(t.width) {
				break
			}
			e := t.next(n, lo, uint8(sym))
			if e < 0 {
				break
			}
			edge := &t.edges[e]
			if edge.word >= 0 {
				f(int(edge.word))
			}
			if n, lo = edge.n, edge.lo; n == 0 || p >= len(s) {
				break
			}
			var size int
			c, size = utf8.DecodeRuneInString(s[p:])
			p += size
		}
	}
}
