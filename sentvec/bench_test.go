package sentvec

import (
	"runtime"
	"testing"
	"time"

	"corpusbot/internal/cputime"
)

// reportCPU reports the CPU time per op beside the wall time, which other
// jobs on a shared machine inflate.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cputime.Now()-start)/float64(b.N)/1e6, "cpu-ms/op")
}

// twenty is a sentence of 20 tokens.
const twenty = "Where can I find the deployment guide for the staging cluster and who maintains it"

func BenchmarkEncodeOne(b *testing.B) {
	var e Encoder
	if n := len(e.Tokenize(twenty)); n != 20 {
		b.Fatalf("%d tokens, want 20", n)
	}
	b.ReportAllocs()
	start := cputime.Now()
	for b.Loop() {
		e.Encode(twenty)
	}
	reportCPU(b, start)
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
	start := cputime.Now()
	for b.Loop() {
		e.Encode(texts...)
	}
	reportCPU(b, start)
}

// BenchmarkEncodeShort is 20 headings and short phrases of 1-6 tokens,
// where a sentence alone fills the kernel's blocks of four tokens badly.
func BenchmarkEncodeShort(b *testing.B) {
	var e Encoder
	texts := []string{"Installation", "Quick start", "Configuration", "FAQ", "Overview", "Troubleshooting",
		"Release notes", "API reference", "Security", "Upgrading", "Glossary", "Contributing", "License",
		"Getting help", "Examples", "Deployment", "Monitoring", "Backups", "Known issues", "Architecture"}
	for _, s := range texts {
		if n := len(e.Tokenize(s)); n > 6 {
			b.Fatalf("%q: %d tokens, want 6 at most", s, n)
		}
	}
	b.ReportAllocs()
	start := cputime.Now()
	for b.Loop() {
		e.Encode(texts...)
	}
	reportCPU(b, start)
}

// BenchmarkLoad is the first Encode's cost: reading the embedded model. It
// reports the heap the model holds.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	var held uint64
	start := cputime.Now()
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		m, err := loadModel(modelBin, hasFMA())
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		held = after.HeapAlloc - before.HeapAlloc
		runtime.KeepAlive(m)
	}
	reportCPU(b, start)
	b.ReportMetric(float64(held)/(1<<20), "MB-held")
}

// BenchmarkMatmul is one feed-forward matrix (1536×512) on 20 tokens, the
// loop the forward pass spends its time in: float32 in Go loops, int8 in
// the kernel.
func BenchmarkMatmul(b *testing.B) {
	m := matrix{rows: 1536, cols: 512, w: make([]float32, 1536*512)}
	for i := range m.w {
		m.w[i] = float32(i%7)*0.1 - 0.3
	}
	q8, f32 := quantised(m)
	x := make([]float32, 20*512)
	for i := range x {
		x[i] = float32(i%5) * 0.2
	}
	dst := make([]float32, 20*1536)
	bias := make([]float32, 1536)
	for _, c := range []struct {
		name string
		m    *matrix
	}{{"go", &f32}, {"int8", &q8}} {
		if c.m.q != nil && !hasFMA() {
			continue
		}
		b.Run(c.name, func(b *testing.B) {
			start := cputime.Now()
			for b.Loop() {
				matmul(dst, x, 20, c.m, bias, false)
			}
			reportCPU(b, start)
		})
	}
}
