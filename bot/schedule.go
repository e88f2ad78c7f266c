package bot

import (
	"context"
	"fmt"
	"time"
)

// ParseClock reads a BRIEFING_TIME, "HH:MM" (24-hour; "9:05" too).
func ParseClock(s string) (hour, minute int, err error) {
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, 0, fmt.Errorf("briefing time %q: want HH:MM (24-hour)", s)
	}
	return t.Hour(), t.Minute(), nil
}

// nextSlot is the first time after t at which the clock in loc reads
// hour:minute. It is computed with time.Date on the calendar day, never by
// adding 24 hours, so daylight saving changes move nothing: the slot stays
// at the same wall-clock time. On the day a clock skips that time (spring
// forward), time.Date moves it forward by the skipped hour; on the day the
// time happens twice (fall back), there is still one slot.
func nextSlot(t time.Time, hour, minute int, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	for i := 0; ; i++ {
		if s := time.Date(y, m, d+i, hour, minute, 0, 0, loc); s.After(t) {
			return s
		}
	}
}

// prevSlot is the latest slot at or before t.
func prevSlot(t time.Time, hour, minute int, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	for i := 0; ; i-- {
		if s := time.Date(y, m, d+i, hour, minute, 0, 0, loc); !s.After(t) {
			return s
		}
	}
}

// sleepUntil waits until t or until ctx ends, reporting whether t came.
// Timers follow the fake clock under testing/synctest.
func sleepUntil(ctx context.Context, t time.Time) bool {
	d := time.Until(t)
	if d <= 0 {
		return ctx.Err() == nil
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-ctx.Done():
		return false
	}
}
