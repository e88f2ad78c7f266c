package bot_test

import (
	"strings"
	"testing"

	"corpusbot/bot"
	"corpusbot/health"
	"corpusbot/internal/openaitest"
)

// An empty reply ended by the token limit (a reasoning model that spent
// its budget thinking) or by the provider's content filter is told as
// that, not as "returned nothing, try again" (issue 10): the limit names
// the setting that raises it. Counted once as an empty reply, and logged
// once, as other failures are.
func TestEmptyReplyEndsHonestly(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ finish, want string }{
		{"length", "The language model used up its token budget before writing an answer. An operator can raise it with the MAX_ANSWER_TOKENS setting."},
		{"content_filter", "The language model's provider stopped the reply with its content filter before anything was written. Please try asking differently."},
	} {
		t.Run(tc.finish, func(t *testing.T) {
			t.Parallel()
			m := &errCounter{Metrics: health.New(health.Config{}), errs: map[string]int{}}
			h := start(t, setup{cfg: func(c *bot.Config) { c.Metrics = m }})
			h.ai.SetResponder(func(r openaitest.Request) openaitest.Reply {
				if strings.Contains(r.Text(), "Rewrite the question") {
					return openaitest.Reply{Text: "en: Alipay micro-loans"}
				}
				return openaitest.Reply{Text: "", FinishReason: tc.finish}
			})
			got := waitContent(h, ask(h, user(1), generalID, question, false), "The language model")
			if got.Content != tc.want {
				t.Errorf("message %q, want %q", got.Content, tc.want)
			}
			if n := m.count("empty_reply"); n != 1 {
				t.Errorf("empty_reply errors counted %d times, want 1", n)
			}
			if n := strings.Count(h.logs.String(), `msg="no answer"`); n != 1 {
				t.Errorf(`"no answer" logged %d times, want once`, n)
			}
			if !strings.Contains(h.logs.String(), tc.finish) {
				t.Errorf("the log does not name the finish reason %q", tc.finish)
			}
		})
	}
}
