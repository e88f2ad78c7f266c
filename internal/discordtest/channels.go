package discordtest

import (
	"encoding/json"
	"net/http"
)

func (s *Server) getChannel(rc *reqCtx) resp {
	ch, bad := s.channelLocked(rc)
	if bad != nil {
		return *bad
	}
	return ok(*ch)
}

// createDM serves POST /users/@me/channels: one DM channel per recipient.
func (s *Server) createDM(rc *reqCtx) resp {
	var d struct {
		RecipientID string `json:"recipient_id"`
	}
	if json.Unmarshal(rc.req.Body, &d) != nil || d.RecipientID == "" {
		return formErr([]fieldError{{path: "recipient_id", code: "BASE_TYPE_REQUIRED", msg: "This field is required", rule: "dm.recipient"}})
	}
	if id, found := s.dms[d.RecipientID]; found {
		return ok(*s.channels[id])
	}
	u, found := s.users[d.RecipientID]
	if !found {
		u = User{ID: d.RecipientID, Username: "user-" + d.RecipientID}
	}
	ch := &Channel{ID: s.newID(), Type: ChannelDM, Recipients: []User{u}}
	s.channels[ch.ID] = ch
	s.dms[u.ID] = ch.ID
	return ok(*ch)
}

type threadBody struct {
	Name                string `json:"name"`
	Type                int    `json:"type"`
	AutoArchiveDuration int    `json:"auto_archive_duration"`
}

func parseThreadBody(raw []byte) (threadBody, []fieldError) {
	var d threadBody
	if err := json.Unmarshal(raw, &d); err != nil {
		return d, []fieldError{{code: "DICT_TYPE_CONVERT", msg: "Only dictionaries may be used in a DictType", rule: "body.type"}}
	}
	if n := runes(d.Name); n < 1 || n > 100 {
		return d, []fieldError{{path: "name", code: "BASE_TYPE_BAD_LENGTH", msg: "Must be between 1 and 100 in length.", rule: "thread.name.length"}}
	}
	switch d.AutoArchiveDuration {
	case 0:
		d.AutoArchiveDuration = 1440
	case 60, 1440, 4320, 10080:
	default:
		return d, []fieldError{{path: "auto_archive_duration", code: "BASE_TYPE_CHOICES", msg: "Value must be one of {60, 1440, 4320, 10080}.", rule: "thread.auto_archive_duration"}}
	}
	return d, nil
}

// startThreadFromMessage serves POST …/messages/{id}/threads. As on
// Discord, the thread's ID is the message's ID.
func (s *Server) startThreadFromMessage(rc *reqCtx) resp {
	parent, bad := s.channelLocked(rc)
	if bad != nil {
		return *bad
	}
	m, bad := s.messageLocked(rc)
	if bad != nil {
		return *bad
	}
	if parent.GuildID == "" || parent.Type == ChannelPublicThread || parent.Type == ChannelPrivateThread {
		return reject(http.StatusBadRequest, 50024, "Cannot execute action on this channel type", "thread.parent")
	}
	d, errs := parseThreadBody(rc.req.Body)
	if len(errs) > 0 {
		return formErr(errs)
	}
	if _, exists := s.channels[m.ID]; exists {
		return reject(http.StatusBadRequest, 160004, "A thread has already been created for this message", "thread.exists")
	}
	th := s.newThreadLocked(m.ID, parent, ChannelPublicThread, d, rc)
	m.Flags |= FlagHasThread
	thCopy := *th
	m.Thread = &thCopy
	return resp{status: http.StatusCreated, body: *th}
}

// startThread serves POST /channels/{id}/threads; type defaults to a
// private thread (12), as in API v9+.
func (s *Server) startThread(rc *reqCtx) resp {
	parent, bad := s.channelLocked(rc)
	if bad != nil {
		return *bad
	}
	if parent.GuildID == "" || parent.Type == ChannelPublicThread || parent.Type == ChannelPrivateThread {
		return reject(http.StatusBadRequest, 50024, "Cannot execute action on this channel type", "thread.parent")
	}
	d, errs := parseThreadBody(rc.req.Body)
	if len(errs) > 0 {
		return formErr(errs)
	}
	typ := d.Type
	if typ == 0 {
		typ = ChannelPrivateThread
	}
	if typ != ChannelPublicThread && typ != ChannelPrivateThread {
		return formErr([]fieldError{{path: "type", code: "BASE_TYPE_CHOICES", msg: "Value must be one of {10, 11, 12}.", rule: "thread.type"}})
	}
	th := s.newThreadLocked(s.newID(), parent, typ, d, rc)
	return resp{status: http.StatusCreated, body: *th}
}

func (s *Server) newThreadLocked(id string, parent *Channel, typ int, d threadBody, rc *reqCtx) *Channel {
	th := &Channel{
		ID: id, Type: typ, GuildID: parent.GuildID, Name: d.Name, ParentID: parent.ID, OwnerID: s.cfg.bot.ID,
		ThreadMetadata: &ThreadMetadata{AutoArchiveDuration: d.AutoArchiveDuration, ArchiveTimestamp: rc.now.UTC()},
	}
	s.channels[id] = th
	if g := s.guildLocked(parent.GuildID); g != nil {
		g.channels = append(g.channels, id)
	}
	payload := map[string]any{}
	json.Unmarshal(mustJSON(*th), &payload)
	payload["newly_created"] = true
	payload["member_count"] = 1
	payload["message_count"] = 0
	s.dispatchLocked(guildEvent("THREAD_CREATE", th.GuildID, payload))
	return th
}
