package retrieval

import (
	"cmp"
	"encoding/binary"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
)

// The build runs in three steps: workers analyse contiguous ranges of items
// into per-item (local term, tf) lists with their own dictionaries; the
// dictionaries are merged in worker order; postings are laid out per term
// (CSR) in item order, so each list is sorted without a sort, each worker
// writing its items' postings after those of the workers before it.
//
// The per-item lists are the build's largest scratch, as much as the
// postings again: they are varints in blocks (pairBlock), about 3 bytes a
// posting rather than 8 for two uint32s, and no block is copied to grow.

// minItemsPerWorker keeps small indexes on one goroutine.
const minItemsPerWorker = 2048

// shard is one worker's output.
type shard struct {
	lo, hi int               // items [lo,hi)
	dict   map[string]uint32 // term → local id
	terms  []string          // local id → term
	blocks [][]byte          // per item: terms, then local id, tf for each (appendPairs)
	tally  []tally           // local id → its counts
	remap  []uint32          // local id → global id, after the merge
	cursor []uint32          // local id → where its next posting goes
	big    [][2]uint32       // posting, tf of the shard's tf ≥ maxTF
	thai   thaiTally         // its items by the Thai words they write (thai.go)
	lkm    thaiTally         // and by the Lao, Khmer and Myanmar ones
}

// tally is a local term's counts: its frequency in the item being
// analysed and the items of the shard that have it so far, side by side
// so that counting a rare term misses the processor's caches once.
type tally struct{ tf, df uint32 }

// maxTF is the largest term frequency postTF holds; the larger ones are
// in bigTF, with maxTF in postTF.
const maxTF = math.MaxUint8

// tabLens and tabTF bound the table of weights a search reads instead of
// computing them: 64 KB, and nearly every posting (a frequent word of a
// passage reaches a tf of 8 and more where stopwords are not removed).
const (
	tabLens = 512
	tabTF   = 32
)

// setLengths sets the items' analysed lengths, their mean and the table
// of weights: a build and a snapshot compute them alike.
func (ix *Index) setLengths(dl []uint32) {
	var sum float64
	for _, d := range dl {
		sum += float64(d)
	}
	ix.itemLen, ix.avgLen = dl, 1.0
	if len(dl) > 0 && sum > 0 {
		ix.avgLen = sum / float64(len(dl))
	}
	ix.wtab = make([]float32, tabLens*tabTF)
	for d := range uint32(tabLens) {
		for tf := uint8(1); tf < tabTF; tf++ {
			ix.wtab[d*tabTF+uint32(tf)] = ix.tfWeight(-1, tf, d)
		}
	}
}

// tfWeight is BM25's term-frequency part, tf·(k1+1)/(tf+norm) with the
// length norm k1·(1 − b + b·len/avglen), of posting pos, of frequency tf
// (from postTF), in an item of length d: the float64 operations the build
// did when it stored weights, so scores are the same to the bit.
func (ix *Index) tfWeight(pos int, tf uint8, d uint32) float32 {
	f := float64(tf)
	if tf == maxTF {
		f = float64(ix.bigTFAt(pos))
	}
	k1, b := ix.cfg.K1, ix.cfg.B
	norm := k1 * (1 - b + b*float64(d)/ix.avgLen)
	return float32(f * (k1 + 1) / (f + norm))
}

// bigTFAt is the term frequency of posting pos, one whose postTF is maxTF
// (FromParts checks that bigTF holds every such posting).
func (ix *Index) bigTFAt(pos int) uint32 {
	n := len(ix.bigTF) / 2
	i := sort.Search(n, func(i int) bool { return ix.bigTF[2*i] >= uint32(pos) })
	return ix.bigTF[2*i+1]
}

