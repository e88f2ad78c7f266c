package answer

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"

	"corpusbot/i18n"
	"corpusbot/llm"
	"corpusbot/prompts"
	"corpusbot/text"
	"corpusbot/verify"
)

// History bounds: the last few turns, within a quarter of the budget, each
// cut to a length that keeps the gist.
const (
	maxTurns     = 6
	maxTurnRunes = 600
)

// Check reports why Ask would refuse q asked without history, without
// calling a model: ErrEmptyQuestion (nothing visible), ErrQuestionTooLong,
// or ErrNoSearchableWords (only symbols or emoji). The Discord bot opens a
// thread only for a question that passes.
func (p *Pipeline) Check(q string) error {
	text, err := p.checkQuestion(q)
	if err != nil {
		return err
	}
	if len(p.state.Load().index.Analyze(text)) == 0 {
		return ErrNoSearchableWords
	}
	return nil
}

// Ask answers a question from the corpus.
//
// Outcomes: a cited answer, its sentences that are not verified marked; an
// abstention (Result.Abstained, no error) when nothing clears the relevance
// floor, the model declines, or no claim of its reply is verified;
// ErrEmptyQuestion or ErrQuestionTooLong for a bad question; ErrEmptyReply
// when the model writes nothing; the llm package's errors, wrapped, when
// the model fails. A stream cut short shows what of it is verified, marked
// as cut (Result.Cut), or is an error when nothing is.
func (p *Pipeline) Ask(ctx context.Context, q Question) (*Result, error) {
	question, err := p.checkQuestion(q.Text)
	if err != nil {
		return nil, fmt.Errorf("ask: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("ask: %w", err)
	}
	st := p.state.Load().asking()
	if (len(q.History) == 0 || !text.HasLetterOrDigit(question)) && len(st.analyze(question)) == 0 {
		// A follow-up such as "why?" borrows its terms from the history;
		// "👍" after an answer asks nothing.
		return nil, fmt.Errorf("ask: %w", ErrNoSearchableWords)
	}
	// The question's language chooses the analysers it is searched with;
	// the reader's (the question's, else the conversation's, else the
	// caller's) that of the abstention and the notes.
	lang := replyLanguage(question, q.History, q.Lang)
	qlang := searchLang(question, lang)
	res := &Result{ID: newID(), Kind: KindAnswer, Question: question}

	// Politeness and requests to the bot ("please", "can you tell me")
	// are not what is asked: searched for, they lower the coverage of
	// the passages that answer.
	cands, queries, usage, err := p.retrieve(ctx, st, st.withoutFraming(question), q.History, qlang)
	if err != nil {
		return nil, fmt.Errorf("ask: %w", err)
	}
	res.Usage = usage
	rel := p.admitted(st, cands)
	if len(rel) == 0 {
		p.log.Info("abstained: nothing above the relevance floor", "answer", res.ID, "candidates", len(cands))
		return p.abstainAsked(st, res, question, lang, st.nearest(cands)), nil
	}
	blocks := p.pack(st, rel, p.cfg.ContextTokens, p.cfg.K)

	if p.model == nil {
		w := p.weigh(st, question, queries, cands, blocks, qlang, false)
		picks := w.picks(decisionModel)
		if len(picks) == 0 {
			p.log.Info("abstained: no sentence covers what the question asks", "answer", res.ID)
			return p.abstainAsked(st, res, question, lang, st.nearestBlocks(w.blocks)), nil
		}
		st.extractive(res, w.blocks, picks, "", strings.Join(queries, " "), lang)
		return res, nil
	}

	// A question that does not say its language ("Alipay?") is answered
	// in the reader's, when the caller or the conversation says it.
	var write string
	if !saysLanguage(question) && (q.Lang != "" || len(q.History) > 0) {
		write = langName(lang)
	}
	system, err := p.prompts.System(prompts.SystemData{Task: prompts.TaskAnswer, Language: write})
	if err != nil {
		return nil, fmt.Errorf("ask: %w", err)
	}
	user, err := p.prompts.Answer(prompts.AnswerData{
		Question: question,
		History:  p.history(q.History),
		Passages: st.promptPassages(blocks),
	})
	if err != nil {
		return nil, fmt.Errorf("ask: %w", err)
	}
	asked := strings.Join(queries, " ")
	rd := verify.NewReader(givenBlocks{st, blocks}, st.index, asked)
	resp, err := p.generate(ctx, system, user, q.OnDelta, rd, false)
	res.Usage = addUsage(res.Usage, resp.Usage)
	if err != nil {
		res, err = p.finishCut(st, res, blocks, rd, resp, asked, lang, err, "ask")
	} else {
		res, err = p.finish(st, res, blocks, rd, resp, asked, lang)
	}
	if err == nil && !res.Abstained {
		res.AnsweredIn = verify.OtherLanguage(res.Text, askedLanguage(question, lang, q))
	}
	return res, err
}

// askedLanguage is the language a model's answer to q is expected in:
// the question's when it says one (a text code when the catalogue lacks
// it: a Swahili question is answered in Swahili, not in lang's English),
// else the reader's, lang, when the caller or the conversation gives one;
// "" when nothing does, and no answer is in another language. Only the
// answer is flagged, not asked again: what streamed is on the reader's
// screen already, and a second call would double the wait and the cost
// for a model that may well answer in the same language again.
func askedLanguage(question, lang string, q Question) string {
	if saysLanguage(question) {
		if i18n.OfWith(question, q.Lang) == "" {
			return text.DetectLanguage(question)
		}
		return lang
	}
	if q.Lang != "" || len(q.History) > 0 {
		return lang
	}
	return ""
}

// cutShort reports a finish reason that stops a reply where it stands,
// mid-sentence as likely as not: the token limit, or a content filter
// (Azure OpenAI ends a stream with "content_filter" where its filter
// struck; before, what came so far was shown as the whole answer, its
// last words "It also retu" an uncited claim).
func cutShort(reason string) bool { return reason == "length" || reason == "content_filter" }

// finishCut makes what arrived of a broken stream a result when some of
// it is verified, marked as cut short; otherwise err stands.
func (p *Pipeline) finishCut(st *state, res *Result, blocks []*block, rd *verify.Reader, resp llm.Response, asked, lang string, err error, op string) (*Result, error) {
	if !errors.Is(err, llm.ErrIncomplete) || resp.Content == "" {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	r := rd.Render(resp.Content, true)
	if r.Backed == 0 {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	p.log.Warn("the model's stream broke; showing what was verified", "answer", res.ID, "error", err)
	res.Cut = CutStream
	return p.fill(st, res, blocks, r, asked, lang), nil
}

// finish turns a model reply into a Result: citations checked and
// renumbered, quotes verified, sources listed, sentences that are not
// verified marked. asked is what was searched for: the question and its
// rewrites. A reply with no verified claim is an abstention: the model
// declined, or what it wrote cannot be checked against the passages.
func (p *Pipeline) finish(st *state, res *Result, blocks []*block, rd *verify.Reader, resp llm.Response, asked, lang string) (*Result, error) {
	if strings.TrimSpace(resp.Content) == "" {
		return nil, fmt.Errorf("%s: %w", res.Kind, &EmptyReplyError{FinishReason: resp.FinishReason, MaxTokens: p.cfg.MaxAnswerTokens})
	}
	r := rd.Render(resp.Content, false)
	if len(r.Dropped) > 0 {
		p.log.Warn("reply cites passages it was not given", "answer", res.ID, "dropped", r.Dropped, "given", len(blocks))
	}
	if cutShort(resp.FinishReason) {
		if resp.FinishReason == "length" {
			p.log.Warn("reply hit the token limit", "answer", res.ID, "max_tokens", p.cfg.MaxAnswerTokens)
			res.Cut = CutLength
		} else {
			p.log.Warn("the provider's content filter stopped the reply", "answer", res.ID)
			res.Cut = CutFilter
		}
		// The last sentence stops mid-way: keep what is complete.
		if cut := rd.Render(resp.Content, true); cut.Backed > 0 {
			r = cut
		}
	}
	if r.Backed == 0 {
		res.Cut = ""
		// A reply that cites nothing and says so declines, whatever its
		// words: the marker, "The passages do not say…", "I could not
		// find…". Any other reply without a verified claim is one the bot
		// cannot stand behind; either way it is an abstention.
		if len(r.Used) == 0 && verify.SaysNoAnswer(resp.Content) {
			p.log.Info("abstained: the model found no answer in the passages", "answer", res.ID)
			return st.abstain(res, lang, st.nearestBlocks(blocks)), nil
		}
		p.log.Warn("abstained: no claim of the reply is verified", "answer", res.ID,
			"claims", len(r.Claims), "cited", len(r.Used), "reply", text.Clip(resp.Content, 201))
		st.abstain(res, lang, st.nearestBlocks(blocks))
		res.Text = say(lang, i18n.NotVerified)
		return res, nil
	}
	return p.fill(st, res, blocks, r, asked, lang), nil
}

// fill sets res from a rendered reply.
func (p *Pipeline) fill(st *state, res *Result, blocks []*block, r verify.Rendered, asked, lang string) *Result {
	res.Lang = lang
	res.Text = r.Text
	res.HistoryText = r.History
	res.Claims = r.Claims
	res.Sources = st.sources(blocks, r, asked)
	res.Covered = st.covered(blocks, r.Used)
	if n := len(res.Unchecked()); n > 0 {
		p.log.Info("sentences not verified by their citations", "answer", res.ID, "count", n)
	}
	return res
}

// history keeps the last turns within a quarter of the passage budget,
// with citations stripped: their numbers belonged to another prompt's
// passages.
func (p *Pipeline) history(turns []Turn) []prompts.Turn {
	return lastTurns(turns, maxTurns, maxTurnRunes, p.cfg.ContextTokens/4)
}

// lastTurns is the end of a conversation, oldest first: at most n turns,
// each cut to runes, within budget estimated tokens, citations stripped.
func lastTurns(turns []Turn, n, runes, budget int) []prompts.Turn {
	var out []prompts.Turn
	for i := len(turns) - 1; i >= 0 && len(out) < n; i-- {
		t := turns[i]
		if t.Role != "user" && t.Role != "assistant" {
			continue
		}
		said := text.Clip(clean(verify.StripMarks(verify.ParseCitations(t.Text, 0).Text)), runes+1)
		if said == "" {
			continue
		}
		cost := estimateTokens(said) + 8
		if cost > budget {
			break
		}
		budget -= cost
		out = append(out, prompts.Turn{Role: t.Role, Text: said})
	}
	slices.Reverse(out)
	return out
}

// pack fills the budget with candidates, best first.
func (p *Pipeline) pack(st *state, cands []candidate, budget, maxPassages int) []*block {
	pk := newPacker(st, budget, maxPassages, true)
	for _, c := range cands {
		if pk.full() {
			break
		}
		pk.add(c.item)
	}
	return pk.blocks
}

// abstain makes res an abstention in the question's language.
func (st *state) abstain(res *Result, lang string, nearest []Nearest) *Result {
	res.Abstained = true
	res.Lang = lang
	res.Text = notCoveredText(lang)
	res.HistoryText = res.Text
	res.Nearest = nearest
	res.Sources, res.Covered, res.Claims = nil, nil, nil
	return res
}

// maxNearest documents are named on abstention.
const maxNearest = 3

// nearest names the documents of the best candidates even though none
// cleared the floor. A question that shares no term with the corpus has no
// candidates, and so no nearest documents: naming the corpus' first ones
// would pass documents chosen by their order for similar ones.
func (st *state) nearest(cands []candidate) []Nearest {
	return st.nearestDocs(func(yield func(int) bool) {
		for _, c := range cands {
			if !yield(st.items[c.item].doc) {
				return
			}
		}
	})
}

// nearestBlocks is nearest for the blocks of a prompt, best first.
func (st *state) nearestBlocks(blocks []*block) []Nearest {
	return st.nearestDocs(func(yield func(int) bool) {
		for _, b := range blocks {
			if !yield(b.doc) {
				return
			}
		}
	})
}

// nearestDocs names the first maxNearest documents of docs (indexes in
// corpus.Docs, best first), each once.
func (st *state) nearestDocs(docs iter.Seq[int]) []Nearest {
	var out []Nearest
	seen := map[int]bool{}
	for doc := range docs {
		if len(out) == maxNearest {
			break
		}
		if !seen[doc] {
			seen[doc] = true
			d := &st.corpus.Docs[doc]
			out = append(out, Nearest{DocID: d.ID, Title: d.Title})
		}
	}
	return out
}

func addUsage(a, b llm.Usage) llm.Usage {
	return llm.Usage{
		PromptTokens:     a.PromptTokens + b.PromptTokens,
		CompletionTokens: a.CompletionTokens + b.CompletionTokens,
		TotalTokens:      a.TotalTokens + b.TotalTokens,
	}
}
