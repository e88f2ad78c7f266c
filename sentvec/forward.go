package sentvec

import "math"

// work is one sentence's buffers, reused from sentence to sentence.
type work struct {
	x, y, h, att []float32 // T × 512 at most
	qkv, ffn     []float32 // T × 1536
	p            []float32 // T attention weights
}

func (w *work) grow(t int) {
	if cap(w.x) < t*hidDim {
		n := max(t, 32)
		w.x = make([]float32, n*hidDim)
		w.y = make([]float32, n*hidDim)
		w.h = make([]float32, n*hidDim)
		w.att = make([]float32, n*hidDim)
		w.qkv = make([]float32, n*3*hidDim)
		w.ffn = make([]float32, n*3*hidDim)
		w.p = make([]float32, n)
	}
}

// embed writes the unit embedding of ids (at most maxTokens of them) to dst.
// It follows the graph's nodes: token embeddings with a sine/cosine
// position signal; two pre-norm transformer layers; the mean over tokens;
// a tanh layer; L2 normalisation.
func (m *model) embed(dst []float32, ids []int32, w *work) {
	t := len(ids)
	w.grow(max(t, 1))
	x := w.x[:t*embDim]
	half := embDim / 2
	for i, id := range ids {
		row := x[i*embDim : (i+1)*embDim]
		m.emb.row(row, int(id))
		// The graph adds the position signal to the scattered embeddings
		// and then adds that to the embeddings again: 2·embedding + signal.
		for k, v := range row {
			row[k] = v + v
		}
		pos := float32(i)
		for k, inv := range m.invTime {
			a := float64(pos * inv)
			row[k] += float32(math.Sin(a))
			row[half+k] += float32(math.Cos(a))
		}
	}
	y := w.y[:t*hidDim]
	m.layers[0].forward(y, x, t, w)
	x = w.x[:t*hidDim]
	m.layers[1].forward(x, y, t, w)

	pool := w.h[:hidDim]
	clear(pool)
	for i := range t {
		add(pool, x[i*hidDim:(i+1)*hidDim])
	}
	n := float32(max(t, 1))
	for i := range pool {
		pool[i] /= n
	}
	matmul(dst, pool, 1, &m.tanh, m.tanhBias, false)
	var ss float32
	for i, v := range dst {
		v = float32(math.Tanh(float64(v)))
		dst[i] = v
		ss += v * v
	}
	r := float32(1 / math.Sqrt(float64(max(ss, 1e-12))))
	for i := range dst {
		dst[i] *= r
	}
}

// forward writes to y (t × hid) the layer's output for x (t × in). y may
// not share memory with x.
func (l *layer) forward(y, x []float32, t int, w *work) {
	in, hid := l.in, l.hid
	if l.dense != nil {
		matmul(y, x, t, l.dense, l.denseBias, false)
	} else {
		copy(y, x[:t*hid])
	}
	h := w.h[:t*in]
	layerNorm(h, x[:t*in], in, l.lnScale, l.lnBias)
	qkv := w.qkv[:t*3*in]
	matmul(qkv, h, t, &l.qkv, l.qkvBias, false)
	att := w.att[:t*in]
	attend(att, qkv, t, in, w.p[:t])
	matmul(y, att, t, &l.out, l.outBias, true)

	h = w.h[:t*hid]
	layerNorm(h, y, hid, l.ffnScale, l.ffnBias)
	f := w.ffn[:t*3*hid]
	matmul(f, h, t, &l.ffn1, l.ffn1Bias, false)
	for i, v := range f {
		f[i] = max(v, 0)
	}
	matmul(y, f, t, &l.ffn2, l.ffn2Bias, true)
}

// attend is multi-head dot-product attention over all t tokens: qkv holds
// each token's query, key and value (in wide each), split into heads.
func attend(out, qkv []float32, t, in int, p []float32) {
	d := in / heads
	scale := float32(1 / math.Sqrt(float64(d)))
	stride := 3 * in
	q := make([]float32, d)
	for h := range heads {
		for i := range t {
			for k, v := range qkv[i*stride+h*d : i*stride+h*d+d] {
				q[k] = v * scale
			}
			mx := float32(math.Inf(-1))
			for j := range t {
				kj := qkv[j*stride+in+h*d : j*stride+in+h*d+d]
				s := dot(q, kj)
				p[j] = s
				mx = max(mx, s)
			}
			var sum float32
			for j := range t {
				e := float32(math.Exp(float64(p[j] - mx)))
				p[j] = e
				sum += e
			}
			o := out[i*in+h*d : i*in+h*d+d]
			clear(o)
			for j := range t {
				axpy(o, p[j]/sum, qkv[j*stride+2*in+h*d:j*stride+2*in+h*d+d])
			}
		}
	}
}

