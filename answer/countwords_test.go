package answer

import "testing"

// "How many times" is answered by "twice" and "once" as by "three times";
// "twice" answers no other count, and no other question's figure.
func TestCountedTimesWords(t *testing.T) {
	st := newPipeline(t, embeddedCorpus(t), nil).state.Load()
	for _, tt := range []struct {
		question, sentence string
		refused            string
	}{
		{"How many times has WeChat won the award?", "WeChat has won the award twice.", ""},
		{"How many times has WeChat won the award?", "WeChat won the award once, in 1952.", ""},
		{"How many times has WeChat won the award?", "WeChat has won the award three times.", ""},
		{"How many times has WeChat won the award?", "WeChat has won the award before.", "kind"},
		{"How many awards has WeChat won?", "WeChat has won the award twice.", "kind"},
		{"How many awards has WeChat won?", "WeChat won 3 matches in May and then won the award twice.", "counted"},
	} {
		q := st.withoutFraming(tt.question)
		_, check := st.fitCheck(q, q)
		if _, refused := check(tt.sentence, st.index.Analyze(tt.sentence), around{}); refused != tt.refused && (tt.refused != "" || refused == "kind" || refused == "counted") {
			t.Errorf("%q answered by %q: refused by %q, want %q", tt.question, tt.sentence, refused, tt.refused)
		}
	}
}

// Chinese "第几" asks which in order: "第二", "第3" answer it, a figure
// does not.
func TestChineseOrdinal(t *testing.T) {
	for _, tt := range []struct {
		question, sentence string
		want               bool
	}{
		{"他是第几个登上月球的人？", "他是第二个登上月球的人。", true},
		{"这是第幾版？", "这是第3版。", true},
		{"他是第几个登上月球的人？", "共有十二个人登上月球。", false},
		{"他是第几个登上月球的人？", "他登上了月球。", false},
	} {
		if got := kindOf(tt.question).fits(tt.sentence); got != tt.want {
			t.Errorf("%q answered by %q: fits %v, want %v", tt.question, tt.sentence, got, tt.want)
		}
	}
}

// A question opening with a "when" clause and asking with a question word
// after its comma asks no date.
func TestKindOfWhenClause(t *testing.T) {
	for _, tt := range []struct {
		question string
		want     answerKind
	}{
		{"When v3.6 ships, which release loses support?", anyKind},
		{"When many people are arrested, what is a common tactic?", anyKind},
		{"When did Warsaw start to rebuild?", dateKind},
		{"When was the treaty signed, in 1945?", dateKind},
		{"When the pod restarts, how many times is the hook run?", amountKind},
	} {
		if got := kindOf(tt.question); got != tt.want {
			t.Errorf("kindOf(%q) = %v, want %v", tt.question, got, tt.want)
		}
	}
}

// "Both" writes a question's 2.
func TestKeepsNumbersBoth(t *testing.T) {
	for _, tt := range []struct {
		asked    []string
		sentence string
		want     bool
	}{
		{[]string{"2"}, "A settlement existed between both parties.", true},
		{[]string{"2"}, "A settlement existed between two parties.", true},
		{[]string{"3"}, "A settlement existed between both parties.", false},
		{[]string{"2"}, "A settlement existed between the parties.", false},
	} {
		if got := keepsNumbers(tt.asked, tt.sentence, ""); got != tt.want {
			t.Errorf("keepsNumbers(%q, %q) = %v, want %v", tt.asked, tt.sentence, got, tt.want)
		}
	}
}

// A word with dots inside is an identifier, which says nothing against a
// question's antonym: "m4.large" is no "large" for "small".
func TestOppositesIdentifier(t *testing.T) {
	for _, tt := range []struct {
		question, sentence string
		want               bool
	}{
		{"Which instance type is suggested for a small cluster?", "AWS | m4.large | 2 | 8", true},
		{"Which instance type is suggested for a small cluster?", "A large cluster needs m4.xlarge.", false},
		{"Which instance type is suggested for a small cluster?", "A large cluster needs more nodes.", false},
	} {
		if got := oppositesOf(tt.question).keeps(tt.sentence, ""); got != tt.want {
			t.Errorf("oppositesOf(%q).keeps(%q) = %v, want %v", tt.question, tt.sentence, got, tt.want)
		}
	}
}
