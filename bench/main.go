// Command bench compares corpusbot's retrieval with bleve on the same
// corpus and queries: index build time, per-query latency, and nDCG@10,
// Recall@100 and MRR@10 against the qrels.
//
// It is its own module (corpusbot/bench) so that the bot never depends on
// bleve. Run it from this directory:
//
//	go run . -runs 5
//
// The data folder is BEIR SciFact in corpusbot's layout: docs/*.txt (first
// line the title), queries.tsv (qid<TAB>text) and qrels.tsv.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"corpusbot/answer"
	"corpusbot/corpus"
	"corpusbot/ireval"
	"corpusbot/retrieval"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// defaultDataDir is SciFact relative to bench/, or under
// $CORPUSBOT_EVAL_DIR when that is set.
func defaultDataDir() string {
	if d := os.Getenv("CORPUSBOT_EVAL_DIR"); d != "" {
		return filepath.Join(d, "scifact")
	}
	return filepath.Join("..", "..", "shared", "eval", "ir", "scifact")
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", defaultDataDir(), "folder with docs/, queries.tsv and qrels.tsv")
	runs := fs.Int("runs", 5, "builds and query passes per system; figures are medians over runs")
	k := fs.Int("k", 100, "documents retrieved per query")
	qa := fs.String("qa", "", "folder with question sets (NAME.LL.json such as xquad.de.json, piaf*.json, …): measure them instead of -data")
	langs := fs.String("langs", "", "with -qa: comma-separated languages to run (default all)")
	against := fs.String("against", "", "with -qa: a folder of rankings written by -rankings; compare corpusbot's ranking with its, question by question (paired bootstrap)")
	qaSystems := fs.String("systems", "corpusbot,bleve", "with -qa: comma-separated systems to run (corpusbot, bleve)")
	which := fs.String("half", "test", "with -qa: the questions to score: test (held out), tune or all")
	detect := fs.Bool("detect", false, "with -qa: measure language detection instead of retrieval")
	locale := fs.String("locale", "", "with -detect: also score the reply language of each question (i18n.Reply) for a reader of this locale; \"own\" is each set's own language")
	extractive := fs.Bool("extractive", false, "with -floor: also ask each question in extractive mode (no model): in-corpus answered with the gold answer's text, out-of-corpus abstained")
	signalsOut := fs.String("signals", "", "with -floor -extractive: write what extractive ask weighs for each question to this file (JSON lines, for bench/decide)")
	floor := fs.Bool("floor", false, "with -qa: measure the relevance floor (questions of half the articles answered, of the other half abstained) instead of ranking")
	var floors []float64
	fs.Func("floors", "with -floor: comma-separated relevance floors to score besides the default, on the same rankings", func(v string) error {
		for _, f := range strings.Split(v, ",") {
			x, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
			if err != nil || !(x >= 0 && x <= 1) {
				return fmt.Errorf("floor %q: want a number in [0,1]", f)
			}
			floors = append(floors, x)
		}
		return nil
	})
	var doctrees []string
	fs.Func("doctree", "DIR=QUESTIONS.tsv: load a documentation tree and score its questions by the file of the first passages (repeatable)", func(s string) error {
		doctrees = append(doctrees, s)
		return nil
	})
	mixed := fs.Bool("mixed", false, "with -qa: one corpus of every language's paragraphs, every language's questions")
	export := fs.String("export", "", "with -qa: write each set as loaded (docs.tsv, queries.tsv, qrels.tsv) under this folder, for xapian_qa.py")
	rankings := fs.String("rankings", "", "with -qa: write each system's ranking of each set (qid docid rank) under this folder, to compare question by question")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if len(doctrees) > 0 {
		return runDocTrees(ctx, doctrees, stdout, stderr)
	}
	if *runs < 1 || *k < 1 {
		return errors.New("-runs and -k must be at least 1")
	}
	if *qa != "" {
		if *which != "test" && *which != "tune" && *which != "all" {
			return errors.New("-half must be test, tune or all")
		}
		var ls []string
		if *langs != "" {
			ls = strings.Split(*langs, ",")
		}
		if *detect {
			return runDetect(*qa, ls, *which, *locale, stdout)
		}
		if *floor {
			return runFloor(ctx, *qa, ls, *which, floors, *extractive, *signalsOut, stdout)
		}
		syss := strings.Split(*qaSystems, ",")
		for _, s := range syss {
			if s != "corpusbot" && s != "bleve" {
				return fmt.Errorf("-systems: unknown system %q (corpusbot, bleve)", s)
			}
		}
		if *against != "" && !slices.Contains(syss, "corpusbot") {
			return errors.New("-against compares corpusbot's rankings: include corpusbot in -systems")
		}
		return runQA(ctx, *qa, ls, syss, *which, *mixed, *export, *rankings, *against, *runs, *k, stdout, stderr)
	}

	loadStart := time.Now()
	c, err := corpus.Load(ctx, os.DirFS(filepath.Join(*data, "docs")), corpus.Config{})
	if err != nil {
		return fmt.Errorf("load corpus: %w", err)
	}
	loadTime := time.Since(loadStart)
	queries, err := readQueries(filepath.Join(*data, "queries.tsv"))
	if err != nil {
		return err
	}
	qf, err := os.Open(filepath.Join(*data, "qrels.tsv"))
	if err != nil {
		return err
	}
	qrels, err := ireval.ReadQrels(qf)
	qf.Close()
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "loaded %d documents in %v (corpus.Load, shared by both), %d queries, %d judged queries\n",
		len(c.Docs), loadTime.Round(time.Millisecond), len(queries), len(qrels))

	systems := []system{&corpusbotSystem{}, &bleveSystem{}}
	results := make([]*result, len(systems))
	for i, s := range systems {
		results[i] = &result{name: s.name()}
	}
	for r := range *runs {
		// Alternate the order so neither system always runs after the
		// other's garbage.
		for j := range systems {
			i := j
			if r%2 == 1 {
				i = len(systems) - 1 - j
			}
			if err := measure(ctx, systems[i], c, queries, qrels, *k, results[i]); err != nil {
				return fmt.Errorf("%s run %d: %w", systems[i].name(), r+1, err)
			}
			fmt.Fprintf(stderr, "run %d/%d %-9s build %8v  query median %6.0f µs  p95 %6.0f µs\n",
				r+1, *runs, systems[i].name(), results[i].builds[r].Round(time.Millisecond),
				micros(results[i].medians[r]), micros(results[i].p95s[r]))
		}
	}
	writeReport(stdout, results, len(c.Docs), len(queries), *runs, *k)
	return nil
}

