package answer

import (
	"regexp"
	"slices"
	"strings"
)

// negWord matches a word with its inner apostrophes and hyphens: "didn't",
// "non-religious".
var negWord = regexp.MustCompile(`[\pL\pN]+(?:['’-][\pL\pN]+)*`)

// negations are the English words that negate what follows them.
var negations = setOf(strings.Fields("not no never nor neither none cannot without non"))

// negPrefixes and negSuffixes make a word's negated form: unable,
// non-violent, disloyal, careless.
var (
	negPrefixes = []string{"non-", "non", "un", "in", "im", "il", "ir", "dis", "mis"}
	negSuffixes = []string{"less"}
)

// negates reports whether an English word is itself a negation: "not",
// "didn't", "non-religious".
func negates(w string) bool {
	w = strings.ReplaceAll(w, "’", "'")
	return negations[w] || strings.HasSuffix(w, "n't") || strings.HasPrefix(w, "non-")
}

// negatedBase returns what a word negates when it is written as a negated
// form (un-X, non-X, in-/im-/il-/ir-/dis-/mis-X, X-less), and whether it is one.
// "under" or "until" also read as un-forms here; they only count when
// their rest is a word of the question, which it seldom is.
func negatedBase(w string) []string {
	var out []string
	for _, p := range negPrefixes {
		if rest, ok := strings.CutPrefix(w, p); ok && len(rest) >= 3 {
			out = append(out, strings.TrimPrefix(rest, "-"))
		}
	}
	for _, s := range negSuffixes {
		if rest, ok := strings.CutSuffix(w, s); ok && len(rest) >= 3 {
			out = append(out, strings.TrimSuffix(rest, "-"))
		}
	}
	return out
}

// keepsNegation reports whether an English sentence can answer an English
// question that holds a negation: it holds a negation too ("What does
// Article 102 not prohibit?" is not answered by "Article 102 prohibits the
// abuse"), or writes a word of the question in a negated form ("not
// able" → "unable"), or the question's negated form another way ("non
// interruptions" → "uninterrupted"). A question without a negation asks
// nothing of the sentence. stem gives a word's terms, to compare forms.
func keepsNegation(question, sentence string, stem func(string) []string) bool {
	qs := negWord.FindAllString(strings.ToLower(question), -1)
	negated := false
	for _, w := range qs {
		negated = negated || negates(w)
	}
	if !negated {
		return true
	}
	// The stems of the question's words and of what its negated forms negate.
	want := map[string]bool{}
	add := func(w string) {
		for _, t := range stem(w) {
			want[t] = true
		}
	}
	for _, w := range qs {
		if negates(w) && !strings.HasPrefix(w, "non-") {
			continue
		}
		for _, part := range strings.Split(w, "-") {
			if part != "non" {
				add(part)
			}
		}
		for _, b := range negatedBase(w) {
			add(b)
		}
	}
	for _, w := range negWord.FindAllString(strings.ToLower(sentence), -1) {
		if negates(w) {
			return true
		}
		for _, b := range negatedBase(w) {
			for _, t := range stem(b) {
				if want[t] {
					return true
				}
			}
		}
	}
	return false
}

// negatedWords returns the words an English question negates: each the
// word after its negation ("does not match" → match, "is not yet
// supported" → supported), past a few words that only carry it.
func negatedWords(question string) []string {
	ws := negWord.FindAllString(strings.ToLower(question), -1)
	var out []string
	for i, w := range ws {
		if !negates(w) {
			continue
		}
		j := i + 1
		for j < len(ws) && negationCarriers[ws[j]] {
			j++
		}
		if j < len(ws) {
			out = append(out, ws[j])
		}
	}
	return out
}

// negationCarriers stand between a negation and the word it negates.
var negationCarriers = setOf(strings.Fields("be been being yet always really fully quite very"))

// negatedHeld returns the terms of the words an English question negates
// (want: of negatedWords, and of its focus) that a sentence writes in a
// negated form: "match" of "mismatch" for "… does not match?", "support"
// of "unsupported" for "… not supported?". The negated form says what
// the negation and the word say together; a negated form of another word
// of the question ("incompetent" for "… competence does not compare …")
// holds nothing.
func negatedHeld(sentence string, want map[string]bool, stem func(string) []string) []string {
	if len(want) == 0 {
		return nil
	}
	var out []string
	for _, w := range negWord.FindAllString(strings.ToLower(sentence), -1) {
		for _, b := range negatedBase(w) {
			for _, t := range stem(b) {
				if want[t] && !slices.Contains(out, t) {
					out = append(out, t)
				}
			}
		}
	}
	return out
}
