package sentvec

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"unsafe"
)

// modelBin is USE lite's vocabulary and weights, written by gen_model.go.
// Not compressed: its int8 matrices are used where they lie, in the
// program's read-only data, so loading copies and decompresses nothing
// (gzip saved 9 % of it and was three quarters of the load time).
//
//go:embed model.bin
var modelBin []byte

// Shapes of USE lite's KonaTransformer.
const (
	vocabRows = 8002 // embedding rows: the 8000 pieces and two more
	embDim    = 256  // token embedding and layer 0's width
	hidDim    = 512  // layer 1's width and the output's
	heads     = 4
	maxTokens = 128 // the graph drops tokens from position 128 on
	lnEps     = 1e-6
)

// Dim is the length of an embedding.
const Dim = hidDim

// matrix is a row-major matrix, rows outputs of cols inputs each: float32
// values (w), or int8 values with a scale per row (q, scale) where the
// int8 kernel runs, and always for the embedding table, of which a sentence
// reads a few rows.
type matrix struct {
	rows, cols int
	w          []float32
	q          []int8
	scale      []float32
}

// row writes row r as float32 into dst.
func (m *matrix) row(dst []float32, r int) {
	if m.q == nil {
		copy(dst, m.w[r*m.cols:(r+1)*m.cols])
		return
	}
	s := m.scale[r]
	for i, v := range m.q[r*m.cols : (r+1)*m.cols] {
		dst[i] = float32(v) * s
	}
}

// layer is one transformer layer: pre-norm attention and feed-forward, each
// added to its input; layer 0 widens 256 to 512 (its residual through dense).
type layer struct {
	in, hid           int
	lnScale, lnBias   []float32 // before attention, in wide
	qkv               matrix    // 3·in × in
	qkvBias           []float32
	out               matrix // hid × in
	outBias           []float32
	dense             *matrix // hid × in, the residual's widening; nil when in == hid
	denseBias         []float32
	ffnScale, ffnBias []float32
	ffn1              matrix // 3·hid × hid
	ffn1Bias          []float32
	ffn2              matrix // hid × 3·hid
	ffn2Bias          []float32
}

type model struct {
	tok      *tokenizer
	emb      matrix
	invTime  []float32 // 128 inverse timescales of the sine/cosine position signal
	layers   [2]layer
	tanh     matrix
	tanhBias []float32
}

// reader reads model.bin's fields, remembering the first error.
type reader struct {
	b   []byte
	err error
}

// read returns the next n bytes, which alias the file (never write them).
func (r *reader) read(n int) []byte {
	if r.err == nil && n > len(r.b) {
		r.err = io.ErrUnexpectedEOF
	}
	if r.err != nil {
		return make([]byte, n)
	}
	b := r.b[:n:n]
	r.b = r.b[n:]
	return b
}

func (r *reader) u16() int { return int(binary.LittleEndian.Uint16(r.read(2))) }
func (r *reader) u32() int { return int(binary.LittleEndian.Uint32(r.read(4))) }

func (r *reader) f32s(n int) []float32 {
	b := r.read(4 * n)
	v := make([]float32, n)
	for i := range v {
		v[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return v
}

// tensor reads one tensor of the shape wanted; a quantised one stays int8
// if keep (and its rows suit the kernel), else it is dequantised.
func (r *reader) tensor(rows, cols int, keep bool) matrix {
	kind := r.read(1)[0]
	gr, gc := r.u32(), r.u32()
	if r.err == nil && (gr != rows || gc != cols) {
		r.err = fmt.Errorf("tensor %d×%d, want %d×%d", gr, gc, rows, cols)
	}
	if r.err != nil {
		return matrix{}
	}
	switch kind {
	case 0:
		return matrix{rows: rows, cols: cols, w: r.f32s(rows * cols)}
	case 1:
		scale := r.f32s(rows)
		b := r.read(rows * cols)
		// The file's bytes as int8, not copied: nothing writes them.
		q := unsafe.Slice((*int8)(unsafe.Pointer(unsafe.SliceData(b))), len(b))
		m := matrix{rows: rows, cols: cols, q: q, scale: scale}
		if keep && cols%8 == 0 {
			return m
		}
		w := make([]float32, len(q))
		for i := range rows {
			m.row(w[i*cols:(i+1)*cols], i)
		}
		return matrix{rows: rows, cols: cols, w: w}
	}
	r.err = fmt.Errorf("tensor kind %d", kind)
	return matrix{}
}

func (r *reader) vec(n int) []float32 {
	return r.tensor(1, n, false).w
}

// loadModel reads model.bin from b, which its int8 matrices keep using;
// int8 keeps the layers' matrices int8 for the int8 kernel, else they are
// dequantised for the Go loops.
func loadModel(b []byte, int8 bool) (*model, error) {
	r := &reader{b: b}
	if string(r.read(8)) != "SENTVEC1" && r.err == nil {
		return nil, errors.New("sentvec model: not a SENTVEC1 file")
	}
	nv := r.u32()
	if r.err == nil && nv != 8000 {
		return nil, fmt.Errorf("sentvec model: %d pieces, want 8000", nv)
	}
	pieces := make([]string, nv)
	scores := make([]float64, nv)
	for i := range nv {
		if r.err != nil {
			break
		}
		pieces[i] = string(r.read(r.u16()))
		scores[i] = math.Float64frombits(binary.LittleEndian.Uint64(r.read(8)))
	}
	m := &model{tok: newTokenizer(pieces, scores)}
	mat := func(rows, cols int) matrix { return r.tensor(rows, cols, int8) }
	if nt := r.u32(); r.err == nil && nt != 30 {
		return nil, fmt.Errorf("sentvec model: %d tensors, want 30", nt)
	}
	m.emb = r.tensor(vocabRows, embDim, true)
	m.invTime = r.vec(embDim / 2)
	for i, in := range []int{embDim, hidDim} {
		l := &m.layers[i]
		l.in, l.hid = in, hidDim
		l.lnScale, l.lnBias = r.vec(in), r.vec(in)
		l.qkv, l.qkvBias = mat(3*in, in), r.vec(3*in)
		l.out, l.outBias = mat(hidDim, in), r.vec(hidDim)
		if in != hidDim {
			d := mat(hidDim, in)
			l.dense, l.denseBias = &d, r.vec(hidDim)
		}
		l.ffnScale, l.ffnBias = r.vec(hidDim), r.vec(hidDim)
		l.ffn1, l.ffn1Bias = mat(3*hidDim, hidDim), r.vec(3*hidDim)
		l.ffn2, l.ffn2Bias = mat(hidDim, 3*hidDim), r.vec(hidDim)
	}
	m.tanh, m.tanhBias = mat(hidDim, hidDim), r.vec(hidDim)
	if r.err != nil {
		return nil, fmt.Errorf("sentvec model: %w", r.err)
	}
	if len(r.b) != 0 {
		return nil, fmt.Errorf("sentvec model: %d bytes after the last tensor", len(r.b))
	}
	return m, nil
}
