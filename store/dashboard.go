package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Reads for the operator's dashboard and `corpusbot report`. Each takes a
// Range and runs in one read transaction, so its figures agree with each
// other. Days are UTC days. None returns a user hash, a guild ID or the ID
// of a DM channel: nothing that identifies a person.

// Range is a span of whole UTC days: From's day through To's day, both
// included. A zero From means since the first day; a zero To, no end.
type Range struct {
	From, To time.Time
}

// bounds returns the range as text bounds [from, to) that work for days
// (YYYY-MM-DD) and for stored times alike.
func (r Range) bounds() (from, to string) {
	from, to = "", "9999"
	if !r.From.IsZero() {
		from = r.From.UTC().Format(time.DateOnly)
	}
	if !r.To.IsZero() {
		to = r.To.UTC().AddDate(0, 0, 1).Format(time.DateOnly)
	}
	return from, to
}

// Overview sums up the questions asked (answers of KindAnswer) and the
// tokens used by every kind of answer in a range.
type Overview struct {
	Questions, Answered, Abstained, Failed int
	Marked                                 int // answered with sentences marked unverified or weak
	Up, Down                               int // votes cast in the range
	// P50 and P95 are the latencies of the Timed answers that have one.
	P50, P95                       time.Duration
	Timed                          int
	PromptTokens, CompletionTokens int
	Days                           []DayStats  // the days that have any, oldest first
	Langs                          []KindCount // questions per language, most first; "" is unknown
	Channels                       []KindCount // questions per channel kind, most first
}

// DayStats is one UTC day of an Overview.
type DayStats struct {
	Day                                    string // YYYY-MM-DD
	Questions, Answered, Abstained, Failed int
	Tokens                                 int // prompt and completion, every kind of answer
	Up, Down                               int
}

// KindCount is a number of questions of one kind.
type KindCount struct {
	Kind  string
	Count int
}

// Overview reads the overview of r from the daily roll-ups.
func (s *Store) Overview(ctx context.Context, r Range) (Overview, error) {
	from, to := r.bounds()
	var o Overview
	err := s.read(ctx, func(tx txn) error {
		days := map[string]*DayStats{}
		day := func(d string) *DayStats {
			if days[d] == nil {
				days[d] = &DayStats{Day: d}
			}
			return days[d]
		}
		langs, chans := map[string]int{}, map[string]int{}
		rows, err := tx.QueryContext(ctx, `
SELECT day, kind, lang, channel_kind, n, answered, abstained, failed, marked, timed, prompt_tokens, completion_tokens
FROM answer_days WHERE day >= ? AND day < ?`, from, to)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var d, kind, lang, ch string
			var n, answered, abstained, failed, marked, timed, pt, ct int
			if err := rows.Scan(&d, &kind, &lang, &ch, &n, &answered, &abstained, &failed, &marked, &timed, &pt, &ct); err != nil {
				return err
			}
			ds := day(d)
			ds.Tokens += pt + ct
			o.PromptTokens += pt
			o.CompletionTokens += ct
			if kind != KindAnswer {
				continue
			}
			ds.Questions += n
			ds.Answered += answered
			ds.Abstained += abstained
			ds.Failed += failed
			o.Questions += n
			o.Answered += answered
			o.Abstained += abstained
			o.Failed += failed
			o.Marked += marked
			o.Timed += timed
			langs[lang] += n
			chans[ch] += n
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()

		vrows, err := tx.QueryContext(ctx, `
SELECT substr(voted_at, 1, 10) AS day, `+countIf("value = 1")+`, `+countIf("value = -1")+`
FROM votes WHERE voted_at >= ? AND voted_at < ? GROUP BY day`, from, to)
		if err != nil {
			return err
		}
		defer vrows.Close()
		for vrows.Next() {
			var d string
			var up, down int
			if err := vrows.Scan(&d, &up, &down); err != nil {
				return err
			}
			ds := day(d)
			ds.Up, ds.Down = up, down
			o.Up += up
			o.Down += down
		}
		if err := vrows.Err(); err != nil {
			return err
		}
		o.Days = sortedDays(days)
		o.Langs, o.Channels = countsOf(langs), countsOf(chans)
		o.P50, o.P95, err = latencyPercentiles(ctx, tx, from, to)
		return err
	})
	if err != nil {
		return Overview{}, fmt.Errorf("read overview: %w", err)
	}
	return o, nil
}

