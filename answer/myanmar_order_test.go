package answer

import (
	"testing"
	"testing/fstest"

	"corpusbot/verify"
)

// Burmese types the asat (U+103A) and the dot below (U+1037) in either
// order: a model's quote in the other order than the page's verifies, and
// "Show passage" finds it there (verify.QuoteSpan). Made-up page.
func TestMyanmarMarkOrderQuote(t *testing.T) {
	const (
		asatFirst = "ကြည\u103a\u1037"
		dotFirst  = "ကြည\u1037\u103a"
	)
	page := "# စာမျက်နှာ\n\nReact ကို စတင်အသုံးပြုရန် ဒီစာမျက်နှာကို " + asatFirst + " ပြီးမှ နောက်တစ်ခုကို ဆက်ဖတ်ပါ။\n"
	c := loadFS(t, fstest.MapFS{"my/start.md": {Data: []byte(page)}})
	for _, quote := range []string{
		"စတင်အသုံးပြုရန် ဒီစာမျက်နှာကို " + asatFirst + " ပြီးမှ",
		"စတင်အသုံးပြုရန် ဒီစာမျက်နှာကို " + dotFirst + " ပြီးမှ",
	} {
		reply := "ဒီစာမျက်နှာကို " + dotFirst + " ပါ [1] «" + quote + "»။"
		res := askIn(t, c, "React ကို စတင်အသုံးပြုရန် ဘယ်စာမျက်နှာကို "+dotFirst+"ရမလဲ", rewriteNone, func(string) string { return reply })
		if len(res.Claims) != 1 || res.Claims[0].Support != verify.Verified {
			t.Fatalf("quote %+q: claims %+v (text %q), want one verified", quote, res.Claims, res.Text)
		}
		s, e, ok := verify.QuoteSpan(page, quote)
		if want := "စတင်အသုံးပြုရန် ဒီစာမျက်နှာကို " + asatFirst + " ပြီးမှ"; !ok || page[s:e] != want {
			t.Errorf("QuoteSpan(page, %+q) = %+q, %v; want %+q", quote, page[s:e], ok, want)
		}
	}
}
