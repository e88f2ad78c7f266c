// Package retrieval is an in-memory BM25 index of passages with analysis per
// language. It does no I/O; an Index is immutable once built and safe for
// concurrent use.
package retrieval

import "errors"

// ErrNoTerms is returned for a query with nothing searchable in it: empty,
// only stopwords, only punctuation.
var ErrNoTerms = errors.New("query has no searchable terms")

// Config sets the scoring parameters. Zero fields take tuned defaults.
type Config struct {
	K1 float64
	B  float64
	// Floor is the minimum Coverage a hit needs to count as relevant.
	Floor float64
}

// Item is one passage to index.
type Item struct {
	Doc   string // document key; SearchDocs groups by it
	Title string // document title, indexed with the passage
	Text  string
	Lang  string // "en", "fr", "ar", "zh", … selects the analyser; "" or unknown = generic
}

// Hit is one scored passage.
type Hit struct {
	Item  int     // index into the items given to New
	Score float64 // BM25
	// Coverage is the share of the query's idf weight that this passage
	// matches, in [0,1]; the relevance floor is applied to it.
	Coverage float64
	Terms    []string // analysed query terms that matched
}

// DocHit is a document scored as its best passage.
type DocHit struct {
	Doc string
	Hit
}

// Span is a byte range [Start,End) of an item's Text.
type Span struct{ Start, End int }

// Index is built once by New.
type Index struct{}

// New analyses and indexes items.
func New(cfg Config, items []Item) (*Index, error) { panic("retrieval.New: not implemented yet") }

// Search returns up to k passages, best first, ties broken by item order.
func (ix *Index) Search(query string, k int) ([]Hit, error) { panic("not implemented yet") }

// SearchDocs returns up to k documents, each scored as its best passage.
func (ix *Index) SearchDocs(query string, k int) ([]DocHit, error) { panic("not implemented yet") }

// Relevant reports whether h clears the relevance floor.
func (ix *Index) Relevant(h Hit) bool { panic("not implemented yet") }

// Highlight returns the spans of item's Text that match the query's terms.
func (ix *Index) Highlight(item int, query string) []Span { panic("not implemented yet") }

// Languages lists the analysers in use, sorted.
func (ix *Index) Languages() []string { panic("not implemented yet") }

// Len is the number of items.
func (ix *Index) Len() int { panic("not implemented yet") }

// Analyze returns the distinct terms of text as a query would produce them,
// through every analyser in the index. The answer pipeline uses it to check
// that a cited passage supports a sentence.
func (ix *Index) Analyze(text string) []string { panic("not implemented yet") }
