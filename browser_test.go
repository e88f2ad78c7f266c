package main

import (
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"corpusbot/internal/discordtest"
	"corpusbot/internal/openaitest"
)

// The dashboard in a real browser: headless Chromium (Debian's chromium
// package) driven through the DevTools protocol by chromedp, against the
// whole program filled by real questions through the pipeline, on
// 127.0.0.1 only.

// chromiumPath is where Debian's package puts the browser.
const chromiumPath = "/usr/bin/chromium"

var screenshotDir = flag.String("screenshots", "", "write the browser test's screenshots to this folder (docs/dashboard to update the README's)")

// The planted question the corpus does not cover: the gaps page must list it.
const plantedGap = "What is the recipe for Neapolitan pizza dough?"

const xssAsk = `<script>document.title="owned"</script><img src=x onerror="document.title='owned'"> Why did Alipay spin off micro-loans?`

// browserResponder plays the model: rewrites keep the question's subject,
// so the pizza question finds nothing and abstains; answers cite the first
// passage given.
func browserResponder(r openaitest.Request) openaitest.Reply {
	if strings.Contains(r.Text(), "Rewrite the question") {
		if strings.Contains(r.Text(), "pizza") {
			return openaitest.Reply{Text: "en: Neapolitan pizza dough recipe"}
		}
		return openaitest.Reply{Text: "en: Alipay micro-loans"}
	}
	return e2eResponder(r)
}

