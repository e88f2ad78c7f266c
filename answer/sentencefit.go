package answer

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"corpusbot/text"
)

// hyphenated matches a word of hyphenated parts: "cron-based", "state-owned".
var hyphenated = regexp.MustCompile(`[\pL\pN]+(?:-[\pL\pN]+)+`)

// freeTerms returns a sentence's terms without those it holds only as the
// participle closing a hyphenated adjective ("cron-based", "state-owned"),
// unless the question writes that participle hyphenated too. Such a word
// describes something else: "Where is ShuttleCloud based?" is not
// answered by "These were cron-based", nor "Who owns the Financial
// Times?" by "a joint venture that is partly state-owned".
func (st *state) freeTerms(question, sentence string, terms []string) []string {
	ms := hyphenated.FindAllStringIndex(sentence, -1)
	if len(ms) == 0 {
		return terms
	}
	lq := strings.ToLower(question)
	bound := map[string]bool{}
	var spans [][2]int // the participles' byte spans
	for _, m := range ms {
		w := sentence[m[0]:m[1]]
		i := strings.LastIndexByte(w, '-')
		part := strings.ToLower(w[i+1:])
		if len(part) < 4 || !strings.HasSuffix(part, "ed") || strings.Contains(lq, "-"+part) {
			continue
		}
		for _, t := range st.analyze(part) {
			bound[t] = true
		}
		spans = append(spans, [2]int{m[0] + i + 1, m[1]})
	}
	if len(bound) == 0 {
		return terms
	}
	for w := range text.Words(sentence) {
		if slices.ContainsFunc(spans, func(s [2]int) bool { return s[0] <= w.Start && w.End <= s[1] }) {
			continue
		}
		for _, t := range st.analyze(sentence[w.Start:w.End]) {
			delete(bound, t) // the sentence also writes it freely
		}
	}
	if len(bound) == 0 {
		return terms
	}
	out := make([]string, 0, len(terms))
	for _, t := range terms {
		if !bound[t] {
			out = append(out, t)
		}
	}
	return out
}

// pastAgentVerb returns the verb of an English question that asks who did
// something, in the past ("Who created Helm?" → created), lower case; ""
// for any other question. Only regular pasts (-ed) are known.
func pastAgentVerb(q string) string {
	if text.GuessLanguage(q) != "en" {
		return ""
	}
	for w := range text.Words(q) {
		if !strings.EqualFold(q[w.Start:w.End], "who") {
			return ""
		}
		break
	}
	if v := governedWord(q); len(v) > 4 && strings.HasSuffix(v, "ed") {
		return v
	}
	return ""
}

// saysDone reports whether a sentence itself says the deed a "who did
// it" question asks about: it holds one of the verb's synonyms (alts), or
// the verb in a past or agent form (created, written, founder), or as a
// noun after a determiner ("with the help of Brian Brazil"). A base form
// after "to", a modal or a name ("The helm create command", "can be
// combined to create"), an "-s" or an "-ing" form says what one does or
// may do, not who did it; a heading or a neighbouring sentence holding
// the verb does not say that this sentence's doer did it ("Can I create
// dashboards?" over "Yes, we recommend Grafana"). verb "" accepts any
// sentence.
func (st *state) saysDone(sentence string, terms []string, verb string, alts []string, asked map[string]bool) bool {
	if verb == "" || holdsAlt(alts, setOf(terms)) {
		return true
	}
	vt := st.analyze(verb)
	var words []string
	for w := range text.Words(sentence) {
		words = append(words, strings.ToLower(sentence[w.Start:w.End]))
	}
	for i, word := range words {
		wt := st.analyze(word)
		if !holdsWord(vt, setOf(wt), wt) {
			continue
		}
		prev := ""
		if i > 0 {
			prev = words[i-1]
		}
		if !slices.ContainsFunc(doneForms, func(e string) bool { return strings.HasSuffix(word, e) }) && !nounMarkers[prev] {
			continue
		}
		if i+1 < len(words) && words[i+1] == "by" && asked != nil && !st.patientAsked(words[:i], asked) {
			// "Helm works in user clusters that are created by
			// Kubermatic": what was created is the clusters, not
			// what "Who created Helm?" asks about.
			continue
		}
		return true
	}
	return false
}

