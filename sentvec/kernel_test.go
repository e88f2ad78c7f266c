package sentvec

import (
	"math"
	"math/rand/v2"
	"testing"
)

// The FMA kernel and the Go loops compute the same products (to float32
// rounding), for any number of tokens and for widths the kernel does not
// take (not a multiple of 8), where matmul falls back to Go.
func TestMatmulKernelsAgree(t *testing.T) {
	if !hasFMA() {
		t.Log("no AVX2/FMA here: the Go path is the only one, checked against the reference by TestEncodeMatchesReference")
	}
	r := rand.New(rand.NewPCG(1, 2))
	for _, c := range []struct{ rows, cols, t int }{
		{3, 8, 1}, {4, 16, 3}, {7, 24, 5}, {2, 12, 4}, {64, 256, 9}, {512, 1536, 20}, {1, 512, 1},
	} {
		m := matrix{c.rows, c.cols, make([]float32, c.rows*c.cols)}
		for i := range m.w {
			m.w[i] = r.Float32()*2 - 1
		}
		x := make([]float32, c.t*c.cols)
		for i := range x {
			x[i] = r.Float32()*2 - 1
		}
		bias := make([]float32, c.rows)
		for i := range bias {
			bias[i] = r.Float32()
		}
		want := make([]float32, c.t*c.rows)
		for i := range c.t {
			for o := range c.rows {
				var s float64
				for k := range c.cols {
					s += float64(x[i*c.cols+k]) * float64(m.w[o*c.cols+k])
				}
				want[i*c.rows+o] = float32(s) + bias[o]
			}
		}
		for _, fma := range []bool{false, true} {
			if fma && !hasFMA() {
				continue
			}
			for _, acc := range []bool{false, true} {
				got := make([]float32, len(want))
				for i := range got {
					got[i] = 1
				}
				matmul(got, x, c.t, &m, bias, acc, fma)
				for i := range got {
					w := want[i]
					if acc {
						w++
					}
					if math.Abs(float64(got[i]-w)) > 1e-4*math.Sqrt(float64(c.cols)) {
						t.Fatalf("%d×%d, %d tokens, fma %v, acc %v: [%d] = %v, want %v", c.rows, c.cols, c.t, fma, acc, i, got[i], w)
					}
				}
			}
		}
	}
}
