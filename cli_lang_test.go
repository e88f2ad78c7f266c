package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"corpusbot/i18n"
)

// The terminal answers in the question's language, else in the
// terminal's locale (LC_ALL, LC_MESSAGES, LANG), else in English.
func TestAskFollowsTheTerminalLocale(t *testing.T) {
	tests := []struct {
		name, question string
		env            map[string]string
		lang           string
		nearest        bool // the question shares a word with a document, which is named
	}{
		{"german locale, one word", "Bundesliga", map[string]string{"LANG": "de_DE.UTF-8"}, "de", false},
		{"LC_ALL before LANG", "Bundesliga", map[string]string{"LANG": "de_DE.UTF-8", "LC_ALL": "pt_BR.UTF-8"}, "pt", false},
		{"C locale", "Bundesliga", map[string]string{"LANG": "C.UTF-8"}, "en", false},
		{"the question's language first", "Wie viele Tore schoss Pelé bei der Weltmeisterschaft 1970?", map[string]string{"LANG": "fr_FR.UTF-8"}, "de", false},
		{"the question's language, a word the corpus has", "Wie viele Einwohner hat Shanghai?", map[string]string{"LANG": "fr_FR.UTF-8"}, "de", true},
		{"norwegian locale, one word", "Bundesliga", map[string]string{"LANG": "nb_NO.UTF-8"}, "nb", false},
		{"korean question, english locale", "펠레는 1970년 월드컵에서 몇 골을 넣었나요?", map[string]string{"LANG": "en_US.UTF-8"}, "ko", false},
		{"polish question, polish locale", "Ile goli strzelił Pelé na mistrzostwach świata w 1970 roku?", map[string]string{"LANG": "pl_PL.UTF-8"}, "pl", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			getenv := func(k string) string { return tt.env[k] }
			if err := run(context.Background(), []string{"ask", tt.question}, getenv, &out, &errOut); err != nil {
				t.Fatalf("ask: %v\n%s", err, errOut.String())
			}
			// A question in none of the documents' languages (ar, en,
			// fr) is told so, in its own (answer's
			// TestAbstainInAnotherLanguage).
			want, other := i18n.Text(tt.lang, i18n.NotCovered), i18n.Text(tt.lang, i18n.OtherLanguage, i18n.LanguageNames(tt.lang, []string{"ar", "en", "fr"}))
			if !strings.Contains(out.String(), want) && !strings.Contains(out.String(), other) {
				t.Errorf("output lacks %q or %q:\n%s", want, other, out.String())
			}
			// Nearest documents only when one is similar to the question.
			if label := i18n.Text(tt.lang, i18n.NearestLabel); strings.Contains(out.String(), label) != tt.nearest {
				t.Errorf("output has %q: %v, want %v:\n%s", label, !tt.nearest, tt.nearest, out.String())
			}
		})
	}
}

// A refused question is refused in the reader's language: the question's,
// else the terminal's; English keeps the operator's wording.
func TestAskRefusalFollowsTheReader(t *testing.T) {
	tests := []struct {
		name, question, locale, want string
	}{
		{"german, too long", strings.Repeat("Warum musste Alipay das Kreditgeschäft abspalten? ", 40), "", i18n.Text("de", i18n.TooLongLimit, i18n.Count("de", i18n.Characters, 1500))},
		{"arabic with Latin brands, too long", strings.Repeat("لماذا طُلب من Alipay و Ant Group فصل أعمال القروض؟ ", 40), "en_US.UTF-8", i18n.Text("ar", i18n.TooLongLimit, i18n.Count("ar", i18n.Characters, 1500))},
		{"no words, portuguese terminal", "?? !!", "pt_BR.UTF-8", i18n.Text("pt", i18n.NoWords)},
		{"no words, no locale", "?? !!", "", "no words to search for"},
		{"english, too long", strings.Repeat("Why was Alipay told to spin off its micro-loans? ", 40), "de_DE.UTF-8", "the limit is 1500"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			getenv := func(k string) string {
				if k == "LANG" {
					return tt.locale
				}
				return ""
			}
			err := run(context.Background(), []string{"ask", tt.question}, getenv, &out, &errOut)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ask refused with %v, want %q", err, tt.want)
			}
		})
	}
}

// The hint under an extractive answer follows the answer's language, like
// the Sources label above it; the settings it names stay as they are typed.
func TestNoLLMHintFollowsTheAnswer(t *testing.T) {
	tests := []struct {
		name, question, locale, lang string
	}{
		{"french question", "Pourquoi Alibaba et Tencent ont-ils enterré la hache de guerre ?", "", "fr"},
		{"english question, german terminal", "Why was Alipay told to spin off its micro-loan business?", "de_DE.UTF-8", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, map[string]string{"LANG": tt.locale}, "ask", tt.question)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if want := i18n.Text(tt.lang, i18n.SourcesLabel); !strings.Contains(out, want) {
				t.Fatalf("answer lacks %q:\n%s", want, out)
			}
			want := i18n.Text(tt.lang, i18n.NoLLMHint)
			if !strings.Contains(errOut, want) || !strings.Contains(errOut, "OPENAI_API_KEY") {
				t.Errorf("stderr lacks %q:\n%s", want, errOut)
			}
			if tt.lang != "en" && strings.Contains(errOut, "No LLM configured") {
				t.Errorf("stderr still has the English hint:\n%s", errOut)
			}
		})
	}
}
