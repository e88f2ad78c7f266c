package discordtest

import (
	"context"
	"strconv"
	"time"
)

// Interaction types (INTERACTION_CREATE "type").
const (
	InteractionCommand      = 2
	InteractionComponent    = 3
	InteractionAutocomplete = 4
)

// botPermissions is what the fake says the bot may do in a channel: view,
// send, embed, attach, read history, create and send in public threads.
const botPermissions = 1<<10 | 1<<11 | 1<<14 | 1<<15 | 1<<16 | 1<<35 | 1<<38

// OptionValue is an option a user filled in a slash command.
type OptionValue struct {
	Name string
	// Type defaults from Value: string 3, bool 5, int 4, float64 10; a
	// subcommand (1) carries Options instead of a Value.
	Type    int
	Value   any
	Focused bool
	Options []OptionValue
}

// SlashOpts describes a slash command invocation; see SendSlash.
type SlashOpts struct {
	Name    string
	Options []OptionValue
	// GuildID is empty for a DM; ChannelID then defaults to the user's DM.
	GuildID   string
	ChannelID string
	// User defaults to DefaultUser; Roles are its member roles in the guild.
	User  User
	Roles []string
	// Locale is the user's client language, sent as the interaction's
	// locale (Discord's codes: "de", "pt-BR", "zh-TW"); default "en-US".
	Locale string
}

// InteractionOption adjusts a message command or component interaction.
type InteractionOption func(*invocation)

type invocation struct {
	user  User
	roles []string
}

// As makes the interaction come from u with the given member roles.
func As(u User, roles ...string) InteractionOption {
	return func(v *invocation) { v.user, v.roles = u, roles }
}

// ResponseKind tells what a Response did.
type ResponseKind string

// Response kinds.
const (
	ResponseCallback ResponseKind = "callback" // POST /interactions/{id}/{token}/callback
	ResponseEdit     ResponseKind = "edit"     // PATCH /webhooks/{app}/{token}/messages/{id}
	ResponseFollowup ResponseKind = "followup" // POST /webhooks/{app}/{token}
	ResponseDelete   ResponseKind = "delete"   // DELETE /webhooks/{app}/{token}/messages/{id}
)

// Response is one accepted answer to an interaction.
type Response struct {
	Kind ResponseKind
	// Type is the callback type (1, 4–9) for ResponseCallback.
	Type int
	// MessageID is the message created, edited or deleted, if any.
	MessageID string
	// At is the time since the interaction was dispatched.
	At              time.Duration
	Content         string
	Flags           int
	Embeds          []Embed
	Components      []Component
	AllowedMentions *AllowedMentions
	// Choices is the autocomplete result (callback type 8).
	Choices []Choice
	// Body is the request's JSON body.
	Body []byte
}

// Interaction is a handle on an interaction the fake dispatched.
type Interaction struct {
	ID        string
	Token     string
	Type      int
	GuildID   string
	ChannelID string
	User      User
	// Created is when INTERACTION_CREATE was dispatched; deadlines count from it.
	Created time.Time

	srv     *Server
	name    string // command name, for MessageInteraction
	cmdType int    // 1 chat input, 3 message context menu
	source  string // the message a component belongs to

	// Guarded by srv.mu.
	acked      bool
	ackType    int
	ackAt      time.Time
	originalID string
	followups  []string
	responses  []Response
}

// WaitResponse waits for the interaction's acknowledgement (its callback).
func (in *Interaction) WaitResponse(ctx context.Context) (Response, error) {
	var got Response
	err := in.srv.wait(ctx, func() bool {
		if len(in.responses) > 0 {
			got = in.responses[0]
			return true
		}
		return false
	})
	return got, err
}

// Responses returns the accepted callback, follow-ups, edits and deletes, in order.
func (in *Interaction) Responses() []Response {
	in.srv.mu.Lock()
	defer in.srv.mu.Unlock()
	return append([]Response(nil), in.responses...)
}

// Original returns the @original response message as last edited: the
// message created by callback 4 or 5, or the component's message after 6 or
// 7. It is false before the acknowledgement and after deletion.
func (in *Interaction) Original() (Message, bool) {
	in.srv.mu.Lock()
	defer in.srv.mu.Unlock()
	m, found := in.srv.messages[in.originalID]
	if !found || in.originalID == "" {
		return Message{}, false
	}
	return *m, true
}

