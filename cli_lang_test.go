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
			if want := i18n.Text(tt.lang, i18n.NotCovered); !strings.Contains(out.String(), want) {
				t.Errorf("output lacks %q:\n%s", want, out.String())
			}
			// Nearest documents only when one is similar to the question.
			if label := i18n.Text(tt.lang, i18n.NearestLabel); strings.Contains(out.String(), label) != tt.nearest {
				t.Errorf("output has %q: %v, want %v:\n%s", label, !tt.nearest, tt.nearest, out.String())
			}
		})
	}
}
