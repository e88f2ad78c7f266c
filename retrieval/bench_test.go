package retrieval

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"corpusbot/internal/cputime"
	"corpusbot/internal/gentext"
)

// Synthetic corpus: 100,000 passages of 50–150 words drawn from a Zipf
// distribution (s = 1.07) over a vocabulary of random words, as natural text
// is; fixed seeds make it the same on every run.
const (
	synthItems = 100_000
	synthVocab = 50_000
	synthZipfS = 1.07
)

type synthCorpus struct {
	items   []Item
	queries []string
	raw     int // bytes of text
}

var synth = sync.OnceValue(func() *synthCorpus {
	r := rand.New(rand.NewPCG(1, 2))
	vocab := make([]string, synthVocab)
	seen := make(map[string]bool, synthVocab)
	for i := range vocab {
		for {
			b := make([]byte, 2+r.IntN(9))
			for j := range b {
				b[j] = byte('a' + r.IntN(26))
			}
			if w := string(b); !seen[w] {
				seen[w] = true
				vocab[i] = w
				break
			}
		}
	}
	words := zipfWords(r, vocab)
	c := &synthCorpus{items: make([]Item, synthItems)}
	for i := range c.items {
		text := words(50 + r.IntN(101))
		c.items[i] = Item{Doc: "d" + string(rune('a'+i%26)) + words(1), Text: text, Lang: "en"}
		c.raw += len(text)
	}
	c.queries = make([]string, 1000)
	for i := range c.queries {
		c.queries[i] = words(3 + r.IntN(6))
	}
	return c
})

// zipfWords returns a function giving n words of vocab drawn by Zipf's
// law from r, apart by spaces: the synthetic corpora's text.
func zipfWords(r *rand.Rand, vocab []string) func(n int) string {
	z := rand.NewZipf(r, synthZipfS, 1, uint64(len(vocab)-1))
	return func(n int) string {
		var sb strings.Builder
		for i := range n {
			if i > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(vocab[z.Uint64()])
		}
		return sb.String()
	}
}

// indexBytes is the heap an index holds, measured as the live-heap delta
// across New.
func indexBytes(tb testing.TB, items []Item) (*Index, uint64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	ix, err := New(Config{}, items)
	if err != nil {
		tb.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	return ix, after.HeapAlloc - before.HeapAlloc
}

func rawBytes(items []Item) int {
	n := 0
	for _, it := range items {
		n += len(it.Text) + len(it.Title)
	}
	return n
}

func benchBuild(b *testing.B, items []Item) {
	ix, mem := indexBytes(b, items)
	runtime.KeepAlive(ix)
	b.SetBytes(int64(rawBytes(items)))
	var cpu time.Duration
	for b.Loop() {
		start := cputime.Now()
		if _, err := New(Config{}, items); err != nil {
			b.Fatal(err)
		}
		cpu += cputime.Now() - start
	}
	// After the loop: b.Loop's timer reset drops metrics reported before it.
	b.ReportMetric(float64(mem)/float64(rawBytes(items)), "mem/raw")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
}

func benchSearch(b *testing.B, items []Item, queries []string, search func(ix *Index, q string) error) {
	ix, err := New(Config{}, items)
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	b.ReportAllocs()
	var start time.Duration
	for b.Loop() {
		if i == 0 {
			start = cputime.Now()
		}
		if err := search(ix, queries[i%len(queries)]); err != nil && err != ErrNoTerms {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64((cputime.Now()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

func search10(ix *Index, q string) error {
	_, err := ix.Search(q, 10)
	return err
}

func searchDocs100(ix *Index, q string) error {
	_, err := ix.SearchDocs(q, 100)
	return err
}

func BenchmarkBuild100k(b *testing.B) { benchBuild(b, synth().items) }

// genItems are 100,000 passages shaped as those of the 1-million-passage
// benchmark (index_snapshot_bench_test.go, the same generator and seed):
// 12,500 documents of 8 paragraphs of 100–180 words, sentences drawn at
// random from SciFact's abstracts, each passage indexed with its
// document's title, as answer.Index gives them.
func genItems(tb testing.TB) []Item {
	tb.Helper()
	src, err := gentext.ReadSciFact(filepath.Join(scifactDir(), "docs"))
	if err != nil {
		tb.Fatalf("%v (it is ../shared/eval/ir/scifact beside the repository; set CORPUSBOT_EVAL_DIR)", err)
	}
	r := rand.New(rand.NewPCG(15, 4))
	var items []Item
	var sb strings.Builder
	for f := range 12_500 {
		sb.Reset()
		src.Document(&sb, r, f, 8)
		title, body, _ := strings.Cut(sb.String(), "\n")
		for p := range strings.SplitSeq(strings.TrimSpace(body), "\n\n") {
			items = append(items, Item{Doc: fmt.Sprintf("%03d/doc%06d.txt", f/1000, f), Title: title, Text: p, Lang: "en"})
		}
	}
	return items
}

// BenchmarkBuildGen100k builds the index of genItems: the index step of
// the 1-million-passage build, a tenth of it.
func BenchmarkBuildGen100k(b *testing.B) { benchBuild(b, genItems(b)) }

func BenchmarkSearch100k(b *testing.B) {
	c := synth()
	benchSearch(b, c.items, c.queries, search10)
}

func BenchmarkBuildSciFact(b *testing.B) { benchBuild(b, loadSciFact(b).items) }

// BenchmarkSearchSciFact: one op is one query, cycling the 300 queries, top
// 10 passages.
func BenchmarkSearchSciFact(b *testing.B) {
	s := loadSciFact(b)
	qs := make([]string, len(s.queries))
	for i, q := range s.queries {
		qs[i] = q[1]
	}
	benchSearch(b, s.items, qs, search10)
}

// BenchmarkSearchDocsSciFact is the TREC-run path: top 100 documents.
func BenchmarkSearchDocsSciFact(b *testing.B) {
	s := loadSciFact(b)
	qs := make([]string, len(s.queries))
	for i, q := range s.queries {
		qs[i] = q[1]
	}
	benchSearch(b, s.items, qs, searchDocs100)
}

// BenchmarkTokenizeSciFact: the tokenizer alone (the char filter and
// identifier splitting included) over every SciFact passage; one op is the
// whole corpus.
func BenchmarkTokenizeSciFact(b *testing.B) {
	items := loadSciFact(b).items
	var tz tokenizer
	var arena []byte
	var toks []token
	b.SetBytes(int64(rawBytes(items)))
	for b.Loop() {
		for _, it := range items {
			arena, toks = tz.tokenize(it.Text, arena[:0], toks[:0])
		}
	}
}
