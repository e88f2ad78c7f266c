package retrieval

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"corpusbot/text"
)

// Query limits: a pasted document must not make a search slow.
const (
	maxQueryBytes = 4096
	maxQueryTerms = 256
)

// query is an analysed query.
type query struct {
	terms []qterm // distinct, in order of first appearance
	words []qword // distinct, in order of first appearance
	sumW  float64 // total weight of words
	// coordW is the weight of the words coordinate counts (not the
	// stopword pairs; see qword.coord), 0 when no word is CJK: scores stay
	// plain BM25.
	coordW float64
}

// qterm is one distinct analysed term.
type qterm struct {
	text string
	id   int     // term id, or -1 when no item has it
	idf  float64 // 0 when absent
	// secondary: only analysers of other languages than the query's made
	// it. It counts towards Coverage (a cognate in a document of another
	// language: "problem", "problème") but adds no score.
	secondary bool
	// extra: only scoreOnly unigrams made it. It scores, and is neither a
	// word of the query nor reported (Analyze, Hit.Terms).
	extra bool
	// group: the terms of one group, a word's compound expansions
	// (compound.go), are alternatives: an item scores the best of them, not
	// their sum. They follow each other in query.terms. 0: none.
	group int
}

// qword is one query word with its variants, the terms the analysers made
// of it ("users" → "user" in English, "users" elsewhere). It counts as
// matched when any variant matches.
type qword struct {
	terms  []int // indexes into query.terms
	weight float64
	// stopPair: a CJK pair with a one-character stopword (谁赢, 的定),
	// which coordinate leaves out.
	stopPair bool
	// coord is the weight coordinate gives the word: weight, or more for
	// a word of another script in a Han question (weighForeign).
	coord float64
	cjk   bool // made of CJK terms (pairs, unigrams, lone characters)
}

// slot gathers what every analyser made of one span of the query.
type slot struct {
	start, end int
	unigram    bool   // a Han unigram of a longer run
	whole      bool   // an identifier, whose parts have slots of their own
	part       bool   // a part of an identifier
	scoreOnly  bool   // a unigram whose pairs the index knows: it scores, and is no word of its own
	pair       bool   // a CJK bigram
	stopPair   bool   // a CJK bigram with a one-character stopword (markStopPairs)
	cjk        bool   // any CJK term: a pair, a unigram, a lone character
	stops      []bool // per analyser: a stopword there
	terms      []string
	primary    uint64 // bit k: terms[k] was made by an analyser of the query's language
	// compound is the term a compounding analyser of the query's language
	// made of a word (compound.go), compoundAn that analyser; "" if none.
	compound   string
	compoundAn int
}