// latencyPercentiles returns the nearest-rank 50th and 95th percentiles of
// the latencies of answers in [from, to), to two significant digits (the
// resolution of latency_days).
func latencyPercentiles(ctx context.Context, tx txn, from, to string) (p50, p95 time.Duration, err error) {
	rows, err := tx.QueryContext(ctx, `
SELECT bucket, sum(n) FROM latency_days WHERE day >= ? AND day < ? GROUP BY bucket ORDER BY bucket`, from, to)
	if err != nil {
		return 0, 0, err
	}
	defer rows.Close()
	type bucket struct{ ms, n int }
	var hist []bucket
	total := 0
	for rows.Next() {
		var b bucket
		if err := rows.Scan(&b.ms, &b.n); err != nil {
			return 0, 0, err
		}
		hist = append(hist, b)
		total += b.n
	}
	if err := rows.Err(); err != nil || total == 0 {
		return 0, 0, err
	}
	at := func(rank int) time.Duration {
		seen := 0
		for _, b := range hist {
			if seen += b.n; seen >= rank {
				return time.Duration(b.ms) * time.Millisecond
			}
		}
		return time.Duration(hist[len(hist)-1].ms) * time.Millisecond
	}
	return at(nearestRank(50, total)), at(nearestRank(95, total)), nil
}

// nearestRank is the 1-based rank of the p-th percentile of n values:
// ceil(p/100 × n).
func nearestRank(p, n int) int {
	r := (p*n + 99) / 100
	return max(r, 1)
}

func sortedDays(m map[string]*DayStats) []DayStats {
	out := make([]DayStats, 0, len(m))
	for _, d := range m {
		out = append(out, *d)
	}
	sortBy(out, func(a, b DayStats) bool { return a.Day < b.Day })
	return out
}

func countsOf(m map[string]int) []KindCount {
	out := make([]KindCount, 0, len(m))
	for k, n := range m {
		out = append(out, KindCount{Kind: k, Count: n})
	}
	sortBy(out, func(a, b KindCount) bool { return a.Count > b.Count || a.Count == b.Count && a.Kind < b.Kind })
	return out
}

// GapQuestion is a question the corpus did not answer well, asked once or
// more (the same text, ignoring case and surrounding space): abstained,
// answered with marked sentences, or voted down.
type GapQuestion struct {
	Question  string // its latest wording
	AnswerID  string // of the latest asking
	Asked     int    // times asked with one of the problems below
	Abstained int
	Marked    int
	VotedDown int
	First     time.Time
	Last      time.Time
	// Nearest holds the documents the latest asking reached: those an
	// abstention named, else those the answer cited.
	Nearest []string
}

