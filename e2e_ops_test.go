package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"corpusbot/internal/discordtest"
	"corpusbot/internal/openaitest"
)

// End-to-end tests of what an operator does: /reload, HEALTH_ADDR.

// startOn runs the program against the given fakes, so that a test can
// stop it and run it again on the same fake Discord; it returns once the
// commands are registered.
func startOn(t *testing.T, dc *discordtest.Server, ai *openaitest.Server, env map[string]string) *e2eBot {
	t.Helper()
	vars := map[string]string{
		"DISCORD_TOKEN":    e2eToken,
		"DISCORD_APP_ID":   dc.AppID(),
		"DISCORD_GUILD_ID": e2eGuild,
		"DISCORD_API_BASE": dc.URL(),
		"OPENAI_BASE_URL":  ai.URL(),
		"OPENAI_MODEL":     "test-model",
		"LLM_TIMEOUT":      "5s",
		"USER_RATE":        "0",
		"DATA_DIR":         t.TempDir(),
		"LOG_LEVEL":        "debug",
	}
	for k, v := range env {
		vars[k] = v
	}
	registered := 0
	for _, r := range dc.Requests() {
		if strings.HasPrefix(r.Route, "PUT /applications/") {
			registered++
		}
	}
	b := &e2eBot{t: t, dc: dc, ai: ai, stderr: &e2eBuffer{}, done: make(chan error, 1)}
	ctx, cancel := context.WithCancel(context.Background())
	b.cancel = cancel
	go func() {
		b.done <- run(ctx, []string{"run"}, func(k string) string { return vars[k] }, io.Discard, b.stderr)
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
	waitCtx, cancelWait := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancelWait()
	seen := 0
	if _, err := dc.WaitFor(waitCtx, func(r discordtest.Request) bool {
		if strings.HasPrefix(r.Route, "PUT /applications/") {
			seen++
		}
		return seen > registered
	}); err != nil {
		t.Fatalf("commands never registered: %v\n%s", err, b.stderr.String())
	}
	return b
}

// dispatchAsAdmin delivers the slash command in again, from a member with
// the Administrator permission. The fake sends every interaction with an
// ordinary member's permissions, so in must have been sent while no bot
// was connected: its own dispatch went to a closed gateway session and was
// never delivered, and the bot sees only this copy.
func dispatchAsAdmin(dc *discordtest.Server, in *discordtest.Interaction, name string) {
	const administrator = 1 << 3
	cmdID := "1"
	for _, c := range dc.Commands(in.GuildID) {
		if c.Name == name {
			cmdID = c.ID
		}
	}
	dc.Dispatch("INTERACTION_CREATE", map[string]any{
		"id": in.ID, "application_id": dc.AppID(), "type": discordtest.InteractionCommand, "token": in.Token, "version": 1,
		"channel_id": in.ChannelID, "guild_id": in.GuildID, "locale": "en-US", "guild_locale": "en-US", "context": 0,
		"data": map[string]any{"id": cmdID, "name": name, "type": 1, "guild_id": in.GuildID},
		"member": map[string]any{
			"user": in.User, "roles": []string{}, "joined_at": in.Created.UTC(),
			"permissions": strconv.FormatInt(administrator, 10),
		},
	})
}

// search runs /search and returns the first result's field name, or the
// reply's text when nothing matched.
func (b *e2eBot) search(q string) string {
	b.t.Helper()
	in := b.dc.SendSlash(discordtest.SlashOpts{Name: "search", GuildID: e2eGuild, ChannelID: e2eGeneral, User: e2eUser(2),
		Options: []discordtest.OptionValue{{Name: "query", Value: q}}})
	m, err := in.WaitOriginal(b.ctx(), func(m discordtest.Message) bool { return m.Flags&discordtest.FlagLoading == 0 })
	if err != nil {
		b.t.Fatalf("/search %q: %v", q, err)
	}
	if len(m.Embeds) > 0 && len(m.Embeds[0].Fields) > 0 {
		return m.Embeds[0].Fields[0].Name
	}
	return m.Content
}

func TestE2EReloadCommandSwapsIndex(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("gold.txt", "Gold prices\n\nGold prices hit a record high as investors sought safety.\n")
	dc := discordtest.New(t, discordtest.WithToken(e2eToken),
		discordtest.WithGuild(e2eGuild, []discordtest.Channel{{ID: e2eGeneral, Name: "general"}}, nil),
		discordtest.WithAckDeadline(time.Minute)) // the admin commands wait out a restart
	ai := openaitest.New(t, openaitest.WithResponder(e2eResponder))
	// Not watched, so that it is /reload that loads the changes.
	env := map[string]string{"CORPUS_DIR": dir, "WATCH_CORPUS": "false"}

	b := startOn(t, dc, ai, env)
	var reload map[string]any
	for _, c := range dc.Commands(e2eGuild) {
		if c.Name == "reload" {
			json.Unmarshal(c.Raw, &reload)
		}
	}
	if reload["default_member_permissions"] != "0" || reload["dm_permission"] != false {
		t.Fatalf("/reload registered as %v, want default_member_permissions \"0\" and dm_permission false", reload)
	}
	b.stop()
	slashReload := func() *discordtest.Interaction {
		return dc.SendSlash(discordtest.SlashOpts{Name: "reload", GuildID: e2eGuild, ChannelID: e2eGeneral, User: e2eUser(1)})
	}
	added, emptied := slashReload(), slashReload() // held back: see dispatchAsAdmin
	b = startOn(t, dc, ai, env)

	if got := b.search("yen exporters"); strings.Contains(got, "— yen #") {
		t.Fatalf("before the reload, /search found %q", got)
	}
	write("yen.txt", "The yen\n\nThe weak yen helps exporters, the prime minister said.\n")
	reloaded := func(in *discordtest.Interaction) string {
		t.Helper()
		dispatchAsAdmin(dc, in, "reload")
		m, err := in.WaitOriginal(b.ctx(), func(m discordtest.Message) bool { return m.Flags&discordtest.FlagLoading == 0 && m.Content != "" })
		if err != nil {
			t.Fatalf("no /reload report: %v; responses %+v", err, in.Responses())
		}
		if m.Flags&discordtest.FlagEphemeral == 0 {
			t.Errorf("/reload report %q is public, want it private", m.Content)
		}
		return m.Content
	}
	if got := reloaded(added); !regexp.MustCompile(`^Reloaded 2 documents \(\d+ passages\) in [0-9.]+[µm]?s$`).MatchString(got) {
		t.Errorf("/reload after adding a file: %q, want a report of 2 documents", got)
	}
	if got := b.search("yen exporters"); !strings.Contains(got, "— yen #0") || !strings.Contains(got, "✓") {
		t.Errorf("after the reload, /search's best passage is %q, want the new document's", got)
	}

	// A folder with nothing loadable: the reload fails and the index stays.
	os.Remove(filepath.Join(dir, "gold.txt"))
	os.Remove(filepath.Join(dir, "yen.txt"))
	if got, want := reloaded(emptied), "Reload failed, the current index stays: the corpus folder has no document I can read (.txt, .md, .markdown, .mdx, .qmd, .rmd, .rst, .adoc, .asciidoc, .asc, .html, .htm, .pdf, .docx, .pptx, .odt, .epub, .ipynb, .1–.9, .man, .org, .tex, .latex, .ltx, .texi, .texinfo, .txi, .pod, .wiki, .mediawiki)."; got != want {
		t.Errorf("/reload of an empty folder: %q, want %q", got, want)
	}
	if got := b.search("yen exporters"); !strings.Contains(got, "— yen #0") {
		t.Errorf("after a failed reload, /search's best passage is %q, want the old index's yen", got)
	}
	b.noViolations()
}

// freeAddr is a loopback address with a port nothing listens on (now).
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// metric returns the value of the sample named exactly series
// (name{labels}) in a Prometheus text exposition.
func metric(t *testing.T, exposition, series string) float64 {
	t.Helper()
	sc := bufio.NewScanner(strings.NewReader(exposition))
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), series+" "); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fatalf("%s: %v", series, err)
			}
			return f
		}
	}
	t.Errorf("/metrics has no %s", series)
	return 0
}

