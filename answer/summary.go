package answer

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"corpusbot/corpus"
	"corpusbot/i18n"
	"corpusbot/prompts"
	"corpusbot/verify"
)

// maxLeads bounds an extractive summary of a topic, and is the fewest
// sentences of a document's (docLeads).
const maxLeads = 5

// A document's extractive summary is as long as the reader can take in
// one reply: one sentence a section (docLeads), at most maxDocLeads,
// while the sentences and their sources stay within summaryReplyRunes
// (sectionLeads).
const (
	// maxDocLeads is the most sentences: the bot shows a "Show passage"
	// button for at most 20 sources, so every sentence has its own.
	maxDocLeads = 20
	// summaryReplyRunes is what a summary's sentences and sources lines
	// may take: one Discord message (2,000 characters) less room for
	// the notes under it (the document is long, no model), so that the
	// reply is one message, not a scroll of them. Chosen on the tuning
	// half of bench/sumcover's pages (1,500–2,000 tried): the longest
	// below which every reply, notes included, fits one message.
	summaryReplyRunes = 1800
)

// docLeads is how many sentences an extractive summary of a document
// with the given sections and body passages aims at: one a section, or
// the square root of its passages when that is more (a long page of few
// sections says more than a short one), at least maxLeads and at most
// maxDocLeads.
func docLeads(sections, body int) int {
	n := max(sections, int(math.Ceil(math.Sqrt(float64(body)))))
	return min(max(n, maxLeads), maxDocLeads)
}

// shortLeadWords is the fewest words of a lead sentence of a document
// with none of leadWords: fewer would take a label ("Example:") or a
// heading that ends with a full stop.
const shortLeadWords = 3

