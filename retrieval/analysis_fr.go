package retrieval

import (
	"bytes"

	"github.com/blevesearch/snowballstem/french"
)

// frenchStopwords is a short list of French function words, in the forms
// left after elision.
const frenchStopwords = `
a à au aux avec ce ces cet cette ceci cela ça dans de des du elle elles en et
eux il ils je la le les leur leurs lui ma mais me même mes moi mon ne ni nos
notre nous on ou où par pas pour qu que quel quelle quels quelles qui quoi
sa se ses si son sont sur ta te tes toi ton tu un une vos votre vous y
est était étaient être été ai as avons avez ont avait avaient eu
dont donc comme comment pourquoi quand lorsque puisque car
`

// frenchElisions are the prefixes an apostrophe joins to the next word.
var frenchElisions = [...]string{"l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"}

// newFrench: elision, stopwords, Snowball stemming.
func newFrench(cjk *cjkFilter) *analyzer {
	return &analyzer{name: "fr", filters: []tokenFilter{
		cjk,
		elisionFilter{},
		newStopFilter(frenchStopwords, nil),
		stemFilter{stem: french.Stem},
	}}
}

// elisionFilter removes an elided article or pronoun: "l'ouverture" →
// "ouverture", "jusqu'à" → "à". Other apostrophes stay ("aujourd'hui").
type elisionFilter struct{}

func (elisionFilter) filter(_ *analysisBuf, toks []token) []token {
	for i := range toks {
		t := &toks[i]
		if t.kind != kindWord {
			continue
		}
		j := bytes.IndexByte(t.term, '\'')
		if j <= 0 {
			continue
		}
		for _, p := range frenchElisions {
			if string(t.term[:j]) == p {
				t.term = t.term[j+1:]
				break
			}
		}
	}
	return dropEmpty(toks)
}
