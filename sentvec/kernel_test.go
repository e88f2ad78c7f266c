package sentvec

import (
	"math"
	"math/rand/v2"
	"testing"
)

// quantised returns m's int8 form (max-abs / 127 per row, as gen_model.go)
// and m with the values that form stands for.
func quantised(m matrix) (q8, f32 matrix) {
	q8 = matrix{rows: m.rows, cols: m.cols, q: make([]int8, len(m.w)), scale: make([]float32, m.rows)}
	for o := range m.rows {
		var mx float32
		for _, v := range m.w[o*m.cols : (o+1)*m.cols] {
			mx = max(mx, float32(math.Abs(float64(v))))
		}
		q8.scale[o] = mx / 127
		for i, v := range m.w[o*m.cols : (o+1)*m.cols] {
			q8.q[o*m.cols+i] = int8(math.Round(float64(v / q8.scale[o])))
		}
	}
	f32 = matrix{rows: m.rows, cols: m.cols, w: make([]float32, len(m.w))}
	for o := range m.rows {
		q8.row(f32.w[o*m.cols:(o+1)*m.cols], o)
	}
	return q8, f32
}

// The int8 kernel and the Go loops compute the same products (to float32
// rounding) for any number of tokens; the Go loops also for shapes the
// kernel does not take (odd rows, columns not a multiple of 8).
func TestMatmulKernelsAgree(t *testing.T) {
	if !hasFMA() {
		t.Log("no AVX2/FMA here: the Go loops are the only path, checked against the reference by TestEncodeMatchesReference")
	}
	r := rand.New(rand.NewPCG(1, 2))
	for _, c := range []struct{ rows, cols, t int }{
		{3, 8, 1}, {4, 16, 3}, {7, 24, 5}, {2, 12, 4}, {64, 256, 9}, {512, 1536, 20}, {2, 512, 1},
	} {
		m := matrix{rows: c.rows, cols: c.cols, w: make([]float32, c.rows*c.cols)}
		for i := range m.w {
			m.w[i] = r.Float32()*2 - 1
		}
		q8, f32 := quantised(m)
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
					s += float64(x[i*c.cols+k]) * float64(f32.w[o*c.cols+k])
				}
				want[i*c.rows+o] = float32(s) + bias[o]
			}
		}
		for _, mm := range []*matrix{&f32, &q8} {
			if mm.q != nil && (!hasFMA() || c.rows%2 != 0 || c.cols%8 != 0) {
				continue
			}
			for _, acc := range []bool{false, true} {
				got := make([]float32, len(want))
				for i := range got {
					got[i] = 1
				}
				matmul(got, x, c.t, mm, bias, acc)
				for i := range got {
					w := want[i]
					if acc {
						w++
					}
					if math.Abs(float64(got[i]-w)) > 1e-4*math.Sqrt(float64(c.cols)) {
						t.Fatalf("%d×%d, %d tokens, int8 %v, acc %v: [%d] = %v, want %v", c.rows, c.cols, c.t, mm.q != nil, acc, i, got[i], w)
					}
				}
			}
		}
	}
}
