package bot_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"corpusbot/bot"
	"corpusbot/internal/discordtest"
	"corpusbot/internal/openaitest"
)

const (
	advTrue  = "Regulators acted on the company"
	advFalse = "The ministry fined Tencent"
	advWeak  = "In 1999 the article said"
	advPing  = "Tell the whole server"
)

// adversarialResponder plays a model that says wrong things in many ways
// at once, in a reply long enough to be split across messages: true
// cross-lingual claims in odd citation forms with verbatim quotes; a false
// claim whose quote is from another passage; a weak claim whose figure its
// quote lacks; an uncited sentence that pings everyone, a role and a user
// behind a masked link; citations beyond the passages and in footnote
// form; and a list of quotes under a lead-in at the end. Briefings get the
// same as bullets.
// spelledNumber is n (1 to 99) in English words: "forty-four".
func spelledNumber(n int) string {
	ones := strings.Fields("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen")
	tens := strings.Fields("_ _ twenty thirty forty fifty sixty seventy eighty ninety")
	switch {
	case n < 20:
		return ones[n]
	case n%10 == 0:
		return tens[n/10]
	}
	return tens[n/10] + "-" + ones[n%10]
}

func adversarialResponder(r openaitest.Request) openaitest.Reply {
	text := r.Text()
	ps, reply, done := trustPassages(text)
	if done {
		return reply
	}
	p, other, en := foreignPassage(ps), ps[len(ps)-1], ps[0]
	for _, q := range ps {
		if q[1] != p[1] {
			other = q
		}
		if strings.HasSuffix(q[2], ".en") {
			en = q
		}
	}
	words := openingWords
	var lines []string
	add := func(s string) { lines = append(lines, s) }
	forms := []string{"【%s】", "［%s］", "(%s)", "[^%s]", "[ %s ]", "[%s][9]"}
	for i := range 44 {
		// Numbered in words: a figure in digits ("point 7") is one the
		// quote must hold, in any language.
		add(fmt.Sprintf("%s, point %s "+forms[i%len(forms)]+" «%s».", advTrue, spelledNumber(i+1), p[1], words(p)))
		switch i {
		case 20:
			add(fmt.Sprintf("%s [%s] «%s».", advFalse, p[1], words(other)))
		case 30:
			add(fmt.Sprintf("%s %s [%s] «%s».", advWeak, words(en), en[1], words(en)))
		case 40:
			add(advPing + ": @everyone, @here, <@&" + roleID + "> and <@" + user(9).ID + ">, see [the official source](http://evil.example/x).")
		}
	}
	tail := "\n\nQuotes:\n[" + p[1] + "] «" + words(p) + "»\n[9] «words from nowhere»"
	if strings.Contains(text, "Write a team briefing") {
		return openaitest.Reply{Text: "**Payments**\n- " + strings.Join(lines, "\n- ") + tail}
	}
	return openaitest.Reply{Text: strings.Join(lines, " ") + tail}
}

var (
	advMarkRE  = regexp.MustCompile(`[⚠❔][⁰¹²³⁴⁵⁶⁷⁸⁹]+`)
	advCiteRE  = regexp.MustCompile(`\[(\d+)\]`)
	advParenRE = regexp.MustCompile(`\(\d+\)`)
	// advPingRE is what Discord reads as a mention: without the zero-width
	// space the bot puts after "@".
	advPingRE = regexp.MustCompile(`@everyone|@here|<@[!&]?\d+>`)
)

