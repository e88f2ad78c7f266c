package answer

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

// An English question is not answered by a sentence that writes the
// antonym of one of its words instead of the word. Made-up sentences.
func TestOppositesKeeps(t *testing.T) {
	tests := []struct {
		name, question, sentence string
		near                     string
		want                     bool
	}{
		{"no antonym", "What triggers the response?", "The alarm triggers the response.", "", true},
		{"slow for fast", "What triggers a slow response?", "The alarm triggers a fast response.", "", false},
		{"word kept", "What triggers a slow response?", "The alarm triggers a slow response.", "", true},
		{"both written", "What triggers a slow response?", "The alarm triggers a fast response, then a slow one.", "", true},
		{"superlative", "What is the largest city?", "The smallest city is Elm.", "", false},
		{"superlative kept by its lemma", "What is the weakest force?", "The strong and weak forces act at short range.", "", true},
		{"inflected verb", "What increased the price?", "The embargo decreased the price.", "", false},
		{"the question asks both", "Which city went from small to large?", "The small city grew.", "", true},
		{"negated question is left to keepsNegation", "Who was not able to attend?", "The mayor was unable to attend.", "", true},
		{"a yes-no question may be answered by the antonym", "Is it clear what regulators want?", "It is unclear what regulators want.", "", true},
		{"a negated antonym", "How do I disable the admin user?", "Set admin.enable: false to turn it off.", "", true},
		{"the word in a neighbour", "Which test checks large numbers?", "One test has a small error.", "Tests check large numbers.", true},
		{"leader is not followed", "When did this leader publish the Bible?", "He published the Bible, followed by a hymnal.", "", true},
		{"a part of a hyphenated word", "What could the digital service carry?", "Unlike the analogue one, the all-digital service could carry films.", "", true},
		{"names have no antonyms", "When did Ribault settle in South Carolina?", "Ribault sailed from North America.", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := oppositesOf(tt.question).keeps(tt.sentence, tt.near); got != tt.want {
				t.Errorf("oppositesOf(%q).keeps(%q, %q) = %v, want %v", tt.question, tt.sentence, tt.near, got, tt.want)
			}
		})
	}
}

// The embedded table holds WordNet's common pairs, both ways.
func TestAntonymsOf(t *testing.T) {
	tests := []struct{ word, want string }{
		{"large", "small"}, {"small", "large"}, {"largest", "small"}, {"bigger", "small"},
		{"increased", "decrease"}, {"open", "closed"}, {"solved", "unsolved"}, {"weaken", "strengthen"},
		{"rapid", "slow"}, {"slow", "rapid"}, // indirect: rapid is similar to fast
	}
	for _, tt := range tests {
		got := antonymsOf(tt.word)
		if !strings.Contains(" "+strings.Join(got, " ")+" ", " "+tt.want+" ") {
			t.Errorf("antonymsOf(%q) = %v, want %q among them", tt.word, got, tt.want)
		}
	}
}

// Through extractive ask: a question that asks the antonym of what the
// text says is abstained on, the same question in the text's word
// answered. Made-up documents.
func TestAskKeepsSense(t *testing.T) {
	c := loadFS(t, fstest.MapFS{
		"cells.txt": {Data: []byte("Contact with the antigen triggers a fast killing response in killer cells. Doctors first described it in 1968.")},
		"blood.txt": {Data: []byte("Blood carries oxygen. A slow leak of plasma follows a deep cut.")},
	})
	p := newPipeline(t, c, nil)
	tests := []struct {
		question string
		answered bool
	}{
		{"What triggers a fast killing response in killer cells?", true},
		{"What triggers a slow killing response in killer cells?", false},
	}
	for _, tt := range tests {
		res, err := p.Ask(context.Background(), Question{Text: tt.question})
		if err != nil {
			t.Fatalf("Ask(%q): %v", tt.question, err)
		}
		if got := !res.Abstained && strings.Contains(res.Text, "antigen"); got != tt.answered || res.Abstained == tt.answered {
			t.Errorf("Ask(%q) = abstained %v, %q; want answered %v", tt.question, res.Abstained, res.Text, tt.answered)
		}
	}
}
