package verify

import (
	"strings"
	"testing"
)

// Round twelve (docs/benchmarks.md, "A model that says wrong things, round
// twelve"): replies of a model that backs its claims in forms the earlier
// rounds did not meet, over round ten's passages.

// A model may give one citation two quotes, "[1] «a» «b»", the second
// one of its own words. Before, only a group's citations could have a
// quote each: the second quote stayed in the answer, shown in quotation
// marks beside a verified claim as if the passage said it. Each quote is
// now checked against what the run cites; none is shown.
func TestEveryQuoteOfARunIsChecked(t *testing.T) {
	rd := round10Reader(t, "useState trả về gì?")
	for _, tt := range []struct {
		reply, want string
		support     Support
	}{
		{"useState returns a pair of values [1] «Hook useState trả về một cặp giá trị» «useState trả về ba giá trị».",
			"⚠¹ useState returns a pair of values [1].", Unverified},
		{"useState returns a pair of values [1] «Hook useState trả về một cặp giá trị» «biến state và hàm setter».",
			"useState returns a pair of values [1].", Verified},
		{"useState returns a pair of values [1][2] «Hook useState trả về một cặp giá trị» «Hook useState mengembalikan sepasang nilai» «State bersifat lokal untuk komponen».",
			"useState returns a pair of values [1][2].", Verified},
	} {
		r := rd.Render(tt.reply, false)
		if r.Text != tt.want || len(r.Claims) != 1 || r.Claims[0].Support != tt.support {
			t.Errorf("%q rendered %q, %+v; want %q, %s", tt.reply, r.Text, r.Claims, tt.want, tt.support)
		}
		// Each number once: a note said "not in passage [1][1]".
		if len(r.Claims) == 1 && r.Claims[0].Marked() && strings.Contains(r.Claims[0].Why("en"), "[1][1]") {
			t.Errorf("%q: cites %v, note %q", tt.reply, r.Claims[0].Cites, r.Claims[0].Why("en"))
		}
		for _, n := range []int{1, 2, 3, 5} {
			if tt.support != Verified {
				break // a reply with nothing verified shows nothing while it streams
			}
			if got := streamed(t, rd, tt.reply, n); got != r.Text {
				t.Errorf("%q streamed in %d-byte pieces %q, want %q", tt.reply, n, got, r.Text)
			}
		}
	}
}

// Models format in HTML as often as in Markdown. Before, "<br>" joined
// the sentences either side into one claim, and the tags were shown as
// written (Discord draws none of them) and read as words.
func TestHTMLFormattingReadAsMarkdown(t *testing.T) {
	rd := round10Reader(t, "useState trả về gì?")
	for _, tt := range []struct{ reply, want string }{
		{"useState returns a pair of values [1] «Hook useState trả về một cặp giá trị».<br>State is local to the component [2] «State bersifat lokal untuk komponen».<br/>",
			"useState returns a pair of values [1].\nState is local to the component [2]."},
		{"<b>useState</b> returns a <strong>pair</strong> of <em>values</em> [1] «Hook useState trả về một cặp giá trị». Call it as <code>useState</code> [1] «Hook useState».",
			"**useState** returns a **pair** of *values* [1]. Call it as `useState` [1]."},
		{"<B>useState</B> returns <b>a <i>pair</i> of values</b> [1] «Hook useState trả về một cặp giá trị».",
			"**useState** returns **a _pair_ of values** [1]."},
		// In code, and a lone tag the answer speaks of, stay as written.
		{"Write `<b>x</b>` or a lone <b> tag: useState returns a pair of values [1] «Hook useState trả về một cặp giá trị».",
			"Write `<b>x</b>` or a lone <b> tag: useState returns a pair of values [1]."},
	} {
		r := rd.Render(tt.reply, false)
		if r.Text != tt.want || r.Backed == 0 {
			t.Errorf("%q rendered %q (%d backed), want %q", tt.reply, r.Text, r.Backed, tt.want)
		}
		for _, c := range r.Claims {
			if c.Marked() {
				t.Errorf("%q: claim %q marked (%s)", tt.reply, c.Text, c.Reason)
			}
		}
		for _, n := range []int{1, 2, 3, 7} {
			if got := streamed(t, rd, tt.reply, n); got != r.Text {
				t.Errorf("%q streamed in %d-rune pieces %q, want %q", tt.reply, n, got, r.Text)
			}
		}
	}
}

