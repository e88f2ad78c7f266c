package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"slices"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Bot is corpusbot on Discord. Create it with New and start it with Run.
type Bot struct {
	cfg     Config
	log     *slog.Logger
	answers Answerer
	api     discordAPI
	session *discordgo.Session // the first shard's, for REST; nil in handler tests
	// sessions are the gateway connections, one per shard served;
	// sessions[0] is session.
	sessions []*discordgo.Session
	http     *http.Transport // closed when Run returns
	metrics  Metrics
	access   access
	bucket   *bucket
	seen     *seenIDs // messages and interactions handled, against replays
	limiter  *limiter
	work     tracker

	// The store, as each part of the bot uses it (see Store).
	users         UserHasher
	answerLog     AnswerLog
	votes         VoteRecorder
	conversations Conversations
	briefings     BriefingStore

	hints sync.Mutex // one no-intent hint per thread

	mu        sync.Mutex
	botID     string
	stopping  bool
	connected map[*discordgo.Session]bool // of sessions, for the gateway metric

	// gatewayDead receives why the gateway will not reconnect.
	gatewayDead chan error

	// workCtx bounds answers: cancelled when the shutdown grace is over.
	// sendCtx bounds posting: cancelled a little later, so that an
	// interrupted answer can still say so.
	workCtx    context.Context
	cancelWork context.CancelFunc
	sendCtx    context.Context
	cancelSend context.CancelFunc
}

// New checks cfg and prepares a Bot; nothing is sent until Run.
func New(cfg Config, answers Answerer, st Store, log *slog.Logger) (*Bot, error) {
	if answers == nil || st == nil {
		return nil, errors.New("bot: answerer and store are required")
	}
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	base := http.DefaultTransport.(*http.Transport).Clone()
	base.MaxIdleConnsPerHost = 16 // many answers edit messages at once
	rt, err := NewTransport(cfg.APIBase, base)
	if err != nil {
		return nil, fmt.Errorf("bot: %w", err)
	}
	client := &http.Client{Transport: rt, Timeout: 30 * time.Second}
	var sessions []*discordgo.Session
	for _, k := range cfg.Shard.IDs() {
		s, err := discordgo.New("Bot " + cfg.Token.Reveal())
		if err != nil {
			return nil, fmt.Errorf("bot: new session: %w", err)
		}
		s.Client = client
		s.Identify.Intents = intents(cfg.MessageContentIntent)
		if cfg.Shard.Sharded() {
			s.ShardID, s.ShardCount = k, cfg.Shard.Count
		}
		s.LogLevel = discordgo.LogError
		sessions = append(sessions, s)
	}
	// REST goes through the first session: one client, and one view of
	// Discord's rate limits, for the process.
	b := newBot(cfg, answers, st, log, sessions[0])
	b.session, b.sessions, b.http = sessions[0], sessions, base
	return b, nil
}

// intents are the gateway intents: guilds (threads and channels), guild
// and direct messages, and, when configured, the privileged message
// content intent that follow-ups without a mention need.
func intents(messageContent bool) discordgo.Intent {
	i := discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	if messageContent {
		i |= discordgo.IntentMessageContent
	}
	return i
}

// newBot builds a Bot around api; cfg has its defaults.
func newBot(cfg Config, answers Answerer, st Store, log *slog.Logger, api discordAPI) *Bot {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	b := &Bot{
		cfg:     cfg,
		log:     log,
		answers: answers,
		users:   st, answerLog: st, votes: st, conversations: st, briefings: st,
		api:     api,
		metrics: cfg.Metrics,
		access:  access{channels: cfg.AllowedChannels, roles: cfg.AllowedRoles},
		bucket:  newBucket(cfg.UserRate, cfg.UserBurst),
		seen:    newSeenIDs(seenEvents),
		limiter: newLimiter(cfg.MaxConcurrent, cfg.MaxQueue),
	}
	if b.metrics == nil {
		b.metrics = noMetrics{}
	}
	b.gatewayDead = make(chan error, 1)
	b.workCtx, b.cancelWork = context.WithCancel(context.Background())
	b.sendCtx, b.cancelSend = context.WithCancel(context.Background())
	return b
}

