package answer

import (
	"context"
	"fmt"
	"testing"
	"testing/fstest"
	"time"
)

// TestBriefingLengthDoesNotFollowThePromptBudget: a whole-corpus
// briefing of 60 documents with a prompt budget of 32,000 tokens (a
// large model's CONTEXT_TOKENS) makes at most maxBriefingPoints points,
// extractive or by a model given at most that many passages: the daily
// briefing is read in a channel, not sized by the model's context.
// (Before: a point for each of the 60 documents, 60 passages.)
func TestBriefingLengthDoesNotFollowThePromptBudget(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := range 60 {
		text := fmt.Sprintf("# Report %d\n\nThe team number %d shipped the %s release of its service this week.", i, i, madeWord(i))
		for w := range 40 {
			text += " " + madeWord(i*100+w)
		}
		fsys[fmt.Sprintf("r%02d.md", i)] = &fstest.MapFile{Data: []byte(text + ".\n")}
	}
	c := loadFS(t, fsys)
	cfg := Config{Logger: testLogger(t), ContextTokens: 32000}
	t.Run("extractive", func(t *testing.T) {
		p, err := New(cfg, c, nil)
		if err != nil {
			t.Fatal(err)
		}
		res, err := p.Brief(context.Background(), BriefingRequest{Lang: "en"})
		if err != nil {
			t.Fatalf("Brief: %v", err)
		}
		if n := len(res.Points); n < maxLeads || n > maxBriefingPoints {
			t.Errorf("%d points, want %d to %d", n, maxLeads, maxBriefingPoints)
		}
	})
	t.Run("model", func(t *testing.T) {
		srv, cl := fakeLLM(t, 5*time.Second, 0)
		srv.SetResponder(citingResponder(rewriteNone))
		p, err := New(cfg, c, cl)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Brief(context.Background(), BriefingRequest{Lang: "en"}); err != nil {
			t.Fatalf("Brief: %v", err)
		}
		if n := len(promptPassages(userMessage(srv.Requests()[0]))); n > maxBriefingPoints {
			t.Errorf("the prompt holds %d passages, want at most %d", n, maxBriefingPoints)
		}
	})
}
