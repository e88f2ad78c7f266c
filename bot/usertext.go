package bot

import (
	"errors"
	"time"

	"github.com/bwmarrin/discordgo"

	"corpusbot/answer"
	"corpusbot/corpus"
	"corpusbot/i18n"
)

// What users read is the i18n catalogue's: short and specific, what
// happened and what to do, in the reader's language; the detail goes to
// the operator's log.

// userText maps an error to what the user reads, in lang: answer.Kind's
// message, with the wait of a full queue or the limit of an answer that
// ran out of time where the error carries them.
func userText(err error, lang string) string {
	if te, ok := errors.AsType[answerTimeoutError](err); ok {
		// First: it wraps whatever the cancelled model call returned.
		return i18n.Text(lang, i18n.AnswerTimeout, inTime(te.limit, lang))
	}
	if be, ok := errors.AsType[busyError](err); ok {
		return busyText(be.retry, lang)
	}
	return answer.ErrorText(err, lang)
}

// userText is the package's userText, with an example from the documents
// served where the user is asked for a question.
func (b *Bot) userText(err error, lang string) string {
	switch k := answer.KindOf(err); k {
	case answer.KindEmptyQuestion, answer.KindNoWords:
		return withExample(lang, k.Message(), b.answers.Documents())
	}
	return userText(err, lang)
}

// examples are the messages that have a variant naming an example.
var examples = map[i18n.Key]i18n.Key{
	i18n.EmptyQuestion: i18n.EmptyQuestionExample,
	i18n.NoWords:       i18n.NoWordsExample,
}

// withExample is message k in lang, with a title or heading of docs as an
// example of what to ask: examples come from the documents served, never
// from a fixed sample. Without one when no title will do.
func withExample(lang string, k i18n.Key, docs []corpus.Document) string {
	topic := answer.ExampleTopic(docs)
	if ek, ok := examples[k]; ok && topic != "" {
		return i18n.Text(lang, ek, Neutralize(escapeMarkdown(topic)))
	}
	return i18n.Text(lang, k)
}

// cooldownText tells a user how long to wait.
func cooldownText(wait time.Duration, lang string) string {
	return i18n.Text(lang, i18n.Cooldown, inTime(wait, lang))
}

// busyText refuses a question the full queue had no place for, saying
// when to try again.
func busyText(retry time.Duration, lang string) string {
	return i18n.Text(lang, i18n.Busy, inTime(retry, lang))
}

// inTime writes a wait the way people say it: whole seconds up to a minute
// and a half, then whole minutes, rounded up.
func inTime(d time.Duration, lang string) string {
	if d <= 90*time.Second {
		s := int((d + time.Second - 1) / time.Second)
		return i18n.Count(lang, i18n.Seconds, max(s, 1))
	}
	return i18n.Count(lang, i18n.Minutes, int((d+time.Minute-1)/time.Minute))
}

// queuedText tells a user their answer waits for a free slot; ahead < 0
// means the queue itself is full.
func queuedText(ahead int, lang string) string {
	if ahead < 0 {
		return i18n.Text(lang, i18n.QueueFull)
	}
	return i18n.Count(lang, i18n.QuestionsAhead, max(ahead, 1))
}

// interactionLang is the language to answer an interaction in: text's (a
// question or topic; "" for none), else the user's client language, else
// the server's.
func interactionLang(i *discordgo.Interaction, text string) string {
	return i18n.Reply(text, interactionLocales(i)...)
}

// interactionLocales are the user's client language and the server's
// preferred one ("" when the interaction has none).
func interactionLocales(i *discordgo.Interaction) []string {
	guild := ""
	if i.GuildLocale != nil {
		guild = string(*i.GuildLocale)
	}
	return []string{string(i.Locale), guild}
}

// guildLocale is a server's preferred locale from the gateway's state; ""
// when the state does not have the server.
func (b *Bot) guildLocale(guildID string) string {
	if guildID == "" || b.session == nil || b.session.State == nil {
		return ""
	}
	g, err := b.session.State.Guild(guildID)
	if err != nil {
		return ""
	}
	b.session.State.RLock()
	defer b.session.State.RUnlock()
	return g.PreferredLocale
}
