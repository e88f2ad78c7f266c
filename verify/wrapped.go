package verify

import (
	"strings"
)

// Some models wrap their answer in text that is no part of it. Reasoning
// models served by Ollama, llama.cpp or vLLM (DeepSeek-R1, QwQ, Qwen3)
// write their reasoning first, between <think> and </think>, in the reply
// itself; its sentences cite passages without quotes and say "I could not
// find…" while weighing them. Read as the answer, every one of them was
// shown and marked, and a decline was read in the reasoning.

// reasoningTags are the tags a reasoning block opens with.
var reasoningTags = []string{"think", "thinking", "reasoning"}

// unwrapReply is the answer in raw, a reply as written: without a
// reasoning block that opens it. With partial set, raw is a prefix of a
// reply still streaming, and what may yet turn out to be wrapping is held
// back: the result of a prefix is a prefix of the result of the whole.
func unwrapReply(raw string, partial bool) string {
	return withoutReasoning(raw, partial)
}

// withoutReasoning drops a reasoning block that opens raw (spaces aside),
// and the spaces after it. A block not closed is all reasoning: a reply
// cut while the model thinks has no answer yet.
func withoutReasoning(raw string, partial bool) string {
	t := strings.TrimLeft(raw, " \t\r\n")
	if partial && t != "" && len(t) < len("<reasoning>") && strings.HasPrefix(t, "<") {
		for _, tag := range reasoningTags {
			if strings.HasPrefix("<"+tag+">", strings.ToLower(t)) {
				return "" // may be the opening tag, arriving
			}
		}
	}
	for _, tag := range reasoningTags {
		open := "<" + tag + ">"
		if len(t) < len(open) || !strings.EqualFold(t[:len(open)], open) {
			continue
		}
		end := indexFold(t, "</"+tag+">")
		if end < 0 {
			return ""
		}
		return strings.TrimLeft(t[end+len(tag)+3:], " \t\r\n")
	}
	return raw
}

// indexFold is strings.Index of an ASCII substr, ignoring ASCII case (a
// lower-cased copy of s could differ from s in length).
func indexFold(s, substr string) int {
	for i := 0; i+len(substr) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(substr)], substr) {
			return i
		}
	}
	return -1
}
