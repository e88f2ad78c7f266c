package answer

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// A participle closing a hyphenated adjective ("cron-based") is not the
// question's verb ("based"), unless the question writes it hyphenated too.
func TestFreeTerms(t *testing.T) {
	st := toolCorpus(t).state.Load()
	tests := []struct {
		question, sentence, word string
		held                     bool
	}{
		{"Where is Acme based?", "The jobs were cron-based and ran nightly.", "based", false},
		{"Where is Acme based?", "Acme is based in Oslo.", "based", true},
		{"Where is Acme based?", "Acme is based in Oslo, its jobs cron-based.", "based", true},
		{"Who owns the registry?", "The registry is partly state-owned.", "owns", false},
		{"Is the registry pull-based?", "The registry is pull-based.", "based", true},
		{"How are archives built?", "Archives are built-in.", "built", true}, // "in" closes it, no participle
	}
	for _, tt := range tests {
		terms := st.freeTerms(tt.question, tt.sentence, st.index.Analyze(tt.sentence))
		w := st.index.Analyze(tt.word)
		if got := holdsWord(w, setOf(terms), terms); got != tt.held {
			t.Errorf("%q in %q (for %q): held %v, want %v (terms %v)", tt.word, tt.sentence, tt.question, got, tt.held, terms)
		}
	}
	if terms := st.index.Analyze("No hyphen here."); !slices.Equal(st.freeTerms("Where is it based?", "No hyphen here.", terms), terms) {
		t.Error("a sentence without hyphens lost terms")
	}
}

// "Who created X?" is answered by a sentence that says the deed was done,
// not by one where the verb is a command, an instruction or a habit.
func TestSaysDone(t *testing.T) {
	st := toolCorpus(t).state.Load()
	tests := []struct {
		question, sentence string
		want               bool
	}{
		{"Who created Widgetly?", "Widgetly was created by Ada Lovelace in 2014.", true},
		{"Who created Widgetly?", "Ada Lovelace, the creator of Widgetly, spoke first.", true},
		{"Who created Widgetly?", "The widgetly create command makes a new board.", false},
		{"Who created Widgetly?", "Boards can be combined to create dashboards in Widgetly.", false},
		{"Who created Widgetly?", "Widgetly creates a board for every team.", false},
		{"Who created Widgetly?", "After creating a board, Widgetly shows it.", false},
		{"Who helped the team set up Widgetly?", "It worked with the help of Ada Lovelace.", true},
		{"Who uses Widgetly?", "Teams use Widgetly to plan.", true}, // present: no deed asked
		{"How do I create a board?", "Run the create command.", true},
		// A passive's subject must be what is asked about, or a
		// pronoun standing for it.
		{"Who created Widgetly?", "Widgetly runs on boards that are created by the team leads.", false},
		{"Who created Widgetly?", "It was created by Ada Lovelace in 2014.", true},
		{"Who created Widgetly?", "Widgetly was planned and was created by Ada Lovelace.", true},
	}
	for _, tt := range tests {
		f := st.focusOf(tt.question)
		var alts []string
		if f.governed >= 0 {
			alts = f.alts[f.governed]
		}
		asked := map[string]bool{}
		for _, e := range f.every {
			for _, t := range e {
				asked[t] = true
			}
		}
		if got := st.saysDone(tt.sentence, st.index.Analyze(tt.sentence), pastAgentVerb(tt.question), alts, asked); got != tt.want {
			t.Errorf("%q by %q: says the deed %v, want %v", tt.question, tt.sentence, got, tt.want)
		}
	}
}

