package retrieval

import (
	"bytes"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem/french"
	"golang.org/x/text/unicode/norm"

	"corpusbot/text"
)

// frenchElisions are the prefixes an apostrophe joins to the next word.
var frenchElisions = [...]string{"l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"}

// newFrench: elision, stopwords, Snowball stemming, accents removed from
// the stems. The inverted "-t-" of "a-t-il" is a stopword.
func newFrench(cjk *cjkFilter) *analyzer {
	return &analyzer{name: "fr", filters: []tokenFilter{
		cjk,
		elisionFilter{prefixes: frenchElisions[:]},
		newStopFilter(text.Stopwords("fr"), nil),
		stemFilter{stem: french.Stem},
		accentFilter{},
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

// accentFilter removes the accents of Latin letters (é → e, ç → c, œ → oe),
// after stemming, which needs them: "Église" and "Eglise" meet, and so do
// a question typed without accents and its document.
type accentFilter struct{}

func (accentFilter) filter(b *analysisBuf, toks []token) []token {
	for i := range toks {
		t := &toks[i]
		if t.kind != kindWord || t.stop || isASCII(t.term) {
			continue
		}
		start := len(b.arena)
		for _, r := range string(t.term) {
			switch r {
			case 'œ':
				b.arena = append(b.arena, 'o', 'e')
				continue
			case 'æ':
				b.arena = append(b.arena, 'a', 'e')
				continue
			}
			if r >= 0xC0 && r <= 0x24F {
				if base := norm.NFD.PropertiesString(string(r)).Decomposition(); len(base) > 0 && base[0] < utf8.RuneSelf {
					r = rune(base[0])
				}
			}
			b.arena = utf8.AppendRune(b.arena, r)
		}
		t.term = b.arena[start:len(b.arena):len(b.arena)]
	}
	return toks
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
