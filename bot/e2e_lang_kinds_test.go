package bot_test

import (
	"fmt"
	"strings"
	"testing"

	"corpusbot/i18n"
	"corpusbot/internal/discordtest"
	"corpusbot/internal/openaitest"
)

// kindsCase is a reader's language and what they ask in it: a question the
// corpus answers (it names Alipay), a topic for /summary and /briefing, a
// question it does not answer that names what one document mentions
// (Shanghai), and the client locale they ask from.
type kindsCase struct {
	lang, locale, question, topic, absent string
}

// kindsCases ask from a client of another language than the question's
// where the question tells its own (an English client asking in German
// still reads German), and from the client's where the question's words
// are shared by several languages ("Como … o … no": Spanish, Italian and
// Portuguese) or it is a word or two.
var kindsCases = []kindsCase{
	{"de", "en-US", "Warum musste Alipay sein Geschäft mit Kleinkrediten abtrennen?", "die Kleinkredite von Alipay", "Wie viele Einwohner hat Shanghai?"},
	{"pt", "pt-BR", "Como o Alipay separou o negócio de microcrédito?", "os microcréditos do Alipay", "Quantos habitantes tem Shanghai?"},
	{"ar", "en-US", "ما الذي طلبته الجهات التنظيمية من Alipay و Ant Group؟", "قروض Alipay الصغيرة", "كم عدد سكان Shanghai؟"},
	{"es", "en-GB", "¿Por qué Alipay tuvo que separar su negocio de microcréditos?", "los microcréditos de Alipay", "¿Cuántos habitantes tiene Shanghai?"},
	{"ru", "en-US", "Почему Alipay пришлось отделить бизнес микрокредитов?", "микрокредиты Alipay", "Сколько жителей в Shanghai?"},
	{"ja", "en-US", "なぜAlipayは小口融資事業を分離しなければならなかったのですか？", "Alipayの小口融資", "Shanghaiの人口は何人ですか？"},
	{"it", "en-US", "Perché Alipay ha dovuto separare la sua attività di microcredito?", "il microcredito di Alipay", "Quanti abitanti ha Shanghai?"},
	{"tr", "en-US", "Alipay neden mikro kredi işini ayırmak zorunda kaldı?", "Alipay ve mikro krediler hakkında", "Shanghai kaç kişilik bir şehirdir?"},
	{"de", "de", "Alipay Kleinkredite", "Alipay", "Wie viele Einwohner hat Shanghai?"},
}

// unverifiedModel plays a model whose every reply (answer, summary,
// briefing) has a sentence with a quote found in no passage, beside one
// that cites the first passage rightly; rewrites as langPrompt.
func unverifiedModel(r openaitest.Request) openaitest.Reply {
	text := r.Text()
	m, done, reply := langPrompt(text)
	if done {
		return reply
	}
	return openaitest.Reply{Text: fmt.Sprintf("- Regulators acted on Alipay's micro-loan business %s.\n- The founders left for Mars [%s] «a quote that no passage holds at all».", cite(text, m[1]), m[1])}
}

