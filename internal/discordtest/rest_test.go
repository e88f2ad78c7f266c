package discordtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

func isCreate(r *Request) bool { return r.Route == "POST /channels/{channel.id}/messages" }

func TestSendAndEditRecorded(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	s := newClient(t, srv)
	q := srv.SendMessage(MessageOpts{ChannelID: testChannel, GuildID: testGuild, Content: "question"})

	m, err := s.ChannelMessageSendComplex(testChannel, &discordgo.MessageSend{
		Content:         "answer [1]",
		AllowedMentions: noMentions(),
		Reference:       &discordgo.MessageReference{MessageID: q.ID, ChannelID: testChannel, GuildID: testGuild},
		Embeds:          []*discordgo.MessageEmbed{{Title: "Sources", Description: "[1] Alipay — alipay"}},
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "Show passage 1", CustomID: "passage:1"},
		}}},
	})
	if err != nil {
		t.Fatalf("send: %v", err)
	}
	if m.Author.ID != srv.BotUser().ID || m.Type != discordgo.MessageTypeReply || m.ReferencedMessage == nil || m.ReferencedMessage.ID != q.ID {
		t.Errorf("got author %s type %d ref %+v, want bot reply to %s", m.Author.ID, m.Type, m.ReferencedMessage, q.ID)
	}

	msgs := srv.Messages(testChannel)
	if len(msgs) != 2 {
		t.Fatalf("got %d messages, want 2", len(msgs))
	}
	got := msgs[1]
	switch {
	case got.ID != m.ID || got.Content != "answer [1]":
		t.Errorf("got %s %q, want %s %q", got.ID, got.Content, m.ID, "answer [1]")
	case got.AllowedMentions == nil || got.AllowedMentions.Parse == nil || len(got.AllowedMentions.Parse) != 0:
		t.Errorf("got allowed mentions %+v, want parse []", got.AllowedMentions)
	case got.MessageReference == nil || got.MessageReference.MessageID != q.ID:
		t.Errorf("got reference %+v, want %s", got.MessageReference, q.ID)
	case len(got.Embeds) != 1 || got.Embeds[0].Title != "Sources" || got.Embeds[0].Type != "rich":
		t.Errorf("got embeds %+v, want one rich Sources embed", got.Embeds)
	case len(got.Components) != 1 || got.Components[0].Components[0].CustomID != "passage:1":
		t.Errorf("got components %+v, want passage:1 button", got.Components)
	}
	// The bot's own messages, and its button found in the row.
	if bm := srv.BotMessages(testChannel); len(bm) != 1 || bm[0].ID != m.ID {
		t.Errorf("BotMessages = %+v, want the answer alone", bm)
	}
	if !HasCustomID(got.Components, "passage:") || HasCustomID(got.Components, "vote:") {
		t.Errorf("HasCustomID on %+v: want passage: found, vote: not", got.Components)
	}
	req, err := srv.WaitFor(ctxT(t), func(r Request) bool { return isCreate(&r) })
	if err != nil {
		t.Fatal(err)
	}
	am, _ := req.JSON.(map[string]any)["allowed_mentions"].(map[string]any)
	if parse, isList := am["parse"].([]any); req.Status != 200 || !isList || len(parse) != 0 {
		t.Errorf("got status %d allowed_mentions %v, want 200 and parse []", req.Status, am)
	}

	content := "edited [1]"
	if _, err := s.ChannelMessageEditComplex(&discordgo.MessageEdit{ID: m.ID, Channel: testChannel, Content: &content, AllowedMentions: noMentions()}); err != nil {
		t.Fatalf("edit: %v", err)
	}
	edited, err := srv.WaitMessage(ctxT(t), testChannel, func(m Message) bool { return m.Content == content })
	if err != nil {
		t.Fatal(err)
	}
	if edited.Edits != 1 || edited.EditedTimestamp == nil || len(edited.Embeds) != 1 {
		t.Errorf("got edits %d edited_timestamp %v embeds %d, want 1, set, 1 (kept)", edited.Edits, edited.EditedTimestamp, len(edited.Embeds))
	}
}

func TestOwnMessagesAreDispatched(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	c := dialRaw(t, srv)
	c.identify(IntentGuildMessages) // no MESSAGE_CONTENT: the bot still sees its own text
	s := newClient(t, srv)
	if _, err := s.ChannelMessageSendComplex(testChannel, &discordgo.MessageSend{Content: "mine", AllowedMentions: noMentions()}); err != nil {
		t.Fatal(err)
	}
	f := c.mustRead()
	var m Message
	json.Unmarshal(f.D, &m)
	if f.T != "MESSAGE_CREATE" || m.Author.ID != srv.BotUser().ID || m.Content != "mine" {
		t.Fatalf("got %s by %s %q, want MESSAGE_CREATE by the bot %q", f.T, m.Author.ID, m.Content, "mine")
	}
}

