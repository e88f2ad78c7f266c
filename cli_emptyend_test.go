package main

import (
	"strings"
	"sync/atomic"
	"testing"

	"corpusbot/internal/openaitest"
)

// `corpusbot ask` on an empty reply the token limit or a content filter
// ended: the terminal names the limit and the setting that raises it
// (MAX_ANSWER_TOKENS, sent as the request's max_tokens), or the filter,
// not "the model returned nothing; try again" (issue 10).
func TestAskEmptyReplyEndsHonestly(t *testing.T) {
	const q = "Why was Alipay told to spin off its micro-loan business?"
	for _, tc := range []struct {
		finish string
		env    map[string]string
		tokens int
		want   string
	}{
		{"length", nil, 1024, "the model used up its token budget (MAX_ANSWER_TOKENS=1024) before writing an answer; raise MAX_ANSWER_TOKENS"},
		{"length", map[string]string{"MAX_ANSWER_TOKENS": "4096"}, 4096, "(MAX_ANSWER_TOKENS=4096)"},
		{"content_filter", nil, 1024, "the provider's content filter stopped the model's reply before it wrote anything; ask differently"},
	} {
		llm := openaitest.New(t)
		var maxTokens atomic.Int64
		llm.SetResponder(func(r openaitest.Request) openaitest.Reply {
			if strings.Contains(r.Text(), "Rewrite the question") {
				return openaitest.Reply{Text: "none"}
			}
			maxTokens.Store(int64(max(r.MaxTokens, r.MaxCompletionTokens)))
			return openaitest.Reply{FinishReason: tc.finish}
		})
		env := map[string]string{"OPENAI_BASE_URL": llm.URL(), "LLM_TIMEOUT": "5s"}
		for k, v := range tc.env {
			env[k] = v
		}
		_, errOut, code := runCLI(t, env, "ask", q)
		if code == 0 {
			t.Errorf("%s: exit 0, want a failure", tc.finish)
		}
		if !strings.Contains(errOut, tc.want) {
			t.Errorf("%s: %q missing:\n%s", tc.finish, tc.want, errOut)
		}
		if strings.Contains(errOut, "returned nothing") {
			t.Errorf("%s: still says the model returned nothing:\n%s", tc.finish, errOut)
		}
		if got := int(maxTokens.Load()); got != tc.tokens {
			t.Errorf("%s: the answer was asked with max tokens %d, want %d", tc.finish, got, tc.tokens)
		}
	}
}
