package admin

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"corpusbot/internal/pgtest"
	"corpusbot/secret"
	"corpusbot/store"
)

// Every page at 100,000 stored answers, as the browser asks for it (the
// whole handler: reads, grouping, template):
//
//	go test ./admin -run '^$' -bench Pages -benchtime 20x
//
// DASHBOARD_BENCH_DIR=/tmp/dash keeps the filled database for the next run.
// DASHBOARD_BENCH_BACKEND=postgres fills a throwaway PostgreSQL cluster
// (internal/pgtest) instead, seeded anew on each run.
// The answers spread over the 180 days before benchEnd (the default
// retention); the default 30-day range holds about 17,000 of them.

const benchAnswers = 100_000

var (
	benchEnd   = time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	benchOnce  sync.Once
	benchStore *store.Store
	benchErr   error
)

// benchDirEnv names a folder that keeps the filled database between runs
// (seeding takes minutes); without it the database is made in a temporary
// folder, removed when the tests end.
const benchDirEnv = "DASHBOARD_BENCH_DIR"

var benchTemp string // the temporary folder to remove, if one was made

// benchBackendEnv names the variable that chooses the database: "postgres"
// or, by default, SQLite.
const benchBackendEnv = "DASHBOARD_BENCH_BACKEND"

var benchPG *pgtest.Cluster // the cluster to stop, if one was started

func TestMain(m *testing.M) {
	code := m.Run()
	if benchStore != nil {
		benchStore.Close()
	}
	if benchPG != nil {
		benchPG.Stop()
	}
	if benchTemp != "" {
		os.RemoveAll(benchTemp)
	}
	os.Exit(code)
}

// openBenchPostgres opens a store in a new schema of a throwaway cluster.
func openBenchPostgres(ctx context.Context) (*store.Store, error) {
	c, err := pgtest.Start(ctx)
	if err != nil {
		return nil, err
	}
	benchPG = c
	u, err := c.Schema(ctx, "bench")
	if err != nil {
		return nil, err
	}
	return store.Open(ctx, store.Config{DatabaseURL: u})
}

