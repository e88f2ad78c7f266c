package main

import (
	"regexp"
	"strings"
	"testing"

	"corpusbot/internal/openaitest"
)

// Round twelve's scripted model (docs/benchmarks.md, "A model that says
// wrong things, round twelve") through `corpusbot ask`: what the terminal
// shows of HTML formatting, a second quote of the model's own words, a
// quote on the line under its claim and a reply a content filter stopped.
func TestAskRound12Replies(t *testing.T) {
	const q = "Why was Alipay told to spin off its micro-loan business?"
	first := regexp.MustCompile(`(?s)<passage n="(\d+)"[^>]*>\n(\S+ \S+ \S+ \S+)`)
	for _, tc := range []struct {
		name, reply, finish string
		want, never         []string
	}{
		{
			name:  "formats and quotes",
			reply: "<b>Regulators</b> acted on micro-loans [N] «QUOTE» «made up words here».<br>They also acted [N]\nQuote: «QUOTE»",
			want:  []string{"⚠¹ **Regulators** acted on micro-loans [1].\nThey also acted [1]\n", "its quote is not in passage [1]\n"},
			never: []string{"<b>", "<br>", "Quote:", "made up", "[1][1]", "❔"},
		},
		{
			name:   "stopped by a content filter",
			reply:  "Regulators acted on micro-loans [N] «QUOTE». They also ordered the spin-of",
			finish: "content_filter",
			want:   []string{"Regulators acted on micro-loans [1].\n", "The model's reply was interrupted"},
			never:  []string{"They also", "❔"},
		},
	} {
		llm := openaitest.New(t)
		llm.SetResponder(func(r openaitest.Request) openaitest.Reply {
			m := first.FindStringSubmatch(r.Text())
			if m == nil || strings.Contains(r.Text(), "Rewrite the question") {
				return openaitest.Reply{Text: "none"}
			}
			return openaitest.Reply{Text: strings.NewReplacer("[N]", "["+m[1]+"]", "QUOTE", m[2]).Replace(tc.reply), FinishReason: tc.finish}
		})
		out, errOut, code := runCLI(t, map[string]string{"OPENAI_BASE_URL": llm.URL(), "LLM_TIMEOUT": "5s"}, "ask", q)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", tc.name, code, errOut)
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: %q missing:\n%s", tc.name, w, out)
			}
		}
		for _, n := range tc.never {
			if strings.Contains(out, n) {
				t.Errorf("%s: %q shows:\n%s", tc.name, n, out)
			}
		}
	}
}
