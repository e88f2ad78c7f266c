package discordtest

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// MessageOpts describes a message a user sends; see SendMessage.
type MessageOpts struct {
	ChannelID string
	// GuildID is empty for a DM.
	GuildID string
	// Author defaults to DefaultUser.
	Author User
	// Roles are the author's guild roles (member.roles).
	Roles   []string
	Content string
	// Mentions, MentionRoles and MentionEveryone add to what Content
	// mentions (<@id>, <@&id>, @everyone, @here are parsed).
	Mentions         []User
	MentionRoles     []string
	MentionEveryone  bool
	MessageReference *MessageReference
	// Type defaults to 0, or 19 (reply) with a MessageReference.
	Type   int
	Embeds []Embed
}

// SendMessage stores a message from a user and dispatches MESSAGE_CREATE.
// An unknown ChannelID becomes a text channel of the guild (announced with
// CHANNEL_CREATE) or, without GuildID, the author's DM channel. The gateway
// applies intents as Discord does: no MESSAGE_CREATE without GUILD_MESSAGES
// (or DIRECT_MESSAGES for DMs), and without MESSAGE_CONTENT a guild message
// that does not mention the bot arrives with empty content.
func (s *Server) SendMessage(o MessageOpts) Message {
	s.t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if o.ChannelID == "" {
		s.t.Fatalf("discordtest: SendMessage: no ChannelID")
	}
	if o.Author.ID == "" {
		o.Author = s.tester
	}
	s.users[o.Author.ID] = o.Author
	ch := s.channelForLocked(o.ChannelID, o.GuildID, o.Author, "SendMessage")
	now := time.Now().UTC()
	m := &Message{
		ID:              s.newID(),
		ChannelID:       ch.ID,
		GuildID:         ch.GuildID,
		Author:          o.Author,
		Content:         o.Content,
		Timestamp:       now,
		Type:            o.Type,
		Embeds:          o.Embeds,
		MentionRoles:    append([]string(nil), o.MentionRoles...),
		MentionEveryone: o.MentionEveryone,
	}
	if ch.GuildID != "" {
		roles := o.Roles
		if roles == nil {
			roles = []string{}
		}
		m.Member = &Member{Roles: roles, JoinedAt: now}
	}
	s.setMentionsLocked(m)
	for _, u := range o.Mentions {
		if !mentions(*m, u.ID) {
			m.Mentions = append(m.Mentions, u)
		}
	}
	if o.MessageReference != nil {
		if o.Type == 0 {
			m.Type = 19
		}
		s.attachReferenceLocked(m, o.MessageReference)
	}
	s.storeMessageLocked(m)
	s.dispatchLocked(s.messageEvent("MESSAGE_CREATE", *m))
	s.notifyLocked()
	return *m
}

// channelForLocked returns the channel a driver call names, creating it as
// SendMessage documents; misuse fails the test.
func (s *Server) channelForLocked(channelID, guildID string, dmUser User, action string) *Channel {
	if ch, found := s.channels[channelID]; found {
		if ch.GuildID != guildID {
			s.t.Fatalf("discordtest: %s: channel %s is in guild %q, not %q", action, channelID, ch.GuildID, guildID)
		}
		return ch
	}
	if guildID == "" {
		ch := &Channel{ID: channelID, Type: ChannelDM, Recipients: []User{dmUser}}
		s.channels[channelID] = ch
		s.dms[dmUser.ID] = channelID
		return ch
	}
	g := s.guildLocked(guildID)
	if g == nil {
		s.t.Fatalf("discordtest: %s: unknown guild %s (add it with WithGuild)", action, guildID)
	}
	ch := &Channel{ID: channelID, Type: ChannelText, GuildID: guildID, Name: "channel-" + channelID, Position: len(g.channels)}
	s.channels[channelID] = ch
	g.channels = append(g.channels, channelID)
	s.dispatchLocked(guildEvent("CHANNEL_CREATE", ch.GuildID, *ch))
	return ch
}

