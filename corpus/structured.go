package corpus

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"corpusbot/text"
)

// blockKind says what a block of a structured document is.
type blockKind uint8

const (
	blockPara    blockKind = iota // prose
	blockHeading                  // a section heading; level 1–6
	blockCode                     // a code block: lines kept as written
	blockTable                    // a table: one row a line, cells joined by " | "
	blockItem                     // a list item, "• " or "1. " before it
)

// anchor ties a byte offset of a text to a line of the source file, and to
// a page for paged formats.
type anchor struct {
	off  int // byte offset in the text
	line int // 1-based source line of the byte at off; 0 when unknown
	page int // 1-based page; 0 for formats without pages
}

// block is one unit of a structured document's text: a heading, a
// paragraph, a list item, a code block or a table, already free of markup.
type block struct {
	kind  blockKind
	level int    // heading level, 1 outermost
	text  string // prose on one line; code and tables line by line
	// anchors map offsets of text to source lines, in increasing order;
	// the first is at offset 0.
	anchors []anchor
	// tight: the block follows the previous one on the next line, not
	// after a blank line (items of one list, rows of one table).
	tight bool
	// linkRunes counts the runes of text that were link labels; with the
	// text's runes it gives a block's link density.
	linkRunes int
	words     int  // passageWords(text), counted once
	aside     bool // a teaser of another page: a passage of its own, Kind Aside
}

// structured is a document reduced to blocks, with what its markup said
// about it.
type structured struct {
	title       string // front matter title, else ""
	description string
	lang        string // a language hint from the markup; "" when none
	blocks      []block
	// generated says why the file is a page a site generator made rather
	// than a document (a search page, an index of links); "" for documents.
	generated string
	// included are the files the page includes (rST's ".. include::"),
	// as written, which a page of nothing else is told by.
	included []string
}

// blockBuilder accumulates the text of one block with its anchors. One
// builder makes every block of a document: their texts are slices of the
// strings its one growing buffer gives (strings.Builder never changes bytes
// it has handed out), and their anchors slices of one slab, so that a
// block costs no allocation of its own.
type blockBuilder struct {
	b       strings.Builder
	start   int      // where the block being built starts in b
	anchors []anchor // the block's anchors, offsets from start; reused
	slab    []anchor // taken blocks' anchors; a new one when full
	links   int
	space   bool // a space is pending before the next text
	brk     bool // the pending space stands for a line break of the source
}

// len is the length of the block's text so far.
func (bb *blockBuilder) len() int { return bb.b.Len() - bb.start }

// mark notes that what is written next comes from line (and page).
func (bb *blockBuilder) mark(line, page int) {
	off := bb.len()
	if bb.space && off > 0 {
		off++ // the pending space comes first
	}
	if n := len(bb.anchors); n > 0 && bb.anchors[n-1].line == line && bb.anchors[n-1].page == page {
		return
	}
	if n := len(bb.anchors); n > 0 && bb.anchors[n-1].off >= off {
		bb.anchors[n-1] = anchor{bb.anchors[n-1].off, line, page}
		return
	}
	bb.anchors = append(bb.anchors, anchor{off, line, page})
}

// write appends inline text, collapsing runs of white space to one space
// and dropping white space at the start. A run holding a line break
// between two East Asian wide characters is dropped instead (CSS Text 3's
// segment break rule): Chinese and Japanese wrapped in the source read
// without a space ("覆い隠し、\n元の値" → "覆い隠し、元の値").
func (bb *blockBuilder) write(s string) {
	for i := 0; i < len(s); {
		if isASCIISpace(s[i]) {
			bb.space = true
			bb.brk = bb.brk || s[i] == '\n'
			i++
			continue
		}
		// A run of words with one space between each is copied as it is.
		j := i + 1
		for j < len(s) {
			if !isASCIISpace(s[j]) {
				j++
			} else if s[j] == ' ' && j+1 < len(s) && !isASCIISpace(s[j+1]) {
				j += 2
			} else {
				break
			}
		}
		if bb.space && bb.len() > 0 {
			if bb.brk && joinsUnspaced(bb.b.String()[bb.start:], s[i:j]) {
				bb.unspace()
			} else {
				bb.b.WriteByte(' ')
			}
		}
		bb.space, bb.brk = false, false
		bb.b.WriteString(s[i:j])
		i = j
	}
}

// writeRaw appends s as it is, for code and tables.
func (bb *blockBuilder) writeRaw(s string) {
	bb.space, bb.brk = false, false
	bb.b.WriteString(s)
}

// writeRow appends a table row from line, its cells joined by " | ", on a
// line of its own unless it is the table's first.
func (bb *blockBuilder) writeRow(line int, cells []string, first bool) {
	if !first {
		bb.writeRaw("\n")
	}
	bb.mark(line, 0)
	bb.writeRaw(strings.Join(cells, " | "))
}

func (bb *blockBuilder) spaceNext() { bb.space = true }

// lineBreak is spaceNext for a line break of the source inside a
// paragraph: a space, except between East Asian wide characters.
func (bb *blockBuilder) lineBreak() { bb.space, bb.brk = true, true }

