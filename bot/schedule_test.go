package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"corpusbot/answer"
	"corpusbot/i18n"
	"corpusbot/llm"
	"corpusbot/store"
)

func mustLoc(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestNextSlot(t *testing.T) {
	paris, ny := mustLoc(t, "Europe/Paris"), mustLoc(t, "America/New_York")
	utc := func(s string) time.Time {
		t.Helper()
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		name       string
		after      string
		clock      string
		loc        *time.Location
		want       string
		wantLocal  string
		wantOffset time.Duration // from after
	}{
		{"later today", "2025-03-14T08:00:00Z", "09:00", time.UTC, "2025-03-14T09:00:00Z", "09:00", time.Hour},
		{"exactly now is tomorrow", "2025-03-14T09:00:00Z", "09:00", time.UTC, "2025-03-15T09:00:00Z", "09:00", 24 * time.Hour},
		{"local day differs from UTC day", "2025-03-14T23:30:00Z", "07:00", paris, "2025-03-15T06:00:00Z", "07:00", 6*time.Hour + 30*time.Minute},
		// Spring forward in Paris on 30 March 2025: 02:00 CET → 03:00 CEST.
		{"across spring forward: 23 h", "2025-03-29T08:00:00Z", "09:00", paris, "2025-03-30T07:00:00Z", "09:00", 23 * time.Hour},
		{"skipped time moves an hour on", "2025-03-29T01:30:00Z", "02:30", paris, "2025-03-30T01:30:00Z", "03:30", 24 * time.Hour},
		{"day after the gap", "2025-03-30T01:30:00Z", "02:30", paris, "2025-03-31T00:30:00Z", "02:30", 23 * time.Hour},
		// Fall back on 26 October 2025: 03:00 CEST → 02:00 CET.
		{"across fall back: 25 h", "2025-10-25T07:00:00Z", "09:00", paris, "2025-10-26T08:00:00Z", "09:00", 25 * time.Hour},
		{"New York spring forward", "2025-03-08T14:00:00Z", "09:00", ny, "2025-03-09T13:00:00Z", "09:00", 23 * time.Hour},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h, m, err := ParseClock(tc.clock)
			if err != nil {
				t.Fatal(err)
			}
			after := utc(tc.after)
			got := nextSlot(after, h, m, tc.loc)
			if !got.Equal(utc(tc.want)) {
				t.Errorf("nextSlot(%s, %s %s) = %s, want %s", tc.after, tc.clock, tc.loc, got.UTC().Format(time.RFC3339), tc.want)
			}
			if local := got.In(tc.loc).Format("15:04"); local != tc.wantLocal {
				t.Errorf("slot reads %s on the local clock, want %s", local, tc.wantLocal)
			}
			if d := got.Sub(after); d != tc.wantOffset {
				t.Errorf("slot is %v after, want %v", d, tc.wantOffset)
			}
		})
	}
}

func TestNextSlotRepeatedTimeHasOneSlot(t *testing.T) {
	paris := mustLoc(t, "Europe/Paris")
	// 02:30 happens twice on 26 October 2025 in Paris.
	first := nextSlot(time.Date(2025, 10, 25, 12, 0, 0, 0, time.UTC), 2, 30, paris)
	second := nextSlot(first, 2, 30, paris)
	if d := first.In(paris).Day(); d != 26 {
		t.Fatalf("first slot on day %d, want 26", d)
	}
	if d := second.In(paris).Day(); d != 27 {
		t.Errorf("slot after %s is %s, want the next day (one briefing a day)", first, second.In(paris))
	}
}

func TestPrevSlot(t *testing.T) {
	at := time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC)
	if got := prevSlot(at, 9, 0, time.UTC); !got.Equal(time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("prevSlot = %s, want 09:00 today", got)
	}
	if got := prevSlot(at, 10, 0, time.UTC); !got.Equal(time.Date(2025, 3, 13, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("prevSlot = %s, want 10:00 yesterday", got)
	}
}

