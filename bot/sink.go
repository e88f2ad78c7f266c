package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"corpusbot/i18n"
)

// discordAPI is the part of *discordgo.Session the handlers use, so that
// their tests can record calls instead of making them.
type discordAPI interface {
	ChannelMessageSendComplex(channelID string, data *discordgo.MessageSend, options ...discordgo.RequestOption) (*discordgo.Message, error)
	ChannelMessageEditComplex(m *discordgo.MessageEdit, options ...discordgo.RequestOption) (*discordgo.Message, error)
	ChannelTyping(channelID string, options ...discordgo.RequestOption) error
	Channel(channelID string, options ...discordgo.RequestOption) (*discordgo.Channel, error)
	MessageThreadStartComplex(channelID, messageID string, data *discordgo.ThreadStart, options ...discordgo.RequestOption) (*discordgo.Channel, error)
	UserChannelCreate(recipientID string, options ...discordgo.RequestOption) (*discordgo.Channel, error)
	InteractionRespond(interaction *discordgo.Interaction, resp *discordgo.InteractionResponse, options ...discordgo.RequestOption) error
	InteractionResponseEdit(interaction *discordgo.Interaction, newresp *discordgo.WebhookEdit, options ...discordgo.RequestOption) (*discordgo.Message, error)
	FollowupMessageCreate(interaction *discordgo.Interaction, wait bool, data *discordgo.WebhookParams, options ...discordgo.RequestOption) (*discordgo.Message, error)
	FollowupMessageEdit(interaction *discordgo.Interaction, messageID string, data *discordgo.WebhookEdit, options ...discordgo.RequestOption) (*discordgo.Message, error)
	ChannelMessageDelete(channelID, messageID string, options ...discordgo.RequestOption) error
	InteractionResponseDelete(interaction *discordgo.Interaction, options ...discordgo.RequestOption) error
	InteractionResponse(interaction *discordgo.Interaction, options ...discordgo.RequestOption) (*discordgo.Message, error)
}

// sink is where one answer goes.
type sink interface {
	// show makes the first message r: it creates it on the first call and
	// edits it after.
	show(ctx context.Context, r reply) error
	// more posts another message after the first.
	more(ctx context.Context, r reply) error
	// editing reports whether show would edit a message already posted
	// (an idempotent request, safe to cancel and to retry).
	editing() bool
	// replace posts r as a new first message, for when the first one can
	// no longer be edited, and deletes the old one, or failing that
	// takes its streaming cursor away.
	replace(ctx context.Context, r reply) error
	// amend makes the last message posted r (an edit, safe to retry): the
	// answer's end, when the parts after it could not be posted.
	amend(ctx context.Context, r reply) error
}

// channelSink answers in a channel, the first message replying to the
// question when replyTo is set.
type channelSink struct {
	api       discordAPI
	channelID string
	replyTo   *discordgo.MessageReference
	header    string // sent as its own message before the first one
	first     *discordgo.Message
	last      *discordgo.Message // the last message posted after the first
	botID     string             // the bot's user ID, to find a message it may have posted
	lang      string             // the catalogue language of the sink's own notices
}

func (s *channelSink) show(ctx context.Context, r reply) error {
	if s.first != nil {
		_, err := s.api.ChannelMessageEditComplex(r.edit(s.channelID, s.first.ID), withCtx(ctx))
		return err
	}
	if s.header != "" {
		if _, err := s.api.ChannelMessageSendComplex(s.channelID, reply{content: s.header}.send(), withCtx(ctx)); err != nil {
			return err
		}
		s.header = ""
	}
	r.replyTo = s.replyTo
	m, err := s.api.ChannelMessageSendComplex(s.channelID, r.send(), withCtx(ctx))
	if err != nil {
		if ctx.Err() == nil {
			return err
		}
		return s.lost(ctx, r, true, err)
	}
	s.first = m
	return nil
}

