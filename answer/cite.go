package answer

import (
	"strings"
	"unicode"
)

// claim is one sentence of a reply with the citations it carries.
type claim struct {
	text  string   // without its citations
	nums  []int    // renumbered citations, as in Result.Text
	terms []string // analysed terms of text
	para  int      // paragraph of the reply, counted at blank lines
}

// reading is a renumbered reply analysed once, for its sources and its
// support check.
type reading struct {
	claims []claim
	asked  map[string]bool // terms of what was searched for
}

// read splits a renumbered reply into claims and analyses them and asked,
// the question with its rewrites.
func (st *state) read(text, asked string) reading {
	r := reading{asked: setOf(st.index.Analyze(asked))}
	para, prev := 0, 0
	for _, sp := range sentences(text) {
		if strings.Count(text[prev:sp.start], "\n") >= 2 {
			para++
		}
		prev = sp.end
		s := text[sp.start:sp.end]
		var nums []int
		scanCitations(s, func(_, _ int, ns []int) { nums = append(nums, ns...) })
		plain := strings.TrimSpace(ParseCitations(s, 0).Text)
		if plain == "" && len(nums) == 0 {
			continue
		}
		r.claims = append(r.claims, claim{text: plain, nums: nums, terms: st.index.Analyze(plain), para: para})
	}
	return r
}

// sources lists the blocks a reply cites, in the order of used (Used of
// ParseCitations), each quoting the sentence of its text that best matches
// the claims citing it.
func (st *state) sources(blocks []*block, used []int, r reading) []Source {
	claimTerms := make([]map[string]bool, len(used)+1)
	for _, c := range r.claims {
		for _, n := range c.nums {
			if claimTerms[n] == nil {
				claimTerms[n] = make(map[string]bool)
			}
			for _, t := range c.terms {
				claimTerms[n][t] = true
			}
		}
	}
	out := make([]Source, len(used))
	for i, n := range used {
		b := blocks[n-1]
		out[i] = st.locate(b.doc, b.first, b.last)
		out[i].N = i + 1
		out[i].Quote = st.quote(b, claimTerms[i+1], r.asked)
	}
	return out
}

// quote picks the sentence of a block with most of the claim's terms, the
// question's breaking ties; the first sentence when nothing matches.
func (st *state) quote(b *block, claim, asked map[string]bool) string {
	best, bestScore := "", -1
	for _, s := range st.blockSentences(b) {
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
	return truncateRunes(oneLine(best), 300)
}

// covered lists the refs of the passages a reply cites.
func (st *state) covered(blocks []*block, used []int) []string {
	var out []string
	for _, n := range used {
		out = append(out, st.refs(blocks[n-1])...)
	}
	return out
}

// support flags the cited sentences whose key terms are mostly absent from
// the passages they cite. Key terms are the sentence's analysed terms minus
// those of the question and its rewrites: restating the question proves
// nothing, the new content is what could be invented. A figure absent from
// the cited text is flagged on its own. When sentence and passages are in
// different languages only figures can be compared.
//
// It also flags uncited sentences: one valid citation must not carry
// text that cites nothing ("Fact [1]. Now log in at …"). A sentence
// without a citation is covered by one later in its paragraph ("A. B [1]."
// cites both); headings ("# …", a line all in bold), lead-ins ending in
// ":" and sentences without a searchable word are not claims.
func (st *state) support(blocks []*block, used []int, r reading) []string {
	var out []string
	for i, c := range r.claims {
		if c.text == "" {
			continue
		}
		if len(c.nums) == 0 {
			if uncited(r.claims, i) {
				out = append(out, c.text)
			}
			continue
		}
		cited := make([]*block, len(c.nums))
		cross := true
		lang := detectLang(c.text)
		for i, n := range c.nums {
			cited[i] = blocks[used[n-1]-1]
			if dl := st.corpus.Docs[cited[i].doc].Lang; lang == "" || dl == lang || langName(dl) == "" {
				cross = false
			}
		}
		keys, found, figureMissing := 0, 0, false
		for _, t := range c.terms {
			figure := strings.IndexFunc(t, unicode.IsDigit) >= 0
			if r.asked[t] || (cross && !figure) {
				continue
			}
			keys++
			switch {
			case st.inBlocks(cited, t):
				found++
			case figure:
				figureMissing = true
			}
		}
		if keys > 0 && (found*2 < keys || figureMissing) {
			out = append(out, c.text)
		}
	}
	return out
}

// uncited reports whether claims[i], which has no citation of its own,
// is a claim no citation covers: no later sentence of its paragraph cites.
func uncited(claims []claim, i int) bool {
	c := claims[i]
	t := c.text
	bold := len(t) > 4 && (strings.HasPrefix(t, "**") && strings.HasSuffix(t, "**") || strings.HasPrefix(t, "__") && strings.HasSuffix(t, "__"))
	if len(c.terms) == 0 || bold || strings.HasPrefix(t, "#") || strings.HasSuffix(strings.TrimRight(t, "*_"), ":") {
		return false
	}
	for _, d := range claims[i+1:] {
		if d.para != c.para {
			break
		}
		if len(d.nums) > 0 {
			return false
		}
	}
	return true
}

func (st *state) inBlocks(blocks []*block, term string) bool {
	for _, b := range blocks {
		for _, it := range b.items {
			if st.analysis(it).all[term] {
				return true
			}
		}
	}
	return false
}

func setOf(ss []string) map[string]bool {
	m := make(map[string]bool, len(ss))
	for _, s := range ss {
		m[s] = true
	}
	return m
}
