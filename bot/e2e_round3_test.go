package bot_test

import (
	"strings"
	"testing"
	"time"

	"corpusbot/bot"
	"corpusbot/internal/discordtest"
	"corpusbot/internal/openaitest"
)

// Round three of the adversarial tests through discordgo and the fakes
// (see docs/benchmarks.md, "Adversarial round three").

// requestContent is the message content a request posts or edits, or "".
func requestContent(r discordtest.Request) string {
	m, _ := r.JSON.(map[string]any)
	if d, ok := m["data"].(map[string]any); ok { // an interaction callback
		m = d
	}
	c, _ := m["content"].(string)
	return c
}

// TestRepeatedSentenceShownOnce: a model that says one verified sentence
// thirty times, then another. The reader sees it once, in every streaming
// edit and in the answer, and never sees it vanish once shown; the other
// sentence follows it.
func TestRepeatedSentenceShownOnce(t *testing.T) {
	t.Parallel()
	const claim = "Regulators acted on the micro-loan business, as the article says at length"
	for _, mention := range []bool{false, true} {
		name := "/ask"
		if mention {
			name = "mention"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			h := start(t, setup{
				aiOpts: []openaitest.Option{openaitest.WithChunkDelay(2 * time.Millisecond)},
				cfg:    func(c *bot.Config) { c.ThreadMode, c.EditInterval = bot.ThreadOff, 50*time.Millisecond },
			})
			h.ai.SetResponder(func(r openaitest.Request) openaitest.Reply {
				if strings.Contains(r.Text(), "Rewrite the question") {
					return openaitest.Reply{Text: "en: Alipay micro-loans"}
				}
				one := claim + " " + cite(r.Text(), "1") + ". "
				return openaitest.Reply{Text: strings.Repeat(one, 30) + variedClaim(7) + " " + cite(r.Text(), "1") + "."}
			})
			var final discordtest.Message
			if mention {
				h.mention(generalID, user(1), question)
				final = h.final(generalID)
			} else {
				final = waitFinal(h, ask(h, user(1), generalID, question, false))
			}
			body := withoutNotes(final.Content)
			if n := strings.Count(body, claim); n != 1 || !strings.Contains(body, variedClaim(7)) {
				t.Errorf("the repeated sentence is shown %d times, want once, then the other:\n%s", n, final.Content)
			}
			shown := false
			for _, r := range h.dc.Requests() {
				c := requestContent(r)
				if c == "" || r.Status >= 300 {
					continue
				}
				n := strings.Count(c, claim)
				if n > 1 || shown && n == 0 {
					t.Errorf("%s shows the sentence %d times (shown before: %v):\n%s", r.Route, n, shown, c)
				}
				shown = shown || n == 1
			}
			h.noViolations()
		})
	}
}
