package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"corpusbot/store"
)

func slash(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	return &discordgo.Interaction{
		ID: "1", Type: discordgo.InteractionApplicationCommand, ChannelID: "10", GuildID: "1", Token: "tok",
		Member: &discordgo.Member{User: &discordgo.User{ID: "42"}, Roles: []string{}},
		Data:   discordgo.ApplicationCommandInteractionData{Name: name, Options: opts},
	}
}

func opt(name string, v any) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Value: v}
}

func TestAskDefersBeforeAnswering(t *testing.T) {
	for _, private := range []bool{false, true} {
		t.Run(map[bool]string{false: "public", true: "private"}[private], func(t *testing.T) {
			b, api, ans, _ := testBot(t, nil)
			ans.block = make(chan struct{})
			b.handleInteraction(context.Background(), slash(cmdAsk, opt("question", "Why?"), opt("private", private)), time.Now())
			// The handler has returned and the pipeline is still blocked:
			// the deferral must already be sent.
			cs := api.recorded()
			if len(cs) != 1 || cs[0].method != "respond" || !strings.Contains(cs[0].body, `"type":5`) {
				t.Fatalf("calls %+v, want exactly the deferral", cs)
			}
			if got := strings.Contains(cs[0].body, `"flags":64`); got != private {
				t.Errorf("deferral %s: ephemeral %v, want %v", cs[0].body, got, private)
			}
			close(ans.block)
			if err := b.work.wait(context.Background()); err != nil {
				t.Fatal(err)
			}
			cs = api.recorded()
			last := cs[len(cs)-1]
			if last.method != "webhook-edit" || !strings.Contains(last.body, "**Sources**") {
				t.Errorf("last call %+v, want the final edit of the response", last)
			}
		})
	}
}

func TestCommandValidation(t *testing.T) {
	for _, tc := range []struct {
		name string
		i    *discordgo.Interaction
		want string
	}{
		{"ask without text", slash(cmdAsk, opt("question", "  ")), "Ask me a question"},
		{"summary with both", slash(cmdSummary, opt("document", "alipay-en"), opt("topic", "loans")), "not both"},
		{"summary with neither", slash(cmdSummary), "not both"},
		{"summary of unknown document", slash(cmdSummary, opt("document", "nope")), "I don't know that document"},
		{"message command on empty message", &discordgo.Interaction{
			ID: "1", Type: discordgo.InteractionApplicationCommand, ChannelID: "10", GuildID: "1",
			Member: &discordgo.Member{User: &discordgo.User{ID: "42"}},
			Data: discordgo.ApplicationCommandInteractionData{Name: cmdAskMessage, TargetID: "5", CommandType: discordgo.MessageApplicationCommand,
				Resolved: &discordgo.ApplicationCommandInteractionDataResolved{Messages: map[string]*discordgo.Message{"5": {ID: "5"}}}},
		}, "no text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, api, ans, _ := testBot(t, nil)
			b.handleInteraction(context.Background(), tc.i, time.Now())
			cs := api.recorded()
			if len(cs) != 1 || !strings.Contains(cs[0].body, `"type":4`) || !strings.Contains(cs[0].body, `"flags":64`) ||
				!strings.Contains(cs[0].body, tc.want) {
				t.Errorf("calls %+v, want one ephemeral message containing %q", cs, tc.want)
			}
			if len(ans.asked) > 0 {
				t.Error("the pipeline was called")
			}
		})
	}
}

func TestSummaryResolvesDocumentByTitle(t *testing.T) {
	b, api, _, st := testBot(t, nil)
	b.handleInteraction(context.Background(), slash(cmdSummary, opt("document", "Alibaba et Tencent")), time.Now())
	if err := b.work.wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if a, ok, err := st.Answer(context.Background(), "abc123def456"); err != nil || !ok || a.Question != "hatchet-fr" || a.Kind != store.KindSummary {
		t.Errorf("recorded %+v (%v), want a summary of hatchet-fr", a, ok)
	}
	if cs := api.recorded(); !strings.Contains(cs[0].body, `"type":5`) {
		t.Errorf("first call %+v, want the deferral", cs[0])
	}
}