// An identifier or a letters-and-digits word the question names must
// stand in the sentence or around it, as its names must.
func TestNamesItsThings(t *testing.T) {
	st := toolCorpus(t).state.Load()
	tests := []struct {
		question, sentence string
		around             string // the passage around the sentence
		want               bool
	}{
		{"What does the --verify flag of the release job do?", "The --verify flag makes the release job check each archive.", "", true},
		{"What does the --atomic flag of the release job do?", "The --force flag makes the release job retry each archive.", "", false},
		{"What does the --atomic flag of the release job do?", "It makes the release job undo a failed upload.", "The --atomic flag", true},
		{"Which zstd level do archives use?", "Archives use level 3.", "Large archives will get compressed with zstd.", true},
		{"Which k3s add-on publishes releases?", "An add-on publishes releases to the registry.", "", false},
		{"Which k3s add-on publishes releases?", "The k3s add-on publishes releases to the registry.", "", true},
	}
	for _, tt := range tests {
		f := st.focusOf(tt.question)
		a := around{text: tt.sentence, names: setOf(st.index.Analyze(tt.around))}
		if got := f.namesItsThings(st.index.Analyze(tt.sentence), a); got != tt.want {
			t.Errorf("%q by %q: %v, want %v (focus %v, compounds %q)", tt.question, tt.sentence, got, tt.want, f.words, f.compound)
		}
	}
}

// What a question's word asks for ("how many", "how often", "which
// version") a sentence must give: an amount that is no dating year, a
// frequency, a version number.
func TestAnswerKindFits(t *testing.T) {
	tests := []struct {
		question, sentence string
		want               bool
	}{
		{"How much does a Widgetly plan cost?", "Widgetly is a plan service that launched in Norway in 2015.", false},
		{"How much does a Widgetly plan cost?", "A Widgetly plan costs 12 euros a month.", true},
		{"How many users does Widgetly have?", "Since 2014 the app has grown.", false},
		{"How many users does Widgetly have?", "Widgetly had 2015 users at launch.", true},
		{"How many users does Widgetly have?", "Widgetly has two million users.", true},
		{"Combien d'employés compte Widgetly ?", "Widgetly a été fondée en 2010.", false},
		{"Combien d'employés compte Widgetly ?", "Widgetly compte 200 employés.", true},
		{"How long has Widgetly used the tool?", "Widgetly has used it since 2015.", true},
		{"When did Widgetly launch?", "Widgetly launched in 2015.", true},
		{"How often does the agent poll the registry?", "The agent polls the registry every 3 minutes.", true},
		{"How often does the agent poll the registry?", "The agent polls the registry twice a day.", true},
		{"How often does the agent poll the registry?", "When a registry is added, the agent polls it.", false},
		{"À quelle fréquence l'agent interroge-t-il le registre ?", "L'agent interroge le registre chaque heure.", true},
		{"What is the maximum number of widgets a board can hold?", "A board holds at most 40 widgets.", true},
		{"What is the maximum number of widgets a board can hold?", "maxWidgets: maximum wait time, regardless of the number of widgets.", false},
		{"What is the number of widgets on a board?", "Boards hold widgets.", false},
		{"How does the board limit the number of widgets?", "Boards drop the oldest widgets.", true}, // asks how, not how many
		{"Which version of the toolkit does the example use?", "The example uses toolkit v1.6.0 in its workflow.", true},
		{"Which version of Go is needed to build the server?", "Building the server needs Go 1.22 or later.", true},
		{"Which version of Go is needed to build the server?", "Upgrade to a server version which contains the fix.", false},
		{"What Kubernetes versions does the tool support?", "The tool supports the three latest Kubernetes versions.", false},
		{"Quelle version de Go faut-il ?", "Il faut Go 1.22.", true},
		// A bare number after a common word is a figure, not a version;
		// after a name or "version" it is one.
		{"Which Go version are the debug images built with?", "The debugger listens on TCP port 12345 for remote connections.", false},
		{"Which Go version are the debug images built with?", "Set the timeout to at least 5 seconds.", false},
		{"Which version of Helm does the guide use?", "The guide uses Helm 3 throughout.", true},
		{"Which version of the chart is current?", "The current chart is version 2 of the format.", true},
		{"Which version of the store is supported?", "The store supports 4.x releases.", true},
		{"Which versioning scheme does the tool follow?", "The tool follows semantic versioning.", true}, // no version asked
	}
	for _, tt := range tests {
		if got := kindOf(tt.question).fits(tt.sentence); got != tt.want {
			t.Errorf("%q fits %q: got %v, want %v (kind %v)", tt.question, tt.sentence, got, tt.want, kindOf(tt.question))
		}
	}
}

