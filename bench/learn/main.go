// Command learn fits extractive ask's learned answer/abstain decision
// (issue 10): a logistic model over the signals the pipeline weighs
// (answer.SignalNames), from rows that bench/abstain -signals and
// bench -floor -extractive -signals write for the TUNING halves.
//
//	cd bench
//	go run ./abstain -set ../testdata/abstain/helm-docs.jsonl -corpus DIR -half tune -signals ROWS/helm-docs.jsonl
//	go run ./abstain -squad /tmp/squad2/squad2-dev.en.json -half tune -signals ROWS/squad.jsonl
//	go run . -qa DIR -langs en,ar,zh -floor -extractive -half tune -runs 1 -systems corpusbot -signals ROWS/xquad.jsonl
//	go run ./learn ROWS/*.jsonl            # leave-one-set-out figures
//	go run ./learn -write ROWS/*.jsonl     # and writes ../answer/learned_model.go
//
// Two decisions are compared. "rescue": the focus rule's answers stand,
// and the model may answer with the looser test's sentences when the rule
// keeps none. "final": the model decides every question with sentences,
// the rule's answer being one of its signals. A question is a positive
// when the corpus answers it and the sentences shown hold the answer.
//
// Every score is out of fold, leave-one-set-out: the model that scores a
// set's rows was fitted without that set. The L2 penalty and threshold
// are those that answer most in-corpus questions more (less the
// out-of-corpus questions answered more) with every set abstaining on at
// least -floor of its out-of-corpus questions (or as many as the rule
// alone, when the rule abstains on fewer) and, on the sets of more than
// -big questions (SQuAD, XQuAD), losing no more abstentions than they
// gain answers. The model written is fitted on every row, at that
// threshold.
//
// Never give it rows of a test half, of the embedded set or of the
// cert-manager set: they are for reporting only.
package main

import (
	"bytes"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"corpusbot/answer"
	"corpusbot/bench/signals"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "learn:", err)
		os.Exit(1)
	}
}

// forbidden are sets never to be learned from.
var forbidden = []string{"embedded", "certmanager"}

