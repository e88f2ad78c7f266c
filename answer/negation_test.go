package answer

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A negated English question is answered only by a sentence that keeps
// its negation, in a word or in a negated form of one of its words.
// Made-up sentences; a toy stemmer stands in for the index's.
func TestKeepsNegation(t *testing.T) {
	stem := func(w string) []string {
		for _, s := range []string{"ions", "ion", "ful", "ed", "s"} {
			if r, ok := strings.CutSuffix(w, s); ok && len(r) >= 3 {
				return []string{r}
			}
		}
		return []string{w}
	}
	tests := []struct {
		name, question, sentence string
		want                     bool
	}{
		{"no negation asked", "What does the rule forbid?", "The rule forbids parking.", true},
		{"negation dropped", "What does the rule not forbid?", "The rule forbids parking on the lawn.", false},
		{"negation kept", "What does the rule not forbid?", "The rule does not forbid cycling.", true},
		{"n't dropped", "Why didn't the mill close?", "The mill closed in 1902.", false},
		{"n't answered by never", "Why didn't the mill close?", "The mill never closed, because orders kept coming.", true},
		{"curly apostrophe", "Why didn’t the mill close?", "The mill closed in 1902.", false},
		{"without dropped", "What can run without a license?", "A licensed driver can run the truck.", false},
		{"not able → unable", "Who was not able to attend?", "The mayor was unable to attend.", true},
		{"non interruptions → uninterrupted", "What gave the reign non interruptions?", "The reign was uninterrupted for a decade.", true},
		{"non-violent → nonviolent", "Which protests were non-violent?", "The march was nonviolent throughout.", true},
		{"not careful → careless", "Who was not careful with the keys?", "The porter was careless with the keys.", true},
		{"not honest → dishonest", "Which clerk was not honest?", "One clerk was dishonest.", true},
		{"un-form of another word", "Who was not able to attend?", "The mayor was unhappy about the date.", false},
		{"none kept", "Which towns had none of the votes?", "No town had a majority.", true},
		{"not match → mismatch", "What happens when the copies do not match?", "An alarm is raised on a mismatch.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := keepsNegation(tt.question, tt.sentence, stem); got != tt.want {
				t.Errorf("keepsNegation(%q, %q) = %v, want %v", tt.question, tt.sentence, got, tt.want)
			}
		})
	}
}

// A negated question's word is held by its negated form in the sentence:
// "does not match" by "mismatch", "not supported" by "unsupported".
func TestFocusHeldByNegatedForm(t *testing.T) {
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"ops.md": {Data: []byte("# Operations\n\n" +
			"The leader compares its stored state with the other members and raises an alarm if there is a mismatch. " +
			"Unsupported platforms print a warning at start.\n\n" +
			"The members match their logs every minute. Supported platforms run the tests nightly.\n\n" +
			"A mismatch raises an alarm on the leader. Copies reach the members within a second.\n")},
		"other.md": {Data: []byte("# Logging\n\nThe server writes its log to the journal.\n")},
	}), nil)
	st := p.state.Load()
	for _, tt := range []struct {
		question, sentence string
		want               bool
	}{
		{"What happens when the leader finds the stored state does not match?", "The leader compares its stored state with the other members and raises an alarm if there is a mismatch.", true},
		{"What do platforms that are not supported print?", "Unsupported platforms print a warning at start.", true},
		// Not negated: the negated form holds nothing.
		{"What do supported platforms print at start?", "Unsupported platforms print a warning at start.", false},
		// A negated form of another word than the negated one holds nothing.
		{"Which copies do not reach the leader when they match?", "A mismatch raises an alarm on the leader.", false},
	} {
		ok, _ := st.answers(tt.question, tt.question, DefaultFocusCoverage)(tt.sentence, st.index.Analyze(tt.sentence), around{text: tt.sentence})
		if ok != tt.want {
			t.Errorf("%q by %q: %v, want %v", tt.question, tt.sentence, ok, tt.want)
		}
	}
}

func TestNegatedWords(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want []string
	}{
		{"What happens when the copies do not match?", []string{"match"}},
		{"Which platforms are not yet supported?", []string{"supported"}},
		// Inverted: the word after "n't" is the subject's; nothing is
		// held by a negated form of it.
		{"Why didn't the mill close?", []string{"the"}},
		{"The team's competence does not compare against what?", []string{"compare"}},
		{"What does the rule forbid?", nil},
	} {
		if got := negatedWords(tt.q); strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("negatedWords(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}
