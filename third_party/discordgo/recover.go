// corpusbot patch: how the gateway session recovers. See PATCHES.md.

package discordgo

import (
	"errors"
	"math/rand"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// Defaults of the recovery settings (Session.IdentifyInterval and the
// others).
const (
	defaultIdentifyInterval = 5 * time.Second
	defaultReconnectMaxWait = 4 * time.Second
	defaultCloseWait        = time.Second
	defaultHandshakeTimeout = 10 * time.Second
	// gatewayWriteTimeout bounds one write to the gateway: a server that
	// stopped reading must not block the heartbeat (and every writer
	// after it) for good.
	gatewayWriteTimeout = 10 * time.Second
)

// Gateway close codes (https://discord.com/developers/docs/topics/opcodes-and-status-codes).
const (
	// closeZombie is what the client sends when it gives up on a
	// connection: any code but 1000 and 1001 keeps the session resumable.
	closeZombie          = 4000
	closeAuthFailed      = 4004
	closeInvalidSeq      = 4007
	closeSessionTimedOut = 4009
	closeInvalidShard    = 4010
	closeShardingNeeded  = 4011
	closeInvalidVersion  = 4012
	closeInvalidIntents  = 4013
	closeDisallowed      = 4014
)

var (
	// errReconnectRequested ends an Open that got op 7 instead of READY
	// or RESUMED; reconnect tries again.
	errReconnectRequested = errors.New("gateway asked to reconnect (op 7) during the handshake")
	// errInvalidSession ends an Open that got op 9.
	errInvalidSession = errors.New("gateway invalidated the session (op 9) during the handshake")
)

// fatalCloseCode reports the close codes after which Discord says not to
// reconnect: the token, shard, version or intents are wrong, and trying
// again changes nothing.
func fatalCloseCode(code int) bool {
	switch code {
	case closeAuthFailed, closeInvalidShard, closeShardingNeeded, closeInvalidVersion, closeInvalidIntents, closeDisallowed:
		return true
	}
	return false
}

// closeCode is the code of a close frame err reports, or -1.
func closeCode(err error) int {
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		return ce.Code
	}
	return -1
}

// gatewayState is the session's resumable identity and the pacing of its
// identifies and reconnects. Its lock is a leaf: nothing else is locked
// while it is held, so it may be used with or without the session lock.
type gatewayState struct {
	mu           sync.Mutex
	sessionID    string
	invalidated  bool // the next IDENTIFY follows an Invalid Session
	lastIdentify time.Time
	backoff      time.Duration // before the next reconnect attempt
}

func (g *gatewayState) getSessionID() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.sessionID
}

func (g *gatewayState) setSessionID(id string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.sessionID = id
}

// forget drops the session so that the next connection identifies;
// invalidated says it follows an Invalid Session.
func (g *gatewayState) forget(invalidated bool, sequence *int64) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.sessionID = ""
	g.invalidated = g.invalidated || invalidated
	atomic.StoreInt64(sequence, 0)
}

// identified records an IDENTIFY sent now.
func (g *gatewayState) identified() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.lastIdentify = time.Now()
	g.invalidated = false
}

// identifyWait is how long an IDENTIFY must wait to keep one per
// interval as Discord counts them, on arrival (see identifyMargin).
func (g *gatewayState) identifyWait(interval time.Duration) time.Duration {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.lastIdentify.IsZero() {
		return 0
	}
	return time.Until(g.lastIdentify.Add(interval + identifyMargin(interval)))
}

// identifyMargin is added to the identify interval for the previous
// IDENTIFY's way to Discord, which may have been slower than the next
// one's: a fiftieth of the interval, and at least 100 ms, since the delays
// (the network, a busy machine's scheduler) do not shrink with a shorter
// interval. 100 ms for Discord's 5 s.
func identifyMargin(interval time.Duration) time.Duration {
	return max(interval/50, 100*time.Millisecond)
}

// connectWait is how long to wait before the next connection attempt: the
// backoff of failed attempts and, when it will identify, the identify
// interval and, after an Invalid Session, a random fifth to whole of it.
func (g *gatewayState) connectWait(interval, maxWait time.Duration) time.Duration {
	g.mu.Lock()
	defer g.mu.Unlock()
	wait := g.backoff
	if g.sessionID != "" {
		return wait
	}
	if g.invalidated {
		wait = max(wait, interval/5+time.Duration(rand.Int63n(int64(interval-interval/5)+1)))
	}
	if !g.lastIdentify.IsZero() {
		wait = max(wait, time.Until(g.lastIdentify.Add(interval+identifyMargin(interval))))
	}
	return wait
}

