package bot_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	dt "corpusbot/internal/discordtest"
	"corpusbot/internal/openaitest"
)

// backWithin is how soon after a storm the bot must be answering again.
const backWithin = 10 * time.Second

// storm is a gateway fault, and what the server does at the worst moment
// of the recovery it causes.
type storm struct {
	name      string
	trigger   dt.GatewayFault   // applied to the live connection
	at        dt.Moment         // then, at this moment of the handshake,
	faults    []dt.GatewayFault // these, one each time it comes
	midAnswer bool              // trigger while an answer is streaming
}

var storms = []storm{
	{name: "op 7 right after READY", trigger: dt.Op9(false), at: dt.AfterReady, faults: []dt.GatewayFault{dt.Op7()}},
	{name: "op 9 right after READY", trigger: dt.Op9(false), at: dt.AfterReady, faults: []dt.GatewayFault{dt.Op9(false)}},
	{name: "resumable op 9 right after READY", trigger: dt.Op9(false), at: dt.AfterReady, faults: []dt.GatewayFault{dt.Op9(true)}},
	{name: "op 7 twice during RESUME", trigger: dt.Drop(), at: dt.OnResume, faults: []dt.GatewayFault{dt.Op7(), dt.Op7()}},
	{name: "op 9 during RESUME", trigger: dt.Drop(), at: dt.OnResume, faults: []dt.GatewayFault{dt.Op9(false)}},
	{name: "close 4000 during RESUME", trigger: dt.Op7(), at: dt.OnResume, faults: []dt.GatewayFault{dt.Close(4000)}},
	{name: "op 7 then op 9 right after RESUMED", trigger: dt.Op7(), at: dt.AfterResumed, faults: []dt.GatewayFault{dt.Op7(), dt.Op9(true)}},
	{name: "close 4009 right after RESUMED", trigger: dt.Drop(), at: dt.AfterResumed, faults: []dt.GatewayFault{dt.Close(4009)}},
	{name: "stalled socket", trigger: dt.Stall()},
	{name: "op 7 mid-answer", trigger: dt.Op7(), midAnswer: true},
	{name: "op 9 mid-answer", trigger: dt.Op9(false), midAnswer: true},
	{name: "close 4007 mid-answer", trigger: dt.Close(4007), midAnswer: true},
	{name: "dropped connection mid-answer", trigger: dt.Drop(), midAnswer: true},
}

// stormHarness is a bot whose answers stream for a while and whose
// heartbeat is short enough to notice a stalled socket quickly.
func stormHarness(t *testing.T, gateway [3]time.Duration) *harness {
	return start(t, setup{
		gateway: gateway,
		dcOpts:  []dt.Option{dt.WithHeartbeatInterval(400 * time.Millisecond)},
		aiOpts:  []openaitest.Option{openaitest.WithChunkDelay(20 * time.Millisecond)},
	})
}

