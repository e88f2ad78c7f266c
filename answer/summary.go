package answer

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"corpusbot/corpus"
	"corpusbot/i18n"
	"corpusbot/prompts"
	"corpusbot/verify"
)

// maxLeads bounds an extractive summary.
const maxLeads = 5

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
	st := p.state.Load()
	write, lang := replyLangs(r.Lang, topic)
	res := &Result{ID: newID(), Kind: KindSummary}

	var blocks []*block
	var asked string // what was searched for, or the document's title
	data := prompts.SummaryData{Topic: topic, Language: langName(write)}
	if r.DocID != "" {
		di, ok := st.docs[r.DocID]
		if !ok {
			return nil, fmt.Errorf("summarize %q: %w", r.DocID, ErrUnknownDocument)
		}
		d := &st.corpus.Docs[di]
		res.Question = d.Title
		asked = d.Title
		data.DocID, data.Title = d.ID, d.Title
		blocks = p.documentBlocks(st, di)
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
			picks = st.leadSentences(blocks, maxLeads, maxLeads, leadWords, true)
			if len(picks) == 0 {
				// A page of short sentences (a command's page, a
				// glossary): its short ones are all it says.
				picks = st.leadSentences(blocks, maxLeads, maxLeads, shortLeadWords, false)
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
		st.extractive(res, blocks, picks, "", asked, lang)
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
		return p.finishCut(st, res, blocks, rd, resp, asked, lang, err, "summarize")
	}
	return p.finish(st, res, blocks, rd, resp, asked, lang)
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
// so a summary can cite them apart, up to the budget.
func (p *Pipeline) documentBlocks(st *state, doc int) []*block {
	pk := newPacker(st, p.cfg.ContextTokens, 0, false)
	d := &st.corpus.Docs[doc]
	for i, ps := range d.Passages {
		if ps.Kind != corpus.Body {
			continue
		}
		if !pk.add(st.first[doc]+i) && pk.full() {
			break
		}
	}
	return pk.blocks
}
