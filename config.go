package main

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"corpusbot/bot"
	"corpusbot/secret"
	"corpusbot/sourcelink"
	"corpusbot/store"
)

// config is every setting read from the environment (or .env). It is read
// once, here, and handed to the packages as their own Config structs.
type config struct {
	// Discord
	DiscordToken         secret.String
	DiscordAppID         string
	DiscordGuildID       string
	DiscordAPIBase       string
	MessageContentIntent bool
	ThreadMode           string // "auto" or "off"
	AllowedChannelIDs    []string
	AllowedRoleIDs       []string
	UserRate             time.Duration // one more question every UserRate; 0 = no limit
	UserBurst            int
	MaxConcurrent        int
	QueueWait            time.Duration
	ConversationIdle     time.Duration // a DM conversation ends after this long without a question
	ConversationTurns    int           // turns of a conversation given to the model
	BriefingChannelID    string
	BriefingTime         string // "HH:MM", "" = no daily briefing
	BriefingTZ           *time.Location
	HealthAddr           string
	ShardID              int // this process's (first) shard when sharded
	ShardLast            int // its last shard: SHARD_ID=0-3 serves 0 to 3
	ShardCount           int // 0 = not sharded; shardAuto = Discord's recommendation

	// Operator's dashboard and retention
	AdminAddr  string        // "" = no dashboard
	AdminToken secret.String // required with AdminAddr
	RetainDays int           // 0 = keep questions and answers forever

	// LLM
	OpenAIKey     secret.String
	OpenAIBaseURL string
	OpenAIModel   string
	LLMTimeout    time.Duration
	LLMMaxRetries int
	AnswerTimeout time.Duration // a whole answer in Discord, streaming included

	// Answering and corpus
	ContextTokens    int
	MaxAnswerTokens  int // completion limit of an answer, reasoning included
	MaxQuestionChars int
	CorpusDir        string
	WatchCorpus      bool                 // reload CorpusDir when its files change
	SourceURL        *sourcelink.Template // links in Sources; nil = none
	MaxFileBytes     int64
	DataDir          string
	IndexSnapshot    bool // save CorpusDir's index in DataDir and map it at the next start

	// State in PostgreSQL, and the leader/standby pair it allows
	DatabaseURL secret.String // postgres://…; zero = the SQLite file in DataDir
	LeaderLease time.Duration // how long a leader that stops renewing keeps the lead

	// Logs
	LogLevel  slog.Level
	LogFormat string // "text" or "json"

	// Notes are warnings about the settings (deprecated keys), logged at
	// start-up.
	Notes []string
}

// configError names the key that stopped start-up, so the user sees one line
// that says what to fix.
type configError struct {
	Key, Value, Want string
}

func (e *configError) Error() string {
	return fmt.Sprintf("config: %s=%q is not valid: want %s", e.Key, e.Value, e.Want)
}

