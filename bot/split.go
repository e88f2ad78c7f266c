package bot

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"corpusbot/text"
)

// MaxMessageLen is the most characters Discord accepts in message content.
const MaxMessageLen = 2000

// Split breaks text into parts of at most limit runes each, for messages
// whose content Discord caps at MaxMessageLen characters. It cuts at the
// last paragraph end that leaves a reasonably full part, else at a line end,
// a sentence end or a space, and only as a last resort inside a word (at a
// rune boundary). It never cuts inside a citation marker such as [12] or
// [1, 3] (a marker stays with the sentence before it), a URL or inline
// code, nor after a line that is only the mark of a code block (⚠¹ above
// its fence). A ``` code fence is kept whole when it fits in one part; a longer
// one is closed at a line end and reopened, with its info string, at the
// top of the next part.
//
// Parts are trimmed of surrounding whitespace and never empty; joined, they
// give back text except for whitespace at the cuts and the fence lines
// added. A limit below 1 counts as 1.
func Split(text string, limit int) []string {
	pieces := planSplit(text, limit)
	if len(pieces) == 0 {
		return nil
	}
	parts := make([]string, len(pieces))
	for i, p := range pieces {
		parts[i] = p.prefix + text[p.start:p.end] + p.suffix
	}
	return parts
}

// piece is one part of a split: text[start:end] with the fence lines
// added to reopen and close a code block cut in two.
type piece struct {
	start, end     int
	prefix, suffix string
}

// Kinds of cut, best last.
const (
	cutSpace = iota + 1
	cutSentence
	cutLine
	cutParagraph
)

// cut is a place where a part may end.
type cut struct {
	pos   int // where the part ends; whitespace from here on is dropped
	next  int // where the following part starts
	kind  int
	fence int // index of the fence the cut is inside, or -1
}

var (
	// citationRE matches one marker; [1][2] is two adjacent markers.
	citationRE = regexp.MustCompile(`\[[0-9]+(?:[ \t]*,[ \t]*[0-9]+)*\]`)
	// splitURLRE over-matches on purpose (cutting next to a URL is fine,
	// cutting inside one is not) but stops at brackets, so that it does not
	// run on from a Markdown link into the next one.
	splitURLRE = regexp.MustCompile("(?i)<https?://[^\\s<>`]*>|https?://[^\\s<>`\\[\\]]+")
	// splitLinkRE matches a Markdown link, whose text may hold spaces.
	splitLinkRE = regexp.MustCompile(`\[[^\[\]\n]*\]\([^\s()]*(?:\([^\s()]*\)[^\s()]*)*\)`)
)

// planSplit decides where Split cuts. It is Split without the string
// building, so that tests can check the cuts against the input.
func planSplit(text string, limit int) []piece {
	limit = max(limit, 1)
	fs := parseFences(text)
	runesBefore := runeOffsets(text)
	spans := protectedSpans(text, fs)
	cuts := cutPoints(text, fs, spans, limit, runesBefore)
	suffix := func(f int) string {
		if f < 0 {
			return ""
		}
		return "\n" + strings.Repeat("`", fs[f].ticks)
	}

	var out []piece
	start, prefix := skipSpace(text, 0), ""
	ci := 0
	for start < len(text) {
		base := utf8.RuneCountInString(prefix)
		end := trimSpaceEnd(text, start, len(text))
		if end == start {
			break
		}
		if base+runesBefore[end]-runesBefore[start] <= limit {
			out = append(out, piece{start, end, prefix, ""})
			break
		}
		for ci < len(cuts) && cuts[ci].pos <= start {
			ci++
		}
		best, bestLen := -1, 0
		for k := ci; k < len(cuts) && base+runesBefore[cuts[k].pos]-runesBefore[start] <= limit; k++ {
			c := cuts[k]
			bodyEnd := trimSpaceEnd(text, start, c.pos)
			n := base + runesBefore[bodyEnd] - runesBefore[start] + utf8.RuneCountInString(suffix(c.fence))
			if bodyEnd == start || n > limit {
				continue
			}
			if best < 0 || better(c, n, cuts[best], bestLen, limit) {
				best, bestLen = k, n
			}
		}
		var c cut
		if best >= 0 {
			c = cuts[best]
		} else {
			c = hardCut(text, start, limit-base, limit, fs, spans)
		}
		bodyEnd := trimSpaceEnd(text, start, c.pos)
		if bodyEnd == start {
			bodyEnd = c.pos // only possible inside a fence: keep the blank code
		}
		out = append(out, piece{start, bodyEnd, prefix, suffix(c.fence)})
		start, prefix = c.next, ""
		if c.fence >= 0 {
			prefix = fs[c.fence].open + "\n"
		}
	}
	return out
}