func TestMentionSafety(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		relaxed  bool
		mentions *discordgo.MessageAllowedMentions
		wantRule string // "" means accepted
	}{
		{"empty parse", false, noMentions(), ""},
		{"missing", false, nil, "allowed_mentions.missing"},
		{"zero value sends parse null", false, &discordgo.MessageAllowedMentions{}, "allowed_mentions.parse"},
		{"parse users", false, &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{discordgo.AllowedMentionTypeUsers}}, "allowed_mentions.parse"},
		{"parse everyone", false, &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{discordgo.AllowedMentionTypeEveryone}}, "allowed_mentions.parse"},
		{"users list", false, &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}, Users: []string{"1"}}, "allowed_mentions.users"},
		{"roles list", false, &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}, Roles: []string{testRole}}, "allowed_mentions.roles"},
		{"replied user", false, &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}, RepliedUser: true}, "allowed_mentions.replied_user"},
		{"missing when relaxed", true, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t, WithStrictMentions(!tt.relaxed))
			s := newClient(t, srv)
			_, err := s.ChannelMessageSendComplex(testChannel, &discordgo.MessageSend{Content: "hi <@1>", AllowedMentions: tt.mentions})
			status, code := restCode(err)
			if tt.wantRule == "" {
				if err != nil || len(srv.Messages(testChannel)) != 1 || len(srv.Violations()) != 0 {
					t.Fatalf("got err %v, %d messages, violations %+v; want accepted", err, len(srv.Messages(testChannel)), srv.Violations())
				}
				return
			}
			if status != 400 || code != 50035 {
				t.Errorf("got HTTP %d code %d, want 400 50035", status, code)
			}
			if !hasRule(srv.Violations(), tt.wantRule) {
				t.Errorf("got violations %+v, want rule %s", srv.Violations(), tt.wantRule)
			}
			if n := len(srv.Messages(testChannel)); n != 0 {
				t.Errorf("got %d messages stored, want 0", n)
			}
		})
	}
}

func row(n int, prefix string) discordgo.ActionsRow {
	var cs []discordgo.MessageComponent
	for i := 0; i < n; i++ {
		cs = append(cs, discordgo.Button{Label: "b", CustomID: prefix + strings.Repeat("x", i+1)})
	}
	return discordgo.ActionsRow{Components: cs}
}

func fields(n int, value string) []*discordgo.MessageEmbedField {
	var fs []*discordgo.MessageEmbedField
	for i := 0; i < n; i++ {
		fs = append(fs, &discordgo.MessageEmbedField{Name: "f", Value: value})
	}
	return fs
}

