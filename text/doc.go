// Package text is the one place where corpusbot reads natural-language
// text: sentence segmentation (Sentences), words and their count (Words,
// CountWords), language detection (DetectLanguage) and what its callers
// may trust it with (Script, LatinScript, FewMarkers, Confusable: facts
// read off the detector's own tables, which i18n and verify ask instead
// of keeping lists of their own), folding for matching (Fold, FoldRune,
// ToSimplified) and stopwords (Stopwords, IsStopword).
//
// The corpus loader, retrieval, the answer pipeline and the Discord bot
// all use it, so that a sentence, a word and a language mean the same
// thing everywhere: a quote taken from a passage is checked against that
// passage with the folding retrieval matched it with. Of the project it
// imports only wordfreq, for how common a word is in each language.
package text
