package verify

import (
	"strings"
	"testing"
)

// Round thirteen (docs/benchmarks.md, "A model that says wrong things,
// round thirteen"): forms a small local model writes, over round ten's
// passages.

// "{1}", "<1>" and a bare "①" where a citation stands (after a word or a
// sentence's end, closing the claim) are the model's citations: before,
// they were shown raw and the claim marked uncited. Elsewhere (a list's
// step, a set in a sentence, an opening line) they stay as written.
func TestLooseCitationForms(t *testing.T) {
	rd := round10Reader(t, "useState trả về gì?")
	const claim, quote = "useState returns a pair of values", "«Hook useState trả về một cặp giá trị»"
	for _, form := range []string{"{1}", "<1>", "①", " ①", "{1, 2}"} {
		reply := claim + " " + strings.TrimSpace(form) + " " + quote + "."
		r := rd.Render(reply, false)
		if len(r.Claims) != 1 || r.Claims[0].Support != Verified || r.Claims[0].Cites[0] != 1 {
			t.Errorf("%q: %q, claims %+v; want one verified claim citing [1]", reply, r.Text, r.Claims)
		}
		if strings.ContainsAny(r.Text, "{}<>①") {
			t.Errorf("%q shown %q", reply, r.Text)
		}
	}
	// Glued to the word, two together, Chinese.
	for _, reply := range []string{claim + "{1} " + quote + ".", claim + " {1}{2} " + quote + ".", "useState 返回一对值①。«Hook useState trả về một cặp giá trị»"} {
		if r := rd.Render(reply, false); strings.ContainsAny(r.Text, "{}①") || r.Backed == 0 && len(r.Claims) > 0 && r.Claims[0].Support == Uncited {
			t.Errorf("%q shown %q, claims %+v", reply, r.Text, r.Claims)
		}
	}
	for _, reply := range []string{
		"Steps: ① open the file and ② save it.",
		"① Open the file.",
		"A set {1} and a tag <1 of them.",
		"Write {9} for a placeholder.",
		"The format is `{1}`.",
	} {
		r := rd.Render(reply, false)
		for _, c := range r.Claims {
			if len(c.Cites) > 0 {
				t.Errorf("%q read as citing %v: %q", reply, c.Cites, r.Text)
			}
		}
	}
}

// Forms a small local model wraps its citations in. Before: a reference
// link's brackets shown around the words ("[a pair of values][1]"); a
// footnote defined with the passage's words but no quotation marks left
// its claim "no quote"; a citation wrapped onto the next line showed under
// a claim without it.
func TestCitationWrappings(t *testing.T) {
	rd := round10Reader(t, "useState trả về gì?")
	const want = "useState returns a pair of values [1]."
	for _, reply := range []string{
		"useState returns [a pair of values][1] «Hook useState trả về một cặp giá trị».",
		"useState returns a pair of values [1].\n\n[1]: Hook useState trả về một cặp giá trị",
		"useState returns a pair of values [1].\n\n[1]: «Hook useState trả về một cặp giá trị».",
		"useState returns a pair of values\n[1] «Hook useState trả về một cặp giá trị».",
		"useState returns a pair of values\n  [1] «Hook useState trả về một cặp giá trị».",
	} {
		r := rd.Render(reply, false)
		if r.Text != want || len(r.Claims) != 1 || r.Claims[0].Support != Verified {
			t.Errorf("%q shown %q, claims %+v; want %q, verified", reply, r.Text, r.Claims, want)
		}
		for _, n := range []int{1, 2, 3, 7} {
			if got := streamed(t, rd, reply, n); got != r.Text {
				t.Errorf("%q streamed in %d-rune pieces %q, want %q", reply, n, got, r.Text)
			}
		}
	}
	// A definition that is not the passage's words backs nothing.
	if r := rd.Render("useState returns a pair of values [1].\n\n[1]: React docs, the useState page", false); r.Backed != 0 {
		t.Errorf("a title as a definition verified: %q", r.Text)
	}
	// Left as written: a reference link to a name, code, a line that ends
	// its sentence before a citation line, a reference list's entry.
	for _, tt := range []struct{ reply, want string }{
		{"See [the guide][docs].", "See [the guide][docs]."},
		{"Write `[a pair][1]` in Markdown.", "Write `[a pair][1]` in Markdown."},
		{"useState returns a pair of values [1][2] «Hook useState trả về một cặp giá trị».", "useState returns a pair of values [1][2]."},
	} {
		if r := rd.Render(tt.reply, false); !strings.Contains(r.Text, strings.TrimSuffix(tt.want, ".")) {
			t.Errorf("%q shown %q, want %q", tt.reply, r.Text, tt.want)
		}
	}
}

