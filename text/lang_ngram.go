package text

import (
	"math"
	"math/bits"
	"sync"
	"unicode/utf8"

	"corpusbot/wordfreq"
)

// Letter-sequence tie-break. Where the function words tie and no content
// word is common enough to be in a language's table ("Comprime un archivo":
// un is French, Spanish and Italian; archivo is none's commonest), the
// spelling of the content words still tells: Spanish -ción and -vo,
// Italian -zione and -are, Portuguese -ção. Each language's letter
// trigrams are counted over the words of its wordfreq table (each word once,
// so function words do not dominate), and a word counts for each tied
// language by the likelihood of its trigrams there. Chosen on the tuning half
// of the tldr-pages lines (docs/benchmarks.md, "Letter sequences settle
// ties").

// ngramAlpha is the count added to every letter after every context
// (add-one smoothing; 0.1 did no better on the tuning half).
const ngramAlpha = 1

// trigram is three runes of a word, the word's edges written as 0.
type trigram [3]rune

// ngramModel is each language's log-probability of every trigram seen in
// its table (index of latinLangs), and of one never seen there.
type ngramModel struct {
	logp   map[trigram]*[numLatin]float32 // seen trigrams
	ctx    map[trigram]*[numLatin]float32 // a letter not seen after a seen context
	unseen float32                        // after a context no table has
}

var ngrams = sync.OnceValue(ngramsBuild)

func ngramsBuild() *ngramModel {
	idx := freqIndex()
	fromFreq := make([]int, len(wordfreq.Languages()))
	for i := range fromFreq {
		fromFreq[i] = -1
	}
	for k, i := range idx {
		if i >= 0 {
			fromFreq[i] = k
		}
	}
	counts := map[trigram]*[numLatin]float32{}
	contexts := map[trigram]*[numLatin]float32{} // the first two runes, the third 0
	letters := map[rune]bool{}
	for w, zs := range wordfreq.All() {
		eachTrigram(w, func(t trigram) {
			letters[t[2]] = true
			ctx := trigram{t[0], t[1], 0}
			c, x := counts[t], contexts[ctx]
			if c == nil {
				c = new([numLatin]float32)
				counts[t] = c
			}
			if x == nil {
				x = new([numLatin]float32)
				contexts[ctx] = x
			}
			for i, z := range zs {
				if k := fromFreq[i]; z > 0 && k >= 0 {
					c[k]++
					x[k]++
				}
			}
		})
	}
	// Each letter's probability after the two before it, add-alpha
	// smoothed over the letters of every table.
	m := &ngramModel{logp: map[trigram]*[numLatin]float32{}, ctx: map[trigram]*[numLatin]float32{}}
	a := float64(len(letters))
	for t, c := range counts {
		x := contexts[trigram{t[0], t[1], 0}]
		p := new([numLatin]float32)
		for k := range numLatin {
			p[k] = float32(math.Log((float64(c[k]) + ngramAlpha) / (float64(x[k]) + ngramAlpha*a)))
		}
		m.logp[t] = p
	}
	for t, x := range contexts {
		p := new([numLatin]float32)
		for k := range numLatin {
			p[k] = float32(math.Log(ngramAlpha / (float64(x[k]) + ngramAlpha*a)))
		}
		m.ctx[t] = p
	}
	m.unseen = float32(math.Log(1 / a))
	return m
}

// eachTrigram calls fn with each trigram of w, its edges included.
func eachTrigram(w string, fn func(trigram)) {
	t := trigram{0, 0, 0}
	for _, r := range w {
		t = trigram{t[1], t[2], r}
		if t[1] != 0 || t[0] != 0 {
			fn(t)
		} else {
			fn(trigram{0, 0, r})
		}
	}
	if utf8.RuneCountInString(w) > 0 {
		fn(trigram{t[1], t[2], 0})
	}
}

// ngramTieBreak returns the candidate language (bits of latinLangs) whose
// letter sequences text's content words are clearly likeliest in, or -1.
func ngramTieBreak(text string, candidates uint32) int {
	m := ngrams()
	var score [numLatin]float64
	words := false
	for lw := range contentWords(text) {
		if utf8.RuneCountInString(lw) < 3 {
			continue
		}
		words = true
		eachTrigram(lw, func(t trigram) {
			p, q := m.logp[t], m.ctx[trigram{t[0], t[1], 0}]
			for c := uint32(allLatin); c != 0; c &= c - 1 {
				k := bits.TrailingZeros32(c)
				switch {
				case p != nil:
					score[k] += float64(p[k])
				case q != nil:
					score[k] += float64(q[k])
				default:
					score[k] += float64(m.unseen)
				}
			}
		})
	}
	if !words {
		return -1
	}
	idx := freqIndex()
	best, second := -1, -1
	for c := candidates; c != 0; c &= c - 1 {
		k := bits.TrailingZeros32(c)
		switch {
		case idx[k] < 0:
			// No table (Irish): no letters to weigh.
		case best < 0 || score[k] > score[best]:
			best, second = k, best
		case second < 0 || score[k] > score[second]:
			second = k
		}
	}
	if best < 0 || second >= 0 && score[best] == score[second] {
		return -1
	}
	// Letters that point to a language outside the tie say only that the
	// text is none of the tied ones ("Dekoduj plik do": do is English,
	// Polish has no function word in it): no decision.
	for c := uint32(allLatin) &^ candidates; c != 0; c &= c - 1 {
		if k := bits.TrailingZeros32(c); idx[k] >= 0 && score[k] > score[best] {
			return -1
		}
	}
	// English words are everywhere in technical text (install, lint,
	// run): their letters do not tell a reader's language, and a tie
	// English leads stays "und", for the locale to answer. Danish and
	// Norwegian spell too alike for letters to part them; their tie
	// keeps the list's order.
	switch latinLangs[best] {
	case "en":
		return -1
	case "da", "no":
		for c := candidates &^ (1 << best); c != 0; c &= c - 1 {
			if l := latinLangs[bits.TrailingZeros32(c)]; l == "da" || l == "no" {
				return -1
			}
		}
	}
	return best
}
