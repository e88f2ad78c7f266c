package answer

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"corpusbot/text"
)

// Vietnamese writes a space between syllables, not words, and retrieval
// indexes the syllables: a focus word held, as a spaced language's word
// is, by any sentence writing its syllables was held by the wrong words
// ("có giá bao nhiêu", what does it cost, by "giá trị bao nhiêu", what
// value; "phát hành", released, by "phát triển" and "hành vi"). In a
// Vietnamese question on a corpus holding Vietnamese, syllables that
// make a word of pyvi's list are one focus word (text.VietWords), and a
// sentence holds a Vietnamese focus word when it writes it as a word
// (text.VietHolds). Measured on react-vi's tuning half (docs/benchmarks.md,
// "Vietnamese words").

// vietJoins maps the start of each word of two syllables or more in a
// Vietnamese question to its end.
func vietJoins(question string) map[int]int {
	var m map[int]int
	for w := range text.VietWords(question) {
		if m == nil {
			m = map[int]int{}
		}
		m[w.Start] = w.End
	}
	return m
}

// vietWord reports a word a Vietnamese question's focus holds by
// text.VietHolds: of syllables joined, or of one with a letter outside
// ASCII (giá, đặt). A word of ASCII letters ("component", "React") is held
// by its terms, as before: VietHolds compares syllables as written, and
// "components" would not hold it.
func vietWord(w string) bool {
	if w == "" || strings.Contains(w, " ") {
		return w != ""
	}
	for i := 0; i < len(w); {
		r, size := utf8.DecodeRuneInString(w[i:])
		if r >= utf8.RuneSelf && (r < 0x0300 || r > 0x036F) {
			return true
		}
		i += size
	}
	return false
}

// vietApart reports two different words of which one is joined syllables:
// they share a syllable's term ("phát triển", "phát hành") without being
// one word twice.
func vietApart(a, b string) bool {
	return a != b && (strings.Contains(a, " ") || strings.Contains(b, " "))
}

// vietWords lists the focus words (f.words, names left out) held by
// text.VietHolds, "" for the others; nil unless the focus is a Vietnamese
// question's.
func (f focus) vietWords() listedWords {
	if !f.viet {
		return nil
	}
	l := make(listedWords, 0, len(f.words))
	for i, w := range f.everyWord {
		if !f.everyName[i] {
			if !vietWord(w) {
				w = ""
			}
			l = append(l, w)
		}
	}
	return l
}

// addViet adds to a sentence's fit focus word i, the Vietnamese word w of
// terms weighing wt: held when the sentence writes it as a word, or its
// section's headings hold its every term; half when the sentences either
// side write it.
func (c *fit) addViet(w string, terms []string, wt float64, has map[string]bool, a around) {
	holds := func(sentence string, has map[string]bool) bool {
		if sentence != "" {
			return text.VietHolds(sentence, w)
		}
		return holdsAll(terms, has)
	}
	switch {
	case holds(a.text, has) || a.heading != nil && holdsAll(terms, setOf(a.heading)):
		c.held += wt
		c.hits++
	case a.near != nil && holds(a.nearText, setOf(a.near)):
		c.held += wt * neighbourWeight
	default:
		c.missing = max(c.missing, wt)
	}
}

// vietTerms are the terms of a word of syllables: each syllable's, as
// retrieval indexes them (the analyser reads the word as one token).
func (st *state) vietTerms(word string) []string {
	var terms []string
	for _, s := range strings.Fields(word) {
		for _, t := range st.analyze(s) {
			if !slices.Contains(terms, t) {
				terms = append(terms, t)
			}
		}
	}
	return terms
}

// vietIDF is a word of syllables' idf among the items, as retrieval's
// BM25 weighs a term: by the passages that write it, the most when none
// does. Its syllables' idf says little of it ("phát hành", released, is
// made of syllables of "phát triển" and "hành vi"). The passages holding
// Vietnamese's letters are gathered once, in lower case, and scanned for a
// word the first time it is asked of (about 2 ms a MB of them,
// docs/benchmarks.md "Vietnamese words"); its count is kept, one at most
// for each word of the list, the only words VietWords joins.
func (st *state) vietIDF(w string) float64 {
	w = strings.ToLower(w)
	n := float64(len(st.items))
	idf := func(df int) float64 { return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5)) }
	if df, ok := st.vietDF.Load(w); ok {
		return idf(df.(int))
	}
	st.vietOnce.Do(func() {
		for i := range st.items {
			ps, _ := st.passage(i)
			if strings.ContainsFunc(ps.Text, vietLetter) {
				st.vietTexts = append(st.vietTexts, strings.ToLower(ps.Text))
			}
		}
	})
	df := 0
	for _, t := range st.vietTexts {
		if strings.Contains(t, w) {
			df++
		}
	}
	st.vietDF.Store(w, df)
	return idf(df)
}

// vietLetter reports a letter only Vietnamese writes: đ, ơ, ư and the
// letters with tone marks of Latin Extended Additional (ạ … ỹ).
func vietLetter(r rune) bool {
	switch r {
	case 'đ', 'Đ', 'ơ', 'Ơ', 'ư', 'Ư':
		return true
	}
	return 0x1EA0 <= r && r <= 0x1EF9
}
