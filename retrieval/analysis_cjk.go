package retrieval

import (
	"bytes"
	"slices"
	"unicode"
	"unicode/utf8"

	"corpusbot/text"
)

// cjkFilter folds traditional characters to simplified ones and turns runs
// of CJK characters into overlapping bigrams plus, for Han characters,
// unigrams: a bigram finds a two-character word, a unigram the many
// one-character words (球, 省) and names split differently. Chinese
// function and question words (text.Stopwords("zh")) are dropped, as
// characters and as pairs. Korean question and auxiliary words are dropped
// as whole words; a Japanese query loses its pairs of kana function words
// (markKanaPairs). Every analyser runs it, since any text may quote
// Chinese names.
type cjkFilter struct {
	stop map[string]struct{}
}

func newCJKFilter() *cjkFilter {
	f := &cjkFilter{stop: make(map[string]struct{})}
	for _, w := range text.Stopwords("zh") {
		f.stop[w] = struct{}{}
	}
	return f
}

// newCJK is the analyser for Chinese, Japanese and Korean documents: the
// generic pipeline, whose CJK filter does the work.
func newCJK(cjk *cjkFilter) *analyzer {
	return &analyzer{name: "cjk", filters: []tokenFilter{cjk}}
}

func (f *cjkFilter) filter(b *analysisBuf, toks []token) []token {
	if !slices.ContainsFunc(toks, func(t token) bool { return t.kind == kindCJK }) {
		return toks
	}
	// A run gives more tokens than it has characters: build apart.
	out := b.cjkOut[:0]
	for i := 0; i < len(toks); {
		if toks[i].kind != kindCJK {
			out = append(out, toks[i])
			i++
			continue
		}
		j := i + 1 // toks[i:j] is one run
		for j < len(toks) && toks[j].kind == kindCJK && toks[j].joined {
			j++
		}
		for k := i; k < j; k++ {
			f.foldToken(b, &toks[k])
		}
		next := j
		// Korean writes spaces between words: a run is a word.
		if isHangul(toks[i].term) {
			w := concatTerms(b, toks[i:j])
			// A particle glued to a word of another script ("PHP로") is
			// no word of its own.
			glued := toks[i].glued && text.IsKoreanEnding(string(w))
			if glued || koreanStop(w) {
				if b.keepStops {
					out = append(out, token{term: w, start: toks[i].start, end: toks[j-1].end, kind: kindCJK, stop: true})
				}
				i = j
				continue
			}
			// Its particle or ending goes (text.KoreanStem): one syllable
			// a token.
			j = i + utf8.RuneCountInString(text.KoreanStem(string(w)))
		}
		// Question and function words of several characters (什么, 多少)
		// cut the run; one-character ones (的, 是) only lose their unigram.
		for k := i; k+1 < j; k++ {
			for n := min(maxStopRunes, j-k); n >= 2; n-- {
				if w := concatTerms(b, toks[k:k+n]); f.isStop(w) {
					if b.keepStops {
						out = append(out, token{term: w, start: toks[k].start, end: toks[k+n-1].end, kind: kindCJK, stop: true})
					}
					// Emit the run before the word, then go on after it.
					out = f.ngrams(b, out, toks[i:k])
					i, k = k+n, k+n-1
					break
				}
			}
		}
		out = f.ngrams(b, out, toks[i:j])
		i = next
	}
	if b.keepStops {
		markKanaPairs(out)
	}
	b.cjkOut = out
	return out
}

// markKanaPairs marks as stopwords, in a Japanese query (one with
// hiragana), the pairs that hold hiragana but no Han character, and the
// question word 何 ("what") where it meets hiragana. Hiragana there are
// particles, endings and question phrases (には, する, どうすれば, ですか):
// as pairs they match every page that asks or explains "how", not the one
// on the topic, whose words are Han and katakana. A kanji with its kana
// ending (書く) keeps its pair. Items keep every pair, so a query of kana
// alone, which keeps its pairs, still finds them.
func markKanaPairs(toks []token) {
	if !slices.ContainsFunc(toks, func(t token) bool { return t.kind == kindCJK && hasHiragana(t.term) }) {
		return
	}
	// Kana alone is what is asked: keep it.
	if !slices.ContainsFunc(toks, func(t token) bool { return !t.stop && !kanaStop(t) }) {
		return
	}
	for k := range toks {
		if kanaStop(toks[k]) {
			toks[k].stop = true
		}
	}
}

