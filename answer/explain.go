package answer

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// Explanation is what extractive ask weighed for a question, to read why
// it abstained or answered without the sentence asked for (bench/abstain
// -explain, on tuning halves only): the question's words with their
// weights, and the candidate sentences a caller looks for with how much
// of the focus each holds. The bot never needs it.
type Explanation struct {
	Words []ExplainedWord
	// Sentences are the candidate sentences want picked out, in the
	// candidates' order (passages by rank).
	Sentences []ExplainedSentence
	// Best is the highest share of the focus any candidate sentence holds
	// (of those passing the rules that do not weigh the focus).
	Best float64
	// Candidates is false when no passage passed retrieval's floor.
	Candidates bool
	// Retrieved is true when a block the sentences are chosen from (the
	// first K passages and those widening adds) holds what want looks
	// for in its text: false, the answering passage was not retrieved;
	// true with no Sentences, it is there but no one sentence holds it.
	Retrieved bool
}

// ExplainedWord is a word of the question: a name, or a focus word with
// its weight (idf) and the synonyms' terms that hold it for half.
type ExplainedWord struct {
	Word     string // as written, lower case; a run's bigram for ideographs
	Weight   float64
	Name     bool
	Synonyms []string
}

// ExplainedSentence is a candidate sentence and its fit.
type ExplainedSentence struct {
	Text string
	// Share is the part of the focus it holds (see covers); Passes
	// whether it passes the rule at the pipeline's share and the guards.
	Share  float64
	Passes bool
	// Refused is true when a rule that does not weigh the focus (the
	// kind of answer, what is counted, the deed, the things named)
	// refused it.
	Refused bool
	// Guard names the rule that refused it: "kind", "counted", "deed",
	// "things named", "negation", "numbers", "antonym", "entity swap", "default", "unknown name",
	// "bare row"; "" when none did. Share is then the share the focus
	// rule measures all the same, and Unguarded whether it would pass.
	Guard     string
	Unguarded bool
	// WithNeighbours is whether, not passing, it and the sentences
	// either side together would hold enough of the focus.
	WithNeighbours bool
}

// Explain runs extractive ask's retrieval and sentence tests on q as Ask
// does and says what they weighed; want picks the sentences to report.
func (p *Pipeline) Explain(ctx context.Context, q Question, want func(sentence string) bool) (Explanation, error) {
	text, err := p.checkQuestion(q.Text)
	if err != nil {
		return Explanation{}, fmt.Errorf("explain: %w", err)
	}
	st := p.state.Load().asking()
	qlang := searchLang(text, replyLanguage(text, q.History, q.Lang))
	asked := st.withoutFraming(text)
	cands, queries, _, err := p.retrieve(ctx, st, asked, q.History, qlang)
	if err != nil {
		return Explanation{}, fmt.Errorf("explain: %w", err)
	}
	query := queries[len(queries)-1]
	f, check := st.fitCheck(asked, query)
	var e Explanation
	for i, terms := range f.every {
		w := f.everyWord[i]
		if w == "" {
			w = strings.Join(terms, " ")
		}
		e.Words = append(e.Words, ExplainedWord{Word: w, Weight: f.everyWeights[i], Name: f.everyName[i], Synonyms: f.everyAlts[i]})
	}
	rel := p.admitted(st, cands)
	if len(rel) == 0 {
		return e, nil
	}
	e.Candidates = true
	share := p.cfg.FocusCoverage
	blocks := p.pack(st, rel, p.cfg.ContextTokens, p.cfg.K)
	blocks = p.widen(st, queries, cands, blocks, query, qlang, st.answers(asked, query, wideShare))
	for _, b := range blocks {
		e.Retrieved = e.Retrieved || want(b.text)
	}
	// Every candidate sentence, ranked; none kept.
	st.rankSentences(f, blocks, query, len(blocks), len(blocks), func(s string, terms []string, a around) (bool, int) {
		c, guard := check(s, terms, a)
		ok := guard == ""
		if ok {
			e.Best = max(e.Best, c.share())
		}
		if want(s) {
			x := ExplainedSentence{Text: s, Share: c.share(), Passes: ok && c.passes(share), Refused: !ok, Guard: guard}
			if !ok {
				// What the focus rule would say were the guard not
				// there: whether the guard alone refused it.
				u := f.coverage(st.freeTerms(asked, s, terms), a)
				x.Share, x.Unguarded = u.share(), u.passes(share)
			}
			if !x.Passes {
				// Whether the answer spans it and a sentence beside it.
				x.WithNeighbours = f.coverage(slices.Concat(st.freeTerms(asked, s, terms), a.near), a).passes(share)
			}
			e.Sentences = append(e.Sentences, x)
		}
		return false, 0
	})
	return e, nil
}

// ConsideredSentence is a candidate sentence extractive ask weighed, as
// Consider reports it.
type ConsideredSentence struct {
	// Text is the sentence as an answer shows it (a table's row with its
	// header); Quote the part of the passage it quotes (with what a
	// lead-in introduces, or the sentence giving the reason after it).
	Text, Quote string
	// Score is the question's words it holds, weighed by idf (the rank);
	// Share the part of the focus it holds; Passes whether the focus
	// rule at the pipeline's share and the guards keep it; Guard the
	// guard that refused it, "" for none.
	Score  float64
	Share  float64
	Passes bool
	Guard  string
}

// Consider runs extractive ask's retrieval on q as Ask does and returns
// up to n of the candidate sentences it weighs, best ranked first, each
// with its fit, whether the rules keep it or not: what a judge of
// sentences (a sentence encoder, bench/encodeval) would be given. Nil
// when no passage passes retrieval's floor. The bot never needs it.
func (p *Pipeline) Consider(ctx context.Context, q Question, n int) ([]ConsideredSentence, error) {
	text, err := p.checkQuestion(q.Text)
	if err != nil {
		return nil, fmt.Errorf("consider: %w", err)
	}
	st := p.state.Load().asking()
	qlang := searchLang(text, replyLanguage(text, q.History, q.Lang))
	asked := st.withoutFraming(text)
	cands, queries, _, err := p.retrieve(ctx, st, asked, q.History, qlang)
	if err != nil {
		return nil, fmt.Errorf("consider: %w", err)
	}
	rel := p.admitted(st, cands)
	if len(rel) == 0 {
		return nil, nil
	}
	query := queries[len(queries)-1]
	f, check := st.fitCheck(asked, query)
	share := p.cfg.FocusCoverage
	blocks := p.pack(st, rel, p.cfg.ContextTokens, p.cfg.K)
	blocks = p.widen(st, queries, cands, blocks, query, qlang, st.answers(asked, query, wideShare))
	fits := map[string]ConsideredSentence{}
	picks := st.rankSentences(f, blocks, query, n, n, func(s string, terms []string, a around) (bool, int) {
		c, guard := check(s, terms, a)
		fits[s] = ConsideredSentence{Share: c.share(), Passes: guard == "" && c.passes(share), Guard: guard}
		return true, st.opensWith(s, f)
	})
	out := make([]ConsideredSentence, 0, len(picks))
	for _, pk := range picks {
		c := fits[pk.sent]
		c.Text, c.Quote, c.Score = pk.head, pk.text, pk.score
		out = append(out, c)
	}
	return out, nil
}