// query is one line of queries.tsv.
type query struct{ id, text string }

func readQueries(path string) ([]query, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parseQueries(f)
}

func parseQueries(r io.Reader) ([]query, error) {
	var qs []query
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		id, text, ok := strings.Cut(line, "\t")
		if !ok || strings.TrimSpace(id) == "" {
			return nil, fmt.Errorf("queries line %d: want qid<TAB>text", n)
		}
		qs = append(qs, query{id: strings.TrimSpace(id), text: text})
	}
	return qs, sc.Err()
}

// system is one retrieval engine under test.
type system interface {
	name() string
	// build indexes c, replacing any previous index.
	build(ctx context.Context, c *corpus.Corpus) error
	// search returns up to k document IDs, best first. A query with nothing
	// searchable returns no documents and no error.
	search(ctx context.Context, q string, k int) ([]string, error)
	close() error
}

// result collects one system's figures, one entry per run.
type result struct {
	name                  string
	builds                []time.Duration
	medians, p95s         []time.Duration
	ndcg10, recall, mrr10 []float64
	empty                 int        // queries with no result in the last run
	ranking               ireval.Run // of the last run
}

// measure builds s once and runs every query once, timing each.
func measure(ctx context.Context, s system, c *corpus.Corpus, qs []query, qrels ireval.Qrels, k int, res *result) error {
	defer s.close()
	runtime.GC()
	start := time.Now()
	if err := s.build(ctx, c); err != nil {
		return err
	}
	res.builds = append(res.builds, time.Since(start))

	runtime.GC()
	lat := make([]time.Duration, 0, len(qs))
	ranking := make(ireval.Run, len(qs))
	empty := 0
	for _, q := range qs {
		t := time.Now()
		docs, err := s.search(ctx, q.text, k)
		lat = append(lat, time.Since(t))
		if err != nil {
			return fmt.Errorf("query %s: %w", q.id, err)
		}
		if len(docs) == 0 {
			empty++
		}
		ranking[q.id] = docs
	}
	slices.Sort(lat)
	res.medians = append(res.medians, percentile(lat, 0.5))
	res.p95s = append(res.p95s, percentile(lat, 0.95))
	res.ndcg10 = append(res.ndcg10, ireval.NDCG(qrels, ranking, 10))
	res.recall = append(res.recall, ireval.Recall(qrels, ranking, 100))
	res.mrr10 = append(res.mrr10, ireval.MRR(qrels, ranking, 10))
	res.empty = empty
	res.ranking = ranking
	return nil
}

