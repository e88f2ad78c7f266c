package answer

import (
	"testing"
	"testing/fstest"

	"corpusbot/verify"
)

// Persian is typed with a zero-width non-joiner inside words ("می‌کند"),
// with a space for it ("می کند"), or with neither ("میکند"): a quote in any
// of the three forms of the passage's words verifies, in both directions.
// Made-up pages; Devanagari's joiners keep the behaviour they had.
func TestQuoteZWNJOrSpace(t *testing.T) {
	c := loadFS(t, fstest.MapFS{
		"fa/loop.md":   {Data: []byte("# دستور break در حلقه\n\nدستور break حلقه را متوقف می\u200cکند و اجرای برنامه ادامه می\u200cیابد.\n")},
		"fa/switch.md": {Data: []byte("# دستور switch\n\nدستور switch مقدار را با هر case مقایسه می کند و بلوک مناسب را اجرا می کند.\n")},
		"hi/niti.md":   {Data: []byte("# नीति\n\nभारत सरकार ने नई शिक्\u200dषा नीति की घोषणा की है।\n")},
	})
	tests := []struct {
		name, question, reply string
		want                  verify.Support
	}{
		{"space for the passage's ZWNJ", "دستور break حلقه را متوقف می\u200cکند؟", "دستور break حلقه را متوقف می\u200cکند [1] «حلقه را متوقف می کند».", verify.Verified},
		{"ZWNJ as in the passage", "دستور break حلقه را متوقف می\u200cکند؟", "دستور break حلقه را متوقف می\u200cکند [1] «حلقه را متوقف می\u200cکند».", verify.Verified},
		{"joined, no ZWNJ", "دستور break حلقه را متوقف می\u200cکند؟", "دستور break حلقه را متوقف می\u200cکند [1] «حلقه را متوقف میکند».", verify.Verified},
		{"ZWNJ for the passage's space", "دستور switch مقدار را با هر case مقایسه می\u200cکند؟", "دستور switch مقدار را مقایسه می\u200cکند [1] «مقدار را با هر case مقایسه می\u200cکند».", verify.Verified},
		{"space and a wrong word", "دستور break حلقه را متوقف می\u200cکند؟", "دستور break حلقه را متوقف می\u200cکند [1] «حلقه را متوقف نمی کند».", ""}, // not verified: abstains,
		{"Devanagari ZWJ kept", "नई शिक्षा नीति की घोषणा किसने की?", "सरकार ने घोषणा की [1] «नई शिक्\u200dषा नीति की घोषणा».", verify.Verified},
		{"Devanagari ZWJ dropped", "नई शिक्षा नीति की घोषणा किसने की?", "सरकार ने घोषणा की [1] «नई शिक्षा नीति की घोषणा».", verify.Verified},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := askIn(t, c, tt.question, rewriteNone, func(string) string { return tt.reply })
			if tt.want == "" {
				if !res.Abstained {
					t.Fatalf("claims %+v (text %q), want an abstention", res.Claims, res.Text)
				}
				return
			}
			if len(res.Claims) != 1 || res.Claims[0].Support != tt.want {
				t.Fatalf("claims %+v (text %q, abstained %v), want one %s", res.Claims, res.Text, res.Abstained, tt.want)
			}
		})
	}
}