// GapQuestions returns up to limit gap questions of r, most asked first.
func (s *Store) GapQuestions(ctx context.Context, r Range, limit int) ([]GapQuestion, error) {
	if limit <= 0 {
		return nil, fmt.Errorf("read gap questions: %w: limit %d", ErrInvalid, limit)
	}
	from, to := r.bounds()
	var out []GapQuestion
	err := s.read(ctx, func(tx txn) error {
		// A range that holds every stored question (all days, or 365 days
		// of a history kept 180) is every stored day: read from the
		// roll-up, the same page at a fraction of the cost.
		var first, last sql.NullString
		if err := tx.QueryRowContext(ctx, `
SELECT (SELECT min(created_at) FROM answers WHERE kind = 'answer'), (SELECT max(created_at) FROM answers WHERE kind = 'answer')`).
			Scan(&first, &last); err != nil {
			return err
		}
		var err error
		if !first.Valid || first.String >= from && last.String < to {
			out, err = gapRollup(ctx, tx, s.d, limit)
		} else {
			out, err = gapScan(ctx, tx, s.d, from, to, limit)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read gap questions: %w", err)
	}
	return out, nil
}

// gapScan is GapQuestions of the answers asked from from to before to
// (stored times, or their leading part), grouped from the answers.
func gapScan(ctx context.Context, tx txn, d *dialect, from, to string, limit int) ([]GapQuestion, error) {
	// Two index ranges: answers_gaps for abstained and marked answers,
	// votes_down for voted-down ones. The rows are grouped here rather
	// than by GROUP BY: a map beats SQLite's sort of every row's text.
	rows, err := tx.QueryContext(ctx, `
SELECT id, question, created_at, CASE WHEN outcome = 'abstained' THEN 1 ELSE 0 END, 0
FROM answers `+d.indexedBy("answers_gaps")+`
WHERE kind = 'answer' AND (outcome = 'abstained' OR (outcome = 'answered' AND unverified + weak > 0))
	AND created_at >= ?1 AND created_at < ?2
UNION ALL
SELECT DISTINCT a.id, a.question, a.created_at, CASE WHEN a.outcome = 'abstained' THEN 1 ELSE 0 END,
	CASE WHEN a.outcome = 'abstained' OR (a.outcome = 'answered' AND a.unverified + a.weak > 0) THEN 2 ELSE 1 END
FROM votes v `+d.joinInOrder+` answers a ON a.id = v.answer_id
WHERE v.value = -1 AND a.kind = 'answer' AND a.outcome <> 'failed' AND a.created_at >= ?1 AND a.created_at < ?2`, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	// Stored times are fixed-width text: they compare as text, and only
	// the ones kept are parsed.
	type group struct {
		GapQuestion
		first, last string
	}
	groups := map[string]*group{}
	var order []*group
	for rows.Next() {
		var id, q, at string
		var abstained bool
		var down int // 0: abstained or marked; 1: voted down; 2: both, already counted
		if err := rows.Scan(&id, &q, &at, &abstained, &down); err != nil {
			return nil, err
		}
		key := questionKey(q)
		if key == "" {
			continue
		}
		g := groups[key]
		if g == nil {
			g = &group{}
			groups[key] = g
			order = append(order, g)
		}
		switch {
		case down > 0:
			g.VotedDown++
			if down == 1 {
				g.Asked++
			}
		case abstained:
			g.Asked++
			g.Abstained++
		default:
			g.Asked++
			g.Marked++
		}
		if g.first == "" || at < g.first {
			g.first = at
		}
		if at > g.last || at == g.last && id > g.AnswerID {
			g.last, g.AnswerID, g.Question = at, id, q
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	slices.SortFunc(order, func(a, b *group) int {
		return cmp.Or(cmp.Compare(b.Asked, a.Asked), strings.Compare(b.last, a.last), strings.Compare(a.AnswerID, b.AnswerID))
	})
	var out []GapQuestion
	for _, g := range order[:min(limit, len(order))] {
		var err error
		if g.First, err = parseTime(g.first); err != nil {
			return nil, err
		}
		if g.Last, err = parseTime(g.last); err != nil {
			return nil, err
		}
		out = append(out, g.GapQuestion)
	}
	return out, fillGaps(ctx, tx, out)
}

// gapRollup is GapQuestions over every stored day, read from the
// per-question roll-up gap_questions that triggers keep (migration 006):
// the limit most asked, through an index in the page's order, instead of
// every gap answer grouped by GapQuestions.
func gapRollup(ctx context.Context, tx txn, d *dialect, limit int) ([]GapQuestion, error) {
	rows, err := tx.QueryContext(ctx, `
SELECT g.answer_id, a.question, g.asked, g.abstained, g.marked, g.voted_down, g.first_at, g.last_at
FROM gap_questions g `+d.joinInOrder+` answers a ON a.id = g.answer_id
ORDER BY g.asked DESC, g.last_at DESC, g.answer_id LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []GapQuestion
	for rows.Next() {
		var g GapQuestion
		var first, last string
		if err := rows.Scan(&g.AnswerID, &g.Question, &g.Asked, &g.Abstained, &g.Marked, &g.VotedDown, &first, &last); err != nil {
			return nil, err
		}
		if g.First, err = parseTime(first); err != nil {
			return nil, err
		}
		if g.Last, err = parseTime(last); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	return out, fillGaps(ctx, tx, out)
}

// fillGaps adds each gap's nearest documents.
func fillGaps(ctx context.Context, tx txn, gaps []GapQuestion) error {
	byID := make(map[string]*GapQuestion, len(gaps))
	ids := make([]string, len(gaps))
	for i := range gaps {
		byID[gaps[i].AnswerID] = &gaps[i]
		ids[i] = gaps[i].AnswerID
	}
	return inChunks(ids, func(chunk []string, marks string) error {
		args := anys(chunk)
		// Named by an abstention first, then cited; each in its order.
		drows, err := tx.QueryContext(ctx, `
SELECT answer_id, doc_id FROM (
	SELECT answer_id, doc_id, 0 AS src, rank AS pos FROM answer_nearest WHERE answer_id IN (`+marks+`)
	UNION ALL
	SELECT answer_id, doc_id, 1, n FROM answer_sources WHERE answer_id IN (`+marks+`)
) AS d ORDER BY answer_id, src, pos`, append(args, args...)...)
		if err != nil {
			return err
		}
		defer drows.Close()
		for drows.Next() {
			var id, doc string
			if err := drows.Scan(&id, &doc); err != nil {
				return err
			}
			g := byID[id]
			if !slices.Contains(g.Nearest, doc) {
				g.Nearest = append(g.Nearest, doc)
			}
		}
		return drows.Err()
	})
}

// QuestionFilter selects questions for the Questions page.
type QuestionFilter struct {
	Range
	Search  string // words the question contains, each anywhere in it, any case; "" for all
	Outcome string // "" for all, or one of the Outcome constants
	Offset  int
	Limit   int // required
}

// QuestionRow is one asked question and how it went.
type QuestionRow struct {
	ID               string
	Question         string
	Answer           string
	Outcome          string
	Failure          string
	Lang             string
	ChannelKind      string
	Latency          time.Duration // 0 unknown
	Unverified, Weak int
	PromptTokens     int
	CompletionTokens int
	Up, Down         int
	Sources          []SourceRef
	Nearest          []string
	At               time.Time
}

// Questions returns one page of the questions (answers of KindAnswer) that
// f selects, newest first, with the number that match in all.
func (s *Store) Questions(ctx context.Context, f QuestionFilter) (rows []QuestionRow, total int, err error) {
	if f.Limit <= 0 || f.Offset < 0 {
		return nil, 0, fmt.Errorf("read questions: %w: offset %d, limit %d", ErrInvalid, f.Offset, f.Limit)
	}
	from, to := f.bounds()
	where := `kind = 'answer' AND created_at >= ? AND created_at < ?`
	args := []any{from, to}
	if f.Outcome != "" {
		where += ` AND outcome = ?`
		args = append(args, f.Outcome)
	}
	var match []string
	for _, w := range strings.Fields(f.Search) {
		if s.d.trigramMatch != nil && utf8.RuneCountInString(w) >= 3 {
			match = append(match, w)
			continue
		}
		where += ` AND question ` + s.d.ilike + ` ? ESCAPE '\'`
		args = append(args, "%"+escapeLike(w)+"%")
	}
	if len(match) > 0 {
		cond, arg := s.d.trigramMatch(match)
		where += ` AND ` + cond
		args = append(args, arg)
	}
	err = s.read(ctx, func(tx txn) error {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM answers WHERE `+where, args...).Scan(&total); err != nil {
			return err
		}
		q, err := tx.QueryContext(ctx, `
SELECT id, question, text, outcome, failure, lang, channel_kind, latency_ms, unverified, weak,
	prompt_tokens, completion_tokens, created_at,
	(SELECT count(*) FROM votes v WHERE v.answer_id = answers.id AND v.value = 1),
	(SELECT count(*) FROM votes v WHERE v.answer_id = answers.id AND v.value = -1)
FROM answers WHERE `+where+`
ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
		if err != nil {
			return err
		}
		defer q.Close()
		for q.Next() {
			var r QuestionRow
			var latency sql.NullInt64
			var at string
			if err := q.Scan(&r.ID, &r.Question, &r.Answer, &r.Outcome, &r.Failure, &r.Lang, &r.ChannelKind, &latency,
				&r.Unverified, &r.Weak, &r.PromptTokens, &r.CompletionTokens, &at, &r.Up, &r.Down); err != nil {
				return err
			}
			r.Latency = time.Duration(latency.Int64) * time.Millisecond
			if r.At, err = parseTime(at); err != nil {
				return err
			}
			rows = append(rows, r)
		}
		if err := q.Err(); err != nil {
			return err
		}
		q.Close()
		for i := range rows {
			if rows[i].Sources, err = answerSources(ctx, tx, rows[i].ID); err != nil {
				return err
			}
			if rows[i].Nearest, err = answerNearest(ctx, tx, rows[i].ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("read questions: %w", err)
	}
	return rows, total, nil
}

// countIf is the SQL, for both dialects, that counts the rows of a group
// for which cond holds.
func countIf(cond string) string { return "sum(CASE WHEN " + cond + " THEN 1 ELSE 0 END)" }

// escapeLike makes s match itself in a LIKE pattern with ESCAPE '\'.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// DocumentStats is one document: as last loaded, and how answers in a
// range used it.
type DocumentStats struct {
	DocID     string
	Title     string
	Lang      string
	Passages  int
	Loaded    bool // in the documents table
	Removed   bool // gone from the corpus at the last load
	FirstSeen time.Time
	LoadedAt  time.Time
	ChangedAt time.Time
	Citations int       // citations of it in answers of every kind
	Up, Down  int       // votes cast in the range on answers citing it
	LastCited time.Time // the day of the last answer citing it
}

// Documents returns every document loaded or cited, most cited first; a
// document loaded but never cited in r has Citations 0.
func (s *Store) Documents(ctx context.Context, r Range) ([]DocumentStats, error) {
	from, to := r.bounds()
	docs := map[string]*DocumentStats{}
	doc := func(id string) *DocumentStats {
		if docs[id] == nil {
			docs[id] = &DocumentStats{DocID: id}
		}
		return docs[id]
	}
	err := s.read(ctx, func(tx txn) error {
		rows, err := tx.QueryContext(ctx, `
SELECT doc_id, title, lang, passages, first_seen, loaded_at, changed_at, removed_at IS NOT NULL FROM documents`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id, title, lang, first, loaded, changed string
			var passages int
			var removed bool
			if err := rows.Scan(&id, &title, &lang, &passages, &first, &loaded, &changed, &removed); err != nil {
				return err
			}
			d := doc(id)
			d.Title, d.Lang, d.Passages, d.Loaded, d.Removed = title, lang, passages, true, removed
			for _, t := range []struct {
				dst *time.Time
				s   string
			}{{&d.FirstSeen, first}, {&d.LoadedAt, loaded}, {&d.ChangedAt, changed}} {
				if *t.dst, err = parseTime(t.s); err != nil {
					return err
				}
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()

		crows, err := tx.QueryContext(ctx, `
SELECT doc_id, sum(citations), max(day) FROM doc_days WHERE day >= ? AND day < ? GROUP BY doc_id`, from, to)
		if err != nil {
			return err
		}
		defer crows.Close()
		for crows.Next() {
			var id, last string
			var cites int
			if err := crows.Scan(&id, &cites, &last); err != nil {
				return err
			}
			d := doc(id)
			d.Citations = cites
			if d.LastCited, err = time.Parse(time.DateOnly, last); err != nil {
				return err
			}
		}
		if err := crows.Err(); err != nil {
			return err
		}
		crows.Close()

		vrows, err := tx.QueryContext(ctx, `
SELECT s.doc_id, `+countIf("v.value = 1")+`, `+countIf("v.value = -1")+`
FROM votes v JOIN answer_sources s ON s.answer_id = v.answer_id
WHERE v.voted_at >= ? AND v.voted_at < ?
GROUP BY s.doc_id`, from, to)
		if err != nil {
			return err
		}
		defer vrows.Close()
		for vrows.Next() {
			var id string
			var up, down int
			if err := vrows.Scan(&id, &up, &down); err != nil {
				return err
			}
			d := doc(id)
			d.Up, d.Down = up, down
		}
		return vrows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("read documents: %w", err)
	}
	out := make([]DocumentStats, 0, len(docs))
	for _, d := range docs {
		out = append(out, *d)
	}
	sortBy(out, func(a, b DocumentStats) bool {
		if a.Citations != b.Citations {
			return a.Citations > b.Citations
		}
		return a.DocID < b.DocID
	})
	return out, nil
}

// BriefingRun is one scheduled briefing: a claim on (channel, slot).
type BriefingRun struct {
	ID          int64
	ChannelID   string
	Slot        time.Time
	State       string // StatePending or StatePosted
	ClaimedAt   time.Time
	CompletedAt time.Time // zero while pending
	Planned     int       // message parts planned
	Posted      int       // parts posted
	Points      int       // points posted
	Failures    int       // failed attempts recorded for the slot
	LastError   string
}

// BriefingFailure is one failed attempt at a scheduled briefing.
type BriefingFailure struct {
	ChannelID string
	Slot      time.Time
	Attempt   int
	Error     string
	At        time.Time
}

// OnDemandBriefing is a briefing someone asked for with /briefing.
type OnDemandBriefing struct {
	ID          string
	Topic       string
	ChannelKind string
	Outcome     string
	Sources     int
	At          time.Time
}

// Briefings holds the briefings of a range, newest first.
type Briefings struct {
	Scheduled []BriefingRun
	Failures  []BriefingFailure
	OnDemand  []OnDemandBriefing
}

// maxBriefings bounds each list of Briefings: a year of daily briefings.
const maxBriefings = 400

// BriefingHistory reads the briefings whose slot, failure or answer falls
// in r.
func (s *Store) BriefingHistory(ctx context.Context, r Range) (Briefings, error) {
	from, to := r.bounds()
	var b Briefings
	err := s.read(ctx, func(tx txn) error {
		rows, err := tx.QueryContext(ctx, `
SELECT b.id, b.channel_id, b.slot, b.state, b.claimed_at, coalesce(b.completed_at, ''),
	(SELECT count(*) FROM briefing_plan p WHERE p.briefing_id = b.id),
	(SELECT count(*) FROM briefing_parts p WHERE p.briefing_id = b.id),
	(SELECT count(*) FROM briefing_points p WHERE p.briefing_id = b.id),
	(SELECT count(*) FROM briefing_failures f WHERE f.channel_id = b.channel_id AND f.slot = b.slot),
	coalesce((SELECT f.error FROM briefing_failures f WHERE f.channel_id = b.channel_id AND f.slot = b.slot
		ORDER BY f.id DESC LIMIT 1), '')
FROM briefings b WHERE b.slot >= ? AND b.slot < ?
ORDER BY b.slot DESC, b.channel_id LIMIT ?`, from, to, maxBriefings)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var br BriefingRun
			var slot, claimed, completed string
			if err := rows.Scan(&br.ID, &br.ChannelID, &slot, &br.State, &claimed, &completed,
				&br.Planned, &br.Posted, &br.Points, &br.Failures, &br.LastError); err != nil {
				return err
			}
			if br.Slot, err = parseTime(slot); err != nil {
				return err
			}
			if br.ClaimedAt, err = parseTime(claimed); err != nil {
				return err
			}
			if completed != "" {
				if br.CompletedAt, err = parseTime(completed); err != nil {
					return err
				}
			}
			b.Scheduled = append(b.Scheduled, br)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()

		frows, err := tx.QueryContext(ctx, `
SELECT channel_id, slot, attempt, error, failed_at FROM briefing_failures
WHERE failed_at >= ? AND failed_at < ? ORDER BY id DESC LIMIT ?`, from, to, maxBriefings)
		if err != nil {
			return err
		}
		defer frows.Close()
		for frows.Next() {
			var f BriefingFailure
			var slot, at string
			if err := frows.Scan(&f.ChannelID, &slot, &f.Attempt, &f.Error, &at); err != nil {
				return err
			}
			if f.Slot, err = parseTime(slot); err != nil {
				return err
			}
			if f.At, err = parseTime(at); err != nil {
				return err
			}
			b.Failures = append(b.Failures, f)
		}
		if err := frows.Err(); err != nil {
			return err
		}
		frows.Close()

		// Scheduled briefings record their answer as "briefing-<id>".
		orows, err := tx.QueryContext(ctx, `
SELECT id, question, channel_kind, outcome, created_at,
	(SELECT count(*) FROM answer_sources s WHERE s.answer_id = answers.id)
FROM answers
WHERE kind = 'briefing' AND created_at >= ? AND created_at < ? AND id NOT LIKE 'briefing-%'
ORDER BY created_at DESC LIMIT ?`, from, to, maxBriefings)
		if err != nil {
			return err
		}
		defer orows.Close()
		for orows.Next() {
			var o OnDemandBriefing
			var at string
			if err := orows.Scan(&o.ID, &o.Topic, &o.ChannelKind, &o.Outcome, &at, &o.Sources); err != nil {
				return err
			}
			if o.At, err = parseTime(at); err != nil {
				return err
			}
			b.OnDemand = append(b.OnDemand, o)
		}
		return orows.Err()
	})
	if err != nil {
		return Briefings{}, fmt.Errorf("read briefings: %w", err)
	}
	return b, nil
}

// RecordBriefingFailure records a failed attempt at the briefing of
// (channelID, slot). errText must already be free of secrets; it is cut to
// 500 bytes.
func (s *Store) RecordBriefingFailure(ctx context.Context, channelID string, slot time.Time, attempt int, errText string) error {
	if channelID == "" || slot.IsZero() || attempt < 1 {
		return fmt.Errorf("record briefing failure: %w: channel %q, slot %v, attempt %d", ErrInvalid, channelID, slot, attempt)
	}
	errText = clipUTF8(errText, 500)
	err := s.write(ctx, func(tx txn) error {
		_, err := tx.ExecContext(ctx, `
INSERT INTO briefing_failures (channel_id, slot, attempt, error, failed_at) VALUES (?, ?, ?, ?, ?)`,
			channelID, formatTime(slot), attempt, errText, s.stamp(time.Time{}))
		return err
	})
	if err != nil {
		return fmt.Errorf("record briefing failure: %w", err)
	}
	return nil
}

// sortBy sorts s by less, keeping equal elements in order.
func sortBy[T any](s []T, less func(a, b T) bool) {
	slices.SortStableFunc(s, func(a, b T) int {
		switch {
		case less(a, b):
			return -1
		case less(b, a):
			return 1
		}
		return 0
	})
}

// inChunks calls fn with ids in chunks small enough for one statement's
// parameters, and the "?, ?, …" that binds a chunk.
func inChunks(ids []string, fn func(chunk []string, marks string) error) error {
	const size = 400
	for len(ids) > 0 {
		n := min(size, len(ids))
		if err := fn(ids[:n], strings.TrimSuffix(strings.Repeat("?, ", n), ", ")); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// clipUTF8 cuts s to at most n bytes at a rune boundary.
func clipUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