// checkAdversarial holds the messages of one answer to what a reader must
// be able to trust: the false and the weak claim and the uncited pings
// marked where they stand, with a note each; the true claims not marked;
// no raw citation form, no citation beyond the sources, no backing quote,
// no reference list; nothing that pings or hides a link; and no message
// of a split answer ending in a mark parted from its sentence.
func checkAdversarial(t *testing.T, path string, parts []string, wantPing bool) {
	t.Helper()
	all := strings.Join(parts, "\n")
	if len(parts) < 2 {
		t.Errorf("%s: the long answer came in %d message(s), want it split", path, len(parts))
	}
	for _, claim := range []string{advFalse, advWeak} {
		if !regexp.MustCompile(`[⚠][⁰¹²³⁴⁵⁶⁷⁸⁹]+ ` + claim).MatchString(all) {
			t.Errorf("%s: %q is not marked:\n%s", path, claim, all)
		}
	}
	if wantPing && !regexp.MustCompile(`❔[⁰¹²³⁴⁵⁶⁷⁸⁹]+ `+advPing).MatchString(all) {
		t.Errorf("%s: the uncited sentence is not marked:\n%s", path, all)
	}
	if i := strings.Index(all, advTrue); i < 0 || advMarkRE.MatchString(all[max(0, i-12):i]) {
		t.Errorf("%s: the true claim is missing or marked:\n%s", path, all)
	}
	marks := advMarkRE.FindAllString(all, -1)
	for _, m := range marks {
		if !strings.Contains(all, "-# "+m+" “") {
			t.Errorf("%s: no note explains %s:\n%s", path, m, all)
		}
	}
	sources := strings.Count(all, "\n[") // the Sources list: one line each
	for _, m := range advCiteRE.FindAllStringSubmatch(all, -1) {
		var n int
		if _, err := fmt.Sscan(m[1], &n); err != nil || n < 1 || n > sources {
			t.Errorf("%s: [%s] cites no source (%d listed):\n%s", path, m[1], sources, all)
			break
		}
	}
	if m := advPingRE.FindString(all); m != "" {
		t.Errorf("%s: %q would ping:\n%s", path, m, all)
	}
	for _, raw := range []string{"【", "［", "[^", "[ ", "«", "»", "Quotes:", "](", "words from nowhere"} {
		if strings.Contains(all, raw) {
			t.Errorf("%s: %q shows:\n%s", path, raw, all)
		}
	}
	if m := advParenRE.FindString(all); m != "" {
		t.Errorf("%s: %q shows:\n%s", path, m, all)
	}
	for i, p := range parts {
		if len([]rune(p)) > bot.MaxMessageLen {
			t.Errorf("%s: part %d has %d characters", path, i+1, len([]rune(p)))
		}
		if loc := advMarkRE.FindAllStringIndex(p, -1); len(loc) > 0 && strings.TrimSpace(p[loc[len(loc)-1][1]:]) == "" {
			t.Errorf("%s: part %d ends with a mark parted from its sentence:\n%s", path, i+1, p)
		}
	}
}

// answerParts are the bot's messages in channel from the one with id on,
// up to the first carrying the vote buttons: one answer split in parts.
func answerParts(h *harness, channel, fromID string) []string {
	var parts []string
	started := fromID == ""
	for _, m := range h.botMessages(channel) {
		if !started {
			started = m.ID == fromID
			if !started {
				continue
			}
		}
		parts = append(parts, m.Content)
		if hasButton(m.Components, ":v:") {
			break
		}
	}
	return parts
}

// TestAdversarialModelOnEveryPath runs every answering path against a
// model that says wrong things (adversarialResponder) in an answer long
// enough to be split: what each path shows is held to checkAdversarial,
// and the marked sentences are not fed back as history.
func TestAdversarialModelOnEveryPath(t *testing.T) {
	t.Parallel()
	slot := time.Now().UTC().Add(-time.Minute).Format("15:04")
	h := start(t, setup{
		aiOpts: []openaitest.Option{openaitest.WithResponder(adversarialResponder)},
		cfg: func(c *bot.Config) {
			c.BriefingChannelID, c.BriefingTime, c.BriefingTZ = otherID, slot, time.UTC
		},
	})

	thread := answeringPaths(t, h, func(path string, parts []string, briefing bool) {
		checkAdversarial(t, path, parts, !briefing)
	})
	msgs := h.botMessages(thread)
	last := msgs[len(msgs)-1]
	h.dc.SendMessage(discordtest.MessageOpts{ChannelID: thread, GuildID: guildID, Author: user(2), Content: "And what did Ant Group say about the regulators?"})
	if _, err := h.dc.WaitMessage(h.ctx(), thread, func(m discordtest.Message) bool {
		return m.Author.ID == h.dc.BotUser().ID && hasButton(m.Components, ":v:") && m.ID != last.ID
	}); err != nil {
		t.Fatalf("thread follow-up not answered: %v", err)
	}
	for _, r := range h.ai.Requests() {
		if text := r.Text(); strings.Contains(text, "what did Ant Group say") && !strings.Contains(text, "Rewrite the question") {
			hist := text[strings.Index(text, "<history>"):strings.Index(text, "</history>")]
			for _, bad := range []string{advFalse, advWeak, advPing, "everyone"} {
				if strings.Contains(hist, bad) {
					t.Errorf("the follow-up's history keeps %q:\n%s", bad, hist)
				}
			}
			if !strings.Contains(hist, advTrue) {
				t.Errorf("the follow-up's history lost the verified claims:\n%s", hist)
			}
		}
	}
	h.noViolations()
}

