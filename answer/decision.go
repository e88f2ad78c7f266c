package answer

import (
	"context"
	"fmt"
	"math"
	"slices"

	"corpusbot/text"
	"corpusbot/verify"
)

// Extractive ask answers with the sentences the focus rule keeps (answers,
// DefaultFocusCoverage), or abstains. A learned decision may add a second
// step: when the rule keeps none, a looser test (looseShare of the focus)
// may still find sentences, and a small logistic model (decisionModel,
// learned_model.go), reading the signals below, says whether they answer.
// Weigh gives the signals to bench/learn, which fits the model on the
// tuning halves only, leave-one-set-out, and writes learned_model.go
// (docs/benchmarks.md, issue 10, "A learned answer/abstain decision"): it
// decides questions in the languages other than English it was fitted on;
// English ones, and those in a language it never saw, keep the rule's
// decision (see logistic.english and logistic.langs). The ninth round's
// model (bench/decide) was not kept.

// looseShare is the part of the focus a sentence must hold for the
// learned decision to weigh it, below the rule's share.
const looseShare = 0.2

// signalNames are the signals a decision reads, in the order of
// Weighing.Signals and of a model's weights.
var signalNames = []string{
	"rule",        // 1 when the focus rule keeps a sentence
	"share",       // the highest share of the focus a loose sentence holds
	"top_share",   // the share the top-ranked loose sentence holds
	"missing",     // the heaviest focus word the best sentence lacks, as a share of the focus
	"unknown",     // the share of the focus in words the corpus never uses
	"focus_words", // focus words in the question
	"names",       // names in the question
	"coverage",    // the top passage's coverage of the question
	"margin",      // its lead over the second passage's
	"passing",     // log(1 + loose sentences)
	"score_share", // the top loose sentence's score over the whole question's weight
	"kind",        // 1 when the question asks for a figure, date, version …
	"words",       // log of the question's words
	"same_doc",    // 1 when the top loose sentence is in the top passage's document
	"block_share", // the share of the focus the top loose sentence's whole block holds
	"second",      // the share the second-ranked loose sentence holds; 0 with none
	"hits",        // the share of focus words the best sentence (or its headings) holds itself
	"rule_n",      // log(1 + sentences the rule keeps)
	// What the rule's guards refused (issue 10, the learned decision):
	// sentences holding a fifth of the focus that a guard turned away,
	// log(1 + count) by guard family, and the best share among them.
	"refused_share", // the highest share of the focus a refused sentence holds
	"g_kind",        // refused: no figure, date, place … of the kind asked; no count
	"g_names",       // refused: another entity, a name the corpus never uses, things not named
	"g_polarity",    // refused: negation, numbers or an antonym differ
	"g_other",       // refused: no default said, a bare row, not the deed asked
	"lang_en",       // 1 when the question is English
	"top_words",     // log of the top loose sentence's words
	"best_rank",     // log(1 + the rank of the sentence holding most of the focus)
	"other_lang",    // 1 when the top loose sentence's language is not the question's
}

// guardFamily groups fitCheck's refusals into the features above.
var guardFamily = map[string]string{
	"kind": "g_kind", "counted": "g_kind",
	"entity swap": "g_names", "unknown name": "g_names", "things named": "g_names",
	"negation": "g_polarity", "numbers": "g_polarity", "antonym": "g_polarity",
	"default": "g_other", "bare row": "g_other", "deed": "g_other",
}

// SignalNames names the signals of Weighing.Signals, in order.
func SignalNames() []string { return append([]string(nil), signalNames...) }

// weighing is what extractive ask weighs for one question.
type weighing struct {
	blocks      []*block
	rule, loose []pick
	signals     []float64 // nil when there is nothing to weigh: no loose sentence
	lang        string    // the question's language, as the model reads it
}

