package text

import (
	"iter"
	"math/bits"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"corpusbot/wordfreq"
)

// Content-word tie-break. Function words settle most texts; where they tie
// or are absent, a text's other words are weighed by how common they are in
// the speech of each tied language (package wordfreq: the commonest words
// of each language's subtitles). A word counts for a language by how much
// commoner it is there than in the commonest of its rivals: "bedeutet"
// counts for German, "install", as common in English subtitles as in no
// other, for English. Function words have given their evidence already
// and are skipped (one-letter words, which the stopword count leaves out,
// are weighed here: Portuguese "o" is commoner than Spanish "o"), and so
// are capitalised words inside a sentence, names in any language (Helm,
// Prometheus). Every value was chosen on the tuning halves of the question
// sets (docs/benchmarks.md, "Content words settle ties").
const (
	// contentMissing is the Zipf value×10 taken for a word a language's
	// table does not have: below its rarest kept word (Zipf 4.4–4.7 at
	// wordfreq.LangTop words a language).
	contentMissing = 30
	// contentMargin is how much more evidence, in Zipf×10, the winner
	// needs than the runner-up: less is no decision.
	contentMargin = 10
	// contentWords bounds the words read: ties are settled on a text's
	// first words, as a question's.
	contentWordLimit = 200
)

// allLatin is the mask of every language of latinLangs.
const allLatin = 1<<numLatin - 1

// freqIndex maps latinLangs to wordfreq.Languages: -1 where wordfreq has
// no table (Irish).
var freqIndex = sync.OnceValue(func() [numLatin]int {
	var idx [numLatin]int
	langs := wordfreq.Languages()
	for k, l := range latinLangs {
		idx[k] = -1
		for i, f := range langs {
			if f == l {
				idx[k] = i
			}
		}
	}
	return idx
})

// contentTieBreak returns the language, an index of latinLangs among the
// candidates (bits of latinLangs), whose content words text has clearly
// more of, or -1 when none has.
func contentTieBreak(text string, candidates uint32) int {
	idx := freqIndex()
	var score [numLatin]int
	for lw := range contentWords(text) {
		zs := wordfreq.Zipfs(lw)
		if zs == nil {
			continue
		}
		// Each candidate's value, then each one's lead over the best of
		// the others.
		var v [numLatin]int
		first, second := 0, 0
		for m := candidates; m != 0; m &= m - 1 {
			k := bits.TrailingZeros32(m)
			v[k] = contentMissing
			if i := idx[k]; i >= 0 && int(zs[i]) > contentMissing {
				v[k] = int(zs[i])
			}
			if v[k] > first {
				first, second = v[k], first
			} else if v[k] > second {
				second = v[k]
			}
		}
		for m := candidates; m != 0; m &= m - 1 {
			if k := bits.TrailingZeros32(m); v[k] == first {
				score[k] += first - second
			}
		}
	}
	best, bestScore, runnerUp := -1, 0, 0
	for m := candidates; m != 0; m &= m - 1 {
		k := bits.TrailingZeros32(m)
		if score[k] > bestScore {
			best, bestScore, runnerUp = k, score[k], bestScore
		} else if score[k] > runnerUp {
			runnerUp = score[k]
		}
	}
	if best < 0 || bestScore-runnerUp < contentMargin {
		return -1
	}
	return best
}

// contentWords yields the content words of text's first contentWordLimit
// Latin words, lower-cased: neither function words, whose evidence is
// counted already (one-letter words are yielded), nor capitalised words
// inside a sentence, names in any language (Helm, Prometheus, SemVer).
func contentWords(text string) iter.Seq[string] {
	return func(yield func(string) bool) {
		stops := latinStopwords()
		seen := 0
		sentenceStart, start := true, true
		var word strings.Builder
		for i := 0; i <= len(text) && seen < contentWordLimit; {
			r, size := utf8.RuneError, 1
			if i < len(text) {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
			i += size
			if unicode.IsLetter(r) || unicode.IsMark(r) && word.Len() > 0 {
				if word.Len() == 0 {
					start, sentenceStart = sentenceStart, false
				}
				word.WriteRune(r)
				continue
			}
			if r == '.' || r == '!' || r == '?' || r == '\n' || IsTerminal(r) {
				sentenceStart = true // for the word after this one
			}
			if word.Len() == 0 {
				continue
			}
			w := word.String()
			word.Reset()
			r0, _ := utf8.DecodeRuneInString(w)
			if s, ok := scriptOf(r0); !ok || s != scriptLatin {
				continue
			}
			seen++
			lw := strings.ToLower(w)
			if utf8.RuneCountInString(lw) > 1 && stops.lookup([]byte(lw)) != 0 {
				continue // a function word: its evidence is what tied
			}
			if unicode.IsUpper(r0) && !start {
				continue // a name inside a sentence
			}
			if !yield(lw) {
				return
			}
		}
	}
}
