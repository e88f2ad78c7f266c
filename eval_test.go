package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"corpusbot/ireval"
)

type evalQuestion struct {
	ID           string   `json:"id"`
	Question     string   `json:"question"`
	ExpectText   []string `json:"expect_text"`
	Crosslingual bool     `json:"crosslingual"`
	OutOfCorpus  bool     `json:"out_of_corpus"`
}

func readQuestions(t *testing.T) []evalQuestion {
	t.Helper()
	f, err := os.Open("testdata/questions.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var qs []evalQuestion
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var q evalQuestion
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			t.Fatalf("questions.jsonl: %v", err)
		}
		qs = append(qs, q)
	}
	return qs
}

// comparable folds the differences that do not matter when checking that a
// passage contains an expected text.
func comparable(s string) string {
	s = norm.NFKC.String(s)
	s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(s)
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// Every in-corpus, same-language question of the shared set finds a passage
// with its expected text in the top 5, through the CLI as a user runs it.
func TestQuestionSetTop5(t *testing.T) {
	for _, q := range readQuestions(t) {
		if q.Crosslingual || q.OutOfCorpus || len(q.ExpectText) == 0 {
			continue
		}
		t.Run(q.ID, func(t *testing.T) {
			out, errOut, code := runCLI(t, nil, "search", "--json", "--k", "5", q.Question)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var res struct{ Results []struct{ Text string } }
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatal(err)
			}
			for _, m := range res.Results {
				for _, want := range q.ExpectText {
					if strings.Contains(comparable(m.Text), comparable(want)) {
						return
					}
				}
			}
			t.Errorf("%q: no passage in the top 5 contains any of %q", q.Question, q.ExpectText)
		})
	}
}

// SciFact through the same code as `search --batch`, scored in Go as
// trec_eval does. Pyserini's BM25 gets nDCG@10 0.679.
func TestSciFactNDCG(t *testing.T) {
	dir := os.Getenv("CORPUSBOT_EVAL_DIR")
	if dir == "" {
		dir = filepath.Join("..", "shared", "eval", "ir")
	}
	sf := filepath.Join(dir, "scifact")
	if _, err := os.Stat(filepath.Join(sf, "qrels.tsv")); err != nil {
		t.Fatalf("SciFact not found at %s: %v\n(it is ../shared/eval/ir/scifact beside the repository; set CORPUSBOT_EVAL_DIR to the folder holding scifact/)", sf, err)
	}
	out, errOut, code := runCLI(t, nil, "search", "--corpus", filepath.Join(sf, "docs"),
		"--batch", filepath.Join(sf, "queries.tsv"), "--k", "100")
	if code != 0 {
		t.Fatalf("search --batch exit %d: %s", code, errOut)
	}
	run, err := ireval.ReadRun(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(sf, "qrels.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	qrels, err := ireval.ReadQrels(f)
	if err != nil {
		t.Fatal(err)
	}
	ndcg := ireval.NDCG(qrels, run, 10)
	t.Logf("SciFact: nDCG@10 %.4f, Recall@100 %.4f, MRR@10 %.4f over %d queries",
		ndcg, ireval.Recall(qrels, run, 100), ireval.MRR(qrels, run, 10), len(qrels))
	if ndcg < 0.679 {
		t.Errorf("nDCG@10 = %.4f, want ≥ 0.679 (Pyserini BM25)", ndcg)
	}
}
