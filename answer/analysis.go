package answer

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"corpusbot/corpus"
	"corpusbot/text"
)

// passageTerms is a passage's sentences with their analysed terms. Quotes
// and the support check need them for every cited passage of every answer;
// passages do not change while a state lives, so each is analysed once,
// on first use, and kept.
type passageTerms struct {
	sentences []text.Span // offsets in the passage's Text
	terms     [][]string
	all       map[string]bool
	// literal marks the "sentences" that are several lines of a code
	// block or table run together: never quoted as a sentence.
	literal []bool
	// heading is the terms of the section headings the passage sits
	// under (not the document's title): what its sentences answer.
	heading []string
	// header is, for a sentence that is a table's row, the table's
	// header line; "" for any other.
	header []string
}

// shingleSet is a passage's word 3-grams, for near-duplicate checks.
type shingleSet = map[string]struct{}

// analyses caches passageTerms and shingles per retrieval item. Two
// goroutines may both compute one; either result is the same.
type analyses struct {
	terms    []atomic.Pointer[passageTerms]
	shingles []atomic.Pointer[shingleSet]
}

func newAnalyses(n int) analyses {
	return analyses{
		terms:    make([]atomic.Pointer[passageTerms], n),
		shingles: make([]atomic.Pointer[shingleSet], n),
	}
}

func (st *state) shingles(item int) shingleSet {
	if s := st.cache.shingles[item].Load(); s != nil {
		return *s
	}
	ps, _ := st.passage(item)
	s := shingles(ps.Text)
	st.cache.shingles[item].Store(&s)
	return s
}

func (st *state) analysis(item int) *passageTerms {
	if a := st.cache.terms[item].Load(); a != nil {
		return a
	}
	ps, d := st.passage(item)
	a := &passageTerms{all: make(map[string]bool)}
	a.sentences, a.header = tableRows(ps, text.SentencesOfItems(ps.Text), continuedHeader(d, ps.Index))
	a.terms = make([][]string, len(a.sentences))
	a.literal = make([]bool, len(a.sentences))
	for i, sp := range a.sentences {
		a.terms[i] = st.index.Analyze(ps.Text[sp.Start:sp.End])
		for _, t := range a.terms[i] {
			a.all[t] = true
		}
		a.literal[i] = multiLineLiteral(ps, sp)
	}
	a.heading = st.index.Analyze(strings.Join(ps.Headings, "\n"))
	st.cache.terms[item].Store(a)
	return a
}