// Run connects to Discord, registers the commands and serves until ctx
// ends; then it shuts down (see the package documentation) and returns
// nil. A failure to connect or register is returned. Call Run once.
func (b *Bot) Run(ctx context.Context) error {
	if b.session == nil {
		return errors.New("bot: Run needs a Bot made by New")
	}
	defer b.http.CloseIdleConnections()
	defer b.cancelSend()
	defer b.cancelWork()
	s := b.session
	for _, s := range b.sessions {
		for _, h := range []any{b.onReady, b.onConnect, b.onDisconnect, b.onMessageCreate, b.onInteractionCreate} {
			defer s.AddHandler(h)()
		}
		if gate := b.cfg.Shard.Identify; gate != nil {
			turn := &identifyTurn{}
			s.IdentifyGate = func() error {
				identified, err := gate(ctx, s.ShardID)
				turn.take(identified)
				return err
			}
			defer s.AddHandler(turn.connected)()
		}
	}
	// Shards connect one after the other, each when its identify bucket
	// allows.
	for i, sh := range b.sessions {
		if err := b.openGateway(ctx, sh); err != nil {
			if i > 0 {
				b.shutdown()
				b.closeGateways()
			}
			if ctx.Err() != nil {
				return nil // asked to stop while starting, perhaps waiting for a turn to identify
			}
			return fmt.Errorf("bot: connect to the gateway%s: %w", b.cfg.Shard.hint(err), err)
		}
	}
	if s.State != nil && s.State.User != nil {
		b.setBotID(s.State.User.ID)
	}
	if err := b.registerCommands(ctx); err != nil {
		// The gateway is open, so questions may already be in flight:
		// drain them as any shutdown does before closing.
		b.shutdown()
		b.closeGateways()
		if ctx.Err() != nil {
			return nil // asked to stop while starting
		}
		return err
	}
	b.log.Info("bot is running", "user", b.me(), "guild", b.cfg.GuildID, "shard", b.cfg.Shard.String(), "threads", b.cfg.ThreadMode,
		"message_content", b.cfg.MessageContentIntent, "llm", b.answers.LLMEnabled())
	if b.cfg.BriefingTime != "" && b.work.add() {
		go func() {
			defer b.work.done()
			if owner, ok := b.briefingOwner(ctx); !ok || !slices.Contains(b.cfg.Shard.IDs(), owner) {
				if ok {
					b.log.Info("the daily briefing is posted by the shard of its channel's server", "briefing_shard", owner)
				}
				return
			}
			b.newScheduler().run(ctx, b.workCtx)
		}()
	}
	var dead error
	select {
	case <-ctx.Done():
	case dead = <-b.gatewayDead:
		b.log.Error("Discord closed the gateway for good; stopping (check the token, and the intents enabled in the Developer Portal)",
			"error", redact(dead))
	}
	b.shutdown()
	if err := b.closeGateways(); err != nil {
		b.log.Warn("closing the gateway", "error", redact(err))
	}
	b.metrics.SetGateway(false)
	b.log.Info("bot stopped")
	if dead != nil {
		return fmt.Errorf("bot: the gateway closed for good: %w", dead)
	}
	return nil
}

// startupRetry is how long Run keeps trying to connect when Discord
// fails in a way a retry can fix; the session recovers by itself once
// connected.
const startupRetry = time.Minute

// openGateway connects, trying again after a network error, a Discord 5xx
// or a reconnect request (op 7, op 9, a resumable close code) during the
// handshake, with backoff, for up to startupRetry. A bad token, shard,
// version or intents fail at once. The session paces IDENTIFYs itself.
func (b *Bot) openGateway(ctx context.Context, s *discordgo.Session) error {
	wait := 250 * time.Millisecond
	deadline := time.Now().Add(startupRetry)
	for {
		err := s.Open()
		if err == nil || !retryableOpen(err) || time.Now().Add(wait).After(deadline) {
			return err
		}
		b.log.Warn("connecting to the gateway failed; retrying", "error", redact(err), "retry_in", wait)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return err
		case <-t.C:
		}
		wait = min(2*wait, 5*time.Second)
	}
}

// retryableOpen reports whether a failed connect may work if tried again.
func retryableOpen(err error) bool {
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		switch ce.Code {
		case 4004, 4010, 4011, 4012, 4013, 4014: // token, shard, version, intents
			return false
		}
		return true
	}
	var re *discordgo.RESTError
	if errors.As(err, &re) {
		return re.Response != nil && re.Response.StatusCode >= 500
	}
	return true // the network, or op 7/op 9 during the handshake
}

// closeGateways closes every shard's session for good.
func (b *Bot) closeGateways() error {
	var errs []error
	for _, s := range b.sessions {
		errs = append(errs, closeGateway(s))
	}
	return errors.Join(errs...)
}

