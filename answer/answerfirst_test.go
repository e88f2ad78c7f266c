package answer

import (
	"slices"
	"testing"
)

func TestWhatIsSubject(t *testing.T) {
	tests := []struct{ q, want string }{
		{"What is BootStack?", "bootstack"},
		{"Who is Laurent Commarieu?", "laurent commarieu"},
		{"What are the microgold packets?", "microgold packets"},
		{"What's Ambassador", "ambassador"},
		{"Qu'est-ce que la Pushgateway ?", "pushgateway"},
		{"Qui est Lu Zhenwang ?", "lu zhenwang"},
		{"What query language does Prometheus use?", ""},
		{"Why is Chart.yaml capitalized?", ""},
	}
	for _, tt := range tests {
		if got := whatIsSubject(tt.q); got != tt.want {
			t.Errorf("whatIsSubject(%q) = %q; want %q", tt.q, got, tt.want)
		}
	}
}

func TestSaysWhat(t *testing.T) {
	tests := []struct {
		sentence, subject string
		want              bool
	}{
		{"My group, BootStack, is our fully managed private cloud service.", "bootstack", true},
		{"Our projects include Telepresence; Ambassador, a Kubernetes-native API Gateway.", "ambassador", true},
		{"I am Laurent COMMARIEU, a system engineer at iAdvize.", "laurent commarieu", true},
		{"La Pushgateway est un service intermédiaire.", "pushgateway", true},
		// Named, but not said what it is.
		{"We set up a dashboard from another Ambassador contributor.", "ambassador", false},
		{"Laurent Commarieu talks about monitoring.", "laurent commarieu", false},
		// The second mention says it.
		{"Before BootStack we had nothing; BootStack is a service.", "bootstack", true},
		// An apposition after a comma, a glossary's entry opening the
		// sentence; not a determiner after a mention mid-sentence.
		{"Monitoring with Weave Cortex, our open source, distributed service.", "weave cortex", true},
		{"Target state The desired state of an application, as Git holds it.", "target state", true},
		{"**Target state** The desired state of an application.", "target state", true},
		{"La Pushgateway, notre passerelle pour les tâches courtes.", "pushgateway", true},
		{"We compare the target state the controller computes with the live one.", "target state", false},
		{"And that's how Weave Cortex the project was born.", "weave cortex", false},
	}
	for _, tt := range tests {
		if got := saysWhat(tt.sentence, tt.subject); got != tt.want {
			t.Errorf("saysWhat(%q, %q) = %v; want %v", tt.sentence, tt.subject, got, tt.want)
		}
	}
}

func TestHoldsReason(t *testing.T) {
	tests := []struct {
		sentence, lang string
		want           bool
	}{
		{"Chart.yaml does need to be capitalized because the file name is case sensitive", "en", true},
		{"The term chart does not need to be capitalized", "en", false},
		{"He parked the car outside.", "en", false}, // English "car" is no reason
		{"Il faut une majuscule, car le nom est sensible à la casse.", "fr", true},
		{"但 Chart.yaml 需要首字母大写，因为文件名区分大小写", "zh", true},
		{"chart 不是专有名词，不需要首字母大写", "zh", false},
	}
	for _, tt := range tests {
		if got := holdsReason(tt.sentence, tt.lang); got != tt.want {
			t.Errorf("holdsReason(%q, %q) = %v; want %v", tt.sentence, tt.lang, got, tt.want)
		}
	}
}

// Among sentences of equal score, the one that answers comes first: it
// says what the subject is, gives the reason asked for, or holds the
// question's heaviest word; a higher score still comes first.
func TestByRankAnswerFirst(t *testing.T) {
	tests := []struct {
		name  string
		picks []pick // in the order found
		want  []string
	}{
		{"says what it is", []pick{{text: "named", score: 5, near: 1}, {text: "says", score: 5, says: true}}, []string{"says", "named"}},
		{"gives the reason", []pick{{text: "other", score: 5, near: 1}, {text: "because", score: 5, cause: true}}, []string{"because", "other"}},
		{"the heaviest word", []pick{{text: "light", score: 5, near: 1}, {text: "heavy", score: 5, heavy: true}}, []string{"heavy", "light"}},
		{"score first", []pick{{text: "says", score: 4, says: true, cause: true, heavy: true}, {text: "more", score: 5}}, []string{"more", "says"}},
		{"the title's definition first", []pick{{text: "says", score: 5, says: true}, {text: "def", score: 5, def: true}}, []string{"def", "says"}},
	}
	for _, tt := range tests {
		ps := slices.Clone(tt.picks)
		slices.SortStableFunc(ps, byRank)
		var got []string
		for _, p := range ps {
			got = append(got, p.text)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: ranked %v; want %v", tt.name, got, tt.want)
		}
	}
}

func TestWholeFirst(t *testing.T) {
	tests := []struct {
		name  string
		picks []pick
		want  []string
	}{
		{"whole before part", []pick{{text: "part", share: 0.6}, {text: "whole", share: 1}}, []string{"whole", "part"}},
		{"each group keeps its order", []pick{{text: "p1", share: 0.5}, {text: "w1", share: 1}, {text: "p2", share: 0.9}, {text: "w2", share: 1}}, []string{"w1", "w2", "p1", "p2"}},
		{"all whole: unchanged", []pick{{text: "a", share: 1}, {text: "b", share: 1}}, []string{"a", "b"}},
		{"none whole: unchanged, not by share", []pick{{text: "a", share: 0.5}, {text: "b", share: 0.9}}, []string{"a", "b"}},
	}
	for _, tt := range tests {
		ps := slices.Clone(tt.picks)
		wholeFirst(ps)
		var got []string
		for _, p := range ps {
			got = append(got, p.text)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v; want %v", tt.name, got, tt.want)
		}
	}
}
