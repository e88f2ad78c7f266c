package discordtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// Gateway opcodes.
const (
	opDispatch       = 0
	opHeartbeat      = 1
	opIdentify       = 2
	opPresence       = 3
	opVoiceState     = 4
	opResume         = 6
	opReconnect      = 7
	opRequestMembers = 8
	opInvalidSession = 9
	opHello          = 10
	opHeartbeatACK   = 11
)

// event is a dispatch whose payload may depend on the receiving session's
// intents; build returns false when the session must not receive it.
type event struct {
	name  string
	guild string // routes it to its shard; "" (a DM) goes to shard 0
	build func(intents int64) (any, bool)
}

func constEvent(name string, d any) event {
	return event{name: name, build: func(int64) (any, bool) { return d, true }}
}

// guildEvent is a constEvent about guildID's (or, with "", a DM's) things.
func guildEvent(name, guildID string, d any) event {
	ev := constEvent(name, d)
	ev.guild = guildID
	return ev
}

// gwSession is a gateway session: it outlives connections so that a client
// can resume it and receive what it missed.
type gwSession struct {
	id      string
	intents int64
	shard   int // 0 unless the fake is sharded (WithShards)
	seq     int64
	buffer  []*frame // every dispatch, kept for replay on resume
	conn    *gwConn  // nil while no connection is attached
}

type frame struct {
	seq  int64
	data []byte
	ev   event
	// conn is the connection the frame was last queued on (nil while
	// buffered); written is set once a connection wrote it. An invalidated
	// session's frames that no client got are delivered after the next
	// READY (see InvalidateSession).
	conn    *gwConn
	written atomic.Bool
}

// outFrame is a queued write; f, when set, is marked written after it. A
// closeCode instead sends a close frame after what was queued before it,
// and shuts the connection down.
type outFrame struct {
	data      []byte
	f         *frame
	closeCode int
}

// gwConn is one websocket connection. Frames are queued and written by a
// single goroutine so that dispatching never blocks on a slow client.
type gwConn struct {
	ws      *websocket.Conn
	version string
	session *gwSession // set by IDENTIFY or RESUME
	stalled bool       // guarded by Server.mu: reads ignored, nothing written
	qmu     sync.Mutex
	queue   []outFrame
	// writesStopped (under qmu) drops everything queued: a stalled socket.
	writesStopped bool
	wake          chan struct{}
	done          chan struct{}
	shutOnce      sync.Once
}

type payload struct {
	Op int     `json:"op"`
	D  any     `json:"d"`
	S  *int64  `json:"s"`
	T  *string `json:"t"`
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic("discordtest: marshal: " + err.Error())
	}
	return b
}

func (c *gwConn) enqueue(data []byte) { c.enqueueFrame(outFrame{data: data}) }

func (c *gwConn) enqueueFrame(o outFrame) {
	c.qmu.Lock()
	c.queue = append(c.queue, o)
	c.qmu.Unlock()
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

func (c *gwConn) sendOp(op int, d any) {
	c.enqueue(mustJSON(payload{Op: op, D: d}))
}

func (c *gwConn) writeLoop() {
	for {
		select {
		case <-c.done:
			return
		case <-c.wake:
		}
		c.qmu.Lock()
		if c.writesStopped {
			c.queue = nil
			c.qmu.Unlock()
			continue
		}
		q := c.queue
		c.queue = nil
		c.qmu.Unlock()
		for _, o := range q {
			if o.closeCode != 0 {
				c.closeWith(o.closeCode, "discordtest fault")
				return
			}
			c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
			if err := c.ws.WriteMessage(websocket.TextMessage, o.data); err != nil {
				c.ws.Close()
				return
			}
			if o.f != nil {
				o.f.written.Store(true)
			}
		}
	}
}

// shutdown closes the TCP connection without a close frame.
func (c *gwConn) shutdown() {
	c.shutOnce.Do(func() {
		close(c.done)
		c.ws.Close()
	})
}

// closeWith sends a close frame with a Discord close code, then shuts down.
func (c *gwConn) closeWith(code int, text string) {
	c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, text), time.Now().Add(time.Second))
	c.shutdown()
}

