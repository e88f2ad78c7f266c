package bot_test

import (
	"strings"
	"testing"

	"corpusbot/internal/openaitest"
)

// Local models served by llama.cpp, Ollama or vLLM write a tool call into
// the reply's text though no tool is offered (docs/benchmarks.md,
// "Tool-call text"). Before, a reader of /ask saw it raw, marked as an
// uncited claim; a reply of only a tool call was "could not verify" with
// the call's JSON under it. Streamed in pieces of 5 that part the tags.
func TestToolCallTextOnAsk(t *testing.T) {
	t.Parallel()
	const call = `{"name": "search_docs", "arguments": {"query": "useState"}}`
	notVerified := "Tôi không thể xác minh câu trả lời cho câu hỏi này trong các tài liệu."
	cases := []struct {
		name, reply string
		want, never []string
	}{
		{
			name:  "Hermes tool call before the answer",
			reply: "<tool_call>\n" + call + "\n</tool_call>\n" + r12Setter,
			want:  []string{r12SetterShown},
			never: []string{"tool_call", "search_docs", "❔", "⚠", notVerified},
		},
		{
			name:  "Mistral tool call after the answer",
			reply: r12Setter + "\n[TOOL_CALLS] [" + call + "]",
			want:  []string{r12SetterShown},
			never: []string{"TOOL_CALLS", "search_docs", "❔", "⚠"},
		},
		{
			name:  "Qwen3-Coder function after the answer",
			reply: r12Setter + "\n<function=search_docs>\n<parameter=query>\nuseState\n</parameter>\n</function>",
			want:  []string{r12SetterShown},
			never: []string{"function", "search_docs", "❔", "⚠"},
		},
		{
			name:  "only a tool call",
			reply: "<tool_call>\n" + call + "\n</tool_call>",
			want:  []string{notVerified},
			never: []string{"tool_call", "search_docs", "{"},
		},
		{
			name:  "only a Llama 3.1 call",
			reply: `<|python_tag|>{"name": "search_docs", "parameters": {"query": "useState"}}<|eom_id|>`,
			want:  []string{notVerified},
			never: []string{"python_tag", "search_docs", "{"},
		},
		{
			name:  "a tool call in code the answer shows",
			reply: r12Setter + "\n\n```xml\n<tool_call>\n" + call + "\n</tool_call>\n```",
			want:  []string{r12SetterShown, "```xml\n<tool_call>\n" + call + "\n</tool_call>\n```"},
		},
	}
	h := start(t, setup{corpus: round10Docs})
	for _, c := range cases {
		h.ai.SetResponder(func(r openaitest.Request) openaitest.Reply {
			p, early, ok := round10Passage(r)
			if !ok {
				return early
			}
			reply := strings.ReplaceAll(c.reply, "[N", "["+p[1])
			var chunks []string
			for rs := []rune(reply); len(rs) > 0; rs = rs[min(5, len(rs)):] {
				chunks = append(chunks, string(rs[:min(5, len(rs))]))
			}
			return openaitest.Reply{Text: reply, Chunks: chunks}
		})
		got := waitFinal(h, ask(h, user(1), generalID, "useState trả về gì?", false)).Content
		checkShown(t, c.name, got, c.want, c.never)
	}
	h.noViolations()
}
