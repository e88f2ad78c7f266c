package main

import (
	"strings"
	"testing"
	"time"
)

// FuzzSinceRange: report's --since is whole UTC days ending today, from 1
// to 36500 of them, or all of them, with a label saying which; anything
// else is a mistake on the command line (exit 2) naming what was given.
func FuzzSinceRange(f *testing.F) {
	for _, s := range []string{"7d", "1d", "36500d", "36501d", "0d", "-3d", "+7d", "07d", "24h", "25h", "1h30m",
		"-1h", "0h", "all", "ALL", "", "d", "7", "7 d", "week", "9223372036854775807d", "2562047h", "٣d"} {
		f.Add(s, int64(1742468400)) // 2025-03-20 11:00 UTC
	}
	f.Fuzz(func(t *testing.T, since string, unix int64) {
		now := time.Unix(unix%(1<<34), 0) // about 500 years either side of 1970
		r, label, err := sinceRange(since, now)
		if err != nil {
			if exitCode(err) != 2 || !strings.Contains(err.Error(), "--since") {
				t.Fatalf("sinceRange(%q): %v (exit %d); want a usage error naming --since", since, err, exitCode(err))
			}
			return
		}
		today := now.UTC().Truncate(24 * time.Hour)
		if !r.To.Equal(today) || label == "" {
			t.Fatalf("sinceRange(%q) at %v = %+v %q; want it to end today, %v, with a label", since, now, r, label, today)
		}
		if since == "all" {
			if !r.From.IsZero() {
				t.Fatalf("sinceRange(all) starts at %v", r.From)
			}
			return
		}
		days := int(today.Sub(r.From).Hours()/24) + 1
		if r.From.IsZero() || !r.From.Equal(r.From.UTC().Truncate(24*time.Hour)) || days < 1 || days > 36500 {
			t.Fatalf("sinceRange(%q) at %v = %v to %v: want 1 to 36500 whole UTC days", since, now, r.From, r.To)
		}
	})
}
