package retrieval

import (
	"bytes"

	"github.com/blevesearch/snowballstem/french"

	"corpusbot/text"
)

// frenchElisions are the prefixes an apostrophe joins to the next word.
var frenchElisions = [...]string{"l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"}

// newFrench: elision, stopwords, Snowball stemming.
func newFrench(cjk *cjkFilter) *analyzer {
	return &analyzer{name: "fr", filters: []tokenFilter{
		cjk,
		elisionFilter{prefixes: frenchElisions[:]},
		newStopFilter(text.Stopwords("fr"), nil),
		stemFilter{stem: french.Stem},
	}}
}

// elisionFilter removes an elided article or pronoun: "l'ouverture" →
// "ouverture", "jusqu'à" → "à". Other apostrophes stay ("aujourd'hui").
type elisionFilter struct{ prefixes []string }

func (f elisionFilter) filter(_ *analysisBuf, toks []token) []token {
	for i := range toks {
		t := &toks[i]
		if t.kind != kindWord {
			continue
		}
		j := bytes.IndexByte(t.term, '\'')
		if j <= 0 {
			continue
		}
		for _, p := range f.prefixes {
			if string(t.term[:j]) == p {
				t.term = t.term[j+1:]
				break
			}
		}
	}
	return dropEmpty(toks)
}
