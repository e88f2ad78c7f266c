// Command rerank measures dense re-ranking of BM25's candidates with the
// sentence encoder (sentvec): score = (1-w)·BM25 normalised over the top
// depth candidates + w·cosine(query, passage). It scores every weight and
// depth on the tuning half of the questions, chooses the best there, and
// reports the held-out half with weight 0 (BM25 alone) and the chosen
// setting side by side.
//
//	go run ./rerank -set scifact -scifact ../../shared/eval/ir/scifact
//	go run ./rerank -set xquad -qa /tmp/qa
//
// SciFact's BEIR copy in ../shared holds its test queries only, so its
// questions are split in two by a hash of their ID, as bench -qa splits
// XQuAD's: "tune" chooses, "test" reports.
package main

import (
	"bufio"
	"context"
	"encoding/gob"
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"corpusbot/bench/squadset"
	"corpusbot/corpus"
	"corpusbot/internal/abstaineval"
	"corpusbot/ireval"
	"corpusbot/retrieval"
	"corpusbot/sentvec"
	"corpusbot/text"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "rerank:", err)
		os.Exit(1)
	}
}

type query struct{ id, text, half string }

type dataset struct {
	items   []retrieval.Item
	queries []query
	qrels   ireval.Qrels
	// passages: rank passages (Search, as answer/ does), a candidate named
	// by its item number, instead of documents (SearchDocs).
	passages bool
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("rerank", flag.ContinueOnError)
	set := fs.String("set", "scifact", "scifact, xquad or abstain")
	abstainSet := fs.String("questions", "", "with -set abstain: a bench/abstain question set (JSON lines); its in-corpus English questions are ranked, a passage holding an expected string the right one")
	abstainDir := fs.String("corpus", "", "with -set abstain: the set's corpus folder; empty for the embedded corpus")
	sciDir := fs.String("scifact", "../../shared/eval/ir/scifact", "BEIR SciFact folder (docs/, queries.tsv, qrels.tsv)")
	qaDir := fs.String("qa", "/tmp/qa", "folder holding xquad.en.json")
	depthList := fs.String("depths", "5,10,20,30", "candidate depths to try")
	use := fs.String("use", "", "MODE,NORM,DEPTH,W: report this setting (chosen elsewhere) instead of the tune half's best")
	cachePath := fs.String("cache", "", "embedding cache file (gob); default /tmp/rerank-SET.gob")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var depths []int
	for _, s := range strings.Split(*depthList, ",") {
		d, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || d < 1 {
			return fmt.Errorf("-depths: %q", s)
		}
		depths = append(depths, d)
	}
	maxDepth := slices.Max(depths)
	var ds *dataset
	var err error
	switch *set {
	case "scifact":
		ds, err = loadSciFact(ctx, *sciDir)
	case "xquad":
		ds, err = loadXQuAD(ctx, filepath.Join(*qaDir, "xquad.en.json"))
	case "abstain":
		ds, err = loadAbstain(ctx, *abstainSet, *abstainDir)
	default:
		return errors.New("-set must be scifact, xquad or abstain")
	}
	if err != nil {
		return err
	}
	if *cachePath == "" {
		*cachePath = "/tmp/rerank-" + *set + ".gob"
		if *set == "abstain" {
			*cachePath = "/tmp/rerank-" + strings.TrimSuffix(filepath.Base(*abstainSet), ".jsonl") + ".gob"
		}
	}
	ix, err := retrieval.New(retrieval.Config{}, ds.items)
	if err != nil {
		return err
	}
	// BM25's candidates, and every text to encode.
	type cand struct {
		doc   string
		bm25  float64
		item  int
		sents []string
	}
	cands := map[string][]cand{}
	need := map[string]bool{}
	for _, q := range ds.queries {
		var hits []retrieval.DocHit
		if ds.passages {
			hs, err := ix.Search(q.text, 100)
			if err != nil && !errors.Is(err, retrieval.ErrNoTerms) {
				return fmt.Errorf("query %s: %w", q.id, err)
			}
			for _, h := range hs {
				hits = append(hits, retrieval.DocHit{Doc: strconv.Itoa(h.Item), Hit: h})
			}
		} else {
			var err error
			if hits, err = ix.SearchDocs(q.text, 100); err != nil && !errors.Is(err, retrieval.ErrNoTerms) {
				return fmt.Errorf("query %s: %w", q.id, err)
			}
		}
		need[q.text] = true
		for i, h := range hits {
			c := cand{doc: h.Doc, bm25: h.Score, item: h.Item}
			if i < maxDepth {
				p := ds.items[h.Item].Text
				need[p] = true
				for _, sp := range text.Sentences(p) {
					s := strings.TrimSpace(p[sp.Start:sp.End])
					if s != "" {
						c.sents = append(c.sents, s)
						need[s] = true
					}
				}
			}
			cands[q.id] = append(cands[q.id], c)
		}
	}
	emb, err := encodeAll(*cachePath, need, stderr)
	if err != nil {
		return err
	}
	// cosines per candidate: first = the passage's first 128 tokens, best =
	// its best sentence, max = the larger.
	modes := []string{"first", "best", "max"}
	cos := map[string]map[string][]float64{}
	for _, m := range modes {
		cos[m] = map[string][]float64{}
	}
	for _, q := range ds.queries {
		qv := emb[q.text]
		for i, c := range cands[q.id] {
			if i >= maxDepth {
				break
			}
			f := float64(sentvec.Cosine(qv, emb[ds.items[c.item].Text]))
			b := f
			if len(c.sents) > 0 {
				b = -1
				for _, s := range c.sents {
					b = math.Max(b, float64(sentvec.Cosine(qv, emb[s])))
				}
			}
			cos["first"][q.id] = append(cos["first"][q.id], f)
			cos["best"][q.id] = append(cos["best"][q.id], b)
			cos["max"][q.id] = append(cos["max"][q.id], math.Max(f, b))
		}
	}
	type setting struct {
		mode, norm string
		depth      int
		w          float64
	}
	rerank := func(s setting, qs []query) ireval.Run {
		r := ireval.Run{}
		for _, q := range qs {
			cs := cands[q.id]
			d := min(s.depth, len(cs))
			type sc struct {
				doc string
				v   float64
			}
			top := make([]sc, d)
			lo, hi := math.Inf(1), math.Inf(-1)
			for i := range d {
				lo, hi = math.Min(lo, cs[i].bm25), math.Max(hi, cs[i].bm25)
			}
			for i := range d {
				b := cs[i].bm25 / hi
				if s.norm == "minmax" {
					b = 0
					if hi > lo {
						b = (cs[i].bm25 - lo) / (hi - lo)
					}
				}
				top[i] = sc{cs[i].doc, (1-s.w)*b + s.w*cos[s.mode][q.id][i]}
			}
			slices.SortStableFunc(top, func(a, b sc) int {
				switch {
				case a.v > b.v:
					return -1
				case a.v < b.v:
					return 1
				}
				return 0
			})
			for _, t := range top {
				r[q.id] = append(r[q.id], t.doc)
			}
			for _, c := range cs[d:] {
				r[q.id] = append(r[q.id], c.doc)
			}
		}
		return r
	}
	splitOf := func(which string) ([]query, ireval.Qrels) {
		var qs []query
		qr := ireval.Qrels{}
		for _, q := range ds.queries {
			if which == "all" || q.half == which {
				qs = append(qs, q)
				qr[q.id] = ds.qrels[q.id]
			}
		}
		return qs, qr
	}
	tuneQ, tuneR := splitOf("tune")
	testQ, testR := splitOf("test")
	fmt.Fprintf(stdout, "set %s: %d passages, %d questions (tune %d, test %d)\n\n", *set, len(ds.items), len(ds.queries), len(tuneQ), len(testQ))
	base := setting{"first", "max", maxDepth, 0}
	best, bestV := base, ireval.NDCG(tuneR, rerank(base, tuneQ), 10)
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "tune half nDCG@10\tmode\tnorm\tdepth\tw=0.1\t0.2\t0.3\t0.4\t0.5\t0.6\t0.7\t0.8\t1.0\t")
	for _, m := range modes {
		for _, norm := range []string{"max", "minmax"} {
			for _, d := range depths {
				fmt.Fprintf(tw, "\t%s\t%s\t%d\t", m, norm, d)
				for _, w := range []float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0} {
					s := setting{m, norm, d, w}
					v := ireval.NDCG(tuneR, rerank(s, tuneQ), 10)
					fmt.Fprintf(tw, "%.4f\t", v)
					if v > bestV+1e-9 {
						best, bestV = s, v
					}
				}
				fmt.Fprintln(tw)
			}
		}
	}
	// a finer look at the weight around the best
	for w := math.Max(0, best.w-0.1); w <= math.Min(1, best.w+0.1)+1e-9; w += 0.025 {
		s := best
		s.w = w
		if v := ireval.NDCG(tuneR, rerank(s, tuneQ), 10); v > bestV+1e-9 {
			best, bestV = s, v
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if *use != "" {
		f := strings.Split(*use, ",")
		if len(f) != 4 {
			return fmt.Errorf("-use %q: want MODE,NORM,DEPTH,W", *use)
		}
		d, err1 := strconv.Atoi(f[2])
		w, err2 := strconv.ParseFloat(f[3], 64)
		if err := errors.Join(err1, err2); err != nil || !slices.Contains(modes, f[0]) || d > maxDepth {
			return fmt.Errorf("-use %q: %v", *use, err)
		}
		best = setting{f[0], f[1], d, w}
		fmt.Fprintf(stdout, "\n(-use: the setting below is given, not chosen on this set)")
	}
	fmt.Fprintf(stdout, "\nsetting (the tune half's best unless -use): mode %s, norm %s, depth %d, w %.3f\n\n", best.mode, best.norm, best.depth, best.w)
	fmt.Fprintln(tw, "half\tsetting\tnDCG@10\tMRR@10\tfirst right\tRecall@100\tbetter\tworse\t")
	for _, h := range []struct {
		name string
		qs   []query
		qr   ireval.Qrels
	}{{"tune", tuneQ, tuneR}, {"test", testQ, testR}} {
		r0 := rerank(base, h.qs)
		r1 := rerank(best, h.qs)
		var better, worse int
		for _, q := range h.qs {
			one := ireval.Qrels{q.id: h.qr[q.id]}
			a, b := ireval.NDCG(one, r0, 10), ireval.NDCG(one, r1, 10)
			if b > a+1e-9 {
				better++
			} else if b < a-1e-9 {
				worse++
			}
		}
		for _, x := range []struct {
			name string
			r    ireval.Run
		}{{"BM25 (w 0)", r0}, {"re-ranked", r1}} {
			fmt.Fprintf(tw, "%s\t%s\t%.4f\t%.4f\t%.4f\t%.4f\t%d\t%d\t\n", h.name, x.name, ireval.NDCG(h.qr, x.r, 10), ireval.MRR(h.qr, x.r, 10), ireval.MRR(h.qr, x.r, 1), ireval.Recall(h.qr, x.r, 100), better, worse)
		}
	}
	return tw.Flush()
}

// half is bench -qa's split: by a hash of the question's ID.
func half(qid string) string {
	h := fnv.New32a()
	h.Write([]byte(qid))
	if h.Sum32()%2 == 0 {
		return "tune"
	}
	return "test"
}

// encodeAll returns an embedding for every text of need, reading and
// extending the cache file so that reruns encode nothing.
func encodeAll(path string, need map[string]bool, stderr io.Writer) (map[string][]float32, error) {
	emb := map[string][]float32{}
	if f, err := os.Open(path); err == nil {
		err = gob.NewDecoder(f).Decode(&emb)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("cache %s: %w", path, err)
		}
	}
	var todo []string
	for t := range need {
		if _, ok := emb[t]; !ok {
			todo = append(todo, t)
		}
	}
	slices.Sort(todo)
	var e sentvec.Encoder
	start := time.Now()
	const chunk = 256
	for i := 0; i < len(todo); i += chunk {
		j := min(i+chunk, len(todo))
		for k, v := range e.Encode(todo[i:j]...) {
			emb[todo[i+k]] = v
		}
		fmt.Fprintf(stderr, "encoded %d/%d (%v)\n", j, len(todo), time.Since(start).Round(time.Second))
		if j%(chunk*8) == 0 || j == len(todo) {
			if err := save(path, emb); err != nil {
				return nil, err
			}
		}
	}
	return emb, nil
}

