package bot_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"corpusbot/bot"
	"corpusbot/internal/discordtest"
	"corpusbot/internal/openaitest"
	"corpusbot/store"
)

// What users read when the model fails (bot/usertext.go).
const (
	textRateLimited   = "The language model is rate limiting me right now. Please try again in a minute."
	textTimeout       = "The language model took too long to answer. Please try again."
	textUnavailable   = "The language model is unavailable right now. Please try again later."
	textMisconfigured = "I can't reach the language model because of a configuration problem. An admin needs to check the bot's logs."
	textIncomplete    = "The language model's answer was cut off. Please try again."
)

// Discord routes the faults target, as discordtest names them.
const (
	routeCallback     = "POST /interactions/{interaction.id}/{interaction.token}/callback"
	routeEditOriginal = "PATCH /webhooks/{application.id}/{interaction.token}/messages/{message.id}"
	routeFollowup     = "POST /webhooks/{application.id}/{interaction.token}"
	routeSend         = "POST /channels/{channel.id}/messages"
	routeEdit         = "PATCH /channels/{channel.id}/messages/{message.id}"
)

// answerCalls counts the requests the fake LLM received for an answer, as
// opposed to the question's rewrite.
func answerCalls(h *harness) int {
	n := 0
	for _, r := range h.ai.Requests() {
		if !strings.Contains(r.Text(), "Rewrite the question") {
			n++
		}
	}
	return n
}

// logLines returns the bot's log lines at level.
func logLines(h *harness, level string) []string {
	var out []string
	for _, l := range strings.Split(h.logs.String(), "\n") {
		if strings.Contains(l, " level="+level+" ") {
			out = append(out, l)
		}
	}
	return out
}

// cited reports whether content is a cited answer with its Sources list.
func cited(content string) bool {
	return strings.Contains(content, "[1]") && strings.Contains(content, "**Sources**\n[1] ")
}

// paragraphs is a model reply long enough for three or more messages.
func paragraphs(prompt string) string {
	var b strings.Builder
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&b, "Paragraph %02d: the regulators asked Alipay to separate its micro-loan business from payments, and the authors describe the consequences for lenders and users at length %s.\n\n", i, cite(prompt, "1"))
	}
	return b.String()
}

// longResponder answers every question with paragraphs().
func longResponder(r openaitest.Request) openaitest.Reply {
	if strings.Contains(r.Text(), "Rewrite the question") {
		return openaitest.Reply{Text: "en: Alipay micro-loans"}
	}
	return openaitest.Reply{Text: paragraphs(r.Text())}
}

