package bot_test

import (
	"strings"
	"testing"

	"corpusbot/internal/openaitest"
)

// Round thirteen of the adversarial tests of the model path
// (docs/benchmarks.md, "A model that says wrong things, round
// thirteen"): a scripted model writes what small local models write, each
// reply through /ask and discordgo, and a mix of them on every path.
var model13Cases = []model12Case{
	{
		// A false figure in words, its quote the Vietnamese passage's own
		// words: only figures in digits were compared across languages, so
		// it was verified.
		name:  "a number in words against a quote in another language",
		reply: r10False + " [N] «" + r12Quote + "». " + r12Setter,
		want:  []string{"⚠¹ " + r10False + " [1]. " + r12SetterShown, "-# ⚠¹ “" + r10False},
	},
	{
		// "{1}" and a bare "①" after the claim: shown raw, the claim
		// uncited ("could not verify").
		name:  "citations in braces and circled",
		reply: r10True + " {N} «" + r12Quote + "». The pair holds the state and its setter ① «biến state và hàm setter để cập nhật nó».",
		want:  []string{r10True + " [1]. " + r12SetterShown},
		never: []string{"{", "①", "⚠", "❔"},
	},
	{
		// A Markdown reference link for a citation: the brackets shown
		// around the words (Discord draws no reference links).
		name:  "a reference link",
		reply: "The useState Hook returns [a pair of values][N] «" + r12Quote + "». " + r12Setter,
		want:  []string{r10True + " [1]. " + r12SetterShown},
		never: []string{"][", "⚠", "❔"},
	},
	{
		// Footnotes defined with the passage's words, no quotation marks:
		// every claim "no quote", the answer "could not verify".
		name:  "footnote definitions",
		reply: r10True + " [N].\n\n[N]: " + r12Quote,
		want:  []string{r10True + " [1]."},
		never: []string{"]:", r12Quote, "⚠", "❔"},
	},
	{
		// The citation wrapped onto the line under its claim: a claim
		// without it over a citation without a claim.
		name:  "the citation on the next line",
		reply: r10True + "\n[N] «" + r12Quote + "».\n\n" + r12Setter,
		want:  []string{r10True + " [1].\n\n" + r12SetterShown},
		never: []string{"values\n[1]", "⚠", "❔"},
	},
	{
		// A quote of the passage with one word changed ("hai", two, for
		// "một cặp", a pair) is no quote of it.
		name:  "a quote with one word changed",
		reply: r10True + " [N] «Hook useState trả về hai giá trị». " + r12Setter,
		want:  []string{"⚠¹ " + r10True + " [1]. " + r12SetterShown},
		never: []string{"«"},
	},
	{
		// The citation first, the quote last: the quote shown and the
		// claim "no quote"; alone "could not verify".
		name:  "the citation opening the line",
		reply: "[N] " + r10True + " «" + r12Quote + "».",
		want:  []string{r10True + " [1]."},
		never: []string{"«", "⚠", "❔"},
	},
	{
		// A numbered list: its numbers are no citations.
		name:  "a numbered list",
		reply: "1. " + r10True + " [N] «" + r12Quote + "».\n2. " + r12Setter,
		want:  []string{"1. " + r10True + " [1].\n2. " + r12SetterShown},
		never: []string{"⚠", "❔"},
	},
}

// TestRound13RepliesOnAsk asks /ask once for each case's reply.
func TestRound13RepliesOnAsk(t *testing.T) {
	t.Parallel()
	h := start(t, setup{corpus: round10Docs})
	for _, c := range model13Cases {
		h.ai.SetResponder(func(r openaitest.Request) openaitest.Reply {
			p, early, ok := round10Passage(r)
			if !ok {
				return early
			}
			return openaitest.Reply{Text: strings.ReplaceAll(strings.ReplaceAll(c.reply, "[N", "["+p[1]), "{N}", "{"+p[1]+"}"), FinishReason: c.finish}
		})
		got := waitFinal(h, ask(h, user(1), generalID, "useState trả về gì?", false)).Content
		checkShown(t, c.name, got, c.want, c.never)
	}
	h.noViolations()
}

// round13Responder plays a model that cites with a reference link, wraps
// a citation onto the next line, and states a false figure in words
// quoting the Vietnamese passage's words; a briefing's bullets the same.
func round13Responder(r openaitest.Request) openaitest.Reply {
	p, early, ok := round10Passage(r)
	if !ok {
		return early
	}
	n := "[" + p[1] + "]"
	good := "The useState Hook returns [a pair of values]" + n + " «" + r12Quote + "»."
	setter := "The pair holds the state and its setter\n" + n + " «biến state và hàm setter để cập nhật nó»."
	bad := r10False + " " + n + " «" + r12Quote + "»."
	if strings.Contains(r.Text(), "Write a team briefing") {
		return openaitest.Reply{Text: "**State**\n- " + good + "\n- " + setter + "\n- " + bad}
	}
	return openaitest.Reply{Text: good + "\n\n" + setter + "\n\n" + bad}
}

// checkRound13 holds a final answer to the round's rules.
func checkRound13(t *testing.T, path, content string) {
	t.Helper()
	for _, good := range []string{r10True + " [1].", r12SetterShown} {
		i := strings.Index(content, good)
		if i < 0 || strings.ContainsAny(content[max(0, i-8):i], "⚠❔") {
			t.Errorf("%s: %q is missing, uncited or marked:\n%s", path, good, content)
		}
	}
	if !strings.Contains(content, "⚠¹ "+r10False+" [1].") {
		t.Errorf("%s: the false figure is not marked:\n%s", path, content)
	}
	for _, raw := range []string{"][", "setter\n[1]", "«", "❔"} {
		if strings.Contains(content, raw) {
			t.Errorf("%s: %q shows:\n%s", path, raw, content)
		}
	}
}

// TestRound13OnEveryPath runs every answering path against the round's
// model: /ask, a mention and its thread, a DM, "Ask the corpus", /summary
// of a document and of a topic, /briefing and the daily briefing.
func TestRound13OnEveryPath(t *testing.T) {
	t.Parallel()
	modelOnEveryPath(t, round13Responder, checkRound13, "250000000000000043", func(hist string) bool {
		return strings.Contains(hist, r10True) && !strings.Contains(hist, "three") && !strings.Contains(hist, "][")
	})
}
