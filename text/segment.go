package text

import (
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Thai, Lao, Khmer and Myanmar write no spaces between the words of a
// clause. Words cuts a run of one of them into the words of the script's
// word list (segment), one segmenter and a table each:
//
//	Thai     th_words.txt.gz  PyThaiNLP (gen_thwords.go)
//	Lao      lo_words.txt.gz  ICU's laodict (gen_dictwords.go)
//	Khmer    km_words.txt.gz  ICU's khmerdict
//	Myanmar  my_words.txt.gz  ICU's burmesedict
//
// Each table is read into a set the first time its script is met (text
// without it pays nothing but the script test). The tables are gzipped:
// 1.0 MB of binary instead of 5.3 MB; the "#" lines that open them carry
// their sources' licences.

//go:embed lo_words.txt.gz
var loWordsData string

//go:embed km_words.txt.gz
var kmWordsData string

//go:embed my_words.txt.gz
var myWordsData string

// dictScript names a script whose runs Words cuts by a word list.
type dictScript uint8

const (
	dictNone dictScript = iota
	dictThai
	dictLao
	dictKhmer
	dictMyanmar
)

// maxDictWord bounds the ICU tables' words in characters, as
// gen_dictwords.go does (Khmer and Myanmar spell a syllable's stacked
// consonants and vowels in more characters than Thai).
const maxDictWord = 24

// Each script's word set, built once.
var (
	thSet = sync.OnceValue(func() map[string]struct{} { return readWordSet(thWordsData) })
	loSet = sync.OnceValue(func() map[string]struct{} { return readWordSet(loWordsData) })
	kmSet = sync.OnceValue(func() map[string]struct{} { return readWordSet(kmWordsData) })
	mySet = sync.OnceValue(func() map[string]struct{} { return readWordSet(myWordsData) })
)

// dictWords returns the word set of sc.
func dictWords(sc dictScript) map[string]struct{} {
	switch sc {
	case dictThai:
		return thSet()
	case dictLao:
		return loSet()
	case dictKhmer:
		return kmSet()
	case dictMyanmar:
		return mySet()
	}
	return nil
}

// readWordSet reads a table, gzipped or not, one word a line, "#" lines
// (its header) skipped. A table that does not read is a build's broken
// embed, which no input can cause: it panics.
func readWordSet(data string) map[string]struct{} {
	if strings.HasPrefix(data, "\x1f\x8b") {
		zr, err := gzip.NewReader(strings.NewReader(data))
		if err != nil {
			panic("text: embedded word table: " + err.Error())
		}
		// The trailer's last four bytes are the text's size (mod 2^32):
		// one allocation, no copy.
		var b strings.Builder
		b.Grow(int(binary.LittleEndian.Uint32([]byte(data[len(data)-4:]))))
		if _, err := io.Copy(&b, zr); err != nil {
			panic("text: embedded word table: " + err.Error())
		}
		data = b.String()
	}
	m := make(map[string]struct{}, strings.Count(data, "\n"))
	for w := range strings.Lines(data) {
		if w = strings.TrimSuffix(w, "\n"); w != "" && w[0] != '#' {
			m[w] = struct{}{}
		}
	}
	return m
}

// dictOf returns the script of r when r is one of the letters and marks a
// word of a dictScript is spelt with (a run's), dictNone otherwise:
// digits, punctuation and the repetition and abbreviation marks (ๆ ฯ, ໆ
// ຯ, ៗ) are not. Myanmar's ၌ ၍ ၎ ၏, though punctuation to Unicode, are
// words (the locative, "and then", "the said", the possessive) and are.
func dictOf(r rune) dictScript {
	switch {
	case r < 0x0E01:
	case r <= 0x0E7F:
		if isThai(r) {
			return dictThai
		}
	case r <= 0x0EFF:
		if 0x0E81 <= r && r <= 0x0ECE && r != 0x0EAF && r != 0x0EC6 || 0x0EDC <= r && r <= 0x0EDF {
			return dictLao
		}
	case r < 0x1000:
	case r <= 0x109F:
		if r <= 0x103F || 0x104C <= r && r <= 0x104F || 0x1050 <= r && r <= 0x108F || 0x109A <= r && r <= 0x109D {
			return dictMyanmar
		}
	case r < 0x1780:
	case r <= 0x17FF:
		if r <= 0x17D3 || r == 0x17DC || r == 0x17DD {
			return dictKhmer
		}
	}
	return dictNone
}

// dictEnds reports the repetition and abbreviation marks, letters to
// Unicode, which end a word of their script's run and count none: Thai ฯ
// ๆ, Lao ຯ ໆ, Khmer ៗ.
func dictEnds(r rune) bool {
	return r == 0x0E2F || r == 0x0E46 || r == 0x0EAF || r == 0x0EC6 || r == 0x17D7
}

// dictStarts reports whether Words reads r, at least U+0E01, as one of a
// dictScript's runs or as a mark that ends one (dictEnds).
func dictStarts(r rune) bool { return r < 0x1800 && (dictOf(r) != dictNone || dictEnds(r)) }

// dictRunEnd returns the end of the run of sc's letters and marks that
// starts at s[i].
func dictRunEnd(sc dictScript, s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if dictOf(r) != sc {
			break
		}
		i += size
	}
	return i
}

