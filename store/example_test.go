package store_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"corpusbot/store"
)

func ExampleOpen() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "corpusbot")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	s, err := store.Open(ctx, store.Config{Dir: filepath.Join(dir, "data")})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	// Discord user IDs are only ever stored hashed.
	asker := s.HashUser("80351110224678912")
	err = s.RecordAnswer(ctx, store.Answer{
		ID: "1234", Kind: store.KindAnswer, ChannelID: "42", UserHash: asker,
		Question: "How many people use Alipay?",
		Text:     "More than 1 billion users [1], of which 450 million real-name users [2].",
		Sources:  []store.SourceRef{{N: 1, DocID: "alipay-en", Passage: 2}, {N: 2, DocID: "alipay-fr", Passage: 5}},
	})
	if err != nil {
		log.Fatal(err)
	}
	if err := s.RecordVote(ctx, store.Vote{AnswerID: "1234", UserHash: s.HashUser("99"), Value: +1}); err != nil {
		log.Fatal(err)
	}

	// After a restart, the "Show passage [2]" button finds its passage.
	a, ok, err := s.Answer(ctx, "1234")
	if err != nil || !ok {
		log.Fatal(ok, err)
	}
	up, down, err := s.Votes(ctx, "1234")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(filepath.Base(s.Path()))
	fmt.Println(a.Sources[1].DocID, a.Sources[1].Passage)
	fmt.Println(up, down)
	// Output:
	// corpusbot.db
	// alipay-fr 5
	// 1 0
}

// This example follows the crash-safe briefing protocol: run again after a
// crash, it posts only the parts that did not go out.
func ExampleStore_ClaimBriefing() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "corpusbot")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	s, err := store.Open(ctx, store.Config{Dir: dir})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	channel, slot := "42", time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)
	id, state, err := s.ClaimBriefing(ctx, channel, slot)
	if err != nil || state == store.StatePosted {
		return // failed, or already done
	}
	parts, points, err := s.Plan(ctx, id)
	if err != nil {
		log.Fatal(err)
	}
	if len(parts) == 0 { // not generated yet
		seen, err := s.PostedPointKeys(ctx, channel)
		if err != nil {
			log.Fatal(err)
		}
		_ = seen // the generator leaves these points out
		parts = []string{"**Payments** Alipay ... [1]", "**Tech** Tencent ... [1]"}
		points = [][]store.Point{
			{{Key: "alipay-users", Text: "Alipay ...", Sources: []string{"alipay-en#2"}}},
			{{Key: "tencent-results", Text: "Tencent ...", Sources: []string{"tencent#0"}}},
		}
		if err := s.SavePlan(ctx, id, parts, points); err != nil {
			log.Fatal(err)
		}
	}
	posted, err := s.PostedParts(ctx, id)
	if err != nil {
		log.Fatal(err)
	}
	done := make(map[int]bool)
	for _, p := range posted {
		done[p.N] = true
	}
	for i, text := range parts {
		if done[i] {
			continue
		}
		messageID := fmt.Sprint("msg-", i) // post text to Discord here
		fmt.Println("posted:", text)
		if err := s.RecordPosted(ctx, id, i, messageID, points[i]); err != nil {
			log.Fatal(err)
		}
	}
	if err := s.CompleteBriefing(ctx, id); err != nil {
		log.Fatal(err)
	}
	keys, err := s.PostedPointKeys(ctx, channel)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(keys), keys["alipay-users"])
	// Output:
	// posted: **Payments** Alipay ... [1]
	// posted: **Tech** Tencent ... [1]
	// 2 true
}

// This example shows two processes sharing one database: the first to
// take the lease leads; the other takes over once the leader releases it
// (or stops renewing it), with the next epoch, and the old leader's fenced
// briefing writes are refused from then on.
func ExampleStore_AcquireLease() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "corpusbot")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	// With PostgreSQL: store.Config{DatabaseURL: "postgres://…"}, one per process.
	a, err := store.Open(ctx, store.Config{Dir: dir})
	if err != nil {
		log.Fatal(err)
	}
	defer a.Close()
	b, err := store.Open(ctx, store.Config{Dir: dir})
	if err != nil {
		log.Fatal(err)
	}
	defer b.Close()

	epoch, ok, _ := a.AcquireLease(ctx, "bot", "a", 10*time.Second)
	fmt.Println("a leads:", ok, "epoch", epoch)
	_, ok, _ = b.AcquireLease(ctx, "bot", "b", 10*time.Second)
	fmt.Println("b leads:", ok)

	fenced := a.Fenced(store.Fence{Name: "bot", Holder: "a", Epoch: epoch})
	if err := a.ReleaseLease(ctx, "bot", "a", epoch); err != nil { // a stops
		log.Fatal(err)
	}
	next, ok, _ := b.AcquireLease(ctx, "bot", "b", 10*time.Second)
	fmt.Println("b leads:", ok, "epoch", next)
	_, _, err = fenced.ClaimBriefing(ctx, "42", time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC))
	fmt.Println("a's briefing refused:", errors.Is(err, store.ErrFenced))
	// Output:
	// a leads: true epoch 1
	// b leads: false
	// b leads: true epoch 2
	// a's briefing refused: true
}
