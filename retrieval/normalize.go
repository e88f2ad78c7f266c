package retrieval

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"corpusbot/text"
)

// unit is one rune of normalised text and the byte range of the original
// text it came from. Several units can share a range when normalisation
// expands one original character ("ﬁ" → "f", "i").
type unit struct {
	r          rune
	start, end int
}

// normalizer is the char filter: it reads the original text and yields
// NFKC-normalised, case-folded runes, each with its original byte range, so
// that tokens can point back into the text they came from.
type normalizer struct {
	src  string
	pos  int    // next unread byte of src
	pend []unit // expanded runes of the current segment not yet returned
	pi   int
	buf  []byte // scratch for NFKC output
}

func (n *normalizer) reset(src string) {
	n.src = src
	n.pos = 0
	n.pend = n.pend[:0]
	n.pi = 0
}

// next returns the next normalised rune, or ok == false at the end.
func (n *normalizer) next() (u unit, ok bool) {
	if n.pi < len(n.pend) {
		u = n.pend[n.pi]
		n.pi++
		return u, true
	}
	if n.pos >= len(n.src) {
		return unit{}, false
	}
	c := n.src[n.pos]
	// ASCII is already NFKC unless a combining mark follows it.
	if c < utf8.RuneSelf && (n.pos+1 == len(n.src) || n.src[n.pos+1] < utf8.RuneSelf) {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		n.pos++
		return unit{r: rune(c), start: n.pos - 1, end: n.pos}, true
	}
	return n.segment()
}

// segment normalises the segment (a starter and its combining marks) at
// n.pos and queues its runes.
func (n *normalizer) segment() (unit, bool) {
	start := n.pos
	size := norm.NFKC.NextBoundaryInString(n.src[start:], true)
	if size <= 0 {
		size = 1
	}
	seg := n.src[start : start+size]
	n.pos += size
	n.pend = n.pend[:0]
	n.pi = 0
	if norm.NFKC.QuickSpanString(seg) == len(seg) {
		for _, r := range seg {
			n.pend = appendFolded(n.pend, r, start, start+size)
		}
	} else {
		n.buf = norm.NFKC.AppendString(n.buf[:0], seg)
		for _, r := range string(n.buf) { // no allocation: range over a conversion
			n.pend = appendFolded(n.pend, r, start, start+size)
		}
	}
	if len(n.pend) == 0 {
		return n.next()
	}
	n.pi = 1
	return n.pend[0], true
}

// appendFolded appends the folding of r (text.FoldRune). Hebrew points and
// cantillation are dropped here, not by a language's filter: Hebrew has no
// analyser of its own, and "מָה" must meet "מה" in every one.
func appendFolded(dst []unit, r rune, start, end int) []unit {
	if r >= 0x0591 && text.IsHebrewPoint(r) {
		return dst
	}
	r1, r2 := text.FoldRune(r)
	dst = append(dst, unit{r1, start, end})
	if r2 != 0 {
		dst = append(dst, unit{r2, start, end})
	}
	return dst
}
