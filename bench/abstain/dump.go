package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"regexp"
	"runtime"
	"strings"
	"sync"

	"corpusbot/answer"
	"corpusbot/corpus"
	"corpusbot/internal/abstaineval"
)

// citation is an extractive answer line's citation mark, " [2]".
var citation = regexp.MustCompile(`\s*\[\d+\]`)

// dumpCandidates is how many candidate sentences a dump row lists: the
// answering sentence of an in-corpus miss is most often among the first
// few ranked.
const dumpCandidates = 10

// DumpRow is one question of a dump (-dump): what extractive ask decided
// at the default share and what it weighed, for a judge of sentences
// (bench/encodeval) to be measured against the decision without
// integrating it.
type DumpRow struct {
	Set      string `json:"set"`
	ID       string `json:"id"`
	Lang     string `json:"lang"`
	Kind     string `json:"kind"` // "in" or "out"
	Question string `json:"question"`
	// Answered is today's decision; Correct, for an in-corpus question,
	// that the answer holds an expected string (what bench/abstain counts
	// as answered).
	Answered bool `json:"answered"`
	Correct  bool `json:"correct,omitempty"`
	// Answer is the answer's lines, each a chosen sentence, citation
	// marks left out; none when it abstained.
	Answer []string `json:"answer,omitempty"`
	// AnswerHolds says, for an in-corpus question, which of the answer's
	// lines hold an expected string (abstaineval.Holds).
	AnswerHolds []bool          `json:"answer_holds,omitempty"`
	Candidates  []DumpCandidate `json:"candidates,omitempty"`
}

// DumpCandidate is a candidate sentence of a dump row, best ranked first.
type DumpCandidate struct {
	Text   string  `json:"text"`  // as an answer shows it
	Quote  string  `json:"quote"` // what it quotes of the passage
	Score  float64 `json:"score"` // its rank's weight
	Share  float64 `json:"share"` // of the focus it holds
	Passes bool    `json:"passes"`
	Guard  string  `json:"guard,omitempty"`
	// Holds: the quote holds an expected string of an in-corpus
	// question (an answer with it would count).
	Holds bool `json:"holds,omitempty"`
}

// dump writes a row for each question of qs to path (JSON lines, in qs's
// order), asking GOMAXPROCS at a time.
func dump(ctx context.Context, c *corpus.Corpus, qs []abstaineval.Question, set, path string) error {
	p, err := answer.New(answer.Config{}, c, nil)
	if err != nil {
		return err
	}
	rows := make([]DumpRow, len(qs))
	errs := make([]error, len(qs))
	work := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range work {
				rows[i], errs[i] = dumpRow(ctx, p, qs[i], set)
			}
		})
	}
	for i := range qs {
		work <- i
	}
	close(work)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err // names the file
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, r := range rows {
		if err := enc.Encode(r); err != nil {
			f.Close()
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}

func dumpRow(ctx context.Context, p *answer.Pipeline, q abstaineval.Question, set string) (DumpRow, error) {
	r := DumpRow{Set: set, ID: q.ID, Lang: q.Lang, Kind: q.Kind, Question: q.Question}
	res, err := p.Ask(ctx, answer.Question{Text: q.Question})
	if errors.Is(err, answer.ErrNoSearchableWords) {
		return r, nil // abstained, as abstaineval counts it
	}
	if err != nil {
		return r, fmt.Errorf("%s: %w", q.ID, err)
	}
	if !res.Abstained {
		r.Answered = true
		r.Correct = q.Kind == "in" && abstaineval.Holds(res.Text, q.Expect)
		for _, l := range strings.Split(res.Text, "\n") {
			r.Answer = append(r.Answer, strings.TrimSpace(citation.ReplaceAllString(l, "")))
			if q.Kind == "in" {
				r.AnswerHolds = append(r.AnswerHolds, abstaineval.Holds(l, q.Expect))
			}
		}
	}
	cs, err := p.Consider(ctx, answer.Question{Text: q.Question}, dumpCandidates)
	if err != nil {
		return r, fmt.Errorf("%s: %w", q.ID, err)
	}
	for _, c := range cs {
		r.Candidates = append(r.Candidates, DumpCandidate{Text: c.Text, Quote: c.Quote, Score: c.Score, Share: c.Share, Passes: c.Passes, Guard: c.Guard,
			Holds: q.Kind == "in" && abstaineval.Holds(c.Quote, q.Expect)})
	}
	return r, nil
}
