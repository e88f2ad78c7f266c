package bot_test

import (
	"fmt"
	"strings"
	"testing"

	"corpusbot/i18n"
	"corpusbot/internal/discordtest"
	"corpusbot/internal/openaitest"
)

// langModel plays a model for the language tests: a rewrite of a question
// naming Alipay gives English keywords, of any other "none" (nothing to
// find); an answer makes one claim backed by the first passage's words,
// written in the question's language, and one that cites nothing, so that
// the reader is shown a note. Claims are in the question's language,
// English for another question.
func langModel(claims map[string][2]string) func(openaitest.Request) openaitest.Reply {
	return func(r openaitest.Request) openaitest.Reply {
		text := r.Text()
		m, done, reply := langPrompt(text)
		if done {
			return reply
		}
		c := claims["en"]
		for lang, q := range questions {
			if strings.Contains(text, q) {
				c = claims[lang]
			}
		}
		return openaitest.Reply{Text: fmt.Sprintf("%s %s. %s", c[0], cite(text, m[1]), c[1])}
	}
}

// langPrompt is what the language tests' models share: a rewrite of a
// question naming Alipay gives English keywords, of any other "none"
// (nothing to find); a prompt without passages is declined. Otherwise
// done is false and m is the first passage's match of passageRE.
func langPrompt(text string) (m []string, done bool, reply openaitest.Reply) {
	if strings.Contains(text, "Rewrite the question") {
		if strings.Contains(text, "Alipay") {
			return nil, true, openaitest.Reply{Text: "en: Alipay micro-loans spin off regulators"}
		}
		return nil, true, openaitest.Reply{Text: "en: none"}
	}
	if m = passageRE.FindStringSubmatch(text); m == nil {
		return nil, true, openaitest.Reply{Text: "NOT_IN_CORPUS"}
	}
	return m, false, openaitest.Reply{}
}

// questions the embedded corpus answers, in each language; the Arabic one
// names its brands in Latin letters, as Arabic writers often do.
var questions = map[string]string{
	"ar": "لماذا طُلب من Alipay التابعة لمجموعة Ant Group فصل أعمال القروض الصغيرة؟",
	"de": "Warum musste Alipay das Geschäft mit den Kleinkrediten abspalten?",
	"pt": "Por que o Alipay teve de separar o negócio de microcrédito?",
	"ko": "알리페이(Alipay)는 왜 소액 대출 사업을 분리해야 했나요?",
	"uk": "Чому Alipay мусила виділити бізнес мікрокредитів?",
}

// absent are questions the corpus does not cover that name something it
// mentions (Shanghai), so that the abstention lists the documents that
// share that word.
var absent = map[string]string{
	"ar": "كم عدد سكان Shanghai؟",
	"de": "Wie viele Einwohner hat Shanghai?",
	"pt": "Quantos habitantes tem Shanghai?",
	"ko": "상하이(Shanghai)의 인구는 몇 명인가요?",
	"uk": "Скільки жителів має Shanghai?",
}

// unrelated are questions that share no word with the corpus: their
// abstention names no document, since none is similar.
var unrelated = map[string]string{
	"ar": "كم هدفًا سجل Pelé في كأس العالم FIFA عام 1970؟",
	"de": "Wie viele Tore schoss Pelé bei der Weltmeisterschaft 1970?",
	"pt": "Quantos gols Pelé marcou na Copa do Mundo de 1970?",
	"ko": "펠레는 1970년 월드컵에서 몇 골을 넣었나요?",
	"uk": "Скільки голів забив Пеле на чемпіонаті світу 1970 року?",
}

// modelClaims are the model's sentences: a claim it backs with a quote,
// and one it does not cite.
var modelClaims = map[string][2]string{
	"en": {"Regulators acted on the micro-loan business", "Other firms were affected too."},
	"ar": {"تدخلت الجهات التنظيمية في أعمال القروض الصغيرة", "وشمل ذلك شركات أخرى أيضًا."},
	"de": {"Die Aufsicht griff in das Kreditgeschäft ein", "Das betraf auch andere Firmen."},
	"pt": {"Os reguladores intervieram no negócio de crédito", "Isso afetou outras empresas também."},
	"ko": {"규제 당국이 소액 대출 사업에 개입했습니다", "다른 회사들도 영향을 받았습니다."},
	"uk": {"Регулятори втрутилися в кредитний бізнес", "Це зачепило й інші компанії."},
}

