package bot

import (
	"context"
	"log/slog"
	"strings"

	"github.com/bwmarrin/discordgo"

	"corpusbot/answer"
	"corpusbot/i18n"
	"corpusbot/store"
)

// Conversations. A thread the bot opened is one conversation; a DM is one
// per user, bounded in turns and forgotten after Config.ConversationIdle;
// a Discord reply to one of the bot's answers continues that answer's
// conversation, whatever THREAD_MODE says. They are stored under IDs that
// cannot collide, so nothing crosses threads, DMs or chains: a thread's
// own ID, dmPrefix + the DM channel, replyPrefix + an answer's ID.
const (
	dmPrefix    = "dm:"
	replyPrefix = "reply:"
	hintPrefix  = "hint:" // marks a thread that got the no-intent hint
)

// Conversations keeps the conversations (threads, DMs and reply chains,
// each stored as a thread) and their turns.
type Conversations interface {
	LinkThread(ctx context.Context, t store.Thread) error
	Thread(ctx context.Context, threadID string) (store.Thread, bool, error)
	AppendTurns(ctx context.Context, threadID string, turns ...store.Turn) error
	Turns(ctx context.Context, threadID string, n int) ([]store.Turn, error)
	ClearTurns(ctx context.Context, threadID string) error
}

// conversation is what a question continues and where its turns go.
type conversation struct {
	id    string       // the stored conversation the new turns extend; "" = none
	turns []store.Turn // what it holds so far, oldest first
	// chain marks a reply chain: the turns and the new ones are stored
	// under the new answer's ID, for a reply to that answer.
	chain bool
}

// history is the conversation as the pipeline takes it.
func (c conversation) history() []answer.Turn {
	out := make([]answer.Turn, len(c.turns))
	for i, t := range c.turns {
		out[i] = answer.Turn{Role: t.Role, Text: t.Text}
	}
	return out
}

// threadConversation is the conversation of a thread the bot opened.
func (b *Bot) threadConversation(ctx context.Context, threadID string) conversation {
	return conversation{id: threadID, turns: b.loadTurns(ctx, threadID)}
}

// dmConversation is a user's DM conversation. It starts over when fresh
// is set or when it has been idle longer than Config.ConversationIdle.
func (b *Bot) dmConversation(ctx context.Context, channelID, userID string, fresh bool) conversation {
	id := dmPrefix + channelID
	err := b.conversations.LinkThread(ctx, store.Thread{
		ThreadID: id, ParentChannelID: channelID, StarterUserHash: b.users.HashUser(userID), At: b.cfg.Now(),
	})
	if err != nil {
		b.log.Error("linking the DM conversation failed; answering without it", "error", err)
		return conversation{}
	}
	turns := b.loadTurns(ctx, id)
	idle := len(turns) > 0 && b.cfg.Now().Sub(turns[len(turns)-1].At) > b.cfg.ConversationIdle
	if fresh || idle {
		if len(turns) > 0 {
			if err := b.conversations.ClearTurns(ctx, id); err != nil {
				b.log.Error("starting a new DM conversation failed", "error", err)
			}
			b.log.Debug("new DM conversation", "asked", fresh, "idle", idle)
		}
		turns = nil
	}
	return conversation{id: id, turns: turns}
}

// replyConversation is the conversation a reply to ref continues, when ref
// is one of the bot's answers: the chain stored under it, else its
// question and answer as recorded, else its text as shown without the
// Sources and notes.
func (b *Bot) replyConversation(ctx context.Context, channelID string, ref *discordgo.Message) (conversation, bool) {
	if !b.isAnswer(ref) {
		return conversation{}, false
	}
	if id := answerIDOf(ref.Components); id != "" {
		if turns := b.loadTurns(ctx, replyPrefix+id); len(turns) > 0 {
			return conversation{turns: turns, chain: true}, true
		}
		a, ok, err := b.answerLog.Answer(ctx, id)
		if err != nil {
			b.log.Error("loading a replied-to answer failed", "answer", id, "error", err)
		}
		if ok && a.ChannelID == channelID && a.Text != "" {
			return conversation{chain: true, turns: []store.Turn{
				{Role: store.RoleUser, Text: a.Question}, {Role: store.RoleAssistant, Text: a.Text},
			}}, true
		}
	}
	if t := answerBody(ref.Content); t != "" {
		return conversation{chain: true, turns: []store.Turn{{Role: store.RoleAssistant, Text: t}}}, true
	}
	return conversation{}, false
}

// isAnswer reports whether m is one of the bot's answers (its buttons or
// its Sources say so), not a refusal, a hint or an error message: only an
// answer starts a reply chain.
func (b *Bot) isAnswer(m *discordgo.Message) bool {
	if m == nil || m.Author == nil || m.Author.ID != b.me() {
		return false
	}
	return answerIDOf(m.Components) != "" || strings.Contains(m.Content, "**Sources**")
}

