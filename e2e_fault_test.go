package main

import (
	"strings"
	"testing"

	"corpusbot/internal/discordtest"
	"corpusbot/internal/openaitest"
)

// A rejected API key, with the program's own wiring and logger: the user is
// told the bot is misconfigured, the operator gets exactly one ERROR line
// that says why, and the LLM sees one request: no retry storm.
func TestE2ELLMBadKeyOneLogLineNoStorm(t *testing.T) {
	t.Parallel()
	b := startE2E(t, map[string]string{"LLM_MAX_RETRIES": "3", "OPENAI_API_KEY": "sk-wrong-key-0123", "LOG_LEVEL": "info"},
		openaitest.WithAPIKey("sk-the-right-key"))
	in := b.ask(e2eUser(1), e2eAsk)
	m, err := in.WaitOriginal(b.ctx(), func(m discordtest.Message) bool { return m.Flags&discordtest.FlagLoading == 0 && m.Content != "" })
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m.Content, "configuration problem") {
		t.Errorf("user sees %q, want to be told the bot is misconfigured", m.Content)
	}
	b.stop() // every log line written
	var errs []string
	for _, l := range strings.Split(b.stderr.String(), "\n") {
		if strings.Contains(l, "level=ERROR") {
			errs = append(errs, l)
		}
	}
	if len(errs) != 1 {
		t.Fatalf("%d ERROR lines, want 1:\n%s", len(errs), strings.Join(errs, "\n"))
	}
	if !strings.Contains(errs[0], "rejected the credentials") {
		t.Errorf("ERROR line %q does not say the key was rejected", errs[0])
	}
	if s := b.stderr.String(); strings.Contains(s, "sk-wrong-key-0123") || strings.Contains(s, "sk-the-right-key") {
		t.Error("an API key appears in the log")
	}
	if n := b.ai.Calls(); n != 1 {
		t.Errorf("LLM got %d requests, want 1", n)
	}
	b.noViolations()
}