// unspace moves back the anchor mark placed after the pending space, now
// that the space is not written.
func (bb *blockBuilder) unspace() {
	if n := len(bb.anchors); n > 0 && bb.anchors[n-1].off == bb.len()+1 {
		bb.anchors[n-1].off--
	}
}

// joinsUnspaced reports whether a line break between before and after
// is no space: the characters on both sides are East Asian wide,
// fullwidth or halfwidth, and not Hangul (Korean is written with
// spaces).
func joinsUnspaced(before, after string) bool {
	r1, _ := utf8.DecodeLastRuneInString(before)
	r2, _ := utf8.DecodeRuneInString(after)
	return eastAsianWide(r1) && eastAsianWide(r2)
}

func eastAsianWide(r rune) bool {
	if r < 0x1100 || unicode.Is(unicode.Hangul, r) {
		return false
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianHalfwidth:
		return true
	}
	return false
}

// take returns the block built so far, trimmed, and resets bb.
func (bb *blockBuilder) take(kind blockKind) block {
	text := bb.b.String()[bb.start:]
	trimmed := strings.TrimRight(text, " \t\n")
	lead := len(trimmed) - len(strings.TrimLeft(trimmed, " \t\n"))
	if kind == blockCode {
		lead = 0 // indentation of code is meaningful; only blank lines go
		for lead < len(trimmed) && trimmed[lead] == '\n' {
			lead++
		}
		if i := strings.LastIndexByte(trimmed[:lead], '\n'); i >= 0 {
			lead = i + 1
		}
	}
	b := block{kind: kind, text: trimmed[lead:], linkRunes: bb.links}
	// At most one anchor per anchor written, and one when none was.
	if need := max(len(bb.anchors), 1); cap(bb.slab)-len(bb.slab) < need {
		bb.slab = make([]anchor, 0, max(64, need))
	}
	first := len(bb.slab)
	for _, a := range bb.anchors {
		a.off -= lead
		if a.off < 0 {
			a.off = 0
		}
		if a.off > len(b.text) {
			break
		}
		if n := len(bb.slab); n > first && bb.slab[n-1].off == a.off {
			bb.slab[n-1] = a
			continue
		}
		bb.slab = append(bb.slab, a)
	}
	if len(bb.slab) == first {
		bb.slab = append(bb.slab, anchor{})
	}
	bb.slab[first].off = 0
	b.anchors = bb.slab[first:len(bb.slab):len(bb.slab)]
	bb.start = bb.b.Len()
	bb.anchors, bb.links, bb.space, bb.brk = bb.anchors[:0], 0, false, false
	return b
}

func isASCIISpace(c byte) bool { return asciiSpace[c] }

var asciiSpace = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\f': true, '\v': true}

// lineIndex maps byte offsets of a source to 1-based lines.
type lineIndex []int // offsets where lines start

func newLineIndex(src string, lines int) lineIndex {
	idx := make(lineIndex, 1, lines+1)
	for off := 0; ; {
		i := strings.IndexByte(src[off:], '\n')
		if i < 0 {
			return idx
		}
		off += i + 1
		idx = append(idx, off)
	}
}

// line returns the 1-based line of offset off.
func (idx lineIndex) line(off int) int {
	return sort.Search(len(idx), func(i int) bool { return idx[i] > off })
}

// lineFrom is line(off) for an offset at or a little after the start of
// line l: it looks at the next few lines before searching them all, as a
// walk through a document in order asks.
func (idx lineIndex) lineFrom(l, off int) int {
	if l < 1 || l > len(idx) || idx[l-1] > off {
		return idx.line(off)
	}
	for range 8 {
		if l == len(idx) || idx[l] > off {
			return l
		}
		l++
	}
	return idx.line(off)
}

// lineMap maps byte offsets of a document's Text to source lines and pages.
type lineMap []anchor

// at returns the anchor in force at offset off.
func (m lineMap) at(off int) anchor {
	i := sort.Search(len(m), func(i int) bool { return m[i].off > off })
	if i == 0 {
		return anchor{line: 1}
	}
	return m[i-1]
}

// assembled is a structured document's text, with where each block is in
// it and the map back to the source.
type assembled struct {
	text  string
	spans [][2]int // byte span of each block in text
	lines lineMap
}

// assemble joins blocks into one text: a blank line between blocks, a line
// break between tight ones.
func assemble(blocks []block) assembled {
	var a assembled
	var b strings.Builder
	size := 0
	for _, bl := range blocks {
		size += len(bl.text) + 2
	}
	b.Grow(size)
	a.spans = make([][2]int, 0, len(blocks))
	n := 0
	for _, bl := range blocks {
		n += len(bl.anchors)
	}
	a.lines = make(lineMap, 0, n)
	for i, bl := range blocks {
		if i > 0 {
			if bl.tight {
				b.WriteByte('\n')
			} else {
				b.WriteString("\n\n")
			}
		}
		start := b.Len()
		for _, an := range bl.anchors {
			an.off += start
			if n := len(a.lines); n > 0 && a.lines[n-1].line == an.line && a.lines[n-1].page == an.page {
				continue
			}
			a.lines = append(a.lines, an)
		}
		b.WriteString(bl.text)
		a.spans = append(a.spans, [2]int{start, b.Len()})
	}
	a.text = b.String()
	return a
}