// failed doubles the backoff after a failed attempt, from a sixteenth of
// maxWait up to maxWait.
func (g *gatewayState) failed(maxWait time.Duration) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.backoff = min(max(2*g.backoff, maxWait/16), maxWait)
}

// healthy resets the backoff: a heartbeat was acknowledged.
func (g *gatewayState) healthy() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.backoff = 0
}

func (s *Session) identifyInterval() time.Duration {
	return orDefault(s.IdentifyInterval, defaultIdentifyInterval)
}

func (s *Session) reconnectMaxWait() time.Duration {
	return orDefault(s.ReconnectMaxWait, defaultReconnectMaxWait)
}

func (s *Session) closeWait() time.Duration { return orDefault(s.CloseWait, defaultCloseWait) }

func (s *Session) handshakeTimeout() time.Duration {
	return orDefault(s.HandshakeTimeout, defaultHandshakeTimeout)
}

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// GatewayError returns why the session stopped reconnecting: the gateway
// closed it with a code after which Discord says not to reconnect (4004
// authentication failed, 4010–4014 shard, version or intents). It is set
// before the Disconnect event that follows; nil while the session is
// connected or recovering.
func (s *Session) GatewayError() error {
	s.RLock()
	defer s.RUnlock()
	return s.gatewayErr
}

// shouldReconnect reads ShouldReconnectOnError under the lock it is set
// under.
func (s *Session) shouldReconnect() bool {
	s.RLock()
	defer s.RUnlock()
	return s.ShouldReconnectOnError
}

// writeGateway writes one payload to wsConn, bounded in time.
func (s *Session) writeGateway(wsConn *websocket.Conn, v interface{}) error {
	s.wsMutex.Lock()
	defer s.wsMutex.Unlock()
	wsConn.SetWriteDeadline(time.Now().Add(gatewayWriteTimeout))
	return wsConn.WriteJSON(v)
}

// dropConnection closes wsConn if it is still the session's connection,
// sending code (any code but 1000 and 1001 keeps the session resumable),
// and reports whether it was; the caller that gets true reconnects. A
// connection already replaced is left to whoever replaced it: that check
// is what keeps a failing heartbeat or reader of an old connection from
// closing the new one.
func (s *Session) dropConnection(wsConn *websocket.Conn, code int) bool {
	s.Lock()
	if wsConn == nil || s.wsConn != wsConn {
		s.Unlock()
		return false
	}
	s.DataReady = false
	if s.listening != nil {
		close(s.listening)
		s.listening = nil
	}
	s.wsConn = nil
	s.Unlock()
	// WriteControl may run alongside a blocked write; the connection is
	// failing or unwanted, so there is no waiting for the server.
	wsConn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, ""), time.Now().Add(time.Second))
	wsConn.Close()
	s.handleEvent(disconnectEventType, &Disconnect{})
	return true
}

// connectionFailed handles a read error on wsConn: a close code that
// forbids reconnecting stops, 4007 and 4009 identify again, anything else
// (including a dropped TCP connection) resumes.
func (s *Session) connectionFailed(wsConn *websocket.Conn, err error) {
	code := closeCode(err)
	if fatalCloseCode(code) {
		s.Lock()
		current := s.wsConn == wsConn
		if current {
			s.gatewayErr = err
		}
		s.Unlock()
		if current && s.dropConnection(wsConn, websocket.CloseNormalClosure) {
			s.log(LogError, "gateway closed the connection for good (close %d), not reconnecting: %s", code, err)
		}
		return
	}
	if code == closeInvalidSeq || code == closeSessionTimedOut {
		s.gw.forget(false, s.sequence)
	}
	if s.dropConnection(wsConn, websocket.CloseServiceRestart) {
		s.log(LogWarning, "error reading from gateway %s websocket, %s", s.gateway, err)
		s.reconnect()
	}
}

// awaitAck waits up to grace for a heartbeat ACK later than sent and
// reports whether one came (or the connection is being closed anyway).
func (s *Session) awaitAck(sent time.Time, grace time.Duration, listening <-chan interface{}) bool {
	deadline := time.Now().Add(grace)
	for time.Now().Before(deadline) {
		select {
		case <-listening:
			return true
		case <-time.After(10 * time.Millisecond):
		}
		s.RLock()
		last := s.LastHeartbeatAck
		s.RUnlock()
		if !last.Before(sent) {
			return true
		}
	}
	return false
}