// breaksBefore reports whether a word of sc may start at rune k of a run
// (whose runes are rs): never inside what a reader sees as one letter (a
// consonant and the marks written on it, a stack), nor before a syllable's
// final consonant.
func breaksBefore(sc dictScript, rs []rune, k int) bool {
	if k == 0 || k == len(rs) {
		return true
	}
	switch sc {
	case dictThai:
		return thaiBreaksBefore(rs, k)
	case dictLao:
		switch r := rs[k]; {
		case r == 0x0EB0 || r == 0x0EB2 || r == 0x0EB3: // ະ າ ຳ follow their consonant
			return false
		case r == 0x0EB1 || 0x0EB4 <= r && r <= 0x0EBC || 0x0EC8 <= r && r <= 0x0ECE: // marks
			return false
		}
		p := rs[k-1]
		return p < 0x0EC0 || p > 0x0EC4 // ເ ແ ໂ ໃ ໄ precede theirs
	case dictKhmer:
		// Vowel signs and marks (U+17B4–U+17D3) belong to the letter before;
		// after the coeng (U+17D2) comes a subscript consonant; a consonant
		// silenced by the toandakhiat (U+17CD) ends the syllable before.
		if r := rs[k]; 0x17B4 <= r && r <= 0x17D3 || rs[k-1] == 0x17D2 {
			return false
		}
		return k+1 >= len(rs) || rs[k+1] != 0x17CD
	case dictMyanmar:
		// Marks belong to the letter before; after the virama (U+1039)
		// comes a stacked consonant; a consonant killed by the asat
		// (U+103A, possibly after a tone mark) ends the syllable before.
		if unicode.Is(unicode.M, rs[k]) || rs[k-1] == 0x1039 {
			return false
		}
		for j := k + 1; j < len(rs) && unicode.Is(unicode.M, rs[j]); j++ {
			if rs[j] == 0x103A {
				return false
			}
		}
	}
	return true
}

// maxWordOf is sc's bound on a word of its table, in characters.
func maxWordOf(sc dictScript) int {
	if sc == dictThai {
		return maxThaiWord
	}
	return maxDictWord
}

