package admin

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"corpusbot/secret"
)

// The dashboard's security claims (docs/security.md, "Operator's
// dashboard"), one test each.

func TestSecurityLoginIsRateLimited(t *testing.T) {
	ts := newTestServer(t)
	for range 10 {
		ts.login(t, "wrong-token-wrong-token-wrong")
	}
	if resp := ts.login(t, testToken); resp.StatusCode != http.StatusTooManyRequests {
		t.Errorf("after 10 wrong tokens the right one got %d, want 429 until the minute passes", resp.StatusCode)
	}
}

func TestSecurityCrossSitePostIsRefused(t *testing.T) {
	ts := newTestServer(t)
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/login", strings.NewReader("token="+testToken))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://evil.example")
	resp, err := ts.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site login post: %d, want 403", resp.StatusCode)
	}
}

// TestSecurityStoredQuestionsRenderAsText: every question is untrusted; markup in
// one shows as text on every page that shows it.
func TestSecurityStoredQuestionsRenderAsText(t *testing.T) {
	ts := newTestServer(t)
	ts.login(t, testToken)
	for _, p := range []string{"/questions", "/answers/ans3", "/gaps"} {
		_, body, _ := ts.get(t, p)
		if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") {
			t.Errorf("%s: the question's markup is in the page as markup", p)
		}
		if !strings.Contains(body, "&lt;script&gt;alert(&#34;owned&#34;)&lt;/script&gt;") {
			t.Errorf("%s: the question is not shown as text", p)
		}
	}
}

// allPages are every page and export a signed-in operator can open.
var allPages = []string{"/", "/?days=all", "/gaps", "/gaps.csv", "/questions", "/questions.csv", "/answers/ans1",
	"/answers/ans3", "/documents", "/briefings"}

// TestSecurityPagesNameNoUser: the store keeps askers and voters as hashes;
// no page or export shows one, nor a guild or channel ID of a question.
func TestSecurityPagesNameNoUser(t *testing.T) {
	ts := newTestServer(t)
	ts.login(t, testToken)
	secrets := []string{ts.st.HashUser("42"), ts.st.HashUser("1"), ts.st.HashUser("2")}
	for _, p := range allPages {
		_, body, _ := ts.get(t, p)
		for _, h := range secrets {
			if strings.Contains(body, h) {
				t.Errorf("%s shows a user hash", p)
			}
		}
	}
}

var externalRef = regexp.MustCompile(`(?i)(src|href|action|url\()\s*=?\s*["']?\s*(https?:)?//`)

// TestSecurityNoExternalRequests: no page loads anything from elsewhere
// (fonts, scripts, images), and the policy forbids it anyway.
func TestSecurityNoExternalRequests(t *testing.T) {
	ts := newTestServer(t)
	ts.login(t, testToken)
	for _, p := range append(allPages, "/static/style.css", "/login") {
		_, body, h := ts.get(t, p)
		if m := externalRef.FindString(body); m != "" {
			t.Errorf("%s refers to another site: %q", p, m)
		}
		if !strings.HasSuffix(p, ".csv") && !strings.Contains(h.Get("Content-Security-Policy"), "default-src 'none'") {
			t.Errorf("%s: no Content-Security-Policy default-src 'none'", p)
		}
	}
}

// TestSecurityTokenStaysSecret: the token is never in a cookie, a page, a
// redirect or the log, wrong tokens included.
func TestSecurityTokenStaysSecret(t *testing.T) {
	var logs bytes.Buffer
	ts := newTestServer(t)
	s, err := New(Config{Token: secretToken(), Source: ts.st, Now: func() time.Time { return testNow },
		Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = s
	wrong := "wrong-" + testToken
	ts.login(t, wrong)
	resp := ts.login(t, testToken)
	for _, c := range resp.Cookies() {
		if strings.Contains(c.Value, testToken) {
			t.Error("the session cookie holds the token")
		}
	}
	for _, p := range allPages {
		_, body, h := ts.get(t, p)
		if strings.Contains(body, testToken) || strings.Contains(h.Get("Location"), testToken) {
			t.Errorf("%s shows the token", p)
		}
	}
	if strings.Contains(logs.String(), testToken) || strings.Contains(logs.String(), wrong) {
		t.Error("the log holds a token typed at the login page")
	}
	if !strings.Contains(logs.String(), "wrong token") {
		t.Error("a wrong token is not logged")
	}
}

// TestSecurityCSVFormulasAreDefused: a question typed as a spreadsheet
// formula is exported as text.
func TestSecurityCSVFormulasAreDefused(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"http://evil\")": "'=HYPERLINK(\"http://evil\")", "+1": "'+1", "-2+3": "'-2+3", "@SUM(A1)": "'@SUM(A1)",
		"\t=1": "'\t=1", "plain": "plain", "": "",
	} {
		if got := cells(in)[0]; got != want {
			t.Errorf("cells(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSecurityNonLoopbackAddressIsWarned: Serve warns when ADMIN_ADDR is not a
// loopback address.
func TestSecurityNonLoopbackAddressIsWarned(t *testing.T) {
	for _, tt := range []struct {
		addr string
		warn bool
	}{{"127.0.0.1:0", false}, {"0.0.0.0:0", true}} {
		logs := &syncBuf{}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() {
			done <- Serve(ctx, tt.addr, http.NotFoundHandler(), slog.New(slog.NewTextHandler(logs, nil)))
		}()
		deadline := time.Now().Add(10 * time.Second)
		for !strings.Contains(logs.String(), "listening") && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		cancel()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		// Without the line, no warning would pass for the loopback
		// address having been judged.
		if !strings.Contains(logs.String(), "listening") {
			t.Fatalf("%s: Serve never logged that it listens within 10 s:\n%s", tt.addr, logs.String())
		}
		if got := strings.Contains(logs.String(), "non-loopback"); got != tt.warn {
			t.Errorf("%s: warned %v, want %v:\n%s", tt.addr, got, tt.warn, logs.String())
		}
	}
}

// TestSecurityLoginRedirectStaysOnSite: the page asked for before signing
// in is where the login goes back to, and only if it is on this site.
func TestSecurityLoginRedirectStaysOnSite(t *testing.T) {
	ts := newTestServer(t)
	for _, next := range []string{"//evil.example/", "https://evil.example/", "/\\evil.example"} {
		req, _ := http.NewRequest(http.MethodPost, ts.URL+"/login", strings.NewReader(url.Values{"token": {testToken}, "next": {next}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, err := ts.client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if loc := resp.Header.Get("Location"); loc != "/" {
			t.Errorf("next %q: redirected to %q, want /", next, loc)
		}
	}
}

func secretToken() secret.String { return secret.New(testToken) }

// syncBuf lets a logger write from Serve's goroutine while the test reads.
type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
