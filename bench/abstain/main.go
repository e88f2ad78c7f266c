// Command abstain measures extractive ask's abstention on a held-out
// question set (see corpusbot/internal/abstaineval): for each focus
// coverage share, how many out-of-corpus questions abstain, how many
// in-corpus ones are answered with the answering sentence, and of those
// how many hold it in the answer's first sentence ("first"). Choose the share
// on the tuning half; report the test half.
//
//	go run ./abstain -set ../testdata/abstain/embedded.jsonl -half tune
//	go run ./abstain -set ../testdata/abstain/prometheus-docs.jsonl -corpus DIR -half test -shares -1,0
//	go run ./abstain -set ../testdata/abstain/helm-docs.jsonl -corpus DIR -half test -shares -1,0
//	go run ./abstain -squad /tmp/squad2/squad2-dev.en.json -half test
//
// -corpus "" is the embedded corpus. A share of -1 turns the rule off (the
// untuned pipeline); 0 is the default.
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"corpusbot/answer"
	"corpusbot/bench/signals"
	"corpusbot/corpus"
	"corpusbot/internal/abstaineval"
	"corpusbot/retrieval"
	"corpusbot/text"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "abstain:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, w io.Writer) error {
	fs := flag.NewFlagSet("abstain", flag.ContinueOnError)
	set := fs.String("set", "", "question set (JSON lines)")
	dir := fs.String("corpus", "", "corpus folder; empty for the embedded corpus")
	squad := fs.String("squad", "", "a SQuAD 2.0 file instead of -set and -corpus: its paragraphs the corpus, its answerable questions in-corpus, its is_impossible ones out-of-corpus")
	half := fs.String("half", abstaineval.Tune, "tune or test")
	shares := fs.String("shares", "-1,0.25,0.34,0.5,0.67,0.75,1", "focus coverage shares to try (-1: rule off, 0: default)")
	misses := fs.Float64("misses", -2, "list the misses at this share")
	floor := fs.Float64("floor", 0, "retrieval relevance floor (0: the default)")
	explain := fs.Bool("explain", false, "explain each in-corpus miss of the tuning half at the default share (its focus words and weights, the answering sentence's share) instead of measuring")
	out := fs.String("signals", "", "write what the default pipeline weighs for each question to this file (JSON lines, for bench/decide) instead of measuring")
	dumpTo := fs.String("dump", "", "write, for each question, today's decision and the candidate sentences weighed (JSON lines, for bench/encodeval) to this file instead of measuring; tuning half only")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch {
	case *squad != "" && (*set != "" || *dir != ""):
		return errors.New("-squad is a set and its corpus: give it without -set and -corpus")
	case *set == "" && *squad == "":
		return errors.New("-set is required, or -squad")
	}
	if *half != abstaineval.Tune && *half != abstaineval.Test {
		return fmt.Errorf("-half %q: want tune or test", *half)
	}
	if *explain && *half != abstaineval.Tune {
		// Test-half misses are never read: a rule chosen by them is
		// tuned on the test half.
		return errors.New("-explain reads misses: only with -half tune")
	}
	if *dumpTo != "" && *half != abstaineval.Tune {
		// A dump lists the candidates of misses: read, it tunes.
		return errors.New("-dump lists what was weighed: only with -half tune")
	}
	qs, c, err := loadSet(ctx, *set, *dir, *squad)
	if err != nil {
		return err
	}
	qs = abstaineval.Select(qs, *half)
	if *explain {
		return explainMisses(ctx, c, qs, w)
	}
	name := strings.TrimSuffix(filepath.Base(*set), ".jsonl")
	if *squad != "" {
		name = strings.TrimSuffix(filepath.Base(*squad), ".json")
	}
	if *out != "" {
		return writeSignals(ctx, c, qs, name, *out)
	}
	if *dumpTo != "" {
		return dump(ctx, c, qs, name, *dumpTo)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "share\tlang\tout abstained\trecall\tprecision\tin answered\tfirst\tlines/answer\trunes/answer\t\n")
	for _, s := range strings.Split(*shares, ",") {
		share, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil {
			return fmt.Errorf("-shares: %w", err)
		}
		p, err := answer.New(answer.Config{FocusCoverage: share, Retrieval: retrieval.Config{Floor: *floor}}, c, nil)
		if err != nil {
			return err
		}
		r, err := abstaineval.Evaluate(ctx, p, qs)
		if err != nil {
			return err
		}
		for _, l := range append(r.Langs(), "all") {
			cs := r.All
			if l != "all" {
				cs = r.ByLang[l]
			}
			lines, runes := cs.PerReply()
			fmt.Fprintf(tw, "%v\t%s\t%d/%d\t%.3f\t%.3f\t%d/%d (%.3f)\t%d/%d (%.3f)\t%.2f\t%.0f\t\n", share, l, cs.OutAbstained, cs.Out, cs.Recall(), cs.Precision(), cs.InAnswered, cs.In, cs.Answered(), cs.InFirst, cs.InAnswered, cs.First(), lines, runes)
		}
		if share == *misses {
			defer func() {
				for _, m := range r.Misses {
					fmt.Fprintln(w, m)
				}
				if *half == abstaineval.Tune {
					// Answers whose first sentence does not answer;
					// read on the tuning half only.
					for _, m := range r.NotFirst {
						fmt.Fprintln(w, "not first:", m)
					}
				}
			}()
		}
	}
	return tw.Flush()
}

