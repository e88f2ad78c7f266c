package store

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"math/rand/v2"
	"reflect"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

// The gaps of every stored day come from the roll-up gap_questions; the
// gaps of a range are grouped from the answers themselves (gapScan), as
// before it. Over every answer both must give the same page —
// questions, counts, first and last asked, latest wording, nearest
// documents — after every kind of write the roll-up's triggers follow:
// answers recorded, replaced and pruned; down votes cast, changed and
// pruned; the same question in other cases and spacing, in any script.
// scanGaps is the gaps of every stored answer as gapScan groups them for a
// range, without the roll-up.
func scanGaps(s *Store, limit int) ([]GapQuestion, error) {
	var out []GapQuestion
	err := s.read(context.Background(), func(tx txn) error {
		var err error
		out, err = gapScan(context.Background(), tx, s.d, "", "9999", limit)
		return err
	})
	return out, err
}

// rollupMatchesScan checks that the gaps of all days, from the roll-up,
// are those gapScan groups from the answers, and returns the latter.
func rollupMatchesScan(t *testing.T, s *Store, limit int, when string) []GapQuestion {
	t.Helper()
	all, err := s.GapQuestions(context.Background(), Range{}, limit)
	if err != nil {
		t.Fatal(err)
	}
	scanned, err := scanGaps(s, limit)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(all, scanned) {
		t.Errorf("%s: all stored days\n%+v\nwant, as grouped from the answers,\n%+v", when, all, scanned)
	}
	return scanned
}

func TestAllTimeGapsMatchRange(t *testing.T) { eachBackend(t, testAllTimeGapsMatchRange) }

