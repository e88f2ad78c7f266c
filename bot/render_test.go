package bot

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"corpusbot/answer"
	"corpusbot/corpus"
	"corpusbot/retrieval"
	"corpusbot/verify"
)

// dump writes replies as a reviewer reads them: each message's content,
// embeds and buttons.
func dump(rs []reply) string {
	var b strings.Builder
	for i, r := range rs {
		fmt.Fprintf(&b, "=== message %d/%d (%d characters", i+1, len(rs), runes(r.content))
		if r.ephemeral {
			b.WriteString(", ephemeral")
		}
		b.WriteString(") ===\n")
		b.WriteString(r.content)
		b.WriteString("\n")
		for _, e := range r.embeds {
			fmt.Fprintf(&b, "--- embed: %s\n", e.Title)
			if e.Description != "" {
				fmt.Fprintf(&b, "%s\n", e.Description)
			}
			for _, f := range e.Fields {
				fmt.Fprintf(&b, "[%s]\n%s\n", f.Name, f.Value)
			}
			if e.Footer != nil {
				fmt.Fprintf(&b, "(footer: %s)\n", e.Footer.Text)
			}
		}
		for _, row := range r.components {
			var labels []string
			for _, c := range row.(discordgo.ActionsRow).Components {
				btn := c.(discordgo.Button)
				label := btn.Label
				if btn.Emoji != nil {
					label = btn.Emoji.Name + " " + label
				}
				labels = append(labels, fmt.Sprintf("(%s → %s)", label, btn.CustomID))
			}
			fmt.Fprintf(&b, "--- buttons: %s\n", strings.Join(labels, " "))
		}
	}
	return b.String()
}

func sampleResult() *answer.Result {
	return &answer.Result{
		ID:       "5f3a9c0d1e2b",
		Kind:     answer.KindAnswer,
		Question: "How many people use Alipay?",
		Lang:     "en",
		Text: "The sources disagree. One article says Alipay has more than 1 billion users [1]. " +
			"⚠¹ Another counts 450 million real-name users [2].\n\n" +
			"| Source | Users |\n|---|---|\n| Reuters | 1 billion |\n| Le Monde | 450 million |\n\n" +
			"See https://example.com/alipay for the filing. @everyone should read it [1].",
		Sources: []answer.Source{
			{N: 1, DocID: "alipay-ordered-to-spin-off-micro-loans.en", Title: "Alipay ordered to spin off micro-loans", Passage: 2, LineStart: 5, LineEnd: 9,
				Path: "news/alipay-ordered-to-spin-off-micro-loans.en.md", Headings: []string{"Regulators", "Micro-loans"},
				URL: "https://github.com/org/docs/blob/main/news/alipay-ordered-to-spin-off-micro-loans.en.md#L5-L9"},
			{N: 2, DocID: "alibaba-tencent-bury-the-hatchet.fr", Title: "Alibaba et Tencent *enterrent* la hache", Passage: 0, LineStart: 1, LineEnd: 4},
		},
		Claims: []verify.Claim{
			{Text: "One article says Alipay has more than 1 billion users.", Cites: []int{1}, Support: verify.Verified},
			{Text: "Another counts 450 million real-name users.", Cites: []int{2}, Support: verify.Unverified,
				Reason: verify.ReasonNotFound, Mark: 1},
		},
	}
}

func TestRenderGolden(t *testing.T) {
	long := sampleResult()
	var b strings.Builder
	for i := 1; i <= 14; i++ {
		fmt.Fprintf(&b, "Paragraph %d. Regulators asked Alipay to separate its micro-loan business from payments; the company said it would comply, and analysts expect the spin-off to take several months to complete [1].\n\n", i)
	}
	b.WriteString("```\ncode that stays whole [2]\n```")
	long.Text = b.String()
	long.Claims = nil

	many := sampleResult()
	many.Sources = nil
	for n := 1; n <= 23; n++ {
		many.Sources = append(many.Sources, answer.Source{N: n, DocID: fmt.Sprintf("doc-%02d", n), Title: fmt.Sprintf("Document %d", n)})
	}

	tests := []struct {
		name   string
		res    *answer.Result
		header string
	}{
		{"answer", sampleResult(), ""},
		{"long", long, ""},
		{"many_sources", many, ""},
		{"abstained", &answer.Result{
			ID: "0123456789ab", Kind: answer.KindAnswer, Abstained: true, Text: "The corpus does not cover this.",
			Nearest: []answer.Nearest{{DocID: "internet-plus-phenomenon.en", Title: "The Internet Plus phenomenon"}},
		}, ""},
		{"extractive_briefing", &answer.Result{
			ID: "briefing-7", Kind: answer.KindBriefing, Extractive: true, Text: "- Alipay must spin off its loans [1].",
			Sources: []answer.Source{{N: 1, DocID: "alipay-en", Title: "Alipay"}},
		}, "**Briefing for <t:1741942800:f>**"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rs := renderResult(tc.res, tc.header)
			for i, r := range rs {
				if n := runes(r.content); n > MaxMessageLen {
					t.Errorf("message %d has %d characters", i+1, n)
				}
				if i < len(rs)-1 && len(r.components) > 0 {
					t.Errorf("message %d of %d has buttons; want them under the last one", i+1, len(rs))
				}
				if len(r.components) > 5 {
					t.Errorf("message %d has %d rows of buttons, Discord allows 5", i+1, len(r.components))
				}
				for _, row := range r.components {
					if n := len(row.(discordgo.ActionsRow).Components); n > 5 {
						t.Errorf("a row holds %d buttons, Discord allows 5", n)
					}
				}
			}
			checkGolden(t, "reply_"+tc.name+".golden", dump(rs))
		})
	}
}