// loadSet reads a question set and its corpus: a JSON-lines set and the
// folder dir (or the embedded corpus), or a SQuAD 2.0 file.
func loadSet(ctx context.Context, set, dir, squad string) ([]abstaineval.Question, *corpus.Corpus, error) {
	if squad != "" {
		return loadSquad(ctx, squad)
	}
	f, err := os.Open(set)
	if err != nil {
		return nil, nil, err // names the file
	}
	qs, err := abstaineval.Load(f)
	f.Close()
	if err != nil {
		// "line 12: kind …": which set's line.
		return nil, nil, fmt.Errorf("%s: %w", set, err)
	}
	c, err := abstaineval.LoadCorpus(ctx, dir)
	if err != nil {
		return nil, nil, err // names the folder
	}
	return qs, c, nil
}

// explainMisses prints, for each in-corpus question the default pipeline
// abstains on or answers without an expected string, what it weighed:
// the question's words and weights, the best share any candidate sentence
// holds, and each candidate sentence holding an expected string with its
// share.
func explainMisses(ctx context.Context, c *corpus.Corpus, qs []abstaineval.Question, w io.Writer) error {
	p, err := answer.New(answer.Config{}, c, nil)
	if err != nil {
		return err
	}
	causes := map[string]int{}
	var folded []string
	for _, d := range c.Docs {
		for _, ps := range d.Passages {
			folded = append(folded, text.Fold(ps.Text))
		}
	}
	defer func() {
		// The misses by cause, most first: which one to fix.
		keys := slices.SortedFunc(maps.Keys(causes), func(a, b string) int {
			return cmp.Or(cmp.Compare(causes[b], causes[a]), strings.Compare(a, b))
		})
		for _, k := range keys {
			fmt.Fprintf(w, "cause\t%d\t%s\n", causes[k], k)
		}
	}()
	for _, q := range qs {
		if q.Kind != "in" {
			continue
		}
		res, err := p.Ask(ctx, answer.Question{Text: q.Question})
		if err != nil {
			return fmt.Errorf("%s: %w", q.ID, err)
		}
		if !res.Abstained && abstaineval.Holds(res.Text, q.Expect) {
			continue
		}
		e, err := p.Explain(ctx, answer.Question{Text: q.Question}, func(s string) bool { return abstaineval.Holds(s, q.Expect) })
		if err != nil {
			return fmt.Errorf("%s: %w", q.ID, err)
		}
		outcome := "answered without the sentence"
		if res.Abstained {
			outcome = "abstained"
		}
		cause := missCause(e, inText(folded, q.Expect))
		causes[cause]++
		fmt.Fprintf(w, "%s: %s (%s; best share %.2f; cause: %s)\n", q.ID, q.Question, outcome, e.Best, cause)
		for _, x := range e.Words {
			kind := "focus"
			if x.Name {
				kind = "name"
			}
			fmt.Fprintf(w, "\t%s %q %.2f", kind, x.Word, x.Weight)
			if len(x.Synonyms) > 0 {
				fmt.Fprintf(w, " synonyms %v", x.Synonyms)
			}
			fmt.Fprintln(w)
		}
		if !e.Candidates {
			fmt.Fprintln(w, "\tno passage above the floor")
		}
		if len(e.Sentences) == 0 && e.Candidates {
			fmt.Fprintln(w, "\tno candidate sentence holds an expected string")
		}
		for _, s := range e.Sentences {
			fmt.Fprintf(w, "\tshare %.2f passes %v refused %q unguarded %v: %q\n", s.Share, s.Passes, s.Guard, s.Unguarded, text.Clip(strings.Join(strings.Fields(s.Text), " "), 200))
		}
	}
	return nil
}