// kanaStop reports whether a query token of a Japanese query is a
// stopword for markKanaPairs.
func kanaStop(t token) bool {
	switch {
	case t.kind == kindCJKUnigram:
		return string(t.term) == "何"
	case t.kind != kindCJK || utf8.RuneCount(t.term) != 2:
		return false
	}
	han, hira, what := false, false, false
	for _, r := range string(t.term) {
		han = han || unicode.Is(unicode.Han, r)
		hira = hira || unicode.Is(unicode.Hiragana, r)
		what = what || r == '何'
	}
	return hira && (!han || what)
}

func isHangul(term []byte) bool {
	r, _ := utf8.DecodeRune(term)
	return unicode.Is(unicode.Hangul, r)
}

func hasHiragana(term []byte) bool {
	for _, r := range string(term) {
		if unicode.Is(unicode.Hiragana, r) {
			return true
		}
	}
	return false
}

// koreanQuestion are the Korean question words, which take endings
// (무엇을, 누구인가, 어떻게): a word that begins with one is dropped.
// 왜, 몇 and 누가 begin content words too (왜곡, 몇몇, 누가복음) and
// count only alone.
var koreanQuestion = []string{"무엇", "누구", "어디", "어떻", "어떤", "어땠", "어느", "언제", "얼마"}

// koreanFunction are whole words of no topic: the one-syllable question
// words and the auxiliaries that end a question (해야 하나요, 입니까);
// not 인가 alone, which is also 認可 ("authorisation").
var koreanFunction = map[string]bool{
	"왜": true, "몇": true, "누가": true,
	"해야": true, "하나요": true, "합니까": true, "하는가": true, "인가요": true, "입니까": true,
	"있나요": true, "있는가": true, "있습니까": true, "되나요": true, "되는가": true, "됩니까": true,
}

// koreanStop reports whether a run of Hangul is a Korean question or
// function word.
func koreanStop(w []byte) bool {
	if koreanFunction[string(w)] {
		return true
	}
	for _, p := range koreanQuestion {
		if bytes.HasPrefix(w, []byte(p)) {
			return true
		}
	}
	return false
}

// maxStopRunes is the longest Chinese stopword, in characters.
const maxStopRunes = 3

func (f *cjkFilter) isStop(w []byte) bool {
	_, ok := f.stop[string(w)]
	return ok
}

// concatTerms returns the terms of toks written one after the other.
func concatTerms(b *analysisBuf, toks []token) []byte {
	start := len(b.arena)
	for _, t := range toks {
		b.arena = append(b.arena, t.term...)
	}
	return b.arena[start:len(b.arena):len(b.arena)]
}

// ngrams appends the unigrams (Han only, or a lone character) and bigrams
// of one run of CJK tokens.
func (f *cjkFilter) ngrams(b *analysisBuf, out, run []token) []token {
	for k := range run {
		a := run[k]
		if len(run) == 1 {
			out = f.add(b, out, a)
		} else if isHan(a.term) {
			a.kind = kindCJKUnigram
			out = f.add(b, out, a)
		}
		if k+1 < len(run) {
			c := run[k+1]
			start := len(b.arena)
			b.arena = append(b.arena, a.term...)
			b.arena = append(b.arena, c.term...)
			out = f.add(b, out, token{
				term:  b.arena[start:len(b.arena):len(b.arena)],
				start: a.start, end: c.end, kind: kindCJK, joined: a.joined,
			})
		}
	}
	return out
}

// add appends t unless it is a stopword, which query analysis keeps marked.
func (f *cjkFilter) add(b *analysisBuf, out []token, t token) []token {
	if _, ok := f.stop[string(t.term)]; ok {
		if !b.keepStops {
			return out
		}
		t.stop = true
	}
	return append(out, t)
}

