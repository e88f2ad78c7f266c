package bot_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"corpusbot/bot"
	"corpusbot/internal/discordtest"
	"corpusbot/internal/openaitest"
)

func TestMentionOpensThreadAndAnswersWithSources(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	q := h.mention(generalID, user(1), question)
	m := h.final(q.ID) // the thread's ID is the question's
	if !strings.Contains(m.Content, "[1]") || !strings.Contains(m.Content, "**Sources**\n[1] ") ||
		!strings.Contains(m.Content, " — alipay-ordered-to-spin-off-micro-loans.en") {
		t.Errorf("answer is %q, want a citation and a Sources line naming the document", m.Content)
	}
	th, ok := h.dc.Channel(q.ID)
	if !ok || th.ParentID != generalID || th.Name != question {
		t.Errorf("thread is %+v (found %v), want one named after the question in #general", th, ok)
	}
	// The typing indicator showed in the thread before the first text.
	var typing, firstPost time.Time
	for _, r := range h.dc.Requests() {
		if r.Route == "POST /channels/{channel.id}/typing" && strings.Contains(r.Path, q.ID) && typing.IsZero() {
			typing = r.Time
		}
		if r.Route == "POST /channels/{channel.id}/messages" && strings.Contains(r.Path, q.ID) && firstPost.IsZero() {
			firstPost = r.Time
		}
	}
	if typing.IsZero() || !typing.Before(firstPost) {
		t.Errorf("typing at %v, first message at %v: want typing first", typing, firstPost)
	}
	h.noViolations()
}

func TestMentionRepliesInPlaceWithThreadsOff(t *testing.T) {
	t.Parallel()
	h := start(t, setup{cfg: func(c *bot.Config) { c.ThreadMode = bot.ThreadOff }})
	q := h.mention(generalID, user(1), question)
	m := h.final(generalID)
	if m.MessageReference == nil || m.MessageReference.MessageID != q.ID {
		t.Errorf("answer's message_reference is %+v, want the question %s", m.MessageReference, q.ID)
	}
	if _, ok := h.dc.Channel(q.ID); ok {
		t.Errorf("a thread was opened with THREAD_MODE=off")
	}
	h.noViolations()
}

func TestIgnoresBotsEveryoneAndUnmentionedMessages(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	h.dc.SendMessage(discordtest.MessageOpts{ChannelID: generalID, GuildID: guildID, Author: user(1), Content: "@everyone " + question})
	h.dc.SendMessage(discordtest.MessageOpts{ChannelID: generalID, GuildID: guildID, Author: user(1), Content: question})
	h.dc.SendMessage(discordtest.MessageOpts{ChannelID: generalID, GuildID: guildID,
		Author:  discordtest.User{ID: "399999999999999999", Username: "otherbot", Bot: true},
		Content: "<@" + h.dc.BotUser().ID + "> " + question})
	// A real question afterwards proves the bot was listening.
	q := h.mention(otherID, user(2), question)
	h.final(q.ID)
	if n := len(h.botMessages(generalID)); n != 0 {
		t.Errorf("bot posted %d messages in #general, want 0", n)
	}
	if n := h.ai.Calls(); n > 2 {
		t.Errorf("LLM called %d times, want at most 2 (one question)", n)
	}
}

func TestFollowUpInThreadUsesItsOwnHistory(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	q := h.mention(generalID, user(1), question)
	first := h.final(q.ID)
	// A follow-up without a mention, in the thread.
	h.dc.SendMessage(discordtest.MessageOpts{ChannelID: q.ID, GuildID: guildID, Author: user(1), Content: "And what did Ant Group say about the regulators?"})
	if _, err := h.dc.WaitMessage(h.ctx(), q.ID, func(m discordtest.Message) bool {
		return m.ID != first.ID && m.Author.ID == h.dc.BotUser().ID && hasButton(m.Components, ":v:")
	}); err != nil {
		t.Fatalf("follow-up not answered: %v", err)
	}
	// Another conversation elsewhere sees none of it.
	q2 := h.mention(otherID, user(2), "What is the quanzi feature of Alipay?")
	h.final(q2.ID)

	var followUp, other string
	for _, r := range h.ai.Requests() {
		text := r.Text()
		switch {
		case strings.Contains(text, "Rewrite the question"):
		case strings.Contains(text, "what did Ant Group say"):
			followUp = text
		case strings.Contains(text, "quanzi feature"):
			other = text
		}
	}
	if !strings.Contains(followUp, "<history>") || !strings.Contains(followUp, "spin off its micro-loan business") {
		t.Errorf("follow-up prompt has no history of the thread:\n%s", followUp)
	}
	if other == "" || strings.Contains(other, "<history>") {
		t.Errorf("a new conversation's prompt carries history (or is missing):\n%s", other)
	}
}

