package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"corpusbot/answer"
	"corpusbot/i18n"
	"corpusbot/store"
)

// scheduler posts the daily briefing. It follows the store's crash-safe
// protocol, so a briefing interrupted by a crash is finished at the next
// start, and points posted in the channel are never posted again.
type scheduler struct {
	channel      string
	hour, minute int
	loc          *time.Location
	catchUp      time.Duration // post a missed slot up to this late
	retries      int           // attempts per slot
	retryWait    time.Duration // before the second attempt; doubled after
	answers      interface {
		Brief(ctx context.Context, r answer.BriefingRequest) (*answer.Result, error)
	}
	store     BriefingStore
	answerLog AnswerLog // the briefing, for its buttons
	metrics   interface {
		BriefingFallback(kind string)
	}
	// post sends one message to the channel and returns its ID.
	post func(ctx context.Context, r reply) (string, error)
	// find returns the ID of a message of the bot's in the channel, after
	// the message after ("": among the latest), whose text is text; nil
	// looks for nothing.
	find func(ctx context.Context, after, text string) (id string, found bool, err error)
	log  *slog.Logger
	// locale is the briefing channel's server's preferred locale, the
	// briefing's language; "" when unknown (English).
	locale func() string
}

// BriefingStore is the store's crash-safe briefing protocol (see package
// store): claim a slot, save its plan, record each part as it is posted,
// complete it.
type BriefingStore interface {
	ClaimBriefing(ctx context.Context, channelID string, slot time.Time) (int64, string, error)
	Plan(ctx context.Context, briefingID int64) ([]string, [][]store.Point, error)
	SavePlan(ctx context.Context, briefingID int64, parts []string, points [][]store.Point) error
	PostedParts(ctx context.Context, briefingID int64) ([]store.Part, error)
	RecordPosted(ctx context.Context, briefingID int64, part int, messageID string, points []store.Point) error
	CompleteBriefing(ctx context.Context, briefingID int64) error
	PostedSources(ctx context.Context, channelID string) (map[string]bool, error)
	PendingBriefings(ctx context.Context, channelID string) ([]store.Briefing, error)
}

// briefingFailureRecorder keeps failed attempts for the operator's
// dashboard; *store.Store is one.
type briefingFailureRecorder interface {
	RecordBriefingFailure(ctx context.Context, channelID string, slot time.Time, attempt int, errText string) error
}

// messageLister is the part of *discordgo.Session that lists a channel's
// messages.
type messageLister interface {
	ChannelMessages(channelID string, limit int, beforeID, afterID, aroundID string, options ...discordgo.RequestOption) ([]*discordgo.Message, error)
}

func (b *Bot) newScheduler() *scheduler {
	h, m, _ := ParseClock(b.cfg.BriefingTime) // checked by New
	return &scheduler{
		channel: b.cfg.BriefingChannelID, hour: h, minute: m, loc: b.cfg.BriefingTZ,
		catchUp: b.cfg.BriefingCatchUp, retries: 3, retryWait: 5 * time.Minute,
		answers: b.answers, store: b.briefings, answerLog: b.answerLog, metrics: b.metrics, log: b.log.With("briefing_channel", b.cfg.BriefingChannelID),
		post: func(ctx context.Context, r reply) (string, error) {
			var m *discordgo.Message
			err := retryPost(ctx, retryLog(b.log, "posting a briefing part"), func() (err error) {
				m, err = b.api.ChannelMessageSendComplex(b.cfg.BriefingChannelID, r.send(), withCtx(ctx))
				return err
			})
			if err != nil {
				return "", err
			}
			return m.ID, nil
		},
		find: b.findMessage,
		locale: func() string {
			if b.session == nil || b.session.State == nil {
				return ""
			}
			c, err := b.session.State.Channel(b.cfg.BriefingChannelID)
			if err != nil {
				return ""
			}
			b.session.State.RLock()
			guild := c.GuildID
			b.session.State.RUnlock()
			return b.guildLocale(guild)
		},
	}
}

// findMessage looks among the bot's latest messages in the briefing
// channel (after the message after, if set) for one whose text is text.
func (b *Bot) findMessage(ctx context.Context, after, text string) (string, bool, error) {
	l, ok := b.api.(messageLister)
	if !ok {
		return "", false, nil
	}
	msgs, err := l.ChannelMessages(b.cfg.BriefingChannelID, 100, "", after, "", withCtx(ctx))
	if err != nil {
		return "", false, err
	}
	me, want := b.me(), strings.TrimSpace(text)
	for _, m := range msgs {
		if m.Author != nil && m.Author.ID == me && strings.TrimSpace(m.Content) == want {
			return m.ID, true, nil
		}
	}
	return "", false, nil
}

