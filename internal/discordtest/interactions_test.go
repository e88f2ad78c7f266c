package discordtest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// dgo turns a handle into what discordgo's REST calls need.
func dgo(srv *Server, in *Interaction) *discordgo.Interaction {
	return &discordgo.Interaction{ID: in.ID, AppID: srv.AppID(), Token: in.Token}
}

func deferred(flags discordgo.MessageFlags) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Flags: flags},
	}
}

func slash(srv *Server) *Interaction {
	return srv.SendSlash(SlashOpts{Name: "ask", GuildID: testGuild, ChannelID: testChannel,
		Options: []OptionValue{{Name: "question", Value: "what?"}}})
}

func TestSlashDeferThenEditThroughGateway(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	s := openSession(t, srv)
	seen := make(chan *discordgo.InteractionCreate, 1)
	s.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
		seen <- i
		if err := s.InteractionRespond(i.Interaction, deferred(discordgo.MessageFlagsEphemeral)); err != nil {
			t.Errorf("respond: %v", err)
			return
		}
		answer := "Alipay has more than 1 billion users [1]."
		if _, err := s.InteractionResponseEdit(i.Interaction, &discordgo.WebhookEdit{Content: &answer, AllowedMentions: noMentions()}); err != nil {
			t.Errorf("edit: %v", err)
		}
	})

	in := srv.SendSlash(SlashOpts{
		Name: "ask", GuildID: testGuild, ChannelID: testChannel, Roles: []string{testRole},
		Options: []OptionValue{{Name: "question", Value: "how many users?"}, {Name: "private", Value: true}, {Name: "k", Value: 3}},
	})
	i := recv(t, seen, func(*discordgo.InteractionCreate) bool { return true })
	data := i.ApplicationCommandData()
	switch {
	case i.ID != in.ID || i.Token != in.Token || i.AppID != srv.AppID():
		t.Errorf("got id %s token %s app %s, want the handle's", i.ID, i.Token, i.AppID)
	case data.Name != "ask" || data.GetOption("question").StringValue() != "how many users?" ||
		!data.GetOption("private").BoolValue() || data.GetOption("k").IntValue() != 3:
		t.Errorf("got data %+v, want ask with question, private and k", data)
	case i.Member == nil || i.Member.User.ID != srv.DefaultUser().ID || len(i.Member.Roles) != 1 || i.Member.Roles[0] != testRole:
		t.Errorf("got member %+v, want the default user with role %s", i.Member, testRole)
	}

	r, err := in.WaitResponse(ctxT(t))
	if err != nil || r.Type != 5 || r.Flags&FlagEphemeral == 0 {
		t.Fatalf("got %+v, %v; want an ephemeral deferral", r, err)
	}
	m, err := in.WaitOriginal(ctxT(t), func(m Message) bool { return m.Content != "" })
	if err != nil {
		t.Fatal(err)
	}
	if m.Content != "Alipay has more than 1 billion users [1]." || m.Flags&FlagEphemeral == 0 || m.Flags&FlagLoading != 0 {
		t.Errorf("got %q flags %d, want the answer, ephemeral, no longer loading", m.Content, m.Flags)
	}
	if orig, _ := in.Original(); orig.ID != m.ID || orig.Interaction == nil || orig.Interaction.Name != "ask" {
		t.Errorf("got original %+v, want the edited message from /ask", orig)
	}
	if at, acked := in.Acked(); !acked || at > time.Second {
		t.Errorf("got acked %v after %v, want within a second", acked, at)
	}
	if rs := in.Responses(); len(rs) != 2 || rs[0].Kind != ResponseCallback || rs[1].Kind != ResponseEdit {
		t.Errorf("got responses %+v, want callback then edit", rs)
	}
	if all := srv.Interactions(); len(all) != 1 || all[0] != in {
		t.Errorf("got %d interactions, want just this one", len(all))
	}
	if vs := srv.Violations(); len(vs) != 0 {
		t.Errorf("got violations %+v, want none", vs)
	}
}

