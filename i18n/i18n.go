package i18n

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"corpusbot/text"
)

// English is the language of last resort.
const English = "en"

// languages are the catalogue's languages: ISO 639-1 codes, zh-Hant for
// Chinese written in traditional characters ("zh" is simplified), and nb
// for Norwegian Bokmål (Discord's "no"). They are Discord's client
// languages, and the languages text.DetectLanguage names that Discord has
// no client language for (Arabic, Persian, Hebrew, Bengali, Tamil, Urdu…):
// a question's own language chooses them (TestDetectedLanguagesCatalogued).
var languages = []string{
	"en", "fr", "de", "es", "pt", "ru", "ar", "ja", "zh", "zh-Hant",
	"ko", "uk", "it", "nl", "pl", "tr", "vi", "id", "hi", "th", "cs",
	"sv", "da", "nb", "fi", "el", "ro", "hu", "bg", "hr", "lt", "fa", "he",
	"bn", "ta", "ur", "sr", "ga", "ka", "hy", "lo", "km", "my",
}

// aliases are other codes of a catalogue language: Norwegian as Discord
// and text.DetectLanguage name it ("no"), and Nynorsk, whose readers read
// Bokmål; "in", Indonesian's code before 1989, which Java and Android
// locales still use.
var aliases = map[string]string{"no": "nb", "nn": "nb", "in": "id"}

// catalogued returns the catalogue language of an ISO 639 code, "" when
// there is none.
func catalogued(code string) string {
	if l, ok := aliases[code]; ok {
		return l
	}
	if Supported(code) {
		return code
	}
	return ""
}

// TextCode returns text's code (text.DetectLanguage's) of a catalogue
// language or locale code: Norwegian, Bokmål or Nynorsk, is "no" to it,
// Chinese in either script "zh", a tag its language ("pt-BR" is "pt").
// What text knows of languages (text.Script, FewMarkers, Confusable) is
// asked in its codes.
func TextCode(lang string) string {
	switch lang {
	case "nb", "nn":
		return "no"
	case "zh-Hant":
		return "zh"
	}
	return text.BaseLang(lang)
}

// Languages returns the catalogue's languages, English first.
func Languages() []string { return slices.Clone(languages) }

// Supported reports whether the catalogue has lang.
func Supported(lang string) bool { return slices.Contains(languages, lang) }

