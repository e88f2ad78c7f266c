package corpus

import (
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"corpusbot/text"
)

// Passage sizes, in words (see passageWords). Short paragraphs are merged until
// a passage nears maxWords; a passage under minWords takes the next paragraph
// even past maxWords, so a heading or a one-line paragraph never stands alone.
const (
	minWords = 60
	maxWords = 200
	// headingWords is the most words a line without final punctuation may
	// have to count as a heading; the first line, a title, may have more.
	headingWords = 12
	// maxCodeWords is the most words of a code block or table kept in one
	// unit; longer ones are cut between lines.
	maxCodeWords      = 2 * maxWords
	titleHeadingWords = 30
)

// role says what a paragraph is to the passages.
type role uint8

const (
	roleBody   role = iota
	roleAside       // a passage of its own, Kind Aside
	roleDrop        // boilerplate: in no passage, and passages stop at it
	roleFiller      // no words ("* * *", "----"): inside a passage, never one alone
)

// para is one paragraph of a text: a non-blank line, or several when a line
// plainly runs on into the next (hard-wrapped text).
type para struct {
	start, end int // byte span in the text, trimmed of white space
	words      int
	role       role
	heading    bool // starts a passage, never ends one
	bullet     bool
	boiler     bool // dropped by a boilerplate pattern, not by position
	code       bool // a code block or table: cut only between lines
}

// split cuts text into passages: paragraphs, classified by rules, grouped.
func split(docID, text string, rules *noiseRules) []Passage {
	var pk packer
	return pk.split(docID, text, rules)
}

// split is split with pk's buffers, which the loader reuses from file to
// file: only the passages are allocated, once, at their size.
func (pk *packer) split(docID, text string, rules *noiseRules) []Passage {
	pk.paras = appendParagraphs(pk.paras[:0], text)
	rules.classify(text, pk.paras)
	return pk.passagesOf(docID, text, pk.paras)
}

// paragraphs splits text into paragraphs. A blank line is one holding only
// white space, NBSP and zero-width characters included.
func paragraphs(text string) []para { return appendParagraphs(nil, text) }

// appendParagraphs appends the paragraphs of text to ps.
func appendParagraphs(ps []para, text string) []para {
	ps = ps[:0]
	prevBlank := true
	for ls := 0; ls <= len(text); {
		le := strings.IndexByte(text[ls:], '\n')
		if le < 0 {
			le = len(text)
		} else {
			le += ls
		}
		s, e := trimSpan(text, ls, le)
		switch {
		case s == e:
			prevBlank = true
		case !prevBlank && len(ps) > 0 && runsOn(text[ps[len(ps)-1].start:ps[len(ps)-1].end], text[s:e]):
			ps[len(ps)-1].end = e
			prevBlank = false
		default:
			ps = append(ps, para{start: s, end: e})
			prevBlank = false
		}
		ls = le + 1
	}
	for i := range ps {
		p := &ps[i]
		t := text[p.start:p.end]
		p.words = passageWords(t)
		p.bullet = isBullet(t)
		limit := headingWords
		if i == 0 {
			limit = titleHeadingWords
		}
		p.heading = isHeading(t, p.words, p.bullet, limit)
		if p.words == 0 {
			p.role = roleFiller
		}
	}
	return ps
}

// runsOn reports whether next continues the paragraph prev rather than
// starting one: prev stops mid-sentence and next goes on in lower case, as in
// text wrapped at a fixed width.
func runsOn(prev, next string) bool {
	last, _ := utf8.DecodeLastRuneInString(prev)
	first, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsLower(first) || isBullet(next) {
		return false
	}
	return unicode.IsLetter(last) || unicode.IsDigit(last) || last == ',' || last == '-'
}

// trimSpan narrows s[start:end] to exclude blank runes at either end.
func trimSpan(s string, start, end int) (int, int) {
	for start < end {
		r, n := utf8.DecodeRuneInString(s[start:end])
		if !text.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(s[start:end])
		if !text.IsSpace(r) {
			break
		}
		end -= n
	}
	return start, end
}