// patientAsked reports whether one of the patientWindow words before a
// passive "… created by" is one of the question's terms: the thing the
// deed was done to is the one asked about ("the Company was established
// and was chartered by"), not another ("user clusters that are created
// by").
func (st *state) patientAsked(before []string, asked map[string]bool) bool {
	for k := len(before) - 1; k >= 0 && k >= len(before)-patientWindow; k-- {
		if patientPronouns[before[k]] {
			// "It was founded by …": what "it" is, the sentence
			// before says.
			return true
		}
		for _, t := range st.analyze(before[k]) {
			if asked[t] {
				return true
			}
		}
	}
	return false
}

// patientPronouns stand for a passive's subject named before.
var patientPronouns = setOf(strings.Fields("it he she they this these its"))

// patientWindow is how many words before a passive's verb its subject may
// stand: "X was established and was chartered by".
const patientWindow = 5

// doneForms are the endings of a verb's forms that say a deed was done or
// name its doer: created, written, creator, founders.
var doneForms = []string{"ed", "en", "er", "or", "ers", "ors"}

// nounMarkers make the word after them a noun: "the help of".
var nounMarkers = setOf(strings.Fields("the a an its their his her our this that"))

// namesItsThings reports whether what a question names as a thing of the
// software (an identifier it writes: "--atomic", "values.schema.json";
// a word mixing letters and digits: "k3s") stands in the sentence or
// around it (a.names: its passage, headings, title, the document's
// opening), as the question's names must. "What does the --atomic flag
// of helm upgrade do?" is not answered by a sentence on the --set flag of
// helm upgrade: the flag asked about is what the pages never mention.
func (f focus) namesItsThings(terms []string, a around) bool {
	has := setOf(terms)
	lower := strings.ToLower(a.text)
	for i, w := range f.words {
		c := f.compound[i]
		switch {
		case c != "":
			if a.text != "" && strings.Contains(lower, c) || holdsAll(w, has) || holdsAll(w, a.names) {
				continue
			}
		case thingWord(f.wordOf(i)):
			if holdsAlt(w, has) || holdsAlt(w, a.names) {
				continue
			}
		default:
			continue
		}
		return false
	}
	return true
}

// wordOf returns focus word i as the question writes it, lower case; ""
// when not known.
func (f focus) wordOf(i int) string {
	k := -1
	for j := range f.every {
		if !f.everyName[j] {
			k++
			if k == i {
				return f.everyWord[j]
			}
		}
	}
	return ""
}

// thingWord reports a word mixing letters and digits ("k3s", "ipv6"), the
// way software names its things.
func thingWord(w string) bool {
	letter, digit := false, false
	for _, r := range w {
		letter = letter || unicode.IsLetter(r)
		digit = digit || unicode.IsDigit(r)
	}
	return letter && digit
}

// answers returns the test a sentence must pass to answer a question
// (asked, framing taken out; query, as searched) in extractive mode, with
// share the part of its focus the sentence must hold, and whether it opens
// with a name the question asks about. A sentence that only shares the
// question's names ("Jack Ma") is not an answer to what it asks of them
// ("how old").
func (st *state) answers(asked, query string, share float64) func(sentence string, terms []string, a around) (bool, int) {
	f, fits := st.fitter(asked, query)
	return func(sentence string, terms []string, a around) (bool, int) {
		c, ok := fits(sentence, terms, a)
		return ok && c.passes(share), st.opensWith(sentence, f)
	}
}

// fitter returns the question's focus and a test of a sentence: whether
// it passes the rules that do not weigh the focus (the kind of answer,
// what is counted, the deed done, the things named, an English question's
// negation, numbers and antonyms), and, when it does, how much of the
// focus it holds.
func (st *state) fitter(asked, query string) (focus, func(sentence string, terms []string, a around) (fit, bool)) {
	f, check := st.fitCheck(asked, query)
	return f, func(sentence string, terms []string, a around) (fit, bool) {
		c, refused := check(sentence, terms, a)
		return c, refused == ""
	}
}

