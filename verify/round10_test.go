package verify

import (
	"fmt"
	"strings"
	"testing"

	"corpusbot/prompts"
	"corpusbot/retrieval"
)

// round10Passages are made up for these tests, in the manner of a React
// documentation tree's Vietnamese, Indonesian, Japanese and Polish pages
// (adversarial round ten): no text of those pages is copied.
var round10Passages = testPassages{
	{"Trong React, kiểu bộ nhớ cụ thể của component này được gọi là state. Hook useState trả về một cặp giá trị: biến state và hàm setter để cập nhật nó.", "vi"},
	{"Hook useState mengembalikan sepasang nilai: variabel state dan fungsi setter. State bersifat lokal untuk komponen dan tidak dibagi.", "id"},
	{"useState フックは、state 変数とセッター関数の2つの値を返します。", "ja"},
	{"Efekty pozwalają synchronizować komponent z systemem zewnętrznym. Nie używaj efektów do przekształcania danych przed renderowaniem.", "pl"},
}

// round10Reader is a Reader of one reply to question over round10Passages.
func round10Reader(t testing.TB, question string) *Reader {
	t.Helper()
	var items []retrieval.Item
	for i, p := range round10Passages {
		items = append(items, retrieval.Item{Doc: fmt.Sprint("doc", i), Text: p.text, Lang: p.lang})
	}
	ix, err := retrieval.New(retrieval.Config{}, items)
	if err != nil {
		t.Fatalf("index the passages: %v", err)
	}
	return NewReader(round10Passages, ix, question)
}

const (
	r10Verified = "useState returns a pair of values [1] «Hook useState trả về một cặp giá trị»."
	r10Local    = "State is local to the component [2] «State bersifat lokal untuk komponen»."
)

// Reasoning models served by Ollama or vLLM (DeepSeek-R1, QwQ, Qwen3)
// write their reasoning between <think> and </think> before the answer.
// It is no part of the answer: not shown, not checked as claims, not
// stored, and not shown while it streams.
func TestReasoningBlockLeftOut(t *testing.T) {
	const think = "<think>\nThe user asks about useState. Passage 1 says it returns a pair [1]. I could not find anything else.\n</think>\n\n"
	for _, open := range []string{"think", "thinking", "reasoning"} {
		reply := strings.ReplaceAll(think, "think>", open+">") + r10Verified + " " + r10Local
		rd := round10Reader(t, "useState trả về gì?")
		r := rd.Render(reply, false)
		if strings.Contains(r.Text, open+">") || strings.Contains(r.Text, "Passage 1") || strings.Contains(r.History, "Passage 1") {
			t.Errorf("<%s>: reasoning shown: %q (history %q)", open, r.Text, r.History)
		}
		if len(r.Claims) != 2 || r.Backed != 2 || strings.Contains(r.Text, "⚠") || strings.Contains(r.Text, "❔") {
			t.Errorf("<%s>: claims %+v, text %q; want the two answer sentences, verified", open, r.Claims, r.Text)
		}
		if got, want := streamed(t, rd, reply, 7), r.Text; got != want {
			t.Errorf("<%s>: streamed %q, want %q", open, got, want)
		}
		for i := 1; i < len(reply); i++ {
			if p := rd.Render(reply[:i], true); strings.Contains(p.Text, "Passage") || strings.Contains(p.Text, "<") {
				t.Fatalf("<%s>: streaming %q shows %q", open, reply[:i], p.Text)
			}
		}
	}
	// Only reasoning (cut off at the token limit while thinking): nothing
	// to show, and no decline read in its words.
	rd := round10Reader(t, "useState trả về gì?")
	if r := rd.Render(think[:len(think)-12], false); r.Text != "" || len(r.Claims) != 0 {
		t.Errorf("unfinished reasoning rendered as %q, %+v", r.Text, r.Claims)
	}
	if SaysNoAnswer(think + r10Verified) {
		t.Errorf("the reasoning's %q read as the reply declining", "I could not find")
	}
	if !SaysNoAnswer(think + prompts.NoAnswer) {
		t.Errorf("a decline after reasoning not read as one")
	}
}