// withoutNotes drops the small print under an answer ("-# …"), whose notes
// quote the opening words of the sentences they are about.
func withoutNotes(content string) string {
	var keep []string
	for _, l := range strings.Split(content, "\n") {
		if !strings.HasPrefix(l, "-# ") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

// checkParagraphs fails unless every paragraph of paragraphs() appears
// exactly once, in order, across msgs.
func checkParagraphs(t *testing.T, msgs []discordtest.Message) {
	t.Helper()
	var all strings.Builder
	for _, m := range msgs {
		all.WriteString(withoutNotes(m.Content) + "\n")
	}
	last := -1
	for i := 1; i <= 30; i++ {
		p := fmt.Sprintf("Paragraph %02d:", i)
		if n := strings.Count(all.String(), p); n != 1 {
			t.Errorf("%q appears %d times across %d messages, want once", p, n, len(msgs))
		}
		at := strings.Index(all.String(), p)
		if at < last {
			t.Errorf("%q is out of order", p)
		}
		last = at
	}
}

// TestFaultLLM runs one question against each failure of the model: a
// fault the client retries ends in the cited answer, one it cannot get past
// in the short text that names it, and nothing breaks Discord's rules.
func TestFaultLLM(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		mention bool // ask by @mention instead of /ask
		retries int  // LLM_MAX_RETRIES
		aiOpts  []openaitest.Option
		steps   []openaitest.Step // what the answer's requests get, in order
		want    string            // what the user reads; "" for the cited answer
		calls   int               // answer requests the fake LLM sees; 0: not checked
		minWait time.Duration     // the answer cannot come sooner
		timeout time.Duration     // LLM_TIMEOUT; 0: the harness's
	}{
		{name: "429 with Retry-After then success", retries: 2,
			steps: []openaitest.Step{openaitest.RateLimited("1")}, calls: 2, minWait: time.Second},
		{name: "429 without Retry-After then success", retries: 2,
			steps: []openaitest.Step{openaitest.RateLimited("")}, calls: 2},
		{name: "500 then success", retries: 2,
			steps: []openaitest.Step{openaitest.Status(http.StatusInternalServerError, "internal error")}, calls: 2},
		{name: "503 twice then success", retries: 2,
			steps: []openaitest.Step{openaitest.Status(http.StatusServiceUnavailable, "overloaded"), openaitest.Status(http.StatusServiceUnavailable, "overloaded")}, calls: 3},
		{name: "stream cut before any text then success", retries: 2,
			steps: []openaitest.Step{openaitest.CutStream(0)}, calls: 2},
		{name: "429 exhausted", retries: 1,
			steps: []openaitest.Step{openaitest.RateLimited("0"), openaitest.RateLimited("0")}, want: textRateLimited, calls: 2},
		{name: "500 exhausted", retries: 1,
			steps: []openaitest.Step{openaitest.Status(http.StatusInternalServerError, "internal error"), openaitest.Status(http.StatusInternalServerError, "internal error")}, want: textUnavailable, calls: 2},
		{name: "503 exhausted by mention", mention: true, retries: 1,
			steps: []openaitest.Step{openaitest.Status(http.StatusServiceUnavailable, "overloaded"), openaitest.Status(http.StatusServiceUnavailable, "overloaded")}, want: textUnavailable, calls: 2},
		{name: "hang past the LLM timeout", retries: 2, timeout: 5 * time.Second,
			steps: []openaitest.Step{openaitest.Hang()}, want: textTimeout, calls: 1},
		// Text has reached the user: a retry would repeat it.
		{name: "stream cut mid-answer", retries: 2,
			steps: []openaitest.Step{openaitest.CutStream(3)}, want: textIncomplete, calls: 1},
		{name: "stream cut mid-answer by mention", mention: true, retries: 2,
			steps: []openaitest.Step{openaitest.CutStream(3)}, want: textIncomplete, calls: 1},
		{name: "malformed JSON", retries: 2,
			steps: []openaitest.Step{openaitest.Malformed()}, want: textUnavailable},
		// Every request is refused, the rewrite's too: nothing is pushed.
		// The rejected rewrite ends the question: no answer call at all.
		{name: "401 bad key", retries: 2,
			aiOpts: []openaitest.Option{openaitest.WithAPIKey("the-right-key")}, want: textMisconfigured, calls: 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := start(t, setup{retries: tc.retries, aiOpts: tc.aiOpts, llmTimeout: tc.timeout})
			if len(tc.steps) > 0 {
				h.ai.Push(openaitest.Text("en: Alipay micro-loans")) // the rewrite
				h.ai.Push(tc.steps...)
			}
			began := time.Now()
			var got discordtest.Message
			var answerMsgs func() []discordtest.Message
			if tc.mention {
				q := h.mention(generalID, user(1), question)
				answerMsgs = func() []discordtest.Message { return h.botMessages(q.ID) }
				if tc.want == "" {
					got = h.final(q.ID)
				} else {
					m, err := h.dc.WaitMessage(h.ctx(), q.ID, func(m discordtest.Message) bool {
						return m.Author.ID == h.dc.BotUser().ID && strings.Contains(m.Content, tc.want)
					})
					if err != nil {
						t.Fatalf("no %q in the thread: %v; messages %+v", tc.want, err, h.dc.Messages(q.ID))
					}
					got = m
				}
			} else {
				in := ask(h, user(1), generalID, question, false)
				answerMsgs = func() []discordtest.Message { return h.botMessages(generalID) }
				if tc.want == "" {
					got = waitFinal(h, in)
				} else {
					got = waitContent(h, in, tc.want)
				}
			}
			took := time.Since(began)

			if tc.want == "" {
				if !cited(got.Content) {
					t.Errorf("answer %q, want the cited answer", got.Content)
				}
			} else {
				if got.Content != tc.want || len(got.Components) > 0 {
					t.Errorf("user sees %q with %d component rows, want exactly %q and no buttons", got.Content, len(got.Components), tc.want)
				}
				// The text streamed before a cut is replaced, not left
				// beside the error as if it were an answer.
				if msgs := answerMsgs(); len(msgs) != 1 {
					t.Errorf("bot left %d messages, want only the error: %+v", len(msgs), msgs)
				}
			}
			if tc.calls > 0 {
				if n := answerCalls(h); n != tc.calls {
					t.Errorf("fake LLM got %d requests for the answer, want %d", n, tc.calls)
				}
			}
			if took < tc.minWait {
				t.Errorf("answer after %v, want no sooner than Retry-After's %v", took, tc.minWait)
			}
			if n := h.ai.Pending(); n != 0 {
				t.Errorf("%d scripted LLM steps left unused", n)
			}
			h.noViolations()
		})
	}
}