// A model may give each claim's quote on the line under it, after a
// label: "claim [1].\nQuote: «…»", as a list item, in bold, in the
// answer's language. Before, the line was shown as a claim of its own
// (uncited, its quote in sight) and the claim marked as having no quote:
// a reply of such claims was "could not verify".
func TestLabelledQuoteUnderTheClaim(t *testing.T) {
	rd := round10Reader(t, "useState trả về gì?")
	checkRenderCases(t, rd, []renderCase{
		{"useState returns a pair of values [1]\nQuote: «Hook useState trả về một cặp giá trị»", "useState returns a pair of values [1]", Verified},
		{"useState returns a pair of values [1].\nQuote: \"Hook useState trả về một cặp giá trị\"\n\nState is local to the component [2].\n  - **Quote:** “State bersifat lokal untuk komponen”",
			"useState returns a pair of values [1].\n\nState is local to the component [2].", Verified},
		{"1. useState trả về một cặp giá trị [1].\n   Trích dẫn: «Hook useState trả về một cặp giá trị»", "1. useState trả về một cặp giá trị [1].", Verified},
		{"useState returns three values [1].\nQuote: «useState trả về ba giá trị»", "⚠¹ useState returns three values [1].", Unverified},
		{"useState returns a pair of values [1]。\n引用：「Hook useState trả về một cặp giá trị」", "useState returns a pair of values [1]。", Verified},
		// Without an end mark, the claim would run on into the next
		// line's: a paragraph break parts them.
		{"useState returns a pair of values [1]\nQuote: «Hook useState trả về một cặp giá trị»\nState is local to the component [2] «State bersifat lokal untuk komponen».",
			"useState returns a pair of values [1]\n\nState is local to the component [2].", Verified},
	})
	// A line that is no labelled quote stays the answer's.
	for _, reply := range []string{
		"useState returns a pair of values [1] «Hook useState trả về một cặp giá trị».\nQuotes in JSON are straight [1] «Hook useState».",
		"useState returns a pair of values [1] «Hook useState trả về một cặp giá trị».\nEvidence is in the docs.",
	} {
		if r := rd.Render(reply, false); !strings.Contains(r.Text, "\n") || len(r.Claims) != 2 {
			t.Errorf("%q rendered %q, %+v; want its second line kept", reply, r.Text, r.Claims)
		}
	}
}

// Swedish and Finnish quote ”so”, the closing mark on both sides. Before,
// such a quote after a citation was shown raw and the claim marked as
// having no quote.
func TestSwedishQuotationMarks(t *testing.T) {
	rd := round10Reader(t, "useState trả về gì?")
	checkRenderCases(t, rd, []renderCase{
		{"useState returns a pair of values [1] ”Hook useState trả về một cặp giá trị”.", "useState returns a pair of values [1].", Verified},
		{"useState returns three values [1] ”useState trả về ba giá trị”. State is local [2] ”State bersifat lokal untuk komponen”.", "⚠¹ useState returns three values [1]. State is local [2].", Unverified},
		// A stray closing mark after a citation opens no quote.
		{"The page says “useState returns a pair of values [1]” and more [2] «State bersifat lokal untuk komponen».", "⚠¹ The page says “useState returns a pair of values [1]” and more [2].", Unverified},
	})
}

// Small models put the quote inside the citation's brackets: "[1: «…»]".
// Before, that was no citation: the claim shown uncited, brackets and
// quote in sight.
func TestQuoteInsideTheCitation(t *testing.T) {
	rd := round10Reader(t, "useState trả về gì?")
	checkRenderCases(t, rd, []renderCase{
		{"useState returns a pair of values [1: «Hook useState trả về một cặp giá trị»].", "useState returns a pair of values [1].", Verified},
		{"useState returns a pair of values [1, \"Hook useState trả về một cặp giá trị\"]. State is local [2 “State bersifat lokal untuk komponen”].", "useState returns a pair of values [1]. State is local [2].", Verified},
		{"useState returns three values [1: «useState trả về ba giá trị»].", "⚠¹ useState returns three values [1].", Unverified},
	})
	// In code, and with mismatched marks, it stays as written.
	for _, reply := range []string{"Write `x [1: «y»]` for it [1] «Hook useState trả về một cặp giá trị».", "It is [1: «y”] here."} {
		if r := rd.Render(reply, false); !strings.Contains(r.Text, "[1: «y") {
			t.Errorf("%q rendered %q", reply, r.Text)
		}
	}
}

