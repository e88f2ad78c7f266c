package retrieval

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// copyParts copies every array, as a file read back would hold them.
func copyParts(p Parts) Parts {
	p.Analyzers = slices.Clone(p.Analyzers)
	p.ItemAn = slices.Clone(p.ItemAn)
	p.ItemDoc = slices.Clone(p.ItemDoc)
	p.TermBytes = strings.Clone(p.TermBytes)
	p.TermOff = slices.Clone(p.TermOff)
	p.TermID = slices.Clone(p.TermID)
	p.PostStart = slices.Clone(p.PostStart)
	p.PostItem = slices.Clone(p.PostItem)
	p.PostTF = slices.Clone(p.PostTF)
	p.BigTF = slices.Clone(p.BigTF)
	p.ItemLen = slices.Clone(p.ItemLen)
	return p
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
	// Term frequencies past what a posting's byte holds (255), in order.
	for _, n := range []int{254, 255, 256, 900} {
		items = append(items, Item{Doc: fmt.Sprint("repeat", n), Text: strings.Repeat("ledger entry ", n) + "Alipay", Lang: "en"})
	}
	// Chinese framing phrases (用来) count for scoring, not for Coverage.
	items = append(items, Item{Doc: "zh-pay", Text: "支付宝可以在商店付款，也能给朋友转账。", Lang: "zh"})
	queries := []string{
		"支付宝是用来做什么的？",
		"Why was Alipay told to spin off its micro-loan business?",
		"Alibaba Tencent", "马云", "الصين", "Jack Ma", "le phénomène internet plus",
		"nothing-matches-this-word", "the of and", "ledger entry", "Alipay ledger",
	}
	for _, it := range items[:20] {
		queries = append(queries, it.Text[:min(len(it.Text), 80)])
	}
	built := mustNew(t, Config{}, items)
	parts, err := built.Parts()
	if err != nil {
		t.Fatal(err)
	}
	mapped, err := FromParts(copyParts(parts), items)
	if err != nil {
		t.Fatal(err)
	}
	if mapped.dict != nil || mapped.terms == nil {
		t.Fatal("the mapped index should use the sorted term table")
	}
	sameResults(t, built, mapped, queries)
	// The same parts taken as the process's own build's.
	own, err := FromBuiltParts(copyParts(parts), items)
	if err != nil {
		t.Fatal(err)
	}
	sameResults(t, built, own, queries)
	// A mapped index gives back the same parts.
	again, err := mapped.Parts()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(parts, again) {
		t.Fatal("the parts of the mapped index differ")
	}
}

func TestSnapshotPartsSciFact(t *testing.T) {
	s := loadSciFact(t)
	built := mustNew(t, Config{K1: 0.9, B: 0.4}, s.items)
	parts, err := built.Parts()
	if err != nil {
		t.Fatal(err)
	}
	mapped, err := FromParts(copyParts(parts), s.items)
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
	mapped, err := FromParts(copyParts(parts), nil)
	if err != nil {
		t.Fatal(err)
	}
	if hits, err := mapped.Search("anything", 5); err != nil || len(hits) != 0 {
		t.Fatalf("Search on an empty mapped index = %v, %v", hits, err)
	}
}

// Each way parts can be wrong is an error naming it, never a panic.
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
	edit := func(f func(p *Parts)) Parts {
		p := copyParts(good)
		f(&p)
		return p
	}
	for _, tc := range []struct {
		name  string
		parts Parts
		items []Item
		want  string
	}{
		{"fewer items", good, items[:2], "itemAn"},
		{"zero config", edit(func(p *Parts) { p.Config.B = 0 }), items, "config"},
		{"negative k1", edit(func(p *Parts) { p.Config.K1 = -1 }), items, "k1"},
		{"unknown analyser", edit(func(p *Parts) { p.Analyzers = []string{"en", "xx"} }), items, "analysers"},
		{"unsorted analysers", edit(func(p *Parts) { p.Analyzers = []string{"fr", "en"} }), items, "analysers"},
		{"no analysers", edit(func(p *Parts) { p.Analyzers = nil }), items, "analysers"},
		{"analyser out of range", edit(func(p *Parts) { p.ItemAn[0] = 9 }), items, "itemAn"},
		{"document skipped", edit(func(p *Parts) { p.ItemDoc[0] = 1 }), items, "itemDoc"},
		{"document mismatch", edit(func(p *Parts) { p.ItemDoc[1] = 1 }), items, "itemDoc"},
		{"term offsets", edit(func(p *Parts) { p.TermOff[1] = 1000 }), items, "term table"},
		{"no term offsets", edit(func(p *Parts) { p.TermOff = nil }), items, "term table"},
		{"terms out of order", edit(func(p *Parts) {
			b := []byte(p.TermBytes)
			slices.Reverse(b)
			p.TermBytes = string(b)
		}), items, "out of order"},
		{"term id repeated", edit(func(p *Parts) { p.TermID[1] = p.TermID[0] }), items, "term id"},
		{"posting out of range", edit(func(p *Parts) { p.PostItem[0] = 99 }), items, "postings"},
		{"postings start", edit(func(p *Parts) { p.PostStart[1] = 0 }), items, "postings"},
		{"frequencies missing", edit(func(p *Parts) { p.PostTF = p.PostTF[1:] }), items, "postings"},
		{"frequency 0", edit(func(p *Parts) { p.PostTF[0] = 0 }), items, "frequency 0"},
		{"large frequency missing", edit(func(p *Parts) { p.PostTF[0] = maxTF }), items, "large"},
		{"large frequency unused", edit(func(p *Parts) { p.BigTF = []uint32{0, 300} }), items, "large"},
		{"large frequency too small", edit(func(p *Parts) { p.PostTF[0], p.BigTF = maxTF, []uint32{0, 3} }), items, "large"},
		{"item lengths missing", edit(func(p *Parts) { p.ItemLen = p.ItemLen[1:] }), items, "item lengths"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := FromParts(tc.parts, tc.items)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("FromParts = %v, want an error containing %q", err, tc.want)
			}
			// FromBuiltParts finds all but what reading every posting finds.
			each := strings.Contains(tc.name, "posting out of") || strings.Contains(tc.name, "frequency")
			if _, err := FromBuiltParts(tc.parts, tc.items); !each && (err == nil || !strings.Contains(err.Error(), tc.want)) {
				t.Fatalf("FromBuiltParts = %v, want an error containing %q", err, tc.want)
			}
		})
	}
}
