package bot

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// scheduleZones have the transitions that make a daily slot move: daylight
// saving at 02:00 (Paris, New York), at midnight (São Paulo, until 2019),
// by half an hour (Lord Howe), an odd offset (Kathmandu), and a skipped day
// (Apia, 30 December 2011).
var scheduleZones = []string{"UTC", "Europe/Paris", "America/New_York", "America/Sao_Paulo",
	"Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Apia"}

// FuzzSchedule: ParseClock accepts exactly HH:MM or H:MM of a real time of
// day and names the value it rejects; around any instant, in any zone, the
// previous slot is at or before it, the next one after it, a day or so
// apart, and the next slot after the previous one is the next one.
func FuzzSchedule(f *testing.F) {
	locs := make([]*time.Location, len(scheduleZones))
	for i, z := range scheduleZones {
		loc, err := time.LoadLocation(z)
		if err != nil {
			f.Fatal(err)
		}
		locs[i] = loc
	}
	apiaSkip := time.Date(2011, 12, 29, 12, 0, 0, 0, time.UTC).Unix()
	parisSpring := time.Date(2025, 3, 30, 0, 30, 0, 0, time.UTC).Unix()
	saoPauloSpring := time.Date(2018, 11, 4, 2, 0, 0, 0, time.UTC).Unix()
	for _, s := range []struct {
		clock string
		at    int64
		zone  uint8
	}{
		{"09:00", 0, 0}, {"9:05", parisSpring, 1}, {"02:30", parisSpring, 1}, {"00:30", saoPauloSpring, 3},
		{"10:00", apiaSkip, 6}, {"23:59", apiaSkip, 6}, {"00:00", 1e9, 4}, {"24:00", 0, 0}, {"12:60", 0, 0},
		{" 09:00", 0, 0}, {"09:00Z", 0, 0}, {"0900", 0, 0}, {"-1:00", 0, 0}, {"+9:00", 0, 0}, {"٠٩:٠٠", 0, 0},
		{"9:5", 0, 0}, {"", 0, 0},
	} {
		f.Add(s.clock, s.at, s.zone)
	}
	f.Fuzz(func(t *testing.T, clock string, at int64, zone uint8) {
		h, m, err := ParseClock(clock)
		if err != nil {
			if !strings.Contains(err.Error(), fmt.Sprintf("%q", clock)) {
				t.Fatalf("ParseClock(%q): %v does not name the value", clock, err)
			}
			return
		}
		if h < 0 || h > 23 || m < 0 || m > 59 {
			t.Fatalf("ParseClock(%q) = %d:%d", clock, h, m)
		}
		if long, short := fmt.Sprintf("%02d:%02d", h, m), fmt.Sprintf("%d:%02d", h, m); clock != long && clock != short {
			t.Fatalf("ParseClock(%q) = %d:%d: accepts a form that is neither %q nor %q", clock, h, m, long, short)
		}
		// 1970 to 2100: the zones' history, and what a bot may meet.
		const from, span = 0, 130 * 365 * 24 * 3600
		now := time.Unix(from+(at%span+span)%span, 0)
		loc := locs[int(zone)%len(locs)]
		prev, next := prevSlot(now, h, m, loc), nextSlot(now, h, m, loc)
		if prev.After(now) || !next.After(now) {
			t.Fatalf("%s in %s, %s: previous slot %s, next %s", clock, loc, now, prev, next)
		}
		if d := next.Sub(prev); d > 26*time.Hour {
			t.Fatalf("%s in %s, %s: slots %s and %s are %s apart", clock, loc, now, prev, next, d)
		}
		if again := nextSlot(prev, h, m, loc); !again.Equal(next) {
			t.Fatalf("%s in %s, %s: the slot after %s is %s, not %s", clock, loc, now, prev, again, next)
		}
	})
}