// run resumes unfinished briefings, posts a slot missed within catchUp,
// then posts at every slot until ctx ends. Posting uses work, which
// outlives ctx by the shutdown grace.
func (s *scheduler) run(ctx, work context.Context) {
	pending, err := s.store.PendingBriefings(work, s.channel)
	if err != nil {
		s.log.Error("loading unfinished briefings failed", "error", err)
	}
	for _, p := range pending {
		s.log.Info("resuming an unfinished briefing", "slot", p.Slot)
		s.deliver(ctx, work, p.Slot)
	}
	if s.catchUp > 0 {
		now := time.Now()
		if prev := prevSlot(now, s.hour, s.minute, s.loc); now.Sub(prev) <= s.catchUp {
			s.deliver(ctx, work, prev)
		}
	}
	for {
		next := nextSlot(time.Now(), s.hour, s.minute, s.loc)
		s.log.Debug("next briefing", "at", next)
		if !sleepUntil(ctx, next) {
			return
		}
		s.deliver(ctx, work, next)
	}
}

// deliver posts the briefing of slot, trying again a few times when it
// fails.
func (s *scheduler) deliver(ctx, work context.Context, slot time.Time) {
	wait := s.retryWait
	for attempt := 1; ; attempt++ {
		err := s.brief(work, slot)
		if err == nil {
			return
		}
		s.log.Error("daily briefing failed", "slot", slot, "attempt", attempt, "error", redact(err))
		if fr, ok := s.store.(briefingFailureRecorder); ok {
			if err := fr.RecordBriefingFailure(work, s.channel, slot, attempt, redact(err)); err != nil {
				s.log.Error("recording the briefing failure failed", "error", err)
			}
		}
		if attempt >= s.retries || !sleepUntil(ctx, time.Now().Add(wait)) {
			return
		}
		wait *= 2
	}
}

// brief runs the protocol for one slot: claim, plan (once), post the parts
// not posted yet, each recorded as it goes out, complete.
func (s *scheduler) brief(ctx context.Context, slot time.Time) error {
	id, state, err := s.store.ClaimBriefing(ctx, s.channel, slot)
	if err != nil {
		return err
	}
	if state == store.StatePosted {
		return nil
	}
	answerID := "briefing-" + strconv.FormatInt(id, 10)
	parts, points, err := s.store.Plan(ctx, id)
	if err != nil {
		return err
	}
	// A stored plan means an earlier attempt, perhaps of a process that
	// died between Discord accepting a part and RecordPosted.
	resumed := len(parts) > 0
	if len(parts) == 0 {
		if parts, points, err = s.plan(ctx, slot, answerID); err != nil {
			return err
		}
		if err := s.store.SavePlan(ctx, id, parts, points); err != nil {
			return err
		}
	}
	posted, err := s.store.PostedParts(ctx, id)
	if err != nil {
		return err
	}
	done := make(map[int]bool, len(posted))
	for _, p := range posted {
		done[p.N] = true
	}
	lastMsg := "" // the message of the last part recorded before i
	for i, text := range parts {
		if done[i] {
			for _, p := range posted {
				if p.N == i {
					lastMsg = p.MessageID
				}
			}
			continue
		}
		if resumed && s.find != nil {
			// Parts go out in order, each recorded before the next, so
			// only the first part not recorded can be on Discord already.
			resumed = false
			msgID, found, err := s.find(ctx, lastMsg, text)
			if err != nil {
				s.log.Warn("looking for a part posted before a restart failed; posting it", "part", i+1, "error", redact(err))
			}
			if found {
				s.log.Info("found a briefing part posted before a restart", "part", i+1, "message", msgID)
				if err := s.store.RecordPosted(ctx, id, i, msgID, points[i]); err != nil {
					return err
				}
				continue
			}
		}
		r := reply{content: text}
		if i == len(parts)-1 {
			r.components = s.buttons(ctx, answerID)
		}
		msgID, err := s.post(ctx, r)
		if err != nil {
			return fmt.Errorf("post part %d of %d: %w", i+1, len(parts), err)
		}
		if err := s.store.RecordPosted(ctx, id, i, msgID, points[i]); err != nil {
			return err
		}
	}
	if err := s.store.CompleteBriefing(ctx, id); err != nil {
		return err
	}
	s.log.Info("posted the daily briefing", "slot", slot, "parts", len(parts))
	return nil
}