// weigh runs extractive ask's choice of sentences on the blocks retrieved
// for question: the rule's picks, and the looser test's with its signals —
// only when the rule keeps nothing, unless all (for Weigh).
func (p *Pipeline) weigh(st *state, question string, queries []string, cands []candidate, blocks []*block, qlang string, all bool) weighing {
	query := queries[len(queries)-1]
	share := p.cfg.FocusCoverage
	if share <= 0 {
		return weighing{blocks: blocks, rule: st.bestSentences(blocks, query, maxExtractive, maxPerDocAnswer, nil)}
	}
	asked := st.withoutFraming(question)
	// Passages below retrieval's first K compete when a sentence of
	// theirs holds most of what is asked.
	blocks = p.widen(st, queries, cands, blocks, query, qlang, st.answers(asked, query, wideShare))
	f, check := st.fitCheck(asked, query)
	fits := func(s string, terms []string, a around) (fit, bool) {
		c, refused := check(s, terms, a)
		return c, refused == ""
	}
	w := weighing{blocks: blocks}
	kept := map[string]bool{}
	w.rule = st.rankSentences(f, blocks, query, maxExtractive, maxPerDocAnswer, func(s string, terms []string, a around) (bool, int) {
		c, ok := fits(s, terms, a)
		ok = ok && c.passes(share)
		if ok {
			kept[s] = true
		}
		return ok, st.opensWith(s, f)
	})
	w.lang = text.GuessLanguage(asked)
	if !all && (len(w.rule) > 0 || !decisionModel.decides(w.lang)) {
		return w
	}
	var best fit
	bestSent := ""
	seen := map[string]fit{}
	refused := map[string]float64{} // guard family → sentences refused
	refusedShare := 0.0
	w.loose = st.rankSentences(f, blocks, query, maxExtractive, maxPerDocAnswer, func(s string, terms []string, a around) (bool, int) {
		c, why := check(s, terms, a)
		if why != "" {
			// What the sentence would hold without the guard.
			if c := f.coverage(st.freeTerms(asked, s, terms), a); c.passes(looseShare) {
				refused[guardFamily[why]]++
				refusedShare = max(refusedShare, c.share())
			}
			return false, 0
		}
		if !c.passes(looseShare) {
			return false, 0
		}
		if len(seen) == 0 || c.share() > best.share() {
			best, bestSent = c, s
		}
		seen[s] = c
		return true, st.opensWith(s, f)
	})
	if len(w.loose) == 0 {
		return w
	}
	w.signals = st.features(featureInput{
		asked: asked, f: f, cands: cands, blocks: blocks, rule: w.rule, loose: w.loose,
		kept: len(kept), seen: seen, best: best, bestSent: bestSent, refused: refused, refusedShare: refusedShare,
	})
	return w
}

// featureInput is what weigh saw for one question, for features.
type featureInput struct {
	asked        string
	f            focus
	cands        []candidate
	blocks       []*block
	rule, loose  []pick
	kept         int            // sentences the rule keeps
	seen         map[string]fit // each loose sentence's fit
	best         fit            // the loose sentence holding most of the focus
	bestSent     string
	refused      map[string]float64 // guard family → refused sentences that hold a fifth of the focus
	refusedShare float64
}

// features is the learned decision's feature extractor: the signals of
// signalNames, in order, for a question with loose sentences. Each is
// something the rules already compute; the model weighs them.
func (st *state) features(in featureInput) []float64 {
	f, best, top, seen := in.f, in.best, in.loose[0], in.seen
	blocks, cands, asked := in.blocks, in.cands, in.asked
	var whole, unknown float64
	for i, t := range f.every {
		whole += f.everyWeights[i]
		if !f.everyName[i] && !st.knowsTerms(t) {
			unknown += f.everyWeights[i]
		}
	}
	total := 0.0
	for _, wt := range f.weights {
		total += wt
	}
	var blockTerms []string
	for _, it := range blocks[top.block].items {
		for t := range st.analysis(it).all {
			blockTerms = append(blockTerms, t)
		}
	}
	bestRank := 0
	for i, p := range in.loose {
		if p.sent == in.bestSent {
			bestRank = i
			break
		}
	}
	lang := text.GuessLanguage(asked)
	sig := map[string]float64{
		"rule":          b2f(len(in.rule) > 0),
		"share":         best.share(),
		"top_share":     seen[top.sent].share(),
		"missing":       ratioOf(best.missing, total),
		"unknown":       ratioOf(unknown, total),
		"focus_words":   float64(len(f.words)),
		"names":         float64(len(f.nameWords)),
		"passing":       math.Log1p(float64(len(seen))),
		"score_share":   ratioOf(top.score, whole),
		"kind":          b2f(kindOf(asked) != anyKind),
		"words":         math.Log(float64(max(1, text.CountWords(asked)))),
		"block_share":   f.coverage(blockTerms, around{names: setOf(blockTerms)}).share(),
		"hits":          ratioOf(float64(best.hits), float64(best.words)),
		"rule_n":        math.Log1p(float64(in.kept)),
		"refused_share": in.refusedShare,
		"lang_en":       b2f(lang == "en"),
		"top_words":     math.Log(float64(max(1, text.CountWords(top.sent)))),
		"best_rank":     math.Log1p(float64(bestRank)),
		"other_lang":    b2f(text.GuessLanguage(top.sent) != lang),
	}
	for fam, n := range in.refused {
		sig[fam] = math.Log1p(n)
	}
	if len(cands) > 0 {
		sig["coverage"] = cands[0].coverage
		sig["margin"] = cands[0].coverage
		if len(cands) > 1 {
			sig["margin"] -= cands[1].coverage
		}
		sig["same_doc"] = b2f(st.items[cands[0].item].doc == top.doc)
	}
	if len(in.loose) > 1 {
		sig["second"] = seen[in.loose[1].sent].share()
	}
	out := make([]float64, len(signalNames))
	for i, n := range signalNames {
		out[i] = sig[n]
	}
	return out
}