func TestInteractionPayloadsParse(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	s := openSession(t, srv)
	got := events[*discordgo.InteractionCreate](s)
	target := srv.SendMessage(MessageOpts{ChannelID: testChannel, GuildID: testGuild, Content: "Tencent owns WeChat."})
	bot := newClient(t, srv)
	withButton, err := bot.ChannelMessageSendComplex(testChannel, &discordgo.MessageSend{
		Content: "answer", AllowedMentions: noMentions(),
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.Button{Label: "Show passage 1", CustomID: "passage:1"}}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	stored, _ := srv.Message(withButton.ID)
	alice := User{ID: "300000000000000001", Username: "alice"}

	mc := srv.SendMessageCommand("Ask the corpus", target, As(alice, testRole))
	i := recv(t, got, func(e *discordgo.InteractionCreate) bool { return e.ID == mc.ID })
	d := i.ApplicationCommandData()
	if d.CommandType != discordgo.MessageApplicationCommand || d.TargetID != target.ID || d.Resolved == nil ||
		d.Resolved.Messages[target.ID] == nil || d.Resolved.Messages[target.ID].Content != target.Content || i.Member.User.ID != alice.ID {
		t.Errorf("message command: got %+v by %s, want target %s resolved, by alice", d, i.Member.User.ID, target.ID)
	}

	cc := srv.SendComponent("passage:1", stored)
	i = recv(t, got, func(e *discordgo.InteractionCreate) bool { return e.ID == cc.ID })
	if i.Type != discordgo.InteractionMessageComponent || i.MessageComponentData().CustomID != "passage:1" || i.Message == nil || i.Message.ID != withButton.ID {
		t.Errorf("component: got type %d data %+v message %v, want passage:1 on %s", i.Type, i.MessageComponentData(), i.Message, withButton.ID)
	}

	ac := srv.SendAutocomplete(SlashOpts{Name: "summary", GuildID: testGuild, ChannelID: testChannel,
		Options: []OptionValue{{Name: "document", Value: "ali", Focused: true}}})
	i = recv(t, got, func(e *discordgo.InteractionCreate) bool { return e.ID == ac.ID })
	if opt := i.ApplicationCommandData().GetOption("document"); i.Type != discordgo.InteractionApplicationCommandAutocomplete || opt == nil || !opt.Focused || opt.StringValue() != "ali" {
		t.Errorf("autocomplete: got type %d option %+v, want focused document=ali", i.Type, opt)
	}

	dm := srv.SendSlash(SlashOpts{Name: "sources"})
	i = recv(t, got, func(e *discordgo.InteractionCreate) bool { return e.ID == dm.ID })
	if i.GuildID != "" || i.Member != nil || i.User == nil || i.User.ID != srv.DefaultUser().ID {
		t.Errorf("DM slash: got guild %q member %v user %v, want user only", i.GuildID, i.Member, i.User)
	}
}

func TestAcknowledgementRules(t *testing.T) {
	t.Parallel()
	message := func(content string) *discordgo.InteractionResponse {
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: content, AllowedMentions: noMentions()}}
	}
	tests := []struct {
		name       string
		opts       []Option
		run        func(s *discordgo.Session, srv *Server, in *Interaction) error
		wantStatus int
		wantCode   int
		wantRule   string
	}{
		{"single ack", nil, func(s *discordgo.Session, srv *Server, in *Interaction) error {
			return s.InteractionRespond(dgo(srv, in), message("ok"))
		}, 0, 0, ""},
		{"second ack", nil, func(s *discordgo.Session, srv *Server, in *Interaction) error {
			if err := s.InteractionRespond(dgo(srv, in), deferred(0)); err != nil {
				return err
			}
			return s.InteractionRespond(dgo(srv, in), message("again"))
		}, 400, 40060, "interaction.already_acknowledged"},
		{"late ack", []Option{WithAckDeadline(50 * time.Millisecond)}, func(s *discordgo.Session, srv *Server, in *Interaction) error {
			time.Sleep(80 * time.Millisecond)
			return s.InteractionRespond(dgo(srv, in), deferred(0))
		}, 404, 10062, "interaction.ack_late"},
		{"wrong token", nil, func(s *discordgo.Session, srv *Server, in *Interaction) error {
			return s.InteractionRespond(&discordgo.Interaction{ID: in.ID, Token: "x"}, deferred(0))
		}, 404, 10062, "interaction.unknown"},
		{"edit before ack", nil, func(s *discordgo.Session, srv *Server, in *Interaction) error {
			_, err := s.InteractionResponseEdit(dgo(srv, in), &discordgo.WebhookEdit{Content: ptr("x"), AllowedMentions: noMentions()})
			return err
		}, 404, 10008, "message.unknown"},
		{"follow-up before ack", nil, func(s *discordgo.Session, srv *Server, in *Interaction) error {
			_, err := s.FollowupMessageCreate(dgo(srv, in), true, &discordgo.WebhookParams{Content: "x", AllowedMentions: noMentions()})
			return err
		}, 404, 10015, "interaction.not_acknowledged"},
		{"autocomplete result to a command", nil, func(s *discordgo.Session, srv *Server, in *Interaction) error {
			return s.InteractionRespond(dgo(srv, in), &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult,
				Data: &discordgo.InteractionResponseData{Choices: []*discordgo.ApplicationCommandOptionChoice{{Name: "a", Value: "a"}}}})
		}, 400, 50035, "interaction.response_type"},
		{"update message to a command", nil, func(s *discordgo.Session, srv *Server, in *Interaction) error {
			return s.InteractionRespond(dgo(srv, in), &discordgo.InteractionResponse{Type: discordgo.InteractionResponseUpdateMessage,
				Data: &discordgo.InteractionResponseData{Content: "x", AllowedMentions: noMentions()}})
		}, 400, 50035, "interaction.response_type"},
		{"token expired", []Option{WithTokenLifetime(60 * time.Millisecond)}, func(s *discordgo.Session, srv *Server, in *Interaction) error {
			if err := s.InteractionRespond(dgo(srv, in), deferred(0)); err != nil {
				return err
			}
			time.Sleep(100 * time.Millisecond)
			_, err := s.InteractionResponseEdit(dgo(srv, in), &discordgo.WebhookEdit{Content: ptr("late"), AllowedMentions: noMentions()})
			return err
		}, 401, 50027, ""}, // expected when tokens age: not a violation
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t, tt.opts...)
			s := newClient(t, srv)
			err := tt.run(s, srv, slash(srv))
			status, code := restCode(err)
			if status != tt.wantStatus || code != tt.wantCode {
				t.Errorf("got HTTP %d code %d (%v), want %d %d", status, code, err, tt.wantStatus, tt.wantCode)
			}
			vs := srv.Violations()
			switch {
			case tt.wantRule == "" && len(vs) != 0:
				t.Errorf("got violations %+v, want none", vs)
			case tt.wantRule != "" && !hasRule(vs, tt.wantRule):
				t.Errorf("got violations %+v, want %s", vs, tt.wantRule)
			}
		})
	}
}