// lost deals with a create that timed out: the message may exist. It is
// adopted (as the first message, when first) if it does; if it does not,
// the error says so, and the create may be tried again.
func (s *channelSink) lost(ctx context.Context, r reply, first bool, err error) error {
	found, ferr := s.findPosted(ctx, r, first)
	switch {
	case found != nil:
		if first {
			s.first = found
		} else {
			s.last = found
		}
		return nil
	case ferr == nil:
		return fmt.Errorf("%w: %w", errNotCreated, err)
	}
	return err
}

// errNotCreated marks a create that timed out and was then looked for in
// vain: trying it again cannot post it twice.
var errNotCreated = errors.New("the message was not created")

// findPosted looks among the channel's latest messages for r, posted by
// the bot (in reply to the question, when first and replying); nil, nil
// when it is not there.
func (s *channelSink) findPosted(ctx context.Context, r reply, first bool) (*discordgo.Message, error) {
	l, ok := s.api.(messageLister)
	if !ok || s.botID == "" {
		return nil, errors.New("cannot list messages")
	}
	lctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), staleTimeout)
	defer cancel()
	msgs, err := l.ChannelMessages(s.channelID, 10, "", "", "", withCtx(lctx))
	if err != nil {
		return nil, err
	}
	want := r.text()
	for _, m := range msgs {
		if m.Author != nil && m.Author.ID == s.botID && m.Content == want &&
			(!first || s.replyTo == nil || m.MessageReference != nil && m.MessageReference.MessageID == s.replyTo.MessageID) {
			return m, nil
		}
	}
	return nil, nil
}

func (s *channelSink) more(ctx context.Context, r reply) error {
	if s.first == nil {
		return s.show(ctx, r)
	}
	m, err := s.api.ChannelMessageSendComplex(s.channelID, r.send(), withCtx(ctx))
	if err != nil && ctx.Err() != nil {
		return s.lost(ctx, r, false, err)
	}
	if err == nil {
		s.last = m
	}
	return err
}

func (s *channelSink) amend(ctx context.Context, r reply) error {
	if s.last == nil {
		return s.show(ctx, r)
	}
	_, err := s.api.ChannelMessageEditComplex(r.edit(s.channelID, s.last.ID), withCtx(ctx))
	return err
}

func (s *channelSink) editing() bool { return s.first != nil }

func (s *channelSink) replace(ctx context.Context, r reply) error {
	old := s.first
	if old == nil {
		return s.show(ctx, r)
	}
	r.replyTo = s.replyTo
	m, err := s.api.ChannelMessageSendComplex(s.channelID, r.send(), withCtx(ctx))
	if err != nil {
		if ctx.Err() == nil {
			return err
		}
		found, ferr := s.findPosted(ctx, r, true) // timed out: it may exist
		if found == nil {
			if ferr == nil {
				return fmt.Errorf("%w: %w", errNotCreated, err)
			}
			return err
		}
		m = found
	}
	s.first = m
	dropStale(ctx,
		func(ctx context.Context) error {
			return s.api.ChannelMessageDelete(s.channelID, old.ID, withCtx(ctx))
		},
		func(ctx context.Context) error {
			_, err := s.api.ChannelMessageEditComplex(reply{content: i18n.Text(s.lang, i18n.MovedBelow)}.edit(s.channelID, old.ID), withCtx(ctx))
			return err
		})
	return nil
}

// staleTimeout bounds each attempt to remove a message the bot gave up on.
const staleTimeout = 5 * time.Second

// dropStale deletes a message the answer moved away from or, when that
// fails, edits it to a pointer to the answer: either way its streaming
// cursor is gone. The answer is already posted, so failures are left be.
func dropStale(ctx context.Context, del, closeIt func(ctx context.Context) error) {
	// Not bounded by the attempt that posted the answer, which may be
	// nearly spent: each request has staleTimeout of its own.
	ctx = context.WithoutCancel(ctx)
	for _, f := range []func(context.Context) error{del, closeIt} {
		actx, cancel := context.WithTimeout(ctx, staleTimeout)
		err := f(actx)
		cancel()
		if err == nil {
			return
		}
	}
}

// tokenLife is how long an interaction token lasts, less a margin for the
// request in flight.
const tokenLife = 15*time.Minute - 30*time.Second