// Small local models often wrap the whole answer in a ```markdown fence,
// or answer with a JSON object ({"answer": "…"}) as an API habit. Before,
// the fenced answer was shown as a code block, its claims unchecked and
// marked as code in no passage; the JSON was shown as written, its
// "citations" list read as a citation without a quote.
func TestWrappedAnswerUnwrapped(t *testing.T) {
	body := r10Verified + "\n\n" + r10Local
	tests := []struct{ name, reply string }{
		{"markdown fence", "```markdown\n" + body + "\n```"},
		{"md fence with spaces after", "```md\n" + body + "\n```  \n"},
		{"tilde fence", "~~~markdown\n" + body + "\n~~~"},
		{"fence after reasoning", "<think>\nok\n</think>\n```markdown\n" + body + "\n```"},
		{"json", `{"answer": "` + strings.ReplaceAll(body, "\n", `\n`) + `", "citations": [1, 2]}`},
		{"json in a fence", "```json\n{\n  \"response\": \"" + strings.ReplaceAll(body, "\n", `\n`) + "\"\n}\n```"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rd := round10Reader(t, "useState trả về gì?")
			r := rd.Render(tt.reply, false)
			if strings.ContainsAny(r.Text, "`~{}\"⚠❔") || r.Backed != 2 || len(r.Claims) != 2 {
				t.Errorf("rendered %q, %d claims, %d backed; want the two sentences, verified", r.Text, len(r.Claims), r.Backed)
			}
			if got := streamed(t, rd, tt.reply, 5); got != r.Text {
				t.Errorf("streamed %q, want %q", got, r.Text)
			}
		})
	}
	// A fence that holds code, and one followed by more answer, stay code.
	rd := round10Reader(t, "useState trả về gì?")
	for _, reply := range []string{
		r10Verified + "\n```markdown\n# Title\n```",
		"```js\nconst [a, setA] = useState(0);\n```\n" + r10Verified,
	} {
		if r := rd.Render(reply, false); !strings.Contains(r.Text, "```") {
			t.Errorf("%q: code block unwrapped: %q", reply, r.Text)
		}
	}
}

// A model that writes footnote superscripts for its citations ("values¹²",
// "local.³") cites those passages; before, the superscripts were shown
// raw beside the reader's own ⚠¹ marks and the claims marked uncited.
// Exponents, units and marks are no footnotes.
func TestFootnoteSuperscripts(t *testing.T) {
	rd := round10Reader(t, "useState trả về gì?")
	reply := "useState returns a pair of values¹ «Hook useState trả về một cặp giá trị». State is local.² «State bersifat lokal untuk komponen»"
	r := rd.Render(reply, false)
	if want := "useState returns a pair of values[1]. State is local.[2]"; r.Text != want || r.Backed != 2 {
		t.Errorf("rendered %q (%d backed), want %q, both verified", r.Text, r.Backed, want)
	}
	r = rd.Render("Values¹² are shown [1] «Hook useState trả về một cặp giá trị».", false)
	if !strings.HasPrefix(r.Text, "⚠¹ Values[1][2] are shown") {
		t.Errorf("two footnotes read as %q, want [1][2] and unverified (no quote for [2])", r.Text)
	}
	for _, form := range []string{"⁽¹⁾", "<sup>1</sup>", "<sup>[1]</sup>", "<SUP>1</SUP>"} {
		r = rd.Render("useState returns a pair of values"+form+" «Hook useState trả về một cặp giá trị».", false)
		if want := "useState returns a pair of values[1]."; r.Text != want || r.Backed != 1 {
			t.Errorf("%s read as %q, want %q, verified", form, r.Text, want)
		}
	}
	r = rd.Render("Values<sup>1,2</sup> are shown «Hook useState trả về một cặp giá trị».", false)
	if len(r.Used) != 2 {
		t.Errorf("<sup>1,2</sup> cites %v, want two passages", r.Used)
	}
	for _, s := range []string{"Area 5 m<sup>2</sup>", "See note<sup>9</sup>", "x⁽²⁾"} {
		if r := rd.Render(s+" [1] «Hook useState trả về một cặp giá trị».", false); !strings.Contains(r.Text, s) {
			t.Errorf("%q read as a citation: %q", s, r.Text)
		}
	}
	const none = "It holds 10⁶ users in 5 m², 3 km², x² and E=mc², values⁹, values¹²³⁴"
	r = rd.Render(none+" [1] «Hook useState trả về một cặp giá trị».", false)
	if !strings.Contains(r.Text, none+" [1].") || len(r.Used) != 1 {
		t.Errorf("exponents and units read as footnotes: %q, used %v", r.Text, r.Used)
	}
}