// Summarize summarises one document (r.DocID: its body passages in order,
// as many as the budget holds) or what the corpus says on r.Topic (found
// by retrieval, abstaining like Ask when nothing is relevant). Without a
// model the summary is the lead sentences of the passages, cited.
func (p *Pipeline) Summarize(ctx context.Context, r SummaryRequest) (*Result, error) {
	topic := clean(r.Topic)
	if (r.DocID == "") == (topic == "") {
		return nil, errors.New("summarize: exactly one of document and topic must be set")
	}
	if topic != "" {
		var err error
		if topic, err = p.checkQuestion(topic); err != nil {
			return nil, fmt.Errorf("summarize: %w", err)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("summarize: %w", err)
	}
	st := p.state.Load().asking()
	write, lang := replyLangs(r.Lang, topic)
	res := &Result{ID: newID(), Kind: KindSummary}

	var blocks []*block
	var sec []int    // a document's sections (sectionsOf)
	var nsec int     // how many
	var asked string // what was searched for, or the document's title
	data := prompts.SummaryData{Topic: topic, Language: langName(write), Sentences: maxLeads}
	if r.DocID != "" {
		di, ok := st.docs[r.DocID]
		if !ok {
			return nil, fmt.Errorf("summarize %q: %w", r.DocID, ErrUnknownDocument)
		}
		d := &st.corpus.Docs[di]
		res.Question = d.Title
		asked = d.Title
		data.DocID, data.Title = d.ID, d.Title
		var body int
		var over bool
		blocks, body, over = p.documentBlocks(st, di)
		sec, nsec = sectionsOf(d)
		data.Sentences = docLeads(nsec, body)
		if over {
			// Over the budget: the note says how much of it
			// the summary drew on.
			res.SummarisedFrom, res.SummarisedOf = len(blocks), body
		}
		if p.model == nil {
			// No prompt to fit: the lead sentences are
			// chosen from the whole document, so that a
			// section whose first passage is a table still
			// gives its first sentence of prose.
			blocks = st.bodyBlocks(di)
		}
		if len(blocks) == 0 {
			return nil, fmt.Errorf("summarize %q: %w: no body text", r.DocID, ErrUnknownDocument)
		}
	} else {
		res.Question = topic
		cands, queries, usage, err := p.retrieve(ctx, st, topic, nil, searchLang(topic, lang))
		if err != nil {
			return nil, fmt.Errorf("summarize: %w", err)
		}
		res.Usage = usage
		asked = strings.Join(queries, " ")
		rel := st.relevantOnly(cands)
		if len(rel) == 0 {
			return st.abstain(res, lang, st.nearest(cands)), nil
		}
		blocks = p.pack(st, rel, p.cfg.ContextTokens, p.cfg.K)
	}

	if p.model == nil {
		var picks []pick
		if topic != "" {
			picks = readingOrder(st.bestSentences(blocks, topic, maxLeads, spreadOver(blocks, maxLeads, maxPerDoc), nil), blocks)
		} else {
			n := docLeads(nsec, len(blocks))
			picks = st.sectionLeads(blocks, sec, n, leadWords, true)
			if len(picks) == 0 {
				// A page of short sentences (a command's page, a
				// glossary): its short ones are all it says.
				picks = st.sectionLeads(blocks, sec, n, shortLeadWords, false)
			}
		}
		if len(picks) == 0 && r.DocID != "" {
			// The document is there with nothing to quote (a table
			// of contents, a page of commands): the corpus covers
			// it, so "not covered" and itself as the nearest would
			// mislead.
			st.abstain(res, lang, nil)
			res.Text = say(lang, i18n.NoSentences)
			res.HistoryText = res.Text
			return res, nil
		}
		if len(picks) == 0 {
			return st.abstain(res, lang, st.nearestBlocks(blocks)), nil
		}
		used := st.extractive(res, blocks, picks, "", asked, lang)
		if res.SummarisedOf > 0 {
			res.SummarisedFrom = len(used)
		}
		return res, nil
	}

	system, err := p.prompts.System(prompts.SystemData{Task: prompts.TaskSummary, Language: data.Language})
	if err != nil {
		return nil, fmt.Errorf("summarize: %w", err)
	}
	data.Passages = st.promptPassages(blocks)
	user, err := p.prompts.Summary(data)
	if err != nil {
		return nil, fmt.Errorf("summarize: %w", err)
	}
	rd := verify.NewReader(givenBlocks{st, blocks}, st.index, asked)
	resp, err := p.generate(ctx, system, user, r.OnDelta, rd, false)
	res.Usage = addUsage(res.Usage, resp.Usage)
	if err != nil {
		res, err = p.finishCut(st, res, blocks, rd, resp, asked, lang, err, "summarize")
	} else {
		res, err = p.finish(st, res, blocks, rd, resp, asked, lang)
	}
	if err == nil && !res.Abstained {
		// As for an answer: the model was told to write in the
		// reader's language (or the topic's); a summary in another
		// is flagged, not asked for again.
		res.AnsweredIn = verify.OtherLanguage(res.Text, askedLanguage(topic, lang, Question{Lang: r.Lang}))
	}
	return res, err
}

// spreadOver is how many of n sentences one document may give when they
// come from blocks: at least perDoc, and more when few documents are
// there to share them, so that a topic one page covers is summarised
// in n sentences, not perDoc.
func spreadOver(blocks []*block, n, perDoc int) int {
	docs := map[int]bool{}
	for _, b := range blocks {
		docs[b.doc] = true
	}
	if len(docs) == 0 {
		return perDoc
	}
	return max(perDoc, (n+len(docs)-1)/len(docs))
}

// readingOrder puts the sentences one document gives in the order the
// document has them, so that its definition comes before the details
// that lean on it; the documents keep the order of their best sentence.
func readingOrder(picks []pick, blocks []*block) []pick {
	rank := map[int]int{} // document → position of its best sentence
	for i, p := range picks {
		if _, ok := rank[p.doc]; !ok {
			rank[p.doc] = i
		}
	}
	out := slices.Clone(picks)
	slices.SortStableFunc(out, func(a, b pick) int {
		return cmp.Or(
			cmp.Compare(rank[a.doc], rank[b.doc]),
			cmp.Compare(blocks[a.block].first, blocks[b.block].first),
			cmp.Compare(a.order, b.order))
	})
	return out
}

// documentBlocks is a document's body passages in order, one block each
// so a summary can cite them apart, up to the budget. A document over the
// budget gives passages spread over its sections (summaryOrder), in the
// document's order, not its opening only: a summary of a long page is to
// cover the page. It also returns how many body passages the document
// has, and whether it is over the budget.
func (p *Pipeline) documentBlocks(st *state, doc int) (blocks []*block, body int, over bool) {
	d := &st.corpus.Docs[doc]
	pk := newPacker(st, p.cfg.ContextTokens, 0, false)
	over = false // a passage was left out for the budget, not as a near-duplicate
	for i, ps := range d.Passages {
		if ps.Kind != corpus.Body {
			continue
		}
		body++
		if !over && !pk.add(st.first[doc]+i) {
			over = pk.used+estimateTokens(ps.Text)+headerTokens+estimateTokens(d.Title) > pk.budget
		}
	}
	if !over {
		return pk.blocks, body, false
	}
	sec, _ := sectionsOf(d)
	pk = newPacker(st, p.cfg.ContextTokens, 0, false)
	for _, i := range summaryOrder(sec) {
		if !pk.add(st.first[doc]+i) && pk.full() {
			break
		}
	}
	slices.SortFunc(pk.blocks, func(a, b *block) int { return cmp.Compare(a.first, b.first) })
	return pk.blocks, body, true
}

// bodyBlocks is every body passage of document doc, a block each.
func (st *state) bodyBlocks(doc int) []*block {
	d := &st.corpus.Docs[doc]
	var out []*block
	for i, ps := range d.Passages {
		if ps.Kind == corpus.Body {
			out = append(out, &block{doc: doc, first: i, last: i, items: []int{st.first[doc] + i}, text: ps.Text, tokens: estimateTokens(ps.Text)})
		}
	}
	return out
}

// maxSectionDepth bounds how deep sectionsOf looks for a document's
// sections.
const maxSectionDepth = 4

// sectionsOf numbers the sections of d's body passages in order (-1 for
// an aside). Its sections are those of the shallowest heading level that
// has two or more: a reference whose every entry sits under one "Variable
// reference" heading is divided by its entries. Text before the first
// heading of that level is a section of its own; a heading repeated
// further down opens a new one.
func sectionsOf(d *corpus.Document) (sec []int, n int) {
	key := func(ps *corpus.Passage, depth int) string {
		return strings.Join(ps.Headings[:min(depth+1, len(ps.Headings))], "\x00")
	}
	depth := 0
	for ; depth < maxSectionDepth; depth++ {
		headed, deeper := map[string]bool{}, false
		for i := range d.Passages {
			ps := &d.Passages[i]
			if ps.Kind != corpus.Body || len(ps.Headings) <= depth {
				continue
			}
			headed[key(ps, depth)] = true
			deeper = deeper || len(ps.Headings) > depth+1
		}
		if len(headed) >= 2 || !deeper {
			break
		}
	}
	sec = make([]int, len(d.Passages))
	last := ""
	for i := range d.Passages {
		ps := &d.Passages[i]
		if ps.Kind != corpus.Body {
			sec[i] = -1
			continue
		}
		if k := key(ps, depth); n == 0 || k != last {
			n++
			last = k
		}
		sec[i] = n - 1
	}
	return sec, n
}

// summaryOrder is the order in which a summary of a document over the
// budget takes its body passages (sec from sectionsOf): every section's
// first passage, then each section's further passages by the share of
// the section they reach (the second of ten passages before the second
// of two), so a long section gets more of the budget than a short one
// and none is left out while the budget lasts. Sections tie in spread
// order (spreadRank): when the budget holds fewer leads than there are
// sections, those it holds are spread over the document, not its first.
func summaryOrder(sec []int) []int {
	size := map[int]int{}
	pos := make([]int, len(sec)) // position of a passage in its section
	for i, s := range sec {
		if s < 0 {
			continue
		}
		pos[i] = size[s]
		size[s]++
	}
	rank := spreadRank(len(size))
	var out []int
	for i, s := range sec {
		if s >= 0 {
			out = append(out, i)
		}
	}
	slices.SortStableFunc(out, func(a, b int) int {
		// pos[a]/size[a] against pos[b]/size[b], in integers.
		return cmp.Or(
			cmp.Compare(pos[a]*size[sec[b]], pos[b]*size[sec[a]]),
			cmp.Compare(rank[sec[a]], rank[sec[b]]),
			cmp.Compare(a, b))
	})
	return out
}

// spreadRank orders n sections so that any first k of them are spread
// over the document: section s ranks by its index's bits reversed (0, n/2,
// n/4, 3n/4, …, the van der Corput sequence).
func spreadRank(n int) []int {
	bits := 0
	for 1<<bits < n {
		bits++
	}
	rev := func(s int) int {
		r := 0
		for range bits {
			r = r<<1 | s&1
			s >>= 1
		}
		return r
	}
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(rev(a), rev(b)) })
	rank := make([]int, n)
	for r, s := range idx {
		rank[s] = r
	}
	return rank
}

