package bot

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/bwmarrin/discordgo"

	"corpusbot/answer"
	"corpusbot/corpus"
	"corpusbot/i18n"
	"corpusbot/store"
	"corpusbot/text"
)

func (b *Bot) onInteractionCreate(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
	if ic.Interaction == nil || !b.cfg.Shard.Owns(ic.GuildID) || !b.seen.first("i"+ic.ID) || !b.work.add() {
		return
	}
	defer b.work.done()
	b.handleInteraction(b.sendCtx, ic.Interaction, time.Now())
}

// handleInteraction routes an interaction to its command's method. Each
// acknowledges within Discord's 3 seconds: in-memory checks, then a
// deferred response, then the work.
func (b *Bot) handleInteraction(ctx context.Context, i *discordgo.Interaction, received time.Time) {
	if !b.servesGuild(i.GuildID) {
		if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
			if err := b.api.InteractionRespond(i, choices(nil), withCtx(ctx)); err != nil {
				b.log.Warn("autocomplete failed", "error", redact(err))
			}
			return
		}
		b.respondEphemeral(ctx, i, i18n.Text(interactionLang(i, ""), i18n.OtherGuild))
		return
	}
	if !hasData(i) {
		// discordgo passes on an event whose data it could not read with
		// Data nil, and its accessors panic on that.
		b.log.Warn("interaction without readable data", "type", i.Type.String())
		switch i.Type {
		case discordgo.InteractionApplicationCommandAutocomplete:
			if err := b.api.InteractionRespond(i, choices(nil), withCtx(ctx)); err != nil {
				b.log.Warn("autocomplete failed", "error", redact(err))
			}
		case discordgo.InteractionApplicationCommand:
			b.respondEphemeral(ctx, i, i18n.Text(interactionLang(i, ""), i18n.UnknownCommand))
		case discordgo.InteractionMessageComponent:
			b.respondEphemeral(ctx, i, i18n.Text(interactionLang(i, ""), i18n.StaleButton))
		}
		return
	}
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		switch d := i.ApplicationCommandData(); d.Name {
		case cmdAsk:
			b.ask(ctx, i, received)
		case cmdSummary:
			b.summary(ctx, i, received)
		case cmdBriefing:
			b.briefing(ctx, i, received)
		case cmdSearch:
			b.search(ctx, i)
		case cmdSources:
			b.sources(ctx, i)
		case cmdAskMessage:
			b.askMessage(ctx, i, received)
		case cmdReload:
			b.reload(ctx, i)
		default:
			b.respondEphemeral(ctx, i, i18n.Text(interactionLang(i, ""), i18n.UnknownCommand))
		}
	case discordgo.InteractionApplicationCommandAutocomplete:
		b.autocomplete(ctx, i)
	case discordgo.InteractionMessageComponent:
		b.button(ctx, i)
	}
}

// ask is /ask question:<text> [private:<bool>].
func (b *Bot) ask(ctx context.Context, i *discordgo.Interaction, received time.Time) {
	d := i.ApplicationCommandData()
	// Mentions typed in an option arrive as <@id>, with no user to name.
	q := strings.TrimSpace(plainMentions(optString(d.Options, "question"), nil))
	lang := interactionLang(i, q)
	if !b.allowed(ctx, i, lang) {
		return
	}
	if blank(q) {
		b.respondEphemeral(ctx, i, withExample(lang, i18n.EmptyQuestion, b.answers.Documents()))
		return
	}
	private, fresh := optBool(d.Options, "private"), optBool(d.Options, "new")
	var conv conversation // loaded after the acknowledgement, before run
	b.startAnswer(ctx, i, received, answerRequest{
		name: cmdAsk, question: q, private: private, lang: lang,
		conversation: func(ctx context.Context) conversation {
			conv = b.askConversation(ctx, i, fresh, private)
			return conv
		},
		run: func(ctx context.Context, onDelta func(string)) (*answer.Result, error) {
			return b.answers.Ask(ctx, answer.Question{Text: q, History: conv.history(), OnDelta: onDelta, Lang: lang})
		},
	})
}

// askConversation is the conversation /ask continues: the DM's, or the
// thread's when asked in a thread the bot opened. fresh starts a new one
// (new:true). A private answer in a thread reads the thread but is not
// added to it, so that nothing private reaches later public answers.
func (b *Bot) askConversation(ctx context.Context, i *discordgo.Interaction, fresh, private bool) conversation {
	if i.GuildID == "" {
		return b.dmConversation(ctx, i.ChannelID, interactionUser(i).ID, fresh)
	}
	_, linked, err := b.conversations.Thread(ctx, i.ChannelID)
	if err != nil {
		b.log.Error("looking up a thread failed", "channel", i.ChannelID, "error", err)
	}
	if !linked {
		return conversation{}
	}
	conv := conversation{id: i.ChannelID}
	if !fresh {
		conv = b.threadConversation(ctx, i.ChannelID)
	}
	if private {
		conv.id = ""
	}
	return conv
}

