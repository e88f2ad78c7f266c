package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"corpusbot/bot"
	"corpusbot/health"
	"corpusbot/internal/discordtest"
	"corpusbot/internal/leaktest"
	"corpusbot/internal/openaitest"
	"corpusbot/internal/storetest"
)

// The health monitor takes the bot's metrics as they are.
var _ bot.Metrics = (*health.Monitor)(nil)

// End-to-end: the whole program, run(ctx, {"run"}, getenv, …), against a
// fake Discord and a fake LLM on 127.0.0.1. Nothing leaves this machine.

const (
	e2eGuild   = "200000000000000001"
	e2eGeneral = "200000000000000002"
	e2eRole    = "200000000000000004"
	e2eToken   = "e2e-bot-token"
	e2eAsk     = "Why was Alipay told to spin off its micro-loan business?"
)

// e2eBot is one run of the program.
type e2eBot struct {
	t      *testing.T
	dc     *discordtest.Server
	ai     *openaitest.Server
	stderr *e2eBuffer
	cancel context.CancelFunc
	done   chan error
}

// startE2E runs the program with the fakes' addresses and env on top.
func startE2E(t *testing.T, env map[string]string, aiOpts ...openaitest.Option) *e2eBot {
	t.Helper()
	return startE2EWith(t, env, nil, aiOpts...)
}

// startE2EWith is startE2E with options for the fake Discord too.
func startE2EWith(t *testing.T, env map[string]string, dcOpts []discordtest.Option, aiOpts ...openaitest.Option) *e2eBot {
	t.Helper()
	dc := discordtest.New(t, append([]discordtest.Option{discordtest.WithToken(e2eToken),
		discordtest.WithGuild(e2eGuild, []discordtest.Channel{{ID: e2eGeneral, Name: "general"}}, []discordtest.Role{{ID: e2eRole, Name: "analyst"}})}, dcOpts...)...)
	ai := openaitest.New(t, append([]openaitest.Option{openaitest.WithResponder(e2eResponder)}, aiOpts...)...)
	vars := map[string]string{
		"DISCORD_TOKEN":          e2eToken,
		"DISCORD_APP_ID":         dc.AppID(),
		"DISCORD_GUILD_ID":       e2eGuild,
		"DISCORD_API_BASE":       dc.URL(),
		"MESSAGE_CONTENT_INTENT": "true",
		"OPENAI_BASE_URL":        ai.URL(),
		"OPENAI_MODEL":           "test-model",
		"LLM_TIMEOUT":            "5s",
		"LLM_MAX_RETRIES":        "2",
		"USER_RATE":              "0",
		"DATA_DIR":               t.TempDir(),
		"LOG_LEVEL":              "debug",
	}
	for k, v := range env {
		vars[k] = v
	}
	if vars["DATABASE_URL"] == "" {
		storetest.Seed(t, vars["DATA_DIR"]) // a first start's migrations: tested in store and by runCLI's commands
	}
	b := &e2eBot{t: t, dc: dc, ai: ai, stderr: &e2eBuffer{}, done: make(chan error, 1)}
	ctx, cancel := context.WithCancel(context.Background())
	b.cancel = cancel
	go func() {
		b.done <- run(ctx, []string{"run"}, func(k string) string { return vars[k] }, &e2eBuffer{}, b.stderr)
	}()
	t.Cleanup(func() {
		b.stop()
		if t.Failed() {
			t.Logf("corpusbot stderr:\n%s", b.stderr.String())
		}
		if strings.Contains(b.stderr.String(), e2eToken) {
			t.Error("the bot token appears in the log")
		}
	})
	// Started once the commands are registered.
	ctxW, cancelW := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancelW()
	waitErr := make(chan error, 1)
	go func() {
		_, err := dc.WaitFor(ctxW, func(r discordtest.Request) bool { return strings.HasPrefix(r.Route, "PUT /applications/") })
		waitErr <- err
	}()
	select {
	case err := <-waitErr:
		if err != nil {
			t.Fatalf("commands never registered: %v\n%s", err, b.stderr.String())
		}
	case err := <-b.done:
		b.done <- err
		t.Fatalf("run returned %v before the bot started\n%s", err, b.stderr.String())
	}
	return b
}

// stop cancels run's context and checks that it returns nil; idempotent.
func (b *e2eBot) stop() {
	b.t.Helper()
	b.cancel()
	select {
	case err, ok := <-b.done:
		if !ok {
			return
		}
		close(b.done)
		if err != nil {
			b.t.Errorf("run returned %v after its context was cancelled, want nil", err)
		}
	case <-time.After(30 * time.Second):
		b.t.Fatal("run did not return 30 s after its context was cancelled")
	}
}

