package answer

import (
	"strings"
	"testing"
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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := keepsNegation(tt.question, tt.sentence, stem); got != tt.want {
				t.Errorf("keepsNegation(%q, %q) = %v, want %v", tt.question, tt.sentence, got, tt.want)
			}
		})
	}
}
