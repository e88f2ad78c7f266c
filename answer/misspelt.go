package answer

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"corpusbot/corpus"
	"corpusbot/text"
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
// calls (see codeNames): "megrerun()" is mergerun(), which, in lower
// case, corpusNames never holds. (Round six's "countthai()" is spelt as
// the code spells it: see proseSlip.)
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
	return oneSlipAmong(w, names)
}

// oneSlipAmong returns the one key of names one slip from w (lower case).
func oneSlipAmong[V any](w string, names map[string]V) (string, bool) {
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

// respelt returns word, its terms and whether it is a name, as the
// corpus writes what the question means by it: for a word no page uses,
// the name (misspeltName) or, written as a call, the code name
// (misspeltCode) it is one slip from; for a code name the corpus' code
// writes, its terms and those of the slip the prose writes of it
// (proseSlip). end is where word ends in question.
func (st *state) respelt(question string, end int, word string, terms []string, name bool) (string, []string, bool) {
	if !st.knowsTerms(terms) {
		// "arpnet" for ARPANET: the name, not a word no page holds.
		if c, ok := st.misspeltName(word); ok {
			return c, st.analyze(c), true
		}
		if !writtenAsCall(question, end) {
			return word, terms, name
		}
		if c, ok := st.misspeltCode(word); ok {
			// "megrerun()" for mergerun(): a code name is in lower
			// case, no name by its capital.
			return c, st.analyze(c), true
		}
		return word, terms, name
	}
	if writtenAsCall(question, end) {
		if c, ok := st.proseSlip(word); ok {
			// Held by either spelling, weighed as the question's.
			return word, append(slices.Clip(terms), st.analyze(c)...), name
		}
	}
	return word, terms, name
}

// proseSlip returns the one code name one slip from word that the corpus
// writes as a call in its prose only, never in code, in a document whose
// code calls word: the prose's slip ("`counthai()` returns the proportion
// of Thai characters" of the code's countthai()). The question spells the
// name as the code does, so misspeltCode, asked only of words no page
// uses, never reads it, and the one sentence saying what it does holds
// the other spelling. A name one slip away that code also calls is
// another function (lstrip, rstrip), and a slip in a document whose code
// does not call word is not written of it.
func (st *state) proseSlip(word string) (string, bool) {
	names := st.codeNames()
	u, ok := names[strings.ToLower(word)]
	if !ok || len(u.code) == 0 {
		return "", false
	}
	c, ok := oneSlipFrom(word, names)
	if !ok {
		return "", false
	}
	v := names[c]
	if len(v.code) > 0 || !slices.ContainsFunc(v.prose, func(d int) bool { return slices.Contains(u.code, d) }) {
		return "", false
	}
	return c, true
}

// writtenAsCall reports whether the word of q ending at end is written as
// a call: "countthai()", "countthai(text)".
func writtenAsCall(q string, end int) bool {
	return strings.HasPrefix(q[end:], "(")
}

// callsIn yields the byte spans of the names s writes as calls: letters
// and digits, from the first letter, right before an opening parenthesis
// ("util.counthai(" → counthai). A scan, not a regular expression: the
// corpus' whole text is read, and Go's regexp reads it some hundred times
// slower (BenchmarkCorpusCodeAndIdents).
func callsIn(s string) func(yield func(start, end int) bool) {
	return func(yield func(start, end int) bool) {
		for end := strings.IndexByte(s, '('); end >= 0; {
			start := end
			for start > 0 {
				r, size := utf8.DecodeLastRuneInString(s[:start])
				if !isWordRune(r) {
					break
				}
				start -= size
			}
			for start < end {
				r, size := utf8.DecodeRuneInString(s[start:])
				if unicode.IsLetter(r) {
					break
				}
				start += size
			}
			if start < end && !yield(start, end) {
				return
			}
			next := strings.IndexByte(s[end+1:], '(')
			if next < 0 {
				return
			}
			end += 1 + next
		}
	}
}

// codeUse is where the corpus writes a code name as a call: the
// documents (indexes in corpus.Docs, ascending) whose code blocks do, and
// those whose prose does.
type codeUse struct {
	code, prose []int
}

// codeNames are the names the corpus writes as calls ("counthai()"),
// lower case, the last part of a dotted one ("util.countthai(" →
// countthai), with where it writes them. Built on first use: only a
// question that writes a call asks.
func (st *state) codeNames() map[string]codeUse {
	st.codeOnce.Do(func() {
		names := map[string]codeUse{}
		for i := range st.items {
			ps, _ := st.passage(i)
			doc := st.items[i].doc
			for start, end := range callsIn(ps.Text) {
				name := strings.ToLower(ps.Text[start:end])
				u := names[name]
				if inLiteral(ps, start) {
					u.code = addDoc(u.code, doc)
				} else {
					u.prose = addDoc(u.prose, doc)
				}
				names[name] = u
			}
		}
		st.code = names
	})
	return st.code
}

// addDoc appends doc to docs unless it is already last: items come in
// document order.
func addDoc(docs []int, doc int) []int {
	if n := len(docs); n > 0 && docs[n-1] == doc {
		return docs
	}
	return append(docs, doc)
}

// inLiteral reports whether byte i of the passage's text is in one of its
// code blocks or tables.
func inLiteral(ps *corpus.Passage, i int) bool {
	for _, l := range ps.Literal {
		if l[0] <= i && i < l[1] {
			return true
		}
	}
	return false
}

// respellIdentifiers writes each identifier of q that no page writes
// (words joined by underscores or dots: "max_tokns", "DATA_DRI",
// "config.setings.yaml") and that holds a word no page uses, as the one
// identifier the corpus writes one slip from it ("max_tokens"), in lower
// case. An identifier is held only by a sentence that writes it (see
// compound), so a slip in it abstains although the page answers. Only an
// identifier with a word the corpus never uses is looked up: the corpus'
// identifiers are gathered on first use, and a question of known words
// never pays for them. Plain words are never respelt here: a word one
// slip from another is likelier a different word (misspeltName).
func (st *state) respellIdentifiers(q string) string {
	comps := compoundsOf(q)
	for i := len(comps) - 1; i >= 0; i-- {
		c := comps[i]
		if !strings.ContainsAny(c.text, "_.") || strings.ToLower(q[c.start:c.end]) != c.text || !st.hasUnknownWord(c.text) {
			continue // a flag ("--set-file") keeps its dashes: not looked up
		}
		idents := st.corpusIdents()
		if idents[c.text] {
			continue
		}
		if r, ok := oneSlipFromIdent(c.text, idents); ok {
			q = q[:c.start] + r + q[c.end:]
		}
	}
	return q
}

// hasUnknownWord reports whether a word of s is one the corpus never uses.
func (st *state) hasUnknownWord(s string) bool {
	for w := range text.Words(s) {
		if terms := st.analyze(s[w.Start:w.End]); len(terms) > 0 && !st.knowsTerms(terms) {
			return true
		}
	}
	return false
}

// corpusIdents are the identifiers the corpus writes, lower case: its
// compounds (compoundsOf) joined by underscores or dots.
func (st *state) corpusIdents() map[string]bool {
	st.identOnce.Do(func() {
		idents := map[string]bool{}
		for i := range st.items {
			ps, _ := st.passage(i)
			for tok := range joinedTokens(ps.Text) {
				for _, c := range compoundsOf(tok) {
					if strings.ContainsAny(c.text, "_.") {
						idents[c.text] = true
					}
				}
			}
		}
		st.idents = idents
	})
	return st.idents
}

// joinedTokens yields the runs of s of letters, digits, underscores,
// dots and hyphens that join two letters or digits with an underscore or
// a dot: the only places compoundsOf finds an identifier with one, read
// without running its regular expression over the rest of the text.
func joinedTokens(s string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		for i := 0; i < len(s); {
			j := strings.IndexAny(s[i:], "_.")
			if j < 0 {
				return
			}
			j += i
			before, _ := utf8.DecodeLastRuneInString(s[:j])
			after, _ := utf8.DecodeRuneInString(s[j+1:])
			if j == 0 || j+1 >= len(s) || !isWordRune(before) || !isWordRune(after) {
				i = j + 1
				continue
			}
			start, end := j, j+1
			for start > 0 {
				r, size := utf8.DecodeLastRuneInString(s[:start])
				if !isTokenRune(r) {
					break
				}
				start -= size
			}
			for end < len(s) {
				r, size := utf8.DecodeRuneInString(s[end:])
				if !isTokenRune(r) {
					break
				}
				end += size
			}
			if !yield(s[start:end]) {
				return
			}
			i = end
		}
	}
}