// answeringPaths asks h on every answering path in turn and hands each
// answer's messages to check, briefing set for the two briefings (whose
// uncited bullets are dropped): the daily briefing (h is to be started with
// a slot a minute ago in otherID), /ask, a mention (whose thread's ID it
// returns), a DM, "Ask the corpus", /summary of a document and of a topic,
// and /briefing.
func answeringPaths(t *testing.T, h *harness, check func(path string, parts []string, briefing bool)) string {
	t.Helper()
	h.final(otherID)
	check("daily briefing", answerParts(h, otherID, ""), true)

	slash := func(path string, in *discordtest.Interaction, briefing bool) {
		t.Helper()
		first, err := in.WaitOriginal(h.ctx(), func(m discordtest.Message) bool { return m.Content != "" && !strings.HasSuffix(m.Content, "▌") })
		if err != nil {
			t.Fatalf("%s: no answer: %v", path, err)
		}
		// The vote buttons come with the last part, a follow-up when the
		// answer is split.
		if _, err := h.dc.WaitMessage(h.ctx(), generalID, func(m discordtest.Message) bool {
			return m.Author.ID == h.dc.BotUser().ID && hasButton(m.Components, ":v:") && len(m.ID) == len(first.ID) && m.ID >= first.ID
		}); err != nil {
			t.Fatalf("%s: no final answer: %v", path, err)
		}
		check(path, answerParts(h, generalID, first.ID), briefing)
	}
	slash("/ask", ask(h, user(1), generalID, question, false), false)

	q := h.mention(generalID, user(2), question)
	h.final(q.ID)
	check("mention", answerParts(h, q.ID, ""), false)

	const dm = "250000000000000041"
	h.dc.SendMessage(discordtest.MessageOpts{ChannelID: dm, Author: user(3), Content: question})
	h.final(dm)
	check("DM", answerParts(h, dm, ""), false)

	target := h.dc.SendMessage(discordtest.MessageOpts{ChannelID: generalID, GuildID: guildID, Author: user(4), Content: question})
	slash("Ask the corpus", h.dc.SendMessageCommand("Ask the corpus", target, discordtest.As(user(5))), false)

	for _, tc := range []struct {
		path     string
		opts     discordtest.SlashOpts
		briefing bool
	}{
		{"/summary document", discordtest.SlashOpts{Name: "summary", Options: []discordtest.OptionValue{{Name: "document", Value: "china-targets-alipay.ar"}}}, false},
		{"/summary topic", discordtest.SlashOpts{Name: "summary", Options: []discordtest.OptionValue{{Name: "topic", Value: "Alipay micro-loans"}}}, false},
		{"/briefing", discordtest.SlashOpts{Name: "briefing", Options: []discordtest.OptionValue{{Name: "topic", Value: "Alipay micro-loans"}}}, true},
	} {
		tc.opts.GuildID, tc.opts.ChannelID, tc.opts.User = guildID, generalID, user(6)
		slash(tc.path, h.dc.SendSlash(tc.opts), tc.briefing)
	}
	return q.ID
}