// TestFaultLLMBadKeyLogsOnce: with a rejected API key the operator gets one
// ERROR line that says so, and a second question does not change the count
// of requests per question: no retry storm.
func TestFaultLLMBadKeyLogsOnce(t *testing.T) {
	t.Parallel()
	h := start(t, setup{retries: 3, aiOpts: []openaitest.Option{openaitest.WithAPIKey("the-right-key")}})
	waitContent(h, ask(h, user(1), generalID, question, false), textMisconfigured)
	// Shut down so that every log line is written.
	h.stop()
	errs := logLines(h, "ERROR")
	if len(errs) != 1 {
		t.Fatalf("%d ERROR lines, want 1:\n%s", len(errs), strings.Join(errs, "\n"))
	}
	for _, want := range []string{"llm rejected the credentials", "status 401"} {
		if !strings.Contains(errs[0], want) {
			t.Errorf("ERROR line %q does not say %q", errs[0], want)
		}
	}
	if strings.Contains(h.logs.String(), "the-right-key") {
		t.Errorf("the API key appears in the log")
	}
	// One request in all, however many retries are configured: the pipeline
	// stops at the rejected rewrite rather than asking again for the answer.
	if all := h.ai.Calls(); all != 1 {
		t.Errorf("fake LLM got %d requests, want 1", all)
	}
	h.noViolations()
}

