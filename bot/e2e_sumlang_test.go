package bot_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"corpusbot/bot"
	"corpusbot/i18n"
	"corpusbot/internal/discordtest"
	"corpusbot/internal/openaitest"
)

// TestSummaryAndBriefingInAnotherLanguageAreFlagged: a French reader's
// /summary of a document and of a topic, /briefing on a topic and the
// daily briefing of a French server, written by a model that answers in
// English, each carry the note, in French, that the model wrote in
// English; in French, none does. (Before: only /ask was checked.) The
// note is not the answer's, which speaks of "your question": a summary or
// a briefing answers none.
func TestSummaryAndBriefingInAnotherLanguageAreFlagged(t *testing.T) {
	t.Parallel()
	// Notes are shown on one line, no-break spaces as spaces.
	note := "-# " + strings.Join(strings.Fields(i18n.Text("fr", i18n.WroteOther, i18n.LanguageNames("fr", []string{"en"}))), " ")
	question := strings.Join(strings.Fields(i18n.Text("fr", i18n.AnsweredOther, i18n.LanguageNames("fr", []string{"en"}))), " ")
	for _, tc := range []struct {
		name, reply string
		flagged     bool
	}{
		{"English", "The regulators asked the company to separate the business of the loans from the rest of its platforms", true},
		{"French", "Les régulateurs ont demandé à l'entreprise de séparer les activités de prêt du reste de ses plateformes", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			slot := time.Now().UTC().Add(-time.Minute).Format("15:04")
			h := start(t, setup{
				dcOpts: []discordtest.Option{discordtest.WithGuildLocale(guildID, "fr")},
				aiOpts: []openaitest.Option{openaitest.WithResponder(func(r openaitest.Request) openaitest.Reply {
					text := r.Text()
					m, done, reply := langPrompt(text)
					if done {
						return reply
					}
					// A bullet, so that a briefing keeps it too.
					return openaitest.Reply{Text: fmt.Sprintf("- %s %s.", tc.reply, cite(text, m[1]))}
				})},
				cfg: func(c *bot.Config) {
					c.BriefingChannelID, c.BriefingTime, c.BriefingTZ = otherID, slot, time.UTC
				},
			})
			check := func(what, got string) {
				t.Helper()
				if !strings.Contains(got, "[1]") {
					t.Fatalf("%s: not written with a citation:\n%s", what, got)
				}
				if strings.Contains(got, note) != tc.flagged || strings.Contains(got, question) {
					t.Errorf("%s: note %q shown: %v, want %v:\n%s", what, note, !tc.flagged, tc.flagged, got)
				}
			}
			check("daily briefing", h.final(otherID).Content)
			slash := func(name string, opts ...discordtest.OptionValue) string {
				in := h.dc.SendSlash(discordtest.SlashOpts{Name: name, GuildID: guildID, ChannelID: generalID, User: user(1), Locale: "fr", Options: opts})
				return waitFinal(h, in).Content
			}
			check("/summary document", slash("summary", discordtest.OptionValue{Name: "document", Value: "alipay-ordered-to-spin-off-micro-loans.en"}))
			check("/summary topic", slash("summary", discordtest.OptionValue{Name: "topic", Value: "les microcrédits d'Alipay"}))
			check("/briefing topic", slash("briefing", discordtest.OptionValue{Name: "topic", Value: "les microcrédits d'Alipay"}))
			h.noViolations()
		})
	}
}