func TestMessageLimits(t *testing.T) {
	t.Parallel()
	long := func(n int) string { return strings.Repeat("é", n) } // 2 bytes, 1 code point
	tests := []struct {
		name     string
		msg      discordgo.MessageSend
		wantCode int // 0 means accepted
		wantRule string
	}{
		{"content 2000 code points", discordgo.MessageSend{Content: long(2000)}, 0, ""},
		{"content 2001", discordgo.MessageSend{Content: long(2001)}, 50035, "content.length"},
		{"11 embeds", discordgo.MessageSend{Embeds: make11Embeds()}, 50035, "embeds.count"},
		{"title 257", discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Title: long(257)}}}, 50035, "embed.title.length"},
		{"description 4096", discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Description: long(4096)}}}, 0, ""},
		{"description 4097", discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Description: long(4097)}}}, 50035, "embed.description.length"},
		{"25 fields", discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Fields: fields(25, "v")}}}, 0, ""},
		{"26 fields", discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Fields: fields(26, "v")}}}, 50035, "embed.fields.count"},
		{"field value 1025", discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Fields: fields(1, long(1025))}}}, 50035, "embed.field.value.length"},
		{"field name empty", discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Fields: []*discordgo.MessageEmbedField{{Value: "v"}}}}}, 50035, "embed.field.name.required"},
		{"footer 2049", discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Description: "d", Footer: &discordgo.MessageEmbedFooter{Text: long(2049)}}}}, 50035, "embed.footer.length"},
		{"author 257", discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Description: "d", Author: &discordgo.MessageEmbedAuthor{Name: long(257)}}}}, 50035, "embed.author.length"},
		{"embeds total 6001", discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Description: long(3000)}, {Description: long(3001)}}}, 50035, "embeds.total"},
		{"5 rows of 5 buttons", discordgo.MessageSend{Content: "c", Components: rows(5, 5)}, 0, ""},
		{"6 rows", discordgo.MessageSend{Content: "c", Components: rows(6, 1)}, 50035, "components.rows"},
		{"6 buttons in a row", discordgo.MessageSend{Content: "c", Components: rows(1, 6)}, 50035, "components.row.count"},
		{"label 81", discordgo.MessageSend{Content: "c", Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.Button{Label: long(81), CustomID: "a"}}}}}, 50035, "button.label.length"},
		{"custom_id 101", discordgo.MessageSend{Content: "c", Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.Button{Label: "l", CustomID: long(101)}}}}}, 50035, "component.custom_id.length"},
		{"duplicate custom_id", discordgo.MessageSend{Content: "c", Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.Button{Label: "l", CustomID: "a"}, discordgo.Button{Label: "l", CustomID: "a"}}}}}, 50035, "component.custom_id.duplicate"},
		{"link button with custom_id", discordgo.MessageSend{Content: "c", Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.Button{Label: "l", Style: discordgo.LinkButton, URL: "https://example.org", CustomID: "a"}}}}}, 50035, "button.link"},
		{"empty message", discordgo.MessageSend{}, 50006, "message.empty"},
	}
	srv := newServer(t)
	s := newClient(t, srv)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(srv.Messages(testChannel))
			msg := tt.msg
			msg.AllowedMentions = noMentions()
			_, err := s.ChannelMessageSendComplex(testChannel, &msg)
			after := len(srv.Messages(testChannel))
			if tt.wantCode == 0 {
				if err != nil || after != before+1 {
					t.Fatalf("got err %v, %d new messages; want accepted", err, after-before)
				}
				return
			}
			status, code := restCode(err)
			if status != 400 || code != tt.wantCode {
				t.Errorf("got HTTP %d code %d, want 400 %d", status, code, tt.wantCode)
			}
			if !hasRule(srv.Violations(), tt.wantRule) {
				t.Errorf("no violation %s in %+v", tt.wantRule, srv.Violations())
			}
			if after != before {
				t.Errorf("got %d new messages, want 0", after-before)
			}
		})
	}
}

func make11Embeds() []*discordgo.MessageEmbed {
	var es []*discordgo.MessageEmbed
	for i := 0; i < 11; i++ {
		es = append(es, &discordgo.MessageEmbed{Description: "d"})
	}
	return es
}

func rows(n, buttons int) []discordgo.MessageComponent {
	var out []discordgo.MessageComponent
	for i := 0; i < n; i++ {
		out = append(out, row(buttons, strings.Repeat("r", i+1)+"-"))
	}
	return out
}

