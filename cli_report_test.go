package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"corpusbot/store"
)

// seedReport records a few answers of today in dir.
func seedReport(t *testing.T, dir string) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, store.Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Now()
	for _, a := range []store.Answer{
		{ID: "a1", Kind: store.KindAnswer, Question: "Why was Alipay told to spin off?", Text: "Because [1].", At: now, Lang: "en",
			Latency: 800 * time.Millisecond, PromptTokens: 500, CompletionTokens: 50, ChannelKind: store.ChannelThread,
			Sources: []store.SourceRef{{N: 1, DocID: "alipay"}}},
		{ID: "a2", Kind: store.KindAnswer, Question: "Sourdough starter recipe?", Text: "Not covered.", At: now, Abstained: true,
			Lang: "en", Latency: 200 * time.Millisecond, ChannelKind: store.ChannelDM, Nearest: []string{"alipay"}},
		{ID: "a3", Kind: store.KindAnswer, Question: "Best sourdough recipe\x1b[31m in town?", Text: "Not covered.", At: now, Abstained: true,
			Lang: "en", Latency: 300 * time.Millisecond, ChannelKind: store.ChannelGuild},
		{ID: "a4", Kind: store.KindAnswer, Question: "Old news?", Text: "x", At: now.AddDate(0, 0, -20), Lang: "fr"},
	} {
		if err := st.RecordAnswer(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
}

func TestReport(t *testing.T) {
	dir := t.TempDir()
	seedReport(t, dir)
	out, errOut, code := runCLI(t, map[string]string{"DATA_DIR": dir}, "report")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Questions       3", "Not covered     2 (67%)", "p50 300 ms, p95 800 ms", "500 in, 50 out",
		"sourdough, recipe: asked 2 times (2 not covered)", "nearest documents: alipay", "Best sourdough recipe [31m in town?"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Error("the report passes an escape character from a question to the terminal")
	}

	out, errOut, code = runCLI(t, map[string]string{"DATA_DIR": dir}, "report", "--since", "30d", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r reportJSON
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("--json output is not JSON: %v\n%s", err, out)
	}
	if r.Questions != 4 || r.Abstained != 2 || r.Languages["fr"] != 1 || len(r.Gaps) != 1 || r.Gaps[0].Asked != 2 {
		t.Errorf("JSON report %+v: want 4 questions over 30 days, 2 abstained, one gap topic asked twice", r)
	}
}

func TestReportErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
		want string
		code int
	}{
		{"no database", []string{"report"}, "no database at", 1},
		{"bad since", []string{"report", "--since", "a week"}, `--since "a week"`, 2},
		{"argument", []string{"report", "extra"}, "takes no arguments", 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := runCLI(t, map[string]string{"DATA_DIR": t.TempDir()}, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
				t.Errorf("exit %d, stderr %q; want exit %d and one line containing %q", code, errOut, tt.code, tt.want)
			}
		})
	}
}

func TestSinceRange(t *testing.T) {
	now := time.Date(2025, 3, 20, 1, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ since, from string }{
		{"7d", "2025-03-14"}, {"1d", "2025-03-20"}, {"24h", "2025-03-19"}, {"all", ""},
	} {
		r, _, err := sinceRange(tt.since, now)
		got := ""
		if !r.From.IsZero() {
			got = r.From.Format(time.DateOnly)
		}
		if err != nil || got != tt.from || r.To.Format(time.DateOnly) != "2025-03-20" {
			t.Errorf("sinceRange(%q) = %+v, %v; want from %q to 2025-03-20", tt.since, r, err, tt.from)
		}
	}
	for _, bad := range []string{"", "0d", "-3d", "week", "-1h"} {
		if _, _, err := sinceRange(bad, now); err == nil {
			t.Errorf("sinceRange(%q): no error", bad)
		}
	}
}

// oneLine is what the terminal shows of anyone's text: one line, no
// control characters, at most n runes.
func TestOneLine(t *testing.T) {
	for _, tt := range []struct {
		in   string
		n    int
		want string
	}{
		{"Deploying  the\nservice", 80, "Deploying the service"},
		{"Best sourdough\x1b[31m in town?", 80, "Best sourdough [31m in town?"},
		{"a\x00b\tc\r\n", 80, "a b c"},
		{"Releases go out every Tuesday", 14, "Releases go…"},
		{"", 10, ""},
	} {
		if got := oneLine(tt.in, tt.n); got != tt.want {
			t.Errorf("oneLine(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