func mentions(m Message, userID string) bool {
	for _, u := range m.Mentions {
		if u.ID == userID {
			return true
		}
	}
	return false
}

// setMentionsLocked fills mentions from the content, as Discord does.
func (s *Server) setMentionsLocked(m *Message) {
	users, roles, everyone := parseMentions(m.Content)
	m.Mentions = []User{}
	for _, id := range users {
		u, found := s.users[id]
		if !found {
			u = User{ID: id, Username: "user-" + id}
		}
		if !mentions(*m, id) {
			m.Mentions = append(m.Mentions, u)
		}
	}
	for _, r := range roles {
		if !slices.Contains(m.MentionRoles, r) {
			m.MentionRoles = append(m.MentionRoles, r)
		}
	}
	m.MentionEveryone = m.MentionEveryone || everyone
}

// parseMentions finds <@id>, <@!id>, <@&id>, @everyone and @here.
func parseMentions(content string) (users, roles []string, everyone bool) {
	for i := 0; i < len(content); i++ {
		if content[i] == '@' && (strings.HasPrefix(content[i:], "@everyone") || strings.HasPrefix(content[i:], "@here")) {
			everyone = true
		}
		if !strings.HasPrefix(content[i:], "<@") {
			continue
		}
		j := i + 2
		role := false
		if j < len(content) && (content[j] == '!' || content[j] == '&') {
			role = content[j] == '&'
			j++
		}
		k := j
		for k < len(content) && content[k] >= '0' && content[k] <= '9' {
			k++
		}
		if k == j || k >= len(content) || content[k] != '>' {
			continue
		}
		if role {
			roles = append(roles, content[j:k])
		} else if !slices.Contains(users, content[j:k]) {
			users = append(users, content[j:k])
		}
		i = k
	}
	return users, roles, everyone
}

// attachReferenceLocked links a reply to the message it answers.
func (s *Server) attachReferenceLocked(m *Message, ref *MessageReference) {
	r := *ref
	if r.ChannelID == "" {
		r.ChannelID = m.ChannelID
	}
	if r.GuildID == "" {
		r.GuildID = m.GuildID
	}
	m.MessageReference = &r
	if target, found := s.messages[r.MessageID]; found {
		snap := *target
		snap.ReferencedMessage = nil
		m.ReferencedMessage = &snap
	}
}

// storeMessageLocked normalises nil slices (Discord sends []) and stores m.
func (s *Server) storeMessageLocked(m *Message) {
	if m.Mentions == nil {
		m.Mentions = []User{}
	}
	if m.MentionRoles == nil {
		m.MentionRoles = []string{}
	}
	if m.Attachments == nil {
		m.Attachments = []Attachment{}
	}
	if m.Embeds == nil {
		m.Embeds = []Embed{}
	}
	if m.Components == nil {
		m.Components = []Component{}
	}
	s.messages[m.ID] = m
	s.channelMsgs[m.ChannelID] = append(s.channelMsgs[m.ChannelID], m.ID)
}

// messageEvent builds MESSAGE_CREATE/UPDATE for m, applying the receiving
// session's intents as Discord does.
func (s *Server) messageEvent(name string, m Message) event {
	bot := s.cfg.bot.ID
	return event{name: name, guild: m.GuildID, build: func(intents int64) (any, bool) {
		dm := m.GuildID == ""
		need := int64(IntentGuildMessages)
		if dm {
			need = IntentDirectMessages
		}
		if intents&need == 0 {
			return nil, false
		}
		out := m
		if intents&IntentMessageContent == 0 && !dm && out.Author.ID != bot && !mentions(out, bot) {
			out.Content = ""
			out.Embeds = []Embed{}
			out.Attachments = []Attachment{}
			out.Components = []Component{}
		}
		return out, true
	}}
}