// askMessage is the message command "Ask the corpus": the message's text
// is the question.
func (b *Bot) askMessage(ctx context.Context, i *discordgo.Interaction, received time.Time) {
	d := i.ApplicationCommandData()
	var q string
	if d.Resolved != nil {
		if m := d.Resolved.Messages[d.TargetID]; m != nil {
			q = strings.TrimSpace(plainMentions(m.Content, m.Mentions))
		}
	}
	lang := interactionLang(i, q)
	if !b.allowed(ctx, i, lang) {
		return
	}
	if blank(q) {
		b.respondEphemeral(ctx, i, i18n.Text(lang, i18n.NoMessageText))
		return
	}
	b.startAnswer(ctx, i, received, answerRequest{
		name: "ask-message", question: q, lang: lang,
		header: "> " + Neutralize(escapeMarkdown(text.Clip(text.OneLine(q), 200))),
		run: func(ctx context.Context, onDelta func(string)) (*answer.Result, error) {
			return b.answers.Ask(ctx, answer.Question{Text: q, OnDelta: onDelta, Lang: lang})
		},
	})
}

// summary is /summary document:<id> | topic:<text>, exactly one of them.
func (b *Bot) summary(ctx context.Context, i *discordgo.Interaction, received time.Time) {
	d := i.ApplicationCommandData()
	doc, topic := strings.TrimSpace(optString(d.Options, "document")), strings.TrimSpace(plainMentions(optString(d.Options, "topic"), nil))
	lang := interactionLang(i, topic)
	if !b.allowed(ctx, i, lang) {
		return
	}
	if (doc == "") == (topic == "") {
		b.respondEphemeral(ctx, i, i18n.Text(lang, i18n.SummaryOne))
		return
	}
	question := topic
	if doc != "" {
		matches := matchDocuments(b.answers.Documents(), doc)
		switch {
		case len(matches) == 0:
			b.respondEphemeral(ctx, i, i18n.Text(lang, i18n.UnknownDocument))
			return
		case len(matches) > 1:
			b.respondEphemeral(ctx, i, severalDocsText(doc, matches, lang))
			return
		}
		doc = matches[0].ID
		question = doc
	}
	b.startAnswer(ctx, i, received, answerRequest{
		name: cmdSummary, question: question, lang: lang,
		run: func(ctx context.Context, onDelta func(string)) (*answer.Result, error) {
			return b.answers.Summarize(ctx, answer.SummaryRequest{DocID: doc, Topic: topic, OnDelta: onDelta, Lang: lang})
		},
	})
}

// briefing is /briefing [topic:<text>].
func (b *Bot) briefing(ctx context.Context, i *discordgo.Interaction, received time.Time) {
	topic := strings.TrimSpace(plainMentions(optString(i.ApplicationCommandData().Options, "topic"), nil))
	lang := interactionLang(i, topic)
	if !b.allowed(ctx, i, lang) {
		return
	}
	b.startAnswer(ctx, i, received, answerRequest{
		name: cmdBriefing, question: topic, header: briefingHeader(received, topic, lang), lang: lang,
		run: func(ctx context.Context, onDelta func(string)) (*answer.Result, error) {
			return b.answers.Brief(ctx, answer.BriefingRequest{Topic: topic, OnDelta: onDelta, Lang: lang})
		},
	})
}

// search is /search query:<text>: ranked passages with scores, no model.
// The result is private: it is a tool for checking, not an answer.
func (b *Bot) search(ctx context.Context, i *discordgo.Interaction) {
	q := strings.TrimSpace(optString(i.ApplicationCommandData().Options, "query"))
	lang := interactionLang(i, q)
	if !b.allowed(ctx, i, lang) || !b.deferResponse(ctx, i, true) {
		return
	}
	b.metrics.Question(cmdSearch)
	matches, err := b.answers.Search(ctx, q, b.cfg.SearchResults)
	r := renderSearch(q, matches, lang)
	if err != nil {
		b.log.Info("search failed", "error", err)
		r = reply{content: b.userText(err, lang)}
	}
	b.editResponse(ctx, i, r)
}

