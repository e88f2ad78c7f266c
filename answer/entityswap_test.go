package answer

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// The made-up documents of the entity-swap tests: a paragraph names its
// topic (Hungary) in its first sentence and another country (Poland) far
// from the sentence that answers; a league named in full near it and by
// its initials far; an archive named by its owner's initials; a
// king of Poland, the adjective far from him. The French paragraph is the
// Hungarian one translated.
var entityFS = fstest.MapFS{
	"hungary.txt": {Data: []byte(lines(
		"Hungary was a large kingdom in central Europe.",
		"Its northern neighbour was Poland, with a capital at Krakow.",
		"The Danube carried grain and salt to the south.",
		"Many merchants came from Venice and from Vienna.",
		"Around 1500 the kingdom was ruled by Vladislaus Jagiello.",
		"He was a patient and careful king."))},
	"league.txt": {Data: []byte(lines(
		"Professional football began in the small towns of Ohio.",
		"The first clubs were paid by factories.",
		"Few of those clubs survived the Depression.",
		"Forty years later the National Football League moved its offices to Manhattan.",
		"The move was paid for by the owners.",
		"The owners met every spring.",
		"Today the NFL has thirty-two teams."))},
	"archive.txt": {Data: []byte(lines(
		"Fingerprint cards filled a stone archive.",
		"The archive belonged to the Federal Bureau of Investigation.",
		"Most of the cards were written by hand.",
		"Clerks sorted them by the shape of the thumb.",
		"Later the FBI moved the archive to Clarksburg in 1995.",
		"The old rooms became offices."))},
	"police.txt": {Data: []byte(lines(
		"The Bundeskriminalamt (BKA) is a police office in Wiesbaden.",
		"It was founded in 1951."))},
	"records.txt": {Data: []byte(lines(
		"Paper records filled the cellar.",
		"They were kept for the Bundeskriminalamt by a small team.",
		"Most of the files were typed.",
		"Clerks sorted them by date.",
		"In 2004 the BKA moved the records to Meckenheim.",
		"The cellar became a garage."))},
	"casimir.txt": {Data: []byte(lines(
		"Casimir was a careful ruler.",
		"He built many castles.",
		"He also wrote new laws.",
		"In 1364 the king of Poland founded a university at Krakow.",
		"Its first teachers came from Bologna.",
		"The teachers were paid by the town.",
		"Later Polish kings gave it more land."))},
	"hongrie.txt": {Data: []byte(lines(
		"La Hongrie était un grand royaume d'Europe centrale.",
		"Son voisin du nord était la Pologne, avec une capitale à Cracovie.",
		"Le Danube portait le grain et le sel vers le sud.",
		"Beaucoup de marchands venaient de Venise et de Vienne.",
		"Vers 1500, le royaume était gouverné par Vladislas Jagellon.",
		"C'était un roi patient et prudent."))},
}

// lines joins sentences a line each: a plain-text document's first line is
// its title.
func lines(ss ...string) string { return strings.Join(ss, "\n") + "\n" }

// Through extractive ask: a question whose names stand near the sentence
// that answers, or are the passage's topic, is answered; the same
// question with a name swapped for one the passage writes elsewhere is
// abstained on. An abbreviation holds what it stands for, an adjective
// the country it is of. Other languages are left alone.
func TestAskEntitySwap(t *testing.T) {
	p := newPipeline(t, loadFS(t, entityFS), nil)
	tests := []struct {
		name, question, want string // want "" abstains
	}{
		{"topic named in the first sentence", "Who ruled Hungary around 1500?", "Vladislaus"},
		{"name swapped", "Who ruled Poland around 1500?", ""},
		{"acronym of the topic", "Where did the NFL move its offices?", "Manhattan"},
		{"initials near, the name far", "Where did the Federal Bureau of Investigation move the archive?", "Clarksburg"},
		{"abbreviation defined in another document", "Where did the Bundeskriminalamt move the records?", "Meckenheim"},
		{"adjective of the country", "What did the Polish king found at Krakow in 1364?", "university"},
		{"French question left alone", "Qui gouvernait la Pologne vers 1500 ?", "Vladislas"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := p.Ask(context.Background(), Question{Text: tt.question})
			if err != nil {
				t.Fatalf("Ask(%q): %v", tt.question, err)
			}
			switch {
			case tt.want == "" && !res.Abstained:
				t.Errorf("Ask(%q) answered %q; want an abstention", tt.question, res.Text)
			case tt.want != "" && (res.Abstained || !strings.Contains(firstWords(res.Text, 40), tt.want)):
				t.Errorf("Ask(%q) = abstained %v, %q; want an answer with %q", tt.question, res.Abstained, res.Text, tt.want)
			}
		})
	}
}

