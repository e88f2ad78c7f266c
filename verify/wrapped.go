package verify

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
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
// reasoning block that opens it, either whole or as only its end
// (headlessReasoning), and out of a fence or JSON object that wraps it.
// With partial set, raw is a prefix of a reply still streaming, and what
// may yet turn out to be wrapping is held back: the result of a prefix is
// a prefix of the result of the whole. keep reports whether the text
// before a reasoning block's end is an answer all the same; nil: it is
// not.
func unwrapReply(raw string, partial bool, keep func(before string) bool) string {
	raw = withoutToolCalls(raw, partial) // before its "<|python_tag|>" goes as a template token
	raw = withoutTemplateTokens(raw)
	raw = withoutReasoning(raw, partial)
	raw = withoutQuoteInBrackets(raw)
	raw = withoutReferenceLinks(raw)
	raw = withCitationLinesJoined(raw)
	raw = withLeadingCitationsMoved(raw, partial)
	for range 3 { // nested elements: "<b>a <i>b</i></b>"
		md := withoutHTMLFormatting(raw, partial)
		if md == raw {
			break
		}
		raw = md
	}
	if start, end := headlessReasoning(raw); start >= 0 && (keep == nil || !keep(unwrapAnswer(raw[:start], false))) {
		raw = raw[end:]
	}
	return unwrapAnswer(raw, partial)
}

// unwrapAnswer is raw out of a ```markdown fence or a JSON object that
// wraps it whole.
func unwrapAnswer(raw string, partial bool) string {
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
		if isToolCallJSON(strings.TrimSuffix(strings.TrimRight(t, " \t\r\n"), "```")) {
			return ""
		}
	}
	if t := strings.TrimLeft(raw, " \t\r\n"); strings.HasPrefix(t, "[") {
		switch rest := strings.TrimLeft(t[1:], " \t\r\n"); {
		case partial && (rest == "" || rest[0] == '{'):
			return "" // may be an array of claims, which can only be read whole
		case rest != "" && rest[0] == '{':
			if answer, ok := jsonClaims(t); ok {
				return answer
			}
			if isToolCallJSON(strings.TrimSuffix(strings.TrimRight(t, " \t\r\n"), "```")) {
				return ""
			}
		}
	}
	return raw
}

// claimKeys, citationKeys and quoteKeys are the fields of a claim a model
// writes as a JSON object in an array of them, in order of preference.
var (
	claimKeys    = []string{"claim", "statement", "sentence", "text", "answer", "point", "fact"}
	citationKeys = []string{"citation", "citations", "source", "sources", "passage", "passages", "ref", "refs", "cite", "n"}
	quoteKeys    = []string{"quote", "quotes", "evidence", "excerpt", "support"}
)

// jsonClaims reads a reply written as a JSON array of claims
// ([{"claim": "…", "citation": 1, "quote": "…"}], possibly followed by the
// fence that closes it) as the answer it stands for: "claim [1] «quote»",
// a paragraph each. Before, the array was shown as written, one uncited
// claim: "could not verify". A claim's citation is a number, a list of
// them, or a string of them ("[1]", "1, 2"); its quote a string or a list.
func jsonClaims(t string) (string, bool) {
	t = strings.TrimRight(t, " \t\r\n")
	t = strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(t, "```"), "~~~"), " \t\r\n")
	var objs []map[string]json.RawMessage
	if json.Unmarshal([]byte(t), &objs) != nil || len(objs) == 0 {
		return "", false
	}
	var paras []string
	for _, obj := range objs {
		claim := jsonString(obj, claimKeys)
		if claim == "" {
			return "", false
		}
		var b strings.Builder
		b.WriteString(strings.TrimRight(strings.TrimSpace(claim), ".。"))
		for _, n := range jsonNumbers(obj, citationKeys) {
			fmt.Fprintf(&b, " [%d]", n)
		}
		for _, q := range jsonStrings(obj, quoteKeys) {
			b.WriteString(" «" + q + "»")
		}
		b.WriteString(".")
		paras = append(paras, b.String())
	}
	return strings.Join(paras, "\n\n"), true
}

