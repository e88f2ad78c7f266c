package bot_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"corpusbot/bot"
	"corpusbot/internal/discordtest"
)

// clock is a settable clock for the bot's rate limit and conversation
// expiry, so that tests move time without sleeping.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock() *clock { return &clock{now: time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// One question every 5 s with the default bucket (3 at once, one more every
// 20 s): the first three are answered, the fourth is told how long to wait.
func TestRateLimitOneQuestionEveryFiveSeconds(t *testing.T) {
	t.Parallel()
	clk := newClock()
	h := start(t, setup{cfg: func(c *bot.Config) {
		c.UserRate, c.UserBurst, c.Now = bot.DefaultUserRate, bot.DefaultUserBurst, clk.Now
	}})
	qs := []string{question, "What is the quanzi feature of Alipay?", "Which regulators targeted Alipay?", "How many users does Alipay have?"}
	for i, q := range qs {
		in := ask(h, user(1), generalID, q, false)
		if i < 3 {
			waitFinal(h, in)
		} else {
			r, err := in.WaitResponse(h.ctx())
			if err != nil {
				t.Fatal(err)
			}
			if r.Type != 4 || r.Flags&discordtest.FlagEphemeral == 0 || !strings.Contains(r.Content, "Please wait 5 seconds") {
				t.Errorf("question %d got %d %q, want a private \"wait 5 seconds\"", i+1, r.Type, r.Content)
			}
		}
		clk.advance(5 * time.Second)
	}
	// The wait was right: at 20 s a token is back.
	waitFinal(h, ask(h, user(1), generalID, qs[3], false))
	h.noViolations()
}

// An abstention costs nothing: with one question per hour, a person told
// the corpus does not cover their question rephrases at once and is
// answered; /search and /sources in between are free too.
func TestRephraseRightAfterAbstentionIsAnswered(t *testing.T) {
	t.Parallel()
	clk := newClock()
	h := start(t, setup{cfg: func(c *bot.Config) { c.UserRate, c.UserBurst, c.Now = time.Hour, 1, clk.Now }})
	in := ask(h, user(1), generalID, "What is the boiling point of tungsten?", false)
	waitContent(h, in, "does not cover")
	search := h.dc.SendSlash(discordtest.SlashOpts{Name: "search", GuildID: guildID, ChannelID: generalID, User: user(1),
		Options: []discordtest.OptionValue{{Name: "query", Value: "Alipay micro-loans"}}})
	if _, err := search.WaitOriginal(h.ctx(), func(m discordtest.Message) bool { return len(m.Embeds) > 0 }); err != nil {
		t.Fatal(err)
	}
	waitContent(h, h.dc.SendSlash(discordtest.SlashOpts{Name: "sources", GuildID: guildID, ChannelID: generalID, User: user(1)}), "documents")
	m := waitFinal(h, ask(h, user(1), generalID, question, false))
	if !strings.Contains(m.Content, "[1]") {
		t.Errorf("rephrased question got %q, want a cited answer", m.Content)
	}
	// That answer used the model, so it was the hour's question.
	r, err := ask(h, user(1), generalID, "What is the quanzi feature of Alipay?", false).WaitResponse(h.ctx())
	if err != nil || !strings.Contains(r.Content, "Please wait 60 minutes") {
		t.Errorf("third question got %+v (%v), want a wait of an hour", r, err)
	}
}
