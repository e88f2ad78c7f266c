package bot_test

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"corpusbot/bot"
	"corpusbot/health"
	"corpusbot/internal/discordtest"
	"corpusbot/internal/openaitest"
)

// Round two of the adversarial tests: a reviewer's tries through discordgo
// and the fakes (see docs/benchmarks.md, "Adversarial round two through
// Discord").

const (
	textInterrupted = "[answer interrupted]"
	textFailed      = "Something went wrong while answering. The details are in the bot's log."
)

// finalPart reports a request that posts or edits a final part of an
// answer: content of some length that is not a streaming edit (" ▌").
func finalPart(r *discordtest.Request) bool {
	m, _ := r.JSON.(map[string]any)
	c, _ := m["content"].(string)
	return len(c) > 500 && !strings.HasSuffix(c, "▌")
}

// TestDiscordRefusesPartOfAnAnswer: Discord refuses a part of a long
// answer (the bot lost Send Messages mid-answer: 403 50013; a body it will
// not take: 400 50035). The reader is told where they look: "[answer
// interrupted]" under the last part posted, or the failure text in place
// of the streamed message; never a part that looks complete, nor a
// half-written one with its cursor. The failure is counted and logged.
func TestDiscordRefusesPartOfAnAnswer(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		slash    bool
		status   int
		code     int
		failFrom int32 // the first final part refused (1-based); it and all after are
		want     string
	}{
		{"mention, 403 from part 2", false, 403, discordtest.CodeMissingPermissions, 2, textInterrupted},
		{"/ask, 403 from part 3", true, 403, discordtest.CodeMissingPermissions, 3, textInterrupted},
		{"mention, 50035 on part 1 and its repost", false, 400, discordtest.CodeInvalidFormBody, 1, textFailed},
		{"/ask, 50035 on part 1 and its repost", true, 400, discordtest.CodeInvalidFormBody, 1, textFailed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m := &errCounter{Metrics: health.New(health.Config{}), errs: map[string]int{}}
			h := start(t, setup{aiOpts: []openaitest.Option{openaitest.WithResponder(longResponder)},
				cfg: func(c *bot.Config) { c.ThreadMode, c.Metrics = bot.ThreadOff, m }})
			var finals atomic.Int32
			h.dc.FailNextCode(func(r *discordtest.Request) bool {
				// Without Send Messages the bot can still edit its own.
				post := r.Method == "POST" || tc.status != 403
				return finalPart(r) && finals.Add(1) >= tc.failFrom && post
			}, 2, tc.status, tc.code)
			if tc.slash {
				ask(h, user(1), generalID, question, false)
			} else {
				h.mention(generalID, user(1), question)
			}
			var last discordtest.Message
			if _, err := h.dc.WaitFor(h.ctx(), func(r discordtest.Request) bool {
				return strings.Contains(string(r.Body), tc.want) && r.Status < 300
			}); err != nil {
				t.Fatalf("the reader is not told: %v", err)
			}
			msgs := h.botMessages(generalID)
			for _, msg := range msgs {
				if strings.HasSuffix(msg.Content, "▌") {
					t.Errorf("a message is left half-written: %q", msg.Content)
				}
				last = msg
			}
			if !strings.HasSuffix(last.Content, tc.want) {
				t.Errorf("the last message ends %q, want %q", last.Content[max(0, len(last.Content)-80):], tc.want)
			}
			if tc.want == textInterrupted && len(msgs) != int(tc.failFrom)-1 {
				t.Errorf("%d messages, want the %d parts posted before the refusal", len(msgs), tc.failFrom-1)
			}
			deadline := time.Now().Add(30 * time.Second)
			for m.count("discord") < 1 && time.Now().Before(deadline) {
				time.Sleep(20 * time.Millisecond)
			}
			if n := m.count("discord"); n != 1 {
				t.Errorf("discord errors counted %d times, want 1", n)
			}
		})
	}
}

// lastPart reports a request that posts or edits the last part of an
// answer, the one with the Sources.
func lastPart(r *discordtest.Request) bool {
	m, _ := r.JSON.(map[string]any)
	c, _ := m["content"].(string)
	return strings.Contains(c, "**Sources**")
}

