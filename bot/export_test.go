package bot

import "time"

// SetGatewayTiming scales the gateway's recovery for tests: the least time
// between IDENTIFYs (Discord's is 5 s), the longest wait between failed
// reconnects, and the wait after a close frame. Call it before Run.
func SetGatewayTiming(b *Bot, identify, reconnectMax, closeWait time.Duration) {
	for _, s := range b.sessions {
		s.IdentifyInterval = identify
		s.ReconnectMaxWait = reconnectMax
		s.CloseWait = closeWait
	}
}
