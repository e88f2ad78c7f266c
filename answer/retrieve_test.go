package answer

import (
	"testing"
	"testing/fstest"
)

// The document floor admits a passage a little under the relevance floor
// when its document already has one above it, and nothing else: no other
// document, nothing further under, and nothing at all when no passage
// clears the floor (the question abstains as before).
func TestRelevantOnlyDocFloor(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md": {Data: []byte("# A\n\nFirst section of a.\n\n## Two\n\nSecond section of a.\n\n## Three\n\nThird section of a.\n")},
		"b.md": {Data: []byte("# B\n\nFirst section of b.\n\n## Two\n\nSecond section of b.\n")},
	}
	st := newPipeline(t, loadFS(t, fsys), nil).state.Load()
	item := func(doc string, passage int) int {
		d, ok := st.docs[doc]
		if !ok || passage >= len(st.corpus.Docs[d].Passages) {
			t.Fatalf("no passage %d in %s", passage, doc)
		}
		return st.first[d] + passage
	}
	floor := st.index.Config().Floor
	cand := func(doc string, passage int, share float64) candidate {
		return candidate{item: item(doc, passage), coverage: share * floor, relevant: share >= 1}
	}
	tests := []struct {
		name     string
		docShare float64
		cands    []candidate
		want     []candidate
	}{
		{"a passage of the same document at the share joins, after the others",
			0.8, []candidate{cand("a", 0, 1.2), cand("b", 0, 1), cand("a", 1, 0.85)},
			[]candidate{cand("a", 0, 1.2), cand("b", 0, 1), cand("a", 1, 0.85)}},
		{"under the share it does not",
			0.8, []candidate{cand("a", 0, 1.2), cand("a", 1, 0.75)},
			[]candidate{cand("a", 0, 1.2)}},
		{"nor a passage of a document with nothing above the floor",
			0.8, []candidate{cand("a", 0, 1.2), cand("b", 1, 0.95)},
			[]candidate{cand("a", 0, 1.2)}},
		{"nothing above the floor: nothing",
			0.8, []candidate{cand("a", 0, 0.95), cand("a", 1, 0.9)},
			nil},
		{"turned off",
			-1, []candidate{cand("a", 0, 1.2), cand("a", 1, 0.95)},
			[]candidate{cand("a", 0, 1.2)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st.docShare = tt.docShare
			got := st.relevantOnly(tt.cands)
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("%d: got %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}
