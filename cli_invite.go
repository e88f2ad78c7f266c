package main

import (
	"context"
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

func inviteURL(appID string) string {
	q := url.Values{}
	q.Set("client_id", appID)
	q.Set("scope", "bot applications.commands")
	q.Set("permissions", strconv.FormatInt(invitePermissions, 10))
	return "https://discord.com/oauth2/authorize?" + q.Encode()
}

// invite is `corpusbot invite`: the bot's invite URL.
func (e *env) invite(ctx context.Context, args []string) error {
	fs, _ := e.newFlagSet("invite")
	args, err := e.parse(ctx, fs, args)
	if err != nil {
		return err
	}
	if len(args) > 0 {
		return usagef("invite takes no arguments")
	}
	if e.cfg.DiscordAppID == "" {
		return &configError{Key: "DISCORD_APP_ID", Want: "your application's ID (Developer Portal → General Information)"}
	}
	fmt.Fprintln(e.stdout, inviteURL(e.cfg.DiscordAppID))
	return nil
}