func TestFollowups(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	s := newClient(t, srv)
	in := slash(srv)
	i := dgo(srv, in)
	if _, found := in.Original(); found {
		t.Fatal("Original exists before the acknowledgement")
	}
	if err := s.InteractionRespond(i, deferred(0)); err != nil {
		t.Fatal(err)
	}
	loading, _ := in.Original()
	if loading.Flags&FlagLoading == 0 || loading.Content != "" {
		t.Fatalf("got %q flags %d, want an empty loading message", loading.Content, loading.Flags)
	}

	first, err := s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Content: "part 1", AllowedMentions: noMentions()})
	if err != nil {
		t.Fatal(err)
	}
	if first.ID != loading.ID {
		t.Errorf("first follow-up got id %s, want the deferred message %s", first.ID, loading.ID)
	}
	second, err := s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Content: "part 2", AllowedMentions: noMentions()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.FollowupMessageEdit(i, second.ID, &discordgo.WebhookEdit{Content: ptr("part 2, edited"), AllowedMentions: noMentions()}); err != nil {
		t.Fatal(err)
	}
	var contents []string
	for _, m := range srv.Messages(testChannel) {
		contents = append(contents, m.Content)
	}
	if got, want := strings.Join(contents, "|"), "part 1|part 2, edited"; got != want {
		t.Errorf("got channel %q, want %q", got, want)
	}
	if err := s.FollowupMessageDelete(i, second.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.FollowupMessageEdit(i, "12345", &discordgo.WebhookEdit{Content: ptr("x"), AllowedMentions: noMentions()}); err == nil {
		t.Error("editing a message of another interaction succeeded")
	}
	var kinds []string
	for _, r := range in.Responses() {
		kinds = append(kinds, string(r.Kind))
	}
	if got, want := strings.Join(kinds, ","), "callback,followup,followup,edit,delete"; got != want {
		t.Errorf("got responses %s, want %s", got, want)
	}
	if orig, _ := in.Original(); orig.Content != "part 1" {
		t.Errorf("got original %q, want %q", orig.Content, "part 1")
	}
}