// percentile is the nearest-rank percentile of sorted durations.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(p*float64(len(sorted)))) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

func median[T time.Duration | float64](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func micros(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }

// --- corpusbot -----------------------------------------------------------

// corpusbotSystem goes through the same path as `corpusbot search --batch`:
// answer.New, then Pipeline.SearchDocs (a document scores as its best
// passage).
type corpusbotSystem struct{ p *answer.Pipeline }

func (*corpusbotSystem) name() string { return "corpusbot" }

func (s *corpusbotSystem) build(_ context.Context, c *corpus.Corpus) error {
	p, err := answer.New(answer.Config{}, c, nil)
	if err != nil {
		return err
	}
	s.p = p
	return nil
}

func (s *corpusbotSystem) search(ctx context.Context, q string, k int) ([]string, error) {
	hits, err := s.p.SearchDocs(ctx, q, k)
	if errors.Is(err, retrieval.ErrNoTerms) {
		return nil, nil // the CLI skips such a query too
	}
	if err != nil {
		return nil, err
	}
	docs := make([]string, len(hits))
	for i, h := range hits {
		docs[i] = h.Doc
	}
	return docs, nil
}

func (s *corpusbotSystem) close() error { s.p = nil; return nil }

// --- bleve ---------------------------------------------------------------

// bleveField holds a document's whole text, title line included: one
// field, as BEIR's BM25 baselines index title + text.
const bleveField = "body"

type bleveDoc struct {
	Body string `json:"body"`
}

// bleveSystem is an in-memory scorch index with BM25 scoring and the "en"
// analyzer (unicode tokenizer, English possessives, lower case, English
// stopwords, Porter stemmer), filled in one batch and queried with a match
// query (terms OR-ed).
type bleveSystem struct {
	analyzer string // "" is "en"
	ix       bleve.Index
}

func (*bleveSystem) name() string { return "bleve" }

func newBleveMapping(analyzer string) *mapping.IndexMappingImpl {
	if analyzer == "" {
		analyzer = en.AnalyzerName
	}
	fm := bleve.NewTextFieldMapping()
	fm.Analyzer = analyzer
	fm.Store = false
	fm.IncludeInAll = false
	fm.IncludeTermVectors = false
	fm.DocValues = false
	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt(bleveField, fm)
	im := bleve.NewIndexMapping()
	im.DefaultMapping = dm
	im.DefaultAnalyzer = analyzer
	im.DefaultField = bleveField
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false
	// Without this bleve scores with TF-IDF.
	im.ScoringModel = bleveindex.BM25Scoring
	return im
}

func (s *bleveSystem) build(_ context.Context, c *corpus.Corpus) error {
	// bleve.NewMemOnly would use the upsidedown index, which cannot report
	// field lengths, so bleve silently falls back to TF-IDF there. Scorch
	// with an empty path keeps everything in memory.
	ix, err := bleve.NewUsing("", newBleveMapping(s.analyzer), scorch.Name, scorch.Name, nil)
	if err != nil {
		return err
	}
	b := ix.NewBatch()
	for i := range c.Docs {
		d := &c.Docs[i]
		if err := b.Index(d.ID, bleveDoc{Body: d.Text}); err != nil {
			ix.Close()
			return err
		}
	}
	if err := ix.Batch(b); err != nil {
		ix.Close()
		return err
	}
	n, err := ix.DocCount()
	if err != nil {
		ix.Close()
		return err
	}
	if n != uint64(len(c.Docs)) {
		ix.Close()
		return fmt.Errorf("bleve indexed %d documents of %d", n, len(c.Docs))
	}
	s.ix = ix
	return nil
}

func (s *bleveSystem) search(ctx context.Context, q string, k int) ([]string, error) {
	mq := bleve.NewMatchQuery(q)
	mq.SetField(bleveField)
	req := bleve.NewSearchRequestOptions(mq, k, 0, false)
	res, err := s.ix.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	docs := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		docs[i] = h.ID
	}
	return docs, nil
}