// TestEveryKindOfMessageInTheReadersLanguage asks in each language and
// checks every kind of message the reader gets: the notes on an
// unverified quote under an answer, a summary of a topic and of a
// document, a briefing, a question too long, one with no words to look
// up, and a model that is down. None may carry the English text.
func TestEveryKindOfMessageInTheReadersLanguage(t *testing.T) {
	t.Parallel()
	for _, c := range kindsCases {
		t.Run(c.lang+" "+c.locale, func(t *testing.T) {
			t.Parallel()
			lang := c.lang
			say := func(k i18n.Key, args ...any) string { return i18n.Text(lang, k, args...) }
			h := start(t, setup{aiOpts: []openaitest.Option{openaitest.WithResponder(unverifiedModel)}})
			slash := func(name string, opts ...discordtest.OptionValue) *discordtest.Interaction {
				return h.dc.SendSlash(discordtest.SlashOpts{Name: name, GuildID: guildID, ChannelID: generalID, User: user(1),
					Locale: c.locale, Options: opts})
			}
			english := func(what, content string, ks ...i18n.Key) {
				t.Helper()
				for _, k := range ks {
					if en := i18n.Text("en", k); strings.Contains(content, strings.Split(en, "%")[0]) {
						t.Errorf("%s has English %q:\n%s", what, en, content)
					}
				}
			}
			wantIn := func(what, content string, ws ...string) {
				t.Helper()
				for _, w := range ws {
					if !strings.Contains(content, w) {
						t.Errorf("%s lacks %q:\n%s", what, w, content)
					}
				}
			}

			// An answer whose second sentence quotes what no passage holds.
			m := waitFinal(h, slash("ask", discordtest.OptionValue{Name: "question", Value: c.question}))
			wantIn("answer", m.Content, "**"+say(i18n.Sources)+"**", "-# "+say(i18n.CheckSentences), say(i18n.WhyNotFound, `\[1\]`))
			english("answer", m.Content, i18n.Sources, i18n.CheckSentences, i18n.WhyNotFound)

			// A summary of a topic, and of a document (no question: the
			// client's language, unless the topic says otherwise).
			m = waitFinal(h, slash("summary", discordtest.OptionValue{Name: "topic", Value: c.topic}))
			wantIn("summary of a topic", m.Content, "**"+say(i18n.Sources)+"**", say(i18n.WhyNotFound, `\[1\]`))
			english("summary of a topic", m.Content, i18n.Sources, i18n.CheckSentences, i18n.WhyNotFound)

			// A briefing on the topic.
			m = waitFinal(h, slash("briefing", discordtest.OptionValue{Name: "topic", Value: c.topic}))
			wantIn("briefing", m.Content, "**"+say(i18n.Sources)+"**")
			english("briefing", m.Content, i18n.Sources, i18n.CheckSentences, i18n.WhyNotFound)

			// An abstention, with the nearest documents.
			a := waitContent(h, slash("ask", discordtest.OptionValue{Name: "question", Value: c.absent}), say(i18n.NotCovered))
			wantIn("abstention", a.Content, "**"+say(i18n.Nearest)+"**", "Internet-Plus Phenomenon")
			english("abstention", a.Content, i18n.NotCovered, i18n.Nearest)

			if !strings.HasPrefix(c.locale, "en") {
				// A document's summary: no question, the client's language.
				m = waitFinal(h, slash("summary", discordtest.OptionValue{Name: "document", Value: "alipay-ordered-to-spin-off-micro-loans.en"}))
				wantIn("summary of a document", m.Content, "**"+say(i18n.Sources)+"**", say(i18n.WhyNotFound, `\[1\]`))
				english("summary of a document", m.Content, i18n.Sources, i18n.CheckSentences, i18n.WhyNotFound)
			}

			// A question too long: the limit, in the reader's words.
			long := strings.Repeat(c.question+" ", 1600/len([]rune(c.question))+1)
			r := waitContent(h, slash("ask", discordtest.OptionValue{Name: "question", Value: long}), say(i18n.TooLongLimit, i18n.Count(lang, i18n.Characters, 1500)))
			english("refusal of a long question", r.Content, i18n.TooLongLimit)

			// Nothing to look up: the client's language decides.
			if !strings.HasPrefix(c.locale, "en") {
				r = waitContent(h, slash("ask", discordtest.OptionValue{Name: "question", Value: "?? !!"}), strings.Split(say(i18n.NoWordsExample), "%")[0])
				english("refusal of a question without words", r.Content, i18n.NoWords, i18n.NoWordsExample)
			}

			// The model is down: every attempt fails.
			for range 8 {
				h.ai.Push(openaitest.Status(503, "overloaded"))
			}
			r = waitContent(h, slash("ask", discordtest.OptionValue{Name: "question", Value: c.question}), say(i18n.ModelUnavailable))
			english("model down", r.Content, i18n.ModelUnavailable)
			h.noViolations()
		})
	}
}
