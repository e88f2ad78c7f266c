package bot_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"corpusbot/answer"
	"corpusbot/bot"
	"corpusbot/corpus"
	"corpusbot/internal/discordtest"
	"corpusbot/internal/leaktest"
	"corpusbot/internal/openaitest"
	"corpusbot/internal/storetest"
	"corpusbot/llm"
	"corpusbot/secret"
	"corpusbot/store"
)

const (
	guildID   = "200000000000000001"
	generalID = "200000000000000002"
	otherID   = "200000000000000003"
	roleID    = "200000000000000004"
	botToken  = "test-bot-token"
)

// TestMain fails the run when a goroutine of the bot, discordgo, the
// fakes or an HTTP connection outlives the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 {
		if err := settle(10 * time.Second); err != nil {
			fmt.Fprintln(os.Stderr, err)
			code = 1
		}
	}
	os.Exit(code)
}

var leakMarkers = []string{
	"corpusbot/bot.",
	"discordgo.(*Session)",
	"gorilla/websocket.",
	"net/http.(*persistConn)",
	"database/sql.(*DB)",
	"discordtest.(*",
	"openaitest.(*",
}

// settle waits up to d for the goroutines of leakMarkers to end.
func settle(d time.Duration) error { return leaktest.Settle(d, leakMarkers...) }

// harness is a running bot between a fake Discord and a fake LLM: the
// end-to-end tests run the real discordgo client, answer pipeline and store
// against internal/discordtest and internal/openaitest, both on 127.0.0.1.
type harness struct {
	t       *testing.T
	dc      *discordtest.Server
	ai      *openaitest.Server
	st      *store.Store
	p       *answer.Pipeline
	cfg     bot.Config
	dir     string
	gateway [3]time.Duration // see setup.gateway
	llmTr   *http.Transport  // the LLM client's connections
	logs    *syncBuffer
	cancel  context.CancelFunc
	done    chan error
}

type setup struct {
	cfg func(*bot.Config)
	// gateway scales the gateway's recovery timing: identify interval,
	// reconnect backoff cap and close wait. Zero: fast timings (Discord's
	// real limits are tested on their own).
	gateway [3]time.Duration
	dcOpts  []discordtest.Option
	aiOpts  []openaitest.Option
	noLLM   bool
	retries int
	// llmTimeout is LLM_TIMEOUT; zero: 30 s, generous for a loaded machine
	// (the tests of a model that hangs or stalls set their own).
	llmTimeout time.Duration
	// corpus is the documents' folder; nil: the embedded corpus.
	corpus fs.FS
}

// start runs a bot; it is stopped when the test ends.
func start(t *testing.T, s setup) *harness {
	t.Helper()
	dcOpts := append([]discordtest.Option{
		discordtest.WithToken(botToken),
		discordtest.WithGuild(guildID,
			[]discordtest.Channel{{ID: generalID, Name: "general"}, {ID: otherID, Name: "other"}},
			[]discordtest.Role{{ID: roleID, Name: "analyst"}}),
	}, s.dcOpts...)
	h := &harness{t: t, dc: discordtest.New(t, dcOpts...), logs: &syncBuffer{}, dir: t.TempDir(), gateway: s.gateway}
	h.ai = openaitest.New(t, append([]openaitest.Option{openaitest.WithResponder(citingResponder)}, s.aiOpts...)...)

	ctx := context.Background()
	docs := s.corpus
	if docs == nil {
		docs = corpus.Embedded()
	}
	c, err := corpus.Load(ctx, docs, corpus.Config{})
	if err != nil {
		t.Fatal(err)
	}
	tr := &http.Transport{}
	h.llmTr = tr
	t.Cleanup(tr.CloseIdleConnections)
	var model answer.Model
	if !s.noLLM {
		timeout := s.llmTimeout
		if timeout == 0 {
			timeout = 30 * time.Second
		}
		m, err := llm.New(llm.Config{
			BaseURL: h.ai.URL(), Model: "test-model", Timeout: timeout,
			MaxRetries: s.retries, RetryBase: 10 * time.Millisecond, HTTPClient: &http.Client{Transport: tr},
		})
		if err != nil {
			t.Fatal(err)
		}
		model = m
	}
	if h.p, err = answer.New(answer.Config{}, c, model); err != nil {
		t.Fatal(err)
	}
	h.cfg = bot.Config{
		Token: secret.New(botToken), AppID: h.dc.AppID(), GuildID: guildID, APIBase: h.dc.URL(),
		MessageContentIntent: true, EditInterval: 200 * time.Millisecond, ShutdownGrace: 3 * time.Second,
	}
	if s.cfg != nil {
		s.cfg(&h.cfg)
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("bot log:\n%s", h.logs.String())
		}
		if strings.Contains(h.logs.String(), botToken) {
			t.Errorf("the bot token appears in the log")
		}
	})
	h.run()
	return h
}

