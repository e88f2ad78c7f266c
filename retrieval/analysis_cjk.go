package retrieval

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"corpusbot/text"
)

// cjkFilter folds traditional characters to simplified ones and turns runs
// of CJK characters into overlapping bigrams plus, for Han characters,
// unigrams: a bigram finds a two-character word, a unigram the many
// one-character words (球, 省) and names split differently. Chinese
// function and question words (text.Stopwords("zh")) are dropped, as
// characters and as pairs. Every analyser runs it, since any text may quote
// Chinese names.
type cjkFilter struct {
	stop map[string]struct{}
}

func newCJKFilter() *cjkFilter {
	f := &cjkFilter{stop: make(map[string]struct{})}
	for _, w := range text.Stopwords("zh") {
		f.stop[w] = struct{}{}
	}
	return f
}

// newCJK is the analyser for Chinese, Japanese and Korean documents: the
// generic pipeline, whose CJK filter does the work.
func newCJK(cjk *cjkFilter) *analyzer {
	return &analyzer{name: "cjk", filters: []tokenFilter{cjk}}
}

func (f *cjkFilter) filter(b *analysisBuf, toks []token) []token {
	if !slices.ContainsFunc(toks, func(t token) bool { return t.kind == kindCJK }) {
		return toks
	}
	// A run gives more tokens than it has characters: build apart.
	out := b.cjkOut[:0]
	for i := 0; i < len(toks); {
		if toks[i].kind != kindCJK {
			out = append(out, toks[i])
			i++
			continue
		}
		j := i + 1 // toks[i:j] is one run
		for j < len(toks) && toks[j].kind == kindCJK && toks[j].joined {
			j++
		}
		for k := i; k < j; k++ {
			f.foldToken(b, &toks[k])
		}
		// Question and function words of several characters (什么, 多少)
		// cut the run; one-character ones (的, 是) only lose their unigram.
		for k := i; k+1 < j; k++ {
			for n := min(maxStopRunes, j-k); n >= 2; n-- {
				if w := concatTerms(b, toks[k:k+n]); f.isStop(w) {
					if b.keepStops {
						out = append(out, token{term: w, start: toks[k].start, end: toks[k+n-1].end, kind: kindCJK, stop: true})
					}
					// Emit the run before the word, then go on after it.
					out = f.ngrams(b, out, toks[i:k])
					i, k = k+n, k+n-1
					break
				}
			}
		}
		out = f.ngrams(b, out, toks[i:j])
		i = j
	}
	b.cjkOut = out
	return out
}

// maxStopRunes is the longest Chinese stopword, in characters.
const maxStopRunes = 3

func (f *cjkFilter) isStop(w []byte) bool {
	_, ok := f.stop[string(w)]
	return ok
}

// concatTerms returns the terms of toks written one after the other.
func concatTerms(b *analysisBuf, toks []token) []byte {
	start := len(b.arena)
	for _, t := range toks {
		b.arena = append(b.arena, t.term...)
	}
	return b.arena[start:len(b.arena):len(b.arena)]
}

// ngrams appends the unigrams (Han only, or a lone character) and bigrams
// of one run of CJK tokens.
func (f *cjkFilter) ngrams(b *analysisBuf, out, run []token) []token {
	for k := range run {
		a := run[k]
		if len(run) == 1 {
			out = f.add(b, out, a)
		} else if isHan(a.term) {
			a.kind = kindCJKUnigram
			out = f.add(b, out, a)
		}
		if k+1 < len(run) {
			c := run[k+1]
			start := len(b.arena)
			b.arena = append(b.arena, a.term...)
			b.arena = append(b.arena, c.term...)
			out = f.add(b, out, token{
				term:  b.arena[start:len(b.arena):len(b.arena)],
				start: a.start, end: c.end, kind: kindCJK, joined: a.joined,
			})
		}
	}
	return out
}

// add appends t unless it is a stopword, which query analysis keeps marked.
func (f *cjkFilter) add(b *analysisBuf, out []token, t token) []token {
	if _, ok := f.stop[string(t.term)]; ok {
		if !b.keepStops {
			return out
		}
		t.stop = true
	}
	return append(out, t)
}

// isHan reports whether term is one Han character.
func isHan(term []byte) bool {
	r, n := utf8.DecodeRune(term)
	return n == len(term) && unicode.Is(unicode.Han, r)
}

func (f *cjkFilter) foldToken(b *analysisBuf, t *token) {
	r, n := utf8.DecodeRune(t.term)
	s := text.ToSimplified(r)
	if s == r || n != len(t.term) {
		return
	}
	if utf8.RuneLen(s) == n {
		utf8.EncodeRune(t.term, s)
		return
	}
	start := len(b.arena)
	b.arena = utf8.AppendRune(b.arena, s)
	t.term = b.arena[start:len(b.arena):len(b.arena)]
}