// build indexes ix.items; fast takes the ASCII fast path (addText), which
// tests hold to the tokenizer's. gc is the build's hold on the collector.
func (ix *Index) build(fast bool, gc buildHold) {
	n := len(ix.items)
	// Until the postings are laid out, nearly all the build allocates is
	// kept: the per-item lists, dictionaries and word caches, then the
	// postings themselves. Laid out, the lists are let go.
	resume := gc.pause()
	ix.buildAnalyzers()
	ix.buildDocs()

	per := ix.cfg.itemsPerWorker
	if per <= 0 {
		per = minItemsPerWorker
	}
	workers := max(1, min(runtime.GOMAXPROCS(0), n/per))
	shards := make([]*shard, workers)
	dl := make([]uint32, n) // analysed length of each item
	var wg sync.WaitGroup
	for w := range shards {
		s := &shard{lo: n * w / workers, hi: n * (w + 1) / workers, dict: make(map[string]uint32)}
		shards[w] = s
		wg.Go(func() { ix.analyzeShard(s, dl, fast) })
	}
	wg.Wait()

	// Merge dictionaries in worker order: ids are deterministic for a given
	// number of workers, and nothing depends on their order anyway.
	ix.dict = make(map[string]uint32, len(shards[0].terms))
	var nterms uint32
	for _, s := range shards {
		s.remap = make([]uint32, len(s.terms))
		for l, t := range s.terms {
			g, ok := ix.dict[t]
			if !ok {
				g = nterms
				nterms++
				ix.dict[t] = g
			}
			s.remap[l] = g
		}
		s.dict = nil
	}

	// Document frequencies per shard, counted by local id as the items
	// were; then offsets: term t's postings from shard w start after those
	// of the shards before it, so each shard lays out its own in parallel
	// and every list is still in item order. Each shard's cursors are by
	// local id, so that laying out a posting reads one array, not two.
	df := make([]uint32, nterms) // postings of t in the shards so far
	for _, s := range shards {
		for l, g := range s.remap {
			df[g] += s.tally[l].df
		}
	}
	start := make([]uint32, nterms+1)
	for t := range nterms {
		start[t+1] = start[t] + df[t]
		df[t] = start[t] // the next shard's first posting of t
	}
	for _, s := range shards {
		s.cursor = make([]uint32, len(s.remap))
		for l, g := range s.remap {
			s.cursor[l] = df[g]
			df[g] += s.tally[l].df
		}
		s.tally, s.remap = nil, nil
	}
	total := start[nterms]

	ix.setLengths(dl)

	ix.postStart = start
	ix.postItem = make([]uint32, total)
	// The layout writes all over postItem: with 4 KB pages nearly every
	// posting's store also misses the TLB.
	adviseHuge(ix.postItem)
	// Where item numbers leave a byte free, each posting's frequency is
	// laid out with its item, in one store that misses instead of two,
	// and split off after in one pass in order.
	packed := uint64(n) <= 1<<(32-8)
	if !packed {
		ix.postTF = make([]uint8, total)
		adviseHuge(ix.postTF)
	}
	resume()
	for _, s := range shards {
		wg.Go(func() { s.layout(ix.postItem, ix.postTF) })
	}
	wg.Wait()
	if packed {
		ix.postTF = make([]uint8, total)
		adviseHuge(ix.postTF)
		for w := range workers {
			lo, hi := int(total)*w/workers, int(total)*(w+1)/workers
			wg.Go(func() { unpack(ix.postItem[lo:hi], ix.postTF[lo:hi]) })
		}
		wg.Wait()
	}
	var big [][2]uint32
	for _, s := range shards {
		big = append(big, s.big...)
	}
	slices.SortFunc(big, func(a, b [2]uint32) int { return cmp.Compare(a[0], b[0]) })
	for _, b := range big {
		ix.bigTF = append(ix.bigTF, b[0], b[1])
	}
	ix.thai = thaiCountsOf(shards)
	ix.maxIDF = idf(n, 0)
}

// layout writes the postings of the shard's items at their terms'
// cursors, and lets each block of per-item lists go once read. With
// postTF nil, each posting's item goes in postItem's top 24 bits and its
// frequency (up to maxTF) in the low byte, for unpack.
func (s *shard) layout(postItem []uint32, postTF []uint8) {
	packed := postTF == nil
	cursor := s.cursor
	item := uint32(s.lo)
	for k, blk := range s.blocks {
		for p := 0; p < len(blk); item++ {
			var terms, l, tf uint32
			terms, p = uvarint32(blk, p)
			for range terms {
				l, p = uvarint32(blk, p)
				tf, p = uint32(blk[p]), p+1
				if tf == maxTF {
					tf, p = uvarint32(blk, p)
				}
				c := cursor[l]
				cursor[l]++
				if packed {
					postItem[c] = item<<8 | min(tf, maxTF)
				} else {
					postItem[c] = item
					postTF[c] = uint8(min(tf, maxTF))
				}
				if tf >= maxTF {
					s.big = append(s.big, [2]uint32{c, tf})
				}
			}
		}
		s.blocks[k] = nil
	}
	s.blocks, s.cursor = nil, nil
}

// unpack splits postings laid out packed into their items and
// frequencies.
func unpack(post []uint32, tf []uint8) {
	tf = tf[:len(post)]
	for i, x := range post {
		tf[i] = uint8(x)
		post[i] = x >> 8
	}
}

