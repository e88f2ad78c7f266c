package answer

import "math"

// Encoder embeds sentences as vectors, one per text, in order;
// *sentvec.Encoder satisfies it.
type Encoder interface {
	Encode(texts ...string) [][]float32
}

// Judge judges an English question's candidate sentences by meaning where
// the focus rule, which compares words, keeps none: when one of the
// best-ranked candidates that holds every name of the question, and that
// no guard refuses, is at least Rescue near the question (cosine of
// their sentence embeddings), extractive ask answers with it instead of
// abstaining. English only: the encoder is English.
//
// Chosen on the tuning halves with Universal Sentence Encoder lite
// (sentvec; docs/benchmarks.md, issue 10, "A sentence encoder as judge"):
// the encoder does not separate answers from sentences on the question's
// topic (AUC 0.53 on SQuAD 2.0's tuning half), so only a high cosine
// rescues: at 0.8, SQuAD 2.0 en answers 4 more and abstains on 3 fewer
// impossible questions (measured; projected with the npm original, 4 and
// 2); no documentation set moved. It costs an abstaining English question
// the encoding of it and its eligible candidates (BenchmarkJudge).
type Judge struct {
	Encoder Encoder // nil: no judge
	Rescue  float64 // the cosine a rescued sentence needs; 0 → DefaultRescue
}

// DefaultRescue is Judge.Rescue's default.
const DefaultRescue = 0.8

// judged is how many of the best-ranked candidate sentences a judge
// reads: a sentence holding the answer is among the first ten for 267 of
// SQuAD 2.0 en's 306 in-corpus abstentions on its tuning half
// (bench/encodeval).
const judged = 10

// rescue is the judge's answer to an English question the focus rule
// keeps no sentence for: the eligible candidate nearest the question when
// it is near enough, else none. Only eligible candidates are encoded,
// with the question, in one call.
func (st *state) rescue(j Judge, question string, f focus, check func(string, []string, around) (fit, string), blocks []*block, query string) []pick {
	eligible := map[string]bool{}
	ranked := st.rankSentences(f, blocks, query, judged, judged, func(s string, terms []string, a around) (bool, int) {
		c, guard := check(s, terms, a)
		// share() is 0 when a name of the question is missing.
		eligible[s] = guard == "" && c.share() > 0
		return true, st.opensWith(s, f)
	})
	var cands []pick
	texts := []string{question}
	for _, p := range ranked {
		if eligible[p.sent] {
			cands = append(cands, p)
			texts = append(texts, p.head)
		}
	}
	if len(cands) == 0 {
		return nil
	}
	vs := j.Encoder.Encode(texts...)
	if len(vs) != len(texts) {
		return nil // an encoder that fails says nothing
	}
	t := j.Rescue
	if t == 0 {
		t = DefaultRescue
	}
	best, bestCos := -1, t
	for i := range cands {
		if c := cosine(vs[0], vs[i+1]); c >= bestCos {
			best, bestCos = i, c
		}
	}
	if best < 0 {
		return nil
	}
	return cands[best : best+1]
}

// cosine is the cosine of a and b; 0 when either is zero.
func cosine(a, b []float32) float64 {
	var d, na, nb float64
	for i := range min(len(a), len(b)) {
		d += float64(a[i]) * float64(b[i])
		na += float64(a[i]) * float64(a[i])
		nb += float64(b[i]) * float64(b[i])
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return d / math.Sqrt(na*nb)
}