func (b *e2eBot) ctx() context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	b.t.Cleanup(cancel)
	return ctx
}

func (b *e2eBot) mention(channel string, u discordtest.User, text string) discordtest.Message {
	return b.dc.SendMessage(discordtest.MessageOpts{ChannelID: channel, GuildID: e2eGuild, Author: u,
		Content: "<@" + b.dc.BotUser().ID + "> " + text})
}

func (b *e2eBot) ask(u discordtest.User, q string) *discordtest.Interaction {
	return b.dc.SendSlash(discordtest.SlashOpts{Name: "ask", GuildID: e2eGuild, ChannelID: e2eGeneral, User: u,
		Options: []discordtest.OptionValue{{Name: "question", Value: q}}})
}

// finalIn waits for the bot's finished answer in a channel: the message
// with the vote buttons.
func (b *e2eBot) finalIn(channel string) discordtest.Message {
	b.t.Helper()
	m, err := b.dc.WaitMessage(b.ctx(), channel, func(m discordtest.Message) bool {
		return m.Author.ID == b.dc.BotUser().ID && e2eHasButton(m.Components, ":v:")
	})
	if err != nil {
		b.t.Fatalf("no answer in %s: %v; messages %+v", channel, err, b.dc.Messages(channel))
	}
	return m
}

func (b *e2eBot) finalOf(in *discordtest.Interaction) discordtest.Message {
	b.t.Helper()
	m, err := in.WaitOriginal(b.ctx(), func(m discordtest.Message) bool { return e2eHasButton(m.Components, ":v:") })
	if err != nil {
		b.t.Fatalf("no answer: %v; responses %+v", err, in.Responses())
	}
	return m
}

func (b *e2eBot) botMessages(channel string) []discordtest.Message {
	return b.dc.BotMessages(channel)
}

func (b *e2eBot) noViolations() {
	b.t.Helper()
	for _, v := range b.dc.Violations() {
		b.t.Errorf("Discord rule broken: %s %s: %s %s: %s", v.Method, v.Path, v.Rule, v.Field, v.Message)
	}
}

func e2eUser(n int) discordtest.User {
	return discordtest.User{ID: fmt.Sprintf("3000000000000%05d", n), Username: fmt.Sprintf("user%d", n)}
}

func e2eHasButton(cs []discordtest.Component, part string) bool {
	return discordtest.HasCustomID(cs, part)
}

var (
	e2ePassageRE     = regexp.MustCompile(`<passage n="(\d+)" doc="([^"]+)"`)
	e2ePassageTextRE = regexp.MustCompile(`(?s)<passage n="(\d+)" doc="[^"]*" title="[^"]*">\n(.*?)\n</passage>`)
)

// e2eQuoted backs every "[n]" of reply with the first words of passage n
// of the prompt, as a model following the quote rule does.
func e2eQuoted(prompt, reply string) string {
	for _, m := range e2ePassageTextRE.FindAllStringSubmatch(prompt, -1) {
		f := strings.Fields(m[2])
		reply = strings.ReplaceAll(reply, "["+m[1]+"]", "["+m[1]+"] «"+strings.Join(f[:min(6, len(f))], " ")+"»")
	}
	return reply
}

// e2eResponder plays the model: rewrites become keywords; answers cite
// the first passage given and name its document.
func e2eResponder(r openaitest.Request) openaitest.Reply {
	text := r.Text()
	if strings.Contains(text, "Rewrite the question") {
		return openaitest.Reply{Text: "en: Alipay micro-loans"}
	}
	m := e2ePassageRE.FindStringSubmatch(text)
	if m == nil {
		return openaitest.Reply{Text: "NOT_IN_CORPUS"}
	}
	return openaitest.Reply{Text: e2eQuoted(text, fmt.Sprintf("Regulators told Alipay to spin off its micro-loans, says %s [%s].", m[2], m[1]))}
}

// fixedAnswer makes every answer text, its citations backed by quotes
// (rewrites stay keywords).
func fixedAnswer(text string) func(openaitest.Request) openaitest.Reply {
	return func(r openaitest.Request) openaitest.Reply {
		if strings.Contains(r.Text(), "Rewrite the question") {
			return openaitest.Reply{Text: "en: Alipay micro-loans"}
		}
		return openaitest.Reply{Text: e2eQuoted(r.Text(), text)}
	}
}

