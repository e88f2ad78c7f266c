// Package abstaineval measures abstention on held-out questions: how often
// the pipeline abstains on questions a corpus does not answer (though they
// name its people, companies and places), and how often it answers, with
// the answering sentence, those it does.
//
// Question sets are JSON lines (testdata/abstain): id, lang, kind ("in" or
// "out") and question, and for "in" the expect strings, one of which the
// answer must contain. Each set splits by a hash of the id into a tuning
// half and a test half: thresholds are chosen on the first, figures
// reported on the second.
package abstaineval

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"corpusbot/answer"
	"corpusbot/corpus"
	"corpusbot/text"
)

// LoadCorpus loads a set's corpus: the folder dir, or the embedded corpus
// when dir is "". The documentation sets' folders are not in the
// repository; a missing one says where their recipe is rather than "stat .".
func LoadCorpus(ctx context.Context, dir string) (*corpus.Corpus, error) {
	src := corpus.Embedded()
	if dir != "" {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			return nil, fmt.Errorf("-corpus %s: not a folder; testdata/abstain/README.md says how to rebuild each set's folder", dir)
		}
		src = os.DirFS(dir)
	}
	c, err := corpus.Load(ctx, src, corpus.Config{})
	if err != nil {
		return nil, fmt.Errorf("load corpus %s: %w", dir, err)
	}
	return c, nil
}

// Question is one question of a set.
type Question struct {
	ID       string   `json:"id"`
	Lang     string   `json:"lang"`
	Kind     string   `json:"kind"` // "in": the corpus answers it; "out": it does not
	Question string   `json:"question"`
	Expect   []string `json:"expect,omitempty"`
	// Half, when set ("tune" or "test"), is the question's half whatever
	// its id's hash says: a set split by tree (tables.jsonl) keeps every
	// question of a tree in one half, so no rule is chosen on a tree its
	// test half asks of.
	Half string `json:"half,omitempty"`
}

// InHalf is the half q belongs to: its Half if the set names one, else
// the hash of its id (Half).
func (q Question) InHalf() string {
	if q.Half != "" {
		return q.Half
	}
	return Half(q.ID)
}

// Halves.
const (
	Tune = "tune"
	Test = "test"
)

// Half is the half a question belongs to: a hash of its ID, so that adding
// questions never moves others.
func Half(id string) string {
	h := fnv.New32a()
	h.Write([]byte(id))
	if h.Sum32()%2 == 0 {
		return Tune
	}
	return Test
}

// Load reads a set, checking every line.
func Load(r io.Reader) ([]Question, error) {
	var out []Question
	seen := map[string]bool{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var q Question
		if err := json.Unmarshal([]byte(line), &q); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		switch {
		case q.ID == "" || seen[q.ID]:
			return nil, fmt.Errorf("line %d: missing or repeated id %q", n, q.ID)
		case q.Kind != "in" && q.Kind != "out":
			return nil, fmt.Errorf("line %d: kind %q, want in or out", n, q.Kind)
		case q.Kind == "in" && len(q.Expect) == 0:
			return nil, fmt.Errorf("line %d: an in-corpus question needs expect", n)
		case strings.TrimSpace(q.Question) == "":
			return nil, fmt.Errorf("line %d: empty question", n)
		case q.Half != "" && q.Half != Tune && q.Half != Test:
			return nil, fmt.Errorf("line %d: half %q, want tune, test or none", n, q.Half)
		}
		seen[q.ID] = true
		out = append(out, q)
	}
	return out, sc.Err()
}

// Select returns the questions of one half.
func Select(qs []Question, half string) []Question {
	var out []Question
	for _, q := range qs {
		if q.InHalf() == half {
			out = append(out, q)
		}
	}
	return out
}

// Counts are the outcomes of a set of questions.
type Counts struct {
	Out, OutAbstained int // out-of-corpus questions, and those abstained on
	In, InAnswered    int // in-corpus questions, and those answered with an expected sentence
	InAbstained       int // in-corpus questions abstained on
	// InFirst are the in-corpus questions answered with an expected
	// string in the answer's first sentence: a reader reads the first
	// sentence, and an answer opening with one that does not answer is
	// a worse answer even when a later one does.
	InFirst int
	// Replies are the questions answered (not abstained on), Lines the
	// sentences those answers show and Runes their length: what a reader
	// is given to find the answer in.
	Replies, Lines, Runes int
}

func (c *Counts) add(d Counts) {
	c.Out += d.Out
	c.OutAbstained += d.OutAbstained
	c.In += d.In
	c.InAnswered += d.InAnswered
	c.InAbstained += d.InAbstained
	c.InFirst += d.InFirst
	c.Replies += d.Replies
	c.Lines += d.Lines
	c.Runes += d.Runes
}

// Recall is the share of out-of-corpus questions abstained on.
func (c Counts) Recall() float64 { return ratio(c.OutAbstained, c.Out) }

// Precision is the share of abstentions that were on out-of-corpus
// questions.
func (c Counts) Precision() float64 { return ratio(c.OutAbstained, c.OutAbstained+c.InAbstained) }

// Answered is the share of in-corpus questions answered with an expected
// sentence.
func (c Counts) Answered() float64 { return ratio(c.InAnswered, c.In) }

