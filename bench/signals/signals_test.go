package signals

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"corpusbot/answer"
)

func TestOf(t *testing.T) {
	holds := func(s string) bool { return strings.Contains(s, "ten minutes") }
	w := answer.Weighing{Rule: "", Loose: "It runs every ten minutes. [1]", Signals: []float64{0, 0.3}}
	tests := []struct {
		name string
		in   bool
		want Row
	}{
		{"in-corpus: the loose answer holds it", true, Row{Set: "s", ID: "q", In: true, Loose: true, LooseOK: true, Signals: w.Signals}},
		{"out-of-corpus: never ok", false, Row{Set: "s", ID: "q", Loose: true, Signals: w.Signals}},
	}
	for _, tt := range tests {
		if got := Of("s", "q", "", tt.in, w, holds); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	rows := []Row{
		{Set: "a", ID: "1", Lang: "en", In: true, Rule: true, RuleOK: true, Loose: true, LooseOK: true, Signals: []float64{1, 0.5, 1e-7}},
		{Set: "a", ID: "2", Lang: "fr"},
	}
	var b bytes.Buffer
	if err := Write(&b, rows); err != nil {
		t.Fatal(err)
	}
	got, err := Read(&b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, rows) {
		t.Errorf("read back %+v, want %+v", got, rows)
	}
	if _, err := Read(strings.NewReader("{\"set\": 1}\n")); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("a bad line: error %v, want one naming line 1", err)
	}
}

func TestCountsAdd(t *testing.T) {
	var c Counts
	for _, r := range []Row{
		{In: true, Rule: true, RuleOK: true}, // answered right
		{In: true, Rule: true},               // answered with the wrong sentence
		{In: true},                           // abstained
		{Rule: true},                         // out of corpus, answered
		{},                                   // out of corpus, abstained
	} {
		c.Add(r)
	}
	if want := (Counts{In: 3, InAnswered: 1, Out: 2, OutAbstained: 1}); c != want {
		t.Errorf("counts %+v, want %+v", c, want)
	}
}