func TestAutocompleteAnswersFromMemory(t *testing.T) {
	b, api, _, _ := testBot(t, nil)
	i := slash(cmdSummary, &discordgo.ApplicationCommandInteractionDataOption{Name: "document", Value: "alibaba", Focused: true, Type: discordgo.ApplicationCommandOptionString})
	i.Type = discordgo.InteractionApplicationCommandAutocomplete
	b.handleInteraction(context.Background(), i, time.Now())
	cs := api.recorded()
	if len(cs) != 1 || !strings.Contains(cs[0].body, `"type":8`) || !strings.Contains(cs[0].body, `"value":"hatchet-fr"`) || strings.Contains(cs[0].body, "alipay-en") {
		t.Errorf("calls %+v, want one autocomplete result with hatchet-fr only", cs)
	}
}

func TestButtons(t *testing.T) {
	b, api, _, st := testBot(t, nil)
	ctx := context.Background()
	st.RecordAnswer(ctx, store.Answer{ID: "abc123def456", Kind: store.KindAnswer, Question: "Why?",
		Sources: []store.SourceRef{{N: 1, DocID: "alipay-en", Passage: 2}, {N: 2, DocID: "gone", Passage: 0},
			// Recorded at other lines: the documents were reloaded since.
			{N: 3, DocID: "alipay-en", Passage: 2, LineStart: 40, LineEnd: 41},
			{N: 4, DocID: "alipay-en", Passage: 2, LineStart: 5, LineEnd: 6}}})
	click := func(id string) call {
		t.Helper()
		n := len(api.recorded())
		b.handleInteraction(ctx, &discordgo.Interaction{
			ID: "2", Type: discordgo.InteractionMessageComponent, ChannelID: "10", GuildID: "1",
			Member: &discordgo.Member{User: &discordgo.User{ID: "42"}},
			Data:   discordgo.MessageComponentInteractionData{CustomID: id},
		}, time.Now())
		cs := api.recorded()[n:]
		if len(cs) == 0 {
			t.Fatalf("no response to %s", id)
		}
		if len(cs) == 2 && (!strings.Contains(cs[0].body, `"type":5`) || !strings.Contains(cs[0].body, `"flags":64`)) {
			t.Errorf("first response %s, want a private deferral", cs[0].body)
		}
		return cs[len(cs)-1]
	}
	for _, tc := range []struct{ name, id, want string }{
		{"passage", passageCustomID("abc123def456", 1), `Passage 2 of alipay-en`},
		{"passage location", passageCustomID("abc123def456", 1), `lines 5–6`},
		{"passage gone from corpus", passageCustomID("abc123def456", 2), "no longer in the documents"},
		{"no such citation", passageCustomID("abc123def456", 7), "has no passage [7]"},
		{"another text at the recorded place", passageCustomID("abc123def456", 3), "no longer in the documents"},
		{"the text at its recorded lines", passageCustomID("abc123def456", 4), `lines 5–6`},
		{"unknown answer", passageCustomID("ffffffffffff", 1), "no longer have that answer"},
		{"vote", voteCustomID("abc123def456", -1), "👎 is recorded"},
		{"stale button", "something-else", "doesn't work any more"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := click(tc.id); !strings.Contains(got.body, tc.want) {
				t.Errorf("response %s, want it to contain %q", got.body, tc.want)
			}
		})
	}
	if up, down, err := st.Votes(ctx, "abc123def456"); err != nil || up != 0 || down != 1 {
		t.Errorf("stored votes: %d up, %d down (%v); want the one 👎", up, down, err)
	}
}

