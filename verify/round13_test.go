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
