package verify

import (
	"encoding/json"
	"strings"

	"corpusbot/text"
)

// Local models served by llama.cpp, Ollama or vLLM write a tool call into
// the reply's text when their chat template has one, even when no tool is
// offered (the server parses it out only when tools were asked for, and
// not always then). Each template has its form: Hermes and Qwen
// "<tool_call>{"name": …, "arguments": …}</tool_call>", Qwen3-Coder
// "<function=name><parameter=…>…</parameter></function>", Mistral
// "[TOOL_CALLS] [{…}]" or "[TOOL_CALLS]name[ARGS]{…}", Llama 3.1
// "<|python_tag|>{…}" or a bare {"name": …, "parameters": …}. Shown, it
// was raw JSON read as an uncited claim; it is no part of an answer.

// toolCallBlock is a tool call's opening and the closing that ends it;
// "" when the call runs to the end of the reply (Mistral's and Llama's
// come last, their end a template token).
type toolCallBlock struct{ open, close string }

var toolCallBlocks = []toolCallBlock{
	{"<tool_call>", "</tool_call>"},
	{"<function=", "</function>"},
	{"[TOOL_CALLS]", ""},
	{"<|python_tag|>", ""},
}

// withoutToolCalls drops tool calls written as text from raw, outside
// code. A call never closed runs to the end. With partial set, an opening
// still arriving ("<tool_ca") and a call not yet closed are held back but
// for their first character: a partial render shows only the sentences
// that are complete, and that one opens the next as the call would.
func withoutToolCalls(raw string, partial bool) string {
	// Code ranges are read only once a call is seen: most replies have a
	// "[" (citations) and none has a call, and this runs at every render.
	var code []text.Span
	open, ranged := -1, false
	inCode := func(i int) bool {
		if !ranged {
			code, open = codeRanges(raw)
			ranged = true
		}
		if open >= 0 && i >= open {
			return true
		}
		for _, c := range code {
			if i >= c.Start && i < c.End {
				return true
			}
		}
		return false
	}
	var b strings.Builder
	last, changed := 0, false
	for i := 0; i < len(raw); i++ {
		if c := raw[i]; c != '<' && c != '[' {
			continue
		}
		rest := raw[i:]
		for _, tc := range toolCallBlocks {
			arriving := false
			if len(rest) < len(tc.open) {
				if !partial || !strings.EqualFold(tc.open[:len(rest)], rest) {
					continue
				}
				arriving = true
			} else if !strings.EqualFold(rest[:len(tc.open)], tc.open) {
				continue
			}
			if inCode(i) {
				break // code the reader asked for: shown as written
			}
			if arriving {
				// May be the opening, arriving: held back but for its
				// "<" or "[", which opens a sentence as the whole would,
				// so the one before stays complete.
				b.WriteString(raw[last : i+1])
				return b.String()
			}
			b.WriteString(raw[last:i])
			changed = true
			end := len(raw)
			if tc.close != "" {
				if k := indexFold(rest, tc.close); k >= 0 {
					end = i + k + len(tc.close)
				}
			}
			if end == len(raw) && partial {
				b.WriteString(raw[i : i+1]) // as above: the call may yet close
				return b.String()
			}
			last, i = end, end-1
			break
		}
	}
	if !changed {
		return raw
	}
	b.WriteString(raw[last:])
	return b.String()
}

// isToolCallJSON reports whether t, a reply written as a JSON object or an
// array of them, is a tool call: each object names a function and gives
// its arguments or parameters, and nothing else but its type or id.
func isToolCallJSON(t string) bool {
	t = strings.TrimSpace(t)
	var objs []map[string]json.RawMessage
	if strings.HasPrefix(t, "{") {
		var obj map[string]json.RawMessage
		if json.Unmarshal([]byte(t), &obj) != nil {
			return false
		}
		objs = append(objs, obj)
	} else if json.Unmarshal([]byte(t), &objs) != nil {
		return false
	}
	if len(objs) == 0 {
		return false
	}
	for _, obj := range objs {
		if fn, ok := obj["function"]; ok && len(obj["name"]) == 0 {
			// OpenAI's form: {"type": "function", "function": {"name": …, "arguments": …}}
			var inner map[string]json.RawMessage
			if json.Unmarshal(fn, &inner) != nil {
				return false
			}
			obj = inner
		}
		var name string
		if json.Unmarshal(obj["name"], &name) != nil || name == "" {
			return false
		}
		_, args := obj["arguments"]
		_, params := obj["parameters"]
		if !args && !params {
			return false
		}
		for k := range obj {
			switch k {
			case "name", "arguments", "parameters", "type", "id", "function":
			default:
				return false
			}
		}
	}
	return true
}
