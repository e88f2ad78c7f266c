package main

import (
	"bytes"
	"context"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"corpusbot/corpus"
	"corpusbot/ireval"

	"github.com/blevesearch/bleve/v2"
)

// fixture is a tiny corpus: each document is plainly about one thing.
var fixture = map[string]string{
	"penguins": "Emperor penguins in Antarctica\n" +
		"Emperor penguins breed on the Antarctic sea ice during the polar winter. " +
		"The male penguins huddle together and incubate the egg on their feet while the females feed at sea.",
	"volcano": "Volcanic eruptions in Iceland\n" +
		"Iceland sits on the Mid-Atlantic Ridge, and its volcanoes erupt every few years. " +
		"Lava flows and ash clouds from an eruption can close airports across Europe.",
	"insulin": "Insulin and blood sugar\n" +
		"The pancreas releases insulin when blood glucose rises after a meal. " +
		"Insulin lets muscle and liver cells take up glucose, and type 1 diabetes destroys the cells that make it.",
	"bread": "Baking sourdough bread\n" +
		"Sourdough bread rises with a starter of wild yeast and lactic acid bacteria. " +
		"The dough ferments slowly, which gives the loaf its sour taste and open crumb.",
	"tides": "Why the sea has tides\n" +
		"The gravity of the Moon and the Sun pulls on the oceans and raises two bulges of water. " +
		"As the Earth turns, a coast passes through both bulges and sees two high tides a day.",
}

var fixtureQueries = []struct{ id, text, want string }{
	{"q1", "how do penguins incubate eggs in the Antarctic winter", "penguins"},
	{"q2", "volcanic ash from eruptions closes airports", "volcano"},
	{"q3", "insulin and glucose uptake in diabetes", "insulin"},
	{"q4", "sourdough starter yeast fermentation", "bread"},
	{"q5", "the Moon's gravity causes tides", "tides"},
}

