package main

import (
	"context"
	"fmt"
	"strings"

	"corpusbot/bench/squadset"
	"corpusbot/corpus"
	"corpusbot/internal/abstaineval"
)

// loadSquad reads a SQuAD 2.0 file as an abstention set. The corpus is its
// paragraphs, one document each, as the QA harness builds it. An answerable
// question is in-corpus, answered when the reply holds one of its gold
// answers; a question marked is_impossible is out-of-corpus: crowd workers
// wrote it against the paragraph, naming what it names, and nothing in the
// paragraph answers it. A question's language is its paragraph's, as
// corpus.Load detects it. Questions with no text are left out (CMRC's
// trial set has two).
func loadSquad(ctx context.Context, path string) ([]abstaineval.Question, *corpus.Corpus, error) {
	f, err := squadset.Read(path)
	if err != nil {
		return nil, nil, err
	}
	c, err := f.Corpus(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	lang := map[string]string{}
	for _, d := range c.Docs {
		lang[d.ID] = d.Lang
	}
	var qs []abstaineval.Question
	seen := map[string]bool{}
	for ai, a := range f.Data {
		for pi, p := range a.Paragraphs {
			for _, qa := range p.QAs {
				if strings.TrimSpace(qa.Question) == "" {
					continue
				}
				q := abstaineval.Question{ID: string(qa.ID), Lang: lang[squadset.DocID(ai, pi)], Kind: "out", Question: qa.Question}
				if seen[q.ID] {
					return nil, nil, fmt.Errorf("%s: question id %q repeated", path, q.ID)
				}
				seen[q.ID] = true
				if !qa.Impossible {
					q.Kind = "in"
					for _, ans := range qa.Answers {
						if t := strings.TrimSpace(ans.Text); t != "" {
							q.Expect = append(q.Expect, t)
						}
					}
					if len(q.Expect) == 0 {
						return nil, nil, fmt.Errorf("%s: question %q is answerable (no is_impossible) but has no answer text", path, q.ID)
					}
				}
				qs = append(qs, q)
			}
		}
	}
	if len(qs) == 0 {
		return nil, nil, fmt.Errorf("%s: no questions", path)
	}
	return qs, c, nil
}