func TestE2EHealthEndpoints(t *testing.T) {
	t.Parallel()
	addr := freeAddr(t)
	b := startE2E(t, map[string]string{"HEALTH_ADDR": addr})
	b.finalOf(b.ask(e2eUser(1), e2eAsk))

	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 10 * time.Second}
	get := func(path string) (int, string) {
		t.Helper()
		resp, err := client.Get("http://" + addr + path)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		return resp.StatusCode, string(body)
	}

	code, body := get("/healthz")
	var h struct {
		Status           string `json:"status"`
		GatewayConnected bool   `json:"gateway_connected"`
		IndexLoaded      bool   `json:"index_loaded"`
		Documents        int    `json:"documents"`
	}
	if err := json.Unmarshal([]byte(body), &h); err != nil {
		t.Fatalf("/healthz %q: %v", body, err)
	}
	if code != http.StatusOK || h.Status != "ok" || !h.GatewayConnected || !h.IndexLoaded || h.Documents != 5 {
		t.Errorf("/healthz %d %s, want 200 ok with the gateway connected and 5 documents loaded", code, body)
	}

	code, body = get("/metrics")
	if code != http.StatusOK {
		t.Fatalf("/metrics: %d", code)
	}
	for _, tc := range []struct {
		series string
		min    float64
	}{
		{`corpusbot_questions_total{kind="ask"}`, 1},
		{`corpusbot_answer_seconds_count{kind="ask"}`, 1},
		{`corpusbot_retrieval_seconds_count`, 1},
		{`corpusbot_llm_seconds_count`, 1},
		{`corpusbot_llm_tokens_total{type="prompt"}`, 1},
		{`corpusbot_llm_tokens_total{type="completion"}`, 1},
		{`corpusbot_gateway_connected`, 1},
		{`corpusbot_index_documents`, 5},
	} {
		t.Run(tc.series, func(t *testing.T) {
			if got := metric(t, body, tc.series); got < tc.min {
				t.Errorf("%s = %v, want at least %v", tc.series, got, tc.min)
			}
		})
	}
	if got := metric(t, body, `corpusbot_questions_total{kind="ask"}`); got != 1 {
		t.Errorf(`corpusbot_questions_total{kind="ask"} = %v after one question, want 1`, got)
	}
}