func (s *Server) deleteEvent(m Message) event {
	d := map[string]any{"id": m.ID, "channel_id": m.ChannelID}
	if m.GuildID != "" {
		d["guild_id"] = m.GuildID
	}
	return event{name: "MESSAGE_DELETE", guild: m.GuildID, build: func(intents int64) (any, bool) {
		need := int64(IntentGuildMessages)
		if m.GuildID == "" {
			need = IntentDirectMessages
		}
		return d, intents&need != 0
	}}
}

// newBotMessageLocked builds a message the bot sends with body b.
func (s *Server) newBotMessageLocked(ch *Channel, b msgBody, files []File, now time.Time) *Message {
	m := &Message{
		ID:              s.newID(),
		ChannelID:       ch.ID,
		GuildID:         ch.GuildID,
		Author:          s.cfg.bot,
		Content:         b.Content,
		Timestamp:       now.UTC(),
		TTS:             b.TTS,
		Embeds:          richEmbeds(b.Embeds),
		Components:      b.Components,
		Flags:           b.Flags,
		AllowedMentions: b.AllowedMentions,
	}
	m.Attachments = s.attachments(ch.ID, files)
	s.setMentionsLocked(m)
	return m
}

func richEmbeds(in []Embed) []Embed {
	out := make([]Embed, len(in))
	for i, e := range in {
		if e.Type == "" {
			e.Type = "rich"
		}
		out[i] = e
	}
	return out
}

func (s *Server) attachments(channelID string, files []File) []Attachment {
	var out []Attachment
	for _, f := range files {
		id := s.newID()
		url := s.hs.URL + "/attachments/" + channelID + "/" + id + "/" + f.Name
		out = append(out, Attachment{ID: id, Filename: f.Name, ContentType: f.ContentType, Size: len(f.Data), URL: url, ProxyURL: url})
	}
	return out
}

// applyEditLocked changes only what the edit body carries. Slices are
// replaced, never modified, so copies handed out stay valid.
func (s *Server) applyEditLocked(m *Message, b msgBody, files []File, now time.Time) {
	if b.has["content"] {
		m.Content = b.Content
		s.setMentionsLocked(m)
	}
	if b.has["embeds"] {
		m.Embeds = richEmbeds(b.Embeds)
	}
	if b.has["components"] {
		m.Components = append([]Component{}, b.Components...)
	}
	if b.has["flags"] {
		const editable = 1 << 2 // SUPPRESS_EMBEDS is the only flag an edit may change
		m.Flags = m.Flags&^editable | b.Flags&editable
	}
	if len(files) > 0 {
		m.Attachments = append(append([]Attachment{}, m.Attachments...), s.attachments(m.ChannelID, files)...)
	}
	m.Flags &^= FlagLoading
	m.AllowedMentions = b.AllowedMentions
	t := now.UTC()
	m.EditedTimestamp = &t
	m.Edits++
}

func (s *Server) channelLocked(rc *reqCtx) (*Channel, *resp) {
	ch, found := s.channels[rc.params["channel.id"]]
	if !found {
		r := reject(http.StatusNotFound, 10003, "Unknown Channel", "channel.unknown")
		return nil, &r
	}
	return ch, nil
}

func (s *Server) messageLocked(rc *reqCtx) (*Message, *resp) {
	m, found := s.messages[rc.params["message.id"]]
	if !found || m.ChannelID != rc.params["channel.id"] {
		r := reject(http.StatusNotFound, 10008, "Unknown Message", "message.unknown")
		return nil, &r
	}
	return m, nil
}