// A chosen sentence is quoted with the one next to it in its passage when
// that one holds words of the question the chosen one does not: the
// answer often stands in the sentence that finishes what the chosen one
// began. A neighbour that adds nothing of the question is not shown.
func TestWithNeighbours(t *testing.T) {
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"harbor.md": {Data: []byte("# Harbor notes\n\n" +
			"The harbor committee chose a new name for the old ferry in 2019. " +
			"The vote went to Gullwing, well ahead of Seabird.[2] " +
			"Tickets are sold at the kiosk by the pier.\n\n" +
			"## Lighthouse\n\n" +
			"Volunteers painted the lighthouse red and white last spring. " +
			"It took them eleven weekends. " +
			"The lighthouse keeper lives in the cottage beside it.\n")},
		"market.md": {Data: []byte("# Market\n\n" +
			"The fish market sells cod and herring from local boats. " +
			"Sellers pay a small fee for each stall.\n\n" +
			"## Winter\n\n" +
			"In winter the fish market sells smoked salmon as well. " +
			"Parking is free near the old church.\n")},
		"ferry.md": {Data: []byte("# Ferries\n\n" +
			"Ferries to the outer islands leave from the south pier. " +
			"The crossing takes forty minutes in calm weather.\n")},
	}), nil)
	tests := []struct {
		question string
		want     []string // in the reply and its quotes
		not      []string // in neither
		reply    string   // in the reply
	}{
		// "vote" stands only in the sentence after the one that holds
		// most of the question: both are quoted, in order; its footnote
		// mark is no citation.
		{"Which name did the harbor committee choose in the vote?", []string{"chose a new name", "The vote went to Gullwing"}, []string{"Tickets"}, "Seabird. ["},
		// The sentence that gives the figure lacks what the one before it
		// holds ("volunteers", "paint"): that one comes first.
		{"How many weekends did volunteers need to paint the lighthouse?", []string{"painted the lighthouse", "eleven weekends"}, []string{"keeper"}, "weekends. ["},
		// Two sentences answer; the ones after them add no word of the
		// question: each alone.
		{"What does the fish market sell?", []string{"cod and herring", "smoked salmon"}, []string{"fee", "Parking"}, "boats. ["},
		// One sentence answers: the one after it goes on with it.
		{"Where do ferries to the outer islands leave from?", []string{"south pier", "forty minutes"}, nil, "weather. ["},
	}
	for _, tt := range tests {
		res, err := p.Ask(context.Background(), Question{Text: tt.question})
		if err != nil {
			t.Fatalf("%q: %v", tt.question, err)
		}
		if res.Abstained {
			t.Errorf("%q: abstained", tt.question)
			continue
		}
		quotes := ""
		for _, c := range res.Claims {
			quotes += strings.Join(c.Quotes, " ") + "\n"
		}
		for _, w := range tt.want {
			if !strings.Contains(res.Text, w) || !strings.Contains(quotes, w) {
				t.Errorf("%q: %q not in the reply and its quotes:\n%s\nquotes:\n%s", tt.question, w, res.Text, quotes)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(res.Text, w) || strings.Contains(quotes, w) {
				t.Errorf("%q: %q shown:\n%s", tt.question, w, res.Text)
			}
		}
		for _, c := range res.Claims {
			if len(c.Cites) != 1 {
				t.Errorf("%q: %q cites %v, want one passage", tt.question, c.Text, c.Cites)
			}
		}
		if !strings.Contains(res.Text, tt.reply) {
			t.Errorf("%q: %q not in the reply:\n%s", tt.question, tt.reply, res.Text)
		}
		if marks := strings.Count(res.Text, "["); marks != len(res.Claims) {
			// A footnote mark of the page ("[2]") read as a citation.
			t.Errorf("%q: %d citation marks for %d claims:\n%s", tt.question, marks, len(res.Claims), res.Text)
		}
		if lines := strings.Count(res.Text, "\n") + 1; lines != len(res.Claims) {
			t.Errorf("%q: %d lines, %d claims", tt.question, lines, len(res.Claims))
		}
	}
}

