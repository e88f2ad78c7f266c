package bot_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"corpusbot/bot"
	"corpusbot/internal/discordtest"
	"corpusbot/internal/openaitest"
)

// Round ten of the adversarial tests (docs/benchmarks.md, "Adversarial
// round ten"): a scripted model with the habits of real deployments —
// a reasoning model's <think> block before the answer (Ollama, vLLM), the
// whole answer in a ```markdown fence (small local models), Azure's
// "[doc1]" citations written as markdown links, footnote superscripts,
// "(Source: 2)" — over a Vietnamese and an Indonesian page made up here in
// the form of the round's public trees (React's docs in those languages).
// A claim whose quote paraphrases its passage must be marked on every
// answering path; the true claim, quoted verbatim across languages, not.
var round10Docs = fstest.MapFS{
	"vi/state.md": {Data: []byte("---\ntitle: \"State: Bộ nhớ của component\"\n---\n\n## Khi một biến thông thường không đủ {/*when-a-regular-variable-isnt-enough*/}\n\n" +
		"Trong React, kiểu bộ nhớ cụ thể của component này được gọi là state. Hook useState trả về một cặp giá trị: biến state và hàm setter để cập nhật nó.\n")},
	"id/state.md": {Data: []byte("---\ntitle: \"State: Memori dari Sebuah Komponen\"\n---\n\n## Menambahkan variabel state {/*adding-a-state-variable*/}\n\n" +
		"Hook useState mengembalikan sepasang nilai: variabel state dan fungsi setter. State bersifat lokal untuk komponen dan tidak dibagi.\n")},
}

const (
	r10True  = "The useState Hook returns a pair of values"
	r10False = "The useState Hook returns three values"
)

var r10Superscript = strings.NewReplacer("0", "⁰", "1", "¹", "2", "²", "3", "³", "4", "⁴", "5", "⁵", "6", "⁶", "7", "⁷", "8", "⁸", "9", "⁹")

// round10Responder plays a reasoning model that fences its answer: the
// true claim cites the Vietnamese passage as an Azure link with its
// opening words; the false one cites it by a footnote superscript and
// "quotes" it in words it does not hold.
func round10Responder(r openaitest.Request) openaitest.Reply {
	p, early, ok := round10Passage(r)
	if !ok {
		return early
	}
	good := fmt.Sprintf("%s [doc%s](#) «%s».", r10True, p[1], openingWords(p))
	bad := fmt.Sprintf("%s%s «useState trả về ba giá trị».", r10False, r10Superscript.Replace(p[1]))
	body := good + " " + bad
	if strings.Contains(r.Text(), "Write a team briefing") {
		body = "**State**\n- " + good + "\n- " + bad
	}
	return openaitest.Reply{Text: "<think>\nPassage " + p[1] + " mentions useState [" + p[1] + "]. I could not find anything about three values.\n</think>\n\n```markdown\n" + body + "\n```"}
}

var r10RawSuperscript = regexp.MustCompile(`[^⚠❔⁰¹²³⁴⁵⁶⁷⁸⁹][¹²³⁴⁵⁶⁷⁸⁹]`)

// checkRound10 holds a final answer to the round's rules.
func checkRound10(t *testing.T, path, content string) {
	t.Helper()
	if !strings.Contains(content, "⚠¹ "+r10False) {
		t.Errorf("%s: the false claim is not marked:\n%s", path, content)
	}
	i := strings.Index(content, r10True+" [1]")
	if i < 0 || strings.ContainsAny(content[max(0, i-8):i], "⚠❔") {
		t.Errorf("%s: the true claim is missing, uncited or marked:\n%s", path, content)
	}
	if !strings.Contains(content, "-# ⚠¹ “"+r10False) {
		t.Errorf("%s: no note says which sentence is marked and why:\n%s", path, content)
	}
	for _, raw := range []string{"<think", "think>", "Passage ", "could not find", "```", "(#)", "doc1", "«"} {
		if strings.Contains(content, raw) {
			t.Errorf("%s: %q shows:\n%s", path, raw, content)
		}
	}
	if m := r10RawSuperscript.FindString(content); m != "" {
		t.Errorf("%s: a model's footnote superscript shows (%q):\n%s", path, m, content)
	}
}

// TestRound10ModelHabitsOnEveryPath runs every answering path against the
// round's model: /ask, a mention and its thread, a DM, "Ask the corpus",
// /summary of a document and of a topic, /briefing and the daily
// briefing.
func TestRound10ModelHabitsOnEveryPath(t *testing.T) {
	t.Parallel()
	modelOnEveryPath(t, round10Responder, checkRound10, "250000000000000041", func(hist string) bool {
		return strings.Contains(hist, r10True) && !strings.Contains(hist, r10False) && !strings.Contains(hist, "Passage")
	})
}