// parseQuery analyses text with the analysers queryAnalyzers picks. A span
// is a word when
// it is not a stopword of the query's language, guessed as the analysers
// whose stopwords the query uses most; this keeps "Ma" in "What did Jack Ma
// say?" although French lists "ma". maxBytes and maxTerms cap the work; 0
// means no cap.
func (ix *Index) parseQuery(text string, maxBytes, maxTerms int) query {
	if maxBytes > 0 && len(text) > maxBytes {
		text = truncString(text, maxBytes)
	}
	b := ix.bufs.Get().(*analysisBuf)
	defer ix.bufs.Put(b)

	var slots []slot
	index := make(map[[2]int]int)
	stopHits := make([]int, len(ix.analyzers))
	primary := ix.queryAnalyzers(text)
	for ai, a := range ix.analyzers {
		for _, t := range a.analyze(b, text) {
			key := [2]int{t.start, t.end}
			si, ok := index[key]
			if !ok {
				si = len(slots)
				index[key] = si
				slots = append(slots, slot{start: t.start, end: t.end, stops: make([]bool, len(ix.analyzers)), unigram: t.kind == kindCJKUnigram,
					pair: t.kind == kindCJK && utf8.RuneCount(t.term) == 2, whole: t.whole, part: t.part,
					cjk: t.kind == kindCJK || t.kind == kindCJKUnigram})
			}
			s := &slots[si]
			if t.stop {
				s.stops[ai] = true
				stopHits[ai]++
				continue
			}
			k := slices.Index(s.terms, string(t.term))
			if k < 0 {
				k = len(s.terms)
				s.terms = append(s.terms, string(t.term))
			}
			if primary[ai] && k < 64 {
				s.primary |= 1 << k
			}
			if primary[ai] && t.kind == kindWord && compoundLinks[a.name] != nil {
				s.compound, s.compoundAn = string(t.term), ai
			}
		}
	}
	// The query's language decides what is a stopword.
	best := 0
	for ai, n := range stopHits {
		if primary[ai] {
			best = max(best, n)
		}
	}
	slices.SortStableFunc(slots, func(x, y slot) int {
		return cmp.Or(cmp.Compare(x.start, y.start), cmp.Compare(x.end, y.end))
	})

	markStopPairs(slots)
	ix.dropKnownUnigrams(slots, isCJKQuestion(slots))

	// An identifier the index knows is one word of the question, whatever
	// its parts: they still score, but Coverage counts the whole once.
	var known [][2]int
	for _, s := range slots {
		if s.whole && ix.knowsAny(s.terms) {
			known = append(known, [2]int{s.start, s.end})
		}
	}
	inKnown := func(s *slot) bool {
		for _, k := range known {
			if k[0] <= s.start && s.end <= k[1] {
				return true
			}
		}
		return false
	}

	framing := ix.framingSpans(text)
	var held []qword // words of framing phrases: see framingSpans
	var compounds []compoundWord

	var q query
	cjk := false // a CJK word: see coordinate
	termPos := make(map[string]int)
	wordSeen := make(map[string]bool)
	// addTerm adds a distinct term to q.terms and returns its index.
	addTerm := func(t string, primary, extra bool) int {
		p, ok := termPos[t]
		if !ok {
			p = len(q.terms)
			termPos[t] = p
			qt := ix.lookup(t)
			qt.secondary, qt.extra = true, extra
			q.terms = append(q.terms, qt)
		}
		q.terms[p].secondary = q.terms[p].secondary && !primary
		q.terms[p].extra = q.terms[p].extra && extra
		return p
	}
	for _, s := range slots {
		stop := false
		for ai, st := range s.stops {
			if st && primary[ai] && stopHits[ai] == best {
				stop = true
			}
		}
		if stop || len(s.terms) == 0 || (s.whole && !ix.knowsAny(s.terms)) {
			// An identifier no item has ("maxTokens" where the pages
			// write "max tokens") is searched by its parts alone: unknown,
			// it would weigh the most and lower every page's Coverage.
			continue
		}
		sortTerms(&s)
		key := strings.Join(s.terms, "\x00")
		if wordSeen[key] {
			continue
		}
		added := 0
		for _, t := range s.terms {
			if _, ok := termPos[t]; !ok {
				added++
			}
		}
		if maxTerms > 0 && len(q.terms)+added > maxTerms {
			break
		}
		// A part of a known identifier, or a Han unigram of known pairs in
		// a question, scores without being a word of the query.
		scoreOnly := s.scoreOnly || s.part && inKnown(&s)
		if !scoreOnly {
			wordSeen[key] = true
		}
		w := qword{weight: -1, stopPair: s.stopPair, cjk: s.cjk}
		for k, t := range s.terms {
			p := addTerm(t, s.primary>>k&1 != 0, s.scoreOnly)
			w.terms = append(w.terms, p)
			if qt := q.terms[p]; qt.id >= 0 && qt.idf > w.weight {
				w.weight = qt.idf
			}
		}
		if scoreOnly {
			continue
		}
		// A word no item has weighs the most: missing it is what tells an
		// out-of-corpus question apart.
		if w.weight < 0 {
			w.weight = ix.maxIDF
		}
		w.coord = w.weight
		cjk = cjk || s.cjk
		if (s.pair || s.unigram) && inSpans(s.start, s.end, framing) {
			held = append(held, w)
			continue
		}
		q.words = append(q.words, w)
		q.sumW += w.weight
		if s.compound != "" {
			compounds = append(compounds, compoundWord{term: s.compound, an: s.compoundAn, weight: w.weight})
		}
	}
	ix.addCompounds(b, &q, compounds, maxTerms)
	// A query of framing phrases alone asks about them.
	if len(q.words) == 0 {
		for _, w := range held {
			q.words = append(q.words, w)
			q.sumW += w.weight
		}
	}
	if cjk && hanScores(slots) {
		weighForeign(&q)
	}
	if cjk {
		for _, w := range q.words {
			if !w.stopPair {
				q.coordW += w.coord
			}
		}
	}
	return q
}

// sortTerms sorts a slot's terms, keeping each one's primary flag. A slot
// has a term per analyser at most: insertion sort, in place.
func sortTerms(s *slot) {
	for i := 1; i < len(s.terms); i++ {
		for j := i; j > 0 && s.terms[j] < s.terms[j-1]; j-- {
			s.terms[j], s.terms[j-1] = s.terms[j-1], s.terms[j]
			if j < 64 && s.primary>>j&1 != s.primary>>(j-1)&1 {
				s.primary ^= 1<<j | 1<<(j-1)
			}
		}
	}
}