// closeGateway closes the session for good. discordgo's heartbeat calls
// reconnect when a heartbeat fails, which it does when it races Close; with
// reconnects still on, that reopens the session we are closing and, once
// the server is gone, retries forever. reconnect checks the flag first.
func closeGateway(s *discordgo.Session) error {
	s.Lock()
	s.ShouldReconnectOnError = false
	s.Unlock()
	return s.Close()
}

// shutdown stops new work, gives answers in flight the grace period,
// cancels what is left and waits for it.
func (b *Bot) shutdown() {
	b.mu.Lock()
	b.stopping = true
	b.mu.Unlock()
	b.log.Info("shutting down: finishing answers in flight", "grace", b.cfg.ShutdownGrace)
	grace, cancel := context.WithTimeout(context.Background(), b.cfg.ShutdownGrace)
	err := b.work.wait(grace)
	cancel()
	if err != nil {
		b.log.Warn("shutdown grace over: cancelling answers in flight")
		b.cancelWork()
		// A few seconds more to tell users their answer was interrupted.
		last, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err = b.work.wait(last)
		cancel()
		if err != nil {
			b.cancelSend()
		}
	}
	b.work.close()
	_ = b.work.wait(context.Background())
}

// isStopping reports whether the bot takes no new questions.
func (b *Bot) isStopping() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.stopping
}

func (b *Bot) setBotID(id string) {
	b.mu.Lock()
	b.botID = id
	b.mu.Unlock()
}

// me is the bot's user ID.
func (b *Bot) me() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.botID
}

func (b *Bot) onReady(_ *discordgo.Session, r *discordgo.Ready) {
	if r.User != nil {
		b.setBotID(r.User.ID)
	}
}

// The gateway's state, for /healthz. The session reconnects by itself
// (third_party/discordgo is patched to do it reliably, see PATCHES.md).
func (b *Bot) onConnect(s *discordgo.Session, _ *discordgo.Connect) { b.setConnected(s, true) }

// setConnected records a session's state; the gateway is up when every
// shard's session is.
func (b *Bot) setConnected(s *discordgo.Session, up bool) {
	if len(b.sessions) <= 1 {
		b.metrics.SetGateway(up)
		return
	}
	b.mu.Lock()
	if b.connected == nil {
		b.connected = make(map[*discordgo.Session]bool)
	}
	b.connected[s] = up
	all := true
	for _, sh := range b.sessions {
		all = all && b.connected[sh]
	}
	b.mu.Unlock()
	b.metrics.SetGateway(all)
}

func (b *Bot) onDisconnect(s *discordgo.Session, _ *discordgo.Disconnect) {
	b.setConnected(s, false)
	if err := s.GatewayError(); err != nil {
		// A bad token or intents: reconnecting cannot help, so Run
		// stops and says why.
		select {
		case b.gatewayDead <- err:
		default:
		}
		return
	}
	b.log.Warn("gateway disconnected; reconnecting")
}

// goWork runs f as tracked work, or reports false when shutting down.
func (b *Bot) goWork(f func()) bool {
	if !b.work.add() {
		return false
	}
	go func() {
		defer b.work.done()
		f()
	}()
	return true
}

// registerCommands overwrites the application's commands with the bot's,
// in the configured guild or globally.
func (b *Bot) registerCommands(ctx context.Context) error {
	if b.cfg.Shard.ID != 0 {
		// Commands belong to the application, not to a shard: one
		// process registers them.
		b.log.Info("commands are registered by shard 0")
		return nil
	}
	appID := b.cfg.AppID
	if appID == "" {
		appID = b.me()
	}
	cmds, err := b.session.ApplicationCommandBulkOverwrite(appID, b.cfg.GuildID, commands(b.cfg.Reload != nil), withCtx(ctx))
	if err != nil {
		return fmt.Errorf("bot: register commands: %w", err)
	}
	b.log.Info("registered commands", "count", len(cmds), "guild", b.cfg.GuildID)
	return nil
}

// tokenRE finds interaction tokens in request URLs, which error messages of
// the HTTP client repeat.
var tokenRE = regexp.MustCompile(`(/(?:webhooks/[0-9]+|interactions/[0-9]+))/[A-Za-z0-9_.\-]+`)

// redact is err's text without interaction tokens, for logs.
func redact(err error) string {
	if err == nil {
		return ""
	}
	return tokenRE.ReplaceAllString(err.Error(), "$1/[redacted]")
}