// canRefence reports whether a part cut inside f can close it and the next
// reopen it, with room left for some code.
func canRefence(f fence, limit int) bool {
	return utf8.RuneCountInString(f.open)+1+1+f.ticks+1 <= limit
}

// better reports whether cut a, leaving a part of an runes, beats cut b.
// A part at least a third full is preferred, then the better kind of cut,
// then the fuller part: so a paragraph end wins unless it leaves a stub.
func better(a cut, an int, b cut, bn int, limit int) bool {
	afull, bfull := 3*an >= limit, 3*bn >= limit
	if afull != bfull {
		return afull
	}
	if a.kind != b.kind {
		return a.kind > b.kind
	}
	return an > bn
}

// hardCut cuts inside a word when no other cut fits in budget runes: as
// late as possible, but before a URL, marker or code span that would be
// cut, and not between a character and its combining marks. Inside a long
// fence it leaves room for the closing line and some code for the next part.
func hardCut(text string, start, budget, limit int, fs []fence, spans []span) cut {
	e := advanceRunes(text, start, budget)
	i := sort.Search(len(fs), func(i int) bool { return fs[i].end > e })
	if i < len(fs) && fs[i].bodyStart <= e && canRefence(fs[i], limit) {
		f := fs[i]
		fe := advanceRunes(text, start, budget-1-f.ticks)
		if last := trimSpaceEnd(text, f.bodyStart, f.bodyEnd); fe >= last {
			fe = retreatRunes(text, last, 1)
		}
		if fe = keepCluster(text, start, fe); fe > start && fe > f.bodyStart {
			return cut{pos: fe, next: fe, fence: i}
		}
	}
	e = keepCluster(text, start, e)
	// Back out of every span the cut falls in, overlapping ones included
	// (a link and the URL in it). spans is sorted by start, so one pass down
	// from the last span starting before the cut finds them all; only spans
	// starting inside the part can be backed out of.
	lo := sort.Search(len(spans), func(k int) bool { return spans[k].start > start })
	hi := sort.Search(len(spans), func(k int) bool { return spans[k].start >= e })
	for k := hi - 1; k >= lo; k-- {
		if e < spans[k].end {
			e = spans[k].start
		}
	}
	return cut{pos: e, next: skipSpace(text, e), fence: -1}
}

// keepCluster moves a cut at e back so that it does not separate a
// character from a following combining mark, variation selector or
// zero-width joiner, giving up after a few runes.
func keepCluster(text string, start, e int) int {
	orig := e
	for range 8 {
		if e <= start || e >= len(text) {
			break
		}
		next, _ := utf8.DecodeRuneInString(text[e:])
		prev, _ := utf8.DecodeLastRuneInString(text[:e])
		if !joins(next) && prev != '\u200d' {
			return e
		}
		_, size := utf8.DecodeLastRuneInString(text[:e])
		e -= size
	}
	if e <= start || e >= len(text) {
		return orig
	}
	return e
}

func joins(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me) || r == '\u200d' ||
		(r >= 0xfe00 && r <= 0xfe0f) || (r >= 0x1f3fb && r <= 0x1f3ff)
}

