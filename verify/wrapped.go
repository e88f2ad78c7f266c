package verify

import (
	"encoding/json"
	"strings"
)

// Some models wrap their answer in text that is no part of it. Reasoning
// models served by Ollama, llama.cpp or vLLM (DeepSeek-R1, QwQ, Qwen3)
// write their reasoning first, between <think> and </think>, in the reply
// itself; its sentences cite passages without quotes and say "I could not
// find…" while weighing them. Read as the answer, every one of them was
// shown and marked, and a decline was read in the reasoning. Small local
// models also wrap the whole answer in a ```markdown fence, which showed it
// as code, its claims unchecked, or answer with a JSON object
// ({"answer": "…"}), shown as written.

// reasoningTags are the tags a reasoning block opens with.
var reasoningTags = []string{"think", "thinking", "reasoning"}

// unwrapReply is the answer in raw, a reply as written: without a
// reasoning block that opens it. With partial set, raw is a prefix of a
// reply still streaming, and what may yet turn out to be wrapping is held
// back: the result of a prefix is a prefix of the result of the whole.
func unwrapReply(raw string, partial bool) string {
	raw = withoutReasoning(raw, partial)
	inner, info := withoutOpeningFence(raw)
	switch info {
	case "markdown", "md":
		// The closing fence is then one that opens and never closes,
		// which the reader holds back while streaming and drops at the
		// end (withoutOpenFence); fenced code inside stays code.
		return inner
	case "json":
		raw = inner
	}
	if t := strings.TrimLeft(raw, " \t\r\n"); strings.HasPrefix(t, "{") {
		if partial {
			return "" // an object can only be read whole
		}
		if answer, ok := jsonAnswer(t); ok {
			return answer
		}
	}
	return raw
}

// withoutOpeningFence returns raw without the fence line that opens it
// (spaces aside), and that fence's info string, lower-cased; raw and ""
// when it opens with none.
func withoutOpeningFence(raw string) (string, string) {
	t := strings.TrimLeft(raw, " \t\r\n")
	if !strings.HasPrefix(t, "```") && !strings.HasPrefix(t, "~~~") {
		return raw, ""
	}
	nl := strings.IndexByte(t, '\n')
	if nl < 0 {
		return raw, "" // the line may go on
	}
	info := strings.ToLower(strings.TrimSpace(strings.TrimLeft(t[:nl], "`~")))
	return t[nl+1:], info
}

// answerKeys are the fields a model puts its answer in when it answers
// with a JSON object, in order of preference.
var answerKeys = []string{"answer", "response", "final_answer", "text", "content", "output", "reply", "result", "message"}

// jsonAnswer reads the answer out of a reply written as a JSON object,
// possibly followed by the fence that closes it.
func jsonAnswer(t string) (string, bool) {
	t = strings.TrimRight(t, " \t\r\n")
	t = strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(t, "```"), "~~~"), " \t\r\n")
	var obj map[string]json.RawMessage
	if json.Unmarshal([]byte(t), &obj) != nil {
		return "", false
	}
	for _, k := range answerKeys {
		var s string
		if v, ok := obj[k]; ok && json.Unmarshal(v, &s) == nil && strings.TrimSpace(s) != "" {
			return s, true
		}
	}
	return "", false
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
