// Command decide fits extractive ask's learned decision (answer's
// decisionModel): a logistic model over the signals the pipeline weighs
// (answer.SignalNames), read from rows that bench/abstain -signals and
// bench -floor -extractive -signals write for the tuning halves.
//
//	go run ./decide ROWS.jsonl ...
//
// The model decides the questions the focus rule abstains on but a
// looser test finds sentences for: answer with those sentences, or
// abstain. A question is a positive when the corpus answers it and the
// loose sentences hold the answer; a negative when the corpus does not
// answer it (or the sentences miss the answer). Features and the L2
// penalty are chosen by cross-validation inside the rows given; the
// operating point is the lowest threshold at which no set answers more
// out-of-corpus questions than the rule alone allows (-allow), scored on
// out-of-fold predictions. It prints the chosen model as the Go table
// answer/decision.go holds, and the figures per set.
package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"corpusbot/answer"
	"corpusbot/bench/signals"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "decide:", err)
		os.Exit(1)
	}
}

func run(args []string, w io.Writer) error {
	fs := flag.NewFlagSet("decide", flag.ContinueOnError)
	folds := fs.Int("folds", 5, "cross-validation folds")
	allow := fs.Int("allow", 0, "out-of-corpus questions a set may answer beyond the rule's")
	feats := fs.String("features", "", "comma-separated signals to use (default: chosen by forward selection)")
	list := fs.Int("list", 0, "list the rescue cases with the highest out-of-fold scores")
	veto := fs.String("veto", "", "signals of a second model that may veto the rule's answers (none when empty)")
	lambdas := fs.String("lambdas", "0.001,0.01,0.1,1", "L2 penalties to try")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("give the rows files (bench/abstain -signals, bench -floor -extractive -signals)")
	}
	var rows []signals.Row
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
		rows = append(rows, rs...)
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
	d := newData(rows, len(names), *folds)
	fmt.Fprintf(w, "%d rows; %d the rule abstains on with loose sentences: %d in-corpus holding the answer, %d out-of-corpus, %d in-corpus without it\n\n",
		len(rows), len(d.cases), d.count(func(c kase) bool { return c.y }), d.count(func(c kase) bool { return !c.in }), d.count(func(c kase) bool { return c.in && !c.y }))

	var use []int
	if *feats != "" {
		for _, f := range strings.Split(*feats, ",") {
			i := slices.Index(names, strings.TrimSpace(f))
			if i < 0 {
				return fmt.Errorf("-features: no signal %q (have %s)", f, strings.Join(names, ", "))
			}
			use = append(use, i)
		}
	} else {
		use = d.forward(names, ls, *allow, w)
	}
	best, bestL := -1, ls[0]
	for _, l := range ls {
		if g, _ := d.cv(use, l, *allow); g > best {
			best, bestL = g, l
		}
	}
	_, t := d.cv(use, bestL, *allow)
	m := fit(d.cases, use, bestL, nil)
	fmt.Fprintf(w, "\nfeatures %s, L2 %g: %d in-corpus answered more out of fold, threshold %.3f\n\n", namesOf(names, use), bestL, best, t)
	// Out-of-fold figures per set at the threshold chosen on them.
	oof := d.outOfFold(d.cases, use, bestL)
	d.report(w, oof, t, nil, 0)
	if *list > 0 {
		order := make([]int, len(oof))
		for i := range order {
			order[i] = i
		}
		slices.SortFunc(order, func(a, b int) int { return cmp.Compare(oof[b], oof[a]) })
		for _, i := range order[:min(*list, len(order))] {
			c := d.cases[i]
			fmt.Fprintf(w, "%7.3f %-16s in=%-5v answer=%-5v %s\n", oof[i], c.set, c.in, c.y, c.id)
		}
	}
	all := make([]float64, len(d.cases))
	for i, c := range d.cases {
		all[i] = m.score(c.x)
	}
	// The model fitted on every row keeps the threshold chosen out of
	// fold, raised if it would then answer an out-of-corpus question
	// more on its own rows than the allowance.
	if _, in := d.operate(all, *allow); in > t {
		t = in
	}
	fmt.Fprintf(w, "\nfitted on every row, in-sample at threshold %.3f:\n", t)
	d.report(w, all, t, nil, 0)
	fmt.Fprintln(w, "\nthe table (threshold folded into the bias; raw signals):")
	m.bias -= t
	printModel(w, m, names)
	if *veto == "" {
		return nil
	}
	var vuse []int
	for _, f := range strings.Split(*veto, ",") {
		i := slices.Index(names, strings.TrimSpace(f))
		if i < 0 {
			return fmt.Errorf("-veto: no signal %q", f)
		}
		vuse = append(vuse, i)
	}
	bestJ, jl := -1, 0.0
	var jr, jv float64
	var vs []float64
	for _, l := range ls {
		v := d.outOfFold(d.vetos, vuse, l)
		if g, r, tv := d.joint(oof, v, *allow); g > bestJ {
			bestJ, jl, jr, jv, vs = g, l, r, tv, v
		}
	}
	fmt.Fprintf(w, "\nwith a veto on the rule's answers (%s, L2 %g): %d in-corpus answered more out of fold, thresholds rescue %.3f veto %.3f\n\n", namesOf(names, vuse), jl, bestJ, jr, jv)
	d.report(w, oof, jr, vs, jv)
	vm := fit(d.vetos, vuse, jl, nil)
	vm.bias -= jv
	printModel(w, vm, names)
	return nil
}

