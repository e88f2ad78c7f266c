package main

import (
	"regexp"
	"strings"
	"testing"

	"corpusbot/i18n"
	"corpusbot/internal/openaitest"
)

// TestAskFlagsAnAnswerInAnotherLanguage: `corpusbot ask` in French, a
// model answering in English: the answer is shown, with the note, in
// French, that it is not in the question's language; a French answer has
// none.
func TestAskFlagsAnAnswerInAnotherLanguage(t *testing.T) {
	const q = "Pourquoi le ministère demande-t-il à Tencent et Alibaba de débloquer les liens sur leurs plateformes ?"
	note := i18n.Text("fr", i18n.AnsweredOther, i18n.LanguageNames("fr", []string{"en"}))
	first := regexp.MustCompile(`(?s)<passage n="(\d+)"[^>]*>\n(\S+ \S+ \S+ \S+)`)
	for _, tc := range []struct {
		answer  string
		flagged bool
	}{
		{"The ministry asked the technology companies to stop blocking the links of the other websites on their platforms", true},
		{"Le ministère a demandé aux entreprises d'arrêter de bloquer les liens des sites web des autres sur leurs plateformes", false},
	} {
		llm := openaitest.New(t)
		llm.SetResponder(func(r openaitest.Request) openaitest.Reply {
			m := first.FindStringSubmatch(r.Text())
			if m == nil || strings.Contains(r.Text(), "Rewrite the question") {
				return openaitest.Reply{Text: "none"}
			}
			return openaitest.Reply{Text: tc.answer + " [" + m[1] + "] «" + m[2] + "»."}
		})
		out, errOut, code := runCLI(t, map[string]string{"OPENAI_BASE_URL": llm.URL(), "LLM_TIMEOUT": "5s"}, "ask", q)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if !strings.Contains(out, tc.answer+" [1].") {
			t.Fatalf("not answered with a citation:\n%s", out)
		}
		if strings.Contains(out, note) != tc.flagged {
			t.Errorf("note %q shown: %v, want %v:\n%s", note, !tc.flagged, tc.flagged, out)
		}
	}
}
