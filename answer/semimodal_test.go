package answer

import (
	"slices"
	"testing"
	"testing/fstest"
)

// "need to" before a verb is a modal: a page says "must share", so "need"
// is no focus word of "What do clusters need to share?", as "must" would
// be none. "need" as a noun or before a noun stays one.
func TestNeedToIsAModal(t *testing.T) {
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"trust.md": {Data: []byte("# Trust\n\nClusters that talk to each other must share a trust anchor.\n\nThe need for a shared anchor comes from mutual TLS.\n")},
	}), nil)
	st := p.state.Load()
	for _, tt := range []struct {
		q    string
		need bool
	}{
		{"What do clusters need to share?", false},
		{"What does a cluster need to share with another?", false},
		{"What does a cluster need?", true},
		{"Where does the need for a shared anchor come from?", true},
		{"Do clusters need TLS?", true},
	} {
		f := st.focusOf(tt.q)
		got := slices.ContainsFunc(f.everyWord, func(w string) bool { return w == "need" || w == "needs" })
		if got != tt.need {
			t.Errorf("%q: focus words %q, want need among them %v", tt.q, f.everyWord, tt.need)
		}
	}
}

// "must" before a verb is a modal too: "What must be chosen before …?" is
// answered by "A single graph requires a focal service", which holds no
// "must". "must" at the end of a question stays a word.
func TestMustIsAModal(t *testing.T) {
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"graph.md": {Data: []byte("# Graphs\n\nA single graph requires a focal service. You must pick it first.\n\nA must-have is a thing one must have.\n")},
	}), nil)
	st := p.state.Load()
	for _, tt := range []struct {
		q    string
		must bool
	}{
		{"What must be chosen before a graph is drawn?", false},
		{"What must I pick first?", false},
		{"Which service must?", true},
	} {
		f := st.focusOf(tt.q)
		got := slices.Contains(f.everyWord, "must")
		if got != tt.must {
			t.Errorf("%q: focus words %q, want must among them %v", tt.q, f.everyWord, tt.must)
		}
	}
}