func TestDMIsAnswered(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	const dm = "250000000000000001"
	h.dc.SendMessage(discordtest.MessageOpts{ChannelID: dm, Author: user(1), Content: question})
	m := h.final(dm)
	if !strings.Contains(m.Content, "[1]") {
		t.Errorf("DM answer is %q, want a cited answer", m.Content)
	}
}

func TestLongAnswerArrivesSplitAndComplete(t *testing.T) {
	t.Parallel()
	long := paragraphs
	if n := len(long("")); n < 5000 {
		t.Fatalf("answer is %d bytes, want a long one", n)
	}
	h := start(t, setup{cfg: func(c *bot.Config) { c.ThreadMode = bot.ThreadOff }})
	h.ai.SetResponder(func(r openaitest.Request) openaitest.Reply {
		if strings.Contains(r.Text(), "Rewrite the question") {
			return openaitest.Reply{Text: "en: Alipay micro-loans"}
		}
		return openaitest.Reply{Text: long(r.Text())}
	})
	h.mention(generalID, user(1), question)
	h.final(generalID)
	msgs := h.botMessages(generalID)
	if len(msgs) < 3 {
		t.Fatalf("got %d messages, want the answer split in 3 or more", len(msgs))
	}
	var all strings.Builder
	for _, m := range msgs {
		if n := len([]rune(m.Content)); n > 2000 {
			t.Errorf("message of %d characters", n)
		}
		all.WriteString(m.Content + "\n")
	}
	last := 0
	for i := 1; i <= 30; i++ {
		at := strings.Index(all.String(), fmt.Sprintf("Paragraph %02d:", i))
		if at < last {
			t.Errorf("paragraph %d missing or out of order", i)
		}
		last = at
	}
	if !strings.Contains(msgs[len(msgs)-1].Content, "**Sources**") {
		t.Errorf("the last message has no Sources list")
	}
	h.noViolations()
}

func TestLLMMentionsPingNoOne(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	h.ai.SetResponder(func(r openaitest.Request) openaitest.Reply {
		if strings.Contains(r.Text(), "Rewrite the question") {
			return openaitest.Reply{Text: "en: Alipay"}
		}
		return openaitest.Reply{Text: "@everyone @here <@&" + roleID + "> and <@300000000000000001>: Alipay was told to split " + cite(r.Text(), "1") + "."}
	})
	in := ask(h, user(1), generalID, question, false)
	m := waitFinal(h, in)
	if m.MentionEveryone || len(m.MentionRoles) > 0 || len(m.Mentions) > 0 {
		t.Errorf("message mentions everyone=%v roles=%v users=%v: %q", m.MentionEveryone, m.MentionRoles, m.Mentions, m.Content)
	}
	if m.AllowedMentions == nil || m.AllowedMentions.Parse == nil || len(m.AllowedMentions.Parse) > 0 {
		t.Errorf("allowed_mentions %+v, want parse []", m.AllowedMentions)
	}
	for _, r := range h.dc.Requests() {
		if (r.Method == "POST" || r.Method == "PATCH") && len(r.Body) > 0 && !strings.Contains(r.Route, "commands") &&
			!strings.Contains(r.Route, "threads") && !strings.Contains(string(r.Body), `"allowed_mentions":{"parse":[]`) {
			t.Errorf("%s %s sent without allowed_mentions parse []: %s", r.Method, r.Route, r.Body)
		}
	}
	h.noViolations()
}

func TestLLMRateLimitIsRetried(t *testing.T) {
	t.Parallel()
	h := start(t, setup{retries: 2})
	h.ai.Push(openaitest.Text("en: Alipay micro-loans"), openaitest.RateLimited("0"))
	in := ask(h, user(1), generalID, question, false)
	m := waitFinal(h, in)
	if !strings.Contains(m.Content, "[1]") {
		t.Errorf("answer %q, want the cited answer after the retry", m.Content)
	}
	if h.ai.Calls() < 3 {
		t.Errorf("LLM calls %d, want the 429 and its retry", h.ai.Calls())
	}
}

func TestLLMOutageGivesShortError(t *testing.T) {
	t.Parallel()
	h := start(t, setup{retries: 1})
	h.ai.Push(openaitest.Text("en: Alipay micro-loans"))
	for range 4 {
		h.ai.Push(openaitest.Status(http.StatusServiceUnavailable, "overloaded"))
	}
	in := ask(h, user(1), generalID, question, false)
	m := waitContent(h, in, "unavailable")
	if m.Content != "The language model is unavailable right now. Please try again later." {
		t.Errorf("error text %q", m.Content)
	}
}
