package retrieval

import (
	"unicode/utf8"

	"corpusbot/text"
)

// cjkFilter folds traditional characters to simplified ones and turns runs of
// CJK characters into overlapping bigrams; a lone character stays a unigram.
// Every analyser runs it, since any text may quote Chinese names.
type cjkFilter struct{}

func newCJKFilter() *cjkFilter { return &cjkFilter{} }

// newCJK is the analyser for Chinese, Japanese and Korean documents: the
// generic pipeline, whose CJK filter does the work.
func newCJK(cjk *cjkFilter) *analyzer {
	return &analyzer{name: "cjk", filters: []tokenFilter{cjk}}
}

func (f *cjkFilter) filter(b *analysisBuf, toks []token) []token {
	out := toks[:0]
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
		if j-i == 1 {
			out = append(out, toks[i])
			i = j
			continue
		}
		// Bigram k is written at or before index k, after toks[k] and
		// toks[k+1] have been read.
		for k := i; k+1 < j; k++ {
			a, c := toks[k], toks[k+1]
			start := len(b.arena)
			b.arena = append(b.arena, a.term...)
			b.arena = append(b.arena, c.term...)
			out = append(out, token{
				term:  b.arena[start:len(b.arena):len(b.arena)],
				start: a.start, end: c.end, kind: kindCJK, joined: a.joined,
			})
		}
		i = j
	}
	return out
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
