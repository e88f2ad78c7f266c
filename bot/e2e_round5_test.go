package bot_test

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"corpusbot/bot"
	"corpusbot/i18n"
	"corpusbot/internal/discordtest"
	"corpusbot/internal/openaitest"
)

// Round five of the adversarial tests (docs/benchmarks.md, "Adversarial
// round five"): pages in Ukrainian, Persian and Vietnamese, made up here in
// the forms of the public trees of the round (MDN's macros and definition
// lists, d2lbook's roles), through discordgo and the fakes, with a
// scripted model that labels its citations in the reader's language,
// writes Persian digits and Arabic-keyboard letters, drops or adds a
// negation, and declines part of the question in the documents' language.
var round5Docs = fstest.MapFS{
	"uk/map.md": {Data: []byte("---\ntitle: Array.prototype.map()\n---\n\n{{JSRef}}\n\n" +
		"Метод **`map()`** примірників {{jsxref(\"Array\")}} створює новий масив з результатами виклику функції.\n\n" +
		"### Параметри\n\n- `callbackFn`\n  - : Функція для виклику на кожному елементі масиву.\n\n" +
		"## Опис\n\nМетод map() не змінює початковий масив, на якому його викликано.\n\n{{Compat}}\n")},
	"fa/loop.md": {Data: []byte("# دستورهای break و continue\n\n" +
		"دستور break حلقه را متوقف می\u200cکند و کنترل را به خط بعد از حلقه می\u200cدهد.\n\n" +
		"دستور continue حلقه را متوقف نمی\u200cکند و به تکرار بعدی می\u200cرود.\n")},
	"vi/relu.md": {Data: []byte("# Hàm ReLU\n:label:`sec_relu`\n\n" +
		"Như trong :numref:`sec_mlp`, hàm ReLU giữ lại các phần tử dương của đầu vào.\n\n" +
		"Hàm ReLU không giữ lại các phần tử âm của đầu vào.\n")},
}

// round5Case is one question of the round, the reply its model gives (with
// %N{words} standing for the number of the passage holding words), the
// claims that must be marked and those that must not.
type round5Case struct {
	lang, question, reply string
	marked, unmarked      []string
}

var round5Cases = []round5Case{
	{
		lang: "uk", question: "Що створює метод map()?",
		reply: "Метод map() створює новий масив [Джерело %N{створює новий масив}] «створює новий масив з результатами». " +
			"Метод map() не створює масив [%N{створює новий масив}] «створює новий масив з результатами». " +
			"Документи не містять відомостей про швидкодію map(). @everyone",
		marked:   []string{"Метод map() не створює масив"},
		unmarked: []string{"Метод map() створює новий масив", "Документи не містять відомостей про швидкодію map()."},
	},
	{
		lang: "fa", question: "دستور break حلقه را متوقف می\u200cکند؟",
		reply: "دستور break حلقه را متوقف می\u200cکند [منبع %F{دستور break حلقه}] «دستور break حلقه را متوقف مي\u200cكند». " +
			"دستور continue هم حلقه را متوقف می\u200cکند [%F{دستور continue حلقه}] «دستور continue حلقه را متوقف نمی\u200cکند».",
		marked:   []string{"دستور continue هم حلقه را متوقف می\u200cکند"},
		unmarked: []string{"دستور break حلقه را متوقف می\u200cکند"},
	},
	{
		lang: "vi", question: "Hàm ReLU giữ lại những phần tử nào?",
		reply: "Hàm ReLU giữ lại các phần tử dương [Nguồn %N{các phần tử dương}] «hàm ReLU giữ lại các phần tử dương». " +
			"Hàm ReLU cũng không giữ lại các phần tử dương [%N{các phần tử dương}] «hàm ReLU giữ lại các phần tử dương». " +
			"Tài liệu không đề cập đến các phần tử bằng 0.",
		marked:   []string{"Hàm ReLU cũng không giữ lại các phần tử dương"},
		unmarked: []string{"Hàm ReLU giữ lại các phần tử dương", "Tài liệu không đề cập đến các phần tử bằng 0."},
	},
}

// round5Number stands for the number of the prompt's passage holding the
// words between the braces; %F writes it in Persian digits, %D in
// Devanagari ones, %B in Bengali ones.
var round5Number = regexp.MustCompile(`%([NFDB])\{([^}]*)\}`)

