package bot

import "github.com/bwmarrin/discordgo"

// Command names, as registered.
const (
	cmdAsk        = "ask"
	cmdSummary    = "summary"
	cmdBriefing   = "briefing"
	cmdSearch     = "search"
	cmdSources    = "sources"
	cmdAskMessage = "Ask the corpus" // message context menu
)

// commands is what the bot registers by bulk overwrite at start.
func commands() []*discordgo.ApplicationCommand {
	str := discordgo.ApplicationCommandOptionString
	return []*discordgo.ApplicationCommand{
		{
			Name:        cmdAsk,
			Description: "Ask a question; the answer cites the documents",
			Options: []*discordgo.ApplicationCommandOption{
				{Type: str, Name: "question", Description: "Your question", Required: true, MaxLength: 1500},
				{Type: discordgo.ApplicationCommandOptionBoolean, Name: "private", Description: "Only you see the answer"},
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
}
