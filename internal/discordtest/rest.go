package discordtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"mime"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gorilla/websocket"
)

// route is one REST endpoint. Patterns use Discord's parameter names.
type route struct {
	method  string
	pattern string
	auth    bool // needs "Authorization: Bot <token>"; webhook-token routes do not
	handle  func(rc *reqCtx) resp
}

// reqCtx is what a handler sees; handlers run with s.mu held.
type reqCtx struct {
	req    *Request
	params map[string]string
	now    time.Time
}

// resp is a handler's answer.
type resp struct {
	status     int
	body       any // marshalled as JSON; nil for no body
	code       int // Discord error code, 0 on success
	header     http.Header
	violations []Violation
}

func ok(body any) resp { return resp{status: http.StatusOK, body: body} }

func noContent() resp { return resp{status: http.StatusNoContent} }

// apiErr is a Discord error response that is not a client's mistake worth
// recording (an expired token, say).
func apiErr(status, code int, msg string) resp {
	return resp{status: status, code: code, body: map[string]any{"code": code, "message": msg}}
}

// reject is a Discord error response recorded as a Violation of rule.
func reject(status, code int, msg, rule string) resp {
	r := apiErr(status, code, msg)
	r.violations = []Violation{{Rule: rule, Message: msg}}
	return r
}

// fieldError is one entry of a 50035 Invalid Form Body response.
type fieldError struct {
	path string // dotted JSON path, e.g. "embeds.0.title"
	code string // Discord's error code string, e.g. BASE_TYPE_MAX_LENGTH
	msg  string
	rule string // Violation rule
}

// formErr answers 400 Invalid Form Body with Discord's nested "errors" object.
func formErr(errs []fieldError) resp {
	nested := map[string]any{}
	var vs []Violation
	for _, e := range errs {
		node := nested
		if e.path != "" {
			for _, k := range strings.Split(e.path, ".") {
				child, _ := node[k].(map[string]any)
				if child == nil {
					child = map[string]any{}
					node[k] = child
				}
				node = child
			}
		}
		list, _ := node["_errors"].([]any)
		node["_errors"] = append(list, map[string]any{"code": e.code, "message": e.msg})
		vs = append(vs, Violation{Rule: e.rule, Field: e.path, Message: e.msg})
	}
	return resp{
		status:     http.StatusBadRequest,
		code:       50035,
		body:       map[string]any{"code": 50035, "errors": nested, "message": "Invalid Form Body"},
		violations: vs,
	}
}

// fault is a scripted failure set up by FailNext, FailNextCode or
// FailNextGlobal.
type fault struct {
	match      func(*Request) bool
	remaining  int
	status     int
	retryAfter float64
	code       int  // Discord's JSON error code; 0 for a bare status
	global     bool // a 429 of the global limit
}

// Discord's JSON error codes that FailNextCode knows the message of.
const (
	CodeUnknownChannel     = 10003
	CodeUnknownMessage     = 10008
	CodeMissingAccess      = 50001
	CodeMissingPermissions = 50013
	CodeInvalidFormBody    = 50035
)

var codeMessages = map[int]string{
	CodeUnknownChannel:     "Unknown Channel",
	CodeUnknownMessage:     "Unknown Message",
	CodeMissingAccess:      "Missing Access",
	CodeMissingPermissions: "Missing Permissions",
	CodeInvalidFormBody:    "Invalid Form Body",
}

// FailNextCode makes the next n requests for which match returns true
// fail as Discord fails them for a reason of its own: status with the JSON
// error code and its message, e.g. 403 and CodeMissingPermissions when the
// bot lost a permission mid-answer, 404 and CodeUnknownChannel when the
// channel was deleted, 400 and CodeInvalidFormBody (with an "errors"
// object on content) for a body Discord will not take.
func (s *Server) FailNextCode(match func(*Request) bool, n, status, code int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &fault{match: match, remaining: n, status: status, code: code})
}

// FailNextGlobal makes the next n requests for which match returns true
// hit the global rate limit: 429 with "global": true, X-RateLimit-Global
// and X-RateLimit-Scope "global", and retry_after seconds.
func (s *Server) FailNextGlobal(match func(*Request) bool, n int, retryAfter float64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &fault{match: match, remaining: n, status: http.StatusTooManyRequests, retryAfter: retryAfter, global: true})
}

