package bot_test

import (
	"strings"
	"testing"
	"unicode"

	dt "corpusbot/internal/discordtest"
)

// threadsOpened counts the threads the bot started from messages.
func threadsOpened(h *harness) int {
	n := 0
	for _, r := range h.dc.Requests() {
		if strings.HasSuffix(r.Route, "/threads") && r.Status < 300 {
			n++
		}
	}
	return n
}

// TestBadInputEndToEnd sends the untrusted text of issue 11 item 6 through
// discordgo and the fake Discord: refused questions open no thread, thread
// names are clean, an ambiguous /summary offers its matches, and nothing a
// user typed comes back live.
func TestBadInputEndToEnd(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})

	t.Run("refused mentions open no thread", func(t *testing.T) {
		for _, tc := range []struct{ name, text, reply string }{
			{"invisible characters only", "\u200b\u2060\u200f\u202e\u2066", "Ask me a question"},
			{"4,000 characters", strings.Repeat("Why was Alipay told to spin off its micro-loans? ", 82)[:4000], "too long"},
			{"100 emoji", strings.Repeat("🔥", 100), "no words I can look up"},
		} {
			before := threadsOpened(h)
			q := h.mention(generalID, user(1), tc.text)
			m, err := h.dc.WaitMessage(h.ctx(), generalID, func(m dt.Message) bool {
				return m.Author.ID == h.dc.BotUser().ID && m.MessageReference != nil && m.MessageReference.MessageID == q.ID
			})
			if err != nil {
				t.Fatalf("%s: no reply: %v", tc.name, err)
			}
			if !strings.Contains(m.Content, tc.reply) {
				t.Errorf("%s: reply %q, want it to say %q", tc.name, m.Content, tc.reply)
			}
			if n := threadsOpened(h) - before; n != 0 {
				t.Errorf("%s: %d threads opened for a refused question", tc.name, n)
			}
		}
	})

	t.Run("thread names are cleaned", func(t *testing.T) {
		for _, text := range []string{
			"\u202eWhy was Alipay told to spin off its micro-loans?",
			"Why was Alipay\x00 told to spin off its micro-loans?",
			"```\nWhy was Alipay told to spin off its micro-loans?",
			"Why" + strings.Repeat("\u0301", 81) + " was Alipay told to spin off its micro-loans?",
			"**Why** was [Alipay](https://evil.example) told to spin off its ||micro-loans||?",
		} {
			q := h.mention(generalID, user(2), text)
			h.final(q.ID)
			th, ok := h.dc.Channel(q.ID)
			if !ok {
				t.Fatalf("%q: no thread", text)
			}
			name := th.Name
			if name == "" || strings.ContainsAny(name, "`*|[]\x00\u202e") {
				t.Errorf("%q: thread named %q", text, name)
			}
			marks := 0
			for _, r := range name {
				if unicode.Is(unicode.Mn, r) {
					marks++
				}
			}
			if marks > 2 {
				t.Errorf("%q: thread name keeps %d combining marks", text, marks)
			}
		}
	})

	t.Run("summary offers the documents that match", func(t *testing.T) {
		in := h.dc.SendSlash(dt.SlashOpts{Name: "summary", Options: []dt.OptionValue{{Name: "document", Value: "alipay"}},
			GuildID: guildID, ChannelID: generalID, User: user(3)})
		r, err := in.WaitResponse(h.ctx())
		if err != nil {
			t.Fatal(err)
		}
		if r.Flags&dt.FlagEphemeral == 0 || !strings.Contains(r.Content, "3 documents match") {
			t.Errorf("/summary document:alipay answered %q, want a private offer of the 3 matches", r.Content)
		}
		for _, id := range []string{"alipay-gambit-quanzi.en", "alipay-ordered-to-spin-off-micro-loans.en", "china-targets-alipay.ar"} {
			if !strings.Contains(r.Content, "`"+id+"`") {
				t.Errorf("offer %q lacks %s", r.Content, id)
			}
		}
	})

	t.Run("search echoes no live Markdown", func(t *testing.T) {
		for _, query := range []string{"[free money](https://evil.example) zzyzx", "[free money](https://evil.example) Alipay"} {
			in := h.dc.SendSlash(dt.SlashOpts{Name: "search", Options: []dt.OptionValue{{Name: "query", Value: query}},
				GuildID: guildID, ChannelID: generalID, User: user(4)})
			m, err := in.WaitOriginal(h.ctx(), func(m dt.Message) bool { return m.Content != "" || len(m.Embeds) > 0 })
			if err != nil {
				t.Fatal(err)
			}
			shown := m.Content
			for _, e := range m.Embeds {
				shown += "\n" + e.Title
			}
			if strings.Contains(shown, "[free money](") {
				t.Errorf("/search %q shows a live masked link: %q", query, shown)
			}
		}
	})
	h.noViolations()
}