func TestBrowserDashboard(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Fatalf("the browser test needs Chromium at %s: install it with `apt-get install -y chromium` (.ci/run does): %v", chromiumPath, err)
	}
	b := startE2E(t, map[string]string{
		"ADMIN_ADDR": "127.0.0.1:0", "ADMIN_TOKEN": e2eAdminToken, "LLM_MAX_RETRIES": "1", "THREAD_MODE": "off",
	}, openaitest.WithResponder(browserResponder))
	base := waitDashboardURL(t, b.stderr, b.done)

	// Real questions through the pipeline: answered in a channel and in a
	// DM, one the corpus does not cover, one that fails, one carrying
	// markup, a /briefing, and votes.
	answered := []string{
		e2eAsk,
		"Who is Zhao Zhiguo?",
		"What did regulators order Alipay to do?",
		"How many users does Alipay have?",
		"Pourquoi Alibaba et Tencent se réconcilient-ils ?",
	}
	var finals []discordtest.Message
	for i, q := range answered {
		finals = append(finals, b.finalOf(b.ask(e2eUser(i), q)))
	}
	const dm = "250000000000000077"
	b.dc.SendMessage(discordtest.MessageOpts{ChannelID: dm, Author: e2eUser(10), Content: "What is Ant Group?"})
	b.finalIn(dm)
	b.finalOf(b.ask(e2eUser(11), xssAsk))
	b.finalOf(b.ask(e2eUser(12), plantedGap))
	b.ai.Push(openaitest.Text("en: Alipay micro-loans"))
	for range 4 {
		b.ai.Push(openaitest.Status(http.StatusServiceUnavailable, "overloaded"))
	}
	fail := b.ask(e2eUser(13), "When did Ant Group plan its listing?")
	if _, err := fail.WaitOriginal(b.ctx(), func(m discordtest.Message) bool { return strings.Contains(m.Content, "unavailable") }); err != nil {
		t.Fatalf("no error shown for the failing question: %v", err)
	}
	brief := b.dc.SendSlash(discordtest.SlashOpts{Name: "briefing", GuildID: e2eGuild, ChannelID: e2eGeneral, User: e2eUser(14),
		Options: []discordtest.OptionValue{{Name: "topic", Value: "Alipay"}}})
	b.finalOf(brief)
	b.vote(finals[0], "up", e2eUser(20))
	b.vote(finals[0], "up", e2eUser(21))
	b.vote(finals[1], "down", e2eUser(22))
	const (
		wantQuestions = 9 // 5 + DM + markup + planted + failed
		wantAbstained = 1
		wantFailed    = 1
		wantAnswered  = 7
	)

	shots := *screenshotDir
	if shots == "" {
		shots = t.TempDir()
	}
	ctx := newBrowser(t)
	run := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		return strings.TrimSpace(browserGet(t, ctx, "read "+sel, chromedp.Text(chromedp.CSS(sel))))
	}
	shot := func(name string) {
		t.Helper()
		png := browserGet(t, ctx, "screenshot "+name, chromedp.FullScreenshot(100))
		if err := os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// A wrong token is refused; the right one opens the overview.
	run("open the dashboard", chromedp.Navigate(base), chromedp.WaitVisible(chromedp.CSS(`#token`)))
	run("sign in with a wrong token",
		chromedp.SendKeys(chromedp.CSS(`#token`), "not-the-token-at-all-0000"),
		chromedp.Submit(chromedp.CSS(`#token`)),
		chromedp.WaitVisible(chromedp.CSS(`#login-error`)))
	if got := text(`#login-error`); got != "That token is not right." {
		t.Errorf("wrong token: %q", got)
	}
	run("sign in",
		chromedp.SendKeys(chromedp.CSS(`#token`), e2eAdminToken),
		chromedp.Submit(chromedp.CSS(`#token`)),
		chromedp.WaitVisible(chromedp.CSS(`#n-questions`)))
	for sel, want := range map[string]string{
		"#n-questions": fmt.Sprint(wantQuestions),
		"#n-answered":  fmt.Sprintf("%d %d%%", wantAnswered, (wantAnswered*100+wantQuestions/2)/wantQuestions),
		"#n-abstained": fmt.Sprintf("%d %d%%", wantAbstained, (wantAbstained*100+wantQuestions/2)/wantQuestions),
		"#n-failed":    fmt.Sprintf("%d %d%%", wantFailed, (wantFailed*100+wantQuestions/2)/wantQuestions),
		"#n-votes":     "2 up · 1 down",
	} {
		if got := text(sel); got != want {
			t.Errorf("overview %s = %q, want %q", sel, got, want)
		}
	}
	if got := text(`#by-language`); !strings.Contains(got, "English (en)") || !strings.Contains(got, "French (fr)") {
		t.Errorf("by language: %q, want English and French", got)
	}
	shot("overview")

	// Coverage gaps: the planted question, and the one voted down.
	run("open the gaps", chromedp.Click(chromedp.CSS(`nav a[href^="/gaps"]`)), chromedp.WaitVisible(chromedp.CSS(`.topics`)))
	gaps := text(`.topics`)
	if !strings.Contains(gaps, plantedGap) || !strings.Contains(gaps, "not covered") || !strings.Contains(gaps, "voted down") {
		t.Errorf("gaps page lacks the planted question or the voted-down one:\n%s", gaps)
	}
	shot("gaps")

	// Questions: pages of 4, the next page, a search.
	run("open the questions", chromedp.Navigate(base+"questions?per=4"), chromedp.WaitVisible(chromedp.CSS(`#result-count`)))
	if got := text(`#result-count`); !strings.HasPrefix(got, fmt.Sprintf("Questions 1–4 of %d.", wantQuestions)) {
		t.Errorf("first page: %q", got)
	}
	shot("questions")
	run("next page", chromedp.Click(chromedp.CSS(`a[rel="next"]`)), chromedp.WaitVisible(chromedp.CSS(`a[rel="prev"]`)))
	if got := text(`.pager span`); got != "Page 2 of 3" {
		t.Errorf("after Older: %q, want Page 2 of 3", got)
	}
	run("search",
		chromedp.SendKeys(chromedp.CSS(`#q`), "pizza"),
		chromedp.Submit(chromedp.CSS(`#q`)),
		// The value attribute is the server's: the results page, not the form typed in.
		chromedp.WaitVisible(chromedp.CSS(`#q[value="pizza"]`)))
	if got := text(`#result-count`); !strings.HasPrefix(got, "Questions 1–1 of 1.") || !strings.Contains(text(`.questions-table`), plantedGap) {
		t.Errorf("search for pizza: %q", got)
	}

	// Stored questions are text: the markup one shows its tags, runs nothing.
	run("search the markup question", chromedp.Navigate(base+"questions?q=onerror"), chromedp.WaitVisible(chromedp.CSS(`.questions-table`)))
	title := browserGet(t, ctx, "title", chromedp.Title())
	scripts := browserGet(t, ctx, "count scripts", chromedp.Evaluate[int](`document.querySelectorAll("script").length`))
	images := browserGet(t, ctx, "count images", chromedp.Evaluate[int](`document.querySelectorAll("main img").length`))
	if title == "owned" || scripts != 0 || images != 0 || !strings.Contains(text(`.questions-table`), `<script>document.title="owned"</script>`) {
		t.Errorf("the markup question: title %q, %d scripts, %d images; want it shown as text and nothing run", title, scripts, images)
	}

	// An answer's detail: the cited passages as Discord showed them.
	run("open an answer", chromedp.Navigate(base+"questions?q=Zhao"), chromedp.WaitVisible(chromedp.CSS(`.questions-table`)),
		chromedp.Click(chromedp.CSS(`.questions-table th a`)), chromedp.WaitVisible(chromedp.CSS(`.sources`)))
	if got := text(`.sources`); !strings.Contains(got, "[1]") || !strings.Contains(got, "alipay-ordered-to-spin-off-micro-loans.en") {
		t.Errorf("answer sources: %q", got)
	}
	shot("answer")

	// Documents: the embedded corpus, cited and never cited.
	run("open the documents", chromedp.Navigate(base+"documents"), chromedp.WaitVisible(chromedp.CSS(`#cited`)))
	if got := text(`#cited`); !strings.Contains(got, "alipay-ordered-to-spin-off-micro-loans.en") {
		t.Errorf("cited documents: %q", got)
	}
	shot("documents")

	run("open the briefings", chromedp.Navigate(base+"briefings"), chromedp.WaitVisible(chromedp.CSS(`#on-demand`)))
	if got := text(`#on-demand`); !strings.Contains(got, "Alipay") {
		t.Errorf("briefings asked for: %q, want the /briefing on Alipay", got)
	}
	shot("briefings")

	// CSV: downloaded with the browser's own session cookie (the pages'
	// policy forbids scripts to fetch, so the test fetches as the browser).
	cookies, err := chromedp.Call(ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{base}})
	if err != nil || len(cookies.Cookies) != 1 || !cookies.Cookies[0].HTTPOnly || cookies.Cookies[0].SameSite != network.CookieSameSiteStrict {
		t.Fatalf("browser cookies %+v, %v; want one HttpOnly SameSite=Strict session cookie", cookies, err)
	}
	download := func(path string) string {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, base+path, nil)
		req.AddCookie(&http.Cookie{Name: cookies.Cookies[0].Name, Value: cookies.Cookies[0].Value})
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
			t.Fatalf("%s: %d %s", path, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		return string(b)
	}
	body := download("questions.csv")
	recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil || len(recs) != wantQuestions+1 || !strings.Contains(body, plantedGap) {
		t.Errorf("questions.csv: %d rows, %v; want a header and %d questions including the planted one", len(recs), err, wantQuestions)
	}
	if body := download("gaps.csv"); !strings.HasPrefix(body, "topic,question,") || !strings.Contains(body, plantedGap) {
		t.Errorf("gaps.csv lacks the planted question:\n%s", body)
	}

	// On a phone: nothing wider than the screen.
	run("phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)), chromedp.Navigate(base),
		chromedp.WaitVisible(chromedp.CSS(`#n-questions`)))
	overflow := browserGet(t, ctx, "measure", chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
	if overflow {
		t.Error("the overview is wider than a 390 px phone screen")
	}
	shot("overview-phone")

	// Signing out ends the session.
	run("sign out", chromedp.Click(chromedp.CSS(`.logout button`)), chromedp.WaitVisible(chromedp.CSS(`#token`)))
	run("questions after sign-out", chromedp.Navigate(base+"questions"), chromedp.WaitVisible(chromedp.CSS(`#token`)))
	url := browserGet(t, ctx, "location", chromedp.Location())
	if !strings.Contains(url, "/login") {
		t.Errorf("after signing out /questions went to %s, want the login page", url)
	}
}