// loadConfig reads every key through getenv. The first malformed value is
// returned as a *configError.
func loadConfig(getenv func(string) string) (config, error) {
	p := envParser{getenv: getenv}
	c := config{
		DiscordToken:         secret.New(strings.TrimSpace(getenv("DISCORD_TOKEN"))),
		DiscordAppID:         p.snowflake("DISCORD_APP_ID"),
		DiscordGuildID:       p.snowflake("DISCORD_GUILD_ID"),
		DiscordAPIBase:       p.apiBase("DISCORD_API_BASE"),
		MessageContentIntent: p.boolean("MESSAGE_CONTENT_INTENT", false),
		ThreadMode:           p.oneOf("THREAD_MODE", "auto", "auto", "off"),
		AllowedChannelIDs:    p.snowflakes("ALLOWED_CHANNEL_IDS"),
		AllowedRoleIDs:       p.snowflakes("ALLOWED_ROLE_IDS"),
		UserRate:             p.rate("USER_RATE", bot.DefaultUserRate),
		UserBurst:            p.integer("USER_BURST", bot.DefaultUserBurst, 1, 1000),
		MaxConcurrent:        p.integer("MAX_CONCURRENT_ANSWERS", 4, 1, 1000),
		QueueWait:            p.duration("QUEUE_WAIT", bot.DefaultQueueWait),
		ConversationIdle:     p.duration("CONVERSATION_IDLE", bot.DefaultConversationIdle),
		ConversationTurns:    p.integer("CONVERSATION_TURNS", bot.DefaultHistoryTurns, 2, 100),
		BriefingChannelID:    p.snowflake("BRIEFING_CHANNEL_ID"),
		BriefingTime:         p.clock("BRIEFING_TIME"),
		BriefingTZ:           p.location("BRIEFING_TZ"),
		HealthAddr:           p.hostPort("HEALTH_ADDR"),

		AdminAddr:  p.hostPort("ADMIN_ADDR"),
		AdminToken: secret.New(strings.TrimSpace(getenv("ADMIN_TOKEN"))),
		RetainDays: p.integer("RETAIN_DAYS", 180, 0, 36500),

		OpenAIKey:     secret.New(strings.TrimSpace(getenv("OPENAI_API_KEY"))),
		OpenAIBaseURL: p.httpURL("OPENAI_BASE_URL"),
		OpenAIModel:   p.str("OPENAI_MODEL", "gpt-4o-mini"),
		LLMTimeout:    p.duration("LLM_TIMEOUT", 60*time.Second),
		LLMMaxRetries: p.integer("LLM_MAX_RETRIES", 3, 0, 10),
		AnswerTimeout: p.duration("ANSWER_TIMEOUT", 2*time.Minute),

		ContextTokens:    p.integer("CONTEXT_TOKENS", 3000, 200, 1_000_000),
		MaxAnswerTokens:  p.integer("MAX_ANSWER_TOKENS", 1024, 64, 1_000_000),
		MaxQuestionChars: p.integer("MAX_QUESTION_CHARS", 1500, 10, 100_000),
		CorpusDir:        p.str("CORPUS_DIR", ""),
		WatchCorpus:      p.boolean("WATCH_CORPUS", true),
		SourceURL:        p.linkTemplate("SOURCE_URL"),
		MaxFileBytes:     int64(p.integer("MAX_FILE_BYTES", 10<<20, 1, 1<<30)),
		DataDir:          p.str("DATA_DIR", "./data"),
		IndexSnapshot:    p.boolean("INDEX_SNAPSHOT", true),
		DatabaseURL:      p.databaseURL("DATABASE_URL"),
		LeaderLease:      p.duration("LEADER_LEASE", defaultLeaderLease),

		LogLevel:  p.level("LOG_LEVEL"),
		LogFormat: p.oneOf("LOG_FORMAT", "text", "text", "json"),
	}
	p.legacyCooldown(&c)
	p.shardConfig(&c)
	if p.err != nil {
		return config{}, p.err
	}
	if c.QueueWait > 14*time.Minute {
		return config{}, &configError{Key: "QUEUE_WAIT", Value: c.QueueWait.String(), Want: "at most 14m: an interaction's answer must be posted within 15 minutes"}
	}
	if c.LeaderLease < time.Second || c.LeaderLease > time.Minute {
		return config{}, &configError{Key: "LEADER_LEASE", Value: c.LeaderLease.String(), Want: "between 1s and 1m: a standby takes over within about this long after the leader dies"}
	}
	if c.BriefingTime != "" && c.BriefingChannelID == "" {
		return config{}, &configError{Key: "BRIEFING_CHANNEL_ID", Want: "a channel ID when BRIEFING_TIME is set"}
	}
	return c, nil
}

// legacyCooldown maps USER_COOLDOWN, which USER_RATE and USER_BURST
// replaced, when only it is set: one question per cooldown, as before, but
// spent only when the model answers.
func (p *envParser) legacyCooldown(c *config) {
	if p.get("USER_COOLDOWN") == "" {
		return
	}
	d := p.duration("USER_COOLDOWN", 0)
	if p.get("USER_RATE") != "" {
		c.Notes = append(c.Notes, "USER_COOLDOWN is ignored: USER_RATE is set")
		return
	}
	c.UserRate = d
	if p.get("USER_BURST") == "" {
		c.UserBurst = 1
	}
	c.Notes = append(c.Notes, fmt.Sprintf("USER_COOLDOWN is deprecated: read as USER_RATE=%v USER_BURST=%d", d, c.UserBurst))
}

// llmEnabled reports whether an LLM is configured; without one the bot
// answers extractively.
func (c config) llmEnabled() bool { return !c.OpenAIKey.IsZero() || c.OpenAIBaseURL != "" }

// storeConfig is where the state lives: PostgreSQL with DATABASE_URL, else
// the SQLite file in DATA_DIR.
func (c config) storeConfig(log *slog.Logger, obs store.Observer) store.Config {
	return store.Config{Dir: c.DataDir, DatabaseURL: c.DatabaseURL.Reveal(), Logger: log, Observer: obs}
}

// envParser keeps the first error so loadConfig reads as a list of keys.
type envParser struct {
	getenv func(string) string
	err    error
}

func (p *envParser) fail(key, value, want string) {
	if p.err == nil {
		p.err = &configError{Key: key, Value: value, Want: want}
	}
}

func (p *envParser) get(key string) string { return strings.TrimSpace(p.getenv(key)) }

func (p *envParser) str(key, def string) string {
	if v := p.get(key); v != "" {
		return v
	}
	return def
}

func (p *envParser) oneOf(key, def string, allowed ...string) string {
	v := strings.ToLower(p.get(key))
	if v == "" {
		return def
	}
	for _, a := range allowed {
		if v == a {
			return v
		}
	}
	p.fail(key, v, "one of "+strings.Join(allowed, ", "))
	return def
}

func (p *envParser) boolean(key string, def bool) bool {
	v := p.get(key)
	if v == "" {
		return def
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		p.fail(key, v, "true or false")
		return def
	}
	return b
}

func (p *envParser) integer(key string, def, min, max int) int {
	v := p.get(key)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < min || n > max {
		p.fail(key, v, fmt.Sprintf("a whole number from %d to %d", min, max))
		return def
	}
	return n
}

