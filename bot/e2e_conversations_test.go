package bot_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"corpusbot/bot"
	"corpusbot/internal/discordtest"
)

// clock is a settable clock for the bot's rate limit and conversation
// expiry, so that tests move time without sleeping.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock() *clock { return &clock{now: time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// One question every 5 s with the default bucket (3 at once, one more every
// 20 s): the first three are answered, the fourth is told how long to wait.
func TestRateLimitOneQuestionEveryFiveSeconds(t *testing.T) {
	t.Parallel()
	clk := newClock()
	h := start(t, setup{cfg: func(c *bot.Config) {
		c.UserRate, c.UserBurst, c.Now = bot.DefaultUserRate, bot.DefaultUserBurst, clk.Now
	}})
	qs := []string{question, "What is the quanzi feature of Alipay?", "Which regulators targeted Alipay?", "How many users does Alipay have?"}
	for i, q := range qs {
		in := ask(h, user(1), generalID, q, false)
		if i < 3 {
			waitFinal(h, in)
		} else {
			r, err := in.WaitResponse(h.ctx())
			if err != nil {
				t.Fatal(err)
			}
			if r.Type != 4 || r.Flags&discordtest.FlagEphemeral == 0 || !strings.Contains(r.Content, "Please wait 5 seconds") {
				t.Errorf("question %d got %d %q, want a private \"wait 5 seconds\"", i+1, r.Type, r.Content)
			}
		}
		clk.advance(5 * time.Second)
	}
	// The wait was right: at 20 s a token is back.
	waitFinal(h, ask(h, user(1), generalID, qs[3], false))
	h.noViolations()
}

// An abstention costs nothing: with one question per hour, a person told
// the corpus does not cover their question rephrases at once and is
// answered; a vote, autocomplete, /search and /sources in between are free
// too.
func TestRephraseRightAfterAbstentionIsAnswered(t *testing.T) {
	t.Parallel()
	clk := newClock()
	h := start(t, setup{cfg: func(c *bot.Config) { c.UserRate, c.UserBurst, c.Now = time.Hour, 1, clk.Now }})
	in := ask(h, user(1), generalID, "What is the boiling point of tungsten?", false)
	abstained := waitContent(h, in, "does not cover")
	// A vote on it, and autocomplete, cost nothing either.
	voted := false
	for _, id := range buttonIDs(abstained.Components) {
		if strings.Contains(id, ":v:") && !voted {
			waitContent(h, h.dc.SendComponent(id, abstained, discordtest.As(user(1))), "recorded")
			voted = true
		}
	}
	if !voted {
		t.Errorf("the abstention has no vote buttons: %v", buttonIDs(abstained.Components))
	}
	if _, err := h.dc.SendAutocomplete(discordtest.SlashOpts{Name: "summary", GuildID: guildID, ChannelID: generalID, User: user(1),
		Options: []discordtest.OptionValue{{Name: "document", Value: "alipay", Focused: true}}}).WaitResponse(h.ctx()); err != nil {
		t.Fatal(err)
	}
	search := h.dc.SendSlash(discordtest.SlashOpts{Name: "search", GuildID: guildID, ChannelID: generalID, User: user(1),
		Options: []discordtest.OptionValue{{Name: "query", Value: "Alipay micro-loans"}}})
	if _, err := search.WaitOriginal(h.ctx(), func(m discordtest.Message) bool { return len(m.Embeds) > 0 }); err != nil {
		t.Fatal(err)
	}
	waitContent(h, h.dc.SendSlash(discordtest.SlashOpts{Name: "sources", GuildID: guildID, ChannelID: generalID, User: user(1)}), "documents")
	m := waitFinal(h, ask(h, user(1), generalID, question, false))
	if !strings.Contains(m.Content, "[1]") {
		t.Errorf("rephrased question got %q, want a cited answer", m.Content)
	}
	// That answer used the model, so it was the hour's question.
	r, err := ask(h, user(1), generalID, "What is the quanzi feature of Alipay?", false).WaitResponse(h.ctx())
	if err != nil || !strings.Contains(r.Content, "Please wait 60 minutes") {
		t.Errorf("third question got %+v (%v), want a wait of an hour", r, err)
	}
}

// answerPrompts is the text of every answer request the model received,
// in order (rewrites left out).
func answerPrompts(h *harness) []string {
	var out []string
	for _, r := range h.ai.Requests() {
		if text := r.Text(); !strings.Contains(text, "Rewrite the question") {
			out = append(out, text)
		}
	}
	return out
}