// Prose around a tool call the model wrote as text stays, marked as a
// claim citing nothing when it says something: the bot runs no tool, so
// "Let me search the documents" promises what never comes, and dropping
// every uncited sentence beside a call would let a false claim hide
// there. Decided and kept (round thirteen); the call itself never shows.
func TestProseAroundToolCallStaysMarked(t *testing.T) {
	rd := round10Reader(t, "useState trả về gì?")
	const call = "<tool_call>{\"name\": \"search\", \"arguments\": {\"q\": \"effects\"}}</tool_call>"
	r := rd.Render(r10Verified+" Effects are a hook for state.\n"+call, false)
	if strings.Contains(r.Text, "tool_call") || strings.Contains(r.Text, "search") {
		t.Errorf("the call shown: %q", r.Text)
	}
	if len(r.Claims) != 2 || r.Claims[0].Support != Verified || r.Claims[1].Support != Uncited || !r.Claims[1].Marked() {
		t.Errorf("claims %+v, want the verified one and the uncited one marked", r.Claims)
	}
}

// A line that opens with its citation and ends with its quote, "[1]
// claim «…».", reads as "claim [1] «…».". Before: the quote shown and the
// claim marked as having none. A reference list's entry stays.
func TestLeadingCitationMoved(t *testing.T) {
	rd := round10Reader(t, "useState trả về gì?")
	for _, tt := range []struct{ reply, want string }{
		{"[1] useState returns a pair of values «Hook useState trả về một cặp giá trị».", "useState returns a pair of values [1]."},
		{"- [1] useState returns a pair of values «Hook useState trả về một cặp giá trị».\n- [2] State is local to the component «State bersifat lokal untuk komponen».",
			"- useState returns a pair of values [1].\n- State is local to the component [2]."},
	} {
		r := rd.Render(tt.reply, false)
		if r.Text != tt.want || r.Backed != len(r.Claims) {
			t.Errorf("%q shown %q, claims %+v; want %q, verified", tt.reply, r.Text, r.Claims, tt.want)
		}
		for _, n := range []int{1, 3, 7} {
			if got := streamed(t, rd, tt.reply, n); got != r.Text {
				t.Errorf("%q streamed in %d-rune pieces %q, want %q", tt.reply, n, got, r.Text)
			}
		}
	}
	for _, reply := range []string{"[1] React docs — https://react.dev", "Code: `[1] a «b»`"} {
		if got := withLeadingCitationsMoved(reply, false); got != reply {
			t.Errorf("%q rewritten %q", reply, got)
		}
	}
}

// A line that opens with a citation is read as "[1] claim «…»" only once
// it ends in a quote, so while it streams it is held back: the prefix
// "[1] «est enterré  ! «" showed "[1]!" verified, which the whole reply,
// its line ending in «0», took back (FuzzReplyStream's find).
func TestLeadingCitationStreamed(t *testing.T) {
	rd, _ := fixtureReader(t, 3)
	// The third holds no quotation mark while it streams "[1] Un autre
	// texte ici.", and ends moved: holding only a line with a quote left
	// open would show "[1] Un autre" and take it back.
	for _, reply := range []string{"[1] «est enterré  ! «0» ", "- [1] «La hache de guerre est enterré! «0»\nMore.",
		"Claim [1] «La hache de guerre est enterré».\n[1] Un autre texte ici. Et «La hache de guerre est enterré».",
		"Claim [1] «La hache de guerre est enterré».\n[1] Voir [2] et ceci. Puis «La hache de guerre est enterré»."} {
		for _, n := range []int{1, 2, 5} {
			if got, want := streamed(t, rd, reply, n), wantStreamed(rd, reply); got != want {
				t.Errorf("%q in pieces of %d: streamed %q, want %q", reply, n, got, want)
			}
		}
	}
}

// A line opening with its citation is held while it streams only as long
// as how it ends may still move it: once a bracket stands after the
// citation with no quote opened before it ("[1] Voir [2] …"), no ending
// moves it, and what came before shows as it streams.
func TestLeadingCitationHeldOnlyWhileMovable(t *testing.T) {
	rd, _ := fixtureReader(t, 3)
	const reply = "Claim [1] «La hache de guerre est enterré».\n[1] Voir [2] et ceci. Puis la suite"
	if r := rd.Render(reply, true); r.Backed == 0 || !strings.HasPrefix(r.Text, "Claim [1].") {
		t.Errorf("streaming %q shows %q (backed %d), want the first line's claim", reply, r.Text, r.Backed)
	}
	for _, body := range []string{"[1]", "[1] ", "[1] a «b [2] c", "[1] «b", "[1] a b c"} {
		if !mayOpenWithCitation(body) {
			t.Errorf("mayOpenWithCitation(%q) = false, want true: an ending may move it", body)
		}
	}
	for _, body := range []string{"[1] a [2] «b", "[1] «b [2] c", "[1]x", "a [1]"} {
		if mayOpenWithCitation(body) {
			t.Errorf("mayOpenWithCitation(%q) = true, want false: no ending moves it", body)
		}
	}
}
