package sentvec

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// wordStart is SentencePiece's mark of a word's start, which stands for
// every space.
const wordStart = "\u2581"

// reserved is how many ids at the vocabulary's start are not pieces (unknown,
// <s>, </s> and three extra tokens); the tokenizer never matches them.
const reserved = 6

// tokenizer is the SentencePiece unigram tokenizer of
// @energetic-ai/embeddings 0.2.0 (lib/tokenizer.ts, itself TF.js's
// universal-sentence-encoder tokenizer), quirks included, so that its ids are
// the ones the model was fed in the reference: Viterbi over piece scores
// with ties going to the later start, an unmatched character scored 0 as the
// unknown id 0, and runs of unknown ids merged into one.
type tokenizer struct {
	pieces []string         // by id
	scores []float64        // by id; a null score in vocab.json is 0
	ids    map[string]int32 // piece → id, the later of duplicates
	maxLen int              // longest piece in runes
	jump   []int            // by id: the piece's length in UTF-16 units, how far the JS steps back
}

func newTokenizer(pieces []string, scores []float64) *tokenizer {
	t := &tokenizer{pieces: pieces, scores: scores, ids: make(map[string]int32, len(pieces)), jump: make([]int, len(pieces))}
	for i, p := range pieces {
		t.jump[i] = len(utf16.Encode([]rune(p)))
		if i < reserved {
			continue
		}
		t.ids[p] = int32(i)
		t.maxLen = max(t.maxLen, utf8.RuneCountInString(p))
	}
	return t
}

// encode appends the ids of text to dst.
func (t *tokenizer) encode(dst []int32, text string) []int32 {
	s := norm.NFKC.String(text)
	if s == "" {
		return dst
	}
	s = wordStart + strings.ReplaceAll(s, " ", wordStart)

	// Rune offsets: symbol i is s[off[i]:off[i+1]]. Invalid UTF-8 is one
	// symbol per byte, as ranging over the string reads it.
	off := make([]int, 0, len(s)+1)
	for i := range s {
		off = append(off, i)
	}
	off = append(off, len(s))
	n := len(off) - 1

	// matched[i]: some piece starts at symbol i. Where none does, the JS
	// takes that one symbol as the unknown id with score 0.
	matched := make([]bool, n)
	for i := range n {
		for l := 1; l <= t.maxLen && i+l <= n; l++ {
			if _, ok := t.ids[s[off[i]:off[i+l]]]; ok {
				matched[i] = true
				break
			}
		}
	}

	best := make([]float64, n+1)
	words := make([]int32, n+1)
	for end := 1; end <= n; end++ {
		// Candidates in the JS's order: by start, ascending.
		for start := max(0, end-t.maxLen); start < end; start++ {
			var id int32
			var score float64
			if p, ok := t.ids[s[off[start]:off[end]]]; ok {
				id, score = p, t.scores[p]
			} else if end == start+1 && !matched[start] {
				id, score = 0, 0
			} else {
				continue
			}
			sc := score + best[start]
			// best 0 means unset there, even where a path scored 0.
			if best[end] == 0 || sc >= best[end] {
				best[end] = sc
				words[end] = id
			}
		}
	}

	// Back from the end, stepping by the chosen piece's UTF-16 length (the
	// JS's string length), merging runs of unknown ids.
	first := len(dst)
	prevUnk := false
	for i := n; i > 0; {
		id := words[i]
		if !(prevUnk && id == 0) {
			dst = append(dst, id)
		}
		prevUnk = id == 0
		i -= t.jump[id]
	}
	for i, j := first, len(dst)-1; i < j; i, j = i+1, j-1 {
		dst[i], dst[j] = dst[j], dst[i]
	}
	return dst
}