// TestDiscordRateLimits: Discord's 429s on an answer's last part. A short
// one, global or not, is waited out and the answer arrives whole. A long
// one (a minute) does not hold the bot past its shutdown: discordgo slept
// through retry_after whatever the request's context said, so Run
// returned only when Discord's wait was over.
func TestDiscordRateLimits(t *testing.T) {
	t.Parallel()
	t.Run("short, global and not", func(t *testing.T) {
		t.Parallel()
		h := start(t, setup{cfg: func(c *bot.Config) { c.ThreadMode = bot.ThreadOff }})
		h.dc.FailNextGlobal(lastPart, 1, 0.5)
		h.dc.FailNext(lastPart, 1, 429, 0.5)
		h.mention(generalID, user(1), question)
		m := h.final(generalID)
		if !cited(m.Content) {
			t.Errorf("answer %q, want it cited with its Sources", m.Content)
		}
		n := 0
		for _, r := range h.dc.Requests() {
			if r.Status == 429 {
				n++
			}
		}
		if n != 2 {
			t.Errorf("%d 429s answered, want 2", n)
		}
		h.noViolations()
	})
	t.Run("longer than the attempts of an edit", func(t *testing.T) {
		t.Parallel()
		// Four attempts of a second each gave up on the edit: the answer
		// was posted anew and the streamed message, in the same bucket,
		// kept its cursor.
		h := start(t, setup{cfg: func(c *bot.Config) { c.ThreadMode, c.EditTimeout = bot.ThreadOff, time.Second }})
		h.dc.FailNext(func(r *discordtest.Request) bool { return lastPart(r) && r.Method == "PATCH" }, 1, 429, 8)
		began := time.Now()
		h.mention(generalID, user(1), question)
		m := h.final(generalID)
		if took := time.Since(began); took < 8*time.Second || !cited(m.Content) {
			t.Errorf("answer %q after %v, want it cited, after retry_after (8 s)", m.Content, took.Round(time.Second))
		}
		if msgs := h.botMessages(generalID); len(msgs) != 1 {
			t.Errorf("%d messages, want the one answer edited in place", len(msgs))
		}
	})
	t.Run("a minute, during shutdown", func(t *testing.T) {
		t.Parallel()
		h := start(t, setup{cfg: func(c *bot.Config) { c.ThreadMode = bot.ThreadOff }})
		h.dc.FailNext(lastPart, 1, 429, 60)
		h.mention(generalID, user(1), question)
		h.waitFor(func(r discordtest.Request) bool { return r.Status == 429 })
		began := time.Now()
		h.stop()
		// ShutdownGrace (3 s), then 5 s to tell users, then a margin.
		if took := time.Since(began); took > 15*time.Second {
			t.Errorf("Run returned %v after its context ended, want it bounded by the shutdown grace", took.Round(time.Second))
		}
	})
}

// TestModelFailsMidStream: the model fails after a verified sentence has
// streamed: an error event (500), or silence past the LLM timeout. The
// reader gets what was verified, said to be cut short, with its Sources
// and buttons, and no cursor; the operator's metrics count the failure
// (they counted nothing: a cut answer was observed as a good one).
func TestModelFailsMidStream(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		step func(chunks int) openaitest.Step
	}{
		{"error event", func(n int) openaitest.Step {
			return openaitest.StreamError(n, 500, "The server had an error while processing your request.")
		}},
		{"stall", openaitest.StallStream},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m := &errCounter{Metrics: health.New(health.Config{}), errs: map[string]int{}}
			// A stall ends at LLM_TIMEOUT.
			h := start(t, setup{cfg: func(c *bot.Config) { c.Metrics = m }, llmTimeout: 5 * time.Second})
			// Two cited sentences; the failure comes after the first and
			// half of the second.
			h.ai.SetResponder(func(r openaitest.Request) openaitest.Reply {
				one := citingResponder(r).Text
				return openaitest.Reply{Text: one + " " + one}
			})
			h.ai.Push(openaitest.Text("en: Alipay micro-loans"), tc.step(20))
			got := waitFinal(h, ask(h, user(1), generalID, question, false))
			if !cited(got.Content) || !strings.Contains(got.Content, "The model's reply was interrupted") {
				t.Errorf("answer %q, want the verified sentence with its source, said to be interrupted", got.Content)
			}
			if strings.Contains(got.Content, "▌") {
				t.Errorf("answer keeps the cursor: %q", got.Content)
			}
			if n := m.count("incomplete"); n != 1 {
				t.Errorf("incomplete counted %d times, want 1", n)
			}
			h.noViolations()
		})
	}
}

