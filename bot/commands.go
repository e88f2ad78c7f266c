package bot

import (
	"github.com/bwmarrin/discordgo"

	"corpusbot/i18n"
)

// Command names, as registered.
const (
	cmdAsk        = "ask"
	cmdSummary    = "summary"
	cmdBriefing   = "briefing"
	cmdSearch     = "search"
	cmdSources    = "sources"
	cmdReload     = "reload"         // registered only with Config.Reload
	cmdAskMessage = "Ask the corpus" // message context menu; i18n.CmdAskMessage in English
)

// commands is what the bot registers by bulk overwrite at start; reload
// adds the admin-only /reload.
func commands(reload bool) []*discordgo.ApplicationCommand {
	str := discordgo.ApplicationCommandOptionString
	cmds := []*discordgo.ApplicationCommand{
		{
			Name:                     cmdAsk,
			Description:              english(i18n.CmdAsk),
			DescriptionLocalizations: localized(i18n.CmdAsk),
			Options: []*discordgo.ApplicationCommandOption{
				{Type: str, Name: "question", Description: english(i18n.OptQuestion), DescriptionLocalizations: *localized(i18n.OptQuestion), Required: true, MaxLength: 1500},
				{Type: discordgo.ApplicationCommandOptionBoolean, Name: "private", Description: english(i18n.OptPrivate), DescriptionLocalizations: *localized(i18n.OptPrivate)},
				{Type: discordgo.ApplicationCommandOptionBoolean, Name: "new", Description: english(i18n.OptNew), DescriptionLocalizations: *localized(i18n.OptNew)},
			},
		},
		{
			Name:                     cmdSummary,
			Description:              english(i18n.CmdSummary),
			DescriptionLocalizations: localized(i18n.CmdSummary),
			Options: []*discordgo.ApplicationCommandOption{
				{Type: str, Name: "document", Description: english(i18n.OptDocument), DescriptionLocalizations: *localized(i18n.OptDocument), Autocomplete: true},
				{Type: str, Name: "topic", Description: english(i18n.OptSummaryTopic), DescriptionLocalizations: *localized(i18n.OptSummaryTopic), MaxLength: 300},
			},
		},
		{
			Name:                     cmdBriefing,
			Description:              english(i18n.CmdBriefing),
			DescriptionLocalizations: localized(i18n.CmdBriefing),
			Options: []*discordgo.ApplicationCommandOption{
				{Type: str, Name: "topic", Description: english(i18n.OptBriefingTopic), DescriptionLocalizations: *localized(i18n.OptBriefingTopic), MaxLength: 300},
			},
		},
		{
			Name:                     cmdSearch,
			Description:              english(i18n.CmdSearch),
			DescriptionLocalizations: localized(i18n.CmdSearch),
			Options: []*discordgo.ApplicationCommandOption{
				{Type: str, Name: "query", Description: english(i18n.OptQuery), DescriptionLocalizations: *localized(i18n.OptQuery), Required: true, MaxLength: 300},
			},
		},
		{
			Name:                     cmdSources,
			Description:              english(i18n.CmdSources),
			DescriptionLocalizations: localized(i18n.CmdSources),
		},
		{
			Type:              discordgo.MessageApplicationCommand,
			Name:              cmdAskMessage,
			NameLocalizations: localized(i18n.CmdAskMessage),
		},
	}
	if reload {
		// "0" hides the command from everyone but administrators until a
		// server admin grants it in Server Settings → Integrations; the
		// handler checks the member's permissions again (see canReload).
		noOne, noDMs := int64(0), false
		cmds = append(cmds, &discordgo.ApplicationCommand{
			Name:                     cmdReload,
			Description:              english(i18n.CmdReload),
			DescriptionLocalizations: localized(i18n.CmdReload),
			DefaultMemberPermissions: &noOne,
			DMPermission:             &noDMs,
			Contexts:                 &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild},
		})
	}
	return cmds
}

// indonesian is Discord's Indonesian client, newer than discordgo's list.
const indonesian discordgo.Locale = "id"

// discordLocales are the Discord client languages of each catalogue
// language but English, the commands' own: every client Discord has.
// Discord has no Arabic client.
var discordLocales = map[string][]discordgo.Locale{
	"fr": {discordgo.French}, "de": {discordgo.German}, "es": {discordgo.SpanishES, discordgo.SpanishLATAM},
	"pt": {discordgo.PortugueseBR}, "ru": {discordgo.Russian}, "ja": {discordgo.Japanese},
	"zh": {discordgo.ChineseCN}, "zh-Hant": {discordgo.ChineseTW},
	"ko": {discordgo.Korean}, "uk": {discordgo.Ukrainian}, "it": {discordgo.Italian}, "nl": {discordgo.Dutch},
	"pl": {discordgo.Polish}, "tr": {discordgo.Turkish}, "vi": {discordgo.Vietnamese}, "id": {indonesian},
	"hi": {discordgo.Hindi}, "th": {discordgo.Thai}, "cs": {discordgo.Czech}, "sv": {discordgo.Swedish},
	"da": {discordgo.Danish}, "nb": {discordgo.Norwegian}, "fi": {discordgo.Finnish}, "el": {discordgo.Greek},
	"ro": {discordgo.Romanian}, "hu": {discordgo.Hungarian}, "bg": {discordgo.Bulgarian},
	"hr": {discordgo.Croatian}, "lt": {discordgo.Lithuanian},
}

// localized is message k for every Discord client language the catalogue
// has, so that commands read in the user's language.
func localized(k i18n.Key) *map[discordgo.Locale]string {
	m := map[discordgo.Locale]string{}
	for lang, locales := range discordLocales {
		for _, l := range locales {
			m[l] = i18n.Text(lang, k)
		}
	}
	return &m
}

func english(k i18n.Key) string { return i18n.Text(i18n.English, k) }
