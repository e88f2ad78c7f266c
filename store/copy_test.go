package store

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"
)

// TestCopyIntoKnowsEveryTable: a table a migration adds is either copied
// or left out on purpose, never forgotten.
func TestCopyIntoKnowsEveryTable(t *testing.T) { eachBackend(t, testCopyIntoKnowsEveryTable) }

func testCopyIntoKnowsEveryTable(t *testing.T, b backend) {
	s := openTest(t, b)
	query := `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'answers_fts_%'`
	if b == postgresBackend {
		query = `SELECT tablename FROM pg_tables WHERE schemaname = current_schema()`
	}
	rows, err := raw(s).QueryContext(context.Background(), query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		n++
		if _, skipped := notCopied[name]; !skipped && !slices.Contains(copyTables, name) {
			t.Errorf("table %s is neither copied by CopyInto nor in notCopied", name)
		}
	}
	if n < len(copyTables) {
		t.Errorf("found %d tables, fewer than the %d copied", n, len(copyTables))
	}
}

// TestCopyInto moves a whole SQLite database into a new database of each
// backend: every read the bot and the dashboard make gives the same answer
// in both, users hash alike, and new rows get new ids.
func TestCopyInto(t *testing.T) { eachBackend(t, testCopyInto) }

func testCopyInto(t *testing.T, b backend) {
	ctx := context.Background()
	src := openTest(t, sqliteBackend)
	seedDashboard(t, src)
	user := src.HashUser("80351110224678912")
	if err := src.RecordVote(ctx, Vote{AnswerID: "a1", UserHash: user, Value: -1}); err != nil {
		t.Fatal(err)
	}
	if err := src.LinkThread(ctx, Thread{ThreadID: "th", StarterUserHash: user, At: at(0)}); err != nil {
		t.Fatal(err)
	}
	if err := src.AppendTurns(ctx, "th", Turn{Role: RoleUser, Text: "q", At: at(1)}, Turn{Role: RoleAssistant, Text: "a", At: at(2)}); err != nil {
		t.Fatal(err)
	}
	id, _, err := src.ClaimBriefing(ctx, "c", at(0))
	if err != nil {
		t.Fatal(err)
	}
	points := [][]Point{{{Key: "k1", Text: "one", Sources: []string{"alipay#1"}}}}
	if err := src.SavePlan(ctx, id, []string{"part"}, points); err != nil {
		t.Fatal(err)
	}
	if err := src.RecordPosted(ctx, id, 0, "m1", points[0]); err != nil {
		t.Fatal(err)
	}
	if err := src.RecordBriefingFailure(ctx, "c", at(0), 1, "timeout"); err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := src.SyncDocuments(ctx, []DocInfo{{ID: "alipay", Title: "Alipay", Lang: "en", Passages: 9, Hash: "h"}}, at(0)); err != nil {
		t.Fatal(err)
	}

	dst := openTest(t, b)
	copied, err := src.CopyInto(ctx, dst)
	if err != nil {
		t.Fatal(err)
	}
	if copied["answers"] == 0 || copied["turns"] != 2 || copied["briefing_points"] != 1 {
		t.Errorf("copied %v", copied)
	}
	if got := dst.HashUser("80351110224678912"); got != user {
		t.Errorf("a user hashes to %s after the copy, %s before: the salt was not copied", got, user)
	}
	all := Range{}
	for name, read := range map[string]func(s *Store) (any, error){
		"Overview": func(s *Store) (any, error) { return s.Overview(ctx, all) },
		// From the roll-up the destination's triggers rebuilt, and grouped
		// from the copied answers.
		"GapQuestions": func(s *Store) (any, error) { return s.GapQuestions(ctx, all, 50) },
		"gapScan":      func(s *Store) (any, error) { return scanGaps(s, 50) },
		"Questions": func(s *Store) (any, error) {
			rows, n, err := s.Questions(ctx, QuestionFilter{Search: "alipay", Limit: 50})
			return fmt.Sprint(rows, n), err
		},
		"Documents":       func(s *Store) (any, error) { return s.Documents(ctx, all) },
		"BriefingHistory": func(s *Store) (any, error) { return s.BriefingHistory(ctx, Range{From: at(-60)}) },
		"Answer": func(s *Store) (any, error) {
			a, _, err := s.Answer(ctx, "a1")
			return a, err
		},
		"Turns":           func(s *Store) (any, error) { return s.Turns(ctx, "th", 0) },
		"PostedPointKeys": func(s *Store) (any, error) { return s.PostedPointKeys(ctx, "c") },
		"PostedParts":     func(s *Store) (any, error) { return s.PostedParts(ctx, id) },
	} {
		want, err := read(src)
		if err != nil {
			t.Fatal(name, err)
		}
		got, err := read(dst)
		if err != nil {
			t.Fatal(name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s after the copy:\n%+v\nwant\n%+v", name, got, want)
		}
	}

	if gaps, err := scanGaps(dst, 50); err != nil || len(gaps) < 2 {
		t.Errorf("the copy has gaps %+v (%v); the test needs some", gaps, err)
	}

	// New rows number on from the copied ones.
	if err := dst.AppendTurns(ctx, "th", Turn{Role: RoleUser, Text: "q2"}); err != nil {
		t.Fatal(err)
	}
	next, _, err := dst.ClaimBriefing(ctx, "c", at(24*60))
	if err != nil || next == id {
		t.Errorf("a new briefing got id %d (%v), the copied one has %d", next, err, id)
	}
	if err := dst.RecordBriefingFailure(ctx, "c", at(24*60), 1, "x"); err != nil {
		t.Fatal(err)
	}

	// A second copy into a database that holds state is refused, whole.
	if _, err := src.CopyInto(ctx, dst); !errors.Is(err, ErrNotEmpty) {
		t.Errorf("copy into a database in use: %v, want ErrNotEmpty", err)
	}
}