func benchDB(b *testing.B) *store.Store {
	b.Helper()
	benchOnce.Do(func() {
		if be := os.Getenv(benchBackendEnv); be == "postgres" {
			if benchStore, benchErr = openBenchPostgres(context.Background()); benchErr != nil {
				return
			}
			start := time.Now()
			benchErr = seedAnswers(context.Background(), benchStore, benchAnswers, benchEnd)
			b.Logf("seeded %d answers in %v", benchAnswers, time.Since(start).Round(time.Second))
			return
		} else if be != "" && be != "sqlite" {
			benchErr = fmt.Errorf("%s=%q: want sqlite or postgres", benchBackendEnv, be)
			return
		}
		dir := os.Getenv(benchDirEnv)
		if dir == "" {
			if dir, benchErr = os.MkdirTemp("", "corpusbot-admin-bench-"); benchErr != nil {
				return
			}
			benchTemp = dir
		}
		_, statErr := os.Stat(filepath.Join(dir, store.FileName))
		if benchStore, benchErr = store.Open(context.Background(), store.Config{Dir: dir}); benchErr != nil || statErr == nil {
			return // an error, or a database filled by an earlier run
		}
		start := time.Now()
		benchErr = seedAnswers(context.Background(), benchStore, benchAnswers, benchEnd)
		b.Logf("seeded %d answers in %v", benchAnswers, time.Since(start).Round(time.Second))
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchStore
}

// seedAnswers records n generated answers over the 180 days before end:
// one in five not covered, one in ten marked, one in thirty failed, answers
// citing three of 40 documents, questions drawn from 60 subject words (so
// gaps share terms), and a vote on one answer in twenty.
func seedAnswers(ctx context.Context, st *store.Store, n int, end time.Time) error {
	rng := rand.New(rand.NewPCG(1, 2))
	var subjects []string
	for _, w := range []string{"licence", "payments", "regulation", "loans", "merger", "founder", "shares", "antitrust",
		"wallet", "app", "fine", "court", "bank", "credit", "users", "growth", "policy", "tax", "export", "chips"} {
		subjects = append(subjects, w, w+" rules", "the "+w+" team")
	}
	forms := []string{"What does the %s say about %s?", "Who decides on %s and %s?", "When did %s change the %s?", "Why is %s linked to %s?"}
	langs := []string{"en", "en", "en", "fr", "ar", "zh"}
	kinds := []string{store.ChannelThread, store.ChannelGuild, store.ChannelDM}
	start := end.AddDate(0, 0, -180)
	span := int64(end.Sub(start))
	var docs []store.DocInfo
	for i := range 40 {
		docs = append(docs, store.DocInfo{ID: fmt.Sprintf("doc-%02d", i), Title: fmt.Sprintf("Document %d", i), Lang: "en", Passages: 20, Hash: "h"})
	}
	if _, _, _, err := st.SyncDocuments(ctx, docs, start); err != nil {
		return err
	}
	const batch = 2000
	var votes []store.Vote
	for done := 0; done < n; done += batch {
		as := make([]store.Answer, 0, batch)
		for i := range min(batch, n-done) {
			k := done + i
			a := store.Answer{
				ID: fmt.Sprintf("b%07d", k), Kind: store.KindAnswer, ChannelID: "c", At: start.Add(time.Duration(rng.Int64N(span))),
				Question:    fmt.Sprintf(forms[rng.IntN(len(forms))], subjects[rng.IntN(len(subjects))], subjects[rng.IntN(len(subjects))]),
				Text:        "An answer with citations [1][2][3].",
				Lang:        langs[rng.IntN(len(langs))],
				ChannelKind: kinds[rng.IntN(len(kinds))],
				Latency:     time.Duration(300+rng.IntN(6000)) * time.Millisecond, PromptTokens: 800 + rng.IntN(2000), CompletionTokens: 50 + rng.IntN(300),
			}
			switch r := rng.IntN(30); {
			case r == 0:
				a.Outcome, a.Failure, a.Text, a.Latency, a.PromptTokens, a.CompletionTokens = store.OutcomeFailed, "timeout", "", 0, 0, 0
			case r < 7:
				a.Abstained, a.Text = true, "Not covered."
			case r < 10:
				a.Unverified = 1 + rng.IntN(2)
			}
			for j := 1; j <= 3 && a.Outcome != store.OutcomeFailed; j++ {
				doc := fmt.Sprintf("doc-%02d", rng.IntN(40))
				if a.Abstained {
					a.Nearest = append(a.Nearest, doc)
				} else {
					a.Sources = append(a.Sources, store.SourceRef{N: j, DocID: doc, Passage: rng.IntN(20), Title: "Document"})
				}
			}
			if rng.IntN(20) == 0 {
				votes = append(votes, store.Vote{AnswerID: a.ID, UserHash: fmt.Sprintf("%032x", k), Question: a.Question,
					Value: []int{1, 1, -1}[rng.IntN(3)], At: a.At.Add(time.Minute)})
			}
			as = append(as, a)
		}
		if err := st.RecordAnswers(ctx, as); err != nil {
			return err
		}
	}
	for _, v := range votes {
		if err := st.RecordVote(ctx, v); err != nil {
			return err
		}
	}
	return nil
}

func BenchmarkPages(b *testing.B) {
	st := benchDB(b)
	s, err := New(Config{Token: secret.New(testToken), Source: st, Now: func() time.Time { return benchEnd }})
	if err != nil {
		b.Fatal(err)
	}
	cookie := &http.Cookie{Name: cookieName, Value: s.session(benchEnd.Add(time.Hour))}
	for _, p := range []string{
		"/", "/?days=all",
		// 30 and 90 days are grouped from their gap answers; 365 days hold
		// every stored one, and are read from the roll-up gap_questions,
		// as all days are.
		"/gaps", "/gaps?days=90", "/gaps?days=365", "/gaps?days=all",
		"/questions", "/questions?days=all&page=40",
		"/questions?q=antitrust", "/questions?days=all&q=antitrust+rules",
		"/answers/b0000042",
		"/documents", "/documents?days=all",
		"/briefings", "/briefings?days=all",
	} {
		b.Run(p, func(b *testing.B) {
			start := cpuTime()
			for b.Loop() {
				r := httptest.NewRequest(http.MethodGet, p, nil)
				r.AddCookie(cookie)
				w := httptest.NewRecorder()
				s.ServeHTTP(w, r)
				if w.Code != http.StatusOK {
					b.Fatalf("%s: %d", p, w.Code)
				}
			}
			b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}