// TestGatewayStorms runs op 7, op 9, close code, dropped and stalled
// connection storms at the worst moments (right after READY, during RESUME,
// right after RESUMED, mid-answer) 50 times against one running bot: it is
// back and answering within 10 s each time, identifies no more often than
// its identify interval allows, and answers every message and /ask exactly
// once, including those sent while it was away. The identify interval is
// scaled down to 300 ms to keep the test short;
// TestGatewayIdentifiesAtMostOncePer5s checks Discord's real 5 s.
func TestGatewayStorms(t *testing.T) {
	t.Parallel()
	const rounds = 50
	const identifyInterval = 300 * time.Millisecond
	h := stormHarness(t, [3]time.Duration{identifyInterval, 300 * time.Millisecond, 20 * time.Millisecond})
	var slowest time.Duration
	questions := 0
	for i := range rounds {
		st := storms[i%len(storms)]
		questions++
		if err := h.dc.WaitReady(h.ctx()); err != nil {
			t.Fatalf("round %d: not connected before the storm: %v", i, err)
		}
		if st.faults != nil {
			h.dc.InjectAt(st.at, st.faults...)
		}
		var inFlight dt.Message
		if st.midAnswer {
			questions++
			inFlight = h.mention(generalID, user(1000+i), fmt.Sprintf("%s (in flight %d)", question, i))
			// The answer is streaming once its first text is posted.
			if _, err := h.dc.WaitMessage(h.ctx(), inFlight.ID, func(m dt.Message) bool {
				return m.Author.ID == h.dc.BotUser().ID
			}); err != nil {
				t.Fatalf("round %d: the answer never started: %v", i, err)
			}
		}
		began := time.Now()
		h.dc.Inject(st.trigger)
		q := h.mention(generalID, user(i), fmt.Sprintf("%s (storm %d)", question, i))
		in := ask(h, user(2000+i), otherID, fmt.Sprintf("%s (ask %d)", question, i), false)

		answered := h.final(q.ID)
		took := time.Since(began)
		slowest = max(slowest, took)
		if took > backWithin {
			t.Errorf("round %d (%s): answered %v after the storm began, want within %v", i, st.name, took.Round(time.Millisecond), backWithin)
		}
		if !cited(answered.Content) {
			t.Errorf("round %d (%s): answer %q", i, st.name, answered.Content)
		}
		if m := waitFinal(h, in); !cited(m.Content) {
			t.Errorf("round %d (%s): /ask answered %q", i, st.name, m.Content)
		}
		if at, ok := in.Acked(); !ok || at > 3*time.Second {
			t.Errorf("round %d (%s): /ask acknowledged after %v (%v), want within 3 s", i, st.name, at, ok)
		}
		if st.midAnswer {
			h.final(inFlight.ID)
			if n := len(h.botMessages(inFlight.ID)); n != 1 {
				t.Errorf("round %d (%s): the answer in flight is %d messages, want 1", i, st.name, n)
			}
		}
		if n := len(h.botMessages(q.ID)); n != 1 {
			t.Errorf("round %d (%s): %d bot messages in the thread, want the answer once", i, st.name, n)
		}
		if n := h.dc.PendingFaults(); n != 0 {
			t.Errorf("round %d (%s): %d faults never happened: the bot did not go through the moment", i, st.name, n)
		}
	}
	// Every question got its thread once: no replayed message was
	// answered twice.
	threads := 0
	for _, r := range h.dc.Requests() {
		if strings.HasSuffix(r.Route, "/threads") {
			threads++
		}
	}
	if threads != questions {
		t.Errorf("%d threads opened for %d questions", threads, questions)
	}
	checkIdentifyGaps(t, h.dc.IdentifyTimes(), identifyInterval)
	t.Logf("%d storms: slowest recovery %v, %d connections, %d identifies, %d resumes",
		rounds, slowest.Round(time.Millisecond), h.dc.Connections(), h.dc.Identifies(), h.dc.Resumes())
	h.noViolations()
}

// checkIdentifyGaps fails when two IDENTIFYs arrived closer than interval.
func checkIdentifyGaps(t *testing.T, times []time.Time, interval time.Duration) {
	t.Helper()
	for i := 1; i < len(times); i++ {
		if gap := times[i].Sub(times[i-1]); gap < interval {
			t.Errorf("IDENTIFY %d came %v after the one before, want at least %v", i+1, gap.Round(time.Millisecond), interval)
		}
	}
}