// tableRows splits the tables of a passage into their rows: a row, with
// its header, answers ("4.2.x | 1.36.x - 1.33.x" under "Helm Version |
// Supported Kubernetes Versions"), where the sentence splitter made the
// whole table one "sentence" of lines never quoted, or cut it at the
// periods of its cells. It returns the passage's sentences, those
// overlapping a table replaced by the table's rows (their parts outside
// it kept), and each one's header line ("" for none).
//
// carried is the header of a table the passage opens with that goes on
// from the passage before (continuedHeader): the passage's first line is
// then a row under it.
func tableRows(ps *corpus.Passage, ss []text.Span, carried string) ([]text.Span, []string) {
	var tables [][2]int
	for _, l := range ps.Literal {
		if isTable(ps.Text[l[0]:l[1]]) {
			tables = append(tables, l)
		}
	}
	if len(tables) == 0 {
		return ss, make([]string, len(ss))
	}
	type row struct {
		sp     text.Span
		header string
	}
	var out []row
	for _, sp := range ss {
		for _, t := range tables {
			if sp.Start < t[1] && t[0] < sp.End {
				// Keep what stands outside the table.
				if sp.Start < t[0] && strings.TrimSpace(ps.Text[sp.Start:t[0]]) != "" {
					out = append(out, row{sp: trimSpan(ps.Text, text.Span{Start: sp.Start, End: t[0]})})
				}
				sp.Start = max(sp.Start, t[1])
			}
		}
		if sp.Start < sp.End && strings.TrimSpace(ps.Text[sp.Start:sp.End]) != "" {
			out = append(out, row{sp: trimSpan(ps.Text, sp)})
		}
	}
	for _, t := range tables {
		header := ""
		if t[0] == 0 {
			header = carried
		}
		start := t[0]
		for _, line := range strings.SplitAfter(ps.Text[t[0]:t[1]], "\n") {
			sp := trimSpan(ps.Text, text.Span{Start: start, End: start + len(line)})
			start += len(line)
			switch {
			case sp.Start >= sp.End:
			case header == "":
				header = ps.Text[sp.Start:sp.End]
			default:
				out = append(out, row{sp: sp, header: header})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b row) int { return a.sp.Start - b.sp.Start })
	spans, headers := make([]text.Span, len(out)), make([]string, len(out))
	for i, r := range out {
		spans[i], headers[i] = r.sp, r.header
	}
	return spans, headers
}

// continuedHeader is the header line of the table that passage i of d
// opens with when the table began in an earlier passage (a table longer
// than a passage is cut between its rows, which only a line break parts),
// else "".
func continuedHeader(d *corpus.Document, i int) string {
	if !continuesTable(d, i) {
		return ""
	}
	j := i - 1
	for continuesTable(d, j) {
		j--
	}
	lit := d.Passages[j].Literal
	last := lit[len(lit)-1]
	header, _, _ := strings.Cut(d.Passages[j].Text[last[0]:last[1]], "\n")
	return strings.TrimSpace(header)
}

// continuesTable reports whether passage i of d opens with the rest of a
// table that passage i-1 ends with.
func continuesTable(d *corpus.Document, i int) bool {
	if i <= 0 || i >= len(d.Passages) {
		return false
	}
	ps, prev := &d.Passages[i], &d.Passages[i-1]
	if len(ps.Literal) == 0 || ps.Literal[0][0] != 0 || len(prev.Literal) == 0 ||
		prev.End > ps.Start || d.Text[prev.End:ps.Start] != "\n" {
		return false
	}
	last := prev.Literal[len(prev.Literal)-1]
	return last[1] == len(prev.Text) && strings.Contains(prev.Text[last[0]:last[1]], " | ") &&
		strings.Contains(ps.Text[:ps.Literal[0][1]], " | ")
}

// isTable reports whether a literal block is a table as the loader
// writes one: two lines or more, each with cells set off by " | ".
func isTable(s string) bool {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) < 2 {
		return false
	}
	for _, l := range lines {
		if !strings.Contains(l, " | ") {
			return false
		}
	}
	return true
}

// trimSpan narrows a span of s to what lies between its spaces.
func trimSpan(s string, sp text.Span) text.Span {
	t := s[sp.Start:sp.End]
	lead := len(t) - len(strings.TrimLeft(t, " \t\n"))
	return text.Span{Start: sp.Start + lead, End: sp.Start + len(strings.TrimRight(t, " \t\n"))}
}

// withHeader writes a table's row with its header: each cell after its
// column's name ("Helm Version: 4.2.x; Supported Kubernetes Versions:
// 1.36.x - 1.33.x"), or the header line before the row when their cells
// do not pair up (a cell holding " | " itself).
func withHeader(header, row string) string {
	hs, rs := strings.Split(header, " | "), strings.Split(row, " | ")
	if len(hs) != len(rs) {
		return header + " — " + row
	}
	parts := make([]string, len(hs))
	for i := range hs {
		parts[i] = strings.TrimSpace(hs[i]) + ": " + strings.TrimSpace(rs[i])
	}
	return strings.Join(parts, "; ")
}

// cellAndColumn reports whether the question writes whole one cell of a
// table's row and the header of another of its columns (namedWhole): it
// asks that column of that row, whatever its other words ("Which Jaeger
// term corresponds to OpenTelemetry attributes?" of "Tags | Attributes |
// …" under "Jaeger | OpenTelemetry | Notes"). A column's header written
// whole is a name of that table, not a word any page uses ("version" of
// "Supported Kubernetes Versions").
func cellAndColumn(row, header, folded string) bool {
	cells, heads := strings.Split(row, " | "), strings.Split(header, " | ")
	if len(cells) != len(heads) || len(cells) < 2 {
		return false
	}
	for i, c := range cells {
		if !namedWhole(c, folded) {
			continue
		}
		for j, h := range heads {
			if j != i && namedWhole(h, folded) {
				return true
			}
		}
	}
	return false
}

