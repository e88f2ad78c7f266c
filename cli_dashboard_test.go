package main

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"corpusbot/store"
)

const e2eAdminToken = "e2e-admin-token-0123456789abcdef"

func TestAdminAddrWithoutTokenRefusesToStart(t *testing.T) {
	for _, tt := range []struct{ args []string }{{[]string{"run"}}, {[]string{"dashboard"}}} {
		for _, token := range []string{"", "short"} {
			env := map[string]string{"DISCORD_TOKEN": "x", "ADMIN_ADDR": "127.0.0.1:0", "ADMIN_TOKEN": token, "DATA_DIR": t.TempDir()}
			_, errOut, code := runCLI(t, env, tt.args...)
			if code == 0 || !strings.Contains(errOut, "ADMIN_TOKEN") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
				t.Errorf("%v with token %q: exit %d, stderr %q; want one line naming ADMIN_TOKEN", tt.args, token, code, errOut)
			}
		}
	}
}

// TestDashboardCommandServesTheDatabase runs `corpusbot dashboard` on a
// database the bot filled, signs in and reads a page.
func TestDashboardCommandServesTheDatabase(t *testing.T) {
	dir := t.TempDir()
	seedReport(t, dir)
	stderr := &e2eBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	env := map[string]string{"DATA_DIR": dir, "ADMIN_TOKEN": e2eAdminToken, "LOG_LEVEL": "info"}
	go func() {
		done <- run(ctx, []string{"dashboard", "--addr", "127.0.0.1:0"}, envMap(env), io.Discard, stderr)
	}()
	base := waitDashboardURL(t, stderr, done)
	c := &http.Client{Timeout: 20 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	req, _ := http.NewRequest(http.MethodPost, base+"login", strings.NewReader(url.Values{"token": {e2eAdminToken}, "next": {"/gaps?days=7"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || len(resp.Cookies()) != 1 {
		t.Fatalf("login: %d, cookies %v", resp.StatusCode, resp.Cookies())
	}
	req, _ = http.NewRequest(http.MethodGet, base+"gaps?days=7", nil)
	req.AddCookie(resp.Cookies()[0])
	resp, err = c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "Sourdough starter recipe?") {
		t.Errorf("gaps page: %d, want 200 listing the unanswered question", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("dashboard returned %v after cancel, want nil", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("dashboard did not stop 20 s after cancel")
	}
	if strings.Contains(stderr.String(), e2eAdminToken) {
		t.Error("the admin token appears in the log")
	}
}

var dashboardURLRE = regexp.MustCompile(`"dashboard: listening" url=(http://127\.0\.0\.1:\d+/)`)

// waitDashboardURL waits for the log line that says where the dashboard
// listens.
func waitDashboardURL(t *testing.T, stderr *e2eBuffer, done chan error) string {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if m := dashboardURLRE.FindStringSubmatch(stderr.String()); m != nil {
			return m[1]
		}
		select {
		case err := <-done:
			t.Fatalf("run returned %v before the dashboard listened:\n%s", err, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("the dashboard never said where it listens:\n%s", stderr.String())
	return ""
}

// TestE2ERetentionDeletesOldQuestions starts the bot on a database holding
// a question older than RETAIN_DAYS and one younger: the old one goes at
// start, the other stays.
func TestE2ERetentionDeletesOldQuestions(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ctx := context.Background()
	st, err := store.Open(ctx, store.Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for _, a := range []store.Answer{
		{ID: "old", Kind: store.KindAnswer, Question: "Asked long ago?", Text: "t", At: now.AddDate(0, 0, -31)},
		{ID: "new", Kind: store.KindAnswer, Question: "Asked lately?", Text: "t", At: now.AddDate(0, 0, -29)},
	} {
		if err := st.RecordAnswer(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	b := startE2E(t, map[string]string{"DATA_DIR": dir, "RETAIN_DAYS": "30"})
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(b.stderr.String(), "deleted old questions and answers") {
		if time.Now().After(deadline) {
			t.Fatalf("no prune logged within 20 s:\n%s", b.stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	st, err = store.Open(ctx, store.Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, ok, err := st.Answer(ctx, "old"); err != nil || ok {
		t.Errorf("the question older than RETAIN_DAYS is still stored (%v)", err)
	}
	if _, ok, err := st.Answer(ctx, "new"); err != nil || !ok {
		t.Errorf("the question younger than RETAIN_DAYS is gone (%v)", err)
	}
}