func (p *envParser) duration(key string, def time.Duration) time.Duration {
	v := p.get(key)
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		p.fail(key, v, `a Go duration such as "60s" or "1m30s"`)
		return def
	}
	return d
}

// rate reads "how often one more": a duration ("20s": one every 20 s) or
// a count per unit ("3/min", "180/h"). 0 means no limit.
func (p *envParser) rate(key string, def time.Duration) time.Duration {
	v := p.get(key)
	if v == "" {
		return def
	}
	const want = `a duration such as "20s" (one more question every 20 s) or a rate such as "3/min"`
	n, unit, ok := strings.Cut(v, "/")
	if !ok {
		d, err := time.ParseDuration(v)
		if err != nil || d < 0 {
			p.fail(key, v, want)
			return def
		}
		return d
	}
	count, err := strconv.Atoi(strings.TrimSpace(n))
	per, known := map[string]time.Duration{
		"s": time.Second, "sec": time.Second, "second": time.Second,
		"m": time.Minute, "min": time.Minute, "minute": time.Minute,
		"h": time.Hour, "hour": time.Hour,
	}[strings.ToLower(strings.TrimSpace(unit))]
	if err != nil || count <= 0 || !known {
		p.fail(key, v, want)
		return def
	}
	return per / time.Duration(count)
}

func (p *envParser) snowflake(key string) string {
	v := p.get(key)
	if v == "" {
		return ""
	}
	if _, err := strconv.ParseUint(v, 10, 64); err != nil {
		p.fail(key, v, "a Discord ID (digits only)")
		return ""
	}
	return v
}

func (p *envParser) snowflakes(key string) []string {
	v := p.get(key)
	if v == "" {
		return nil
	}
	var ids []string
	for _, f := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' }) {
		if _, err := strconv.ParseUint(f, 10, 64); err != nil {
			p.fail(key, v, "comma-separated Discord IDs")
			return nil
		}
		ids = append(ids, f)
	}
	return ids
}

func (p *envParser) clock(key string) string {
	v := p.get(key)
	if v == "" {
		return ""
	}
	if _, _, err := bot.ParseClock(v); err != nil {
		p.fail(key, v, "a time of day as HH:MM (24-hour)")
		return ""
	}
	return v
}

func (p *envParser) location(key string) *time.Location {
	v := p.get(key)
	if v == "" {
		return time.UTC
	}
	loc, err := time.LoadLocation(v)
	if err != nil {
		p.fail(key, v, `an IANA time zone such as "Europe/Paris" or "UTC"`)
		return time.UTC
	}
	return loc
}

func (p *envParser) httpURL(key string) string {
	v := p.get(key)
	if v == "" {
		return ""
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		p.fail(key, secret.RedactURL(v), "an http:// or https:// URL")
		return ""
	}
	return v
}

// apiBase checks DISCORD_API_BASE at start-up, with the bot's own rules, so
// a mistake stops the program before it connects anywhere.
func (p *envParser) apiBase(key string) string {
	v := p.str(key, bot.DefaultAPIBase)
	if _, err := bot.ParseAPIBase(v); err != nil {
		p.fail(key, secret.RedactURL(v), "an http:// or https:// host[:port] with no path, query or user info, such as http://127.0.0.1:8080")
		return ""
	}
	return v
}

// databaseURL reads DATABASE_URL: empty for the SQLite file, else a
// PostgreSQL URL, kept secret since it may hold a password.
func (p *envParser) databaseURL(key string) secret.String {
	v := p.get(key)
	if v == "" {
		return secret.String{}
	}
	if !store.IsPostgresURL(v) {
		p.fail(key, secret.RedactURL(v), "a postgres:// or postgresql:// URL, or nothing for the SQLite file in DATA_DIR")
		return secret.String{}
	}
	return secret.New(v)
}

// linkTemplate checks SOURCE_URL at start-up, so that a typo shows as one
// line naming the key rather than as broken links in every answer.
func (p *envParser) linkTemplate(key string) *sourcelink.Template {
	v := p.get(key)
	t, err := sourcelink.Parse(v)
	if err != nil {
		p.fail(key, secret.RedactURL(v), "an http(s) URL template with {path} or {id}, and {start} and {end} for lines, such as https://github.com/org/docs/blob/main/{path}#L{start}-L{end} ("+err.Error()+")")
		return nil
	}
	return t
}

func (p *envParser) hostPort(key string) string {
	v := p.get(key)
	if v == "" {
		return ""
	}
	if _, _, err := net.SplitHostPort(v); err != nil {
		p.fail(key, v, `host:port such as "127.0.0.1:8080"`)
		return ""
	}
	return v
}

func (p *envParser) level(key string) slog.Level {
	v := p.get(key)
	if v == "" {
		return slog.LevelInfo
	}
	var l slog.Level
	if err := l.UnmarshalText([]byte(v)); err != nil {
		p.fail(key, v, "debug, info, warn or error")
		return slog.LevelInfo
	}
	return l
}

// isConfigError reports whether err is a start-up configuration problem.
func isConfigError(err error) bool {
	var ce *configError
	return errors.As(err, &ce)
}
