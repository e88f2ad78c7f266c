package verify

import (
	"fmt"
	"strings"
	"testing"
)

// streamed is what a reader shows of reply streamed in pieces of size
// runes, as a caller streams it: each rendering of what has arrived (the
// last one whole) adds to what was shown, from the first backed claim on.
// A rendering that does not extend what was shown is an error.
func streamed(t *testing.T, rd *Reader, reply string, size int) string {
	t.Helper()
	var shown string
	show := func(r Rendered) {
		switch {
		case r.Backed == 0:
		case !strings.HasPrefix(r.Text, shown):
			t.Errorf("rendering %q does not extend %q", r.Text, shown)
		default:
			shown = r.Text
		}
	}
	runes := []rune(reply)
	for i := size; i < len(runes)+size; i += size {
		show(rd.Render(string(runes[:min(i, len(runes))]), true))
	}
	show(rd.Render(reply, false))
	return shown
}

// wantStreamed is what a reader shows of reply once it is whole: nothing
// when no claim is backed.
func wantStreamed(rd *Reader, reply string) string {
	if r := rd.Render(reply, false); r.Backed > 0 {
		return r.Text
	}
	return ""
}

// A model that repeats a sentence is shown it once: the repeat is left out
// when it cites nothing the sentence shown did not and is no better backed.
// A repeat that brings a citation or better backing stays (the Sources
// would otherwise list a passage no sentence cites, or the verified form
// of the claim would be lost); short phrases and code stay as written.
func TestRepeatsShownOnce(t *testing.T) {
	rd, blocks := fixtureReader(t, 3)
	q := func(b int) string { return strings.Join(strings.Fields(blocks[b].text)[:6], " ") }
	// Six words or more, and nothing the weak check looks for: no figure,
	// name or negation.
	const claim = "The article describes this at some length for readers"
	ok := func(n, b int) string { return fmt.Sprintf("%s [%d] «%s».", claim, n, q(b)) }
	tests := []struct {
		name   string
		reply  string
		shown  int // times claim is shown
		claims int
		marks  int
	}{
		{"thirty times", strings.Repeat(ok(1, 0)+" ", 30), 1, 1, 0},
		{"thirty paragraphs", strings.Repeat(ok(1, 0)+"\n\n", 30) + "Another claim of the reply [1] «" + q(0) + "».", 1, 2, 0},
		{"case, punctuation and spacing aside", ok(1, 0) + " " + strings.ToUpper(claim[:1]) + strings.ToLower(claim[1:]) + "!! [1] «" + q(0) + "»\n- " + strings.ReplaceAll(claim, " ", "  ") + " [1] «" + q(0) + "»", 1, 1, 0},
		{"without its quote the second time", ok(1, 0) + " " + claim + " [1].", 1, 1, 0},
		{"uncited, twice, then verified", claim + ". " + claim + ". " + ok(1, 0), 2, 2, 1},
		{"unverified, twice", claim + " [1] «words in no passage at all». " + claim + " [1] «words in no passage at all».", 1, 1, 1},
		{"a new citation stays", ok(1, 0) + " " + ok(2, 1), 2, 2, 0},
		{"better backing stays", claim + " [1] «words in no passage at all». " + ok(1, 0), 2, 2, 1},
		{"a short phrase stays", "See the passage [1] «" + q(0) + "». See the passage [1] «" + q(0) + "».", 0, 2, 0},
		{"a list item keeps its marker", "- " + ok(1, 0) + "\n- " + ok(1, 0) + " Another claim of the reply [1] «" + q(0) + "».", 1, 2, 0},
		// Code is shown as written, repeats and all; this code is in no
		// passage, so it is marked.
		{"code stays", ok(1, 0) + "\n```\n" + claim + "\n" + claim + "\n```", 3, 2, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rd.cache = map[string]Claim{}
			r := rd.Render(tt.reply, false)
			shown := strings.Count(strings.ToLower(strings.Join(strings.Fields(r.Text), " ")), strings.ToLower(claim))
			marks := 0
			for _, c := range r.Claims {
				if c.Marked() {
					marks++
				}
			}
			if shown != tt.shown || len(r.Claims) != tt.claims || marks != tt.marks {
				t.Errorf("shown %d times, %d claims, %d marked in %q; want %d, %d, %d", shown, len(r.Claims), marks, r.Text, tt.shown, tt.claims, tt.marks)
			}
			if tt.name == "a list item keeps its marker" && strings.Count(r.Text, "- ") != 2 {
				t.Errorf("a list marker was lost: %q", r.Text)
			}
			if n := strings.Count(r.History, claim); n > max(1, tt.shown-tt.marks) {
				t.Errorf("history %q repeats the claim", r.History)
			}
			// What streams is what the result says, piece by piece.
			for _, size := range []int{1, 7, 100} {
				if got, want := streamed(t, rd, tt.reply, size), wantStreamed(rd, tt.reply); got != want {
					t.Errorf("streamed in pieces of %d: %q, want %q", size, got, want)
				}
			}
		})
	}
}