// rowKey returns the key cell of a table's row, its first cell, when the
// question names it: written in the question whole, folded, not as a part
// of a longer word or number ("Prometheus 2.45" in "When does support for
// Prometheus 2.45 end?"; not "2" in "2.45" nor "Table" in "Tables"). ""
// when the question does not name it, or the cell is empty or long (a
// sentence, not a key: six words or more). folded is the question as
// text.Fold leaves it, folded once for all the rows it is asked of.
func rowKey(row, folded string) string {
	cell, _, ok := strings.Cut(row, " | ")
	if cell = strings.TrimSpace(cell); ok && namedWhole(cell, folded) {
		return cell
	}
	return ""
}

// namedWhole reports whether a table's cell is written whole in a question
// (folded): not as a part of a longer word or number, nor an empty cell
// or a long one (six words or more: a sentence, not a name).
func namedWhole(cell, folded string) bool {
	cell = strings.TrimSpace(cell)
	if cell == "" || text.CountWords(cell) > 5 || !strings.ContainsFunc(cell, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return false
	}
	k := text.Fold(cell)
	for from := 0; ; {
		i := strings.Index(folded[from:], k)
		if i < 0 {
			return false
		}
		i += from
		if keyEdge(folded[:i], false) && keyEdge(folded[i+len(k):], true) {
			return true
		}
		from = i + 1
	}
}

// keyEdge reports whether s, beside a key found in a question (after it
// when after, else before), leaves the key whole: no Latin letter or digit
// joins it, nor a full stop or underscore with one beyond ("2.45.1",
// "v2.45"). Ideographs may: Chinese writes no spaces ("TiDB的").
func keyEdge(s string, after bool) bool {
	joins := func(r rune) bool { return '0' <= r && r <= '9' || unicode.Is(unicode.Latin, r) }
	next, beyond := utf8.DecodeLastRuneInString, func(s string, n int) string { return s[:len(s)-n] }
	if after {
		next, beyond = utf8.DecodeRuneInString, func(s string, n int) string { return s[n:] }
	}
	r, n := next(s)
	if n == 0 {
		return true
	}
	r2, _ := next(beyond(s, n))
	return !joins(r) && !((r == '.' || r == '_') && joins(r2))
}

// multiLineLiteral reports whether a sentence span of a passage runs
// together lines of a code block or table. One line of either reads as a
// line: a table's row is quoted with its header, a command after the
// lead-in that introduces it (bestSentences).
func multiLineLiteral(ps *corpus.Passage, sp text.Span) bool {
	if !strings.Contains(ps.Text[sp.Start:sp.End], "\n") {
		return false
	}
	for _, l := range ps.Literal {
		if l[0] < sp.End && sp.Start < l[1] {
			return true
		}
	}
	return false
}

// blockSentence is a sentence of a block with its terms.
type blockSentence struct {
	text    string
	terms   []string
	heading []string // the terms of its passage's section headings
	opens   bool     // the first sentence of a section under a heading
	literal bool     // lines of code or of a table, not a sentence
	src     string   // its passage's text, of which it is src[sp.Start:sp.End]
	sp      text.Span
	code    bool   // code: a line of it, or lines run together
	litEnd  int    // for code, the end in src of its literal block, trimmed
	item    bool   // a list item
	header  string // a table row's header line; "" for any other sentence
}

