package verify

import (
	"slices"
	"strconv"
	"strings"

	"corpusbot/i18n"
	"corpusbot/text"
)

// Rendered is a reply as the reader sees it.
type Rendered struct {
	Text    string // citations renumbered, quotes taken out, marks in place
	History string // Text without its marked sentences or citations: safe to feed back
	Claims  []Claim
	// Used maps citation numbers to given ones: [i+1] in Text cites
	// passage Used[i]-1 of Passages.
	Used []int
	// Dropped lists the numbers cited that were not given.
	Dropped []int
	Quotes  map[int]string // the verified quote of each citation number
	// Backed counts the claims whose citations are all backed by their
	// quotes (Verified or Weak): a reply with none is not an answer.
	Backed int
}

// Reader renders one reply, from its first streamed piece to its end.
// Rendering is per sentence and in order, so the rendering of a prefix of
// the reply is a prefix of the rendering of the whole: what streams is
// what the result says, marks included.
type Reader struct {
	ck    *checker
	given int
	cache map[string]Claim
	// spans memoizes the plain text of each sentence rendered: a
	// streaming reply is rendered whole after every piece, so each of its
	// sentences is read once per piece otherwise.
	spans map[string]spanText
}

// spanText is what rendering reads of a sentence on its own: pure
// functions of its text, so a memo of them renders byte for byte the same.
type spanText struct {
	plain string // without citations, spaces or list marker
	key   string // repeatKey(plain)
	bare  bool   // nothing but citations and spaces
}

// spanText is the memoized spanText of sentence s.
func (rd *Reader) spanText(s string) spanText {
	if t, ok := rd.spans[s]; ok {
		return t
	}
	plain := strings.TrimSpace(ParseCitations(s, 0).Text)
	t := spanText{bare: plain == ""}
	t.plain = strings.TrimSpace(plain[listPrefix(plain):])
	t.key = repeatKey(t.plain)
	if rd.spans != nil { // nil: unmemoized, as the tests' reference renders
		rd.spans[s] = t
	}
	return t
}

// NewReader makes the Reader of one reply to question that was given ps,
// numbered [1] to [ps.Len()]; an tells which words are searchable.
func NewReader(ps Passages, an Analyzer, question string) *Reader {
	return &Reader{ck: newChecker(ps, an, question), given: ps.Len(), cache: map[string]Claim{}, spans: map[string]spanText{}}
}

// Given is the number of passages the reply was given.
func (rd *Reader) Given() int { return rd.given }

// Render renders raw, the reply as written. With partial set, raw is
// still streaming: only the sentences that are complete are rendered.
func (rd *Reader) Render(raw string, partial bool) Rendered {
	// Reasoning whose opening tag the prompt held is dropped when it
	// backs no claim: then nothing of it showed while it streamed. A text
	// that does is an answer, and stays.
	raw = unwrapReply(raw, partial, func(before string) bool { return rd.render(before, false).Backed > 0 })
	return rd.render(raw, partial)
}

// verbatim reports whether s stands in given passage n as a quote must:
// folded, and long enough to prove something.
func (rd *Reader) verbatim(n int, s string) bool {
	segs := quoteSegments(s)
	if segs == nil {
		return false
	}
	_, _, _, ok := rd.ck.block(n-1).findQuote(s, segs)
	return ok
}