// A fence a finished reply never closes is no code block: Discord would
// show everything after it as code, claims included, unchecked, with their
// raw citations and quotes. Its line goes; what follows is read as prose.
func TestUnclosedFenceIsProse(t *testing.T) {
	rd, blocks := fixtureReader(t, 3)
	q := strings.Join(strings.Fields(blocks[0].text)[:6], " ")
	for _, fence := range []string{"```", "```go", "~~~", "  ```text"} {
		t.Run(fence, func(t *testing.T) {
			rd.cache = map[string]Claim{}
			reply := "True claim [1] «" + q + "».\n" + fence + "\nThe ministry fined Tencent [2] «bad words here».\nMore [9]."
			r := rd.Render(reply, false)
			for _, raw := range []string{"```", "~~~", "«", "[9]"} {
				if strings.Contains(r.Text, raw) {
					t.Errorf("%q shows in %q", raw, r.Text)
				}
			}
			if !strings.Contains(r.Text, "⚠¹ The ministry fined Tencent [2].") {
				t.Errorf("the claim after the fence is not checked: %q", r.Text)
			}
			if got := streamed(t, rd, reply, 3); got != r.Text {
				t.Errorf("streamed %q, want %q", got, r.Text)
			}
		})
	}
	// A fence that closes stays code.
	r := rd.Render("True claim [1] «"+q+"».\n```\nx [1]\n```", false)
	if !strings.Contains(r.Text, "```\nx [1]\n```") {
		t.Errorf("a closed block changed: %q", r.Text)
	}
}