func run(args []string, w io.Writer) error {
	fs := flag.NewFlagSet("learn", flag.ContinueOnError)
	write := fs.String("write", "", "write the chosen model as Go to this file (e.g. ../answer/learned_model.go)")
	mode := fs.String("mode", "", "rescue or final (default: whichever gains more out of fold)")
	floor := fs.Float64("floor", 0.9, "the out-of-corpus abstention every set must keep")
	big := fs.Int("big", 300, "sets with more questions than this may lose no more abstentions than they gain answers")
	lambdas := fs.String("lambdas", "0.0001,0.001,0.01,0.1,1", "L2 penalties to try")
	drop := fs.String("drop", "", "comma-separated signals not to use")
	force := fs.Float64("threshold", math.NaN(), "use this rescue threshold instead of choosing one (to see what it does)")
	forward := fs.Bool("forward", false, "choose the signals one at a time, each the one that gains most out of fold (slow)")
	eval := fs.String("eval", "", "comma-separated rows files (test halves, the embedded and cert-manager sets) to report the fitted model on; never used to fit or choose")
	english := fs.Bool("english", true, "let the model decide English questions too (false: English questions keep the rule's decision)")
	net := fs.Bool("net", false, "choose the thresholds (and signals, with -forward) by in-corpus answers gained less out-of-corpus answers, not answers gained alone")
	seen := fs.Bool("seen", false, "a question in a language none of the fitting rows is in keeps the rule's decision (leave-one-set-out too); the model lists its languages")
	list := fs.Int("list", 0, "list the rows the chosen model decides with the highest out-of-fold scores")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("give the rows files of the tuning halves (bench/abstain -signals, bench -floor -extractive -signals)")
	}
	var rows []signals.Row
	var paths []string
	for _, path := range fs.Args() {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		rs, err := signals.Read(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		for _, r := range rs {
			for _, bad := range forbidden {
				if strings.Contains(r.Set, bad) {
					return fmt.Errorf("%s: set %q is for reporting only, never for learning", path, r.Set)
				}
			}
		}
		rows = append(rows, rs...)
		paths = append(paths, filepath.Base(path))
	}
	names := answer.SignalNames()
	var ls []float64
	for _, s := range strings.Split(*lambdas, ",") {
		var l float64
		if _, err := fmt.Sscan(s, &l); err != nil {
			return fmt.Errorf("-lambdas: %w", err)
		}
		ls = append(ls, l)
	}
	var use []int
	for i, n := range names {
		if !slices.Contains(strings.Split(*drop, ","), n) {
			use = append(use, i)
		}
	}
	d, err := newData(rows, len(names), *floor, *big)
	if err != nil {
		return err
	}
	d.net = *net
	d.english = *english
	d.seen = *seen
	d.langEn = slices.Index(names, "lang_en")
	if *forward {
		use = d.forward(w, *mode, use, names, ls)
	}
	fmt.Fprintf(w, "%d rows in %d sets; signals %s\n\n", len(rows), len(d.sets), strings.Join(namesOf(names, use), ","))

	type choice struct {
		mode   string
		lambda float64
		op     operating
	}
	var best *choice
	modes := []string{"rescue", "final", "both"}
	if *mode != "" {
		if !slices.Contains(modes, *mode) {
			return fmt.Errorf("-mode %q: want rescue, final or both", *mode)
		}
		modes = []string{*mode}
	}
	for _, m := range modes {
		for _, l := range ls {
			oof := d.leaveOneSetOut(m, use, l)
			op := d.operate(m, oof)
			if !math.IsNaN(*force) {
				op = d.at(m, oof, operating{threshold: *force, veto: math.Inf(-1), ok: true})
			}
			fmt.Fprintf(w, "%-6s L2 %-6g out of fold: in-corpus answered %+d, out-of-corpus answered %+d, threshold %.4f, veto %.4f\n", m, l, op.gain, op.lost, op.threshold, op.veto)
			if best == nil || d.better(op, best.op) {
				best = &choice{m, l, op}
			}
		}
	}
	fmt.Fprintf(w, "\nchosen: %s, L2 %g, threshold %.4f, veto %.4f (leave-one-set-out)\n\n", best.mode, best.lambda, best.op.threshold, best.op.veto)
	oof := d.leaveOneSetOut(best.mode, use, best.lambda)
	d.report(w, best.mode, oof, best.op)
	fmt.Fprintln(w, "\nout of fold, how the scores rank each set's rows: the chance a positive scores above an out-of-corpus question (AUC), on the rows the rule abstains on, and on those it answers")
	for _, s := range d.sets {
		fmt.Fprintf(w, "%-16s %s  %s\n", s, d.auc(oof, s, false), d.auc(oof, s, true))
	}
	if *list > 0 {
		var order []int
		for i, s := range oof {
			if !math.IsNaN(s) {
				order = append(order, i)
			}
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(oof[b], oof[a]) })
		for _, i := range order[:min(*list, len(order))] {
			r := d.rows[i]
			fmt.Fprintf(w, "%8.3f %-16s rule=%-5v in=%-5v shown=%-5v %s\n", oof[i], r.Set, r.Rule, r.In, label(r), r.ID)
		}
	}
	if best.op.gain <= 0 || math.IsInf(best.op.threshold, 1) && math.IsInf(best.op.veto, -1) {
		fmt.Fprintln(w, "\nno decision gains out of fold: nothing to write")
		return nil
	}
	m := d.fit(best.mode, use, best.lambda, "")
	all := d.scores(best.mode, m)
	langs := d.langs(best.mode, "")
	d.unseen(all, langs, func(signals.Row) bool { return true })
	// Fitted on every row, the model keeps the threshold chosen out of
	// fold, raised until every set is allowed on its own rows too.
	if in := d.at(best.mode, all, best.op); !in.ok {
		fmt.Fprintf(w, "\nfitted on every row, in sample at threshold %.4f (not allowed on some set):\n", best.op.threshold)
		d.report(w, best.mode, all, best.op)
		for _, t := range d.cuts(all, func(signals.Row) bool { return true }, 1<<30, math.Inf(1)) {
			if t > best.op.threshold {
				if op := d.at(best.mode, all, operating{threshold: t, veto: best.op.veto, ok: true}); op.ok {
					best.op.threshold = t
					break
				}
			}
		}
	}
	fmt.Fprintf(w, "\nfitted on every row, in sample at threshold %.4f, veto %.4f:\n", best.op.threshold, best.op.veto)
	d.report(w, best.mode, all, best.op)
	if *eval != "" {
		if err := evaluate(w, *eval, best.mode, m, best.op, d, langs); err != nil {
			return err
		}
	}
	m.rescue.Bias -= best.op.threshold
	m.veto.Bias -= best.op.veto
	if !d.seen {
		langs = nil
	}
	src, err := goModel(m, names, best.mode, best.lambda, *english, langs, flagsOf(fs), paths)
	if err != nil {
		return err
	}
	if *write == "" {
		fmt.Fprintf(w, "\n%s", src)
		return nil
	}
	if best.mode != "rescue" {
		// answer's Ask reads the rescue decision only.
		return fmt.Errorf("-write: mode %s chosen; answer reads a rescue model only (give -mode rescue)", best.mode)
	}
	return os.WriteFile(*write, src, 0o644)
}