// A briefing's bullet that cites by a footnote superscript cites: before,
// it was dropped as uncited before anyone saw it (the bullet filter read
// citations as passages' text is read).
func TestReplyCites(t *testing.T) {
	for _, tt := range []struct {
		line string
		want bool
	}{
		{"- State is local² «State bersifat lokal untuk komponen».", true},
		{"- State is local [doc2](#).", true},
		{"- State is local (Source: 2).", true},
		{"- State is local [9].", false},
		{"- Area 5 m², 10⁶ users.", false},
		{"- State is local.", false},
	} {
		if got := ReplyCites(tt.line, 3); got != tt.want {
			t.Errorf("ReplyCites(%q, 3) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// A model that cites several passages at once often gives one quote each
// after the group: "[1, 2] «a» «b»". Before, the second quote was shown
// raw in the answer; each now backs the group, checked as its own run.
func TestQuotePerNumberOfAGroup(t *testing.T) {
	rd := round10Reader(t, "useState trả về gì?")
	for _, tt := range []struct {
		reply, want string
		support     Support
	}{
		{"useState returns a pair of values [1, 2] «Hook useState trả về một cặp giá trị» «Hook useState mengembalikan sepasang nilai».",
			"useState returns a pair of values [1][2].", Verified},
		{"useState returns a pair of values [1][2] «Hook useState trả về một cặp giá trị» «useState trả về ba giá trị».",
			"⚠¹ useState returns a pair of values [1][2].", Unverified},
	} {
		r := rd.Render(tt.reply, false)
		if r.Text != tt.want || len(r.Claims) != 1 || r.Claims[0].Support != tt.support {
			t.Errorf("%q rendered %q, %+v; want %q, %s", tt.reply, r.Text, r.Claims, tt.want, tt.support)
		}
		if got := streamed(t, rd, tt.reply, 3); tt.support == Verified && got != r.Text {
			t.Errorf("streamed %q, want %q", got, r.Text)
		}
	}
}

// DeepSeek-R1 and its distillations served by vLLM or llama.cpp with the
// chat template that opens the reasoning in the prompt write no <think>,
// only its end: "reasoning…\n</think>\n\nanswer". Before, the reasoning
// was shown and marked as the answer's first sentences.
func TestReasoningWithoutItsOpeningTag(t *testing.T) {
	const reasoning = "Okay, the user asks what useState returns. Passage 1 says it returns a pair [1]. I could not find anything else.\n</think>\n\n"
	rd := round10Reader(t, "useState trả về gì?")
	reply := reasoning + r10Verified + " " + r10Local
	for _, reply := range []string{reply, reasoning + "```markdown\n" + r10Verified + " " + r10Local + "\n```"} {
		r := rd.Render(reply, false)
		if want := "useState returns a pair of values [1]. State is local to the component [2]."; r.Text != want || r.Backed != 2 {
			t.Errorf("rendered %q (%d backed), want %q", r.Text, r.Backed, want)
		}
		if got := streamed(t, rd, reply, 4); got != r.Text {
			t.Errorf("streamed %q, want %q", got, r.Text)
		}
	}
	if SaysNoAnswer(reply) {
		t.Errorf("the reasoning's %q read as a decline", "could not find")
	}
	// Text before a stray </think> that backs claims is an answer: kept,
	// so that what streamed stays.
	odd := r10Verified + " </think> " + r10Local
	if r := rd.Render(odd, false); !strings.HasPrefix(r.Text, "useState returns a pair of values [1].") {
		t.Errorf("an answer before a stray </think> dropped: %q", r.Text)
	}
}

// A model may set its quote off by a dash, put it in parentheses or in
// emphasis: "[1] — «…»", "[1] («…»)", "[1] *«…»*". Before, the quote
// showed raw and the claim was marked as citing without one.
func TestQuoteAfterADashOrInParentheses(t *testing.T) {
	rd := round10Reader(t, "useState trả về gì?")
	for _, sep := range []string{" — «Hook useState trả về một cặp giá trị»", " – «Hook useState trả về một cặp giá trị»", " - «Hook useState trả về một cặp giá trị»",
		" (\"Hook useState trả về một cặp giá trị\")", " («Hook useState trả về một cặp giá trị»)",
		" *«Hook useState trả về một cặp giá trị»*", " _\"Hook useState trả về một cặp giá trị\"_", " **«Hook useState trả về một cặp giá trị»**",
		" ***“Hook useState trả về một cặp giá trị”***"} {
		reply := "useState returns a pair of values [1]" + sep + ". State is local to the component [2] «State bersifat lokal untuk komponen»."
		r := rd.Render(reply, false)
		if want := "useState returns a pair of values [1]. State is local to the component [2]."; r.Text != want || r.Backed != 2 {
			t.Errorf("%q rendered %q (%d backed), want %q", sep, r.Text, r.Backed, want)
		}
		if got := streamed(t, rd, reply, 3); got != r.Text {
			t.Errorf("%q streamed %q, want %q", sep, got, r.Text)
		}
	}
	// Parentheses that hold no quote stay as written.
	r := rd.Render("useState returns a pair of values [1] (see below) «Hook useState trả về một cặp giá trị».", false)
	if !strings.Contains(r.Text, "(see below)") {
		t.Errorf("parentheses without a quote taken: %q", r.Text)
	}
}

// A model that ends with its own list of sources numbers it as a list
// ("References:\n1. State (vi/state.md)"), or bullets it. Before, each
// entry was shown and marked ❔ as an uncited claim; the bot lists the
// sources itself.
func TestSourcesListAsAList(t *testing.T) {
	rd := round10Reader(t, "useState trả về gì?")
	for _, list := range []string{"References:\n1. State: Bộ nhớ của component (vi/state.md)\n2. id/state.md",
		"**Nguồn**\n- vi/state.md\n- id/state.md", "### Sumber\n* State: Memori dari Sebuah Komponen\n* [2] id/state.md"} {
		reply := r10Verified + "\n\n" + list
		r := rd.Render(reply, false)
		if r.Text != "useState returns a pair of values [1]." {
			t.Errorf("%q rendered %q", list, r.Text)
		}
		if got := streamed(t, rd, reply, 3); got != r.Text {
			t.Errorf("%q streamed %q, want %q", list, got, r.Text)
		}
	}
	// A list under a lead-in of the answer is the answer's.
	reply := r10Verified + "\n\nIt returns:\n1. the state variable.\n2. the setter function."
	if r := rd.Render(reply, false); !strings.Contains(r.Text, "1. ❔") {
		t.Errorf("the answer's own list left out: %q", r.Text)
	}
}

// A model may give its quote as a Markdown block quote under the claim
// whose citation ends with a colon: "claim [1]:\n> exact words". Before,
// the block quote was shown and marked ❔ as a claim of its own, and the
// claim ⚠ as citing without a quote.
func TestBlockQuoteAfterItsCitation(t *testing.T) {
	rd := round10Reader(t, "useState trả về gì?")
	for _, q := range []string{"> Hook useState trả về một cặp giá trị", "> «Hook useState trả về một cặp giá trị»", "  > Hook useState trả về\n  > một cặp giá trị"} {
		reply := "useState returns a pair of values [1]:\n" + q + "\n\nState is local to the component [2] «State bersifat lokal untuk komponen»."
		r := rd.Render(reply, false)
		if strings.Contains(r.Text, ">") || strings.ContainsAny(r.Text, "⚠❔") || r.Backed != 2 {
			t.Errorf("%q rendered %q (%d backed), want two verified claims, no block quote", q, r.Text, r.Backed)
		}
		if got := streamed(t, rd, reply, 3); got != r.Text {
			t.Errorf("%q streamed %q, want %q", q, got, r.Text)
		}
	}
	// Without the colon, a block quote after a paragraph is the answer's.
	r := rd.Render("useState returns a pair of values [1] «Hook useState trả về một cặp giá trị».\n> A note of the answer.", false)
	if !strings.Contains(r.Text, "> ") {
		t.Errorf("a block quote of the answer taken: %q", r.Text)
	}
}

// A server with the wrong chat template lets the template's special tokens
// into the reply (llama.cpp, vLLM, Ollama): "<|im_end|>", "<|eot_id|>",
// "</s>", Gemma's "<end_of_turn>", a role after a start token. Before, they
// were shown, glued to the last sentence or marked ❔ as a claim. In code
// they stay: an answer may be about chat templates.
func TestTemplateTokensLeftOut(t *testing.T) {
	rd := round10Reader(t, "useState trả về gì?")
	want := "useState returns a pair of values [1]."
	for _, reply := range []string{
		r10Verified + "<|im_end|>", r10Verified + "</s>", r10Verified + "<|eot_id|>", r10Verified + "<|end_of_text|><|endoftext|>",
		r10Verified + "\n<end_of_turn>", "<|im_start|>assistant\n" + r10Verified, "<s>" + r10Verified + "<｜end▁of▁sentence｜>",
		"<|start_header_id|>assistant<|end_header_id|>\n\n" + r10Verified + "<|eot_id|>", "<start_of_turn>model\n" + r10Verified,
	} {
		r := rd.Render(reply, false)
		if r.Text != want {
			t.Errorf("%q rendered %q, want %q", reply, r.Text, want)
		}
		if got := streamed(t, rd, reply, 2); got != r.Text {
			t.Errorf("%q streamed %q, want %q", reply, got, r.Text)
		}
	}
	code := r10Verified + " Write `<|im_end|>` at the end [1] «Hook useState trả về một cặp giá trị»."
	if r := rd.Render(code, false); !strings.Contains(r.Text, "`<|im_end|>`") {
		t.Errorf("a token in code taken out: %q", r.Text)
	}
}

// Mistral's models put the quote in parentheses without quotation marks:
// "claim [1] (exact words from the passage)". The parentheses are the
// quote when their words stand in a cited passage; otherwise they are an
// aside of the answer, and stay (text that is no verified quote is never
// hidden).
func TestBareParenthesesAfterACitation(t *testing.T) {
	rd := round10Reader(t, "useState trả về gì?")
	for _, q := range []string{"(Hook useState trả về một cặp giá trị)", "(hook usestate trả về một cặp giá trị)", "( Hook useState trả về một cặp giá trị )"} {
		reply := "useState returns a pair of values [1] " + q + ". State is local to the component [2] (State bersifat lokal untuk komponen)."
		r := rd.Render(reply, false)
		if want := "useState returns a pair of values [1]. State is local to the component [2]."; r.Text != want || r.Backed != 2 {
			t.Errorf("%q rendered %q (%d backed), want %q", q, r.Text, r.Backed, want)
		}
		if got := streamed(t, rd, reply, 3); got != r.Text {
			t.Errorf("%q streamed %q, want %q", q, got, r.Text)
		}
	}
	// Not verbatim in the passage cited: an aside, shown, and the claim
	// cites without a quote.
	for _, aside := range []string{"(a pair of values)", "(State bersifat lokal untuk komponen)", "(see the Hooks page)", "(useState trả về hai giá trị)"} {
		r := rd.Render("useState returns a pair of values [1] "+aside+".", false)
		if !strings.Contains(r.Text, aside) || r.Backed != 0 || len(r.Claims) != 1 || r.Claims[0].Reason != ReasonNoQuote {
			t.Errorf("aside %q: rendered %q, claims %+v; want it shown and the claim without a quote", aside, r.Text, r.Claims)
		}
	}
}

// A model may cite a line or part of a passage ("[1:2]", "[2:3-5]") or
// write the number in superscript inside the brackets ("[¹]"): each is
// the passage, with the quote after it checked. A tool's message and
// annotation pair ("【4:0†source】") stays no passage.
func TestCitationOfAPartOrInSuperscript(t *testing.T) {
	rd := round10Reader(t, "useState trả về gì?")
	for _, form := range [][2]string{{"[1:2]", "[2:3]"}, {"[1:2-3]", "[2:1–2]"}, {"[¹]", "[²]"}, {"[1:2, 2:1]", "[2]"}} {
		reply := "useState returns a pair of values " + form[0] + " «Hook useState trả về một cặp giá trị». State is local to the component " + form[1] + " «State bersifat lokal untuk komponen»."
		r := rd.Render(reply, false)
		want := "useState returns a pair of values [1]. State is local to the component [2]."
		if form[0] == "[1:2, 2:1]" {
			want = "useState returns a pair of values [1][2]. State is local to the component [2]."
		}
		if r.Text != want || r.Backed != 2 {
			t.Errorf("%q: rendered %q (%d backed), want %q", form, r.Text, r.Backed, want)
		}
		if got := streamed(t, rd, reply, 2); got != r.Text {
			t.Errorf("%q: streamed %q, want %q", form, got, r.Text)
		}
	}
	for _, tt := range [][2]string{
		{"A 【4:0†source】 [1:2] «Hook useState trả về một cặp giá trị».", "A [1]."},
		{"Ratio [1:x] and [a:2] stay.", "Ratio [1:x] and [a:2] stay."},
		{"At [10:30] and [12:01:33] it ran.", "At [10:30] and [12:01:33] it ran."},
	} {
		if r := rd.Render(tt[0], false); StripMarks(r.Text) != tt[1] && !strings.Contains(r.Text, tt[1]) {
			t.Errorf("%q rendered %q, want %q", tt[0], r.Text, tt[1])
		}
	}
}

// A table's header row names its columns: it is no claim, and is not
// marked as one (a mark before its first pipe also unmade the table).
// Its rows are claims as any line is.
func TestTableHeaderIsNoClaim(t *testing.T) {
	rd := round10Reader(t, "useState trả về gì?")
	reply := "| Hook | What it returns |\n|:---|---|\n| useState | a pair of values [1] «Hook useState trả về một cặp giá trị» |\n| state | shared by all components [2] |"
	r := rd.Render(reply, false)
	want := "| Hook | What it returns |\n|:---|---|\n| useState | a pair of values [1] |\n⚠¹ | state | shared by all components [2] |"
	if r.Text != want || r.Backed != 1 {
		t.Errorf("rendered %q (%d backed), want %q", r.Text, r.Backed, want)
	}
	if got := streamed(t, rd, reply, 4); got != r.Text {
		t.Errorf("streamed %q, want %q", got, r.Text)
	}
	// A line of pipes with no delimiter row under it is no header.
	if r := rd.Render("| useState is shared by all components |\nMore.", false); !strings.HasPrefix(r.Text, "❔¹") {
		t.Errorf("a lone row not marked: %q", r.Text)
	}
}

// "(1:2)" after a claim is a part of passage 1, as "[1:2]" is, when its
// part is one digit: a time ("at (10:30)", "(1:30)") or a verse ("(3:16)")
// has two; within a clause ("a (1:2) ratio") it is a ratio. A legal reference's number ("section 5(1)(a)", "under (2)(b)",
// "§ 552(a)(1)") is no citation: a subdivision in parentheses follows it,
// or it follows one.
func TestParenthesisedPartAndLegalReference(t *testing.T) {
	rd := round10Reader(t, "useState trả về gì?")
	for _, tt := range [][2]string{
		{"useState returns a pair of values (1:2) «Hook useState trả về một cặp giá trị».", "useState returns a pair of values [1]."},
		{"useState returns a pair of values (2:1) «Hook useState mengembalikan sepasang nilai».", "useState returns a pair of values [1]."},
		{"useState returns a pair of values [1] «Hook useState trả về một cặp giá trị». It ran at (1:30) and (2:15).", "It ran at (1:30) and (2:15)."},
		{"useState returns a pair of values [1] «Hook useState trả về một cặp giá trị». See (2:16) and (1:12).", "See (2:16) and (1:12)."},
		{"useState returns a pair of values [1] «Hook useState trả về một cặp giá trị». Under section 5(1)(a) and (2)(b) it is.", "Under section 5(1)(a) and (2)(b) it is."},
		{"useState returns a pair of values [1] «Hook useState trả về một cặp giá trị». As § 552(a)(1) and (a)(2) say.", "As § 552(a)(1) and (a)(2) say."},
		{"useState returns a pair of values (1) «Hook useState trả về một cặp giá trị».", "useState returns a pair of values [1]."},
		{"useState returns a pair of values [1] «Hook useState trả về một cặp giá trị». Mix it in a (1:2) ratio with water.", "Mix it in a (1:2) ratio with water."},
	} {
		r := rd.Render(tt[0], false)
		if !strings.Contains(r.Text, tt[1]) {
			t.Errorf("%q rendered %q, want %q in it", tt[0], r.Text, tt[1])
		}
		if got := streamed(t, rd, tt[0], 2); got != r.Text {
			t.Errorf("%q: streamed %q, want %q", tt[0], got, r.Text)
		}
	}
}