// modelOnEveryPath asks a Vietnamese question of a model answering as
// respond on every answering path (/ask, a mention and its thread, a DM
// from dm, "Ask the corpus", /summary of a document and of a topic,
// /briefing and the daily briefing), checks each reply, and that the
// thread's follow-up feeds back a history histOK accepts: the verified
// claim, not the marked one.
func modelOnEveryPath(t *testing.T, respond func(openaitest.Request) openaitest.Reply, check func(t *testing.T, path, content string), dm string, histOK func(hist string) bool) {
	t.Helper()
	const q = "useState trả về gì?"
	slot := time.Now().UTC().Add(-time.Minute).Format("15:04")
	h := start(t, setup{
		corpus: round10Docs,
		aiOpts: []openaitest.Option{openaitest.WithResponder(respond)},
		cfg: func(c *bot.Config) {
			c.BriefingChannelID, c.BriefingTime, c.BriefingTZ = otherID, slot, time.UTC
		},
	})
	check(t, "daily briefing", h.final(otherID).Content)
	check(t, "/ask", waitFinal(h, ask(h, user(1), generalID, q, false)).Content)

	m := h.mention(generalID, user(2), q)
	first := h.final(m.ID)
	check(t, "mention", first.Content)
	h.dc.SendMessage(discordtest.MessageOpts{ChannelID: m.ID, GuildID: guildID, Author: user(2), Content: "Và hàm setter làm gì?"})
	follow, err := h.dc.WaitMessage(h.ctx(), m.ID, func(m discordtest.Message) bool {
		return m.ID != first.ID && m.Author.ID == h.dc.BotUser().ID && hasButton(m.Components, ":v:")
	})
	if err != nil {
		t.Fatalf("follow-up not answered: %v", err)
	}
	check(t, "thread follow-up", follow.Content)
	for _, r := range h.ai.Requests() {
		if text := r.Text(); strings.Contains(text, "hàm setter làm gì") && strings.Contains(text, "<history>") {
			hist := text[strings.Index(text, "<history>"):]
			if !histOK(hist) {
				t.Errorf("follow-up history keeps the marked claim, or loses the verified one:\n%s", hist)
			}
		}
	}

	laterPaths(t, h, dm, q, "vi/state", "useState", check)
	h.noViolations()
}

// r10Cases are distinct lead-ins (no figure, no capitalised name) that
// make each sentence of a long answer its own.
var r10Cases = []string{"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "omicron", "sigma", "omega"}

// r10Long is a reasoning model's long answer, fenced, each case making a
// true claim quoted from the Vietnamese passage n and a false one whose
// quote that passage lacks; tail ends it.
func r10Long(n, tail string) []string {
	out := []string{"<think>\nThe passages mention useState [", n, "]. I could not find more.\n</think>\n", "```markdown\n"}
	for _, c := range r10Cases {
		out = append(out,
			"In the "+c+" case, the useState Hook returns a pair of values [doc"+n+"](#) «Hook useState trả về một cặp giá trị». ",
			"In the "+c+" case, the useState Hook returns three values"+r10Superscript.Replace(n)+" «useState trả về ba giá trị».\n\n")
	}
	return append(out, tail)
}

// A long answer streamed in pieces that part citations, quotes and the
// reasoning's tags is split into messages at sentence ends: every false
// claim keeps its mark in the message it stands in, no true one carries
// one. A stream cut mid-quote shows what was verified and says it was
// cut, with no half quote.
func TestRound10LongAnswerAndCutStream(t *testing.T) {
	t.Parallel()
	const q = "useState trả về gì?"
	numberOf := func(r openaitest.Request) string {
		for _, p := range trustPassageRE.FindAllStringSubmatch(r.Text(), -1) {
			if strings.HasPrefix(p[2], "vi/") {
				return p[1]
			}
		}
		return "9"
	}
	for _, cut := range []bool{false, true} {
		name := "long"
		if cut {
			name = "cut mid-quote"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var chunks []string
			responder := func(r openaitest.Request) openaitest.Reply {
				if strings.Contains(r.Text(), "Rewrite the question") {
					return openaitest.Reply{Text: "vi: useState trả về"}
				}
				tail := "```"
				if cut {
					tail = "The setter updates it [doc" + numberOf(r) + "](#) «hàm setter để"
				}
				var pieces []string
				for _, s := range r10Long(numberOf(r), tail) {
					// Pieces of 5 characters part tags, citations and quotes.
					r := []rune(s)
					for len(r) > 5 {
						pieces = append(pieces, string(r[:5]))
						r = r[5:]
					}
					pieces = append(pieces, string(r))
				}
				chunks = pieces
				return openaitest.Reply{Chunks: pieces}
			}
			h := start(t, setup{
				corpus: round10Docs,
				aiOpts: []openaitest.Option{openaitest.WithResponder(responder)},
				cfg:    func(c *bot.Config) { c.ThreadMode, c.EditInterval = bot.ThreadOff, 20*time.Millisecond },
			})
			if cut {
				h.ai.Push(openaitest.Text("vi: useState trả về"))
				h.ai.Push(openaitest.CutStream(1 << 20)) // every piece, then the connection drops
			}
			h.mention(generalID, user(1), q)
			h.final(generalID)
			var all strings.Builder
			msgs := h.botMessages(generalID)
			for _, m := range msgs {
				if len([]rune(m.Content)) > 2000 {
					t.Errorf("a message of %d characters", len([]rune(m.Content)))
				}
				all.WriteString(withoutNotes(m.Content) + "\n")
			}
			body := all.String()
			if len(msgs) < 2 {
				t.Errorf("%d messages (%d pieces streamed), want the long answer split", len(msgs), len(chunks))
			}
			for _, c := range r10Cases {
				good, bad := "In the "+c+" case, the useState Hook returns a pair of values [1]", "In the "+c+" case, the useState Hook returns three values"
				if i := strings.Index(body, good); i < 0 || strings.ContainsAny(body[max(0, i-8):i], "⚠❔") {
					t.Errorf("%s: the true claim is missing or marked", c)
				}
				if !regexp.MustCompile(`⚠[⁰¹²³⁴⁵⁶⁷⁸⁹]+ ` + regexp.QuoteMeta(bad)).MatchString(body) {
					t.Errorf("%s: the false claim is not marked", c)
				}
			}
			for _, raw := range []string{"think>", "could not find", "```", "(#)", "«", "doc1", "hàm setter để"} {
				if strings.Contains(body, raw) {
					t.Errorf("%q shows", raw)
				}
			}
			if m := r10RawSuperscript.FindString(body); m != "" {
				t.Errorf("a model's footnote superscript shows (%q)", m)
			}
			if cut && !strings.Contains(msgs[len(msgs)-1].Content, "-# ") {
				t.Errorf("the cut is not said:\n%s", msgs[len(msgs)-1].Content)
			}
			if t.Failed() {
				for _, m := range msgs {
					t.Logf("message:\n%s", m.Content)
				}
			}
			h.noViolations()
		})
	}
}

