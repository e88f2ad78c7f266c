package bot

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"time"

	"corpusbot/answer"
	"corpusbot/corpus"
	"corpusbot/secret"
)

// Thread modes.
const (
	// ThreadAuto opens a thread from the first mention and answers there;
	// the thread is then one conversation.
	ThreadAuto = "auto"
	// ThreadOff replies in place.
	ThreadOff = "off"
)

// Defaults for zero Config fields.
const (
	DefaultMaxConcurrent = 4
	DefaultMaxQueue      = 100
	DefaultShutdownGrace = 10 * time.Second
	DefaultEditInterval  = time.Second
	// DefaultEditTimeout bounds each attempt to post or edit a message.
	DefaultEditTimeout = 5 * time.Second
	// DefaultAnswerTimeout bounds writing a whole answer, streaming
	// included (ANSWER_TIMEOUT).
	DefaultAnswerTimeout  = 2 * time.Minute
	DefaultTypingInterval = 8 * time.Second
	DefaultHistoryTurns   = 10
	// DefaultConversationIdle is how long a DM conversation lasts without
	// a question before the next one starts a new conversation.
	DefaultConversationIdle = 30 * time.Minute
	DefaultSearchResults    = 5
	// DefaultUserRate and DefaultUserBurst are what corpusbot configures:
	// three questions at once, then one more every 20 s. A zero
	// Config.UserRate means no limit.
	DefaultUserRate  = 20 * time.Second
	DefaultUserBurst = 3
	// DefaultQueueWait is how long a question waits for a place in a full
	// queue before it is refused as busy: well within the 15 minutes an
	// interaction's answer can be posted in.
	DefaultQueueWait = 5 * time.Minute
	// DefaultBriefingCatchUp is how late after its time a daily briefing
	// is still posted when the bot was down at that moment.
	DefaultBriefingCatchUp = time.Hour
)

// Config configures New. Only Token is required.
type Config struct {
	Token   secret.String
	AppID   string // "" means the bot user's ID, as for apps made in the portal
	GuildID string // the only guild served, commands registered there (instant); "" = every guild, commands globally
	// APIBase is DISCORD_API_BASE: where REST requests go ("" means
	// https://discord.com). Requests for other hosts are refused.
	APIBase string
	// MessageContentIntent adds the privileged intent needed to read
	// follow-ups in a thread that do not mention the bot.
	MessageContentIntent bool
	ThreadMode           string // ThreadAuto ("" too) or ThreadOff

	// Empty lists allow everyone. With either set, DMs are refused: a DM
	// has neither a listed channel nor member roles.
	AllowedChannels []string
	AllowedRoles    []string

	// UserRate and UserBurst are each user's token bucket: UserBurst
	// questions at once (0 → 1), then one more every UserRate; 0 = no
	// limit. Only questions the model answers spend a token.
	UserRate  time.Duration
	UserBurst int
	// UserTokens, when set, keeps the buckets where every process of the
	// bot sees them (PostgreSQL); nil keeps them in this process.
	UserTokens    UserTokens
	MaxConcurrent int           // answers written at once; 0 → DefaultMaxConcurrent
	MaxQueue      int           // answers waiting beyond that; 0 → DefaultMaxQueue
	QueueWait     time.Duration // wait for a place in a full queue; 0 → DefaultQueueWait

	// Daily briefing: posted in BriefingChannelID at BriefingTime ("HH:MM",
	// 24-hour) in BriefingTZ (nil = UTC). Empty BriefingTime = none.
	BriefingChannelID string
	BriefingTime      string
	BriefingTZ        *time.Location
	BriefingCatchUp   time.Duration // 0 → DefaultBriefingCatchUp; <0 = never

	ShutdownGrace time.Duration // 0 → DefaultShutdownGrace
	EditInterval  time.Duration // streaming edits at most this often; 0 → DefaultEditInterval
	EditTimeout   time.Duration // each attempt to post or edit a message; 0 → DefaultEditTimeout
	// AnswerTimeout bounds writing one answer, summary or briefing from the
	// moment it has a slot, streaming included; past it the user is told it
	// took too long. 0 → DefaultAnswerTimeout.
	AnswerTimeout  time.Duration
	TypingInterval time.Duration // 0 → DefaultTypingInterval
	HistoryTurns   int           // turns of a conversation given to the pipeline; 0 → DefaultHistoryTurns
	// ConversationIdle ends a DM conversation left without a question this
	// long; 0 → DefaultConversationIdle.
	ConversationIdle time.Duration
	SearchResults    int // passages /search shows; 0 → DefaultSearchResults, at most 10

	// Shard is the gateway shard this process serves; the zero value
	// serves every guild on one connection.
	Shard Shard

	Metrics Metrics // nil records nothing

	// Now is the clock of the rate limit and of conversation expiry; nil
	// means time.Now. Tests set it.
	Now func() time.Time

	// Reload, when set, re-reads the corpus and swaps the new index in,
	// returning a one-line report; the old index stays when it fails. It
	// is what the admin-only /reload command calls, and that command is
	// registered only when Reload is set.
	Reload func(ctx context.Context) (string, error)
}

