package discordtest

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// discordEpoch is the first millisecond of 2015, the origin of snowflakes.
const discordEpoch = 1420070400000

// ErrClosed is returned by waits that end because the Server was closed.
var ErrClosed = errors.New("discordtest: server closed")

// Server is a fake Discord: a REST API under /api/v{n}/ and a gateway
// websocket, both on 127.0.0.1. All methods are safe for concurrent use.
type Server struct {
	t          testing.TB
	cfg        config
	hs         *httptest.Server
	wsURL      string
	routeTable []route
	tester     User
	lastID     atomic.Int64

	wg        sync.WaitGroup // gateway reader and writer goroutines
	closeOnce sync.Once
	closed    chan struct{}

	mu      sync.Mutex
	changed chan struct{} // closed and replaced on every state change

	// Gateway.
	conns       map[*gwConn]struct{}
	sessions    map[string]*gwSession
	current     *gwSession
	pending     []event // dispatched while no session existed
	identifies  []Identify
	resumes     int
	connections int
	heartbeats  []time.Time // when each heartbeat arrived
	moments     map[Moment][]GatewayFault
	// identifyFaults are when IDENTIFYs answered by a fault arrived.
	identifyFaults []time.Time

	// Sharded gateway (WithShards): the session each shard's dispatches
	// go to, what waits for a shard without one, and when each identify
	// bucket last identified.
	shardSessions    map[int]*gwSession
	shardPending     map[int][]event
	bucketIdentified map[int]time.Time

	// REST.
	requests   []Request
	violations []Violation
	faults     []*fault
	stalls     []*stall

	// Discord state.
	guilds       []*guild
	channels     map[string]*Channel
	messages     map[string]*Message
	channelMsgs  map[string][]string // channel ID → message IDs in order
	users        map[string]User
	dms          map[string]string // recipient ID → DM channel ID
	commands     map[string][]Command
	commandIDs   map[string]string // scope/type/name → stable ID
	interactions map[string]*Interaction
	byToken      map[string]*Interaction
	interOrder   []*Interaction
}

type guild struct {
	id       string
	channels []string
	roles    []Role
	joinedAt time.Time
	locale   string // preferred_locale
}

// New starts a fake Discord on 127.0.0.1 and closes it when the test ends.
// Close any discordgo session before that (register its Close with
// t.Cleanup after calling New), or it will keep reconnecting.
func New(t testing.TB, opts ...Option) *Server {
	t.Helper()
	s := &Server{
		t:                t,
		closed:           make(chan struct{}),
		changed:          make(chan struct{}),
		conns:            make(map[*gwConn]struct{}),
		sessions:         make(map[string]*gwSession),
		moments:          make(map[Moment][]GatewayFault),
		shardSessions:    make(map[int]*gwSession),
		shardPending:     make(map[int][]event),
		bucketIdentified: make(map[int]time.Time),
		channels:         make(map[string]*Channel),
		messages:         make(map[string]*Message),
		channelMsgs:      make(map[string][]string),
		users:            make(map[string]User),
		dms:              make(map[string]string),
		commands:         make(map[string][]Command),
		commandIDs:       make(map[string]string),
		interactions:     make(map[string]*Interaction),
		byToken:          make(map[string]*Interaction),
	}
	s.cfg = config{
		heartbeat:      41250 * time.Millisecond,
		ackDeadline:    3 * time.Second,
		tokenLifetime:  15 * time.Minute,
		strictMentions: true,
	}
	for _, o := range opts {
		o(&s.cfg)
	}
	for _, f := range s.cfg.faults {
		s.moments[f.at] = append(s.moments[f.at], f.faults...)
	}
	if s.cfg.bot.ID == "" {
		s.cfg.bot = User{ID: s.newID(), Username: "corpusbot", Bot: true}
	}
	if s.cfg.appID == "" {
		s.cfg.appID = s.cfg.bot.ID
	}
	s.tester = User{ID: s.newID(), Username: "tester"}
	s.users[s.cfg.bot.ID] = s.cfg.bot
	s.users[s.tester.ID] = s.tester
	s.setupGuilds()
	s.routeTable = s.routes()

	// Bind loopback explicitly: the fake must never listen beyond this host.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("discordtest: listen: %v", err)
	}
	s.hs = httptest.NewUnstartedServer(http.HandlerFunc(s.serveHTTP))
	s.hs.Listener.Close()
	s.hs.Listener = ln
	s.wsURL = "ws://" + ln.Addr().String() // before Start: the handlers read it
	s.hs.Start()
	t.Cleanup(s.Close)
	return s
}

