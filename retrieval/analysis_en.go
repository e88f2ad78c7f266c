package retrieval

import "github.com/blevesearch/snowballstem/english"

// englishStopwords is Lucene's English stop set plus question words and
// auxiliaries, which carry no topic in a question ("What did … say").
const englishStopwords = `
a an and are as at be but by for if in into is it no not of on or such that
the their then there these they this to was will with
what which who whom whose why how when where
do does did done doing has have had having been being were am
i me my we our you your he him his she her its them those
would should could can may might shall about from than so also
many much more most other some any very only just each both few
dont doesnt didnt isnt arent wasnt werent wont cant
`

// newEnglish: possessives, stopwords, Snowball (Porter2) stemming.
func newEnglish(cjk *cjkFilter) *analyzer {
	return &analyzer{name: "en", filters: []tokenFilter{
		cjk,
		possessiveFilter{},
		newStopFilter(englishStopwords, nil),
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