// A model asked for quote-backed claims may answer with a JSON array of
// them. Before, the array was shown as written, one uncited claim: "could
// not verify".
func TestJSONArrayOfClaims(t *testing.T) {
	rd := round10Reader(t, "useState trả về gì?")
	reply := "```json\n[\n  {\"claim\": \"useState returns a pair of values.\", \"citation\": 1, \"quote\": \"Hook useState trả về một cặp giá trị\"},\n" +
		"  {\"claim\": \"State is local to the component\", \"sources\": [2], \"quote\": \"State bersifat lokal untuk komponen\"},\n" +
		"  {\"statement\": \"useState returns three values\", \"ref\": \"[1]\", \"evidence\": \"useState trả về ba giá trị\"}\n]\n```"
	r := rd.Render(reply, false)
	want := "useState returns a pair of values [1].\n\nState is local to the component [2].\n\n⚠¹ useState returns three values [1]."
	if r.Text != want || r.Backed != 2 {
		t.Errorf("rendered %q (%d backed), want %q", r.Text, r.Backed, want)
	}
	if got := streamed(t, rd, reply, 5); got != r.Text {
		t.Errorf("streamed %q, want %q", got, r.Text)
	}
	// A reply that opens with a citation, or an array that is no list of
	// claims, is no such array.
	for _, reply := range []string{
		"[1] «Hook useState trả về một cặp giá trị» useState returns a pair of values.",
		"[{\"name\": \"search\", \"arguments\": {}}] useState returns a pair of values [1] «Hook useState trả về một cặp giá trị».",
	} {
		if r := rd.Render(reply, false); r.Backed != 1 {
			t.Errorf("%q rendered %q (%d backed)", reply, r.Text, r.Backed)
		}
	}
}

// Straight single quotes after a citation, 'so', as a model writes them
// when its answer holds double ones. Before, the quote was shown raw and
// the claim marked "no quote". "[1]'s" and an apostrophe inside stay.
func TestStraightSingleQuotes(t *testing.T) {
	rd := round10Reader(t, "useState trả về gì?")
	checkRenderCases(t, rd, []renderCase{
		{"useState returns a pair of values [1] 'Hook useState trả về một cặp giá trị'.", "useState returns a pair of values [1].", Verified},
		{"The Hook's value is local [2] 'State bersifat lokal untuk komponen'.", "The Hook's value is local [1].", Verified},
		{"useState returns three values [1] 'useState trả về ba giá trị'.", "⚠¹ useState returns three values [1].", Unverified},
	})
	// Glued to the citation, it is no quote.
	if r := rd.Render("The passage [1]'s words are Vietnamese, as 'Hook useState trả về' shows.", false); !strings.Contains(r.Text, "[1]'s words") {
		t.Errorf("\"[1]'s\" rendered %q", r.Text)
	}
}

// renderCase is a reply, its rendering, and its first claim's support.
type renderCase struct {
	reply, want string
	support     Support
}

// checkRenderCases renders each case's reply whole, and a verified one
// also streamed in pieces of 1, 2, 3 and 7 runes, which must end the same.
func checkRenderCases(t *testing.T, rd *Reader, cases []renderCase) {
	t.Helper()
	for _, tt := range cases {
		r := rd.Render(tt.reply, false)
		if r.Text != tt.want || len(r.Claims) == 0 || r.Claims[0].Support != tt.support {
			t.Errorf("%q rendered %q, %+v; want %q, %s", tt.reply, r.Text, r.Claims, tt.want, tt.support)
		}
		if tt.support != Verified {
			continue
		}
		for _, n := range []int{1, 2, 3, 7} {
			if got := streamed(t, rd, tt.reply, n); got != r.Text {
				t.Errorf("%q streamed in %d-rune pieces %q, want %q", tt.reply, n, got, r.Text)
			}
		}
	}
}