// posts records what a scheduler sends.
type posts struct {
	mu  sync.Mutex
	all []reply
	err error // returned once, then cleared
}

func (p *posts) post(_ context.Context, r reply) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.err; err != nil {
		p.err = nil
		return "", err
	}
	p.all = append(p.all, r)
	return fmt.Sprint("msg-", len(p.all)), nil
}

func (p *posts) list() []reply {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]reply(nil), p.all...)
}

// briefingAnswerer writes one cited point per call from a passage not
// excluded, or ErrNothingNew.
func briefingAnswerer() *fakeAnswerer {
	a := newFakeAnswerer()
	var calls int
	a.result = func(kind, _ string) (*answer.Result, error) {
		a.mu.Lock()
		defer a.mu.Unlock()
		r := a.briefs[len(a.briefs)-1]
		calls++
		for i := range 3 {
			ref := answer.Ref("alipay-en", i)
			if r.Exclude[ref] {
				continue
			}
			text := fmt.Sprintf("Point from passage %d [1].", i)
			return &answer.Result{
				ID: "id", Kind: kind, Text: "**Payments**\n- " + text,
				Sources: []answer.Source{{N: 1, DocID: "alipay-en", Title: "Alipay", Passage: i}},
				Points:  []answer.Point{{Key: fmt.Sprint("k", i), Text: text, Sources: []string{ref}}},
			}, nil
		}
		return nil, fmt.Errorf("brief: %w", answer.ErrNothingNew)
	}
	return a
}

func newTestScheduler(st *store.Store, a *fakeAnswerer, p *posts, clock string, loc *time.Location) *scheduler {
	h, m, _ := ParseClock(clock)
	return &scheduler{
		channel: "77", hour: h, minute: m, loc: loc, retries: 3, retryWait: time.Minute,
		answers: a, store: st, answerLog: st, post: p.post, log: slog.New(slog.DiscardHandler),
	}
}

func TestSchedulerPostsEachDayWithoutRepeating(t *testing.T) {
	paris := mustLoc(t, "Europe/Paris")
	synctest.Test(t, func(t *testing.T) {
		// The bubble's clock starts at 2000-01-01 00:00 UTC.
		st, a, p := newTestStore(t), briefingAnswerer(), &posts{}
		s := newTestScheduler(st, a, p, "09:00", paris)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { defer close(done); s.run(ctx, context.Background()) }()

		time.Sleep(8*time.Hour - time.Second) // 08:59:59 in Paris (UTC+1)
		synctest.Wait()
		if n := len(p.list()); n != 0 {
			t.Fatalf("%d posts before 09:00, want 0", n)
		}
		time.Sleep(2 * time.Second)
		synctest.Wait()
		got := p.list()
		slot := time.Date(2000, 1, 1, 9, 0, 0, 0, paris)
		if len(got) != 1 || !strings.HasPrefix(got[0].content, fmt.Sprintf("**Briefing for <t:%d:f>**", slot.Unix())) {
			t.Fatalf("posts %+v, want one briefing headed by the slot's timestamp", got)
		}
		if !strings.Contains(got[0].content, "passage 0") || len(got[0].components) == 0 {
			t.Errorf("first briefing %q, want passage 0's point with buttons", got[0].content)
		}

		for day := 2; day <= 4; day++ {
			time.Sleep(24 * time.Hour)
			synctest.Wait()
		}
		got = p.list()
		if len(got) != 4 {
			t.Fatalf("%d posts after 4 days, want 4", len(got))
		}
		for i, want := range []string{"passage 0", "passage 1", "passage 2", "Nothing new"} {
			if !strings.Contains(got[i].content, want) {
				t.Errorf("day %d: %q, want %q", i+1, got[i].content, want)
			}
		}
		if ex := a.briefs[1].Exclude; !ex["alipay-en#0"] {
			t.Errorf("second briefing excluded %v, want the first one's passage", ex)
		}
		cancel()
		<-done
	})
}

