package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"sync"
	"testing"
	"time"
)

// The dashboard's reads at 100,000 stored answers: go test ./store -run '^$'
// -bench Dashboard. The answers spread over 180 days (the default
// retention), so the 30-day range holds about 17,000 of them.

const benchAnswers = 100_000

var (
	benchOnce  sync.Once
	benchStore *Store
	benchErr   error
	benchEnd   = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
)

// benchDB opens (once per process) a store filled with benchAnswers answers.
func benchDB(b *testing.B) *Store {
	b.Helper()
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "corpusbot-bench-")
		if err != nil {
			benchErr = err
			return
		}
		benchStore, err = Open(context.Background(), Config{Dir: dir})
		if err != nil {
			benchErr = err
			return
		}
		benchErr = seedForBench(context.Background(), benchStore, benchAnswers, benchEnd)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchStore
}

func BenchmarkDashboard(b *testing.B) {
	s := benchDB(b)
	ctx := context.Background()
	month := Range{From: benchEnd.AddDate(0, 0, -30), To: benchEnd}
	all := Range{}
	for _, r := range []struct {
		name string
		rng  Range
	}{{"30d", month}, {"all", all}} {
		b.Run("Overview/"+r.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Overview(ctx, r.rng); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("GapQuestions/"+r.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.GapQuestions(ctx, r.rng, 1000); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("Questions/"+r.name, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := s.Questions(ctx, QuestionFilter{Range: r.rng, Offset: 500, Limit: 50}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("QuestionsSearch/"+r.name, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := s.Questions(ctx, QuestionFilter{Range: r.rng, Search: "licence", Limit: 50}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("Documents/"+r.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Documents(ctx, r.rng); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("Briefings/"+r.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.BriefingHistory(ctx, r.rng); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// seedForBench fills s with n generated answers spread over the 180 days
// before end: a fifth abstained, a tenth marked, one in thirty failed,
// each answered one citing three passages of 40 documents, and votes on
// one in twenty. It writes in large transactions, not through
// RecordAnswer, so that seeding takes seconds.
func seedForBench(ctx context.Context, s *Store, n int, end time.Time) error {
	rng := rand.New(rand.NewPCG(1, 2))
	topics := []string{"licence", "payments", "regulation", "loans", "merger", "founder", "shares", "antitrust",
		"wallet", "app", "fine", "court", "bank", "credit", "users", "growth", "policy", "tax", "export", "chips"}
	langs := []string{"en", "en", "en", "fr", "ar", "zh"}
	kinds := []string{ChannelThread, ChannelGuild, ChannelDM}
	start := end.AddDate(0, 0, -180)
	span := end.Sub(start)
	const batch = 5000
	for done := 0; done < n; {
		m := min(batch, n-done)
		err := s.write(ctx, func(tx *sql.Tx) error {
			for i := range m {
				k := done + i
				at := start.Add(time.Duration(rng.Int64N(int64(span))))
				t1, t2 := topics[rng.IntN(len(topics))], topics[rng.IntN(len(topics))]
				q := fmt.Sprintf("What does the %s rule say about %s number %d?", t1, t2, rng.IntN(400))
				outcome, marks := OutcomeAnswered, 0
				switch r := rng.IntN(30); {
				case r == 0:
					outcome = OutcomeFailed
				case r < 7:
					outcome = OutcomeAbstained
				case r < 10:
					marks = 1 + rng.IntN(2)
				}
				id := fmt.Sprintf("b%07d", k)
				var latency any
				if outcome != OutcomeFailed {
					latency = 300 + rng.IntN(5000)
				}
				if _, err := tx.ExecContext(ctx, `
INSERT INTO answers (id, kind, question, text, guild_id, channel_id, user_hash, abstained, created_at,
	outcome, failure, lang, latency_ms, prompt_tokens, completion_tokens, unverified, weak, channel_kind)
VALUES (?, 'answer', ?, ?, 'g', 'c', '', ?, ?, ?, '', ?, ?, ?, ?, ?, 0, ?)`,
					id, q, "An answer about "+t1+" [1][2][3].", outcome == OutcomeAbstained, formatTime(at), outcome,
					langs[rng.IntN(len(langs))], latency, 800+rng.IntN(2000), 50+rng.IntN(300), marks, kinds[rng.IntN(len(kinds))]); err != nil {
					return err
				}
				for j := 1; j <= 3 && outcome != OutcomeFailed; j++ {
					doc := fmt.Sprintf("doc-%02d", rng.IntN(40))
					var err error
					if outcome == OutcomeAbstained {
						_, err = tx.ExecContext(ctx, `INSERT INTO answer_nearest (answer_id, rank, doc_id) VALUES (?, ?, ?)`, id, j, doc)
					} else {
						_, err = tx.ExecContext(ctx, `INSERT INTO answer_sources (answer_id, n, doc_id, passage, title) VALUES (?, ?, ?, ?, ?)`,
							id, j, doc, rng.IntN(20), "Document "+doc)
					}
					if err != nil {
						return err
					}
				}
				if rng.IntN(20) == 0 {
					if _, err := tx.ExecContext(ctx, `INSERT INTO votes (answer_id, user_hash, question, value, voted_at) VALUES (?, ?, ?, ?, ?)`,
						id, fmt.Sprintf("%032x", k), q, []int{1, 1, -1}[rng.IntN(3)], formatTime(at.Add(time.Minute))); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("seed: %w", err)
		}
		done += m
	}
	return nil
}