// TestRecordedSourcesSpanTheirPassages: Show passage of a source without
// a verified quote checks that its block still spans the lines recorded
// with the answer (else the documents changed, and another text would be
// shown as the one cited). On an unchanged corpus, the lines recorded for
// every source of an answer, a summary and a briefing are the passages'.
func TestRecordedSourcesSpanTheirPassages(t *testing.T) {
	t.Parallel()
	h := start(t, setup{cfg: func(c *bot.Config) { c.ThreadMode = bot.ThreadOff }})
	var ids []string
	h.mention(generalID, user(1), question)
	ids = append(ids, answerID(h.final(generalID)))
	for _, o := range []discordtest.SlashOpts{
		{Name: "summary", Options: []discordtest.OptionValue{{Name: "document", Value: "china-targets-alipay.ar"}}},
		{Name: "briefing", Options: []discordtest.OptionValue{{Name: "topic", Value: "Alipay micro-loans"}}},
	} {
		o.GuildID, o.ChannelID, o.User = guildID, otherID, user(2)
		ids = append(ids, answerID(waitFinal(h, h.dc.SendSlash(o))))
	}
	for _, id := range ids {
		a, ok, err := h.st.Answer(context.Background(), id)
		if err != nil || !ok || len(a.Sources) == 0 {
			t.Fatalf("answer %s: %v %v, %d sources", id, ok, err, len(a.Sources))
		}
		for _, s := range a.Sources {
			first, _, ok1 := h.p.Passage(s.DocID, s.Passage)
			last, _, ok2 := h.p.Passage(s.DocID, max(s.LastPassage, s.Passage))
			if !ok1 || !ok2 || s.LineStart == 0 || first.LineStart != s.LineStart || last.LineEnd != s.LineEnd {
				t.Errorf("%s [%d] %s recorded at lines %d–%d, its passages span %d–%d", a.Kind, s.N, s.DocID, s.LineStart, s.LineEnd, first.LineStart, last.LineEnd)
			}
		}
	}
}

// answerID is the answer ID in the custom IDs of m's buttons.
func answerID(m discordtest.Message) string {
	for _, b := range buttonIDs(m.Components) {
		if f := strings.Split(b, ":"); len(f) == 4 {
			return f[2]
		}
	}
	return ""
}

// TestEmojiAfterAnAnswerAsksNothing: "👍" or "😀😀😀" sent in a DM, a
// thread or a reply after an answer has no word to search for; it was
// taken as a follow-up ("why?" borrows its terms from the history), and
// the model asked to answer the last question again.
func TestEmojiAfterAnAnswerAsksNothing(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	const dm = "250000000000000088"
	h.dc.SendMessage(discordtest.MessageOpts{ChannelID: dm, Author: user(1), Content: question})
	first := h.final(dm)
	q := h.mention(generalID, user(2), question)
	inThread := h.final(q.ID)
	for _, tc := range []struct{ channel, guild, text string }{
		{dm, "", "👍"},
		{q.ID, guildID, "😀😀😀"},
	} {
		calls := h.ai.Calls()
		h.dc.SendMessage(discordtest.MessageOpts{ChannelID: tc.channel, GuildID: tc.guild, Author: user(1), Content: tc.text})
		m, err := h.dc.WaitMessage(h.ctx(), tc.channel, func(m discordtest.Message) bool {
			return m.Author.ID == h.dc.BotUser().ID && m.ID != first.ID && m.ID != inThread.ID && !strings.HasSuffix(m.Content, "▌")
		})
		if err != nil {
			t.Fatalf("%q: no reply: %v", tc.text, err)
		}
		if !strings.Contains(m.Content, "no words I can look up") || h.ai.Calls() != calls {
			t.Errorf("%q: reply %q after %d model calls, want the no-words text and none", tc.text, m.Content, h.ai.Calls()-calls)
		}
	}
}

