package answer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// misspeltName returns the name the corpus writes (corpusNames) that a
// word of the question the corpus never uses is one slip away from — a
// letter left out, added, changed, or two swapped: "arpnet" is ARPANET,
// "Geegen" Gegeen, "Brochart" Bochart — and whether there is exactly one.
// A misspelt name is otherwise a word the corpus never uses, which weighs
// the most and no sentence holds, so the question abstains although the
// page answers it. Only names are looked for: a common word one slip
// from another ("coutumes", "costumes") is likelier a different word than
// a slip. Words of fewer than minMisspelt letters have too many
// neighbours to tell. Every candidate is generated from the word and
// looked up (a few hundred lookups), so the cost does not grow with the
// corpus.
func (st *state) misspeltName(word string) (string, bool) {
	return oneSlipFrom(word, st.corpusNames())
}

// misspeltCode is misspeltName for the code names the corpus writes as
// calls (see codeNames): "countthai()" is counthai(), which, in lower
// case, corpusNames never holds.
func (st *state) misspeltCode(word string) (string, bool) {
	return oneSlipFrom(word, st.codeNames())
}

// oneSlipFrom returns the one word of names (lower case) that word is one
// slip from: none for a word shorter than minMisspelt or not all Latin.
func oneSlipFrom[V any](word string, names map[string]V) (string, bool) {
	w := strings.ToLower(word)
	if utf8.RuneCountInString(w) < minMisspelt || strings.IndexFunc(w, func(r rune) bool { return !unicode.Is(unicode.Latin, r) }) >= 0 {
		return "", false
	}
	found := ""
	for c := range oneSlip(w) {
		if _, ok := names[c]; ok && c != w && c != found {
			if found != "" {
				return "", false // two names one slip away: no telling which
			}
			found = c
		}
	}
	return found, found != ""
}

// minMisspelt is the fewest letters a word must have to be read as a
// misspelt name.
const minMisspelt = 6

// slipLetters are the letters a slip may add or change: a–z and the
// accented letters of the Latin-script languages the corpus is likeliest
// to hold.
const slipLetters = "abcdefghijklmnopqrstuvwxyzàáâäãåçèéêëìíîïñòóôöõùúûüýÿæœßøł"

// oneSlip yields the words one slip from w: a letter deleted, two
// neighbours swapped, a letter changed, a letter inserted.
func oneSlip(w string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		r := []rune(w)
		buf := make([]rune, 0, len(r)+1)
		emit := func(rs []rune) bool { return yield(string(rs)) }
		for i := range r {
			buf = append(append(buf[:0], r[:i]...), r[i+1:]...)
			if !emit(buf) {
				return
			}
		}
		for i := 0; i+1 < len(r); i++ {
			if r[i] == r[i+1] {
				continue
			}
			buf = append(buf[:0], r...)
			buf[i], buf[i+1] = buf[i+1], buf[i]
			if !emit(buf) {
				return
			}
		}
		for _, l := range slipLetters {
			for i := range r {
				if r[i] == l {
					continue
				}
				buf = append(buf[:0], r...)
				buf[i] = l
				if !emit(buf) {
					return
				}
			}
			for i := 0; i <= len(r); i++ {
				buf = append(append(append(buf[:0], r[:i]...), l), r[i:]...)
				if !emit(buf) {
					return
				}
			}
		}
	}
}

// writtenAsCall reports whether the word of q ending at end is written as
// a call: "countthai()", "countthai(text)".
func writtenAsCall(q string, end int) bool {
	return strings.HasPrefix(q[end:], "(")
}

// codeRe finds a name written as a call: letters (the name) right before
// an opening parenthesis.
var codeRe = regexp.MustCompile(`\pL[\pL\pN]*\(`)

// codeNames are the names the corpus writes as calls ("counthai()"),
// lower case, the last part of a dotted one ("util.countthai(" → countthai).
func (st *state) codeNames() map[string]bool {
	st.codeOnce.Do(func() {
		names := map[string]bool{}
		for i := range st.items {
			ps, _ := st.passage(i)
			for _, m := range codeRe.FindAllString(ps.Text, -1) {
				names[strings.ToLower(strings.TrimSuffix(m, "("))] = true
			}
		}
		st.code = names
	})
	return st.code
}