// sources is /sources: the documents, privately.
func (b *Bot) sources(ctx context.Context, i *discordgo.Interaction) {
	lang := interactionLang(i, "")
	if !b.allowed(ctx, i, lang) || !b.deferResponse(ctx, i, true) {
		return
	}
	parts := renderDocuments(b.answers.Documents(), lang)
	for n, p := range parts {
		if n == 0 {
			b.editResponse(ctx, i, p)
			continue
		}
		if _, err := b.api.FollowupMessageCreate(i, true, p.followup(), withCtx(ctx)); err != nil {
			b.log.Warn("sending the document list failed", "error", redact(err))
			return
		}
	}
}

// autocomplete suggests documents for /summary's document option.
func (b *Bot) autocomplete(ctx context.Context, i *discordgo.Interaction) {
	d := i.ApplicationCommandData()
	var cs []*discordgo.ApplicationCommandOptionChoice
	if d.Name == cmdSummary {
		for _, o := range d.Options {
			if o.Focused && o.Name == "document" {
				v, _ := o.Value.(string)
				cs = docChoices(b.answers.Documents(), v)
			}
		}
	}
	if err := b.api.InteractionRespond(i, choices(cs), withCtx(ctx)); err != nil {
		b.log.Warn("autocomplete failed", "error", redact(err))
	}
}

// button handles "Show passage [n]" and the votes.
func (b *Bot) button(ctx context.Context, i *discordgo.Interaction) {
	btn, err := parseCustomID(i.MessageComponentData().CustomID)
	if err != nil {
		b.respondEphemeral(ctx, i, i18n.Text(interactionLang(i, ""), i18n.StaleButton))
		return
	}
	if !b.allowed(ctx, i, interactionLang(i, "")) || !b.deferResponse(ctx, i, true) {
		return
	}
	switch btn.kind {
	case buttonPassage:
		for n, r := range b.showPassage(ctx, i, btn) {
			if n == 0 {
				b.editResponse(ctx, i, r)
				continue
			}
			if _, err := b.api.FollowupMessageCreate(i, true, r.followup(), withCtx(ctx)); err != nil {
				b.log.Warn("sending a passage page failed", "page", n+1, "error", redact(err))
				return
			}
		}
	case buttonVote:
		b.editResponse(ctx, i, b.vote(ctx, i, btn))
	case buttonNew:
		b.editResponse(ctx, i, b.newConversation(ctx, i))
	}
}

// showPassage is citation [n] of an answer: every passage of the block it
// cites, the verified quote in bold, found through the store so that it
// works after a restart; one reply per page.
func (b *Bot) showPassage(ctx context.Context, i *discordgo.Interaction, btn button) []reply {
	a, ok, err := b.answerLog.Answer(ctx, btn.answerID)
	// In the answer's language, which the clicker read, else theirs.
	lang := interactionLang(i, "")
	if ok {
		lang = answerLang(a.Lang, i)
	}
	if err != nil {
		b.log.Error("loading an answer failed", "answer", btn.answerID, "error", err)
		return []reply{{content: i18n.Text(lang, i18n.Failed)}}
	}
	if !ok {
		return []reply{{content: i18n.Text(lang, i18n.AnswerGone)}}
	}
	for _, s := range a.Sources {
		if s.N != btn.n {
			continue
		}
		var ps []corpus.Passage
		var d corpus.Document
		for i := s.Passage; i <= max(s.LastPassage, s.Passage); i++ {
			p, doc, ok := b.answers.Passage(s.DocID, i)
			if !ok {
				return []reply{{content: i18n.Text(lang, i18n.PassageGone, btn.n)}}
			}
			ps, d = append(ps, p), doc
		}
		if s.Quote == "" && moved(s, ps) {
			// Reloaded documents number their passages anew: without a
			// quote to find, another text at the same place is not to be
			// shown as the one cited.
			return []reply{{content: i18n.Text(lang, i18n.PassageGone, btn.n)}}
		}
		return renderBlock(btn.n, d, ps, s.Quote, lang)
	}
	return []reply{{content: i18n.Text(lang, i18n.NoSuchPassage, btn.n)}}
}

// moved reports whether the block at a source's passages now spans other
// lines than when the answer was recorded (lines recorded: not a PDF's
// pages, not an answer recorded before lines were).
func moved(s store.SourceRef, ps []corpus.Passage) bool {
	if s.LineStart == 0 || len(ps) == 0 {
		return false
	}
	return ps[0].LineStart != s.LineStart || ps[len(ps)-1].LineEnd != s.LineEnd
}

