package bot_test

import (
	"context"
	"fmt"
	"log"
	"log/slog"
	"os"
	"time"

	"corpusbot/answer"
	"corpusbot/bot"
	"corpusbot/corpus"
	"corpusbot/secret"
	"corpusbot/store"
)

// New checks the configuration before anything connects; Run then serves
// until its context ends.
func ExampleNew() {
	ctx := context.Background()
	c, err := corpus.Load(ctx, corpus.Embedded(), corpus.Config{})
	if err != nil {
		log.Fatal(err)
	}
	p, err := answer.New(answer.Config{}, c, nil) // no model: extractive answers
	if err != nil {
		log.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "corpusbot")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	st, err := store.Open(ctx, store.Config{Dir: dir})
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()

	cfg := bot.Config{
		Token:             secret.New(""), // read from DISCORD_TOKEN in corpusbot
		UserRate:          bot.DefaultUserRate,
		UserBurst:         bot.DefaultUserBurst,
		BriefingChannelID: "123456789012345678",
		BriefingTime:      "9am",
		BriefingTZ:        time.UTC,
	}
	_, err = bot.New(cfg, p, st, slog.Default())
	fmt.Println(err)
	cfg.Token = secret.New("token")
	_, err = bot.New(cfg, p, st, slog.Default())
	fmt.Println(err)
	cfg.BriefingTime = "09:00"
	b, err := bot.New(cfg, p, st, slog.Default())
	fmt.Println(b != nil, err)
	// Output:
	// bot: no token
	// bot: briefing time "9am": want HH:MM (24-hour)
	// true <nil>
}
