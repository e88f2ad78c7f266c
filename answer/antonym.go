package answer

import (
	_ "embed"
	"regexp"
	"slices"
	"strings"
	"sync"
)

//go:generate go run gen_antonyms.go -wordnet ${OEWN_DIR}

// antonymData is the English antonym pairs of Open English WordNet
// (commit d94538ad, CC BY 4.0; see synonyms/README.md), one pair a line,
// gzipped: of each lemma's first two senses of each part of speech, with
// a satellite adjective's head's ("rapid" takes fast's slow), 18,966
// pairs. See gen_antonyms.go.
//
//go:embed antonyms_en.txt.gz
var antonymData []byte

// englishAntonyms maps a lemma to its antonyms, read once on first use (it
// is immutable).
var englishAntonyms = sync.OnceValue(func() map[string][]string {
	return wordPairs(antonymData, " ", "antonym")
})

// lemmaDetachments are WordNet's morphy rules (as package synonyms has
// them): the lemmas an inflected English word may be a form of.
var lemmaDetachments = []struct{ suffix, ending string }{
	{"ies", "y"}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"},
	{"es", "e"}, {"es", ""}, {"s", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""},
	{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}, {"ier", "y"}, {"iest", "y"},
}

// formsOf returns a lower-case English word and the lemmas it may be a
// form of by WordNet's morphy rules ("increased" → increase, "smallest"
// → small, "bigger" → big): candidates, compared with the table's lemmas.
// Not the index's stems, which join words of opposite sense ("follower"
// and "followed" → follow, the antonym of "leader").
func formsOf(w string) []string {
	out := []string{w}
	for _, d := range lemmaDetachments {
		stem, ok := strings.CutSuffix(w, d.suffix)
		if !ok || len(stem) < 2 {
			continue
		}
		out = append(out, stem+d.ending)
		if n := len(stem); d.ending == "" && n >= 3 && stem[n-1] == stem[n-2] {
			out = append(out, stem[:n-1]) // bigger → big, stopped → stop
		}
	}
	return out
}

// antonymsOf returns the antonyms of a lower-case English word, of it or
// of the lemmas it may be a form of ("largest" → small, "increased" →
// decrease).
func antonymsOf(w string) []string {
	ants := englishAntonyms()
	var out []string
	for _, f := range formsOf(w) {
		out = append(out, ants[f]...)
	}
	return out
}

// opposites are what of an English question a sentence may say the
// opposite of: the antonyms of its words (see keeps).
type opposites struct {
	antonyms []string   // the antonyms of the question's words
	of       [][]string // for each antonym, the forms of each word it opposes
}

// oppositesOf reads a question's words' antonyms, those the question does
// not write itself ("from small to large" asks both). A yes-no question
// may be answered by the antonym ("Is it clear …?" → "It is unclear …"),
// and a negated one is keepsNegation's ("not able" → "unable"): neither
// has any.
func oppositesOf(question string) opposites {
	qs := lowerWords(question)
	if len(qs) > 0 && polarWords[qs[0]] {
		return opposites{}
	}
	asked := map[string]bool{}
	for _, w := range qs {
		if negates(w) {
			return opposites{}
		}
		for _, f := range formsOf(w) {
			asked[f] = true
		}
	}
	var o opposites
	for _, w := range qs {
		forms := formsOf(w)
		for _, a := range antonymsOf(w) {
			if asked[a] {
				continue
			}
			if k := slices.Index(o.antonyms, a); k >= 0 {
				o.of[k] = append(o.of[k], forms...)
				continue
			}
			o.antonyms = append(o.antonyms, a)
			o.of = append(o.of, forms)
		}
	}
	return o
}

// keeps reports whether an English sentence can answer the question
// without saying the opposite of what it asks: a sentence that writes the
// antonym of one of the question's words ("fast" of "slow", "decrease"
// of "increase", "smallest" of "largest") and not the word itself answers
// another question ("What triggers a slow killing response?" is not
// answered by "… triggers a fast killing response"). A sentence with a
// negation may say the word by its antonym ("enabled: false"); the word
// may also stand in the sentences either side (near), which an answer may
// show with it.
func (o opposites) keeps(sentence, near string) bool {
	if len(o.antonyms) == 0 {
		return true
	}
	// Most sentences write none of the antonyms: those are not taken
	// apart into words.
	lower := strings.ToLower(sentence)
	if !slices.ContainsFunc(o.antonyms, func(a string) bool { return strings.Contains(lower, a[:len(a)-cut(a)]) }) {
		return true
	}
	ws := lowerWords(sentence)
	if slices.ContainsFunc(ws, func(w string) bool { return negates(w) || w == "false" }) {
		return true
	}
	var nws []string
	for k, a := range o.antonyms {
		if !writes(ws, []string{a}) {
			continue
		}
		if writes(ws, o.of[k]) {
			continue
		}
		if nws == nil {
			nws = lowerWords(near)
		}
		if !writes(nws, o.of[k]) {
			return false
		}
	}
	return true
}

// writes reports whether words hold a form of one of lemmas (formsOf).
// Only a word that begins as a lemma does, less the letters an ending
// changes ("bi" of "bigger", "happ" of "happier", "wo" of "women"), is
// taken apart: sentences are many, antonyms few.
func writes(words, lemmas []string) bool {
	for _, w := range words {
		for _, l := range lemmas {
			if w == l || len(l) >= 2 && strings.HasPrefix(w, l[:len(l)-cut(l)]) && slices.Contains(formsOf(w), l) {
				return true
			}
		}
	}
	return false
}

// cut is how many of a lemma's last letters its forms may change: "man"
// → "men" two, else one ("happy" → "happier", "big" → "bigger").
func cut(l string) int {
	if strings.HasSuffix(l, "man") {
		return 2
	}
	return 1
}

// lowerWords returns the words of an English text written in lower case,
// the first word folded, and the parts of those hyphenated ("all-digital"
// writes digital): a name ("South Carolina", "North America") has no
// antonym. Nor has a word with dots inside, an identifier ("m4.large",
// "values.yaml", "large.example.com"): an instance type named "large"
// says nothing against a question's "small".
func lowerWords(s string) []string {
	ws := dottedWord.FindAllString(s, -1)
	var out []string
	for i, w := range ws {
		if i == 0 {
			w = strings.ToLower(w)
		}
		if w != strings.ToLower(w) || strings.Contains(w, ".") {
			continue
		}
		out = append(out, w)
		if strings.Contains(w, "-") && !negates(w) {
			out = append(out, strings.Split(w, "-")...)
		}
	}
	return out
}

// dottedWord is negWord that also keeps the dots inside a word.
var dottedWord = regexp.MustCompile(`[\pL\pN]+(?:['’.-][\pL\pN]+)*`)

// polarWords open a yes-no question, which an antonym may answer ("no").
var polarWords = setOf(strings.Fields("is are was were am do does did can could will would shall should may might must has have had isn't aren't wasn't weren't don't doesn't didn't can't won't"))
