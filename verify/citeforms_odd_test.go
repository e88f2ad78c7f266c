package verify

import (
	"slices"
	"strings"
	"testing"
)

// Odd citation forms a model writes, shown raw before (issue 10: "never
// shown raw"): Markdown-escaped brackets ("\[1\]"), circled numbers
// ("[①]"), a "#" or "p" before the number ("[#1]", "[p1]"). The
// ambiguous ones stay as written: "\[ 2 \]" is LaTeX's display math,
// "[#1234](…)" or a "[#9]" of three passages an issue, "[p. 12]" a page,
// a bare "①" a step of a list, "{1}" and "<1>" a set, a placeholder or a
// tag.
func TestOddCitationForms(t *testing.T) {
	tests := []struct {
		text  string
		given int
		want  string
		used  []int
	}{
		{`A claim \[1\].`, 3, "A claim [1].", []int{1}},
		{`A claim \[2\]\[3\], more \[1, 2\].`, 3, "A claim [1][2], more [3][1].", []int{2, 3, 1}},
		{`A claim \[1\] \[9\].`, 3, "A claim [1].", []int{1}},
		{`Display math: \[ 2 \] and \[2 \].`, 3, `Display math: \[ 2 \] and \[2 \].`, nil},
		{`\[ x^2 + 1 \]`, 3, `\[ x^2 + 1 \]`, nil},
		{"A claim [①].", 3, "A claim [1].", []int{1}},
		{"A claim [②][③], more [①, ②].", 3, "A claim [1][2], more [3][1].", []int{2, 3, 1}},
		{"A claim 【❶】 and [⑨].", 3, "A claim [1] and.", []int{1}},
		{"手順① を実行し、② を確認する。", 3, "手順① を実行し、② を確認する。", nil},
		{"A claim [#1].", 3, "A claim [1].", []int{1}},
		{"A claim [#2, #3].", 3, "A claim [1][2].", []int{2, 3}},
		{"Fixed in [#1234] and [#9].", 3, "Fixed in [#1234] and [#9].", nil},
		{"Fixed in [#2](https://github.com/o/r/issues/2).", 3, "Fixed in [#2](https://github.com/o/r/issues/2).", nil},
		{"A claim [p1], more [P2] and [p1, p3].", 3, "A claim [1], more [2] and [1][3].", []int{1, 2, 3}},
		{"See [p. 12] and [p12] and [p 1].", 3, "See [p. 12] and [p12] and [p 1].", nil},
		{"A claim [passage 1] [Passage 2] [source 3] [doc1].", 3, "A claim [1][2][3].", []int{1, 2, 3}},
		{"A set {1} and a tag <1>.", 3, "A set {1} and a tag <1>.", nil},
		{"Code `\\[1\\] [#1] [p1] [①]` stays.", 3, "Code `\\[1\\] [#1] [p1] [①]` stays.", nil},
	}
	for _, tt := range tests {
		got := ParseCitations(tt.text, tt.given)
		if got.Text != tt.want || !slices.Equal(got.Used, tt.used) {
			t.Errorf("ParseCitations(%q, %d) = %q %v, want %q %v", tt.text, tt.given, got.Text, got.Used, tt.want, tt.used)
		}
	}
	// Passages' own text is read with no passages given: none of the
	// forms that need one are read there.
	for _, s := range []string{"[#1]", "[p1]"} {
		ScanCitations(s, func(_, _ int, nums []int) { t.Errorf("ScanCitations(%q) found %v", s, nums) })
	}
}

// Through the reader, as shown: the claim with its quote is verified,
// its citation written [1].
func TestOddCitationFormsVerified(t *testing.T) {
	rd, blocks := fixtureReader(t, 3)
	q := strings.Join(strings.Fields(blocks[0].text)[:6], " ")
	const claim = "The article describes this at some length for readers"
	for _, form := range []string{`\[1\]`, "[①]", "[#1]", "[p1]", "[P1]"} {
		reply := claim + " " + form + " «" + q + "»."
		rd.cache = map[string]Claim{}
		r := rd.Render(reply, false)
		if want := claim + " [1]."; r.Text != want {
			t.Errorf("%q shown %q, want %q", reply, r.Text, want)
		}
		if len(r.Claims) != 1 || r.Claims[0].Support != Verified || !slices.Equal(r.Claims[0].Cites, []int{1}) {
			t.Errorf("%q: claims %+v, want one verified citing [1]", reply, r.Claims)
		}
	}
}
