package bot_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"corpusbot/bot"
	"corpusbot/internal/discordtest"
	"corpusbot/internal/openaitest"
)

func TestAskIsDeferredThenEdited(t *testing.T) {
	t.Parallel()
	for _, private := range []bool{false, true} {
		t.Run(fmt.Sprintf("private=%v", private), func(t *testing.T) {
			t.Parallel()
			h := start(t, setup{aiOpts: []openaitest.Option{openaitest.WithLatency(300 * time.Millisecond)}})
			in := ask(h, user(1), generalID, question, private)
			r, err := in.WaitResponse(h.ctx())
			if err != nil {
				t.Fatal(err)
			}
			if r.Type != 5 {
				t.Errorf("first response type %d, want 5 (deferred)", r.Type)
			}
			if got := r.Flags&discordtest.FlagEphemeral != 0; got != private {
				t.Errorf("deferred ephemeral = %v, want %v", got, private)
			}
			if r.At > time.Second {
				t.Errorf("acknowledged after %v, want at once", r.At)
			}
			m := waitFinal(h, in)
			if !strings.Contains(m.Content, "[1]") || !strings.Contains(m.Content, "**Sources**") {
				t.Errorf("answer is %q", m.Content)
			}
			var edits int
			for _, r := range in.Responses() {
				if r.Kind == discordtest.ResponseEdit {
					edits++
				}
			}
			if edits == 0 {
				t.Errorf("no edit of the deferred response; responses %+v", in.Responses())
			}
			h.noViolations()
		})
	}
}

func TestSummaryOptionsAndAutocomplete(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	t.Run("autocomplete", func(t *testing.T) {
		in := h.dc.SendAutocomplete(discordtest.SlashOpts{Name: "summary", GuildID: guildID, ChannelID: generalID,
			Options: []discordtest.OptionValue{{Name: "document", Value: "ALIPAY", Focused: true}}})
		r, err := in.WaitResponse(h.ctx())
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, c := range r.Choices {
			ids = append(ids, fmt.Sprint(c.Value))
		}
		want := "alipay-gambit-quanzi.en alipay-ordered-to-spin-off-micro-loans.en china-targets-alipay.ar"
		if strings.Join(ids, " ") != want {
			t.Errorf("choices %v, want %s", ids, want)
		}
	})
	t.Run("both options", func(t *testing.T) {
		in := h.dc.SendSlash(discordtest.SlashOpts{Name: "summary", GuildID: guildID, ChannelID: generalID,
			Options: []discordtest.OptionValue{{Name: "document", Value: "alipay-gambit-quanzi.en"}, {Name: "topic", Value: "loans"}}})
		r, err := in.WaitResponse(h.ctx())
		if err != nil {
			t.Fatal(err)
		}
		if r.Type != 4 || r.Flags&discordtest.FlagEphemeral == 0 || !strings.Contains(r.Content, "not both") {
			t.Errorf("response %d flags %d %q, want an ephemeral explanation", r.Type, r.Flags, r.Content)
		}
	})
	t.Run("document", func(t *testing.T) {
		in := h.dc.SendSlash(discordtest.SlashOpts{Name: "summary", GuildID: guildID, ChannelID: generalID, User: user(3),
			Options: []discordtest.OptionValue{{Name: "document", Value: "alipay-gambit-quanzi.en"}}})
		m := waitFinal(h, in)
		if !strings.Contains(m.Content, "alipay-gambit-quanzi.en") {
			t.Errorf("summary is %q, want it to cite the document", m.Content)
		}
	})
	h.noViolations()
}

