// Package sentvec embeds English sentences as 512-d unit vectors with
// Google's Universal Sentence Encoder lite (Apache-2.0), in pure Go: its
// SentencePiece tokenizer and its two-layer transformer, weights embedded
// quantised to int8 (model.bin, 7.2 MB). Paraphrases land near each
// other, which word overlap and word vectors miss. See README.md for its
// origin and how close it is to the original.
package sentvec

import (
	"math"
	"runtime"
	"sync"
)

// Encoder embeds sentences. Its zero value is ready to use and loads the
// model on first use (about 12 ms and 1 MB of heap), so a program that never
// encodes pays nothing. It is safe for concurrent use.
type Encoder struct {
	once  sync.Once
	m     *model
	err   error
	works sync.Pool // *work
}

// Load loads the embedded model if it is not loaded yet and reports whether
// it could be read; Encode panics where Load would fail.
func (e *Encoder) Load() error {
	e.once.Do(func() { e.m, e.err = loadModel(modelBin, hasFMA()) })
	return e.err
}

func (e *Encoder) model() *model {
	if err := e.Load(); err != nil {
		panic(err) // the embedded file is corrupt: a broken build, not input
	}
	return e.m
}

// Tokenize returns the vocabulary ids of text as the model reads them
// (before it keeps only the first 128).
func (e *Encoder) Tokenize(text string) []int32 {
	return e.model().tok.encode(nil, text)
}

// Encode returns one unit vector of Dim values for each text, in order. An
// empty text has an embedding too (the same for all of them). Only a
// text's first 128 tokens count, as in the original.
func (e *Encoder) Encode(texts ...string) [][]float32 {
	m := e.model()
	out := make([][]float32, len(texts))
	flat := make([]float32, len(texts)*Dim)
	for i := range out {
		out[i] = flat[i*Dim : (i+1)*Dim : (i+1)*Dim]
	}
	workers := min(runtime.GOMAXPROCS(0), len(texts))
	if workers <= 1 {
		e.encodeRange(m, texts, out, 0, 1)
		return out
	}
	var wg sync.WaitGroup
	for k := range workers {
		wg.Go(func() { e.encodeRange(m, texts, out, k, workers) })
	}
	wg.Wait()
	return out
}

// batchTokens is how many tokens encodeRange sends through the matrix
// products together: enough that short texts fill the kernel's blocks of
// four, few enough that the activations stay in cache.
const batchTokens = 64

// encodeRange encodes texts k, k+step, k+2·step…, in batches of about
// batchTokens tokens.
func (e *Encoder) encodeRange(m *model, texts []string, out [][]float32, k, step int) {
	w, _ := e.works.Get().(*work)
	if w == nil {
		w = &work{}
	}
	var (
		ids   []int32   // the batch's ids, one text after another
		ends  []int     // where each text's ids end in ids
		which []int     // the batch's texts
		sents [][]int32 // ids cut by ends
		dst   [][]float32
	)
	flush := func() {
		sents, dst = sents[:0], dst[:0]
		start := 0
		for j, end := range ends {
			sents = append(sents, ids[start:end])
			dst = append(dst, out[which[j]])
			start = end
		}
		m.embed(dst, sents, w)
		ids, ends, which = ids[:0], ends[:0], which[:0]
	}
	for i := k; i < len(texts); i += step {
		n := len(ids)
		ids = m.tok.encode(ids, texts[i])
		if len(ids)-n > maxTokens {
			ids = ids[:n+maxTokens]
		}
		ends = append(ends, len(ids))
		which = append(which, i)
		if len(ids) >= batchTokens {
			flush()
		}
	}
	if len(which) > 0 {
		flush()
	}
	e.works.Put(w)
}

// Cosine is the cosine similarity of a and b (their dot product when both
// are unit vectors, as Encode's are); 0 when either is zero.
func Cosine(a, b []float32) float32 {
	var ab, aa, bb float64
	for i := range min(len(a), len(b)) {
		x, y := float64(a[i]), float64(b[i])
		ab += x * y
		aa += x * x
		bb += y * y
	}
	if aa == 0 || bb == 0 {
		return 0
	}
	return float32(ab / math.Sqrt(aa*bb))
}