// isBullet reports whether a line is a list item: "• …", "- …", "1. …".
func isBullet(t string) bool {
	r, n := utf8.DecodeRuneInString(t)
	switch r {
	case '•', '·', '▪', '◦', '‣', '●', '○', '■', '□', '➢', '►', '✓', '✔':
		return true
	case '-', '*', '+', '–', '—':
		return n < len(t) && isSpaceAt(t, n, len(t))
	}
	i := 0
	for i < len(t) && i < 3 && '0' <= t[i] && t[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(t) && (t[i] == '.' || t[i] == ')') && isSpaceAt(t, i+1, len(t))
}

// isHeading reports whether a line reads as a heading: a Markdown "#" line,
// or a short line that does not end as a sentence does.
func isHeading(t string, words int, bullet bool, limit int) bool {
	if words == 0 || bullet {
		return false
	}
	if strings.HasPrefix(t, "#") {
		return words <= 2*limit
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return words <= limit && (unicode.IsLetter(last) || unicode.IsDigit(last))
}

// unit is a piece of a passage: a paragraph, or part of a long one.
type unit struct {
	start, end int
	words      int
	heading    bool
}

// passagesOf groups classified paragraphs into passages of text.
func (pk *packer) passagesOf(docID, text string, ps []para) []Passage {
	out, run := pk.out[:0], pk.run[:0]
	runHasBody := false // the run holds more than headings
	flush := func() {
		out = pk.packRun(out, docID, text, run)
		run, runHasBody = run[:0], false
	}
	for _, p := range ps {
		switch p.role {
		case roleDrop:
			flush()
		case roleFiller:
			// Between two paragraphs of a passage it is inside its span;
			// anywhere else it is left out.
		case roleAside:
			flush()
			pk.units = chunk(pk.units[:0], text, p)
			for _, u := range pk.units {
				out = append(out, Passage{DocID: docID, Kind: Aside, Start: u.start, End: u.end})
			}
		default:
			if p.heading && runHasBody {
				flush()
			}
			run = append(run, p)
			runHasBody = runHasBody || !p.heading
		}
	}
	flush()
	pk.out, pk.run = out, run
	if len(out) == 0 {
		return nil
	}
	out = slices.Clone(out)
	fillPassages(text, out)
	return out
}

// packer holds what split, splitStructured and packRun need, reused from
// document to document.
type packer struct {
	out        []Passage // the passages while they are made
	run        []para    // and the paragraphs of a run
	paras      []para    // split's paragraphs
	units      []unit
	best, from []int
	cuts       []int
}

// grow returns s resized to n, reusing its array when it is big enough.
// The elements are not cleared.
func grow(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n, n+n/2)
	}
	return s[:n]
}

// packRun cuts a run of Body paragraphs (a heading only at its start,
// nothing dropped between) into passages. The cut points minimise the
// squared distance of each passage's size from the run's ideal size (its
// words over as many passages as maxWords requires), with a steep cost per
// word above maxWords or below minWords: passages come out balanced, and a
// short paragraph joins a neighbour rather than stand alone.
func (pk *packer) packRun(out []Passage, docID, text string, run []para) []Passage {
	if len(run) == 0 {
		return out
	}
	units := pk.units[:0]
	for _, p := range run {
		units = chunk(units, text, p)
	}
	pk.units = units
	total := 0
	for _, u := range units {
		total += u.words
	}
	ideal := total / ((total + maxWords - 1) / maxWords)
	cost := func(w int) int {
		c := (w - ideal) * (w - ideal)
		if w > maxWords {
			c += 100 * (w - maxWords)
		}
		if w < minWords {
			c += 100 * (minWords - w)
		}
		return c
	}
	// best[i] is the least cost of units[:i]; from[i] where its last
	// passage starts.
	best := grow(pk.best, len(units)+1)
	from := grow(pk.from, len(units)+1)
	pk.best, pk.from = best, from
	best[0], from[0] = 0, 0
	for i := 1; i <= len(units); i++ {
		best[i] = -1
		if i < len(units) && units[i-1].heading && !units[i].heading {
			continue // a heading never ends a passage
		}
		w := 0
		for j := i - 1; j >= 0; j-- {
			w += units[j].words
			if best[j] >= 0 {
				if c := best[j] + cost(w); best[i] < 0 || c < best[i] {
					best[i], from[i] = c, j
				}
			}
			if w > maxWords+minWords && best[i] >= 0 {
				break // longer would never be cheaper
			}
		}
	}
	cuts := pk.cuts[:0]
	for i := len(units); i > 0; i = from[i] {
		cuts = append(cuts, from[i])
	}
	pk.cuts = cuts
	for k := len(cuts) - 1; k >= 0; k-- {
		first, last := cuts[k], len(units)-1
		if k > 0 {
			last = cuts[k-1] - 1
		}
		out = append(out, Passage{DocID: docID, Kind: Body, Start: units[first].start, End: units[last].end})
	}
	return out
}