// kase is a question the rule abstains on and the looser test finds
// sentences for: the model's to decide.
type kase struct {
	set   string
	id    string
	in, y bool // in-corpus; answering it shows the answer
	x     []float64
	fold  int
}

type data struct {
	cases []kase
	vetos []kase // questions the rule answers: y when its answer holds the answer
	base  map[string]*setCounts
	sets  []string
	folds int
}

type setCounts = signals.Counts

func newData(rows []signals.Row, n, folds int) *data {
	d := &data{base: map[string]*setCounts{}, folds: folds}
	for _, r := range rows {
		b := d.base[r.Set]
		if b == nil {
			b = &setCounts{}
			d.base[r.Set] = b
			d.sets = append(d.sets, r.Set)
		}
		b.Add(r)
		if !r.Loose || len(r.Signals) != n {
			continue
		}
		h := fnv.New32a()
		h.Write([]byte(r.Set + "/" + r.ID))
		fold := int(h.Sum32()>>4) % folds
		if r.Rule {
			d.vetos = append(d.vetos, kase{set: r.Set, in: r.In, y: r.In && r.RuleOK, x: r.Signals, fold: fold})
			continue
		}
		d.cases = append(d.cases, kase{set: r.Set, id: r.ID, in: r.In, y: r.In && r.LooseOK, x: r.Signals, fold: fold})
	}
	slices.Sort(d.sets)
	return d
}

func (d *data) count(f func(kase) bool) int {
	n := 0
	for _, c := range d.cases {
		if f(c) {
			n++
		}
	}
	return n
}

// model is a logistic model on raw signals.
type model struct {
	use     []int
	bias    float64
	weights []float64
}

func (m model) score(x []float64) float64 {
	z := m.bias
	for k, i := range m.use {
		z += m.weights[k] * x[i]
	}
	return z
}

// fit fits a logistic model with an L2 penalty (signals.Fit) to the
// cases keep accepts (all when nil).
func fit(all []kase, use []int, lambda float64, keep func(kase) bool) model {
	var xs [][]float64
	var ys []bool
	for _, c := range all {
		if keep == nil || keep(c) {
			xs = append(xs, c.x)
			ys = append(ys, c.y)
		}
	}
	m := signals.Fit(xs, ys, use, lambda)
	return model{use: m.Use, bias: m.Bias, weights: m.Weights}
}

// outOfFold scores each case with the model fitted on the other folds.
func (d *data) outOfFold(cs []kase, use []int, lambda float64) []float64 {
	out := make([]float64, len(cs))
	for f := range d.folds {
		m := fit(cs, use, lambda, func(c kase) bool { return c.fold != f })
		for i, c := range cs {
			if c.fold == f {
				out[i] = m.score(c.x)
			}
		}
	}
	return out
}

// operate returns the lowest threshold on scores at which no set answers
// more than allow out-of-corpus questions, and the in-corpus questions
// answered with the answer at it.
func (d *data) operate(scores []float64, allow int) (gain int, threshold float64) {
	return d.operateBy(scores, func(string) int { return allow })
}

// operateBy is operate with an allowance for each set.
func (d *data) operateBy(scores []float64, allow func(set string) int) (gain int, threshold float64) {
	order := make([]int, len(scores))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(scores[b], scores[a]) })
	out := map[string]int{}
	threshold = math.Inf(1)
	g := 0
	for k, i := range order {
		c := d.cases[i]
		if !c.in {
			out[c.set]++
			if out[c.set] > allow(c.set) {
				break
			}
		}
		if c.y {
			g++
		}
		// A threshold sits between distinct scores.
		if k+1 == len(order) || scores[order[k+1]] < scores[i] {
			gain, threshold = g, scores[i]
		}
	}
	return gain, threshold
}