// isHan reports whether term is one Han character.
func isHan(term []byte) bool {
	r, n := utf8.DecodeRune(term)
	return n == len(term) && unicode.Is(unicode.Han, r)
}

func (f *cjkFilter) foldToken(b *analysisBuf, t *token) {
	r, n := utf8.DecodeRune(t.term)
	s := text.ToSimplified(r)
	if s == r || n != len(t.term) {
		return
	}
	if utf8.RuneLen(s) == n {
		utf8.EncodeRune(t.term, s)
		return
	}
	start := len(b.arena)
	b.arena = utf8.AppendRune(b.arena, s)
	t.term = b.arena[start:len(b.arena):len(b.arena)]
}

// isCJKQuestion reports whether a query's CJK text is a sentence, told by
// a Chinese or Japanese stopword among its characters or pairs (什么, 的,
// a kana ending), rather than a term typed alone (支付宝). A sentence's
// word boundaries are unknown: there, the unigrams of words whose pairs
// match still score (as Xapian keeps every CJK unigram), which gives
// credit to a paraphrase that shares a character (维持 for 持续); on the
// tuning halves of four Chinese question sets this gained 0.0011 nDCG@10
// on average (docs/benchmarks.md). They add nothing to Coverage, which
// the pairs already decide.
func isCJKQuestion(slots []slot) bool {
	for _, s := range slots {
		if (s.unigram || s.pair) && slices.Contains(s.stops, true) {
			return true
		}
	}
	return false
}

// markStopPairs flags the CJK pairs of a query that hold a one-character
// stopword (谁赢 of 谁赢得, 的定 of 的定义): the filter keeps them, since
// one may be a word (目的), but most cross a word boundary that a
// paragraph answering in other words cuts elsewhere. slots are sorted by
// position, and a stopword's unigram is a slot marked stop.
func markStopPairs(slots []slot) {
	for i := range slots {
		p := &slots[i]
		if !p.pair {
			continue
		}
		for j := max(0, i-3); j < min(len(slots), i+4); j++ {
			u := &slots[j]
			if u.unigram && slices.Contains(u.stops, true) && (u.start == p.start || u.end == p.end) {
				p.stopPair = true
				break
			}
		}
	}
}

// maxFramingRunes is the longest framing phrase looked for, in characters.
const maxFramingRunes = 6

func framingSet() map[string]bool {
	m := make(map[string]bool)
	for _, w := range text.FramingPhrases("zh") {
		if utf8.RuneCountInString(w) <= maxFramingRunes {
			m[w] = true
		}
	}
	return m
}

// framingSpans returns the byte spans of a query's Chinese framing phrases
// (text.FramingPhrases: 用来, 如何, 为了), matched on Han runs folded to
// simplified characters. The pairs and unigrams inside one still score but
// are no words for Coverage: "注解是用来做什么的" should not need a passage
// to hold 用来. On the tuning halves of four Chinese question sets this
// raised the relevance floor's answered + abstained (docs/benchmarks.md);
// also discounting the pairs that only overlap a stopword (是用, 来做) lost.
func (ix *Index) framingSpans(q string) [][2]int {
	var spans [][2]int
	var run []int // byte offsets of the current Han run's characters
	var folded []rune
	flush := func(end int) {
		for i := range run {
			for j := i + 2; j <= min(len(run), i+maxFramingRunes); j++ {
				if ix.framing[string(folded[i:j])] {
					e := end
					if j < len(run) {
						e = run[j]
					}
					spans = append(spans, [2]int{run[i], e})
				}
			}
		}
		run, folded = run[:0], folded[:0]
	}
	for off, r := range q {
		if unicode.Is(unicode.Han, r) {
			run = append(run, off)
			folded = append(folded, text.ToSimplified(r))
			continue
		}
		if len(run) > 0 {
			flush(off)
		}
	}
	flush(len(q))
	return spans
}

// inSpans reports whether [start, end) lies inside one of spans.
func inSpans(start, end int, spans [][2]int) bool {
	for _, sp := range spans {
		if sp[0] <= start && end <= sp[1] {
			return true
		}
	}
	return false
}