// run starts the bot (again, after stop) on the same Discord, LLM and
// data folder, and waits until it has registered its commands.
func (h *harness) run() {
	h.t.Helper()
	ctx := context.Background()
	var err error
	log := slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	storetest.Seed(h.t, h.dir)
	if h.st, err = store.Open(ctx, store.Config{Dir: h.dir, Logger: log}); err != nil {
		h.t.Fatal(err)
	}
	b, err := bot.New(h.cfg, h.p, h.st, log)
	if err != nil {
		h.t.Fatal(err)
	}
	g := h.gateway
	if g == [3]time.Duration{} {
		g = [3]time.Duration{300 * time.Millisecond, 300 * time.Millisecond, 20 * time.Millisecond}
	}
	bot.SetGatewayTiming(b, g[0], g[1], g[2])
	registered := len(h.registrations())
	runCtx, cancel := context.WithCancel(ctx)
	h.cancel, h.done = cancel, make(chan error, 1)
	go func() { h.done <- b.Run(runCtx) }()
	h.t.Cleanup(h.stop)
	// WaitFor holds the fake's lock while it matches: count, don't query.
	seen := 0
	h.waitFor(func(r discordtest.Request) bool {
		if strings.HasPrefix(r.Route, "PUT /applications/") {
			seen++
		}
		return seen > registered
	})
}

func (h *harness) registrations() []discordtest.Request {
	var out []discordtest.Request
	for _, r := range h.dc.Requests() {
		if strings.HasPrefix(r.Route, "PUT /applications/") {
			out = append(out, r)
		}
	}
	return out
}

// stop cancels the bot's context, waits for Run and closes the store;
// idempotent.
func (h *harness) stop() {
	h.cancel()
	select {
	case err, ok := <-h.done:
		if !ok {
			return
		}
		close(h.done)
		if err != nil {
			h.t.Errorf("Run returned %v, want nil", err)
		}
		h.st.Close()
	case <-time.After(20 * time.Second):
		h.t.Fatal("Run did not return 20 s after its context was cancelled")
	}
}

func (h *harness) ctx() context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	h.t.Cleanup(cancel)
	return ctx
}

func (h *harness) waitFor(match func(discordtest.Request) bool) discordtest.Request {
	h.t.Helper()
	r, err := h.dc.WaitFor(h.ctx(), match)
	if err != nil {
		h.t.Fatalf("waiting for a request: %v", err)
	}
	return r
}

// mention sends "@bot text" in channel as user.
func (h *harness) mention(channel string, user discordtest.User, text string) discordtest.Message {
	return h.dc.SendMessage(discordtest.MessageOpts{
		ChannelID: channel, GuildID: guildID, Author: user,
		Content: "<@" + h.dc.BotUser().ID + "> " + text,
	})
}

// final waits for the bot's finished answer in channel: the message that
// carries the vote buttons.
func (h *harness) final(channel string) discordtest.Message {
	h.t.Helper()
	m, err := h.dc.WaitMessage(h.ctx(), channel, func(m discordtest.Message) bool {
		return m.Author.ID == h.dc.BotUser().ID && hasButton(m.Components, ":v:")
	})
	if err != nil {
		h.t.Fatalf("no final answer in %s: %v; messages: %+v", channel, err, h.dc.Messages(channel))
	}
	return m
}

// botMessages is the bot's messages in channel, as last edited.
func (h *harness) botMessages(channel string) []discordtest.Message {
	return h.dc.BotMessages(channel)
}

func (h *harness) noViolations() {
	h.t.Helper()
	for _, v := range h.dc.Violations() {
		h.t.Errorf("Discord rule broken: %s %s: %s %s: %s", v.Method, v.Path, v.Rule, v.Field, v.Message)
	}
}

