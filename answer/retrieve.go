package answer

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"iter"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"corpusbot/corpus"
	"corpusbot/llm"
	"corpusbot/prompts"
	"corpusbot/retrieval"
	"corpusbot/text"
)

// candidate is a passage found by one or more queries.
type candidate struct {
	item     int
	coverage float64 // best over the queries
	fused    float64 // reciprocal-rank fusion over the queries
	relevant bool    // cleared the floor for at least one query
}

// rrfK damps the reciprocal-rank fusion; 60 is the usual constant.
const rrfK = 60

// search runs each query and fuses the hits: best coverage first, since
// coverage is comparable across queries and languages where BM25 scores are
// not; then fused rank; then item order, for determinism.
func (p *Pipeline) search(st *state, queries []string) []candidate {
	if p.cfg.Observer != nil {
		defer func(start time.Time) { p.cfg.Observer.ObserveRetrieval(time.Since(start)) }(time.Now())
	}
	byItem := map[int]*candidate{}
	for _, q := range queries {
		hits, err := st.index.Search(q, p.cfg.K)
		if err != nil {
			if !errors.Is(err, retrieval.ErrNoTerms) {
				p.log.Warn("search failed", "query", q, "error", err)
			}
			continue
		}
		for rank, h := range hits {
			c := byItem[h.Item]
			if c == nil {
				c = &candidate{item: h.Item}
				byItem[h.Item] = c
			}
			c.coverage = max(c.coverage, h.Coverage)
			c.fused += 1 / float64(rrfK+rank+1)
			c.relevant = c.relevant || st.index.Relevant(h)
		}
	}
	out := make([]candidate, 0, len(byItem))
	for _, c := range byItem {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b candidate) int {
		if c := cmp.Compare(b.coverage, a.coverage); c != 0 {
			return c
		}
		if c := cmp.Compare(b.fused, a.fused); c != 0 {
			return c
		}
		return cmp.Compare(a.item, b.item)
	})
	return out
}

// DefaultDocFloor is the share of the relevance floor at which a passage
// joins a model's prompt when its document already has a passage above
// the floor. A question's words that its documents never use ("joindre",
// "situé") weigh the most and keep the passage that answers a little
// under the floor, next to the one that clears it. Chosen on tuning data
// only: the highest share at which the most in-corpus questions of the
// abstention sets' tuning halves get their answer into the prompt
// (docs/benchmarks.md). It adds no document: a question with nothing
// above the floor still abstains.
const DefaultDocFloor = 0.8

// relevantOnly keeps the body candidates above the relevance floor and,
// after them, those of the same documents that reach the document floor
// (Config.DocFloor). An aside (a teaser of another article appended to a
// page) is never cited: under the host page's title it would read as that
// article's claim.
func (st *state) relevantOnly(cs []candidate) []candidate {
	out := make([]candidate, 0, len(cs))
	above := map[int]bool{} // documents with a passage above the floor
	for _, c := range cs {
		if ps, _ := st.passage(c.item); c.relevant && ps.Kind == corpus.Body {
			out = append(out, c)
			above[st.items[c.item].doc] = true
		}
	}
	if st.docShare <= 0 || len(out) == 0 {
		return out
	}
	floor := st.docShare * st.index.Config().Floor
	for _, c := range cs {
		if ps, _ := st.passage(c.item); !c.relevant && c.coverage >= floor && ps.Kind == corpus.Body && above[st.items[c.item].doc] {
			out = append(out, c)
		}
	}
	return out
}

// admitted is the candidates an answer is drawn from. With a model, those
// relevantOnly keeps. Without one, under the focus rule, every body
// passage a little under the relevance floor too: the rule decides which
// sentence answers, and such a passage may hold it ("How many users does
// WeChat have according to China Daily?").
func (p *Pipeline) admitted(st *state, cands []candidate) []candidate {
	if p.model == nil && p.cfg.FocusCoverage > 0 {
		return st.bodyAbove(cands, min(focusFloor, st.index.Config().Floor))
	}
	return st.relevantOnly(cands)
}

