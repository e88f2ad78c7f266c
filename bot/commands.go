package bot

import "github.com/bwmarrin/discordgo"

// Command names, as registered.
const (
	cmdAsk        = "ask"
	cmdSummary    = "summary"
	cmdBriefing   = "briefing"
	cmdSearch     = "search"
	cmdSources    = "sources"
	cmdReload     = "reload"         // registered only with Config.Reload
	cmdAskMessage = "Ask the corpus" // message context menu
)

// commands is what the bot registers by bulk overwrite at start; reload
// adds the admin-only /reload.
func commands(reload bool) []*discordgo.ApplicationCommand {
	str := discordgo.ApplicationCommandOptionString
	cmds := []*discordgo.ApplicationCommand{
		{
			Name:        cmdAsk,
			Description: "Ask a question; the answer cites the documents",
			Options: []*discordgo.ApplicationCommandOption{
				{Type: str, Name: "question", Description: "Your question", Required: true, MaxLength: 1500},
				{Type: discordgo.ApplicationCommandOptionBoolean, Name: "private", Description: "Only you see the answer"},
				{Type: discordgo.ApplicationCommandOptionBoolean, Name: "new", Description: "Start a new conversation: forget the earlier questions here"},
			},
		},
		{
			Name:        cmdSummary,
			Description: "Summarise one document, or what the documents say on a topic",
			Options: []*discordgo.ApplicationCommandOption{
				{Type: str, Name: "document", Description: "A document (by ID or title)", Autocomplete: true},
				{Type: str, Name: "topic", Description: "A topic, instead of a document", MaxLength: 300},
			},
		},
		{
			Name:        cmdBriefing,
			Description: "A cited briefing of the documents, or of a topic",
			Options: []*discordgo.ApplicationCommandOption{
				{Type: str, Name: "topic", Description: "Brief on this topic only", MaxLength: 300},
			},
		},
		{
			Name:        cmdSearch,
			Description: "The best-matching passages with their scores (no language model)",
			Options: []*discordgo.ApplicationCommandOption{
				{Type: str, Name: "query", Description: "Words to search for", Required: true, MaxLength: 300},
			},
		},
		{
			Name:        cmdSources,
			Description: "The documents I answer from",
		},
		{
			Type: discordgo.MessageApplicationCommand,
			Name: cmdAskMessage,
		},
	}
	if reload {
		// "0" hides the command from everyone but administrators until a
		// server admin grants it in Server Settings → Integrations; the
		// handler checks the member's permissions again (see canReload).
		noOne, noDMs := int64(0), false
		cmds = append(cmds, &discordgo.ApplicationCommand{
			Name:                     cmdReload,
			Description:              "Re-read the documents and swap in the new index (admins only)",
			DefaultMemberPermissions: &noOne,
			DMPermission:             &noDMs,
			Contexts:                 &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild},
		})
	}
	return cmds
}
