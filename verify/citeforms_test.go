package verify

import (
	"slices"
	"strings"
	"testing"
)

// Citation forms round four found shown or read wrong: Pandoc's inline
// note ^[1] kept its caret; two quotes of one passage showed [1][1]; and a
// quote right after [1] was also taken as written before the [2] that
// follows it, so the claim was said to cite no [1].
func TestCitationFormsRoundFour(t *testing.T) {
	rd, blocks := fixtureReader(t, 3)
	q := func(b, from int) string { return strings.Join(strings.Fields(blocks[b].text)[from:from+6], " ") }
	const claim = "The article describes this at some length for readers"
	tests := []struct {
		name   string
		reply  string
		want   string // the text shown
		cites  []int
		sup    Support
		reason Reason
	}{
		{"caret before the bracket", claim + " ^[1] «" + q(0, 0) + "».", claim + " [1].", []int{1}, Verified, ""},
		{"caret, no space", claim + "^[1] «" + q(0, 0) + "».", claim + "[1].", []int{1}, Verified, ""},
		{"caret, second passage", claim + " ^[1] «" + q(0, 0) + "» ^[2] «" + q(1, 0) + "».", claim + " [1][2].", []int{1, 2}, Verified, ""},
		{"caret inside the bracket", claim + " [^1] «" + q(0, 0) + "».", claim + " [1].", []int{1}, Verified, ""},
		{"two quotes of one passage", claim + " [1] «" + q(0, 0) + "» [1] «" + q(0, 3) + "».", claim + " [1].", []int{1, 1}, Verified, ""},
		{"two quotes of one passage, glued", claim + " [1]«" + q(0, 0) + "»[1]«" + q(0, 3) + "».", claim + " [1].", []int{1, 1}, Verified, ""},
		{"one passage twice around another", claim + " [1] «" + q(0, 0) + "» [2] «" + q(1, 0) + "» [1] «" + q(0, 3) + "».", claim + " [1][2].", []int{1, 2, 1}, Verified, ""},
		{"a second quote that fails", claim + " [1] «" + q(0, 0) + "» [1] «words in no passage at all».", "⚠¹ " + claim + " [1].", []int{1, 1}, Unverified, ReasonNotFound},
		// The quote after [1] is [1]'s: [2] has none.
		{"quote between two citations", claim + " [1]«" + q(0, 0) + "»[2].", "⚠¹ " + claim + " [1][2].", []int{1, 2}, Unverified, ReasonNoQuote},
		{"quote between two citations, spaced", claim + " [1] «" + q(0, 0) + "» [2].", "⚠¹ " + claim + " [1][2].", []int{1, 2}, Unverified, ReasonNoQuote},
		// A quote before its citation still backs it.
		{"quote before", "“" + q(0, 0) + "” [1].", "“" + q(0, 0) + "” [1].", []int{1}, Verified, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rd.cache = map[string]Claim{}
			r := rd.Render(tt.reply, false)
			if r.Text != tt.want {
				t.Errorf("shown %q, want %q", r.Text, tt.want)
			}
			if len(r.Claims) != 1 {
				t.Fatalf("claims %+v, want one", r.Claims)
			}
			c := r.Claims[0]
			if c.Support != tt.sup || c.Reason != tt.reason || !slices.Equal(c.Cites, tt.cites) {
				t.Errorf("claim %+v, want %s (%s) citing %v", c, tt.sup, tt.reason, tt.cites)
			}
			for _, size := range []int{1, 5, 100} {
				if got := streamed(t, rd, tt.reply, size); got != wantStreamed(rd, tt.reply) {
					t.Errorf("streamed in pieces of %d: %q, want %q", size, got, wantStreamed(rd, tt.reply))
				}
			}
		})
	}
}

// ParseCitations, used where no quote is asked for, reads ^[n] as [n].
func TestParseCitationsCaret(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Claim ^[1].", "Claim [1]."},
		{"Claim^[2] and more ^[1][2].", "Claim[1] and more [2][1]."},
		{"Claim ^[9].", "Claim."},
		{"Claim ^^[1] and [1]^[2].", "Claim [1] and [1][2]."},
		{"x^2 and `a^[1]` stay", "x^2 and `a^[1]` stay"},
	}
	for _, tt := range tests {
		if got := ParseCitations(tt.in, 3).Text; got != tt.want {
			t.Errorf("ParseCitations(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
