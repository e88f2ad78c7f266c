package discordtest

import "time"

// Option configures a Server.
type Option func(*config)

type config struct {
	bot            User
	appID          string
	token          string
	guilds         []guildConfig
	heartbeat      time.Duration
	ackDeadline    time.Duration
	tokenLifetime  time.Duration
	strictMentions bool
	faults         []momentFaults

	// Sharding (WithShards); shards 0 means not sharded.
	shards           int
	maxConcurrency   int
	identifyInterval time.Duration
}

type momentFaults struct {
	at     Moment
	faults []GatewayFault
}

type guildConfig struct {
	id       string
	channels []Channel
	roles    []Role
	locale   string // preferred_locale
}

// WithToken makes the fake require this token: IDENTIFY must carry it (with
// or without the "Bot " prefix) and REST calls "Authorization: Bot <token>".
// Without it any non-empty token is accepted.
func WithToken(token string) Option {
	return func(c *config) { c.token = token }
}

// WithGuild adds a guild the bot is in, sent as GUILD_CREATE after READY.
// Channels default to text channels of that guild; an @everyone role (ID ==
// guild ID) is added unless roles contains it.
func WithGuild(id string, channels []Channel, roles []Role) Option {
	return func(c *config) {
		c.guilds = append(c.guilds, guildConfig{id: id, channels: channels, roles: roles})
	}
}

// WithGuildLocale sets the preferred locale of a guild added by WithGuild
// (default "en-US"): GUILD_CREATE's preferred_locale and every
// interaction's guild_locale there.
func WithGuildLocale(id, locale string) Option {
	return func(c *config) {
		for i := range c.guilds {
			if c.guilds[i].id == id {
				c.guilds[i].locale = locale
			}
		}
	}
}

// WithHeartbeatInterval sets the interval sent in HELLO (default 41.25 s).
func WithHeartbeatInterval(d time.Duration) Option {
	return func(c *config) { c.heartbeat = d }
}

// WithAckDeadline sets how long after INTERACTION_CREATE an interaction may
// be acknowledged (default 3 s, Discord's limit).
func WithAckDeadline(d time.Duration) Option {
	return func(c *config) { c.ackDeadline = d }
}

// WithTokenLifetime sets how long an interaction token works for follow-ups
// and edits (default 15 min, Discord's limit).
func WithTokenLifetime(d time.Duration) Option {
	return func(c *config) { c.tokenLifetime = d }
}

// WithStrictMentions sets whether every message body must carry
// allowed_mentions that can ping no one (default true).
func WithStrictMentions(strict bool) Option {
	return func(c *config) { c.strictMentions = strict }
}

// WithGatewayFaults queues faults for a moment of the handshake from the
// start, as InjectAt does later: a client's very first IDENTIFY can be
// answered with one (OnIdentify).
func WithGatewayFaults(at Moment, faults ...GatewayFault) Option {
	return func(c *config) { c.faults = append(c.faults, momentFaults{at: at, faults: faults}) }
}