// saveTurns records a question and its answer in the conversation, before
// the answer shows, so that a quick follow-up already sees them. It
// reports false when they could not be saved.
func (b *Bot) saveTurns(ctx context.Context, log *slog.Logger, j job, res *answer.Result) bool {
	now := b.cfg.Now()
	turns := []store.Turn{
		{Role: store.RoleUser, Text: j.question, At: now},
		{Role: store.RoleAssistant, Text: res.HistoryText, At: now},
	}
	id := j.conv.id
	if j.conv.chain {
		if res.ID == "" {
			return true
		}
		id = replyPrefix + res.ID
		if err := b.conversations.LinkThread(ctx, store.Thread{ThreadID: id, ParentChannelID: j.channelID, GuildID: j.guildID, At: now}); err != nil {
			log.Error("saving the reply chain failed", "answer", res.ID, "error", err)
			return false
		}
		earlier := j.conv.turns[max(len(j.conv.turns)-b.cfg.HistoryTurns, 0):]
		turns = append(append([]store.Turn(nil), earlier...), turns...)
	}
	if id == "" {
		return true
	}
	if err := b.conversations.AppendTurns(ctx, id, turns...); err != nil {
		log.Error("saving the conversation failed", "conversation", id, "error", err)
		return false
	}
	return true
}

func (b *Bot) loadTurns(ctx context.Context, id string) []store.Turn {
	turns, err := b.conversations.Turns(ctx, id, b.cfg.HistoryTurns)
	if err != nil {
		b.log.Error("loading the conversation failed; answering without it", "conversation", id, "error", err)
		return nil
	}
	return turns
}

// withNewConversationButton adds "New conversation" beside the votes of a
// DM answer: slash commands may not be offered in DMs (they are not when
// registered to one server), so the button is how a DM starts over.
func withNewConversationButton(parts []reply, answerID, lang string) {
	if len(parts) == 0 || !validAnswerID(answerID) {
		return
	}
	cs := parts[len(parts)-1].components
	if len(cs) == 0 {
		return
	}
	row, ok := cs[len(cs)-1].(discordgo.ActionsRow)
	if !ok || len(row.Components) >= 5 {
		return
	}
	row.Components = append(row.Components, discordgo.Button{
		Label: i18n.Text(lang, i18n.NewConversation), Style: discordgo.SecondaryButton,
		Emoji: &discordgo.ComponentEmoji{Name: "🔄"}, CustomID: newConversationCustomID(answerID),
	})
	cs[len(cs)-1] = row
}

// newConversation is the "New conversation" button: the DM's conversation
// starts over.
func (b *Bot) newConversation(ctx context.Context, i *discordgo.Interaction) reply {
	lang := interactionLang(i, "")
	if i.GuildID != "" {
		return reply{content: i18n.Text(lang, i18n.StaleButton)}
	}
	b.dmConversation(ctx, i.ChannelID, interactionUser(i).ID, true)
	return reply{content: i18n.Text(lang, i18n.ConversationReset)}
}

// answerIDOf finds the answer a message belongs to through its buttons.
func answerIDOf(cs []discordgo.MessageComponent) string {
	for _, c := range cs {
		switch c := c.(type) {
		case *discordgo.ActionsRow:
			if id := answerIDOf(c.Components); id != "" {
				return id
			}
		case *discordgo.Button:
			if btn, err := parseCustomID(c.CustomID); err == nil {
				return btn.answerID
			}
		}
	}
	return ""
}

// answerBody is the answer text of a message the bot rendered: without the
// Sources list, the nearest documents and the small-print notes.
func answerBody(content string) string {
	var keep []string
	for _, line := range strings.Split(content, "\n") {
		if isSourcesHeading(line) || strings.HasPrefix(line, "-# ") {
			break
		}
		keep = append(keep, line)
	}
	return strings.TrimSpace(strings.Join(keep, "\n"))
}

// hintOnce tells, once per thread, someone who wrote in the bot's thread
// without mentioning it that the bot cannot read that: without the
// privileged Message Content intent Discord delivers such messages empty,
// and answering them is not possible within its rules.
func (b *Bot) hintOnce(ctx context.Context, m *discordgo.Message) {
	b.hints.Lock()
	defer b.hints.Unlock()
	id := hintPrefix + m.ChannelID
	if _, seen, err := b.conversations.Thread(ctx, id); err != nil || seen {
		return
	}
	if err := b.conversations.LinkThread(ctx, store.Thread{ThreadID: id, ParentChannelID: m.ChannelID, GuildID: m.GuildID, At: b.cfg.Now()}); err != nil {
		b.log.Error("recording the thread hint failed", "thread", m.ChannelID, "error", err)
		return
	}
	// In the thread's language: its first question's, else the server's.
	first := ""
	for _, t := range b.loadTurns(ctx, m.ChannelID) {
		if t.Role == store.RoleUser {
			first = t.Text
			break
		}
	}
	hint := i18n.Text(i18n.Reply(first, b.guildLocale(m.GuildID)), i18n.ThreadHint)
	b.replyTo(ctx, m, strings.ReplaceAll(hint, "@me", "<@"+b.me()+">"))
}

// isSourcesHeading reports whether line opens the Sources list the bot
// renders, in any of its languages.
func isSourcesHeading(line string) bool {
	for _, h := range i18n.All(i18n.Sources) {
		if strings.HasPrefix(line, "**"+h+"**") {
			return true
		}
	}
	return false
}
