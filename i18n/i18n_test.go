package i18n

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// verbRE matches a format verb: %%, or % with an optional argument index,
// flags, width and precision, and its letter.
var verbRE = regexp.MustCompile(`%(?:%|(\[\d+\])?[-+# 0]*\d*(?:\.\d+)?([a-zA-Z]))`)

// verbs lists a format's verbs as "argument:verb", sorted, so that formats
// that take their arguments in another order compare equal.
func verbs(format string) []string {
	var out []string
	arg := 0
	for _, m := range verbRE.FindAllStringSubmatch(format, -1) {
		if m[0] == "%%" {
			continue
		}
		if m[1] != "" {
			fmt.Sscanf(m[1], "[%d]", &arg)
		} else {
			arg++
		}
		out = append(out, fmt.Sprintf("%d:%s", arg, m[2]))
	}
	slices.Sort(out)
	return out
}

func TestEveryKeyInEveryLanguage(t *testing.T) {
	for k := range numKeys {
		for _, l := range languages {
			if strings.TrimSpace(texts[k][l]) == "" {
				t.Errorf("message %d has no %s text", k, l)
			}
		}
		if len(texts[k]) != len(languages) {
			t.Errorf("message %d has %d languages, want %d: a language the catalogue does not list", k, len(texts[k]), len(languages))
		}
	}
	for c := range numCountKeys {
		for _, l := range languages {
			if counts[c][l][plural.Other] == "" {
				t.Errorf("count %d has no %s form for other", c, l)
			}
		}
		if len(counts[c]) != len(languages) {
			t.Errorf("count %d has %d languages, want %d", c, len(counts[c]), len(languages))
		}
	}
}

func TestFormatVerbsMatchEnglish(t *testing.T) {
	for k := range numKeys {
		want := verbs(texts[k][English])
		for _, l := range languages {
			s := texts[k][l]
			if got := verbs(s); !slices.Equal(got, want) {
				t.Errorf("message %d in %s has verbs %v, English %v: %q", k, l, got, want, s)
			}
			if s != strings.TrimSpace(s) {
				t.Errorf("message %d in %s has space around it: %q", k, l, s)
			}
		}
	}
	for c := range numCountKeys {
		for l, fs := range counts[c] {
			for f, s := range fs {
				// The number, or nothing ("one question").
				if got := verbs(s); len(got) > 1 || len(got) == 1 && got[0] != "1:d" {
					t.Errorf("count %d in %s (form %v) has verbs %v, want only the number: %q", c, l, f, got, s)
				}
			}
		}
	}
}

// TestFormsAreReachable catches a form a language's plural rules never
// choose (a "few" given to French is a typo), and checks that every form
// they do choose for counts up to a million reads well formatted.
func TestFormsAreReachable(t *testing.T) {
	ns := []int{1000, 10000, 100000, 1000000}
	for n := range 1000 {
		ns = append(ns, n)
	}
	for c := range numCountKeys {
		for l, fs := range counts[c] {
			reached := map[plural.Form]bool{plural.Other: true}
			for _, n := range ns {
				reached[pluralForm(l, n)] = true
				if s := Count(l, c, n); strings.Contains(s, "%!") {
					t.Errorf("Count(%s, %d, %d) = %q", l, c, n, s)
				}
			}
			for f := range fs {
				if !reached[f] {
					t.Errorf("count %d in %s has form %v, which %s never uses", c, l, f, l)
				}
			}
		}
	}
}

func TestNoPluralShortcuts(t *testing.T) {
	for k := range numKeys {
		for _, l := range languages {
			if s := texts[k][l]; strings.Contains(s, "(s)") || strings.Contains(s, "(e)s") || strings.Contains(s, "(en)") {
				t.Errorf("message %d in %s writes a plural by shortcut: %q", k, l, s)
			}
		}
	}
}

func TestCount(t *testing.T) {
	tests := []struct {
		lang string
		c    CountKey
		n    int
		want string
	}{
		{"en", Seconds, 1, "1 second"},
		{"en", Seconds, 30, "30 seconds"},
		{"en", QuestionsAhead, 1, "⏳ One question is ahead of yours; I'll answer as soon as I can."},
		{"en", QuestionsAhead, 3, "⏳ 3 questions are ahead of yours; I'll answer as soon as I can."},
		{"fr", Minutes, 1, "1 minute"},
		{"fr", Minutes, 2, "2 minutes"},
		{"de", Seconds, 1, "1 Sekunde"},
		{"de", Seconds, 45, "45 Sekunden"},
		{"ru", Seconds, 1, "1 секунду"},
		{"ru", Seconds, 3, "3 секунды"},
		{"ru", Seconds, 5, "5 секунд"},
		{"ru", Seconds, 11, "11 секунд"},
		{"ru", Seconds, 21, "21 секунду"},
		{"ru", Seconds, 22, "22 секунды"},
		{"ru", Seconds, 112, "112 секунд"},
		{"ar", Minutes, 1, "دقيقة واحدة"},
		{"ar", Minutes, 2, "دقيقتين"},
		{"ar", Minutes, 3, "3 دقائق"},
		{"ar", Minutes, 11, "11 دقيقة"},
		{"ar", Minutes, 100, "100 دقيقة"},
		{"ar", Documents, 5, "5 وثائق"},
		{"ja", Seconds, 1, "1秒"},
		{"zh-Hant", Documents, 2, "2 份文件"},
		{"pt", Documents, 2, "2 documentos"},
		{"xx", Seconds, 2, "2 seconds"}, // not in the catalogue: English
		{"en", Words, 9999, "9999 words"},
		{"en", Words, 12345, "12,345 words"},
		{"de", Words, 1234567, "1.234.567 Wörter"},
		{"fr", Words, 20000, "20\u202f000 mots"},
		{"ru", Words, 10001, "10\u00a0001 слово"},
		{"ja", Words, 50000, "50,000語"},
	}
	for _, tt := range tests {
		if got := Count(tt.lang, tt.c, tt.n); got != tt.want {
			t.Errorf("Count(%s, %d, %d) = %q, want %q", tt.lang, tt.c, tt.n, got, tt.want)
		}
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		lang string
		k    Key
		args []any
		want string
	}{
		{"en", NotCovered, nil, "The corpus does not cover this."},
		{"de", Nearest, nil, "Die ähnlichsten Dokumente"},
		{"pt", ShowPassage, []any{2}, "Ver trecho [2]"},
		{"ru", SeveralDocs, []any{"отчёт", Count("ru", Documents, 5)}, "Под «отчёт» подходят 5 документов. Какой из них нужен? Запустите `/summary` ещё раз с его ID (он подставляется при вводе):"},
		{"en", SeveralDocs, []any{"report", Count("en", Documents, 3)}, "3 documents match “report”. Which one? Run `/summary` again with its ID (it autocompletes as you type):"},
		{"it", NotCovered, nil, "The corpus does not cover this."}, // not in the catalogue: English
		{"", Sources, nil, "Sources"},
	}
	for _, tt := range tests {
		if got := Text(tt.lang, tt.k, tt.args...); got != tt.want {
			t.Errorf("Text(%s, %d) = %q, want %q", tt.lang, tt.k, got, tt.want)
		}
	}
}

