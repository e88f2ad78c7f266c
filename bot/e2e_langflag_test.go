package bot_test

import (
	"fmt"
	"strings"
	"testing"

	"corpusbot/i18n"
	"corpusbot/internal/openaitest"
)

// TestAnswerInAnotherLanguageIsFlagged asks in French, through /ask, a
// model that answers in English, in French, in French quoting the
// passage in English, or in a word: only the English answer gets the
// note, in French, that it is not in the question's language (issue 10).
func TestAnswerInAnotherLanguageIsFlagged(t *testing.T) {
	t.Parallel()
	const q = "Pourquoi le ministère demande-t-il à Tencent et Alibaba de débloquer les liens sur leurs plateformes ?"
	// Notes are shown on one line, no-break spaces as spaces.
	note := strings.Join(strings.Fields(i18n.Text("fr", i18n.AnsweredOther, i18n.LanguageNames("fr", []string{"en"}))), " ")
	for _, tc := range []struct {
		name, answer string
		flagged      bool
	}{
		{"English", "The ministry asked the technology companies to stop blocking the links of the other websites on their platforms %s.", true},
		{"French", "Le ministère a demandé aux entreprises d'arrêter de bloquer les liens des sites web des autres sur leurs plateformes %s.", false},
		{"French quoting English", "Le ministère a demandé aux entreprises, selon “the ministry asked the companies to stop blocking the links of the others”, de débloquer leurs plateformes %s.", false},
		{"a word", "Interopérabilité %s.", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := start(t, setup{aiOpts: []openaitest.Option{openaitest.WithResponder(func(r openaitest.Request) openaitest.Reply {
				text := r.Text()
				m, done, reply := langPrompt(text)
				if done {
					return reply
				}
				return openaitest.Reply{Text: fmt.Sprintf(tc.answer, cite(text, m[1]))}
			})}})
			got := waitFinal(h, ask(h, user(1), generalID, q, false)).Content
			if !strings.Contains(got, "[1]") {
				t.Fatalf("not answered with a citation:\n%s", got)
			}
			if strings.Contains(got, "-# "+note) != tc.flagged {
				t.Errorf("note %q shown: %v, want %v:\n%s", note, !tc.flagged, tc.flagged, got)
			}
		})
	}
}

// TestPartCitationAndLegalReference: through /ask, a model citing a part
// of a passage in parentheses ("(1:2)") has it read as [1]; a legal
// reference in its answer ("section 5(1)(a)") stays as written, not a
// citation (issue 10).
func TestPartCitationAndLegalReference(t *testing.T) {
	t.Parallel()
	h := start(t, setup{aiOpts: []openaitest.Option{openaitest.WithResponder(func(r openaitest.Request) openaitest.Reply {
		text := r.Text()
		m, done, reply := langPrompt(text)
		if done {
			return reply
		}
		quote := strings.TrimPrefix(cite(text, m[1]), "["+m[1]+"]")
		return openaitest.Reply{Text: "Regulators ordered Alipay to spin off its micro-loan business (" + m[1] + ":2)" + quote + ". The order was made under section 5(1)(a) of the rules, as the ministry said at (10:30)."}
	})}})
	got := waitFinal(h, ask(h, user(1), generalID, "Why was Alipay told to spin off its micro-loan business?", false)).Content
	if !strings.Contains(got, "micro-loan business [1].") {
		t.Errorf("the part citation is not read as [1]:\n%s", got)
	}
	for _, raw := range []string{":2)", "«"} {
		if strings.Contains(got, raw) {
			t.Errorf("%q shows:\n%s", raw, got)
		}
	}
	if !strings.Contains(got, "section 5(1)(a) of the rules") || !strings.Contains(got, "at (10:30)") {
		t.Errorf("the legal reference or the time is not shown as written:\n%s", got)
	}
}
