package bot

import (
	"context"
	"corpusbot/i18n"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"corpusbot/answer"
	"corpusbot/corpus"
	"corpusbot/llm"
	"corpusbot/retrieval"
)

func TestUserText(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"empty", fmt.Errorf("ask: %w", answer.ErrEmptyQuestion), textEmptyQuestion},
		{"too long", fmt.Errorf("ask: %w: 1600 characters, the limit is 1500", answer.ErrQuestionTooLong), "That question is too long: the limit is 1500 characters. Please shorten it."},
		{"unknown document", fmt.Errorf("summarize %q: %w", "x", answer.ErrUnknownDocument), textUnknownDoc},
		{"nothing new", answer.ErrNothingNew, textNothingNew},
		{"empty reply", fmt.Errorf("answer: %w", answer.ErrEmptyReply), textEmptyReply},
		{"no terms", fmt.Errorf("search: %w", retrieval.ErrNoTerms), textNoTerms},
		{"rate limited", fmt.Errorf("ask: %w", llm.ErrRateLimited), textRateLimited},
		{"timeout", fmt.Errorf("ask: %w", llm.ErrTimeout), textTimeout},
		{"unauthorized", llm.ErrUnauthorized, textMisconfigured},
		{"bad request", llm.ErrBadRequest, textMisconfigured},
		{"context too long", llm.ErrContextTooLong, textContextTooLong},
		{"incomplete", llm.ErrIncomplete, textIncomplete},
		{"unavailable", fmt.Errorf("ask: %w", llm.ErrUnavailable), textUnavailable},
		{"cancelled", fmt.Errorf("ask: %w", context.Canceled), textInterrupted},
		{"other", errors.New("disk on fire: /var/lib/secret"), textFailed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := userText(tc.err, "en")
			if got != tc.want {
				t.Errorf("userText(%v) = %q, want %q", tc.err, got, tc.want)
			}
			if strings.Contains(got, "disk on fire") || len([]rune(got)) > 200 {
				t.Errorf("userText(%v) = %q: want short, with no error detail", tc.err, got)
			}
		})
	}
}

func TestCooldownText(t *testing.T) {
	for _, tc := range []struct {
		wait time.Duration
		want string
	}{
		{time.Second, "wait 1 second "},
		{1500 * time.Millisecond, "wait 2 seconds "},
		{9 * time.Second, "wait 9 seconds "},
	} {
		if got := cooldownText(tc.wait, "en"); !strings.Contains(got, tc.want) {
			t.Errorf("cooldownText(%v) = %q, want it to contain %q", tc.wait, got, tc.want)
		}
	}
}

func TestRedact(t *testing.T) {
	err := errors.New(`Patch "https://discord.com/api/v9/webhooks/123/aW50ZXJhY3Rpb246MTIz.abc-DEF_9/messages/@original": dial tcp: refused; ` +
		`Post "https://discord.com/api/v9/interactions/456/tok.en_1/callback": EOF`)
	got := redact(err)
	for _, secret := range []string{"aW50ZXJhY3Rpb246MTIz", "tok.en_1"} {
		if strings.Contains(got, secret) {
			t.Errorf("redact kept %q: %s", secret, got)
		}
	}
	if !strings.Contains(got, "/webhooks/123/[redacted]/messages/@original") || !strings.Contains(got, "/interactions/456/[redacted]/callback") {
		t.Errorf("redact(%v) = %q, want the routes kept and tokens replaced", err, got)
	}
}

// Messages asking for a question give an example from the documents
// served, escaped, and none when no title will do.
func TestWithExample(t *testing.T) {
	docs := func(titles ...string) []corpus.Document {
		var out []corpus.Document
		for _, t := range titles {
			out = append(out, corpus.Document{Title: t})
		}
		return out
	}
	tests := []struct {
		name string
		docs []corpus.Document
		want string
	}{
		{"a title", docs("Index", "Configure the release pipeline"), "Ask me a question about the documents, for example about *Configure the release pipeline*."},
		{"escaped", docs("Use ~tilde~ paths here"), "Ask me a question about the documents, for example about *Use \\~tilde\\~ paths here*."},
		{"none fits", docs("README"), textEmptyQuestion},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := withExample("en", i18n.EmptyQuestion, tc.docs); got != tc.want {
				t.Errorf("withExample = %q, want %q", got, tc.want)
			}
		})
	}
	if strings.Contains(strings.ToLower(textEmptyQuestion+textNoWords), "alipay") {
		t.Error("a fixed example from the embedded articles is back")
	}
}
