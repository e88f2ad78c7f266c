package sentvec

import "math"

// work is one batch's buffers, reused from batch to batch.
type work struct {
	x, y, h, att []float32 // T × 512 at most, T the batch's tokens
	qkv, ffn     []float32 // T × 1536
	p            []float32 // attention weights, a sentence's tokens
	pool, out    []float32 // n × 512, n the batch's sentences
	off          []int     // n+1 offsets of the sentences' tokens
}

func (w *work) grow(t, n int) {
	if cap(w.x) < t*hidDim {
		t = max(t, 32)
		w.x = make([]float32, t*hidDim)
		w.y = make([]float32, t*hidDim)
		w.h = make([]float32, t*hidDim)
		w.att = make([]float32, t*hidDim)
		w.qkv = make([]float32, t*3*hidDim)
		w.ffn = make([]float32, t*3*hidDim)
	}
	if cap(w.pool) < n*hidDim {
		n = max(n, 8)
		w.pool = make([]float32, n*hidDim)
		w.out = make([]float32, n*hidDim)
	}
	if cap(w.p) < maxTokens {
		w.p = make([]float32, maxTokens)
	}
}

// embed writes to dst[i] the unit embedding of ids[i] (at most maxTokens
// ids each), the sentences' tokens going through the matrix products
// together (a token's arithmetic is the same whatever its batch). It
// follows the graph's nodes: token embeddings with a sine/cosine position
// signal; two pre-norm transformer layers, attention within each sentence;
// the mean over a sentence's tokens; a tanh layer; L2 normalisation.
func (m *model) embed(dst [][]float32, ids [][]int32, w *work) {
	n := len(ids)
	w.off = append(w.off[:0], 0)
	for _, s := range ids {
		w.off = append(w.off, w.off[len(w.off)-1]+len(s))
	}
	t := w.off[n]
	w.grow(max(t, 1), n)
	x := w.x[:t*embDim]
	half := embDim / 2
	for s, sent := range ids {
		for i, id := range sent {
			row := x[(w.off[s]+i)*embDim : (w.off[s]+i+1)*embDim]
			m.emb.row(row, int(id))
			// The graph adds the position signal to the scattered
			// embeddings and then adds that to the embeddings again:
			// 2·embedding + signal.
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
	}
	y := w.y[:t*hidDim]
	m.layers[0].forward(y, x, t, w)
	x = w.x[:t*hidDim]
	m.layers[1].forward(x, y, t, w)

	pool := w.pool[:n*hidDim]
	clear(pool)
	for s := range n {
		ps := pool[s*hidDim : (s+1)*hidDim]
		for i := w.off[s]; i < w.off[s+1]; i++ {
			add(ps, x[i*hidDim:(i+1)*hidDim])
		}
		c := float32(max(w.off[s+1]-w.off[s], 1))
		for i := range ps {
			ps[i] /= c
		}
	}
	out := w.out[:n*hidDim]
	matmul(out, pool, n, &m.tanh, m.tanhBias, false)
	for s := range n {
		d := dst[s][:hidDim]
		var ss float32
		for i, v := range out[s*hidDim : (s+1)*hidDim] {
			v = float32(math.Tanh(float64(v)))
			d[i] = v
			ss += v * v
		}
		r := float32(1 / math.Sqrt(float64(max(ss, 1e-12))))
		for i := range d {
			d[i] *= r
		}
	}
}

// forward writes to y (t × hid) the layer's output for x (t × in), the
// tokens of the sentences w.off delimits. y may not share memory with x.
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
	for s := range len(w.off) - 1 {
		a, b := w.off[s], w.off[s+1]
		attend(att[a*in:b*in], qkv[a*3*in:b*3*in], b-a, in, w.p[:b-a])
	}
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
		for i := 0; i < t; i += 4 {
			// A last block of fewer than four tokens repeats its last
			// token, so that a token's sums are the same in any block.
			var xs [4][]float32
			for k := range xs {
				j := min(i+k, t-1)
				xs[k] = x[j*cols : (j+1)*cols]
			}
			var s [8]float32
			dot2x4(&s, w0, w1, xs[0], xs[1], xs[2], xs[3])
			for k := range min(4, t-i) {
				put(dst, (i+k)*rows+o, s[k]+b0, acc)
				put(dst, (i+k)*rows+o+1, s[4+k]+b1, acc)
			}
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