func (s *Server) setupGuilds() {
	now := time.Now().UTC()
	for _, g := range s.cfg.guilds {
		gd := &guild{id: g.id, joinedAt: now, locale: g.locale}
		if gd.locale == "" {
			gd.locale = "en-US"
		}
		hasEveryone := false
		for _, r := range g.roles {
			hasEveryone = hasEveryone || r.ID == g.id
			gd.roles = append(gd.roles, r)
		}
		if !hasEveryone {
			gd.roles = append([]Role{{ID: g.id, Name: "@everyone", Permissions: 0}}, gd.roles...)
		}
		for i, c := range g.channels {
			c.GuildID = g.id
			if c.Name == "" {
				c.Name = "channel-" + strconv.Itoa(i)
			}
			c.Position = i
			s.channels[c.ID] = &c
			gd.channels = append(gd.channels, c.ID)
		}
		s.guilds = append(s.guilds, gd)
	}
}

// URL returns the REST base URL, http://127.0.0.1:PORT, without a path.
func (s *Server) URL() string { return s.hs.URL }

// GatewayURL returns the websocket URL that GET /gateway hands out.
func (s *Server) GatewayURL() string { return s.wsURL }

// BotUser returns the bot's user.
func (s *Server) BotUser() User { return s.cfg.bot }

// AppID returns the application ID.
func (s *Server) AppID() string { return s.cfg.appID }

// DefaultUser returns the human user that sends messages and interactions
// when the test names no author.
func (s *Server) DefaultUser() User { return s.tester }

// Close drops every gateway connection, stops the HTTP server and waits for
// the fake's goroutines. It is idempotent and runs at the end of the test.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		s.mu.Lock()
		close(s.closed)
		for c := range s.conns {
			c.ws.Close()
		}
		s.notifyLocked()
		s.mu.Unlock()
		s.hs.CloseClientConnections()
		s.hs.Close()
		s.wg.Wait()
	})
}

// newID returns a fresh snowflake, strictly increasing.
func (s *Server) newID() string {
	for {
		last := s.lastID.Load()
		id := (time.Now().UnixMilli() - discordEpoch) << 22
		if id <= last {
			id = last + 1
		}
		if s.lastID.CompareAndSwap(last, id) {
			return strconv.FormatInt(id, 10)
		}
	}
}

// notifyLocked wakes every waiter; s.mu must be held.
func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// wait blocks until cond (called with s.mu held) returns true.
func (s *Server) wait(ctx context.Context, cond func() bool) error {
	for {
		s.mu.Lock()
		ok := cond()
		ch := s.changed
		s.mu.Unlock()
		if ok {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-s.closed:
			return ErrClosed
		case <-ch:
		}
	}
}

// Requests returns every REST request received so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Violations returns every rule violation recorded so far, in order.
func (s *Server) Violations() []Violation {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Violation(nil), s.violations...)
}

// WaitFor returns the first request, already received or still to come,
// for which match returns true.
func (s *Server) WaitFor(ctx context.Context, match func(Request) bool) (Request, error) {
	var got Request
	next := 0
	err := s.wait(ctx, func() bool {
		for ; next < len(s.requests); next++ {
			if match(s.requests[next]) {
				got = s.requests[next]
				return true
			}
		}
		return false
	})
	return got, err
}

// Messages returns the channel's messages, oldest first, as last edited;
// deleted messages are left out.
func (s *Server) Messages(channelID string) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.messagesLocked(channelID)
}

// BotMessages returns the messages the bot user wrote in the channel,
// oldest first, as last edited.
func (s *Server) BotMessages(channelID string) []Message {
	var out []Message
	for _, m := range s.Messages(channelID) {
		if m.Author.ID == s.cfg.bot.ID {
			out = append(out, m)
		}
	}
	return out
}

func (s *Server) messagesLocked(channelID string) []Message {
	var out []Message
	for _, id := range s.channelMsgs[channelID] {
		if m, ok := s.messages[id]; ok {
			out = append(out, *m)
		}
	}
	return out
}

// Message returns one message by ID.
func (s *Server) Message(id string) (Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.messages[id]
	if !ok {
		return Message{}, false
	}
	return *m, true
}

// WaitMessage returns the first message in the channel, present or future,
// for which match returns true. Edits count: a message that matches only
// after an edit is returned then.
func (s *Server) WaitMessage(ctx context.Context, channelID string, match func(Message) bool) (Message, error) {
	var got Message
	err := s.wait(ctx, func() bool {
		for _, m := range s.messagesLocked(channelID) {
			if match(m) {
				got = m
				return true
			}
		}
		return false
	})
	return got, err
}

// Channel returns a channel (guild channel, thread or DM) by ID.
func (s *Server) Channel(id string) (Channel, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.channels[id]
	if !ok {
		return Channel{}, false
	}
	return *c, true
}

// guildLocaleLocked is a guild's preferred locale.
func (s *Server) guildLocaleLocked(id string) string {
	if g := s.guildLocked(id); g != nil {
		return g.locale
	}
	return "en-US"
}

func (s *Server) guildLocked(id string) *guild {
	for _, g := range s.guilds {
		if g.id == id {
			return g
		}
	}
	return nil
}