// plan writes the briefing, leaving out passages already covered in the
// channel, and lays it out as messages with the points each one makes.
func (s *scheduler) plan(ctx context.Context, slot time.Time, answerID string) ([]string, [][]store.Point, error) {
	covered, err := s.store.PostedSources(ctx, s.channel)
	if err != nil {
		return nil, nil, err
	}
	lang := s.language()
	header := briefingHeader(slot, "", lang)
	res, err := s.answers.Brief(ctx, answer.BriefingRequest{Exclude: covered, Lang: lang})
	if errors.Is(err, answer.ErrNothingNew) {
		return []string{header + "\n\n" + i18n.Text(lang, i18n.NothingSinceLast)}, [][]store.Point{nil}, nil
	}
	if failed := err != nil && ctx.Err() == nil; failed || (err == nil && res.Abstained) {
		// The model is down or wrote nothing verifiable: the documents'
		// own lead sentences, marked as such, else a short notice. Either
		// way the day's slot is not retried and the failure is logged
		// once, here.
		why := "no claim of the model's briefing was verified"
		if failed {
			why = redact(err)
		}
		fb, ferr := s.answers.Brief(ctx, answer.BriefingRequest{Exclude: covered, Fallback: true, Lang: lang})
		if ferr != nil || fb.Abstained {
			s.log.Error("daily briefing: the model could not write it and no extractive briefing could be made; posting a notice",
				"slot", slot, "reason", why, "fallback_error", redact(ferr))
			s.countFallback("notice")
			return []string{header + "\n\n" + i18n.Text(lang, i18n.BriefingFailed)}, [][]store.Point{nil}, nil
		}
		s.log.Error("daily briefing: the model could not write it; posting the documents' lead sentences instead", "slot", slot, "reason", why)
		s.countFallback("extractive")
		res, err = fb, nil
	}
	if err != nil {
		return nil, nil, err
	}
	res.ID = answerID
	err = s.answerLog.RecordAnswer(ctx, store.Answer{
		ID: answerID, Kind: store.KindBriefing, Text: res.Text, ChannelID: s.channel, At: slot, Lang: res.Lang,
		Sources: sourceRefs(res.Sources),
	})
	if err != nil {
		return nil, nil, err
	}
	rs := renderResult(res, header)
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = r.content
	}
	return parts, assignPoints(parts, res.Points), nil
}

func (s *scheduler) countFallback(kind string) {
	if s.metrics != nil {
		s.metrics.BriefingFallback(kind)
	}
}

// assignPoints says which message makes each point: the first one holding
// its text (the last one when none does, so it is recorded when the
// briefing ends). Repeated keys are dropped: a key is recorded once.
func assignPoints(parts []string, points []answer.Point) [][]store.Point {
	out := make([][]store.Point, len(parts))
	seen := map[string]bool{}
	for _, p := range points {
		if p.Key == "" || seen[p.Key] {
			continue
		}
		seen[p.Key] = true
		at := len(parts) - 1
		want := Format(p.Text)
		for i, text := range parts {
			if strings.Contains(text, want) {
				at = i
				break
			}
		}
		out[at] = append(out[at], store.Point{Key: p.Key, Text: p.Text, Sources: p.Sources})
	}
	return out
}

// language is the briefing's: the server's preferred locale, else English.
func (s *scheduler) language() string {
	if s.locale == nil {
		return i18n.English
	}
	return i18n.Reply("", s.locale())
}

// buttons recreates the last part's buttons from the recorded answer, so
// a resumed briefing has them too.
func (s *scheduler) buttons(ctx context.Context, answerID string) []discordgo.MessageComponent {
	a, ok, err := s.answerLog.Answer(ctx, answerID)
	if err != nil || !ok || len(a.Sources) == 0 {
		return nil
	}
	return answerButtons(answerID, len(a.Sources), i18n.Reply("", a.Lang))
}

func sourceRefs(sources []answer.Source) []store.SourceRef {
	out := make([]store.SourceRef, len(sources))
	for i, s := range sources {
		out[i] = store.SourceRef{N: s.N, DocID: s.DocID, Passage: s.Passage, LastPassage: s.LastPassage,
			Title: s.Title, LineStart: s.LineStart, LineEnd: s.LineEnd}
		if s.Verified {
			out[i].Quote = s.Quote
		}
	}
	return out
}