// The rule reads English questions only: a French question's check is nil
// and holds every sentence.
func TestEntityCheckEnglishOnly(t *testing.T) {
	p := newPipeline(t, loadFS(t, entityFS), nil)
	st := p.state.Load()
	tests := []struct {
		question, lang string
		none           bool
	}{
		{"Who ruled Poland around 1500?", "en", false},
		{"Qui gouvernait la Pologne vers 1500 ?", "fr", true},
		{"What did the merchants carry?", "en", true}, // no name
	}
	for _, tt := range tests {
		c := st.entityCheckOf(tt.question, st.focusOf(tt.question), tt.lang)
		if (c == nil) != tt.none {
			t.Errorf("entityCheckOf(%q, %s) = %+v; want nil %v", tt.question, tt.lang, c, tt.none)
		}
		if tt.none && !c.holds([]string{"unrelated"}, around{}) {
			t.Errorf("nil check of %q holds nothing; want every sentence", tt.question)
		}
	}
}

func TestSpells(t *testing.T) {
	tests := []struct {
		acr   string
		words []string
		want  bool
	}{
		{"FBI", []string{"Federal", "Bureau", "of", "Investigation"}, true},
		{"UN", []string{"United", "Nations"}, true},
		{"BKA", []string{"Bundeskriminalamt"}, true},
		{"OECD", []string{"Organisation", "for", "Economic", "Co-operation", "and", "Development"}, true},
		{"NFL", []string{"National", "Basketball"}, false},
		{"UN", []string{"United", "States", "Navy"}, false}, // a word left over
		{"XYZ", []string{"Federal", "Bureau"}, false},
	}
	for _, tt := range tests {
		if got := spells(tt.acr, tt.words); got != tt.want {
			t.Errorf("spells(%q, %q) = %v, want %v", tt.acr, tt.words, got, tt.want)
		}
	}
}