func TestE2EBadHealthAddrStopsTheBot(t *testing.T) {
	t.Parallel()
	busy, err := net.Listen("tcp", "127.0.0.1:0") // held open: its port is in use
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	for _, tc := range []struct {
		name, addr string
		connects   bool // whether the bot may reach the gateway before it stops
	}{
		{"malformed", "8080", false},
		{"no port", "127.0.0.1", false},
		{"port in use", busy.Addr().String(), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dc := discordtest.New(t, discordtest.WithToken(e2eToken),
				discordtest.WithGuild(e2eGuild, []discordtest.Channel{{ID: e2eGeneral, Name: "general"}}, nil))
			vars := map[string]string{
				"DISCORD_TOKEN": e2eToken, "DISCORD_APP_ID": dc.AppID(), "DISCORD_GUILD_ID": e2eGuild,
				"DISCORD_API_BASE": dc.URL(), "DATA_DIR": t.TempDir(), "HEALTH_ADDR": tc.addr,
			}
			stderr := &e2eBuffer{}
			done := make(chan error, 1)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			go func() {
				done <- run(ctx, []string{"run"}, func(k string) string { return vars[k] }, io.Discard, stderr)
			}()
			var err error
			select {
			case err = <-done:
			case <-time.After(30 * time.Second):
				cancel()
				<-done
				t.Fatalf("run still running 30 s after start with HEALTH_ADDR=%q\n%s", tc.addr, stderr.String())
			}
			if err == nil || !strings.Contains(err.Error(), "HEALTH_ADDR") || strings.Contains(err.Error(), "\n") {
				t.Errorf("run returned %v, want one line naming HEALTH_ADDR", err)
			}
			if !tc.connects && dc.Identifies() > 0 {
				t.Errorf("the bot connected to Discord with a malformed HEALTH_ADDR")
			}
			if tc.connects && strings.Contains(stderr.String(), "bot is running") && !strings.Contains(stderr.String(), "bot stopped") {
				t.Errorf("the bot started and did not stop:\n%s", stderr.String())
			}
		})
	}
}

// TestE2EHealthReportsAFailingStore takes the data folder away while the
// bot runs: /healthz turns 503 degraded naming the store, /metrics counts
// the failures, and the log says so once.
func TestE2EHealthReportsAFailingStore(t *testing.T) {
	t.Parallel()
	addr, data := freeAddr(t), filepath.Join(t.TempDir(), "data")
	b := startE2E(t, map[string]string{"HEALTH_ADDR": addr, "DATA_DIR": data})
	b.finalOf(b.ask(e2eUser(1), e2eAsk))
	if err := os.RemoveAll(data); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(data, []byte("in the way"), 0o600); err != nil {
		t.Fatal(err)
	}
	// Recording this answer fails: it comes without buttons, saying so.
	if _, err := b.ask(e2eUser(2), e2eAsk).WaitOriginal(b.ctx(), func(m discordtest.Message) bool {
		return strings.Contains(m.Content, "couldn't save this answer")
	}); err != nil {
		t.Fatalf("no answer with the not-saved note: %v", err)
	}

	resp, err := (&http.Client{Timeout: 10 * time.Second}).Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var h struct {
		Status string `json:"status"`
		Store  string `json:"store"`
	}
	if err := json.Unmarshal(body, &h); err != nil {
		t.Fatalf("/healthz %q: %v", body, err)
	}
	if resp.StatusCode != http.StatusServiceUnavailable || h.Status != "degraded" || h.Store != "missing" {
		t.Errorf("/healthz %d %s, want 503 degraded with the store missing", resp.StatusCode, body)
	}
	resp, err = (&http.Client{Timeout: 10 * time.Second}).Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	metrics, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if got := metric(t, string(metrics), `corpusbot_store_errors_total{kind="missing"}`); got < 1 {
		t.Errorf(`corpusbot_store_errors_total{kind="missing"} = %v, want the failed write counted`, got)
	}
	if got := metric(t, string(metrics), `corpusbot_store_ok`); got != 0 {
		t.Errorf("corpusbot_store_ok = %v, want 0", got)
	}
	if n := strings.Count(b.stderr.String(), `msg="store: the database file is missing`); n != 1 {
		t.Errorf("the failing store is logged %d times, want once", n)
	}
}
