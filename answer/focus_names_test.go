package answer

import (
	"testing"
	"testing/fstest"
)

// A word the corpus capitalises only after another capitalised word
// ("Versioning" of "Semantic Versioning") is a name in that phrase, not
// written alone in lower case; a word it capitalises alone is a name
// however the question writes it.
func TestPhraseNames(t *testing.T) {
	st := newPipeline(t, loadFS(t, fstest.MapFS{"notes.md": {Data: []byte("# Notes\n\n" +
		"Every release follows Semantic Versioning rules. " +
		"The team at Acme writes the guide. " +
		"Reports say Jack Ma founded the shop. " +
		"Versions of the guide are kept by Acme.\n")}}), nil).state.Load()
	for _, tt := range []struct {
		question, word string
		name           bool
	}{
		{"What versioning scheme does Acme use?", "versioning", false},
		{"Does the guide follow semantic versioning?", "versioning", true}, // after "semantic", a name alone
		{"Does the guide follow Semantic Versioning?", "versioning", true},
		{"Who writes the guide at acme?", "acme", true},
		{"How old is jack ma?", "ma", true},
		{"How old is jack ma?", "jack", true},
	} {
		f := st.focusOf(st.withoutFraming(tt.question))
		name := false
		for _, term := range st.index.Analyze(tt.word) {
			name = name || f.names[term]
		}
		if name != tt.name {
			t.Errorf("%q: %q a name %v, want %v", tt.question, tt.word, name, tt.name)
		}
	}
}