func (s *Server) createMessage(rc *reqCtx) resp {
	ch, bad := s.channelLocked(rc)
	if bad != nil {
		return *bad
	}
	b, errs := parseMessageBody(rc.req.Body, "")
	errs = append(errs, validate(b, "", s.cfg.strictMentions)...)
	if b.Reference != nil && b.Reference.MessageID != "" {
		target, found := s.messages[b.Reference.MessageID]
		strict := b.Reference.FailIfNotExists == nil || *b.Reference.FailIfNotExists
		if (!found || target.ChannelID != cmp.Or(b.Reference.ChannelID, ch.ID)) && strict {
			errs = append(errs, fieldError{path: "message_reference", code: "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", msg: "Unknown message", rule: "message_reference.unknown"})
		}
	}
	if len(errs) > 0 {
		return formErr(errs)
	}
	if b.empty(len(rc.req.Files)) {
		return reject(http.StatusBadRequest, 50006, "Cannot send an empty message", "message.empty")
	}
	b.Flags &= 1<<2 | 1<<12 | FlagComponentsV2 // what a channel message may set
	m := s.newBotMessageLocked(ch, b, rc.req.Files, rc.now)
	if b.Reference != nil && b.Reference.MessageID != "" {
		m.Type = 19
		s.attachReferenceLocked(m, b.Reference)
	}
	s.storeMessageLocked(m)
	s.dispatchLocked(s.messageEvent("MESSAGE_CREATE", *m))
	return ok(*m)
}

func (s *Server) getMessage(rc *reqCtx) resp {
	if _, bad := s.channelLocked(rc); bad != nil {
		return *bad
	}
	m, bad := s.messageLocked(rc)
	if bad != nil {
		return *bad
	}
	return ok(*m)
}

// listMessages serves GET …/messages: newest first, limit (default 50, max
// 100), before and after.
func (s *Server) listMessages(rc *reqCtx) resp {
	if _, bad := s.channelLocked(rc); bad != nil {
		return *bad
	}
	limit := 50
	if n, err := strconv.Atoi(rc.req.Query.Get("limit")); err == nil && n >= 1 && n <= 100 {
		limit = n
	}
	before, _ := strconv.ParseInt(rc.req.Query.Get("before"), 10, 64)
	after, _ := strconv.ParseInt(rc.req.Query.Get("after"), 10, 64)
	all := s.messagesLocked(rc.params["channel.id"])
	out := []Message{}
	for i := len(all) - 1; i >= 0 && len(out) < limit; i-- {
		id, _ := strconv.ParseInt(all[i].ID, 10, 64)
		if (before != 0 && id >= before) || (after != 0 && id <= after) {
			continue
		}
		out = append(out, all[i])
	}
	return ok(out)
}

func (s *Server) editMessage(rc *reqCtx) resp {
	if _, bad := s.channelLocked(rc); bad != nil {
		return *bad
	}
	m, bad := s.messageLocked(rc)
	if bad != nil {
		return *bad
	}
	if m.Author.ID != s.cfg.bot.ID {
		return reject(http.StatusForbidden, 50005, "Cannot edit a message authored by another user", "message.edit_foreign")
	}
	b, errs := parseMessageBody(rc.req.Body, "")
	errs = append(errs, validate(b, "", s.cfg.strictMentions)...)
	if len(errs) > 0 {
		return formErr(errs)
	}
	s.applyEditLocked(m, b, rc.req.Files, rc.now)
	s.dispatchLocked(s.messageEvent("MESSAGE_UPDATE", *m))
	return ok(*m)
}

func (s *Server) deleteMessage(rc *reqCtx) resp {
	if _, bad := s.channelLocked(rc); bad != nil {
		return *bad
	}
	m, bad := s.messageLocked(rc)
	if bad != nil {
		return *bad
	}
	delete(s.messages, m.ID)
	s.dispatchLocked(s.deleteEvent(*m))
	return noContent()
}

func (s *Server) addReaction(rc *reqCtx) resp {
	if _, bad := s.channelLocked(rc); bad != nil {
		return *bad
	}
	if _, bad := s.messageLocked(rc); bad != nil {
		return *bad
	}
	return noContent()
}

func (s *Server) typing(rc *reqCtx) resp {
	if _, bad := s.channelLocked(rc); bad != nil {
		return *bad
	}
	return noContent()
}
