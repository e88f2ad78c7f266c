package retrieval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"corpusbot/ireval"
)

var grid = flag.Bool("scifact.grid", false, "TestSciFactGrid: score a k1×b grid on SciFact (slow)")

// scifactMin is Pyserini's BM25 on SciFact; the index must do at least as
// well.
const scifactMin = 0.679

// scifactDir is the BEIR SciFact folder: $CORPUSBOT_EVAL_DIR/scifact, by
// default the shared folder beside the repository.
func scifactDir() string {
	d := os.Getenv("CORPUSBOT_EVAL_DIR")
	if d == "" {
		d = filepath.Join("..", "..", "shared", "eval", "ir")
	}
	return filepath.Join(d, "scifact")
}

// sciFact holds the benchmark: items built as the bot builds them, queries
// and judgements.
type sciFact struct {
	items   []Item
	queries [][2]string // qid, text
	qrels   ireval.Qrels
}

// loadSciFact fails the test when the data folder is absent: CI has
// ../shared beside the clone, so a missing folder is a broken setup, never a
// reason to pass.
func loadSciFact(t testing.TB) *sciFact {
	t.Helper()
	dir := scifactDir()
	if _, err := os.Stat(filepath.Join(dir, "qrels.tsv")); err != nil {
		t.Fatalf("SciFact not found at %s: %v\n(it is ../shared/eval/ir/scifact beside the repository; set CORPUSBOT_EVAL_DIR to the folder holding scifact/)", dir, err)
	}
	s := &sciFact{items: itemsOf(t, os.DirFS(filepath.Join(dir, "docs")))}
	f, err := os.Open(filepath.Join(dir, "queries.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		qid, text, ok := strings.Cut(sc.Text(), "\t")
		if ok {
			s.queries = append(s.queries, [2]string{qid, text})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	qf, err := os.Open(filepath.Join(dir, "qrels.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer qf.Close()
	if s.qrels, err = ireval.ReadQrels(qf); err != nil {
		t.Fatal(err)
	}
	return s
}

// trec searches every query at document level and writes the run the way
// "corpusbot search --batch" does: "qid Q0 docid rank score corpusbot".
func (s *sciFact) trec(t testing.TB, ix *Index, depth int) []byte {
	t.Helper()
	var buf bytes.Buffer
	for _, q := range s.queries {
		hits, err := ix.SearchDocs(q[1], depth)
		if err != nil {
			t.Fatalf("query %s %q: %v", q[0], q[1], err)
		}
		for i, h := range hits {
			fmt.Fprintf(&buf, "%s Q0 %s %d %.6f corpusbot\n", q[0], h.Doc, i+1, h.Score)
		}
	}
	return buf.Bytes()
}

type scores struct{ ndcg, recall, mrr float64 }

func (s scores) String() string {
	return fmt.Sprintf("nDCG@10 %.4f  Recall@100 %.4f  MRR@10 %.4f", s.ndcg, s.recall, s.mrr)
}

// score builds an index of items and scores its TREC run as trec_eval would.
func (s *sciFact) score(t testing.TB, cfg Config, items []Item) (scores, []byte) {
	t.Helper()
	ix, err := New(cfg, items)
	if err != nil {
		t.Fatal(err)
	}
	trec := s.trec(t, ix, 100)
	run, err := ireval.ReadRun(bytes.NewReader(trec))
	if err != nil {
		t.Fatal(err)
	}
	return scores{ireval.NDCG(s.qrels, run, 10), ireval.Recall(s.qrels, run, 100), ireval.MRR(s.qrels, run, 10)}, trec
}

// TestSciFact is the quality bar on BEIR SciFact, through the path the bot
// uses: corpus.Load, one item per passage, SearchDocs, a TREC run. nDCG@10
// must be at least Pyserini's BM25. When python3 is at hand, ndcg.py scores
// the same run and must agree.
func TestSciFact(t *testing.T) {
	s := loadSciFact(t)
	got, trec := s.score(t, Config{}, s.items)
	t.Logf("SciFact default config: %v", got)
	if got.ndcg < scifactMin {
		t.Errorf("SciFact nDCG@10: got %.4f, want ≥ %.3f", got.ndcg, scifactMin)
	}
	// The honest comparison: Pyserini's own parameters, not ours.
	untuned, _ := s.score(t, Config{K1: 0.9, B: 0.4}, s.items)
	t.Logf("SciFact Pyserini's k1 0.9, b 0.4: %v", untuned)
	if untuned.ndcg < scifactMin {
		t.Errorf("SciFact nDCG@10 with Pyserini's parameters: got %.4f, want ≥ %.3f", untuned.ndcg, scifactMin)
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Log("python3 not found: ndcg.py cross-check not run")
		return
	}
	runFile := filepath.Join(t.TempDir(), "run.trec")
	if err := os.WriteFile(runFile, trec, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, filepath.Join(filepath.Dir(scifactDir()), "ndcg.py"), "--json",
		filepath.Join(scifactDir(), "qrels.tsv"), runFile).Output()
	if err != nil {
		t.Fatalf("ndcg.py: %v", err)
	}
	var m map[string]float64
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatalf("ndcg.py output: %v", err)
	}
	for name, v := range map[string]float64{"nDCG@10": got.ndcg, "Recall@100": got.recall, "MRR@10": got.mrr} {
		if math.Abs(m[name]-v) > 0.00005 {
			t.Errorf("%s: ireval %.4f, ndcg.py %.4f", name, v, m[name])
		}
	}
}

// TestSciFactGrid scores k1 and b around the defaults; run with
// -scifact.grid -v. It checks that the defaults are within 0.005 of the best.
func TestSciFactGrid(t *testing.T) {
	if !*grid {
		return
	}
	s := loadSciFact(t)
	best := 0.0
	for _, k1 := range []float64{0.6, 0.9, 1.2, 1.5, 1.8} {
		for _, b := range []float64{0.4, 0.6, 0.75, 0.9} {
			got, _ := s.score(t, Config{K1: k1, B: b}, s.items)
			t.Logf("k1=%.2f b=%.2f  %v", k1, b, got)
			best = max(best, got.ndcg)
		}
	}
	def, _ := s.score(t, Config{}, s.items)
	if def.ndcg < best-0.005 {
		t.Errorf("default nDCG@10 %.4f, want within 0.005 of the grid's best %.4f", def.ndcg, best)
	}
}