func TestComponentResponses(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	s := newClient(t, srv)
	sent, err := s.ChannelMessageSendComplex(testChannel, &discordgo.MessageSend{
		Content: "answer [1]", AllowedMentions: noMentions(),
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.Button{Label: "Show passage 1", CustomID: "passage:1"}}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	msg, _ := srv.Message(sent.ID)

	show := srv.SendComponent("passage:1", msg)
	if err := s.InteractionRespond(dgo(srv, show), &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: "> the passage", Flags: discordgo.MessageFlagsEphemeral, AllowedMentions: noMentions()}}); err != nil {
		t.Fatal(err)
	}
	eph, _ := show.Original()
	if eph.ID == sent.ID || eph.Flags&FlagEphemeral == 0 || eph.Content != "> the passage" {
		t.Errorf("got %+v, want a new ephemeral message with the passage", eph)
	}

	update := srv.SendComponent("passage:1", msg)
	if err := s.InteractionRespond(dgo(srv, update), &discordgo.InteractionResponse{Type: discordgo.InteractionResponseUpdateMessage,
		Data: &discordgo.InteractionResponseData{Content: "answer [1] (expanded)", Components: []discordgo.MessageComponent{}, AllowedMentions: noMentions()}}); err != nil {
		t.Fatal(err)
	}
	got, _ := srv.Message(sent.ID)
	if orig, _ := update.Original(); orig.ID != sent.ID || got.Content != "answer [1] (expanded)" || len(got.Components) != 0 {
		t.Errorf("got original %s content %q components %d, want the clicked message updated without buttons", orig.ID, got.Content, len(got.Components))
	}
}

func TestAutocompleteChoices(t *testing.T) {
	t.Parallel()
	choices := func(n int, name string) []*discordgo.ApplicationCommandOptionChoice {
		var cs []*discordgo.ApplicationCommandOptionChoice
		for i := 0; i < n; i++ {
			cs = append(cs, &discordgo.ApplicationCommandOptionChoice{Name: name, Value: fmt.Sprint(i)})
		}
		return cs
	}
	tests := []struct {
		name     string
		choices  []*discordgo.ApplicationCommandOptionChoice
		wantRule string
	}{
		{"25 choices", choices(25, "doc"), ""},
		{"no choices", nil, ""},
		{"26 choices", choices(26, "doc"), "autocomplete.choices.count"},
		{"empty name", choices(1, ""), "autocomplete.choice.name.length"},
		{"name 100", choices(1, strings.Repeat("名", 100)), ""},
		{"name 101", choices(1, strings.Repeat("名", 101)), "autocomplete.choice.name.length"},
	}
	srv := newServer(t)
	s := newClient(t, srv)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := srv.SendAutocomplete(SlashOpts{Name: "summary", GuildID: testGuild, ChannelID: testChannel,
				Options: []OptionValue{{Name: "document", Value: "a", Focused: true}}})
			before := len(srv.Violations())
			err := s.InteractionRespond(dgo(srv, in), &discordgo.InteractionResponse{
				Type: discordgo.InteractionApplicationCommandAutocompleteResult,
				Data: &discordgo.InteractionResponseData{Choices: tt.choices},
			})
			if tt.wantRule == "" {
				rs := in.Responses()
				if err != nil || len(rs) != 1 || len(rs[0].Choices) != len(tt.choices) {
					t.Fatalf("got %v, responses %+v; want %d choices accepted", err, rs, len(tt.choices))
				}
				return
			}
			if status, code := restCode(err); status != 400 || code != 50035 || !hasRule(srv.Violations()[before:], tt.wantRule) {
				t.Errorf("got HTTP %d code %d violations %+v, want 400 50035 %s", status, code, srv.Violations()[before:], tt.wantRule)
			}
			if _, acked := in.Acked(); acked {
				t.Error("a rejected result acknowledged the interaction")
			}
		})
	}
}