// interactionSink answers through a deferred interaction: the first message
// edits @original, the others are follow-ups. Once the token has expired it
// posts in the channel instead, or in a DM for a private answer.
type interactionSink struct {
	api       discordAPI
	i         *discordgo.Interaction
	ephemeral bool
	expires   time.Time
	userID    string
	lang      string // the catalogue language of the sink's own notices

	mu       sync.Mutex
	lastID   string       // the last follow-up posted
	fallback *channelSink // set once the token expired
	onExpire func()       // logs the fallback
	// edited is set once @original shows something of ours: until then
	// Discord makes the first follow-up fill the "thinking…" message.
	edited bool
}

func (s *interactionSink) show(ctx context.Context, r reply) error {
	if fb, err := s.expired(ctx); fb != nil || err != nil {
		if err != nil {
			return err
		}
		return fb.show(ctx, r)
	}
	_, err := s.api.InteractionResponseEdit(s.i, r.webhookEdit(), withCtx(ctx))
	if isTokenExpired(err) {
		return s.expireAndRetry(ctx, r, true)
	}
	if err == nil {
		s.mu.Lock()
		s.edited = true
		s.mu.Unlock()
	}
	return err
}

func (s *interactionSink) more(ctx context.Context, r reply) error {
	if fb, err := s.expired(ctx); fb != nil || err != nil {
		if err != nil {
			return err
		}
		return fb.more(ctx, r)
	}
	r.ephemeral = s.ephemeral
	m, err := s.api.FollowupMessageCreate(s.i, true, r.followup(), withCtx(ctx))
	if isTokenExpired(err) {
		return s.expireAndRetry(ctx, r, false)
	}
	if err == nil && m != nil {
		s.mu.Lock()
		s.lastID = m.ID
		s.mu.Unlock()
	}
	return err
}

func (s *interactionSink) amend(ctx context.Context, r reply) error {
	if fb, err := s.expired(ctx); fb != nil || err != nil {
		if err != nil {
			return err
		}
		return fb.amend(ctx, r)
	}
	s.mu.Lock()
	last := s.lastID
	s.mu.Unlock()
	if last == "" {
		_, err := s.api.InteractionResponseEdit(s.i, r.webhookEdit(), withCtx(ctx))
		return err
	}
	_, err := s.api.FollowupMessageEdit(s.i, last, r.webhookEdit(), withCtx(ctx))
	return err
}

func (s *interactionSink) editing() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fallback != nil {
		return s.fallback.editing()
	}
	return true // @original exists from the deferred response on
}

func (s *interactionSink) replace(ctx context.Context, r reply) error {
	if fb, err := s.expired(ctx); fb != nil || err != nil {
		if err != nil {
			return err
		}
		return fb.replace(ctx, r)
	}
	r.ephemeral = s.ephemeral
	m, err := s.api.FollowupMessageCreate(s.i, true, r.followup(), withCtx(ctx))
	if err != nil {
		return err
	}
	s.mu.Lock()
	edited := s.edited
	s.edited = true
	s.mu.Unlock()
	if !edited {
		// Discord makes the first follow-up fill a "thinking…" message
		// that was never edited; an edit that timed out may still have
		// landed, though, so look before deleting anything.
		actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), staleTimeout)
		orig, err := s.api.InteractionResponse(s.i, withCtx(actx))
		cancel()
		if err != nil || m == nil || orig.ID == m.ID {
			return nil
		}
	}
	dropStale(ctx,
		func(ctx context.Context) error { return s.api.InteractionResponseDelete(s.i, withCtx(ctx)) },
		func(ctx context.Context) error {
			_, err := s.api.InteractionResponseEdit(s.i, reply{content: i18n.Text(s.lang, i18n.MovedBelow)}.webhookEdit(), withCtx(ctx))
			return err
		})
	return nil
}

// expired returns the fallback sink once the token is past its life.
func (s *interactionSink) expired(ctx context.Context) (*channelSink, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fallback != nil {
		return s.fallback, nil
	}
	if time.Now().Before(s.expires) {
		return nil, nil
	}
	return s.fallbackLocked(ctx)
}