// evaluate reports the model fitted on the tuning rows, at the
// thresholds chosen there, on the rows of paths.
func evaluate(w io.Writer, paths, mode string, m pair, op operating, tuned *data, langs []string) error {
	for _, path := range strings.Split(paths, ",") {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		rows, err := signals.Read(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		d, err := newData(rows, tuned.n, 0, 0)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		d.english, d.langEn, d.seen = tuned.english, tuned.langEn, tuned.seen
		fmt.Fprintf(w, "\nreported only, %s:\n", filepath.Base(path))
		sc := d.scores(mode, m)
		d.unseen(sc, langs, func(signals.Row) bool { return true })
		d.report(w, mode, sc, op)
	}
	return nil
}

// data is the rows by set, with what the rule alone does.
type data struct {
	rows  []signals.Row
	n     int
	sets  []string
	base  map[string]*counts
	floor float64
	big   int
	net   bool // choose by answers gained less abstentions lost
	// english false: the model never decides English questions (the
	// lang_en signal), which keep the rule's decision.
	english bool
	langEn  int
	// seen: a question whose language no fitting row has keeps the rule's
	// decision (the model cannot have learned what its scores mean there).
	seen bool
}

type counts = signals.Counts

func newData(rows []signals.Row, n int, floor float64, big int) (*data, error) {
	d := &data{rows: rows, n: n, base: map[string]*counts{}, floor: floor, big: big}
	for _, r := range rows {
		if r.Loose && len(r.Signals) != n {
			return nil, fmt.Errorf("%s %s: %d signals, want %d (rows of an older answer.SignalNames: dump them again)", r.Set, r.ID, len(r.Signals), n)
		}
		b := d.base[r.Set]
		if b == nil {
			b = &counts{}
			d.base[r.Set] = b
			d.sets = append(d.sets, r.Set)
		}
		b.Add(r)
	}
	slices.Sort(d.sets)
	return d, nil
}

// decides says whether a mode's model decides row r: "rescue" the rows
// the rule abstains on, "final" and "both" every row with sentences
// ("both" with a second model, the veto, for the rows the rule answers).
func (d *data) decides(mode string, r signals.Row) bool {
	if !r.Loose || r.Signals == nil {
		return false
	}
	if !d.english && r.Signals[d.langEn] == 1 {
		return false
	}
	return mode != "rescue" || !r.Rule
}

// label is what answering row r is worth: true when the sentences shown
// hold the answer of an in-corpus question.
func label(r signals.Row) bool {
	if r.Rule {
		return r.In && r.RuleOK
	}
	return r.In && r.LooseOK
}

// pair is a mode's models: rescue scores every row it decides, except
// in "both", where veto scores the rows the rule answers.
type pair struct{ rescue, veto signals.Model }

func (p pair) score(mode string, r signals.Row) float64 {
	if mode == "both" && r.Rule {
		return p.veto.Score(r.Signals)
	}
	return p.rescue.Score(r.Signals)
}

// fit fits mode's models on the rows it decides, leaving out set skip.
func (d *data) fit(mode string, use []int, lambda float64, skip string) pair {
	fitOf := func(keep func(signals.Row) bool) signals.Model {
		var xs [][]float64
		var ys []bool
		for _, r := range d.rows {
			if r.Set != skip && d.decides(mode, r) && keep(r) {
				xs = append(xs, r.Signals)
				ys = append(ys, label(r))
			}
		}
		return signals.Fit(xs, ys, use, lambda)
	}
	if mode != "both" {
		return pair{rescue: fitOf(func(signals.Row) bool { return true })}
	}
	return pair{
		rescue: fitOf(func(r signals.Row) bool { return !r.Rule }),
		veto:   fitOf(func(r signals.Row) bool { return r.Rule }),
	}
}

// scores scores every row the mode decides; NaN for the others.
func (d *data) scores(mode string, m pair) []float64 {
	out := make([]float64, len(d.rows))
	for i, r := range d.rows {
		out[i] = math.NaN()
		if d.decides(mode, r) {
			out[i] = m.score(mode, r)
		}
	}
	return out
}

// leaveOneSetOut scores each set's rows with the models fitted on the
// other sets.
func (d *data) leaveOneSetOut(mode string, use []int, lambda float64) []float64 {
	out := make([]float64, len(d.rows))
	for _, s := range d.sets {
		sc := d.scores(mode, d.fit(mode, use, lambda, s))
		d.unseen(sc, d.langs(mode, s), func(r signals.Row) bool { return r.Set == s })
		for i, r := range d.rows {
			if r.Set == s {
				out[i] = sc[i]
			}
		}
	}
	return out
}

// langs are the languages of the rows mode's model is fitted on without
// set skip, sorted.
func (d *data) langs(mode, skip string) []string {
	var out []string
	for _, r := range d.rows {
		if r.Set != skip && d.decides(mode, r) && !slices.Contains(out, r.Lang) {
			out = append(out, r.Lang)
		}
	}
	slices.Sort(out)
	return out
}

// unseen, with d.seen, takes the scores of the rows of which (in
// languages not among langs) away: they keep the rule's decision.
func (d *data) unseen(scores []float64, langs []string, which func(signals.Row) bool) {
	if !d.seen {
		return
	}
	for i, r := range d.rows {
		if which(r) && !slices.Contains(langs, r.Lang) {
			scores[i] = math.NaN()
		}
	}
}

// outcome is a set's figures under a decision.
type outcome struct{ inAnswered, outAbstained int }

// outcomes are each set's figures with the model answering at scores >=
// op's threshold (its veto threshold for the rule's rows in "both").
func (d *data) outcomes(mode string, scores []float64, op operating) map[string]outcome {
	o := map[string]outcome{}
	for _, s := range d.sets {
		o[s] = outcome{}
	}
	for i, r := range d.rows {
		answers := r.Rule
		shown := r.RuleOK
		if d.decides(mode, r) {
			t := op.threshold
			if mode == "both" && r.Rule {
				t = op.veto
			}
			answers = scores[i] >= t
			shown = label(r)
		}
		x := o[r.Set]
		if r.In && answers && shown {
			x.inAnswered++
		}
		if !r.In && !answers {
			x.outAbstained++
		}
		o[r.Set] = x
	}
	return o
}

// operating is a decision's thresholds and what it does against the
// rule alone.
type operating struct {
	threshold, veto float64
	gain, lost      int // in-corpus answered more; out-of-corpus answered more
	ok              bool
}

// better: more in-corpus answers, then fewer out-of-corpus ones; with
// net, more in-corpus answers less out-of-corpus ones, then more answers.
func (d *data) better(o, than operating) bool {
	if o.ok != than.ok {
		return o.ok
	}
	if d.net && o.gain-o.lost != than.gain-than.lost {
		return o.gain-o.lost > than.gain-than.lost
	}
	return o.gain > than.gain || o.gain == than.gain && o.lost < than.lost
}

// allowed says whether a set's outcome keeps the abstention asked: a
// small set abstains on at least floor of its out-of-corpus questions (as
// many as the rule alone when the rule abstains on fewer); a big one
// loses no more abstentions than it gains answers, and keeps floor when
// the rule does.
func (d *data) allowed(s string, o outcome) bool {
	b := d.base[s]
	need := math.Ceil(d.floor*float64(b.Out) - 1e-9)
	if b.In+b.Out <= d.big {
		return float64(o.outAbstained) >= min(float64(b.OutAbstained), need)
	}
	if b.OutAbstained-o.outAbstained > o.inAnswered-b.InAnswered {
		return false
	}
	return float64(b.OutAbstained) < need || float64(o.outAbstained) >= need
}

// cuts are up to n thresholds among the scores of the rows keep accepts,
// with beyond at the end.
func (d *data) cuts(scores []float64, keep func(signals.Row) bool, n int, beyond float64) []float64 {
	var cs []float64
	for i, s := range scores {
		if !math.IsNaN(s) && keep(d.rows[i]) {
			cs = append(cs, s)
		}
	}
	slices.Sort(cs)
	cs = slices.Compact(cs)
	if len(cs) > n {
		q := make([]float64, 0, n)
		for k := range n {
			q = append(q, cs[k*len(cs)/n])
		}
		cs = q
	}
	return append(cs, beyond)
}

// forward chooses signals among from one at a time, each the one whose
// model gains most out of fold at any of the penalties ls, while one
// gains.
func (d *data) forward(w io.Writer, mode string, from []int, names []string, ls []float64) []int {
	if mode == "" {
		mode = "rescue"
	}
	var use []int
	best := operating{}
	for {
		add := -1
		for _, i := range from {
			if slices.Contains(use, i) {
				continue
			}
			try := append(slices.Clone(use), i)
			for _, l := range ls {
				if op := d.operate(mode, d.leaveOneSetOut(mode, try, l)); op.ok && d.better(op, best) {
					add, best = i, op
				}
			}
		}
		if add < 0 {
			return use
		}
		use = append(use, add)
		fmt.Fprintf(w, "+ %s: in-corpus answered %+d, out-of-corpus %+d out of fold\n", names[add], best.gain, best.lost)
	}
}

// at is op with its figures.
func (d *data) at(mode string, scores []float64, op operating) operating {
	o := d.outcomes(mode, scores, op)
	for _, s := range d.sets {
		op.ok = op.ok && d.allowed(s, o[s])
		b := d.base[s]
		op.gain += o[s].inAnswered - b.InAnswered
		op.lost += b.OutAbstained - o[s].outAbstained
	}
	return op
}

// operate chooses the thresholds that gain most with every set allowed.
func (d *data) operate(mode string, scores []float64) operating {
	all := func(signals.Row) bool { return true }
	rescue := d.cuts(scores, func(r signals.Row) bool { return mode != "both" || !r.Rule }, 2000, math.Inf(1))
	vetos := []float64{math.Inf(-1)}
	if mode == "both" {
		rescue = d.cuts(scores, func(r signals.Row) bool { return !r.Rule }, 200, math.Inf(1))
		vetos = append(vetos, d.cuts(scores, func(r signals.Row) bool { return r.Rule }, 200, math.Inf(-1))...)
	}
	_ = all
	best := operating{threshold: math.Inf(1), veto: math.Inf(-1)}
	for _, tv := range vetos {
		for _, t := range rescue {
			op := d.at(mode, scores, operating{threshold: t, veto: tv, ok: true})
			if op.ok && d.better(op, best) {
				best = op
			}
		}
	}
	return best
}

// auc is the chance that a positive row of set s (rule answering or not,
// as rule) scores above an out-of-corpus one, with the counts.
func (d *data) auc(scores []float64, s string, rule bool) string {
	var pos, neg []float64
	for i, r := range d.rows {
		if r.Set != s || r.Rule != rule || math.IsNaN(scores[i]) {
			continue
		}
		switch {
		case label(r):
			pos = append(pos, scores[i])
		case !r.In:
			neg = append(neg, scores[i])
		}
	}
	if len(pos) == 0 || len(neg) == 0 {
		return fmt.Sprintf("%3d+ %4d-   -  ", len(pos), len(neg))
	}
	above := 0.0
	for _, p := range pos {
		for _, n := range neg {
			switch {
			case p > n:
				above++
			case p == n:
				above += 0.5
			}
		}
	}
	return fmt.Sprintf("%3d+ %4d- %.3f", len(pos), len(neg), above/float64(len(pos)*len(neg)))
}

// report prints each set's figures with the model at threshold t.
func (d *data) report(w io.Writer, mode string, scores []float64, op operating) {
	o := d.outcomes(mode, scores, op)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "set\tout abstained, rule\twith the model\tin answered, rule\twith the model\t")
	var tb counts
	var to outcome
	for _, s := range d.sets {
		b := d.base[s]
		fmt.Fprintf(tw, "%s\t%d/%d\t%d/%d\t%d/%d\t%d/%d\t\n", s, b.OutAbstained, b.Out, o[s].outAbstained, b.Out, b.InAnswered, b.In, o[s].inAnswered, b.In)
		tb.In += b.In
		tb.Out += b.Out
		tb.InAnswered += b.InAnswered
		tb.OutAbstained += b.OutAbstained
		to.inAnswered += o[s].inAnswered
		to.outAbstained += o[s].outAbstained
	}
	fmt.Fprintf(tw, "all\t%d/%d\t%d/%d\t%d/%d\t%d/%d\t\n", tb.OutAbstained, tb.Out, to.outAbstained, tb.Out, tb.InAnswered, tb.In, to.inAnswered, tb.In)
	tw.Flush()
}

