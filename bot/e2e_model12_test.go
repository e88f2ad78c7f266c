package bot_test

import (
	"strings"
	"testing"

	"corpusbot/internal/openaitest"
)

// Round twelve of the adversarial tests of the model path (docs/benchmarks.md, "A model
// that says wrong things, round twelve"): a scripted model backs its
// claims in forms the earlier rounds did not meet. Each case is what a
// reader of /ask sees of one reply, through discordgo.
type model12Case struct {
	name   string
	reply  string // [N] stands for the Vietnamese passage's number
	finish string // the finish reason; "" is "stop"
	want   []string
	never  []string
}

const (
	// r12Quote is the Vietnamese passage's own words, as a quote.
	r12Quote = "Hook useState trả về một cặp giá trị"
	// r12Setter is a verified claim that keeps each reply an answer (a
	// reply with none abstains), and how a reader sees it.
	r12Setter      = "The pair holds the state and its setter [N] «biến state và hàm setter để cập nhật nó»."
	r12SetterShown = "The pair holds the state and its setter [1]."
)

var model12Cases = []model12Case{
	{
		// A second quote of the model's own words after one citation
		// was shown in quotation marks beside a verified claim.
		name:  "two quotes after one citation",
		reply: r10True + " [N] «" + r12Quote + "» «useState trả về ba giá trị». " + r12Setter,
		want:  []string{"⚠¹ " + r10True + " [1]. " + r12SetterShown},
		never: []string{"«", "ba giá trị»", "[1][1]"},
	},
	{
		// HTML formatting was shown as written (Discord draws none of
		// it), and "<br>" joined the claims either side into one, which
		// a false one marked with a true one.
		name:  "HTML formatting",
		reply: "<b>useState</b> returns a <em>pair</em> of values [N] «" + r12Quote + "».<br>" + r12Setter,
		want:  []string{"**useState** returns a *pair* of values [1].\n" + r12SetterShown},
		never: []string{"<b>", "<br>", "<em>", "⚠", "❔", "Bồ Đào Nha"},
	},
	{
		// Each claim's quote on the line under it, after a label: the
		// line was shown as an uncited claim and every claim marked as
		// having no quote, so the answer was "could not verify".
		name:  "a labelled quote under each claim",
		reply: "- " + r10True + " [N].\n  - **Quote:** «" + r12Quote + "»\n- " + strings.Replace(r12Setter, " «", "\n  Quote: «", 1),
		want:  []string{"- " + r10True + " [1].\n- " + r12SetterShown},
		never: []string{"Quote", "«", "⚠", "❔"},
	},
	{
		// Azure OpenAI's content filter ends a stream where it strikes,
		// with finish_reason "content_filter": what came was shown as the
		// whole answer, its last words an uncited claim.
		name:   "stopped by a content filter",
		reply:  r12Setter + " " + r10True + " [N] «" + r12Quote + "». It also retu",
		finish: "content_filter",
		want:   []string{r12SetterShown + " " + r10True + " [1].", "-# Phản hồi của mô hình bị gián đoạn"},
		never:  []string{"It also", "❔"},
	},
}

// TestRound12RepliesOnAsk asks /ask once for each case's reply.
func TestRound12RepliesOnAsk(t *testing.T) {
	t.Parallel()
	h := start(t, setup{corpus: round10Docs})
	for _, c := range model12Cases {
		h.ai.SetResponder(func(r openaitest.Request) openaitest.Reply {
			p, early, ok := round10Passage(r)
			if !ok {
				return early
			}
			return openaitest.Reply{Text: strings.ReplaceAll(c.reply, "[N]", "["+p[1]+"]"), FinishReason: c.finish}
		})
		got := waitFinal(h, ask(h, user(1), generalID, "useState trả về gì?", false)).Content
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q missing:\n%s", c.name, w, got)
			}
		}
		for _, n := range c.never {
			if strings.Contains(got, n) {
				t.Errorf("%s: %q shows:\n%s", c.name, n, got)
			}
		}
	}
	h.noViolations()
}