// render is Render of a reply without its wrapping.
func (rd *Reader) render(raw string, partial bool) Rendered {
	if partial {
		raw = raw[:stableCut(raw)]
	} else {
		raw = withoutOpenFence(raw)
	}
	sc, refs := withoutReferences(scanReply(raw, rd.given, partial, rd.verbatim), partial)
	fences := fencedBlocks(sc.text)
	spans := apartFromFences(text.SentencesOfItems(sc.text), fences, sc.text)
	if partial && len(spans) > 0 {
		spans = spans[:len(spans)-1] // the last may go on
	}
	out := Rendered{Used: sc.used, Dropped: sc.dropped, Quotes: map[int]string{}}
	orphans := orphanQuotes(sc, spans, rd.spanText)
	for n, q := range refs {
		if _, ok := orphans[n]; !ok {
			orphans[n] = q
		}
	}
	var body, hist strings.Builder
	prev, marks := 0, 0
	ri := 0
	shown := map[string]*shownClaim{}
	heldGap := ""             // the gap before a repeat left out, and the line opening it held
	checked := map[int]bool{} // the fenced blocks whose code is checked
	for _, sp := range spans {
		var runs []citeRun
		for ri < len(sc.runs) && sc.runs[ri].start < sp.End {
			if sc.runs[ri].start >= sp.Start {
				runs = append(runs, sc.runs[ri])
			}
			ri++
		}
		s := sc.text[sp.Start:sp.End]
		st := rd.spanText(s)
		plain := st.plain
		gap := sc.text[prev:sp.Start]
		prev = sp.End
		if fi := fenceOf(sp, fences); fi >= 0 {
			// A code block is shown as written. Its code must stand in
			// a cited passage; if not, a line of its own before the
			// fence holds the mark (a mark on the fence line would undo
			// the block, one inside would change the code).
			mark := ""
			if !checked[fi] {
				checked[fi] = true
				c, undecided := rd.code(sc.text, fences[fi], sc.used)
				if undecided && partial {
					break // held back until the reply cites the passage, or ends
				}
				if c.Support != "" {
					marks++
					c.Mark = marks
					out.Claims = append(out.Claims, c)
					mark = c.MarkText() + "\n" + gap[strings.LastIndexByte(gap, '\n')+1:]
				}
			}
			if body.Len() > 0 {
				body.WriteString(gap)
			}
			body.WriteString(mark + s)
			continue
		}
		if plain == "" {
			// A citation alone, or a quote listed after the answer: it
			// backs the claims that cite its number, and is not shown.
			continue
		}
		for i := range runs {
			if runs[i].quote == "" {
				runs[i].quote = orphans[runs[i].nums[0]]
			}
		}
		var c Claim
		if len(runs) == 0 && strings.Contains(s, "|") {
			header, undecided := tableHeader(sc.text, sp.End)
			if undecided && partial {
				break // held until the line under it shows whether it heads a table
			}
			if header {
				c = Claim{Text: plain} // it names columns, and states nothing
			}
		}
		if c.Text == "" {
			c = rd.claim(plain, runs, sc.used)
		}
		if key := st.key; key != "" {
			if p := shown[key]; p != nil && !p.adds(c) {
				// A repeat of a sentence shown, citing nothing it did not
				// and no better backed: shown once. Only later sentences
				// are left out, so what has streamed stays.
				if strings.Contains(gap, "\n") {
					// It opened a line: the next sentence on that line
					// takes its list marker or heading hashes.
					heldGap = gap + s[:markAt(s)]
				}
				continue
			}
			shown[key] = shown[key].with(c)
		}
		if heldGap != "" && !strings.Contains(gap, "\n") {
			gap = heldGap
		}
		heldGap = ""
		if c.Support != "" && c.Support != Verified {
			marks++
			c.Mark = marks
		}
		if c.Support == Verified || c.Support == Weak {
			out.Backed++
			for n, q := range c.backed {
				if _, ok := out.Quotes[n]; !ok {
					out.Quotes[n] = q
				}
			}
		}
		out.Claims = append(out.Claims, c)
		if body.Len() > 0 {
			body.WriteString(gap)
		}
		if c.Marked() {
			body.WriteString(withMark(s, c.MarkText()))
		} else {
			body.WriteString(s)
			if hist.Len() > 0 {
				hist.WriteString(gapSpace(gap))
			}
			hist.WriteString(plain)
		}
	}
	out.Text = body.String()
	out.History = hist.String()
	return out
}

// tableHeader reports whether the line ending at or after end is a
// table's header row: a delimiter row ("|---|:--:|") follows it. undecided:
// the next line is not whole yet and may still be one.
func tableHeader(s string, end int) (header, undecided bool) {
	nl := strings.IndexByte(s[end:], '\n')
	if nl < 0 {
		return false, true
	}
	next := s[end+nl+1:]
	line, whole := next, false
	if e := strings.IndexByte(next, '\n'); e >= 0 {
		line, whole = next[:e], true
	}
	line = strings.TrimSpace(line)
	if strings.Trim(line, "|-: \t") != "" {
		return false, false
	}
	return strings.Contains(line, "|") && strings.Contains(line, "-"), !whole
}

// minRepeatWords is the least a sentence holds for a repeat of it to be
// left out: a short phrase ("See below.", "Yes.") may fairly stand twice.
const minRepeatWords = 6