func TestInteractionTokenExpiryFallsBack(t *testing.T) {
	for _, tc := range []struct {
		name      string
		private   bool
		wantInDM  bool
		wantFirst string
	}{
		{"public goes to the channel", false, false, "10"},
		{"private goes to a DM", true, true, "dm-42"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, api, _, _ := testBot(t, nil)
			// Received 16 minutes ago: the token is dead before the answer.
			b.handleInteraction(context.Background(), slash(cmdAsk, opt("question", "Why?"), opt("private", tc.private)), time.Now().Add(-16*time.Minute))
			if err := b.work.wait(context.Background()); err != nil {
				t.Fatal(err)
			}
			var sends []call
			for _, c := range api.recorded() {
				if c.method == "webhook-edit" || c.method == "followup" {
					t.Errorf("used the expired token: %+v", c)
				}
				if c.method == "send" {
					sends = append(sends, c)
				}
			}
			if len(sends) < 2 || sends[0].channel != tc.wantFirst || !strings.Contains(sends[0].body, "took longer") {
				t.Fatalf("sends %+v, want a note then the answer in %s", sends, tc.wantFirst)
			}
		})
	}
}

func TestInteractionsOnlyInItsGuild(t *testing.T) {
	serve := func(c *Config) { c.GuildID = "1" }
	other := func(i *discordgo.Interaction) *discordgo.Interaction { i.GuildID = "2"; return i }
	autocomplete := slash(cmdSummary, &discordgo.ApplicationCommandInteractionDataOption{Name: "document", Value: "alipay", Focused: true, Type: discordgo.ApplicationCommandOptionString})
	autocomplete.Type = discordgo.InteractionApplicationCommandAutocomplete
	for _, tc := range []struct {
		name string
		i    *discordgo.Interaction
		want []string // in the one response
	}{
		{"ask", other(slash(cmdAsk, opt("question", "Why was Alipay fined?"))), []string{`"type":4`, `"flags":64`, "This bot serves another server."}},
		{"search", other(slash(cmdSearch, opt("query", "Alipay"))), []string{`"type":4`, `"flags":64`, "This bot serves another server."}},
		{"button", other(&discordgo.Interaction{
			ID: "2", Type: discordgo.InteractionMessageComponent, ChannelID: "10",
			Member: &discordgo.Member{User: &discordgo.User{ID: "42"}},
			Data:   discordgo.MessageComponentInteractionData{CustomID: passageCustomID("abc123def456", 1)},
		}), []string{`"type":4`, `"flags":64`, "This bot serves another server."}},
		{"autocomplete", other(autocomplete), []string{`"type":8`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, api, ans, _ := testBot(t, serve)
			b.handleInteraction(context.Background(), tc.i, time.Now())
			_ = b.work.wait(context.Background())
			cs := api.recorded()
			if len(cs) != 1 {
				t.Fatalf("calls %+v, want one refusal", cs)
			}
			for _, w := range tc.want {
				if !strings.Contains(cs[0].body, w) {
					t.Errorf("response %s, want it to contain %s", cs[0].body, w)
				}
			}
			if strings.Contains(cs[0].body, `"value"`) {
				t.Errorf("response %s offers documents", cs[0].body)
			}
			if len(ans.asked) > 0 {
				t.Error("the pipeline was called")
			}
		})
	}
	t.Run("its guild and DMs are served", func(t *testing.T) {
		b, _, ans, _ := testBot(t, serve)
		dm := slash(cmdAsk, opt("question", "Why was Alipay fined?"))
		dm.GuildID, dm.Member, dm.User = "", nil, &discordgo.User{ID: "42"}
		for _, i := range []*discordgo.Interaction{slash(cmdAsk, opt("question", "Why was Alipay fined?")), dm} {
			b.handleInteraction(context.Background(), i, time.Now())
		}
		_ = b.work.wait(context.Background())
		if len(ans.asked) != 2 {
			t.Errorf("asked %d questions, want 2", len(ans.asked))
		}
	})
}
