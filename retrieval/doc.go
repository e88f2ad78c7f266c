// Package retrieval is an in-memory BM25 index of passages with analysis per
// language. It does no I/O; an Index is immutable once built and safe for
// concurrent use.
//
// Analysis is shaped like bleve's: a char filter (Unicode NFKC, case
// folding, apostrophe and Arabic-Indic digit forms), a tokenizer that keeps
// numbers whole ("70,000" → "70000", "12.8") and byte offsets into the
// original text, then token filters per language: English possessives,
// French elision, Arabic normalisation, stopwords, Snowball stemming, and
// traditional-to-simplified folding with overlapping bigrams for Han, Kana
// and Hangul. Items are analysed with the analyser of their language; a
// query is analysed with every analyser in the index and the terms OR-ed.
//
// Scoring is Lucene's BM25. Each hit also carries a Coverage, the share of
// the query's idf weight it matches, which the relevance floor is applied
// to so that callers can abstain when nothing in the index answers.
package retrieval
