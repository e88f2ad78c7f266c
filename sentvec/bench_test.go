package sentvec

import (
	"runtime"
	"testing"
)

// twenty is a sentence of 20 tokens.
const twenty = "Where can I find the deployment guide for the staging cluster and who maintains it"

func BenchmarkEncodeOne(b *testing.B) {
	var e Encoder
	if n := len(e.Tokenize(twenty)); n != 20 {
		b.Fatalf("%d tokens, want 20", n)
	}
	b.ReportAllocs()
	for b.Loop() {
		e.Encode(twenty)
	}
}

func BenchmarkEncodeBatch20(b *testing.B) {
	var e Encoder
	cases := reference(b)
	texts := make([]string, 0, 20)
	for _, c := range cases {
		if len(c.IDs) >= 5 && len(c.IDs) <= 40 && len(texts) < 20 {
			texts = append(texts, c.Text)
		}
	}
	if len(texts) != 20 {
		b.Fatalf("%d texts of 5-40 tokens, want 20", len(texts))
	}
	b.ReportAllocs()
	for b.Loop() {
		e.Encode(texts...)
	}
}

// BenchmarkLoad is the first Encode's cost: reading the embedded model. It
// reports the heap the model holds.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	var held uint64
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		m, err := loadModel(modelGz)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		held = after.HeapAlloc - before.HeapAlloc
		runtime.KeepAlive(m)
	}
	b.ReportMetric(float64(held)/(1<<20), "MB-held")
}