// writeSignals writes a row for each question: what the default pipeline
// weighs to answer it or abstain (see bench/signals).
func writeSignals(ctx context.Context, c *corpus.Corpus, qs []abstaineval.Question, set, path string) error {
	p, err := answer.New(answer.Config{}, c, nil)
	if err != nil {
		return err
	}
	var rows []signals.Row
	for _, q := range qs {
		wt, err := p.Weigh(ctx, answer.Question{Text: q.Question})
		if err != nil {
			return fmt.Errorf("%s: %w", q.ID, err)
		}
		rows = append(rows, signals.Of(set, q.ID, q.Lang, q.Kind == "in", wt, func(s string) bool { return abstaineval.Holds(s, q.Expect) }))
	}
	return signals.WriteFile(path, rows)
}

// Causes of an in-corpus miss, in the order missCause tests them.
const (
	causeNotInText    = "expected string not in the read text (markup dropped, or written otherwise)"
	causeNoFloor      = "no passage above the floor"
	causeNotRetrieved = "answering passage not retrieved"
	causeSplit        = "retrieved, no one sentence holds it (split, list, table)"
	causeChoice       = "a sentence holding it passes, another shown"
	causeGuard        = "a sentence holding it is refused by a guard alone (the focus rule would pass it)"
	causeFocus        = "a sentence holding it covers too little of the focus (whatever the guards say)"
)

// missCause names why an in-corpus question was missed, from what the
// pipeline weighed; inText is whether any passage of the corpus holds an
// expected string.
func missCause(e answer.Explanation, inText bool) string {
	switch {
	case !inText:
		return causeNotInText
	case !e.Candidates:
		return causeNoFloor
	case !e.Retrieved:
		return causeNotRetrieved
	case len(e.Sentences) == 0:
		return causeSplit
	}
	guard := ""
	for _, s := range e.Sentences {
		if s.Passes {
			return causeChoice
		}
		if s.Unguarded && guard == "" {
			guard = s.Guard
		}
	}
	if guard != "" {
		return causeGuard + ": " + guard
	}
	if slices.ContainsFunc(e.Sentences, func(s answer.ExplainedSentence) bool { return s.WithNeighbours }) {
		return causeFocus + "; with a sentence beside it enough"
	}
	return causeFocus
}

// inText reports whether a passage, folded (text.Fold), holds one of the
// expected strings.
func inText(folded []string, expect []string) bool {
	for _, p := range folded {
		for _, x := range expect {
			if strings.Contains(p, text.Fold(x)) {
				return true
			}
		}
	}
	return false
}
