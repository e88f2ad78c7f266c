package retrieval

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// A snapshot stores an index's arrays (Parts), which package snapshot
// writes to a file and maps back at the next start. FromParts uses them in
// place: the postings, term table and per-item arrays of a mapped index are
// views of the file, not copies, and the same search code runs over both.
// Only the term dictionary differs: a built index has a map, a mapped one a
// sorted table searched by bisection, because a map of millions of terms
// takes seconds and hundreds of megabytes to rebuild.

// Parts are an index's data.
type Parts struct {
	Config    Config
	Analyzers []string // names, sorted
	ItemAn    []uint8  // analyser of each item
	ItemDoc   []uint32 // document of each item, numbered by first appearance
	TermBytes string   // the terms, sorted bytewise, concatenated
	TermOff   []uint32 // sorted term k is TermBytes[TermOff[k]:TermOff[k+1]]
	TermID    []uint32 // term id of sorted term k
	PostStart []uint32 // postings of term id t: [PostStart[t], PostStart[t+1])
	PostItem  []uint32
	PostTF    []uint8  // term frequency of each posting; 255: see BigTF
	BigTF     []uint32 // posting, frequency: pairs, by posting, of every posting with PostTF 255
	ItemLen   []uint32 // analysed length of each item
	// The Thai words the items write (ThaiDF): sorted bytewise and
	// concatenated, word k ThaiBytes[ThaiOff[k]:ThaiOff[k+1]], written by
	// ThaiDF[k] items. All empty for items without Thai.
	ThaiBytes string
	ThaiOff   []uint32
	ThaiDF    []uint32
}

// termTable is a mapped index's dictionary: terms sorted bytewise.
type termTable struct {
	bytes string
	off   []uint32
	id    []uint32
}

func (tt *termTable) term(k int) string { return tt.bytes[tt.off[k]:tt.off[k+1]] }

