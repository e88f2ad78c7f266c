package signals

import (
	"math"
	"slices"
)

// Model is a logistic model on raw signals: Score is the bias plus the
// weighed signals it uses.
type Model struct {
	Use     []int // the signals it reads, as indices
	Bias    float64
	Weights []float64 // one per Use
}

// Score is the model's log-odds for the signals x.
func (m Model) Score(x []float64) float64 {
	z := m.Bias
	for k, i := range m.Use {
		z += m.Weights[k] * x[i]
	}
	return z
}

// Fit fits a logistic model with an L2 penalty lambda (on standardised
// signals; the bias is not penalised) to xs and ys by Newton's method
// (iteratively reweighted least squares), reading the signals use, and
// returns it on raw signals. It is deterministic: the same rows in the
// same order give the same model, bit for bit.
func Fit(xs [][]float64, ys []bool, use []int, lambda float64) Model {
	k := len(use)
	mean, sd := make([]float64, k), make([]float64, k)
	n := float64(max(1, len(xs)))
	for j, i := range use {
		for _, x := range xs {
			mean[j] += x[i]
		}
		mean[j] /= n
		for _, x := range xs {
			sd[j] += (x[i] - mean[j]) * (x[i] - mean[j])
		}
		sd[j] = math.Sqrt(sd[j] / n)
		if sd[j] == 0 {
			sd[j] = 1
		}
	}
	z := make([][]float64, len(xs)) // standardised, with 1 last for the bias
	for r, x := range xs {
		z[r] = make([]float64, k+1)
		for j, i := range use {
			z[r][j] = (x[i] - mean[j]) / sd[j]
		}
		z[r][k] = 1
	}
	beta := make([]float64, k+1)
	for range 100 {
		g := make([]float64, k+1)
		h := make([][]float64, k+1)
		for a := range h {
			h[a] = make([]float64, k+1)
		}
		for r, zr := range z {
			s := 0.0
			for j, v := range zr {
				s += beta[j] * v
			}
			p := 1 / (1 + math.Exp(-s))
			y := 0.0
			if ys[r] {
				y = 1
			}
			for a, va := range zr {
				g[a] += (p - y) * va / n
				for b, vb := range zr {
					h[a][b] += p * (1 - p) * va * vb / n
				}
			}
		}
		for a := range k {
			g[a] += lambda * beta[a]
			h[a][a] += lambda
		}
		h[k][k] += 1e-9
		step := solve(h, g)
		done := true
		for a := range beta {
			beta[a] -= step[a]
			done = done && math.Abs(step[a]) < 1e-10
		}
		if done {
			break
		}
	}
	m := Model{Use: slices.Clone(use), Bias: beta[k], Weights: make([]float64, k)}
	for j := range k {
		m.Weights[j] = beta[j] / sd[j]
		m.Bias -= beta[j] * mean[j] / sd[j]
	}
	return m
}

// solve solves h x = g by Gaussian elimination with partial pivoting.
func solve(h [][]float64, g []float64) []float64 {
	n := len(g)
	a := make([][]float64, n)
	for i := range a {
		a[i] = append(slices.Clone(h[i]), g[i])
	}
	for c := range n {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		a[c], a[p] = a[p], a[c]
		if a[c][c] == 0 {
			continue
		}
		for r := range n {
			if r != c {
				f := a[r][c] / a[c][c]
				for k := c; k <= n; k++ {
					a[r][k] -= f * a[c][k]
				}
			}
		}
	}
	x := make([]float64, n)
	for i := range n {
		if a[i][i] != 0 {
			x[i] = a[i][n] / a[i][i]
		}
	}
	return x
}
