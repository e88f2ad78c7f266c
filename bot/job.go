package bot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"corpusbot/answer"
	"corpusbot/i18n"
	"corpusbot/store"
	"corpusbot/text"
	"corpusbot/verify"
)

// AnswerLog keeps every answer the bot posts, so that its buttons (the
// passages it cites, the votes) and replies to it work after a restart.
type AnswerLog interface {
	RecordAnswer(ctx context.Context, a store.Answer) error
	Answer(ctx context.Context, id string) (store.Answer, bool, error)
}

// job is one answer, summary or briefing to write and post.
type job struct {
	name      string // the command or trigger, for logs: "mention", "ask", …
	question  string // as asked, for logs (truncated) and the thread history
	run       func(ctx context.Context, onDelta func(string)) (*answer.Result, error)
	sink      sink
	header    string // opens the first message of the final answer
	guildID   string
	channelID string // where the answer is posted
	userID    string
	conv      conversation // what the question continues, and where its turns go
	typingIn  string       // channel to show typing in while waiting, if any
	inThread  bool         // asked inside a thread
	// lang is the catalogue language (i18n) of what the bot says before
	// or instead of an answer: the queue, errors. The answer's own is
	// Result.Lang.
	lang string
	// charged is set when the question took a token of the user's bucket;
	// runJob gives it back when the model did not write for it.
	charged bool
	notes   []string // shown under the final answer, e.g. what could not be saved
	// queued, when set, tells the user the answer waits for a free slot.
	queued func(ctx context.Context, ahead int)
}

// runJob writes and posts one answer: wait for a slot, stream the answer,
// post the final text with its sources and buttons, record it. Errors
// become a short message in the answer's place.
func (b *Bot) runJob(j job) {
	ctx, send := b.workCtx, b.sendCtx
	begun := time.Now() // the latency recorded includes the wait for a slot
	log := b.log.With("trigger", j.name, "channel", j.channelID, "user", b.users.HashUser(j.userID))
	var res *answer.Result
	var err error
	// Settle the token before the final answer shows, so that a question
	// asked right after a free answer finds it back.
	settled := false
	settle := func() {
		if j.charged && !settled && !modelWrote(res, err) {
			b.refundToken(j.userID)
		}
		settled = true
	}
	defer settle()

	var ty *typing
	if j.typingIn != "" {
		ty = startTyping(send, b.api, j.typingIn, b.cfg.TypingInterval, func(err error) {
			log.Debug("typing indicator failed", "error", redact(err))
		})
	}
	defer ty.end()
	t, ok := b.limiter.admit()
	if !ok {
		if j.queued != nil {
			j.queued(send, -1)
		}
		if t, err = b.limiter.enter(ctx, b.cfg.QueueWait); err != nil {
			ty.end()
			settle()
			if errors.Is(err, errBusy) {
				log.Warn("refused as busy: no place in the queue came free", "waited", b.cfg.QueueWait)
				err = busyError{retry: b.limiter.retryAfter()}
			}
			b.showError(send, log, j, err)
			return
		}
	}
	defer t.release()
	if t.ahead > 0 && j.queued != nil {
		j.queued(send, t.ahead)
	}
	b.metrics.Question(questionKind(j.name))
	if err = t.acquire(ctx); err != nil {
		ty.end()
		settle()
		b.recordFailure(send, log, j, err)
		b.showError(send, log, j, err)
		return
	}

	st := newStreamer(j.sink, b.cfg.EditInterval, b.cfg.EditTimeout, ty.end, func(err error) {
		log.Warn("streaming edit failed; the final answer follows", "error", redact(err))
	})
	go st.run(send)
	start := time.Now()
	// ANSWER_TIMEOUT bounds the whole answer, however slowly the model
	// streams: a slot is never held past it.
	actx, cancel := context.WithTimeout(ctx, b.cfg.AnswerTimeout)
	res, err = j.run(actx, st.delta)
	if err != nil && actx.Err() == context.DeadlineExceeded && ctx.Err() == nil {
		err = answerTimeoutError{limit: b.cfg.AnswerTimeout, err: err}
	}
	cancel()
	// The slot bounds answers being written; posting, which may wait out
	// the edit interval, does not need it.
	t.release()
	settle()
	dropped := st.halt()
	ty.end()
	b.observe(j.name, time.Since(start), res, err)
	if err != nil {
		st.settle(send)
		b.recordFailure(send, log, j, err)
		b.showError(send, log, j, err)
		return
	}
	recorded := b.record(send, log, j, res, time.Since(begun))
	notes := j.notes
	if !b.saveTurns(send, log, j, res) {
		notes = append(notes, i18n.Text(res.Lang, i18n.TurnNotSaved))
	}
	parts := renderResult(res, j.header)
	if !recorded && len(parts) > 0 {
		// Buttons on an answer the store does not have would only say
		// they no longer work.
		parts[len(parts)-1].components = nil
		notes = append(notes, i18n.Text(res.Lang, i18n.AnswerNotSaved))
	}
	if recorded && strings.HasPrefix(j.conv.id, dmPrefix) {
		withNewConversationButton(parts, res.ID, res.Lang)
	}
	parts = withNotes(parts, notes)
	st.settle(send)
	if part, err := b.deliver(send, log, j.sink, parts); err != nil {
		log.Error("posting the answer failed", "answer", res.ID, "part", part+1, "parts", len(parts), "error", redact(err))
		b.metrics.Error(discordErrors)
		b.interrupted(send, log, j, parts, part, res.Lang)
		return
	}
	log.Info("answered", "answer", res.ID, "kind", res.Kind, "sources", len(res.Sources),
		"abstained", res.Abstained, "extractive", res.Extractive, "parts", len(parts),
		"tokens", res.Usage.TotalTokens, "took", time.Since(start).Round(time.Millisecond))
	if dropped && len(parts) > 0 {
		b.reassert(send, log, j.sink, parts[0])
	}
}