// WaitOriginal waits until the @original message satisfies match.
func (in *Interaction) WaitOriginal(ctx context.Context, match func(Message) bool) (Message, error) {
	var got Message
	err := in.srv.wait(ctx, func() bool {
		m, found := in.srv.messages[in.originalID]
		if found && in.originalID != "" && match(*m) {
			got = *m
			return true
		}
		return false
	})
	return got, err
}

// Acked returns when the interaction was acknowledged, measured from its
// dispatch, and whether it was.
func (in *Interaction) Acked() (time.Duration, bool) {
	in.srv.mu.Lock()
	defer in.srv.mu.Unlock()
	if !in.acked {
		return 0, false
	}
	return in.ackAt.Sub(in.Created), true
}

// Interactions returns every interaction dispatched so far, in order, so a
// test can check that all of them were acknowledged in time.
func (s *Server) Interactions() []*Interaction {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*Interaction(nil), s.interOrder...)
}

// SendSlash dispatches a slash command (INTERACTION_CREATE type 2, data
// type 1). The command ID is the registered one when the bot registered it.
func (s *Server) SendSlash(o SlashOpts) *Interaction {
	s.t.Helper()
	return s.sendCommand(o, InteractionCommand)
}

// SendAutocomplete dispatches an autocomplete request (type 4); one option
// must be Focused.
func (s *Server) SendAutocomplete(o SlashOpts) *Interaction {
	s.t.Helper()
	if !anyFocused(o.Options) {
		s.t.Fatalf("discordtest: SendAutocomplete %q: no option is Focused", o.Name)
	}
	return s.sendCommand(o, InteractionAutocomplete)
}

func anyFocused(opts []OptionValue) bool {
	for _, o := range opts {
		if o.Focused || anyFocused(o.Options) {
			return true
		}
	}
	return false
}

func (s *Server) sendCommand(o SlashOpts, typ int) *Interaction {
	s.t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if o.User.ID == "" {
		o.User = s.tester
	}
	ch := s.interactionChannelLocked(o.ChannelID, o.GuildID, o.User, "SendSlash")
	in := s.newInteractionLocked(typ, ch, o.User)
	in.name, in.cmdType = o.Name, 1
	data := map[string]any{
		"id":      s.commandIDOrNewLocked(ch.GuildID, 1, o.Name),
		"name":    o.Name,
		"type":    1,
		"options": optionsJSON(o.Options),
	}
	if ch.GuildID != "" {
		data["guild_id"] = ch.GuildID
	}
	s.dispatchInteractionLocked(in, ch, data, o.Roles, nil, o.Locale)
	return in
}

// SendMessageCommand dispatches a message context-menu command (data type 3)
// on target, which appears in data.resolved.messages.
func (s *Server) SendMessageCommand(name string, target Message, opts ...InteractionOption) *Interaction {
	s.t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	v := s.invocation(opts)
	if stored, found := s.messages[target.ID]; found {
		target = *stored
	}
	ch := s.interactionChannelLocked(target.ChannelID, target.GuildID, v.user, "SendMessageCommand")
	in := s.newInteractionLocked(InteractionCommand, ch, v.user)
	in.name, in.cmdType = name, 3
	data := map[string]any{
		"id":        s.commandIDOrNewLocked(ch.GuildID, 3, name),
		"name":      name,
		"type":      3,
		"target_id": target.ID,
		"resolved":  map[string]any{"messages": map[string]Message{target.ID: target}},
	}
	if ch.GuildID != "" {
		data["guild_id"] = ch.GuildID
	}
	s.dispatchInteractionLocked(in, ch, data, v.roles, nil, "")
	return in
}

// SendComponent dispatches a button click on msg, which must carry a
// component with customID.
func (s *Server) SendComponent(customID string, msg Message, opts ...InteractionOption) *Interaction {
	s.t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	v := s.invocation(opts)
	stored, found := s.messages[msg.ID]
	if !found {
		s.t.Fatalf("discordtest: SendComponent: unknown message %s", msg.ID)
	}
	comp, found := findComponent(stored.Components, customID)
	if !found {
		s.t.Fatalf("discordtest: SendComponent: message %s has no component %q", msg.ID, customID)
	}
	ch := s.channels[stored.ChannelID]
	in := s.newInteractionLocked(InteractionComponent, ch, v.user)
	in.source = stored.ID
	data := map[string]any{"custom_id": customID, "component_type": comp.Type}
	m := *stored
	s.dispatchInteractionLocked(in, ch, data, v.roles, &m, "")
	return in
}

