package answer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"corpusbot/i18n"
	"corpusbot/text"
)

// clean strips invisible format and control characters (zero-width spaces,
// bidi overrides) that could hide text or pad a question past its checks,
// and collapses white space. A zero-width (non-)joiner between two letters
// stays, one of them: words are spelled with it (Persian's "می‌کند",
// conjuncts of Indic scripts).
func clean(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	prev := rune(-1) // the last rune kept
	for i, r := range s {
		switch {
		case r == '\n' || r == '\t':
			r = ' '
		case unicode.Is(unicode.Cf, r), unicode.IsControl(r):
			if next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):]); text.WordJoiner(prev, r, next) {
				break
			}
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// checkQuestion cleans q and enforces the length rules.
func (p *Pipeline) checkQuestion(q string) (string, error) {
	q = clean(q)
	if q == "" {
		return "", ErrEmptyQuestion
	}
	if n := utf8.RuneCountInString(q); n > p.cfg.MaxQuestionRunes {
		return "", &TooLongError{Len: n, Limit: p.cfg.MaxQuestionRunes}
	}
	return q, nil
}

// searchLang is the language to analyse question s in: the one detected
// (text.GuessLanguage), unless the reader's catalogue language (i18n) ties with
// it in s, as the reader's locale decided: "Como usar Grafana?" is
// Spanish by the detector's list order but Portuguese for a Portuguese
// reader, and "Was Kubernetes?", English for want of evidence, German for
// a German one. The analysers then stem the question as its
// documents are stemmed.
func searchLang(s, reader string) string {
	detected := text.GuessLanguage(s)
	if i18n.Tied(s, detected, reader) {
		return i18n.TextCode(reader)
	}
	return detected
}

// saysLanguage reports whether s is enough to tell its language.
func saysLanguage(s string) bool { return text.DetectLanguage(s) != "und" }

// langNames names languages for the model.
var langNames = map[string]string{
	"ar": "Arabic", "de": "German", "en": "English", "es": "Spanish", "fr": "French", "it": "Italian",
	"ja": "Japanese", "ko": "Korean", "nl": "Dutch", "pt": "Portuguese", "ru": "Russian", "zh": "Chinese",
	"uk": "Ukrainian", "pl": "Polish", "tr": "Turkish", "vi": "Vietnamese", "id": "Indonesian",
	"hi": "Hindi", "th": "Thai", "cs": "Czech", "sv": "Swedish", "da": "Danish", "nb": "Norwegian Bokmål",
	"no": "Norwegian", "fi": "Finnish", "el": "Greek", "ro": "Romanian", "hu": "Hungarian",
	"bg": "Bulgarian", "hr": "Croatian", "lt": "Lithuanian", "bn": "Bengali", "fa": "Persian", "he": "Hebrew",
	"ta": "Tamil", "ur": "Urdu", "ka": "Georgian", "hy": "Armenian", "sr": "Serbian, in Cyrillic script",
	"ga": "Irish", "lo": "Lao", "km": "Khmer", "my": "Burmese",
	"zh-Hant": "Chinese, in traditional characters",
}

func langName(code string) string {
	if n, ok := langNames[code]; ok {
		return n
	}
	return ""
}

// replyLanguage is the catalogue language (i18n) of what the reader of an
// answer sees: the question's, else the conversation's (its earlier
// questions), else fallback, the reader's language as the caller knows it
// (a Discord locale), else English.
func replyLanguage(q string, history []Turn, fallback string) string {
	var asked []string
	for _, t := range history {
		if t.Role == "user" {
			asked = append(asked, t.Text)
		}
	}
	// The caller's locale settles what the detector confuses (Danish and
	// Norwegian, Croatian read as French), in the question and in the
	// conversation alike.
	return i18n.Reply(q, i18n.OfWith(strings.Join(asked, " "), fallback), fallback)
}

// replyLangs picks the languages of a summary or briefing: write, the
// one the model writes in, is the topic's when the model knows it (a
// language outside the catalogue included), else show; show, that of the
// notes and abstention, is the topic's catalogue language, else asked
// (the reader's), else English. A document's summary has no topic: both
// are the reader's. Where the reader's locale overrules what the detector
// made of the topic (a Danish topic read as Norwegian, a Croatian one as
// French: i18n.Reply), the model writes in the reader's language too.
func replyLangs(asked, topic string) (write, show string) {
	show = i18n.Reply(topic, asked)
	if topic != "" {
		if l := text.GuessLanguage(topic); l == "zh" && show == "zh-Hant" {
			return show, show
		} else if c := i18n.Of(topic); c != "" && c != show {
			return show, show
		} else if langName(l) != "" {
			return l, show
		}
	}
	return show, show
}
