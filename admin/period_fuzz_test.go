package admin

import (
	"net/url"
	"testing"
	"time"
)

// FuzzParsePeriod: whatever the query string, the range is whole days that
// end no later than today and start no later than they end, and asking for
// it again gives the same range.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"", "days=7", "days=all", "days=-1", "from=2025-01-01&to=2025-01-31", "from=2025-13-01",
		"to=1999-01-01", "from=2025-01-31&to=2025-01-01", "days=99999999999999999999"} {
		f.Add(s)
	}
	now := time.Date(2025, 3, 20, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		p := parsePeriod(q, now)
		if !p.All && p.To.Before(p.From) {
			t.Fatalf("%q: %+v ends before it starts", raw, p)
		}
		if p.To.Truncate(24*time.Hour) != p.To || p.From.Truncate(24*time.Hour) != p.From {
			t.Fatalf("%q: %+v is not whole days", raw, p)
		}
		again := parsePeriod(p.Query(), now)
		if again.All != p.All || !again.From.Equal(p.From) || !again.To.Equal(p.To) || again.Error != "" {
			t.Fatalf("%q: %+v asked again gives %+v", raw, p, again)
		}
	})
}
