package store

import (
	"context"
	"reflect"
	"testing"
	"time"
)

// The operator queries are for the sqlite3 shell; docs/scaling.md has
// their psql forms.
func TestQueryVotesPerDay(t *testing.T) {
	ctx := context.Background()
	s := openDir(t, "")
	u := func(name string) string { return s.HashUser(name) }
	day1 := time.Date(2025, 3, 14, 23, 30, 0, 0, time.UTC)
	day2 := day1.Add(time.Hour) // 00:30 the next UTC day
	for _, v := range []Vote{
		{AnswerID: "m1", UserHash: u("a"), Value: 1, At: day1},
		{AnswerID: "m1", UserHash: u("b"), Value: 1, At: day1},
		{AnswerID: "m2", UserHash: u("a"), Value: -1, At: day1},
		{AnswerID: "m1", UserHash: u("c"), Value: -1, At: day2},
		{AnswerID: "m1", UserHash: u("b"), Value: -1, At: day2}, // b changes their mind
	} {
		if err := s.RecordVote(ctx, v); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := s.db.QueryContext(ctx, QueryVotesPerDay)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	type row struct {
		Day      string
		Up, Down int
	}
	var got []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.Day, &r.Up, &r.Down); err != nil {
			t.Fatal(err)
		}
		got = append(got, r)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	want := []row{{"2025-03-14", 1, 1}, {"2025-03-15", 0, 2}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestQueryTopQuestions(t *testing.T) {
	ctx := context.Background()
	s := openDir(t, "")
	for i, a := range []Answer{
		{Question: "How many users does Alipay have?", At: at(0)},
		{Question: "how many users does alipay have? ", At: at(5)},
		{Question: "Who owns Tencent?", At: at(1)},
		{Question: "How many users does Alipay have?", At: at(2)},
		{Question: "Who owns Tencent?", At: at(3)},
		{Question: "What is WeChat Pay?", At: at(4)},
		{Question: "alipay", Kind: KindSummary, At: at(6)},
		{Question: "alipay", Kind: KindSummary, At: at(7)},
		{Question: "  ", At: at(8)},
	} {
		a.ID = string(rune('a' + i))
		if a.Kind == "" {
			a.Kind = KindAnswer
		}
		if err := s.RecordAnswer(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := s.db.QueryContext(ctx, QueryTopQuestions)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	type row struct {
		Question  string
		Times     int
		LastAsked string
	}
	var got []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.Question, &r.Times, &r.LastAsked); err != nil {
			t.Fatal(err)
		}
		got = append(got, r)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	want := []row{
		{"how many users does alipay have? ", 3, formatTime(at(5))},
		{"Who owns Tencent?", 2, formatTime(at(3))},
		{"What is WeChat Pay?", 1, formatTime(at(4))},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}
