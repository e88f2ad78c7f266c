package verify

import (
	"regexp"
	"strings"

	"corpusbot/i18n"
	"corpusbot/text"
)

// OtherLanguage returns the language (ISO 639-1, as text.DetectLanguage
// names it) that a rendered answer's prose is written in when it is
// plainly not want, the reader's language (a catalogue language or a text
// code: "nb" and "no", "zh-Hant" and "zh" are the same); "" when it is
// want, or when the answer does not say enough to tell.
//
// What a reader may see in the passages' language is not the answer's
// language: code (fenced or inline), links, citations, marks, and what the
// answer quotes ("…", «…», 「…」), so a French answer quoting English
// passages is French. Names do not weigh: the detector goes by function
// words, letters and scripts. A short answer does not tell: a Latin-script
// language other than want is named only on three function words of its
// own that are not want's; another script only on ten letters of it.
// Pairs the detector confuses even for their reader (text.Confusable,
// either way: Danish and Norwegian; Serbian, Bulgarian and Russian;
// Ukrainian and Bulgarian; Arabic, Persian and Urdu) are not told apart,
// nor the
// Latin-script languages it names only from a few words (text.FewMarkers:
// Polish, Czech, Croatian, Lithuanian) from another Latin-script one but
// English.
func OtherLanguage(answer, want string) string {
	want = i18n.TextCode(want)
	if want == "" || want == "und" {
		return ""
	}
	p := ownProse(answer)
	got := text.DetectLanguageFor(p, want)
	if got == "und" || got == want || misread(want, got) {
		return ""
	}
	if text.LatinScript(got) {
		if text.FewMarkers(want) && got != "en" {
			return ""
		}
		if len(text.Stopwords(got)) == 0 {
			// Told by its letters alone (Vietnamese): six words with them.
			if accentedWords(p) < 6 {
				return ""
			}
			return got
		}
		if ownStopwords(p, got, want) < 3 {
			return ""
		}
		return got
	}
	if _, other := text.ScriptLetters(p); other < 10 {
		return ""
	}
	return got
}

// misread reports whether the detector may take a text in one of a and b
// for the other, even for its reader (text.Confusable, either way).
func misread(a, b string) bool { return text.Confusable(a, b) || text.Confusable(b, a) }

// ownStopwords counts the words of p (text.Words) that are function words
// of got and not of want.
func ownStopwords(p, got, want string) int {
	n := 0
	for sp := range text.Words(p) {
		w := strings.ToLower(p[sp.Start:sp.End])
		if text.IsStopword(got, w) && !text.IsStopword(want, w) {
			n++
		}
	}
	return n
}

// accentedWords counts the words of p (text.Words) with a letter or mark
// beyond ASCII.
func accentedWords(p string) int {
	n := 0
	for sp := range text.Words(p) {
		if text.ASCIIPrefix(p[sp.Start:sp.End]) < sp.End-sp.Start {
			n++
		}
	}
	return n
}

var (
	fencedCode = regexp.MustCompile("(?s)(```|~~~).*?(```|~~~|$)")
	inlineCode = regexp.MustCompile("`[^`\n]*`")
	links      = regexp.MustCompile(`(?:https?://|www\.)\S+`)
	citation   = regexp.MustCompile(`\[\d+(?:[,\s]+\d+)*\]`)
)

// ownProse is what of an answer is written in its own language.
func ownProse(s string) string {
	s = fencedCode.ReplaceAllString(s, " ")
	s = inlineCode.ReplaceAllString(s, " ")
	s = links.ReplaceAllString(s, " ")
	s = citation.ReplaceAllString(s, " ")
	s = withoutQuoted(s)
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(markUnverified+markUncited+"⁰¹²³⁴⁵⁶⁷⁸⁹", r) {
			return ' '
		}
		return r
	}, s)
}

// quoteClosers are the quotation marks that open a quote, each with those
// that close it.
var quoteClosers = map[rune]string{'“': "”", '„': "“”", '«': "»", '‹': "›", '「': "」", '『': "』", '"': `"`}

// withoutQuoted takes out what s quotes, in the passages' language:
// in typographic, guillemet, corner or straight double quotes, quotes
// within quotes included. A quote ends with its line: one left open
// takes the rest of the line, which leaves fewer words to tell the
// answer's language by, never words of a quote.
func withoutQuoted(s string) string {
	var b strings.Builder
	var open []string // the closers of the quotes open, innermost last
	for _, r := range s {
		if r == '\n' {
			open = open[:0]
			b.WriteRune(r)
			continue
		}
		if n := len(open); n > 0 && strings.ContainsRune(open[n-1], r) {
			if open = open[:n-1]; len(open) == 0 {
				b.WriteByte(' ')
			}
			continue
		}
		if c, ok := quoteClosers[r]; ok {
			open = append(open, c)
			continue
		}
		if len(open) == 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}