// A claim in one language citing a passage in another is checked for what
// reads the same in both: its figures, read into values (a year, "37
// billion" and "37 مليار" and "370亿", "مليار" alone), and a negation on
// one side only (the negation words of en, fr, ar and zh). A verbatim quote
// of the passage backed a claim that negates it, or changes its figure.
func TestWeakAcrossLanguages(t *testing.T) {
	rd, blocks := fixtureReader(t, 200)
	find := func(s string) (int, string) {
		for i, b := range blocks {
			if j := strings.Index(b.text, s); j >= 0 {
				return i + 1, s
			}
		}
		t.Fatalf("no block holds %q", s)
		return 0, ""
	}
	fr, frq := find("La hache de guerre est enterré entre Alibaba et")
	ar, arq := find("بقيمة 37 مليار دولار في نوفمبر")
	users, usersq := find("أكثر من مليار مستخدم في الصين")
	real, realq := find("which boasts 450 million real-name users")
	tests := []struct {
		claim  string
		n      int
		quote  string
		want   Support
		reason Reason
	}{
		{"Alibaba and Tencent buried the hatchet", fr, frq, Verified, ""},
		{"Alibaba and Tencent did not bury the hatchet", fr, frq, Weak, ReasonNegation},
		{"Alibaba and Tencent never buried the hatchet", fr, frq, Weak, ReasonNegation},
		{"Alibaba and Tencent buried the hatchet in 2019", fr, frq, Weak, ReasonNumber},
		{"The listing was worth 37 billion dollars", ar, arq, Verified, ""},
		{"The listing was worth 37 billion dollars in November 2020", ar, arq, Weak, ReasonNumber},
		{"The listing was not worth 37 billion dollars", ar, arq, Weak, ReasonNegation},
		{"La fintech valait 37 milliards de dollars", ar, arq, Verified, ""},
		{"La fintech ne valait pas 37 milliards de dollars", ar, arq, Weak, ReasonNegation},
		// Every figure, not only years, read into values in both languages.
		{"The listing was worth 370 billion dollars", ar, arq, Weak, ReasonNumber},
		{"The listing was worth 37 million dollars", ar, arq, Weak, ReasonNumber},
		{"The listing was worth $37bn", ar, arq, Verified, ""},
		{"上市估值370亿美元", ar, arq, Verified, ""},
		{"上市估值37亿美元", ar, arq, Weak, ReasonNumber},
		{"La fintech valait 3,7 milliards de dollars", ar, arq, Weak, ReasonNumber},
		{"Alipay has more than 1 billion users", users, usersq, Verified, ""},
		{"Alipay has more than 2 billion users", users, usersq, Weak, ReasonNumber},
		{"Alipay has more than 100 million users", users, usersq, Weak, ReasonNumber},
		{"支付宝拥有超过10亿用户", users, usersq, Verified, ""},
		{"Alipay compte 450 millions d'utilisateurs", real, realq, Verified, ""},
		{"支付宝拥有4.5亿实名用户", real, realq, Verified, ""},
		{"Alipay compte 45 millions d'utilisateurs", real, realq, Weak, ReasonNumber},
		{"Alipay compte 45 % d'utilisateurs réels", real, realq, Weak, ReasonNumber},
	}
	for _, tt := range tests {
		t.Run(tt.claim, func(t *testing.T) {
			rd.cache = map[string]Claim{}
			r := rd.Render(fmt.Sprintf("%s [%d] «%s».", tt.claim, tt.n, tt.quote), false)
			if len(r.Claims) != 1 || r.Claims[0].Support != tt.want || r.Claims[0].Reason != tt.reason {
				t.Errorf("claims %+v, want one %s (%s)", r.Claims, tt.want, tt.reason)
			}
		})
	}
}

// A quote never closed ends with its sentence when another opens on the
// same line: it took the next claim and its citation with it, out of
// sight ("A [1] «words. B [2] «quote»." showed only "A [1].").
func TestUnclosedQuoteEndsWithItsSentence(t *testing.T) {
	rd, blocks := fixtureReader(t, 3)
	q := strings.Join(strings.Fields(blocks[1].text)[:6], " ")
	for _, end := range []string{".", "!", "?"} {
		reply := "First claim of the reply [1] «words the passage never had" + end + " Next claim of the reply [2] «" + q + "»."
		rd.cache = map[string]Claim{}
		r := rd.Render(reply, false)
		if want := "⚠¹ First claim of the reply [1]" + end + " Next claim of the reply [2]."; r.Text != want {
			t.Errorf("%q Rendered %q, want %q", reply, r.Text, want)
		}
		if got := streamed(t, rd, reply, 2); got != r.Text {
			t.Errorf("streamed %q, want %q", got, r.Text)
		}
	}
}

