package bot

import (
	"context"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"corpusbot/answer"
	"corpusbot/i18n"
	"corpusbot/store"
	"corpusbot/text"
)

// threadArchiveMinutes is how long an idle answer thread stays open: a day.
const threadArchiveMinutes = 1440

func (b *Bot) onMessageCreate(_ *discordgo.Session, mc *discordgo.MessageCreate) {
	if mc.Message == nil || !b.cfg.Shard.Owns(mc.GuildID) || !b.seen.first("m"+mc.ID) || !b.work.add() {
		return
	}
	defer b.work.done()
	b.handleMessage(b.sendCtx, mc.Message)
}

// handleMessage answers a message that asks the bot something: a mention,
// a DM, or a follow-up in a thread the bot opened. It returns quickly; the
// answer is written on its own goroutine.
func (b *Bot) handleMessage(ctx context.Context, m *discordgo.Message) {
	me := b.me()
	if me == "" || m.Author == nil || m.Author.Bot || m.Author.ID == me || m.WebhookID != "" {
		return
	}
	if m.Type != discordgo.MessageTypeDefault && m.Type != discordgo.MessageTypeReply {
		return // joins, pins, thread starters and other system messages
	}
	if !b.servesGuild(m.GuildID) {
		return // another server: not one the bot is set up for
	}
	dm := m.GuildID == ""
	mentioned := mentions(m, me)
	var th store.Thread
	linked := false
	if !dm {
		t, ok, err := b.conversations.Thread(ctx, m.ChannelID)
		if err != nil {
			b.log.Error("looking up a thread failed", "channel", m.ChannelID, "error", err)
		}
		th, linked = t, ok
	}
	// A reply to one of the bot's answers continues it, mentioned or not.
	replying := !dm && !linked && b.isAnswer(m.ReferencedMessage)
	// @everyone and @here alone are noise, not questions for the bot.
	if !dm && !mentioned && !linked && !replying {
		return
	}
	q := questionText(m.Content, me, m.Mentions)
	if r := m.ReferencedMessage; q == "" && mentioned && r != nil && !replying {
		// "@bot" in reply to a message asks about that message.
		q = strings.TrimSpace(plainMentions(r.Content, r.Mentions))
	}
	// A message has no locale: the question's language, else the
	// server's preferred one.
	lang := i18n.Reply(q, b.guildLocale(m.GuildID))
	if q == "" {
		switch {
		case mentioned || dm:
			b.replyTo(ctx, m, withExample(lang, i18n.EmptyQuestion, b.answers.Documents()))
		case linked && !b.cfg.MessageContentIntent:
			// Without the message content intent, follow-ups arrive
			// empty: say once how to ask here.
			b.hintOnce(ctx, m)
		}
		return
	}
	if b.isStopping() {
		b.replyTo(ctx, m, i18n.Text(lang, i18n.Restarting))
		return
	}
	parent := th.ParentChannelID
	if !dm && parent == "" && len(b.access.channels) > 0 {
		_, parent, _ = b.channelInfo(ctx, m.ChannelID)
	}
	chOK := b.access.channelOK(m.ChannelID, parent, dm)
	if !chOK || !b.access.rolesOK(memberRoles(m), dm) {
		b.replyTo(ctx, m, b.access.refusal(chOK, lang))
		return
	}
	if wait, ok := b.takeToken(ctx, m.Author.ID); !ok {
		b.replyTo(ctx, m, cooldownText(wait, lang))
		return
	}
	if !b.goWork(func() { b.answerMessage(m, q, linked) }) {
		b.refundToken(m.Author.ID)
	}
}

