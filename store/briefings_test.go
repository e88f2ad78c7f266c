package store

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"
)

func TestClaimBriefing(t *testing.T) { eachBackend(t, testClaimBriefing) }

func testClaimBriefing(t *testing.T, b backend) {
	ctx := context.Background()
	s := openTest(t, b)
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	slot := time.Date(2025, 3, 14, 9, 0, 0, 0, paris)
	id, state, err := s.ClaimBriefing(ctx, "c1", slot)
	if err != nil {
		t.Fatal(err)
	}
	if state != StatePending {
		t.Errorf("new claim: state %q, want %q", state, StatePending)
	}
	tests := []struct {
		name    string
		channel string
		slot    time.Time
		sameID  bool
	}{
		{"same slot", "c1", slot, true},
		{"same instant in UTC", "c1", slot.UTC(), true},
		{"next day", "c1", slot.AddDate(0, 0, 1), false},
		{"other channel", "c2", slot, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, state, err := s.ClaimBriefing(ctx, tt.channel, tt.slot)
			if err != nil {
				t.Fatal(err)
			}
			if (got == id) != tt.sameID {
				t.Errorf("got id %d, first claim %d; want same %v", got, id, tt.sameID)
			}
			if state != StatePending {
				t.Errorf("got state %q, want %q", state, StatePending)
			}
		})
	}
	if err := s.CompleteBriefing(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := s.CompleteBriefing(ctx, id); err != nil {
		t.Errorf("second CompleteBriefing: %v, want nil", err)
	}
	if _, state, _ := s.ClaimBriefing(ctx, "c1", slot); state != StatePosted {
		t.Errorf("claim after completion: state %q, want %q", state, StatePosted)
	}
	for _, bad := range []struct {
		channel string
		slot    time.Time
	}{{"", slot}, {"c1", time.Time{}}} {
		if _, _, err := s.ClaimBriefing(ctx, bad.channel, bad.slot); !errors.Is(err, ErrInvalid) {
			t.Errorf("ClaimBriefing(%q, %v): got error %v, want ErrInvalid", bad.channel, bad.slot, err)
		}
	}
	if err := s.CompleteBriefing(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("CompleteBriefing(999): got error %v, want ErrNotFound", err)
	}
}

func TestSavePlan(t *testing.T) { eachBackend(t, testSavePlan) }

func testSavePlan(t *testing.T, b backend) {
	ctx := context.Background()
	pt := func(key string) Point { return Point{Key: key, Text: "text of " + key, Sources: []string{key + "#1"}} }
	tests := []struct {
		name    string
		posted  bool // a part is recorded before SavePlan
		parts   []string
		points  [][]Point
		wantErr error
	}{
		{"two parts", false, []string{"one", "two"}, [][]Point{{pt("a"), pt("b")}, {pt("c")}}, nil},
		{"part without points", false, []string{"nothing new"}, [][]Point{nil}, nil},
		{"no parts", false, nil, nil, ErrInvalid},
		{"lengths differ", false, []string{"one", "two"}, [][]Point{{pt("a")}}, ErrInvalid},
		{"empty key", false, []string{"one"}, [][]Point{{{Text: "x"}}}, ErrInvalid},
		{"key twice across parts", false, []string{"one", "two"}, [][]Point{{pt("a")}, {pt("a")}}, ErrInvalid},
		{"after a part was posted", true, []string{"one"}, [][]Point{{pt("z")}}, ErrConflict},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t, b)
			id, _, err := s.ClaimBriefing(ctx, "c1", at(0))
			if err != nil {
				t.Fatal(err)
			}
			// An earlier plan, which a successful SavePlan replaces.
			oldParts, oldPoints := []string{"old"}, [][]Point{{pt("old")}}
			if err := s.SavePlan(ctx, id, oldParts, oldPoints); err != nil {
				t.Fatal(err)
			}
			if tt.posted {
				if err := s.RecordPosted(ctx, id, 0, "msg0", oldPoints[0]); err != nil {
					t.Fatal(err)
				}
			}
			err = s.SavePlan(ctx, id, tt.parts, tt.points)
			wantParts, wantPoints := tt.parts, tt.points
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("got error %v, want %v", err, tt.wantErr)
				}
				wantParts, wantPoints = oldParts, oldPoints
			} else if err != nil {
				t.Fatal(err)
			}
			gotParts, gotPoints, err := s.Plan(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if len(gotParts) != len(wantParts) || fmt.Sprint(gotParts) != fmt.Sprint(wantParts) {
				t.Errorf("got parts %q, want %q", gotParts, wantParts)
			}
			for i := range wantPoints {
				if len(wantPoints[i]) == 0 && len(gotPoints[i]) == 0 {
					continue
				}
				if !reflect.DeepEqual(gotPoints[i], wantPoints[i]) {
					t.Errorf("part %d: got points %+v, want %+v", i, gotPoints[i], wantPoints[i])
				}
			}
		})
	}
}