func TestE2EMentionGetsCitedReplyNamingItsSource(t *testing.T) {
	t.Parallel()
	b := startE2E(t, nil)
	q := b.mention(e2eGeneral, e2eUser(1), e2eAsk)
	m := b.finalIn(q.ID) // THREAD_MODE defaults to auto: the thread's ID is the question's
	if !strings.Contains(m.Content, "[1]") || !strings.Contains(m.Content, "**Sources**\n[1] ") ||
		!strings.Contains(m.Content, "— alipay-ordered-to-spin-off-micro-loans.en") {
		t.Errorf("answer %q: want a citation and a Sources line naming the document", m.Content)
	}
	b.noViolations()
}

func TestE2EAskIsDeferredThenEdited(t *testing.T) {
	t.Parallel()
	b := startE2E(t, nil, openaitest.WithLatency(200*time.Millisecond))
	in := b.ask(e2eUser(1), e2eAsk)
	r, err := in.WaitResponse(b.ctx())
	if err != nil {
		t.Fatal(err)
	}
	if r.Type != 5 || r.At > time.Second {
		t.Errorf("first response: type %d after %v, want 5 (deferred) at once", r.Type, r.At)
	}
	m := b.finalOf(in)
	if !strings.Contains(m.Content, "[1]") || !strings.Contains(m.Content, "**Sources**") {
		t.Errorf("edited answer %q, want a cited answer with sources", m.Content)
	}
	b.noViolations()
}

func TestE2EAutocompleteReturnsMatchingDocuments(t *testing.T) {
	t.Parallel()
	b := startE2E(t, nil)
	in := b.dc.SendAutocomplete(discordtest.SlashOpts{Name: "summary", GuildID: e2eGuild, ChannelID: e2eGeneral,
		Options: []discordtest.OptionValue{{Name: "document", Value: "hatchet", Focused: true}}})
	r, err := in.WaitResponse(b.ctx())
	if err != nil {
		t.Fatal(err)
	}
	if r.Type != 8 || len(r.Choices) != 1 || r.Choices[0].Value != "alibaba-tencent-bury-the-hatchet.fr" {
		t.Errorf("autocomplete type %d choices %+v, want the one matching document", r.Type, r.Choices)
	}
}

func TestE2ELongAnswerArrivesSplitAndComplete(t *testing.T) {
	t.Parallel()
	// Thirty different sentences, each cited and quoted: the reader shows a
	// repeated sentence once.
	who := []string{"lenders", "banks", "merchants", "savers", "investors", "shoppers"}
	and := []string{"users", "borrowers", "sellers", "brokers", "insurers"}
	var sb strings.Builder
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&sb, "Part %02d. The regulators asked Alipay to separate its micro-loan business from its payments app, and the article describes at some length what that means for %s and %s [1].\n\n", i, who[(i-1)%6], and[(i-1)/6])
	}
	long := sb.String()
	if n := len([]rune(long)); n < 5000 {
		t.Fatalf("answer of %d characters, want 5,000 or more", n)
	}
	b := startE2E(t, map[string]string{"THREAD_MODE": "off"}, openaitest.WithResponder(fixedAnswer(long)))
	b.mention(e2eGeneral, e2eUser(1), e2eAsk)
	b.finalIn(e2eGeneral)
	msgs := b.botMessages(e2eGeneral)
	if len(msgs) < 3 {
		t.Fatalf("%d messages, want the answer split over 3 or more", len(msgs))
	}
	var all strings.Builder
	for _, m := range msgs {
		all.WriteString(m.Content)
	}
	last := -1
	for i := 1; i <= 30; i++ {
		at := strings.Index(all.String(), fmt.Sprintf("Part %02d.", i))
		if at <= last {
			t.Errorf("part %d missing or out of order", i)
		}
		last = at
	}
	b.noViolations() // the fake refuses content over 2,000 characters
}

func TestE2ELLMMentionsPingNoOne(t *testing.T) {
	t.Parallel()
	b := startE2E(t, nil, openaitest.WithResponder(fixedAnswer(
		"@everyone and @here, <@&"+e2eRole+"> must read this: Alipay was told to split [1].")))
	in := b.ask(e2eUser(1), e2eAsk)
	m := b.finalOf(in)
	if m.MentionEveryone || len(m.MentionRoles) > 0 || len(m.Mentions) > 0 {
		t.Errorf("answer %q mentions everyone=%v roles=%v users=%v, want no one", m.Content, m.MentionEveryone, m.MentionRoles, m.Mentions)
	}
	if m.AllowedMentions == nil || m.AllowedMentions.Parse == nil || len(m.AllowedMentions.Parse) != 0 {
		t.Errorf("allowed_mentions %+v, want parse []", m.AllowedMentions)
	}
	b.noViolations() // the fake refuses any body without allowed_mentions parse []
}

