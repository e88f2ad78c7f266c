package admin

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"corpusbot/store"
)

func TestTopicsGroupSharedTerms(t *testing.T) {
	tm, err := NewTermer()
	if err != nil {
		t.Fatal(err)
	}
	day := func(d int) time.Time { return time.Date(2025, 3, d, 9, 0, 0, 0, time.UTC) }
	gaps := []store.GapQuestion{
		{Question: "What is the best sourdough recipe?", Asked: 2, Abstained: 2, First: day(1), Last: day(3), Nearest: []string{"a", "b"}},
		{Question: "Sourdough recipes for beginners", Asked: 1, Abstained: 1, First: day(2), Last: day(2), Nearest: []string{"b"}},
		{Question: "Who founded Ant Group?", Asked: 1, Marked: 1, First: day(4), Last: day(4), Nearest: []string{"c"}},
		{Question: "Quelle est la recette du levain ?", Asked: 1, VotedDown: 1, First: day(5), Last: day(5)},
		{Question: "When did Ant Group list its shares?", Asked: 1, Abstained: 1, First: day(6), Last: day(6)},
	}
	got := tm.Topics(gaps)
	type short struct {
		Label     []string
		Questions int
		Asked     int
		Nearest   []string
	}
	var gotShort []short
	for _, tp := range got {
		gotShort = append(gotShort, short{tp.Label, len(tp.Questions), tp.Asked, tp.Nearest})
	}
	want := []short{
		{[]string{"sourdough", "recipe"}, 2, 3, []string{"b", "a"}},
		{[]string{"group", "ant"}, 2, 2, []string{"c"}},
		{[]string{"recette", "levain"}, 1, 1, []string{}}, // "quelle" is a stopword
	}
	if !reflect.DeepEqual(gotShort, want) {
		t.Errorf("topics\n got %+v\nwant %+v", gotShort, want)
	}
	if first := got[0]; !first.First.Equal(day(1)) || !first.Last.Equal(day(3)) || first.Abstained != 3 {
		t.Errorf("first topic %+v: want first asked on day 1, last on day 3, 3 abstentions", first)
	}
	if got[0].Questions[0].Question != gaps[0].Question {
		t.Errorf("questions of a topic: most asked first, got %q", got[0].Questions[0].Question)
	}
}

func TestTopicsEmpty(t *testing.T) {
	tm, err := NewTermer()
	if err != nil {
		t.Fatal(err)
	}
	if got := tm.Topics(nil); len(got) != 0 {
		t.Errorf("Topics(nil) = %+v", got)
	}
}

func TestWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"what's the rate?", []string{"what's", "the", "rate"}},
		{"a 12.8% rate, 5,600 users", []string{"a", "12.8", "rate", "5,600", "users"}},
		// Combining marks stay in their word (a split at them made "ह", "न", …).
		{"हिन्दी भाषा", []string{"हिन्दी", "भाषा"}},
		{"ภาษาไทย ดี", []string{"ภาษาไทย", "ดี"}},
		// A run of Chinese characters is one word for the analyser to cut.
		{"支付宝的用户 多吗", []string{"支付宝的用户", "多吗"}},
		{"php로 하는", []string{"php로", "하는"}},
		{"'quoted' -- ", []string{"quoted"}},
		{"", nil},
	} {
		if got := words(c.in); !slices.Equal(got, c.want) {
			t.Errorf("words(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
