package answer

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// budgetCorpus has one document of four body paragraphs long enough to be
// passages of their own, and a copy of its second paragraph elsewhere.
func budgetCorpus(t *testing.T) *state {
	t.Helper()
	para := func(topic string) string {
		return strings.Repeat(fmt.Sprintf("The %s report describes the %s figures for the year in some detail. ", topic, topic), 8)
	}
	fsys := fstest.MapFS{
		"a.txt": {Data: []byte("Annual report\n\n" + para("alpha") + "\n\n" + para("bravo") + "\n\n" + para("charlie") + "\n\n" + para("delta") + "\n")},
		"b.txt": {Data: []byte("Syndicated copy\n\n" + para("bravo") + "\n")},
	}
	p := newPipeline(t, loadFS(t, fsys), nil)
	return p.state.Load()
}

func itemOf(t *testing.T, st *state, doc string, passage int) int {
	t.Helper()
	for i, r := range st.items {
		if st.corpus.Docs[r.doc].ID == doc && r.passage == passage {
			return i
		}
	}
	t.Fatalf("no passage %s#%d; the corpus has %d items", doc, passage, len(st.items))
	return -1
}

func TestPacker(t *testing.T) {
	st := budgetCorpus(t)
	if n := len(st.corpus.Docs[0].Passages); n < 4 {
		t.Fatalf("document a has %d passages, want 4 for this test", n)
	}
	a := func(i int) int { return itemOf(t, st, "a", i) }
	copyOfB := itemOf(t, st, "b", len(st.corpus.Docs[1].Passages)-1)

	t.Run("adjacent passages merge, in document order", func(t *testing.T) {
		pk := newPacker(st, 10000, 0, true)
		for _, it := range []int{a(2), a(0), a(1)} {
			if !pk.add(it) {
				t.Fatalf("add %d: refused", it)
			}
		}
		if len(pk.blocks) != 1 {
			t.Fatalf("got %d blocks, want 1", len(pk.blocks))
		}
		b := pk.blocks[0]
		d := st.corpus.Docs[0]
		if b.first != 0 || b.last != 2 || b.text != d.Text[d.Passages[0].Start:d.Passages[2].End] {
			t.Errorf("got block %d..%d, want 0..2 spanning the document's text", b.first, b.last)
		}
		if refs := st.refs(b); strings.Join(refs, ",") != "a#0,a#1,a#2" {
			t.Errorf("refs: got %v", refs)
		}
	})
	t.Run("no merging for summaries", func(t *testing.T) {
		pk := newPacker(st, 10000, 0, false)
		pk.add(a(0))
		pk.add(a(1))
		if len(pk.blocks) != 2 {
			t.Errorf("got %d blocks, want 2", len(pk.blocks))
		}
	})
	t.Run("near-duplicate dropped", func(t *testing.T) {
		pk := newPacker(st, 10000, 0, true)
		pk.add(a(1))
		if pk.add(copyOfB) {
			t.Errorf("the syndicated copy was added, want it dropped as a near-duplicate")
		}
	})
	t.Run("budget respected", func(t *testing.T) {
		one := estimateTokens(st.corpus.Docs[0].Passages[0].Text) + headerTokens + estimateTokens("Annual report")
		pk := newPacker(st, one*2, 0, true)
		for _, it := range []int{a(0), a(2), a(3)} {
			pk.add(it)
		}
		total := 0
		for _, b := range pk.blocks {
			total += estimateTokens(b.text) + headerTokens
		}
		if len(pk.blocks) != 2 || total > one*2+headerTokens {
			t.Errorf("got %d blocks of %d tokens, want 2 within %d", len(pk.blocks), total, one*2)
		}
	})
	t.Run("over-budget best passage is cut, not lost", func(t *testing.T) {
		pk := newPacker(st, 60, 0, true)
		if !pk.add(a(0)) || len(pk.blocks) != 1 {
			t.Fatalf("got %d blocks, want the passage, cut", len(pk.blocks))
		}
		if got := estimateTokens(pk.blocks[0].text); got > 60 || got == 0 {
			t.Errorf("got %d tokens, want 1..60", got)
		}
		if pk.add(a(2)) {
			t.Errorf("a second passage was added to a full budget")
		}
	})
	t.Run("passage limit", func(t *testing.T) {
		pk := newPacker(st, 10000, 2, true)
		for _, it := range []int{a(0), a(2), a(3)} {
			pk.add(it)
		}
		if pk.passages != 2 {
			t.Errorf("got %d passages, want 2", pk.passages)
		}
	})
}
