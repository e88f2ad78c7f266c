package verify

import (
	"fmt"
	"strings"
	"testing"
)

// A claim's figures are read from its prose: digits inside a link or a
// Discord tag (a channel, a mention, a command, a timestamp, an emoji) are
// an address, not a figure the quoted sentence must give. A figure of the
// prose beside them is still checked.
func TestFiguresFromProseOnly(t *testing.T) {
	rd, blocks := fixtureReader(t, 200)
	n, quote := 0, "which boasts 450 million real-name users"
	for i, b := range blocks {
		if strings.Contains(b.text, quote) {
			n = i + 1
		}
	}
	if n == 0 {
		t.Fatalf("no block holds %q", quote)
	}
	tests := []struct {
		claim  string
		want   Support
		reason Reason
	}{
		{"Alipay boasts 450 million real-name users", Verified, ""},
		{"Alipay boasts 450 million real-name users, see https://evil.example/y?a=1&b=2", Verified, ""},
		{"Alipay boasts 450 million real-name users (see <https://example.com/v1/docs/7>)", Verified, ""},
		{"Alipay boasts 450 million real-name users, per [the page](https://example.com/2019/05/item-3)", Verified, ""},
		{"Alipay boasts 450 million real-name users, as said in <#200000000000000002>", Verified, ""},
		{"Alipay boasts 450 million real-name users, <@123456789012345678> asked", Verified, ""},
		{"Alipay boasts 450 million real-name users, <@!123456789012345678> and <@&223456789012345678> asked", Verified, ""},
		{"Alipay boasts 450 million real-name users, try </reload:1>", Verified, ""},
		{"Alipay boasts 450 million real-name users as of <t:1700000000:R> <:ok:123456789012345678>", Verified, ""},
		// The prose's own figure is still compared.
		{"Alipay boasts 45 million real-name users, see https://example.com/450", Weak, ReasonNumber},
		{"Alipay boasts 450 million real-name users in 2019, see <#200000000000000002>", Weak, ReasonNumber},
		// Not a tag: a comparison written with angle brackets keeps its figures.
		{"Alipay boasts 450 million real-name users, <7 of them", Weak, ReasonNumber},
	}
	for _, tt := range tests {
		t.Run(tt.claim, func(t *testing.T) {
			rd.cache = map[string]Claim{}
			r := rd.Render(fmt.Sprintf("%s [%d] «%s».", tt.claim, n, quote), false)
			if len(r.Claims) != 1 || r.Claims[0].Support != tt.want || r.Claims[0].Reason != tt.reason {
				t.Errorf("claims %+v, want one %s (%s)", r.Claims, tt.want, tt.reason)
			}
		})
	}
}