// hasButton reports a component whose custom ID holds idPart.
func hasButton(cs []discordtest.Component, idPart string) bool {
	return discordtest.HasCustomID(cs, idPart)
}

func buttonIDs(cs []discordtest.Component) []string {
	var out []string
	for _, c := range cs {
		if c.CustomID != "" {
			out = append(out, c.CustomID)
		}
		out = append(out, buttonIDs(c.Components)...)
	}
	return out
}

var passageRE = regexp.MustCompile(`<passage n="(\d+)" doc="([^"]+)"`)

var promptPassageRE = regexp.MustCompile(`(?s)<passage n="(\d+)" doc="[^"]*" title="[^"]*">\n(.*?)\n</passage>`)

// cite is how a model following the quote rule cites passage n of a
// prompt: "[n] «its first words»".
func cite(prompt, n string) string {
	for _, m := range promptPassageRE.FindAllStringSubmatch(prompt, -1) {
		if m[1] == n {
			f := strings.Fields(m[2])
			return "[" + n + "] «" + strings.Join(f[:min(6, len(f))], " ") + "»"
		}
	}
	return "[" + n + "]"
}

// citingResponder plays a model: rewrites become English keywords, and an
// answer cites the first passage of the prompt, naming its document.
func citingResponder(r openaitest.Request) openaitest.Reply {
	text := r.Text()
	if strings.Contains(text, "Rewrite the question") {
		return openaitest.Reply{Text: "en: Alipay micro-loans"}
	}
	m := passageRE.FindStringSubmatch(text)
	if m == nil {
		return openaitest.Reply{Text: "NOT_IN_CORPUS"}
	}
	if strings.Contains(text, "Write a team briefing") {
		var b strings.Builder
		b.WriteString("**Payments**\n")
		for i, p := range passageRE.FindAllStringSubmatch(text, 3) {
			fmt.Fprintf(&b, "- Point %d comes from this document %s.\n", i+1, cite(text, p[1]))
		}
		return openaitest.Reply{Text: b.String()}
	}
	return openaitest.Reply{Text: fmt.Sprintf("According to %s, regulators acted on the micro-loan business %s.", m[2], cite(text, m[1]))}
}

// variedClaim is the i-th of thirty different sentences a long scripted
// reply is made of, for passage 1 to back with its quote (see cite): the
// reader shows a repeated sentence once, so a reply that is to arrive
// whole says something new each time.
func variedClaim(i int) string {
	who := []string{"lenders", "banks", "merchants", "savers", "investors", "shoppers"}
	and := []string{"users", "borrowers", "sellers", "brokers", "insurers"}
	return fmt.Sprintf("The regulators asked Alipay to separate its micro-loan business from its payments app, as the article describes for %s and %s", who[i%6], and[i/6%5])
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// question is one the embedded corpus answers.
const question = "Why was Alipay told to spin off its micro-loan business?"

func user(n int) discordtest.User {
	return discordtest.User{ID: fmt.Sprintf("3000000000000%05d", n), Username: fmt.Sprintf("user%d", n)}
}

func ask(h *harness, u discordtest.User, channel, q string, private bool, roles ...string) *discordtest.Interaction {
	opts := []discordtest.OptionValue{{Name: "question", Value: q}}
	if private {
		opts = append(opts, discordtest.OptionValue{Name: "private", Value: true})
	}
	return h.dc.SendSlash(discordtest.SlashOpts{Name: "ask", Options: opts, GuildID: guildID, ChannelID: channel, User: u, Roles: roles})
}

// waitFinal waits until the interaction's response carries vote buttons.
func waitFinal(h *harness, in *discordtest.Interaction) discordtest.Message {
	h.t.Helper()
	m, err := in.WaitOriginal(h.ctx(), func(m discordtest.Message) bool { return hasButton(m.Components, ":v:") })
	if err != nil {
		h.t.Fatalf("no final answer: %v; responses %+v", err, in.Responses())
	}
	return m
}

// waitContent waits until the interaction's response contains s.
func waitContent(h *harness, in *discordtest.Interaction, s string) discordtest.Message {
	h.t.Helper()
	m, err := in.WaitOriginal(h.ctx(), func(m discordtest.Message) bool { return strings.Contains(m.Content, s) })
	if err != nil {
		h.t.Fatalf("no response containing %q: %v; responses %+v", s, err, in.Responses())
	}
	return m
}