// TestGatewayIdentifiesAtMostOncePer5s invalidates the session twice in a
// row, right after each READY, with Discord's real timings: IDENTIFYs are
// at least 5 s apart, and the bot is back within 10 s of each.
func TestGatewayIdentifiesAtMostOncePer5s(t *testing.T) {
	t.Parallel()
	h := start(t, setup{gateway: [3]time.Duration{5 * time.Second, 4 * time.Second, time.Second}})
	if err := h.dc.WaitReady(h.ctx()); err != nil {
		t.Fatal(err)
	}
	h.dc.InjectAt(dt.AfterReady, dt.Op9(false))
	began := time.Now()
	h.dc.Inject(dt.Op9(false))
	q := h.mention(generalID, user(1), question)
	h.final(q.ID)
	// The second invalid session came right after the READY that
	// delivered the question: wait for the bot to come back from it.
	for h.dc.Identifies() < 3 && time.Since(began) < 3*backWithin {
		time.Sleep(50 * time.Millisecond)
	}
	if err := h.dc.WaitReady(h.ctx()); err != nil {
		t.Fatal(err)
	}
	times := h.dc.IdentifyTimes()
	if len(times) != 3 {
		t.Fatalf("%d identifies, want 3 (start and two invalid sessions)", len(times))
	}
	checkIdentifyGaps(t, times, 5*time.Second)
	if d := times[1].Sub(began); d > backWithin {
		t.Errorf("identified %v after the first invalid session, want within %v", d, backWithin)
	}
	if d := times[2].Sub(times[1]); d > backWithin {
		t.Errorf("identified %v after the second invalid session, want within %v", d, backWithin)
	}
	if n := len(h.botMessages(q.ID)); n != 1 {
		t.Errorf("%d answers, want 1", n)
	}
	h.final(h.mention(generalID, user(2), question).ID) // listening again
	t.Logf("identifies %v and %v after the one before", times[1].Sub(times[0]).Round(time.Millisecond), times[2].Sub(times[1]).Round(time.Millisecond))
}

// TestGatewayCloseCodes closes the connection with each gateway close
// code: the bot comes back and answers after the codes Discord allows a
// reconnect for, and stops reconnecting (saying so once) after the others.
func TestGatewayCloseCodes(t *testing.T) {
	t.Parallel()
	for code := 4000; code <= 4014; code++ {
		fatal := code == 4004 || code >= 4010
		t.Run(fmt.Sprint(code), func(t *testing.T) {
			t.Parallel()
			h := start(t, setup{})
			if err := h.dc.WaitReady(h.ctx()); err != nil {
				t.Fatal(err)
			}
			conns := h.dc.Connections()
			began := time.Now()
			h.dc.Inject(dt.Close(code))
			q := h.mention(generalID, user(1), question)
			if fatal {
				// Run stops by itself and says why.
				var err error
				select {
				case err = <-h.done:
				case <-time.After(backWithin):
					t.Fatalf("Run still running %v after close %d", backWithin, code)
				}
				h.done <- nil // for the harness's stop
				if err == nil || !strings.Contains(err.Error(), fmt.Sprint(code)) {
					t.Errorf("Run returned %v, want an error naming close %d", err, code)
				}
				if n := h.dc.Connections(); n != conns {
					t.Errorf("%d connections after close %d, want no reconnect", n-conns, code)
				}
				if n := strings.Count(h.logs.String(), "closed the gateway for good"); n != 1 {
					t.Errorf("the stop is logged %d times, want once:\n%s", n, h.logs.String())
				}
				return
			}
			h.final(q.ID)
			if took := time.Since(began); took > backWithin {
				t.Errorf("answered %v after close %d, want within %v", took, code, backWithin)
			}
			if n := len(h.botMessages(q.ID)); n != 1 {
				t.Errorf("%d answers, want 1", n)
			}
		})
	}
}

// TestGatewayStartsThroughAStorm: Discord answers the bot's first
// IDENTIFYs with op 9, op 7 and a resumable close code; Run keeps trying,
// IDENTIFYs no more often than its interval allows, and starts.
func TestGatewayStartsThroughAStorm(t *testing.T) {
	t.Parallel()
	const identifyInterval = 300 * time.Millisecond
	h := start(t, setup{dcOpts: []dt.Option{dt.WithGatewayFaults(dt.OnIdentify, dt.Op9(false), dt.Op7(), dt.Close(4000))}})
	h.final(h.mention(generalID, user(1), question).ID)
	times := h.dc.IdentifyTimes()
	if len(times) != 4 {
		t.Errorf("%d IDENTIFYs, want 4 (three answered by a fault, then READY)", len(times))
	}
	checkIdentifyGaps(t, times, identifyInterval)
	if n := strings.Count(h.logs.String(), "connecting to the gateway failed; retrying"); n != 3 {
		t.Errorf("%d retries logged, want 3", n)
	}
}