// jsonString is the first non-empty string among obj's keys.
func jsonString(obj map[string]json.RawMessage, keys []string) string {
	for _, k := range keys {
		var s string
		if v, ok := obj[k]; ok && json.Unmarshal(v, &s) == nil && strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// jsonStrings is the first key's string, or list of strings, of obj's
// keys.
func jsonStrings(obj map[string]json.RawMessage, keys []string) []string {
	for _, k := range keys {
		v, ok := obj[k]
		if !ok {
			continue
		}
		var s string
		if json.Unmarshal(v, &s) == nil && strings.TrimSpace(s) != "" {
			return []string{strings.TrimSpace(s)}
		}
		var ss []string
		if json.Unmarshal(v, &ss) == nil {
			var out []string
			for _, s := range ss {
				if s = strings.TrimSpace(s); s != "" {
					out = append(out, s)
				}
			}
			return out
		}
	}
	return nil
}

// jsonNumbers is the first key's passage numbers among obj's keys: a
// number, a list of them, or a string holding them ("[1]", "1, 2").
func jsonNumbers(obj map[string]json.RawMessage, keys []string) []int {
	for _, k := range keys {
		v, ok := obj[k]
		if !ok {
			continue
		}
		var n int
		if json.Unmarshal(v, &n) == nil {
			return []int{n}
		}
		var ns []int
		if json.Unmarshal(v, &ns) == nil {
			return ns
		}
		var s string
		if json.Unmarshal(v, &s) == nil {
			var out []int
			for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r < '0' || r > '9' }) {
				if n, err := strconv.Atoi(f); err == nil {
					out = append(out, n)
				}
			}
			return out
		}
	}
	return nil
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

// templateToken matches a chat template's special token that a server
// with the wrong template lets into the text (llama.cpp, vLLM, Ollama):
// ChatML's and Llama 3's "<|im_end|>", "<|eot_id|>", Phi's "<|end|>",
// DeepSeek's "<｜end▁of▁sentence｜>", Gemma's "<end_of_turn>", with the
// role a start token names ("<|im_start|>assistant\n"), "</s>" ending the
// reply and "<s>" opening it.
var templateToken = regexp.MustCompile(`(?:<\|(?:im_start|start_header_id|assistant)\|>|<start_of_turn>)[ \t]*(?:assistant|model)?(?:<\|end_header_id\|>)?[ \t]*\n?|<\|[a-z][a-z0-9_]{1,30}\|>|<｜[^｜<>\n]{1,40}｜>|<(?:start|end)_of_turn>|</s>\s*$|^\s*<s>`)

// withoutTemplateTokens drops chat template tokens from raw, outside code.
func withoutTemplateTokens(raw string) string {
	if !strings.Contains(raw, "<") {
		return raw
	}
	code, _ := codeRanges(raw)
	var b strings.Builder
	last := 0
	for _, m := range templateToken.FindAllStringIndex(raw, -1) {
		inCode := false
		for _, c := range code {
			inCode = inCode || m[0] < c.End && m[1] > c.Start
		}
		if inCode || m[0] < last {
			continue
		}
		b.WriteString(raw[last:m[0]])
		last = m[1]
	}
	if last == 0 {
		return raw
	}
	b.WriteString(raw[last:])
	return b.String()
}

// headlessReasoning returns where a reasoning block's closing tag that no
// opening tag precedes ends in raw (the end of "</think>" and the spaces
// after it), and where it starts; -1, -1 when there is none. DeepSeek-R1
// and its distillations, served with the chat template that opens the
// reasoning in the prompt (vLLM, llama.cpp, older Ollama), write only the
// end: "reasoning…\n</think>\n\nanswer".
func headlessReasoning(raw string) (start, end int) {
	for _, tag := range reasoningTags {
		closing := "</" + tag + ">"
		i := indexFold(raw, closing)
		if i < 0 || indexFold(raw[:i], "<"+tag+">") >= 0 {
			continue
		}
		e := i + len(closing)
		return i, e + len(raw[e:]) - len(strings.TrimLeft(raw[e:], " \t\r\n"))
	}
	return -1, -1
}

// indexFold is strings.Index of an ASCII substr whose first byte has no
// case ("<"), ignoring ASCII case (a lower-cased copy of s could differ
// from s in length).
func indexFold(s, substr string) int {
	for i := 0; i+len(substr) <= len(s); {
		k := strings.IndexByte(s[i:], substr[0]) // '<': no case
		if k < 0 || i+k+len(substr) > len(s) {
			return -1
		}
		if i += k; strings.EqualFold(s[i:i+len(substr)], substr) {
			return i
		}
		i++
	}
	return -1
}
