// Package signals records what extractive ask weighs for each question of
// a tuning set (answer.Pipeline.Weigh), one JSON line a question, so that
// bench/decide can fit and compare decisions without asking again.
package signals

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"corpusbot/answer"
)

// Row is one question's outcome under each test, and the signals.
type Row struct {
	Set  string `json:"set"`
	ID   string `json:"id"`
	Lang string `json:"lang"`
	In   bool   `json:"in"` // the corpus answers it
	// Rule and Loose: whether the focus rule and the looser test find
	// sentences; RuleOK and LooseOK: whether those sentences hold the
	// answer (in-corpus questions only).
	Rule    bool      `json:"rule,omitempty"`
	Loose   bool      `json:"loose,omitempty"`
	RuleOK  bool      `json:"rule_ok,omitempty"`
	LooseOK bool      `json:"loose_ok,omitempty"`
	Signals []float64 `json:"signals,omitempty"`
}

// Of makes a question's row from what the pipeline weighed; holds tells
// whether a reply holds the expected answer.
func Of(set, id, lang string, in bool, w answer.Weighing, holds func(string) bool) Row {
	r := Row{Set: set, ID: id, Lang: lang, In: in, Rule: w.Rule != "", Loose: w.Loose != "", Signals: w.Signals}
	if in {
		r.RuleOK = r.Rule && holds(w.Rule)
		r.LooseOK = r.Loose && holds(w.Loose)
	}
	return r
}

// Write writes rows as JSON lines.
func Write(w io.Writer, rows []Row) error {
	e := json.NewEncoder(w)
	for _, r := range rows {
		if err := e.Encode(r); err != nil {
			return err
		}
	}
	return nil
}

// WriteFile writes rows to the file path, replacing it.
func WriteFile(path string, rows []Row) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := Write(f, rows); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Read reads JSON lines of rows.
func Read(r io.Reader) ([]Row, error) {
	var out []Row
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var row Row
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		out = append(out, row)
	}
	return out, sc.Err()
}

// Counts is one set's questions and what the rule did with them: in-corpus
// questions and those it answered right (RuleOK), out-of-corpus ones and
// those it abstained on.
type Counts struct{ In, InAnswered, Out, OutAbstained int }

// Add counts r.
func (c *Counts) Add(r Row) {
	if r.In {
		c.In++
		if r.RuleOK {
			c.InAnswered++
		}
		return
	}
	c.Out++
	if !r.Rule {
		c.OutAbstained++
	}
}
