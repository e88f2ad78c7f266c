package discordtest

import (
	"fmt"
	"slices"
	"time"
)

// GatewayFault is something the fake gateway does to a client's
// connection: see Op7, Op9, Drop, Stall and Close. Apply one now with
// Inject, or at a moment of the handshake with InjectAt.
type GatewayFault struct {
	kind      faultKind
	resumable bool // Op9
	code      int  // Close
}

type faultKind int

const (
	faultReconnect faultKind = iota + 1
	faultInvalidate
	faultDrop
	faultStall
	faultClose
)

// Op7 sends Reconnect (op 7): the client must reconnect and resume.
func Op7() GatewayFault { return GatewayFault{kind: faultReconnect} }

// Op9 sends Invalid Session (op 9) with d = resumable. Not resumable, the
// session is forgotten: the client must IDENTIFY again, and dispatches it
// never received are delivered after the new READY (Discord would drop
// them; the fake keeps them so a test can count answers).
func Op9(resumable bool) GatewayFault {
	return GatewayFault{kind: faultInvalidate, resumable: resumable}
}

// Drop closes the TCP connection without a close frame, as a network
// failure would; the session survives for a resume.
func Drop() GatewayFault { return GatewayFault{kind: faultDrop} }

// Stall makes the connection go silent: nothing the client sends is read
// (no heartbeat ACK), nothing more is written, the TCP connection stays
// open. The session survives; the client must notice the missing ACKs.
func Stall() GatewayFault { return GatewayFault{kind: faultStall} }

// Close sends a close frame with a gateway close code (4000–4014) and
// closes the connection. 4007 and 4009 end the session, as do the codes
// after which a client must not reconnect (4004, 4010–4014); the others
// leave it resumable.
func Close(code int) GatewayFault { return GatewayFault{kind: faultClose, code: code} }

func (f GatewayFault) String() string {
	switch f.kind {
	case faultReconnect:
		return "op 7"
	case faultInvalidate:
		return fmt.Sprintf("op 9 (resumable %v)", f.resumable)
	case faultDrop:
		return "dropped connection"
	case faultStall:
		return "stalled socket"
	case faultClose:
		return fmt.Sprintf("close %d", f.code)
	}
	return "no fault"
}

// endsSession reports whether the server forgets the session with f.
func (f GatewayFault) endsSession() bool {
	return f.kind == faultInvalidate && !f.resumable || f.kind == faultClose && sessionEnding(f.code)
}

// sessionEnding reports the close codes after which the session cannot be
// resumed.
func sessionEnding(code int) bool {
	switch code {
	case 4004, 4007, 4009, 4010, 4011, 4012, 4013, 4014:
		return true
	}
	return false
}

// Moment is a point of the gateway handshake where InjectAt applies its
// faults: the worst moments for a client.
type Moment int

const (
	// AfterReady is right after READY and the GUILD_CREATEs.
	AfterReady Moment = iota + 1
	// OnResume answers a RESUME with the fault instead of the replay and
	// RESUMED.
	OnResume
	// AfterResumed is right after RESUMED.
	AfterResumed
	// OnIdentify answers an IDENTIFY with the fault instead of READY; no
	// session is made.
	OnIdentify
)

func (m Moment) String() string {
	switch m {
	case AfterReady:
		return "right after READY"
	case OnResume:
		return "during RESUME"
	case AfterResumed:
		return "right after RESUMED"
	case OnIdentify:
		return "instead of READY"
	}
	return "never"
}

// IdentifyTimes returns when each IDENTIFY arrived, accepted or answered
// by an OnIdentify fault, in order.
func (s *Server) IdentifyTimes() []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := append([]time.Time(nil), s.identifyFaults...)
	for _, id := range s.identifies {
		out = append(out, id.At)
	}
	slices.SortFunc(out, func(a, b time.Time) int { return a.Compare(b) })
	return out
}