// picks is the decision: the rule's sentences when it keeps some, else
// the loose ones when m says they answer, else none (abstain).
func (w weighing) picks(m logistic) []pick {
	if len(w.rule) > 0 || w.signals == nil {
		return w.rule
	}
	if m.decides(w.lang) && m.answers(w.signals) {
		return w.loose
	}
	return nil
}

// logistic is a logistic model over the signals: it answers when the bias
// plus the weighed signals reach zero.
type logistic struct {
	// english: it decides English questions too. Without, they keep the
	// rule's decision: on SQuAD 2.0's English impossible questions, which
	// reuse the paragraph's words, no signal ranks the rescues above them
	// (docs/benchmarks.md, "A learned answer/abstain decision").
	english bool
	// langs, when set, are the languages of the questions it was fitted
	// on: a question in another keeps the rule's decision, since what a
	// score means in a language it never saw was not measured (react-vi's
	// Vietnamese out-of-corpus questions were answered at focus shares of
	// 0.27–0.43 before Vietnamese rows were fitted on).
	langs   []string
	bias    float64
	weights []float64 // in signalNames' order
}

// decides says whether m decides questions in language lang.
func (m logistic) decides(lang string) bool {
	return len(m.weights) > 0 && (m.english || lang != "en") && (m.langs == nil || slices.Contains(m.langs, lang))
}

func (m logistic) score(sig []float64) float64 {
	z := m.bias
	for i, w := range m.weights {
		z += w * sig[i]
	}
	return z
}

func (m logistic) answers(sig []float64) bool {
	if len(m.weights) == 0 || !m.english && sig[langEnSignal] == 1 {
		return false
	}
	return m.score(sig) >= 0
}

// langEnSignal is the index of "lang_en" in signalNames.
const langEnSignal = 23

// Weighing is what extractive ask weighs to answer a question or abstain
// (Pipeline.Weigh): the focus rule's answer, the looser test's and its
// signals. For fitting the decision (bench/decide); the bot never needs it.
type Weighing struct {
	Rule, Loose string    // the sentences each would show, one a line; "" for none
	Signals     []float64 // in SignalNames' order; nil when the looser test finds nothing
	Answered    bool      // whether Ask answers
}

// Weigh runs extractive ask on q as Ask does, without a model, and says
// what it weighed.
func (p *Pipeline) Weigh(ctx context.Context, q Question) (Weighing, error) {
	text, err := p.checkQuestion(q.Text)
	if err != nil {
		return Weighing{}, fmt.Errorf("weigh: %w", err)
	}
	st := p.state.Load().asking()
	lang := replyLanguage(text, q.History, q.Lang)
	qlang := searchLang(text, lang)
	cands, queries, _, err := p.retrieve(ctx, st, st.withoutFraming(text), q.History, qlang)
	if err != nil {
		return Weighing{}, fmt.Errorf("weigh: %w", err)
	}
	rel := p.admitted(st, cands)
	if len(rel) == 0 {
		return Weighing{}, nil
	}
	blocks := p.pack(st, rel, p.cfg.ContextTokens, p.cfg.K)
	w := p.weigh(st, text, queries, cands, blocks, qlang, true)
	show := func(ps []pick) string {
		if len(ps) == 0 {
			return ""
		}
		return verify.ParseCitations(renderPicks(ps, ""), len(w.blocks)).Text
	}
	return Weighing{Rule: show(w.rule), Loose: show(w.loose), Signals: w.signals, Answered: len(w.picks(decisionModel)) > 0}, nil
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func ratioOf(a, b float64) float64 {
	if b <= 0 {
		return 0
	}
	return a / b
}