func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	ws, err := up.Upgrade(w, r, nil)
	if err != nil {
		return // Upgrade has answered the client.
	}
	c := &gwConn{ws: ws, version: r.URL.Query().Get("v"), wake: make(chan struct{}, 1), done: make(chan struct{})}
	if c.version == "" {
		c.version = "10"
	}
	s.mu.Lock()
	select {
	case <-s.closed:
		s.mu.Unlock()
		ws.Close()
		return
	default:
	}
	s.conns[c] = struct{}{}
	s.connections++
	s.wg.Add(2)
	s.mu.Unlock()

	go func() {
		defer s.wg.Done()
		c.writeLoop()
	}()
	defer s.wg.Done()
	c.sendOp(opHello, map[string]any{"heartbeat_interval": s.cfg.heartbeat.Milliseconds()})
	s.readLoop(c)

	s.mu.Lock()
	delete(s.conns, c)
	if c.session != nil && c.session.conn == c {
		c.session.conn = nil
	}
	s.notifyLocked()
	s.mu.Unlock()
	c.shutdown()
}

func (s *Server) readLoop(c *gwConn) {
	for {
		_, data, err := c.ws.ReadMessage()
		if err != nil {
			return
		}
		s.mu.Lock()
		stalled := c.stalled
		s.mu.Unlock()
		if stalled {
			continue // a stalled server reads nothing and answers nothing
		}
		var p struct {
			Op int             `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		if err := json.Unmarshal(data, &p); err != nil {
			c.closeWith(4002, "Error while decoding payload.")
			return
		}
		switch p.Op {
		case opHeartbeat:
			s.mu.Lock()
			s.heartbeats = append(s.heartbeats, time.Now())
			s.notifyLocked()
			s.mu.Unlock()
			c.sendOp(opHeartbeatACK, nil)
		case opIdentify:
			s.identify(c, p.D)
		case opResume:
			s.resume(c, p.D)
		case opPresence, opVoiceState, opRequestMembers:
			// Accepted and ignored: nothing in the fake depends on them.
		default:
			c.closeWith(4001, "Unknown opcode.")
			return
		}
	}
}

func (s *Server) tokenOK(token string) bool {
	if token == "" {
		return false
	}
	return s.cfg.token == "" || strings.TrimPrefix(token, "Bot ") == s.cfg.token
}

func (s *Server) identify(c *gwConn, raw json.RawMessage) {
	var d struct {
		Token   string  `json:"token"`
		Intents int64   `json:"intents"`
		Shard   *[2]int `json:"shard"`
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		c.closeWith(4002, "Error while decoding payload.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if c.session != nil {
		c.closeWith(4005, "Already authenticated.")
		return
	}
	if !s.tokenOK(d.Token) {
		c.closeWith(4004, "Authentication failed.")
		return
	}
	if f, ok := s.nextFaultLocked(OnIdentify); ok {
		// The fault answers the IDENTIFY: no session is made.
		s.identifyFaults = append(s.identifyFaults, time.Now())
		s.applyConnLocked(c, f)
		s.notifyLocked()
		return
	}
	shard, code, why := s.checkShard(d.Shard)
	if code != 0 {
		c.closeWith(code, why)
		return
	}
	now := time.Now()
	s.checkIdentifyRateLocked(shard, now)
	sess := &gwSession{id: randomHex(16), intents: d.Intents, shard: shard, conn: c}
	c.session = sess
	s.sessions[sess.id] = sess
	s.current = sess
	s.setShardSessionLocked(sess)
	s.identifies = append(s.identifies, Identify{Token: d.Token, Intents: d.Intents, Shard: d.Shard, Raw: append(json.RawMessage(nil), raw...), At: now})

	s.dispatchToLocked(sess, constEvent("READY", s.readyPayload(sess, c.version)))
	for _, g := range s.guilds {
		if s.shardOf(g.id) == shard {
			s.dispatchToLocked(sess, constEvent("GUILD_CREATE", s.guildPayloadLocked(g)))
		}
	}
	for _, ev := range s.takePendingLocked(shard) {
		s.dispatchToLocked(sess, ev)
	}
	if f, ok := s.nextFaultLocked(AfterReady); ok {
		s.applyLocked(c, f)
	}
	s.notifyLocked()
}

func (s *Server) resume(c *gwConn, raw json.RawMessage) {
	var d struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		c.closeWith(4002, "Error while decoding payload.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sess := s.sessions[d.SessionID]
	if sess == nil || !s.tokenOK(d.Token) || d.Seq > sess.seq {
		c.sendOp(opInvalidSession, false)
		s.notifyLocked()
		return
	}
	if f, ok := s.nextFaultLocked(OnResume); ok {
		// The fault answers the RESUME; the session stays as it was
		// (unless the fault ends it) and nothing is replayed.
		if f.endsSession() {
			s.endSessionLocked(sess, nil)
		}
		s.applyConnLocked(c, f)
		s.notifyLocked()
		return
	}
	if old := sess.conn; old != nil && old != c {
		old.shutdown() // A session has one connection; the newer one wins.
	}
	sess.conn = c
	c.session = sess
	s.setShardSessionLocked(sess)
	for _, f := range sess.buffer {
		if f.seq > d.Seq {
			f.conn = c
			c.enqueueFrame(outFrame{data: f.data, f: f})
		}
	}
	// RESUMED carries a sequence number (discordgo stores it), but is not
	// itself replayed.
	sess.seq++
	name := "RESUMED"
	c.enqueue(mustJSON(payload{Op: opDispatch, D: map[string]any{}, S: &sess.seq, T: &name}))
	s.current = sess
	s.resumes++
	if f, ok := s.nextFaultLocked(AfterResumed); ok {
		s.applyLocked(c, f)
	}
	s.notifyLocked()
}

// dispatchLocked sends ev to the current session, or queues it until a
// client identifies.
func (s *Server) dispatchLocked(ev event) {
	if s.cfg.shards > 0 {
		s.dispatchShardLocked(ev)
		return
	}
	if s.current == nil {
		s.pending = append(s.pending, ev)
		return
	}
	s.dispatchToLocked(s.current, ev)
}

func (s *Server) dispatchToLocked(sess *gwSession, ev event) {
	d, ok := ev.build(sess.intents)
	if !ok {
		return
	}
	sess.seq++
	seq := sess.seq
	data := mustJSON(payload{Op: opDispatch, D: d, S: &seq, T: &ev.name})
	f := &frame{seq: seq, data: data, ev: ev}
	sess.buffer = append(sess.buffer, f)
	if sess.conn != nil {
		f.conn = sess.conn
		sess.conn.enqueueFrame(outFrame{data: data, f: f})
	}
}

// Dispatch sends a raw gateway event (op 0) with the given type and payload.
// Without a connected client it is buffered and replayed on resume, or
// delivered after READY if no client has identified yet.
func (s *Server) Dispatch(eventType string, data any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dispatchLocked(constEvent(eventType, data))
	s.notifyLocked()
}

// WaitReady waits until a client holds a gateway session on an open
// connection: after IDENTIFY → READY (and GUILD_CREATEs) or RESUME →
// RESUMED. After Reconnect, InvalidateSession or DropConnection it waits for
// the client to come back.
func (s *Server) WaitReady(ctx context.Context) error {
	return s.wait(ctx, func() bool { return s.current != nil && s.current.conn != nil })
}

// Identifies returns how many IDENTIFYs were accepted.
func (s *Server) Identifies() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.identifies)
}

// IdentifyPayloads returns every accepted IDENTIFY, in order.
func (s *Server) IdentifyPayloads() []Identify {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Identify(nil), s.identifies...)
}

// Resumes returns how many RESUMEs succeeded.
func (s *Server) Resumes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.resumes
}

// Connections returns how many websocket connections were opened.
func (s *Server) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.connections
}

// currentConnLocked returns the connection of the current session or fails
// the test: the server-initiated gateway actions need a connected client.
func (s *Server) currentConnLocked(action string) *gwConn {
	s.t.Helper()
	if s.current == nil || s.current.conn == nil {
		s.t.Fatalf("discordtest: %s: no client is connected to the gateway", action)
	}
	return s.current.conn
}

// Reconnect sends op 7 (Reconnect) to the connected client. Dispatches from
// then on are buffered until it resumes.
func (s *Server) Reconnect() { s.t.Helper(); s.Inject(Op7()) }

// InvalidateSession sends op 9 (Invalid Session, d false) to the connected
// client and forgets its session, so it must IDENTIFY again. Dispatches no
// client received are delivered after the new READY: Discord would drop
// them, but the fake keeps them so that a test can tell a bot that never
// came back from one that did.
func (s *Server) InvalidateSession() { s.t.Helper(); s.Inject(Op9(false)) }

// DropConnection closes the client's TCP connection without a close frame,
// as a network failure would. The session survives: dispatches are buffered
// and replayed when the client resumes.
func (s *Server) DropConnection() { s.t.Helper(); s.Inject(Drop()) }

// Inject applies f to the connected client now.
func (s *Server) Inject(f GatewayFault) {
	s.t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.currentConnLocked("Inject " + f.String())
	s.applyLocked(c, f)
	s.notifyLocked()
}

// InjectAt queues faults for a moment of the handshake: each time the
// moment comes, the next queued fault is applied to that connection.
func (s *Server) InjectAt(m Moment, faults ...GatewayFault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.moments[m] = append(s.moments[m], faults...)
}

// PendingFaults returns how many faults InjectAt queued that have not
// happened yet.
func (s *Server) PendingFaults() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, q := range s.moments {
		n += len(q)
	}
	return n
}

func (s *Server) nextFaultLocked(m Moment) (GatewayFault, bool) {
	q := s.moments[m]
	if len(q) == 0 {
		return GatewayFault{}, false
	}
	s.moments[m] = q[1:]
	return q[0], true
}

// applyLocked applies f to c, the connection of a session: the session
// loses its connection (dispatches are buffered) and, for an invalid
// session or a close code that ends it, is forgotten.
func (s *Server) applyLocked(c *gwConn, f GatewayFault) {
	if sess := c.session; sess != nil {
		if sess.conn == c {
			sess.conn = nil
		}
		if f.endsSession() {
			s.endSessionLocked(sess, c)
		}
	}
	s.applyConnLocked(c, f)
}

// endSessionLocked forgets sess. Its dispatches that no connection wrote,
// other than those still queued on live, go to pending, delivered after
// the next READY.
func (s *Server) endSessionLocked(sess *gwSession, live *gwConn) {
	for _, f := range sess.buffer {
		if !f.written.Load() && (f.conn == nil || f.conn != live) {
			s.requeueLocked(f.ev)
		}
	}
	sess.buffer = nil
	delete(s.sessions, sess.id)
	if s.current == sess {
		s.current = nil
	}
	if s.shardSessions[sess.shard] == sess {
		delete(s.shardSessions, sess.shard)
	}
}

// applyConnLocked does f's part on the connection itself.
func (s *Server) applyConnLocked(c *gwConn, f GatewayFault) {
	switch f.kind {
	case faultReconnect:
		c.sendOp(opReconnect, nil)
	case faultInvalidate:
		c.sendOp(opInvalidSession, f.resumable)
		if !f.resumable {
			c.session = nil
		}
	case faultDrop:
		c.shutdown()
	case faultClose:
		c.enqueueFrame(outFrame{closeCode: f.code}) // after what is queued, as a server would
	case faultStall:
		c.stalled = true
		c.qmu.Lock()
		c.writesStopped = true
		c.qmu.Unlock()
	}
}

func (s *Server) readyPayload(sess *gwSession, version string) map[string]any {
	v, err := strconv.Atoi(version)
	if err != nil {
		v = 10
	}
	var guilds []map[string]any
	for _, g := range s.guilds {
		if s.shardOf(g.id) == sess.shard {
			guilds = append(guilds, map[string]any{"id": g.id, "unavailable": true})
		}
	}
	if guilds == nil {
		guilds = []map[string]any{}
	}
	bot := s.cfg.bot
	ready := map[string]any{
		"v":                  v,
		"user":               map[string]any{"id": bot.ID, "username": bot.Username, "discriminator": "0", "bot": true, "verified": true, "mfa_enabled": false, "flags": 0},
		"session_id":         sess.id,
		"session_type":       "normal",
		"resume_gateway_url": s.wsURL,
		"application":        map[string]any{"id": s.cfg.appID, "flags": 0},
		"guilds":             guilds,
		"private_channels":   []any{},
	}
	if s.cfg.shards > 0 {
		ready["shard"] = [2]int{sess.shard, s.cfg.shards}
	}
	return ready
}

func (s *Server) guildPayloadLocked(g *guild) map[string]any {
	channels := []Channel{}
	threads := []Channel{}
	for _, id := range g.channels {
		c := *s.channels[id]
		if c.Type == ChannelPublicThread || c.Type == ChannelPrivateThread {
			threads = append(threads, c)
		} else {
			channels = append(channels, c)
		}
	}
	bot := s.cfg.bot
	return map[string]any{
		"id":                 g.id,
		"name":               "guild-" + g.id,
		"owner_id":           s.tester.ID,
		"joined_at":          g.joinedAt,
		"large":              false,
		"unavailable":        false,
		"member_count":       2,
		"roles":              g.roles,
		"channels":           channels,
		"threads":            threads,
		"members":            []Member{{User: &bot, Roles: []string{}, JoinedAt: g.joinedAt}},
		"emojis":             []any{},
		"stickers":           []any{},
		"presences":          []any{},
		"voice_states":       []any{},
		"features":           []string{},
		"stage_instances":    []any{},
		"preferred_locale":   g.locale,
		"verification_level": 0,
	}
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic("discordtest: random: " + err.Error())
	}
	return hex.EncodeToString(b)
}
