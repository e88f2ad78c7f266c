package main

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"

	"corpusbot/ireval"
)

// readRanking reads a ranking that -rankings wrote: "qid docid rank" lines.
func readRanking(path string) (ireval.Run, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	run := ireval.Run{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		fields := strings.Fields(sc.Text())
		if len(fields) != 3 {
			return nil, fmt.Errorf("%s:%d: want \"qid docid rank\"", path, n)
		}
		rank, err := strconv.Atoi(fields[2])
		if err != nil || rank != len(run[fields[0]])+1 {
			return nil, fmt.Errorf("%s:%d: rank %q out of order", path, n, fields[2])
		}
		run[fields[0]] = append(run[fields[0]], fields[1])
	}
	return run, sc.Err()
}

// perQuestionNDCG returns the nDCG@10 of each judged question of qrels, in
// the order of qids.
func perQuestionNDCG(qrels ireval.Qrels, run ireval.Run, qids []string) []float64 {
	out := make([]float64, len(qids))
	for i, q := range qids {
		one := ireval.Qrels{q: qrels[q]}
		out[i] = ireval.NDCG(one, ireval.Run{q: run[q]}, 10)
	}
	return out
}

// pairedDiff is the mean of after − before over questions, with a 95%
// paired-bootstrap interval (resamples, fixed seed so reruns agree).
type pairedDiff struct {
	n             int
	mean, lo, hi  float64
	better, worse int // questions where after scores higher, lower
}

func bootstrapDiff(before, after []float64, resamples int) pairedDiff {
	d := make([]float64, len(before))
	var pd pairedDiff
	pd.n = len(d)
	for i := range d {
		d[i] = after[i] - before[i]
		pd.mean += d[i]
		switch {
		case d[i] > 0:
			pd.better++
		case d[i] < 0:
			pd.worse++
		}
	}
	if len(d) == 0 {
		return pd
	}
	pd.mean /= float64(len(d))
	rng := rand.New(rand.NewPCG(1, 2))
	means := make([]float64, resamples)
	for r := range means {
		s := 0.0
		for range d {
			s += d[rng.IntN(len(d))]
		}
		means[r] = s / float64(len(d))
	}
	slices.Sort(means)
	pd.lo, pd.hi = means[resamples*25/1000], means[resamples*975/1000-1]
	return pd
}

func writePaired(w io.Writer, name string, pd pairedDiff) {
	fmt.Fprintf(w, "%s\t%d\t%+.4f\t[%+.4f, %+.4f]\t%d\t%d\t\n", name, pd.n, pd.mean, pd.lo, pd.hi, pd.better, pd.worse)
}
