package answer

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

// An English question's numbers stand in the sentence that answers it or
// the sentences either side, written as digits or, when small, as a word
// or a roman numeral. Made-up sentences.
func TestKeepsNumbers(t *testing.T) {
	tests := []struct {
		name, question, sentence, near string
		want                           bool
	}{
		{"no number", "Who built the mill?", "Jones built the mill in 1902.", "", true},
		{"year kept", "Who built the mill in 1902?", "Jones built the mill in 1902.", "", true},
		{"year changed", "Who built the mill in 1920?", "Jones built the mill in 1902.", "", false},
		{"year in a neighbour", "Who built the mill in 1902?", "Jones built the mill.", "It was 1902.", true},
		{"thousands", "Which town has 12,000 people?", "Elm has 12000 people.", "", true},
		{"count changed", "What debate lasts 55 minutes?", "The members' debate lasts 45 minutes.", "", false},
		{"small number in words", "Which 3 layers did it have?", "It had three layers.", "", true},
		{"roman numeral", "What happened after World War 2?", "After World War II the mill closed.", "", true},
		{"small number missing", "What are the 3 sources of law?", "The sources of law are two.", "", false},
		{"version inside a word", "Where is the password stored in Argo CD 1.9?", "For Argo CD v1.9 and later, it is in a secret.", "", true},
		{"version of a release", "What changed in 2.4?", "Release 2.4.1 changed the flags.", "", true},
		{"decimal", "What costs 2.5 dollars?", "Bread costs 2.5 dollars.", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := keepsNumbers(numbersOf(tt.question), tt.sentence, tt.near); got != tt.want {
				t.Errorf("keepsNumbers(%q, %q, %q) = %v, want %v", tt.question, tt.sentence, tt.near, got, tt.want)
			}
		})
	}
}

// Only numbers written alone count: a name's digits are the name's.
func TestNumbersOf(t *testing.T) {
	got := strings.Join(numbersOf("In 1800, 1,000 of Life360's k3s and X.25 users saw 2.5% in the 1990s and the 10th."), " ")
	if want := "1800 1000 2.5 1990 10"; got != want {
		t.Errorf("numbersOf = %q, want %q", got, want)
	}
}

// Through extractive ask: a question that changes the text's year is
// abstained on, the same question with the text's year answered.
// Made-up documents.
func TestAskKeepsNumbers(t *testing.T) {
	c := loadFS(t, fstest.MapFS{
		"mill.txt": {Data: []byte("The Elm mill stands by the river. The Elm mill was built by Tobias Jones in 1902 to grind wheat. It closed in 1968 after a flood.")},
		"farm.txt": {Data: []byte("The farm grows wheat and barley. Its barns were rebuilt after the storm of 1920, and again in 1931, 1944 and 1950.")},
	})
	p := newPipeline(t, c, nil)
	tests := []struct {
		question string
		answered bool
	}{
		{"Who built the Elm mill in 1902?", true},
		{"Who built the Elm mill in 1920?", false},
	}
	for _, tt := range tests {
		res, err := p.Ask(context.Background(), Question{Text: tt.question})
		if err != nil {
			t.Fatalf("Ask(%q): %v", tt.question, err)
		}
		if got := !res.Abstained && strings.Contains(res.Text, "Jones"); got != tt.answered || res.Abstained == tt.answered {
			t.Errorf("Ask(%q) = abstained %v, %q; want answered %v", tt.question, res.Abstained, res.Text, tt.answered)
		}
	}
}