// botAnswers waits until channel holds n finished answers of the bot and
// returns them, oldest first. The fake calls match under its lock, once
// per message per pass: it only collects.
func botAnswers(h *harness, channel string, n int) []discordtest.Message {
	h.t.Helper()
	seen := map[string]bool{}
	_, err := h.dc.WaitMessage(h.ctx(), channel, func(m discordtest.Message) bool {
		if m.Author.ID == h.dc.BotUser().ID && hasButton(m.Components, ":v:") {
			seen[m.ID] = true
		}
		return len(seen) >= n
	})
	if err != nil {
		h.t.Fatalf("%d answers in %s, want %d: %v", len(seen), channel, n, err)
	}
	var got []discordtest.Message
	for _, m := range h.dc.Messages(channel) {
		if seen[m.ID] {
			got = append(got, m)
		}
	}
	return got
}

// A thread is one conversation: four turns, each follow-up without a
// mention, each answered with the turns before it, and its search
// widened by the rewrite that sees them.
func TestThreadConversationOfFourTurns(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	turns := []string{question, "Who is its parent company?", "Who founded it?", "What happened to its stock market launch?"}
	q := h.mention(generalID, user(1), turns[0])
	h.final(q.ID)
	for i, text := range turns[1:] {
		h.dc.SendMessage(discordtest.MessageOpts{ChannelID: q.ID, GuildID: guildID, Author: user(1), Content: text})
		botAnswers(h, q.ID, i+2)
	}
	prompts := answerPrompts(h)
	if len(prompts) != 4 {
		t.Fatalf("%d answer prompts, want 4", len(prompts))
	}
	last := prompts[3]
	for _, earlier := range turns[:3] {
		if !strings.Contains(last, `<turn role="user">`+earlier+`</turn>`) {
			t.Errorf("the fourth prompt lacks the earlier question %q:\n%s", earlier, last)
		}
	}
	if strings.Contains(last, "**Sources**") {
		t.Errorf("history carries the rendered Sources:\n%s", last)
	}
	var rewrites int
	for _, r := range h.ai.Requests() {
		if text := r.Text(); strings.Contains(text, "Rewrite the question") && strings.Contains(text, "<history>") {
			rewrites++
		}
	}
	if rewrites != 3 {
		t.Errorf("%d rewrites saw the conversation, want one per follow-up (3)", rewrites)
	}
	h.noViolations()
}

// A DM conversation remembers, expires after CONVERSATION_IDLE without a
// question, and starts over on /ask new:true.
func TestDMConversationExpires(t *testing.T) {
	t.Parallel()
	clk := newClock()
	h := start(t, setup{cfg: func(c *bot.Config) { c.Now, c.ConversationIdle = clk.Now, 30*time.Minute }})
	const dm = "250000000000000007"
	send := func(text string, n int) string {
		h.dc.SendMessage(discordtest.MessageOpts{ChannelID: dm, Author: user(1), Content: text})
		botAnswers(h, dm, n)
		ps := answerPrompts(h)
		return ps[len(ps)-1]
	}
	send(question, 1)
	clk.advance(10 * time.Minute)
	if p := send("Who is its parent company?", 2); !strings.Contains(p, `<turn role="user">`+question+`</turn>`) {
		t.Errorf("second DM question has no history of the first:\n%s", p)
	}
	clk.advance(31 * time.Minute)
	if p := send("Who founded Ant Group?", 3); strings.Contains(p, "<history>") {
		t.Errorf("after 31 idle minutes the DM still carries history:\n%s", p)
	}
	// Another user's DM is another conversation.
	const other = "250000000000000008"
	h.dc.SendMessage(discordtest.MessageOpts{ChannelID: other, Author: user(2), Content: "Who is its parent company?"})
	botAnswers(h, other, 1)
	if ps := answerPrompts(h); strings.Contains(ps[len(ps)-1], "Ant Group?</turn>") {
		t.Errorf("another user's DM sees the first user's conversation:\n%s", ps[len(ps)-1])
	}
	// "New conversation" under a DM answer starts over.
	if p := send("Who is its parent company?", 4); !strings.Contains(p, "Who founded Ant Group?</turn>") {
		t.Errorf("fourth DM question has no history of the third:\n%s", p)
	}
	last := botAnswers(h, dm, 4)[3]
	var newID string
	for _, id := range buttonIDs(last.Components) {
		if strings.Contains(id, ":n:") {
			newID = id
		}
	}
	if newID == "" {
		t.Fatalf("DM answer has no New conversation button: %v", buttonIDs(last.Components))
	}
	waitContent(h, h.dc.SendComponent(newID, last, discordtest.As(user(1))), "New conversation")
	if p := send("Who is its parent company?", 5); strings.Contains(p, "<history>") {
		t.Errorf("after New conversation the DM still carries history:\n%s", p)
	}
	// /ask new:true in the DM starts over.
	in := h.dc.SendSlash(discordtest.SlashOpts{Name: "ask", ChannelID: dm, User: user(1), Options: []discordtest.OptionValue{
		{Name: "question", Value: "What is the quanzi feature of Alipay?"}, {Name: "new", Value: true}}})
	waitFinal(h, in)
	if ps := answerPrompts(h); strings.Contains(ps[len(ps)-1], "<history>") {
		t.Errorf("/ask new:true still carries history:\n%s", ps[len(ps)-1])
	}
	h.noViolations()
}