// FailNext makes the next n requests for which match returns true fail with
// status instead of being handled. For 429 the body is Discord's rate-limit
// JSON with retry_after (seconds) and the Retry-After and X-RateLimit-*
// headers are set; other statuses get a JSON error body. discordgo v0.29.0
// retries 429 after retry_after (without limit) and 502 up to
// Session.MaxRestRetries (3) times at once; it does not retry 500 or 503.
func (s *Server) FailNext(match func(*Request) bool, n int, status int, retryAfter float64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &fault{match: match, remaining: n, status: status, retryAfter: retryAfter})
}

// stall is a scripted delay set up by StallNext.
type stall struct {
	match     func(*Request) bool
	remaining int
	d         time.Duration
	late      bool // applied after d even when the client gave up
}

// StallNext makes the next n requests for which match returns true hang for
// d before they are handled, as a stalled connection or an overloaded
// Discord would. A client that gives up meanwhile (its request context
// ends, the connection closes) is answered nothing and the request is not
// applied: it is recorded with Status 0 and Abandoned set. match sees the
// method, path, route and body, not yet the status.
func (s *Server) StallNext(match func(*Request) bool, n int, d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stalls = append(s.stalls, &stall{match: match, remaining: n, d: d})
}

// StallLateNext is StallNext as Discord can also behave: a request the
// client gave up on while it hung is still applied once d has passed,
// after whatever the client sent meanwhile (it is recorded with
// Abandoned set and the status it got).
func (s *Server) StallLateNext(match func(*Request) bool, n int, d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stalls = append(s.stalls, &stall{match: match, remaining: n, d: d, late: true})
}

func (s *Server) stallLocked(r *Request) *stall {
	for _, st := range s.stalls {
		if st.remaining > 0 && st.match(r) {
			st.remaining--
			return st
		}
	}
	return nil
}

func (s *Server) faultLocked(r *Request) *fault {
	for _, f := range s.faults {
		if f.remaining > 0 && f.match(r) {
			f.remaining--
			return f
		}
	}
	return nil
}

func faultResp(f *fault, now time.Time) resp {
	switch {
	case f.code == CodeInvalidFormBody:
		r := formErr([]fieldError{{path: "content", code: "BASE_TYPE_MAX_LENGTH", msg: "Must be 2000 or fewer in length."}})
		r.violations = nil // scripted, not the client's mistake
		return r
	case f.code != 0:
		return apiErr(f.status, f.code, codeMessages[f.code])
	case f.status != http.StatusTooManyRequests:
		return resp{status: f.status, body: map[string]any{"code": 0, "message": fmt.Sprintf("%d: %s", f.status, http.StatusText(f.status))}}
	}
	h := http.Header{}
	after := strconv.FormatFloat(f.retryAfter, 'f', 3, 64)
	h.Set("Retry-After", strconv.Itoa(int(math.Ceil(f.retryAfter))))
	h.Set("X-RateLimit-Limit", "5")
	h.Set("X-RateLimit-Remaining", "0")
	h.Set("X-RateLimit-Reset", unixSeconds(now.Add(time.Duration(f.retryAfter*float64(time.Second)))))
	h.Set("X-RateLimit-Reset-After", after)
	h.Set("X-RateLimit-Bucket", "discordtest")
	h.Set("X-RateLimit-Scope", "user")
	if f.global {
		h.Set("X-RateLimit-Global", "true")
		h.Set("X-RateLimit-Scope", "global")
	}
	return resp{
		status: http.StatusTooManyRequests,
		header: h,
		body:   map[string]any{"message": "You are being rate limited.", "retry_after": f.retryAfter, "global": f.global},
	}
}

