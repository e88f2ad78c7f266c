package answer

import (
	"slices"
	"strings"
	"unicode"

	"corpusbot/i18n"
	"corpusbot/text"
)

// abstainAsked is abstain for a question. Without a model, a question in a
// language no document is written in cannot be matched to them (no model
// rewrites it into theirs), so the abstention says that, in the question's
// language, naming the documents' languages; its nearest documents are
// those the question's names, code and numbers point to, by search,
// since its other words match the documents only by chance ("dane",
// Polish data, is an English word). With a model, or a question in a
// document's language, it is abstain.
func (p *Pipeline) abstainAsked(st *state, res *Result, question, lang string, nearest []Nearest) *Result {
	st.abstain(res, lang, nearest)
	if p.model != nil || !st.otherLanguage(question, lang) {
		return res
	}
	res.Text = say(lang, i18n.OtherLanguage, i18n.LanguageNames(lang, st.langs))
	res.HistoryText = res.Text
	res.Nearest = nil
	if ptr := pointers(question, st.corpusNames()); len(ptr) > 0 {
		// The index directly, not p.search: this is no retrieval of
		// the question, which the metrics count once.
		hits, _ := st.index.Search(strings.Join(ptr, " "), p.cfg.K) // no terms: no hits
		cands := make([]candidate, len(hits))
		for i, h := range hits {
			cands[i] = candidate{item: h.Item}
		}
		res.Nearest = st.nearest(cands)
	}
	return res
}

// otherLanguage reports whether question is in a language no document is
// written in: the detector is sure of its language (a short question or
// a name alone is no language), and neither it nor the reader's (lang, the
// catalogue's) is a document's. Both must agree, so that a question in
// the documents' language the detector misreads is never told it is not.
func (st *state) otherLanguage(question, lang string) bool {
	detected := text.DetectLanguage(question)
	if detected == "und" || len(st.langs) == 0 {
		return false
	}
	return !slices.Contains(st.langs, detected) && !slices.Contains(st.langs, i18n.TextCode(lang))
}

// pointers are the words of a question that point to documents whatever
// its language: names (capitalised inside the question, or written as
// names by the corpus: names), code (identifiers, calls, words with
// digits or underscores), numbers, and Latin words in a question in
// another script ("fsync" in a Greek question): namesAnything's words,
// with the names the corpus writes, so that a question's first word can
// be one ("Prometheus przechowuje …").
func pointers(question string, names map[string]bool) []string {
	var out []string
	for _, c := range compoundsOf(question) {
		out = append(out, c.text)
	}
	l, o := text.ScriptLetters(question)
	latin := l > o
	first := true
	for w := range text.Words(question) {
		word := question[w.Start:w.End]
		r := []rune(word)
		_, named := names[nameKey(word)]
		switch {
		case isNameWord(word, first), named && unicode.IsUpper(r[0]),
			strings.ContainsFunc(word, unicode.IsDigit), strings.Contains(word, "_"),
			writtenAsCall(question, w.End),
			!latin && unicode.Is(unicode.Latin, r[0]):
			out = append(out, word)
		}
		first = false
	}
	return out
}