func TestE2ELLMRateLimitIsRetried(t *testing.T) {
	t.Parallel()
	b := startE2E(t, nil)
	b.ai.Push(openaitest.Text("en: Alipay micro-loans"), openaitest.RateLimited("0"))
	m := b.finalOf(b.ask(e2eUser(1), e2eAsk))
	if !strings.Contains(m.Content, "[1]") {
		t.Errorf("answer %q, want the cited answer after the retry", m.Content)
	}
	if n := b.ai.Calls(); n < 3 {
		t.Errorf("%d LLM calls, want the rewrite, the 429 and its retry", n)
	}
}

func TestE2ELLMOutageGivesShortError(t *testing.T) {
	t.Parallel()
	b := startE2E(t, map[string]string{"LLM_MAX_RETRIES": "1"})
	b.ai.Push(openaitest.Text("en: Alipay micro-loans"))
	for range 4 {
		b.ai.Push(openaitest.Status(http.StatusServiceUnavailable, "upstream overloaded"))
	}
	in := b.ask(e2eUser(1), e2eAsk)
	m, err := in.WaitOriginal(b.ctx(), func(m discordtest.Message) bool { return m.Flags&discordtest.FlagLoading == 0 && m.Content != "" })
	if err != nil {
		t.Fatal(err)
	}
	if m.Content != "The language model is unavailable right now. Please try again later." {
		t.Errorf("error shown: %q", m.Content)
	}
	if strings.Contains(m.Content, "503") || strings.Contains(m.Content, "overloaded") {
		t.Errorf("error shown %q leaks the raw API error", m.Content)
	}
}

func TestE2EDroppedGatewayResumesAndAnswersMissedMessage(t *testing.T) {
	t.Parallel()
	b := startE2E(t, nil)
	b.dc.DropConnection()
	q := b.mention(e2eGeneral, e2eUser(1), e2eAsk) // sent while the bot is disconnected
	b.finalIn(q.ID)
	if b.dc.Resumes() < 1 || b.dc.Identifies() != 1 {
		t.Errorf("resumes %d, identifies %d: want the session resumed, not a new one", b.dc.Resumes(), b.dc.Identifies())
	}
}

func TestE2EHundredSimultaneousQuestions(t *testing.T) {
	before := runtime.NumGoroutine()
	// Acknowledgement within Discord's 3 s is checked by the bot package's
	// test of the same load; here, where the root and bot packages' tests may
	// run at once under -race on two cores, the fake allows more, so that
	// this test is about every question being answered. For the same
	// reason the model's calls get a minute, not the suite's 5 s: a hundred
	// streams of a second each, at once, under -race, on a loaded machine.
	b := startE2EWith(t, map[string]string{"MAX_CONCURRENT_ANSWERS": "100", "LLM_TIMEOUT": "60s"},
		[]discordtest.Option{discordtest.WithAckDeadline(30 * time.Second)}, openaitest.WithLatency(time.Second))
	const n = 100
	ins := make([]*discordtest.Interaction, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { ins[i] = b.ask(e2eUser(i), fmt.Sprintf("%s (%d)", e2eAsk, i)) })
	}
	wg.Wait()
	for i, in := range ins {
		m := b.finalOf(in)
		if !strings.Contains(m.Content, "[1]") {
			t.Errorf("question %d: answer %q", i, m.Content)
		}
		if _, ok := in.Acked(); !ok {
			t.Errorf("question %d was never acknowledged", i)
		}
	}
	b.noViolations()

	b.stop()
	// The fakes hang up on their clients; whatever is left is a leak.
	b.dc.Close()
	b.ai.Close()
	// The bot, discordgo, websockets, the database and HTTP connections.
	if err := leaktest.Settle(30*time.Second, "corpusbot/bot.", "corpusbot/llm.", "discordgo.", "gorilla/websocket.",
		"database/sql.", "net/http.(*persistConn)", "net/http.(*conn).serve", "corpusbot.run"); err != nil {
		t.Errorf("after run returned (%d goroutines before): %v", before, err)
	}
}

type e2eBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *e2eBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *e2eBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
