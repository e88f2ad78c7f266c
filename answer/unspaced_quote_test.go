package answer

import (
	"context"
	"testing"
	"testing/fstest"

	"corpusbot/verify"
)

// A quote in a script written without spaces (Thai) verifies when it
// starts and ends inside a run of letters, as a model copying a phrase out
// of a sentence writes it; one that cuts a vowel mark from its letter does
// not, nor does a Hindi quote that starts inside a word (a reply whose only
// claim is unverified becomes an abstention). Before, every
// Thai quote from the middle of a run was unverified (the check looked for
// word boundaries only beside ideographs), and a Devanagari vowel sign
// counted as a word break.
func TestQuotesInUnspacedScripts(t *testing.T) {
	fsys := fstest.MapFS{
		"th/rates.md":  {Data: []byte("# อัตราดอกเบี้ย\n\nธนาคารแห่งประเทศไทยประกาศลดอัตราดอกเบี้ยนโยบายลงร้อยละศูนย์จุดสองห้าในการประชุมครั้งล่าสุด\n")},
		"hi/policy.md": {Data: []byte("# शिक्षा\n\nभारत सरकार ने नई शिक्षा नीति की घोषणा की और स्कूलों में बदलाव किए।\n")},
	}
	c := loadFS(t, fsys)
	tests := []struct {
		name, question, reply string
		want                  verify.Support
	}{
		{"thai phrase inside a run", "ธนาคารแห่งประเทศไทยประกาศอะไร",
			"The Bank of Thailand announced a cut in its policy rate [1] «ประกาศลดอัตราดอกเบี้ยนโยบาย».", verify.Verified},
		{"thai quote cutting a mark", "ธนาคารแห่งประเทศไทยประกาศอะไร",
			"The Bank of Thailand announced a cut in its policy rate [1] «ประกาศลดอัตราดอกเบ».", verify.Unverified},
		{"hindi phrase", "भारत सरकार ने किस नीति की घोषणा की?",
			"The government announced a new education policy [1] «नई शिक्षा नीति की घोषणा».", verify.Verified},
		{"hindi quote inside a word", "भारत सरकार ने किस नीति की घोषणा की?",
			"The government announced a new education policy [1] «क्षा नीति की घोषणा».", verify.Unverified},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newPipeline(t, c, cannedModel{reply: tt.reply})
			res, err := p.Ask(context.Background(), Question{Text: tt.question})
			if err != nil {
				t.Fatal(err)
			}
			if tt.want == verify.Unverified {
				if !res.Abstained {
					t.Fatalf("answered %q (claims %+v), want an abstention", res.Text, res.Claims)
				}
				return
			}
			if res.Abstained || len(res.Claims) != 1 || res.Claims[0].Support != tt.want {
				t.Fatalf("claims %+v of %q, want one %s", res.Claims, res.Text, tt.want)
			}
		})
	}
}
