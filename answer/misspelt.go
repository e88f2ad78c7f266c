package answer

import (
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
	w := strings.ToLower(word)
	if utf8.RuneCountInString(w) < minMisspelt || strings.IndexFunc(w, func(r rune) bool { return !unicode.Is(unicode.Latin, r) }) >= 0 {
		return "", false
	}
	names := st.corpusNames()
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
