package ireval

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Qrels are graded judgements: query id → document id → grade. A grade of
// 0 or less means not relevant.
type Qrels map[string]map[string]int

// Run is a ranking per query: query id → document ids, best first, each at
// most once.
type Run map[string][]string

// ReadQrels reads "qid<TAB>docid<TAB>grade" lines, or the four-column TREC
// form "qid 0 docid grade". Blank lines and lines starting with # are
// skipped. A header line whose grade is not a number ("query-id corpus-id
// score") is skipped too, as BEIR files have one.
func ReadQrels(r io.Reader) (Qrels, error) {
	q := make(Qrels)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		var qid, did, g string
		switch len(f) {
		case 3:
			qid, did, g = f[0], f[1], f[2]
		case 4:
			qid, did, g = f[0], f[2], f[3]
		default:
			return nil, fmt.Errorf("qrels line %d: %d fields, want 3 or 4", n, len(f))
		}
		grade, err := strconv.ParseFloat(g, 64)
		if err != nil || math.IsNaN(grade) || math.IsInf(grade, 0) {
			if n == 1 {
				continue // header
			}
			return nil, fmt.Errorf("qrels line %d: grade %q is not a number", n, g)
		}
		if q[qid] == nil {
			q[qid] = make(map[string]int)
		}
		q[qid][did] = int(grade) // truncates like ndcg.py's int(float(g))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read qrels: %w", err)
	}
	return q, nil
}

// ReadRun reads a run. Lines are the six-column TREC form
// "qid Q0 docid rank score tag", ranked by score, higher first, ties by
// document id in reverse order (as trec_eval sorts); or "qid docid rank",
// ranked by rank; or "qid docid", in file order. A document repeated within
// a query keeps its best-ranked occurrence.
func ReadRun(r io.Reader) (Run, error) {
	type row struct {
		key  float64 // lower ranks first
		line int
		doc  string
	}
	rows := make(map[string][]row)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		var (
			qid, did string
			key      float64
			err      error
		)
		switch len(f) {
		case 6:
			qid, did = f[0], f[2]
			key, err = strconv.ParseFloat(f[4], 64)
			key = -key
		case 3:
			qid, did = f[0], f[1]
			key, err = strconv.ParseFloat(f[2], 64)
		case 2:
			qid, did = f[0], f[1]
			key = float64(n)
		default:
			return nil, fmt.Errorf("run line %d: %d fields, want 6, 3 or 2", n, len(f))
		}
		if err != nil || math.IsNaN(key) {
			return nil, fmt.Errorf("run line %d: bad rank or score: %w", n, err)
		}
		rows[qid] = append(rows[qid], row{key: key, line: n, doc: did})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read run: %w", err)
	}
	run := make(Run, len(rows))
	for qid, rs := range rows {
		slices.SortStableFunc(rs, func(a, b row) int {
			return cmp.Or(cmp.Compare(a.key, b.key), strings.Compare(b.doc, a.doc))
		})
		seen := make(map[string]bool, len(rs))
		docs := make([]string, 0, len(rs))
		for _, x := range rs {
			if !seen[x.doc] {
				seen[x.doc] = true
				docs = append(docs, x.doc)
			}
		}
		run[qid] = docs
	}
	return run, nil
}

// maxDepth is how much of a ranking trec_eval reads.
const maxDepth = 1000

// NDCG is the mean nDCG@k: linear gain (the grade), discount
// 1/log2(rank+1), the ideal ranking made of every judged relevant document.
func NDCG(q Qrels, r Run, k int) float64 {
	return mean(q, r, func(ranked []string, judged map[string]int) float64 {
		var dcg float64
		for i, d := range head(ranked, k) {
			if g := judged[d]; g > 0 {
				dcg += float64(g) / math.Log2(float64(i+2))
			}
		}
		var ideal []int
		for _, g := range judged {
			if g > 0 {
				ideal = append(ideal, g)
			}
		}
		slices.SortFunc(ideal, func(a, b int) int { return b - a })
		var idcg float64
		for i, g := range head(ideal, k) {
			idcg += float64(g) / math.Log2(float64(i+2))
		}
		if idcg == 0 {
			return 0
		}
		return dcg / idcg
	})
}

// Recall is the mean share of the relevant documents found in the top k.
func Recall(q Qrels, r Run, k int) float64 {
	return mean(q, r, func(ranked []string, judged map[string]int) float64 {
		found := 0
		for _, d := range head(ranked, k) {
			if judged[d] > 0 {
				found++
			}
		}
		return float64(found) / float64(relevant(judged))
	})
}

// MRR is the mean reciprocal rank of the first relevant document within the
// top k, 0 when there is none.
func MRR(q Qrels, r Run, k int) float64 {
	return mean(q, r, func(ranked []string, judged map[string]int) float64 {
		for i, d := range head(ranked, k) {
			if judged[d] > 0 {
				return 1 / float64(i+1)
			}
		}
		return 0
	})
}

// mean averages metric over the queries of q with a relevant document.
func mean(q Qrels, r Run, metric func(ranked []string, judged map[string]int) float64) float64 {
	var sum float64
	n := 0
	// Sorted so the float sum, hence the result, is the same every time.
	for _, qid := range slices.Sorted(maps.Keys(q)) {
		judged := q[qid]
		if relevant(judged) == 0 {
			continue
		}
		n++
		sum += metric(head(dedup(r[qid]), maxDepth), judged)
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

func relevant(judged map[string]int) int {
	n := 0
	for _, g := range judged {
		if g > 0 {
			n++
		}
	}
	return n
}

// dedup keeps the first occurrence of each document, for runs built in
// code rather than read.
func dedup(ranked []string) []string {
	seen := make(map[string]bool, len(ranked))
	for i, d := range ranked {
		if seen[d] {
			out := slices.Clone(ranked[:i])
			for _, d := range ranked[i:] {
				if !seen[d] {
					seen[d] = true
					out = append(out, d)
				}
			}
			return out
		}
		seen[d] = true
	}
	return ranked
}

func head[T any](s []T, k int) []T {
	if k < len(s) {
		return s[:k]
	}
	return s
}