// VoteRecorder keeps the votes cast with the buttons under answers.
type VoteRecorder interface {
	RecordVote(ctx context.Context, v store.Vote) error
}

// vote records 👍 or 👎 on an answer; one vote per user, the last counts.
func (b *Bot) vote(ctx context.Context, i *discordgo.Interaction, btn button) reply {
	var question string
	lang := interactionLang(i, "")
	if a, ok, err := b.answerLog.Answer(ctx, btn.answerID); err == nil && ok {
		question, lang = a.Question, answerLang(a.Lang, i)
	}
	err := b.votes.RecordVote(ctx, store.Vote{
		AnswerID: btn.answerID, Question: question,
		UserHash: b.users.HashUser(interactionUser(i).ID), Value: btn.vote,
	})
	if err != nil {
		b.log.Error("recording a vote failed", "answer", btn.answerID, "error", err)
		return reply{content: i18n.Text(lang, i18n.VoteNotSaved)}
	}
	b.log.Info("vote", "answer", btn.answerID, "value", btn.vote)
	b.metrics.Vote(btn.vote)
	if btn.vote > 0 {
		return reply{content: i18n.Text(lang, i18n.VotedUp)}
	}
	return reply{content: i18n.Text(lang, i18n.VotedDown)}
}

// answerRequest is an answer-writing command after its options are read.
type answerRequest struct {
	name     string
	question string
	private  bool
	header   string
	lang     string // the catalogue language of the bot's own texts
	// conversation, when set, loads what the question continues; it runs
	// after the interaction is acknowledged and before run.
	conversation func(ctx context.Context) conversation
	run          func(ctx context.Context, onDelta func(string)) (*answer.Result, error)
}

// startAnswer takes a token of the user's bucket, defers the interaction
// with its visibility, and writes the answer on its own goroutine, which
// waits for a place in the queue.
func (b *Bot) startAnswer(ctx context.Context, i *discordgo.Interaction, received time.Time, r answerRequest) {
	user := interactionUser(i)
	if wait, ok := b.takeToken(ctx, user.ID); !ok {
		b.respondEphemeral(ctx, i, cooldownText(wait, r.lang))
		return
	}
	if !b.deferResponse(ctx, i, r.private) {
		b.refundToken(user.ID)
		return
	}
	s := &interactionSink{
		api: b.api, i: i, ephemeral: r.private, expires: received.Add(tokenLife), userID: user.ID, lang: r.lang,
		onExpire: func() {
			b.log.Warn("interaction token expired; posting the answer as a message", "command", r.name, "channel", i.ChannelID)
		},
	}
	j := job{
		name: r.name, question: r.question, run: r.run, sink: s, header: r.header,
		guildID: i.GuildID, channelID: i.ChannelID, userID: user.ID, charged: true, lang: r.lang,
		queued: func(ctx context.Context, ahead int) {
			if err := s.show(ctx, reply{content: queuedText(ahead, r.lang)}); err != nil {
				b.log.Warn("showing the queue position failed", "error", redact(err))
			}
		},
	}
	if !b.goWork(func() {
		if r.conversation != nil {
			j.conv = r.conversation(b.sendCtx)
			// A question too short to tell takes the conversation's
			// language, as the answer does.
			if i18n.Of(r.question) == "" {
				if l := i18n.OfWith(userTurns(j.conv.history()), interactionLocales(i)...); l != "" {
					j.lang = l
				}
			}
		}
		b.runJob(j)
	}) {
		b.refundToken(user.ID)
		b.editResponse(ctx, i, reply{content: i18n.Text(r.lang, i18n.Restarting)})
	}
}

// allowed applies the shutdown state and the allow-lists, answering a
// refusal privately, in lang.
func (b *Bot) allowed(ctx context.Context, i *discordgo.Interaction, lang string) bool {
	if b.isStopping() {
		b.respondEphemeral(ctx, i, i18n.Text(lang, i18n.Restarting))
		return false
	}
	dm := i.GuildID == ""
	parent := ""
	if !dm && len(b.access.channels) > 0 && !b.access.channelOK(i.ChannelID, "", false) {
		_, parent, _ = b.channelInfo(ctx, i.ChannelID) // a thread of an allowed channel?
	}
	var roles []string
	if i.Member != nil {
		roles = i.Member.Roles
	}
	chOK := b.access.channelOK(i.ChannelID, parent, dm)
	if chOK && b.access.rolesOK(roles, dm) {
		return true
	}
	b.respondEphemeral(ctx, i, b.access.refusal(chOK, lang))
	return false
}