func loadFixture(t *testing.T) *corpus.Corpus {
	t.Helper()
	fsys := fstest.MapFS{}
	for id, text := range fixture {
		fsys[id+".txt"] = &fstest.MapFile{Data: []byte(text)}
	}
	c, err := corpus.Load(context.Background(), fsys, corpus.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != len(fixture) {
		t.Fatalf("loaded %d documents, want %d", len(c.Docs), len(fixture))
	}
	return c
}

func TestSystemsRankRelevantFirst(t *testing.T) {
	ctx := context.Background()
	c := loadFixture(t)
	for _, s := range []system{&corpusbotSystem{}, &bleveSystem{}} {
		t.Run(s.name(), func(t *testing.T) {
			if err := s.build(ctx, c); err != nil {
				t.Fatal(err)
			}
			defer s.close()
			for _, q := range fixtureQueries {
				docs, err := s.search(ctx, q.text, 100)
				if err != nil {
					t.Fatalf("%s: %v", q.id, err)
				}
				if len(docs) == 0 || docs[0] != q.want {
					t.Errorf("%s %q: got %v, want %s first", q.id, q.text, docs, q.want)
				}
			}
		})
	}
}

// TestBleveScoresWithBM25 guards against bleve silently falling back to
// TF-IDF (as it does with bleve.NewMemOnly, or without ScoringModel).
func TestBleveScoresWithBM25(t *testing.T) {
	s := &bleveSystem{}
	if err := s.build(context.Background(), loadFixture(t)); err != nil {
		t.Fatal(err)
	}
	defer s.close()
	q := bleve.NewMatchQuery("penguins")
	q.SetField(bleveField)
	res, err := s.ix.Search(bleve.NewSearchRequestOptions(q, 1, 0, true))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || res.Hits[0].Expl == nil {
		t.Fatalf("no explained hit: %+v", res.Hits)
	}
	if expl := res.Hits[0].Expl.String(); !strings.Contains(expl, "bm25") {
		t.Errorf("bleve explanation does not mention bm25:\n%s", expl)
	}
}

// TestRun drives the whole harness on the fixture laid out like SciFact.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "docs"), 0o755); err != nil {
		t.Fatal(err)
	}
	for id, text := range fixture {
		if err := os.WriteFile(filepath.Join(dir, "docs", id+".txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var queries, qrels strings.Builder
	qrels.WriteString("query-id\tcorpus-id\tscore\n")
	for _, q := range fixtureQueries {
		queries.WriteString(q.id + "\t" + q.text + "\n")
		qrels.WriteString(q.id + "\t" + q.want + "\t1\n")
	}
	if err := os.WriteFile(filepath.Join(dir, "queries.tsv"), []byte(queries.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "qrels.tsv"), []byte(qrels.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"-data", dir, "-runs", "2"}, &out, &errOut); err != nil {
		t.Fatalf("run: %v\n%s", err, errOut.String())
	}
	report := out.String()
	for _, name := range []string{"corpusbot", "bleve"} {
		var line string
		for l := range strings.SplitSeq(report, "\n") {
			if f := strings.Fields(l); len(f) > 0 && f[0] == name {
				line = l
				break
			}
		}
		// Every query finds its document first: nDCG@10, Recall@100 and
		// MRR@10 are all 1.
		if f := strings.Fields(line); len(f) != 7 || f[4] != "1.0000" || f[5] != "1.0000" || f[6] != "1.0000" {
			t.Errorf("%s row = %q, want perfect scores\n%s", name, line, report)
		}
	}
}

func TestPercentile(t *testing.T) {
	var ds []time.Duration
	for i := 1; i <= 100; i++ {
		ds = append(ds, time.Duration(i))
	}
	if got := percentile(ds, 0.5); got != 50 {
		t.Errorf("p50 = %v, want 50", got)
	}
	if got := percentile(ds, 0.95); got != 95 {
		t.Errorf("p95 = %v, want 95", got)
	}
	if got := median([]float64{3, 1, 2, 4}); got != 2.5 {
		t.Errorf("median = %v, want 2.5", got)
	}
}

func TestBootstrapDiff(t *testing.T) {
	tests := []struct {
		name          string
		before, after []float64
		mean          float64
		better, worse int
		zeroInside    bool
	}{
		{"same", []float64{1, 0.5, 1}, []float64{1, 0.5, 1}, 0, 0, 0, true},
		{"all better", []float64{0.5, 0.5, 0.5, 0.5}, []float64{1, 1, 1, 1}, 0.5, 4, 0, false},
		{"mixed", []float64{1, 0.5, 1, 0.5}, []float64{0.5, 1, 1, 0.5}, 0, 1, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pd := bootstrapDiff(tt.before, tt.after, 2000)
			if math.Abs(pd.mean-tt.mean) > 1e-12 || pd.better != tt.better || pd.worse != tt.worse || pd.n != len(tt.before) {
				t.Errorf("got %+v, want mean %v, %d better, %d worse", pd, tt.mean, tt.better, tt.worse)
			}
			if pd.lo > pd.mean || pd.hi < pd.mean {
				t.Errorf("interval [%v, %v] misses the mean %v", pd.lo, pd.hi, pd.mean)
			}
			if inside := pd.lo <= 0 && 0 <= pd.hi; inside != tt.zeroInside {
				t.Errorf("interval [%v, %v]: zero inside = %v, want %v", pd.lo, pd.hi, inside, tt.zeroInside)
			}
		})
	}
}

func TestReadRanking(t *testing.T) {
	dir := t.TempDir()
	run := ireval.Run{"q1": {"d2", "d1"}, "q2": {"d3"}}
	path := filepath.Join(dir, "set.corpusbot")
	if err := writeRanking(path, run); err != nil {
		t.Fatal(err)
	}
	got, err := readRanking(path)
	if err != nil {
		t.Fatal(err)
	}
	if !maps.EqualFunc(got, run, slices.Equal[[]string]) {
		t.Errorf("readRanking = %v, want %v", got, run)
	}
	qrels := ireval.Qrels{"q1": {"d1": 1}, "q2": {"d3": 1}}
	nd := perQuestionNDCG(qrels, got, []string{"q1", "q2"})
	if want := []float64{1 / math.Log2(3), 1}; math.Abs(nd[0]-want[0]) > 1e-12 || nd[1] != want[1] {
		t.Errorf("perQuestionNDCG = %v, want %v", nd, want)
	}
	bad := filepath.Join(dir, "bad")
	if err := os.WriteFile(bad, []byte("q1 d1 2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readRanking(bad); err == nil {
		t.Error("readRanking accepted a ranking that starts at rank 2")
	}
}

func TestQAFileLang(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"xquad.de.json", "de"},
		{"tydiqa-goldp.ru.json", "ru"},
		{"drcd-test.zh.json", "zh"},
		{"drcd_dev.json", "zh"},
		{"piaf-v1.0.json", "fr"},
		{"cmrc2018_trial.json", "zh"},
		{"jsquad-valid-v1.3.json", "ja"},
		{"korquad_v1.0_dev.json", "ko"},
		{"arcd.json", "ar"},
		{"notes.json", ""},
		{"xquad.de.json.bak", ""},
		{"Squad.ES.json", ""},
	} {
		if got := qaFileLang(tc.name); got != tc.want {
			t.Errorf("qaFileLang(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestLoadQASetSquad2(t *testing.T) {
	// SQuAD 2.0 shapes: numeric IDs (GermanQuAD) and unanswerable questions.
	const doc = `{"data": [{"title": "t", "paragraphs": [{"context": "Rottweil hat einen Testturm.",
		"qas": [{"id": 40370, "question": "Wo steht der Testturm?", "is_impossible": false, "answers": [{"text": "Rottweil"}]},
			{"id": "q2", "question": "Wer baute den Turm?", "is_impossible": true, "answers": []}]}]}]}`
	s, err := loadQASet(context.Background(), writeTemp(t, doc), "de")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.queries) != 1 || s.queries[0].id != "40370" {
		t.Fatalf("queries = %+v, want only the answerable 40370", s.queries)
	}
	// Questions without IDs (an FAQ turned into a set) get them from their
	// place, so they fall in both halves.
	noIDs := `{"data": [{"paragraphs": [{"context": "a", "qas": [{"question": "q1"}, {"question": "q2"}, {"question": "q3"}, {"question": "q4"}]}]},
		{"paragraphs": [{"context": "b", "qas": [{"question": "q5"}, {"question": "q6"}, {"question": "q7"}, {"question": "q8"}]}]}]}`
	s, err = loadQASet(context.Background(), writeTemp(t, noIDs), "de")
	if err != nil {
		t.Fatal(err)
	}
	if tune, _ := s.split("tune"); len(s.queries) != 8 || len(tune) == 0 || len(tune) == 8 {
		t.Errorf("8 questions without IDs: %d loaded, %d in the tuning half; want 8, split", len(s.queries), len(tune))
	}
	if _, err := loadQASet(context.Background(), writeTemp(t, `{"data": [{"paragraphs": [{"context": "x", "qas": [{"id": [1], "question": "y"}]}]}]}`), "de"); err == nil {
		t.Error("an ID that is neither a string nor a number: no error")
	}
}

// writeTemp writes a question set to a temporary file and returns its path.
func writeTemp(t *testing.T, s string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "set.de.json")
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