// idf is Lucene's BM25 idf.
func idf(n, df int) float64 {
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}

// buildAnalyzers picks each item's analyser. An item of unknown language
// (a list of names, a language without an analyser) takes the analyser of
// the index's commonest language, when it has one: the generic analysis
// would otherwise have to score every query too, its unstemmed terms
// beside the stems of the query's language. Only an index with no known
// language at all uses the generic analyser.
func (ix *Index) buildAnalyzers() {
	itemKey := make([]string, len(ix.items))
	count := make(map[string]int)
	for i, it := range ix.items {
		k := langKey(it.Lang)
		itemKey[i] = k
		count[k]++
	}
	main := ""
	for k, n := range count {
		if k != "und" && (n > count[main] || n == count[main] && k < main) {
			main = k
		}
	}
	keys := make([]string, 0, len(count))
	for i, k := range itemKey {
		if k == "und" && main != "" {
			itemKey[i] = main
		}
	}
	for k := range count {
		if k != "und" || main == "" {
			keys = append(keys, k)
		}
	}
	ix.analyzers = newAnalyzers(keys)
	ix.framing = framingSet()
	pos := make(map[string]uint8, len(ix.analyzers))
	for i, a := range ix.analyzers {
		pos[a.name] = uint8(i)
	}
	ix.itemAn = make([]uint8, len(ix.items))
	for i, k := range itemKey {
		ix.itemAn[i] = pos[k]
	}
}

func (ix *Index) buildDocs() {
	ix.itemDoc = make([]uint32, len(ix.items))
	pos := make(map[string]uint32)
	for i, it := range ix.items {
		if i > 0 && it.Doc == ix.items[i-1].Doc {
			// A document's passages come together: no lookup.
			ix.itemDoc[i] = ix.itemDoc[i-1]
			continue
		}
		d, ok := pos[it.Doc]
		if !ok {
			d = uint32(len(ix.docs))
			pos[it.Doc] = d
			ix.docs = append(ix.docs, it.Doc)
		}
		ix.itemDoc[i] = d
	}
	ix.docNorm = docNorms(ix.itemDoc, len(ix.docs))
}

// analyzeShard fills s with the term counts of items [s.lo, s.hi) and dl
// with their lengths.
//
// Every filter but the CJK one looks at one token at a time, so what a word
// becomes depends only on its surface form: a per-analyser cache from
// surface form to term id makes the filters run once per distinct word.
// CJK runs, whose bigrams depend on neighbours, go through the pipeline.
func (ix *Index) analyzeShard(s *shard, dl []uint32, fast bool) {
	sb := &shardBuilder{s: s, fast: fast, caches: make([]*surfaceCache, len(ix.analyzers))}
	for i := range sb.caches { // surface → local id, -1: dropped
		sb.caches[i] = newSurfaceCache()
	}
	b := &sb.b
	for i := s.lo; i < s.hi; i++ {
		it := &ix.items[i]
		an := ix.itemAn[i]
		a, cache := ix.analyzers[an], sb.caches[an]
		sb.seen = sb.seen[:0]
		n := 0
		if it.Title != "" && !hasPrefixFold(it.Text, it.Title) {
			// A document's passages share its title: the terms of the last
			// one analysed are counted again, as analysing it would.
			if it.Title == sb.title && an == sb.titleAn {
				for _, id := range sb.titleIDs {
					sb.count(id)
				}
				n += sb.titleLen
			} else {
				sb.recording, sb.titleIDs = true, sb.titleIDs[:0]
				sb.titleLen = sb.addText(a, cache, it.Title)
				sb.recording, sb.title, sb.titleAn = false, it.Title, an
				n += sb.titleLen
			}
		}
		n += sb.addText(a, cache, it.Text)
		s.countThai(i, it.Text)
		sb.appendPairs()
		dl[i] = uint32(n)
		if cap(b.arena) > 1<<20 { // one huge item must not pin its scratch
			b.arena, b.toks = nil, nil
		}
	}
}

// shardBuilder is one worker's state while it analyses its shard.
type shardBuilder struct {
	s      *shard
	fast   bool // the ASCII fast path (addText); false: the tokenizer for all
	b      analysisBuf
	caches []*surfaceCache                  // per analyser
	seen   []uint32                         // local ids of the current item, first-seen order
	lower  []byte                           // a simple word's term, lower-cased
	batch  [batchToks + chunkToks]simpleTok // fast-path tokens not yet counted (flush)
	nb     int                              // of them
	touch  uint32                           // keeps flush's reads

	// The last title analysed, its analyser, the ids it counted in order
	// and its analysed length.
	title     string
	titleAn   uint8
	titleIDs  []uint32
	titleLen  int
	recording bool // count appends to titleIDs
}

