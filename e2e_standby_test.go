package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"corpusbot/internal/discordtest"
	"corpusbot/internal/openaitest"
	"corpusbot/store"
)

// A leader/standby pair of real processes on one PostgreSQL, against the
// fake Discord and the fake model on 127.0.0.1.

const (
	standbyBriefing = "200000000000000009"
	standbyPoints   = 24 // enough for a briefing of three or more messages
)

// TestStandbyTakesOverMidBriefing kills the leader (SIGKILL) while Discord
// holds its answer to part 2 of the daily briefing, part 2 already posted
// but not recorded. The standby must connect within 15 s, answer, and
// finish the briefing with every point once. Then a deploy: a new process
// starts as standby, the leader is stopped (SIGTERM) and the new one leads.
func TestStandbyTakesOverMidBriefing(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()

	dbURL := e2eDatabase(ctx, t, "standby")
	// A password (the test server trusts its socket and ignores it) that
	// must never be logged.
	const dbPassword = "s3cret-pw"
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(u.User.Username(), dbPassword)
	dbURL = u.String()

	// The deployment moves from its SQLite file first.
	sqliteDir := t.TempDir()
	old, err := store.Open(ctx, store.Config{Dir: sqliteDir, CheckInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	asker := old.HashUser("300000000000000001")
	if err := old.RecordAnswer(ctx, store.Answer{ID: "old-answer", Kind: store.KindAnswer, Question: "What did the regulators ask?",
		Text: "To spin off [1].", UserHash: asker, Sources: []store.SourceRef{{N: 1, DocID: "alipay", Passage: 1}}}); err != nil {
		t.Fatal(err)
	}
	old.Close()
	var copyOut, copyErr bytes.Buffer
	copyEnv := map[string]string{"DATA_DIR": sqliteDir, "DATABASE_URL": dbURL}
	if err := run(ctx, []string{"copy-state"}, func(k string) string { return copyEnv[k] }, &copyOut, &copyErr); err != nil {
		t.Fatalf("copy-state: %v\n%s", err, copyErr.String())
	}
	if !strings.Contains(copyOut.String(), "answers                  1") || strings.Contains(copyOut.String()+copyErr.String(), dbPassword) {
		t.Errorf("copy-state printed:\n%s%s", copyOut.String(), copyErr.String())
	}
	bin := buildBinary(ctx, t)

	dc := discordtest.New(t, discordtest.WithToken(e2eToken), discordtest.WithGuild(e2eGuild,
		[]discordtest.Channel{{ID: e2eGeneral, Name: "general"}, {ID: standbyBriefing, Name: "briefing"}}, nil))
	var briefings atomic.Int32
	ai := openaitest.New(t, openaitest.WithResponder(standbyBriefingResponder(&briefings)))
	hold := newPartHolder(t, dc.URL(), standbyBriefing, 2)

	env := []string{
		"DISCORD_TOKEN=" + e2eToken,
		"DISCORD_APP_ID=" + dc.AppID(),
		"DISCORD_GUILD_ID=" + e2eGuild,
		"DISCORD_API_BASE=" + hold.URL(),
		"OPENAI_BASE_URL=" + ai.URL(),
		"OPENAI_MODEL=test-model",
		"LLM_TIMEOUT=10s",
		"USER_RATE=0",
		"DATABASE_URL=" + dbURL,
		"LEADER_LEASE=2s",
		// A slot a minute ago is caught up at once by whoever leads.
		"BRIEFING_CHANNEL_ID=" + standbyBriefing,
		"BRIEFING_TIME=" + time.Now().UTC().Add(-time.Minute).Format("15:04"),
		"BRIEFING_TZ=UTC",
		"LOG_LEVEL=debug",
	}
	start := func(name string) *e2eProc { return startProc(t, bin, name, env, dbPassword) }
	waitLog := func(p *e2eProc, s string, within time.Duration) { t.Helper(); p.waitLogged(t, s, within) }

	a := start("leader")
	waitLog(a, "msg=leading", time.Minute)
	b := start("standby")
	waitLog(b, "another process leads; standing by", time.Minute)

	// The leader posts part 1, then part 2, whose answer Discord holds.
	select {
	case <-hold.held:
	case <-ctx.Done():
		t.Fatalf("the leader never posted part 2 of the briefing\n%s", a.log.String())
	}
	if b.logged("msg=leading") {
		t.Fatal("the standby leads alongside the leader")
	}
	killed := time.Now()
	if err := a.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-a.done
	hold.release()

	// The standby connects within 15 s and answers.
	identified := dc.Identifies()
	waitCtx, cancelWait := context.WithTimeout(ctx, 15*time.Second)
	defer cancelWait()
	for dc.Identifies() < 2 {
		select {
		case <-waitCtx.Done():
			t.Fatalf("the standby did not connect to Discord within 15 s of the leader's death (identifies: %d)", identified)
		case <-time.After(50 * time.Millisecond):
		}
	}
	if err := dc.WaitReady(waitCtx); err != nil {
		t.Fatal(err)
	}
	connected := time.Since(killed)
	in := dc.SendSlash(discordtest.SlashOpts{Name: "search", GuildID: e2eGuild, ChannelID: e2eGeneral, User: e2eUser(1),
		Options: []discordtest.OptionValue{{Name: "query", Value: "Alipay micro-loans"}}})
	if _, err := in.WaitOriginal(waitCtx, func(m discordtest.Message) bool {
		return m.Flags&discordtest.FlagLoading == 0 && strings.Contains(m.Content+fmt.Sprint(m.Embeds), "Alipay")
	}); err != nil {
		t.Fatalf("the standby did not answer within 15 s of the leader's death: %v", err)
	}
	t.Logf("the standby connected %v and answered %v after the leader was killed", connected.Round(time.Millisecond), time.Since(killed).Round(time.Millisecond))

	// It finishes the briefing: every point once, part 2 found rather
	// than posted again, the plan not written anew.
	st, err := store.Open(ctx, store.Config{DatabaseURL: dbURL, CheckInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for {
		if _, ok, err := st.LastBriefing(ctx, standbyBriefing); err != nil {
			t.Fatal(err)
		} else if ok {
			break
		}
		select {
		case <-ctx.Done():
			t.Fatalf("the standby did not finish the briefing\n%s", b.log.String())
		case <-time.After(100 * time.Millisecond):
		}
	}
	var all strings.Builder
	msgs := 0
	for _, m := range dc.Messages(standbyBriefing) {
		if m.Author.ID == dc.BotUser().ID {
			for _, l := range strings.Split(m.Content, "\n") {
				if !strings.HasPrefix(l, "-# ") { // the small print, which quotes marked sentences
					all.WriteString(l + "\n")
				}
			}
			msgs++
		}
	}
	if msgs < 3 {
		t.Errorf("%d briefing messages, want three or more", msgs)
	}
	for i := 1; i <= standbyPoints; i++ {
		if n := strings.Count(all.String(), fmt.Sprintf("Point %02d:", i)); n != 1 {
			t.Errorf("point %02d posted %d times, want once", i, n)
		}
	}
	if n := strings.Count(all.String(), "**Briefing for "); n != 1 {
		t.Errorf("the briefing's header posted %d times, want once", n)
	}
	if n := briefings.Load(); n != 1 {
		t.Errorf("the model wrote %d briefings, want 1: the standby resumes the leader's plan", n)
	}
	if !b.logged("found a briefing part posted before a restart") {
		t.Error("the standby did not find part 2, which Discord had accepted from the leader")
	}

	// A deploy: start the new one, stop the old one.
	c := start("new")
	waitLog(c, "another process leads; standing by", time.Minute)
	stopped := time.Now()
	if err := b.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-b.done:
		if err != nil {
			t.Errorf("the stopped leader exited with %v, want 0", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("the stopped leader did not exit")
	}
	waitLog(c, "msg=leading", 15*time.Second)
	t.Logf("the new process led %v after the old one was told to stop", time.Since(stopped).Round(time.Millisecond))
	if !b.logged("released the lead") {
		t.Error("the stopped leader did not release the lease")
	}
	if n := len(dc.Messages(standbyBriefing)); n != msgs {
		t.Errorf("%d briefing messages after the deploy, want %d: the new leader posted the briefing again", n, msgs)
	}

	// The operator's report reads the same database.
	var out, errOut bytes.Buffer
	getenv := func(k string) string { return map[string]string{"DATABASE_URL": dbURL}[k] }
	if err := run(ctx, []string{"report", "--since", "1d", "--json"}, getenv, &out, &errOut); err != nil {
		t.Fatalf("report on PostgreSQL: %v\n%s", err, errOut.String())
	}
	if !strings.Contains(out.String(), `"questions": 1,`) || strings.Contains(out.String()+errOut.String(), dbPassword) {
		t.Errorf("report on PostgreSQL:\n%s\n%s", out.String(), errOut.String())
	}
}

// standbyBriefingResponder writes a briefing of standbyPoints points, each
// citing a passage of the prompt with a quote; other requests get the
// usual e2e answers.
func standbyBriefingResponder(briefings *atomic.Int32) func(openaitest.Request) openaitest.Reply {
	return func(r openaitest.Request) openaitest.Reply {
		text := r.Text()
		if !strings.Contains(text, "Write a team briefing") {
			return e2eResponder(r)
		}
		briefings.Add(1)
		ps := e2ePassageRE.FindAllStringSubmatch(text, -1)
		var b strings.Builder
		b.WriteString("**Payments and regulation**\n")
		for i := range standbyPoints {
			p := ps[i%len(ps)]
			fmt.Fprintf(&b, "- Point %02d: according to %s the regulators and the companies changed course on lending, payments and the data they hold, which the team should follow closely this week [%s].\n", i+1, p[2], p[1])
		}
		return openaitest.Reply{Text: e2eQuoted(text, b.String())}
	}
}

// partHolder is a proxy in front of the fake Discord's REST API: it
// passes everything, except that the answer to the nth message posted in
// one channel is held (the message itself reaches Discord) until release.
type partHolder struct {
	srv      *http.Server
	url      string
	held     chan struct{}
	unblock  chan struct{}
	once     sync.Once
	relOnce  sync.Once
	posts    atomic.Int32
	channel  string
	holdPart int32
}

func newPartHolder(t *testing.T, target, channel string, part int) *partHolder {
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	h := &partHolder{held: make(chan struct{}), unblock: make(chan struct{}), channel: channel, holdPart: int32(part)}
	proxy := httputil.NewSingleHostReverseProxy(u)
	mux := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, "/channels/"+channel+"/messages") {
			proxy.ServeHTTP(w, r)
			return
		}
		if h.posts.Add(1) != h.holdPart {
			proxy.ServeHTTP(w, r)
			return
		}
		rec := &bufferedResponse{header: http.Header{}}
		proxy.ServeHTTP(rec, r) // Discord has the message
		h.once.Do(func() { close(h.held) })
		select {
		case <-h.unblock:
		case <-r.Context().Done():
		}
		// The process that asked is dead by now; answer anyway.
		for k, v := range rec.header {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.status)
		w.Write(rec.body.Bytes())
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h.srv = &http.Server{Handler: mux}
	h.url = "http://" + ln.Addr().String()
	go h.srv.Serve(ln)
	t.Cleanup(func() {
		h.release()
		h.srv.Close()
	})
	return h
}

func (h *partHolder) URL() string { return h.url }

func (h *partHolder) release() { h.relOnce.Do(func() { close(h.unblock) }) }

// bufferedResponse keeps a response to forward later.
type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *bufferedResponse) Header() http.Header { return b.header }
func (b *bufferedResponse) WriteHeader(s int)   { b.status = s }
func (b *bufferedResponse) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return b.body.Write(p)
}