// TestLimitsOnEveryPath checks that each way of sending or editing a message
// enforces the content limit and the no-pings rule.
func TestLimitsOnEveryPath(t *testing.T) {
	t.Parallel()
	type send func(s *discordgo.Session, srv *Server, content string, am *discordgo.MessageAllowedMentions) error
	paths := []struct {
		name string
		send send
	}{
		{"channel message", func(s *discordgo.Session, srv *Server, c string, am *discordgo.MessageAllowedMentions) error {
			_, err := s.ChannelMessageSendComplex(testChannel, &discordgo.MessageSend{Content: c, AllowedMentions: am})
			return err
		}},
		{"channel edit", func(s *discordgo.Session, srv *Server, c string, am *discordgo.MessageAllowedMentions) error {
			m, err := s.ChannelMessageSendComplex(testChannel, &discordgo.MessageSend{Content: "first", AllowedMentions: noMentions()})
			if err != nil {
				return err
			}
			_, err = s.ChannelMessageEditComplex(&discordgo.MessageEdit{ID: m.ID, Channel: testChannel, Content: &c, AllowedMentions: am})
			return err
		}},
		{"interaction response", func(s *discordgo.Session, srv *Server, c string, am *discordgo.MessageAllowedMentions) error {
			return s.InteractionRespond(dgo(srv, slash(srv)), &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{Content: c, AllowedMentions: am}})
		}},
		{"edit original", func(s *discordgo.Session, srv *Server, c string, am *discordgo.MessageAllowedMentions) error {
			i := dgo(srv, slash(srv))
			if err := s.InteractionRespond(i, deferred(0)); err != nil {
				return err
			}
			_, err := s.InteractionResponseEdit(i, &discordgo.WebhookEdit{Content: &c, AllowedMentions: am})
			return err
		}},
		{"follow-up", func(s *discordgo.Session, srv *Server, c string, am *discordgo.MessageAllowedMentions) error {
			i := dgo(srv, slash(srv))
			if err := s.InteractionRespond(i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{Content: "first", AllowedMentions: noMentions()}}); err != nil {
				return err
			}
			_, err := s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Content: c, AllowedMentions: am})
			return err
		}},
	}
	cases := []struct {
		name     string
		content  string
		am       *discordgo.MessageAllowedMentions
		wantRule string
	}{
		{"ok", strings.Repeat("a", 2000), noMentions(), ""},
		{"2001 chars", strings.Repeat("a", 2001), noMentions(), "content.length"},
		{"no allowed_mentions", "hi", nil, "allowed_mentions.missing"},
	}
	for _, p := range paths {
		for _, c := range cases {
			t.Run(p.name+"/"+c.name, func(t *testing.T) {
				t.Parallel()
				srv := newServer(t)
				s := newClient(t, srv)
				err := p.send(s, srv, c.content, c.am)
				if c.wantRule == "" {
					if err != nil {
						t.Fatalf("got %v, want accepted", err)
					}
					return
				}
				if status, code := restCode(err); status != 400 || code != 50035 || !hasRule(srv.Violations(), c.wantRule) {
					t.Errorf("got HTTP %d code %d violations %+v, want 400 50035 %s", status, code, srv.Violations(), c.wantRule)
				}
			})
		}
	}
}

// An interaction carries the user's client language and the guild's
// preferred locale, which the guild's GUILD_CREATE carries too.
func TestInteractionLocales(t *testing.T) {
	t.Parallel()
	srv := newServer(t, WithGuildLocale(testGuild, "pt-BR"))
	s := openSession(t, srv)
	seen := make(chan *discordgo.InteractionCreate, 4)
	s.AddHandler(func(_ *discordgo.Session, i *discordgo.InteractionCreate) { seen <- i })
	if err := srv.WaitReady(ctxT(t)); err != nil {
		t.Fatal(err)
	}

	srv.SendSlash(SlashOpts{Name: "ask", GuildID: testGuild, ChannelID: testChannel, Locale: "de",
		Options: []OptionValue{{Name: "question", Value: "Alipay"}}})
	i := recv(t, seen, func(*discordgo.InteractionCreate) bool { return true })
	if i.Locale != "de" || i.GuildLocale == nil || *i.GuildLocale != "pt-BR" {
		t.Errorf("got locale %q, guild locale %v; want de and pt-BR", i.Locale, i.GuildLocale)
	}

	srv.SendSlash(SlashOpts{Name: "ask", Options: []OptionValue{{Name: "question", Value: "Alipay"}}})
	i = recv(t, seen, func(*discordgo.InteractionCreate) bool { return true })
	if i.Locale != "en-US" || i.GuildLocale != nil {
		t.Errorf("got locale %q, guild locale %v in a DM; want en-US and none", i.Locale, i.GuildLocale)
	}

	deadline := time.Now().Add(10 * time.Second)
	for {
		g, err := s.State.Guild(testGuild)
		if err == nil {
			if g.PreferredLocale != "pt-BR" {
				t.Errorf("got preferred locale %q in GUILD_CREATE, want pt-BR", g.PreferredLocale)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no GUILD_CREATE within 10 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