func unixSeconds(t time.Time) string {
	return strconv.FormatFloat(float64(t.UnixMilli())/1000, 'f', 3, 64)
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if websocket.IsWebSocketUpgrade(r) {
		s.serveGateway(w, r)
		return
	}
	now := time.Now()
	req := &Request{Time: now, Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(), Header: r.Header.Clone()}
	bodyErr := readBody(r, req)
	rt, params := s.match(r.Method, r.URL.Path)
	if rt != nil {
		req.Route = rt.method + " " + rt.pattern
	}

	s.mu.Lock()
	st := s.stallLocked(req)
	s.mu.Unlock()
	if st != nil && st.d > 0 {
		t := time.NewTimer(st.d)
		select {
		case <-t.C:
		case <-r.Context().Done():
			if st.late {
				req.Abandoned = true
				select {
				case <-t.C:
				case <-s.closed:
					t.Stop()
					return
				}
				break
			}
			t.Stop()
			s.mu.Lock()
			req.Abandoned = true
			s.requests = append(s.requests, *req)
			s.notifyLocked()
			s.mu.Unlock()
			return
		case <-s.closed:
			t.Stop()
			return
		}
	}

	s.mu.Lock()
	var out resp
	switch f := s.faultLocked(req); {
	case f != nil:
		out = faultResp(f, now)
	case rt == nil:
		out = reject(http.StatusNotFound, 0, "404: Not Found", "route.unknown")
	case rt.auth && !s.authOK(r.Header.Get("Authorization")):
		out = reject(http.StatusUnauthorized, 0, "401: Unauthorized", "auth.token")
	case bodyErr != nil || (req.Body != nil && req.JSON == nil && len(bytes.TrimSpace(req.Body)) > 0):
		out = reject(http.StatusBadRequest, 50109, "The request body contains invalid JSON.", "body.json")
	default:
		out = rt.handle(&reqCtx{req: req, params: params, now: now})
	}
	req.Status, req.Code = out.status, out.code
	s.requests = append(s.requests, *req)
	for _, v := range out.violations {
		v.Time, v.Method, v.Path, v.Status, v.Code = now, req.Method, req.Path, out.status, out.code
		s.violations = append(s.violations, v)
	}
	s.notifyLocked()
	s.mu.Unlock()

	if out.header == nil {
		// Discord sends bucket headers on errors too; without them
		// discordgo would count down its bucket and stall for a second.
		out.header = rateLimitHeaders(now)
	}
	writeResp(w, out)
}

func (s *Server) authOK(h string) bool {
	tok, found := strings.CutPrefix(h, "Bot ")
	return found && s.tokenOK(tok)
}

// rateLimitHeaders are sent with every answer but a scripted fault;
// discordgo parses them into its bucket and never waits while Remaining
// stays above zero.
func rateLimitHeaders(now time.Time) http.Header {
	h := http.Header{}
	h.Set("X-RateLimit-Limit", "5")
	h.Set("X-RateLimit-Remaining", "4")
	h.Set("X-RateLimit-Reset", unixSeconds(now.Add(time.Second)))
	h.Set("X-RateLimit-Reset-After", "1.000")
	h.Set("X-RateLimit-Bucket", "discordtest")
	return h
}

func writeResp(w http.ResponseWriter, out resp) {
	for k, v := range out.header {
		w.Header()[k] = v
	}
	if out.body == nil || out.status == http.StatusNoContent {
		w.WriteHeader(out.status)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(out.status)
	w.Write(mustJSON(out.body))
}

// readBody fills req.Body, req.JSON and req.Files; multipart bodies carry
// their JSON in the payload_json part, as discordgo sends files.
func readBody(r *http.Request, req *Request) error {
	raw, err := io.ReadAll(io.LimitReader(r.Body, 32<<20))
	if err != nil {
		return err
	}
	if len(raw) == 0 {
		return nil
	}
	mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		req.Body = raw
		req.JSON = decodeAny(raw)
		return nil
	}
	mr := multipart.NewReader(bytes.NewReader(raw), params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return err
		}
		if p.FormName() == "payload_json" {
			req.Body = data
			req.JSON = decodeAny(data)
			continue
		}
		req.Files = append(req.Files, File{Field: p.FormName(), Name: p.FileName(), ContentType: p.Header.Get("Content-Type"), Data: data})
	}
}

func decodeAny(b []byte) any {
	var v any
	if json.Unmarshal(b, &v) != nil {
		return nil
	}
	return v
}

