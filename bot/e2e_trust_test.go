package bot_test

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"corpusbot/bot"
	"corpusbot/health"
	"corpusbot/internal/discordtest"
	"corpusbot/internal/openaitest"
)

var trustPassageRE = regexp.MustCompile(`(?s)<passage n="(\d+)" doc="([^"]*)" title="[^"]*">\n(.*?)\n</passage>`)

const (
	trueClaim  = "Regulators acted on the company"
	falseClaim = "The ministry's spokesman is Zhao Zhiguo"
)

// trustResponder plays a model that makes two claims citing the same
// passage, preferably one in French or Arabic: a true one in English
// backed by a verbatim quote of that passage, its citation in a
// lenticular bracket; and a false one whose quote the passage does not
// hold, with a citation to a passage it was not given. Briefings get them
// as bullets.
func trustResponder(r openaitest.Request) openaitest.Reply {
	text := r.Text()
	ps, reply, done := trustPassages(text)
	if done {
		return reply
	}
	p := foreignPassage(ps)
	good := fmt.Sprintf("%s 【%s】«%s».", trueClaim, p[1], openingWords(p))
	bad := fmt.Sprintf("%s [%s][9] «porte-parole Zhao Zhiguo».", falseClaim, p[1])
	if strings.Contains(text, "Write a team briefing") {
		return openaitest.Reply{Text: "**Payments**\n- " + good + "\n- " + bad}
	}
	return openaitest.Reply{Text: good + " " + bad}
}

// trustPassages are the passages of a request, as [whole, n, doc, text];
// done when the request is the query rewrite or gives none, with the
// reply to make.
func trustPassages(text string) ([][]string, openaitest.Reply, bool) {
	if strings.Contains(text, "Rewrite the question") {
		return nil, openaitest.Reply{Text: "en: Alipay micro-loans\nar: Alipay القروض الصغيرة\nfr: Alipay Tencent"}, true
	}
	ps := trustPassageRE.FindAllStringSubmatch(text, -1)
	if len(ps) == 0 {
		return nil, openaitest.Reply{Text: "NOT_IN_CORPUS"}, true
	}
	return ps, openaitest.Reply{}, false
}

// openingWords is how a model following the quote rule quotes passage p
// (as trustPassages gives it): its first six words.
func openingWords(p []string) string {
	f := strings.Fields(p[3])
	return strings.Join(f[:min(6, len(f))], " ")
}

// foreignPassage is the first passage in French or Arabic, else the first.
func foreignPassage(ps [][]string) []string {
	for _, q := range ps {
		if strings.HasSuffix(q[2], ".ar") || strings.HasSuffix(q[2], ".fr") {
			return q
		}
	}
	return ps[0]
}

// checkMarks holds a final answer to the rules of marks: the claim whose
// quote is not in its passage opens with a mark and is explained below;
// the true claim, quoted verbatim from its passage, carries none; no odd
// or unknown citation and no backing quote shows.
func checkMarks(t *testing.T, path, content string) {
	t.Helper()
	if !strings.Contains(content, "⚠¹ "+falseClaim) {
		t.Errorf("%s: the false claim is not marked:\n%s", path, content)
	}
	i := strings.Index(content, trueClaim+" [1]")
	if i < 0 || strings.ContainsAny(content[max(0, i-8):i], "⚠❔") {
		t.Errorf("%s: the true claim is missing or marked:\n%s", path, content)
	}
	if !strings.Contains(content, "-# ⚠¹ “"+falseClaim) {
		t.Errorf("%s: no note says which sentence is marked and why:\n%s", path, content)
	}
	for _, raw := range []string{"【", "[9]", "[^", "«porte-parole", "«"} {
		if strings.Contains(content, raw) {
			t.Errorf("%s: %q shows:\n%s", path, raw, content)
		}
	}
}