func save(path string, emb map[string][]float32) error {
	f, err := os.Create(path + ".tmp")
	if err != nil {
		return err
	}
	if err := gob.NewEncoder(f).Encode(emb); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(path+".tmp", path)
}

func itemsOf(c *corpus.Corpus) []retrieval.Item {
	var items []retrieval.Item
	for _, d := range c.Docs {
		for _, p := range d.Passages {
			items = append(items, retrieval.Item{Doc: d.ID, Title: d.Title, Text: p.Text, Lang: d.Lang})
		}
	}
	return items
}

func loadSciFact(ctx context.Context, dir string) (*dataset, error) {
	c, err := corpus.Load(ctx, os.DirFS(filepath.Join(dir, "docs")), corpus.Config{})
	if err != nil {
		return nil, fmt.Errorf("SciFact at %s: %w", dir, err)
	}
	ds := &dataset{items: itemsOf(c)}
	f, err := os.Open(filepath.Join(dir, "queries.tsv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if id, t, ok := strings.Cut(sc.Text(), "\t"); ok {
			ds.queries = append(ds.queries, query{id, t, half(id)})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	qf, err := os.Open(filepath.Join(dir, "qrels.tsv"))
	if err != nil {
		return nil, err
	}
	defer qf.Close()
	ds.qrels, err = ireval.ReadQrels(qf)
	return ds, err
}

func loadXQuAD(ctx context.Context, path string) (*dataset, error) {
	d, err := squadset.Read(path)
	if err != nil {
		return nil, err
	}
	ds := &dataset{qrels: ireval.Qrels{}}
	for ai, a := range d.Data {
		for pi, p := range a.Paragraphs {
			for _, q := range p.QAs {
				if strings.TrimSpace(q.Question) == "" || q.Impossible {
					continue
				}
				ds.queries = append(ds.queries, query{string(q.ID), q.Question, half(string(q.ID))})
				ds.qrels[string(q.ID)] = map[string]int{squadset.DocID(ai, pi): 1}
			}
		}
	}
	c, err := d.Corpus(ctx)
	if err != nil {
		return nil, err
	}
	ds.items = itemsOf(c)
	return ds, nil
}

// loadAbstain reads a bench/abstain set's in-corpus English questions; a
// question's right passages are those holding one of its expected strings
// (bench/abstain's own test of an answer). A question no passage answers
// that way is left out.
func loadAbstain(ctx context.Context, path, dir string) (*dataset, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("-questions: %w", err)
	}
	defer f.Close()
	qs, err := abstaineval.Load(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	c, err := abstaineval.LoadCorpus(ctx, dir)
	if err != nil {
		return nil, err
	}
	ds := &dataset{items: itemsOf(c), qrels: ireval.Qrels{}, passages: true}
	for _, q := range qs {
		if q.Kind != "in" || q.Lang != "en" && q.Lang != "" {
			continue
		}
		rel := map[string]int{}
		for i, it := range ds.items {
			if abstaineval.Holds(it.Text, q.Expect) {
				rel[strconv.Itoa(i)] = 1
			}
		}
		if len(rel) > 0 {
			ds.queries = append(ds.queries, query{q.ID, q.Question, q.InHalf()})
			ds.qrels[q.ID] = rel
		}
	}
	return ds, nil
}
