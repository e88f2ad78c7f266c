package retrieval

import (
	"bytes"
	"encoding/binary"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// reparts copies parts into fresh buffers, shifted by shift bytes so that
// the unaligned path is exercised too, as a file read back would be.
func reparts(parts []Part, shift int) []Part {
	out := make([]Part, len(parts))
	for i, p := range parts {
		buf := make([]byte, len(p.Data)+shift)
		copy(buf[shift:], p.Data)
		out[i] = Part{Name: p.Name, Data: buf[shift:]}
	}
	return out
}

// sameResults checks that a and b answer every query alike: hits, scores,
// coverage, matched terms, documents, highlights and analysis.
func sameResults(t *testing.T, a, b *Index, queries []string) {
	t.Helper()
	if a.Len() != b.Len() || !slices.Equal(a.Languages(), b.Languages()) || a.Config() != b.Config() {
		t.Fatalf("Len/Languages/Config differ: %d %v %+v vs %d %v %+v", a.Len(), a.Languages(), a.Config(), b.Len(), b.Languages(), b.Config())
	}
	for _, q := range queries {
		ha, ea := a.Search(q, 10)
		hb, eb := b.Search(q, 10)
		if ea != eb || !reflect.DeepEqual(ha, hb) {
			t.Fatalf("Search(%q):\n built  %v %v\n mapped %v %v", q, ha, ea, hb, eb)
		}
		da, ea := a.SearchDocs(q, 20)
		db, eb := b.SearchDocs(q, 20)
		if ea != eb || !reflect.DeepEqual(da, db) {
			t.Fatalf("SearchDocs(%q) differs", q)
		}
		for _, h := range ha {
			if !reflect.DeepEqual(a.Highlight(h.Item, q), b.Highlight(h.Item, q)) {
				t.Fatalf("Highlight(%d, %q) differs", h.Item, q)
			}
		}
		if !slices.Equal(a.Analyze(q), b.Analyze(q)) {
			t.Fatalf("Analyze(%q) differs", q)
		}
	}
}

func TestSnapshotPartsSameResults(t *testing.T) {
	items := embeddedItems(t)
	queries := []string{
		"Why was Alipay told to spin off its micro-loan business?",
		"Alibaba Tencent", "马云", "الصين", "Jack Ma", "le phénomène internet plus",
		"nothing-matches-this-word", "the of and",
	}
	for _, it := range items[:20] {
		queries = append(queries, it.Text[:min(len(it.Text), 80)])
	}
	built := mustNew(t, Config{}, items)
	parts, err := built.Parts()
	if err != nil {
		t.Fatal(err)
	}
	for _, shift := range []int{0, 1} {
		mapped, err := FromParts(reparts(parts, shift), items)
		if err != nil {
			t.Fatalf("shift %d: %v", shift, err)
		}
		if mapped.dict != nil || mapped.terms == nil {
			t.Fatal("the mapped index should use the sorted term table")
		}
		sameResults(t, built, mapped, queries)
		// A mapped index snapshots to the same parts.
		again, err := mapped.Parts()
		if err != nil {
			t.Fatal(err)
		}
		for i := range parts {
			if parts[i].Name != again[i].Name || !bytes.Equal(parts[i].Data, again[i].Data) {
				t.Fatalf("part %s differs on a second snapshot", parts[i].Name)
			}
		}
	}
}

func TestSnapshotPartsSciFact(t *testing.T) {
	if testing.Short() {
		t.Skip("SciFact round trip: -short")
	}
	s := loadSciFact(t)
	built := mustNew(t, Config{K1: 0.9, B: 0.4}, s.items)
	parts, err := built.Parts()
	if err != nil {
		t.Fatal(err)
	}
	mapped, err := FromParts(reparts(parts, 0), s.items)
	if err != nil {
		t.Fatal(err)
	}
	qs := make([]string, len(s.queries))
	for i, q := range s.queries {
		qs[i] = q[1]
	}
	sameResults(t, built, mapped, qs)
}

func TestSnapshotPartsEmptyIndex(t *testing.T) {
	built := mustNew(t, Config{}, nil)
	parts, err := built.Parts()
	if err != nil {
		t.Fatal(err)
	}
	mapped, err := FromParts(reparts(parts, 0), nil)
	if err != nil {
		t.Fatal(err)
	}
	if hits, err := mapped.Search("anything", 5); err != nil || len(hits) != 0 {
		t.Fatalf("Search on an empty mapped index = %v, %v", hits, err)
	}
}

// Each way a part can be wrong is an error naming it, never a panic.
func TestSnapshotPartsRejected(t *testing.T) {
	items := []Item{
		{Doc: "a", Text: "alpha beta gamma", Lang: "en"},
		{Doc: "a", Text: "beta delta", Lang: "en"},
		{Doc: "b", Text: "gamma epsilon alpha", Lang: "fr"},
	}
	built := mustNew(t, Config{}, items)
	good, err := built.Parts()
	if err != nil {
		t.Fatal(err)
	}
	edit := func(name string, f func([]byte) []byte) []Part {
		out := reparts(good, 0)
		for i := range out {
			if out[i].Name == name {
				out[i].Data = f(out[i].Data)
			}
		}
		return out
	}
	u32 := func(i int, v uint32) func([]byte) []byte {
		return func(b []byte) []byte { binary.LittleEndian.PutUint32(b[4*i:], v); return b }
	}
	for _, tc := range []struct {
		name  string
		parts []Part
		items []Item
		want  string
	}{
		{"missing part", good[1:], items, "missing"},
		{"fewer items", good, items[:2], "itemAn"},
		{"config size", edit(partConfig, func(b []byte) []byte { return b[:8] }), items, "config"},
		{"negative k1", edit(partConfig, func(b []byte) []byte { b[7] = 0xbf; return b }), items, "k1"},
		{"unknown analyser", edit(partAnalyzers, func([]byte) []byte { return []byte("en\nxx") }), items, "analysers"},
		{"unsorted analysers", edit(partAnalyzers, func([]byte) []byte { return []byte("fr\nen") }), items, "analysers"},
		{"analyser out of range", edit(partItemAn, func(b []byte) []byte { b[0] = 9; return b }), items, "itemAn"},
		{"document skipped", edit(partItemDoc, u32(0, 1)), items, "itemDoc"},
		{"document mismatch", edit(partItemDoc, u32(1, 1)), items, "itemDoc"},
		{"odd length", edit(partPostItem, func(b []byte) []byte { return b[:len(b)-1] }), items, "multiple of 4"},
		{"term offsets", edit(partTermOff, u32(1, 1000)), items, "term table"},
		{"terms out of order", edit(partTermBytes, func(b []byte) []byte { slices.Reverse(b); return b }), items, "out of order"},
		{"term id repeated", edit(partTermID, u32(1, 0)), items, "term id"},
		{"posting out of range", edit(partPostItem, u32(0, 99)), items, "postings"},
		{"postings unsorted", edit(partPostStart, u32(1, 0)), items, "postings"},
		{"weight NaN", edit(partPostW, u32(0, 0x7fc00000)), items, "weight"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := FromParts(tc.parts, tc.items)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("FromParts = %v, want an error containing %q", err, tc.want)
			}
		})
	}
}
