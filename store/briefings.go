package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// States of a briefing claim.
const (
	StatePending = "pending" // claimed; some parts may have been posted
	StatePosted  = "posted"  // CompleteBriefing was called
)

// Point is one point of a briefing. Key identifies what the point says (the
// generator's choice, e.g. a normalised claim) so that later briefings in the
// channel can leave it out; Sources are the passages it cites, as "docID#n".
type Point struct {
	Key     string
	Text    string
	Sources []string
}

// Part is one posted message of a briefing.
type Part struct {
	N         int // 0-based position in the briefing
	MessageID string
	Points    []Point
	At        time.Time
}

// Briefing is a claim on a (channel, slot).
type Briefing struct {
	ID        int64
	ChannelID string
	Slot      time.Time
	State     string // StatePending or StatePosted
}

// ClaimBriefing returns the briefing for (channelID, slot), creating it in
// StatePending if it does not exist. Slots are stored to the millisecond in
// UTC; pass the same slot to get the same briefing.
func (s *Store) ClaimBriefing(ctx context.Context, channelID string, slot time.Time) (id int64, state string, err error) {
	return s.claimBriefing(ctx, nil, channelID, slot)
}

func (s *Store) claimBriefing(ctx context.Context, f *Fence, channelID string, slot time.Time) (id int64, state string, err error) {
	if channelID == "" || slot.IsZero() {
		return 0, "", fmt.Errorf("claim briefing: %w: channel %q, slot %v", ErrInvalid, channelID, slot)
	}
	sl := formatTime(slot)
	err = s.write(ctx, func(tx txn) error {
		if err := s.checkFence(ctx, tx, f); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
INSERT INTO briefings (channel_id, slot, state, claimed_at) VALUES (?, ?, 'pending', ?)
ON CONFLICT (channel_id, slot) DO NOTHING`, channelID, sl, s.stamp(time.Time{})); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, `SELECT id, state FROM briefings WHERE channel_id = ? AND slot = ?`,
			channelID, sl).Scan(&id, &state)
	})
	if err != nil {
		return 0, "", fmt.Errorf("claim briefing for %s at %s: %w", channelID, sl, err)
	}
	return id, state, nil
}

// briefingState returns the state of a briefing, or ErrNotFound.
func briefingState(ctx context.Context, tx txn, id int64) (string, error) {
	var state string
	err := tx.QueryRowContext(ctx, `SELECT state FROM briefings WHERE id = ?`, id).Scan(&state)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	return state, err
}

// planPoint is Point as stored in briefing_plan.points.
type planPoint struct {
	Key     string   `json:"key"`
	Text    string   `json:"text"`
	Sources []string `json:"sources,omitempty"`
}

// SavePlan stores the generated briefing: parts[i] is the text of message i
// and points[i] the points it makes. It replaces an earlier plan as long as
// no part has been posted; after that the plan is fixed (ErrConflict), so a
// resumed briefing finishes what it started. Point keys must be non-empty and
// unique within the plan.
func (s *Store) SavePlan(ctx context.Context, briefingID int64, parts []string, points [][]Point) error {
	return s.savePlan(ctx, nil, briefingID, parts, points)
}

func (s *Store) savePlan(ctx context.Context, f *Fence, briefingID int64, parts []string, points [][]Point) error {
	if err := checkPlan(parts, points); err != nil {
		return fmt.Errorf("save plan of briefing %d: %w", briefingID, err)
	}
	err := s.write(ctx, func(tx txn) error {
		if err := s.checkFence(ctx, tx, f); err != nil {
			return err
		}
		state, err := briefingState(ctx, tx, briefingID)
		if err != nil {
			return err
		}
		var posted int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM briefing_parts WHERE briefing_id = ?`, briefingID).Scan(&posted); err != nil {
			return err
		}
		if state != StatePending || posted > 0 {
			return fmt.Errorf("%w: briefing is %s with %d parts posted", ErrConflict, state, posted)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM briefing_plan WHERE briefing_id = ?`, briefingID); err != nil {
			return err
		}
		for i, text := range parts {
			pp := make([]planPoint, len(points[i]))
			for j, p := range points[i] {
				pp[j] = planPoint(p)
			}
			js, err := json.Marshal(pp)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO briefing_plan (briefing_id, part, text, points) VALUES (?, ?, ?, ?)`,
				briefingID, i, text, string(js)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("save plan of briefing %d: %w", briefingID, err)
	}
	return nil
}

func checkPlan(parts []string, points [][]Point) error {
	if len(parts) == 0 {
		return fmt.Errorf("%w: no parts", ErrInvalid)
	}
	if len(points) != len(parts) {
		return fmt.Errorf("%w: %d parts but %d point lists", ErrInvalid, len(parts), len(points))
	}
	seen := make(map[string]bool)
	for i, ps := range points {
		for _, p := range ps {
			if p.Key == "" {
				return fmt.Errorf("%w: part %d has a point with an empty key", ErrInvalid, i)
			}
			if seen[p.Key] {
				return fmt.Errorf("%w: point key %q appears twice", ErrInvalid, p.Key)
			}
			seen[p.Key] = true
		}
	}
	return nil
}

// Plan returns the plan saved for a briefing; parts is empty if none was.
func (s *Store) Plan(ctx context.Context, briefingID int64) (parts []string, points [][]Point, err error) {
	err = s.read(ctx, func(tx txn) error {
		rows, err := tx.QueryContext(ctx, `SELECT text, points FROM briefing_plan WHERE briefing_id = ? ORDER BY part`, briefingID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var text, js string
			if err := rows.Scan(&text, &js); err != nil {
				return err
			}
			var pp []planPoint
			if err := json.Unmarshal([]byte(js), &pp); err != nil {
				return fmt.Errorf("part %d: %w", len(parts), err)
			}
			ps := make([]Point, len(pp))
			for i, p := range pp {
				ps[i] = Point(p)
			}
			parts = append(parts, text)
			points = append(points, ps)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, nil, fmt.Errorf("load plan of briefing %d: %w", briefingID, err)
	}
	return parts, points, nil
}

// RecordPosted records that message part of a briefing went out as
// messageID, making points. The part, its points and their sources are
// written in one transaction: after a crash a part is either fully recorded
// or not at all. Recording a part twice is ErrConflict.
func (s *Store) RecordPosted(ctx context.Context, briefingID int64, part int, messageID string, points []Point) error {
	return s.recordPosted(ctx, nil, briefingID, part, messageID, points)
}

func (s *Store) recordPosted(ctx context.Context, f *Fence, briefingID int64, part int, messageID string, points []Point) error {
	if part < 0 || messageID == "" {
		return fmt.Errorf("record posted part %d of briefing %d: %w: message ID %q", part, briefingID, ErrInvalid, messageID)
	}
	at := s.stamp(time.Time{})
	err := s.write(ctx, func(tx txn) error {
		if err := s.checkFence(ctx, tx, f); err != nil {
			return err
		}
		if _, err := briefingState(ctx, tx, briefingID); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM briefing_parts WHERE briefing_id = ? AND part = ?`,
			briefingID, part).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("%w: part already recorded", ErrConflict)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO briefing_parts (briefing_id, part, message_id, posted_at) VALUES (?, ?, ?, ?)`,
			briefingID, part, messageID, at); err != nil {
			return err
		}
		for i, p := range points {
			if _, err := tx.ExecContext(ctx, `
INSERT INTO briefing_points (briefing_id, part, position, point_key, text) VALUES (?, ?, ?, ?, ?)`,
				briefingID, part, i, p.Key, p.Text); err != nil {
				return fmt.Errorf("point %q: %w", p.Key, err)
			}
			for j, src := range p.Sources {
				if _, err := tx.ExecContext(ctx, `
INSERT INTO briefing_point_sources (briefing_id, point_key, position, source) VALUES (?, ?, ?, ?)`,
					briefingID, p.Key, j, src); err != nil {
					return fmt.Errorf("point %q source %q: %w", p.Key, src, err)
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("record posted part %d of briefing %d: %w", part, briefingID, err)
	}
	return nil
}

// PostedParts returns the recorded parts of a briefing in order, with their
// points.
func (s *Store) PostedParts(ctx context.Context, briefingID int64) ([]Part, error) {
	var parts []Part
	err := s.read(ctx, func(tx txn) error {
		var err error
		if parts, err = postedParts(ctx, tx, briefingID); err != nil {
			return err
		}
		byN := make(map[int]*Part, len(parts))
		for i := range parts {
			byN[parts[i].N] = &parts[i]
		}
		srcs, err := pointSources(ctx, tx, briefingID)
		if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `
SELECT part, point_key, text FROM briefing_points WHERE briefing_id = ? ORDER BY part, position`, briefingID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var n int
			var p Point
			if err := rows.Scan(&n, &p.Key, &p.Text); err != nil {
				return err
			}
			p.Sources = srcs[p.Key]
			byN[n].Points = append(byN[n].Points, p) // the foreign key guarantees the part
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("load posted parts of briefing %d: %w", briefingID, err)
	}
	return parts, nil
}

func postedParts(ctx context.Context, tx txn, briefingID int64) ([]Part, error) {
	rows, err := tx.QueryContext(ctx, `
SELECT part, message_id, posted_at FROM briefing_parts WHERE briefing_id = ? ORDER BY part`, briefingID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var parts []Part
	for rows.Next() {
		var p Part
		var at string
		if err := rows.Scan(&p.N, &p.MessageID, &at); err != nil {
			return nil, err
		}
		if p.At, err = parseTime(at); err != nil {
			return nil, err
		}
		parts = append(parts, p)
	}
	return parts, rows.Err()
}

func pointSources(ctx context.Context, tx txn, briefingID int64) (map[string][]string, error) {
	rows, err := tx.QueryContext(ctx, `
SELECT point_key, source FROM briefing_point_sources WHERE briefing_id = ? ORDER BY point_key, position`, briefingID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	srcs := make(map[string][]string)
	for rows.Next() {
		var key, src string
		if err := rows.Scan(&key, &src); err != nil {
			return nil, err
		}
		srcs[key] = append(srcs[key], src)
	}
	return srcs, rows.Err()
}

// CompleteBriefing marks a briefing StatePosted. Completing it again does
// nothing.
func (s *Store) CompleteBriefing(ctx context.Context, briefingID int64) error {
	return s.completeBriefing(ctx, nil, briefingID)
}

func (s *Store) completeBriefing(ctx context.Context, f *Fence, briefingID int64) error {
	at := s.stamp(time.Time{})
	err := s.write(ctx, func(tx txn) error {
		if err := s.checkFence(ctx, tx, f); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `
UPDATE briefings SET state = 'posted', completed_at = coalesce(completed_at, ?) WHERE id = ?`, at, briefingID)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return err
		}
		if n == 0 {
			return ErrNotFound
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("complete briefing %d: %w", briefingID, err)
	}
	return nil
}

// PostedPointKeys returns the keys of every point posted in a channel, by
// any briefing, complete or not.
func (s *Store) PostedPointKeys(ctx context.Context, channelID string) (map[string]bool, error) {
	keys, err := s.stringSet(ctx, `
SELECT p.point_key FROM briefing_points p JOIN briefings b ON b.id = p.briefing_id
WHERE b.channel_id = ?`, channelID)
	if err != nil {
		return nil, fmt.Errorf("load posted point keys of %s: %w", channelID, err)
	}
	return keys, nil
}

// PostedSources returns every passage ("docID#n") cited by a point posted in
// a channel.
func (s *Store) PostedSources(ctx context.Context, channelID string) (map[string]bool, error) {
	srcs, err := s.stringSet(ctx, `
SELECT s.source FROM briefing_point_sources s JOIN briefings b ON b.id = s.briefing_id
WHERE b.channel_id = ?`, channelID)
	if err != nil {
		return nil, fmt.Errorf("load posted sources of %s: %w", channelID, err)
	}
	return srcs, nil
}

func (s *Store) stringSet(ctx context.Context, query string, args ...any) (map[string]bool, error) {
	set := make(map[string]bool)
	err := s.read(ctx, func(tx txn) error {
		rows, err := tx.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				return err
			}
			set[v] = true
		}
		return rows.Err()
	})
	return set, err
}

// LastBriefing returns the slot of the latest completed briefing in a
// channel; ok is false if there is none.
func (s *Store) LastBriefing(ctx context.Context, channelID string) (slot time.Time, ok bool, err error) {
	var sl string
	err = s.use(func(db handle) error {
		return db.QueryRowContext(ctx, `
SELECT slot FROM briefings WHERE channel_id = ? AND state = 'posted' ORDER BY slot DESC LIMIT 1`, channelID).Scan(&sl)
	})
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, false, nil
	}
	if err == nil {
		slot, err = parseTime(sl)
	}
	if err != nil {
		return time.Time{}, false, fmt.Errorf("load last briefing of %s: %w", channelID, err)
	}
	return slot, true, nil
}

// PendingBriefings returns the briefings of a channel that were claimed but
// not completed, oldest slot first. At start-up the scheduler resumes them:
// a process killed mid-briefing may not come back until a later slot.
func (s *Store) PendingBriefings(ctx context.Context, channelID string) ([]Briefing, error) {
	var bs []Briefing
	err := s.read(ctx, func(tx txn) error {
		rows, err := tx.QueryContext(ctx, `
SELECT id, channel_id, slot, state FROM briefings WHERE channel_id = ? AND state = 'pending' ORDER BY slot`, channelID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var b Briefing
			var sl string
			if err := rows.Scan(&b.ID, &b.ChannelID, &sl, &b.State); err != nil {
				return err
			}
			if b.Slot, err = parseTime(sl); err != nil {
				return err
			}
			bs = append(bs, b)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("load pending briefings of %s: %w", channelID, err)
	}
	return bs, nil
}
