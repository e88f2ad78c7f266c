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
// gets op 9. Gateway faults (GatewayFault: Op7, Op9 resumable or not, Drop,
// Stall, Close with a close code) are applied now with Inject, or at the
// worst moments of the handshake with InjectAt (OnIdentify, AfterReady,
// OnResume, AfterResumed), one per occurrence, or WithGatewayFaults before
// any client connects; Reconnect, InvalidateSession and DropConnection are
// shorthands. StallNext holds REST requests as a stalled connection would. Dispatches made while no connection is
// attached are buffered; when a session ends, those no client received are
// delivered after the next READY (Discord drops them; the fake keeps them so
// a test can count answers). IdentifyTimes records when each IDENTIFY
// came. MESSAGE_CREATE honours intents as Discord does (see SendMessage).
// The bot's own messages are dispatched too.
//
// # Shards
//
// WithShards(n, c) makes the gateway sharded as Discord's is: each
// IDENTIFY must name its shard [id, n] (else close 4010 or 4011), READY and
// the GUILD_CREATEs carry only that shard's guilds, and every dispatch goes
// to the session of shard (guild_id >> 22) % n, DMs to shard 0. GET
// /gateway/bot answers n shards and max_concurrency c; two IDENTIFYs of one
// bucket (shard % c) within 5 s are recorded as a Violation. See
// WaitShardReady, ShardIdentifies and ShardOf.
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
// # discordgo behaviour the tests rely on
//
// The module builds with discordgo v0.29.0 patched in third_party/discordgo
// (see its PATCHES.md); the gateway points below are the patched ones.
//
//   - A dropped connection, op 7 or a close code other than 4004 and
//     4007–4014 resumes at once, with the session ID from READY and the last
//     sequence seen (including RESUMED's); failed attempts back off up to
//     Session.ReconnectMaxWait. 4007 and 4009 identify again; 4004 and
//     4010–4014 stop, with Session.GatewayError set.
//   - Op 9 resumes when d is true; otherwise the session identifies again
//     after a random fifth to whole of Session.IdentifyInterval (5 s), and
//     never sooner than that interval after the previous IDENTIFY.
//   - A heartbeat left without an ACK when the next is due (plus a grace of
//     one interval, at most 5 s) closes the connection and resumes.
//   - Close sends its close frame and waits Session.CloseWait (1 s). Turn
//     ShouldReconnectOnError off under the session lock before the final
//     Close, or a reconnect in progress reopens the session.
//   - It ignores resume_gateway_url and redials the URL from GET /gateway.
//   - REST 429: it sleeps retry_after from the JSON body (seconds) and
//     retries, with no limit. 502: it retries at once, up to MaxRestRetries
//     (3) times. 500 and 503 are returned as *discordgo.RESTError.
//   - It parses X-RateLimit-Remaining and X-RateLimit-Reset-After from every
//     response into its bucket and counts down between them; the fake sends
//     Remaining 4 with every answer (errors included, as Discord does) so
//     discordgo never stalls on its own bucket.
package discordtest
