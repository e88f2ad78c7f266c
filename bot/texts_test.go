package bot

import (
	"slices"
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
	// Discord's clients but English, the commands' own language.
	clients := 0
	for l := range discordgo.Locales {
		if l != discordgo.EnglishUS && l != discordgo.EnglishGB && l != discordgo.Unknown {
			clients++
		}
	}
	clients++ // Indonesian, newer than discordgo's list
	for _, c := range commands(true) {
		switch {
		case c.Type == discordgo.MessageApplicationCommand:
			if got := (*c.NameLocalizations)[discordgo.German]; got != i18n.Text("de", i18n.CmdAskMessage) {
				t.Errorf("%s: German name %q", c.Name, got)
			}
			if got := (*c.NameLocalizations)[discordgo.Korean]; got != i18n.Text("ko", i18n.CmdAskMessage) {
				t.Errorf("%s: Korean name %q", c.Name, got)
			}
		case c.DescriptionLocalizations == nil || len(*c.DescriptionLocalizations) != clients:
			t.Errorf("%s: %d description localizations, want %d client languages", c.Name, len(*c.DescriptionLocalizations), clients)
		default:
			for _, o := range c.Options {
				if len(o.DescriptionLocalizations) != clients {
					t.Errorf("%s %s: %d localizations, want %d", c.Name, o.Name, len(o.DescriptionLocalizations), clients)
				}
			}
		}
	}
	ask := *commands(false)[0].DescriptionLocalizations
	for loc, lang := range map[discordgo.Locale]string{
		discordgo.SpanishLATAM: "es", discordgo.Norwegian: "nb", discordgo.Swedish: "sv",
		discordgo.ChineseTW: "zh-Hant", indonesian: "id", discordgo.Ukrainian: "uk",
	} {
		if got := ask[loc]; got != i18n.Text(lang, i18n.CmdAsk) {
			t.Errorf("/ask in %s: %q", loc, got)
		}
	}
}

// Each catalogue language but English and those Discord has no client
// for (Arabic, Persian, Hebrew, Bengali, Tamil, Urdu, Serbian, Irish,
// Georgian, Armenian, Lao, Khmer, Burmese: a question's own language
// chooses them) has its
// clients, and each client's locale reads back as that language, as an
// interaction's locale does.
func TestDiscordLocalesMatchCatalogue(t *testing.T) {
	noClient := []string{i18n.English, "ar", "fa", "he", "bn", "ta", "ur", "sr", "ga", "ka", "hy", "lo", "km", "my"}
	for _, lang := range i18n.Languages() {
		if slices.Contains(noClient, lang) {
			continue
		}
		if len(discordLocales[lang]) == 0 {
			t.Errorf("catalogue language %s has no Discord client locale", lang)
		}
	}
	for lang, locales := range discordLocales {
		for _, l := range locales {
			if got := i18n.FromLocale(string(l)); got != lang {
				t.Errorf("FromLocale(%q) = %q, want %q", l, got, lang)
			}
		}
	}
}