// protectedSpans returns the stretches no cut may fall inside: inline code,
// URLs, Markdown links and citation markers, outside fences.
func protectedSpans(text string, fs []fence) []span {
	var out []span
	seg := func(from, to int) {
		out = append(out, codeSpans(text, from, to)...)
		for _, re := range []*regexp.Regexp{splitURLRE, splitLinkRE, citationRE} {
			for _, m := range re.FindAllStringIndex(text[from:to], -1) {
				out = append(out, span{from + m[0], from + m[1]})
			}
		}
	}
	prev := 0
	for _, f := range fs {
		seg(prev, f.start)
		prev = f.end
	}
	seg(prev, len(text))
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// cutPoints lists, in order of position, every place where a part may end.
func cutPoints(text string, fs []fence, spans []span, limit int, runesBefore []int) []cut {
	blocked := make([]bool, len(text)+1)
	markerAt := make(map[int]int) // start → end of citation markers
	for _, s := range spans {
		for i := s.start + 1; i < s.end; i++ {
			blocked[i] = true
		}
	}
	for _, m := range citationRE.FindAllStringIndex(text, -1) {
		markerAt[m[0]] = m[1]
	}
	byPos := make(map[int]cut)
	add := func(c cut) {
		if c.pos <= 0 || blocked[c.pos] {
			return
		}
		if old, ok := byPos[c.pos]; !ok || c.kind > old.kind {
			byPos[c.pos] = c
		}
	}
	prev := 0
	for i, f := range fs {
		textCuts(text, prev, f.start, markerAt, add)
		if runesBefore[f.end]-runesBefore[f.start] > limit && canRefence(f, limit) {
			fenceCuts(text, f, i, add)
		}
		prev = f.end
	}
	textCuts(text, prev, len(text), markerAt, add)

	cuts := make([]cut, 0, len(byPos))
	for _, c := range byPos {
		cuts = append(cuts, c)
	}
	sort.Slice(cuts, func(i, j int) bool { return cuts[i].pos < cuts[j].pos })
	return cuts
}

// textCuts finds the cuts in text[from:to], which holds no fence: at runs
// of whitespace (paragraph, line or plain space) and after sentence ends.
func textCuts(text string, from, to int, markerAt map[int]int, add func(cut)) {
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(text[i:to])
		switch {
		case isSpace(r):
			j := skipSpaceTo(text, i, to)
			kind := cutSpace
			switch nl := strings.Count(text[i:j], "\n"); {
			case nl >= 2:
				kind = cutParagraph
			case nl == 1:
				kind = cutLine
			}
			if kind >= cutLine && isHeadingLike(lastLine(text[:i])) {
				kind = cutSpace // keep a heading or "…:" with what it introduces
			}
			_, atMarker := markerAt[j]
			if kind == cutSpace && isListMarker(lastLine(text[:i])) {
				i = j // a marker alone would end the part
				continue
			}
			if isMarkLine(lastLine(text[:i])) {
				i = j // a code block's mark stays above its fence
				continue
			}
			if kind > cutSpace || !atMarker {
				add(cut{pos: i, next: skipSpace(text, i), kind: kind, fence: -1})
			}
			i = j
			continue
		}
		i += size
	}
	sentenceCuts(text, from, to, add)
}

// sentenceCuts adds a cut after each sentence of s[from:to] (as
// text.Sentences finds them, citation markers included) that ends with a
// final mark inside a line; line and paragraph ends are textCuts' own, so
// that a heading stays with what it introduces.
func sentenceCuts(s string, from, to int, add func(cut)) {
	for _, sp := range text.Sentences(s[from:to]) {
		end := from + sp.End
		if !text.EndsSentence(s[from+sp.Start : end]) {
			continue
		}
		if next := skipSpaceTo(s, end, to); strings.Contains(s[end:next], "\n") {
			continue
		}
		add(cut{pos: end, next: skipSpace(s, end), kind: cutSentence, fence: -1})
	}
}