// answerMessage opens a thread when the mode says so, loads the
// conversation and writes the answer.
func (b *Bot) answerMessage(m *discordgo.Message, q string, linked bool) {
	ctx := b.sendCtx
	dm := m.GuildID == ""
	no := false
	channel := m.ChannelID
	ref := &discordgo.MessageReference{MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID, FailIfNotExists: &no}
	name := "mention"
	var notes []string
	var conv conversation
	chain, replying := b.replyConversation(ctx, m.ChannelID, m.ReferencedMessage)
	inThread := false
	switch {
	case dm:
		name, conv = "dm", b.dmConversation(ctx, m.ChannelID, m.Author.ID, false)
	case linked:
		name, conv, inThread = "follow-up", b.threadConversation(ctx, m.ChannelID), true
	case replying:
		// A reply chain continues in place, in any thread mode.
		name, conv = "reply", chain
	case b.cfg.ThreadMode == ThreadAuto:
		if typ, _, ok := b.channelInfo(ctx, m.ChannelID); ok && isThreadType(typ) {
			inThread = true
			break // already in someone's thread: reply there
		}
		if err := b.answers.Check(q); err != nil {
			break // refused: the reply says why, and no thread is left empty
		}
		th, err := b.api.MessageThreadStartComplex(m.ChannelID, m.ID, &discordgo.ThreadStart{
			Name: threadName(q, i18n.Reply(q, b.guildLocale(m.GuildID))), AutoArchiveDuration: threadArchiveMinutes,
		}, withCtx(ctx))
		if err != nil {
			b.log.Warn("opening a thread failed; replying in the channel", "channel", m.ChannelID, "error", redact(err))
			break
		}
		err = b.conversations.LinkThread(ctx, store.Thread{
			ThreadID: th.ID, ParentChannelID: m.ChannelID, GuildID: m.GuildID, StarterUserHash: b.users.HashUser(m.Author.ID),
		})
		if err != nil {
			b.log.Error("linking the thread failed; follow-ups there will not be answered", "thread", th.ID, "error", err)
			notes = append(notes, i18n.Text(i18n.Reply(q, b.guildLocale(m.GuildID)), i18n.ThreadNotSaved))
		} else {
			conv = conversation{id: th.ID}
		}
		// The thread starts from the question, so the answer needs no reply
		// reference.
		channel, ref, inThread = th.ID, nil, true
	}
	history := conv.history()
	// The question's language, else the conversation's, else the server's.
	guild := b.guildLocale(m.GuildID)
	lang := i18n.Reply(q, i18n.OfWith(userTurns(history), guild), guild)
	b.runJob(job{
		name:     name,
		question: q,
		lang:     lang,
		run: func(ctx context.Context, onDelta func(string)) (*answer.Result, error) {
			return b.answers.Ask(ctx, answer.Question{Text: q, History: history, OnDelta: onDelta, Lang: lang})
		},
		sink:      &channelSink{api: b.api, channelID: channel, replyTo: ref, botID: b.me(), lang: lang},
		guildID:   m.GuildID,
		channelID: channel,
		userID:    m.Author.ID,
		conv:      conv,
		inThread:  inThread,
		typingIn:  channel,
		charged:   true,
		notes:     notes,
	})
}

// replyTo answers m with a short text.
func (b *Bot) replyTo(ctx context.Context, m *discordgo.Message, text string) {
	no := false
	r := reply{content: text, replyTo: &discordgo.MessageReference{MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID, FailIfNotExists: &no}}
	if _, err := b.api.ChannelMessageSendComplex(m.ChannelID, r.send(), withCtx(ctx)); err != nil {
		b.log.Warn("replying failed", "channel", m.ChannelID, "error", redact(err))
	}
}

// mentions reports whether m mentions the user me directly (not through
// @everyone, @here or a role).
func mentions(m *discordgo.Message, me string) bool {
	for _, u := range m.Mentions {
		if u != nil && u.ID == me {
			return true
		}
	}
	return strings.Contains(m.Content, "<@"+me+">") || strings.Contains(m.Content, "<@!"+me+">")
}

// questionText is the content without the bot's mentions and the
// punctuation that follows them ("@bot, why …"), other mentions made plain
// (see plainMentions) with users, the message's mentioned users.
func questionText(content, me string, users []*discordgo.User) string {
	s := strings.ReplaceAll(content, "<@!"+me+">", " ")
	s = strings.ReplaceAll(s, "<@"+me+">", " ")
	s = plainMentions(s, users)
	s = strings.TrimSpace(s)
	s = strings.TrimLeft(s, ",:;-— \t\n")
	return strings.TrimSpace(s)
}

