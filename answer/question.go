package answer

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"corpusbot/text"
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

// detectLang guesses the language of a short text (text.DetectLanguage):
// "" when it has no letters, and "en" for Latin text that says too little
// to tell, the default reply language.
func detectLang(s string) string {
	if l := text.DetectLanguage(s); l != "und" {
		return l
	}
	for _, r := range s {
		if unicode.Is(unicode.Latin, r) {
			return "en"
		}
	}
	return ""
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
