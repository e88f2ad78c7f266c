package store

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// What a question costs the store, on each backend: recording the answer
// (its sources and the roll-ups the triggers keep), a vote, and a
// conversation turn, one transaction each, as the bot does them; and the
// dashboard's overview of 30 days. Run: go test -bench . -run '^$' ./store
func BenchmarkQuestion(b *testing.B) {
	for _, be := range backends {
		b.Run(string(be), func(b *testing.B) {
			ctx := context.Background()
			s := openCfg(b, newDB(b, be))
			user := s.HashUser("80351110224678912")
			if err := s.LinkThread(ctx, Thread{ThreadID: "t"}); err != nil {
				b.Fatal(err)
			}
			start := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
			b.ResetTimer()
			for i := range b.N {
				id := fmt.Sprint("a", i)
				err := s.RecordAnswer(ctx, Answer{ID: id, Kind: KindAnswer, Question: "Why was Alipay told to spin off?",
					Text: "Regulators [1].", UserHash: user, At: start.Add(time.Duration(i) * time.Minute), Lang: "en",
					Latency: 1200 * time.Millisecond, PromptTokens: 900, CompletionTokens: 80, ChannelKind: ChannelThread,
					Sources: []SourceRef{{N: 1, DocID: "alipay", Passage: 3, LastPassage: 4, Quote: "spin off"}}})
				if err == nil {
					err = s.RecordVote(ctx, Vote{AnswerID: id, UserHash: user, Value: 1})
				}
				if err == nil {
					err = s.AppendTurns(ctx, "t", Turn{Role: RoleUser, Text: "q"}, Turn{Role: RoleAssistant, Text: "a"})
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkOverview(b *testing.B) {
	for _, be := range backends {
		b.Run(string(be), func(b *testing.B) {
			ctx := context.Background()
			s := openCfg(b, newDB(b, be))
			start := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
			as := make([]Answer, 10000)
			for i := range as {
				as[i] = Answer{ID: fmt.Sprint("a", i), Kind: KindAnswer, Question: fmt.Sprint("question ", i%500),
					At: start.Add(time.Duration(i) * 4 * time.Minute), Lang: []string{"en", "fr", "ar"}[i%3],
					Latency: time.Duration(500+i%5000) * time.Millisecond, Abstained: i%7 == 0, ChannelKind: ChannelGuild,
					Sources: []SourceRef{{N: 1, DocID: fmt.Sprint("doc", i%40), Passage: 1}}}
			}
			if err := s.RecordAnswers(ctx, as); err != nil {
				b.Fatal(err)
			}
			r := Range{From: start, To: start.AddDate(0, 0, 29)}
			b.ResetTimer()
			for range b.N {
				if _, err := s.Overview(ctx, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// What a gap costs to record: an abstention on the question most often
// not answered, asked 1,000 times before, whose row of the roll-up
// gap_questions the triggers rewrite from those 1,000 answers; one
// transaction each, as the bot does it.
func BenchmarkGapAnswer(b *testing.B) {
	for _, be := range backends {
		b.Run(string(be), func(b *testing.B) {
			ctx := context.Background()
			s := openCfg(b, newDB(b, be))
			start := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
			const q = "What is Tencent's annual revenue?"
			as := make([]Answer, 1000)
			for i := range as {
				as[i] = Answer{ID: fmt.Sprint("old", i), Kind: KindAnswer, Question: q, Text: "Not covered.", Abstained: true,
					At: start.Add(time.Duration(i) * time.Minute), Lang: "en", ChannelKind: ChannelGuild, Nearest: []string{"tencent"}}
			}
			if err := s.RecordAnswers(ctx, as); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := range b.N {
				err := s.RecordAnswer(ctx, Answer{ID: fmt.Sprint("a", i), Kind: KindAnswer, Question: q, Text: "Not covered.",
					Abstained: true, At: start.Add(time.Duration(1000+i) * time.Minute), Lang: "en", ChannelKind: ChannelGuild,
					Nearest: []string{"tencent"}})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
