package retrieval

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unsafe"
)

// A snapshot stores an index as named parts that package snapshot writes to
// a file and maps back at the next start. The parts are the index's own
// arrays (little-endian), so FromParts uses them in place: the postings,
// term table and per-item arrays of a mapped index are views of the file,
// not copies, and the same search code runs over both. Only the term
// dictionary differs: a built index has a map, a mapped one a sorted table
// searched by bisection, because a map of millions of terms takes seconds
// and hundreds of megabytes to rebuild.

// Part is one named byte range of an index's data.
type Part struct {
	Name string
	Data []byte
}

// Names of the parts, in the order Parts returns them.
const (
	partConfig    = "retrieval/config"    // K1, B, Floor: float64 each
	partAnalyzers = "retrieval/analyzers" // analyser names, sorted, "\n"-separated
	partItemAn    = "retrieval/itemAn"    // uint8 per item
	partItemDoc   = "retrieval/itemDoc"   // uint32 per item
	partTermBytes = "retrieval/termBytes" // the terms, sorted, concatenated
	partTermOff   = "retrieval/termOff"   // uint32 per term + 1: offsets in termBytes
	partTermID    = "retrieval/termID"    // uint32 per sorted term: its term id
	partPostStart = "retrieval/postStart" // uint32 per term id + 1
	partPostItem  = "retrieval/postItem"  // uint32 per posting
	partPostW     = "retrieval/postW"     // float32 per posting
)

// ErrBigEndian is returned on a big-endian machine: snapshots are
// little-endian and used in place.
var ErrBigEndian = errors.New("index snapshots need a little-endian machine")

var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// termTable is a mapped index's dictionary: terms sorted bytewise.
type termTable struct {
	bytes string   // the terms, concatenated
	off   []uint32 // term k is bytes[off[k]:off[k+1]]
	id    []uint32 // term id of sorted term k
}

func (tt *termTable) term(k int) string { return tt.bytes[tt.off[k]:tt.off[k+1]] }

