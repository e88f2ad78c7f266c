package retrieval

import (
	"bytes"
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// German writes a compound as one word (Konfigurationsdatei, Leihvertrag)
// where a question or a page may write its head alone (Datei, Vertrag), and
// the other way round. The index keeps the words whole; a German query
// adds, at a lower weight, what the other side may have written:
//
//   - a compound of the query is split in two parts that are terms of the
//     index (leihvertrag → leih, vertrag), the modifier with or without a
//     linking element (zugriffsrecht → zugriff, recht);
//   - a word of the query is expanded to the index's compounds that end
//     with it after a modifier that is a term too (vertrag → leihvertrag,
//     kaufvertrag), the most frequent first; an item scores the best of
//     them, as one word.
//
// The dictionary is the index's own vocabulary, as Lucene's
// DictionaryCompoundWordTokenFilter takes a word list, but used at query
// time (the index is built as before), on stems, and with one split chosen
// after Koehn and Knight (2003): the one whose parts are the most frequent
// (geometric mean of document frequencies), and none when the compound
// itself is more frequent than that. Measured on the tuning halves of XQuAD
// de and MLQA de (docs/benchmarks.md, "German compounds").

// compoundLinks are the linking elements (Fugenelemente) of the languages
// whose analysers split and expand compounds.
var compoundLinks = map[string][]string{
	"de": {"ens", "es", "en", "er", "s", "n", "e"},
}

const (
	// minCompoundPart is the fewest letters of a part: shorter ones (ab,
	// ein, ge) are prefixes more often than words.
	minCompoundPart = 4
	// compoundSplitWeight and compoundExpandWeight scale the idf of a part
	// and of an expansion (the latter at most the word's own).
	compoundSplitWeight  = 0.5
	compoundExpandWeight = 0.5
	// maxCompoundExpansions bounds a word's expansions, maxCompoundScan
	// the compounds looked at for them.
	maxCompoundExpansions = 8
	maxCompoundScan       = 4096
)

// compoundWord is a word of the query that a compounding analyser made.
type compoundWord struct {
	term   string
	an     int     // the analyser
	weight float64 // the word's weight in the query
}

// compoundTerm is a term a compound rule adds.
type compoundTerm struct {
	id     uint32
	text   string
	weight float64
}

// addCompounds adds to q, as extra terms, the parts of each of words and
// its expansions (a group). Extra terms score; they are not words of the
// query, so Coverage and the relevance floor do not change. A term the
// query has already keeps its place.
func (ix *Index) addCompounds(b *analysisBuf, q *query, words []compoundWord, maxTerms int) {
	if len(words) == 0 || ix.compounds.disabled {
		return
	}
	have := make(map[uint32]bool, len(q.terms))
	for _, t := range q.terms {
		if t.id >= 0 {
			have[uint32(t.id)] = true
		}
	}
	add := func(ct compoundTerm, group int) bool {
		if have[ct.id] {
			return true
		}
		if maxTerms > 0 && len(q.terms) >= maxTerms {
			return false
		}
		have[ct.id] = true
		q.terms = append(q.terms, qterm{text: ct.text, id: int(ct.id), idf: ct.weight, extra: true, group: group})
		return true
	}
	for wi, w := range words {
		links := compoundLinks[ix.analyzers[w.an].name]
		stem := ix.stemmerOf(w.an)
		for _, t := range ix.splitCompound(b, w.term, links, stem) {
			t.weight = compoundSplitWeight * ix.idfOf(t.id)
			if !add(t, 0) {
				return
			}
		}
		for _, t := range ix.expandCompound(b, w.term, links, stem) {
			t.weight = compoundExpandWeight * min(ix.idfOf(t.id), w.weight)
			if !add(t, wi+1) {
				return
			}
		}
	}
}

func (ix *Index) dfOf(id uint32) int { return int(ix.postStart[id+1] - ix.postStart[id]) }

func (ix *Index) idfOf(id uint32) float64 { return idf(len(ix.items), ix.dfOf(id)) }

// stemmerOf returns analyser an's stemmer, or nil.
func (ix *Index) stemmerOf(an int) *stemFilter {
	for _, f := range ix.analyzers[an].filters {
		if s, ok := f.(stemFilter); ok {
			return &s
		}
	}
	return nil
}

// compoundPart looks a part of a compound up in the index: as it is,
// stemmed alone, and without each linking element of links, stemmed or
// not; of the forms found, the most frequent.
func (ix *Index) compoundPart(b *analysisBuf, part string, links []string, stem *stemFilter) (compoundTerm, bool) {
	var best compoundTerm
	bestDF := -1
	try := func(t string) {
		if utf8.RuneCountInString(t) < minCompoundPart {
			return
		}
		if id, ok := ix.termID(t); ok {
			if df := ix.dfOf(id); df > bestDF {
				best, bestDF = compoundTerm{id: id, text: t}, df
			}
		}
	}
	try(part)
	if stem != nil {
		try(stem.run(b, part))
	}
	for _, l := range links {
		if p, ok := strings.CutSuffix(part, l); ok {
			try(p)
			if stem != nil {
				try(stem.run(b, p))
			}
		}
	}
	return best, bestDF >= 0
}

// splitCompound splits term into a modifier and a head that the index both
// knows: of such pairs, the one with the greatest geometric mean of
// document frequencies, if that is above the term's own.
func (ix *Index) splitCompound(b *analysisBuf, term string, links []string, stem *stemFilter) []compoundTerm {
	if !lettersOnly(term) || utf8.RuneCountInString(term) < 2*minCompoundPart {
		return nil
	}
	bestScore := 0.0
	if id, ok := ix.termID(term); ok {
		bestScore = float64(ix.dfOf(id))
	}
	var parts []compoundTerm
	n := 0 // runes before i
	for i := range term {
		if n >= minCompoundPart && utf8.RuneCountInString(term[i:]) >= minCompoundPart {
			if head, ok := ix.compoundPart(b, term[i:], nil, stem); ok {
				if mod, ok := ix.compoundPart(b, term[:i], links, stem); ok && mod.id != head.id {
					if s := math.Sqrt(float64(ix.dfOf(mod.id)) * float64(ix.dfOf(head.id))); s > bestScore {
						bestScore, parts = s, []compoundTerm{mod, head}
					}
				}
			}
		}
		n++
	}
	return parts
}

// expandCompound returns up to maxCompoundExpansions terms of the index
// that end with term after a modifier the index knows, the most frequent
// first.
func (ix *Index) expandCompound(b *analysisBuf, term string, links []string, stem *stemFilter) []compoundTerm {
	if !lettersOnly(term) || utf8.RuneCountInString(term) < minCompoundPart {
		return nil
	}
	rt := ix.reversedTerms()
	key := reverseBytes([]byte(term))
	lo, hi := rt.prefixRange(key)
	type cand struct {
		compoundTerm
		df int
	}
	var cands []cand
	for k := lo; k < min(hi, lo+maxCompoundScan); k++ {
		r := rt.term(k)
		if len(r) == len(key) {
			continue
		}
		full := string(reverseBytes(slices.Clone(r)))
		if _, ok := ix.compoundPart(b, full[:len(full)-len(term)], links, stem); !ok {
			continue
		}
		cands = append(cands, cand{compoundTerm{id: rt.id[k], text: full}, ix.dfOf(rt.id[k])})
	}
	slices.SortFunc(cands, func(x, y cand) int { return cmp.Or(y.df-x.df, strings.Compare(x.text, y.text)) })
	out := make([]compoundTerm, 0, min(len(cands), maxCompoundExpansions))
	for _, c := range cands[:min(len(cands), maxCompoundExpansions)] {
		out = append(out, c.compoundTerm)
	}
	return out
}

// compoundIndex holds the index's terms that may be compounds (letters
// only, two parts long at least), each reversed, sorted: the compounds
// that end with a word are a range. It is built on the first query that
// needs it.
type compoundIndex struct {
	once     sync.Once
	bytes    []byte
	off      []uint32
	id       []uint32
	disabled bool // no compound rules: a benchmark's baseline
}

func (ci *compoundIndex) term(k int) []byte { return ci.bytes[ci.off[k]:ci.off[k+1]] }

// prefixRange is the range of reversed terms that start with p.
func (ci *compoundIndex) prefixRange(p []byte) (lo, hi int) {
	n := len(ci.id)
	lo = sort.Search(n, func(k int) bool { return bytes.Compare(ci.term(k), p) >= 0 })
	hi = lo + sort.Search(n-lo, func(k int) bool { return !bytes.HasPrefix(ci.term(lo+k), p) })
	return lo, hi
}

func (ix *Index) reversedTerms() *compoundIndex {
	ci := &ix.compounds
	ci.once.Do(func() {
		type e struct {
			rev string
			id  uint32
		}
		var es []e
		size := 0
		ix.eachTerm(func(t string, id uint32) {
			if utf8.RuneCountInString(t) >= 2*minCompoundPart && lettersOnly(t) {
				es = append(es, e{string(reverseBytes([]byte(t))), id})
				size += len(t)
			}
		})
		slices.SortFunc(es, func(x, y e) int { return strings.Compare(x.rev, y.rev) })
		ci.bytes = make([]byte, 0, size)
		ci.off = make([]uint32, 1, len(es)+1)
		ci.id = make([]uint32, len(es))
		for k, x := range es {
			ci.bytes = append(ci.bytes, x.rev...)
			ci.off = append(ci.off, uint32(len(ci.bytes)))
			ci.id[k] = x.id
		}
	})
	return ci
}

// eachTerm calls fn with every term of the index and its id.
func (ix *Index) eachTerm(fn func(string, uint32)) {
	if tt := ix.terms; tt != nil {
		for k := range tt.id {
			fn(tt.term(k), tt.id[k])
		}
		return
	}
	for t, id := range ix.dict {
		fn(t, id)
	}
}

func reverseBytes(b []byte) []byte {
	slices.Reverse(b)
	return b
}

func lettersOnly(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// accumulateGroups adds to each item the best score it has among the terms
// of each group (qterm.group), which accumulate left out.
func (ix *Index) accumulateGroups(acc *accum, q *query, dense bool) {
	for i := 0; i < len(q.terms); {
		g := q.terms[i].group
		j := i + 1
		for j < len(q.terms) && q.terms[j].group == g {
			j++
		}
		if g > 0 {
			ix.accumulateGroup(acc, q.terms[i:j], dense)
		}
		i = j
	}
}

func (ix *Index) accumulateGroup(acc *accum, terms []qterm, dense bool) {
	if acc.grp == nil {
		acc.grp = make([]float32, len(acc.scores))
	}
	best := acc.grp
	for _, t := range terms {
		if t.id < 0 {
			continue
		}
		lo, hi := ix.postStart[t.id], ix.postStart[t.id+1]
		w := float32(t.idf)
		for j, it := range ix.postItem[lo:hi] {
			tf, d := ix.postTF[int(lo)+j], ix.itemLen[it]
			var x float32
			if d < tabLens && tf < tabTF {
				x = ix.wtab[d*tabTF+uint32(tf)]
			} else {
				x = ix.tfWeight(int(lo)+j, tf, d)
			}
			if best[it] == 0 {
				acc.grpTouch = append(acc.grpTouch, it)
			}
			best[it] = max(best[it], w*x)
		}
	}
	for _, it := range acc.grpTouch {
		if !dense && acc.scores[it] == 0 {
			acc.touched = append(acc.touched, it)
		}
		acc.scores[it] += best[it]
		best[it] = 0
	}
	acc.grpTouch = acc.grpTouch[:0]
}