// repeatKey is what two sentences share when one repeats the other: their
// words, folded as quotes are matched (case, width, punctuation, spacing),
// citations and marks aside. "" for a sentence too short to count.
func repeatKey(plain string) string {
	f := text.MatchFold(plain)
	words, ideos := countFolded(f)
	if words+ideos/2 < minRepeatWords {
		return ""
	}
	return f
}

// shownClaim is what the showings of one sentence have given the reader:
// the citations and the best support.
type shownClaim struct {
	cites   map[int]bool
	support Support
}

// supportRank orders supports from the least backed to the best.
var supportRank = map[Support]int{"": 0, Uncited: 1, Unverified: 2, Weak: 3, Verified: 4}

// adds reports whether c, a repeat, gives the reader something its
// showings did not: a citation (a source the Sources would otherwise list
// without a sentence citing it) or better backing. Such a repeat is shown.
func (p *shownClaim) adds(c Claim) bool {
	if supportRank[c.Support] > supportRank[p.support] {
		return true
	}
	for _, n := range c.Cites {
		if !p.cites[n] {
			return true
		}
	}
	return false
}

// with is p after c is shown.
func (p *shownClaim) with(c Claim) *shownClaim {
	if p == nil {
		p = &shownClaim{cites: map[int]bool{}}
	}
	for _, n := range c.Cites {
		p.cites[n] = true
	}
	if supportRank[c.Support] > supportRank[p.support] {
		p.support = c.Support
	}
	return p
}

func (rd *Reader) claim(plain string, runs []citeRun, used []int) Claim {
	var key strings.Builder
	key.WriteString(plain)
	for _, r := range runs {
		key.WriteString("\x00" + r.quote + "\x01")
		for _, n := range r.nums {
			key.WriteString(strconv.Itoa(n) + ",")
		}
	}
	if c, ok := rd.cache[key.String()]; ok {
		return c
	}
	c := rd.ck.check(plain, runs, used)
	rd.cache[key.String()] = c
	return c
}

// withoutOpenFence drops the line of a fence that a finished reply never
// closes: Discord would show all that follows as code, claims included,
// unchecked and with their raw citations and quotes. What follows is read
// as prose. (While the reply streams, it is held back from the fence.)
func withoutOpenFence(raw string) string {
	for {
		_, open := codeRanges(raw)
		if open < 0 {
			return raw
		}
		line, next := lineEnd(raw, open)
		f := strings.TrimLeft(raw[open:line], " \t")
		if !strings.HasPrefix(f, "```") && !strings.HasPrefix(f, "~~~") || !lineStart(raw, open+len(raw[open:line])-len(f)) {
			return raw // a backtick run nothing matches, or mid-line: shown as it is
		}
		// A fence of the other kind inside may open another.
		raw = raw[:open] + raw[next:]
	}
}

// orphanQuotes collects quotes given on lines of their own ("[2] «…»"), as
// a model does that lists its quotes after the answer: each backs the
// citations of its number that came without one.
func orphanQuotes(sc scanned, spans []text.Span, sentence func(string) spanText) map[int]string {
	out := map[int]string{}
	for _, r := range sc.runs {
		if r.quote == "" || r.quoteBefore || len(r.nums) != 1 {
			continue
		}
		for _, sp := range spans {
			if r.start >= sp.Start && r.start < sp.End {
				if sentence(sc.text[sp.Start:sp.End]).bare {
					if _, ok := out[r.nums[0]]; !ok {
						out[r.nums[0]] = r.quote
					}
				}
			}
		}
	}
	return out
}

// withMark puts mark at the start of sentence s, after a list marker or
// heading hashes that open it: before them, the line would no longer be a
// list item or a heading.
func withMark(s, mark string) string {
	i := markAt(s)
	return s[:i] + mark + " " + s[i:]
}

// markAt is where a sentence's mark goes: after its list marker and
// heading hashes ("## ", "- ### ").
func markAt(s string) int {
	i := listPrefix(s)
	j := i
	for j < len(s) && j-i < 6 && s[j] == '#' {
		j++
	}
	if j > i && j < len(s) && s[j] == ' ' {
		return j + 1
	}
	return i
}

