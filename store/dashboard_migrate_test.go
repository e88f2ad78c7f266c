package store

import (
	"context"
	"io/fs"
	"log/slog"
	"testing"
	"testing/fstest"
)

// TestMigrateDashboardKeepsOldAnswers upgrades a database written by 001 alone to the dashboard schema (003):
// its abstentions keep their outcome, and the roll-ups and the search
// index start with its rows.
func TestMigrateDashboardKeepsOldAnswers(t *testing.T) {
	eachBackend(t, testMigrateDashboardKeepsOldAnswers)
}

func testMigrateDashboardKeepsOldAnswers(t *testing.T, b backend) {
	ctx := context.Background()
	db, cfg := rawDB(t, b)
	d := dialectOf(b)
	all := mustMigrationFS(t, d)
	init, err := fs.ReadFile(all, "001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	if err := migrate(ctx, d, db, fstest.MapFS{"001_init.sql": file(string(init))}, log); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO answers VALUES ('a', 'answer', 'Why Alipay?', 't [1]', 'g', 'c', '', 0, '2025-03-14T09:00:00.000Z')`,
		`INSERT INTO answers VALUES ('b', 'answer', 'Sourdough?', 'no', 'g', 'c', '', 1, '2025-03-14T10:00:00.000Z')`,
		`INSERT INTO answer_sources VALUES ('a', 1, 'alipay', 2)`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if err := migrate(ctx, d, db, all, log); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s := openCfg(t, cfg)
	o, err := s.Overview(ctx, Range{})
	if err != nil {
		t.Fatal(err)
	}
	if o.Questions != 2 || o.Answered != 1 || o.Abstained != 1 || o.Timed != 0 {
		t.Errorf("overview after the upgrade %+v, want 2 questions, 1 answered, 1 abstained, none timed", o)
	}
	rows, total, err := s.Questions(ctx, QuestionFilter{Search: "sourdough", Limit: 5})
	if err != nil || total != 1 || rows[0].ID != "b" || rows[0].Outcome != OutcomeAbstained {
		t.Errorf("search after the upgrade: %+v of %d, %v; want the abstention", rows, total, err)
	}
	docs, err := s.Documents(ctx, Range{})
	if err != nil || len(docs) != 1 || docs[0].Citations != 1 {
		t.Errorf("documents after the upgrade: %+v, %v; want alipay cited once", docs, err)
	}
}
