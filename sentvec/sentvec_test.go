package sentvec

import (
	"encoding/json"
	"os"
	"slices"
	"sort"
	"sync"
	"testing"
)

type refCase struct {
	Text      string    `json:"text"`
	IDs       []int32   `json:"ids"`
	Embedding []float32 `json:"embedding"`
}

// reference reads testdata/reference.json: token ids and embeddings that the
// original runtime computed (testdata/ref.js; origin in testdata/README.md).
func reference(t testing.TB) []refCase {
	t.Helper()
	b, err := os.ReadFile("testdata/reference.json")
	if err != nil {
		t.Fatalf("reference embeddings missing (make them with testdata/ref.js, see testdata/README.md): %v", err)
	}
	var r struct {
		Cases []refCase `json:"cases"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Cases) < 40 {
		t.Fatalf("reference has %d cases, want 40 or more", len(r.Cases))
	}
	return r.Cases
}

func TestTokenizeMatchesReference(t *testing.T) {
	var e Encoder
	for _, c := range reference(t) {
		got := e.Tokenize(c.Text)
		if !slices.Equal(got, c.IDs) && !(len(got) == 0 && len(c.IDs) == 0) {
			t.Errorf("Tokenize(%q)\n got %v\nwant %v", c.Text, got, c.IDs)
		}
	}
}

// The bar: every embedding within cosine 0.99 of the original's; the int8
// weights cost less than that (the minimum and median are logged).
func TestEncodeMatchesReference(t *testing.T) {
	var e Encoder
	cases := reference(t)
	texts := make([]string, len(cases))
	for i, c := range cases {
		texts[i] = c.Text
	}
	got := e.Encode(texts...)
	cos := make([]float64, len(cases))
	for i, c := range cases {
		if len(got[i]) != Dim || len(c.Embedding) != Dim {
			t.Fatalf("%q: %d values, reference %d, want %d", c.Text, len(got[i]), len(c.Embedding), Dim)
		}
		cos[i] = float64(Cosine(got[i], c.Embedding))
		if cos[i] < 0.99 {
			t.Errorf("Encode(%q): cosine with the reference %.4f, want >= 0.99", c.Text, cos[i])
		}
	}
	sort.Float64s(cos)
	t.Logf("cosine with the reference over %d texts: min %.5f, median %.5f", len(cos), cos[0], cos[len(cos)/2])
}

// One at a time or in a batch, a text's embedding is the same.
func TestEncodeBatchSameAsOne(t *testing.T) {
	var e Encoder
	texts := []string{"How do I reset my password?", "", "a", "Paris is the capital of France."}
	batch := e.Encode(texts...)
	for i, s := range texts {
		one := e.Encode(s)[0]
		if !slices.Equal(one, batch[i]) {
			t.Errorf("%q: batch and single embeddings differ", s)
		}
	}
}

// Paraphrases are nearer each other than unrelated sentences: what the
// encoder is for.
func TestParaphraseNearer(t *testing.T) {
	var e Encoder
	v := e.Encode(
		"How do I change my password?",
		"What are the steps to reset a forgotten password?",
		"The train to Berlin leaves at noon.",
	)
	same, other := Cosine(v[0], v[1]), Cosine(v[0], v[2])
	if same <= other+0.1 {
		t.Errorf("paraphrase cosine %.3f, unrelated %.3f: want the paraphrase clearly nearer", same, other)
	}
}

func TestCosine(t *testing.T) {
	for _, c := range []struct {
		a, b []float32
		want float32
	}{
		{[]float32{1, 0}, []float32{1, 0}, 1},
		{[]float32{1, 0}, []float32{0, 2}, 0},
		{[]float32{1, 1}, []float32{-2, -2}, -1},
		{[]float32{0, 0}, []float32{1, 0}, 0},
		{nil, nil, 0},
	} {
		if got := Cosine(c.a, c.b); got < c.want-1e-6 || got > c.want+1e-6 {
			t.Errorf("Cosine(%v, %v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestLoadTwiceSameModel(t *testing.T) {
	var e Encoder
	if err := e.Load(); err != nil {
		t.Fatal(err)
	}
	m := e.m
	if err := e.Load(); err != nil || e.m != m {
		t.Fatalf("second Load: %v, model replaced %v", err, e.m != m)
	}
}

func TestLoadRejectsCorrupt(t *testing.T) {
	for name, b := range map[string][]byte{
		"empty":      nil,
		"not model":  []byte("SENTVEC2\x00\x00\x00\x00"),
		"magic only": []byte("SENTVEC1"),
		"truncated":  modelBin[:len(modelBin)/2],
		"too long":   append(append([]byte(nil), modelBin...), 0),
	} {
		if _, err := loadModel(b, true); err == nil {
			t.Errorf("%s: loadModel succeeded", name)
		}
	}
}

// Questions arrive together: one Encoder serves them all, each getting what
// it would alone.
func TestEncodeConcurrent(t *testing.T) {
	var e Encoder
	texts := []string{"How do I reset my password?", "Where is the staging guide?", "a", "", "The meeting moved to Thursday."}
	want := e.Encode(texts...)
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(texts))
	for g := range 8 {
		wg.Go(func() {
			for i := range texts {
				k := (i + g) % len(texts)
				if got := e.Encode(texts[k])[0]; !slices.Equal(got, want[k]) {
					errs <- texts[k]
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for s := range errs {
		t.Errorf("%q: embedding differs when encoded concurrently", s)
	}
}
