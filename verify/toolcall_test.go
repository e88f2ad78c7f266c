package verify

import (
	"strings"
	"testing"
)

// Local models served by llama.cpp, Ollama or vLLM write a tool call into
// the reply's text even when no tool is offered, in their chat template's
// form: Hermes and Qwen "<tool_call>{…}</tool_call>", Qwen3-Coder
// "<function=name><parameter=…>…</function>", Mistral "[TOOL_CALLS] […]",
// Llama 3.1 "<|python_tag|>{…}" or a bare {"name": …, "parameters": …}.
// Before, it was shown raw and read as an uncited claim: an answer beside
// it was marked, one of only a tool call "could not verify" with the call
// in sight. It is no part of the answer: it goes, outside code.
func TestToolCallTextLeftOut(t *testing.T) {
	rd := round10Reader(t, "useState trả về gì?")
	const claim = "useState returns a pair of values [1] «Hook useState trả về một cặp giá trị»."
	const shown = "useState returns a pair of values [1]."
	for _, tt := range []struct{ reply, want string }{
		{"<tool_call>\n{\"name\": \"search_docs\", \"arguments\": {\"query\": \"useState\"}}\n</tool_call>\n" + claim, shown},
		{claim + "\n<tool_call>\n{\"name\": \"search_docs\", \"arguments\": {\"query\": \"useState\"}}\n</tool_call>", shown},
		{claim + "\n<TOOL_CALL>{\"name\": \"search_docs\", \"arguments\": {}}", shown}, // cut: never closed
		{"<function=search_docs>\n<parameter=query>\nuseState\n</parameter>\n</function>\n" + claim, shown},
		{claim + "\n[TOOL_CALLS] [{\"name\": \"search_docs\", \"arguments\": {\"query\": \"useState\"}}]", shown},
		{claim + "\n<|python_tag|>{\"name\": \"search_docs\", \"parameters\": {\"query\": \"useState\"}}<|eom_id|>", shown},
	} {
		r := rd.Render(tt.reply, false)
		if strings.TrimSpace(r.Text) != tt.want || r.Backed != 1 {
			t.Errorf("%q rendered %q (backed %d), want %q", tt.reply, r.Text, r.Backed, tt.want)
		}
		for _, n := range []int{1, 2, 3, 7} {
			if got := streamed(t, rd, tt.reply, n); strings.TrimSpace(got) != strings.TrimSpace(r.Text) {
				t.Errorf("%q streamed in %d-byte pieces %q, want %q", tt.reply, n, got, r.Text)
			}
		}
	}
}

// Code the reader asked for keeps its tags: a fenced block or inline code
// of how to write a tool call is shown as written (marked as any code).
func TestToolCallInCodeKept(t *testing.T) {
	rd := round10Reader(t, "useState trả về gì?")
	const claim = "useState returns a pair of values [1] «Hook useState trả về một cặp giá trị»."
	for _, tt := range []struct{ reply, keep string }{
		{claim + "\n\n```xml\n<tool_call>{\"name\": \"f\"}</tool_call>\n```", "```xml\n<tool_call>{\"name\": \"f\"}</tool_call>\n```"},
		{claim + " Write `<tool_call>` around it.", "Write `<tool_call>` around it."},
		{claim + "\n\n```\n[TOOL_CALLS] [{\"name\": \"f\"}]\n```", "```\n[TOOL_CALLS] [{\"name\": \"f\"}]\n```"},
	} {
		if r := rd.Render(tt.reply, false); !strings.Contains(r.Text, tt.keep) {
			t.Errorf("%q rendered %q, want %q in it", tt.reply, r.Text, tt.keep)
		}
	}
}

// A reply that is only a tool call has no answer: nothing is shown, no
// claim read, so that the pipeline abstains in the reader's language.
func TestOnlyAToolCallIsNoAnswer(t *testing.T) {
	rd := round10Reader(t, "useState trả về gì?")
	for _, reply := range []string{
		"<tool_call>\n{\"name\": \"search_docs\", \"arguments\": {\"query\": \"useState\"}}\n</tool_call>",
		"<tool_call>\n{\"name\": \"search_docs\", \"arguments\": {\"query\": \"useState\"}}\n</tool_call>\n<tool_call>\n{\"name\": \"read\", \"arguments\": {\"n\": 1}}\n</tool_call>",
		"<function=search_docs>\n<parameter=query>\nuseState\n</parameter>\n</function>",
		"[TOOL_CALLS] [{\"name\": \"search_docs\", \"arguments\": {\"query\": \"useState\"}}]",
		"[TOOL_CALLS]search_docs[ARGS]{\"query\": \"useState\"}",
		"<|python_tag|>{\"name\": \"search_docs\", \"parameters\": {\"query\": \"useState\"}}",
		"{\"name\": \"search_docs\", \"parameters\": {\"query\": \"useState\"}}",
		"{\"type\": \"function\", \"name\": \"search_docs\", \"parameters\": {\"query\": \"useState\"}}",
		"[{\"name\": \"search_docs\", \"arguments\": {\"query\": \"useState\"}}]",
		"{\"type\": \"function\", \"function\": {\"name\": \"search_docs\", \"arguments\": \"{\\\"query\\\": 1}\"}}",
	} {
		r := rd.Render(reply, false)
		if strings.TrimSpace(r.Text) != "" || len(r.Claims) != 0 {
			t.Errorf("%q rendered %q, claims %+v; want nothing", reply, r.Text, r.Claims)
		}
		for _, n := range []int{1, 3, 7} {
			if got := streamed(t, rd, reply, n); strings.TrimSpace(got) != "" {
				t.Errorf("%q streamed in %d-byte pieces showed %q", reply, n, got)
			}
		}
	}
}