// TestMentionsSplitAcrossChunksNeverPing: a model writes @everyone, @here,
// a role and a user mention split across stream chunks, in a link's text,
// in a quote and beside full-width and zero-width look-alikes. No request
// the bot sends, streaming edits included, holds one that Discord would
// read as a ping (allowed_mentions aside), and the verified claim stays.
func TestMentionsSplitAcrossChunksNeverPing(t *testing.T) {
	t.Parallel()
	h := start(t, setup{cfg: func(c *bot.Config) { c.ThreadMode = bot.ThreadOff },
		aiOpts: []openaitest.Option{openaitest.WithChunkDelay(30 * time.Millisecond)}})
	h.ai.SetResponder(func(r openaitest.Request) openaitest.Reply {
		if strings.Contains(r.Text(), "Rewrite the question") {
			return openaitest.Reply{Text: "en: Alipay micro-loans"}
		}
		claim := citingResponder(r).Text
		// A sentence each, so that they stream one after another.
		text := claim + " Tell @everyone now. Tell @here too. Then ＠everyone and @\u200beveryone. Ask <@&" + roleID + "> today. Ask <@" + user(9).ID +
			"> as well. See [@everyone](http://evil.example) there. Try `@here in code` last."
		var chunks []string
		for i := 0; i < len(text); {
			n := 3
			for i+n < len(text) && !utf8.RuneStart(text[i+n]) {
				n++
			}
			chunks = append(chunks, text[i:min(i+n, len(text))])
			i += n
		}
		return openaitest.Reply{Text: text, Chunks: chunks}
	})
	h.mention(generalID, user(1), question)
	m := h.final(generalID)
	if !cited(m.Content) || !strings.Contains(m.Content, "regulators acted") {
		t.Errorf("answer %q, want the verified claim with its source", m.Content)
	}
	edits := 0
	for _, r := range h.dc.Requests() {
		body, _ := r.JSON.(map[string]any)
		c, _ := body["content"].(string)
		if c == "" {
			continue
		}
		edits++
		// Code is shown as written: Discord pings no one from it.
		if p := advPingRE.FindString(strings.ReplaceAll(c, "`@here in code`", "")); p != "" {
			t.Errorf("%s %s sends %q, which would ping:\n%s", r.Method, r.Path, p, c)
		}
	}
	if edits < 3 {
		t.Errorf("%d messages and edits, want the answer streamed in several", edits)
	}
	h.noViolations()
}

// TestControlCharactersNeverReachTheStore: a question and a model reply
// holding NUL and other control characters are answered, and nothing of
// them reaches the store, where PostgreSQL refuses a text holding NUL
// ("invalid byte sequence for encoding UTF8: 0x00"): the answer lost its
// record and its buttons.
func TestControlCharactersNeverReachTheStore(t *testing.T) {
	t.Parallel()
	h := start(t, setup{cfg: func(c *bot.Config) { c.ThreadMode = bot.ThreadOff }})
	h.ai.SetResponder(func(r openaitest.Request) openaitest.Reply {
		if strings.Contains(r.Text(), "Rewrite the question") {
			return openaitest.Reply{Text: "en: Alipay micro-loans"}
		}
		return openaitest.Reply{Text: strings.Replace(citingResponder(r).Text, "regulators", "regulators\x00\x07", 1)}
	})
	h.mention(generalID, user(1), "Why was Alipay\x00 told to spin off\x1b its micro-loan business?")
	m := h.final(generalID)
	a, ok, err := h.st.Answer(context.Background(), answerID(m))
	if err != nil || !ok {
		t.Fatalf("answer not recorded: %v %v", ok, err)
	}
	for _, s := range []string{m.Content, a.Question, a.Text} {
		if strings.ContainsAny(s, "\x00\x07\x1b") {
			t.Errorf("%q holds a control character", s)
		}
	}
	if !strings.Contains(a.Question, "Why was Alipay told") || !strings.Contains(a.Text, "regulators acted") {
		t.Errorf("recorded %q: %q, want the question and the answer", a.Question, a.Text)
	}
}