func TestRenderSearchGolden(t *testing.T) {
	text := "Chinese regulators have ordered *Alipay* to spin off its micro-loan business, Zhao Zhiguo said."
	i := strings.Index(text, "Alipay")
	matches := []answer.Match{
		{Rank: 1, DocID: "alipay-en", Title: "Alipay ordered\nto spin off", Score: 7.3182, Relevant: true,
			Path: "news/alipay_en.md", URL: "https://github.com/org/docs/blob/main/news/alipay_en.md#L5-L6",
			Passage:    corpus.Passage{Index: 2, Text: text, LineStart: 5, LineEnd: 6, Headings: []string{"Regulators"}},
			Highlights: []retrieval.Span{{Start: i, End: i + len("Alipay")}}},
		{Rank: 2, DocID: "hatchet-fr", Title: "Alibaba et Tencent", Score: 1.05,
			Passage: corpus.Passage{Index: 0, Text: strings.Repeat("Texte long. ", 80), LineStart: 1, LineEnd: 3}},
	}
	got := dump([]reply{renderSearch("alipay loans", matches, "en"), renderSearch("@everyone nothing", nil, "en")})
	checkGolden(t, "reply_search.golden", got)
}

func TestRenderDocumentsAndPassageGolden(t *testing.T) {
	docs := testDocs()
	d := docs[0]
	// A block of two passages, the quote running from one into the next.
	got := dump(append(renderDocuments(docs, "en"), renderBlock(3, d, d.Passages[1:3], "regulators. Passage 2 of alipay-en", "en")...))
	checkGolden(t, "reply_documents_passage.golden", got)
}

// A block longer than a message is shown over several private messages,
// every word of it, each within Discord's limits.
func TestRenderBlockPages(t *testing.T) {
	d := corpus.Document{ID: "long", Title: "Long"}
	var sb strings.Builder
	for i := range 3 {
		start := sb.Len()
		for j := range 400 {
			fmt.Fprintf(&sb, "Sentence %d of passage %d says something. ", j, i)
		}
		d.Passages = append(d.Passages, corpus.Passage{DocID: "long", Index: i, Start: start, End: sb.Len(), LineStart: i*10 + 1, LineEnd: i*10 + 9})
		sb.WriteString("\n\n")
	}
	d.Text = sb.String()
	for i := range d.Passages {
		d.Passages[i].Text = d.Text[d.Passages[i].Start:d.Passages[i].End]
	}
	rs := renderBlock(1, d, d.Passages, "Sentence 399 of passage 2 says something", "en")
	if len(rs) < 3 {
		t.Fatalf("got %d pages, want several", len(rs))
	}
	var all strings.Builder
	bold := 0
	for _, r := range rs {
		total := 0
		if !r.ephemeral || len(r.embeds) > maxEmbeds {
			t.Errorf("page %q: ephemeral %v, %d embeds", r.content, r.ephemeral, len(r.embeds))
		}
		for _, e := range r.embeds {
			total += runes(e.Title) + runes(e.Description)
			if runes(e.Description) > 4096 {
				t.Errorf("embed of %d characters", runes(e.Description))
			}
			all.WriteString(e.Description)
			bold += strings.Count(e.Description, "**Sentence 399 of passage 2 says something**")
		}
		if total > 6000 {
			t.Errorf("page of %d characters in embeds", total)
		}
	}
	for i := range 3 {
		for _, j := range []int{0, 200, 399} {
			if s := fmt.Sprintf("Sentence %d of passage %d says", j, i); !strings.Contains(all.String(), s) {
				t.Errorf("%q is missing", s)
			}
		}
	}
	if bold != 1 {
		t.Errorf("the quote is in bold %d times, want once", bold)
	}
}