// reassert makes the first message the final answer's first part once
// more, an edit timeout after it was posted, when a streaming edit was
// dropped on the way (stalled): Discord may still apply that edit, after
// the final one, and leave the answer half-written with its cursor for
// good. Best effort: the final edit stands if this one fails.
func (b *Bot) reassert(ctx context.Context, log *slog.Logger, s sink, first reply) {
	t := time.NewTimer(b.cfg.EditTimeout)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
		return
	}
	if !s.editing() {
		return
	}
	if err := retryRequest(ctx, b.cfg.EditTimeout, true, retryLog(log, "editing the answer in place again"), func(ctx context.Context) error {
		return s.show(ctx, first)
	}); err != nil {
		log.Warn("making the answer final again after a dropped streaming edit failed", "error", redact(err))
	}
}

// showError puts the user's text for err where the answer would be and
// logs the detail.
func (b *Bot) showError(ctx context.Context, log *slog.Logger, j job, err error) {
	level := slog.LevelError
	switch k := answer.KindOf(err); {
	case k.Question():
		level = slog.LevelInfo
	case !k.Fault(): // cancelled, or refused while busy
		level = slog.LevelWarn
	}
	log.Log(ctx, level, "no answer", "question", text.Clip(j.question, 200), "error", redact(err))
	r := reply{content: b.userText(err, j.lang)}
	if _, err := b.deliver(ctx, log, j.sink, []reply{r}); err != nil {
		log.Error("posting the error message failed", "error", redact(err))
	}
}

// deliver posts an answer's messages: the first in place of what was
// streamed, the others after it. Every request has its own timeout and a
// few tries; when the streamed message cannot be edited, the first part is
// posted as a new message and the stale one removed, so that no message
// is left half-written with its cursor. It returns the part that failed.
func (b *Bot) deliver(ctx context.Context, log *slog.Logger, s sink, parts []reply) (int, error) {
	timeout := b.cfg.EditTimeout
	for i, p := range parts {
		if i > 0 {
			if err := retryRequest(ctx, timeout, false, retryLog(log, "posting the answer"), func(ctx context.Context) error {
				return s.more(ctx, p)
			}); err != nil {
				return i, err
			}
			continue
		}
		editing := s.editing()
		err := retryRequest(ctx, timeout, editing, retryLog(log, "editing the answer in place"), func(ctx context.Context) error {
			return s.show(ctx, p)
		})
		if err != nil && editing && ctx.Err() == nil {
			log.Warn("the streamed message cannot be edited; posting the answer as a new message", "error", redact(err))
			err = retryRequest(ctx, timeout, false, retryLog(log, "posting the answer anew"), func(ctx context.Context) error {
				return s.replace(ctx, p)
			})
		}
		if err != nil {
			return i, err
		}
	}
	return len(parts), nil
}