// listPrefix is the length of a list marker ("- ", "1. ", "> ") or heading
// hashes at the start of s.
func listPrefix(s string) int {
	for _, m := range []string{"- ", "* ", "• ", "– ", "> "} {
		if strings.HasPrefix(s, m) {
			return len(m)
		}
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' ' {
		return i + 2
	}
	return 0
}

// gapSpace keeps a paragraph break of the text between two kept sentences,
// else one space.
func gapSpace(gap string) string {
	if strings.Contains(gap, "\n") {
		return "\n"
	}
	return " "
}

// StripMarks removes the marked sentences of a text rendered earlier (a
// conversation turn stored before HistoryText existed, or by another
// client): they are not to be fed back as what was said.
func StripMarks(t string) string {
	var b strings.Builder
	prev := 0
	for _, sp := range text.SentencesOfItems(t) {
		s := t[sp.Start:sp.End]
		gap := t[prev:sp.Start]
		prev = sp.End
		rest := s[markAt(s):]
		if strings.HasPrefix(rest, markUnverified) || strings.HasPrefix(rest, markUncited) {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(gapSpace(gap))
		}
		b.WriteString(s)
	}
	return b.String()
}

// StripMark removes a mark that opens s.
func StripMark(s string) string {
	i := markAt(s)
	rest := s[i:]
	for _, m := range []string{markUnverified, markUncited} {
		if strings.HasPrefix(rest, m) {
			rest = strings.TrimLeft(rest[len(m):], "⁰¹²³⁴⁵⁶⁷⁸⁹")
			return s[:i] + strings.TrimLeft(rest, " ")
		}
	}
	return s
}

// withoutReferences takes out of a scanned reply the lines that are
// references rather than claims, and returns the quotes they give by
// citation number, to back the claims citing those numbers:
//
//   - a line that opens with a citation and holds nothing else but its
//     quote ("[2] «…»"), or a colon and a definition ("[^2]: «…»",
//     "[^2]: The article on Alipay."), as a model writes footnotes;
//   - a lead-in ending in a colon ("Sources:") to such lines that end the
//     reply. While the reply streams, a lead-in with nothing after it but
//     such lines is held back: it may turn out to be one;
//   - a sources heading ("Sources", "**Sources:**", "## References", in
//     any language of the catalogue) and the lines under it, to the end of
//     the reply, that open with a citation: the model's own list of its
//     sources ("[1] Title — a link"), which would stand, with its own
//     titles and links, beside the bot's.
func withoutReferences(sc scanned, partial bool) (scanned, map[int]string) {
	lines := replyLines(sc, partial)
	drop := referenceLines(lines, partial)
	if !slices.Contains(drop, true) {
		return sc, nil
	}
	return dropLines(sc, lines, drop)
}

// replyLine is a line of a scanned reply, without its newline, and its
// kind.
type replyLine struct {
	start, end int
	kind       lineKind
}

// lineKind is what a reply's line is to withoutReferences.
type lineKind int

const (
	lineProse lineKind = iota
	lineBlank
	lineRef
	lineLeadIn
	lineEntry   // opens with a citation, then text: a reference list's entry, or a claim
	lineHeading // a sources heading
	lineItem    // a list item citing nothing: under a sources heading that ends the reply, a reference
	linePending // the last line of a streaming reply: it may yet become any
)

// replyLines splits a scanned reply into lines and tells their kinds.
func replyLines(sc scanned, partial bool) []replyLine {
	var lines []replyLine
	ri := 0
	for start := 0; start <= len(sc.text); {
		end := strings.IndexByte(sc.text[start:], '\n')
		if end < 0 {
			end = len(sc.text)
		} else {
			end += start
		}
		l := replyLine{start: start, end: end}
		body := strings.TrimSpace(sc.text[start:end])
		content := start + strings.Index(sc.text[start:end], body) + listPrefix(body)
		for ri < len(sc.runs) && sc.runs[ri].start < content {
			ri++
		}
		cut := false // the line opened with a citation to no given passage
		for _, at := range sc.cutAt {
			cut = cut || at >= start && at <= content && body != ""
		}
		switch {
		case partial && end == len(sc.text):
			l.kind = linePending
			if ri < len(sc.runs) && sc.runs[ri].start == content {
				// "[1]: …" is a reference line whatever follows: its
				// sentences must not show while it streams. A citation
				// alone so far may end its line as one, and its going
				// joins the lines either side into one sentence: held,
				// so the sentence before it does not show too early.
				rest := strings.TrimSpace(sc.text[sc.runs[ri].end:end])
				if refRest(rest) {
					l.kind = lineRef
				}
			}
		case body == "":
			l.kind = lineBlank
		case cut:
			l.kind = lineEntry
		case ri < len(sc.runs) && sc.runs[ri].start == content:
			rest := strings.TrimSpace(sc.text[sc.runs[ri].end:end])
			l.kind = lineEntry
			if refRest(rest) {
				l.kind = lineRef
			}
		case sourcesHeading(body) && (ri >= len(sc.runs) || sc.runs[ri].start >= end):
			l.kind = lineHeading
		case strings.HasSuffix(strings.TrimRight(body, "*_ "), ":") || strings.HasSuffix(strings.TrimRight(body, "*_ "), "："):
			if ri >= len(sc.runs) || sc.runs[ri].start >= end {
				l.kind = lineLeadIn
			}
		case listPrefix(body) > 0 && (ri >= len(sc.runs) || sc.runs[ri].start >= end):
			l.kind = lineItem
		}
		lines = append(lines, l)
		start = end + 1
	}
	return lines
}

// refRest reports whether what follows a citation opening a line makes
// the line a reference: nothing, a colon ("[1]: …"), or only a full stop,
// what is left of "[1]: «…»." once its quote is taken out.
func refRest(rest string) bool {
	return strings.Trim(rest, ".。") == "" || strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：")
}

// referenceLines tells which lines are references to take out: the
// reference lines, the entries under a sources heading that ends the
// reply, and the lead-in of the references that end it (while streaming,
// a lead-in with nothing after it but such lines). It turns the heading
// into a lead-in, and the entries under it into references, in lines.
func referenceLines(lines []replyLine, partial bool) []bool {
	drop := make([]bool, len(lines))
	for i, l := range lines {
		drop[i] = l.kind == lineRef
	}
	// A sources heading and the list under it that ends the reply.
	h := len(lines) - 1
	for h >= 0 && (lines[h].kind == lineBlank || lines[h].kind == lineRef || lines[h].kind == lineEntry || lines[h].kind == lineItem || lines[h].kind == linePending) {
		h--
	}
	if h >= 0 && lines[h].kind == lineHeading {
		// "Sources:\n1. guide.md": a list of the documents, numbered or
		// not, citing or not, is the model's own sources list.
		for k := h + 1; k < len(lines); k++ {
			if lines[k].kind == lineEntry || lines[k].kind == lineItem {
				lines[k].kind = lineRef
				drop[k] = true
			}
		}
		lines[h].kind = lineLeadIn
	}
	// The lead-in of the references that end the reply.
	i := len(lines) - 1
	for i >= 0 && (lines[i].kind == lineBlank || lines[i].kind == lineRef || lines[i].kind == linePending) {
		i--
	}
	if i >= 0 && lines[i].kind == lineLeadIn {
		trailing := 0
		for _, l := range lines[i+1:] {
			if l.kind == lineRef {
				trailing++
			}
		}
		drop[i] = partial || trailing > 0
		if last := len(lines) - 1; drop[i] && partial && lines[last].kind == linePending {
			// Held from sight with its lead-in: should it turn out prose,
			// the lead-in shows again, and what streamed must come first.
			drop[last] = true
		}
	}
	return drop
}

// dropLines is sc without the lines drop marks, its citation runs moved
// to where their lines now stand, and the quotes of the references taken
// out, by citation number (the first for a number cited alone).
func dropLines(sc scanned, lines []replyLine, drop []bool) (scanned, map[int]string) {
	quotes := map[int]string{}
	out := scanned{used: sc.used, dropped: sc.dropped}
	var b strings.Builder
	ri := 0
	for li, l := range lines {
		next := min(l.end+1, len(sc.text))
		if !drop[li] {
			shift := b.Len() - l.start
			b.WriteString(sc.text[l.start:next])
			for ; ri < len(sc.runs) && sc.runs[ri].start < next; ri++ {
				r := sc.runs[ri]
				r.start, r.end = r.start+shift, r.end+shift
				out.runs = append(out.runs, r)
			}
			continue
		}
		for ; ri < len(sc.runs) && sc.runs[ri].start < next; ri++ {
			r := sc.runs[ri]
			if r.quote == "" && len(r.nums) == 1 {
				r.quote = definitionText(sc.text[r.end:l.end])
			}
			if r.quote != "" && len(r.nums) == 1 {
				if _, ok := quotes[r.nums[0]]; !ok {
					quotes[r.nums[0]] = r.quote
				}
			}
		}
	}
	out.text = strings.TrimRight(b.String(), " \t\n")
	return out, quotes
}

// definitionText is the text of a footnote's definition after its
// citation, "[1]: Hook useState trả về…", without quotation marks: a
// model that defines its footnotes with the passage's words gives its
// quote there, as "[1]: «…»" does. "" when rest is not a definition (no
// colon). As any quote, it backs a claim only when it stands in the
// passage: a title ("[1]: React docs") does not.
func definitionText(rest string) string {
	rest = strings.TrimSpace(rest)
	for _, c := range []string{":", "："} {
		if d, ok := strings.CutPrefix(rest, c); ok {
			return strings.Trim(strings.TrimSpace(d), "«»“”\"„「」'‘’ ")
		}
	}
	return ""
}

// sourcesHeadings are the headings of a sources list, lower-cased: the
// bot's own in every language of its catalogue, and "references".
var sourcesHeadings = func() map[string]bool {
	m := map[string]bool{"references": true}
	for _, k := range []i18n.Key{i18n.Sources, i18n.SourcesLabel} {
		for _, t := range i18n.All(k) {
			m[strings.ToLower(strings.Trim(t, "#*_:： \u00a0"))] = true
		}
	}
	return m
}()

// sourcesHeading reports whether line is a heading of a sources list:
// one of sourcesHeadings, bold, as a Markdown heading or with a colon.
func sourcesHeading(line string) bool {
	return sourcesHeadings[strings.ToLower(strings.Trim(line, "#*_:： \u00a0"))]
}

// fencedBlocks are the fenced code blocks of s (codeRanges' that open
// with a fence line).
func fencedBlocks(s string) []text.Span {
	code, _ := codeRanges(s)
	var out []text.Span
	for _, c := range code {
		if f := strings.TrimLeft(s[c.Start:c.End], " \t"); strings.HasPrefix(f, "```") || strings.HasPrefix(f, "~~~") {
			out = append(out, c)
		}
	}
	return out
}

// apartFromFences cuts sentence spans where a fenced block starts or
// ends: a line break inside a paragraph joins lines into one sentence, but
// a block's fence lines never belong to the prose around them.
func apartFromFences(spans []text.Span, fences []text.Span, s string) []text.Span {
	if len(fences) == 0 {
		return spans
	}
	var out []text.Span
	for _, sp := range spans {
		start := sp.Start
		for _, f := range fences {
			for _, cut := range []int{f.Start, f.End} {
				if cut > start && cut < sp.End {
					out = appendTrimmed(out, s, start, cut)
					start = cut
				}
			}
		}
		out = appendTrimmed(out, s, start, sp.End)
	}
	return out
}

// appendTrimmed appends s[start:end] without its surrounding space, when
// anything is left.
func appendTrimmed(out []text.Span, s string, start, end int) []text.Span {
	for start < end && strings.ContainsRune(" \t\r\n", rune(s[start])) {
		start++
	}
	for end > start && strings.ContainsRune(" \t\r\n", rune(s[end-1])) {
		end--
	}
	if start < end {
		out = append(out, text.Span{Start: start, End: end})
	}
	return out
}

// within reports whether sp lies inside one of the ranges.
// fenceOf is the index of the fenced block sp lies in, or -1.
func fenceOf(sp text.Span, fences []text.Span) int {
	for i, f := range fences {
		if sp.Start >= f.Start && sp.End <= f.End {
			return i
		}
	}
	return -1
}

// code checks the fenced block f of s (fence lines included) against the
// passages used cites, as checker.checkCode does.
func (rd *Reader) code(s string, f text.Span, used []int) (Claim, bool) {
	body := s[f.Start:f.End]
	if i := strings.IndexByte(body, '\n'); i >= 0 {
		body = body[i+1:]
	} else {
		body = ""
	}
	if i := strings.LastIndexByte(body, '\n'); i >= 0 {
		body = body[:i] // the closing fence line
	}
	return rd.ck.checkCode(body, used)
}