// A code block the model writes is code a reader may copy and run: each of
// its lines, white space aside, must stand in a passage the reply cites,
// copied as a run or assembled line by line. Code in no passage is marked
// on a line of its own above the fence (a mark on the fence line would
// undo the block, one inside would change the code); code from a passage
// given but never cited is marked too, and held back while streaming until
// the reply cites that passage or ends. Before, every closed block was
// shown unchecked.
func TestCodeBlocksChecked(t *testing.T) {
	rd, blocks := fixtureReader(t, 3)
	words := func(b, from, n int) string {
		f := strings.Fields(blocks[b].text)
		return strings.Join(f[from:from+n], " ")
	}
	lead := func(n, b int) string { return fmt.Sprintf("The passage gives it [%d] «%s»:\n", n, words(b, 0, 6)) }
	// own is a run of five words of block b that no other block holds.
	own := func(b int) string {
		f := strings.Fields(blocks[b].text)
		for i := 0; i+5 <= len(f); i++ {
			run, elsewhere := strings.Join(f[i:i+5], " "), false
			for o := range blocks {
				elsewhere = elsewhere || o != b && strings.Contains(strings.Join(strings.Fields(blocks[o].text), " "), run)
			}
			if !elsewhere {
				return run
			}
		}
		t.Fatalf("block %d has no run of its own", b)
		return ""
	}
	// A run of passage 1 in two lines, spaced otherwise.
	run := words(0, 2, 5) + "\n    " + strings.ReplaceAll(words(0, 7, 5), " ", "   ")
	tests := []struct {
		name   string
		reply  string
		mark   Reason // the code's mark, "" for none
		text   string // what the code's line in the note is
		inText string // a piece of the text
	}{
		{"a run of a cited passage", lead(1, 0) + "```sh\n" + run + "\n```", "", "", "```sh\n" + run + "\n```"},
		{"lines of two cited passages", lead(1, 0) + lead(2, 1) + "```\n" + words(1, 3, 4) + "\n\n" + words(0, 1, 3) + "\n}\n...\n```", "", "", ""},
		{"a line in no passage", lead(1, 0) + "```\n" + words(0, 2, 5) + "\nrm -rf / --no-preserve-root\n```", ReasonCodeNotFound, "rm -rf / --no-preserve-root", "\n⚠¹\n```\n"},
		{"prose in a fence", lead(1, 0) + "```\nThe ministry fined Tencent heavily [1] «porte-parole».\n```", ReasonCodeNotFound, "The ministry fined Tencent heavily [1] «porte-parole».", "⚠¹\n```"},
		{"from a passage never cited", lead(1, 0) + "```\n" + own(2) + "\n```", ReasonCodeUncited, own(2), "⚠¹\n```"},
		{"from a passage cited after it", lead(1, 0) + "```\n" + own(2) + "\n```\nIt says more [3] «" + words(2, 0, 6) + "».", "", "", ""},
		{"indented in a list", "- " + lead(1, 0) + "  ```\n  made-up --flag\n  ```", ReasonCodeNotFound, "made-up --flag", "\n  ⚠¹\n  ```\n"},
		{"inline code stays", "Run `made-up --flag` as the passage says [1] «" + words(0, 0, 6) + "».", "", "", "`made-up --flag`"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rd.cache = map[string]Claim{}
			r := rd.Render(tt.reply, false)
			var code []Claim
			for _, c := range r.Claims {
				if c.Reason == ReasonCodeNotFound || c.Reason == ReasonCodeUncited {
					code = append(code, c)
				}
			}
			switch {
			case tt.mark == "" && len(code) > 0:
				t.Errorf("code marked: %+v in %q", code, r.Text)
			case tt.mark != "" && (len(code) != 1 || code[0].Reason != tt.mark || code[0].Text != tt.text || !code[0].Marked()):
				t.Errorf("code claims %+v, want one %s of %q; text %q", code, tt.mark, tt.text, r.Text)
			}
			if !strings.Contains(r.Text, tt.inText) {
				t.Errorf("text %q lacks %q", r.Text, tt.inText)
			}
			if strings.Contains(r.History, "```") && tt.mark != "" {
				t.Errorf("history %q keeps marked code", r.History)
			}
			for _, size := range []int{1, 7, 64} {
				if got := streamed(t, rd, tt.reply, size); got != r.Text {
					t.Errorf("streamed in %d-byte pieces %q, want %q", size, got, r.Text)
				}
			}
		})
	}
}