// First is the share of in-corpus questions answered that hold an
// expected string in the answer's first sentence.
func (c Counts) First() float64 { return ratio(c.InFirst, c.InAnswered) }

// PerReply is the mean number of sentences an answer shows, and its mean
// length in runes.
func (c Counts) PerReply() (lines, runes float64) {
	return ratio(c.Lines, c.Replies), ratio(c.Runes, c.Replies)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Report is an evaluation: all questions, by language, and what went wrong.
type Report struct {
	All    Counts
	ByLang map[string]Counts
	Misses []string // "id: question → what happened"
	// NotFirst are the in-corpus questions answered with an expected
	// string, but not in the answer's first sentence.
	NotFirst []string
}

// Langs lists the report's languages, sorted.
func (r Report) Langs() []string {
	var out []string
	for l := range r.ByLang {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// Evaluate asks every question of qs and counts the answers in qs's
// order. The questions are asked GOMAXPROCS at a time, as the bot asks a
// Pipeline: an answer depends on its question only, and a set of a
// thousand questions asked one at a time left a core idle (the root
// package's tests waited on TestPolitenessHeldOut alone).
func Evaluate(ctx context.Context, p *answer.Pipeline, qs []Question) (Report, error) {
	type reply struct {
		res *answer.Result
		err error
	}
	replies := make([]reply, len(qs))
	var next atomic.Int64
	var failed atomic.Bool // stop asking after an error: Evaluate returns the first
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(qs)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(qs) && !failed.Load(); i = int(next.Add(1) - 1) {
				res, err := p.Ask(ctx, answer.Question{Text: qs[i].Question})
				if errors.Is(err, answer.ErrNoSearchableWords) {
					// The bot says it has nothing to search for and
					// answers nothing: an abstention.
					res, err = &answer.Result{Abstained: true}, nil
				}
				replies[i] = reply{res, err}
				if err != nil {
					failed.Store(true)
				}
			}
		})
	}
	wg.Wait()
	r := Report{ByLang: map[string]Counts{}}
	for i, q := range qs {
		res, err := replies[i].res, replies[i].err
		if err != nil {
			return r, fmt.Errorf("%s: %w", q.ID, err)
		}
		if res == nil {
			// Not asked: a later question failed first.
			continue
		}
		var c Counts
		if !res.Abstained {
			// An extractive answer shows one sentence a line.
			c.Replies, c.Lines, c.Runes = 1, strings.Count(res.Text, "\n")+1, utf8.RuneCountInString(res.Text)
		}
		switch q.Kind {
		case "out":
			c.Out = 1
			if res.Abstained {
				c.OutAbstained = 1
			} else {
				r.Misses = append(r.Misses, fmt.Sprintf("%s: %s → answered %q", q.ID, q.Question, text.Clip(strings.Join(strings.Fields(res.Text), " "), 121)))
			}
		case "in":
			c.In = 1
			switch {
			case res.Abstained:
				c.InAbstained = 1
				r.Misses = append(r.Misses, fmt.Sprintf("%s: %s → abstained", q.ID, q.Question))
			case Holds(res.Text, q.Expect):
				c.InAnswered = 1
				if Holds(FirstSentence(res.Text), q.Expect) {
					c.InFirst = 1
				} else {
					// Where it is: later in the first line (the chosen
					// sentence after the neighbour it shows, or the
					// neighbour after it), or on a later line.
					where := "a later line"
					if line, _, _ := strings.Cut(res.Text, "\n"); Holds(line, q.Expect) {
						where = "the first line"
					}
					r.NotFirst = append(r.NotFirst, fmt.Sprintf("%s: %s → %q in %s: %q", q.ID, q.Question, q.Expect, where, text.Clip(strings.Join(strings.Fields(res.Text), " "), 241)))
				}
			default:
				r.Misses = append(r.Misses, fmt.Sprintf("%s: %s → answered without %q: %q", q.ID, q.Question, q.Expect, text.Clip(strings.Join(strings.Fields(res.Text), " "), 121)))
			}
		}
		r.All.add(c)
		l := r.ByLang[q.Lang]
		l.add(c)
		r.ByLang[q.Lang] = l
	}
	return r, nil
}

// FirstSentence is the first sentence of an extractive answer: of its
// first line (one chosen sentence a line, with the neighbour or the list
// it shows), the first sentence, its citation mark left out. A lead-in
// ending with ":" is no sentence by itself: it counts with what it
// introduces, the line's next sentence.
func FirstSentence(answer string) string {
	line, _, _ := strings.Cut(answer, "\n")
	ss := text.Sentences(line)
	if len(ss) == 0 {
		return ""
	}
	end := ss[0].End
	if strings.HasSuffix(strings.TrimSpace(line[ss[0].Start:end]), ":") && len(ss) > 1 {
		end = ss[1].End
	}
	return line[ss[0].Start:end]
}

// Holds reports whether an answer contains one of the expected strings,
// compared folded (case, width, quotation marks).
func Holds(answer string, expect []string) bool {
	a := text.Fold(answer)
	for _, e := range expect {
		if strings.Contains(a, text.Fold(e)) {
			return true
		}
	}
	return false
}