// fitCheck is fitter's test saying which rule refused a sentence: "" when
// none did (bench/abstain -explain counts misses by it).
func (st *state) fitCheck(asked, query string) (focus, func(sentence string, terms []string, a around) (fit, string)) {
	f, kind, counted, lang := st.focusOf(query), kindOf(asked), st.counted(asked), text.GuessLanguage(asked)
	deed, deedAlts := pastAgentVerb(asked), []string(nil)
	var numbers []string
	var opp opposites
	if lang == "en" {
		numbers, opp = numbersOf(asked), oppositesOf(asked)
	}
	if f.governed >= 0 {
		deedAlts = f.alts[f.governed]
	}
	names := st.entityCheckOf(query, f, lang)
	var askedTerms map[string]bool
	if deed != "" {
		askedTerms = map[string]bool{}
		for _, e := range f.every {
			for _, t := range e {
				askedTerms[t] = true
			}
		}
	}
	asksDefault := lang == "en" && asksTheDefault(asked)
	var took, tookAlts []string // the verb "How long does it take to V?" times
	if lang == "en" {
		if v := timedVerb(asked); v != "" {
			took = st.analyze(v)
			if i := slices.Index(f.everyWord, v); i >= 0 {
				tookAlts = f.everyAlts[i]
			}
		}
	}
	times := counted != nil && st.countsTimes(counted)
	// "At what address …" is answered by a sentence writing one
	// ("navigate to http://localhost:16686"), which holds the noun asked
	// for though it never writes it.
	var addr []string
	if n := addressNoun(asked); n != "" {
		addr = st.analyze(n)
	}
	var focusTerms map[string]bool // the negated words' focus terms, for negatedHeld
	if lang == "en" {
		for _, nw := range negatedWords(asked) {
			for _, t := range st.analyze(nw) {
				if slices.ContainsFunc(f.words, func(w []string) bool { return slices.Contains(w, t) }) {
					if focusTerms == nil {
						focusTerms = map[string]bool{}
					}
					focusTerms[t] = true
				}
			}
		}
	}
	folded := text.Fold(query) // for rowKey
	return f, func(sentence string, terms []string, a around) (fit, string) {
		if addr != nil && holdsAddress(sentence) {
			terms = append(slices.Clip(terms), addr...)
		}
		if neg := negatedHeld(sentence, focusTerms, st.index.Analyze); neg != nil {
			// "… does not match?" of "… if there is a mismatch".
			terms = append(slices.Clip(terms), neg...)
		}
		// "How many times …" is answered by "twice", which is no figure
		// followed by what it counts.
		once := times && hasWord(sentence, timesWords)
		switch {
		case len(f.unknown) > 0:
			// "How many IOPS does an NVMe drive provide?" is not
			// answered by a sentence on IOPS that never names NVMe.
			return fit{}, "unknown name"
		case asksDefault && !saysDefault(sentence, a):
			// "What is the default heartbeat interval?" is not
			// answered by a sentence on tuning the interval.
			return fit{}, "default"
		case kind == anyKind && a.row && st.bareRow(sentence, f):
			return fit{}, "bare row"
		case !once && !kind.fitsIn(sentence, lang):
			return fit{}, "kind"
		case !once && !st.countsIt(sentence, counted):
			return fit{}, "counted"
		case !st.saysDone(sentence, terms, deed, deedAlts, askedTerms):
			return fit{}, "deed"
		case len(took) > 0 && !holdsWord(took, setOf(terms), terms) && !holdsAlt(tookAlts, setOf(terms)):
			// "How long does it take to rotate the trust anchor by
			// hand?" is not answered by "The trust anchor … expires
			// after 365 days": a duration of another deed.
			return fit{}, "deed"
		case !f.namesItsThings(terms, a):
			return fit{}, "things named"
		// An English question's negation may stand in a sentence either
		// side, which an answer may show with the one chosen.
		case lang == "en" && !keepsNegation(asked, sentence+"\n"+a.nearText, st.index.Analyze):
			return fit{}, "negation"
		case !keepsNumbers(numbers, sentence, a.nearText):
			// "Who patented a steam engine in 1883?" is not answered
			// by "In 1781 James Watt patented a steam engine".
			return fit{}, "numbers"
		case !opp.keeps(sentence, a.nearText):
			// "What triggers a slow killing response?" is not
			// answered by "… triggers a rapid killing response".
			return fit{}, "antonym"
		case !names.holds(terms, a):
			// "Who ruled Poland in 1500?" is not answered by a
			// sentence on Hungary's kings in a paragraph that names
			// Poland elsewhere.
			return fit{}, "entity swap"
		}
		free := st.freeTerms(asked, sentence, terms)
		c := f.coverage(free, a)
		if a.row && c.named && cellAndColumn(sentence, a.header, folded) {
			// The question asks a column of this row by their names:
			// the rest of its words say how it asks ("term",
			// "corresponds"), which the row need not repeat.
			c.held, c.governed, c.hits = c.total, true, max(c.hits, 1)
		} else if a.row {
			if k := rowKey(sentence, folded); k != "" {
				if key := st.analyze(k); !f.namesColumn(key, st.analyze(columnNames(a.header))) {
					// A row keyed by what the question names, whose
					// question names none of its other columns,
					// answers it when its other cells, its header or
					// its headings hold what is asked of it; the rows
					// beside it are other keys, not its neighbours.
					// The key's own weight ("2.45", "4.2.x": a rare
					// word) no longer carries a question asking what
					// no column holds ("Who is the release shepherd
					// of Prometheus 2.45?"). A question naming
					// nothing but the key is measured as before.
					ka := a
					ka.key, ka.near, ka.nearText = key, nil, ""
					if kc := f.coverage(free, ka); kc.total > 0 {
						c = kc
					}
				}
			}
		}
		return c, ""
	}
}