func (s *bleveSystem) close() error {
	if s.ix == nil {
		return nil
	}
	err := s.ix.Close()
	s.ix = nil
	return err
}

// --- report --------------------------------------------------------------

func writeReport(w io.Writer, results []*result, docs, queries, runs, k int) {
	fmt.Fprintf(w, "SciFact-style benchmark: %d documents, %d queries, k=%d, medians over %d runs\n", docs, queries, k, runs)
	fmt.Fprintf(w, "machine: %s\n\n", machineInfo())
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "system\tbuild\tquery median µs\tquery p95 µs\tnDCG@10\tRecall@100\tMRR@10\t")
	for _, r := range results {
		fmt.Fprintf(tw, "%s\t%v\t%.0f\t%.0f\t%.4f\t%.4f\t%.4f\t\n",
			r.name, median(r.builds).Round(time.Millisecond),
			micros(median(r.medians)), micros(median(r.p95s)),
			median(r.ndcg10), median(r.recall), median(r.mrr10))
	}
	tw.Flush()
	for _, r := range results {
		if spread(r.ndcg10) > 1e-9 || spread(r.recall) > 1e-9 || spread(r.mrr10) > 1e-9 {
			fmt.Fprintf(w, "note: %s quality varied between runs (nDCG@10 %.4f–%.4f)\n", r.name, slices.Min(r.ndcg10), slices.Max(r.ndcg10))
		}
		if r.empty > 0 {
			fmt.Fprintf(w, "note: %s returned nothing for %d queries\n", r.name, r.empty)
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "build and query figures per run (ms; µs median/p95):")
	for _, r := range results {
		fmt.Fprintf(w, "  %-9s", r.name)
		for i := range r.builds {
			fmt.Fprintf(w, "  %d/%.0f/%.0f", r.builds[i].Milliseconds(), micros(r.medians[i]), micros(r.p95s[i]))
		}
		fmt.Fprintln(w)
	}
}

func spread(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	return slices.Max(xs) - slices.Min(xs)
}

func machineInfo() string {
	bleveVersion := "?"
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			if m.Path == "github.com/blevesearch/bleve/v2" {
				bleveVersion = m.Version
			}
		}
	}
	return fmt.Sprintf("%d CPUs (GOMAXPROCS %d), %s, %s %s/%s, bleve %s",
		runtime.NumCPU(), runtime.GOMAXPROCS(0), cpuModel(), runtime.Version(), runtime.GOOS, runtime.GOARCH, bleveVersion)
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}
