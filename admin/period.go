package admin

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"corpusbot/store"
)

// period is the date range a page shows: the last N days (the default, 30),
// every day, or from/to dates. Days are UTC days.
type period struct {
	Days     int       // 0 with All or a custom range
	All      bool      // every stored day
	From, To time.Time // the first and last day shown; From zero with All
	Error    string    // what was wrong with the range asked for, if anything
}

const defaultDays = 30

// presets are the ranges offered as links.
var presets = []int{7, 30, 90, 365}

// parsePeriod reads ?days=N|all or ?from=YYYY-MM-DD&to=YYYY-MM-DD. A bad
// value falls back to the default and says why.
func parsePeriod(q url.Values, now time.Time) period {
	today := now.UTC().Truncate(24 * time.Hour)
	p := period{Days: defaultDays, From: today.AddDate(0, 0, 1-defaultDays), To: today}
	from, to := q.Get("from"), q.Get("to")
	if from != "" || to != "" {
		f, errF := time.Parse(time.DateOnly, from)
		t, errT := time.Parse(time.DateOnly, to)
		switch {
		case from != "" && errF != nil:
			p.Error = fmt.Sprintf("The start date %q is not a date (YYYY-MM-DD); showing the last %d days.", from, defaultDays)
		case to != "" && errT != nil:
			p.Error = fmt.Sprintf("The end date %q is not a date (YYYY-MM-DD); showing the last %d days.", to, defaultDays)
		case from != "" && to != "" && t.Before(f):
			p.Error = fmt.Sprintf("The end date is before the start date; showing the last %d days.", defaultDays)
		default:
			if to == "" {
				t = today
			}
			if from == "" {
				f = t.AddDate(0, 0, 1-defaultDays)
			}
			return period{From: f, To: t}
		}
		return p
	}
	switch d := q.Get("days"); d {
	case "":
	case "all":
		return period{All: true, To: today}
	default:
		n, err := strconv.Atoi(d)
		if err != nil || n < 1 || n > 3660 {
			p.Error = fmt.Sprintf("%q is not a number of days; showing the last %d days.", d, defaultDays)
			return p
		}
		return period{Days: n, From: today.AddDate(0, 0, 1-n), To: today}
	}
	return p
}

// Range is the store's range for p.
func (p period) Range() store.Range {
	if p.All {
		return store.Range{}
	}
	return store.Range{From: p.From, To: p.To}
}

// Query is the query string that asks for p again.
func (p period) Query() url.Values {
	q := url.Values{}
	switch {
	case p.All:
		q.Set("days", "all")
	case p.Days > 0:
		q.Set("days", strconv.Itoa(p.Days))
	default:
		q.Set("from", p.From.Format(time.DateOnly))
		q.Set("to", p.To.Format(time.DateOnly))
	}
	return q
}

// Label says p in words.
func (p period) Label() string {
	switch {
	case p.All:
		return "all stored days"
	case p.Days == 1:
		return "today (UTC)"
	case p.Days > 0:
		return fmt.Sprintf("the last %d days (UTC)", p.Days)
	case p.From.Equal(p.To):
		return p.From.Format(time.DateOnly) + " (UTC)"
	}
	return p.From.Format(time.DateOnly) + " to " + p.To.Format(time.DateOnly) + " (UTC)"
}

// periodOf reads the page's period from r.
func (s *Server) periodOf(r *http.Request) period { return parsePeriod(r.URL.Query(), s.now()) }