func TestSearchAndSources(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	in := h.dc.SendSlash(discordtest.SlashOpts{Name: "search", GuildID: guildID, ChannelID: generalID,
		Options: []discordtest.OptionValue{{Name: "query", Value: "Zhao Zhiguo"}}})
	m, err := in.WaitOriginal(h.ctx(), func(m discordtest.Message) bool { return len(m.Embeds) > 0 })
	if err != nil {
		t.Fatal(err)
	}
	if m.Flags&discordtest.FlagEphemeral == 0 || len(m.Embeds[0].Fields) == 0 || !strings.Contains(m.Embeds[0].Fields[0].Name, "·") {
		t.Errorf("search result %+v, want a private embed of scored passages", m)
	}
	if h.ai.Calls() != 0 {
		t.Errorf("/search called the LLM %d times", h.ai.Calls())
	}
	in = h.dc.SendSlash(discordtest.SlashOpts{Name: "sources", GuildID: guildID, ChannelID: generalID})
	m = waitContent(h, in, "5 documents")
	for _, id := range []string{"alibaba-tencent-bury-the-hatchet.fr", "china-targets-alipay.ar", "internet-plus-phenomenon.en"} {
		if !strings.Contains(m.Content, id) {
			t.Errorf("/sources lacks %s:\n%s", id, m.Content)
		}
	}
	h.noViolations()
}

func TestMessageCommandAsksAboutTheMessage(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	target := h.dc.SendMessage(discordtest.MessageOpts{ChannelID: generalID, GuildID: guildID, Author: user(1), Content: question})
	in := h.dc.SendMessageCommand("Ask the corpus", target, discordtest.As(user(2)))
	m := waitFinal(h, in)
	if !strings.Contains(m.Content, "> Why was Alipay") || !strings.Contains(m.Content, "[1]") {
		t.Errorf("answer is %q, want the question quoted and a cited answer", m.Content)
	}
}

func TestButtonsShowPassageAndRecordVotesAfterRestart(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	q := h.mention(generalID, user(1), question)
	m := h.final(q.ID)
	var passageID, upID string
	for _, id := range buttonIDs(m.Components) {
		switch {
		case strings.HasSuffix(id, ":1") && strings.Contains(id, ":p:"):
			passageID = id
		case strings.HasSuffix(id, ":up"):
			upID = id
		}
	}
	if passageID == "" || upID == "" {
		t.Fatalf("buttons %v, want Show passage [1] and 👍", buttonIDs(m.Components))
	}
	h.stop()
	h.run() // the answer is found in the store, not in memory

	in := h.dc.SendComponent(passageID, m, discordtest.As(user(2)))
	p, err := in.WaitOriginal(h.ctx(), func(m discordtest.Message) bool { return len(m.Embeds) > 0 })
	if err != nil {
		t.Fatal(err)
	}
	if p.Flags&discordtest.FlagEphemeral == 0 || !strings.Contains(p.Content, "alipay-ordered-to-spin-off-micro-loans.en") ||
		!strings.Contains(p.Content, "lines ") || !strings.Contains(p.Embeds[0].Description, "Alipay") {
		t.Errorf("passage view %q / %+v, want a private message with the document, its lines and the passage", p.Content, p.Embeds)
	}

	in = h.dc.SendComponent(upID, m, discordtest.As(user(2)))
	waitContent(h, in, "👍 is recorded")
	answerID := strings.Split(upID, ":")[2]
	up, down, err := h.st.Votes(context.Background(), answerID)
	if err != nil || up != 1 || down != 0 {
		t.Errorf("votes %d up %d down (%v), want 1 up", up, down, err)
	}
	h.noViolations()
}