func (tt *termTable) lookup(term string) (uint32, bool) {
	n := len(tt.id)
	lo, hi := 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if tt.term(m) < term {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < n && tt.term(lo) == term {
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

// Parts returns the index's data for a snapshot. The large parts are views
// of the index's arrays, valid as long as the index is; the term table is
// sorted here, which for a built index costs a sort of its vocabulary.
func (ix *Index) Parts() ([]Part, error) {
	if !littleEndian {
		return nil, ErrBigEndian
	}
	cfg := make([]byte, 0, 24)
	for _, f := range []float64{ix.cfg.K1, ix.cfg.B, ix.cfg.Floor} {
		cfg = binary.LittleEndian.AppendUint64(cfg, math.Float64bits(f))
	}
	tt := ix.terms
	if tt == nil {
		var err error
		if tt, err = sortedTerms(ix.dict); err != nil {
			return nil, err
		}
	}
	return []Part{
		{partConfig, cfg},
		{partAnalyzers, []byte(strings.Join(ix.Languages(), "\n"))},
		{partItemAn, ix.itemAn},
		{partItemDoc, bytesOf(ix.itemDoc)},
		{partTermBytes, unsafe.Slice(unsafe.StringData(tt.bytes), len(tt.bytes))},
		{partTermOff, bytesOf(tt.off)},
		{partTermID, bytesOf(tt.id)},
		{partPostStart, bytesOf(ix.postStart)},
		{partPostItem, bytesOf(ix.postItem)},
		{partPostW, bytesOf(ix.postW)},
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

// FromParts makes an index of parts (from Parts, through a file) over
// items, the same items the index was built from. The parts are used in
// place and must stay unchanged and valid as long as the index is used.
// Everything is checked, so that bytes that are not a snapshot give an
// error, never a panic or an out-of-range search.
func FromParts(parts []Part, items []Item) (*Index, error) {
	ix, err := fromParts(parts, items)
	if err != nil {
		return nil, fmt.Errorf("index snapshot: %w", err)
	}
	return ix, nil
}

func fromParts(parts []Part, items []Item) (*Index, error) {
	if !littleEndian {
		return nil, ErrBigEndian
	}
	byName := make(map[string][]byte, len(parts))
	for _, p := range parts {
		byName[p.Name] = p.Data
	}
	get := func(name string) ([]byte, error) {
		b, ok := byName[name]
		if !ok {
			return nil, fmt.Errorf("part %s missing", name)
		}
		return b, nil
	}
	n := len(items)
	if uint64(n) >= math.MaxUint32 {
		return nil, fmt.Errorf("%d items: too many", n)
	}
	ix := &Index{items: items}

	b, err := get(partConfig)
	if err != nil {
		return nil, err
	}
	if len(b) != 24 {
		return nil, fmt.Errorf("config: %d bytes, want 24", len(b))
	}
	cfg := Config{
		K1:    math.Float64frombits(binary.LittleEndian.Uint64(b)),
		B:     math.Float64frombits(binary.LittleEndian.Uint64(b[8:])),
		Floor: math.Float64frombits(binary.LittleEndian.Uint64(b[16:])),
	}
	if cfg.K1 == 0 || cfg.B == 0 || cfg.Floor == 0 {
		return nil, fmt.Errorf("config %+v: a zero field", cfg)
	}
	if ix.cfg, err = cfg.withDefaults(); err != nil {
		return nil, err
	}

	if b, err = get(partAnalyzers); err != nil {
		return nil, err
	}
	names := strings.Split(string(b), "\n")
	ix.analyzers = newAnalyzers(names)
	if len(ix.analyzers) != len(names) {
		return nil, fmt.Errorf("analysers %q: not sorted and distinct", names)
	}
	for i, a := range ix.analyzers {
		if a.name != names[i] {
			return nil, fmt.Errorf("analysers %q: %q is not one", names, names[i])
		}
	}

	if ix.itemAn, err = get(partItemAn); err != nil {
		return nil, err
	}
	if len(ix.itemAn) != n {
		return nil, fmt.Errorf("itemAn: %d entries for %d items", len(ix.itemAn), n)
	}
	for _, a := range ix.itemAn {
		if int(a) >= len(ix.analyzers) {
			return nil, fmt.Errorf("itemAn: analyser %d of %d", a, len(ix.analyzers))
		}
	}

	if ix.itemDoc, err = uint32sOf(byName, partItemDoc); err != nil {
		return nil, err
	}
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

	tt := &termTable{}
	if b, err = get(partTermBytes); err != nil {
		return nil, err
	}
	tt.bytes = unsafe.String(unsafe.SliceData(b), len(b))
	if tt.off, err = uint32sOf(byName, partTermOff); err != nil {
		return nil, err
	}
	if tt.id, err = uint32sOf(byName, partTermID); err != nil {
		return nil, err
	}
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

	if ix.postStart, err = uint32sOf(byName, partPostStart); err != nil {
		return nil, err
	}
	if ix.postItem, err = uint32sOf(byName, partPostItem); err != nil {
		return nil, err
	}
	if b, err = get(partPostW); err != nil {
		return nil, err
	}
	if ix.postW, err = viewOf[float32](b); err != nil {
		return nil, fmt.Errorf("%s: %w", partPostW, err)
	}
	total := len(ix.postItem)
	if len(ix.postStart) != nterms+1 || ix.postStart[0] != 0 || int(ix.postStart[nterms]) != total || len(ix.postW) != total {
		return nil, fmt.Errorf("postings: %d starts for %d terms, %d items, %d weights", len(ix.postStart), nterms, total, len(ix.postW))
	}
	for t := range nterms {
		lo, hi := ix.postStart[t], ix.postStart[t+1]
		if hi < lo {
			return nil, fmt.Errorf("postings: start of term %d decreases", t+1)
		}
		if lo == hi {
			return nil, fmt.Errorf("postings: term %d has none", t)
		}
		prev := -1
		for _, it := range ix.postItem[lo:hi] {
			if int(it) <= prev || int(it) >= n {
				return nil, fmt.Errorf("postings of term %d: item %d out of order or range", t, it)
			}
			prev = int(it)
		}
	}
	for _, w := range ix.postW {
		if !(w > 0) || math.IsInf(float64(w), 0) {
			return nil, fmt.Errorf("postings: weight %v", w)
		}
	}

	ix.maxIDF = idf(n, 0)
	ix.accums.New = func() any { return newAccum(len(ix.items), len(ix.docs)) }
	ix.bufs.New = func() any { return &analysisBuf{keepStops: true} }
	return ix, nil
}

// bytesOf views s as bytes.
func bytesOf[T uint32 | float32](s []T) []byte {
	if len(s) == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), len(s)*4)
}

func uint32sOf(parts map[string][]byte, name string) ([]uint32, error) {
	b, ok := parts[name]
	if !ok {
		return nil, fmt.Errorf("part %s missing", name)
	}
	s, err := viewOf[uint32](b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return s, nil
}

// viewOf views b as 4-byte values in place, or copies it when b is not
// aligned for them.
func viewOf[T uint32 | float32](b []byte) ([]T, error) {
	if len(b)%4 != 0 {
		return nil, fmt.Errorf("%d bytes: not a multiple of 4", len(b))
	}
	if len(b) == 0 {
		return nil, nil
	}
	if uintptr(unsafe.Pointer(unsafe.SliceData(b)))%4 == 0 {
		return unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(b))), len(b)/4), nil
	}
	out := make([]T, len(b)/4)
	copy(bytesOf(out), b)
	return out, nil
}