// A question in Arabic with Latin brand names, in German, Portuguese,
// Korean or Ukrainian, asked from an English client, gets every message in
// its language: the answer's note, Sources heading and buttons, the
// abstention with its nearest documents, and an error.
func TestEveryMessageInTheQuestionsLanguage(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"ar", "de", "pt", "ko", "uk"} {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			say := func(k i18n.Key, args ...any) string { return i18n.Text(lang, k, args...) }
			h := start(t, setup{aiOpts: []openaitest.Option{openaitest.WithResponder(langModel(modelClaims))}})

			// An answer: a note on the sentence that cites nothing, the
			// Sources heading and the buttons.
			m := waitFinal(h, ask(h, user(1), generalID, questions[lang], false))
			for _, want := range []string{"**" + say(i18n.Sources) + "**", "-# " + say(i18n.CheckSentences), say(i18n.WhyUncited)} {
				if !strings.Contains(m.Content, want) {
					t.Errorf("answer lacks %q:\n%s", want, m.Content)
				}
			}
			for _, english := range []string{"**Sources**", "Check these sentences", "cites no passage", "(lines ", "(line "} {
				if strings.Contains(m.Content, english) {
					t.Errorf("answer has English %q:\n%s", english, m.Content)
				}
			}
			labels := buttonLabels(m.Components)
			for _, want := range []string{say(i18n.ShowPassage, 1), say(i18n.Helpful), say(i18n.NotHelpful)} {
				if !strings.Contains(labels, want) {
					t.Errorf("buttons %q lack %q", labels, want)
				}
			}

			// An abstention, with the nearest documents.
			in := ask(h, user(2), generalID, absent[lang], false)
			a := waitContent(h, in, say(i18n.NotCovered))
			if !strings.Contains(a.Content, "**"+say(i18n.Nearest)+"**") {
				t.Errorf("abstention lacks the heading %q:\n%s", say(i18n.Nearest), a.Content)
			}
			if strings.Contains(a.Content, "Nearest documents") {
				t.Errorf("abstention has the English heading:\n%s", a.Content)
			}
			if !strings.Contains(a.Content, "Internet-Plus Phenomenon") {
				t.Errorf("abstention does not name the document that mentions Shanghai:\n%s", a.Content)
			}

			// A question that shares no word with the corpus: the
			// abstention, and no documents passed off as near.
			u := waitContent(h, ask(h, user(3), generalID, unrelated[lang], false), say(i18n.NotCovered))
			noNearest(t, u.Content)
			h.noViolations()
		})
		t.Run(lang+" error", func(t *testing.T) {
			t.Parallel()
			// The model refuses the bot's key: a configuration problem.
			h := start(t, setup{aiOpts: []openaitest.Option{openaitest.WithAPIKey("the-right-key")}})
			want := i18n.Text(lang, i18n.Misconfigured)
			if m := waitContent(h, ask(h, user(1), generalID, questions[lang], false), want); m.Content != want {
				t.Errorf("got %q, want %q", m.Content, want)
			}
		})
		t.Run(lang+" rate limited", func(t *testing.T) {
			t.Parallel()
			// The model rewrites the question, then rate limits the
			// answer.
			h := start(t, setup{})
			h.ai.Push(openaitest.Text("en: Alipay micro-loans spin off regulators"), openaitest.RateLimited("0"), openaitest.RateLimited("0"))
			want := i18n.Text(lang, i18n.RateLimited)
			if m := waitContent(h, ask(h, user(1), generalID, questions[lang], false), want); m.Content != want {
				t.Errorf("got %q, want %q", m.Content, want)
			}
		})
	}
}