func TestDocChoices(t *testing.T) {
	var many []corpus.Document
	for i := range 30 {
		many = append(many, corpus.Document{ID: fmt.Sprintf("doc-%02d", i), Title: fmt.Sprintf("Title %d", i)})
	}
	tests := []struct {
		name  string
		docs  []corpus.Document
		value string
		want  []string
	}{
		{"empty gives the first 25", many, "", idsOf(many[:25])},
		{"ID substring, any case", testDocs(), "-EN", []string{"alipay-en"}},
		{"title substring, any case", testDocs(), "tencent", []string{"hatchet-fr"}},
		{"Arabic title", testDocs(), "أليباي", []string{"targets-ar"}},
		{"no match", testDocs(), "zzz", nil},
		{"at most 25", many, "doc", idsOf(many[:25])},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := docChoices(tc.docs, tc.value)
			var got []string
			for _, c := range cs {
				got = append(got, c.Value.(string))
				if n := runes(c.Name); n < 1 || n > 100 {
					t.Errorf("choice name %q has %d characters, want 1–100", c.Name, n)
				}
			}
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("docChoices(%q) = %v, want %v", tc.value, got, tc.want)
			}
		})
	}
}

func idsOf(docs []corpus.Document) []string {
	var out []string
	for _, d := range docs {
		out = append(out, d.ID)
	}
	return out
}

func TestMatchDocuments(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"alipay-en", []string{"alipay-en"}},
		{"HATCHET", []string{"hatchet-fr"}},
		{"Alibaba et Tencent", []string{"hatchet-fr"}},
		{"-", []string{"alipay-en", "hatchet-fr", "targets-ar"}}, // every ID has one
		{"nothing", nil},
	} {
		if got := idsOf(matchDocuments(testDocs(), tc.in)); !slices.Equal(got, tc.want) {
			t.Errorf("matchDocuments(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestSeveralDocsTextNeutralisesWhatWasTyped(t *testing.T) {
	got := severalDocsText("[x](https://evil.example) @everyone", testDocs(), "en")
	for _, bad := range []string{"[x](https", "@everyone"} {
		if strings.Contains(got, bad) {
			t.Errorf("offer %q echoes %q live", got, bad)
		}
	}
	for _, d := range testDocs() {
		if !strings.Contains(got, "`"+d.ID+"`") {
			t.Errorf("offer %q lacks %s", got, d.ID)
		}
	}
}

// A mark opens its sentence, so splitting a long answer into messages
// (at paragraph and sentence ends) never parts it from the sentence.
func TestMarksSurviveSplitting(t *testing.T) {
	res := sampleResult()
	var b strings.Builder
	for i := 1; i <= 60; i++ {
		fmt.Fprintf(&b, "⚠%s Sentence %d is long enough to fill messages quickly, with words and more words and words [1]. ", superscript(i), i)
	}
	res.Text = b.String()
	rs := renderResult(res, "")
	if len(rs) < 3 {
		t.Fatalf("%d messages, want the answer split", len(rs))
	}
	for i, r := range rs {
		for _, s := range strings.Split(r.content, ". ") {
			if strings.Contains(s, "Sentence ") && !strings.HasPrefix(strings.TrimSpace(s), "⚠") {
				t.Errorf("message %d: %q lost its mark", i+1, s)
			}
		}
	}
}

func superscript(n int) string {
	const digits = "⁰¹²³⁴⁵⁶⁷⁸⁹"
	var b strings.Builder
	for _, d := range strconv.Itoa(n) {
		b.WriteRune([]rune(digits)[d-'0'])
	}
	return b.String()
}

// TestRenderBlockKeepsEveryCharacter: a passage of code or a table, full
// of characters that escaping doubles, is cut into embeds that hold all of
// it; counted unescaped, the first embed outgrew Discord's 4,096 and was
// clipped, losing text in the middle of the passage.
func TestRenderBlockKeepsEveryCharacter(t *testing.T) {
	unescape := strings.NewReplacer(`\\`, `\`, `\*`, "*", `\_`, "_", "\\`", "`", `\~`, "~", `\|`, "|", `\>`, ">", `\[`, "[", `\]`, "]", `\<`, "<", "\u200b", "")
	for _, unit := range []string{
		"snake_case_name = *ptr; ",
		"| a | b | c |\n",
		"<@123> @everyone [x] ",
		"plain words of prose ",
	} {
		d := corpus.Document{ID: "code", Title: "Code"}
		d.Text = strings.Repeat(unit, 9000/len(unit)) + "END"
		d.Passages = []corpus.Passage{{DocID: "code", Index: 0, Start: 0, End: len(d.Text), Text: d.Text, LineStart: 1, LineEnd: 300}}
		var all strings.Builder
		for _, r := range renderBlock(1, d, d.Passages, "", "en") {
			total := 0
			for _, e := range r.embeds {
				if n := runes(e.Description); n > 4096 {
					t.Errorf("%q: an embed of %d characters", unit, n)
				}
				total += runes(e.Title) + runes(e.Description)
				all.WriteString(e.Description)
			}
			if total > 6000 {
				t.Errorf("%q: a page of %d characters in embeds", unit, total)
			}
		}
		if got := unescape.Replace(all.String()); got != d.Text {
			t.Errorf("%q: the embeds show %d of the passage's %d bytes", unit, len(got), len(d.Text))
		}
	}
}
