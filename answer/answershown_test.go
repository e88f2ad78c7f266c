package answer

import (
	"strings"
	"testing"
)

// Every sentence that passes the focus rule may be shown, best first,
// each with its citation, within the answer's caps: the one that holds
// most of the question's words (its names, here) is not always the one
// that answers, and a sentence far below it still holds what is asked.
func TestAnswerShowsEverySentenceThatAnswers(t *testing.T) {
	page := "# Offices\n\n" +
		"Zorblat Quenvik Marduna opened an office downtown with a party for the Zorblat Quenvik Marduna staff.\n\n" +
		"The office hours are nine to five on weekdays.\n"
	res := askPage(t, page, "When is the office of Zorblat Quenvik Marduna open?")
	if res.Abstained {
		t.Fatalf("abstained: %q", res.Text)
	}
	lines := strings.Split(res.Text, "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "Zorblat") || !strings.HasPrefix(lines[1], "The office hours are nine to five") {
		t.Fatalf("answer %q, want the sentence naming the company first and the office hours after it", res.Text)
	}
	for _, l := range lines {
		if !strings.HasSuffix(l, "[1]") {
			t.Errorf("line %q: want its own citation", l)
		}
	}
	if len(res.Claims) != 2 {
		t.Errorf("claims %d, want one a sentence", len(res.Claims))
	}
}
