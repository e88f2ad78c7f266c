package bot_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"corpusbot/bot"
	"corpusbot/internal/openaitest"
)

// Round twelve of the adversarial tests of the model path (docs/benchmarks.md, "A model
// that says wrong things, round twelve"): a scripted model backs its
// claims in forms the earlier rounds did not meet. Each case is what a
// reader of /ask sees of one reply, through discordgo.
type model12Case struct {
	name   string
	reply  string // N in [N stands for the Vietnamese passage's number
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
	{
		// Swedish and Finnish quote ”so”: the quote was shown raw and the
		// claim marked as having none; with no other claim the answer
		// was "could not verify".
		name:  "Swedish quotation marks",
		reply: r10True + " [N] ”" + r12Quote + "”.",
		want:  []string{r10True + " [1]."},
		never: []string{"”", "⚠", "❔"},
	},
	{
		// The quote inside the citation's brackets: no citation was
		// read, the claim shown uncited with brackets and quote, and
		// alone "could not verify".
		name:  "the quote inside the citation",
		reply: r10True + " [N: «" + r12Quote + "»].",
		want:  []string{r10True + " [1]."},
		never: []string{"«", "⚠", "❔"},
	},
	{
		// A JSON array of quote-backed claims was shown as written, one
		// uncited claim: "could not verify".
		name:  "a JSON array of claims",
		reply: "[{\"claim\": \"" + r10True + "\", \"citation\": [N], \"quote\": \"" + r12Quote + "\"}, {\"claim\": \"It returns three values\", \"citation\": [N], \"quote\": \"useState trả về ba giá trị\"}]",
		want:  []string{r10True + " [1].\n\n⚠¹ It returns three values [1]."},
		never: []string{"{", "claim\"", "«", "❔"},
	},
	{
		// Straight single quotes: the quote shown raw, the claim marked
		// "no quote"; alone "could not verify".
		name:  "straight single quotes",
		reply: r10True + " [N] '" + r12Quote + "'.",
		want:  []string{r10True + " [1]."},
		never: []string{"'", "⚠", "❔"},
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
			return openaitest.Reply{Text: strings.ReplaceAll(c.reply, "[N", "["+p[1]), FinishReason: c.finish}
		})
		got := waitFinal(h, ask(h, user(1), generalID, "useState trả về gì?", false)).Content
		checkShown(t, c.name, got, c.want, c.never)
	}
	h.noViolations()
}

// checkShown reports each of want that the reply got does not show, and
// each of never that it does, under the case's name.
func checkShown(t *testing.T, name, got string, want, never []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("%s: %q missing:\n%s", name, w, got)
		}
	}
	for _, n := range never {
		if strings.Contains(got, n) {
			t.Errorf("%s: %q shows:\n%s", name, n, got)
		}
	}
}

// round12Responder plays a model that formats in HTML, gives a quote on
// the line under its claim and a second quote of its own words after a
// citation; a briefing's bullets the same.
func round12Responder(r openaitest.Request) openaitest.Reply {
	p, early, ok := round10Passage(r)
	if !ok {
		return early
	}
	n := "[" + p[1] + "]"
	good := "<b>useState</b> returns a pair of values " + n + "\n  Quote: «" + r12Quote + "» «biến state và hàm setter»"
	bad := "It returns <em>three</em> values " + n + " «" + r12Quote + "» «useState trả về ba giá trị»."
	if strings.Contains(r.Text(), "Write a team briefing") {
		return openaitest.Reply{Text: "**State**\n- " + good + "\n- " + bad}
	}
	return openaitest.Reply{Text: good + "\n\n" + bad}
}

// checkRound12 holds a final answer to the round's rules.
func checkRound12(t *testing.T, path, content string) {
	t.Helper()
	i := strings.Index(content, "**useState** returns a pair of values [1]")
	if i < 0 || strings.ContainsAny(content[max(0, i-8):i], "⚠❔") {
		t.Errorf("%s: the true claim is missing, uncited or marked:\n%s", path, content)
	}
	if !strings.Contains(content, "⚠¹ It returns *three* values [1].") {
		t.Errorf("%s: the false claim is not marked:\n%s", path, content)
	}
	for _, raw := range []string{"<b>", "<em>", "Quote", "«", "[1][1]", "❔"} {
		if strings.Contains(content, raw) {
			t.Errorf("%s: %q shows:\n%s", path, raw, content)
		}
	}
}