func testAllTimeGapsMatchRange(t *testing.T, b backend) {
	ctx := context.Background()
	s := openTest(t, b)
	rng := rand.New(rand.NewPCG(7, 14))
	start := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	questions := []string{
		"Why was Alipay told to spin off?", "why was alipay told to SPIN OFF?", "  Why was Alipay told to spin off?\t",
		"Qu'est-ce que l'ÉTÉ ?", "qu'est-ce que l'été ?", "ΤΙ ΕΙΝΑΙ ΑΥΤΟ;", "τι ειναι αυτο;",
		"支付宝是什么？", "ما هو Alipay؟", "Who founded Ant Group?", "How old is Jack Ma?", "   ",
	}
	var ids []string
	var votes []Vote
	record := func(i int) Answer {
		a := Answer{ID: fmt.Sprintf("a%03d", i), Kind: KindAnswer, Question: questions[rng.IntN(len(questions))],
			Text: "t [1].", ChannelID: "c", At: start.Add(time.Duration(rng.IntN(20*24)) * time.Hour), Lang: "en"}
		switch r := rng.IntN(6); {
		case r == 0:
			a.Outcome, a.Failure, a.Text = OutcomeFailed, "timeout", ""
		case r < 3:
			a.Abstained, a.Text, a.Nearest = true, "Not covered.", []string{fmt.Sprint("doc", rng.IntN(4))}
		case r == 3:
			a.Unverified = 1
			fallthrough
		default:
			a.Sources = []SourceRef{{N: 1, DocID: fmt.Sprint("doc", rng.IntN(4)), Passage: 1}}
		}
		if i%7 == 0 {
			a.Kind = KindSummary // never a gap
		}
		return a
	}
	compare := func(when string) {
		t.Helper()
		if gaps := rollupMatchesScan(t, s, 100, when); len(gaps) == 0 {
			t.Fatalf("%s: no gaps; the test needs some", when)
		}
	}

	for i := range 120 {
		a := record(i)
		if err := s.RecordAnswer(ctx, a); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	for i := range 80 {
		v := Vote{AnswerID: ids[rng.IntN(len(ids))], UserHash: s.HashUser(fmt.Sprint(i % 9)), Value: []int{1, -1, -1}[rng.IntN(3)],
			At: start.Add(time.Duration(rng.IntN(20*24)) * time.Hour)}
		if err := s.RecordVote(ctx, v); err != nil {
			t.Fatal(err)
		}
		votes = append(votes, v)
	}
	// A vote on an answer never recorded, which is recorded later.
	if err := s.RecordVote(ctx, Vote{AnswerID: "late", UserHash: s.HashUser("x"), Value: -1, At: start}); err != nil {
		t.Fatal(err)
	}
	compare("recorded")

	late := record(1)
	late.ID, late.Abstained, late.Outcome, late.Unverified = "late", false, OutcomeAnswered, 0
	if err := s.RecordAnswer(ctx, late); err != nil {
		t.Fatal(err)
	}
	compare("an answer recorded after its down vote")

	// Votes changed: down to up and up to down.
	for _, v := range votes[:30] {
		v.Value = -v.Value
		if err := s.RecordVote(ctx, v); err != nil {
			t.Fatal(err)
		}
	}
	compare("votes changed")

	// Answers replaced by a retry, as other outcomes.
	for i := range 40 {
		a := record(i)
		a.ID = ids[rng.IntN(len(ids))]
		if err := s.RecordAnswer(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	compare("answers replaced")

	// The oldest days pruned: answers and their votes.
	if _, err := s.Prune(ctx, start.AddDate(0, 0, 8)); err != nil {
		t.Fatal(err)
	}
	compare("pruned")
}

// Answers stored before migration 006 are keyed by SQL's lower(), which
// folds ASCII letters only; the store corrects their keys when it opens,
// so "L'ÉTÉ ?" and "l'été ?" are one question, as the page grouped them.
func TestMigrateGapQuestionsRekeys(t *testing.T) { eachBackend(t, testMigrateGapQuestionsRekeys) }

func testMigrateGapQuestionsRekeys(t *testing.T, b backend) {
	ctx := context.Background()
	db, cfg := rawDB(t, b)
	d := dialectOf(b)
	all := mustMigrationFS(t, d)
	upTo5 := fstest.MapFS{}
	for _, name := range []string{"001_init.sql", "002_source_blocks.sql", "003_dashboard.sql", "004_leases.sql", "005_user_tokens.sql"} {
		data, err := fs.ReadFile(all, name)
		if err != nil {
			t.Fatal(err)
		}
		upTo5[name] = file(string(data))
	}
	log := slog.New(slog.DiscardHandler)
	if err := migrate(ctx, d, db, upTo5, log); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO answers (id, kind, question, text, guild_id, channel_id, user_hash, abstained, created_at, outcome)
			VALUES ('a', 'answer', 'L''ÉTÉ ?', '', 'g', 'c', '', 1, '2025-03-14T09:00:00.000Z', 'abstained')`,
		`INSERT INTO answers (id, kind, question, text, guild_id, channel_id, user_hash, abstained, created_at, outcome)
			VALUES ('b', 'answer', 'l''été ?', '', 'g', 'c', '', 1, '2025-03-15T09:00:00.000Z', 'abstained')`,
		`INSERT INTO answers (id, kind, question, text, guild_id, channel_id, user_hash, abstained, created_at, outcome, unverified)
			VALUES ('c', 'answer', ' Why Alipay? ', 't', 'g', 'c', '', 0, '2025-03-16T09:00:00.000Z', 'answered', 1)`,
	} {
		if _, err := db.ExecContext(ctx, d.bind(q)); err != nil {
			t.Fatal(err)
		}
	}
	if err := migrate(ctx, d, db, all, log); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s := openCfg(t, cfg)
	gaps, err := s.GapQuestions(ctx, Range{}, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []GapQuestion{
		{Question: "l'été ?", AnswerID: "b", Asked: 2, Abstained: 2,
			First: time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC), Last: time.Date(2025, 3, 15, 9, 0, 0, 0, time.UTC)},
		{Question: " Why Alipay? ", AnswerID: "c", Asked: 1, Marked: 1,
			First: time.Date(2025, 3, 16, 9, 0, 0, 0, time.UTC), Last: time.Date(2025, 3, 16, 9, 0, 0, 0, time.UTC)},
	}
	if !reflect.DeepEqual(gaps, want) {
		t.Errorf("after the upgrade:\n got %+v\nwant %+v", gaps, want)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM meta WHERE key = 'rekey_questions'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("rekey_questions left in meta: %d, %v", n, err)
	}
}

// Answers to one question and down votes on them, written at once by many
// goroutines through two stores (as two processes would), leave one right
// row for the question after every round: on PostgreSQL a refresh of a
// question's row must wait for another one's transaction, or each would
// miss the other's answer (and both insert their row).
func TestConcurrentGapQuestions(t *testing.T) { eachBackend(t, testConcurrentGapQuestions) }

func testConcurrentGapQuestions(t *testing.T, b backend) {
	ctx := context.Background()
	db := newDB(t, b)
	stores := []*Store{openCfg(t, db), openCfg(t, db)}
	const workers, rounds = 6, 8
	s := stores[0]
	for r := range rounds {
		var wg sync.WaitGroup
		errs := make(chan error, workers)
		start := make(chan struct{})
		for w := range workers {
			st := stores[w%len(stores)]
			wg.Go(func() {
				<-start
				id := fmt.Sprintf("a%d-%d", r, w)
				// One question in two spellings; every other answer
				// abstains, the rest are answered and voted down.
				q := []string{"Who runs Quanzi?", "WHO RUNS QUANZI? "}[w%2]
				a := Answer{ID: id, Kind: KindAnswer, Question: q, ChannelID: "c", At: at(r*workers + w)}
				if (r+w)%2 == 0 {
					a.Abstained, a.Text = true, "Not covered."
					errs <- st.RecordAnswer(ctx, a)
					return
				}
				a.Text, a.Sources = "t [1].", []SourceRef{{N: 1, DocID: "d", Passage: 1}}
				if err := st.RecordAnswer(ctx, a); err != nil {
					errs <- err
					return
				}
				errs <- st.RecordVote(ctx, Vote{AnswerID: id, UserHash: st.HashUser(fmt.Sprint(w)), Value: -1, At: at(r*workers + w)})
			})
		}
		close(start)
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		scanned := rollupMatchesScan(t, s, 10, fmt.Sprint("round ", r))
		if len(scanned) != 1 || scanned[0].Asked != (r+1)*workers {
			t.Fatalf("round %d: grouped from the answers %+v, want one question asked %d times", r, scanned, (r+1)*workers)
		}
	}
}

// An answer written without a question key (by hand, or by an older
// corpusbot still running beside a newer one) is keyed by the database and
// counted with the same question recorded through the store.
func TestKeylessAnswersAreKeyed(t *testing.T) { eachBackend(t, testKeylessAnswersAreKeyed) }

func testKeylessAnswersAreKeyed(t *testing.T, b backend) {
	ctx := context.Background()
	s := openTest(t, b)
	if err := s.RecordAnswer(ctx, Answer{ID: "a", Kind: KindAnswer, Question: "Who runs Quanzi?", Abstained: true,
		Text: "Not covered.", ChannelID: "c", At: at(0)}); err != nil {
		t.Fatal(err)
	}
	if _, err := raw(s).ExecContext(ctx, `
INSERT INTO answers (id, kind, question, text, guild_id, channel_id, user_hash, abstained, created_at, outcome)
VALUES ('b', 'answer', ' WHO RUNS QUANZI? ', '', 'g', 'c', '', 1, ?, 'abstained')`, formatTime(at(1))); err != nil {
		t.Fatal(err)
	}
	all, err := s.GapQuestions(ctx, Range{}, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []GapQuestion{{Question: " WHO RUNS QUANZI? ", AnswerID: "b", Asked: 2, Abstained: 2, First: at(0), Last: at(1)}}
	if !reflect.DeepEqual(all, want) {
		t.Errorf("got %+v\nwant %+v", all, want)
	}
}

// A range that holds every stored question reads the roll-up, as all days
// do (the page's "365 days" of a history kept 180); a range that leaves one
// out groups the answers. The roll-up is tampered with here to tell which.
func TestGapQuestionsOfACoveringRange(t *testing.T) { eachBackend(t, testGapQuestionsOfACoveringRange) }

func testGapQuestionsOfACoveringRange(t *testing.T, b backend) {
	ctx := context.Background()
	s := openTest(t, b)
	day := func(d int) time.Time { return time.Date(2025, 3, d, 12, 0, 0, 0, time.UTC) }
	for i, q := range []string{"Who runs Quanzi?", "How old is Jack Ma?"} {
		if err := s.RecordAnswer(ctx, Answer{ID: fmt.Sprint("a", i), Kind: KindAnswer, Question: q, Abstained: true,
			Text: "Not covered.", ChannelID: "c", At: day(1 + 4*i)}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := raw(s).ExecContext(ctx, `UPDATE gap_questions SET asked = asked + 100`); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		r          Range
		wantAsked  []int
		wantRollup bool
	}{
		{"all days", Range{}, []int{101, 101}, true},
		{"every stored day", Range{From: day(1), To: day(5)}, []int{101, 101}, true},
		{"a year", Range{From: day(1).AddDate(0, 0, -300), To: day(5).AddDate(0, 0, 65)}, []int{101, 101}, true},
		{"open-ended", Range{From: day(1)}, []int{101, 101}, true},
		{"the first day left out", Range{From: day(2), To: day(5)}, []int{1}, false},
		{"the last day left out", Range{From: day(1), To: day(4)}, []int{1}, false},
	}
	for _, tt := range tests {
		gaps, err := s.GapQuestions(ctx, tt.r, 10)
		if err != nil {
			t.Fatal(err)
		}
		var asked []int
		for _, g := range gaps {
			asked = append(asked, g.Asked)
		}
		if !reflect.DeepEqual(asked, tt.wantAsked) {
			t.Errorf("%s: asked %v, want %v (from the roll-up: %v)", tt.name, asked, tt.wantAsked, tt.wantRollup)
		}
	}
}