// Text returns message k in lang, formatted with args; English when the
// catalogue lacks lang.
func Text(lang string, k Key, args ...any) string {
	s, ok := texts[k][lang]
	if !ok {
		s = texts[k][English]
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// Count returns message c for the number n in lang, in the form its
// plural rules call for (CLDR cardinals); English when the catalogue
// lacks lang. A form may leave the number out ("one question").
func Count(lang string, c CountKey, n int) string {
	forms, ok := counts[c][lang]
	if !ok {
		lang, forms = English, counts[c][English]
	}
	s, ok := forms[pluralForm(lang, n)]
	if !ok {
		s = forms[plural.Other]
	}
	if !strings.Contains(s, "%") {
		return s
	}
	if n >= 10000 || n <= -10000 {
		return strings.Replace(s, "%d", grouped(lang, n), 1)
	}
	return fmt.Sprintf(s, n)
}

// groupSeparators are the thousands separators of the languages that do
// not use a comma (CLDR): French a narrow no-break space, Russian and
// most of northern and eastern Europe a no-break space, the others a
// full stop.
var groupSeparators = map[string]string{
	"de": ".", "es": ".", "pt": ".", "it": ".", "nl": ".", "da": ".", "el": ".", "ro": ".",
	"hr": ".", "tr": ".", "id": ".", "vi": ".", "sr": ".", "lo": ".", "km": ".",
	"fr": "\u202f",
	"ru": "\u00a0", "uk": "\u00a0", "pl": "\u00a0", "cs": "\u00a0", "sv": "\u00a0", "nb": "\u00a0",
	"fi": "\u00a0", "hu": "\u00a0", "bg": "\u00a0", "lt": "\u00a0", "ka": "\u00a0", "hy": "\u00a0",
}

// grouped writes n with its language's thousands separator: 12,345 in
// English, 12.345 in German; Hindi groups by two digits above the
// thousands (1,23,456: lakh and crore), as Bengali and Tamil do (in
// Western digits, as %d writes them). Four-digit numbers are left
// whole, as Spanish and Portuguese write them.
func grouped(lang string, n int) string {
	sep, ok := groupSeparators[lang]
	if !ok {
		sep = ","
	}
	s := strconv.Itoa(n)
	start := 0
	if n < 0 {
		start = 1
	}
	step := 3
	for i := len(s) - 3; i > start; i -= step {
		s = s[:i] + sep + s[i:]
		if lang == "hi" || lang == "bn" || lang == "ta" {
			step = 2
		}
	}
	return s
}

// pluralForm is the CLDR cardinal plural category of the integer n in lang.
func pluralForm(lang string, n int) plural.Form {
	if n < 0 {
		n = -n
	}
	// The rules look at the digits: i is the integer part, v, w, f and t
	// describe a fraction, which counts never have.
	return plural.Cardinal.MatchPlural(language.Make(lang), n, 0, 0, 0, 0)
}

// All returns message k in every language: for recognising a text the bot
// wrote, such as the Sources heading, whatever its language.
func All(k Key) []string {
	out := make([]string, 0, len(languages))
	for _, l := range languages {
		if s := texts[k][l]; !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// Of returns the catalogue language s is written in (text.DetectLanguage;
// Chinese with a traditional character is zh-Hant, Norwegian nb), or ""
// when s does not tell or its language is not in the catalogue.
func Of(s string) string {
	l := text.DetectLanguage(s)
	if l == "zh" && traditional(s) {
		return "zh-Hant"
	}
	if spelledOnly(s, l) {
		return ""
	}
	return catalogued(l)
}

// spelledOnly reports whether s, detected as lang, is a word or two
// (text.Words) of plain Latin letters of which none is one of lang's
// function words: the detector then goes by spelling alone ("cache" reads
// as French, "max-age" as English), which a word or two does not tell. A
// word with an apostrophe is a function word's when it or a part of it is
// ("l'eau", "don't").
func spelledOnly(s, lang string) bool {
	words := 0
	for sp := range text.Words(s) {
		w := s[sp.Start:sp.End]
		letters := false
		for _, r := range w {
			if r >= utf8.RuneSelf {
				return false // a letter of its own script or accent tells more
			}
			letters = letters || unicode.IsLetter(r)
		}
		if !letters {
			continue
		}
		if words++; words > 2 || functionWord(lang, strings.ToLower(w)) {
			return false
		}
	}
	return words > 0
}

// functionWord reports whether w, or a part of it between apostrophes, is
// one of lang's function words.
func functionWord(lang, w string) bool {
	if text.IsStopword(lang, w) {
		return true
	}
	if !strings.Contains(w, "'") {
		return false
	}
	for part := range strings.SplitSeq(w, "'") {
		if text.IsStopword(lang, part) {
			return true
		}
	}
	return false
}

// traditional reports whether s has a character that Simplified Chinese
// writes otherwise.
func traditional(s string) bool {
	for _, r := range s {
		if r >= 0x3400 && text.ToSimplified(r) != r {
			return true
		}
	}
	return false
}

// FromLocale returns the catalogue language of a locale: one of Discord's
// ("pt-BR", "es-419", "zh-TW", "sv-SE", "no"), a BCP 47 tag or code ("de",
// "zh-Hant", "nb-NO"), or a POSIX one ("de_DE.UTF-8"); "" when the
// catalogue has none.
func FromLocale(locale string) string {
	l := strings.ToLower(strings.TrimSpace(locale))
	if i := strings.IndexAny(l, ".@"); i >= 0 {
		l = l[:i] // the POSIX codeset and modifier
	}
	parts := strings.FieldsFunc(l, func(r rune) bool { return r == '-' || r == '_' })
	if len(parts) == 0 {
		return ""
	}
	if parts[0] == "zh" {
		// Taiwan, Hong Kong and Macau write traditional characters.
		for _, p := range parts[1:] {
			if p == "hant" || p == "tw" || p == "hk" || p == "mo" {
				return "zh-Hant"
			}
		}
		return "zh"
	}
	return catalogued(parts[0])
}

// Reply returns the language to answer question in: the question's own
// when it tells (OfWith the fallbacks), else the first of fallbacks that
// names a catalogue language (FromLocale: the asker's locale, then the
// server's), else English. A question of a word or two, or of names only,
// does not tell.
func Reply(question string, fallbacks ...string) string {
	if l := OfWith(question, fallbacks...); l != "" {
		return l
	}
	for _, f := range fallbacks {
		if l := FromLocale(f); l != "" {
			return l
		}
	}
	return English
}

// OfWith is Of, with locales (the asker's, the server's) to settle what the
// detector cannot be trusted with: a locale overrides the language s was
// detected as when s says as much for the locale's language as for the
// detected one (its only words are shared by both: "Como usar Grafana?"
// is Spanish or Portuguese; "Was Kubernetes?" English or German), when it is one of a pair the
// detector confuses (Danish read as Norwegian, Bulgarian without ъ or
// Serbian without ј as Russian; mistakable), or a Latin-script language it
// names from a few words only (Polish, Czech, Croatian, Lithuanian), whose
// text it reads as none or as another language's (Croatian "je" as
// French). English keeps its word: its
// function words are not another's. A locale that agrees with s confirms
// it before a later one can override it. "" when s does not tell.
//
// A conversation's language is its questions' OfWith the same locales, so
// that a Croatian thread stays Croatian question after question.
func OfWith(s string, locales ...string) string {
	asked := Of(s)
	detected := text.DetectLanguage(s)
	for _, f := range locales {
		l := FromLocale(f)
		if l == "" {
			continue
		}
		if asked != "" && (l == asked || mistakable(asked, l)) || Tied(s, detected, l) {
			return l
		}
	}
	return asked
}

// Tied reports whether s, detected as detected (a text code), is as much
// in the catalogue language lang (a reader's), as text.DetectLanguageFor
// weighs a reader's language: its evidence for lang is as strong as for
// detected, so that the reader's locale may choose lang. False for lang
// "" or detected's own.
func Tied(s, detected, lang string) bool {
	code := TextCode(lang)
	return code != "" && code != detected && text.DetectLanguageFor(s, code) == code
}

// mistakable reports whether a question in locale could have been detected
// as detected (catalogue languages both), which Tied cannot tell: the
// detector reads the locale's language as it even for its reader
// (text.Confusable: Danish as Norwegian, Bulgarian or Serbian without its
// letters as Russian, Urdu as Persian…), or names the locale's language
// only from a few words (text.FewMarkers) and the question was read as a
// Latin-script language other than English. A Ukrainian question without
// і ї є ґ read as Russian is Tied's: the detector reads it as Ukrainian
// for a Ukrainian reader unless Russian's letters or words tell.
func mistakable(detected, locale string) bool {
	d, l := TextCode(detected), TextCode(locale)
	if text.Confusable(l, d) {
		return true
	}
	return text.FewMarkers(l) && detected != English && text.LatinScript(d)
}

// LanguageNames names the languages codes (ISO 639-1, as text detects
// them) in lang, in their order, joined as lang lists words: "English,
// French", "英语、法语". The names are CLDR's, in the form a language
// names itself alone (nominative, as in a list), so a message shows them
// in parentheses or after a colon, where no grammatical case is asked of
// them. A code CLDR does not name is left out; one it names only by
// its language (zh-Hant in Korean) is named so.
func LanguageNames(lang string, codes []string) string {
	namer := display.Tags(language.Make(catalogueTag(lang)))
	var names []string
	for _, c := range codes {
		tag := language.Make(c)
		n := namer.Name(tag)
		if n == "" {
			// No name for Chinese in traditional script: Chinese.
			b, _ := tag.Base()
			n = namer.Name(language.Make(b.String()))
		}
		if n != "" {
			names = append(names, n)
		}
	}
	sep := ", "
	switch lang {
	case "ja", "zh", "zh-Hant":
		sep = "、"
	case "ar", "fa", "ur":
		sep = "، "
	}
	return strings.Join(names, sep)
}

// catalogueTag is the BCP 47 tag of a catalogue language ("zh-Hant" is
// one already; Norwegian Bokmål is nb).
func catalogueTag(lang string) string {
	if l := catalogued(lang); l != "" {
		return l
	}
	return English
}
