package bot

import (
	"testing"

	"github.com/bwmarrin/discordgo"

	"corpusbot/i18n"
)

// The English texts the unit tests expect, from the catalogue.
var (
	en                   = func(k i18n.Key) string { return i18n.Text(i18n.English, k) }
	textBriefingFailed   = en(i18n.BriefingFailed)
	textContextTooLong   = en(i18n.ContextTooLong)
	textEmptyQuestion    = en(i18n.EmptyQuestion)
	textEmptyReply       = en(i18n.EmptyReply)
	textFailed           = en(i18n.Failed)
	textIncomplete       = en(i18n.Incomplete)
	textInterrupted      = en(i18n.Interrupted)
	textMisconfigured    = en(i18n.Misconfigured)
	textNoMessageText    = en(i18n.NoMessageText)
	textNoTerms          = en(i18n.NoTerms)
	textNoWords          = en(i18n.NoWords)
	textNothingNew       = en(i18n.NothingNew)
	textRateLimited      = en(i18n.RateLimited)
	textReloadAdminsOnly = en(i18n.ReloadAdminsOnly)
	textRestarting       = en(i18n.Restarting)
	textStaleButton      = en(i18n.StaleButton)
	textSummaryOne       = en(i18n.SummaryOne)
	textTimeout          = en(i18n.ModelTimeout)
	textUnavailable      = en(i18n.ModelUnavailable)
	textUnknownCommand   = en(i18n.UnknownCommand)
	textUnknownDoc       = en(i18n.UnknownDocument)
)

// Every command reads in the Discord client's language where the
// catalogue has it; the routing names stay as registered.
func TestCommandsLocalized(t *testing.T) {
	for _, c := range commands(true) {
		switch {
		case c.Type == discordgo.MessageApplicationCommand:
			if got := (*c.NameLocalizations)[discordgo.German]; got != i18n.Text("de", i18n.CmdAskMessage) {
				t.Errorf("%s: German name %q", c.Name, got)
			}
		case c.DescriptionLocalizations == nil || len(*c.DescriptionLocalizations) != 9:
			t.Errorf("%s: description localizations %v, want nine client languages", c.Name, c.DescriptionLocalizations)
		default:
			for _, o := range c.Options {
				if o.DescriptionLocalizations[discordgo.PortugueseBR] == "" || o.DescriptionLocalizations[discordgo.ChineseTW] == "" {
					t.Errorf("%s %s: localizations %v", c.Name, o.Name, o.DescriptionLocalizations)
				}
			}
		}
	}
	if got := (*commands(false)[0].DescriptionLocalizations)[discordgo.SpanishLATAM]; got != i18n.Text("es", i18n.CmdAsk) {
		t.Errorf("/ask in es-419: %q", got)
	}
}
