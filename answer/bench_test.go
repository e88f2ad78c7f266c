package answer

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"corpusbot/internal/cputime"
)

// questions reads the shared question set, skipping out-of-corpus ones.
func benchQuestions(b *testing.B) []string {
	b.Helper()
	f, err := os.Open("../testdata/questions.jsonl")
	if err != nil {
		b.Fatalf("open question set: %v", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var q struct {
			Question    string `json:"question"`
			OutOfCorpus bool   `json:"out_of_corpus"`
		}
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			b.Fatalf("question set: %v", err)
		}
		if !q.OutOfCorpus {
			out = append(out, q.Question)
		}
	}
	return out
}

// BenchmarkPipeline times one question through the pipeline with a model
// that answers instantly: retrieval, budget, prompt rendering, citation
// parsing, sources and the support check. Rewrites are cached after the
// first round, as they are in service.
func BenchmarkPipeline(b *testing.B) {
	qs := benchQuestions(b)
	model := cannedModel{reply: "The passages agree on the main point [1]. They differ on the figures [2][1]. " +
		"One of them adds a detail that is not in the others [3]. A reference that was never given [9]."}
	p, err := New(Config{}, embeddedCorpus(b), model)
	if err != nil {
		b.Fatal(err)
	}
	askEach(b, p, qs)
}

// BenchmarkExtractive times the no-model answer.
func BenchmarkExtractive(b *testing.B) {
	qs := benchQuestions(b)
	p, err := New(Config{}, embeddedCorpus(b), nil)
	if err != nil {
		b.Fatal(err)
	}
	askEach(b, p, qs)
}

// reportCPU reports the process's CPU time (user and system) per op since
// start: other jobs on the machine disturb it much less than wall time.
// askEach asks qs in turn, one a loop, and reports allocations and the
// CPU time a question took, as the pipeline benchmarks all measure it.
func askEach(b *testing.B, p *Pipeline, qs []string) {
	ctx := context.Background()
	i := 0
	b.ReportAllocs()
	start := cputime.Now()
	for b.Loop() {
		if _, err := p.Ask(ctx, Question{Text: qs[i%len(qs)]}); err != nil {
			b.Fatalf("%q: %v", qs[i%len(qs)], err)
		}
		i++
	}
	reportCPU(b, start)
}

func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64((cputime.Now()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

// BenchmarkReplyStream renders a long reply streamed in small pieces, as
// a model sends it: every piece re-renders the settled sentences (cached)
// and checks new ones against their passages.
func BenchmarkReplyStream(b *testing.B) {
	reader, blocks := testReader(b, 3)
	var sb strings.Builder
	for i := range 40 {
		n := i%3 + 1
		f := strings.Fields(blocks[n-1].text)
		fmt.Fprintf(&sb, "Sentence %d says what passage %d says [%d] «%s». ", i, n, n, strings.Join(f[:min(6, len(f))], " "))
	}
	pieces := splitEvery(sb.String(), 12)
	b.ReportAllocs()
	for b.Loop() {
		s := &replyStream{out: func(string) {}, rd: reader()}
		for _, p := range pieces {
			s.write(p)
		}
		s.flush()
	}
}

// BenchmarkExtractiveDistinct asks the 320 questions of the embedded
// corpus' abstention set (in and out of the corpus; English, French,
// Arabic, Chinese) in turn, on a pipeline of its own: run with -benchtime
// 320x, each is asked once, as in service, where questions seldom repeat.
// BenchmarkExtractive's 21 questions come back every 21 asks: what a
// question leaves behind (a passage's analysis, a cache) serves it again.
func BenchmarkExtractiveDistinct(b *testing.B) {
	f, err := os.Open("../testdata/abstain/embedded.jsonl")
	if err != nil {
		b.Fatalf("open the abstention set: %v", err)
	}
	defer f.Close()
	var qs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var q struct {
			Question string `json:"question"`
		}
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			b.Fatalf("abstention set: %v", err)
		}
		qs = append(qs, q.Question)
	}
	if len(qs) == 0 {
		b.Fatal("abstention set: no questions")
	}
	p, err := New(Config{}, embeddedCorpus(b), nil)
	if err != nil {
		b.Fatal(err)
	}
	askEach(b, p, qs)
	// What the pipeline holds after the questions (its index, the
	// passages' analyses, any cache), collected: a cache kept across
	// questions shows here.
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc), "heap-B")
	runtime.KeepAlive(p)
}