// fenceCuts finds the cuts inside a fence too long for one part: at line
// ends with code both before and after, so no part holds an empty block.
func fenceCuts(text string, f fence, fi int, add func(cut)) {
	body := text[f.bodyStart:f.bodyEnd]
	first := strings.IndexFunc(body, func(r rune) bool { return !isSpace(r) })
	if first < 0 {
		return
	}
	lastContent := f.bodyStart + len(strings.TrimRightFunc(body, isSpace))
	for i := f.bodyStart + first; i < lastContent; {
		end, next := lineAt(text, i)
		if end >= lastContent {
			break
		}
		pos := trimSpaceEnd(text, f.bodyStart, end)
		// Skip blank lines but keep the indentation of the next code line.
		for next < lastContent {
			e, nx := lineAt(text, next)
			if strings.TrimFunc(text[next:e], isSpace) != "" {
				break
			}
			next = nx
		}
		kind := cutLine
		if strings.Count(text[pos:next], "\n") >= 2 {
			kind = cutParagraph
		}
		add(cut{pos: pos, next: next, kind: kind, fence: fi})
		i = next
	}
}

// isSpace is unicode.IsSpace without the no-break spaces, which writers
// use precisely to keep things together (French puts one before "?").
func isSpace(r rune) bool {
	return unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' && r != '\u2007'
}

// isHeadingLike reports whether a line introduces what follows it: a
// Markdown heading, a bold label or a line ending with a colon.
func isHeadingLike(line string) bool {
	line = strings.TrimSpace(line)
	return strings.HasPrefix(line, "#") ||
		(len(line) > 4 && strings.HasPrefix(line, "**") && strings.HasSuffix(line, "**")) ||
		strings.HasSuffix(line, ":")
}

// isListMarker reports whether line is only a list or quote marker
// ("- ", "1. ", "> "), the opening of an item.
func isListMarker(line string) bool {
	m := strings.TrimSpace(line)
	switch m {
	case "-", "*", "+", "•", ">", ">>>":
		return true
	}
	n := strings.TrimRight(m, ".)")
	return len(n) > 0 && len(n) == len(m)-1 && strings.Trim(n, "0123456789") == ""
}

// isMarkLine reports whether line is only the mark of a code block the
// answer could not find in its sources (⚠¹ on the line above the fence).
func isMarkLine(line string) bool {
	m := strings.TrimSpace(line)
	r, size := utf8.DecodeRuneInString(m)
	return (r == '⚠' || r == '❔') && size < len(m) && strings.Trim(m[size:], "⁰¹²³⁴⁵⁶⁷⁸⁹") == ""
}

// lastLine returns the text after the last newline of s.
func lastLine(s string) string {
	return s[strings.LastIndexByte(s, '\n')+1:]
}

func skipSpace(s string, i int) int { return skipSpaceTo(s, i, len(s)) }

func skipSpaceTo(s string, i, to int) int {
	for i < to {
		r, size := utf8.DecodeRuneInString(s[i:to])
		if !isSpace(r) {
			break
		}
		i += size
	}
	return i
}

// trimSpaceEnd returns the end of s[start:end] without trailing space.
func trimSpaceEnd(s string, start, end int) int {
	for end > start {
		r, size := utf8.DecodeLastRuneInString(s[start:end])
		if !isSpace(r) {
			break
		}
		end -= size
	}
	return end
}

// runeOffsets maps each byte offset of s that starts a rune (and len(s))
// to the number of runes before it, so part lengths cost O(1).
func runeOffsets(s string) []int {
	idx := make([]int, len(s)+1)
	n := 0
	for i := range s {
		idx[i] = n
		n++
	}
	// Fill the bytes inside multi-byte runes too; they are never asked for
	// but keep the slice monotonic.
	for i := 1; i < len(s); i++ {
		if !utf8.RuneStart(s[i]) && idx[i] < idx[i-1] {
			idx[i] = idx[i-1]
		}
	}
	idx[len(s)] = n
	return idx
}

// advanceRunes returns the offset n runes after i (or len(s)).
func advanceRunes(s string, i, n int) int {
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// retreatRunes returns the offset n runes before i (or 0).
func retreatRunes(s string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return i
}