// match finds the route for a path under /api/ or /api/v{n}/.
func (s *Server) match(method, path string) (*route, map[string]string) {
	rest, found := strings.CutPrefix(path, "/api/")
	if !found {
		return nil, nil
	}
	segs := strings.Split(strings.Trim(rest, "/"), "/")
	if len(segs) > 0 && len(segs[0]) > 1 && segs[0][0] == 'v' {
		if _, err := strconv.Atoi(segs[0][1:]); err == nil {
			segs = segs[1:]
		}
	}
	for i := range s.routeTable {
		rt := &s.routeTable[i]
		if rt.method != method {
			continue
		}
		if params, ok := matchPattern(rt.pattern, segs); ok {
			return rt, params
		}
	}
	return nil, nil
}

func matchPattern(pattern string, segs []string) (map[string]string, bool) {
	ps := strings.Split(strings.Trim(pattern, "/"), "/")
	if len(ps) != len(segs) {
		return nil, false
	}
	params := map[string]string{}
	for i, p := range ps {
		switch {
		case strings.HasPrefix(p, "{"):
			if segs[i] == "" {
				return nil, false
			}
			params[strings.Trim(p, "{}")] = segs[i]
		case p != segs[i]:
			return nil, false
		}
	}
	return params, true
}

// routes lists every endpoint the fake serves. Literal routes come before
// parameterised ones that could shadow them.
func (s *Server) routes() []route {
	return []route{
		{"GET", "/gateway", false, s.getGateway},
		{"GET", "/gateway/bot", true, s.getGatewayBot},
		{"GET", "/users/@me", true, s.getMe},
		{"GET", "/applications/@me", true, s.getApplication},
		{"POST", "/users/@me/channels", true, s.createDM},
		{"GET", "/channels/{channel.id}", true, s.getChannel},
		{"POST", "/channels/{channel.id}/typing", true, s.typing},
		{"GET", "/channels/{channel.id}/messages", true, s.listMessages},
		{"POST", "/channels/{channel.id}/messages", true, s.createMessage},
		{"GET", "/channels/{channel.id}/messages/{message.id}", true, s.getMessage},
		{"PATCH", "/channels/{channel.id}/messages/{message.id}", true, s.editMessage},
		{"DELETE", "/channels/{channel.id}/messages/{message.id}", true, s.deleteMessage},
		{"PUT", "/channels/{channel.id}/messages/{message.id}/reactions/{emoji}/@me", true, s.addReaction},
		{"POST", "/channels/{channel.id}/messages/{message.id}/threads", true, s.startThreadFromMessage},
		{"POST", "/channels/{channel.id}/threads", true, s.startThread},
		{"GET", "/applications/{application.id}/commands", true, s.getCommands},
		{"PUT", "/applications/{application.id}/commands", true, s.putCommands},
		{"GET", "/applications/{application.id}/guilds/{guild.id}/commands", true, s.getCommands},
		{"PUT", "/applications/{application.id}/guilds/{guild.id}/commands", true, s.putCommands},
		{"POST", "/interactions/{interaction.id}/{interaction.token}/callback", false, s.interactionCallback},
		{"POST", "/webhooks/{application.id}/{interaction.token}", false, s.createFollowup},
		{"GET", "/webhooks/{application.id}/{interaction.token}/messages/{message.id}", false, s.getWebhookMessage},
		{"PATCH", "/webhooks/{application.id}/{interaction.token}/messages/{message.id}", false, s.editWebhookMessage},
		{"DELETE", "/webhooks/{application.id}/{interaction.token}/messages/{message.id}", false, s.deleteWebhookMessage},
	}
}

func (s *Server) getGateway(*reqCtx) resp {
	return ok(map[string]any{"url": s.wsURL})
}

func (s *Server) getGatewayBot(*reqCtx) resp {
	return ok(map[string]any{
		"url":    s.wsURL,
		"shards": max(s.cfg.shards, 1),
		"session_start_limit": map[string]any{
			"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": max(s.cfg.maxConcurrency, 1),
		},
	})
}

func (s *Server) getMe(*reqCtx) resp {
	bot := s.cfg.bot
	return ok(map[string]any{"id": bot.ID, "username": bot.Username, "discriminator": "0", "bot": true, "verified": true, "flags": 0})
}

func (s *Server) getApplication(*reqCtx) resp {
	bot := s.cfg.bot
	return ok(map[string]any{
		"id": s.cfg.appID, "name": bot.Username, "description": "", "flags": 0,
		"bot_public": false, "bot_require_code_grant": false, "bot": bot,
	})
}
