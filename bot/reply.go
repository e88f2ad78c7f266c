package bot

import (
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"corpusbot/text"
)

// reply is one message as the bot sends it, whatever the route. Its
// conversions are the only places the bot builds a Discord message body,
// and every one of them sets allowed mentions that ping no one.
type reply struct {
	content    string
	embeds     []*discordgo.MessageEmbed
	components []discordgo.MessageComponent
	ephemeral  bool                        // interactions only
	replyTo    *discordgo.MessageReference // channel messages only
}

// noPings allows no mention of any kind. Parse must be an empty, non-nil
// slice: nil marshals as "parse": null, which Discord reads as "use the
// defaults" and pings @everyone.
func noPings() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// text returns the content within Discord's limit. Callers split long text
// with Split first; this is the net under them.
func (r reply) text() string {
	if utf8.RuneCountInString(r.content) <= MaxMessageLen {
		return r.content
	}
	return text.Clip(r.content, MaxMessageLen)
}

func (r reply) flags() discordgo.MessageFlags {
	if r.ephemeral {
		return discordgo.MessageFlagsEphemeral
	}
	return 0
}

// send is a new channel message or reply.
func (r reply) send() *discordgo.MessageSend {
	return &discordgo.MessageSend{
		Content:         r.text(),
		Embeds:          r.embeds,
		Components:      r.components,
		AllowedMentions: noPings(),
		Reference:       r.replyTo,
	}
}

// edit makes a channel message exactly r: content, embeds and components
// are all replaced.
func (r reply) edit(channelID, messageID string) *discordgo.MessageEdit {
	content := r.text()
	embeds := nonNil(r.embeds)
	components := nonNil(r.components)
	return &discordgo.MessageEdit{
		Channel:         channelID,
		ID:              messageID,
		Content:         &content,
		Embeds:          &embeds,
		Components:      &components,
		AllowedMentions: noPings(),
	}
}

// webhookEdit makes an interaction's message exactly r.
func (r reply) webhookEdit() *discordgo.WebhookEdit {
	content := r.text()
	embeds := nonNil(r.embeds)
	components := nonNil(r.components)
	return &discordgo.WebhookEdit{
		Content:         &content,
		Embeds:          &embeds,
		Components:      &components,
		AllowedMentions: noPings(),
	}
}

// followup is an interaction follow-up message.
func (r reply) followup() *discordgo.WebhookParams {
	return &discordgo.WebhookParams{
		Content:         r.text(),
		Embeds:          r.embeds,
		Components:      r.components,
		AllowedMentions: noPings(),
		Flags:           r.flags(),
	}
}

// message answers an interaction at once (callback type 4).
func (r reply) message() *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: r.data(),
	}
}

// deferred acknowledges an interaction (callback type 5); the visibility
// of everything that follows is decided here.
func (r reply) deferred() *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{AllowedMentions: noPings(), Flags: r.flags()},
	}
}

func (r reply) data() *discordgo.InteractionResponseData {
	return &discordgo.InteractionResponseData{
		Content:         r.text(),
		Embeds:          r.embeds,
		Components:      r.components,
		AllowedMentions: noPings(),
		Flags:           r.flags(),
	}
}

// choices answers an autocomplete request (callback type 8).
func choices(cs []*discordgo.ApplicationCommandOptionChoice) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: nonNil(cs), AllowedMentions: noPings()},
	}
}

// nonNil turns nil into an empty slice, so that an edit clears the field
// ("[]") instead of leaving it out.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