// segment returns the words of run, sc's letters and marks with no space
// between words, as spans offset by base (a slice, not an iterator: Words
// passing its yield to an iterator would move it to the heap on every
// call, Thai or not): the segmentation by sc's word list leaving the
// fewest characters outside a known word and, of those, the one of fewest
// words (maximal matching). A stretch of unknown characters (a name, a
// loan word the list lacks) is one word, since these scripts spell a word
// they do not know in a run, like any other.
//
// It finds the words a reader sees closely enough for lengths (passages,
// an answer's four-word gate) and for a question's words; it is not
// retrieval's tokenizer, which indexes these scripts by character bigrams.
func segment(sc dictScript, run string, base int) []Span {
	if run == "" {
		return nil
	}
	rs := []rune(run)
	m := len(rs)
	off := make([]int, m+1) // byte offset of each rune, and the end
	for k, b := 0, 0; k < m; k++ {
		off[k] = b
		b += utf8.RuneLen(rs[k])
	}
	off[m] = len(run)
	// brk[k]: whether a word may start at rune k, decided once a rune
	// rather than once for each word tried (a tenth of Thai's time).
	brk := make([]bool, m+1)
	for k := range brk {
		brk[k] = breaksBefore(sc, rs, k)
	}
	// cost[k][e]: the best segmentation of rs[:k], e=0 ending in a known
	// word (or at the start), e=1 in an unknown stretch; a cost is unknown
	// characters times m+1 plus words, so that fewer unknown characters
	// always win. from[k][e] is where its last word starts, and the state
	// before it.
	const inf = int(^uint(0) >> 1)
	type back struct{ k, e int }
	cost := make([][2]int, m+1)
	from := make([][2]back, m+1)
	for k := range cost {
		cost[k] = [2]int{inf, inf}
	}
	cost[0][0] = 0
	relax := func(j, e, c int, b back) {
		if c < cost[j][e] {
			cost[j][e], from[j][e] = c, b
		}
	}
	words := dictWords(sc)
	maxWord := maxWordOf(sc)
	look := run // the run as the word list spells it
	if sc == dictMyanmar {
		look = MyanmarOrder(run)
	}
	for k := 0; k < m; k++ {
		if !brk[k] || cost[k][0] == inf && cost[k][1] == inf {
			continue
		}
		be := 0
		if cost[k][1] < cost[k][0] {
			be = 1
		}
		best := cost[k][be]
		for j := k + 1; j <= m && j-k <= maxWord; j++ {
			if !brk[j] {
				continue
			}
			if _, ok := words[look[off[k]:off[j]]]; ok {
				relax(j, 0, best+1, back{k, be})
			}
		}
		// One unknown character and the marks after it: a new stretch
		// after a known word, the same stretch after an unknown one.
		j := k + 1
		for j < m && !brk[j] {
			j++
		}
		u := (j - k) * (m + 1)
		if cost[k][0] != inf {
			relax(j, 1, cost[k][0]+u+1, back{k, 0})
		}
		if cost[k][1] != inf {
			relax(j, 1, cost[k][1]+u, from[k][1]) // the stretch goes on
		}
	}
	// Walk back from the end, then put the words in order.
	e := 0
	if cost[m][1] < cost[m][0] {
		e = 1
	}
	var ends []int
	for k := m; k > 0; {
		ends = append(ends, k)
		b := from[k][e]
		k, e = b.k, b.e
	}
	spans := make([]Span, len(ends))
	start := 0
	for i := len(ends) - 1; i >= 0; i-- {
		spans[len(ends)-1-i] = Span{base + off[start], base + off[ends[i]]}
		start = ends[i]
	}
	return spans
}

// MyanmarOrder writes the dot below (U+1037) before the asat (U+103A), in
// Unicode's canonical order (Fold's NFKC does the same), as ICU's list
// spells its words: most Burmese text types the asat first (myPOS's
// sentences 381 times to 49), and "ကြည့်" so typed matched no word. The two
// are three bytes each, so that the result's offsets are the text's: for
// comparing raw text (the word lists, answer's focus words) without Fold.
func MyanmarOrder(s string) string {
	return strings.ReplaceAll(s, "\u103a\u1037", "\u1037\u103a")
}

// DictWords counts the words Words finds in the Thai, Lao, Khmer or
// Myanmar at s[i:]: the run of one script's letters and marks there, or a
// repetition or abbreviation mark (ๆ ฯ ໆ ຯ ៗ), which ends a word and counts
// none. It returns the count and where the run ends; end is i when s[i:]
// starts with neither. For loops that count words their own way.
func DictWords(s string, i int) (n, end int) {
	r, size := utf8.DecodeRuneInString(s[i:])
	if dictEnds(r) {
		return 0, i + size
	}
	sc := dictOf(r)
	if sc == dictNone {
		return 0, i
	}
	end = dictRunEnd(sc, s, i)
	return len(segment(sc, s[i:end], i)), end
}
