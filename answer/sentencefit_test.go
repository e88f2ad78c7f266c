package answer

import (
	"slices"
	"testing"
)

// A participle closing a hyphenated adjective ("cron-based") is not the
// question's verb ("based"), unless the question writes it hyphenated too.
func TestFreeTerms(t *testing.T) {
	st := toolCorpus(t).state.Load()
	tests := []struct {
		question, sentence, word string
		held                     bool
	}{
		{"Where is Acme based?", "The jobs were cron-based and ran nightly.", "based", false},
		{"Where is Acme based?", "Acme is based in Oslo.", "based", true},
		{"Where is Acme based?", "Acme is based in Oslo, its jobs cron-based.", "based", true},
		{"Who owns the registry?", "The registry is partly state-owned.", "owns", false},
		{"Is the registry pull-based?", "The registry is pull-based.", "based", true},
		{"How are archives built?", "Archives are built-in.", "built", true}, // "in" closes it, no participle
	}
	for _, tt := range tests {
		terms := st.freeTerms(tt.question, tt.sentence, st.index.Analyze(tt.sentence))
		w := st.index.Analyze(tt.word)
		if got := holdsWord(w, setOf(terms), terms); got != tt.held {
			t.Errorf("%q in %q (for %q): held %v, want %v (terms %v)", tt.word, tt.sentence, tt.question, got, tt.held, terms)
		}
	}
	if terms := st.index.Analyze("No hyphen here."); !slices.Equal(st.freeTerms("Where is it based?", "No hyphen here.", terms), terms) {
		t.Error("a sentence without hyphens lost terms")
	}
}