func namesOf(names []string, use []int) []string {
	var out []string
	for _, i := range use {
		out = append(out, names[i])
	}
	return out
}

// goModel is the Go file holding the models, thresholds folded into the
// biases, a weight for every signal.
func goModel(m pair, names []string, mode string, lambda float64, english bool, langs []string, flags string, paths []string) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by \"go run ./learn %s ROWS/*.jsonl\" in bench/; DO NOT EDIT.\n", flags)
	fmt.Fprintf(&b, "// Rows: %s (tuning halves; see bench/learn).\n", strings.Join(paths, " "))
	fmt.Fprintf(&b, "// Mode %s, L2 %g; thresholds chosen leave-one-set-out, folded into the biases.\n\n", mode, lambda)
	fmt.Fprintf(&b, "package answer\n\n")
	model := func(name string, lm signals.Model) {
		weights := make([]float64, len(names))
		for k, i := range lm.Use {
			weights[i] = lm.Weights[k]
		}
		fmt.Fprintf(&b, "// %s is the learned decision (see decision.go).\n", name)
		fmt.Fprintf(&b, "var %s = logistic{\n\tenglish: %v,\n", name, english)
		if langs != nil {
			fmt.Fprintf(&b, "\tlangs: %#v,\n", langs)
		}
		fmt.Fprintf(&b, "\tbias: %s,\n\tweights: []float64{\n", num(lm.Bias))
		for i, n := range names {
			fmt.Fprintf(&b, "\t\t%s, // %s\n", num(weights[i]), n)
		}
		fmt.Fprintf(&b, "\t},\n}\n")
	}
	model("decisionModel", m.rescue)
	return format.Source(b.Bytes())
}

// flagsOf is the command line's flags that make the model, as given,
// for the generated file's header.
func flagsOf(fs *flag.FlagSet) string {
	var out []string
	fs.Visit(func(f *flag.Flag) {
		if f.Name != "eval" && f.Name != "list" { // they change no model
			out = append(out, "-"+f.Name+"="+f.Value.String())
		}
	})
	return strings.Join(out, " ")
}

// num prints a weight to six significant digits, the same on every run.
func num(x float64) string {
	if x == 0 {
		return "0"
	}
	return fmt.Sprintf("%.6g", x)
}
