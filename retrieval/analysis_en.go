package retrieval

import (
	"github.com/blevesearch/snowballstem/english"

	"corpusbot/text"
)

// newEnglish: possessives, stopwords, Snowball (Porter2) stemming.
func newEnglish(cjk *cjkFilter) *analyzer {
	return &analyzer{name: "en", filters: []tokenFilter{
		cjk,
		possessiveFilter{},
		newStopFilter(text.Stopwords("en"), nil),
		stemFilter{stem: english.Stem},
	}}
}

// possessiveFilter removes a trailing 's ("Alipay's", "Alipay’s": the char
// filter already made ’ an apostrophe), then any apostrophe left
// ("don't" → "dont"), so that the stemmer sees plain words.
type possessiveFilter struct{}

func (possessiveFilter) filter(_ *analysisBuf, toks []token) []token {
	for i := range toks {
		t := &toks[i]
		if t.kind != kindWord {
			continue
		}
		n := len(t.term)
		if n > 2 && t.term[n-2] == '\'' && t.term[n-1] == 's' {
			t.term = t.term[:n-2]
		}
		t.term = removeByte(t.term, '\'')
	}
	return dropEmpty(toks)
}

// removeByte deletes every c from b, in place.
func removeByte(b []byte, c byte) []byte {
	out := b[:0]
	for _, x := range b {
		if x != c {
			out = append(out, x)
		}
	}
	return out
}