// mentionSyntaxRE matches user, role and channel mentions: <@id>, <@!id>,
// <@&id>, <#id>.
var mentionSyntaxRE = regexp.MustCompile(`<(@[!&]?|#)([0-9]+)>`)

// plainMentions replaces the mentions in a question with what a reader
// sees, so that no member's, role's or channel's ID goes to the model or
// the database: "@" and the display name of a user found in users (a
// message's Mentions), else "@user"; "@role"; "#channel". It drops the
// question's control characters too (text.WithoutControls).
func plainMentions(s string, users []*discordgo.User) string {
	return mentionSyntaxRE.ReplaceAllStringFunc(text.WithoutControls(s), func(m string) string {
		sub := mentionSyntaxRE.FindStringSubmatch(m)
		switch sub[1] {
		case "@&":
			return "@role"
		case "#":
			return "#channel"
		}
		for _, u := range users {
			if u != nil && u.ID == sub[2] {
				if name := text.OneLine(u.DisplayName()); name != "" {
					return "@" + name
				}
			}
		}
		return "@user"
	})
}

// threadName names the thread opened for a question: its first line,
// cleaned of what could hide or disguise text (control, format and bidi
// characters, NUL, piles of combining marks), with Markdown syntax taken
// out (a name is shown raw in the channel list but rendered elsewhere),
// shortened to fit Discord's 100 characters; "Question" (in lang) when
// nothing is left.
func threadName(q, lang string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(q), "\n")
	var b strings.Builder
	marks := 0
	prev := rune(-1) // the last rune kept
	for i, r := range line {
		switch {
		case unicode.Is(unicode.Cf, r):
			if next, _ := utf8.DecodeRuneInString(line[i+utf8.RuneLen(r):]); !text.WordJoiner(prev, r, next) {
				continue // a joiner a word is spelled with stays
			}
		case r == utf8.RuneError, unicode.IsControl(r):
			continue
		case unicode.In(r, unicode.Mn, unicode.Me):
			if marks >= maxCombining {
				continue
			}
			marks++
		default:
			marks = 0
		}
		b.WriteRune(r)
		prev = r
	}
	name := maskedLinkRE.ReplaceAllString(b.String(), "$1")
	name = markupRE.ReplaceAllString(name, "")
	name = strings.TrimLeft(text.OneLine(name), "#>-• ")
	name = text.OneLine(name)
	if strings.IndexFunc(name, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) < 0 {
		return i18n.Text(lang, i18n.ThreadName)
	}
	return text.Clip(name, 90)
}

// maxCombining is how many combining marks a thread name keeps on one
// character: enough for any script, too few to smear over the line.
const maxCombining = 2

var (
	// maskedLinkRE is a Markdown link [text](url); the name keeps text.
	maskedLinkRE = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	// markupRE is Markdown syntax: code fences and ticks, and the doubled
	// characters of bold, underline, strike-through and spoilers.
	markupRE = regexp.MustCompile("`+|\\*\\*+|__+|~~+|\\|\\|+")
)

func memberRoles(m *discordgo.Message) []string {
	if m.Member == nil {
		return nil
	}
	return m.Member.Roles
}

func isThreadType(t discordgo.ChannelType) bool {
	return t == discordgo.ChannelTypeGuildPublicThread || t == discordgo.ChannelTypeGuildPrivateThread || t == discordgo.ChannelTypeGuildNewsThread
}

// channelInfo returns a channel's type and parent, from the gateway's state
// when it knows the channel, else from the API.
func (b *Bot) channelInfo(ctx context.Context, id string) (discordgo.ChannelType, string, bool) {
	if typ, parent, ok := b.stateChannel(id); ok {
		return typ, parent, true
	}
	c, err := b.api.Channel(id, withCtx(ctx))
	if err != nil {
		b.log.Warn("looking up a channel failed", "channel", id, "error", redact(err))
		return 0, "", false
	}
	return c.Type, c.ParentID, true
}

// userTurns joins what the user asked in history: its language is the
// conversation's.
func userTurns(history []answer.Turn) string {
	var asked []string
	for _, t := range history {
		if t.Role == "user" {
			asked = append(asked, t.Text)
		}
	}
	return strings.Join(asked, " ")
}