// splitStructured cuts an assembled document into passages: headings are
// boundaries and give each passage its heading path; code blocks and tables
// are units of their own that are never cut at blank lines; blocks that
// drop marks are left out. A first heading that repeats the title is not a
// heading of the path.
//
// pk's buffers are reused; the passages returned are a slice of their own.
func splitStructured(pk *packer, docID, title string, blocks []block, a assembled, drop []bool) []Passage {
	out, run := pk.out[:0], pk.run[:0]
	type heading struct {
		level int
		text  string
	}
	var stack []heading
	sectionStart := 0 // first passage of the current section
	// The passages of one heading path share one slice of it.
	var hs []string
	hsValid := false
	path := func() []string {
		if hsValid || len(stack) == 0 {
			return hs
		}
		hs = make([]string, len(stack))
		for i, h := range stack {
			hs[i] = h.text
		}
		hsValid = true
		return hs
	}
	flush := func() {
		out = pk.packRun(out, docID, a.text, run)
		run = run[:0]
		hs := path()
		for i := sectionStart; i < len(out); i++ {
			out[i].Headings = hs
		}
		sectionStart = len(out)
	}
	seenHeading := false
	for i, bl := range blocks {
		if drop != nil && drop[i] {
			flush()
			continue
		}
		start, end := trimSpan(a.text, a.spans[i][0], a.spans[i][1])
		if bl.kind == blockHeading {
			flush()
			h := text.OneLine(bl.text)
			first := !seenHeading
			seenHeading = true
			if first && strings.EqualFold(h, text.OneLine(title)) {
				continue
			}
			for len(stack) > 0 && stack[len(stack)-1].level >= bl.level {
				stack = stack[:len(stack)-1]
			}
			// A copy: the block's text is part of the buffer of all the
			// document's blocks, which passages must not keep alive.
			stack = append(stack, heading{bl.level, strings.Clone(h)})
			hs, hsValid = nil, false
			continue
		}
		p := para{start: start, end: end, words: bl.words, bullet: bl.kind == blockItem,
			code: bl.kind == blockCode || bl.kind == blockTable}
		if p.words == 0 {
			continue
		}
		if bl.aside {
			flush()
			pk.units = chunk(pk.units[:0], a.text, p)
			for _, u := range pk.units {
				out = append(out, Passage{DocID: docID, Kind: Aside, Start: u.start, End: u.end, Headings: path()})
			}
			sectionStart = len(out)
			continue
		}
		run = append(run, p)
	}
	flush()
	pk.out, pk.run = out, run
	if len(out) == 0 {
		return nil
	}
	out = slices.Clone(out)
	fillPassages(a.text, out)
	for i := range out {
		p := &out[i]
		s, e := a.lines.at(p.Start), a.lines.at(p.End-1)
		p.LineStart, p.LineEnd = s.line, e.line
		p.PageStart, p.PageEnd = s.page, e.page
	}
	markLiteral(out, blocks, a, drop)
	return out
}

// markLiteral sets each passage's Literal: the spans of the code blocks and
// tables it holds. Passages and blocks are both in text order.
func markLiteral(out []Passage, blocks []block, a assembled, drop []bool) {
	j := 0
	for i, bl := range blocks {
		if bl.kind != blockCode && bl.kind != blockTable || drop != nil && drop[i] {
			continue
		}
		start, end := trimSpan(a.text, a.spans[i][0], a.spans[i][1])
		for j < len(out) && out[j].End <= start {
			j++
		}
		for k := j; k < len(out) && out[k].Start < end; k++ {
			p := &out[k]
			s, e := max(start, p.Start), min(end, p.End)
			if s < e {
				p.Literal = append(p.Literal, [2]int{s - p.Start, e - p.Start})
			}
		}
	}
}

// markTeasers marks the trailing paragraphs of a web page that are teasers
// of other articles (cut off mid-sentence, or sharing almost no content
// words with the page above them: markTeaserTail) as asides. Only prose
// paragraphs are judged; code, tables and list items never are.
func markTeasers(blocks []block, a assembled) {
	var ps []para
	var at []int // block of each para
	for i, b := range blocks {
		if b.kind != blockPara || b.words == 0 {
			continue
		}
		s, e := trimSpan(a.text, a.spans[i][0], a.spans[i][1])
		ps = append(ps, para{start: s, end: e, words: b.words})
		at = append(at, i)
	}
	if len(ps) < 4 {
		return
	}
	keys := newKeyIndex(a.text, ps)
	markTeaserTail(a.text, ps, keys)
	keys.release()
	for k, p := range ps {
		if p.role == roleAside {
			blocks[at[k]].aside = true
		}
	}
}
