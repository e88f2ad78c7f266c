package verify

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"corpusbot/text"
)

// foldedText is a text folded for matching, with the folded offset at
// which each of its sentences starts, so that a match can be traced back to
// the sentences it lies in.
type foldedText struct {
	text   string
	starts []int    // folded offset of each sentence
	orig   []string // each sentence, as written
	// spaced is the text folded with each ZWNJ between letters as a space,
	// when it holds one (zwnjSpaced).
	spaced *foldedText
}

// foldSentences folds sentences joined by spaces.
func foldSentences(sents []string) *foldedText {
	f := &foldedText{}
	var b strings.Builder
	for _, s := range sents {
		fs := text.MatchFold(s)
		if fs == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		f.starts = append(f.starts, b.Len())
		f.orig = append(f.orig, s)
		b.WriteString(fs)
	}
	f.text = b.String()
	for _, s := range sents {
		if strings.ContainsRune(s, zwnj) {
			sp := make([]string, len(sents))
			for i, s := range sents {
				sp[i] = zwnjSpaced(s)
			}
			f.spaced = foldSentences(sp)
			break
		}
	}
	return f
}

const zwnj = '\u200c'

// zwnjSpaced writes each zero-width non-joiner between two letters as a
// space. Persian is typed three ways, "می‌کند", "می کند" and "میکند": Fold
// drops the joiner, which matches the first with the third; this form
// matches it with the second.
func zwnjSpaced(s string) string {
	if !strings.ContainsRune(s, zwnj) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var prev rune
	for i, r := range s {
		if r == zwnj {
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if text.WordJoiner(prev, r, next) {
				b.WriteByte(' ')
				prev = ' '
				continue
			}
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// findQuote finds quote, whose segments are segs, in f, or else with the
// ZWNJs of both written as spaces; it returns the text the offsets are in.
func (f *foldedText) findQuote(quote string, segs []string) (g *foldedText, start, end int, ok bool) {
	if start, end, ok := f.find(segs); ok {
		return f, start, end, true
	}
	sq := zwnjSpaced(quote)
	if f.spaced == nil && sq == quote {
		return nil, 0, 0, false
	}
	g = f
	if f.spaced != nil {
		g = f.spaced
	}
	if segs = quoteSegments(sq); segs == nil {
		return nil, 0, 0, false
	}
	start, end, ok = g.find(segs)
	return g, start, end, ok
}

// minQuoteWords is the least a quote must hold to prove anything: a single
// word (a name the question already gives) is found almost anywhere.
const (
	minQuoteWords      = 2
	minQuoteIdeographs = 4
)

// MaxQuoteRunes is the longest quote, in runes, a quote before its
// citation may be (“words” [2]); a caller clips a quote it shows to it.
const MaxQuoteRunes = 600

// quoteSegments splits a quote at ellipses ("…", "...", "[…]") into the
// folded pieces that must each occur, in order; nil when the quote is too
// short to check.
func quoteSegments(q string) []string {
	// The prompt escapes "<" of tag-like text; a model copies what it saw.
	q = strings.ReplaceAll(q, "&lt;", "<")
	for _, e := range []string{"[…]", "[...]", "(…)", "(...)", "..."} {
		q = strings.ReplaceAll(q, e, "…")
	}
	var segs []string
	words, ideos := 0, 0
	for _, part := range strings.Split(q, "…") {
		f := text.MatchFold(part)
		if f == "" {
			continue
		}
		segs = append(segs, f)
		w, n := countFolded(f)
		words, ideos = words+w, ideos+n
	}
	if words < minQuoteWords && ideos < minQuoteIdeographs && words+ideos/2 < minQuoteWords {
		return nil
	}
	return segs
}

// countFolded counts the words of folded text that hold no letter of an
// unspaced script, and its ideographs. Letters of the other unspaced scripts
// (Thai, Lao, Khmer, Myanmar) count two for one ideograph: they spell
// syllables by their sounds, where a Han character or a kana is a syllable,
// so a phrase of theirs, written as one run, is not taken for a single word.
func countFolded(f string) (words, ideos int) {
	letters := 0
	for _, w := range strings.Fields(f) {
		n, u := 0, 0
		for _, r := range w {
			switch {
			case text.IsIdeograph(r):
				n++
			case text.IsUnspaced(r):
				u++
			}
		}
		if n == 0 && u == 0 {
			words++
		}
		ideos += n
		letters += u
	}
	return words, ideos + letters/2
}

// find reports where the segments occur in f, in order and on word
// boundaries: the folded range from the first segment's start to the last
// one's end, or ok false.
func (f *foldedText) find(segs []string) (start, end int, ok bool) {
	from := 0
	start = -1
	for _, s := range segs {
		i := indexWord(f.text, s, from)
		if i < 0 {
			return 0, 0, false
		}
		if start < 0 {
			start = i
		}
		from = i + len(s)
	}
	return start, from, start >= 0
}

// indexWord finds s in t at or after from, where it neither starts nor
// ends inside a word of letters or digits (unspaced scripts have a boundary
// between any two letters) nor cuts a combining mark from its letter.
func indexWord(t, s string, from int) int {
	for from <= len(t)-len(s) {
		i := strings.Index(t[from:], s)
		if i < 0 {
			return -1
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(t[:i])
		after, _ := utf8.DecodeRuneInString(t[i+len(s):])
		first, _ := utf8.DecodeRuneInString(s)
		last, _ := utf8.DecodeLastRuneInString(s)
		okBefore := i == 0 || cuttable(before, first)
		okAfter := i+len(s) == len(t) || cuttable(last, after)
		if okBefore && okAfter {
			return i
		}
		_, size := utf8.DecodeRuneInString(t[i:])
		from = i + size
	}
	return -1
}

// cuttable reports whether folded text may be cut between a and b.
func cuttable(a, b rune) bool {
	if unicode.IsMark(b) {
		return false
	}
	return a == ' ' || b == ' ' || text.IsUnspaced(a) || text.IsUnspaced(b)
}

// sentencesIn returns the sentences, as written, that the folded range
// [start, end) overlaps.
func (f *foldedText) sentencesIn(start, end int) []string {
	var out []string
	for i, s := range f.starts {
		e := len(f.text)
		if i+1 < len(f.starts) {
			e = f.starts[i+1]
		}
		if s < end && e > start {
			out = append(out, f.orig[i])
		}
	}
	return out
}

// QuoteSpan finds a quote in text the way citations are verified (folded,
// on word boundaries, ellipses joining pieces in order) and returns the
// byte range of text from the first piece's start to the last one's end;
// ok is false when the quote is not there or too short to check. "Show
// passage" emphasises it.
func QuoteSpan(text, quote string) (start, end int, ok bool) {
	segs := quoteSegments(quote)
	if segs == nil {
		return 0, 0, false
	}
	// foldMap folds unit by unit: a ZWNJ, folded alone, is a space.
	folded, offs, ends := foldMap(text)
	f := &foldedText{text: folded}
	s, e, ok := f.find(segs)
	if !ok && strings.ContainsRune(quote, zwnj) {
		if segs = quoteSegments(zwnjSpaced(quote)); segs != nil {
			s, e, ok = f.find(segs)
		}
	}
	if !ok || e == 0 {
		return 0, 0, false
	}
	return offs[s], ends[e-1], true
}

// foldMap folds text unit by unit (text.FoldUnit: a letter with its marks,
// which NFKC may reorder or compose) as text.MatchFold does, and returns for
// each byte of the folded text the range of text it comes from.
func foldMap(s string) (folded string, starts, ends []int) {
	var b strings.Builder
	space := false
	var prev rune
	for i := 0; i < len(s); {
		n := text.FoldUnit(s[i:])
		f := text.MatchFold(s[i : i+n])
		if f == "" {
			space = true
			i += n
			continue
		}
		first, _ := utf8.DecodeRuneInString(f)
		if space && b.Len() > 0 && !text.IsUnspaced(prev) && !text.IsUnspaced(first) {
			b.WriteByte(' ')
			starts, ends = append(starts, i), append(ends, i)
		}
		space = false
		for range len(f) {
			starts, ends = append(starts, i), append(ends, i+n)
		}
		b.WriteString(f)
		prev, _ = utf8.DecodeLastRuneInString(f)
		i += n
	}
	return b.String(), starts, ends
}
