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
// block (U+0E00–U+0E7F), walked in the text's UTF-8 bytes, three a Thai
// character, without decoding runes.
type thaiTrie struct {
	*wordTrie
	words []string
	ids   map[string]int32
}

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
	t := &thaiTrie{words: words, ids: make(map[string]int32, len(words))}
	for id, w := range words {
		t.ids[w] = int32(id)
	}
	t.wordTrie = newWordTrie(words, 0, 128, func(buf []uint8, w string) ([]uint8, bool) {
		for i := 0; i < len(w); i += 3 {
			sym, ok := thaiSym(w, i)
			if !ok {
				return buf, false // not all Thai: Words never finds it, nor does a walk
			}
			buf = append(buf, sym)
		}
		return buf, true
	})
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
			k := t.next(n, lo, sym)
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