func (s *interactionSink) expireAndRetry(ctx context.Context, r reply, first bool) error {
	s.mu.Lock()
	fb, err := s.fallbackLocked(ctx)
	s.mu.Unlock()
	if err != nil {
		return err
	}
	if first {
		return fb.show(ctx, r)
	}
	return fb.more(ctx, r)
}

func (s *interactionSink) fallbackLocked(ctx context.Context) (*channelSink, error) {
	if s.fallback != nil {
		return s.fallback, nil
	}
	channelID := s.i.ChannelID
	if s.ephemeral {
		// A private answer must not land in the channel.
		dm, err := s.api.UserChannelCreate(s.userID, withCtx(ctx))
		if err != nil {
			return nil, err
		}
		channelID = dm.ID
	}
	if s.onExpire != nil {
		s.onExpire()
	}
	s.fallback = &channelSink{
		api:       s.api,
		channelID: channelID,
		// A user mention renders the name; with no allowed mentions it
		// pings no one.
		header: i18n.Text(s.lang, i18n.LateAnswer, "<@"+s.userID+">"),
		lang:   s.lang,
	}
	return s.fallback, nil
}

// isTokenExpired reports Discord's answer to an expired interaction token:
// 401 Invalid Webhook Token (50027), or 404 Unknown Webhook (10015).
func isTokenExpired(err error) bool {
	var re *discordgo.RESTError
	if !errors.As(err, &re) {
		return false
	}
	if re.Message != nil && (re.Message.Code == discordgo.ErrCodeInvalidWebhookTokenProvided || re.Message.Code == discordgo.ErrCodeUnknownWebhook) {
		return true
	}
	return re.Response != nil && re.Response.StatusCode == http.StatusUnauthorized
}

// withCtx makes a REST call end with ctx.
func withCtx(ctx context.Context) discordgo.RequestOption { return discordgo.WithContext(ctx) }

// Discord sometimes answers 500 or 503 when it fails inside; discordgo
// retries 429 and 502 but returns these. A request can also stall. A final
// answer, a part of one, or the error shown in its place is worth a few
// more tries, each bounded by its own timeout.
const (
	postAttempts  = 4                      // in all
	postRetryWait = 250 * time.Millisecond // before the second; doubled after
)

// retryPost runs post until it succeeds, fails other than with a Discord
// 5xx, has made postAttempts attempts, or ctx ends; it returns the last
// error. Each retry is logged with the error.
func retryPost(ctx context.Context, onRetry func(attempt int, err error), post func() error) error {
	return retryRequest(ctx, 0, false, onRetry, func(context.Context) error { return post() })
}

// retryRequest is retryPost with a timeout for each attempt (0: none).
// An idempotent request (an edit) is retried after a timeout too; a
// create only once it was looked for and not found (errNotCreated), since
// it may have gone through.
//
// An attempt that ended waiting out Discord's rate limit sent nothing: it
// is tried again without counting, so that a long retry_after is waited
// out for as long as ctx allows, one attempt's timeout at a time.
func retryRequest(ctx context.Context, timeout time.Duration, idempotent bool, onRetry func(attempt int, err error), do func(ctx context.Context) error) error {
	wait := postRetryWait
	for attempt := 1; ; attempt++ {
		actx, cancel := ctx, context.CancelFunc(func() {})
		if timeout > 0 {
			actx, cancel = context.WithTimeout(ctx, timeout)
		}
		err := do(actx)
		timedOut := err != nil && actx.Err() != nil && ctx.Err() == nil
		cancel()
		if timedOut && errors.Is(err, discordgo.ErrRateLimitWait) {
			attempt--
			continue
		}
		if err == nil || attempt >= postAttempts || !(isServerError(err) || idempotent && timedOut || errors.Is(err, errNotCreated)) {
			return err
		}
		if onRetry != nil {
			onRetry(attempt, err)
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return err
		}
		wait *= 2
	}
}

// isServerError reports a REST call that Discord answered with a 5xx.
func isServerError(err error) bool {
	var re *discordgo.RESTError
	return errors.As(err, &re) && re.Response != nil && re.Response.StatusCode >= 500
}