// Streaming holds a block whose code stands only in a passage not cited
// yet: it is shown once a later sentence cites that passage, unmarked, and
// never shown unmarked first and marked after.
func TestCodeBlockHeldWhileUndecided(t *testing.T) {
	rd, blocks := fixtureReader(t, 3)
	f := strings.Fields(blocks[2].text)
	var run string
	for i := 0; i+5 <= len(f) && run == ""; i++ {
		r := strings.Join(f[i:i+5], " ")
		if !strings.Contains(strings.Join(strings.Fields(blocks[0].text+" "+blocks[1].text), " "), r) {
			run = r
		}
	}
	code := "```\n" + run + "\n```"
	head := fmt.Sprintf("Lead-in [1] «%s»:\n%s\n", strings.Join(strings.Fields(blocks[0].text)[:6], " "), code)
	r := rd.Render(head+"More words that go on", true)
	if strings.Contains(r.Text, "```") {
		t.Errorf("undecided code shown while streaming: %q", r.Text)
	}
	r = rd.Render(head+fmt.Sprintf("It says more [3] «%s». And", strings.Join(f[:6], " ")), true)
	if !strings.Contains(r.Text, code) || strings.Contains(r.Text, "⚠") {
		t.Errorf("code not shown, or marked, once its passage is cited: %q", r.Text)
	}
}

// replyStreamSeeds are FuzzReplyStream's seeds besides parseCitationsTests:
// a reply and the size of its streamed pieces.
var replyStreamSeeds = []struct {
	reply string
	size  uint8
}{
	{"A [3]. B [1, 2] [9] [ C [1][[2]] [1-", 2},
	{"x [9]1] [1 [9]]", 1},
	{"Claim [1] «La hache de guerre est enterré». Next (2) «half", 3},
	{"“La hache de guerre est enterré” [1]. ⚠¹ x [2]", 4},
	{"Claim [1].\n\nSources:\n[1] «La hache de guerre est enterré»\n[^2]: The article.\n[9] «x»", 3},
	{"Claim [1] «La hache de guerre\nest enterré». Next [1] «no close\n- B [2] «x»\n\nQuotes:", 5},
	{"Claim [1] «La hache de guerre est enterré». Run `grep [2]` and ```\n[3] «x»\n``` [2] «y».", 2},
	{"Claim [1] «La hache de guerre est enterré».\n```\nx [1].\n```\nNext [2] «y».\n~~~\nopen", 3},
	{"Claim [1] «La hache de guerre est enterré».\n```\nx [2] «y».\n~~~\nz [1].", 4},
	{"A [1] «never closed. B [2] «La hache de guerre est enterré». C [1] «x! D「y」", 3},
	{"The article describes this at some length [1] «La hache de guerre est enterré».\n\nThe article describes this at some length! [1]. The article describes this at some length [2] «x».", 6},
	{"<think>\nA [1] «x». I could not find it.\n</think>\n\nClaim [1] «La hache de guerre est enterré».", 3},
	{"```markdown\nClaim [1] «La hache de guerre est enterré».\n```js\nx [2]\n```\nMore [1].\n```", 4},
	{"```json\n{\"answer\": \"Claim [1] «La hache de guerre est enterré».\"}\n```", 2},
	{"Reasoning [1] «x». I could not find it.\n</think>\n\nClaim [1] «La hache de guerre est enterré».", 3},
	{"Claim [1] «La hache de guerre est enterré». </think> More [2] «La hache de guerre est enterré».", 5},
	{"<|im_start|>assistant\nClaim [1] «La hache de guerre est enterré».<|im_end|> `<|eot_id|>` x</s>", 2},
	{"<b>Claim</b> [1] «La hache de guerre est enterré».<br>Next <em>x <i>y</i></em> [2] «y» «z»<br/>| a<br>b |\n`<code>c</code>` <b>open. And <B>x</b>.", 3},
	{"Claim [1].\nQuote: «La hache de guerre est enterré»\n- B [2]\n  - **Quote:** “x”\nC [1]。\n引用：「y」 D [2]\nQuo", 2},
	{"Claim [1] ”La hache de guerre est enterré”. B “x [2]” y [1] ”z\nC [2] ”", 3},
	{"Claim [1: «La hache de guerre est enterré»]. B [2, \"x\"] `[1: «y»]` C [3 “z»] D [1: «", 4},
	{"```json\n[{\"claim\": \"Claim.\", \"citation\": 1, \"quote\": \"La hache de guerre est enterré\"}, {\"text\": \"B\", \"sources\": \"[2, 3]\", \"quotes\": [\"x\", \"y\"]}]\n```", 3},
	{"[ {\"name\": 1}] [1] x. [", 2},
	{"Claim [1] 'La hache de guerre est enterré'. B [2]'s 'x' [1] 'it's y\nC [3] 'z", 3},
	{"Claim [1] (La hache de guerre est enterré). Aside [2] (not (there)) x [1] (La hache (", 3},
	{"Claim [1:2] «La hache de guerre est enterré». B [²] [3:1-2, 1:4] [10:30] [¹", 2},
	{"Claim \\[1\\] «La hache de guerre est enterré». B [①] «x» [#2] [p1, p2] «y» \\[ 2 \\] [#9] \\[2", 2},
	{"| A | B |\n|:--|--|\n| La hache de guerre | est enterré [1] «La hache de guerre est enterré» |\n| x | y [2] |", 3},
	{"<tool_call>\n{\"name\": \"f\", \"arguments\": {\"q\": \"a. B\"}}\n</tool_call>\nClaim [1] «La hache de guerre est enterré». `<tool_call>` x <TOOL_CALL>{", 3},
	{"Claim [1] «La hache de guerre est enterré». <function=f>\n<parameter=q>\nx. Y\n</parameter>\n</function> [TOOL_CALLS] [{\"name\": \"f\"}] <|python_tag|>{", 2},
	{"{\"name\": \"f\", \"parameters\": {\"q\": \"Claim [1] «La hache de guerre est enterré».\"}}", 4},
	{"[1] «est enterré  ! «0» ", 1},
}

