package snapshot

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
	"unsafe"

	"corpusbot/retrieval"
)

// The index's arrays are stored as they lie in memory, little-endian, and
// read back as views of the mapping: no copy, no decoding.

const (
	partIxConfig    = "retrieval/config"    // K1, B, Floor: float64 each
	partIxAnalyzers = "retrieval/analyzers" // names, "\n"-separated
	partIxItemAn    = "retrieval/itemAn"
	partIxItemDoc   = "retrieval/itemDoc"
	partIxTermBytes = "retrieval/termBytes"
	partIxTermOff   = "retrieval/termOff"
	partIxTermID    = "retrieval/termID"
	partIxPostStart = "retrieval/postStart"
	partIxPostItem  = "retrieval/postItem"
	partIxPostTF    = "retrieval/postTF"
	partIxBigTF     = "retrieval/bigTF"
	partIxItemLen   = "retrieval/itemLen"
	partIxThaiBytes = "retrieval/thaiBytes" // Thai words the items write, sorted, concatenated
	partIxThaiOff   = "retrieval/thaiOff"
	partIxThaiDF    = "retrieval/thaiDF"
)

// ErrBigEndian: snapshots are little-endian and used in place.
var ErrBigEndian = errors.New("index snapshots need a little-endian machine")

var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

func indexParts(ix *retrieval.Index) ([]part, error) {
	if !littleEndian {
		return nil, ErrBigEndian
	}
	p, err := ix.Parts()
	if err != nil {
		return nil, err
	}
	cfg := make([]byte, 0, 24)
	for _, f := range []float64{p.Config.K1, p.Config.B, p.Config.Floor} {
		cfg = binary.LittleEndian.AppendUint64(cfg, math.Float64bits(f))
	}
	return []part{
		{name: partIxConfig, data: cfg},
		{name: partIxAnalyzers, data: []byte(strings.Join(p.Analyzers, "\n"))},
		{name: partIxItemAn, data: p.ItemAn},
		{name: partIxItemDoc, data: bytesOf(p.ItemDoc)},
		{name: partIxTermBytes, data: unsafe.Slice(unsafe.StringData(p.TermBytes), len(p.TermBytes))},
		{name: partIxTermOff, data: bytesOf(p.TermOff)},
		{name: partIxTermID, data: bytesOf(p.TermID)},
		{name: partIxPostStart, data: bytesOf(p.PostStart)},
		{name: partIxPostItem, data: bytesOf(p.PostItem)},
		{name: partIxPostTF, data: p.PostTF},
		{name: partIxBigTF, data: bytesOf(p.BigTF)},
		{name: partIxItemLen, data: bytesOf(p.ItemLen)},
		{name: partIxThaiBytes, data: unsafe.Slice(unsafe.StringData(p.ThaiBytes), len(p.ThaiBytes))},
		{name: partIxThaiOff, data: bytesOf(p.ThaiOff)},
		{name: partIxThaiDF, data: bytesOf(p.ThaiDF)},
	}, nil
}

// decodeIndex makes the index of parts over items; built: parts of an
// index this process built, written and mapped back unchanged
// (retrieval.FromBuiltParts).
func decodeIndex(parts map[string][]byte, items []retrieval.Item, built bool) (*retrieval.Index, error) {
	if !littleEndian {
		return nil, ErrBigEndian
	}
	for _, name := range []string{partIxConfig, partIxAnalyzers, partIxItemAn, partIxItemDoc, partIxTermBytes, partIxTermOff, partIxTermID, partIxPostStart, partIxPostItem, partIxPostTF, partIxBigTF, partIxItemLen, partIxThaiBytes, partIxThaiOff, partIxThaiDF} {
		if _, ok := parts[name]; !ok {
			return nil, fmt.Errorf("%w: part %s missing", ErrCorrupt, name)
		}
	}
	cfg := parts[partIxConfig]
	if len(cfg) != 24 {
		return nil, fmt.Errorf("%w: %s: %d bytes, want 24", ErrCorrupt, partIxConfig, len(cfg))
	}
	var p retrieval.Parts
	p.Config = retrieval.Config{
		K1:    math.Float64frombits(binary.LittleEndian.Uint64(cfg)),
		B:     math.Float64frombits(binary.LittleEndian.Uint64(cfg[8:])),
		Floor: math.Float64frombits(binary.LittleEndian.Uint64(cfg[16:])),
	}
	p.Analyzers = strings.Split(string(parts[partIxAnalyzers]), "\n")
	p.ItemAn = parts[partIxItemAn]
	tb := parts[partIxTermBytes]
	p.TermBytes = unsafe.String(unsafe.SliceData(tb), len(tb))
	thb := parts[partIxThaiBytes]
	p.ThaiBytes = unsafe.String(unsafe.SliceData(thb), len(thb))
	var err error
	for _, v := range []struct {
		name string
		to   *[]uint32
	}{
		{partIxItemDoc, &p.ItemDoc}, {partIxTermOff, &p.TermOff}, {partIxTermID, &p.TermID},
		{partIxPostStart, &p.PostStart}, {partIxPostItem, &p.PostItem},
		{partIxBigTF, &p.BigTF}, {partIxItemLen, &p.ItemLen},
		{partIxThaiOff, &p.ThaiOff}, {partIxThaiDF, &p.ThaiDF},
	} {
		if *v.to, err = viewOf[uint32](parts[v.name]); err != nil {
			return nil, fmt.Errorf("%w: %s: %w", ErrCorrupt, v.name, err)
		}
	}
	p.PostTF = parts[partIxPostTF]
	from := retrieval.FromParts
	if built {
		from = retrieval.FromBuiltParts
	}
	ix, err := from(p, items)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	return ix, nil
}

// bytesOf views s as bytes.
func bytesOf[T uint32 | float32](s []T) []byte {
	if len(s) == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), len(s)*4)
}

// viewOf views b as 4-byte values in place (parts start at multiples of 8
// in a page-aligned mapping), or copies it when b is not aligned for them.
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