// With THREAD_MODE=off, a Discord reply to the bot's answer continues it:
// the history is the answer as written, without Sources or notes, and a
// reply to that answer continues the chain.
func TestReplyChainWithThreadsOff(t *testing.T) {
	t.Parallel()
	h := start(t, setup{cfg: func(c *bot.Config) { c.ThreadMode = bot.ThreadOff }})
	h.mention(generalID, user(1), question)
	first := botAnswers(h, generalID, 1)[0]
	if !strings.Contains(first.Content, "**Sources**") {
		t.Fatalf("first answer %q has no Sources to leave out", first.Content)
	}
	h.dc.SendMessage(discordtest.MessageOpts{ChannelID: generalID, GuildID: guildID, Author: user(2), Content: "Who founded its parent company?",
		MessageReference: &discordtest.MessageReference{MessageID: first.ID}})
	second := botAnswers(h, generalID, 2)[1]
	p := answerPrompts(h)[1]
	if !strings.Contains(p, `<turn role="user">`+question+`</turn>`) || !strings.Contains(p, `<turn role="assistant">According to`) {
		t.Errorf("reply's prompt lacks the answer it replies to:\n%s", p)
	}
	if strings.Contains(p, "Sources") || strings.Contains(p, "-#") {
		t.Errorf("reply's history carries the rendered Sources or notes:\n%s", p)
	}
	if second.MessageReference == nil {
		t.Errorf("the reply's answer is not a reply in place: %+v", second)
	}
	h.dc.SendMessage(discordtest.MessageOpts{ChannelID: generalID, GuildID: guildID, Author: user(2), Content: "And when was its listing pulled?",
		MessageReference: &discordtest.MessageReference{MessageID: second.ID}})
	botAnswers(h, generalID, 3)
	p = answerPrompts(h)[2]
	for _, want := range []string{question, "Who founded its parent company?"} {
		if !strings.Contains(p, `<turn role="user">`+want+`</turn>`) {
			t.Errorf("second reply's prompt lacks %q of the chain:\n%s", want, p)
		}
	}
	if _, ok := h.dc.Channel(first.ID); ok {
		t.Errorf("a thread was opened with THREAD_MODE=off")
	}
	h.noViolations()
}

// Without the Message Content intent, a message in the bot's thread that
// does not mention it arrives empty: the first gets one short hint in the
// thread's language, later ones none.
func TestNoIntentHintOncePerThread(t *testing.T) {
	t.Parallel()
	h := start(t, setup{cfg: func(c *bot.Config) { c.MessageContentIntent = false }})
	q := h.mention(generalID, user(1), "Pourquoi le ministère chinois de l'industrie a-t-il réuni Tencent et Alibaba ?")
	h.final(q.ID)
	for range 2 {
		h.dc.SendMessage(discordtest.MessageOpts{ChannelID: q.ID, GuildID: guildID, Author: user(1), Content: "Et quel délai leur a-t-on donné ?"})
	}
	hint, err := h.dc.WaitMessage(h.ctx(), q.ID, func(m discordtest.Message) bool {
		return m.Author.ID == h.dc.BotUser().ID && strings.Contains(m.Content, "/ask")
	})
	if err != nil {
		t.Fatalf("no hint: %v", err)
	}
	if !strings.Contains(hint.Content, "Je ne vois que les messages qui me mentionnent") || !strings.Contains(hint.Content, "<@"+h.dc.BotUser().ID+">") {
		t.Errorf("hint %q, want the French one naming the bot", hint.Content)
	}
	// A mention afterwards is answered, proving the second message was
	// handled (and given no second hint) before it.
	h.mention(q.ID, user(1), "Et quel délai leur a-t-on donné ?")
	botAnswers(h, q.ID, 2)
	var hints int
	for _, m := range h.botMessages(q.ID) {
		if strings.Contains(m.Content, "/ask") {
			hints++
		}
	}
	if hints != 1 {
		t.Errorf("%d hints in the thread, want 1", hints)
	}
	h.noViolations()
}