// vote clicks 👍 or 👎 ("up", "down") under m as u and waits for the thanks.
func (b *e2eBot) vote(m discordtest.Message, dir string, u discordtest.User) {
	b.t.Helper()
	id := e2eButtonID(m.Components, ":v:", ":"+dir)
	if id == "" {
		b.t.Fatalf("no %s button under %s", dir, m.ID)
	}
	in := b.dc.SendComponent(id, m, discordtest.As(u))
	if _, err := in.WaitResponse(b.ctx()); err != nil {
		b.t.Fatalf("vote %s: %v", dir, err)
	}
}

func e2eButtonID(cs []discordtest.Component, part, suffix string) string {
	for _, c := range cs {
		if strings.Contains(c.CustomID, part) && strings.HasSuffix(c.CustomID, suffix) {
			return c.CustomID
		}
		if id := e2eButtonID(c.Components, part, suffix); id != "" {
			return id
		}
	}
	return ""
}

// newBrowser starts headless Chromium with a fresh profile and nothing
// that reaches out (no QUIC, background networking, component updates or
// sync); every page it loads is on 127.0.0.1. It ends with the test.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	// Generous: Chromium starts slowly on a loaded machine.
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelT(); cancelB(); cancelA() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return ctx
}

// browserGet runs one action that returns a value.
func browserGet[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}