func isWordRune(r rune) bool  { return unicode.IsLetter(r) || unicode.IsNumber(r) }
func isTokenRune(r rune) bool { return isWordRune(r) || r == '_' || r == '.' || r == '-' }

// oneSlipFromIdent is oneSlipFrom for an identifier: its letters are
// Latin, its other runes digits, underscores, dots or hyphens, and it
// counts its letters, not its runes, against minMisspelt.
func oneSlipFromIdent(ident string, idents map[string]bool) (string, bool) {
	letters := 0
	for _, r := range ident {
		switch {
		case unicode.Is(unicode.Latin, r):
			letters++
		case unicode.IsDigit(r) || r == '_' || r == '.' || r == '-':
		default:
			return "", false
		}
	}
	if letters < minMisspelt {
		return "", false
	}
	return oneSlipAmong(ident, idents)
}

// slipOfKnown reports whether a word may be a slip of a word the corpus
// uses, name or not ("Intercolleiate" of intercollegiate). A coined
// name ("NVMe", "GitHub") is no slip of a word; another short word has
// too many neighbours to tell, and may be.
func (st *state) slipOfKnown(word string) bool {
	if coined(word) {
		return false
	}
	w := strings.ToLower(word)
	if utf8.RuneCountInString(w) < minMisspelt {
		return true
	}
	for c := range oneSlip(w) {
		if c != w && st.knows(c) {
			return true
		}
	}
	return false
}

// coined reports a word of small letters with a capital past its first
// letter: "NVMe", "iPhone", "GitHub".
func coined(word string) bool {
	_, size := utf8.DecodeRuneInString(word)
	return strings.IndexFunc(word[size:], unicode.IsUpper) >= 0 && strings.IndexFunc(word, unicode.IsLower) >= 0
}