func TestCapitalRunsAndInitials(t *testing.T) {
	tests := []struct {
		text string
		want []string // each run's initials
	}{
		{"Forty years later the National Football League moved.", []string{"F", "NFL"}},
		{"The Bank of England, and the United Nations (UN).", []string{"TBE", "UN", "U"}},
		{"it was said of the Kingdom of the Netherlands", []string{"KN"}},
		{"nothing here", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range capitalRuns(tt.text) {
			got = append(got, initials(r))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("capitalRuns(%q) initials = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// "Name (ABBR)" definitions: the shortest run of capitalised words before
// the brackets that spells the abbreviation.
func TestAddDefinitions(t *testing.T) {
	var ab abbreviations
	ab.to, ab.of = map[string][][]string{}, map[string][]string{}
	addDefinitions("Agents of the Federal Bureau of Investigation (FBI) and of Bundeskriminalamt (BKA) met the Crown (UN) in Paris (AP) and (X).", &ab)
	for acr, want := range map[string]string{"FBI": "Federal Bureau of Investigation", "BKA": "Bundeskriminalamt"} {
		if got := ab.to[acr]; len(got) != 1 || strings.Join(got[0], " ") != want {
			t.Errorf("definitions of %s = %q, want [%q]", acr, got, want)
		}
	}
	if got := ab.of["federal bureau investigation"]; !slices.Equal(got, []string{"FBI"}) {
		t.Errorf("abbreviations of the bureau = %q, want [FBI]", got)
	}
	for _, acr := range []string{"UN", "AP", "X"} {
		if got, ok := ab.to[acr]; ok {
			t.Errorf("%s defined as %q; its run does not spell it", acr, got)
		}
	}
}

// The table joins a country, its adjective and its people both ways.
func TestDemonymsOf(t *testing.T) {
	tests := []struct{ word, want string }{
		{"polish", "poland"},
		{"poland", "polish"},
		{"polish", "pole"}, // a people of the same country
		{"french", "france"},
		{"spanish", "spain"},
		{"normans", "normandy"}, // a plural
	}
	for _, tt := range tests {
		if got := demonymsOf(tt.word); !slices.Contains(got, tt.want) {
			t.Errorf("demonymsOf(%q) = %q, want %q in it", tt.word, got, tt.want)
		}
	}
	if got := demonymsOf("bread"); len(got) != 0 {
		t.Errorf("demonymsOf(bread) = %q, want none", got)
	}
}

func TestFirstPerson(t *testing.T) {
	for s, want := range map[string]bool{
		"My name is Ian and I run the team.": true,
		"We moved to Prometheus in 2016.":    true,
		"The team moved in 2016.":            false,
		"Use the US region.":                 false,
	} {
		if got := firstPerson(s); got != want {
			t.Errorf("firstPerson(%q) = %v, want %v", s, got, want)
		}
	}
}

// BenchmarkEntityCheck times the rule's cost for one question: reading
// its names, then testing every sentence of the made-up documents, as the
// fitter tests each candidate sentence.
func BenchmarkEntityCheck(b *testing.B) {
	p, err := New(Config{}, loadFS(b, entityFS), nil)
	if err != nil {
		b.Fatal(err)
	}
	st := p.state.Load()
	var ss []blockSentence
	for _, d := range st.corpus.Docs {
		for _, ps := range d.Passages {
			for _, s := range strings.Split(strings.TrimSpace(ps.Text), "\n") {
				ss = append(ss, blockSentence{text: s, terms: st.index.Analyze(s), src: ps.Text})
			}
		}
	}
	if len(ss) != 40 {
		b.Fatalf("%d sentences; the documents have 40", len(ss))
	}
	qs := []string{"Who ruled Poland around 1500?", "Where did the NFL move its offices?", "What did the Polish king found at Krakow in 1364?"}
	fs := make([]focus, len(qs))
	for i, q := range qs {
		fs[i] = st.focusOf(q)
	}
	names := map[string]bool{}
	for _, s := range ss {
		for _, t := range s.terms {
			names[t] = true
		}
	}
	i := 0
	for b.Loop() {
		k := i % len(qs)
		c := st.entityCheckOf(qs[k], fs[k], "en")
		for j := range ss {
			c.holds(ss[j].terms, around{text: ss[j].text, names: names, topic: [4]topicText{{ss[0].text, ss[0].terms}}})
		}
		i++
	}
}

// A name more than half the passages write is the tree's own subject (the
// product's name on its own docs): it tells no page from another, so the
// check does not demand it near the sentence (the focus rule still wants
// it in the passage or document). A rarer name is still demanded.
func TestEntityCheckSkipsTheTreesOwnName(t *testing.T) {
	docs := fstest.MapFS{
		"intro.md":   {Data: []byte("# Overview\n\nThe Corvid proxy serves small teams.\n\nAt startup Corvid reads its configuration.\n")},
		"routing.md": {Data: []byte("# Routing\n\nEach request is routed by Corvid to a server.\n\nA failed request is retried by Corvid once.\n")},
		"metrics.md": {Data: []byte("# Metrics\n\nOn port 8082 Corvid exposes its metrics for Grafana.\n")},
		"logs.md":    {Data: []byte("# Logs\n\nFor each request Corvid writes one access log line.\n")},
		"headers.md": {Data: []byte("# Headers with underscores\n\nThe underscoreStrategy option controls how request headers with underscores are handled before routing.\n")},
	}
	st := newPipeline(t, loadFS(t, docs), nil).state.Load()
	tests := []struct {
		question string
		demanded []string // the names' written forms the check demands
	}{
		{"Which option controls how Corvid handles request headers with underscores?", nil},
		{"Which option controls how Grafana handles request headers with underscores?", []string{"Grafana"}},
		{"Does Corvid send its metrics to Grafana?", []string{"Grafana"}},
	}
	for _, tt := range tests {
		c := st.entityCheckOf(tt.question, st.focusOf(tt.question), "en")
		var got []string
		if c != nil {
			for _, n := range c.names {
				got = append(got, n.written)
			}
		}
		if !slices.Equal(got, tt.demanded) {
			t.Errorf("entityCheckOf(%q) demands %q; want %q", tt.question, got, tt.demanded)
		}
	}
}

// An acronym is held by a word that opens with it and goes on with its
// number, as standards are cited: "RFC" by "rfc3986#section-2.3", "ISO"
// by "ISO8601". Another word holding its letters is not it.
func TestAcronymNumbered(t *testing.T) {
	for _, tt := range []struct {
		word, text string
		want       bool
	}{
		{"RFC", "Traefik decodes them (according to rfc3986#section-2.3).", true},
		{"ISO", "Dates are written as ISO8601 strings.", true},
		{"RFC", "It follows the usual rules.", false},
		{"RFC", "The rfcs folder holds drafts.", false}, // no number after
		{"TLS", "Set tls13 ciphers.", true},
		{"IP", "Use the ipv6 address.", false}, // a letter, not a number, after
		{"Rfc", "according to rfc3986", false}, // not an acronym as written
	} {
		if got := acronymNumbered(tt.word, tt.text); got != tt.want {
			t.Errorf("acronymNumbered(%q, %q) = %v, want %v", tt.word, tt.text, got, tt.want)
		}
	}
}
