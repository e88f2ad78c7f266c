// Package discordtest is a fake Discord for tests: a REST API and a gateway
// websocket on 127.0.0.1 that the real discordgo client (v0.29.0) talks to.
//
// # Connecting discordgo
//
// discordgo fixes its endpoints to https://discord.com/api/v9/… when the
// package loads, so a test points the session's HTTP client at the fake
// with a RoundTripper that rewrites the scheme and host of discord.com
// requests to URL(). The gateway follows: discordgo dials the URL that
// GET /gateway returns (GatewayURL) with "?v=9&encoding=json". Frames are
// uncompressed JSON text even though discordgo asks for zlib.
//
//	srv := discordtest.New(t, discordtest.WithGuild(guildID, channels, nil))
//	s, _ := discordgo.New("Bot token")
//	s.Client = &http.Client{Transport: rewriteTo(srv.URL())}
//	s.Identify.Intents = discordgo.IntentsGuildMessages | discordgo.IntentMessageContent
//	s.Open()
//	t.Cleanup(func() { // after New, so it runs before srv.Close
//		s.Lock()
//		s.ShouldReconnectOnError = false // see below
//		s.Unlock()
//		s.Close()
//	})
//
// # Gateway
//
// HELLO, IDENTIFY → READY then one GUILD_CREATE per WithGuild, heartbeat →
// ACK, sequence numbers, and a replay buffer per session: RESUME replays the
// dispatches after the client's sequence, then RESUMED; an unknown session
// gets op 9. Reconnect (op 7), InvalidateSession (op 9) and DropConnection
// (TCP close, no close frame) exercise recovery; dispatches made meanwhile
// are buffered. MESSAGE_CREATE honours intents as Discord does (see
// SendMessage). The bot's own messages are dispatched too.
//
// # REST
//
// Every request is recorded (Requests, WaitFor); interactions are listed by
// Interactions and inspected through their handles. Message bodies — channel
// messages, edits, interaction responses, follow-ups — are checked against
// Discord's limits (content ≤ 2000 code points, embeds, components) and,
// unless WithStrictMentions(false), must carry allowed_mentions that ping
// no one: {"parse": []} with no users, no roles and replied_user false. A
// failing body gets Discord's 400 Invalid Form Body (50035) with the nested
// "errors" object, and each broken rule is recorded as a Violation. Other
// client mistakes (unknown channel, double acknowledgement, late
// acknowledgement, …) are recorded too; an expired interaction token
// (401, 50027) is not, since falling back after it is correct behaviour.
//
// Interactions follow Discord's rules: one callback per interaction within
// WithAckDeadline (3 s) of dispatch, else 40060 or 10062; webhook (token)
// routes work for WithTokenLifetime (15 min); @original exists only after
// the callback; the first follow-up after a deferred response fills the
// "thinking…" message.
//
// # discordgo v0.29.0 behaviour the tests rely on
//
//   - Reconnecting after a read error or op 7 first calls Session.Close,
//     which sleeps 1 s after sending its close frame; the first reconnect
//     attempt follows at once (the 1 s, 2 s, … backoff applies only to
//     failed attempts). Resuming therefore takes about one second.
//   - discordgo resumes with the session ID from READY and the last sequence
//     it saw, and stores the sequence of every dispatch including RESUMED.
//   - On op 9 it sends IDENTIFY on the same connection, whatever d says.
//   - A heartbeat that races with Session.Close fails its write and calls
//     reconnect, reopening a session its owner closed (and retrying with
//     backoff forever once the fake is gone). Turn ShouldReconnectOnError
//     off under the session lock before the final Close.
//   - It ignores resume_gateway_url and redials the URL from GET /gateway.
//   - REST 429: it sleeps retry_after from the JSON body (seconds) and
//     retries, with no limit. 502: it retries at once, up to MaxRestRetries
//     (3) times. 500 and 503 are returned as *discordgo.RESTError.
//   - It parses X-RateLimit-Remaining and X-RateLimit-Reset-After from every
//     response into its bucket and counts down between them; the fake sends
//     Remaining 4 with every answer (errors included, as Discord does) so
//     discordgo never stalls on its own bucket.
package discordtest