// sentences lists the sentences of a block in document order, leaving out
// any past the end of a block's text that was cut to fit the budget.
func (st *state) blockSentences(b *block) []blockSentence {
	items := slices.Clone(b.items)
	slices.Sort(items)
	base := st.corpus.Docs[b.doc].Passages[b.first].Start
	var out []blockSentence
	for _, it := range items {
		ps, _ := st.passage(it)
		a := st.analysis(it)
		off := ps.Start - base
		for i, sp := range a.sentences {
			if off+sp.End > len(b.text) {
				break
			}
			out = append(out, blockSentence{text: ps.Text[sp.Start:sp.End], terms: a.terms[i], heading: a.heading,
				opens: i == 0 && opensSection(st.corpus.Docs[b.doc].Passages, ps.Index), literal: a.literal[i],
				src: ps.Text, sp: sp, code: isCode(ps, sp), litEnd: literalEnd(ps, sp), item: isItem(ps, sp), header: a.header[i]})
		}
	}
	return out
}

// opensSection reports whether passage i of a document starts a section
// under a heading: the passage before it sits under other headings.
func opensSection(ps []corpus.Passage, i int) bool {
	return len(ps[i].Headings) > 0 && (i == 0 || !slices.Equal(ps[i-1].Headings, ps[i].Headings))
}

// isCode reports whether a sentence span of a passage overlaps a literal
// block: code or a table.
func isCode(ps *corpus.Passage, sp text.Span) bool {
	for _, l := range ps.Literal {
		if l[0] < sp.End && sp.Start < l[1] {
			return true
		}
	}
	return false
}

// isItem reports whether a sentence span of a passage is a list item: a
// bullet opens its line, or the span opens its line with a number ("1. ",
// "2) "), as the corpus loader writes an ordered list's items.
func isItem(ps *corpus.Passage, sp text.Span) bool {
	before := strings.TrimRight(ps.Text[:sp.Start], " \t")
	if strings.HasSuffix(before, "•") {
		return true
	}
	if before != "" && !strings.HasSuffix(before, "\n") {
		return false
	}
	_, numbered := itemNumber(ps.Text[sp.Start:sp.End])
	return numbered
}

// itemNumber returns s without the number that opens it as a numbered
// list's item ("2. Remove the files first." → "Remove the files first."),
// and whether one did: up to four digits, then "." or ")", then a space.
func itemNumber(s string) (string, bool) {
	i := 0
	for i < len(s) && i < 4 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i+1 >= len(s) || s[i] != '.' && s[i] != ')' || s[i+1] != ' ' {
		return s, false
	}
	return strings.TrimLeft(s[i+1:], " "), true
}

// literalEnd returns where the literal block a sentence span overlaps
// ends, trailing space left out; 0 when it overlaps none.
func literalEnd(ps *corpus.Passage, sp text.Span) int {
	for _, l := range ps.Literal {
		if l[0] < sp.End && sp.Start < l[1] {
			return l[0] + len(strings.TrimRight(ps.Text[l[0]:l[1]], " \t\n"))
		}
	}
	return 0
}

// maxMemo bounds the texts one question's memo keeps: a summary of a long
// document analyses many sentences once each, which a memo would only hold.
const maxMemo = 4096

// termMemo keeps the terms of the texts one question analyses. Its checks
// (focus, sentence fit, sources, names) analyse the same question, words
// and titles again and again, and each analysis runs every analyser of the
// index; terms depend on the text alone. It lives as long as the question.
type termMemo struct {
	mu    sync.Mutex // a model's reply is checked as it streams in
	terms map[string][]string
}

// asking returns st for one question: the same corpus, with a memo of its
// own.
func (st *state) asking() *state {
	return &state{built: st.built, memo: &termMemo{terms: make(map[string][]string)}}
}

// analyze returns the terms of s as Index.Analyze does, from the memo when
// the question analysed s before. Each call returns its own slice, as
// Analyze does: callers may append to it or reorder it.
func (st *state) analyze(s string) []string {
	m := st.memo
	if m == nil {
		return st.index.Analyze(s)
	}
	m.mu.Lock()
	terms, ok := m.terms[s]
	m.mu.Unlock()
	if !ok {
		terms = st.index.Analyze(s)
		m.mu.Lock()
		if len(m.terms) < maxMemo {
			m.terms[s] = terms
		}
		m.mu.Unlock()
	}
	return slices.Clone(terms)
}