func (ix *Index) lookup(term string) qterm {
	id, ok := ix.termID(term)
	if !ok {
		return qterm{text: term, id: -1}
	}
	df := int(ix.postStart[id+1] - ix.postStart[id])
	return qterm{text: term, id: int(id), idf: idf(len(ix.items), df)}
}

// truncString cuts s to at most n bytes at a rune boundary.
func truncString(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// knowsAny reports whether the index has one of terms.
func (ix *Index) knowsAny(terms []string) bool {
	for _, t := range terms {
		if _, ok := ix.termID(t); ok {
			return true
		}
	}
	return false
}

// dropKnownUnigrams empties the Han unigrams of the query whose pairs the
// index all knows: the pairs say the same more precisely (支付 and 付宝 for
// 支付宝, where 宝 alone also matches 余额宝). A unigram stays where a pair
// is unknown, across a word boundary or for a word of one character, and
// next to kana: a Japanese kanji followed by its kana ending (書く) is a
// word of its own. In a question (question), such a unigram still scores
// but is no word of its own (scoreOnly): see isCJKQuestion. slots are
// sorted by position.
func (ix *Index) dropKnownUnigrams(slots []slot, question bool) {
	known := func(s *slot) bool { return ix.knowsAny(s.terms) }
	for i := range slots {
		u := &slots[i]
		if !u.unigram {
			continue
		}
		pairs, allKnown := 0, true
		for j := max(0, i-3); j < min(len(slots), i+4); j++ {
			p := &slots[j]
			if p.pair && (p.start == u.start || p.end == u.end) {
				pairs++
				allKnown = allKnown && known(p) && hanPair(p)
			}
		}
		switch {
		case pairs == 0 || !allKnown:
		case question:
			u.scoreOnly = true
		default:
			u.terms = nil
		}
	}
}

// queryAnalyzers picks the analysers whose terms score a query: when its
// language is told (text.DetectLanguage) and the index has an analyser for
// it, that one; else, as for a name alone, every analyser of the index. An
// English question is not also stemmed as French because two French
// documents sit in the corpus.
func (ix *Index) queryAnalyzers(q string) []bool {
	use := make([]bool, len(ix.analyzers))
	want := ""
	// With one analyser there is nothing to choose.
	if len(ix.analyzers) > 1 {
		if lang := text.DetectLanguage(q); lang != "und" {
			want = langKey(lang)
		}
	}
	found := false
	for i, a := range ix.analyzers {
		if a.name == want {
			use[i], found = true, true
		}
	}
	if !found {
		for i := range use {
			use[i] = true
		}
	}
	return use
}

// hanPair reports whether a pair slot is two Han characters.
func hanPair(s *slot) bool {
	for _, t := range s.terms {
		for _, r := range t {
			if !unicode.Is(unicode.Han, r) {
				return false
			}
		}
	}
	return len(s.terms) > 0
}

// foreignInHan is how much more a word of another script (a Latin name,
// an acronym, a number) weighs in a Han question than its idf says.
const foreignInHan = 2

// hanScores reports whether Han unigrams of known pairs score in the
// query (slot.scoreOnly, in a question: see isCJKQuestion).
func hanScores(slots []slot) bool {
	return slices.ContainsFunc(slots, func(s slot) bool { return s.scoreOnly && len(s.terms) > 0 })
}

// weighForeign gives the words of a Han question that are not CJK (FOTA,
// BCPL, 1964) foreignInHan times their idf in the score and in
// coordinate. There a Han word of two characters scores three times, its
// pair and its two characters, and a Latin word once: in "FOTA代表什么"
// every passage with 代表 outranked the one paragraph with FOTA, whose idf
// is twice 代表's. Coverage, so the relevance floor, keeps the plain idf.
// Chosen on the tuning halves of six Chinese question sets
// (docs/benchmarks.md: ×1.5 / 2 / 3 gained 0.0012 / 0.0018 / 0.0018
// nDCG@10 pooled; 2 moved fewer questions down).
func weighForeign(q *query) {
	done := make([]bool, len(q.terms)) // a term of two words weighs once more
	for i := range q.words {
		w := &q.words[i]
		if w.cjk {
			continue
		}
		w.coord = w.weight * foreignInHan
		for _, ti := range w.terms {
			if !done[ti] {
				q.terms[ti].idf *= foreignInHan
				done[ti] = true
			}
		}
	}
}