// namesColumn reports whether the question names a column of a row's
// table other than its key's, by any word of it but those the key holds
// (name or not: "What does OpenTelemetry call Jaeger's span logs?" names
// the column "OpenTelemetry"). cols is the terms of those columns' names.
func (f focus) namesColumn(key, cols []string) bool {
	has, k := setOf(cols), setOf(key)
	for _, w := range f.every {
		if !holdsAll(w, k) && holdsWord(w, has, cols) {
			return true
		}
	}
	return false
}

// columnNames is a table's header line without its first column, the
// key's: the names of the columns a row's cells are of.
func columnNames(header string) string {
	_, rest, _ := strings.Cut(header, " | ")
	return rest
}

// clauseWeight returns the weight of the question's words (names
// included, as pairWeight counts them) that a sentence holds within one
// clause, its best, and in all. A sentence that says what is asked holds
// its words together ("The earlier versions of InfluxDB had some issues
// …"); one that only mentions them spreads them over clauses ("InfluxDB
// looked more promising so we started trying out the early-ish versions
// …"). Clauses part at punctuation of any script and at English and
// French conjunctions; relative pronouns do not part them ("the 4KB limit
// which is set for cookies").
func (st *state) clauseWeight(f focus, sentence string) (best, all float64) {
	every := map[int]bool{}
	start := 0
	// Each clause is analysed whole, as the index analyses text: a run
	// of ideographs has its words only together ("早期版本").
	flush := func(end int) {
		clause := map[int]bool{}
		for _, t := range st.analyze(sentence[start:end]) {
			for i, e := range f.every {
				if slices.Contains(e, t) {
					clause[i], every[i] = true, true
				}
			}
		}
		sum := 0.0
		for i := range clause {
			sum += f.everyWeights[i]
		}
		best = max(best, sum)
		start = end
	}
	prev := 0
	for w := range text.Words(sentence) {
		if k := strings.IndexAny(sentence[prev:w.Start], clauseMarks); k >= 0 {
			flush(prev + k)
		} else if clauseWords[strings.ToLower(sentence[w.Start:w.End])] {
			flush(w.Start)
		}
		prev = w.End
	}
	flush(len(sentence))
	for i := range every {
		all += f.everyWeights[i]
	}
	return best, all
}

// clauseMarks part clauses: commas, semicolons, colons, brackets and
// dashes, Latin, Chinese and Arabic.
const clauseMarks = ",;:()[]—–，、；：（）،؛"

// clauseWords open a clause: English and French coordinating and
// subordinating conjunctions.
var clauseWords = setOf(strings.Fields("and but so because while whereas although though et mais donc car parce"))

// asksTheDefault reports whether an English question asks for a default
// value ("What is the default timeout?"): what a setting is when nobody
// sets it. "… run by default?" is none: it asks what happens, which a
// page says without calling it a default ("the check runs every
// minute").
func asksTheDefault(q string) bool {
	prev := ""
	for w := range text.Words(q) {
		word := strings.ToLower(q[w.Start:w.End])
		if word == "default" && prev != "by" {
			return true
		}
		prev = word
	}
	return false
}

// saysDefault reports whether a sentence, the sentences either side of it
// or its headings say what is the default: "default", "defaults",
// "defaulted", or "out of the box", "unless" a value is set.
func saysDefault(sentence string, a around) bool {
	for _, s := range []string{sentence, a.nearText} {
		l := strings.ToLower(s)
		if strings.Contains(l, "default") || strings.Contains(l, "out of the box") || strings.Contains(l, "unless") {
			return true
		}
	}
	for _, t := range a.heading {
		if strings.HasPrefix(t, "default") {
			return true
		}
	}
	return false
}