func TestPlanNone(t *testing.T) { eachBackend(t, testPlanNone) }

func testPlanNone(t *testing.T, b backend) {
	s := openTest(t, b)
	parts, points, err := s.Plan(context.Background(), 1)
	if err != nil || len(parts) != 0 || len(points) != 0 {
		t.Errorf("Plan with none saved = %q, %v, %v; want empty, nil", parts, points, err)
	}
	if err := s.SavePlan(context.Background(), 42, []string{"x"}, [][]Point{nil}); !errors.Is(err, ErrNotFound) {
		t.Errorf("SavePlan on an unknown briefing: got error %v, want ErrNotFound", err)
	}
}

func TestRecordPosted(t *testing.T) { eachBackend(t, testRecordPosted) }

func testRecordPosted(t *testing.T, b backend) {
	ctx := context.Background()
	s := openTest(t, b)
	id, _, err := s.ClaimBriefing(ctx, "c1", at(0))
	if err != nil {
		t.Fatal(err)
	}
	p0 := []Point{
		{Key: "alipay-users", Text: "Alipay counts over 1 billion users [1]", Sources: []string{"alipay-en#3", "alipay-fr#1"}},
		{Key: "tencent", Text: "Tencent ... [2]", Sources: []string{"tencent#0"}},
	}
	tests := []struct {
		name    string
		id      int64
		part    int
		msg     string
		points  []Point
		wantErr error
	}{
		{"part 0", id, 0, "m0", p0, nil},
		{"part 2 before 1", id, 2, "m2", nil, nil},
		{"part 0 again", id, 0, "m0b", nil, ErrConflict},
		{"unknown briefing", 999, 0, "m", nil, ErrNotFound},
		{"negative part", id, -1, "m", nil, ErrInvalid},
		{"no message id", id, 1, "", nil, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := s.RecordPosted(ctx, tt.id, tt.part, tt.msg, tt.points); !errors.Is(err, tt.wantErr) {
				t.Errorf("got error %v, want %v", err, tt.wantErr)
			}
		})
	}
	got, err := s.PostedParts(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for i := range got {
		if got[i].At.IsZero() {
			t.Errorf("part %d has no time", got[i].N)
		}
		got[i].At = time.Time{}
	}
	want := []Part{{N: 0, MessageID: "m0", Points: p0}, {N: 2, MessageID: "m2"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got parts %+v, want %+v", got, want)
	}
}

// TestRecordPostedAtomic makes the second point of a part fail (its key
// repeats the first): neither the part nor the first point may remain, so a
// resumed briefing knows the part was not recorded.
func TestRecordPostedAtomic(t *testing.T) { eachBackend(t, testRecordPostedAtomic) }

func testRecordPostedAtomic(t *testing.T, b backend) {
	ctx := context.Background()
	s := openTest(t, b)
	id, _, err := s.ClaimBriefing(ctx, "c1", at(0))
	if err != nil {
		t.Fatal(err)
	}
	points := []Point{
		{Key: "k", Text: "first", Sources: []string{"d#1"}},
		{Key: "k", Text: "second", Sources: []string{"d#2"}},
	}
	if err := s.RecordPosted(ctx, id, 0, "m0", points); err == nil {
		t.Fatal("RecordPosted with a repeated key succeeded, want an error")
	}
	for _, table := range []string{"briefing_parts", "briefing_points", "briefing_point_sources"} {
		if got := countRows(t, s, `SELECT count(*) FROM `+table); got != 0 {
			t.Errorf("%s has %d rows after a failed write, want 0", table, got)
		}
	}
	if parts, err := s.PostedParts(ctx, id); err != nil || len(parts) != 0 {
		t.Errorf("PostedParts = %+v, %v; want none", parts, err)
	}
	// The same part can then be recorded properly.
	if err := s.RecordPosted(ctx, id, 0, "m0", points[:1]); err != nil {
		t.Errorf("RecordPosted after the failure: %v", err)
	}
}

func TestPostedPerChannel(t *testing.T) { eachBackend(t, testPostedPerChannel) }

func testPostedPerChannel(t *testing.T, b backend) {
	ctx := context.Background()
	s := openTest(t, b)
	post := func(channel string, slot time.Time, points ...Point) int64 {
		t.Helper()
		id, _, err := s.ClaimBriefing(ctx, channel, slot)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.RecordPosted(ctx, id, 0, "m", points); err != nil {
			t.Fatal(err)
		}
		return id
	}
	day1 := post("c1", at(0), Point{Key: "a", Sources: []string{"d#1", "d#2"}}, Point{Key: "b", Sources: []string{"e#1"}})
	if err := s.CompleteBriefing(ctx, day1); err != nil {
		t.Fatal(err)
	}
	post("c1", at(24*60), Point{Key: "c", Sources: []string{"d#2"}}) // pending, yet posted
	post("c2", at(0), Point{Key: "x", Sources: []string{"x#9"}})

	tests := []struct {
		channel     string
		wantKeys    map[string]bool
		wantSources map[string]bool
		wantLast    time.Time
		wantOK      bool
	}{
		{"c1", map[string]bool{"a": true, "b": true, "c": true},
			map[string]bool{"d#1": true, "d#2": true, "e#1": true}, at(0), true},
		{"c2", map[string]bool{"x": true}, map[string]bool{"x#9": true}, time.Time{}, false},
		{"c3", map[string]bool{}, map[string]bool{}, time.Time{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.channel, func(t *testing.T) {
			keys, err := s.PostedPointKeys(ctx, tt.channel)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(keys, tt.wantKeys) {
				t.Errorf("PostedPointKeys = %v, want %v", keys, tt.wantKeys)
			}
			srcs, err := s.PostedSources(ctx, tt.channel)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(srcs, tt.wantSources) {
				t.Errorf("PostedSources = %v, want %v", srcs, tt.wantSources)
			}
			last, ok, err := s.LastBriefing(ctx, tt.channel)
			if err != nil {
				t.Fatal(err)
			}
			if ok != tt.wantOK || !last.Equal(tt.wantLast) {
				t.Errorf("LastBriefing = %v, %v; want %v, %v", last, ok, tt.wantLast, tt.wantOK)
			}
		})
	}
	pending, err := s.PendingBriefings(ctx, "c1")
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) != 1 || !pending[0].Slot.Equal(at(24*60)) || pending[0].State != StatePending {
		t.Errorf("PendingBriefings(c1) = %+v, want the day-2 briefing only", pending)
	}
}

// runBriefing follows the protocol in the package documentation. post sends
// one part and returns its message ID; an error from it stands for a crash.
// It returns the parts it posted.
func runBriefing(ctx context.Context, s *Store, channel string, slot time.Time,
	generate func(posted map[string]bool) ([]string, [][]Point),
	post func(part int, text string) (string, error)) ([]int, error) {
	id, state, err := s.ClaimBriefing(ctx, channel, slot)
	if err != nil || state == StatePosted {
		return nil, err
	}
	parts, points, err := s.Plan(ctx, id)
	if err != nil {
		return nil, err
	}
	if len(parts) == 0 {
		keys, err := s.PostedPointKeys(ctx, channel)
		if err != nil {
			return nil, err
		}
		parts, points = generate(keys)
		if err := s.SavePlan(ctx, id, parts, points); err != nil {
			return nil, err
		}
	}
	done, err := s.PostedParts(ctx, id)
	if err != nil {
		return nil, err
	}
	posted := make(map[int]bool)
	for _, p := range done {
		posted[p.N] = true
	}
	var sent []int
	for i, text := range parts {
		if posted[i] {
			continue
		}
		msg, err := post(i, text)
		if err != nil {
			return sent, err
		}
		sent = append(sent, i)
		if err := s.RecordPosted(ctx, id, i, msg, points[i]); err != nil {
			return sent, err
		}
	}
	return sent, s.CompleteBriefing(ctx, id)
}

func TestBriefingCrashRecovery(t *testing.T) { eachBackend(t, testBriefingCrashRecovery) }

func testBriefingCrashRecovery(t *testing.T, b backend) {
	ctx := context.Background()
	db := newDB(t, b)
	slot := at(0)
	generations := 0
	generate := func(posted map[string]bool) ([]string, [][]Point) {
		generations++
		var parts []string
		var points [][]Point
		for i, keys := range [][]string{{"a", "b"}, {"c"}} {
			var ps []Point
			for _, k := range keys {
				if !posted[k] {
					ps = append(ps, Point{Key: k, Text: "point " + k, Sources: []string{k + "#1"}})
				}
			}
			parts = append(parts, fmt.Sprintf("part %d (generation %d)", i, generations))
			points = append(points, ps)
		}
		return parts, points
	}
	var texts []string
	crash := errors.New("killed")
	postUntil := func(limit int) func(int, string) (string, error) {
		return func(part int, text string) (string, error) {
			if part >= limit {
				return "", crash
			}
			texts = append(texts, text)
			return fmt.Sprint("msg", part), nil
		}
	}

	s := openCfg(t, db)
	sent, err := runBriefing(ctx, s, "c1", slot, generate, postUntil(1))
	if !errors.Is(err, crash) || fmt.Sprint(sent) != "[0]" {
		t.Fatalf("first run: sent %v, err %v; want [0], crash", sent, err)
	}
	s.Close() // the crash

	s = openCfg(t, db)
	pending, err := s.PendingBriefings(ctx, "c1")
	if err != nil || len(pending) != 1 {
		t.Fatalf("PendingBriefings after restart = %+v, %v; want one", pending, err)
	}
	sent, err = runBriefing(ctx, s, "c1", slot, generate, postUntil(99))
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(sent) != "[1]" {
		t.Errorf("resumed run sent parts %v, want [1]", sent)
	}
	if generations != 1 {
		t.Errorf("generated %d times, want 1: the resumed run must use the stored plan", generations)
	}
	wantTexts := []string{"part 0 (generation 1)", "part 1 (generation 1)"}
	if !reflect.DeepEqual(texts, wantTexts) {
		t.Errorf("posted %q, want %q", texts, wantTexts)
	}
	keys, err := s.PostedPointKeys(ctx, "c1")
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]bool{"a": true, "b": true, "c": true}; !reflect.DeepEqual(keys, want) {
		t.Errorf("PostedPointKeys = %v, want %v", keys, want)
	}
	if last, ok, err := s.LastBriefing(ctx, "c1"); err != nil || !ok || !last.Equal(slot) {
		t.Errorf("LastBriefing = %v, %v, %v; want %v", last, ok, err, slot)
	}

	// A third run for the same slot does nothing; the next day's briefing
	// repeats none of the points.
	if sent, err := runBriefing(ctx, s, "c1", slot, generate, postUntil(99)); err != nil || len(sent) != 0 {
		t.Errorf("run after completion sent %v, err %v; want nothing", sent, err)
	}
	next, _, err := s.ClaimBriefing(ctx, "c1", slot.AddDate(0, 0, 1))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := runBriefing(ctx, s, "c1", slot.AddDate(0, 0, 1), generate, postUntil(99)); err != nil {
		t.Fatal(err)
	}
	parts, err := s.PostedParts(ctx, next)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range parts {
		if len(p.Points) != 0 {
			t.Errorf("next day's part %d repeats points %+v", p.N, p.Points)
		}
	}
}
