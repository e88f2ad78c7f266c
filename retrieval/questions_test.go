package retrieval

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// question is one line of testdata/questions.jsonl.
type question struct {
	ID           string   `json:"id"`
	Lang         string   `json:"lang"`
	Question     string   `json:"question"`
	ExpectText   []string `json:"expect_text"`
	Crosslingual bool     `json:"crosslingual"`
	OutOfCorpus  bool     `json:"out_of_corpus"`
}

func readQuestions(t *testing.T) []question {
	t.Helper()
	f, err := os.Open("../testdata/questions.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var qs []question
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var q question
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			t.Fatalf("questions.jsonl: %v", err)
		}
		qs = append(qs, q)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return qs
}

// comparable folds text for expect_text matching: NFKC, ’ as ', lower case.
func comparable(s string) string {
	return strings.ToLower(strings.ReplaceAll(norm.NFKC.String(s), "’", "'"))
}

func containsAny(text string, want []string) bool {
	text = comparable(text)
	for _, w := range want {
		if strings.Contains(text, comparable(w)) {
			return true
		}
	}
	return false
}

// TestQuestionSet is the retrieval acceptance bar: for every in-corpus,
// same-language question a top-5 passage holds an expected text, and the
// top hit clears the relevance floor; nothing clears it for an
// out-of-corpus question.
func TestQuestionSet(t *testing.T) {
	items := embeddedItems(t)
	ix, err := New(Config{}, items)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range readQuestions(t) {
		t.Run(q.ID, func(t *testing.T) {
			hits, err := ix.Search(q.Question, 5)
			if err != nil {
				t.Fatalf("Search(%q): %v", q.Question, err)
			}
			for i, h := range hits {
				t.Logf("%d %.3f cov=%.2f %s %v", i+1, h.Score, h.Coverage, items[h.Item].Doc, h.Terms)
			}
			if q.OutOfCorpus {
				for _, h := range hits {
					if ix.Relevant(h) {
						t.Errorf("out-of-corpus %q: hit %d (coverage %.2f) is relevant, want none", q.Question, h.Item, h.Coverage)
					}
				}
				return
			}
			if len(hits) == 0 || !ix.Relevant(hits[0]) {
				t.Errorf("%q: top hit not relevant (%v), want coverage ≥ %.2f", q.Question, hits, ix.Config().Floor)
			}
			if q.Crosslingual {
				return
			}
			for _, h := range hits {
				if containsAny(items[h.Item].Text, q.ExpectText) {
					return
				}
			}
			t.Errorf("%q: no top-5 passage contains %q", q.Question, q.ExpectText)
		})
	}
}

// TestOutOfCorpusProbes: questions the shipped corpus cannot answer, in its
// three languages, must not clear the floor either.
func TestOutOfCorpusProbes(t *testing.T) {
	ix, err := New(Config{}, embeddedItems(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"What is the capital of Australia?",
		"How do I bake sourdough bread?",
		"What is the GDP of China?",
		"Who won the 2018 World Cup?",
		"What is Bitcoin?",
		"Who founded Alibaba?",
		"Quelle est la population du Brésil ?",
		"ما هي عاصمة البرازيل؟",
	} {
		t.Run(q, func(t *testing.T) {
			hits, err := ix.Search(q, 5)
			if err != nil {
				t.Fatalf("Search: %v", err)
			}
			for _, h := range hits {
				if ix.Relevant(h) {
					t.Errorf("hit %d (coverage %.2f, terms %v) is relevant, want none", h.Item, h.Coverage, h.Terms)
				}
			}
		})
	}
}
