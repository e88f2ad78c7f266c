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

// TestSummaryAndBriefingFlagAnotherLanguage: `corpusbot summary` of a
// document and of a topic and `corpusbot briefing`, on a French terminal
// (LANG), a model writing in English: the note, in French, that it wrote
// in another language; in French, none. Not the answer's note, which
// speaks of "your question": a summary or a briefing answers none.
func TestSummaryAndBriefingFlagAnotherLanguage(t *testing.T) {
	note := i18n.Text("fr", i18n.WroteOther, i18n.LanguageNames("fr", []string{"en"}))
	question := i18n.Text("fr", i18n.AnsweredOther, i18n.LanguageNames("fr", []string{"en"}))
	first := regexp.MustCompile(`(?s)<passage n="(\d+)"[^>]*>\n(\S+ \S+ \S+ \S+)`)
	for _, tc := range []struct {
		reply   string
		flagged bool
	}{
		{"The regulators asked the company to separate the business of the loans from the rest of its platforms", true},
		{"Les régulateurs ont demandé à l'entreprise de séparer les activités de prêt du reste de ses plateformes", false},
	} {
		llm := openaitest.New(t)
		llm.SetResponder(func(r openaitest.Request) openaitest.Reply {
			if strings.Contains(r.Text(), "Rewrite the question") {
				return openaitest.Reply{Text: "en: Alipay micro-loans spin off regulators"}
			}
			m := first.FindStringSubmatch(r.Text())
			if m == nil {
				return openaitest.Reply{Text: "NOT_IN_CORPUS"}
			}
			return openaitest.Reply{Text: "- " + tc.reply + " [" + m[1] + "] «" + m[2] + "»."}
		})
		env := map[string]string{"OPENAI_BASE_URL": llm.URL(), "LLM_TIMEOUT": "5s", "LANG": "fr_FR.UTF-8"}
		for _, args := range [][]string{
			{"summary", "alipay-ordered-to-spin-off-micro-loans.en"},
			{"summary", "--topic", "les microcrédits d'Alipay"},
			{"briefing"},
		} {
			out, errOut, code := runCLI(t, env, args...)
			if code != 0 {
				t.Fatalf("%q: exit %d: %s", args, code, errOut)
			}
			if !strings.Contains(out, tc.reply+" [1]") {
				t.Fatalf("%q: not written with a citation:\n%s", args, out)
			}
			if strings.Contains(out, note) != tc.flagged || strings.Contains(out, question) {
				t.Errorf("%q: note %q shown: %v, want %v:\n%s", args, note, !tc.flagged, tc.flagged, out)
			}
		}
	}
}