// A question of one word says nothing of its language: a German client
// gets German, and the model is told to write in German.
func TestOneWordFollowsTheLocale(t *testing.T) {
	t.Parallel()
	h := start(t, setup{aiOpts: []openaitest.Option{openaitest.WithResponder(langModel(modelClaims))}})
	de := func(k i18n.Key) string { return i18n.Text("de", k) }
	slash := func(q string) *discordtest.Interaction {
		return h.dc.SendSlash(discordtest.SlashOpts{Name: "ask", GuildID: guildID, ChannelID: generalID, User: user(1), Locale: "de",
			Options: []discordtest.OptionValue{{Name: "question", Value: q}}})
	}

	// A word the corpus lacks: the German abstention, no documents.
	a := waitContent(h, slash("Bundesliga"), de(i18n.NotCovered))
	noNearest(t, a.Content)

	m := waitFinal(h, slash("Alipay"))
	if !strings.Contains(m.Content, "**"+de(i18n.Sources)+"**") || !strings.Contains(m.Content, de(i18n.CheckSentences)) {
		t.Errorf("answer lacks the German Sources heading or note:\n%s", m.Content)
	}
	told := false
	for _, r := range h.ai.Requests() {
		told = told || strings.Contains(r.Text(), "Write in German")
	}
	if !told {
		t.Error("the model was not told to write in German")
	}
}

// A mention has no locale: a question of one word takes the server's
// preferred one. The word is nowhere in the corpus, so no document is
// named as near.
func TestMentionFollowsTheServersLocale(t *testing.T) {
	t.Parallel()
	h := start(t, setup{
		dcOpts: []discordtest.Option{discordtest.WithGuildLocale(guildID, "pt-BR")},
		aiOpts: []openaitest.Option{openaitest.WithResponder(langModel(modelClaims))},
	})
	want := i18n.Text("pt", i18n.NotCovered)
	q := h.mention(generalID, user(1), "Bundesliga")
	m, err := h.dc.WaitMessage(h.ctx(), q.ID, func(m discordtest.Message) bool {
		return m.Author.ID == h.dc.BotUser().ID && strings.Contains(m.Content, want)
	})
	if err != nil {
		if m, err = h.dc.WaitMessage(h.ctx(), generalID, func(m discordtest.Message) bool {
			return m.Author.ID == h.dc.BotUser().ID && strings.Contains(m.Content, want)
		}); err != nil {
			t.Fatalf("no Portuguese abstention: %v; thread %+v; channel %+v", err, h.dc.Messages(q.ID), h.dc.Messages(generalID))
		}
	}
	noNearest(t, m.Content)
}

// noNearest checks that an abstention lists no nearest documents, under a
// heading in any language or as a bare document title.
func noNearest(t *testing.T, content string) {
	t.Helper()
	for _, lang := range i18n.Languages() {
		if h := i18n.Text(lang, i18n.Nearest); strings.Contains(content, h) {
			t.Errorf("abstention of a question that shares no word with the corpus has the heading %q:\n%s", h, content)
		}
	}
	for _, title := range []string{"Internet-Plus Phenomenon", "Alipay gambit", "La hache de guerre"} {
		if strings.Contains(content, title) {
			t.Errorf("abstention of a question that shares no word with the corpus names %q:\n%s", title, content)
		}
	}
}

func buttonLabels(cs []discordtest.Component) string {
	var out []string
	for _, c := range cs {
		if c.Label != "" {
			out = append(out, c.Label)
		}
		if l := buttonLabels(c.Components); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, " | ")
}

// A document's summary has no question to tell its language: it is
// written in the client's, and so is everything around it.
func TestSummaryOfADocumentInTheClientsLanguage(t *testing.T) {
	t.Parallel()
	h := start(t, setup{aiOpts: []openaitest.Option{openaitest.WithResponder(langModel(modelClaims))}})
	in := h.dc.SendSlash(discordtest.SlashOpts{Name: "summary", GuildID: guildID, ChannelID: generalID, User: user(1), Locale: "pt-BR",
		Options: []discordtest.OptionValue{{Name: "document", Value: "alipay-ordered-to-spin-off-micro-loans.en"}}})
	m := waitFinal(h, in)
	if want := "**" + i18n.Text("pt", i18n.Sources) + "**"; !strings.Contains(m.Content, want) {
		t.Errorf("summary lacks %q:\n%s", want, m.Content)
	}
	told := false
	for _, r := range h.ai.Requests() {
		told = told || strings.Contains(r.Text(), "in Portuguese")
	}
	if !told {
		t.Error("the model was not told to write in Portuguese")
	}
}
