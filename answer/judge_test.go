package answer

import (
	"context"
	"math"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"corpusbot/internal/cputime"
	"corpusbot/sentvec"
)

// fakeEncoder embeds texts holding near in the direction [1, 0] at the
// cosine cos, its questions at [1, 0], everything else at [0, 1]; it
// records what it was given. fail makes it return nothing.
type fakeEncoder struct {
	questions []string
	near      string
	cos       float32
	fail      bool
	mu        sync.Mutex
	calls     [][]string
}

func (e *fakeEncoder) Encode(texts ...string) [][]float32 {
	e.mu.Lock()
	e.calls = append(e.calls, texts)
	e.mu.Unlock()
	if e.fail {
		return nil
	}
	out := make([][]float32, len(texts))
	for i, t := range texts {
		switch {
		case strings.Contains(strings.Join(e.questions, "\n"), t):
			out[i] = []float32{1, 0}
		case strings.Contains(t, e.near):
			out[i] = []float32{e.cos, float32(math.Sqrt(float64(1 - e.cos*e.cos)))}
		default:
			out[i] = []float32{0, 1}
		}
	}
	return out
}

// A judge answers an English question the focus rule abstains on with
// the candidate nearest it in meaning, when near enough; it is asked only
// then, with the question and the candidates holding its names.
func TestJudgeRescues(t *testing.T) {
	c := loadFS(t, fstest.MapFS{
		"river.md": {Data: []byte("# Rivers\n\nThe river Sorrel runs through the valley to the sea.\n\nBoats carry timber down the Sorrel every spring.\n")},
		"town.md":  {Data: []byte("# Towns\n\nThe market town holds a fair in autumn.\n\nIts bridge was rebuilt after the flood.\n")},
	})
	// "flow" is in no sentence: the sea's holds 0.28 of the focus.
	const q = "What does the Sorrel flow into after the valley?"
	const sea = "runs through the valley to the sea"
	ctx := context.Background()
	for _, tt := range []struct {
		name     string
		enc      *fakeEncoder
		rescue   float64
		answered bool
	}{
		{"no judge", nil, 0, false},
		{"the sea's sentence near", &fakeEncoder{near: sea, cos: 0.95}, 0, true},
		{"below the default", &fakeEncoder{near: sea, cos: 0.75}, 0, false},
		{"at a lower cosine set", &fakeEncoder{near: sea, cos: 0.75}, 0.7, true},
		{"an encoder that fails", &fakeEncoder{near: sea, cos: 0.95, fail: true}, 0, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := Config{}
			if tt.enc != nil {
				tt.enc.questions = []string{q}
				cfg.Judge = Judge{Encoder: tt.enc, Rescue: tt.rescue}
			}
			p, err := New(cfg, c, nil)
			if err != nil {
				t.Fatal(err)
			}
			res, err := p.Ask(ctx, Question{Text: q})
			if err != nil {
				t.Fatal(err)
			}
			if got := !res.Abstained; got != tt.answered {
				t.Fatalf("answered %v (%q), want %v", got, res.Text, tt.answered)
			}
			if tt.answered && (!strings.Contains(res.Text, sea) || strings.Contains(res.Text, "Boats")) {
				t.Errorf("answer %q, want the sea's sentence alone", res.Text)
			}
			if tt.enc != nil {
				if len(tt.enc.calls) != 1 || tt.enc.calls[0][0] != q || len(tt.enc.calls[0]) < 2 {
					t.Errorf("encoder given %q, want the question then its candidates, once", tt.enc.calls)
				}
			}
		})
	}
	// Not asked: a question the rule answers, one in another language.
	enc := &fakeEncoder{near: sea, cos: 0.95, questions: []string{q}}
	p, err := New(Config{Judge: Judge{Encoder: enc}}, c, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, other := range []string{"What do boats carry down the Sorrel every spring?", "Qu'est-ce que les bateaux transportent sur la Sorrel au printemps ?"} {
		if _, err := p.Ask(ctx, Question{Text: other}); err != nil {
			t.Fatal(err)
		}
	}
	if len(enc.calls) != 0 {
		t.Errorf("encoder asked %q, want never: the rule answers the first, the second is French", enc.calls)
	}
}

func TestCosine(t *testing.T) {
	for _, tt := range []struct {
		a, b []float32
		want float64
	}{
		{[]float32{1, 0}, []float32{2, 0}, 1},
		{[]float32{1, 0}, []float32{0, 3}, 0},
		{[]float32{1, 1}, []float32{-1, -1}, -1},
		{[]float32{0, 0}, []float32{1, 0}, 0},
	} {
		if got := cosine(tt.a, tt.b); got < tt.want-1e-9 || got > tt.want+1e-9 {
			t.Errorf("cosine(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// countingEncoder counts the texts it encodes.
type countingEncoder struct {
	Encoder
	n atomic.Int64
}

func (e *countingEncoder) Encode(texts ...string) [][]float32 {
	e.n.Add(int64(len(texts)))
	return e.Encoder.Encode(texts...)
}

// BenchmarkJudge is the judge's cost per question (sentvec's encoder) on
// English questions of the embedded corpus that the focus rule abstains
// on with candidates the judge reads (the six of embedded.jsonl's tuning
// half with most; 2-9 of them, none rescued at the default): off, on, and
// the texts encoded per question.
func BenchmarkJudge(b *testing.B) {
	qs := []string{
		"What is the corporate tax rate for tech companies in China?",
		"What is the gift of gold in WeChat's virtual gifting market called?",
		"Where was Zhao Zhiguo born?",
		"What does Tencent's headquarters building look like?",
		"How much gold does China hold in its reserves?",
		"Which foreign credit cards does Alipay accept?",
	}
	c := embeddedCorpus(b)
	ctx := context.Background()
	for _, on := range []bool{false, true} {
		name := "off"
		cfg := Config{}
		enc := &countingEncoder{Encoder: &sentvec.Encoder{}}
		if on {
			name = "on"
			cfg.Judge = Judge{Encoder: enc}
			if err := enc.Encoder.(*sentvec.Encoder).Load(); err != nil {
				b.Fatal(err)
			}
		}
		p, err := New(cfg, c, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			enc.n.Store(0)
			i := 0
			b.ReportAllocs()
			start := cputime.Now()
			for b.Loop() {
				if _, err := p.Ask(ctx, Question{Text: qs[i%len(qs)]}); err != nil {
					b.Fatal(err)
				}
				i++
			}
			// CPU time, not only wall time: 2 shared cores under load
			// make ns/op the queue's more than the encoder's.
			reportCPU(b, start)
			b.ReportMetric(float64(enc.n.Load())/float64(b.N), "texts/op")
		})
	}
}
