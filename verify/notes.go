package verify

import (
	"slices"
	"strconv"
	"strings"

	"corpusbot/i18n"
)

// Why says, in lang (a catalogue language of package i18n), why c is
// marked.
func (c Claim) Why(lang string) string {
	cites := citeList(c.Cites)
	switch c.Reason {
	case ReasonNoQuote:
		return i18n.Text(lang, i18n.WhyNoQuote, cites)
	case ReasonShortQuote:
		return i18n.Text(lang, i18n.WhyShortQuote)
	case ReasonNotFound:
		return i18n.Text(lang, i18n.WhyNotFound, cites)
	case ReasonOtherPassage:
		if c.Detail != "" {
			return i18n.Text(lang, i18n.WhyOtherPassage, c.Detail)
		}
		return i18n.Text(lang, i18n.WhyOtherUncited)
	case ReasonNumber:
		return i18n.Text(lang, i18n.WhyNumber, c.Detail)
	case ReasonName:
		return i18n.Text(lang, i18n.WhyName, c.Detail)
	case ReasonNegation:
		return i18n.Text(lang, i18n.WhyNegation)
	case ReasonCodeNotFound:
		return i18n.Text(lang, i18n.WhyCodeNotFound)
	case ReasonCodeUncited:
		return i18n.Text(lang, i18n.WhyCodeUncited)
	default:
		return i18n.Text(lang, i18n.WhyUncited)
	}
}

// citeList writes ns as citations, each number once: a claim cites a
// number again for each quote it gives it ("[1] «a» «b»"), and a note said
// "not in passage [1][1]".
func citeList(ns []int) string {
	var b strings.Builder
	for i, n := range ns {
		if slices.Contains(ns[:i], n) {
			continue
		}
		b.WriteString("[" + strconv.Itoa(n) + "]")
	}
	return b.String()
}
