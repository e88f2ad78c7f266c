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

// A name is held by its kin in an English question ("Indian" by
// "India"), not by a word that only opens with it.
func TestNameKin(t *testing.T) {
	st := newPipeline(t, loadFS(t, fstest.MapFS{
		"boards.md": {Data: []byte("# Boards\n\nIn India, the CBSE examination board is present in many states.\n")},
		"ocean.md":  {Data: []byte("# Ocean\n\nThe Indian Ocean is warm.\n")},
	}), nil).state.Load()
	for _, tt := range []struct {
		question, sentence string
		want               bool
	}{
		{"Which examination board is present in many Indian states?", "In India, the CBSE examination board is present in many states.", true},
		{"Which examination board is present in many Indian states?", "The CBSE examination board is present in many states.", false},
	} {
		f := st.focusOf(st.withoutFraming(tt.question))
		terms := st.index.Analyze(tt.sentence)
		if got := f.covers(terms, around{text: tt.sentence}, DefaultFocusCoverage); got != tt.want {
			t.Errorf("%q by %q: covers %v, want %v (names %v)", tt.question, tt.sentence, got, tt.want, f.nameWords)
		}
	}
	if !nameKin("india", "indian") || !nameKin("germani", "german") || nameKin("inter", "international") || nameKin("ind", "india") {
		t.Error("nameKin: want india/indian and germani/german kin; inter/international and ind/india not")
	}
}
