package text

import (
	"iter"
	"unicode/utf8"
)

// ArabicBare yields the readings of the Arabic word w without the
// proclitics written onto it, the longest cut first, each with whether the
// cut held the article: a conjunction (و or ف), then a preposition (ب, ك
// or ل), then the article ال (ل before it is written لل: "للكتاب"), each at
// most once and in that order. A reading leaves at least minRest letters:
// "والد" (father) reads as الد, not د.
//
// A cut without the article is a conjunction و, or, when loose, any of
// them: ف and the prepositions begin as many words as they are written
// onto (فريق "team", بريطانيا, لست "I am not", not "six"), so a loose reading
// is for looking a word up in a set of one's own, which decides. The
// retrieval analyser's light stemmer (Larkey's light10) is apart: it
// stems, on folded words, as its index was built.
func ArabicBare(w string, minRest int, loose bool) iter.Seq2[string, bool] {
	return func(yield func(string, bool) bool) {
		c := 0 // the conjunction's bytes: every letter here is two
		if hasArabicPrefix(w, "و") || hasArabicPrefix(w, "ف") {
			c = 2
		}
		p := c // and the preposition's
		if hasArabicPrefix(w[c:], "ب") || hasArabicPrefix(w[c:], "ك") || hasArabicPrefix(w[c:], "ل") {
			p += 2
		}
		a := -1 // and the article's, -1 without it
		switch {
		case hasArabicPrefix(w[p:], "ال"):
			a = p + 4
		case p > c && w[c:p] == "ل" && hasArabicPrefix(w[p:], "ل"):
			a = p + 2 // لل: ل and the article, its alef not written
		}
		leaves := func(n int) bool { return utf8.RuneCountInString(w[n:]) >= minRest }
		if a > 0 && leaves(a) && !yield(w[a:], true) {
			return
		}
		if p > c && loose && leaves(p) && !yield(w[p:], false) {
			return
		}
		if c > 0 && (loose || w[:c] == "و") && leaves(c) {
			yield(w[c:], false)
		}
	}
}

func hasArabicPrefix(w, p string) bool { return len(w) > len(p) && w[:len(p)] == p }
