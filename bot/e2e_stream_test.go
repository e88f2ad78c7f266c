package bot_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"corpusbot/bot"
	dt "corpusbot/internal/discordtest"
	"corpusbot/internal/openaitest"
)

// noCursor fails if a message of the bot's in channel still shows the
// streaming cursor 30 s on (the stale message is removed after the answer
// is posted; the bound is generous for a loaded machine).
func noCursor(t *testing.T, h *harness, channel string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		var left []dt.Message
		for _, m := range h.botMessages(channel) {
			if strings.Contains(m.Content, "▌") {
				left = append(left, m)
			}
		}
		if len(left) == 0 {
			return
		}
		if time.Now().After(deadline) {
			for _, m := range left {
				t.Errorf("message %s keeps the streaming cursor: %q", m.ID, m.Content)
			}
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func isFinal(r *dt.Request) bool { return strings.Contains(string(r.Body), ":v:") }

func isStreaming(r *dt.Request) bool { return strings.Contains(string(r.Body), "▌") }

// waitStreamed returns once dc has had a message of the bot's with the
// streaming cursor, or after 30 s (the test then fails on what it checks).
func waitStreamed(ctx context.Context, dc *dt.Server) {
	deadline := time.Now().Add(30 * time.Second)
	for dc != nil && time.Now().Before(deadline) && ctx.Err() == nil {
		for _, r := range dc.Requests() {
			if isStreaming(&r) {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestStalledOrFailingFinalEdit: when the final edit of a streamed answer
// stalls or keeps failing, the user still ends with the whole answer, in a
// new message, and the half-written one is gone; within the retry budget.
func TestStalledOrFailingFinalEdit(t *testing.T) {
	t.Parallel()
	const editTimeout = 400 * time.Millisecond
	// Four attempts, each up to editTimeout, with 0.25 + 0.5 + 1 s between.
	budget := 4*editTimeout + 1750*time.Millisecond
	for _, tc := range []struct {
		name    string
		mention bool
		stall   bool // the edit hangs instead of failing
	}{
		{name: "ask, final edit stalls", stall: true},
		{name: "ask, final edit 503 every time"},
		{name: "mention, final edit stalls", mention: true, stall: true},
		{name: "mention, final edit 500 every time", mention: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			// The answer ends only once part of it has streamed: the
			// case is an edit of a streamed message, and a bot that got
			// the whole answer before it showed any (a loaded machine)
			// rightly posts it as a new message, without the move. Two
			// sentences: the first streams once it is whole.
			var dc atomic.Pointer[dt.Server]
			twice := openaitest.WithResponder(func(r openaitest.Request) openaitest.Reply {
				rep := citingResponder(r)
				if !strings.Contains(r.Text(), "Rewrite the question") {
					rep.Text += " " + rep.Text
				}
				return rep
			})
			streamed := openaitest.WithBeforeFinish(func(ctx context.Context, r openaitest.Request) {
				if !strings.Contains(r.Text(), "Rewrite the question") {
					waitStreamed(ctx, dc.Load())
				}
			})
			h := start(t, setup{cfg: func(c *bot.Config) { c.EditTimeout = editTimeout }, aiOpts: []openaitest.Option{twice, streamed}})
			dc.Store(h.dc)
			route := routeEditOriginal
			if tc.mention {
				route = routeEdit
			}
			final := func(r *dt.Request) bool { return r.Route == route && isFinal(r) }
			if tc.stall {
				h.dc.StallNext(final, 100, time.Minute)
			} else {
				h.dc.FailNext(final, 100, http.StatusServiceUnavailable, 0)
			}
			channel := generalID
			began := time.Now()
			if tc.mention {
				channel = h.mention(generalID, user(1), question).ID
			} else {
				ask(h, user(1), generalID, question, false)
			}
			m := h.final(channel)
			took := time.Since(began)
			if !cited(m.Content) {
				t.Errorf("answer %q, want the cited answer", m.Content)
			}
			noCursor(t, h, channel)
			if msgs := h.botMessages(channel); len(msgs) != 1 {
				t.Errorf("%d bot messages, want the answer alone: %+v", len(msgs), msgs)
			}
			// The model answers at once; the rest is the retry budget,
			// one edit interval and slack for a loaded machine, still far
			// below the minute the stalled edit would hold it.
			if limit := budget + h.cfg.EditInterval + 20*time.Second; took > limit {
				t.Errorf("answer posted %v after the question, want within %v", took, limit)
			}
			if !strings.Contains(h.logs.String(), "posting the answer as a new message") {
				t.Error("the move is not logged")
			}
			h.noViolations()
		})
	}
}

// TestStalledFirstPost: the first message of a mention's answer, a create,
// stalls; the bot does not know whether it was posted, so it looks, finds
// nothing, and posts it again: the answer arrives once.
func TestStalledFirstPost(t *testing.T) {
	t.Parallel()
	h := start(t, setup{cfg: func(c *bot.Config) { c.EditTimeout = 400 * time.Millisecond }})
	h.dc.StallNext(func(r *dt.Request) bool { return r.Route == routeSend }, 1, time.Minute)
	q := h.mention(generalID, user(1), question)
	m := h.final(q.ID)
	if !cited(m.Content) {
		t.Errorf("answer %q", m.Content)
	}
	noCursor(t, h, q.ID)
	if msgs := h.botMessages(q.ID); len(msgs) != 1 {
		t.Errorf("%d bot messages, want the answer once", len(msgs))
	}
	looked := false
	for _, r := range h.dc.Requests() {
		looked = looked || r.Route == "GET /channels/{channel.id}/messages"
	}
	if !looked {
		t.Error("the bot posted again without looking for the stalled message")
	}
	h.noViolations()
}

// TestStalledLaterPart: the second message of a long answer stalls; it is
// looked for, then posted again, and every paragraph arrives once.
func TestStalledLaterPart(t *testing.T) {
	t.Parallel()
	h := start(t, setup{cfg: func(c *bot.Config) { c.EditTimeout = 400 * time.Millisecond }})
	h.ai.SetResponder(longResponder)
	posts := 0
	h.dc.StallNext(func(r *dt.Request) bool {
		if r.Route != routeSend || isStreaming(r) {
			return false
		}
		posts++
		return posts == 2 // the first part after the one that was streamed
	}, 1, time.Minute)
	q := h.mention(generalID, user(1), question)
	h.final(q.ID)
	checkParagraphs(t, h.botMessages(q.ID))
	noCursor(t, h, q.ID)
	h.noViolations()
}

// TestStalledStreamingEditDoesNotDelayTheAnswer: a streaming edit that
// hangs is dropped when the answer is done; the final edit follows within
// an edit interval instead of waiting out the stall.
func TestStalledStreamingEditDoesNotDelayTheAnswer(t *testing.T) {
	t.Parallel()
	for _, mention := range []bool{false, true} {
		name := "ask"
		if mention {
			name = "mention"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			h, route, askIt := streamingAnswer(t, mention, 3*time.Minute, 30*time.Millisecond)
			h.dc.StallNext(func(r *dt.Request) bool { return r.Route == route && isStreaming(r) }, 1, 5*time.Minute)
			began := time.Now()
			channel := askIt()
			m := h.final(channel)
			// Waiting for the stalled edit would take the 3-minute edit
			// timeout; 45 s leaves room for a loaded machine.
			if took := time.Since(began); took > 45*time.Second {
				t.Errorf("answer final %v after the question with a streaming edit stalled, want well under the 3-minute edit timeout", took)
			}
			if !cited(m.Content) {
				t.Errorf("answer %q", m.Content)
			}
			noCursor(t, h, channel)
			// The stalled edit was dropped, not waited for.
			if _, err := h.dc.WaitFor(h.ctx(), func(r dt.Request) bool { return r.Abandoned }); err != nil {
				for _, r := range h.dc.Requests() {
					t.Logf("%s %d %v %.60s", r.Route, r.Status, r.Abandoned, r.Body)
				}
				t.Fatal("the stalled streaming edit was not dropped")
			}
			h.noViolations()
		})
	}
}

// TestAnswerTimeoutBoundsASlowModel: a model streaming a word every 2 s
// cannot hold the only answer slot past ANSWER_TIMEOUT: the user is told
// the answer took too long, and the next question gets the slot.
func TestAnswerTimeoutBoundsASlowModel(t *testing.T) {
	t.Parallel()
	const limit = 1500 * time.Millisecond
	h := start(t, setup{
		cfg: func(c *bot.Config) {
			c.AnswerTimeout, c.MaxConcurrent = limit, 1
		},
		aiOpts: []openaitest.Option{openaitest.WithChunkDelay(2 * time.Second)},
	})
	began := time.Now()
	first := ask(h, user(1), generalID, question, false)
	second := ask(h, user(2), otherID, "What is the quanzi feature of Alipay?", false)
	for i, in := range []*dt.Interaction{first, second} {
		m := waitContent(h, in, "took longer than")
		if !strings.Contains(m.Content, "1.5 seconds") && !strings.Contains(m.Content, "2 seconds") {
			t.Errorf("question %d: %q, want the limit named", i+1, m.Content)
		}
		if strings.Contains(m.Content, "▌") {
			t.Errorf("question %d keeps the cursor: %q", i+1, m.Content)
		}
	}
	// The second waited for the first's slot: two limits, not two slow
	// answers (each would take over 20 s).
	if took := time.Since(began); took > 2*limit+4*time.Second {
		t.Errorf("both questions done after %v, want about twice ANSWER_TIMEOUT (%v)", took, limit)
	}
	h.noViolations()
}

// TestAnswerTimeoutKeepsWhatWasVerified: a model that writes a cited
// sentence and then stalls is stopped at ANSWER_TIMEOUT; the user gets the
// verified sentence, with its source and buttons, marked as interrupted.
func TestAnswerTimeoutKeepsWhatWasVerified(t *testing.T) {
	t.Parallel()
	const limit = 1500 * time.Millisecond
	h := start(t, setup{cfg: func(c *bot.Config) { c.AnswerTimeout = limit }})
	// Two cited sentences, then silence: the last sentence of a cut reply
	// may be unfinished, so only the first can be kept.
	h.ai.SetResponder(func(r openaitest.Request) openaitest.Reply {
		if strings.Contains(r.Text(), "Rewrite the question") {
			return openaitest.Reply{Text: "en: Alipay micro-loans"}
		}
		one := citingResponder(r).Text
		return openaitest.Reply{Text: one + " " + one}
	})
	h.ai.Push(openaitest.Text("en: Alipay micro-loans"), openaitest.StallStream(1000))
	began := time.Now()
	in := ask(h, user(1), generalID, question, false)
	m := waitFinal(h, in)
	if took := time.Since(began); took < limit || took > limit+5*time.Second {
		t.Errorf("answer final %v after the question, want just after ANSWER_TIMEOUT (%v)", took, limit)
	}
	if !cited(m.Content) || !strings.Contains(m.Content, "interrupted") {
		t.Errorf("answer %q, want the verified sentence with its source, marked as interrupted", m.Content)
	}
	if strings.Contains(m.Content, "▌") {
		t.Errorf("answer keeps the cursor: %q", m.Content)
	}
	h.noViolations()
}

// TestDroppedEditAppliedLateIsOverwritten: a streaming edit that stalls is
// dropped when the answer is done, but Discord may still apply it, after
// the final edit, leaving the answer half-written with its cursor. The bot
// makes the answer final once more after an edit timeout, so the message
// ends as the answer, not as the stale stream.
func TestDroppedEditAppliedLateIsOverwritten(t *testing.T) {
	t.Parallel()
	for _, mention := range []bool{false, true} {
		name := "ask"
		if mention {
			name = "mention"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			h, route, askIt := streamingAnswer(t, mention, 4*time.Second, 2*time.Millisecond)
			// Held past the halt's grace (1 s), so it is dropped, and
			// applied after the final edit, before the bot's second one.
			h.dc.StallLateNext(func(r *dt.Request) bool { return r.Route == route && isStreaming(r) }, 1, 2500*time.Millisecond)
			channel := askIt()
			h.final(channel)
			if _, err := h.dc.WaitFor(h.ctx(), func(r dt.Request) bool { return r.Abandoned && r.Status == http.StatusOK }); err != nil {
				t.Fatalf("the stalled streaming edit was not applied late: %v", err)
			}
			// Then, in the order the server applied them, an edit that is
			// the answer again. Bounded: the bot's comes an edit timeout
			// after the final edit.
			reasserted := func() bool {
				late := false
				for _, r := range h.dc.Requests() {
					switch {
					case r.Abandoned && r.Status == http.StatusOK:
						late = true
					case late && r.Route == route && r.Status == http.StatusOK && !isStreaming(&r):
						return true
					}
				}
				return false
			}
			for deadline := time.Now().Add(60 * time.Second); !reasserted(); {
				if time.Now().After(deadline) {
					for _, r := range h.dc.Requests() {
						t.Logf("%s %d abandoned=%v %.60s", r.Route, r.Status, r.Abandoned, r.Body)
					}
					t.Fatal("no edit made the answer final again after the dropped edit was applied")
				}
				time.Sleep(100 * time.Millisecond)
			}
			noCursor(t, h, channel)
			h.noViolations()
		})
	}
}

// streamingAnswer starts a bot whose model streams a reply that cites at
// once and goes on, with the given edit timeout and delay between chunks.
// It returns the harness, the route the answer's edits take (the
// interaction's original response, or the mention's reply), and askIt,
// which asks the question by /ask or by a mention and returns the
// answer's channel.
func streamingAnswer(t *testing.T, mention bool, editTimeout, chunkDelay time.Duration) (h *harness, route string, askIt func() string) {
	t.Helper()
	h = start(t, setup{
		cfg:    func(c *bot.Config) { c.EditTimeout = editTimeout },
		aiOpts: []openaitest.Option{openaitest.WithChunkDelay(chunkDelay)},
	})
	h.ai.SetResponder(func(r openaitest.Request) openaitest.Reply {
		if strings.Contains(r.Text(), "Rewrite the question") {
			return openaitest.Reply{Text: "en: Alipay micro-loans"}
		}
		var b strings.Builder
		for i := range 5 {
			fmt.Fprintf(&b, "%s %s. ", variedClaim(i), cite(r.Text(), "1"))
		}
		return openaitest.Reply{Text: b.String()}
	})
	route = routeEditOriginal
	if mention {
		route = routeEdit
	}
	askIt = func() string {
		if mention {
			return h.mention(generalID, user(1), question).ID
		}
		ask(h, user(1), generalID, question, false)
		return generalID
	}
	return h, route, askIt
}