func FuzzReplyStream(f *testing.F) {
	for _, tt := range parseCitationsTests {
		f.Add(tt.text, uint8(len(tt.text)))
	}
	for _, sd := range replyStreamSeeds {
		f.Add(sd.reply, sd.size)
	}
	// A line opening with its citation, shown once a bracket stands where
	// no ending moves it; a Pacer shows it at the next sentence, so it is
	// no seed of TestPacedStreamSame.
	f.Add("Claim [1] «La hache de guerre est enterré».\n[1] Voir [2] et «c» [1] «La hache de guerre est enterré».", uint8(2))
	rd, _ := fixtureReader(f, 3)
	f.Fuzz(func(t *testing.T, reply string, size uint8) {
		reply = strings.ToValidUTF8(reply, "\uFFFD") // model output is UTF-8
		if got, want := streamed(t, rd, reply, int(size%16)+1), wantStreamed(rd, reply); got != want {
			t.Fatalf("streamed %q, want %q", got, want)
		}
		sameAsCold(t, rd, reply, int(size%16)+1)
		// Rendered only when a Pacer says, it shows what rendering after
		// every piece showed, and ends the same.
		pacedLag(t, rd, piecesOf(reply, int(size%16)+1))
	})
}

// A turn stored with its marks is fed back without its marked sentences,
// wherever the mark stands: opening a sentence, a list item or a heading.
func TestStripMarks(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Verified [1]. ⚠¹ Weak [2]. ❔² Uncited.", "Verified [1]."},
		{"- Verified [1].\n- ⚠¹ Weak [2].", "- Verified [1]."},
		{"## ⚠¹ A heading [1]\n\nVerified [1].", "Verified [1]."},
	}
	for _, tt := range tests {
		if got := StripMarks(tt.in); got != tt.want {
			t.Errorf("StripMarks(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
