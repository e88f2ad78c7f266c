package store

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// day returns hour h of day d after the reference day.
func day(d, h int) time.Time {
	return time.Date(2025, 3, 14, h, 0, 0, 0, time.UTC).AddDate(0, 0, d)
}

// seedDashboard records a small known history: three days of questions with
// every outcome, marks, votes, tokens and languages.
func seedDashboard(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	u := s.HashUser("1")
	answers := []Answer{
		{ID: "a1", Kind: KindAnswer, Question: "Why was Alipay told to spin off?", Text: "Regulators [1].", At: day(0, 9),
			Lang: "en", Latency: 100 * time.Millisecond, PromptTokens: 100, CompletionTokens: 10, ChannelKind: ChannelThread,
			Sources: []SourceRef{{N: 1, DocID: "alipay", Passage: 1, Title: "Alipay"}}},
		{ID: "a2", Kind: KindAnswer, Question: "What is the sourdough recipe?", Text: "Not covered.", At: day(0, 10),
			Abstained: true, Lang: "en", Latency: 200 * time.Millisecond, ChannelKind: ChannelDM, Nearest: []string{"alipay", "tencent"}},
		{ID: "a3", Kind: KindAnswer, Question: "  what is the SOURDOUGH recipe? ", Text: "Not covered.", At: day(1, 9),
			Abstained: true, Lang: "en", Latency: 300 * time.Millisecond, ChannelKind: ChannelGuild, Nearest: []string{"tencent"}},
		{ID: "a4", Kind: KindAnswer, Question: "Qui est Zhao Zhiguo ?", Text: "Un dirigeant [1].", At: day(1, 10),
			Lang: "fr", Latency: 400 * time.Millisecond, PromptTokens: 200, CompletionTokens: 20, Unverified: 1, ChannelKind: ChannelGuild,
			Sources: []SourceRef{{N: 1, DocID: "tencent", Passage: 0}}},
		{ID: "a5", Kind: KindAnswer, Question: "When did it happen?", At: day(2, 9), Outcome: OutcomeFailed, Failure: "timeout",
			Lang: "en", ChannelKind: ChannelGuild},
		{ID: "a6", Kind: KindAnswer, Question: "How 100% of_it works", Text: "It works [1].", At: day(2, 10), Lang: "en",
			Latency: 500 * time.Millisecond, ChannelKind: ChannelThread, Sources: []SourceRef{{N: 1, DocID: "alipay", Passage: 2}}},
		{ID: "s1", Kind: KindSummary, Question: "alipay", Text: "Sum [1].", At: day(2, 11), PromptTokens: 1000, CompletionTokens: 100,
			Sources: []SourceRef{{N: 1, DocID: "alipay", Passage: 0}}},
		{ID: "old", Kind: KindAnswer, Question: "Old question", Text: "t", At: day(-30, 9), Lang: "en"},
	}
	for _, a := range answers {
		if a.Question != "" && a.Kind == KindAnswer {
			a.UserHash = u
		}
		if err := s.RecordAnswer(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	votes := []Vote{
		{AnswerID: "a1", UserHash: s.HashUser("1"), Value: 1, At: day(0, 12)},
		{AnswerID: "a1", UserHash: s.HashUser("2"), Value: 1, At: day(1, 12)},
		{AnswerID: "a6", UserHash: s.HashUser("2"), Value: -1, At: day(2, 12)},
		// Marked and voted down twice: one asking, counted once.
		{AnswerID: "a4", UserHash: s.HashUser("3"), Value: -1, At: day(1, 12)},
		{AnswerID: "a4", UserHash: s.HashUser("4"), Value: -1, At: day(1, 13)},
	}
	for _, v := range votes {
		if err := s.RecordVote(ctx, v); err != nil {
			t.Fatal(err)
		}
	}
}

func TestOverview(t *testing.T) { eachBackend(t, testOverview) }

func testOverview(t *testing.T, b backend) {
	s := openTest(t, b)
	seedDashboard(t, s)
	o, err := s.Overview(context.Background(), Range{From: day(0, 0), To: day(2, 0)})
	if err != nil {
		t.Fatal(err)
	}
	want := Overview{
		Questions: 6, Answered: 3, Abstained: 2, Failed: 1, Marked: 1, Up: 2, Down: 3,
		P50: 300 * time.Millisecond, P95: 500 * time.Millisecond, Timed: 5,
		PromptTokens: 1300, CompletionTokens: 130,
		Days: []DayStats{
			{Day: "2025-03-14", Questions: 2, Answered: 1, Abstained: 1, Tokens: 110, Up: 1},
			{Day: "2025-03-15", Questions: 2, Answered: 1, Abstained: 1, Tokens: 220, Up: 1, Down: 2},
			{Day: "2025-03-16", Questions: 2, Answered: 1, Failed: 1, Tokens: 1100, Down: 1},
		},
		Langs:    []KindCount{{"en", 5}, {"fr", 1}},
		Channels: []KindCount{{ChannelGuild, 3}, {ChannelThread, 2}, {ChannelDM, 1}},
	}
	if !reflect.DeepEqual(o, want) {
		t.Errorf("Overview:\n got %+v\nwant %+v", o, want)
	}

	one, err := s.Overview(context.Background(), Range{From: day(1, 0), To: day(1, 23)})
	if err != nil {
		t.Fatal(err)
	}
	if one.Questions != 2 || one.Up != 1 || one.Down != 2 || len(one.Days) != 1 || one.P50 != 300*time.Millisecond {
		t.Errorf("one day: %+v, want the two questions, three votes and p50 300ms of 2025-03-15", one)
	}
	empty, err := s.Overview(context.Background(), Range{From: day(10, 0), To: day(10, 0)})
	if err != nil || empty.Questions != 0 || empty.P50 != 0 || len(empty.Days) != 0 {
		t.Errorf("empty range: %+v, %v", empty, err)
	}
}

func TestNearestRank(t *testing.T) {
	for _, tt := range []struct{ p, n, want int }{{50, 1, 1}, {95, 1, 1}, {50, 4, 2}, {50, 5, 3}, {95, 20, 19}, {95, 21, 20}, {95, 100, 95}} {
		if got := nearestRank(tt.p, tt.n); got != tt.want {
			t.Errorf("nearestRank(%d, %d) = %d, want %d", tt.p, tt.n, got, tt.want)
		}
	}
}

func TestGapQuestions(t *testing.T) { eachBackend(t, testGapQuestions) }

func testGapQuestions(t *testing.T, b backend) {
	s := openTest(t, b)
	seedDashboard(t, s)
	gaps, err := s.GapQuestions(context.Background(), Range{From: day(0, 0), To: day(2, 0)}, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []GapQuestion{
		{Question: "  what is the SOURDOUGH recipe? ", AnswerID: "a3", Asked: 2, Abstained: 2, First: day(0, 10), Last: day(1, 9),
			Nearest: []string{"tencent"}},
		{Question: "How 100% of_it works", AnswerID: "a6", Asked: 1, VotedDown: 1, First: day(2, 10), Last: day(2, 10),
			Nearest: []string{"alipay"}},
		{Question: "Qui est Zhao Zhiguo ?", AnswerID: "a4", Asked: 1, Marked: 1, VotedDown: 1, First: day(1, 10), Last: day(1, 10),
			Nearest: []string{"tencent"}},
	}
	if !reflect.DeepEqual(gaps, want) {
		t.Errorf("GapQuestions:\n got %+v\nwant %+v", gaps, want)
	}
	if _, err := s.GapQuestions(context.Background(), Range{}, 0); !errors.Is(err, ErrInvalid) {
		t.Errorf("limit 0: %v, want ErrInvalid", err)
	}
}

func TestQuestions(t *testing.T) { eachBackend(t, testQuestions) }

func testQuestions(t *testing.T, b backend) {
	s := openTest(t, b)
	seedDashboard(t, s)
	r := Range{From: day(0, 0), To: day(2, 0)}
	ids := func(rows []QuestionRow) []string {
		var out []string
		for _, q := range rows {
			out = append(out, q.ID)
		}
		return out
	}
	tests := []struct {
		name      string
		f         QuestionFilter
		wantIDs   []string
		wantTotal int
	}{
		{"first page", QuestionFilter{Range: r, Limit: 2}, []string{"a6", "a5"}, 6},
		{"last page", QuestionFilter{Range: r, Offset: 4, Limit: 2}, []string{"a2", "a1"}, 6},
		{"past the end", QuestionFilter{Range: r, Offset: 6, Limit: 2}, nil, 6},
		{"search any case", QuestionFilter{Range: r, Search: "sourDOUGH", Limit: 10}, []string{"a3", "a2"}, 2},
		{"search inside a word", QuestionFilter{Range: r, Search: "ourdo", Limit: 10}, []string{"a3", "a2"}, 2},
		{"search a short word", QuestionFilter{Range: r, Search: "is", Limit: 10}, []string{"a3", "a2"}, 2},
		{"search with a quote", QuestionFilter{Range: r, Search: `"spin`, Limit: 10}, nil, 0},
		{"not the answer text", QuestionFilter{Range: r, Search: "regulators", Limit: 10}, nil, 0},
		{"every word must match", QuestionFilter{Range: r, Search: "sourdough zhao", Limit: 10}, nil, 0},
		{"percent is literal", QuestionFilter{Range: r, Search: "100%", Limit: 10}, []string{"a6"}, 1},
		{"underscore is literal", QuestionFilter{Range: r, Search: "Alip_y", Limit: 10}, nil, 0},
		{"outcome", QuestionFilter{Range: r, Outcome: OutcomeFailed, Limit: 10}, []string{"a5"}, 1},
		{"all time", QuestionFilter{Limit: 10}, []string{"a6", "a5", "a4", "a3", "a2", "a1", "old"}, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, total, err := s.Questions(context.Background(), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(rows); !reflect.DeepEqual(got, tt.wantIDs) || total != tt.wantTotal {
				t.Errorf("got %v of %d, want %v of %d", got, total, tt.wantIDs, tt.wantTotal)
			}
		})
	}
	rows, _, err := s.Questions(context.Background(), QuestionFilter{Range: r, Search: "spin", Limit: 1})
	if err != nil || len(rows) != 1 {
		t.Fatalf("rows %v, err %v", rows, err)
	}
	got := rows[0]
	if got.Up != 2 || got.Down != 0 || got.Latency != 100*time.Millisecond || got.ChannelKind != ChannelThread ||
		len(got.Sources) != 1 || got.Sources[0].Title != "Alipay" || got.Lang != "en" || got.PromptTokens != 100 {
		t.Errorf("row %+v: want its votes, latency, channel kind, language, tokens and source", got)
	}
	if _, _, err := s.Questions(context.Background(), QuestionFilter{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("no limit: %v, want ErrInvalid", err)
	}
}

func TestDocumentsAndSync(t *testing.T) { eachBackend(t, testDocumentsAndSync) }

func testDocumentsAndSync(t *testing.T, b backend) {
	ctx := context.Background()
	s := openTest(t, b)
	seedDashboard(t, s)
	load := []DocInfo{
		{ID: "alipay", Title: "Alipay", Lang: "en", Passages: 5, Hash: "h1"},
		{ID: "tencent", Title: "Tencent", Lang: "fr", Passages: 3, Hash: "h2"},
		{ID: "unread", Title: "Nobody cites me", Lang: "en", Passages: 2, Hash: "h3"},
	}
	if a, c, r, err := s.SyncDocuments(ctx, load, day(0, 0)); err != nil || a != 3 || c != 0 || r != 0 {
		t.Fatalf("first sync: added %d changed %d removed %d, %v; want 3 added", a, c, r, err)
	}
	load[1].Hash = "h2-new"
	if a, c, r, err := s.SyncDocuments(ctx, load[:2], day(1, 0)); err != nil || a != 0 || c != 1 || r != 1 {
		t.Fatalf("second sync: added %d changed %d removed %d, %v; want tencent changed, unread removed", a, c, r, err)
	}
	docs, err := s.Documents(ctx, Range{From: day(0, 0), To: day(2, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 3 {
		t.Fatalf("documents %+v, want 3", docs)
	}
	al, te, un := docs[0], docs[1], docs[2]
	if al.DocID != "alipay" || al.Citations != 3 || al.Up != 2 || al.Down != 1 || !al.LastCited.Equal(day(2, 0)) ||
		!al.ChangedAt.Equal(day(0, 0)) || !al.LoadedAt.Equal(day(1, 0)) {
		t.Errorf("alipay %+v: want 3 citations, 2 up 1 down, last cited on day 2, unchanged since day 0", al)
	}
	if te.DocID != "tencent" || te.Citations != 1 || !te.ChangedAt.Equal(day(1, 0)) || te.Removed {
		t.Errorf("tencent %+v: want 1 citation, changed on day 1", te)
	}
	if un.DocID != "unread" || un.Citations != 0 || !un.Removed || un.Title != "Nobody cites me" {
		t.Errorf("unread %+v: want never cited, removed", un)
	}
	if _, _, _, err := s.SyncDocuments(ctx, []DocInfo{{Title: "no id"}}, time.Time{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("document without ID: %v, want ErrInvalid", err)
	}
}

func TestBriefingHistory(t *testing.T) { eachBackend(t, testBriefingHistory) }

func testBriefingHistory(t *testing.T, b backend) {
	ctx := context.Background()
	s := openTest(t, b)
	slot := day(1, 8)
	id, _, err := s.ClaimBriefing(ctx, "chan", slot)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RecordBriefingFailure(ctx, "chan", slot, 1, "the language model is unavailable"); err != nil {
		t.Fatal(err)
	}
	if err := s.SavePlan(ctx, id, []string{"part one", "part two"}, [][]Point{{{Key: "k1", Text: "p1"}}, nil}); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordPosted(ctx, id, 0, "m1", []Point{{Key: "k1", Text: "p1"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordAnswer(ctx, Answer{ID: "x1", Kind: KindBriefing, Question: "payments", Text: "b [1]", At: day(1, 9),
		ChannelKind: ChannelGuild, Sources: []SourceRef{{N: 1, DocID: "d"}}}); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordAnswer(ctx, Answer{ID: fmt.Sprintf("briefing-%d", id), Kind: KindBriefing, Text: "b", At: slot}); err != nil {
		t.Fatal(err)
	}
	// Failures are stamped now, so the range runs to now.
	h, err := s.BriefingHistory(ctx, Range{From: day(0, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Scheduled) != 1 {
		t.Fatalf("scheduled %+v, want 1", h.Scheduled)
	}
	run := h.Scheduled[0]
	if run.ChannelID != "chan" || !run.Slot.Equal(slot) || run.State != StatePending || run.Planned != 2 || run.Posted != 1 ||
		run.Points != 1 || run.Failures != 1 || run.LastError != "the language model is unavailable" {
		t.Errorf("run %+v", run)
	}
	if len(h.Failures) != 1 || h.Failures[0].Attempt != 1 || !h.Failures[0].Slot.Equal(slot) {
		t.Errorf("failures %+v", h.Failures)
	}
	if len(h.OnDemand) != 1 || h.OnDemand[0].Topic != "payments" || h.OnDemand[0].Sources != 1 {
		t.Errorf("on demand %+v, want the /briefing one only", h.OnDemand)
	}
	if err := s.RecordBriefingFailure(ctx, "", slot, 1, "x"); !errors.Is(err, ErrInvalid) {
		t.Errorf("no channel: %v, want ErrInvalid", err)
	}
}

func TestPrune(t *testing.T) { eachBackend(t, testPrune) }

func testPrune(t *testing.T, b backend) {
	ctx := context.Background()
	s := openTest(t, b)
	seedDashboard(t, s)
	if err := s.LinkThread(ctx, Thread{ThreadID: "t1", ParentChannelID: "c", GuildID: "g", StarterUserHash: s.HashUser("1"), At: day(-40, 0)}); err != nil {
		t.Fatal(err)
	}
	if err := s.AppendTurns(ctx, "t1", Turn{Role: RoleUser, Text: "old", At: day(-40, 0)}, Turn{Role: RoleAssistant, Text: "new", At: day(2, 0)}); err != nil {
		t.Fatal(err)
	}
	p, err := s.Prune(ctx, day(1, 0))
	if err != nil {
		t.Fatal(err)
	}
	if p != (Pruned{Answers: 3, Votes: 1, Turns: 1}) {
		t.Errorf("pruned %+v, want the old answer and the two of day 0, one vote, one turn", p)
	}
	if n := countRows(t, s, `SELECT count(*) FROM answer_nearest WHERE answer_id = 'a2'`); n != 0 {
		t.Errorf("%d nearest rows of a pruned answer left", n)
	}
	if n := countRows(t, s, `SELECT count(*) FROM answer_sources WHERE answer_id = 'a1'`); n != 0 {
		t.Errorf("%d source rows of a pruned answer left", n)
	}
	if n := countRows(t, s, `SELECT count(*) FROM answers`); n != 5 {
		t.Errorf("%d answers left, want 5", n)
	}
}

// TestRollupsMatchAnswers checks that the daily roll-ups the triggers keep
// equal what the answers say, after retries that move an answer to another
// day, outcome and sources, after a prune and after a delete by hand.
func TestRollupsMatchAnswers(t *testing.T) { eachBackend(t, testRollupsMatchAnswers) }

func testRollupsMatchAnswers(t *testing.T, b backend) {
	ctx := context.Background()
	s := openTest(t, b)
	seedDashboard(t, s)
	check := func(when string) {
		t.Helper()
		checks := []struct{ rollup, truth string }{
			{`SELECT day, kind, lang, channel_kind, n, answered, abstained, failed, marked, timed, prompt_tokens, completion_tokens
			  FROM answer_days ORDER BY 1, 2, 3, 4`,
				`SELECT substr(created_at, 1, 10), kind, lang, channel_kind, count(*), ` + countIf("outcome = 'answered'") + `,
			  ` + countIf("outcome = 'abstained'") + `, ` + countIf("outcome = 'failed'") + `,
			  ` + countIf("outcome = 'answered' AND unverified + weak > 0") + `,
			  count(latency_ms), sum(prompt_tokens), sum(completion_tokens) FROM answers GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`},
			{`SELECT day, doc_id, citations FROM doc_days ORDER BY 1, 2`,
				`SELECT substr(a.created_at, 1, 10), s.doc_id, count(*) FROM answer_sources s JOIN answers a ON a.id = s.answer_id
			  GROUP BY 1, 2 ORDER BY 1, 2`},
			{`SELECT day, sum(n) FROM latency_days GROUP BY 1 ORDER BY 1`,
				`SELECT substr(created_at, 1, 10), count(*) FROM answers WHERE kind = 'answer' AND latency_ms IS NOT NULL GROUP BY 1 ORDER BY 1`},
		}
		if b == sqliteBackend {
			// SQLite's search index is a table of its own, kept by triggers.
			checks = append(checks, struct{ rollup, truth string }{
				`SELECT count(*) FROM answers_fts WHERE answers_fts MATCH '"sourdough"'`,
				`SELECT count(*) FROM answers WHERE question LIKE '%sourdough%'`})
		}
		for _, q := range checks {
			got, want := dump(t, s, q.rollup), dump(t, s, q.truth)
			if got != want {
				t.Errorf("%s: roll-up\n%s\nwant\n%s", when, got, want)
			}
		}
	}
	check("after seeding")
	retry := []Answer{
		{ID: "a1", Kind: KindAnswer, Question: "Why was Alipay told to spin off?", Text: "Regulators [1][2].", At: day(1, 11),
			Lang: "en", Latency: 1500 * time.Millisecond, PromptTokens: 10, ChannelKind: ChannelThread,
			Sources: []SourceRef{{N: 1, DocID: "tencent", Passage: 1}, {N: 2, DocID: "alipay", Passage: 4}}},
		{ID: "a2", Kind: KindAnswer, Question: "What is the sourdough recipe, again?", Text: "x [1]", At: day(0, 10),
			Lang: "en", Unverified: 2, ChannelKind: ChannelDM, Sources: []SourceRef{{N: 1, DocID: "alipay"}}},
		{ID: "a5", Kind: KindAnswer, Question: "When did it happen?", At: day(2, 9), Abstained: true, Lang: "en"},
	}
	for _, a := range retry {
		if err := s.RecordAnswer(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	check("after retries")
	if _, err := s.Prune(ctx, day(1, 0)); err != nil {
		t.Fatal(err)
	}
	check("after a prune")
	if _, err := raw(s).ExecContext(ctx, `DELETE FROM answers WHERE id = 'a4'`); err != nil {
		t.Fatal(err)
	}
	check("after a delete by hand")
	if _, err := raw(s).ExecContext(ctx, `UPDATE answers SET outcome = 'failed' WHERE id = 'a6'`); err == nil {
		t.Error("an update of a rolled-up column was accepted; it would put the roll-ups out of step")
	}
	check("after a refused update")
}

// dump renders a query's rows as text.
func dump(t *testing.T, s *Store, query string) string {
	t.Helper()
	rows, err := raw(s).QueryContext(context.Background(), query)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(&b, vals...)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
