package retrieval

import (
	"bytes"

	snowball "github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/danish"
	"github.com/blevesearch/snowballstem/dutch"
	"github.com/blevesearch/snowballstem/finnish"
	"github.com/blevesearch/snowballstem/german"
	"github.com/blevesearch/snowballstem/hungarian"
	"github.com/blevesearch/snowballstem/irish"
	"github.com/blevesearch/snowballstem/italian"
	"github.com/blevesearch/snowballstem/norwegian"
	"github.com/blevesearch/snowballstem/portuguese"
	"github.com/blevesearch/snowballstem/romanian"
	"github.com/blevesearch/snowballstem/russian"
	"github.com/blevesearch/snowballstem/spanish"
	"github.com/blevesearch/snowballstem/swedish"
	"github.com/blevesearch/snowballstem/tamil"
	"github.com/blevesearch/snowballstem/turkish"

	"corpusbot/text"
)

// snowballStemmer returns the Snowball stemmer of a language that has no
// analyser of its own (en, fr and ar have theirs), or nil. Indonesian's is
// text's (Snowball's algorithm; the Go package has none), as Hebrew's.
func snowballStemmer(lang string) func(*snowball.Env) bool {
	switch lang {
	case "da":
		return danish.Stem
	case "de":
		return german.Stem
	case "es":
		return spanish.Stem
	case "fi":
		return finnish.Stem
	case "ga":
		return irish.Stem
	case "he":
		return stringStem(text.HebrewStem)
	case "hu":
		return hungarian.Stem
	case "id":
		return stringStem(text.StemIndonesian)
	case "it":
		return italian.Stem
	case "nl":
		return dutch.Stem
	case "no", "nb", "nn":
		return norwegian.Stem
	case "pt":
		return portuguese.Stem
	case "ro":
		return romanian.Stem
	case "ru":
		return russian.Stem
	case "sv":
		return swedish.Stem
	case "ta":
		return tamil.Stem
	case "tr":
		return turkish.Stem
	case "uk":
		return func(*snowball.Env) bool { return true } // its stopwords, words whole: no stemmer helped (issue 10)
	}
	return nil
}

// stringStem runs a stemmer of strings as a Snowball one.
func stringStem(stem func(string) string) func(*snowball.Env) bool {
	return func(env *snowball.Env) bool {
		env.SetCurrent(stem(env.Current()))
		return true
	}
}

// newSnowball is the analyser of a Snowball language: stopwords from
// text.Stopwords (Snowball's or Savoy's list and question words), then the
// stemmer. Italian and Catalan-style elisions ("l'anno", "dell'arte") are
// cut first; Russian ё is written е, and stress marks go.
func newSnowball(lang string, stem func(*snowball.Env) bool, cjk *cjkFilter) *analyzer {
	fs := []tokenFilter{cjk}
	switch lang {
	case "it":
		fs = append(fs, elisionFilter{prefixes: italianElisions[:]})
	case "ru":
		fs = append(fs, runeMapFilter{from: 'ё', to: 'е'}, stressFilter{})
	case "tr":
		fs = append(fs, apostropheFilter{})
	}
	fs = append(fs, newStopFilter(text.Stopwords(lang), nil), stemFilter{stem: stem})
	return &analyzer{name: lang, filters: fs}
}

// italianElisions are the articles and prepositions an apostrophe joins to
// the next word.
var italianElisions = [...]string{"l", "un", "dell", "dall", "nell", "sull", "all", "coll", "pell", "gl", "d", "c", "m", "s", "t", "v", "quell", "quest", "bell", "sant", "tutt"}

// runeMapFilter rewrites one rune as another of the same UTF-8 length.
type runeMapFilter struct{ from, to rune }

func (f runeMapFilter) filter(_ *analysisBuf, toks []token) []token {
	var from, to [4]byte
	n := copy(from[:], string(f.from))
	copy(to[:], string(f.to))
	for i := range toks {
		t := toks[i].term
		for j := 0; j+n <= len(t); j++ {
			if string(t[j:j+n]) == string(from[:n]) {
				copy(t[j:], to[:n])
			}
		}
	}
	return toks
}

// stressFilter removes the combining acute and grave accents (U+0301,
// U+0300) that mark stress in Russian: encyclopedias and dictionaries write
// Па́пуа, Госуда́рство in a headword, the same word unmarked everywhere else.
// Cyrillic vowels have no precomposed stressed form, so after NFKC these
// marks are the only ones left on them; Latin é and è stay precomposed.
type stressFilter struct{}

func (stressFilter) filter(_ *analysisBuf, toks []token) []token {
	for i := range toks {
		t := toks[i].term
		if !bytes.Contains(t, combAcute) && !bytes.Contains(t, combGrave) {
			continue
		}
		out := t[:0]
		for j := 0; j < len(t); j++ {
			if j+1 < len(t) && t[j] == 0xCC && (t[j+1] == 0x80 || t[j+1] == 0x81) {
				j++
				continue
			}
			out = append(out, t[j])
		}
		toks[i].term = out
	}
	return dropEmpty(toks)
}

var combAcute, combGrave = []byte("\u0301"), []byte("\u0300")

// apostropheFilter cuts a word at its first apostrophe.
type apostropheFilter struct{}

func (apostropheFilter) filter(_ *analysisBuf, toks []token) []token {
	for i := range toks {
		if j := bytes.IndexByte(toks[i].term, '\''); j > 0 {
			toks[i].term = toks[i].term[:j]
		}
	}
	return toks
}
