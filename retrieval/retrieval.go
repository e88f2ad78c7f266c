package retrieval

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"
)

// ErrNoTerms is returned for a query with nothing searchable in it: empty,
// only stopwords, only punctuation.
var ErrNoTerms = errors.New("query has no searchable terms")

// Defaults tuned on BEIR SciFact (see docs/benchmarks.md) and, for the
// floor, on the shared question set.
const (
	DefaultK1    = 1.2
	DefaultB     = 0.75
	DefaultFloor = 0.35
)

// Config sets the scoring parameters. Zero fields take tuned defaults.
type Config struct {
	K1 float64
	B  float64
	// Floor is the minimum Coverage a hit needs to count as relevant.
	Floor float64
	// itemsPerWorker is how many items make a worker's shard at the
	// least; 0 is minItemsPerWorker. Tests of what many shards count make
	// small indexes of many shards with it: under -race, an index of
	// 3 × 2,048 items took TestThaiDF and TestDictDF 40 s each.
	itemsPerWorker int
}

func (c Config) withDefaults() (Config, error) {
	if c.K1 == 0 {
		c.K1 = DefaultK1
	}
	if c.B == 0 {
		c.B = DefaultB
	}
	if c.Floor == 0 {
		c.Floor = DefaultFloor
	}
	switch {
	case !(c.K1 > 0) || math.IsInf(c.K1, 0):
		return c, fmt.Errorf("k1 %v: must be positive and finite", c.K1)
	case !(c.B >= 0 && c.B <= 1):
		return c, fmt.Errorf("b %v: must be in [0,1]", c.B)
	case !(c.Floor >= 0 && c.Floor <= 1):
		return c, fmt.Errorf("floor %v: must be in [0,1]", c.Floor)
	}
	return c, nil
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
	Score float64 // BM25; from Search, blended with its document's match
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
type Index struct {
	cfg   Config
	items []Item

	analyzers []*analyzer     // sorted by name; queries go through all of them
	itemAn    []uint8         // analyser of each item, an index into analyzers
	framing   map[string]bool // Chinese framing phrases: see framingSpans

	dict map[string]uint32 // term → term id; nil when mapped (terms)
	// terms is the dictionary of an index read from a snapshot.
	terms *termTable
	// Postings of term t are postItem[postStart[t]:postStart[t+1]], sorted
	// by item, with postTF the term's frequency in the item (maxTF: that
	// or more, the count in bigTF). A search weighs a posting from its tf
	// and the item's length norm (accumulate): 5 bytes a posting rather than
	// 8 with the weight precomputed, a third less index to hold and map.
	postStart []uint32
	postItem  []uint32
	postTF    []uint8
	bigTF     []uint32  // posting, tf: pairs, by posting, for tf ≥ maxTF
	itemLen   []uint32  // analysed length of each item
	avgLen    float64   // their mean, for BM25's length norm
	wtab      []float32 // tfWeight of the lengths below tabLens and tfs below tabTF

	itemDoc []uint32  // document of each item, an index into docs
	docs    []string  // document keys in order of first appearance
	docNorm []float32 // passages^-docLengthExp of each document, for Search's blend

	maxIDF float64 // idf of a term no item has

	compounds compoundIndex // compounds by their ending, for German queries (compound.go)

	thai thaiCounts // the items that write each Thai word (thai.go)

	accums sync.Pool // *accum sized for this index
	bufs   sync.Pool // *analysisBuf for query analysis

	analyzed termCache // Analyze's terms of short texts
}

// New analyses and indexes items.
func New(cfg Config, items []Item) (*Index, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, fmt.Errorf("retrieval config: %w", err)
	}
	if uint64(len(items)) >= math.MaxUint32 {
		return nil, fmt.Errorf("index %d items: too many", len(items))
	}
	size := 0
	for _, it := range items {
		size += len(it.Text) + len(it.Title)
	}
	gc := holdBuildGC(size)
	defer gc.release()
	ix := &Index{cfg: cfg, items: slices.Clone(items)}
	ix.build(true, gc)
	ix.accums.New = func() any { return newAccum(len(ix.items), len(ix.docs)) }
	ix.bufs.New = func() any { return &analysisBuf{keepStops: true} }
	return ix, nil
}

// Relevant reports whether h clears the relevance floor.
func (ix *Index) Relevant(h Hit) bool { return h.Coverage >= ix.cfg.Floor }

// Config returns the configuration in use, defaults filled in.
func (ix *Index) Config() Config { return ix.cfg }

// Item returns the item given to New at index i, which must be in [0, Len()).
func (ix *Index) Item(i int) Item { return ix.items[i] }

// Languages lists the analysers in use, sorted: "ar", "cjk", "en", "fr",
// "und" (the generic analyser for any other language).
func (ix *Index) Languages() []string {
	out := make([]string, len(ix.analyzers))
	for i, a := range ix.analyzers {
		out[i] = a.name
	}
	return out
}

// Len is the number of items.
func (ix *Index) Len() int { return len(ix.items) }

// IDF is the BM25 idf of an analysed term (one Analyze returns): how
// rare it is among the items. A term no item has reports false, with the
// weight a query gives a word none of whose terms any item has: the most.
func (ix *Index) IDF(term string) (float64, bool) {
	if qt := ix.lookup(term); qt.id >= 0 {
		return qt.idf, true
	}
	return ix.maxIDF, false
}

// Analyze returns the distinct terms of text as a query would produce them,
// through every analyser in the index. The answer pipeline uses it to check
// that a cited passage supports a sentence. Unlike a query, text is not
// truncated.
func (ix *Index) Analyze(text string) []string {
	return ix.cachedAnalyze(text, ix.analyze)
}

// analyze is Analyze without the cache.
func (ix *Index) analyze(text string) []string {
	q := ix.parseQuery(text, 0, 0)
	out := make([]string, 0, len(q.terms))
	for _, t := range q.terms {
		if !t.extra {
			out = append(out, t.text)
		}
	}
	return out
}
