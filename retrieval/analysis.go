package retrieval

import (
	"slices"
	"strings"

	snowball "github.com/blevesearch/snowballstem"
)

// Analysis is shaped like bleve's: a char filter (normalizer: NFKC, case
// folding), a tokenizer, then token filters per language. Analysers are
// built by New from read-only tables; nothing is registered globally.

// tokenFilter rewrites, drops or merges tokens in place.
type tokenFilter interface {
	filter(b *analysisBuf, toks []token) []token
}

// analyzer is one language's pipeline.
type analyzer struct {
	name    string // "en", "fr", "ar", "cjk", "und"
	filters []tokenFilter
}

// analysisBuf is the per-goroutine scratch of analysis. Terms of the tokens
// it returns point into arena and stay valid until the next call.
type analysisBuf struct {
	tz    tokenizer
	arena []byte
	toks  []token
	// keepStops makes stop filters mark stopwords instead of dropping them,
	// so query analysis can tell a stopword from a word.
	keepStops bool
	env       *snowball.Env // reused by stemmers
	cjkOut    []token       // the CJK filter's output
}

// analyze runs text through a's pipeline.
func (a *analyzer) analyze(b *analysisBuf, text string) []token {
	b.arena, b.toks = b.tz.tokenize(text, b.arena[:0], b.toks[:0])
	return a.run(b, b.toks)
}

// run applies a's filters to toks, in place. Filters other than the CJK one
// must look at one token at a time: the index build relies on it to cache
// what each distinct word becomes.
func (a *analyzer) run(b *analysisBuf, toks []token) []token {
	for _, f := range a.filters {
		toks = f.filter(b, toks)
	}
	return toks
}

// langKey maps an Item.Lang to the analyser that handles it.
func langKey(lang string) string {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	switch lang {
	case "en", "fr", "ar":
		return lang
	case "zh", "ja", "ko":
		return "cjk"
	case "nb", "nn":
		return "no"
	}
	if snowballStemmer(lang) != nil {
		return lang
	}
	return "und"
}

// analyzers builds the analysers that items of the given language keys need.
// The result is sorted by name.
func newAnalyzers(keys []string) []*analyzer {
	keys = slices.Clone(keys)
	slices.Sort(keys)
	keys = slices.Compact(keys)
	if len(keys) == 0 {
		keys = []string{"und"} // an empty index still analyses queries
	}
	cjk := newCJKFilter()
	out := make([]*analyzer, 0, len(keys))
	for _, k := range keys {
		var a *analyzer
		switch k {
		case "en":
			a = newEnglish(cjk)
		case "fr":
			a = newFrench(cjk)
		case "ar":
			a = newArabic(cjk)
		case "cjk":
			a = newCJK(cjk)
		default:
			if stem := snowballStemmer(k); stem != nil {
				a = newSnowball(k, stem, cjk)
			} else {
				a = newGeneric(cjk)
			}
		}
		out = append(out, a)
	}
	return out
}

// newGeneric is the analyser for unknown languages: normalise and fold
// (the char filter), Arabic-script normalisation, CJK bigrams; no stopwords,
// no stemming.
func newGeneric(cjk *cjkFilter) *analyzer {
	return &analyzer{name: "und", filters: []tokenFilter{cjk, arabicNormFilter{}, arabicPostFilter{}}}
}

// stopFilter drops stopwords, or marks them in query mode.
type stopFilter struct {
	words map[string]struct{}
}

func newStopFilter(list []string, normalize func([]byte) []byte) stopFilter {
	f := stopFilter{words: make(map[string]struct{}, len(list))}
	for _, w := range list {
		b := []byte(w)
		if normalize != nil {
			b = normalize(b)
		}
		f.words[string(b)] = struct{}{}
	}
	return f
}

func (f stopFilter) filter(b *analysisBuf, toks []token) []token {
	out := toks[:0]
	for _, t := range toks {
		if _, ok := f.words[string(t.term)]; ok {
			if !b.keepStops {
				continue
			}
			t.stop = true
		}
		out = append(out, t)
	}
	return out
}

// dropEmpty removes tokens a filter emptied.
func dropEmpty(toks []token) []token {
	out := toks[:0]
	for _, t := range toks {
		if len(t.term) > 0 {
			out = append(out, t)
		}
	}
	return out
}