func TestFromLocale(t *testing.T) {
	tests := map[string]string{
		// Discord's locales
		"en-US": "en", "en-GB": "en", "de": "de", "fr": "fr", "es-ES": "es", "es-419": "es",
		"pt-BR": "pt", "ru": "ru", "ja": "ja", "zh-CN": "zh", "zh-TW": "zh-Hant",
		"it": "", "ko": "", "uk": "", "sv-SE": "", "": "",
		// BCP 47 and POSIX
		"zh-Hant": "zh-Hant", "zh-Hant-TW": "zh-Hant", "zh-HK": "zh-Hant", "zh-Hans": "zh", "zh": "zh",
		"ar-EG": "ar", "de_DE.UTF-8": "de", "pt_PT": "pt", "C": "", "POSIX": "", "C.UTF-8": "",
		"DE": "de", " fr-CA ": "fr",
	}
	for in, want := range tests {
		if got := FromLocale(in); got != want {
			t.Errorf("FromLocale(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReply(t *testing.T) {
	tests := []struct {
		name      string
		question  string
		fallbacks []string
		want      string
	}{
		{"arabic with latin brands", "لماذا أُمرت Alipay التابعة لـ Ant Group بفصل أعمال القروض الصغيرة؟", []string{"en-US"}, "ar"},
		{"german", "Warum muss Alipay das Geschäft mit Kleinkrediten abspalten?", []string{"en-US"}, "de"},
		{"portuguese", "Por que o Alipay foi obrigado a separar o negócio de microcrédito?", []string{"en-US"}, "pt"},
		{"spanish", "¿Por qué tuvo Alipay que separar su negocio de microcréditos?", nil, "es"},
		{"russian", "Почему Alipay обязали выделить бизнес микрокредитов?", []string{"en-US"}, "ru"},
		{"japanese", "アリペイはなぜ小口融資事業の分離を命じられたのですか？", nil, "ja"},
		{"simplified chinese", "为什么支付宝被要求拆分小额贷款业务？", []string{"zh-TW"}, "zh"},
		{"traditional chinese", "為什麼支付寶被要求拆分小額貸款業務？", []string{"zh-CN"}, "zh-Hant"},
		{"one word, german locale", "Alipay", []string{"de"}, "de"},
		{"one word, portuguese locale", "Kredite", []string{"pt-BR"}, "pt"},
		{"one word, no locale", "Alipay", nil, "en"},
		{"one word, server locale only", "Alipay", []string{"", "fr"}, "fr"},
		{"the user's locale before the server's", "Alipay", []string{"es-ES", "fr"}, "es"},
		{"a locale the catalogue lacks", "Alipay", []string{"ko", "ru"}, "ru"},
		{"italian is not in the catalogue", "Perché Alipay è stata costretta a scorporare il credito?", []string{"pt-BR"}, "pt"},
		{"figures only", "2021?", []string{"ja"}, "ja"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Reply(tt.question, tt.fallbacks...); got != tt.want {
				t.Errorf("Reply(%q, %q) = %q, want %q", tt.question, tt.fallbacks, got, tt.want)
			}
		})
	}
}

// The plural rules come from x/text; a language they did not know would
// give every count the same form.
func TestPluralRulesKnown(t *testing.T) {
	for _, l := range []string{"fr", "de", "es", "pt", "ru", "ar"} {
		if plural.Cardinal.MatchPlural(language.Make(l), 1, 0, 0, 0, 0) == plural.Cardinal.MatchPlural(language.Make(l), 5, 0, 0, 0, 0) {
			t.Errorf("%s: 1 and 5 have the same plural form", l)
		}
	}
}

func TestAll(t *testing.T) {
	got := All(Sources)
	for _, want := range []string{"Sources", "Quellen", "المصادر", "來源"} {
		if !slices.Contains(got, want) {
			t.Errorf("All(Sources) = %q, want %q in it", got, want)
		}
	}
	if n := len(slices.Compact(slices.Sorted(slices.Values(got)))); n != len(got) {
		t.Errorf("All(Sources) repeats a text: %q", got)
	}
}
