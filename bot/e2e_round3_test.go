package bot_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"corpusbot/bot"
	"corpusbot/i18n"
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

const (
	r3True    = "Regulators acted on the company, as the article reports"
	r3Negated = "Regulators did not act on the company"
	r3Year    = "In 2031 regulators acted on the company"
	r3Small   = "Every sentence above was checked against its source"
	r3Hidden  = "Regulators acted quietly on the company"
	r3Next    = "The next claim stays in sight of the reader"
	r3Fenced  = "The ministry fined Tencent heavily"
)

// r3Word is a single word longer than a message.
var r3Word = strings.Repeat("x", 2300)

// round3Responder plays a model that says wrong things in the ways of
// round three, each citing a passage in another language than the claim
// (preferably French or Arabic) with a verbatim quote of it: a claim that
// negates its quote, one that moves it to another year; a line posing as
// the bot's small print ("-# "); a sentence behind a spoiler; a quote never
// closed, followed by a claim; a word longer than a message; and a code
// fence never closed, swallowing a false claim with its raw citation and
// quote. Briefings get the same as bullets.
func round3Responder(r openaitest.Request) openaitest.Reply {
	text := r.Text()
	ps, reply, done := trustPassages(text)
	if done {
		return reply
	}
	p := foreignPassage(ps)
	q := openingWords(p)
	cited := func(claim string) string { return fmt.Sprintf("%s [%s] «%s».", claim, p[1], q) }
	lines := []string{
		cited(r3True),
		cited(r3Negated),
		cited(r3Year),
		"-# " + cited(r3Small),
		"||" + cited(r3Hidden) + "||",
		fmt.Sprintf("%s [%s] «words that never close. %s [%s] «%s».", r3True, p[1], r3Next, p[1], q),
		cited(r3Word),
	}
	fence := fmt.Sprintf("\n```\n%s [%s] «porte-parole Zhao Zhiguo».\n", r3Fenced, p[1])
	if strings.Contains(text, "Write a team briefing") {
		return openaitest.Reply{Text: "**Payments**\n- " + strings.Join(lines, "\n- ") + fence}
	}
	return openaitest.Reply{Text: strings.Join(lines, "\n\n") + fence}
}

// checkRound3 holds an answer's messages to what round three must show:
// the negated, moved and fenced claims marked, with a note each; the true
// claims not; the claim after the unclosed quote in sight; no small print,
// spoiler, fence, quote mark or raw citation of the model's; the long word
// whole, no part over the limit nor ending with a bullet's marker alone.
func checkRound3(t *testing.T, path string, parts []string) {
	t.Helper()
	all := strings.Join(parts, "\n")
	for _, claim := range []string{r3Negated, r3Year, r3Fenced} {
		if !regexp.MustCompile(`⚠[⁰¹²³⁴⁵⁶⁷⁸⁹]+ ` + claim).MatchString(all) {
			t.Errorf("%s: %q is not marked:\n%s", path, claim, all)
		}
	}
	for _, claim := range []string{r3True, r3Next, r3Hidden} {
		if i := strings.Index(all, claim); i < 0 || advMarkRE.MatchString(all[max(0, i-12):i]) {
			t.Errorf("%s: %q is missing or marked:\n%s", path, claim, all)
		}
	}
	for _, m := range advMarkRE.FindAllString(all, -1) {
		if !strings.Contains(all, "-# "+m+" “") {
			t.Errorf("%s: no note explains %s:\n%s", path, m, all)
		}
	}
	for _, l := range strings.Split(all, "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, "-•* "), "-# ") && strings.Contains(l, r3Small) || strings.HasPrefix(l, "-# "+r3Small) {
			t.Errorf("%s: the model's line shows as small print: %q", path, l)
		}
	}
	// "▌": a streaming edit applied after the final one left its cursor.
	for _, raw := range []string{"||", "```", "«", "»", "never close", "▌"} {
		if strings.Contains(all, raw) {
			t.Errorf("%s: %q shows:\n%s", path, raw, all)
		}
	}
	if n := strings.Count(all, "x"); n < len(r3Word) {
		t.Errorf("%s: %d of the long word's %d letters show", path, n, len(r3Word))
	}
	for i, p := range parts {
		if n := len([]rune(p)); n > bot.MaxMessageLen {
			t.Errorf("%s: part %d has %d characters", path, i+1, n)
		}
		if l := p[strings.LastIndexByte(p, '\n')+1:]; strings.TrimSpace(l) == "-" {
			t.Errorf("%s: part %d ends with a list marker alone", path, i+1)
		}
	}
}

// TestRound3ModelOnEveryPath runs every answering path against
// round3Responder and holds what each shows to checkRound3.
func TestRound3ModelOnEveryPath(t *testing.T) {
	t.Parallel()
	slot := time.Now().UTC().Add(-time.Minute).Format("15:04")
	h := start(t, setup{
		aiOpts: []openaitest.Option{openaitest.WithResponder(round3Responder)},
		cfg: func(c *bot.Config) {
			c.BriefingChannelID, c.BriefingTime, c.BriefingTZ = otherID, slot, time.UTC
		},
	})
	answeringPaths(t, h, func(path string, parts []string, _ bool) { checkRound3(t, path, parts) })
	h.noViolations()
}

// TestReplyInAnotherLanguage: a model answers a German question in
// French, citing a passage in another language: a negation its quote
// lacks is marked, the true claim is not, and the bot's own words (the
// notes, the Sources heading) stay in the question's language.
func TestReplyInAnotherLanguage(t *testing.T) {
	t.Parallel()
	const (
		vrai = "Les régulateurs ont agi sur l'entreprise"
		faux = "Les régulateurs n'ont jamais agi sur l'entreprise"
	)
	h := start(t, setup{aiOpts: []openaitest.Option{openaitest.WithResponder(func(r openaitest.Request) openaitest.Reply {
		ps, reply, done := trustPassages(r.Text())
		if done {
			return reply
		}
		p := ps[0]
		for _, q := range ps {
			if !strings.HasSuffix(q[2], ".fr") {
				p = q
				break
			}
		}
		q := openingWords(p)
		return openaitest.Reply{Text: fmt.Sprintf("%s [%s] «%s». %s [%s] «%s».", vrai, p[1], q, faux, p[1], q)}
	})}})
	m := waitFinal(h, ask(h, user(1), generalID, questions["de"], false))
	say := func(k i18n.Key) string { return i18n.Text("de", k) }
	if !regexp.MustCompile(`⚠¹ ` + faux).MatchString(m.Content) {
		t.Errorf("the negated claim is not marked:\n%s", m.Content)
	}
	if i := strings.Index(m.Content, vrai); i < 0 || advMarkRE.MatchString(m.Content[max(0, i-12):i]) {
		t.Errorf("the true claim is missing or marked:\n%s", m.Content)
	}
	for _, want := range []string{"-# " + say(i18n.CheckSentences), say(i18n.WhyNegation), "**" + say(i18n.Sources) + "**"} {
		if !strings.Contains(m.Content, want) {
			t.Errorf("answer lacks %q:\n%s", want, m.Content)
		}
	}
	h.noViolations()
}
