package main

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"slices"
	"strings"
	"testing/fstest"
	"text/tabwriter"

	"corpusbot/answer"
	"corpusbot/bench/signals"
	"corpusbot/corpus"
	"corpusbot/internal/abstaineval"
	"corpusbot/retrieval"
)

// runFloor measures retrieval's relevance floor on the question sets, as
// the bot uses it to tell a question the documents answer from one they do
// not. Each set's articles are split in two by a hash of their title; the
// corpus is the paragraphs of the first group. A question of that group is
// "in": it counts as answered when its paragraph ranks first and clears
// the floor. A question of the other group is "out": it counts as
// abstained when no hit clears the floor. XQuAD's languages are
// translations of one another, so its rows compare languages on the same
// questions.
//
// floors, when given, are other floors to score on the same rankings: a
// floor is chosen as the one that maximises answered + abstained on the
// tuning half (docs/benchmarks.md).
//
// extractive also asks each question in extractive mode, through the
// answer pipeline's focus rule: an in-corpus question counts as answered
// when the reply holds a gold answer's text, an out-of-corpus one as
// abstained when the reply abstains.
//
// signalsPath, when set with extractive, is a file to write what
// extractive ask weighed for each question (see bench/signals).
func runFloor(ctx context.Context, dir string, langs []string, which string, floors []float64, extractive bool, signalsPath string, stdout io.Writer) error {
	var rows []signals.Row
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(stdout, "relevance floor %.2f on the question sets in %s (%s half of the questions; corpus: half of each set's articles)\n\n", retrieval.DefaultFloor, dir, which)
	fmt.Fprintln(tw, "set\tlang\tdocs\tin\tranked first\tanswered\tout\tabstained\t")
	var sweep, asked strings.Builder
	err := eachSquad(dir, langs, func(name, lang string, d *squad) error {
		fsys := fstest.MapFS{}
		type question struct {
			id, text, doc string
			in            bool
			gold          []string
		}
		var qs []question
		for ai, a := range d.Data {
			in := articleGroup(a.Title, ai)
			for pi, p := range a.Paragraphs {
				id := fmt.Sprintf("a%03dp%03d", ai, pi)
				if in {
					fsys[id+".txt"] = &fstest.MapFile{Data: []byte(p.Context)}
				}
				for _, q := range p.QAs {
					if strings.TrimSpace(q.Question) != "" && !q.Impossible && (which == "all" || half(string(q.ID)) == which) {
						qq := question{id: string(q.ID), text: q.Question, doc: id, in: in}
						for _, a := range q.Answers {
							qq.gold = append(qq.gold, a.Text)
						}
						qs = append(qs, qq)
					}
				}
			}
		}
		c, err := corpus.Load(ctx, fsys, corpus.Config{})
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		p, err := answer.New(answer.Config{}, c, nil)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		// A question's top hit, to score it at any floor.
		type result struct {
			in, first bool
			coverage  float64 // of the top hit; -1 with none
		}
		rs := make([]result, 0, len(qs))
		for _, q := range qs {
			hits, err := p.SearchDocs(ctx, q.text, 1)
			if err != nil && !errors.Is(err, retrieval.ErrNoTerms) {
				return fmt.Errorf("%s: %w", name, err)
			}
			r := result{in: q.in, coverage: -1}
			if len(hits) > 0 {
				r.first, r.coverage = hits[0].Doc == q.doc, hits[0].Coverage
			}
			rs = append(rs, r)
		}
		score := func(floor float64) (in, first, answered, out, abstained int) {
			for _, r := range rs {
				relevant := r.coverage >= floor
				if r.in {
					in++
					if r.first {
						first++
						if relevant {
							answered++
						}
					}
				} else {
					out++
					if !relevant {
						abstained++
					}
				}
			}
			return
		}
		if extractive {
			var in, answered, first, out, abstained int
			for _, q := range qs {
				res, err := p.Ask(ctx, answer.Question{Text: q.text})
				if errors.Is(err, answer.ErrNoSearchableWords) {
					// The bot says it has nothing to search for and
					// answers nothing, as a search finds nothing above.
					res, err = &answer.Result{Abstained: true}, nil
				}
				if err != nil {
					return fmt.Errorf("%s: %s: %w", name, q.text, err)
				}
				holds := func(s string) bool {
					return slices.ContainsFunc(q.gold, func(g string) bool { return g != "" && strings.Contains(s, g) })
				}
				if signalsPath != "" {
					w, err := p.Weigh(ctx, answer.Question{Text: q.text})
					if err != nil {
						return fmt.Errorf("%s: %s: %w", name, q.text, err)
					}
					rows = append(rows, signals.Of(strings.TrimSuffix(name, ".json"), q.id, lang, q.in, w, holds))
				}
				if !q.in {
					out++
					if res.Abstained {
						abstained++
					}
					continue
				}
				in++
				if !res.Abstained && holds(res.Text) {
					answered++
					if holds(abstaineval.FirstSentence(res.Text)) {
						first++
					}
				}
			}
			fmt.Fprintf(&asked, "%s\t%s\t%d\t%.3f\t%d/%d\t%d\t%.3f\t\n", strings.TrimSuffix(name, ".json"), lang, in, ratio(answered, in), first, answered, out, ratio(abstained, out))
		}
		in, first, answered, out, abstained := score(retrieval.DefaultFloor)
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.3f\t%.3f\t%d\t%.3f\t\n", strings.TrimSuffix(name, ".json"), lang, len(c.Docs), in,
			ratio(first, in), ratio(answered, in), out, ratio(abstained, out))
		for _, f := range floors {
			_, _, answered, _, abstained := score(f)
			fmt.Fprintf(&sweep, "%s\t%s\t%g\t%.3f\t%.3f\t%.3f\t\n", strings.TrimSuffix(name, ".json"), lang, f,
				ratio(answered, in), ratio(abstained, out), ratio(answered, in)+ratio(abstained, out))
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if signalsPath != "" {
		if err := signals.WriteFile(signalsPath, rows); err != nil {
			return err
		}
	}
	if extractive {
		fmt.Fprintln(stdout, "\nasked in extractive mode")
		fmt.Fprintln(tw, "set\tlang\tin\tanswered\tfirst\tout\tabstained\t")
		fmt.Fprint(tw, asked.String())
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if len(floors) == 0 {
		return nil
	}
	fmt.Fprintln(stdout, "\nother floors (-floors), on the same rankings:")
	fmt.Fprintln(tw, "set\tlang\tfloor\tanswered\tabstained\tsum\t")
	fmt.Fprint(tw, sweep.String())
	return tw.Flush()
}

// articleGroup puts an article in the corpus or leaves it out, by a hash
// of its title (of its position when it has none).
func articleGroup(title string, i int) bool {
	if title == "" {
		title = fmt.Sprint(i)
	}
	h := fnv.New32a()
	h.Write([]byte(title))
	return h.Sum32()>>8%2 == 0
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}
