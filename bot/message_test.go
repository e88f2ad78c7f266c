package bot

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"corpusbot/answer"
	"corpusbot/store"
)

func TestQuestionText(t *testing.T) {
	mentioned := []*discordgo.User{
		{ID: "100", Username: "corpusbot"},
		{ID: "200", Username: "zhao_handle", GlobalName: "Zhao  Zhiguo"},
		{ID: "300", Username: "lin_handle"},
	}
	for _, tc := range []struct{ in, want string }{
		{"<@100> Why was Alipay fined?", "Why was Alipay fined?"},
		{"<@!100>, why?", "why?"},
		{"Hey <@100>: what about Tencent?", "Hey  : what about Tencent?"},
		{"<@100>", ""},
		{"<@100> <@200> is right?", "@Zhao Zhiguo is right?"},
		{"  <@100>\n\n— explain  ", "explain"},
		// Other mentions read as a member sees them, never as IDs.
		{"<@100> did <@!300> or <@400> say that <@&500> in <#600> decided?", "did @lin_handle or @user say that @role in #channel decided?"},
		{"<@100> <@&200> <@!200>", "@role @Zhao Zhiguo"},
		{"<@100> <:emoji:700> and <t:1741942800:f> stay", "<:emoji:700> and <t:1741942800:f> stay"},
	} {
		if got := questionText(tc.in, "100", mentioned); got != tc.want {
			t.Errorf("questionText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestHandleMessageOnlyInItsGuild(t *testing.T) {
	serve := func(c *Config) { c.GuildID = "1" }
	human := &discordgo.User{ID: "42"}
	t.Run("another guild is ignored", func(t *testing.T) {
		b, api, ans, _ := testBot(t, serve)
		m := guildMessage("<@100> Why was Alipay fined?", human)
		m.GuildID = "2"
		b.handleMessage(context.Background(), m)
		_ = b.work.wait(context.Background())
		if cs := api.recorded(); len(cs) > 0 || len(ans.asked) > 0 {
			t.Errorf("got calls %+v and questions %v, want the message ignored", cs, ans.asked)
		}
	})
	for name, m := range map[string]*discordgo.Message{
		"its guild": guildMessage("<@100> Why was Alipay fined?", human),
		"a DM":      {ID: "500", ChannelID: "77", Author: human, Content: "Why was Alipay fined?"},
	} {
		t.Run(name+" is answered", func(t *testing.T) {
			b, _, ans, _ := testBot(t, serve)
			b.handleMessage(context.Background(), m)
			_ = b.work.wait(context.Background())
			if len(ans.asked) != 1 {
				t.Errorf("asked %d questions, want 1", len(ans.asked))
			}
		})
	}
}

func TestMentions(t *testing.T) {
	me := &discordgo.User{ID: "100"}
	for _, tc := range []struct {
		name string
		m    *discordgo.Message
		want bool
	}{
		{"in mentions", &discordgo.Message{Mentions: []*discordgo.User{me}}, true},
		{"in content", &discordgo.Message{Content: "hi <@!100>"}, true},
		{"someone else", &discordgo.Message{Content: "<@200>", Mentions: []*discordgo.User{{ID: "200"}}}, false},
		{"everyone only", &discordgo.Message{Content: "@everyone question", MentionEveryone: true}, false},
		{"role only", &discordgo.Message{Content: "<@&100>", MentionRoles: []string{"100"}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := mentions(tc.m, "100"); got != tc.want {
				t.Errorf("mentions = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestThreadName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Why was Alipay fined?\nMore detail here", "Why was Alipay fined?"},
		{"   ", "Question"},
		{strings.Repeat("a", 150), strings.Repeat("a", 89) + "…"},
		// Hostile text: none of it reaches the name.
		{"\u202eevil\u202c name", "evil name"},
		{"nul\x00byte\x01s", "nulbytes"},
		{"```", "Question"},
		{"```go\nfmt.Println()", "go"},
		{"**bold** __under__ ~~gone~~ ||spoiler|| `code`", "bold under gone spoiler code"},
		{"[click me](https://evil.example) please", "click me please"},
		{"# Heading question", "Heading question"},
		{"> quoted question", "quoted question"},
		{"Zalgo" + strings.Repeat("\u0301", 81), "Zalgo\u0301\u0301"},
		{"\u200b\u200b\u2066\u2069", "Question"},
		{"micro_loans and snake_case stay", "micro_loans and snake_case stay"},
		{"🔥🔥🔥", "Question"},
		{"Pourquoi Alipay a-t-il été condamné ?", "Pourquoi Alipay a-t-il été condamné ?"},
		{"لماذا استهدفت الصين أليباي؟", "لماذا استهدفت الصين أليباي؟"},
		// A joiner a word is spelled with stays (Persian's ZWNJ); padding
		// of joiners goes.
		{"چرا حلقه متوقف می\u200cشود؟", "چرا حلقه متوقف می\u200cشود؟"},
		{"a\u200c\u200c\u200cb \u200dc", "a\u200cb c"},
	} {
		if got := threadName(tc.in, "en"); got != tc.want {
			t.Errorf("threadName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func guildMessage(content string, author *discordgo.User) *discordgo.Message {
	return &discordgo.Message{
		ID: "500", ChannelID: "10", GuildID: "1", Author: author, Content: content,
		Member: &discordgo.Member{Roles: []string{}},
	}
}

func TestHandleMessageIgnores(t *testing.T) {
	human := &discordgo.User{ID: "42"}
	for _, tc := range []struct {
		name string
		m    *discordgo.Message
	}{
		{"no mention", guildMessage("Why was Alipay fined?", human)},
		{"@everyone", func() *discordgo.Message {
			m := guildMessage("@everyone Why was Alipay fined?", human)
			m.MentionEveryone = true
			return m
		}()},
		{"another bot", guildMessage("<@100> Why?", &discordgo.User{ID: "43", Bot: true})},
		{"itself", guildMessage("<@100> Why?", &discordgo.User{ID: "100", Bot: true})},
		{"webhook", func() *discordgo.Message { m := guildMessage("<@100> Why?", human); m.WebhookID = "7"; return m }()},
		{"system message", func() *discordgo.Message {
			m := guildMessage("<@100> Why?", human)
			m.Type = discordgo.MessageTypeThreadStarterMessage
			return m
		}()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, api, ans, _ := testBot(t, nil)
			b.handleMessage(context.Background(), tc.m)
			_ = b.work.wait(context.Background())
			if cs := api.recorded(); len(cs) > 0 || len(ans.asked) > 0 {
				t.Errorf("got calls %+v and questions %v, want the message ignored", cs, ans.asked)
			}
		})
	}
}

func TestHandleMessageMentionOpensThreadAndLinksIt(t *testing.T) {
	b, api, ans, st := testBot(t, nil)
	b.handleMessage(context.Background(), guildMessage("<@100> Why was Alipay fined?", &discordgo.User{ID: "42"}))
	if err := b.work.wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	cs := api.recorded()
	if len(cs) == 0 || cs[0].method != "thread" || !strings.Contains(cs[0].body, `"name":"Why was Alipay fined?"`) {
		t.Fatalf("first call %+v, want a thread named after the question", cs)
	}
	if th, ok, _ := st.Thread(context.Background(), "500"); !ok || th.ParentChannelID != "10" {
		t.Errorf("thread link %+v %v, want thread 500 in channel 10", th, ok)
	}
	if got := ans.asked[0].Text; got != "Why was Alipay fined?" {
		t.Errorf("asked %q, want the question without the mention", got)
	}
	last := cs[len(cs)-1]
	if last.channel != "500" || !strings.Contains(last.body, "**Sources**") || !strings.Contains(last.body, "cb1:p:abc123def456:1") {
		t.Errorf("last call %+v, want the final answer with sources and buttons in the thread", last)
	}
	if turns, _ := st.Turns(context.Background(), "500", 0); len(turns) != 2 || turns[0].Role != store.RoleUser {
		t.Errorf("turns %+v, want the question and the answer", turns)
	}
	if _, ok, err := st.Answer(context.Background(), "abc123def456"); err != nil || !ok {
		t.Errorf("answer not recorded; buttons would not work after a restart")
	}
}

func TestHandleMessageFollowUpCarriesThreadHistory(t *testing.T) {
	b, _, ans, st := testBot(t, nil)
	ctx := context.Background()
	st.LinkThread(ctx, store.Thread{ThreadID: "10", ParentChannelID: "9"})
	st.AppendTurns(ctx, "10", store.Turn{Role: store.RoleUser, Text: "first question"}, store.Turn{Role: store.RoleAssistant, Text: "first answer [1]"})
	// No mention: in a linked thread none is needed.
	b.handleMessage(ctx, guildMessage("and the second?", &discordgo.User{ID: "42"}))
	if err := b.work.wait(ctx); err != nil {
		t.Fatal(err)
	}
	if len(ans.asked) != 1 || len(ans.asked[0].History) != 2 || ans.asked[0].History[1].Text != "first answer [1]" {
		t.Errorf("asked %+v, want the thread's two turns as history", ans.asked)
	}
}

func TestHandleMessageRefusals(t *testing.T) {
	for _, tc := range []struct {
		name string
		mod  func(*Config)
		prep func(*Bot)
		want string
	}{
		{"channel not allowed", func(c *Config) { c.AllowedChannels = []string{"11"} }, nil, "I only answer in <#11>"},
		{"role missing", func(c *Config) { c.AllowedRoles = []string{"7"} }, nil, "certain roles"},
		{"rate limit", func(c *Config) { c.UserRate, c.UserBurst = time.Minute, 1 }, func(b *Bot) { b.bucket.take("42", time.Now()) }, "Please wait"},
		{"restarting", nil, func(b *Bot) { b.stopping = true }, "restarting"},
		{"empty question", nil, nil, "Ask me a question"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, api, ans, _ := testBot(t, tc.mod)
			if tc.prep != nil {
				tc.prep(b)
			}
			content := "<@100> Why?"
			if tc.name == "empty question" {
				content = "<@100>"
			}
			b.handleMessage(context.Background(), guildMessage(content, &discordgo.User{ID: "42"}))
			cs := api.recorded()
			if len(cs) != 1 || cs[0].method != "send" || !strings.Contains(cs[0].body, tc.want) ||
				!strings.Contains(cs[0].body, `"message_reference":{"message_id":"500"`) {
				t.Errorf("calls %+v, want one reply containing %q", cs, tc.want)
			}
			if len(ans.asked) > 0 {
				t.Errorf("the question was answered anyway")
			}
		})
	}
}

func TestHandleMessageBusyAfterWaitingForAPlace(t *testing.T) {
	b, api, ans, _ := testBot(t, func(c *Config) {
		c.MaxConcurrent, c.MaxQueue, c.QueueWait = 1, 1, 20*time.Millisecond
	})
	b.limiter.admit()
	b.limiter.admit()
	b.handleMessage(context.Background(), guildMessage("<@100> Why?", &discordgo.User{ID: "42"}))
	if err := b.work.wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	var last string
	for _, c := range api.recorded() {
		if c.method == "send" || c.method == "edit" {
			last = c.body
		}
	}
	if !strings.Contains(last, "too many questions") || !strings.Contains(last, "try again in 30 seconds") {
		t.Errorf("last message %s, want busy with when to try again", last)
	}
	if len(ans.asked) > 0 {
		t.Errorf("the question was answered anyway")
	}
}

func TestHandleMessageDMRepliesInPlace(t *testing.T) {
	b, api, ans, _ := testBot(t, nil)
	b.handleMessage(context.Background(), &discordgo.Message{ID: "500", ChannelID: "77", Author: &discordgo.User{ID: "42"}, Content: "Why was Alipay fined?"})
	if err := b.work.wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, c := range api.recorded() {
		if c.method == "thread" || c.channel != "77" {
			t.Errorf("call %+v, want everything in the DM channel, no thread", c)
		}
	}
	if len(ans.asked) != 1 {
		t.Errorf("asked %d questions, want 1", len(ans.asked))
	}
}

// Only the bot's answers start reply chains: a reply to its refusal or
// hint without a mention is left alone; a reply to an answer, mentioned
// or not, carries the answer's question and text, and one rendered
// without a record carries its text without Sources and notes.
func TestHandleMessageReplyChains(t *testing.T) {
	bot100 := &discordgo.User{ID: "100", Bot: true}
	buttons := []discordgo.MessageComponent{&discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		&discordgo.Button{CustomID: voteCustomID("abc123def456", 1)}}}}
	for _, tc := range []struct {
		name      string
		ref       *discordgo.Message
		wantAsked bool
		want      []answer.Turn
	}{
		{"reply to a refusal", &discordgo.Message{ID: "400", Author: bot100, Content: "Please wait 5 seconds before your next question."}, false, nil},
		{"reply to someone else", &discordgo.Message{ID: "400", Author: &discordgo.User{ID: "7"}, Content: "**Sources**"}, false, nil},
		{"reply to a recorded answer", &discordgo.Message{ID: "400", Author: bot100, Content: "rendered", Components: buttons}, true,
			[]answer.Turn{{Role: "user", Text: "Who owns Alipay?"}, {Role: "assistant", Text: "Ant Group [1]."}}},
		{"reply to an unrecorded answer", &discordgo.Message{ID: "400", Author: bot100,
			Content: "Ant Group owns it [1].\n\n-# a note\n\n**Sources**\n[1] Doc — doc.en"}, true,
			[]answer.Turn{{Role: "assistant", Text: "Ant Group owns it [1]."}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, _, ans, st := testBot(t, func(c *Config) { c.ThreadMode = ThreadOff })
			ctx := context.Background()
			st.RecordAnswer(ctx, store.Answer{ID: "abc123def456", Kind: "answer", Question: "Who owns Alipay?", Text: "Ant Group [1].", ChannelID: "10"})
			m := guildMessage("And who founded it?", &discordgo.User{ID: "42"})
			m.Type, m.ReferencedMessage = discordgo.MessageTypeReply, tc.ref
			b.handleMessage(ctx, m)
			if err := b.work.wait(ctx); err != nil {
				t.Fatal(err)
			}
			if (len(ans.asked) == 1) != tc.wantAsked {
				t.Fatalf("asked %d questions, want asked = %v", len(ans.asked), tc.wantAsked)
			}
			if tc.wantAsked && !slices.Equal(ans.asked[0].History, tc.want) {
				t.Errorf("history %+v, want %+v", ans.asked[0].History, tc.want)
			}
		})
	}
}