// interrupted tells the reader that an answer could not be posted in full
// (Discord refused a part: permissions taken away, a body it will not
// take), where they are looking: under the last part posted, "[answer
// interrupted]", or, when not even the first part was, the short failure
// text in place of what streamed. Otherwise a reader saw a part that looks
// complete, or a half-written one with its cursor, and nothing saying the
// rest was lost. Best effort: the channel may be gone.
func (b *Bot) interrupted(ctx context.Context, log *slog.Logger, j job, parts []reply, failed int, lang string) {
	var err error
	if failed == 0 {
		_, err = b.deliver(ctx, log, j.sink, []reply{{content: i18n.Text(j.lang, i18n.Failed)}})
	} else {
		note := "\n-# " + i18n.Text(lang, i18n.AnswerInterrupted)
		last := parts[failed-1]
		last.content = text.Clip(last.content, MaxMessageLen-runes(note)) + note
		err = retryRequest(ctx, b.cfg.EditTimeout, true, retryLog(log, "marking the answer interrupted"), func(ctx context.Context) error {
			return j.sink.amend(ctx, last)
		})
	}
	if err != nil {
		log.Warn("telling the reader the answer was not posted in full failed", "error", redact(err))
	}
}

// retryLog logs a retry of what.
func retryLog(log *slog.Logger, what string) func(attempt int, err error) {
	return func(attempt int, err error) {
		log.Warn(what+" failed; retrying", "attempt", attempt, "error", redact(err))
	}
}

// modelWrote reports whether the model wrote for a question, which is
// what a token of the user's bucket pays for: an answer. Abstentions
// (a reply without a verified citation is one), extractive answers,
// refused questions and failures of the model are free.
func modelWrote(res *answer.Result, err error) bool {
	return err == nil && res != nil && !res.Abstained && !res.Extractive
}

// answerTimeoutError is an answer stopped at ANSWER_TIMEOUT.
type answerTimeoutError struct {
	limit time.Duration
	err   error
}

func (e answerTimeoutError) Error() string {
	return fmt.Sprintf("answer took longer than ANSWER_TIMEOUT (%v): %v", e.limit, e.err)
}

func (e answerTimeoutError) Unwrap() error { return e.err }

// Kind is a timeout's whatever the answer was waiting for when it ran out.
func (answerTimeoutError) Kind() answer.Kind { return answer.KindTimeout }

// busyError is a question refused because the queue stayed full.
type busyError struct{ retry time.Duration }

func (e busyError) Error() string { return fmt.Sprintf("busy: retry in %v", e.retry) }

func (busyError) Kind() answer.Kind { return answer.KindBusy }

// withNotes adds notes, small print, under the last message, or in one
// more message when they do not fit.
func withNotes(parts []reply, notes []string) []reply {
	if len(notes) == 0 || len(parts) == 0 {
		return parts
	}
	var b strings.Builder
	for _, n := range notes {
		b.WriteString("\n-# " + n)
	}
	text := b.String()
	last := &parts[len(parts)-1]
	if runes(last.content)+runes(text) <= MaxMessageLen {
		last.content += text
		return parts
	}
	return append(parts, reply{content: strings.TrimPrefix(text, "\n")})
}