func (c Config) withDefaults() (Config, error) {
	if c.Token.IsZero() {
		return c, errors.New("bot: no token")
	}
	switch c.ThreadMode {
	case "":
		c.ThreadMode = ThreadAuto
	case ThreadAuto, ThreadOff:
	default:
		return c, fmt.Errorf("bot: thread mode %q: want %q or %q", c.ThreadMode, ThreadAuto, ThreadOff)
	}
	if c.UserRate < 0 || c.UserBurst < 0 || c.QueueWait < 0 || c.MaxConcurrent < 0 || c.MaxQueue < 0 || c.ShutdownGrace < 0 ||
		c.EditInterval < 0 || c.EditTimeout < 0 || c.AnswerTimeout < 0 || c.TypingInterval < 0 || c.HistoryTurns < 0 ||
		c.SearchResults < 0 || c.ConversationIdle < 0 {
		return c, errors.New("bot: negative limit in config")
	}
	if err := c.Shard.check(); err != nil {
		return c, err
	}
	c.MaxConcurrent = cmp.Or(c.MaxConcurrent, DefaultMaxConcurrent)
	c.MaxQueue = cmp.Or(c.MaxQueue, DefaultMaxQueue)
	c.QueueWait = cmp.Or(c.QueueWait, DefaultQueueWait)
	c.ShutdownGrace = cmp.Or(c.ShutdownGrace, DefaultShutdownGrace)
	if c.Now == nil {
		c.Now = time.Now
	}
	c.EditInterval = cmp.Or(c.EditInterval, DefaultEditInterval)
	c.EditTimeout = cmp.Or(c.EditTimeout, DefaultEditTimeout)
	c.AnswerTimeout = cmp.Or(c.AnswerTimeout, DefaultAnswerTimeout)
	c.TypingInterval = cmp.Or(c.TypingInterval, DefaultTypingInterval)
	c.HistoryTurns = cmp.Or(c.HistoryTurns, DefaultHistoryTurns)
	c.ConversationIdle = cmp.Or(c.ConversationIdle, DefaultConversationIdle)
	c.SearchResults = min(cmp.Or(c.SearchResults, DefaultSearchResults), 10)
	c.BriefingCatchUp = cmp.Or(c.BriefingCatchUp, DefaultBriefingCatchUp)
	if c.BriefingTZ == nil {
		c.BriefingTZ = time.UTC
	}
	if c.BriefingTime != "" {
		if _, _, err := ParseClock(c.BriefingTime); err != nil {
			return c, fmt.Errorf("bot: %w", err)
		}
		if c.BriefingChannelID == "" {
			return c, errors.New("bot: briefing time set without a briefing channel")
		}
	}
	return c, nil
}

// Answerer is what the bot needs of the answer pipeline; *answer.Pipeline
// satisfies it.
type Answerer interface {
	Ask(ctx context.Context, q answer.Question) (*answer.Result, error)
	Summarize(ctx context.Context, r answer.SummaryRequest) (*answer.Result, error)
	Brief(ctx context.Context, r answer.BriefingRequest) (*answer.Result, error)
	Search(ctx context.Context, query string, k int) ([]answer.Match, error)
	Documents() []corpus.Document
	Passage(docID string, index int) (corpus.Passage, corpus.Document, bool)
	LLMEnabled() bool
	// Check reports why a question asked afresh would be refused (empty,
	// too long, no words), calling no model.
	Check(question string) error
}

// Store is the state the bot keeps across restarts, taken as one value
// because *store.Store is all of it. Each part of the bot holds it as
// the small interface it declares beside its code, with only the methods
// it calls, so that a wrapper (package main fences the briefing writes)
// or a test replaces one part alone.
type Store interface {
	UserHasher
	AnswerLog     // job.go: answers, for their buttons and reply chains
	VoteRecorder  // interactions.go: the vote buttons
	Conversations // conversation.go: threads, DMs, reply chains
	BriefingStore // briefing.go: the daily briefing's protocol
}

// UserHasher names users in everything the bot records or logs by a
// pseudonym, never their Discord ID.
type UserHasher interface {
	HashUser(userID string) string
}