// TestRound10LeftoversOnAsk: the forms round ten left, on /ask through
// Discord. A quote in parentheses without quotation marks (Mistral's
// "[1] (exact words)") backs its claim and goes; a paraphrase in them
// stays, as an aside; "[1:2]" cites passage 1; a table, which Discord does
// not draw, is drawn as a block with its header unmarked and each row's
// mark on its row.
func TestRound10LeftoversOnAsk(t *testing.T) {
	t.Parallel()
	h := start(t, setup{
		corpus: round10Docs,
		aiOpts: []openaitest.Option{openaitest.WithResponder(func(r openaitest.Request) openaitest.Reply {
			p, early, ok := round10Passage(r)
			if !ok {
				return early
			}
			return openaitest.Reply{Text: fmt.Sprintf("%s [%s:2] (%s).\n\n| Hook | What it returns |\n|---|---|\n| useState | a pair of values [%s] (Hook useState trả về một cặp giá trị) |\n| useState | three values [%s] (useState trả về ba giá trị) |",
				r10True, p[1], openingWords(p), p[1], p[1])}
		})},
	})
	got := waitFinal(h, ask(h, user(1), generalID, "useState trả về gì?", false)).Content
	for _, want := range []string{r10True + " [1].", "```\nHook        | What it returns\n", "\nuseState    | a pair of values [1]\n", "⚠¹ useState | three values [1] (useState trả về ba giá trị)\n```", "-# ⚠¹ "} {
		if !strings.Contains(got, want) {
			t.Errorf("/ask: %q missing:\n%s", want, got)
		}
	}
	for _, raw := range []string{":2]", "(Trong", "(Hook useState", "❔", "| Hook |", "|---|"} {
		if strings.Contains(got, raw) {
			t.Errorf("/ask: %q shows:\n%s", raw, got)
		}
	}
	h.noViolations()
}

// round10Passage is the passage round ten's scripted model cites: the
// Vietnamese one where the prompt gives it, else the first. A rewrite
// request or a prompt with no passage gets its reply instead (ok false).
func round10Passage(r openaitest.Request) (p []string, reply openaitest.Reply, ok bool) {
	text := r.Text()
	if strings.Contains(text, "Rewrite the question") {
		return nil, openaitest.Reply{Text: "en: useState returns\nvi: useState trả về"}, false
	}
	ps := trustPassageRE.FindAllStringSubmatch(text, -1)
	if len(ps) == 0 {
		return nil, openaitest.Reply{Text: "NOT_IN_CORPUS"}, false
	}
	p = ps[0]
	for _, q := range ps {
		if strings.HasPrefix(q[2], "vi/") {
			p = q
		}
	}
	return p, openaitest.Reply{}, true
}
