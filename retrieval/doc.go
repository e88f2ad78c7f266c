// Package retrieval is an in-memory BM25 index of passages with analysis per
// language. It does no I/O; an Index is immutable once built and safe for
// concurrent use.
//
// Analysis is shaped like bleve's: a char filter (Unicode NFKC and the
// per-character folding of package text: case, apostrophes, Arabic-Indic
// digits and separators), a tokenizer that keeps numbers whole ("70,000" →
// "70000", "12.8") and byte offsets into the original text and splits
// identifiers into their words, keeping the whole ("persistentVolumes" →
// persistentvolumes, persistent, volumes), then token filters per language. Every Snowball language (da de en es fi fr ga hu it
// nl no pt ro ru sv ta tr) gets its stopwords (text.Stopwords) and stemmer,
// with English possessives, French and Italian elisions, French accents
// removed after stemming, Turkish apostrophe suffixes; Arabic is folded and
// light-stemmed (proclitics and suffixes; a query word with a lone proclitic
// also searches the word without it). Han is folded to simplified and
// indexed as unigrams and bigrams; kana and Hangul as bigrams (Japanese and
// Korean: a Japanese query drops its kana-only pairs, Korean question words
// are stopwords); Thai, Lao, Khmer and Myanmar as character bigrams, marks kept on
// their letter, since none of them separates words. Any other language gets
// the generic analysis: the char filter and tokenizer, no stemming.
//
// Items are analysed with the analyser of their language (corpus detects it
// per document); an item of unknown language with the analyser of the
// index's commonest language, so that the generic analysis exists only in
// an index with no known language. A query is analysed by every analyser
// of the index, but only the analyser of its own language
// (text.DetectLanguage) scores when the index has it; the other analysers'
// terms only count towards Coverage. A query whose language cannot be told
// is scored by all of them, the terms OR-ed.
//
// Scoring is Lucene's BM25. Each hit also carries a Coverage, the share of
// the query's idf weight it matches, which the relevance floor is applied
// to so that callers can abstain when nothing in the index answers.
package retrieval