// TestTrustMarksOnEveryPath runs every answering path against a model
// whose reply holds a true cross-lingual claim with a verbatim quote and a
// false claim whose quote is not in its passage: on each, the false one is
// marked and explained, the true one is not.
func TestTrustMarksOnEveryPath(t *testing.T) {
	t.Parallel()
	slot := time.Now().UTC().Add(-time.Minute).Format("15:04")
	h := start(t, setup{
		aiOpts: []openaitest.Option{openaitest.WithResponder(trustResponder)},
		cfg: func(c *bot.Config) {
			c.BriefingChannelID, c.BriefingTime, c.BriefingTZ = otherID, slot, time.UTC
		},
	})

	// The daily briefing, posted at start: its slot is a minute ago.
	checkMarks(t, "daily briefing", h.final(otherID).Content)

	in := ask(h, user(1), generalID, question, false)
	m := waitFinal(h, in)
	checkMarks(t, "/ask", m.Content)
	if !strings.Contains(m.Content, "[1] ") || !strings.Contains(m.Content, ".ar") && !strings.Contains(m.Content, ".fr") {
		t.Errorf("/ask: want the true claim to cite a French or Arabic passage:\n%s", m.Content)
	}
	// Show passage [1]: the whole block, the verified quote in bold.
	var passageID string
	for _, id := range buttonIDs(m.Components) {
		if strings.Contains(id, ":p:") && strings.HasSuffix(id, ":1") {
			passageID = id
		}
	}
	show := h.dc.SendComponent(passageID, m, discordtest.As(user(1)))
	p, err := show.WaitOriginal(h.ctx(), func(m discordtest.Message) bool { return len(m.Embeds) > 0 })
	if err != nil {
		t.Fatal(err)
	}
	bold := false
	for _, e := range p.Embeds {
		bold = bold || strings.Count(e.Description, "**") >= 2
	}
	if p.Flags&discordtest.FlagEphemeral == 0 || !bold || !strings.Contains(p.Content, "in **bold**") {
		t.Errorf("Show passage [1]: %q %+v, want a private view with the quote in bold", p.Content, p.Embeds)
	}

	q := h.mention(generalID, user(2), question)
	first := h.final(q.ID)
	checkMarks(t, "mention", first.Content)

	h.dc.SendMessage(discordtest.MessageOpts{ChannelID: q.ID, GuildID: guildID, Author: user(2), Content: "And what did Ant Group say about the regulators?"})
	follow, err := h.dc.WaitMessage(h.ctx(), q.ID, func(m discordtest.Message) bool {
		return m.ID != first.ID && m.Author.ID == h.dc.BotUser().ID && hasButton(m.Components, ":v:")
	})
	if err != nil {
		t.Fatalf("follow-up not answered: %v", err)
	}
	checkMarks(t, "thread follow-up", follow.Content)
	// The marked sentence was not kept as what the bot said.
	for _, r := range h.ai.Requests() {
		if text := r.Text(); strings.Contains(text, "what did Ant Group say") && !strings.Contains(text, "Rewrite the question") {
			hist := text[strings.Index(text, "<history>"):]
			if !strings.Contains(hist, trueClaim) || strings.Contains(hist, falseClaim) {
				t.Errorf("follow-up history keeps the marked claim or loses the verified one:\n%s", hist)
			}
		}
	}

	laterPaths(t, h, "250000000000000031", question, "china-targets-alipay.ar", "Alipay micro-loans", checkMarks)
	h.noViolations()
}

// laterPaths asks q in the DM channel dm and through "Ask the corpus" on a
// message, then asks /summary of doc and of topic and a /briefing of
// topic, handing each final answer to check with the path's name.
func laterPaths(t *testing.T, h *harness, dm, q, doc, topic string, check func(t *testing.T, path, content string)) {
	t.Helper()
	h.dc.SendMessage(discordtest.MessageOpts{ChannelID: dm, Author: user(3), Content: q})
	check(t, "DM", h.final(dm).Content)

	target := h.dc.SendMessage(discordtest.MessageOpts{ChannelID: generalID, GuildID: guildID, Author: user(4), Content: q})
	check(t, "Ask the corpus", waitFinal(h, h.dc.SendMessageCommand("Ask the corpus", target, discordtest.As(user(5)))).Content)

	for _, tc := range []struct {
		path string
		opts discordtest.SlashOpts
	}{
		{"/summary document", discordtest.SlashOpts{Name: "summary", Options: []discordtest.OptionValue{{Name: "document", Value: doc}}}},
		{"/summary topic", discordtest.SlashOpts{Name: "summary", Options: []discordtest.OptionValue{{Name: "topic", Value: topic}}}},
		{"/briefing", discordtest.SlashOpts{Name: "briefing", Options: []discordtest.OptionValue{{Name: "topic", Value: topic}}}},
	} {
		tc.opts.GuildID, tc.opts.ChannelID, tc.opts.User = guildID, generalID, user(6)
		check(t, tc.path, waitFinal(h, h.dc.SendSlash(tc.opts)).Content)
	}
}

// errCounter is a Metrics that counts errors by kind; the rest is
// discarded.
type errCounter struct {
	bot.Metrics
	mu   sync.Mutex
	errs map[string]int
}

func (c *errCounter) Error(kind string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.errs[kind]++
}

func (c *errCounter) count(kind string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.errs[kind]
}

// An empty model reply is the model's fault: the user is told it returned
// nothing, and it counts as a model error, not as an unanswered question.
func TestEmptyModelReplyIsAModelError(t *testing.T) {
	t.Parallel()
	m := &errCounter{Metrics: health.New(health.Config{}), errs: map[string]int{}}
	h := start(t, setup{cfg: func(c *bot.Config) { c.Metrics = m }})
	h.ai.SetResponder(func(r openaitest.Request) openaitest.Reply {
		if strings.Contains(r.Text(), "Rewrite the question") {
			return openaitest.Reply{Text: "en: Alipay micro-loans"}
		}
		return openaitest.Reply{Text: ""}
	})
	got := waitContent(h, ask(h, user(1), generalID, question, false), "returned nothing")
	if got.Content != "The language model returned nothing. Please try again." {
		t.Errorf("message %q", got.Content)
	}
	if n := m.count("empty_reply"); n != 1 {
		t.Errorf("empty_reply errors counted %d times, want 1", n)
	}
}
