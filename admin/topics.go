package admin

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"

	"corpusbot/retrieval"
	"corpusbot/store"
	"corpusbot/text"
)

// Topic is a group of gap questions that share terms.
type Topic struct {
	Label     []string // the shared words, most shared first; at most maxLabel
	Questions []store.GapQuestion
	Asked     int // times the questions were asked with a problem
	Abstained int
	Marked    int
	VotedDown int
	First     time.Time
	Last      time.Time
	Nearest   []string // documents the questions reached, most often first; at most maxNearest
}

const (
	maxLabel   = 3
	maxNearest = 3
)

// Termer turns a question into its index terms (stemmed, stopwords out),
// each with the word it came from.
type Termer struct {
	ix *retrieval.Index
}

// NewTermer builds a Termer with the retrieval package's analysers for
// the languages the bot answers in, so "recipes" and "recipe" meet, and
// "what" or "quel" is no topic.
func NewTermer() (*Termer, error) {
	var items []retrieval.Item
	for _, lang := range []string{"en", "fr", "ar", "zh", ""} {
		items = append(items, retrieval.Item{Lang: lang})
	}
	ix, err := retrieval.New(retrieval.Config{}, items)
	if err != nil {
		return nil, err
	}
	return &Termer{ix: ix}, nil
}

// terms returns the distinct terms of q, each with its word. A word is
// analysed alone, so each term knows its word; a stopword gives none.
func (t *Termer) terms(q string, cache map[string][]string) map[string]string {
	out := map[string]string{}
	for _, w := range words(strings.ToLower(q)) {
		ts, ok := cache[w]
		if !ok {
			ts = t.ix.Analyze(w)
			cache[w] = ts
		}
		for _, term := range ts {
			if _, seen := out[term]; !seen {
				out[term] = w
			}
		}
	}
	return out
}

// words splits q into its words as text.Words finds them, except that
// words with nothing between them are one: a run of Chinese characters,
// which the analyser cuts into its own terms (bigrams), is one word.
func words(q string) []string {
	var out []string
	start, end := 0, -1
	for w := range text.Words(q) {
		if w.Start != end && end >= 0 {
			out = append(out, q[start:end])
			start = w.Start
		} else if end < 0 {
			start = w.Start
		}
		end = w.End
	}
	if end >= 0 {
		out = append(out, q[start:end])
	}
	return out
}

// GapLimit bounds the questions grouped into topics: the most asked ones.
const GapLimit = 500

// GapReader reads gap questions; *store.Store is one.
type GapReader interface {
	GapQuestions(ctx context.Context, r store.Range, limit int) ([]store.GapQuestion, error)
}

// Gaps reads the GapLimit most asked gap questions of r and groups them
// into topics; n is how many questions were read.
func (t *Termer) Gaps(ctx context.Context, src GapReader, r store.Range) (topics []Topic, n int, err error) {
	gaps, err := src.GapQuestions(ctx, r, GapLimit)
	if err != nil {
		return nil, 0, err
	}
	return t.Topics(gaps), len(gaps), nil
}

// Topics groups gap questions that share terms, greedily: the term shared
// by the most questions not yet grouped makes a topic of them, until no
// term is shared; each question left is a topic of its own. Topics come
// most asked first.
func (t *Termer) Topics(gaps []store.GapQuestion) []Topic {
	cache := map[string][]string{}
	terms := make([]map[string]string, len(gaps))
	for i, g := range gaps {
		terms[i] = t.terms(g.Question, cache)
	}
	grouped := make([]bool, len(gaps))
	var topics []Topic
	for {
		df := map[string]int{}
		for i, ts := range terms {
			if grouped[i] {
				continue
			}
			for term := range ts {
				df[term]++
			}
		}
		best, bestN := "", 1
		for term, n := range df {
			if n > bestN || n == bestN && n > 1 && term < best {
				best, bestN = term, n
			}
		}
		if best == "" {
			break
		}
		var members []int
		for i, ts := range terms {
			if _, ok := ts[best]; ok && !grouped[i] {
				members = append(members, i)
				grouped[i] = true
			}
		}
		topics = append(topics, makeTopic(gaps, terms, members))
	}
	for i := range gaps {
		if !grouped[i] {
			topics = append(topics, makeTopic(gaps, terms, []int{i}))
		}
	}
	slices.SortStableFunc(topics, func(a, b Topic) int {
		return cmp.Or(cmp.Compare(b.Asked, a.Asked), b.Last.Compare(a.Last))
	})
	return topics
}

// makeTopic sums up the member questions and labels them with the words
// of the terms most of them share.
func makeTopic(gaps []store.GapQuestion, terms []map[string]string, members []int) Topic {
	var tp Topic
	termN, docN := map[string]int{}, map[string]int{}
	words := map[string]string{}
	firstDoc := map[string]int{} // order of first appearance breaks ties
	for _, i := range members {
		g := gaps[i]
		tp.Questions = append(tp.Questions, g)
		tp.Asked += g.Asked
		tp.Abstained += g.Abstained
		tp.Marked += g.Marked
		tp.VotedDown += g.VotedDown
		if tp.First.IsZero() || g.First.Before(tp.First) {
			tp.First = g.First
		}
		if g.Last.After(tp.Last) {
			tp.Last = g.Last
		}
		for term, w := range terms[i] {
			termN[term]++
			if _, ok := words[term]; !ok {
				words[term] = w
			}
		}
		for _, d := range g.Nearest {
			if _, ok := firstDoc[d]; !ok {
				firstDoc[d] = len(firstDoc)
			}
			docN[d]++
		}
	}
	slices.SortStableFunc(tp.Questions, func(a, b store.GapQuestion) int {
		return cmp.Or(cmp.Compare(b.Asked, a.Asked), b.Last.Compare(a.Last))
	})
	tp.Label = topWords(termN, words, len(members))
	docs := make([]string, 0, len(docN))
	for d := range docN {
		docs = append(docs, d)
	}
	slices.SortFunc(docs, func(a, b string) int {
		return cmp.Or(cmp.Compare(docN[b], docN[a]), cmp.Compare(firstDoc[a], firstDoc[b]))
	})
	tp.Nearest = docs[:min(len(docs), maxNearest)]
	return tp
}

// topWords returns the words of the terms the most members share (all of
// a lone question's), one word per term and no word twice.
func topWords(termN map[string]int, words map[string]string, members int) []string {
	ts := make([]string, 0, len(termN))
	for t, n := range termN {
		if n > 1 || members == 1 {
			ts = append(ts, t)
		}
	}
	slices.SortFunc(ts, func(a, b string) int {
		return cmp.Or(cmp.Compare(termN[b], termN[a]), cmp.Compare(len(words[b]), len(words[a])), strings.Compare(a, b))
	})
	var out []string
	for _, t := range ts {
		if w := words[t]; !slices.Contains(out, w) {
			out = append(out, w)
		}
		if len(out) == maxLabel {
			break
		}
	}
	return out
}