// round5Responder answers each question with its reply, and the rewrite
// call with the rewrite of the first key the prompt holds, else none.
func round5Responder(replies, rewrites map[string]string) func(openaitest.Request) openaitest.Reply {
	return func(r openaitest.Request) openaitest.Reply {
		text := r.Text()
		if strings.Contains(text, "Rewrite the question") {
			for k, rw := range rewrites {
				if strings.Contains(text, k) {
					return openaitest.Reply{Text: rw}
				}
			}
			return openaitest.Reply{Text: "en: none"}
		}
		for q, reply := range replies {
			if !strings.Contains(text, q) {
				continue
			}
			return openaitest.Reply{Text: round5Number.ReplaceAllStringFunc(reply, func(m string) string {
				sm := round5Number.FindStringSubmatch(m)
				for _, p := range promptPassageRE.FindAllStringSubmatch(text, -1) {
					if strings.Contains(p[2], sm[2]) {
						switch sm[1] {
						case "F":
							return strings.Map(func(r rune) rune { return r - '0' + '۰' }, p[1])
						case "D":
							return strings.Map(func(r rune) rune { return r - '0' + '०' }, p[1])
						case "B":
							return strings.Map(func(r rune) rune { return r - '0' + '০' }, p[1])
						}
						return p[1]
					}
				}
				return "9"
			})}
		}
		return openaitest.Reply{Text: "NOT_IN_CORPUS"}
	}
}

func TestRound5OtherLanguagesThroughDiscord(t *testing.T) {
	t.Parallel()
	runRoundCases(t, round5Docs, round5Cases, nil, nil)
}

// runRoundCases asks each case's question by /ask and by a mention, on a
// bot over docs whose model gives the case's reply, and checks the final
// answers with checkRound5, then with more when it is not nil.
func runRoundCases(t *testing.T, docs fstest.MapFS, cases []round5Case, rewrites map[string]string, more func(t *testing.T, path string, c round5Case, content string)) {
	replies := map[string]string{}
	for _, c := range cases {
		replies[c.question] = c.reply
	}
	for _, path := range []string{"/ask", "mention"} {
		for _, c := range cases {
			t.Run(path+" "+c.lang, func(t *testing.T) {
				t.Parallel()
				h := start(t, setup{
					corpus: docs,
					aiOpts: []openaitest.Option{openaitest.WithResponder(round5Responder(replies, rewrites))},
					cfg:    func(c *bot.Config) { c.ThreadMode, c.EditInterval = bot.ThreadOff, 50*time.Millisecond },
				})
				var final discordtest.Message
				if path == "mention" {
					h.mention(generalID, user(1), c.question)
					final = h.final(generalID)
				} else {
					final = waitFinal(h, ask(h, user(1), generalID, c.question, false))
				}
				checkRound5(t, path, c, final.Content)
				if more != nil {
					more(t, path, c, final.Content)
				}
				h.noViolations()
			})
		}
	}
}

// checkRound5 holds an answer to the round's rules: the false claim marked
// and the true one and the decline not; no label, Persian digit, quote or
// macro of the page's markup in sight; the notes and Sources in the
// reader's language (English for a language the catalogue lacks).
func checkRound5(t *testing.T, path string, c round5Case, content string) {
	t.Helper()
	body := withoutNotes(content)
	for _, s := range c.marked {
		if !regexp.MustCompile(`⚠[⁰¹²³⁴⁵⁶⁷⁸⁹]+ ` + regexp.QuoteMeta(s)).MatchString(body) {
			t.Errorf("%s %s: %q is not marked:\n%s", path, c.lang, s, content)
		}
	}
	for _, s := range c.unmarked {
		if !strings.Contains(body, s) || regexp.MustCompile(`[⚠❔][⁰¹²³⁴⁵⁶⁷⁸⁹]+ `+regexp.QuoteMeta(s)).MatchString(body) {
			t.Errorf("%s %s: %q is missing or marked:\n%s", path, c.lang, s, content)
		}
	}
	for _, s := range []string{"[Джерело", "[منبع", "[Nguồn", "۱", "«", "{{", "jsxref", ":numref:", "sec_relu"} {
		if strings.Contains(body, s) {
			t.Errorf("%s %s: %q in sight:\n%s", path, c.lang, s, content)
		}
	}
	lang := c.lang
	if !i18n.Supported(lang) {
		lang = "en"
	}
	for _, want := range []string{i18n.Text(lang, i18n.CheckSentences), i18n.Text(lang, i18n.Sources)} {
		if !strings.Contains(content, want) {
			t.Errorf("%s %s: %q missing:\n%s", path, c.lang, want, content)
		}
	}
}
