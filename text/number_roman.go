package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Roman numerals, as languages write centuries and ranks: "siglo XIX", "XX
// веке", "XVIIIe siècle", "secolul al XIX-lea", "XIX. yüzyıl", "Louis XIV",
// "World War II". Like number words they are evidence only, so that a
// claim's "19th century" or "14" stands; a claim's own numeral is not
// checked. Only capitals count (folded text has lost them, so Figures
// notes them first), of I, V, X and L in the standard subtractive form
// (1 to 89): "CD", "MIX" or "DC" are names, and "vi", "mil" are words.

// romanSuffixes are the ordinal endings written on a numeral: French
// "XVIIIe", "Ier", "Ire", "XIXème" (CLDR fr digits-ordinal: e, er, re).
var romanSuffixes = []string{"", "e", "er", "re", "ème", "eme"}

// upperRomans returns, folded, the numerals s writes in capitals as a word
// of their own or with an ordinal ending: "XIX" of "siglo XIX", "XVIII" of
// "XVIIIe", not the "L" of "Louis" nor the "VI" of "VIP".
func upperRomans(s string) map[string]bool {
	var out map[string]bool
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		start := i
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) && !unicode.IsMark(r) {
				break
			}
			i += size
		}
		w := s[start:i]
		n := 0
		for n < len(w) && strings.IndexByte("IVXL", w[n]) >= 0 {
			n++
		}
		if n == 0 || n > 8 || !isRomanSuffix(w[n:]) {
			continue
		}
		if out == nil {
			out = map[string]bool{}
		}
		out[strings.ToLower(w[:n])] = true
	}
	return out
}

func isRomanSuffix(s string) bool {
	for _, x := range romanSuffixes {
		if s == x {
			return true
		}
	}
	return false
}

// romanValue reads a numeral of i, v, x and l (folded) in its standard
// form, and reports whether it is one: "xix" is 19; "iix" and "vv" are
// not numerals.
func romanValue(s string) (float64, bool) {
	if s == "" || len(s) > 8 {
		return 0, false
	}
	vals := map[byte]int{'i': 1, 'v': 5, 'x': 10, 'l': 50}
	total := 0
	for k := 0; k < len(s); k++ {
		v, ok := vals[s[k]]
		if !ok {
			return 0, false
		}
		if k+1 < len(s) && vals[s[k+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	if total <= 0 || total >= 90 || toRoman(total) != s {
		return 0, false
	}
	return float64(total), true
}

// toRoman writes n (1 to 89) as a standard numeral, folded.
func toRoman(n int) string {
	var b strings.Builder
	for _, d := range []struct {
		v int
		s string
	}{{50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}} {
		for n >= d.v {
			b.WriteString(d.s)
			n -= d.v
		}
	}
	return b.String()
}

// roman reads the numeral at p.i, if it is one s wrote in capitals, and
// reports whether it did. Next to a word for century ("siglo XIX", "XX
// веке", "secolul al XIX-lea", "XIX. yüzyıl") it counts centuries, as "19th
// century" does; any other of two letters or more ranks ("Louis XIV",
// "Super Bowl XXXIII"). A single letter counts only with a century word:
// "I" is a word, "V" a letter.
func (p *figureParser) roman() bool {
	t := p.toks[p.i]
	if len(p.romans) == 0 {
		return false
	}
	numeral := ""
	for _, suf := range romanSuffixes {
		if n, ok := strings.CutSuffix(t.text, suf); ok && p.romans[n] {
			numeral = n
			break
		}
	}
	v, ok := romanValue(numeral)
	if !ok {
		return false
	}
	from := p.i
	j := p.i + 1
	// Romanian "XIX-lea", "a XIX-a": the ending after a hyphen.
	if j+1 < len(p.toks) && p.toks[j].text == "-" && !p.toks[j].gap && !p.toks[j+1].gap && (p.toks[j+1].text == "lea" || p.toks[j+1].text == "a") {
		j += 2
	}
	century := false
	after := j
	if after < len(p.toks) && p.toks[after].text == "." && !p.toks[after].gap {
		after++ // "XIX. yüzyıl", "XIX. Jahrhundert"
	}
	if after < len(p.toks) && isCentury(p.toks[after].text) {
		century, j = true, after
	}
	before := from - 1
	if before > 0 && (p.toks[before].text == "al" || p.toks[before].text == "a") {
		before-- // Romanian "secolul al XIX-lea"
	}
	if before >= 0 && isCentury(p.toks[before].text) {
		century = true
	}
	if !century && len(numeral) < 2 {
		return false
	}
	kind := Amount
	if century {
		kind = Century
	}
	p.out = append(p.out, Figure{Text: t.text, Kind: kind, Spelled: true, readings: []reading{{v: v, step: 1}}, mul: 1, from: from, to: j})
	p.i, p.done = j, j
	return true
}