func (tt *termTable) lookup(term string) (uint32, bool) {
	lo, hi := 0, len(tt.id)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if tt.term(m) < term {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(tt.id) && tt.term(lo) == term {
		return tt.id[lo], true
	}
	return 0, false
}

// termID is the id of term in either dictionary.
func (ix *Index) termID(term string) (uint32, bool) {
	if ix.terms != nil {
		return ix.terms.lookup(term)
	}
	id, ok := ix.dict[term]
	return id, ok
}

// Parts returns the index's data for a snapshot: its own arrays, valid as
// long as the index is, and for a built index a term table sorted here (a
// sort of its vocabulary).
func (ix *Index) Parts() (Parts, error) {
	tt := ix.terms
	if tt == nil {
		var err error
		if tt, err = sortedTerms(ix.dict); err != nil {
			return Parts{}, err
		}
	}
	return Parts{
		Config:    ix.cfg,
		Analyzers: ix.Languages(),
		ItemAn:    ix.itemAn,
		ItemDoc:   ix.itemDoc,
		TermBytes: tt.bytes,
		TermOff:   tt.off,
		TermID:    tt.id,
		PostStart: ix.postStart,
		PostItem:  ix.postItem,
		PostTF:    ix.postTF,
		BigTF:     ix.bigTF,
		ItemLen:   ix.itemLen,
		ThaiBytes: ix.thai.bytes,
		ThaiOff:   ix.thai.off,
		ThaiDF:    ix.thai.df,
	}, nil
}

func sortedTerms(dict map[string]uint32) (*termTable, error) {
	terms := make([]string, 0, len(dict))
	size := 0
	for t := range dict {
		terms = append(terms, t)
		size += len(t)
	}
	if uint64(size) > math.MaxUint32 {
		return nil, fmt.Errorf("index snapshot: %d bytes of terms: too many", size)
	}
	slices.Sort(terms)
	var sb strings.Builder
	sb.Grow(size)
	tt := &termTable{off: make([]uint32, 1, len(terms)+1), id: make([]uint32, len(terms))}
	for k, t := range terms {
		sb.WriteString(t)
		tt.off = append(tt.off, uint32(sb.Len()))
		tt.id[k] = dict[t]
	}
	tt.bytes = sb.String()
	return tt, nil
}

// FromParts makes an index of p (from Parts, through a file) over items,
// the items the index was built from. The arrays are used in place and
// must not change while the index is used. Everything is checked, so that
// parts that are not an index's give an error, never a panic or a search
// out of range.
func FromParts(p Parts, items []Item) (*Index, error) {
	ix, err := fromParts(p, items, true)
	if err != nil {
		return nil, fmt.Errorf("index snapshot: %w", err)
	}
	return ix, nil
}

// FromBuiltParts is FromParts of the parts of an index this process built
// (Parts), written and mapped back unchanged: everything is checked but
// the order, range and frequency of every posting, which the build made
// so, and whose check would read every page of the postings (half the
// text's size for a big corpus) while the built index is still in memory.
func FromBuiltParts(p Parts, items []Item) (*Index, error) {
	ix, err := fromParts(p, items, false)
	if err != nil {
		return nil, fmt.Errorf("index snapshot: %w", err)
	}
	return ix, nil
}

// fromParts: with postings, every posting is checked.
func fromParts(p Parts, items []Item, postings bool) (*Index, error) {
	n := len(items)
	if uint64(n) >= math.MaxUint32 {
		return nil, fmt.Errorf("%d items: too many", n)
	}
	ix := &Index{items: items}
	if p.Config.K1 == 0 || p.Config.B == 0 || p.Config.Floor == 0 {
		return nil, fmt.Errorf("config %+v: a zero field", p.Config)
	}
	var err error
	if ix.cfg, err = p.Config.withDefaults(); err != nil {
		return nil, err
	}

	ix.analyzers = newAnalyzers(p.Analyzers)
	ix.framing = framingSet() // not in the parts: a mapped index analyses queries as a built one
	if len(ix.analyzers) != len(p.Analyzers) {
		return nil, fmt.Errorf("analysers %q: not sorted and distinct", p.Analyzers)
	}
	for i, a := range ix.analyzers {
		if a.name != p.Analyzers[i] {
			return nil, fmt.Errorf("analysers %q: %q is not one", p.Analyzers, p.Analyzers[i])
		}
	}

	ix.itemAn = p.ItemAn
	if len(ix.itemAn) != n {
		return nil, fmt.Errorf("itemAn: %d entries for %d items", len(ix.itemAn), n)
	}
	for _, a := range ix.itemAn {
		if int(a) >= len(ix.analyzers) {
			return nil, fmt.Errorf("itemAn: analyser %d of %d", a, len(ix.analyzers))
		}
	}

	ix.itemDoc = p.ItemDoc
	if len(ix.itemDoc) != n {
		return nil, fmt.Errorf("itemDoc: %d entries for %d items", len(ix.itemDoc), n)
	}
	// Documents are numbered in order of first appearance, as buildDocs does.
	for i, d := range ix.itemDoc {
		switch {
		case int(d) == len(ix.docs):
			ix.docs = append(ix.docs, items[i].Doc)
		case int(d) > len(ix.docs):
			return nil, fmt.Errorf("itemDoc: item %d in document %d before document %d", i, d, len(ix.docs))
		case ix.docs[d] != items[i].Doc:
			return nil, fmt.Errorf("itemDoc: item %d is in %q, not %q", i, items[i].Doc, ix.docs[d])
		}
	}

	ix.docNorm = docNorms(ix.itemDoc, len(ix.docs))

	tt := &termTable{bytes: p.TermBytes, off: p.TermOff, id: p.TermID}
	nterms := len(tt.id)
	if len(tt.off) != nterms+1 || tt.off[0] != 0 || int(tt.off[nterms]) != len(tt.bytes) {
		return nil, fmt.Errorf("term table: %d offsets, %d terms, %d bytes", len(tt.off), nterms, len(tt.bytes))
	}
	seen := make([]bool, nterms)
	for k := range nterms {
		if tt.off[k+1] < tt.off[k] {
			return nil, fmt.Errorf("term table: offset %d decreases", k+1)
		}
		if k > 0 && tt.term(k-1) >= tt.term(k) {
			return nil, fmt.Errorf("term table: term %d out of order", k)
		}
		id := tt.id[k]
		if int(id) >= nterms || seen[id] {
			return nil, fmt.Errorf("term table: term id %d repeated or out of range", id)
		}
		seen[id] = true
	}
	ix.terms = tt

	ix.postStart, ix.postItem, ix.postTF, ix.bigTF = p.PostStart, p.PostItem, p.PostTF, p.BigTF
	total := len(ix.postItem)
	if len(ix.postStart) != nterms+1 || ix.postStart[0] != 0 || int(ix.postStart[nterms]) != total || len(ix.postTF) != total {
		return nil, fmt.Errorf("postings: %d starts for %d terms, %d items, %d frequencies", len(ix.postStart), nterms, total, len(ix.postTF))
	}
	for t := range nterms {
		lo, hi := ix.postStart[t], ix.postStart[t+1]
		if hi <= lo {
			return nil, fmt.Errorf("postings: term %d has none, or its start decreases", t)
		}
		if !postings {
			continue
		}
		prev := -1
		for _, it := range ix.postItem[lo:hi] {
			if int(it) <= prev || int(it) >= n {
				return nil, fmt.Errorf("postings of term %d: item %d out of order or range", t, it)
			}
			prev = int(it)
		}
	}
	// Every frequency at least 1; every one of maxTF in bigTF, in order,
	// with its count, which is at least that.
	if postings {
		big := 0
		for pos, tf := range ix.postTF {
			switch {
			case tf == 0:
				return nil, fmt.Errorf("postings: frequency 0 at %d", pos)
			case tf == maxTF:
				if 2*big+1 >= len(ix.bigTF) || ix.bigTF[2*big] != uint32(pos) || ix.bigTF[2*big+1] < maxTF {
					return nil, fmt.Errorf("postings: frequency of posting %d missing from the large ones", pos)
				}
				big++
			}
		}
		if 2*big != len(ix.bigTF) {
			return nil, fmt.Errorf("postings: %d large frequencies for %d postings", len(ix.bigTF), big)
		}
	} else if len(ix.bigTF)%2 != 0 {
		return nil, fmt.Errorf("postings: %d numbers of large frequencies, not pairs", len(ix.bigTF))
	}
	if len(p.ItemLen) != n {
		return nil, fmt.Errorf("item lengths: %d for %d items", len(p.ItemLen), n)
	}
	ix.setLengths(p.ItemLen)

	ix.thai = thaiCounts{bytes: p.ThaiBytes, off: p.ThaiOff, df: p.ThaiDF}
	if err := checkThai(ix.thai, n); err != nil {
		return nil, err
	}

	ix.maxIDF = idf(n, 0)
	ix.accums.New = func() any { return newAccum(len(ix.items), len(ix.docs)) }
	ix.bufs.New = func() any { return &analysisBuf{keepStops: true} }
	return ix, nil
}
