package admin

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"corpusbot/internal/storetest"
	"corpusbot/secret"
	"corpusbot/store"
)

const testToken = "a-long-enough-test-token-0123456789"

// testNow is the dashboard's clock in tests: the seeded answers fall in
// its last 30 days.
var testNow = time.Date(2025, 3, 20, 12, 0, 0, 0, time.UTC)

const xssQuestion = `<script>alert("owned")</script><img src=x onerror=alert(1)> What is the refund policy?`

// seed records answers as the bot would.
func seed(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	u := st.HashUser("42")
	at := func(d, h int) time.Time { return time.Date(2025, 3, 10+d, h, 0, 0, 0, time.UTC) }
	answers := []store.Answer{
		{ID: "ans1", Kind: store.KindAnswer, Question: "Why was Alipay told to spin off its micro-loan business?",
			Text: "Regulators told it to [1].", At: at(0, 9), Lang: "en", Latency: 1200 * time.Millisecond,
			PromptTokens: 900, CompletionTokens: 60, ChannelKind: store.ChannelThread,
			Sources: []store.SourceRef{{N: 1, DocID: "alipay-en", Passage: 0, Title: "Alipay ordered to spin off", LineStart: 3, LineEnd: 4, Quote: "Regulators told Alipay."}}},
		{ID: "ans2", Kind: store.KindAnswer, Question: "What is the best sourdough recipe?", Text: "The corpus does not cover this.",
			At: at(1, 9), Abstained: true, Lang: "en", Latency: 300 * time.Millisecond, ChannelKind: store.ChannelGuild,
			Nearest: []string{"alipay-en"}},
		{ID: "ans3", Kind: store.KindAnswer, Question: xssQuestion, Text: "=HYPERLINK(\"http://evil\") not covered.",
			At: at(2, 9), Abstained: true, Lang: "en", Latency: 250 * time.Millisecond, ChannelKind: store.ChannelDM},
		{ID: "ans4", Kind: store.KindAnswer, Question: "Qui dirige Tencent ?", Text: "Ma Huateng [1].", At: at(3, 9), Lang: "fr",
			Latency: 2 * time.Second, PromptTokens: 800, CompletionTokens: 40, Unverified: 1, ChannelKind: store.ChannelGuild,
			Sources: []store.SourceRef{{N: 1, DocID: "tencent-fr", Passage: 2}}},
		{ID: "ans5", Kind: store.KindAnswer, Question: "When did Ant Group list?", At: at(4, 9), Outcome: store.OutcomeFailed,
			Failure: "timeout", Lang: "en", ChannelKind: store.ChannelGuild},
	}
	for i := range 7 {
		answers = append(answers, store.Answer{ID: fmt.Sprintf("more%d", i), Kind: store.KindAnswer,
			Question: fmt.Sprintf("Filler question number %d about payments", i), Text: "Payments [1].", At: at(5, 9+i),
			Lang: "en", Latency: time.Second, ChannelKind: store.ChannelThread, Sources: []store.SourceRef{{N: 1, DocID: "alipay-en"}}})
	}
	for _, a := range answers {
		a.UserHash = u
		if err := st.RecordAnswer(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.RecordVote(ctx, store.Vote{AnswerID: "ans1", UserHash: st.HashUser("1"), Value: 1, At: at(0, 10)}); err != nil {
		t.Fatal(err)
	}
	if err := st.RecordVote(ctx, store.Vote{AnswerID: "ans4", UserHash: st.HashUser("2"), Value: -1, At: at(3, 10)}); err != nil {
		t.Fatal(err)
	}
	docs := []store.DocInfo{{ID: "alipay-en", Title: "Alipay ordered to spin off", Lang: "en", Passages: 5, Hash: "1"},
		{ID: "tencent-fr", Title: "Tencent", Lang: "fr", Passages: 3, Hash: "2"},
		{ID: "unread-en", Title: "A page nobody reads", Lang: "en", Passages: 2, Hash: "3"}}
	if _, _, _, err := st.SyncDocuments(ctx, docs, at(0, 0)); err != nil {
		t.Fatal(err)
	}
}

type testServer struct {
	*httptest.Server
	st     *store.Store
	client *http.Client // keeps cookies, does not follow redirects
}

func newTestServer(t *testing.T) *testServer {
	t.Helper()
	dir := t.TempDir()
	storetest.Seed(t, dir)
	st, err := store.Open(context.Background(), store.Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	seed(t, st)
	s, err := New(Config{Token: secret.New(testToken), Source: st, Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(s)
	t.Cleanup(hs.Close)
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return &testServer{Server: hs, st: st, client: c}
}

func (ts *testServer) get(t *testing.T, path string) (int, string, http.Header) {
	t.Helper()
	resp, err := ts.client.Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b), resp.Header
}

func (ts *testServer) login(t *testing.T, token string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/login", strings.NewReader(url.Values{"token": {token}, "next": {"/questions"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", ts.URL)
	resp, err := ts.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp
}

func TestNewRefusesMissingOrShortToken(t *testing.T) {
	for _, tt := range []struct {
		token string
		want  error
	}{{"", ErrNoToken}, {"short", ErrShortToken}} {
		if _, err := New(Config{Token: secret.New(tt.token), Source: &store.Store{}}); !errors.Is(err, tt.want) {
			t.Errorf("token %q: %v, want %v", tt.token, err, tt.want)
		}
	}
	if !strings.Contains(ErrNoToken.Error(), "ADMIN_TOKEN") || strings.Contains(ErrNoToken.Error(), "\n") {
		t.Errorf("ErrNoToken %q: want one line naming ADMIN_TOKEN", ErrNoToken)
	}
}

func TestLoginFlow(t *testing.T) {
	ts := newTestServer(t)
	for _, p := range []string{"/", "/gaps", "/questions", "/questions.csv", "/answers/ans1", "/documents", "/briefings"} {
		code, _, h := ts.get(t, p)
		if code != http.StatusSeeOther || !strings.HasPrefix(h.Get("Location"), "/login?next=") {
			t.Errorf("%s before login: %d to %q, want 303 to the login page", p, code, h.Get("Location"))
		}
	}
	if resp := ts.login(t, "a-long-enough-test-token-012345678X"); resp.StatusCode != http.StatusUnauthorized || len(resp.Cookies()) != 0 {
		t.Fatalf("wrong token: %d with cookies %v, want 401 and no cookie", resp.StatusCode, resp.Cookies())
	}
	resp := ts.login(t, testToken)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/questions" {
		t.Fatalf("right token: %d to %q, want 303 to next", resp.StatusCode, resp.Header.Get("Location"))
	}
	cs := resp.Cookies()
	if len(cs) != 1 || !cs[0].HttpOnly || cs[0].SameSite != http.SameSiteStrictMode || cs[0].Path != "/" || cs[0].MaxAge <= 0 {
		t.Fatalf("session cookie %+v, want one HttpOnly, SameSite=Strict cookie for /", cs)
	}
	if strings.Contains(cs[0].Value, testToken) {
		t.Error("the cookie carries the token")
	}
	code, body, h := ts.get(t, "/")
	if code != http.StatusOK || !strings.Contains(body, `id="n-questions">12<`) {
		t.Errorf("overview after login: %d, want 200 with 12 questions", code)
	}
	for k, want := range map[string]string{
		"Content-Security-Policy": "default-src 'none'", "X-Frame-Options": "DENY", "Cache-Control": "no-store",
		"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
	} {
		if !strings.Contains(h.Get(k), want) {
			t.Errorf("header %s = %q, want %q", k, h.Get(k), want)
		}
	}
	// A forged or expired cookie is no session.
	u, _ := url.Parse(ts.URL)
	for _, v := range []string{"9999999999.deadbeef", ts.stale(), ""} {
		ts.client.Jar.SetCookies(u, []*http.Cookie{{Name: cookieName, Value: v, Path: "/"}})
		if code, _, _ := ts.get(t, "/"); code != http.StatusSeeOther {
			t.Errorf("cookie %q: %d, want 303 to the login page", v, code)
		}
	}
}

// stale is a session cookie value signed by another server, so never valid here.
func (ts *testServer) stale() string {
	other, _ := New(Config{Token: secret.New(testToken), Source: ts.st})
	return other.session(testNow.Add(time.Hour))
}

func TestSessionExpires(t *testing.T) {
	s, err := New(Config{Token: secret.New(testToken), Source: &store.Store{}, Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		exp  time.Time
		want bool
	}{{testNow.Add(time.Minute), true}, {testNow.Add(-time.Second), false}} {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.AddCookie(&http.Cookie{Name: cookieName, Value: s.session(tt.exp)})
		if got := s.validSession(r); got != tt.want {
			t.Errorf("session expiring %v: valid %v, want %v", tt.exp, got, tt.want)
		}
	}
}

func TestPages(t *testing.T) {
	ts := newTestServer(t)
	ts.login(t, testToken)
	tests := []struct {
		path string
		want []string
		not  []string
	}{
		{"/", []string{`id="n-answered">9 <small>75%`, `id="n-abstained">2 `, `id="n-failed">1 `, "1 up · 1 down",
			"French (fr)", "<svg", `role="img"`, "1.0 s / 2.0 s"}, nil},
		{"/?days=7", []string{`id="n-questions">8<`}, nil},
		{"/?from=2025-03-10&to=2025-03-10", []string{`id="n-questions">1<`, "2025-03-10 (UTC)"}, nil},
		{"/?from=nonsense", []string{"is not a date", `id="n-questions">12<`}, nil},
		{"/gaps", []string{"sourdough", "refund", "Tencent ?", "alipay-en", "1 not covered", "1 marked"}, []string{"Filler"}},
		{"/questions", []string{"Questions 1–12 of 12.", "Page 1 of 1", "When did Ant Group list?", "timeout"}, nil},
		{"/questions?per=5&page=2", []string{"Questions 6–10 of 12.", "Page 2 of 3", `rel="prev"`, `rel="next"`}, nil},
		{"/questions?q=sourdough", []string{"Questions 1–1 of 1.", "best sourdough recipe"}, []string{"Filler"}},
		{"/questions?outcome=failed", []string{"Questions 1–1 of 1.", "Ant Group"}, nil},
		{"/answers/ans1", []string{"Regulators told it to [1].", "Alipay ordered to spin off", "lines 3–4", "Regulators told Alipay.", "1 up, 0 down"}, nil},
		{"/documents", []string{"A page nobody reads", "unread-en", "never-cited"}, nil},
		{"/briefings", []string{"No daily briefing in this range"}, nil},
	}
	for _, tt := range tests {
		code, body, _ := ts.get(t, tt.path)
		if code != http.StatusOK {
			t.Errorf("%s: %d", tt.path, code)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: no %q", tt.path, w)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(body, w) {
				t.Errorf("%s: has %q", tt.path, w)
			}
		}
	}
	if code, _, _ := ts.get(t, "/answers/nope"); code != http.StatusNotFound {
		t.Errorf("unknown answer: %d, want 404", code)
	}
}

func TestCSV(t *testing.T) {
	ts := newTestServer(t)
	ts.login(t, testToken)
	code, body, h := ts.get(t, "/questions.csv?q=refund")
	if code != http.StatusOK || !strings.HasPrefix(h.Get("Content-Type"), "text/csv") || !strings.Contains(h.Get("Content-Disposition"), "attachment") {
		t.Fatalf("questions.csv: %d %q %q", code, h.Get("Content-Type"), h.Get("Content-Disposition"))
	}
	recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0][1] != "question" || recs[1][1] != xssQuestion || recs[1][14] != `'=HYPERLINK("http://evil") not covered.` {
		t.Errorf("questions.csv rows %q: want the header and the one match, its formula defused", recs)
	}
	_, body, _ = ts.get(t, "/questions.csv")
	if recs, _ := csv.NewReader(strings.NewReader(body)).ReadAll(); len(recs) != 13 {
		t.Errorf("questions.csv has %d rows, want a header and all 12 questions, not one page", len(recs))
	}
	_, body, _ = ts.get(t, "/gaps.csv")
	recs, err = csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 4 || recs[0][0] != "topic" || !strings.Contains(body, "What is the best sourdough recipe?") {
		t.Errorf("gaps.csv %q: want the header and the three gap questions", recs)
	}
}

func TestSafeNext(t *testing.T) {
	for in, want := range map[string]string{
		"/questions?q=x": "/questions?q=x", "": "/", "//evil.example": "/", "https://evil.example/": "/",
		"/\\evil.example": "/", "javascript:alert(1)": "/",
	} {
		if got := safeNext(in); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParsePeriod(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	for _, tt := range []struct {
		query          string
		from, to, errs string
		all            bool
	}{
		{"", "2025-02-19", "2025-03-20", "", false},
		{"days=7", "2025-03-14", "2025-03-20", "", false},
		{"days=all", "", "2025-03-20", "", true},
		{"days=0", "2025-02-19", "2025-03-20", "not a number of days", false},
		{"from=2025-01-01&to=2025-01-31", "2025-01-01", "2025-01-31", "", false},
		{"from=2025-01-31&to=2025-01-01", "2025-02-19", "2025-03-20", "before the start", false},
		{"from=2025-03-01", "2025-03-01", "2025-03-20", "", false},
	} {
		q, _ := url.ParseQuery(tt.query)
		p := parsePeriod(q, testNow)
		if p.All != tt.all || (tt.from != "" && !p.From.Equal(d(tt.from))) || !p.To.Equal(d(tt.to)) ||
			(tt.errs == "") != (p.Error == "") || !strings.Contains(p.Error, tt.errs) {
			t.Errorf("%q: %+v, want from %s to %s all %v error %q", tt.query, p, tt.from, tt.to, tt.all, tt.errs)
		}
	}
}