// TestFaultDiscordREST makes Discord's REST API fail on the way out:
// 429 (discordgo waits and retries), 502 (discordgo retries at once), 500
// and 503 (the bot retries a final answer or error a few times). The answer
// arrives whole, once.
func TestFaultDiscordREST(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name       string
		mention    bool   // ask by @mention (the answer goes in a thread)
		long       bool   // an answer of three or more messages
		llmDown    bool   // the model fails: the fault hits the error text
		route      string // the route that fails
		final      bool   // only the message with the buttons (or the error text) fails
		status, n  int
		retryAfter float64
		lost       bool // Discord keeps failing: the answer is lost and the log says so
	}{
		{name: "ask acknowledgement 429", route: routeCallback, status: 429, n: 1, retryAfter: 0.5},
		{name: "ask final edit 429", route: routeEditOriginal, final: true, status: 429, n: 1, retryAfter: 0.3},
		{name: "ask final edit 502 twice", route: routeEditOriginal, final: true, status: 502, n: 2},
		{name: "ask final edit 500", route: routeEditOriginal, final: true, status: 500, n: 1},
		{name: "ask final edit 503 twice", route: routeEditOriginal, final: true, status: 503, n: 2},
		{name: "ask last follow-up 500", long: true, route: routeFollowup, final: true, status: 500, n: 1},
		{name: "ask error text 503", llmDown: true, route: routeEditOriginal, final: true, status: 503, n: 1},
		{name: "mention final edit 500", mention: true, route: routeEdit, final: true, status: 500, n: 1},
		{name: "mention last part 503", mention: true, long: true, route: routeSend, final: true, status: 503, n: 1},
		{name: "mention last part 429", mention: true, long: true, route: routeSend, final: true, status: 429, n: 1, retryAfter: 0.3},
		{name: "mention first post 500", mention: true, route: routeSend, status: 500, n: 1},
		{name: "ask final edit 500 persists", route: routeEditOriginal, final: true, status: 500, n: 1000, lost: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := start(t, setup{retries: 1})
			switch {
			case tc.long:
				h.ai.SetResponder(longResponder)
			case tc.llmDown:
				h.ai.Push(openaitest.Text("en: Alipay micro-loans"),
					openaitest.Status(http.StatusServiceUnavailable, "overloaded"), openaitest.Status(http.StatusServiceUnavailable, "overloaded"))
			}
			h.dc.FailNext(func(r *discordtest.Request) bool {
				if r.Route != tc.route {
					return false
				}
				if !tc.final {
					return true
				}
				return strings.Contains(string(r.Body), ":v:") || strings.Contains(string(r.Body), "unavailable right now")
			}, tc.n, tc.status, tc.retryAfter)

			var (
				in      *discordtest.Interaction
				channel = generalID
			)
			if tc.mention {
				channel = h.mention(generalID, user(1), question).ID // the thread
			} else {
				in = ask(h, user(1), generalID, question, false)
			}

			failed := func() int {
				n := 0
				for _, r := range h.dc.Requests() {
					if r.Route == tc.route && r.Status == tc.status {
						n++
					}
				}
				return n
			}
			if tc.lost {
				// The streamed message cannot be finished: the answer is
				// posted as a follow-up, the stale message deleted, and no
				// cursor is left anywhere.
				m, err := h.dc.WaitMessage(h.ctx(), generalID, func(m discordtest.Message) bool {
					return m.Author.ID == h.dc.BotUser().ID && hasButton(m.Components, ":v:")
				})
				if err != nil {
					t.Fatalf("no answer after the final edit kept failing: %v; messages %+v", err, h.dc.Messages(generalID))
				}
				if !cited(m.Content) {
					t.Errorf("answer %q, want the cited answer", m.Content)
				}
				// The half-written message is deleted (or, when nothing was
				// streamed yet, the follow-up took its place).
				noCursor(t, h, generalID)
				if msgs := h.botMessages(generalID); len(msgs) != 1 {
					t.Errorf("%d bot messages, want the answer alone", len(msgs))
				}
				if n := failed(); n != 4 {
					t.Errorf("%d failed attempts to edit, want 4 before posting anew", n)
				}
				h.noViolations()
				return
			}

			switch {
			case tc.llmDown:
				if m := waitContent(h, in, textUnavailable); m.Content != textUnavailable {
					t.Errorf("error text %q", m.Content)
				}
			case tc.long:
				h.final(channel)
				checkParagraphs(t, h.botMessages(channel))
			case tc.mention:
				if m := h.final(channel); !cited(m.Content) {
					t.Errorf("answer %q, want the cited answer", m.Content)
				}
				if msgs := h.botMessages(channel); len(msgs) != 1 {
					t.Errorf("%d bot messages in the thread, want the answer once: %+v", len(msgs), msgs)
				}
			default:
				if m := waitFinal(h, in); !cited(m.Content) {
					t.Errorf("answer %q, want the cited answer", m.Content)
				}
			}
			if in != nil {
				if at, ok := in.Acked(); !ok || at > 3*time.Second {
					t.Errorf("acknowledged after %v (%v), want within 3 s", at, ok)
				}
			}
			if n := failed(); n != tc.n {
				t.Errorf("%d requests failed with %d, want the fault hit %d times", n, tc.status, tc.n)
			}
			h.noViolations()
		})
	}
}

// TestFaultGateway breaks the gateway connection in each way Discord can,
// and asks while the bot is away: a mention and an /ask are answered, once,
// after the bot resumes or identifies again.
func TestFaultGateway(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name           string
		fault          func(*discordtest.Server)
		identifies     int // IDENTIFYs in all
		resumesAtLeast int
	}{
		{"dropped connection", (*discordtest.Server).DropConnection, 1, 1},
		{"op 7 reconnect", (*discordtest.Server).Reconnect, 1, 1},
		{"op 9 invalid session", (*discordtest.Server).InvalidateSession, 2, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := start(t, setup{})
			if err := h.dc.WaitReady(h.ctx()); err != nil {
				t.Fatal(err)
			}
			tc.fault(h.dc)
			q := h.mention(generalID, user(1), question)
			in := ask(h, user(2), otherID, question, false)

			if m := h.final(q.ID); !cited(m.Content) {
				t.Errorf("mention answered %q", m.Content)
			}
			if m := waitFinal(h, in); !cited(m.Content) {
				t.Errorf("/ask answered %q", m.Content)
			}
			if at, ok := in.Acked(); !ok || at > 3*time.Second {
				t.Errorf("/ask acknowledged after %v (%v), want within 3 s", at, ok)
			}
			if got := h.dc.Identifies(); got != tc.identifies {
				t.Errorf("identifies %d, want %d", got, tc.identifies)
			}
			if got := h.dc.Resumes(); got < tc.resumesAtLeast {
				t.Errorf("resumes %d, want at least %d", got, tc.resumesAtLeast)
			}
			// Answered once: one thread message, one acknowledgement.
			if msgs := h.botMessages(q.ID); len(msgs) != 1 {
				t.Errorf("%d bot messages in the thread, want 1", len(msgs))
			}
			if n := len(h.botMessages(otherID)); n != 1 {
				t.Errorf("%d bot messages in #other, want the /ask answer only", n)
			}
			// The bot is still listening on the new connection.
			q2 := h.mention(generalID, user(3), "What is the quanzi feature of Alipay?")
			h.final(q2.ID)
			h.noViolations()
		})
	}
}

