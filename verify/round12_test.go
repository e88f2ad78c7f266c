package verify

import "testing"

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
