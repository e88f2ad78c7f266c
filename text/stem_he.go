package text

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// heWordsData holds FrequencyWords' commonest Hebrew words with their Zipf
// values (CC BY-SA 4.0; see gen_hewords.go and README.md).
//
//go:embed he_words.txt
var heWordsData string

// heWords maps a Hebrew word to its Zipf value times ten (10 or more); a
// word not in the list maps to 0.
var heWords = sync.OnceValue(func() map[string]uint8 {
	m := make(map[string]uint8, 49000)
	z := uint8(0)
	for line := range strings.Lines(heWordsData) {
		line = strings.TrimSuffix(line, "\n")
		switch {
		case line == "" || strings.HasPrefix(line, "# "):
		case line[0] == '#':
			// Generated and embedded: a value that does not parse
			// leaves the words below it out, which a test would show.
			v, err := strconv.Atoi(line[1:])
			if err != nil || v <= 0 || v > 255 {
				v = 0
			}
			z = uint8(v)
		default:
			if z > 0 {
				m[line] = z
			}
		}
	}
	return m
})

// minHebrewRemainder is the fewest letters a word keeps once a prefix is
// taken off: a word of three letters or fewer is most often a root's
// whole (שלב, step, is not ש + לב, heart; מה, כל and של are words),
// and Hebrew roots have three letters.
const minHebrewRemainder = 3

// HebrewStem returns a Hebrew word without the prefixes written joined to
// it: ו (and), ה (the), ב (in), כ (as), ל (to), מ (from), ש (that) and
// their sequences (וה, שה, מה, כש, ול, וכשה …), so that "בקומפוננטה",
// "הקומפוננטה" and "קומפוננטה" are one term, in the index and in a
// question alike. A word opening with those letters is often no prefix's
// (מערכת, system, is not מ + ערכת, kit): a prefix comes off only when at
// least minHebrewRemainder letters stay and the word is not itself a
// commoner Hebrew word than what is left (FrequencyWords' Hebrew counts:
// מערכת is commoner than ערכת and stays; a word the list lacks, as a
// technical one, is taken to carry its prefix). What is left is stripped
// again (ההתקנה, התקנה), so every form of a word meets the same stem.
// Words of other scripts come back as they are. The word is in
// retrieval's normal form (points dropped, geresh as ').
func HebrewStem(word string) string {
	if len(word) < 2 || word[0] != 0xD7 {
		return word // not Hebrew: every Hebrew letter's UTF-8 opens with D7
	}
	for {
		rest, ok := hebrewStrip(word)
		if !ok {
			return word
		}
		word = rest
	}
}

// hebrewStrip takes the longest prefix sequence off word that leaves a
// word (see HebrewStem), or reports false.
func hebrewStrip(word string) (string, bool) {
	var cuts [6]int
	n := hebrewPrefixCuts(word, &cuts)
	if n == 0 {
		return word, false
	}
	words := heWords()
	zw := words[word]
	for i := n - 1; i >= 0; i-- { // longest first
		rest := word[cuts[i]:]
		if utf8.RuneCountInString(rest) < minHebrewRemainder || !hebrewLetterAt(rest) {
			continue
		}
		if zw > 0 && zw >= words[rest] {
			continue // a word of its own, commoner than what is left
		}
		return rest, true
	}
	return word, false
}

// The prefix letters, each two bytes of UTF-8 (D7 and the second).
const (
	heVav    = 0x95 // ו
	heShin   = 0xA9 // ש
	heKaf    = 0x9B // כ
	heHe     = 0x94 // ה
	heBet    = 0x91 // ב
	heLamed  = 0x9C // ל
	heMem    = 0x9E // מ
	heLetter = 0xD7
)

// hebrewPrefixCuts writes to cuts the byte lengths, shortest first, of
// the prefix sequences word opens with, by the grammar ו? (ש|כש)?
// (מה|[הבכלמ])? (none empty), and returns how many.
func hebrewPrefixCuts(word string, cuts *[6]int) int {
	at := func(i int, c byte) bool { return i+1 < len(word) && word[i] == heLetter && word[i+1] == c }
	n := 0
	add := func(i int) {
		if i > 0 && n < len(cuts) && (n == 0 || cuts[n-1] < i) {
			cuts[n] = i
			n++
		}
	}
	// Each stage may be skipped; the positions after each reachable
	// stage are the cuts.
	starts := []int{0}
	if at(0, heVav) {
		starts = append(starts, 2)
	}
	var mids []int
	for _, i := range starts {
		mids = append(mids, i)
		switch {
		case at(i, heShin):
			mids = append(mids, i+2)
		case at(i, heKaf) && at(i+2, heShin):
			mids = append(mids, i+4)
		}
	}
	var ends []int
	for _, i := range mids {
		ends = append(ends, i)
		if at(i, heMem) && at(i+2, heHe) {
			ends = append(ends, i+4)
		}
		if at(i, heHe) || at(i, heBet) || at(i, heKaf) || at(i, heLamed) || at(i, heMem) {
			ends = append(ends, i+2)
		}
	}
	// Sort the few positions, then keep them distinct.
	for i := 1; i < len(ends); i++ {
		for j := i; j > 0 && ends[j] < ends[j-1]; j-- {
			ends[j], ends[j-1] = ends[j-1], ends[j]
		}
	}
	for _, e := range ends {
		add(e)
	}
	return n
}

// hebrewLetterAt reports whether s opens with a Hebrew letter (א–ת).
func hebrewLetterAt(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= 0x05D0 && r <= 0x05EA
}