// chunk appends to units a paragraph as one unit, or, when it has more
// than maxWords, as several of about equal size cut at sentence ends (at
// word boundaries when a sentence is itself too long).
func chunk(units []unit, text string, p para) []unit {
	if p.code {
		return chunkLines(units, text, p)
	}
	if p.words <= maxWords {
		return append(units, unit{p.start, p.end, p.words, p.heading})
	}
	// Sentence starts, with the number of words before them. No word spans
	// a sentence start, which follows white space, so counts add up.
	type cutAt struct{ words, off int }
	var cuts []cutAt
	prev, count := p.start, 0
	for _, off := range sentenceStarts(text, p.start, p.end) {
		count += passageWords(text[prev:off])
		prev = off
		if count > 0 && count < p.words {
			cuts = append(cuts, cutAt{count, off})
		}
	}
	from, start := 0, p.start
	for p.words-from > maxWords {
		n := (p.words - from + maxWords - 1) / maxWords
		target := from + (p.words-from)/n
		// The sentence end nearest the target, unless it is far off: then
		// a cut between words keeps the passage near size.
		cut, best := cutAt{-1, 0}, maxWords/2+1
		k := sort.Search(len(cuts), func(k int) bool { return cuts[k].words >= target })
		for _, c := range cuts[max(k-1, 0):min(k+1, len(cuts))] {
			if c.words > from && c.words <= from+maxWords && abs(c.words-target) < best {
				cut, best = c, abs(c.words-target)
			}
		}
		if cut.words < 0 {
			cut = cutAt{target, start + wordOffset(text[start:p.end], target-from)}
		}
		_, end := trimSpan(text, start, cut.off)
		units = append(units, unit{start, end, cut.words - from, false})
		from, start = cut.words, cut.off
	}
	return append(units, unit{start, p.end, p.words - from, false})
}

// chunkLines appends to units a code block or table as one unit, or, when
// it has more than maxCodeWords, as several cut between lines: code is read
// line by line, and a cut between words would leave half a statement.
func chunkLines(units []unit, text string, p para) []unit {
	if p.words <= maxCodeWords {
		return append(units, unit{p.start, p.end, p.words, false})
	}
	n := (p.words + maxCodeWords - 1) / maxCodeWords
	target := p.words / n
	first := len(units)
	start, words := p.start, 0
	for off := p.start; off < p.end; {
		le := strings.IndexByte(text[off:p.end], '\n')
		if le < 0 {
			le = p.end
		} else {
			le += off
		}
		words += passageWords(text[off:le])
		off = le + 1
		if words >= target && off < p.end && len(units)-first < n-1 {
			s, e := trimSpan(text, start, le)
			if s < e {
				units = append(units, unit{s, e, words, false})
			}
			start, words = off, 0
		}
	}
	if s, e := trimSpan(text, start, p.end); s < e {
		units = append(units, unit{s, e, words, false})
	}
	return units
}

