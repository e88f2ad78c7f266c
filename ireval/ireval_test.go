package ireval

import (
	"bytes"
	"encoding/json"
	"flag"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json with ndcg.py's output")

// evalDir is where ndcg.py lives: $CORPUSBOT_EVAL_DIR or the shared folder
// beside the repository.
func evalDir() string {
	if d := os.Getenv("CORPUSBOT_EVAL_DIR"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared", "eval", "ir")
}

// pyScore runs ndcg.py's own functions on a qrels and run file and prints
// the metrics at full precision, and the run as it reads it.
const pyScore = `
import json, sys
sys.path.insert(0, sys.argv[1])
import ndcg
qrels, run = ndcg.read_qrels(sys.argv[2]), ndcg.read_run(sys.argv[3])
qids = [q for q in qrels if any(g > 0 for g in qrels[q].values())]
def mean(fn, k):
    return sum(fn(run.get(q, [])[:1000], qrels[q], k) for q in qids) / len(qids)
out = {"run": run}
for k in (1, 3, 5, 10, 100):
    out["ndcg@%d" % k] = mean(ndcg.ndcg_at, k)
    out["recall@%d" % k] = mean(ndcg.recall_at, k)
    out["mrr@%d" % k] = mean(ndcg.rr_at, k)
print(json.dumps(out, sort_keys=True, indent=1))
`

// pyOutput is what pyScore prints.
type pyOutput struct {
	Run     Run                `json:"run"`
	Metrics map[string]float64 `json:"-"`
}

func parsePy(t *testing.T, data []byte) pyOutput {
	t.Helper()
	var out pyOutput
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("parse ndcg.py output: %v", err)
	}
	var all map[string]any
	if err := json.Unmarshal(data, &all); err != nil {
		t.Fatal(err)
	}
	out.Metrics = make(map[string]float64)
	for k, v := range all {
		if f, ok := v.(float64); ok {
			out.Metrics[k] = f
		}
	}
	return out
}

func runPython(t *testing.T, qrels, run string) ([]byte, bool) {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		return nil, false
	}
	if _, err := os.Stat(filepath.Join(evalDir(), "ndcg.py")); err != nil {
		return nil, false
	}
	out, err := exec.Command(py, "-c", pyScore, evalDir(), qrels, run).Output()
	if err != nil {
		t.Fatalf("ndcg.py: %v", err)
	}
	return out, true
}

func readFixtures(t *testing.T, qrelsPath, runPath string) (Qrels, Run) {
	t.Helper()
	qf, err := os.Open(qrelsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer qf.Close()
	q, err := ReadQrels(qf)
	if err != nil {
		t.Fatalf("ReadQrels: %v", err)
	}
	rf, err := os.Open(runPath)
	if err != nil {
		t.Fatal(err)
	}
	defer rf.Close()
	r, err := ReadRun(rf)
	if err != nil {
		t.Fatalf("ReadRun: %v", err)
	}
	return q, r
}

// TestMatchesNdcgPy checks every metric at several cutoffs, and the run as
// read, against ndcg.py: the golden file it wrote, and ndcg.py itself when
// python3 and the shared folder are present.
func TestMatchesNdcgPy(t *testing.T) {
	for _, run := range []string{"run.trec", "run3.tsv"} {
		t.Run(run, func(t *testing.T) {
			qrelsPath := filepath.Join("testdata", "qrels.tsv")
			runPath := filepath.Join("testdata", run)
			golden := filepath.Join("testdata", strings.TrimSuffix(run, filepath.Ext(run))+".golden.json")
			want, err := os.ReadFile(golden)
			if live, ok := runPython(t, qrelsPath, runPath); ok {
				if *update {
					if err := os.WriteFile(golden, live, 0o644); err != nil {
						t.Fatal(err)
					}
				} else if err == nil && !bytes.Equal(live, want) {
					t.Errorf("%s is stale: ndcg.py now prints\n%s\nrun with -update", golden, live)
				}
				want, err = live, nil
			} else {
				t.Logf("python3 or ndcg.py not found: comparing with %s only", golden)
			}
			if err != nil {
				t.Fatal(err)
			}
			py := parsePy(t, want)
			q, r := readFixtures(t, qrelsPath, runPath)
			if !reflect.DeepEqual(r, py.Run) {
				t.Errorf("ReadRun: got %v, want %v", r, py.Run)
			}
			for _, k := range []int{1, 3, 5, 10, 100} {
				for name, fn := range map[string]func(Qrels, Run, int) float64{"ndcg": NDCG, "recall": Recall, "mrr": MRR} {
					key := name + "@" + strconv.Itoa(k)
					w, ok := py.Metrics[key]
					if !ok {
						t.Fatalf("golden has no %s", key)
					}
					if got := fn(q, r, k); math.Abs(got-w) > 1e-12 {
						t.Errorf("%s: got %.15f, want %.15f", key, got, w)
					}
				}
			}
		})
	}
}