func findComponent(cs []Component, customID string) (Component, bool) {
	for _, c := range cs {
		if c.CustomID == customID {
			return c, true
		}
		if found, ok := findComponent(c.Components, customID); ok {
			return found, true
		}
	}
	return Component{}, false
}

func (s *Server) invocation(opts []InteractionOption) invocation {
	v := invocation{user: s.tester}
	for _, o := range opts {
		o(&v)
	}
	return v
}

// interactionChannelLocked resolves the channel of an interaction; a DM
// without a channel ID uses (or opens) the user's DM channel.
func (s *Server) interactionChannelLocked(channelID, guildID string, u User, action string) *Channel {
	s.users[u.ID] = u
	if channelID == "" {
		if guildID != "" {
			s.t.Fatalf("discordtest: %s: GuildID without ChannelID", action)
		}
		channelID = s.dms[u.ID]
		if channelID == "" {
			channelID = s.newID()
		}
	}
	return s.channelForLocked(channelID, guildID, u, action)
}

func (s *Server) commandIDOrNewLocked(guildID string, typ int, name string) string {
	if id := s.commandIDLocked(guildID, typ, name); id != "" {
		return id
	}
	return s.newID()
}

func (s *Server) newInteractionLocked(typ int, ch *Channel, u User) *Interaction {
	in := &Interaction{
		ID: s.newID(), Token: "itok-" + randomHex(32), Type: typ,
		GuildID: ch.GuildID, ChannelID: ch.ID, User: u, Created: time.Now(), srv: s,
	}
	s.interactions[in.ID] = in
	s.byToken[in.Token] = in
	s.interOrder = append(s.interOrder, in)
	return in
}

func (s *Server) dispatchInteractionLocked(in *Interaction, ch *Channel, data map[string]any, roles []string, msg *Message, locale string) {
	if locale == "" {
		locale = "en-US"
	}
	p := map[string]any{
		"id":              in.ID,
		"application_id":  s.cfg.appID,
		"type":            in.Type,
		"data":            data,
		"token":           in.Token,
		"version":         1,
		"channel_id":      ch.ID,
		"channel":         *ch,
		"locale":          locale,
		"app_permissions": strconv.FormatInt(botPermissions, 10),
		"entitlements":    []any{},
	}
	if ch.GuildID != "" {
		if roles == nil {
			roles = []string{}
		}
		u := in.User
		p["guild_id"] = ch.GuildID
		p["guild_locale"] = s.guildLocaleLocked(ch.GuildID)
		p["member"] = Member{User: &u, Roles: roles, JoinedAt: in.Created.UTC(), Permissions: botPermissions}
		p["context"] = 0
		p["authorizing_integration_owners"] = map[string]string{"0": ch.GuildID}
	} else {
		p["user"] = in.User
		p["context"] = 1
		p["authorizing_integration_owners"] = map[string]string{"1": in.User.ID}
	}
	if msg != nil {
		p["message"] = *msg
	}
	s.dispatchLocked(guildEvent("INTERACTION_CREATE", ch.GuildID, p))
	s.notifyLocked()
}

func optionsJSON(opts []OptionValue) []map[string]any {
	out := []map[string]any{}
	for _, o := range opts {
		m := map[string]any{"name": o.Name, "type": optionType(o)}
		if o.Value != nil {
			m["value"] = o.Value
		}
		if o.Focused {
			m["focused"] = true
		}
		if len(o.Options) > 0 {
			m["options"] = optionsJSON(o.Options)
		}
		out = append(out, m)
	}
	return out
}

func optionType(o OptionValue) int {
	if o.Type != 0 {
		return o.Type
	}
	switch o.Value.(type) {
	case string:
		return 3
	case bool:
		return 5
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return 4
	case float32, float64:
		return 10
	case nil:
		return 1
	}
	return 3
}