// cv is the in-corpus answers gained out of fold at the operating point,
// and its threshold.
func (d *data) cv(use []int, lambda float64, allow int) (int, float64) {
	return d.operate(d.outOfFold(d.cases, use, lambda), allow)
}

// forward chooses signals one at a time, each the one that gains most
// out of fold, while one gains.
func (d *data) forward(names []string, ls []float64, allow int, w io.Writer) []int {
	var use []int
	best := 0
	for {
		add, gain := -1, best
		for i := range names {
			if slices.Contains(use, i) {
				continue
			}
			try := append(slices.Clone(use), i)
			for _, l := range ls {
				if g, _ := d.cv(try, l, allow); g > gain {
					add, gain = i, g
				}
			}
		}
		if add < 0 {
			return use
		}
		use = append(use, add)
		best = gain
		fmt.Fprintf(w, "+ %s: %d in-corpus answered more out of fold\n", names[add], gain)
	}
}

// report prints each set's figures with the model at threshold t.
func (d *data) report(w io.Writer, scores []float64, t float64, vs []float64, tv float64) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "set\tout abstained, rule\twith the model\tin answered, rule\twith the model\t")
	var tot setCounts
	var gained, lost int
	for _, s := range d.sets {
		b := d.base[s]
		outLost, inGain := 0, 0
		for i, c := range d.cases {
			if c.set != s || scores[i] < t {
				continue
			}
			if !c.in {
				outLost++
			}
			if c.y {
				inGain++
			}
		}
		for i, c := range d.vetos {
			if c.set != s || vs == nil || vs[i] >= tv {
				continue
			}
			if !c.in {
				outLost--
			}
			if c.y {
				inGain--
			}
		}
		fmt.Fprintf(tw, "%s\t%d/%d\t%d/%d\t%d/%d\t%d/%d\t\n", s, b.OutAbstained, b.Out, b.OutAbstained-outLost, b.Out, b.InAnswered, b.In, b.InAnswered+inGain, b.In)
		tot.Out += b.Out
		tot.OutAbstained += b.OutAbstained
		tot.In += b.In
		tot.InAnswered += b.InAnswered
		gained += inGain
		lost += outLost
	}
	fmt.Fprintf(tw, "all\t%d/%d\t%d/%d\t%d/%d\t%d/%d\t\n", tot.OutAbstained, tot.Out, tot.OutAbstained-lost, tot.Out, tot.InAnswered, tot.In, tot.InAnswered+gained, tot.In)
	tw.Flush()
}

func namesOf(names []string, use []int) string {
	var out []string
	for _, i := range use {
		out = append(out, names[i])
	}
	return strings.Join(out, ",")
}

func printModel(w io.Writer, m model, names []string) {
	weights := make([]float64, len(names))
	for k, i := range m.use {
		weights[i] = m.weights[k]
	}
	fmt.Fprintf(w, "var decisionModel = logistic{\n\tbias: %.4f,\n\tweights: []float64{\n", m.bias)
	for i, n := range names {
		fmt.Fprintf(w, "\t\t%.4f, // %s\n", weights[i], n)
	}
	fmt.Fprintln(w, "\t},\n}")
}

// joint chooses a veto threshold on the questions the rule answers
// (vetoed below it) with the rescue threshold: a set may answer as many
// more out-of-corpus questions as its vetoes abstain on, and the gain is
// the rescued answers less the vetoed ones.
func (d *data) joint(rs, vs []float64, allow int) (gain int, tr, tv float64) {
	cuts := slices.Clone(vs)
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	step := max(1, len(cuts)/400)
	gain, tr, tv = -1, 0, math.Inf(-1)
	try := append([]float64{math.Inf(-1)}, cuts...)
	for k := 0; k < len(try); k += step {
		t := try[k]
		out, lost := map[string]int{}, 0
		for i, c := range d.vetos {
			if vs[i] < t {
				if !c.in {
					out[c.set]++
				}
				if c.y {
					lost++
				}
			}
		}
		g, r := d.operateBy(rs, func(s string) int { return allow + out[s] })
		if g-lost > gain {
			gain, tr, tv = g-lost, r, t
		}
	}
	return gain, tr, tv
}
