package bot_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"corpusbot/internal/openaitest"
)

// Round eight of the adversarial tests (docs/benchmarks.md, "Adversarial
// round eight"): a Persian, a Ukrainian and a Hebrew page, made up here in
// the form of the round's public trees (React's docs in those languages),
// through discordgo and the fakes. A scripted model cites in Persian
// digits and declines, beside its answer, in the wordings models use
// ("… نمی پردازند", "… нічого не сказано", "המסמכים לא מציינים …"), which
// were marked ❔ as uncited claims.
var round8Docs = fstest.MapFS{
	"fa/devtools.md": {Data: []byte("---\ntitle: ابزار توسعه ری\u200cاکت\n---\n\n## سافاری و سایر مرورگر ها {/*safari-and-other-browsers*/}\n\n" +
		"برای سایر مرورگر ها (مانند سافاری) پکیج [`react-devtools`](https://www.npmjs.com/package/react-devtools) را نصب کنید.\n")},
	"uk/render.md": {Data: []byte("---\ntitle: Рендер і коміт\n---\n\n## Крок 1: Тригер рендеру {/*step-1-trigger-a-render*/}\n\n" +
		"Існує дві причини для рендерингу компонента: це початковий рендер компонента, або було оновлено стан компонента.\n")},
	"he/editor.md": {Data: []byte("---\ntitle: התקנת עורך קוד\n---\n\n### Formatting {/*formatting*/}\n\n" +
		"למזלנו, [Prettier](https://prettier.io/) ינקה את הקוד שלך על ידי התאמתו לחוקים קיימים.\n")},
}

var round8Cases = []round5Case{
	{
		lang: "fa", question: "ابزار توسعه ری\u200cاکت را برای سافاری چطور نصب کنم؟",
		reply: "برای سافاری پکیج react-devtools را نصب کنید [منبع %F{مانند سافاری}] «پکیج react-devtools را نصب کنید». " +
			"پکیج react-devtools فقط روی کروم کار می\u200cکند [%F{مانند سافاری}] «پکیج react-devtools فقط روی کروم کار می\u200cکند». " +
			"اسناد به نسخه\u200cهای قدیمی سافاری نمی پردازند.",
		marked:   []string{"پکیج react-devtools فقط روی کروم کار می\u200cکند"},
		unmarked: []string{"برای سافاری پکیج react-devtools را نصب کنید", "اسناد به نسخه\u200cهای قدیمی سافاری نمی پردازند."},
	},
	{
		lang: "uk", question: "Які дві причини для рендерингу компонента?",
		reply: "Компонент рендериться під час початкового рендеру або після оновлення стану [Джерело %N{дві причини}] «це початковий рендер компонента, або було оновлено стан компонента». " +
			"Компонент рендериться кожну секунду [%N{дві причини}] «компонент рендериться кожну секунду». " +
			"Про рендеринг на сервері в уривках нічого не сказано.",
		marked:   []string{"Компонент рендериться кожну секунду"},
		unmarked: []string{"Компонент рендериться під час початкового рендеру або після оновлення стану", "Про рендеринг на сервері в уривках нічого не сказано."},
	},
	{
		lang: "he", question: "איך Prettier מנקה את הקוד?",
		reply: "Prettier מנקה את הקוד לפי חוקים קיימים [מקור %N{ינקה את הקוד}] «ינקה את הקוד שלך על ידי התאמתו לחוקים קיימים». " +
			"Prettier מוחק הערות מהקוד [%N{ינקה את הקוד}] «Prettier מוחק הערות מהקוד». " +
			"המסמכים לא מציינים באיזו גרסה של Prettier להשתמש.",
		marked:   []string{"Prettier מוחק הערות מהקוד"},
		unmarked: []string{"Prettier מנקה את הקוד לפי חוקים קיימים", "המסמכים לא מציינים באיזו גרסה של Prettier להשתמש."},
	},
}

func TestRound8PersianUkrainianHebrewThroughDiscord(t *testing.T) {
	t.Parallel()
	runRoundCases(t, round8Docs, round8Cases, nil, func(t *testing.T, path string, c round5Case, content string) {
		body := withoutNotes(content)
		for _, s := range []string{"[מקור", "{/*", "❔"} {
			if strings.Contains(body, s) {
				t.Errorf("%s %s: %q in sight:\n%s", path, c.lang, s, content)
			}
		}
	})
}

// A Persian or a Hebrew question the pages do not answer, naming what they
// mention (Safari, Prettier), is declined in its own language through
// discordgo and the fakes: extractively, with the nearest documents under
// their heading, and when the model declines. Round eight found both in
// English, the catalogue having neither language; the texts are written
// out here, so that an English fallback fails.
func TestRound8AbstentionInPersianAndHebrew(t *testing.T) {
	t.Parallel()
	cases := []struct {
		lang, question, notCovered, nearest, doc string
	}{
		{"fa", "قیمت اشتراک سالانهٔ سافاری چقدر است؟", "اسناد به این موضوع نمی\u200cپردازند.", "نزدیک\u200cترین اسناد", "ابزار توسعه ری\u200cاکت"},
		{"he", "כמה עולה מנוי שנתי ל-Prettier?", "המסמכים אינם עוסקים בנושא הזה.", "המסמכים הקרובים ביותר", "התקנת עורך קוד"},
	}
	declines := func(r openaitest.Request) openaitest.Reply {
		if strings.Contains(r.Text(), "Rewrite the question") {
			return openaitest.Reply{Text: "en: none"}
		}
		return openaitest.Reply{Text: "NOT_IN_CORPUS"}
	}
	for _, c := range cases {
		for _, model := range []bool{false, true} {
			name := c.lang + " extractive"
			if model {
				name = c.lang + " model declines"
			}
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				s := setup{corpus: round8Docs, noLLM: !model}
				if model {
					s.aiOpts = []openaitest.Option{openaitest.WithResponder(declines)}
				}
				h := start(t, s)
				a := waitContent(h, ask(h, user(1), generalID, c.question, false), c.notCovered)
				for _, english := range []string{"does not cover", "Nearest documents", "could not verify"} {
					if strings.Contains(a.Content, english) {
						t.Errorf("abstention has English %q:\n%s", english, a.Content)
					}
				}
				if !model && (!strings.Contains(a.Content, c.nearest) || !strings.Contains(a.Content, c.doc)) {
					t.Errorf("abstention lacks %q over %q:\n%s", c.nearest, c.doc, a.Content)
				}
				h.noViolations()
			})
		}
	}
}