// A sentence longer than an answer shows is shown from where it holds the
// question's words, with what follows them, not cut after its opening.
func TestClipAround(t *testing.T) {
	st := toolCorpus(t).state.Load()
	filler := strings.Repeat("the council met again to talk about budgets, parking, quotas and the old square, ", 5)
	far := "In the spring " + filler + "and at last the lighthouse on the northern cape was painted by the volunteers of the harbor club."
	near := "The lighthouse on the northern cape was painted by the volunteers of the harbor club, while " + filler + "and nothing else."
	tests := []struct {
		question, sentence string
		want, not          string // in the part shown, and not in it
		whole              bool   // shown as it is
	}{
		{"Who painted the lighthouse on the northern cape?", "The lighthouse was painted by volunteers.", "", "", true},
		{"Who painted the lighthouse on the northern cape?", near, "", "", true},
		{"Who painted the lighthouse on the northern cape?", far, "volunteers of the harbor club", "In the spring", false},
	}
	for _, tt := range tests {
		got := st.clipAround(st.focusOf(tt.question), tt.sentence)
		if tt.whole {
			if got != tt.sentence {
				t.Errorf("%q: cut to %q", tt.sentence, got)
			}
			continue
		}
		if n := utf8.RuneCountInString(got); n > maxSentence+1 {
			t.Errorf("%q: %d runes, want at most %d", got, n, maxSentence+1)
		}
		if !strings.HasPrefix(got, "…") || !strings.Contains(got, tt.want) || strings.Contains(got, tt.not) {
			t.Errorf("%q: shown %q, want it to open with … and hold %q, not %q", tt.question, got, tt.want, tt.not)
		}
	}
}

// A question asking for a default value is answered by a sentence that
// says what the default is, not by one on setting the value; "by default"
// asks what happens, which pages say without the word.
func TestAsksTheDefault(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want bool
	}{
		{"What is the default heartbeat interval in milliseconds?", true},
		{"Which default backend does the store use?", true},
		{"How often does the check run by default?", false},
		{"What is the heartbeat interval?", false},
	} {
		if got := asksTheDefault(tt.q); got != tt.want {
			t.Errorf("asksTheDefault(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
	for _, tt := range []struct {
		sentence string
		a        around
		want     bool
	}{
		{"The heartbeat interval defaults to 100ms.", around{}, true},
		{"Tune the heartbeat interval to match the round trip time.", around{}, false},
		{"It is 100ms.", around{nearText: "The default heartbeat interval is short."}, true},
		{"It is 100ms.", around{heading: []string{"defaults"}}, true},
		{"Unless it is set, the interval is 100ms.", around{}, true},
	} {
		if got := saysDefault(tt.sentence, tt.a); got != tt.want {
			t.Errorf("saysDefault(%q) = %v, want %v", tt.sentence, got, tt.want)
		}
	}
}

// A question naming a thing the corpus never names, written as a coined
// name or one no slip from the corpus' words, is not answered by a
// sentence on the rest of the question; a misspelt name, an acronym and a
// name beside one the corpus knows are not such things.
func TestUnknownName(t *testing.T) {
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"disks.md": {Data: []byte("# Disks\n\n" +
			"A spinning disk gives about 50 sequential IOPS. " +
			"Published figures count concurrent IOPS, which can be ten times higher.\n\n" +
			"## Winchester\n\n" +
			"Harold Winchester measured the disks in the Rotterdam lab.\n")},
	}), nil)
	for _, tt := range []struct {
		question string
		abstain  bool
	}{
		{"How many sequential IOPS does a spinning NVMe disk give?", true},
		{"How many sequential IOPS does a spinning disk give?", false},
		{"Where did Harold Winchestr measure the disks?", false}, // one slip from Winchester
		{"Where did Harold Winchster measure the disks?", false}, // beside a name the corpus knows
	} {
		res, err := p.Ask(context.Background(), Question{Text: tt.question})
		if err != nil {
			t.Fatal(err)
		}
		if res.Abstained != tt.abstain {
			t.Errorf("%q: abstained %v, want %v: %q", tt.question, res.Abstained, tt.abstain, res.Text)
		}
	}
}
