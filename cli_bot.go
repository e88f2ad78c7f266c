package main

import (
	"context"
	"errors"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"corpusbot/admin"
	"corpusbot/answer"
	"corpusbot/bot"
	"corpusbot/health"
	"corpusbot/store"
)

// errNoToken is the one line a newcomer sees from `go run .` without a token.
var errNoToken = errors.New(`DISCORD_TOKEN is not set: put your bot token in .env or the environment to start the Discord bot (see README, "Discord setup"); to try it without Discord: go run . ask "your question" (go run . ask --help shows examples from your documents)`)

func (e *env) runBot(ctx context.Context, args []string) error {
	fs, dir := e.newFlagSet("run")
	rest, err := e.parse(ctx, fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("run takes no arguments; settings come from the environment")
	}
	e.cfg.CorpusDir = *dir
	if e.cfg.DiscordToken.IsZero() {
		return errNoToken
	}
	if e.cfg.AdminAddr != "" {
		if err := checkAdminToken(e.cfg); err != nil {
			return err
		}
	}
	shard, err := e.resolveShard(ctx)
	if err != nil {
		return err
	}
	c, ix, pending, err := e.loadIndexed(ctx, e.cfg.CorpusDir)
	if err != nil {
		return err
	}
	var model answer.Model
	if e.cfg.llmEnabled() {
		// A transport of our own, so run leaves no keep-alive connection behind.
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.MaxIdleConnsPerHost = 16
		defer tr.CloseIdleConnections()
		m, err := e.newLLM(&http.Client{Transport: tr})
		if err != nil {
			return err
		}
		model = m
	}
	mon := health.New(health.Config{Logger: e.log, ExpectGateway: true})
	mon.SetLLMConfigured(model != nil)
	p, err := answer.NewIndexed(answer.Config{
		ContextTokens:    e.cfg.ContextTokens,
		MaxAnswerTokens:  e.cfg.MaxAnswerTokens,
		MaxQuestionRunes: e.cfg.MaxQuestionChars,
		Logger:           e.log,
		Observer:         mon,
		SourceURL:        e.cfg.SourceURL,
	}, c, ix, model)
	if err != nil {
		return err
	}
	mon.SetIndex(indexSize(p))
	st, err := store.Open(ctx, e.cfg.storeConfig(e.log, mon))
	if err != nil {
		return err
	}
	defer st.Close()
	syncDocuments(ctx, st, p.Documents(), e.log)
	rl := &reloader{env: e, dir: e.cfg.CorpusDir, p: p, onReload: func() {
		mon.SetIndex(indexSize(p))
		syncDocuments(ctx, st, p.Documents(), e.log)
	}}
	rl.remember(c)
	bs := &leaderStore{Store: st}
	if shard.Sharded() {
		shard.Identify = identifyGate(st, shard, identifySpacing, identifyHold, e.log)
	}
	var tokens bot.UserTokens
	if st.Dialect() == "postgres" {
		tokens = st // shared by the shards and a standby
	}
	b, err := bot.New(bot.Config{
		Token:                e.cfg.DiscordToken,
		AppID:                e.cfg.DiscordAppID,
		GuildID:              e.cfg.DiscordGuildID,
		APIBase:              e.cfg.DiscordAPIBase,
		MessageContentIntent: e.cfg.MessageContentIntent,
		ThreadMode:           e.cfg.ThreadMode,
		AllowedChannels:      e.cfg.AllowedChannelIDs,
		AllowedRoles:         e.cfg.AllowedRoleIDs,
		UserRate:             e.cfg.UserRate,
		UserBurst:            e.cfg.UserBurst,
		UserTokens:           tokens,
		MaxConcurrent:        e.cfg.MaxConcurrent,
		AnswerTimeout:        e.cfg.AnswerTimeout,
		QueueWait:            e.cfg.QueueWait,
		ConversationIdle:     e.cfg.ConversationIdle,
		HistoryTurns:         e.cfg.ConversationTurns,
		BriefingChannelID:    e.cfg.BriefingChannelID,
		BriefingTime:         e.cfg.BriefingTime,
		BriefingTZ:           e.cfg.BriefingTZ,
		Shard:                shard,
		Metrics:              mon,
		Reload:               rl.Reload,
	}, p, bs, e.log)
	if err != nil {
		return err
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	if pending != nil {
		// Built now: answer from the heap at once, save the snapshot
		// meanwhile, then serve from it, mapped, as after a restart.
		wg.Go(func() { rl.adopt(ctx, pending) })
	}
	serveErr := make(chan error, 2) // health and the dashboard
	if e.cfg.HealthAddr != "" {
		wg.Go(func() {
			if err := health.Serve(ctx, e.cfg.HealthAddr, mon.Handler(), e.log); err != nil {
				serveErr <- err
				cancel() // a health server that cannot start stops the bot: the operator asked for it
			}
		})
	}
	if e.cfg.AdminAddr != "" {
		dash, err := admin.New(admin.Config{Token: e.cfg.AdminToken, Source: st, Passages: p, Logger: e.log})
		if err != nil {
			return err
		}
		wg.Go(func() {
			if err := admin.Serve(ctx, e.cfg.AdminAddr, dash, e.log); err != nil {
				serveErr <- err
				cancel() // as with health: the operator asked for the dashboard
			}
		})
	}
	wg.Go(func() { st.RetainDays(ctx, e.cfg.RetainDays, e.log) })
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	wg.Go(func() { rl.reloadOn(ctx, hup) })
	if e.cfg.CorpusDir != "" && e.cfg.WatchCorpus {
		// Set up before the bot starts, so that a change made once it
		// answers is seen.
		if cw, err := rl.watch(watchQuiet, watchMaxWait, e.cfg.DataDir); err != nil {
			e.log.Warn("not watching the corpus folder; reload with SIGHUP or /reload", "error", err)
		} else {
			defer cw.Close()
			wg.Go(func() { cw.run(ctx) })
		}
	}

	err = e.lead(ctx, bs, b, shardLease(shard)) // a standby waits here
	cancel()
	wg.Wait()
	select {
	case serr := <-serveErr:
		return serr
	default:
		return err
	}
}

// indexSize counts what the pipeline serves, for /healthz and /metrics.
func indexSize(p *answer.Pipeline) (docs, passages int) {
	for _, d := range p.Documents() {
		docs++
		passages += len(d.Passages)
	}
	return docs, passages
}
