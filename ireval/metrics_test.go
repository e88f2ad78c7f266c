package ireval

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestMetrics(t *testing.T) {
	qrels := Qrels{
		"a": {"x": 1, "y": 1},
		"b": {"z": 2, "w": 0},
		"c": {"v": 0}, // no relevant document: not averaged
	}
	tests := []struct {
		name string
		run  Run
		k    int
		fn   func(Qrels, Run, int) float64
		want float64
	}{
		{"ndcg perfect", Run{"a": {"x", "y"}, "b": {"z"}}, 10, NDCG, 1},
		{"ndcg second place", Run{"a": {"n", "x", "y"}, "b": {"z"}},
			10, NDCG, ((1/math.Log2(3)+1/math.Log2(4))/(1+1/math.Log2(3)) + 1) / 2},
		{"ndcg cut at k", Run{"a": {"n", "x"}, "b": {"z"}}, 1, NDCG, 0.5},
		{"ndcg missing query counts 0", Run{"a": {"x", "y"}}, 10, NDCG, 0.5},
		{"ndcg duplicates keep first", Run{"a": {"x", "x", "y"}, "b": {"z"}}, 2, NDCG, 1},
		{"recall half", Run{"a": {"x", "n"}, "b": {"n"}}, 10, Recall, 0.25},
		{"recall cut", Run{"a": {"n", "x"}, "b": {"z"}}, 1, Recall, 0.5},
		{"mrr", Run{"a": {"n", "x"}, "b": {"n", "n2", "z"}}, 10, MRR, (0.5 + 1.0/3) / 2},
		{"mrr beyond k", Run{"a": {"n", "x"}, "b": {"z"}}, 1, MRR, 0.5},
		{"empty run", Run{}, 10, NDCG, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.fn(qrels, tt.run, tt.k); math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestReadQrels(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Qrels
		wantErr bool
	}{
		{"three columns", "1\td1\t1\n1\td2\t0\n", Qrels{"1": {"d1": 1, "d2": 0}}, false},
		{"four columns", "1 0 d1 2\n", Qrels{"1": {"d1": 2}}, false},
		{"header and comments", "query-id\tcorpus-id\tscore\n# x\n\n2\td\t1\n", Qrels{"2": {"d": 1}}, false},
		{"float grade truncates", "1 d 1.9\n", Qrels{"1": {"d": 1}}, false},
		{"two columns", "1 d\n", nil, true},
		{"bad grade after the first line", "1 d 1\n1 e x\n", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadQrels(strings.NewReader(tt.in))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if !tt.wantErr && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestReadRun(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Run
		wantErr bool
	}{
		{"trec by score", "q Q0 a 1 1.0 t\nq Q0 b 2 2.0 t\n", Run{"q": {"b", "a"}}, false},
		{"trec ties by docid descending", "q Q0 a 1 1 t\nq Q0 c 2 1 t\nq Q0 b 3 1 t\n", Run{"q": {"c", "b", "a"}}, false},
		{"duplicate keeps best", "q Q0 a 1 1 t\nq Q0 b 2 3 t\nq Q0 a 3 5 t\n", Run{"q": {"a", "b"}}, false},
		{"three columns by rank", "q a 2\nq b 1\n", Run{"q": {"b", "a"}}, false},
		{"two columns in file order", "q b\nq a\n", Run{"q": {"b", "a"}}, false},
		{"bad score", "q Q0 a 1 x t\n", nil, true},
		{"five columns", "q Q0 a 1 1\n", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadRun(strings.NewReader(tt.in))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if !tt.wantErr && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestReadErrorsWrapped(t *testing.T) {
	if _, err := ReadQrels(failingReader{}); err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("ReadQrels: got %v, want the reader's error wrapped", err)
	}
	if _, err := ReadRun(failingReader{}); err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("ReadRun: got %v, want the reader's error wrapped", err)
	}
}

func FuzzReadRun(f *testing.F) {
	f.Add("q Q0 a 1 1.0 t\nq Q0 b 2 2.0 t\n")
	f.Add("q a 2\nq b 1\n")
	f.Add("q b\nq a\nq b\n")
	f.Add("# c\n\nq Q0 a 1 NaN t\n")
	f.Fuzz(func(t *testing.T, in string) {
		r, err := ReadRun(strings.NewReader(in))
		if err != nil {
			return
		}
		for q, docs := range r {
			seen := map[string]bool{}
			for _, d := range docs {
				if seen[d] {
					t.Fatalf("query %q: %q twice in %v", q, d, docs)
				}
				seen[d] = true
			}
		}
		for _, k := range []int{1, 10} {
			if m := NDCG(Qrels{"q": {"a": 1}}, r, k); m < 0 || m > 1 {
				t.Fatalf("NDCG = %v, out of [0,1]", m)
			}
		}
	})
}

func FuzzReadQrels(f *testing.F) {
	f.Add("1\td1\t1\n1\td2\t0\n")
	f.Add("1 0 d1 2\n")
	f.Add("query-id\tcorpus-id\tscore\n2\td\t1e400\n")
	f.Fuzz(func(t *testing.T, in string) {
		q, err := ReadQrels(strings.NewReader(in))
		if err != nil {
			return
		}
		run := Run{}
		for qid, judged := range q {
			for d := range judged {
				run[qid] = append(run[qid], d)
			}
		}
		for _, fn := range []func(Qrels, Run, int) float64{NDCG, Recall, MRR} {
			if m := fn(q, run, 10); m < 0 || m > 1+1e-9 || math.IsNaN(m) {
				t.Fatalf("metric = %v, out of [0,1]", m)
			}
		}
	})
}
