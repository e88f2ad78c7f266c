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

// madeUpCode is a command in no passage of the corpus.
const madeUpCode = "madeup-cli --wipe-all --yes"

// codeResponder plays a model that puts code in closed fences: a block
// that copies its passage's opening words (as a documentation answer
// quotes a command), and a block of code no passage holds, after enough
// cited sentences that the answer is split into several messages.
// Briefings get the same under a heading.
func codeResponder(r openaitest.Request) openaitest.Reply {
	text := r.Text()
	ps, reply, done := trustPassages(text)
	if done {
		return reply
	}
	p := foreignPassage(ps)
	q := openingWords(p)
	var b strings.Builder
	if strings.Contains(text, "Write a team briefing") {
		b.WriteString("**Payments**\n")
	}
	fmt.Fprintf(&b, "%s [%s] «%s»:\n```\n%s\n```\n\n", trueClaim, p[1], q, strings.ReplaceAll(q, " ", "\n"))
	for i := range 20 {
		fmt.Fprintf(&b, "%s [%s] «%s». ", variedClaim(i), p[1], q)
	}
	fmt.Fprintf(&b, "\n\nThen run this:\n```sh\n%s\n```\n", madeUpCode)
	return openaitest.Reply{Text: b.String()}
}

var (
	codeMarkRE   = regexp.MustCompile(`(⚠[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\n` + "```sh\n" + regexp.QuoteMeta(madeUpCode) + "\n```")
	markedLineRE = regexp.MustCompile(`^\s*[⚠❔][⁰¹²³⁴⁵⁶⁷⁸⁹]+\s*$`)
)

// checkCode holds an answer's messages to the rules for code: the made-up
// block is marked on the line above its fence, in the same message, and a
// note below says why in lang; the block copied from its passage is not
// marked; every message has its fences closed.
func checkCode(t *testing.T, path, lang string, parts []string) {
	t.Helper()
	all := strings.Join(parts, "\n")
	m := codeMarkRE.FindStringSubmatch(all)
	if m == nil {
		t.Errorf("%s: the made-up code is not marked above its fence:\n%s", path, all)
	} else if note := "-# " + m[1] + " "; !strings.Contains(all, note) || !strings.Contains(all, i18n.Text(lang, i18n.WhyCodeNotFound)) {
		t.Errorf("%s: no note in %s explains %s:\n%s", path, lang, m[1], all)
	}
	if i := strings.Index(all, "```\n"+trueClaim); i >= 0 {
		t.Errorf("%s: the claim went into the code block:\n%s", path, all)
	}
	if i := strings.Index(all, trueClaim); i < 0 || strings.ContainsAny(all[max(0, i-8):i], "⚠❔") {
		t.Errorf("%s: the true claim is missing or marked:\n%s", path, all)
	}
	marks := 0
	for _, l := range strings.Split(all, "\n") {
		if !strings.HasPrefix(l, "-# ") {
			marks += strings.Count(l, "⚠") + strings.Count(l, "❔")
		}
	}
	if marks != 1 {
		t.Errorf("%s: want one mark in the text (the made-up code), got:\n%s", path, all)
	}
	if len(parts) < 2 {
		t.Errorf("%s: want an answer long enough to be split, got one message", path)
	}
	for i, p := range parts {
		if strings.Count(p, "```")%2 != 0 {
			t.Errorf("%s: part %d leaves a fence open:\n%s", path, i+1, p)
		}
		for _, l := range strings.Split(p, "\n") {
			if markedLineRE.MatchString(l) && !strings.Contains(p, l+"\n```") {
				t.Errorf("%s: part %d has a mark line not above its fence:\n%s", path, i+1, p)
			}
		}
	}
}

// TestCodeBlocksOnEveryPath: a model that writes a closed code block of
// code no passage holds, and one copied from its passage, on every
// answering path. Before, closed blocks were shown unchecked.
func TestCodeBlocksOnEveryPath(t *testing.T) {
	t.Parallel()
	slot := time.Now().UTC().Add(-time.Minute).Format("15:04")
	h := start(t, setup{
		aiOpts: []openaitest.Option{openaitest.WithResponder(codeResponder)},
		cfg: func(c *bot.Config) {
			c.BriefingChannelID, c.BriefingTime, c.BriefingTZ = otherID, slot, time.UTC
		},
	})
	answeringPaths(t, h, func(path string, parts []string, _ bool) { checkCode(t, path, "en", parts) })
	h.noViolations()
}

// TestCodeBlockNoteInQuestionLanguage: the note on a marked code block is
// in the question's language.
func TestCodeBlockNoteInQuestionLanguage(t *testing.T) {
	t.Parallel()
	h := start(t, setup{aiOpts: []openaitest.Option{openaitest.WithResponder(codeResponder)}})
	in := ask(h, user(1), generalID, questions["de"], false)
	first, err := in.WaitOriginal(h.ctx(), func(m discordtest.Message) bool { return m.Content != "" && !strings.HasSuffix(m.Content, "▌") })
	if err != nil {
		t.Fatalf("no answer: %v", err)
	}
	if _, err := h.dc.WaitMessage(h.ctx(), generalID, func(m discordtest.Message) bool {
		return m.Author.ID == h.dc.BotUser().ID && hasButton(m.Components, ":v:") && len(m.ID) == len(first.ID) && m.ID >= first.ID
	}); err != nil {
		t.Fatalf("no final answer: %v", err)
	}
	checkCode(t, "/ask in German", "de", answerParts(h, generalID, first.ID))
	h.noViolations()
}