// bodyAbove keeps the body candidates whose coverage reaches floor.
func (st *state) bodyAbove(cs []candidate, floor float64) []candidate {
	out := make([]candidate, 0, len(cs))
	for _, c := range cs {
		if ps, _ := st.passage(c.item); c.coverage >= floor && ps.Kind == corpus.Body {
			out = append(out, c)
		}
	}
	return out
}

// retrieve finds passages for question q, asked after history, adding
// the model's rewrites when they can help. lang is the question's
// language. It returns every query it ran: they tell later steps (quotes,
// the support check) what was looked for, in each language.
//
// Without a model, a follow-up is searched with the questions it continues
// (see retrievalQueries). With one, a question that continues a
// conversation is rewritten into a standalone question in the same call
// as the cross-lingual rewrite, so a follow-up costs no extra round trip,
// and that question replaces the guesswork.
//
// An error is returned only when the model refused the credentials: every
// later call would fail the same way, so the question ends there rather than
// asking again.
func (p *Pipeline) retrieve(ctx context.Context, st *state, q string, history []Turn, lang string) ([]candidate, []string, llm.Usage, error) {
	cands, queries, usage, err := p.retrieveAll(ctx, st, q, history, lang)
	return st.preferLang(cands, lang), queries, usage, err
}

// preferLang drops the candidates of a page whose version in the question's
// language is among the candidates too: an English question about a page
// that also exists in French cites the English page, not both. lang ""
// (not known) keeps every candidate.
func (st *state) preferLang(cands []candidate, lang string) []candidate {
	if lang == "" {
		return cands
	}
	found := map[string]bool{} // documents in the question's language among the candidates
	for _, c := range cands {
		if d := &st.corpus.Docs[st.items[c.item].doc]; len(d.Translations) > 0 && d.PageLang() == lang {
			found[d.ID] = true
		}
	}
	if len(found) == 0 {
		return cands
	}
	out := cands[:0:0]
	for _, c := range cands {
		d := &st.corpus.Docs[st.items[c.item].doc]
		if d.PageLang() != lang && slices.ContainsFunc(d.Translations, func(id string) bool { return found[id] }) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// retrieveAll is retrieve, every language version kept.
func (p *Pipeline) retrieveAll(ctx context.Context, st *state, q string, history []Turn, lang string) ([]candidate, []string, llm.Usage, error) {
	queries := retrievalQueries(q, history)
	cands := p.search(st, queries)
	conv := p.model != nil && len(rewriteHistory(history)) > 0
	if !conv && !p.wantRewrite(st, lang, len(cands) > 0) {
		return cands, queries, llm.Usage{}, nil
	}
	var turns []prompts.Turn
	asked := queries[len(queries)-1] // the fullest form
	if conv {
		turns, asked = rewriteHistory(history), q
	}
	rw, usage, err := p.rewrite(ctx, st, asked, turns)
	if err != nil {
		return nil, nil, usage, err
	}
	if rw.standalone != "" {
		queries = []string{rw.standalone}
	}
	if len(rw.queries) == 0 && rw.standalone == "" {
		return cands, queries, usage, nil
	}
	all := append(slices.Clip(queries), rw.queries...)
	return p.search(st, all), all, usage, nil
}

// Bounds of the conversation shown to the rewrite: enough to resolve "he"
// and "it", short enough to keep the call small.
const (
	rewriteTurns     = 4
	rewriteTurnRunes = 300
)

// rewriteHistory is the end of the conversation for the rewrite prompt,
// citations stripped; nil when it has no earlier question.
func rewriteHistory(turns []Turn) []prompts.Turn {
	out := lastTurns(turns, rewriteTurns, rewriteTurnRunes, math.MaxInt)
	if !slices.ContainsFunc(out, func(t prompts.Turn) bool { return t.Role == "user" }) {
		return nil
	}
	return out
}

// wantRewrite decides whether a cross-lingual rewrite is worth a call. Not
// without a model; not when the corpus is all in the question's language;
// and not when the question shares no term with a corpus in its own
// language: a question about something absent finds nothing in translation
// either, and an out-of-corpus question then abstains without any call.
func (p *Pipeline) wantRewrite(st *state, lang string, anyHit bool) bool {
	if p.model == nil || len(st.langs) == 0 {
		return false
	}
	// An unknown language is a question of figures or symbols: nothing to
	// translate.
	known := lang == "" || slices.Contains(st.langs, lang)
	if known && len(st.langs) == 1 {
		return false
	}
	return anyHit || !known
}

// rewritten is a rewrite's outcome: the question made standalone (when it
// continued a conversation) and search queries in the corpus' languages.
type rewritten struct {
	standalone string
	queries    []string
}

// rewrite asks the model for search queries in the corpus' languages and,
// with history, for the question made standalone. The answer is cached; a
// failure is logged and leaves the original query alone.
func (p *Pipeline) rewrite(ctx context.Context, st *state, q string, history []prompts.Turn) (rewritten, llm.Usage, error) {
	var key strings.Builder
	key.WriteString(strings.ToLower(q) + "\x00" + strings.Join(st.langs, ","))
	for _, t := range history {
		key.WriteString("\x00" + t.Role + ":" + t.Text)
	}
	if rw, ok := p.rewrites.get(key.String()); ok {
		return rw, llm.Usage{}, nil
	}
	langs := make([]prompts.Language, len(st.langs))
	for i, l := range st.langs {
		langs[i] = prompts.Language{Code: l, Name: langName(l)}
	}
	msg, err := p.prompts.Rewrite(prompts.RewriteData{Question: q, Languages: langs, History: history})
	if err != nil {
		p.log.Error("rewrite prompt", "error", err)
		return rewritten{}, llm.Usage{}, nil
	}
	maxTokens := 40 + 60*len(langs)
	if len(history) > 0 {
		maxTokens += 80 // the standalone question
	}
	ctx, cancel := context.WithTimeout(ctx, p.cfg.RewriteTimeout)
	defer cancel()
	resp, err := p.model.Complete(ctx, llm.Request{
		Messages:    []llm.Message{{Role: llm.User, Content: msg}},
		MaxTokens:   maxTokens,
		Temperature: 0,
	})
	if errors.Is(err, llm.ErrUnauthorized) {
		return rewritten{}, llm.Usage{}, fmt.Errorf("rewrite: %w", err)
	}
	if err != nil {
		p.log.Warn("query rewrite failed; searching the original only", "error", err)
		return rewritten{}, llm.Usage{}, nil
	}
	rw := rewritten{queries: parseRewrite(resp.Content, st.langs, q)}
	if len(history) > 0 {
		rw.standalone = parseStandalone(resp.Content)
	}
	p.rewrites.put(key.String(), rw)
	p.log.Debug("query rewritten", "query", q, "standalone", rw.standalone, "rewrites", rw.queries, "turns", len(history))
	return rw, resp.Usage, nil
}

// parseStandalone reads the "q: standalone question" line; "" when the
// reply has none.
func parseStandalone(reply string) string {
	for label, q := range labelledLines(reply) {
		if label == "q" && q != "" {
			return text.Clip(q, 301)
		}
	}
	return ""
}

// parseRewrite reads "code: keywords" lines, one per known language, and
// drops queries equal to the original.
func parseRewrite(reply string, langs []string, original string) []string {
	var out []string
	seen := map[string]bool{}
	for code, q := range labelledLines(reply) {
		if !slices.Contains(langs, code) {
			code = codeOfName(code, langs)
		}
		if code == "" || seen[code] || q == "" || strings.EqualFold(q, original) {
			continue
		}
		seen[code] = true
		out = append(out, text.Clip(q, 201))
	}
	return out
}

// labelledLines yields the "label: text" lines of a model's reply, the
// label lower-cased without the Markdown or quotes around it, the text on
// one line without the quotes around it (« … », "…", `…`).
func labelledLines(reply string) iter.Seq2[string, string] {
	return func(yield func(label, text string) bool) {
		for _, line := range strings.Split(reply, "\n") {
			line = strings.TrimLeft(strings.TrimSpace(line), "-*•> ")
			i := strings.IndexAny(line, ":：")
			if i <= 0 {
				continue
			}
			label := strings.ToLower(strings.Trim(line[:i], " *`\"'"))
			_, size := utf8.DecodeRuneInString(line[i:])
			text := strings.TrimFunc(clean(line[i+size:]), func(r rune) bool {
				return unicode.IsSpace(r) || strings.ContainsRune("\"'`<>«»“”", r)
			})
			if !yield(label, text) {
				return
			}
		}
	}
}

// codeOfName maps "french" back to "fr" for models that write names. A
// code without a name ("und") has none to match: an empty label (a stray
// "`:") is no language.
func codeOfName(name string, langs []string) string {
	for _, l := range langs {
		if n := langName(l); n != "" && strings.EqualFold(n, name) {
			return l
		}
	}
	return ""
}

// wideFactor is how much deeper than Config.K extractive answers look for
// a passage that holds the whole of what is asked: see widen.
const wideFactor = 4

// wideShare is the part of the question's focus a sentence of a passage
// below the first K must hold for the passage to compete. Chosen on the
// tuning halves: 1 answered one question fewer than 0.8; 0.45 (the
// answer's own share) to 0.8 tie, and the strictest of those is kept.
const wideShare = 0.8

// widen adds to an extractive answer's blocks the passages ranked below
// retrieval's first K that hold a sentence answering what is asked (full)
// and naming the question's names itself: "What are metrics?" is answered
// under the heading "What are metrics?", which ranks 24th among the many
// passages that say "metrics". Taking more candidates unconditionally
// answered one question more and two out-of-corpus ones too
// (docs/benchmarks.md). lang is the question's, as for preferLang.
func (p *Pipeline) widen(st *state, queries []string, cands []candidate, blocks []*block, query, lang string, full func(string, []string, around) (bool, int)) []*block {
	seen := map[int]bool{}
	for _, c := range cands {
		seen[c.item] = true
	}
	for _, b := range blocks {
		for _, it := range b.items {
			seen[it] = true
		}
	}
	var extra []candidate
	for _, q := range queries {
		hits, err := st.index.Search(q, wideFactor*p.cfg.K)
		if err != nil {
			continue
		}
		for _, h := range hits {
			if ps, _ := st.passage(h.Item); !seen[h.Item] && h.Coverage >= focusFloor && ps.Kind == corpus.Body {
				extra = append(extra, candidate{item: h.Item, coverage: h.Coverage})
			}
			seen[h.Item] = true
		}
	}
	if len(extra) == 0 {
		return blocks
	}
	// A page whose version in the question's language is a candidate
	// stays out, as in retrieve.
	kept := map[int]bool{}
	for _, c := range st.preferLang(append(slices.Clip(cands), extra...), lang) {
		kept[c.item] = true
	}
	// Its names must stand in the sentence or its headings, not only
	// somewhere in its passage: "Who created Grafana?" is not answered by
	// "We … created a schedule of people on-call" on a page that names
	// Grafana elsewhere.
	own := func(s string, terms []string, a around) (bool, int) {
		a.names = setOf(append(slices.Clip(terms), a.heading...))
		return full(s, terms, a)
	}
	f := st.focusOf(query)
	out := blocks
	for _, c := range extra {
		if !kept[c.item] {
			continue
		}
		pk := newPacker(st, p.cfg.ContextTokens, 1, false)
		if pk.add(c.item) && len(st.rankSentences(f, pk.blocks, query, 1, 1, own)) > 0 {
			out = append(out, pk.blocks[0])
		}
	}
	return out
}
