package discordtest

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
)

// Flags an interaction response message may set: SUPPRESS_EMBEDS,
// EPHEMERAL, SUPPRESS_NOTIFICATIONS and IS_COMPONENTS_V2.
const responseFlags = 1<<2 | FlagEphemeral | 1<<12 | FlagComponentsV2

// allowedCallbacks lists the callback types each interaction type accepts.
func allowedCallbacks(interactionType int) map[int]bool {
	switch interactionType {
	case InteractionAutocomplete:
		return map[int]bool{8: true}
	case InteractionComponent:
		return map[int]bool{4: true, 5: true, 6: true, 7: true, 9: true}
	default:
		return map[int]bool{4: true, 5: true, 9: true}
	}
}

// interactionCallback serves POST /interactions/{id}/{token}/callback:
// exactly one acknowledgement, within the deadline.
func (s *Server) interactionCallback(rc *reqCtx) resp {
	in := s.interactions[rc.params["interaction.id"]]
	if in == nil || in.Token != rc.params["interaction.token"] {
		return reject(http.StatusNotFound, 10062, "Unknown interaction", "interaction.unknown")
	}
	if in.acked {
		return reject(http.StatusBadRequest, 40060, "Interaction has already been acknowledged.", "interaction.already_acknowledged")
	}
	if rc.now.Sub(in.Created) > s.cfg.ackDeadline {
		return reject(http.StatusNotFound, 10062, "Unknown interaction", "interaction.ack_late")
	}
	var body struct {
		Type int             `json:"type"`
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(rc.req.Body, &body); err != nil {
		return formErr([]fieldError{{code: "DICT_TYPE_CONVERT", msg: "Only dictionaries may be used in a DictType", rule: "body.type"}})
	}
	if !allowedCallbacks(in.Type)[body.Type] {
		return formErr([]fieldError{{path: "type", code: "INTERACTION_RESPONSE_TYPE_INVALID", msg: "Invalid response type " + strconv.Itoa(body.Type) + " for interaction type " + strconv.Itoa(in.Type), rule: "interaction.response_type"}})
	}
	r := Response{Kind: ResponseCallback, Type: body.Type, At: rc.now.Sub(in.Created), Body: rc.req.Body}
	ch := s.channels[in.ChannelID]
	switch body.Type {
	case 4: // CHANNEL_MESSAGE_WITH_SOURCE
		b, errs := parseMessageBody(body.Data, "data")
		errs = append(errs, validate(b, "data", s.cfg.strictMentions)...)
		if len(errs) > 0 {
			return formErr(errs)
		}
		if b.empty(len(rc.req.Files)) {
			return reject(http.StatusBadRequest, 50006, "Cannot send an empty message", "message.empty")
		}
		m := s.responseMessageLocked(in, ch, b, rc)
		in.originalID = m.ID
		fillResponse(&r, b, m.ID)
	case 5: // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE: a "thinking…" message
		b, errs := parseMessageBody(body.Data, "data")
		if len(errs) > 0 {
			return formErr(errs)
		}
		m := s.responseMessageLocked(in, ch, msgBody{has: map[string]bool{}, Flags: b.Flags&FlagEphemeral | FlagLoading}, rc)
		in.originalID = m.ID
		r.MessageID, r.Flags = m.ID, m.Flags
	case 6: // DEFERRED_UPDATE_MESSAGE
		in.originalID = in.source
		r.MessageID = in.source
	case 7: // UPDATE_MESSAGE
		b, errs := parseMessageBody(body.Data, "data")
		errs = append(errs, validate(b, "data", s.cfg.strictMentions)...)
		if len(errs) > 0 {
			return formErr(errs)
		}
		m, found := s.messages[in.source]
		if !found {
			return reject(http.StatusNotFound, 10008, "Unknown Message", "message.unknown")
		}
		s.applyEditLocked(m, b, rc.req.Files, rc.now)
		s.dispatchUpdateLocked(m)
		in.originalID = m.ID
		fillResponse(&r, b, m.ID)
	case 8: // APPLICATION_COMMAND_AUTOCOMPLETE_RESULT
		var d struct {
			Choices []Choice `json:"choices"`
		}
		if err := json.Unmarshal(body.Data, &d); err != nil {
			return formErr([]fieldError{{path: "data.choices", code: "BASE_TYPE_INVALID", msg: "Invalid choices.", rule: "body.type"}})
		}
		if errs := validateChoices(d.Choices, "data.choices"); len(errs) > 0 {
			return formErr(errs)
		}
		r.Choices = d.Choices
	case 9: // MODAL
		if errs := validateModal(body.Data); len(errs) > 0 {
			return formErr(errs)
		}
	}
	in.acked, in.ackType, in.ackAt = true, body.Type, rc.now
	in.responses = append(in.responses, r)
	return noContent()
}

func validateModal(raw json.RawMessage) []fieldError {
	var d struct {
		CustomID   string            `json:"custom_id"`
		Title      string            `json:"title"`
		Components []json.RawMessage `json:"components"`
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		return []fieldError{{path: "data", code: "DICT_TYPE_CONVERT", msg: "Only dictionaries may be used in a DictType", rule: "body.type"}}
	}
	var errs []fieldError
	if n := runes(d.CustomID); n < 1 || n > maxCustomID {
		errs = append(errs, fieldError{path: "data.custom_id", code: "BASE_TYPE_BAD_LENGTH", msg: "Must be between 1 and 100 in length.", rule: "modal.custom_id"})
	}
	if n := runes(d.Title); n < 1 || n > 45 {
		errs = append(errs, fieldError{path: "data.title", code: "BASE_TYPE_BAD_LENGTH", msg: "Must be between 1 and 45 in length.", rule: "modal.title"})
	}
	if n := len(d.Components); n < 1 || n > 5 {
		errs = append(errs, fieldError{path: "data.components", code: "BASE_TYPE_BAD_LENGTH", msg: "Must be between 1 and 5 in length.", rule: "modal.components"})
	}
	return errs
}

func fillResponse(r *Response, b msgBody, messageID string) {
	r.MessageID = messageID
	r.Content, r.Flags, r.Embeds, r.Components, r.AllowedMentions = b.Content, b.Flags, b.Embeds, b.Components, b.AllowedMentions
}

// responseMessageLocked creates a message sent through an interaction.
func (s *Server) responseMessageLocked(in *Interaction, ch *Channel, b msgBody, rc *reqCtx) *Message {
	m := s.newBotMessageLocked(ch, b, rc.req.Files, rc.now)
	m.Flags = b.Flags & (responseFlags | FlagLoading)
	m.WebhookID, m.ApplicationID = s.cfg.appID, s.cfg.appID
	switch {
	case in.Type == InteractionComponent:
		m.Type = 19
	case in.cmdType == 3:
		m.Type = 23
	default:
		m.Type = 20
	}
	m.Interaction = &MessageInteraction{ID: in.ID, Type: in.Type, Name: in.name, User: in.User}
	s.storeMessageLocked(m)
	if m.Flags&FlagEphemeral == 0 {
		s.dispatchLocked(s.messageEvent("MESSAGE_CREATE", *m))
	}
	return m
}

func (s *Server) dispatchUpdateLocked(m *Message) {
	if m.Flags&FlagEphemeral == 0 {
		s.dispatchLocked(s.messageEvent("MESSAGE_UPDATE", *m))
	}
}

// webhookLocked finds the interaction behind /webhooks/{app}/{token}.
func (s *Server) webhookLocked(rc *reqCtx) (*Interaction, *resp) {
	if rc.params["application.id"] != s.cfg.appID {
		r := reject(http.StatusNotFound, 10015, "Unknown Webhook", "webhook.unknown")
		return nil, &r
	}
	in := s.byToken[rc.params["interaction.token"]]
	if in == nil {
		r := reject(http.StatusUnauthorized, 50027, "Invalid Webhook Token", "webhook.token")
		return nil, &r
	}
	if rc.now.Sub(in.Created) > s.cfg.tokenLifetime {
		// Expected once tokens age; a bot may try and fall back, so this is
		// not recorded as a Violation.
		r := apiErr(http.StatusUnauthorized, 50027, "Invalid Webhook Token")
		return nil, &r
	}
	return in, nil
}

// webhookMessageLocked finds the interaction behind the webhook
// (webhookLocked) and resolves its {message.id} ("@original" or a
// follow-up).
func (s *Server) webhookMessageLocked(rc *reqCtx) (*Interaction, *Message, *resp) {
	in, bad := s.webhookLocked(rc)
	if bad != nil {
		return nil, nil, bad
	}
	id := rc.params["message.id"]
	if id == "@original" {
		id = in.originalID
	} else if id != in.originalID && !slices.Contains(in.followups, id) {
		id = ""
	}
	m, found := s.messages[id]
	if id == "" || !found {
		r := reject(http.StatusNotFound, 10008, "Unknown Message", "message.unknown")
		return nil, nil, &r
	}
	return in, m, nil
}

// createFollowup serves POST /webhooks/{app}/{token}. As on Discord, the
// first follow-up after a deferred (type 5) response replaces the
// "thinking…" message instead of creating a new one.
func (s *Server) createFollowup(rc *reqCtx) resp {
	in, bad := s.webhookLocked(rc)
	if bad != nil {
		return *bad
	}
	if !in.acked || in.ackType == 8 || in.ackType == 9 {
		return reject(http.StatusNotFound, 10015, "Unknown Webhook", "interaction.not_acknowledged")
	}
	b, errs := parseMessageBody(rc.req.Body, "")
	errs = append(errs, validate(b, "", s.cfg.strictMentions)...)
	if len(errs) > 0 {
		return formErr(errs)
	}
	if b.empty(len(rc.req.Files)) {
		return reject(http.StatusBadRequest, 50006, "Cannot send an empty message", "message.empty")
	}
	r := Response{Kind: ResponseFollowup, At: rc.now.Sub(in.Created), Body: rc.req.Body}
	var m *Message
	if orig, found := s.messages[in.originalID]; found && in.ackType == 5 && orig.Flags&FlagLoading != 0 {
		m = orig
		s.applyEditLocked(m, b, rc.req.Files, rc.now)
		s.dispatchUpdateLocked(m)
	} else {
		m = s.responseMessageLocked(in, s.channels[in.ChannelID], b, rc)
		in.followups = append(in.followups, m.ID)
	}
	fillResponse(&r, b, m.ID)
	in.responses = append(in.responses, r)
	if rc.req.Query.Get("wait") != "true" {
		return noContent()
	}
	return ok(*m)
}

func (s *Server) getWebhookMessage(rc *reqCtx) resp {
	_, m, bad := s.webhookMessageLocked(rc)
	if bad != nil {
		return *bad
	}
	return ok(*m)
}

// editWebhookMessage serves PATCH …/messages/{@original|id}; @original
// does not exist before the interaction is acknowledged.
func (s *Server) editWebhookMessage(rc *reqCtx) resp {
	in, m, bad := s.webhookMessageLocked(rc)
	if bad != nil {
		return *bad
	}
	b, errs := parseMessageBody(rc.req.Body, "")
	errs = append(errs, validate(b, "", s.cfg.strictMentions)...)
	if len(errs) > 0 {
		return formErr(errs)
	}
	s.applyEditLocked(m, b, rc.req.Files, rc.now)
	s.dispatchUpdateLocked(m)
	r := Response{Kind: ResponseEdit, At: rc.now.Sub(in.Created), Body: rc.req.Body}
	fillResponse(&r, b, m.ID)
	r.Flags = m.Flags
	in.responses = append(in.responses, r)
	return ok(*m)
}

func (s *Server) deleteWebhookMessage(rc *reqCtx) resp {
	in, m, bad := s.webhookMessageLocked(rc)
	if bad != nil {
		return *bad
	}
	delete(s.messages, m.ID)
	if m.Flags&FlagEphemeral == 0 {
		s.dispatchLocked(s.deleteEvent(*m))
	}
	in.responses = append(in.responses, Response{Kind: ResponseDelete, MessageID: m.ID, At: rc.now.Sub(in.Created)})
	return noContent()
}
