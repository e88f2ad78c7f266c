package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
)

// Permissions the bot needs, and why; the invite asks for exactly these.
const (
	permViewChannel         = 1 << 10 // see the channels it is asked in
	permSendMessages        = 1 << 11 // answer
	permEmbedLinks          = 1 << 14 // sources and passages as embeds
	permReadMessageHistory  = 1 << 16 // reply to the asking message and read its thread
	permCreatePublicThreads = 1 << 35 // THREAD_MODE=auto opens a thread per conversation
	permSendInThreads       = 1 << 38 // answer follow-ups inside that thread

	invitePermissions = permViewChannel | permSendMessages | permEmbedLinks |
		permReadMessageHistory | permCreatePublicThreads | permSendInThreads
)

// errNoToken is the one line a newcomer sees from `go run .` without a token.
var errNoToken = errors.New(`DISCORD_TOKEN is not set: put your bot token in .env or the environment to start the Discord bot (see README, "Discord setup"); to try it without Discord: go run . ask "Why was Alipay told to spin off its micro-loan business?"`)

func inviteURL(appID string) string {
	q := url.Values{}
	q.Set("client_id", appID)
	q.Set("scope", "bot applications.commands")
	q.Set("permissions", strconv.FormatInt(invitePermissions, 10))
	return "https://discord.com/oauth2/authorize?" + q.Encode()
}

func (e *env) invite(args []string) error {
	if len(args) > 0 {
		return usagef("invite takes no arguments")
	}
	if e.cfg.DiscordAppID == "" {
		return &configError{Key: "DISCORD_APP_ID", Want: "your application's ID (Developer Portal → General Information)"}
	}
	fmt.Fprintln(e.stdout, inviteURL(e.cfg.DiscordAppID))
	return nil
}

func (e *env) runBot(ctx context.Context, args []string) error {
	if len(args) > 0 {
		return usagef("run takes no arguments; settings come from the environment")
	}
	if e.cfg.DiscordToken.IsZero() {
		return errNoToken
	}
	return errors.New("the Discord bot is not built yet; use the ask, search, summary and briefing commands")
}
