package answer

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// clean strips invisible format and control characters (zero-width spaces,
// bidi overrides) that could hide text or pad a question past its checks,
// and collapses white space.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return ' '
		case unicode.Is(unicode.Cf, r), unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// checkQuestion cleans q and enforces the length rules.
func (p *Pipeline) checkQuestion(q string) (string, error) {
	q = clean(q)
	if q == "" {
		return "", ErrEmptyQuestion
	}
	if n := utf8.RuneCountInString(q); n > p.cfg.MaxQuestionRunes {
		return "", fmt.Errorf("%w: %d characters, the limit is %d", ErrQuestionTooLong, n, p.cfg.MaxQuestionRunes)
	}
	return q, nil
}

// detectLang makes a cheap guess at the language of a short text: by script,
// then French function words and accents for Latin text. "" when unsure.
func detectLang(s string) string {
	var latin, arabic, han, kana, hangul, cyr int
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Arabic, r):
			arabic++
		case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
			kana++
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		case unicode.Is(unicode.Latin, r):
			latin++
		}
	}
	switch {
	case arabic > latin && arabic >= han:
		return "ar"
	case kana > 0 && kana+han > latin:
		return "ja"
	case han > 0 && han >= latin/4:
		return "zh"
	case hangul > latin:
		return "ko"
	case cyr > latin:
		return "ru"
	case latin == 0:
		return ""
	}
	var fr, en int
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	}) {
		if i := strings.IndexAny(w, "'’"); i > 0 && i < 3 {
			fr++ // elision: l', d', qu'
			continue
		}
		if frWords[w] {
			fr++
		}
		if enWords[w] {
			en++
		}
		if strings.ContainsAny(w, "éèêàçùôîœ") {
			fr++
		}
	}
	if fr > en {
		return "fr"
	}
	return "en"
}

var frWords = map[string]bool{
	"le": true, "la": true, "les": true, "des": true, "du": true, "une": true, "est": true, "et": true,
	"qui": true, "que": true, "quoi": true, "quel": true, "quelle": true, "quels": true, "quelles": true,
	"pourquoi": true, "comment": true, "combien": true, "quand": true, "où": true, "dans": true,
	"pour": true, "sur": true, "avec": true, "il": true, "elle": true, "ils": true, "sont": true, "au": true, "aux": true,
}

var enWords = map[string]bool{
	"the": true, "a": true, "an": true, "is": true, "are": true, "was": true, "were": true, "and": true,
	"what": true, "who": true, "why": true, "how": true, "when": true, "where": true, "which": true,
	"does": true, "did": true, "do": true, "of": true, "in": true, "to": true, "for": true, "with": true, "on": true,
}

// langNames names languages for the model.
var langNames = map[string]string{
	"ar": "Arabic", "de": "German", "en": "English", "es": "Spanish", "fr": "French", "it": "Italian",
	"ja": "Japanese", "ko": "Korean", "nl": "Dutch", "pt": "Portuguese", "ru": "Russian", "zh": "Chinese",
}

func langName(code string) string {
	if n, ok := langNames[code]; ok {
		return n
	}
	return ""
}

// replyLang picks the reply language of a summary or briefing: the one
// asked for, else the topic's, else English.
func replyLang(asked, topic string) string {
	if langName(asked) != "" {
		return asked
	}
	if topic != "" {
		if l := detectLang(topic); langName(l) != "" {
			return l
		}
	}
	return "en"
}
