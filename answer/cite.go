package answer

import (
	"corpusbot/text"
	"corpusbot/verify"
)

// sources lists the blocks a reply cites, in the order of r.Used. A
// source cited by a verified claim carries that claim's quote; another
// carries the sentence of its text that best matches the claims citing
// it, the question's terms breaking ties.
func (st *state) sources(blocks []*block, r verify.Rendered, asked string) []Source {
	// The terms only pick the sentence of a source no verified claim
	// quotes: none in an extractive answer, whose every sentence is its
	// own quote. They are read for the first such source.
	var claimTerms []map[string]bool
	var askedTerms map[string]bool
	readTerms := func() {
		claimTerms = make([]map[string]bool, len(r.Used)+1)
		for _, c := range r.Claims {
			terms := st.analyze(c.Text)
			for _, n := range c.Cites {
				if claimTerms[n] == nil {
					claimTerms[n] = make(map[string]bool)
				}
				for _, t := range terms {
					claimTerms[n][t] = true
				}
			}
		}
		askedTerms = setOf(st.analyze(asked))
	}
	out := make([]Source, len(r.Used))
	for i, n := range r.Used {
		b := blocks[n-1]
		out[i] = st.locate(b.doc, b.first, b.last)
		out[i].N = i + 1
		if q, ok := r.Quotes[i+1]; ok {
			out[i].Quote, out[i].Verified = text.Clip(text.OneLine(q), verify.MaxQuoteRunes+1), true
			st.onQuote(&out[i], b, q)
		} else {
			if claimTerms == nil {
				readTerms()
			}
			out[i].Quote = st.quote(b, claimTerms[i+1], askedTerms)
		}
	}
	return out
}

// quote picks the sentence of a block with most of the claim's terms, the
// question's breaking ties; the first sentence when nothing matches.
func (st *state) quote(b *block, claim, asked map[string]bool) string {
	best, bestScore := "", -1
	for _, s := range st.blockSentences(b) {
		if s.literal {
			continue // code or a table run together: no sentence to show
		}
		score := 0
		for _, t := range s.terms {
			if claim[t] {
				score += 2
			}
			if asked[t] {
				score++
			}
		}
		if score > bestScore {
			best, bestScore = s.text, score
		}
	}
	if best == "" {
		best = b.text
	}
	return text.Clip(text.OneLine(best), 301)
}

// covered lists the refs of the passages a reply cites.
func (st *state) covered(blocks []*block, used []int) []string {
	var out []string
	for _, n := range used {
		out = append(out, st.refs(blocks[n-1])...)
	}
	return out
}

func setOf(ss []string) map[string]bool {
	m := make(map[string]bool, len(ss))
	for _, s := range ss {
		m[s] = true
	}
	return m
}

// givenBlocks are the blocks of a prompt as verify.Passages, for the
// reader of its reply.
type givenBlocks struct {
	st     *state
	blocks []*block
}

func (g givenBlocks) Len() int          { return len(g.blocks) }
func (g givenBlocks) Text(i int) string { return g.blocks[i].text }
func (g givenBlocks) Lang(i int) string { return g.st.corpus.Docs[g.blocks[i].doc].Lang }

func (g givenBlocks) Sentences(i int) []string {
	var out []string
	for _, s := range g.st.blockSentences(g.blocks[i]) {
		out = append(out, s.text)
	}
	return out
}