func TestCooldownBusyAndAllowLists(t *testing.T) {
	t.Parallel()
	t.Run("rate limit", func(t *testing.T) {
		t.Parallel()
		h := start(t, setup{cfg: func(c *bot.Config) { c.UserRate, c.UserBurst = time.Hour, 1 }})
		waitFinal(h, ask(h, user(1), generalID, question, false))
		in := ask(h, user(1), generalID, "And Tencent?", false)
		r, err := in.WaitResponse(h.ctx())
		if err != nil {
			t.Fatal(err)
		}
		if r.Type != 4 || r.Flags&discordtest.FlagEphemeral == 0 || !strings.Contains(r.Content, "Please wait 60 minutes") {
			t.Errorf("second question got %d %q, want an ephemeral message saying how long to wait", r.Type, r.Content)
		}
		waitFinal(h, ask(h, user(2), generalID, question, false)) // others are not slowed
	})
	// Three questions for one slot and one place in the queue: the third
	// waits for a place. Within QUEUE_WAIT it is answered; past it, it is
	// refused as busy with when to try again.
	for _, tc := range []struct {
		name     string
		wait     time.Duration
		wantBusy int
	}{
		{"queue full, waits and is answered", time.Minute, 0},
		{"queue full past the wait, busy", 50 * time.Millisecond, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := start(t, setup{
				cfg:    func(c *bot.Config) { c.MaxConcurrent, c.MaxQueue, c.QueueWait = 1, 1, tc.wait },
				aiOpts: []openaitest.Option{openaitest.WithLatency(time.Second)},
			})
			var busy int
			for _, in := range []*discordtest.Interaction{
				ask(h, user(1), generalID, question, false),
				ask(h, user(2), generalID, question, false),
				ask(h, user(3), generalID, question, false),
			} {
				m, err := in.WaitOriginal(h.ctx(), func(m discordtest.Message) bool {
					return hasButton(m.Components, ":v:") || strings.Contains(m.Content, "too many questions")
				})
				if err != nil {
					t.Fatalf("no answer nor refusal: %v; responses %+v", err, in.Responses())
				}
				if strings.Contains(m.Content, "too many questions") {
					busy++
					if !strings.Contains(m.Content, "try again in ") {
						t.Errorf("busy refusal %q does not say when to try again", m.Content)
					}
				}
			}
			if busy != tc.wantBusy {
				t.Errorf("%d questions refused as busy, want %d", busy, tc.wantBusy)
			}
		})
	}
	t.Run("allow-lists", func(t *testing.T) {
		t.Parallel()
		h := start(t, setup{cfg: func(c *bot.Config) { c.AllowedChannels, c.AllowedRoles = []string{generalID}, []string{roleID} }})
		for _, tc := range []struct {
			name, channel string
			roles         []string
			want          string
		}{
			{"other channel", otherID, []string{roleID}, "I only answer in <#" + generalID + ">"},
			{"no role", generalID, nil, "certain roles"},
		} {
			r, err := ask(h, user(1), tc.channel, question, false, tc.roles...).WaitResponse(h.ctx())
			if err != nil {
				t.Fatal(err)
			}
			if r.Type != 4 || r.Flags&discordtest.FlagEphemeral == 0 || !strings.Contains(r.Content, tc.want) {
				t.Errorf("%s: got %d %q, want an ephemeral refusal containing %q", tc.name, r.Type, r.Content, tc.want)
			}
		}
		waitFinal(h, ask(h, user(2), generalID, question, false, roleID))
	})
}

func TestExpiredTokenFallsBackToChannelMessage(t *testing.T) {
	t.Parallel()
	h := start(t, setup{
		dcOpts: []discordtest.Option{discordtest.WithTokenLifetime(300 * time.Millisecond)},
		aiOpts: []openaitest.Option{openaitest.WithLatency(400 * time.Millisecond)},
	})
	in := ask(h, user(1), otherID, question, false)
	if _, err := in.WaitResponse(h.ctx()); err != nil {
		t.Fatal(err)
	}
	m := h.final(otherID)
	if m.Interaction != nil || !strings.Contains(m.Content, "[1]") {
		t.Errorf("fallback %+v, want a plain channel message with the answer", m)
	}
	// msgs[0] is the deferred response, left "thinking" with a dead token.
	msgs := h.botMessages(otherID)
	if len(msgs) < 3 || !strings.Contains(msgs[1].Content, "took longer than Discord lets me reply") {
		t.Errorf("no note before the answer explains the fallback: %+v", msgs)
	}
	h.noViolations()
}