// layerNorm normalises each width-long row of x into dst.
func layerNorm(dst, x []float32, width int, scale, bias []float32) {
	for r := 0; r < len(x); r += width {
		row, out := x[r:r+width], dst[r:r+width]
		var s float32
		for _, v := range row {
			s += v
		}
		mean := s / float32(width)
		var vs float32
		for _, v := range row {
			d := v - mean
			vs += d * d
		}
		inv := float32(1 / math.Sqrt(float64(vs/float32(width)+lnEps)))
		for i, v := range row {
			out[i] = scale[i]*inv*(v-mean) + bias[i]
		}
	}
}

// matmul writes (or, with acc, adds) x·mᵀ + bias to dst: t rows of m.cols
// in, t rows of m.rows out. It works on blocks of two weight rows by four
// tokens, so that each value loaded serves several products: the forward
// pass is almost all this loop. An int8 matrix goes to dot2x4q8 (AVX2 and
// FMA), where a last block of fewer than four tokens repeats its last token
// and drops the copies; a float32 one to Go loops.
func matmul(dst, x []float32, t int, m *matrix, bias []float32, acc bool) {
	if t == 0 {
		return
	}
	if m.q != nil {
		matmulQ8(dst, x, t, m, bias, acc)
		return
	}
	rows, cols := m.rows, m.cols
	o := 0
	for ; o+2 <= rows; o += 2 {
		w0 := m.w[o*cols : (o+1)*cols]
		w1 := m.w[(o+1)*cols : (o+2)*cols]
		b0, b1 := bias[o], bias[o+1]
		i := 0
		for ; i+4 <= t; i += 4 {
			var s [8]float32
			dot2x4(&s, w0, w1, x[i*cols:(i+1)*cols], x[(i+1)*cols:(i+2)*cols], x[(i+2)*cols:(i+3)*cols], x[(i+3)*cols:(i+4)*cols])
			for k := range 4 {
				put(dst, (i+k)*rows+o, s[k]+b0, acc)
				put(dst, (i+k)*rows+o+1, s[4+k]+b1, acc)
			}
		}
		for ; i < t; i++ {
			xi := x[i*cols : (i+1)*cols]
			put(dst, i*rows+o, dot(xi, w0)+b0, acc)
			put(dst, i*rows+o+1, dot(xi, w1)+b1, acc)
		}
	}
	for ; o < rows; o++ {
		wr := m.w[o*cols : (o+1)*cols]
		for i := range t {
			put(dst, i*rows+o, dot(x[i*cols:(i+1)*cols], wr)+bias[o], acc)
		}
	}
}

// matmulQ8 is matmul for an int8 matrix of an even number of rows of a
// multiple of 8 values, as the loader keeps them only then.
func matmulQ8(dst, x []float32, t int, m *matrix, bias []float32, acc bool) {
	rows, cols := m.rows, m.cols
	if rows%2 != 0 || cols%8 != 0 {
		panic("sentvec: int8 matrix of odd rows or columns not a multiple of 8")
	}
	_ = x[t*cols-1]
	var sums [8]float32
	for o := 0; o < rows; o += 2 {
		w0, w1 := &m.q[o*cols], &m.q[(o+1)*cols]
		s0, s1 := m.scale[o], m.scale[o+1]
		b0, b1 := bias[o], bias[o+1]
		for i := 0; i < t; i += 4 {
			var xs [4]*float32
			for k := range xs {
				xs[k] = &x[min(i+k, t-1)*cols]
			}
			dot2x4q8(&sums, w0, w1, xs[0], xs[1], xs[2], xs[3], cols)
			for k := range min(4, t-i) {
				put(dst, (i+k)*rows+o, sums[k]*s0+b0, acc)
				put(dst, (i+k)*rows+o+1, sums[4+k]*s1+b1, acc)
			}
		}
	}
}

func put(dst []float32, i int, v float32, acc bool) {
	if acc {
		dst[i] += v
	} else {
		dst[i] = v
	}
}

// dot2x4 sets s[k] to w0·xk and s[4+k] to w1·xk.
func dot2x4(s *[8]float32, w0, w1, x0, x1, x2, x3 []float32) {
	n := len(w0)
	w1, x0, x1, x2, x3 = w1[:n], x0[:n], x1[:n], x2[:n], x3[:n]
	var a0, a1, a2, a3, c0, c1, c2, c3 float32
	for i := range n {
		u, v := w0[i], w1[i]
		y0, y1, y2, y3 := x0[i], x1[i], x2[i], x3[i]
		a0 += u * y0
		a1 += u * y1
		a2 += u * y2
		a3 += u * y3
		c0 += v * y0
		c1 += v * y1
		c2 += v * y2
		c3 += v * y3
	}
	*s = [8]float32{a0, a1, a2, a3, c0, c1, c2, c3}
}

func dot(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return (s0 + s1) + (s2 + s3)
}

func axpy(dst []float32, a float32, x []float32) {
	x = x[:len(dst)]
	for i, v := range x {
		dst[i] += a * v
	}
}

func add(dst, x []float32) {
	x = x[:len(dst)]
	for i, v := range x {
		dst[i] += v
	}
}
