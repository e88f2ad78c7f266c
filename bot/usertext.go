package bot

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"corpusbot/answer"
	"corpusbot/corpus"
	"corpusbot/llm"
	"corpusbot/retrieval"
)

// What users read. Short and specific: what happened and what to do; the
// detail goes to the operator's log.
const (
	textEmptyQuestion   = "Ask me a question about the documents." // withExample adds one of theirs
	textUnknownDoc      = "I don't know that document. `/sources` lists them, and `/summary` suggests them as you type."
	textNothingNew      = "Nothing new to brief on: everything relevant has been covered already."
	textEmptyReply      = "The language model returned nothing. Please try again."
	textBriefingFailed  = "Today's briefing could not be written: the language model is unavailable. It will be back at the next briefing."
	textRateLimited     = "The language model is rate limiting me right now. Please try again in a minute."
	textTimeout         = "The language model took too long to answer. Please try again."
	textUnavailable     = "The language model is unavailable right now. Please try again later."
	textMisconfigured   = "I can't reach the language model because of a configuration problem. An admin needs to check the bot's logs."
	textContextTooLong  = "That was more text than the language model accepts. Try a narrower question."
	textIncomplete      = "The language model's answer was cut off. Please try again."
	textNoTerms         = "There is nothing to search for in that query: try some words from the documents."
	textInterrupted     = "I'm restarting, so this answer was interrupted. Please ask again in a minute."
	textRestarting      = "I'm restarting right now. Please ask again in a minute."
	textFailed          = "Something went wrong while answering. The details are in the bot's log."
	textSummaryOne      = "Give either a `document` or a `topic` to summarise, not both."
	textNoMessageText   = "That message has no text I can ask the documents about."
	textNoWords         = "That question has no words I can look up in the documents. Try a few words." // withExample too
	textUnknownCommand  = "I don't know that command any more."
	textStaleButton     = "That button doesn't work any more."
	textOtherGuild      = "This bot serves another server."
	textVoteNotSaved    = "I couldn't record your vote: my storage is failing right now. Please try again later."
	textAnswerNotSaved  = "I couldn't save this answer, so it has no passage or vote buttons."
	textNewConversation = "New conversation: your next question starts fresh."
	textTurnNotSaved    = "I couldn't save this exchange, so a follow-up here won't remember it."
	textThreadNotSaved  = "I couldn't save this thread, so mention me in follow-ups here."
	textMovedBelow      = "↓ Discord would not let me finish this message, so the answer is below."
)

var limitRE = regexp.MustCompile(`the limit is (\d+)`)

// userText maps an error to what the user reads. Errors are matched by
// category (errors.Is), never by their text, apart from the limit a too
// long question is told.
func userText(err error) string {
	switch {
	case errors.As(err, new(answerTimeoutError)):
		// First: it wraps whatever the cancelled model call returned.
		var te answerTimeoutError
		errors.As(err, &te)
		return fmt.Sprintf("⏱️ This answer took longer than %s, so I stopped it. Please try again, or ask a narrower question.", inTime(te.limit))
	case errors.Is(err, answer.ErrEmptyQuestion):
		return textEmptyQuestion
	case errors.Is(err, answer.ErrNoSearchableWords):
		return textNoWords
	case errors.Is(err, answer.ErrQuestionTooLong):
		if m := limitRE.FindStringSubmatch(err.Error()); m != nil {
			return fmt.Sprintf("That question is too long: the limit is %s characters. Please shorten it.", m[1])
		}
		return "That question is too long. Please shorten it."
	case errors.Is(err, answer.ErrUnknownDocument):
		return textUnknownDoc
	case errors.Is(err, answer.ErrNothingNew):
		return textNothingNew
	case errors.Is(err, answer.ErrEmptyReply):
		return textEmptyReply
	case errors.Is(err, retrieval.ErrNoTerms):
		return textNoTerms
	case errors.Is(err, llm.ErrRateLimited):
		return textRateLimited
	case errors.Is(err, llm.ErrTimeout):
		return textTimeout
	case errors.Is(err, llm.ErrUnauthorized), errors.Is(err, llm.ErrBadRequest):
		return textMisconfigured
	case errors.Is(err, llm.ErrContextTooLong):
		return textContextTooLong
	case errors.Is(err, llm.ErrIncomplete):
		return textIncomplete
	case errors.Is(err, llm.ErrUnavailable):
		return textUnavailable
	case errors.As(err, new(busyError)):
		var be busyError
		errors.As(err, &be)
		return busyText(be.retry)

	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return textInterrupted
	default:
		return textFailed
	}
}

// userText is the package's userText, with an example from the documents
// served where the user is asked for a question.
func (b *Bot) userText(err error) string {
	t := userText(err)
	if errors.Is(err, answer.ErrEmptyQuestion) || errors.Is(err, answer.ErrNoSearchableWords) {
		return withExample(t, b.answers.Documents())
	}
	return t
}

// withExample ends text, a sentence, with a title or heading of docs as an
// example of what to ask: examples come from the documents served, never
// from a fixed sample. Unchanged when no title will do.
func withExample(text string, docs []corpus.Document) string {
	topic := answer.ExampleTopic(docs)
	if topic == "" {
		return text
	}
	return strings.TrimSuffix(text, ".") + ", for example about *" + Neutralize(escapeMarkdown(topic)) + "*."
}

// cooldownText tells a user how long to wait.
func cooldownText(wait time.Duration) string {
	return fmt.Sprintf("You're asking faster than I can keep up. Please wait %s before your next question.", inTime(wait))
}

// busyText refuses a question the full queue had no place for, saying
// when to try again.
func busyText(retry time.Duration) string {
	return fmt.Sprintf("I'm answering too many questions at once right now. Please try again in %s.", inTime(retry))
}

// inTime writes a wait the way people say it: whole seconds up to a minute
// and a half, then whole minutes, rounded up.
func inTime(d time.Duration) string {
	if d <= 90*time.Second {
		s := int((d + time.Second - 1) / time.Second)
		if s <= 1 {
			return "1 second"
		}
		return fmt.Sprintf("%d seconds", s)
	}
	m := int((d + time.Minute - 1) / time.Minute)
	return fmt.Sprintf("%d minutes", m)
}

// queuedText tells a user their answer waits for a free slot; ahead < 0
// means the queue itself is full.
func queuedText(ahead int) string {
	if ahead < 0 {
		return "⏳ Many questions are waiting; yours will join the queue as soon as a place frees up."
	}
	if ahead <= 1 {
		return "⏳ One question is ahead of yours; I'll answer as soon as I can."
	}
	return fmt.Sprintf("⏳ %d questions are ahead of yours; I'll answer as soon as I can.", ahead)
}