// briefingPoints is how many bullets the long briefing has.
const briefingPoints = 24

// longBriefing answers a briefing prompt with briefingPoints cited bullets,
// enough for three or more messages, once release is closed.
func longBriefing(release <-chan struct{}, briefings *atomic.Int32) func(openaitest.Request) openaitest.Reply {
	return func(r openaitest.Request) openaitest.Reply {
		text := r.Text()
		if !strings.Contains(text, "Write a team briefing") {
			return citingResponder(r)
		}
		briefings.Add(1)
		select {
		case <-release:
		case <-time.After(20 * time.Second):
		}
		ps := passageRE.FindAllStringSubmatch(text, -1)
		var b strings.Builder
		b.WriteString("**Payments and regulation**\n")
		for i := range briefingPoints {
			p := ps[i%len(ps)]
			fmt.Fprintf(&b, "- Point %02d: according to %s the regulators and the companies changed course on lending, payments and the data they hold, which the team should follow closely this week %s.\n", i+1, p[2], cite(text, p[1]))
		}
		return openaitest.Reply{Text: b.String()}
	}
}

// TestFaultBriefingKilledMidway stops the bot in the middle of a daily
// briefing of several messages; a second bot on the same DATA_DIR finishes
// it without losing or repeating any point.
func TestFaultBriefingKilledMidway(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		// window: the store dies while Discord accepts part 1, before the
		// bot can record it. Otherwise part 2 cannot be posted, and the
		// bot is stopped (closing the store first when closeStore).
		window, closeStore bool
	}{
		{name: "Run cancelled after part 1"},
		{name: "store closed after part 1", closeStore: true},
		{name: "store closed while part 1 is posted", window: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			release := make(chan struct{})
			var briefings atomic.Int32
			// A slot a minute ago is within the catch-up window.
			slot := time.Now().UTC().Add(-time.Minute).Format("15:04")
			h := start(t, setup{
				cfg: func(c *bot.Config) {
					c.BriefingChannelID, c.BriefingTime, c.BriefingTZ = otherID, slot, time.UTC
					c.ShutdownGrace = 300 * time.Millisecond
				},
				aiOpts: []openaitest.Option{openaitest.WithResponder(longBriefing(release, &briefings))},
			})
			var once sync.Once
			t.Cleanup(func() { once.Do(func() { close(release) }) })

			isPart := func(r *discordtest.Request) bool {
				return r.Route == routeSend && strings.Contains(r.Path, "/channels/"+otherID+"/")
			}
			isFirst := func(r *discordtest.Request) bool { return strings.Contains(string(r.Body), "**Briefing for ") }
			var down atomic.Bool // Discord refuses part 2 and later
			down.Store(true)
			st := h.st
			var closed sync.Once
			h.dc.FailNext(func(r *discordtest.Request) bool {
				if !isPart(r) {
					return false
				}
				if tc.window && isFirst(r) {
					// The process dies as Discord accepts part 1.
					closed.Do(func() { st.Close() })
					return false
				}
				return !tc.window && down.Load() && !isFirst(r)
			}, 1<<20, http.StatusServiceUnavailable, 0)
			once.Do(func() { close(release) })

			if tc.window {
				if _, err := h.dc.WaitMessage(h.ctx(), otherID, func(m discordtest.Message) bool { return m.Author.ID == h.dc.BotUser().ID }); err != nil {
					t.Fatal(err)
				}
			} else {
				h.waitFor(func(r discordtest.Request) bool { return isPart(&r) && r.Status == http.StatusServiceUnavailable })
				if tc.closeStore {
					st.Close()
				}
			}
			h.stop()
			if n := len(h.botMessages(otherID)); n != 1 {
				t.Fatalf("%d messages in the briefing channel after the kill, want part 1 only", n)
			}
			// The first process left a plan and, unless it died inside the
			// window, part 1 recorded as posted.
			checkLeft := func() {
				ctx := context.Background()
				st, err := store.Open(ctx, store.Config{Dir: h.dir})
				if err != nil {
					t.Fatal(err)
				}
				defer st.Close()
				pending, err := st.PendingBriefings(ctx, otherID)
				if err != nil || len(pending) != 1 {
					t.Fatalf("pending briefings %+v (%v), want 1", pending, err)
				}
				plan, _, err := st.Plan(ctx, pending[0].ID)
				if err != nil || len(plan) < 3 {
					t.Fatalf("plan of %d parts (%v), want 3 or more", len(plan), err)
				}
				parts, err := st.PostedParts(ctx, pending[0].ID)
				want := 1
				if tc.window {
					want = 0
				}
				if err != nil || len(parts) != want {
					t.Fatalf("%d parts recorded (%v), want %d", len(parts), err, want)
				}
			}
			checkLeft()
			down.Store(false)

			h.cfg.ShutdownGrace = 5 * time.Second // let it finish the briefing
			h.run()                               // a second bot on the same DATA_DIR
			h.final(otherID)
			h.stop()
			// What the second process left in DATA_DIR.
			ctx := context.Background()
			st2, err := store.Open(ctx, store.Config{Dir: h.dir})
			if err != nil {
				t.Fatal(err)
			}
			defer st2.Close()
			if left, err := st2.PendingBriefings(ctx, otherID); err != nil || len(left) != 0 {
				t.Errorf("pending briefings %+v (%v), want none", left, err)
			}
			msgs := h.botMessages(otherID)
			if len(msgs) < 3 {
				t.Fatalf("%d messages, want a briefing of three or more", len(msgs))
			}
			var all strings.Builder
			for _, m := range msgs {
				all.WriteString(withoutNotes(m.Content) + "\n")
			}
			for i := 1; i <= briefingPoints; i++ {
				p := fmt.Sprintf("Point %02d:", i)
				if n := strings.Count(all.String(), p); n != 1 {
					t.Errorf("%q posted %d times, want once", p, n)
				}
			}
			if n := strings.Count(all.String(), "**Briefing for <t:"); n != 1 {
				t.Errorf("the briefing's header posted %d times, want once", n)
			}
			// The plan is reused, not written again.
			if n := briefings.Load(); n != 1 {
				t.Errorf("the model wrote %d briefings, want 1", n)
			}
			// The store holds the plan, each part with the message that
			// carries it, and every point once.
			slotAt, ok, err := st2.LastBriefing(ctx, otherID)
			if err != nil || !ok {
				t.Fatalf("no briefing recorded (%v)", err)
			}
			id, state, err := st2.ClaimBriefing(ctx, otherID, slotAt)
			if err != nil || state != "posted" {
				t.Fatalf("briefing state %q (%v), want posted", state, err)
			}
			plan, _, err := st2.Plan(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			parts, err := st2.PostedParts(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if len(plan) != len(msgs) || len(parts) != len(msgs) {
				t.Fatalf("%d planned and %d recorded parts for %d messages", len(plan), len(parts), len(msgs))
			}
			for i, m := range msgs {
				if parts[i].N != i || parts[i].MessageID != m.ID || strings.TrimSpace(plan[i]) != strings.TrimSpace(m.Content) {
					t.Errorf("part %d recorded as %d in message %s, posted in %s; planned text matches: %v",
						i, parts[i].N, parts[i].MessageID, m.ID, strings.TrimSpace(plan[i]) == strings.TrimSpace(m.Content))
				}
			}
			keys, err := st2.PostedPointKeys(ctx, otherID)
			if err != nil || len(keys) != briefingPoints {
				t.Errorf("%d point keys recorded (%v), want %d", len(keys), err, briefingPoints)
			}
			h.noViolations()
		})
	}
}
