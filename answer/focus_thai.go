package answer

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"corpusbot/text"
)

// Thai is written without spaces between words, and retrieval indexes it
// as overlapping character pairs (ความ → คว วา าม). A focus word held, as
// a spaced language's word is, by any of its terms was held by nearly
// every Thai sentence: ความ opens hundreds of words, and XQuAD th's
// out-of-corpus questions found a sentence "covering" them seven times in
// ten. The question's words are Thai words (text.Words cuts them by
// PyThaiNLP's word list), so a sentence holds a Thai focus word when it
// writes the word. Measured on XQuAD th's tuning half (docs/benchmarks.md,
// "The focus rule on Thai words").
//
// Lao, Khmer and Myanmar are written and indexed the same way, and
// text.Words cuts them by ICU's word lists: their words are held and
// weighed as Thai's (docs/benchmarks.md, "Lao, Khmer and Myanmar words").
// The names below say Thai for the four.

// thaiWord reports a word written in the letters and marks of Thai, Lao,
// Khmer or Myanmar only.
func thaiWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !isThaiLetter(r) {
			return false
		}
	}
	return true
}

// thaiForm is text as thaiHolds compares it: Thai's sara am written whole
// (ำ, not nikhahit and sara aa, ํา, which look the same), and Myanmar's dot
// below before the asat (text.MyanmarOrder: typed either way; text.Words
// reads both so).
func thaiForm(s string) string {
	return text.MyanmarOrder(strings.ReplaceAll(s, "\u0e4d\u0e32", "\u0e33"))
}

// thaiHolds reports whether a sentence holds the Thai word w, whose terms
// are terms: it writes w, when its text is known; otherwise its terms
// (has) hold every pair of w, not only one.
func thaiHolds(w string, terms []string, sentence string, has map[string]bool) bool {
	if sentence != "" {
		return strings.Contains(thaiForm(sentence), thaiForm(w))
	}
	return holdsAll(terms, has)
}

// thaiApart reports two different Thai words, which share character
// pairs (ความ and ข้อความ) without being one word twice.
func thaiApart(a, b string) bool { return a != b && thaiWord(a) && thaiWord(b) }

// addThai adds to a sentence's fit focus word i, the Thai word w of terms
// weighing wt (see coverage): held when the sentence writes it, or its
// section's headings hold its every pair; half when only the sentences
// either side write it.
func (c *fit) addThai(w string, terms []string, wt float64, has map[string]bool, a around) {
	switch {
	case thaiHolds(w, terms, a.text, has) || a.heading != nil && holdsAll(terms, setOf(a.heading)):
		c.held += wt
		c.hits++
	case a.near != nil && thaiHolds(w, terms, a.nearText, setOf(a.near)):
		c.held += wt * neighbourWeight
	default:
		c.missing = max(c.missing, wt)
	}
}

// thaiIDF is a Thai word's idf among the items, as retrieval's BM25
// weighs a term: by the passages that write it (as thaiHolds reads a
// sentence), the most when none does. Its character pairs' idf, which
// weighed it before, says little of it: a word the corpus never writes
// (ลาว) is made of pairs it writes everywhere (ลา, าว), and weighed the
// least. (Counting only the passages whose words, cut by text.Words,
// include it answered 2 and abstained on 24 of XQuAD th's tuning
// questions fewer.) The index counts the passages that write each word of
// the Thai, Lao, Khmer and Myanmar word lists as it is built (retrieval's
// ThaiDF); a word the lists lack (a name, a loan word) is looked for in
// the passages holding those scripts, gathered once, a scan each.
func (st *state) thaiIDF(w string) float64 {
	w = thaiForm(w)
	df, ok := st.index.ThaiDF(w)
	if !ok {
		df = st.thaiScan(w)
	}
	n := float64(len(st.items))
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

// thaiScan counts the passages that write w, a Thai word the index does
// not count.
func (st *state) thaiScan(w string) int {
	st.thaiOnce.Do(func() {
		for i := range st.items {
			ps, _ := st.passage(i)
			if strings.ContainsFunc(ps.Text, isThaiLetter) {
				st.thaiTexts = append(st.thaiTexts, thaiForm(ps.Text))
			}
		}
	})
	df := 0
	for _, t := range st.thaiTexts {
		if strings.Contains(t, w) {
			df++
		}
	}
	return df
}

// isThaiLetter reports a character of Thai, Lao, Khmer or Myanmar (their
// blocks: letters, marks, digits and signs).
func isThaiLetter(r rune) bool {
	return 0x0E00 <= r && r <= 0x0EFF && unicode.In(r, unicode.Thai, unicode.Lao) ||
		0x1000 <= r && r <= 0x109F || 0x1780 <= r && r <= 0x17FF && unicode.Is(unicode.Khmer, r)
}

// listedWords holds, for each focus word, the word a word list reads it as
// (a Thai word, joined Vietnamese syllables), "" for the others; nil when
// the question has none.
type listedWords []string

func (l listedWords) of(i int) string {
	if l == nil {
		return ""
	}
	return l[i]
}

// thaiWords lists the focus words (f.words, names left out) written in
// Thai, without allocating for a question that has none.
func (f focus) thaiWords() listedWords {
	if !slices.ContainsFunc(f.everyWord, thaiWord) {
		return nil
	}
	l := make(listedWords, 0, len(f.words))
	for i, w := range f.everyWord {
		if !f.everyName[i] {
			l = append(l, w)
		}
	}
	for i, w := range l {
		if !thaiWord(w) {
			l[i] = ""
		}
	}
	return l
}