// ideographWeight is what a Han or kana character weighs in passage sizes,
// in tenths of a word. CountWords counts each one as a word, but an
// English word says about as much as 1.7 Chinese characters (Chinese words
// are 1.5–2 characters long), so a passage of maxWords would hold 40% less
// meaning in Chinese than in English.
const ideographWeight = 6

// passageWords is the size of s for passages: its words, each Han or kana
// character weighing ideographWeight tenths of a word.
//
// It counts as text.CountWords does, in one pass that also weighs the
// ideographs, and eight bytes at a time where they and the byte after
// them are ASCII: a word starts at each letter or digit that follows
// anything but a letter, a digit or a joiner that joins (a full stop or
// comma between digits, an apostrophe between letters), each told by
// masks of the bytes either side. Every paragraph of every document is
// counted: a byte at a time was a fifth of loading plain text, and
// stopping the eight-byte reads at every full stop and comma a tenth of
// what was left.
func passageWords(s string) int {
	// in is 1 inside a word; digit and letter are 1 after a digit, or a
	// letter other than an ideograph: what a joiner needs before it.
	tenths, in, digit, letter := 0, uint64(0), uint64(0), uint64(0)
	for i := 0; i < len(s); {
		if i+16 < len(s) {
			// Sixteen ASCII bytes and the byte after them, as two steps of
			// the eight below: the second eight are the first's next byte.
			x0, x1 := load8(s, i), load8(s, i+8)
			if next := s[i+16]; (x0|x1)&highBits == 0 && next < utf8.RuneSelf {
				d0 := byteIn(x0, '0', '9')
				l0 := byteIn(x0|0x2020202020202020, 'a', 'z')
				d1 := byteIn(x1, '0', '9')
				l1 := byteIn(x1|0x2020202020202020, 'a', 'z')
				// A full stop or a comma: with bit 1 set, only ',' (0x2C)
				// and '.' (0x2E) are '.', one test for the two.
				j0 := byteIn(x0|0x0202020202020202, '.', '.')&(d0<<8|digit<<7)&(d0>>8|(d1&0x80)<<56) |
					byteIn(x0, '\'', '\'')&(l0<<8|letter<<7)&(l0>>8|(l1&0x80)<<56)
				w0 := d0 | l0
				in0 := (w0 | j0) >> 63
				nd := uint64(next-'0') < 10
				nl := uint64(next|0x20-'a') < 26
				j1 := byteIn(x1|0x0202020202020202, '.', '.')&(d1<<8|d0>>56)&(d1>>8|b2u(nd)<<63) |
					byteIn(x1, '\'', '\'')&(l1<<8|l0>>56)&(l1>>8|b2u(nl)<<63)
				w1 := d1 | l1
				tenths += 10 * (bits.OnesCount64(w0&^((w0|j0)<<8|in<<7)) + bits.OnesCount64(w1&^((w1|j1)<<8|in0<<7)))
				in, digit, letter = (w1|j1)>>63, d1>>63, l1>>63
				i += 16
				continue
			}
		}
		if i+8 <= len(s) {
			x := load8(s, i)
			next := byte(' ') // past the end, nothing joins
			if i+8 < len(s) {
				next = s[i+8]
			}
			if x&highBits == 0 && next < utf8.RuneSelf {
				// Eight ASCII bytes, and the byte after them: a word
				// starts at a letter or digit after anything but a letter,
				// a digit or a joiner that joins (a full stop or comma
				// between digits, an apostrophe between letters).
				d := byteIn(x, '0', '9')
				l := byteIn(x|0x2020202020202020, 'a', 'z')
				nd := uint64(next-'0') < 10
				nl := uint64(next|0x20-'a') < 26
				j := byteIn(x|0x0202020202020202, '.', '.')&(d<<8|digit<<7)&(d>>8|b2u(nd)<<63) |
					byteIn(x, '\'', '\'')&(l<<8|letter<<7)&(l>>8|b2u(nl)<<63)
				w := d | l
				tenths += 10 * bits.OnesCount64(w&^((w|j)<<8|in<<7))
				in, digit, letter = (w|j)>>63, d>>63, l>>63
				i += 8
				continue
			}
			// A byte past the first that is not ASCII may be misread
			// (carries), and is not used.
			k := 8
			if stop := x&highBits | byteIn(x, ',', '.') | byteIn(x, '\'', '\''); stop != 0 {
				k = bits.TrailingZeros64(stop) >> 3
			}
			if k > 0 {
				d := byteIn(x, '0', '9')
				l := byteIn(x|0x2020202020202020, 'a', 'z')
				m := d | l
				if k < 8 {
					m &= 1<<(8*k) - 1
				}
				tenths += 10 * bits.OnesCount64(m&^(m<<8|in<<7))
				in, digit, letter = m>>(8*k-1)&1, d>>(8*k-1)&1, l>>(8*k-1)&1
				i += k
				continue
			}
		}
		if c := s[i]; c < utf8.RuneSelf {
			w := uint64(asciiWord[c])
			tenths += 10 * int(w&^in)
			if in == 0 || c != '.' && c != ',' && c != '\'' || !mayJoin(s, i) || !text.JoinsWord(s, i) {
				in = w
			}
			digit, letter = b2u(isASCIIDigit(c)), b2u(isASCIILetter(c))
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0x0E01 && r < 0x1800 {
			// Thai, Lao, Khmer, Myanmar: a word of the script's word list
			// each, as text.Words reads them.
			if n, end := text.DictWords(s, i); end > i {
				tenths += 10 * n
				in, digit, letter = 0, 0, 0
				i = end
				continue
			}
		}
		switch {
		case isWordRune(r):
			if r >= 0x2E80 && text.IsIdeograph(r) {
				tenths += ideographWeight
				in = 0
			} else if in == 0 {
				tenths += 10
				in = 1
			}
		case in == 1 && text.JoinsWord(s, i):
		default:
			in = 0
		}
		digit, letter = b2u(unicode.IsDigit(r)), b2u(unicode.IsLetter(r) && !text.IsIdeograph(r))
		i += size
	}
	return (tenths + 5) / 10
}

// b2u is 1 for true, 0 for false.
func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// load8 is the eight bytes of s from i, little-endian.
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// mayJoin is false when the ASCII joiner at s[i] surely joins no words by
// the byte after it: most are a sentence's full stop or comma before a
// space, told without a call.
func mayJoin(s string, i int) bool {
	if i+1 >= len(s) {
		return false
	}
	if next := s[i+1]; next < utf8.RuneSelf {
		if s[i] == '\'' {
			return isASCIILetter(next)
		}
		return isASCIIDigit(next)
	}
	return true
}

const highBits = 0x8080808080808080

// byteIn has the high bit set in each byte of x that is within [lo, hi],
// and only there, up to the first byte of x that is not ASCII.
func byteIn(x uint64, lo, hi byte) uint64 {
	const ones = 0x0101010101010101
	return (x + ones*uint64(0x80-lo)) &^ (x + ones*uint64(0x7F-hi)) & highBits
}

// isWordRune reports whether r is part of a word, as package text's Words
// reads it.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func wordWeight(w string) int {
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && text.IsIdeograph(r) {
		return ideographWeight
	}
	return 10
}

// wordOffset returns where s reaches k passage words (from 0), or len(s).
func wordOffset(s string, k int) int {
	off, tenths := len(s), 0
	forEachWord(s, func(start, end int) bool {
		if tenths >= 10*k {
			off = start
			return false
		}
		tenths += wordWeight(s[start:end])
		return true
	})
	return off
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// fillPassages sets what follows from each passage's span: its text, index
// and line numbers.
func fillPassages(text string, ps []Passage) {
	line, at := 1, 0
	for i := range ps {
		p := &ps[i]
		p.Index = i
		p.Text = text[p.Start:p.End]
		line += strings.Count(text[at:p.Start], "\n")
		p.LineStart = line
		// The last byte is never a newline: passages are trimmed.
		line += strings.Count(p.Text, "\n")
		p.LineEnd = line
		at = p.End
	}
}
