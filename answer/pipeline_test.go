package answer

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"corpusbot/llm"
	"corpusbot/retrieval"
)

// A fresh install, with no model, answers at once with cited sentences.
func TestAskExtractive(t *testing.T) {
	p := newPipeline(t, embeddedCorpus(t), nil)
	if p.LLMEnabled() {
		t.Fatalf("LLMEnabled: got true, want false without a model")
	}
	tests := []struct {
		question string
		want     []string // in the text
	}{
		{"Why was Alipay told to spin off its micro-loan business?", []string{"micro-loan"}},
		{"How many users does Alipay have?", []string{"1 billion", "450 million"}},
		{"Qui est Liu Xu ?", []string{"Université Tsinghua"}},
		{"كم عدد مستخدمي Alipay؟", []string{"مليار مستخدم"}},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			res, err := p.Ask(context.Background(), Question{Text: tt.question})
			if err != nil {
				t.Fatalf("Ask: %v", err)
			}
			if !res.Extractive || res.Abstained || len(res.Sources) == 0 {
				t.Fatalf("got extractive=%v abstained=%v %d sources, want an extractive cited answer", res.Extractive, res.Abstained, len(res.Sources))
			}
			for _, w := range tt.want {
				if !strings.Contains(res.Text, w) {
					t.Errorf("got %q, want %q in it", res.Text, w)
				}
			}
			checkEveryLineCited(t, res)
			lines := strings.Split(res.Text, "\n")
			if len(lines) > maxExtractive {
				t.Errorf("got %d sentences, want at most %d", len(lines), maxExtractive)
			}
			seen := map[string]bool{}
			for _, l := range lines {
				if seen[l] {
					t.Errorf("sentence %q twice", l)
				}
				seen[l] = true
			}
			for i, s := range res.Sources {
				if s.N != i+1 || s.DocID == "" || s.Title == "" || s.LineStart < 1 || !strings.Contains(res.Text, s.Quote[:min(20, len(s.Quote))]) {
					t.Errorf("source %+v: want numbered from 1, located, quoting a sentence of the answer", s)
				}
			}
			if res.ID == "" || len(res.ID) != 12 {
				t.Errorf("ID: got %q, want 12 hex digits", res.ID)
			}
		})
	}
}

func TestSearch(t *testing.T) {
	p := newPipeline(t, embeddedCorpus(t), nil)
	ms, err := p.Search(context.Background(), "Zhao Zhiguo", 3)
	if err != nil {
		t.Fatalf("Search: %v", err)
	}
	if len(ms) == 0 || ms[0].Rank != 1 || !ms[0].Relevant || !strings.Contains(ms[0].Passage.Text, "Zhao Zhiguo") {
		t.Fatalf("got %+v, want the Zhao passage first and relevant", ms)
	}
	for _, h := range ms[0].Highlights {
		if got := ms[0].Passage.Text[h.Start:h.End]; !strings.EqualFold(got, "Zhao") && !strings.EqualFold(got, "Zhiguo") {
			t.Errorf("highlight %q, want Zhao or Zhiguo", got)
		}
	}
	if _, err := p.Search(context.Background(), "the of and", 3); !errors.Is(err, retrieval.ErrNoTerms) {
		t.Errorf("stopwords only: got %v, want retrieval.ErrNoTerms", err)
	}
	docs, err := p.SearchDocs(context.Background(), "DingTalk code de santé", 2)
	if err != nil || len(docs) == 0 || docs[0].Doc != "alibaba-tencent-bury-the-hatchet.fr" {
		t.Errorf("SearchDocs: got %+v, %v; want the French article first", docs, err)
	}
}

func TestPassage(t *testing.T) {
	p := newPipeline(t, embeddedCorpus(t), nil)
	d := p.Documents()[0]
	ps, doc, ok := p.Passage(d.ID, 1)
	if !ok || doc.ID != d.ID || ps.Index != 1 || ps.Text != d.Passages[1].Text {
		t.Errorf("Passage(%s, 1): got %v %s #%d", d.ID, ok, doc.ID, ps.Index)
	}
	for _, tc := range []struct {
		doc string
		i   int
	}{{"nope", 0}, {d.ID, -1}, {d.ID, len(d.Passages)}} {
		if _, _, ok := p.Passage(tc.doc, tc.i); ok {
			t.Errorf("Passage(%q, %d): got ok, want not found", tc.doc, tc.i)
		}
	}
}

// Reload swaps the corpus while answers are being computed; each call
// sees one corpus or the other, whole.
func TestReload(t *testing.T) {
	small := loadFS(t, fstest.MapFS{
		"note.txt": {Data: []byte("Team note\n\nThe quarterly widget audit found seven missing crates in the Lyon depot.\n")},
	})
	p := newPipeline(t, embeddedCorpus(t), nil)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				res, err := p.Ask(context.Background(), Question{Text: "How many users does Alipay have?"})
				if err != nil {
					t.Errorf("Ask during reload: %v", err)
					return
				}
				if !res.Abstained && len(res.Sources) == 0 {
					t.Errorf("answer without sources during reload")
				}
			}
		}()
	}
	for i := 0; i < 10; i++ {
		c := embeddedCorpus(t)
		if i%2 == 0 {
			c = small
		}
		if err := p.Reload(c); err != nil {
			t.Fatalf("Reload: %v", err)
		}
	}
	wg.Wait()
	if err := p.Reload(small); err != nil {
		t.Fatal(err)
	}
	if got := len(p.Documents()); got != 1 {
		t.Errorf("documents after reload: got %d, want 1", got)
	}
	res, err := p.Ask(context.Background(), Question{Text: "What did the quarterly widget audit find in the Lyon depot?"})
	if err != nil || res.Abstained || !strings.Contains(res.Text, "seven missing crates") {
		t.Errorf("after reload: got %+v, %v; want the note's answer", res, err)
	}
	if err := p.Reload(nil); err == nil {
		t.Errorf("Reload(nil): got no error")
	}
}

func TestNewTypedNilModel(t *testing.T) {
	var cl *llm.Client
	p := newPipeline(t, embeddedCorpus(t), cl)
	if p.LLMEnabled() {
		t.Errorf("LLMEnabled: got true for a nil *llm.Client, want false")
	}
}

func TestAskCanceled(t *testing.T) {
	p := newPipeline(t, embeddedCorpus(t), nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.Ask(ctx, Question{Text: "Who is Liu Xu?"}); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}