func TestSchedulerResumesUnfinishedBriefing(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		st, a, p := newTestStore(t), briefingAnswerer(), &posts{}
		ctx := context.Background()
		slot := time.Date(1999, 12, 31, 9, 0, 0, 0, time.UTC)
		// A crash left part 0 of 3 posted.
		id, _, _ := st.ClaimBriefing(ctx, "77", slot)
		pts := [][]store.Point{{{Key: "a", Sources: []string{"d#0"}}}, {{Key: "b"}}, {{Key: "c"}}}
		st.SavePlan(ctx, id, []string{"part one", "part two", "part three"}, pts)
		st.RecordPosted(ctx, id, 0, "m0", pts[0])

		s := newTestScheduler(st, a, p, "09:00", time.UTC)
		runCtx, cancel := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() { defer close(done); s.run(runCtx, ctx) }()
		synctest.Wait()
		cancel()
		<-done

		var got []string
		for _, r := range p.list() {
			got = append(got, r.content)
		}
		if strings.Join(got, "|") != "part two|part three" {
			t.Errorf("posted %q, want only the parts not posted before the crash", got)
		}
		if len(a.briefs) != 0 {
			t.Errorf("briefing regenerated %d times, want the saved plan reused", len(a.briefs))
		}
		if pending, _ := st.PendingBriefings(ctx, "77"); len(pending) != 0 {
			t.Errorf("pending after resume: %+v, want none", pending)
		}
	})
}

func TestSchedulerCatchUp(t *testing.T) {
	for _, tc := range []struct {
		name    string
		clock   string // the bubble starts at 00:00 UTC
		catchUp time.Duration
		want    int
	}{
		{"missed by 30 minutes", "23:30", time.Hour, 1},
		{"missed by 2 hours", "22:00", time.Hour, 0},
		{"catch-up off", "23:30", 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				st, a, p := newTestStore(t), briefingAnswerer(), &posts{}
				s := newTestScheduler(st, a, p, tc.clock, time.UTC)
				s.catchUp = tc.catchUp
				ctx, cancel := context.WithCancel(context.Background())
				done := make(chan struct{})
				go func() { defer close(done); s.run(ctx, context.Background()) }()
				synctest.Wait()
				cancel()
				<-done
				if n := len(p.list()); n != tc.want {
					t.Errorf("%d posts at start, want %d", n, tc.want)
				}
			})
		})
	}
}

func TestSchedulerRetriesFailedPost(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		st, a, p := newTestStore(t), briefingAnswerer(), &posts{err: errors.New("discord down")}
		s := newTestScheduler(st, a, p, "00:01", time.UTC)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { defer close(done); s.run(ctx, context.Background()) }()
		time.Sleep(90 * time.Second) // the slot, and the failure
		synctest.Wait()
		if n := len(p.list()); n != 0 {
			t.Fatalf("%d posts after a failure, want 0 before the retry", n)
		}
		time.Sleep(time.Minute) // retryWait
		synctest.Wait()
		if n := len(p.list()); n != 1 {
			t.Errorf("%d posts after the retry, want 1", n)
		}
		if len(a.briefs) != 1 {
			t.Errorf("briefing written %d times, want once: the retry reuses the plan", len(a.briefs))
		}
		cancel()
		<-done
	})
}