// TestRound12OnEveryPath runs every answering path against the round's
// model: /ask, a mention and its thread, a DM, "Ask the corpus", /summary
// of a document and of a topic, /briefing and the daily briefing.
func TestRound12OnEveryPath(t *testing.T) {
	t.Parallel()
	modelOnEveryPath(t, round12Responder, checkRound12, "250000000000000042", func(hist string) bool {
		return strings.Contains(hist, "useState** returns a pair") && !strings.Contains(hist, "three") && !strings.Contains(hist, "<b>")
	})
}

// r12Leads open a long reply's claims, each case twice and different (a
// repeat is left out).
var r12Leads = []string{"In the", "For the", "Within the"}

// A reply of over 6,000 characters in the round's forms (a "<br>" between
// claims, a labelled quote under each true one, a second quote of the
// model's own words after each false one), streamed in pieces of 7 that
// part tags, labels and quotes, is split into messages under Discord's
// 2,000 characters with every mark beside its sentence.
func TestRound12LongReplySplits(t *testing.T) {
	t.Parallel()
	var pieces []string
	h := start(t, setup{
		corpus: round10Docs,
		aiOpts: []openaitest.Option{openaitest.WithResponder(func(r openaitest.Request) openaitest.Reply {
			p, early, ok := round10Passage(r)
			if !ok {
				return early
			}
			var b strings.Builder
			for _, lead := range r12Leads {
				for _, c := range r10Cases {
					fmt.Fprintf(&b, "%s <b>%s</b> case, the useState Hook returns a pair of values [%s]\nQuote: «%s»\n", lead, c, p[1], r12Quote)
					fmt.Fprintf(&b, "%s <em>%s</em> case, useState returns three values [%s] «%s» «useState trả về ba giá trị».<br>", lead, c, p[1], r12Quote)
				}
			}
			s := []rune(b.String())
			pieces = nil
			for len(s) > 7 {
				pieces = append(pieces, string(s[:7]))
				s = s[7:]
			}
			return openaitest.Reply{Chunks: append(pieces, string(s))}
		})},
		cfg: func(c *bot.Config) { c.ThreadMode, c.EditInterval = bot.ThreadOff, 20*time.Millisecond },
	})
	h.mention(generalID, user(1), "useState trả về gì?")
	h.final(generalID)
	msgs := h.botMessages(generalID)
	var all strings.Builder
	for _, m := range msgs {
		if n := len([]rune(m.Content)); n > 2000 {
			t.Errorf("a message of %d characters", n)
		}
		all.WriteString(withoutNotes(m.Content) + "\n")
	}
	body := all.String()
	if len(msgs) < 3 {
		t.Errorf("%d messages, want the reply of %d pieces split", len(msgs), len(pieces))
	}
	for _, lead := range r12Leads {
		for _, c := range r10Cases {
			good, bad := lead+" **"+c+"** case, the useState Hook returns a pair of values [1]\n", lead+" *"+c+"* case, useState returns three values [1]."
			if i := strings.Index(body, good); i < 0 || strings.ContainsAny(body[max(0, i-8):i], "⚠❔") {
				t.Errorf("%s %s: the true claim is missing or marked", lead, c)
			}
			if !regexp.MustCompile(`⚠[⁰¹²³⁴⁵⁶⁷⁸⁹]+ ` + regexp.QuoteMeta(bad)).MatchString(body) {
				t.Errorf("%s %s: the false claim is not marked", lead, c)
			}
		}
	}
	for _, raw := range []string{"<b>", "<em>", "<br>", "Quote", "«", "[1][1]"} {
		if strings.Contains(body, raw) {
			t.Errorf("%q shows", raw)
		}
	}
	if t.Failed() {
		for _, m := range msgs {
			t.Logf("message (%d characters):\n%s", len([]rune(m.Content)), m.Content)
		}
	}
	h.noViolations()
}
