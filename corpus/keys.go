package corpus

import (
	"sync"

	"corpusbot/text"
)

// keyIndex gives the distinct content keys (contentKeys) of the paragraphs
// of one document, as small integers, each paragraph's computed when first
// asked for: most documents need those of a few paragraphs only (the last
// ones, judged against the ones above until enough is shared), and folding
// and hashing every word of every paragraph was most of loading plain text.
type keyIndex struct {
	text string
	ps   []para
	ids  map[string]int32 // key → id within the document
	// keys holds each computed paragraph's ids; at[i] is where paragraph
	// i's are, {-1, -1} until computed.
	keys []int32
	at   [][2]int32
	// seen is per id: the paragraph (plus one) it was last counted for by
	// of; want is isStray's mark.
	seen, want []int32
	// names are the keys by id, for isStray's filter of the keys it wants.
	names  []string
	filter keyFilter
}

var keyIndexes = sync.Pool{New: func() any { return &keyIndex{ids: make(map[string]int32)} }}

// newKeyIndex returns an index of the paragraphs ps of text, to be given
// back with release.
func newKeyIndex(text string, ps []para) *keyIndex {
	x := keyIndexes.Get().(*keyIndex)
	x.text, x.ps = text, ps
	clear(x.ids)
	x.keys, x.seen, x.want = x.keys[:0], x.seen[:0], x.want[:0]
	clear(x.names) // they point into the last document's text
	x.names = x.names[:0]
	x.at = x.at[:0]
	for range ps {
		x.at = append(x.at, [2]int32{-1, -1})
	}
	return x
}

// release gives x back for reuse; it must not be used after.
func (x *keyIndex) release() {
	x.text, x.ps = "", nil
	if len(x.ids) > 1<<14 {
		x.ids = make(map[string]int32) // an outsized document: let its keys go
	}
	keyIndexes.Put(x)
}

// of returns the distinct content keys of paragraph i, in order of first
// use.
func (x *keyIndex) of(i int) []int32 {
	if a := x.at[i]; a[0] >= 0 {
		return x.keys[a[0]:a[1]]
	}
	start := len(x.keys)
	p := x.ps[i]
	stamp := int32(i + 1)
	readKeys(x.text[p.start:p.end], nil, func(k string) bool {
		id, ok := x.ids[k]
		if !ok {
			id = int32(len(x.ids))
			x.ids[k] = id
			x.seen, x.want = append(x.seen, 0), append(x.want, 0)
			x.names = append(x.names, k)
		}
		if x.seen[id] != stamp {
			x.seen[id] = stamp
			x.keys = append(x.keys, id)
		}
		return true
	})
	x.at[i] = [2]int32{int32(start), int32(len(x.keys))}
	return x.keys[start:]
}

// size is the number of distinct keys of the paragraphs computed so far:
// their ids are 0 … size-1.
func (x *keyIndex) size() int { return len(x.ids) }

// isStray reports whether paragraph i shares under strayPermille of its
// content keys (strayMinKeys at least) with the paragraphs above; it stops
// reading them once enough is shared.
func (x *keyIndex) isStray(i int, above []int) bool {
	set := x.of(i)
	if len(set) < strayMinKeys {
		return false
	}
	// The keys of set are marked i+1 until found above.
	want := int32(i + 1)
	clear(x.filter[:])
	for _, id := range set {
		x.want[id] = want
		x.filter.add(x.names[id])
	}
	shared := 0
	found := func(id int32) bool { // reports whether enough is shared
		if x.want[id] != want {
			return false
		}
		x.want[id] = 0
		shared++
		return shared*1000 >= len(set)*strayPermille
	}
	for k := len(above) - 1; k >= 0; k-- {
		if a := x.at[above[k]]; a[0] >= 0 {
			for _, id := range x.keys[a[0]:a[1]] {
				if found(id) {
					return false
				}
			}
			continue
		}
		// Read without indexing: a key of set is in x.ids already, and
		// the reading stops where enough is shared, often mid-paragraph.
		// Most words above are not of set (this check is asked because
		// few are): the filter passes over them before the costly tests.
		enough := false
		look := func(key string) bool {
			id, ok := x.ids[key]
			enough = ok && found(id)
			return !enough
		}
		p := x.ps[above[k]]
		readKeys(x.text[p.start:p.end], &x.filter, look)
		if enough {
			return false
		}
	}
	return true
}

// readKeys calls fn with the content keys of paragraph t that may be in
// may (all when nil), as contentKeysIn(text.Fold(t), may, fn) does. Most
// paragraphs are ASCII, and are read without folding: the keys are then
// t's own bytes (unless in capitals), not a folded copy's. Of the others,
// only the words that are not ASCII are folded: ASCII white space ends a
// word both before and after Fold and nothing folds across it (NFKC
// composes nothing with a space), so the words between two such spaces
// fold alone to what they are in the folded paragraph.
func readKeys(t string, may *keyFilter, fn func(key string) bool) {
	for {
		a := text.ASCIIPrefix(t)
		if a == len(t) {
			contentKeysASCII(t, may, fn)
			return
		}
		// t[:from] is ASCII up to the white space before the first
		// rune that is not; t[from:to] reaches the white space after it.
		from := a
		for from > 0 && !isASCIISpace(t[from-1]) {
			from--
		}
		to := a
		for to < len(t) && !isASCIISpace(t[to]) {
			to++
		}
		if !contentKeysASCII(t[:from], may, fn) || !contentKeysIn(text.Fold(t[from:to]), may, fn) {
			return
		}
		t = t[to:]
	}
}