// A daily briefing the model cannot write (it fails, or nothing it writes
// is verified) becomes the documents' lead sentences, marked as such, or
// when even that fails a short notice; it is counted and logged once, and
// the slot is not retried.
func TestSchedulerBriefingFallback(t *testing.T) {
	extractive := &answer.Result{
		ID: "id", Kind: answer.KindBriefing, Extractive: true, Fallback: true, Lang: "en",
		Text:    "- Regulators told Alipay to spin off its loans [1].",
		Sources: []answer.Source{{N: 1, DocID: "alipay-en", Title: "Alipay", Passage: 0}},
		Points:  []answer.Point{{Key: "k0", Text: "Regulators told Alipay to spin off its loans [1].", Sources: []string{"alipay-en#0"}}},
	}
	for _, tc := range []struct {
		name     string
		model    func() (*answer.Result, error)
		fallback func() (*answer.Result, error)
		want     string // in the post
		metric   string
	}{
		{"model down", func() (*answer.Result, error) { return nil, fmt.Errorf("brief: %w", llm.ErrUnavailable) },
			func() (*answer.Result, error) { return extractive, nil },
			"these are the documents' lead sentences", "briefing fallback extractive"},
		{"nothing verified", func() (*answer.Result, error) {
			return &answer.Result{ID: "id", Kind: answer.KindBriefing, Abstained: true, Text: "I could not verify an answer to this in the documents."}, nil
		}, func() (*answer.Result, error) { return extractive, nil },
			"these are the documents' lead sentences", "briefing fallback extractive"},
		{"fallback fails too", func() (*answer.Result, error) { return nil, fmt.Errorf("brief: %w", llm.ErrTimeout) },
			func() (*answer.Result, error) { return nil, fmt.Errorf("brief: %w", answer.ErrNothingNew) },
			textBriefingFailed, "briefing fallback notice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, a, p := newTestStore(t), newFakeAnswerer(), &posts{}
			a.result = func(string, string) (*answer.Result, error) {
				if a.briefs[len(a.briefs)-1].Fallback {
					return tc.fallback()
				}
				return tc.model()
			}
			var logs syncLog
			rec := &recorder{}
			s := newTestScheduler(st, a, p, "09:00", time.UTC)
			s.metrics, s.log = rec, slog.New(slog.NewTextHandler(&logs, nil))
			s.deliver(context.Background(), context.Background(), time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC))
			posted := p.list()
			if len(posted) != 1 || !strings.Contains(posted[0].content, tc.want) {
				t.Fatalf("posted %+v, want one message with %q", posted, tc.want)
			}
			if got := rec.calls; len(got) != 1 || got[0] != tc.metric {
				t.Errorf("metrics %q, want %q once", got, tc.metric)
			}
			if n := strings.Count(logs.String(), "level=ERROR"); n != 1 {
				t.Errorf("%d error lines, want one:\n%s", n, logs.String())
			}
			if len(a.briefs) != 2 {
				t.Errorf("%d briefing requests, want the model's and the fallback", len(a.briefs))
			}
		})
	}
}

type syncLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *syncLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *syncLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// The daily briefing follows the server's preferred locale: its header,
// its notices, and what the pipeline is asked for.
func TestSchedulerBriefingInServersLanguage(t *testing.T) {
	for _, tc := range []struct {
		locale, lang string
	}{{"pt-BR", "pt"}, {"zh-TW", "zh-Hant"}, {"", "en"}, {"ko", "ko"}, {"no", "nb"}, {"he", "he"}, {"ka", "ka"}, {"lo", "lo"}, {"xx", "en"}} {
		t.Run(tc.locale, func(t *testing.T) {
			st, a, p := newTestStore(t), newFakeAnswerer(), &posts{}
			a.result = func(string, string) (*answer.Result, error) {
				return nil, fmt.Errorf("brief: %w", answer.ErrNothingNew)
			}
			s := newTestScheduler(st, a, p, "09:00", time.UTC)
			s.locale = func() string { return tc.locale }
			slot := time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)
			s.deliver(context.Background(), context.Background(), slot)
			posted := p.list()
			want := i18n.Text(tc.lang, i18n.BriefingFor, fmt.Sprintf("<t:%d:f>", slot.Unix())) + "\n\n" + i18n.Text(tc.lang, i18n.NothingSinceLast)
			if len(posted) != 1 || posted[0].content != want {
				t.Fatalf("posted %+v, want %q", posted, want)
			}
			if len(a.briefs) == 0 || a.briefs[0].Lang != tc.lang {
				t.Errorf("briefing requests %+v, want language %q", a.briefs, tc.lang)
			}
		})
	}
}