// deferResponse acknowledges i ("thinking…"), privately or not.
func (b *Bot) deferResponse(ctx context.Context, i *discordgo.Interaction, private bool) bool {
	if err := b.api.InteractionRespond(i, reply{ephemeral: private}.deferred(), withCtx(ctx)); err != nil {
		b.log.Error("acknowledging an interaction failed", "error", redact(err))
		return false
	}
	return true
}

func (b *Bot) respondEphemeral(ctx context.Context, i *discordgo.Interaction, text string) {
	if err := b.api.InteractionRespond(i, reply{content: text, ephemeral: true}.message(), withCtx(ctx)); err != nil {
		b.log.Warn("answering an interaction failed", "error", redact(err))
	}
}

func (b *Bot) editResponse(ctx context.Context, i *discordgo.Interaction, r reply) {
	if _, err := b.api.InteractionResponseEdit(i, r.webhookEdit(), withCtx(ctx)); err != nil {
		b.log.Warn("editing an interaction response failed", "error", redact(err))
	}
}

// hasData reports whether i carries the data its type calls for.
func hasData(i *discordgo.Interaction) bool {
	switch i.Type {
	case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete:
		_, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
		return ok
	case discordgo.InteractionMessageComponent:
		_, ok := i.Data.(discordgo.MessageComponentInteractionData)
		return ok
	}
	return true
}

// interactionUser is who used the interaction: the member in a guild, the
// user in a DM.
func interactionUser(i *discordgo.Interaction) *discordgo.User {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User
	}
	if i.User != nil {
		return i.User
	}
	return &discordgo.User{}
}

// blank reports whether s holds nothing to ask: only white space and
// invisible characters (zero-width spaces, bidi marks), which the pipeline
// strips anyway.
func blank(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) && !unicode.IsControl(r)
	}) < 0
}

func optString(opts []*discordgo.ApplicationCommandInteractionDataOption, name string) string {
	for _, o := range opts {
		if o.Name == name {
			s, _ := o.Value.(string)
			return s
		}
	}
	return ""
}

func optBool(opts []*discordgo.ApplicationCommandInteractionDataOption, name string) bool {
	for _, o := range opts {
		if o.Name == name {
			v, _ := o.Value.(bool)
			return v
		}
	}
	return false
}

// matchDocuments finds the document a user named: the one with that exact
// ID, else every document whose ID or title contains the text
// (case-insensitively).
func matchDocuments(docs []corpus.Document, s string) []corpus.Document {
	for _, d := range docs {
		if d.ID == s {
			return []corpus.Document{d}
		}
	}
	l := strings.ToLower(s)
	var found []corpus.Document
	for _, d := range docs {
		if strings.Contains(strings.ToLower(d.ID), l) || strings.Contains(strings.ToLower(d.Title), l) {
			found = append(found, d)
		}
	}
	return found
}

// maxOffered is how many matching documents /summary lists.
const maxOffered = 10

// severalDocsText offers the documents that match what a user typed, so
// that they can pick one.
func severalDocsText(typed string, docs []corpus.Document, lang string) string {
	var b strings.Builder
	b.WriteString(i18n.Text(lang, i18n.SeveralDocs, Neutralize(escapeMarkdown(text.Clip(text.OneLine(typed), 100))), i18n.Count(lang, i18n.Documents, len(docs))))
	for _, d := range docs[:min(len(docs), maxOffered)] {
		fmt.Fprintf(&b, "\n- `%s` — %s", strings.ReplaceAll(d.ID, "`", "ʼ"), Neutralize(escapeMarkdown(text.Clip(text.OneLine(d.Title), 120))))
	}
	if len(docs) > maxOffered {
		b.WriteString("\n" + i18n.Count(lang, i18n.MoreDocuments, len(docs)-maxOffered))
	}
	return b.String()
}

// briefingHeader opens a briefing with its time, which each reader's
// client shows in their own time zone.
func briefingHeader(at time.Time, topic, lang string) string {
	h := i18n.Text(lang, i18n.BriefingFor, fmt.Sprintf("<t:%d:f>", at.Unix()))
	if topic != "" {
		h += " — " + Neutralize(escapeMarkdown(text.OneLine(topic)))
	}
	return h
}

// answerLang is the language to show an answer's passages and votes in:
// the answer's own (recorded), when the catalogue has it, else the
// clicker's.
func answerLang(recorded string, i *discordgo.Interaction) string {
	if i18n.Supported(recorded) {
		return recorded
	}
	return interactionLang(i, "")
}
