package answer

import (
	_ "embed"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"corpusbot/text"
)

// askedName is one name word of a question (focus.nameWords) with how the
// question writes it and the run of consecutive name words it stands in
// ("National Football League" is one run of three).
type askedName struct {
	terms   []string // its terms, as focus.nameWords holds them
	written string   // as the question writes it; "" when not found (respelt)
	run     int      // its run's index in entityCheck.runs
	// others are the names that stand for it, each a phrase of words'
	// terms: its adjectives and peoples or the country they are of
	// (demonymsOf), what the corpus defines it as when it is an
	// abbreviation ("Federal Bureau of Investigation" for FBI).
	others [][][]string
}

// entityCheck is what an English question's names need from a sentence
// that answers it: see holds.
type entityCheck struct {
	st    *state
	kin   bool
	names []askedName
	runs  [][]int // each run of consecutive name words, as indexes in names
	// runAbbrs are, for each run, the terms of the abbreviations the
	// corpus defines for it ("Bundeskriminalamt (BKA)"), and runInitials
	// its initials when it has two words or more ("NFL").
	runAbbrs    [][][]string
	runInitials []string
}

// entityCheckOf reads an English question's names (f's, found in query as
// written); nil when it names nothing, or is not English: the rule is
// English only, like the other sentence rules of the fitter.
func (st *state) entityCheckOf(query string, f focus, lang string) *entityCheck {
	if lang != "en" || len(f.nameWords) == 0 {
		return nil
	}
	c := &entityCheck{st: st, kin: f.kin}
	c.names = make([]askedName, len(f.nameWords))
	for i, g := range f.nameWords {
		c.names[i] = askedName{terms: g, run: -1}
	}
	prev := -1 // the name word the previous word of the question was
	known := st.corpusNames()
	for w := range text.Words(query) {
		word := query[w.Start:w.End]
		k := -1
		// Only what the corpus writes as a name, or a word with a capital
		// inside ("NFL", "iPhone"), is held to the rule: a common word the
		// question capitalises ("What French City …", "Cultural
		// Imperialism") may stand anywhere.
		if _, ok := known[nameKey(word)]; ok || isNameWord(word, true) {
			terms := st.analyze(word)
			own := ownTerms(strings.ToLower(word), terms)
			k = slices.IndexFunc(c.names, func(n askedName) bool { return n.written == "" && slices.Equal(n.terms, own) })
		}
		if k < 0 {
			if !runJoiner[strings.ToLower(word)] {
				prev = -1
			}
			continue
		}
		c.names[k].written = word
		if prev >= 0 {
			r := c.names[prev].run
			c.names[k].run = r
			c.runs[r] = append(c.runs[r], k)
		} else {
			c.names[k].run = len(c.runs)
			c.runs = append(c.runs, []int{k})
		}
		prev = k
	}
	// A name respelt ("arpnet" for ARPANET), not found as written, is the
	// question's slip, and so is any other name not held to the rule. A
	// name more than half the passages write is the tree's own subject
	// (the product's name on its own docs): it tells no page from
	// another, and a sentence, heading and title that leave it unsaid
	// still speak of it.
	names := c.names[:0]
	for _, n := range c.names {
		if n.written != "" && !st.everywhere(n.terms) {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return nil
	}
	c.names, c.runs = names, nil
	last := -1 // the run, before renumbering, of the name before
	for i := range c.names {
		if old := c.names[i].run; old != last || i == 0 {
			last = old
			c.runs = append(c.runs, nil)
		}
		r := len(c.runs) - 1
		c.names[i].run = r
		c.runs[r] = append(c.runs[r], i)
	}
	ab := st.abbreviations()
	for i := range c.names {
		n := &c.names[i]
		for _, d := range demonymsOf(possessiveless(strings.ToLower(n.written))) {
			n.others = append(n.others, st.phraseTerms(strings.Fields(d)))
		}
		if bare := cliticless(n.written); bare != n.written {
			// "mTLS'd" is mTLS made a verb: the page's "Which
			// traffic can Linkerd automatically mTLS?" names it.
			n.others = append(n.others, st.phraseTerms([]string{bare}))
		}
		if isAcronym(n.written) {
			for _, phrase := range ab.to[n.written] {
				n.others = append(n.others, st.phraseTerms(phrase))
			}
		}
	}
	for _, run := range c.runs {
		var words []string
		for _, k := range run {
			words = append(words, c.names[k].written)
		}
		var abbrs [][]string
		for _, acr := range ab.of[phraseKey(words)] {
			abbrs = append(abbrs, st.analyze(acr))
		}
		ini := ""
		if len(words) >= 2 {
			ini = initials(words)
		}
		c.runAbbrs = append(c.runAbbrs, abbrs)
		c.runInitials = append(c.runInitials, ini)
	}
	return c
}

// everywhere reports whether a word, by its terms, is written in more than
// half the passages: its weight in a focus (its rarest known term's BM25
// idf, as addWord takes it) is under ln 2, the idf of a term in exactly
// half of them. A word no passage writes is not.
func (st *state) everywhere(terms []string) bool {
	w, known := 0.0, false
	for _, t := range terms {
		if idf, ok := st.index.IDF(t); ok {
			w, known = max(w, idf), true
		}
	}
	return known && w < math.Ln2
}

// phraseTerms returns each word's terms of a phrase, its small joining
// words left out.
func (st *state) phraseTerms(phrase []string) [][]string {
	var out [][]string
	for _, w := range phrase {
		if !runJoiner[strings.ToLower(w)] {
			out = append(out, st.analyze(w))
		}
	}
	return out
}

// possessiveless returns a word without its possessive: "indian's" → indian.
func possessiveless(w string) string {
	for _, e := range []string{"'s", "’s"} {
		if s, ok := strings.CutSuffix(w, e); ok {
			return s
		}
	}
	return w
}

// cliticless returns a name without the ending that makes it a verb
// after an apostrophe ("mTLS'd", "OK'ed", "DM'ing"), which the analyser
// keeps as part of the word: the name itself. Other words are returned
// as they are.
func cliticless(w string) string {
	for _, e := range []string{"'d", "’d", "'ed", "’ed", "'ing", "’ing"} {
		if s, ok := strings.CutSuffix(w, e); ok && s != "" {
			return s
		}
	}
	return w
}

// runJoiner are the small words inside a name's run: "Bank of England",
// "Department of the Interior".
var runJoiner = setOf(strings.Fields("of the and for de du des la le"))

// holds reports whether every name an English question asks about stands
// near the sentence: in it, in the sentences either side, in its section's
// headings, or where a passage names its topic before calling it "it"
// (a.topic, topicOf: the first sentence of its paragraph, passage and
// block, the document's title and opening). SQuAD 2.0's unanswerable
// questions swap one name of a paragraph for another ("Who ruled Poland in
// 1500?" of a paragraph on Hungary's kings that names Poland elsewhere);
// the focus rule looks for names anywhere in the passage (covers), so the
// swapped question is answered by the sentence on Hungary.
//
// A name is also held by its kin ("India" by "Indian", nameFamily), by its
// adjective or people or the country they are of ("Polish" by "Poland":
// demonymsOf), by its abbreviation or what an abbreviation stands for
// (acronymHeld, runAbbreviated); a run of name words ("Luke Kuechly") by
// one of them near when the others are in the passage ("Kuechly led the
// team"); and, in a sentence that says "I" or "we", by the passage's
// context, whose opening names the speaker ("My name is Ian Hansen").
func (c *entityCheck) holds(terms []string, a around) bool {
	if c == nil {
		return true
	}
	var local []string // every term near the sentence, built when first needed
	var localText string
	// "I", "we": the speaker is named in the document's opening, which
	// the passage's context holds ("My name is Ian Hansen …").
	speaker := firstPerson(a.text)
	for r, run := range c.runs {
		missing := 0
		for _, k := range run {
			n := c.names[k]
			if c.nearTerm(n.terms, terms, a) || speaker && holdsAlt(n.terms, a.names) {
				continue
			}
			if local == nil {
				local, localText = localOf(terms, a)
			}
			if c.kin && nameFamily(n.terms, local, nil) || acronymSpelt(n.written, localText) || acronymNumbered(n.written, localText) || slices.ContainsFunc(n.others, func(p [][]string) bool { return holdsPhrase(p, local) }) {
				continue
			}
			if !holdsAlt(n.terms, a.names) {
				missing = len(run) // not in the passage at all
				break
			}
			missing++
		}
		switch {
		case missing == 0:
		case c.runAbbreviated(r, local, localText):
			// Every word of the run is held by its abbreviation.
		case missing < len(run):
			// Part of a name near, the rest in the passage: "Kuechly
			// led the team" of "Luke Kuechly", "Zhao said" of "Zhao
			// Zhiguo".
		default:
			return false
		}
	}
	return true
}

// nearTerm reports whether one of a name's terms stands in the sentence's
// terms or around it (see holds), without building anything.
func (c *entityCheck) nearTerm(g, terms []string, a around) bool {
	for _, t := range g {
		if slices.Contains(terms, t) || slices.Contains(a.near, t) || slices.Contains(a.heading, t) {
			return true
		}
		for _, s := range a.topic {
			if slices.Contains(s.terms, t) {
				return true
			}
		}
	}
	return false
}

// localOf gathers the terms and the text near a sentence (see holds).
func localOf(terms []string, a around) ([]string, string) {
	local := slices.Concat(terms, a.near, a.heading)
	var b strings.Builder
	b.WriteString(a.text)
	b.WriteByte('\n')
	b.WriteString(a.nearText)
	for _, s := range a.topic {
		local = append(local, s.terms...)
		b.WriteByte('\n')
		b.WriteString(s.text)
	}
	return local, b.String()
}

// runAbbreviated reports whether the text near a sentence writes the
// abbreviation of run r of the question's names ("NFL" for "National
// Football League"), as its initials or as the corpus defines it
// ("… Bundeskriminalamt (BKA)").
func (c *entityCheck) runAbbreviated(r int, local []string, localText string) bool {
	if ini := c.runInitials[r]; len(ini) >= 2 && slices.Contains(acronymsIn(localText), ini) {
		return true
	}
	return slices.ContainsFunc(c.runAbbrs[r], func(g []string) bool { return holdsAnyTerm(g, local) })
}

// acronymSpelt reports whether a name written as an acronym ("UN", "NFL")
// is spelt out near a sentence: a run of capitalised words there has its
// letters as initials ("United Nations"). (What the corpus defines it as
// is among the name's others.)
func acronymSpelt(word, localText string) bool {
	if !isAcronym(word) {
		return false
	}
	for _, run := range capitalRuns(localText) {
		if len(run) >= 2 && initials(run) == word {
			return true
		}
	}
	return false
}

// acronymNumbered reports whether a name written as an acronym ("RFC",
// "ISO") opens a word near a sentence that goes on with a digit, as a
// standard is cited by its number: "rfc3986#section-2.3", "ISO8601".
func acronymNumbered(word, localText string) bool {
	if !isAcronym(word) {
		return false
	}
	for w := range text.Words(localText) {
		s := localText[w.Start:w.End]
		if len(s) > len(word) && strings.EqualFold(s[:len(word)], word) && s[len(word)] >= '0' && s[len(word)] <= '9' {
			return true
		}
	}
	return false
}

// holdsPhrase reports whether each word of a phrase (its terms) has a term
// in local.
func holdsPhrase(p [][]string, local []string) bool {
	for _, g := range p {
		if !holdsAnyTerm(g, local) {
			return false
		}
	}
	return len(p) > 0
}

func holdsAnyTerm(g, local []string) bool {
	return slices.ContainsFunc(g, func(t string) bool { return slices.Contains(local, t) })
}

// isAcronym reports a word of two to six capital letters: "UN", "NFL".
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// initials returns the capitalised first letters of a name's words, its
// small joining words left out: "Bank of England" → BE.
func initials(words []string) string {
	var b strings.Builder
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// capitalRuns returns the runs of capitalised words of a text, small
// joining words inside them kept: "the National Football League said" →
// [National Football League]. A sentence's first word opens a run too.
func capitalRuns(s string) [][]string {
	var runs [][]string
	var cur []string
	end := func() {
		for len(cur) > 0 && runJoiner[strings.ToLower(cur[len(cur)-1])] {
			cur = cur[:len(cur)-1]
		}
		if len(cur) > 0 {
			runs = append(runs, cur)
		}
		cur = nil
	}
	last := 0
	for w := range text.Words(s) {
		word := s[w.Start:w.End]
		if strings.ContainsAny(s[last:w.Start], ".,;:()\"\n") {
			end()
		}
		last = w.End
		r, _ := utf8.DecodeRuneInString(word)
		switch {
		case unicode.IsUpper(r):
			cur = append(cur, word)
		case len(cur) > 0 && runJoiner[word]:
			cur = append(cur, word)
		default:
			end()
		}
	}
	end()
	return runs
}

// acronymsIn returns the acronyms a text writes (isAcronym).
func acronymsIn(s string) []string {
	var out []string
	for w := range text.Words(s) {
		if word := s[w.Start:w.End]; isAcronym(word) {
			out = append(out, word)
		}
	}
	return out
}

// phraseKey is a name's words as the abbreviation table keys them.
func phraseKey(words []string) string {
	var ks []string
	for _, w := range words {
		if !runJoiner[strings.ToLower(w)] {
			ks = append(ks, strings.ToLower(w))
		}
	}
	return strings.Join(ks, " ")
}

// abbreviations are the corpus's definitions "Name (ABBR)": to maps an
// abbreviation to the names it stands for, as written; of maps a name
// (phraseKey) to its abbreviations.
type abbreviations struct {
	to map[string][][]string
	of map[string][]string
}

// abbreviations reads the corpus's "Name (ABBR)" definitions once: a
// run of capitalised words followed by an acronym in brackets whose
// letters the run's words give in order, the first the run's first
// initial ("Federal Bureau of Investigation (FBI)", "Bundeskriminalamt
// (BKA)"). A byte scan for "(", not a regular expression over the whole
// corpus, which reads a few MB a second.
func (st *state) abbreviations() abbreviations {
	st.abbrevOnce.Do(func() {
		ab := abbreviations{to: map[string][][]string{}, of: map[string][]string{}}
		for i := range st.items {
			ps, _ := st.passage(i)
			addDefinitions(ps.Text, &ab)
		}
		st.abbrevs = ab
	})
	return st.abbrevs
}

// addDefinitions adds the "Name (ABBR)" definitions of one text.
func addDefinitions(s string, ab *abbreviations) {
	for off := 0; ; {
		i := strings.IndexByte(s[off:], '(')
		if i < 0 {
			return
		}
		i += off
		off = i + 1
		j := strings.IndexByte(s[off:min(len(s), off+8)], ')')
		if j < 0 {
			continue
		}
		acr := s[off : off+j]
		if !isAcronym(acr) {
			continue
		}
		runs := capitalRuns(s[max(0, i-120):i])
		if len(runs) == 0 || !strings.HasSuffix(strings.TrimRight(s[:i], " "), runs[len(runs)-1][len(runs[len(runs)-1])-1]) {
			continue
		}
		run := runs[len(runs)-1]
		for k := len(run) - 1; k >= 0; k-- {
			if runJoiner[strings.ToLower(run[k])] || !spells(acr, run[k:]) {
				continue
			}
			phrase := slices.Clone(run[k:])
			key := phraseKey(phrase)
			if !slices.Contains(ab.of[key], acr) {
				ab.to[acr] = append(ab.to[acr], phrase)
				ab.of[key] = append(ab.of[key], acr)
			}
			break
		}
	}
}

// spells reports whether an acronym's letters are taken from words in
// order: each word (joining words left out) gives its initial and maybe
// letters inside it, the first letter the first word's initial: FBI of
// Federal Bureau of Investigation, BKA of Bundeskriminalamt.
func spells(acr string, words []string) bool {
	var ws []string
	for _, w := range words {
		if !runJoiner[strings.ToLower(w)] {
			ws = append(ws, strings.ToUpper(w))
		}
	}
	var match func(k, i int) bool
	match = func(k, i int) bool {
		if i == len(ws) {
			return k == len(acr)
		}
		if k >= len(acr) || ws[i][0] != acr[k] {
			return false
		}
		w := ws[i]
		k++
		for p := 1; ; {
			if match(k, i+1) {
				return true
			}
			if k >= len(acr) {
				return false
			}
			q := strings.IndexByte(w[p:], acr[k])
			if q < 0 {
				return false
			}
			p += q + 1
			k++
		}
	}
	return len(ws) > 0 && match(0, 0)
}

//go:generate go run gen_demonyms.go -wordnet ${OEWN_DIR}

// demonymData is Open English WordNet's names and their adjectives and
// peoples (the tree synonyms/ and antonyms_en.txt.gz are made from,
// commit d94538ad, CC BY 4.0), "word<TAB>name" a line, lower case,
// gzipped: 827 pairs, 5 KB. See gen_demonyms.go.
//
//go:embed demonyms_en.txt.gz
var demonymData []byte

// englishDemonyms maps a word to the names it is the adjective or people
// of, and a name to its adjectives and peoples, read once on first use (it
// is immutable).
var englishDemonyms = sync.OnceValue(func() map[string][]string {
	return wordPairs(demonymData, "\t", "demonym")
})

// demonymsOf returns the names a lower-case English word is the adjective
// or people of, the adjectives and peoples of a name, and the other
// adjectives and peoples of the names it is of ("polish" → poland, pole;
// "poland" → polish, pole). A plural is its singular ("normans").
func demonymsOf(w string) []string {
	m := englishDemonyms()
	near := m[w]
	if len(near) == 0 {
		if s, ok := strings.CutSuffix(w, "s"); ok {
			near = m[s]
		}
	}
	out := slices.Clone(near)
	for _, n := range near {
		for _, o := range m[n] {
			if o != w && !slices.Contains(out, o) {
				out = append(out, o)
			}
		}
	}
	return out
}

// topicText is a text that names a passage's topic (around.topic): its
// words and terms.
type topicText struct {
	text  string
	terms []string
}

// topicOf is what names the topic of sentence i of ss, which later
// sentences call "it" or "the city": the first sentence of its paragraph,
// of its passage and of its block, and its document's opening.
func topicOf(ss []blockSentence, i int, opening topicText) [4]topicText {
	s := ss[i]
	p := i // the paragraph's first sentence: no blank line before it
	for p > 0 && ss[p-1].src == s.src && !strings.Contains(s.src[ss[p-1].sp.End:ss[p].sp.Start], "\n\n") {
		p--
	}
	j := p // the passage's
	for j > 0 && ss[j-1].src == s.src {
		j--
	}
	t := [4]topicText{{ss[p].text, ss[p].terms}, {}, {}, opening}
	if j < p {
		t[1] = topicText{ss[j].text, ss[j].terms}
	}
	if j > 0 {
		t[2] = topicText{ss[0].text, ss[0].terms}
	}
	return t
}

// openingLines is how many sentences of a document's first passage its
// opening may hold: see openingOf.
const openingLines = 4

// openingOf is what names a document's topic for all its passages: its
// title, and its first passage up to its first sentence of prose, the
// lines before it included (a heading, a byline: "China Daily (USA) -
// FRONT PAGE").
func (st *state) openingOf(doc int) topicText {
	title := st.corpus.Docs[doc].Title
	o := topicText{text: title, terms: st.analyze(title)}
	it := st.first[doc]
	a := st.analysis(it)
	ps, _ := st.passage(it)
	for k, sp := range a.sentences[:min(len(a.sentences), openingLines)] {
		line := ps.Text[sp.Start:sp.End]
		o.text += "\n" + line
		o.terms = append(o.terms, a.terms[k]...)
		if complete(line) {
			break
		}
	}
	return o
}

// firstPerson reports an English sentence that speaks as "I" or "we".
func firstPerson(s string) bool {
	for w := range text.Words(s) {
		switch s[w.Start:w.End] {
		case "I", "me", "my", "My", "we", "We", "our", "Our", "us":
			return true
		}
	}
	return false
}