// record stores the answer so that its buttons work after a restart, with
// what the operator's dashboard reports of it, and reports whether it did
// (an answer without an ID needs no record).
func (b *Bot) record(ctx context.Context, log *slog.Logger, j job, res *answer.Result, took time.Duration) bool {
	if res.ID == "" {
		return true
	}
	unverified, weak := markCounts(res)
	a := store.Answer{
		ID:               res.ID,
		Kind:             res.Kind,
		Question:         res.Question,
		Text:             res.Text,
		GuildID:          j.guildID,
		ChannelID:        j.channelID,
		Abstained:        res.Abstained,
		Lang:             recordedLang(j.question, res.Lang),
		Latency:          took,
		PromptTokens:     res.Usage.PromptTokens,
		CompletionTokens: res.Usage.CompletionTokens,
		Unverified:       unverified,
		Weak:             weak,
		ChannelKind:      b.channelKind(j),
	}
	if j.userID != "" {
		a.UserHash = b.users.HashUser(j.userID)
	}
	a.Sources = sourceRefs(res.Sources)
	for _, n := range res.Nearest {
		a.Nearest = append(a.Nearest, n.DocID)
	}
	if err := b.answerLog.RecordAnswer(ctx, a); err != nil {
		log.Error("recording the answer failed; it is posted without buttons", "answer", res.ID, "error", err)
		return false
	}
	return true
}

// markCounts counts the sentences of res a reader is warned about: weak
// (the quote is in the passage but lacks a figure, name or negation of the
// claim) and unverified (no quote found, or no citation at all).
func markCounts(res *answer.Result) (unverified, weak int) {
	for _, c := range res.Unchecked() {
		if c.Support == verify.Weak {
			weak++
		} else {
			unverified++
		}
	}
	return unverified, weak
}

// recordFailure stores a question that got an error instead of an answer,
// so the dashboard counts it; the question's own mistakes (too long, empty)
// are not failures and are not stored.
func (b *Bot) recordFailure(ctx context.Context, log *slog.Logger, j job, err error) {
	kind := failureKind(err)
	if kind == "" {
		return
	}
	a := store.Answer{
		ID:          "failed-" + randomHex(6),
		Kind:        storeKind(j.name),
		Question:    j.question,
		GuildID:     j.guildID,
		ChannelID:   j.channelID,
		Outcome:     store.OutcomeFailed,
		Failure:     kind,
		Lang:        failedLang(j.question),
		ChannelKind: b.channelKind(j),
	}
	if j.userID != "" {
		a.UserHash = b.users.HashUser(j.userID)
	}
	if err := b.answerLog.RecordAnswer(ctx, a); err != nil {
		log.Error("recording a failed answer failed", "error", err)
	}
}

// failedLang guesses the language of a question that got no answer, as
// the pipeline would have; "" when unsure.
func failedLang(q string) string {
	if l := text.DetectLanguage(q); l != "und" {
		return l
	}
	return ""
}

// failureKind classes err for the dashboard; "" for the question's own
// mistakes.
func failureKind(err error) string { return answer.KindOf(err).Label() }

// storeKind is the stored kind of an answer written for a trigger.
func storeKind(trigger string) string {
	switch questionKind(trigger) {
	case cmdSummary:
		return store.KindSummary
	case cmdBriefing:
		return store.KindBriefing
	}
	return store.KindAnswer
}

// channelKind says where j was asked, from what the bot already knows:
// a DM, a thread, or a server's channel.
func (b *Bot) channelKind(j job) string {
	switch {
	case j.guildID == "":
		return store.ChannelDM
	case j.inThread:
		return store.ChannelThread
	}
	if typ, _, ok := b.stateChannel(j.channelID); ok && isThreadType(typ) {
		return store.ChannelThread
	}
	return store.ChannelGuild
}

// recordedLang is the language an answer is recorded with, which the
// dashboard counts: the question's own when it can be told, one outside
// the catalogue included, else the language the answer was given in, which
// is the question's when text names it so (i18n.TextCode: zh is zh-Hant's
// code, no nb's).
func recordedLang(question, answered string) string {
	if l := text.DetectLanguage(question); l != "und" && l != i18n.TextCode(answered) {
		return l
	}
	return answered
}

func randomHex(n int) string {
	buf := make([]byte, n)
	_, _ = rand.Read(buf) // crypto/rand.Read never fails on supported platforms
	return hex.EncodeToString(buf)
}
