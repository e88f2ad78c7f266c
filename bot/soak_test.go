package bot_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"corpusbot/bot"
	"corpusbot/internal/discordtest"
	"corpusbot/internal/openaitest"
)

// soakQuestions are asked in turn; each question is made unique with its
// number, so every one costs a rewrite and an answer.
var soakQuestions = []string{
	question,
	"What is the quanzi feature of Alipay?",
	"What did Ant Group say about the regulators?",
	"How many users does Alipay have?",
	"Why did Alibaba and Tencent bury the hatchet?",
	"What is the Internet Plus phenomenon?",
	"Which regulators targeted Alipay?",
	"What happened to Ant Group's listing?",
}

// soakQ is one question of the soak test and what became of it.
type soakQ struct {
	user    int
	mention bool
	sent    time.Time
	in      *discordtest.Interaction // /ask
	msg     discordtest.Message      // @mention

	outcome string        // answered, cooldown, busy, or what the user saw instead
	ack     time.Duration // /ask: acknowledgement, from dispatch
	took    time.Duration // /ask: final answer, from dispatch
}

// TestSoak puts 1,000 questions from 50 users through the fake Discord,
// half /ask and half @mentions, against a model that takes 50–800 ms.
// Every interaction must be acknowledged within Discord's 3 s, every
// question answered or refused with the reason, the per-user cooldown
// enforced, memory bounded, and no goroutine left once Run returns.
//
//	CORPUSBOT_SOAK=1 go test -race -run TestSoak -v ./bot/
func TestSoak(t *testing.T) {
	if os.Getenv("CORPUSBOT_SOAK") != "1" {
		t.Skip("soak test: set CORPUSBOT_SOAK=1 to run it")
	}
	const (
		users         = 50
		perUser       = 20
		cooldown      = 2 * time.Second
		maxConcurrent = 8
		maxQueue      = 16
		seed          = 20240611
		// How far from the cooldown a gap must be for the outcome to be
		// certain: the bot sees a question a little after it is sent.
		slack = 500 * time.Millisecond
		// Bounds checked at the end.
		maxHeap = 256 << 20
	)
	goroutinesBefore := runtime.NumGoroutine()

	// The model: latency drawn from a seeded generator, 50–800 ms for an
	// answer, 10–50 ms for a rewrite.
	var (
		rngMu sync.Mutex
		rng   = rand.New(rand.NewPCG(seed, 1))
	)
	draw := func(lo, hi time.Duration) time.Duration {
		rngMu.Lock()
		defer rngMu.Unlock()
		return lo + time.Duration(rng.Int64N(int64(hi-lo)+1))
	}
	responder := func(r openaitest.Request) openaitest.Reply {
		if strings.Contains(r.Text(), "Rewrite the question") {
			time.Sleep(draw(10*time.Millisecond, 50*time.Millisecond)) // the model's latency
		} else {
			time.Sleep(draw(50*time.Millisecond, 800*time.Millisecond))
		}
		return citingResponder(r)
	}

	// Memory: HeapInuse every 100 ms.
	var peakHeap atomic.Uint64
	stopSampling := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peakHeap.Load() {
				peakHeap.Store(ms.HeapInuse)
			}
			select {
			case <-stopSampling:
				return
			case <-tick.C:
			}
		}
	}()
	defer func() {
		select {
		case <-stopSampling:
		default:
			close(stopSampling)
		}
		<-sampled
	}()

	h := start(t, setup{
		retries: 2,
		aiOpts:  []openaitest.Option{openaitest.WithResponder(responder)},
		cfg: func(c *bot.Config) {
			c.UserRate, c.UserBurst = cooldown, 1
			c.MaxConcurrent, c.MaxQueue = maxConcurrent, maxQueue
			c.EditInterval = time.Second // production's
		},
	})

	// Each user asks perUser questions. Most gaps are past the cooldown;
	// about one in seven is inside it and must be refused.
	began := time.Now()
	qs := make([][]*soakQ, users)
	var wg sync.WaitGroup
	for u := range users {
		wg.Go(func() {
			r := rand.New(rand.NewPCG(seed, uint64(100+u)))
			time.Sleep(time.Duration(u) * 10 * time.Millisecond) // a burst: all users within half a second
			for k := range perUser {
				if k > 0 {
					gap := 2600*time.Millisecond + time.Duration(r.Int64N(int64(time.Second)))
					if r.IntN(7) == 0 {
						gap = 300*time.Millisecond + time.Duration(r.Int64N(int64(900*time.Millisecond)))
					}
					time.Sleep(gap) // the user's pace, not a wait for the bot
				}
				n := u*perUser + k
				text := fmt.Sprintf("%s (#%d)", soakQuestions[n%len(soakQuestions)], n)
				q := &soakQ{user: u, mention: r.IntN(2) == 0, sent: time.Now()}
				if q.mention {
					q.msg = h.mention(generalID, user(u), text)
				} else {
					q.in = ask(h, user(u), generalID, text, false)
				}
				qs[u] = append(qs[u], q)
			}
		})
	}
	wg.Wait()
	sent := time.Since(began)

	// Outcomes. One deadline for all: a question still open then has failed.
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	const threadRoute = "POST /channels/{channel.id}/messages/{message.id}/threads"
	refusal := func(content string) string {
		switch {
		case strings.Contains(content, "Please wait"):
			return "cooldown"
		case strings.Contains(content, "too many questions"):
			return "busy"
		}
		return content
	}
	for _, uq := range qs {
		for _, q := range uq {
			if !q.mention {
				r, err := q.in.WaitResponse(ctx)
				switch {
				case err != nil:
					q.outcome = "no acknowledgement: " + err.Error()
					continue
				case r.Type == 4:
					q.outcome = refusal(r.Content)
				default:
					m, err := q.in.WaitOriginal(ctx, func(m discordtest.Message) bool { return hasButton(m.Components, ":v:") })
					if err != nil {
						m, _ = q.in.Original()
						q.outcome = "not answered: " + m.Content
					} else {
						q.outcome = "answered"
					}
					for _, resp := range q.in.Responses() {
						if hasButton(resp.Components, ":v:") {
							q.took = resp.At
							break
						}
					}
				}
				q.ack, _ = q.in.Acked()
				continue
			}
			// A mention is refused with a reply in the channel, or
			// admitted and answered in a thread of its own.
			ref := `"message_id":"` + q.msg.ID + `"`
			r, err := h.dc.WaitFor(ctx, func(r discordtest.Request) bool {
				return r.Route == threadRoute && strings.Contains(r.Path, "/messages/"+q.msg.ID+"/") ||
					r.Route == routeSend && strings.Contains(r.Path, "/channels/"+generalID+"/") && strings.Contains(string(r.Body), ref)
			})
			switch {
			case err != nil:
				q.outcome = "not handled: " + err.Error()
			case r.Route == threadRoute:
				if _, err := h.dc.WaitMessage(ctx, q.msg.ID, func(m discordtest.Message) bool { return hasButton(m.Components, ":v:") }); err != nil {
					q.outcome = fmt.Sprintf("not answered: %+v", h.botMessages(q.msg.ID))
				} else {
					q.outcome = "answered"
				}
			default:
				var body struct {
					Content string `json:"content"`
				}
				if m, ok := r.JSON.(map[string]any); ok {
					body.Content, _ = m["content"].(string)
				}
				q.outcome = refusal(body.Content)
			}
		}
	}
	wall := time.Since(began)
	h.noViolations()

	// Tally, and check the cooldown question by question: a question sent
	// well inside the window after the user's last admitted question is
	// refused, one sent well after it is not. Busy questions count as
	// admitted: the cooldown is taken before the queue.
	counts := map[string]int{}
	var acks, tooks []time.Duration
	for _, uq := range qs {
		var last time.Time
		for i, q := range uq {
			key := q.outcome
			if key != "answered" && key != "cooldown" && key != "busy" {
				t.Errorf("user %d question %d (mention %v): %s", q.user, i, q.mention, q.outcome)
				key = "other"
			}
			kind := "ask"
			if q.mention {
				kind = "mention"
			}
			counts[key]++
			counts[kind+" "+key]++
			if !q.mention {
				acks = append(acks, q.ack)
				if q.ack > 3*time.Second {
					t.Errorf("user %d question %d acknowledged after %v", q.user, i, q.ack)
				}
				if q.took > 0 {
					tooks = append(tooks, q.took)
				}
			}
			gap := q.sent.Sub(last)
			switch {
			case last.IsZero():
			case key == "cooldown" && gap > cooldown+slack:
				t.Errorf("user %d question %d refused for cooldown %v after the last admitted one", q.user, i, gap)
			case key != "cooldown" && gap < cooldown-slack:
				t.Errorf("user %d question %d admitted (%s) only %v after the last admitted one", q.user, i, key, gap)
			}
			if key != "cooldown" {
				last = q.sent
			}
		}
	}
	if total := counts["answered"] + counts["cooldown"] + counts["busy"]; total != users*perUser {
		t.Errorf("%d questions answered or refused, want %d", total, users*perUser)
	}
	if counts["cooldown"] == 0 {
		t.Errorf("no question was refused for the cooldown")
	}

	// Shut down and look for leftovers.
	h.stop()
	h.llmTr.CloseIdleConnections() // the LLM client is not the bot's to close
	if err := settle(10 * time.Second); err != nil {
		t.Error(err)
	}
	goroutinesAfter := runtime.NumGoroutine()
	// The fakes still run (their listeners, until the test ends) and so
	// does the heap sampler.
	const fakes = 6
	for deadline := time.Now().Add(10 * time.Second); goroutinesAfter > goroutinesBefore+fakes && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
		goroutinesAfter = runtime.NumGoroutine()
	}
	if goroutinesAfter > goroutinesBefore+fakes {
		buf := make([]byte, 1<<20)
		t.Errorf("%d goroutines after Run returned, %d before:\n%s", goroutinesAfter, goroutinesBefore, buf[:runtime.Stack(buf, true)])
	}
	close(stopSampling)
	<-sampled
	if peak := peakHeap.Load(); peak > maxHeap {
		t.Errorf("peak heap in use %d MiB, want at most %d MiB", peak>>20, maxHeap>>20)
	}

	pct := func(ds []time.Duration, p float64) time.Duration {
		if len(ds) == 0 {
			return 0
		}
		s := slices.Clone(ds)
		slices.Sort(s)
		return s[min(len(s)-1, int(float64(len(s))*p))]
	}
	t.Logf("soak: %d questions from %d users (%d /ask, %d mentions) sent in %v; all settled after %v",
		users*perUser, users, counts["ask answered"]+counts["ask cooldown"]+counts["ask busy"],
		counts["mention answered"]+counts["mention cooldown"]+counts["mention busy"], sent.Round(time.Millisecond), wall.Round(time.Millisecond))
	t.Logf("soak: answered %d, cooldown %d, busy %d, other %d (ask %d/%d/%d, mention %d/%d/%d)",
		counts["answered"], counts["cooldown"], counts["busy"], counts["other"],
		counts["ask answered"], counts["ask cooldown"], counts["ask busy"],
		counts["mention answered"], counts["mention cooldown"], counts["mention busy"])
	t.Logf("soak: /ask acknowledged max %v, p99 %v, p50 %v; answered (final edit) p50 %v, p99 %v, max %v",
		pct(acks, 1).Round(time.Millisecond), pct(acks, 0.99).Round(time.Millisecond), pct(acks, 0.5).Round(time.Millisecond),
		pct(tooks, 0.5).Round(time.Millisecond), pct(tooks, 0.99).Round(time.Millisecond), pct(tooks, 1).Round(time.Millisecond))
	t.Logf("soak: peak HeapInuse %.1f MiB; goroutines %d before, %d after Run returned; LLM requests %d; Discord requests %d; violations %d",
		float64(peakHeap.Load())/(1<<20), goroutinesBefore, goroutinesAfter, h.ai.Calls(), len(h.dc.Requests()), len(h.dc.Violations()))
}
