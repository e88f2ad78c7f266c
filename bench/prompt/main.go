// Command prompt measures what reaches a model's prompt: for each question
// of a set, the passages Ask would give a model (the model is a recorder
// that answers nothing). For in-corpus questions it counts those whose
// prompt holds an expected string; for out-of-corpus ones, those that get
// a prompt at all (a question that clears no relevance floor abstains
// before any call) and the passage text a model is then shown.
//
//	go run ./prompt -set ../testdata/abstain/helm-docs.jsonl -corpus /tmp/helmdocs -half tune
//	go run ./prompt -set ../../shared/eval/questions.jsonl -half all
//
// -corpus "" is the embedded corpus. Each -docfloor value is a
// pipeline with answer.Config.DocFloor set to it (-1: off).
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"

	"corpusbot/answer"
	"corpusbot/corpus"
	"corpusbot/internal/abstaineval"
	"corpusbot/llm"
	"corpusbot/text"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "prompt:", err)
		os.Exit(1)
	}
}

// question is one question of an abstention set or of the shared question
// set (expect_text, out_of_corpus).
type question struct {
	ID          string   `json:"id"`
	Kind        string   `json:"kind"`
	Question    string   `json:"question"`
	Expect      []string `json:"expect"`
	ExpectText  []string `json:"expect_text"`
	OutOfCorpus bool     `json:"out_of_corpus"`
	Cross       bool     `json:"crosslingual"`
}

func load(path, half string) ([]question, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []question
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var q question
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if q.Kind == "" {
			q.Kind = "in"
			if q.OutOfCorpus {
				q.Kind = "out"
			}
			q.Expect = q.ExpectText
		}
		if q.Cross || (q.Kind == "in" && len(q.Expect) == 0) {
			continue // needs a model's translation, or nothing to look for
		}
		if half != "all" && abstaineval.Half(q.ID) != half {
			continue
		}
		out = append(out, q)
	}
	return out, sc.Err()
}

// recorder is a model that keeps the last answer prompt and writes nothing.
type recorder struct {
	mu     sync.Mutex
	prompt string
	called bool
}

// Complete answers a rewrite (no system message) with nothing, so only the
// question is searched, and records an answer prompt.
func (r *recorder) Complete(_ context.Context, req llm.Request) (llm.Response, error) {
	if len(req.Messages) > 1 && req.Messages[0].Role == llm.System {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.prompt, r.called = req.Messages[len(req.Messages)-1].Content, true
	}
	return llm.Response{}, nil
}

func (r *recorder) Stream(ctx context.Context, req llm.Request, _ func(string) error) (llm.Response, error) {
	return r.Complete(ctx, req)
}

var passageRE = regexp.MustCompile(`(?s)<passage n="\d+"[^>]*>\n(.*?)\n</passage>`)

// counts of one pipeline over a set.
type counts struct {
	in, inHeld, inPrompted, inChars int
	out, outPrompted, outChars      int
	held                            map[string]bool // in-corpus questions whose prompt holds an expected string
}

func measure(ctx context.Context, c *corpus.Corpus, docFloor float64, qs []question) (counts, error) {
	rec := &recorder{}
	p, err := answer.New(answer.Config{DocFloor: docFloor}, c, rec)
	if err != nil {
		return counts{}, err
	}
	n := counts{held: map[string]bool{}}
	for _, q := range qs {
		rec.prompt, rec.called = "", false
		if _, err := p.Ask(ctx, answer.Question{Text: q.Question}); err != nil && !errors.Is(err, answer.ErrEmptyReply) {
			return n, fmt.Errorf("%s: %w", q.ID, err)
		}
		var chars int
		held := false
		for _, m := range passageRE.FindAllStringSubmatch(rec.prompt, -1) {
			chars += len([]rune(m[1]))
			for _, e := range q.Expect {
				held = held || strings.Contains(text.Fold(m[1]), text.Fold(e))
			}
		}
		switch q.Kind {
		case "in":
			n.in++
			if rec.called {
				n.inPrompted++
				n.inChars += chars
			}
			if held {
				n.inHeld++
				n.held[q.ID] = true
			}
		case "out":
			n.out++
			if rec.called {
				n.outPrompted++
				n.outChars += chars
			}
		}
	}
	return n, nil
}

func run(ctx context.Context, args []string, w io.Writer) error {
	fs := flag.NewFlagSet("prompt", flag.ContinueOnError)
	set := fs.String("set", "", "question set (JSON lines)")
	dir := fs.String("corpus", "", "corpus folder; empty for the embedded corpus")
	half := fs.String("half", abstaineval.Tune, "tune, test or all")
	floors := fs.String("docfloor", "-1,0.9,0.8,0.7,0.6,0.5", "answer.Config.DocFloor values to try (-1: off)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *set == "" {
		return errors.New("-set is required")
	}
	qs, err := load(*set, *half)
	if err != nil {
		return err
	}
	c, err := abstaineval.LoadCorpus(ctx, *dir)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "docfloor\tin: expected in prompt\tgained\tlost\tchars/prompt\tout: prompted\tchars/prompt\t\n")
	var base counts
	for i, s := range strings.Split(*floors, ",") {
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil {
			return fmt.Errorf("-docfloor: %w", err)
		}
		n, err := measure(ctx, c, f, qs)
		if err != nil {
			return err
		}
		if i == 0 {
			base = n
		}
		var gained, lost int
		for id := range n.held {
			if !base.held[id] {
				gained++
			}
		}
		for id := range base.held {
			if !n.held[id] {
				lost++
			}
		}
		fmt.Fprintf(tw, "%v\t%d/%d\t%d\t%d\t%.0f\t%d/%d\t%.0f\t\n", f, n.inHeld, n.in, gained, lost,
			float64(n.inChars)/float64(max(n.inPrompted, 1)), n.outPrompted, n.out, float64(n.outChars)/float64(max(n.outPrompted, 1)))
	}
	return tw.Flush()
}