// intern returns the local id of term; surface, when it holds the same
// bytes, saves allocating the string again.
func (sb *shardBuilder) intern(term []byte, surface string) uint32 {
	s := sb.s
	id, ok := s.dict[string(term)]
	if !ok {
		id = uint32(len(s.terms))
		t := surface
		if t != string(term) {
			t = string(term)
		}
		s.dict[t] = id
		s.terms = append(s.terms, t)
		s.tally = append(s.tally, tally{})
	}
	return id
}

// pairBlock is the size of the blocks of a shard's per-item lists: an
// item's list goes whole into one block, so the layout reads it from
// there, and the lists grow without copying.
const pairBlock = 1 << 20

// appendPairs ends the current item: its number of distinct terms, then
// for each its local id (uvarint) and frequency (a byte; maxTF and more:
// maxTF, then the uvarint).
func (sb *shardBuilder) appendPairs() {
	s := sb.s
	need := binary.MaxVarintLen32 * (1 + 3*len(sb.seen))
	if len(s.blocks) == 0 || cap(s.blocks[len(s.blocks)-1])-len(s.blocks[len(s.blocks)-1]) < need {
		s.blocks = append(s.blocks, make([]byte, 0, max(pairBlock, need)))
	}
	blk := s.blocks[len(s.blocks)-1]
	blk = binary.AppendUvarint(blk, uint64(len(sb.seen)))
	for _, id := range sb.seen {
		c := &s.tally[id]
		tf := c.tf
		c.tf = 0
		c.df++
		blk = binary.AppendUvarint(blk, uint64(id))
		if tf < maxTF {
			blk = append(blk, byte(tf))
		} else {
			blk = binary.AppendUvarint(append(blk, maxTF), uint64(tf))
		}
	}
	s.blocks[len(s.blocks)-1] = blk
}

// uvarint32 decodes the uvarint at b[p] that appendPairs wrote.
func uvarint32(b []byte, p int) (uint32, int) {
	x := uint32(b[p])
	if x < 0x80 {
		return x, p + 1
	}
	x &= 0x7f
	for s := 7; ; s += 7 {
		p++
		c := uint32(b[p])
		if c < 0x80 {
			return x | c<<s, p + 1
		}
		x |= (c & 0x7f) << s
	}
}

func (sb *shardBuilder) count(id uint32) {
	c := &sb.s.tally[id]
	if c.tf == 0 {
		sb.seen = append(sb.seen, id)
	}
	c.tf++
	if sb.recording {
		sb.titleIDs = append(sb.titleIDs, id)
	}
}

// addGeneral counts the terms of text through the tokenizer and returns
// its analysed length.
func (sb *shardBuilder) addGeneral(a *analyzer, cache *surfaceCache, text string) (n int) {
	b := &sb.b
	b.arena, b.toks = b.tz.tokenize(text, b.arena[:0], b.toks[:0])
	toks := b.toks
	for i := 0; i < len(toks); {
		if toks[i].kind == kindCJK {
			j := i + 1
			for j < len(toks) && toks[j].kind == kindCJK {
				j++
			}
			for _, t := range a.run(b, toks[i:j]) {
				sb.count(sb.intern(t.term, ""))
				// A run's unigrams come on top of its pairs: its length
				// counts the pairs only, as it did before unigrams.
				if t.kind != kindCJKUnigram {
					n++
				}
			}
			i = j
			continue
		}
		id, ok := cache.get(toks[i].term)
		if !ok {
			surface := string(toks[i].term) // filters rewrite terms in place
			id = -1
			if out := a.run(b, toks[i:i+1]); len(out) == 1 {
				id = int32(sb.intern(out[0].term, surface))
			}
			cache.put([]byte(surface), id)
		}
		if id >= 0 {
			sb.count(uint32(id))
			// An identifier's whole comes on top of its parts: the
			// length counts the parts, as Lucene's does.
			if !toks[i].whole {
				n++
			}
		}
		i++
	}
	return n
}

// hasPrefixFold reports whether text starts with title, ignoring leading
// space, case and a trailing ellipsis: a passage that opens with its
// document's title already indexes it.
func hasPrefixFold(text, title string) bool {
	text = strings.TrimLeft(text, " \t\r\n")
	// A long title may come trimmed with an ellipsis.
	title = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(title), "…"))
	return len(text) >= len(title) && strings.EqualFold(text[:len(title)], title)
}