func TestInvalidFormBodyShape(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	s := newClient(t, srv)
	_, err := s.ChannelMessageSendComplex(testChannel, &discordgo.MessageSend{
		Content:         strings.Repeat("a", 2001),
		Embeds:          []*discordgo.MessageEmbed{{Title: strings.Repeat("t", 257)}},
		AllowedMentions: noMentions(),
	})
	var re *discordgo.RESTError
	if !errors.As(err, &re) {
		t.Fatalf("got %v, want a RESTError", err)
	}
	var body struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Errors  struct {
			Content struct {
				Errors []struct{ Code string } `json:"_errors"`
			} `json:"content"`
			Embeds map[string]struct {
				Title struct {
					Errors []struct{ Code string } `json:"_errors"`
				} `json:"title"`
			} `json:"embeds"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(re.ResponseBody, &body); err != nil {
		t.Fatal(err)
	}
	if body.Code != 50035 || body.Message != "Invalid Form Body" {
		t.Errorf("got %d %q, want 50035 Invalid Form Body", body.Code, body.Message)
	}
	if e := body.Errors.Content.Errors; len(e) != 1 || e[0].Code != "BASE_TYPE_MAX_LENGTH" {
		t.Errorf("got content errors %+v, want BASE_TYPE_MAX_LENGTH", e)
	}
	if e := body.Errors.Embeds["0"].Title.Errors; len(e) != 1 || e[0].Code != "BASE_TYPE_MAX_LENGTH" {
		t.Errorf("got embeds.0.title errors %+v, want BASE_TYPE_MAX_LENGTH", e)
	}
	if vs := srv.Violations(); len(vs) != 2 || vs[1].Field != "embeds.0.title" {
		t.Errorf("got violations %+v, want content.length and embeds.0.title", vs)
	}
}

func TestRateLimitRetried(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	s := newClient(t, srv)
	srv.FailNext(isCreate, 1, http.StatusTooManyRequests, 0.2)
	if _, err := s.ChannelMessageSendComplex(testChannel, &discordgo.MessageSend{Content: "once", AllowedMentions: noMentions()}); err != nil {
		t.Fatalf("send: %v", err)
	}
	var attempts []Request
	for _, r := range srv.Requests() {
		if isCreate(&r) {
			attempts = append(attempts, r)
		}
	}
	if len(attempts) != 2 || attempts[0].Status != 429 || attempts[1].Status != 200 {
		t.Fatalf("got %d attempts, want a 429 then a 200", len(attempts))
	}
	if gap := attempts[1].Time.Sub(attempts[0].Time); gap < 200*time.Millisecond {
		t.Errorf("retried after %v, want at least retry_after (200ms)", gap)
	}
	if n := len(srv.Messages(testChannel)); n != 1 {
		t.Errorf("got %d messages, want 1", n)
	}

	// The 429 itself looks like Discord's.
	srv.FailNext(func(r *Request) bool { return r.Route == "GET /users/@me" }, 1, 429, 1.5)
	req, _ := http.NewRequest("GET", srv.URL()+"/api/v9/users/@me", nil)
	req.Header.Set("Authorization", "Bot test-token")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		RetryAfter float64 `json:"retry_after"`
		Global     bool    `json:"global"`
		Message    string  `json:"message"`
	}
	json.NewDecoder(resp.Body).Decode(&body)
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "2" || resp.Header.Get("X-RateLimit-Remaining") != "0" ||
		resp.Header.Get("X-RateLimit-Reset-After") != "1.500" || body.RetryAfter != 1.5 || body.Global || body.Message != "You are being rate limited." {
		t.Errorf("got %d headers %v body %+v, want Discord's 429", resp.StatusCode, resp.Header, body)
	}
	http.DefaultClient.CloseIdleConnections()
}

func TestServerErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		status, n    int
		wantAttempts int
		wantErr      bool
	}{
		{"502 twice is retried", 502, 2, 3, false},
		{"502 beyond MaxRestRetries fails", 502, 4, 4, true},
		{"500 is not retried", 500, 1, 1, true},
		{"503 is not retried", 503, 1, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t)
			s := newClient(t, srv)
			srv.FailNext(isCreate, tt.n, tt.status, 0)
			_, err := s.ChannelMessageSendComplex(testChannel, &discordgo.MessageSend{Content: "x", AllowedMentions: noMentions()})
			attempts := 0
			for _, r := range srv.Requests() {
				if isCreate(&r) {
					attempts++
				}
			}
			if attempts != tt.wantAttempts || (err != nil) != tt.wantErr {
				t.Errorf("got %d attempts, err %v; want %d attempts, error %v", attempts, err, tt.wantAttempts, tt.wantErr)
			}
		})
	}
}

func TestAuthAndRoutes(t *testing.T) {
	t.Parallel()
	srv := newServer(t, WithToken("secret"))
	tests := []struct {
		name, method, path, auth string
		wantStatus               int
		wantRule                 string
	}{
		{"bot token", "GET", "/api/v9/users/@me", "Bot secret", 200, ""},
		{"v10 path", "GET", "/api/v10/users/@me", "Bot secret", 200, ""},
		{"no Bot prefix", "GET", "/api/v9/users/@me", "secret", 401, "auth.token"},
		{"no header", "GET", "/api/v9/users/@me", "", 401, "auth.token"},
		{"gateway needs none", "GET", "/api/v9/gateway", "", 200, ""},
		{"unknown route", "GET", "/api/v9/guilds/1/bans", "Bot secret", 404, "route.unknown"},
		{"unknown channel", "POST", "/api/v9/channels/999/typing", "Bot secret", 404, "channel.unknown"},
		{"typing", "POST", "/api/v9/channels/" + testChannel + "/typing", "Bot secret", 204, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, srv.URL()+tt.path, nil)
			if tt.auth != "" {
				req.Header.Set("Authorization", tt.auth)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.wantStatus {
				t.Errorf("got %d, want %d", resp.StatusCode, tt.wantStatus)
			}
			vs := srv.Violations()
			if tt.wantRule != "" && (len(vs) == 0 || vs[len(vs)-1].Rule != tt.wantRule || vs[len(vs)-1].Path != tt.path) {
				t.Errorf("got violations %+v, want last %s on %s", vs, tt.wantRule, tt.path)
			}
		})
	}
	http.DefaultClient.CloseIdleConnections()
}

func TestMultipartPayloadJSON(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	s := newClient(t, srv)
	file := func() []*discordgo.File {
		return []*discordgo.File{{Name: "passage.txt", ContentType: "text/plain", Reader: bytes.NewReader([]byte("quoted passage"))}}
	}
	if _, err := s.ChannelMessageSendComplex(testChannel, &discordgo.MessageSend{Content: "see file", Files: file(), AllowedMentions: noMentions()}); err != nil {
		t.Fatalf("send: %v", err)
	}
	msgs := srv.Messages(testChannel)
	if len(msgs) != 1 || len(msgs[0].Attachments) != 1 || msgs[0].Attachments[0].Filename != "passage.txt" || msgs[0].Attachments[0].Size != 14 {
		t.Fatalf("got %+v, want one message with passage.txt (14 bytes)", msgs)
	}
	req, _ := srv.WaitFor(ctxT(t), func(r Request) bool { return isCreate(&r) })
	if len(req.Files) != 1 || string(req.Files[0].Data) != "quoted passage" || req.JSON.(map[string]any)["content"] != "see file" {
		t.Errorf("got files %+v json %v, want the file and payload_json", req.Files, req.JSON)
	}
	_, err := s.ChannelMessageSendComplex(testChannel, &discordgo.MessageSend{Content: "no mentions field", Files: file()})
	if status, _ := restCode(err); status != 400 || !hasRule(srv.Violations(), "allowed_mentions.missing") {
		t.Errorf("got HTTP %d violations %+v, want payload_json checked for allowed_mentions", status, srv.Violations())
	}
}

func TestThreadsAndDMs(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	c := dialRaw(t, srv)
	c.identify(1 | IntentGuildMessages)
	s := newClient(t, srv)
	q := srv.SendMessage(MessageOpts{ChannelID: testChannel, GuildID: testGuild, Content: "question"})
	c.mustRead() // its MESSAGE_CREATE

	th, err := s.MessageThreadStartComplex(testChannel, q.ID, &discordgo.ThreadStart{Name: "question", AutoArchiveDuration: 60})
	if err != nil {
		t.Fatalf("thread: %v", err)
	}
	if th.ID != q.ID || th.Type != discordgo.ChannelTypeGuildPublicThread || th.ParentID != testChannel || th.GuildID != testGuild {
		t.Errorf("got thread %+v, want public thread %s under %s", th, q.ID, testChannel)
	}
	if f := c.mustRead(); f.T != "THREAD_CREATE" {
		t.Errorf("got %s, want THREAD_CREATE", f.T)
	}
	if m, _ := srv.Message(q.ID); m.Flags&FlagHasThread == 0 || m.Thread == nil {
		t.Errorf("got flags %d thread %v, want HAS_THREAD and the thread", m.Flags, m.Thread)
	}
	_, err = s.MessageThreadStartComplex(testChannel, q.ID, &discordgo.ThreadStart{Name: "again"})
	if _, code := restCode(err); code != 160004 {
		t.Errorf("second thread: got code %d, want 160004", code)
	}
	if _, err := s.ChannelMessageSendComplex(th.ID, &discordgo.MessageSend{Content: "in thread", AllowedMentions: noMentions()}); err != nil {
		t.Errorf("send in thread: %v", err)
	}
	follow := srv.SendMessage(MessageOpts{ChannelID: th.ID, GuildID: testGuild, Content: "follow-up"})
	if follow.ChannelID != th.ID || len(srv.Messages(th.ID)) != 2 {
		t.Errorf("got %d messages in thread, want 2", len(srv.Messages(th.ID)))
	}

	free, err := s.ThreadStart(testChannel, "topic", discordgo.ChannelTypeGuildPublicThread, 1440)
	if err != nil || free.Type != discordgo.ChannelTypeGuildPublicThread || free.ID == q.ID {
		t.Errorf("ThreadStart: got %+v, %v; want a new public thread", free, err)
	}

	u := srv.DefaultUser()
	dm1, err := s.UserChannelCreate(u.ID)
	if err != nil {
		t.Fatal(err)
	}
	dm2, _ := s.UserChannelCreate(u.ID)
	if dm1.Type != discordgo.ChannelTypeDM || dm1.ID != dm2.ID || len(dm1.Recipients) != 1 || dm1.Recipients[0].ID != u.ID {
		t.Errorf("got %+v and %s, want one DM channel with %s", dm1, dm2.ID, u.ID)
	}
}

func TestChannelEndpoints(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	s := newClient(t, srv)
	user := srv.SendMessage(MessageOpts{ChannelID: testChannel, GuildID: testGuild, Content: "user's"})
	mine, err := s.ChannelMessageSendComplex(testChannel, &discordgo.MessageSend{Content: "bot's", AllowedMentions: noMentions()})
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name     string
		call     func() error
		wantCode int
	}{
		{"typing", func() error { return s.ChannelTyping(testChannel) }, 0},
		{"get channel", func() error {
			ch, err := s.Channel(testChannel)
			if err == nil && ch.Name != "general" {
				return errors.New("wrong channel " + ch.Name)
			}
			return err
		}, 0},
		{"get message", func() error { _, err := s.ChannelMessage(testChannel, user.ID); return err }, 0},
		{"list newest first", func() error {
			ms, err := s.ChannelMessages(testChannel, 10, "", "", "")
			if err == nil && (len(ms) != 2 || ms[0].ID != mine.ID) {
				return errors.New("wrong order")
			}
			return err
		}, 0},
		{"react", func() error { return s.MessageReactionAdd(testChannel, user.ID, "👍") }, 0},
		{"edit another user's message", func() error {
			_, err := s.ChannelMessageEditComplex(&discordgo.MessageEdit{ID: user.ID, Channel: testChannel, Content: ptr("x"), AllowedMentions: noMentions()})
			return err
		}, 50005},
		{"unknown message", func() error { _, err := s.ChannelMessage(testChannel, "1"); return err }, 10008},
		{"unknown channel", func() error { _, err := s.ChannelMessageSend("1", "x"); return err }, 10003},
		{"delete", func() error { return s.ChannelMessageDelete(testChannel, mine.ID) }, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			_, code := restCode(err)
			if (tt.wantCode == 0 && err != nil) || code != tt.wantCode {
				t.Errorf("got %v (code %d), want code %d", err, code, tt.wantCode)
			}
		})
	}
	if _, found := srv.Message(mine.ID); found || len(srv.Messages(testChannel)) != 1 {
		t.Errorf("deleted message still listed")
	}
}

func ptr[T any](v T) *T { return &v }

func TestWaitsHonourContext(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := srv.WaitFor(ctx, func(Request) bool { return false }); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("WaitFor: got %v, want DeadlineExceeded", err)
	}
	if _, err := srv.WaitMessage(ctx, testChannel, func(Message) bool { return true }); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("WaitMessage on empty channel: got %v, want DeadlineExceeded", err)
	}
	if err := srv.WaitReady(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("WaitReady without client: got %v, want DeadlineExceeded", err)
	}
}

// FailNextCode answers as Discord does for its own reasons, and discordgo
// surfaces the code; FailNextGlobal is the global rate limit, retried.
func TestFailNextCodeAndGlobal(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	s := newClient(t, srv)
	for _, tt := range []struct{ status, code int }{
		{403, CodeMissingPermissions},
		{404, CodeUnknownChannel},
		{400, CodeInvalidFormBody},
	} {
		srv.FailNextCode(isCreate, 1, tt.status, tt.code)
		_, err := s.ChannelMessageSendComplex(testChannel, &discordgo.MessageSend{Content: "x", AllowedMentions: noMentions()})
		var re *discordgo.RESTError
		if !errors.As(err, &re) || re.Response.StatusCode != tt.status || re.Message == nil || re.Message.Code != tt.code {
			t.Errorf("got %v, want %d with code %d", err, tt.status, tt.code)
		}
	}
	if vs := srv.Violations(); len(vs) != 0 {
		t.Errorf("scripted failures recorded as violations: %+v", vs)
	}
	srv.FailNextGlobal(isCreate, 1, 0.2)
	if _, err := s.ChannelMessageSendComplex(testChannel, &discordgo.MessageSend{Content: "y", AllowedMentions: noMentions()}); err != nil {
		t.Fatalf("send after a global 429: %v", err)
	}
	var got []Request
	for _, r := range srv.Requests() {
		if isCreate(&r) && r.Status != 200 && r.Status != 403 && r.Status != 404 && r.Status != 400 {
			got = append(got, r)
		}
	}
	if len(got) != 1 || got[0].Status != 429 {
		t.Errorf("got %+v, want one global 429", got)
	}
}