// defaultFirst puts first, keeping their order, the picks that name a
// value as the default (declaresDefault): "What is the default inbound
// policy?" is answered by "`all-unauthenticated`: allow all requests.
// This is the default.", not by "… set proxy.defaultInboundPolicy=audit
// when installing", which holds every word asked inside a setting's name
// and says what to set, not what is set when nobody sets it. Every pick
// here passed keep, whose default guard (saysDefault) takes any sentence
// near the word.
func defaultFirst(picks []pick, sents [][]blockSentence) {
	says := make(map[int]bool, len(picks))
	for _, p := range picks {
		says[p.order] = declaresDefault(sents[p.block], p.at)
	}
	slices.SortStableFunc(picks, func(a, b pick) int { return cmp.Compare(b2i(says[b.order]), b2i(says[a.order])) })
}

// declaresDefault reports whether sentence i of ss names a value as the
// default: it says "is the default", "defaults to", "default is",
// "default:", or the sentence after it in the same passage does, short
// and opening with "this", "that" or "it" ("`all-unauthenticated`: allow
// all requests. This is the default."), which names no value itself.
func declaresDefault(ss []blockSentence, i int) bool {
	if saysOfThePrevious(ss[i].text) {
		// "This is the default." names no value: the one before it.
		return false
	}
	if namesDefault(ss[i].text) {
		return true
	}
	return i+1 < len(ss) && ss[i+1].src == ss[i].src && !ss[i+1].code && ss[i+1].header == "" &&
		saysOfThePrevious(ss[i+1].text) && namesDefault(ss[i+1].text)
}

// saysOfThePrevious reports a short sentence whose subject is "this", "that" or
// "it": it says something of what the sentence before it says.
func saysOfThePrevious(s string) bool {
	if text.CountWords(s) > 8 {
		return false
	}
	for w := range text.Words(s) {
		first := strings.ToLower(s[w.Start:w.End])
		return first == "this" || first == "that" || first == "it"
	}
	return false
}

// namesDefault reports whether an English sentence names a value as the
// default, with "default" a word of its prose, not part of a name
// ("default-inbound-policy", "defaultInboundPolicy"): "… is the default",
// "… are the defaults", "defaults to …", "the default is …", "Default:
// 30s".
func namesDefault(s string) bool {
	var words []string
	var after []string // what follows each word up to the next
	prev := 0
	for w := range text.Words(s) {
		if len(words) > 0 {
			after = append(after, s[prev:w.Start])
		}
		words = append(words, strings.ToLower(s[w.Start:w.End]))
		prev = w.End
	}
	after = append(after, s[prev:])
	for k, w := range words {
		if w != "default" && w != "defaults" {
			continue
		}
		before := ""
		if k > 0 {
			before = after[k-1]
		}
		// Inside a name: "config.io/default-policy", "proxy.default".
		if strings.ContainsAny(before, "-_./=") && strings.TrimSpace(before) == before || strings.HasPrefix(after[k], "-") || strings.HasPrefix(after[k], "_") {
			continue
		}
		switch {
		case w == "defaults" && k+1 < len(words) && words[k+1] == "to" && strings.TrimSpace(after[k]) == "":
			return true
		case strings.HasPrefix(strings.TrimSpace(after[k]), ":"):
			return true
		case w == "default" && k+1 < len(words) && words[k+1] == "is" && strings.TrimSpace(after[k]) == "":
			return true
		case k >= 2 && words[k-1] == "the" && isBe(words[k-2]) || k >= 1 && isBe(words[k-1]):
			return true
		}
	}
	return false
}

// isBe reports a form of "to be" that says what something is.
func isBe(w string) bool {
	switch w {
	case "is", "are", "was", "were", "becomes", "remains":
		return true
	}
	return false
}

// timedVerb returns the verb whose duration an English question asks,
// lower case: "How long does it take to rotate …?", "How long did it take
// the crew to build …?" → rotate, build; "" for any other question.
func timedVerb(q string) string {
	var ws []string
	for w := range text.Words(q) {
		ws = append(ws, strings.ToLower(q[w.Start:w.End]))
	}
	if len(ws) < 6 || ws[0] != "how" || ws[1] != "long" || !howAux[ws[2]] {
		return ""
	}
	k := slices.Index(ws, "take")
	if k < 0 {
		k = slices.Index(ws, "took")
	}
	if k < 0 || k > 5 {
		return ""
	}
	for i := k + 1; i+1 < len(ws) && i <= k+6; i++ {
		if ws[i] == "to" {
			return ws[i+1]
		}
	}
	return ""
}