// replyRunes is about how many characters pick p of block b takes in a
// reply: its line and its source's ("[n] Title › Heading — path (lines
// a–b) <link>", as the bot and the terminal list sources).
func (st *state) replyRunes(b *block, p pick) int {
	src := st.locate(b.doc, b.first, b.last)
	line := "[10] " + strings.Join(append([]string{src.Title}, src.Headings...), " › ") +
		" — " + src.Path + " (lines 1000–1000)"
	if src.URL != "" {
		line += " <" + src.URL + ">"
	}
	return utf8.RuneCountInString(renderPicks([]pick{p}, "")) + 1 + utf8.RuneCountInString(line) + 1
}

// sectionLeads is leadSentences for a document's summary: the lead
// sentence of one block from each section first, sections in spread
// order, then the others' in the document's order; the n chosen come
// back in the document's order. sec numbers the document's passages
// (sectionsOf).
func (st *state) sectionLeads(blocks []*block, sec []int, n, minWords int, items bool) []pick {
	var all []pick
	for bi, b := range blocks {
		if s := lead(st.blockSentences(b), st.corpus.Docs[b.doc].Title, minWords, items); s != "" {
			all = append(all, pick{block: bi, doc: b.doc, text: s, order: bi})
		}
	}
	sections := 0
	for _, s := range sec {
		sections = max(sections, s+1)
	}
	rank := spreadRank(sections)
	ordered := slices.Clone(all)
	isFirst := make(map[int]bool, len(all)) // block index → first lead of its section
	seen := map[int]bool{}
	for _, p := range all {
		s := sec[blocks[p.block].first]
		if !seen[s] {
			seen[s] = true
			isFirst[p.block] = true
		}
	}
	slices.SortStableFunc(ordered, func(a, b pick) int {
		fa, fb := isFirst[a.block], isFirst[b.block]
		switch {
		case fa && fb:
			return cmp.Compare(rank[sec[blocks[a.block].first]], rank[sec[blocks[b.block].first]])
		case fa:
			return -1
		case fb:
			return 1
		}
		return cmp.Compare(a.block, b.block)
	})
	out := choose(ordered, n, n, nil)
	// Past maxLeads, sentences are kept while the reply stays within
	// summaryReplyRunes: those left out are the last in spread order.
	total := 0
	for i, p := range out {
		total += st.replyRunes(blocks[p.block], p)
		if i >= maxLeads && total > summaryReplyRunes {
			out = out[:i]
			break
		}
	}
	slices.SortFunc(out, func(a, b pick) int { return cmp.Compare(a.block, b.block) })
	return out
}
