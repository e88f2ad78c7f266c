package store

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"
)

func TestRecordAnswer(t *testing.T) { eachBackend(t, testRecordAnswer) }

func testRecordAnswer(t *testing.T, b backend) {
	ctx := context.Background()
	s := openTest(t, b)
	user := s.HashUser("42")
	tests := []struct {
		name    string
		in      Answer
		wantErr error
	}{
		{"answer with sources", Answer{
			ID: "m1", Kind: KindAnswer, Question: "How many Alipay users?", Text: "Over 1 billion [1], 450 million real-name [2].",
			GuildID: "g", ChannelID: "c", UserHash: user, At: at(0),
			Sources: []SourceRef{{N: 1, DocID: "alipay-en", Passage: 3}, {N: 2, DocID: "alipay-fr", Passage: 0}},
		}, nil},
		{"abstained in a DM", Answer{ID: "m2", Kind: KindAnswer, Question: "weather?", Text: "The corpus does not cover this.",
			ChannelID: "dm", UserHash: user, Abstained: true, At: at(1)}, nil},
		{"summary", Answer{ID: "m3", Kind: KindSummary, Question: "alipay-en", Text: "s [1]", At: at(2),
			Sources: []SourceRef{{N: 1, DocID: "alipay-en", Passage: 1}}}, nil},
		{"briefing without user", Answer{ID: "m4", Kind: KindBriefing, Text: "b", At: at(3)}, nil},
		{"with what the dashboard reads", Answer{ID: "m7", Kind: KindAnswer, Question: "Qui a parlé ?", Text: "Zhao [1].",
			ChannelID: "t", UserHash: user, At: at(4), Outcome: OutcomeAnswered, Lang: "fr", Latency: 1234 * time.Millisecond,
			PromptTokens: 900, CompletionTokens: 40, Unverified: 1, Weak: 2, ChannelKind: ChannelThread,
			Sources: []SourceRef{{N: 1, DocID: "d", Passage: 2, Title: "T", LineStart: 3, LineEnd: 5, Quote: "Zhao said."}}}, nil},
		{"abstained with nearest documents", Answer{ID: "m8", Kind: KindAnswer, Question: "q", Text: "no", At: at(5),
			Abstained: true, Outcome: OutcomeAbstained, Nearest: []string{"a", "b"}, ChannelKind: ChannelDM}, nil},
		{"failed", Answer{ID: "m9", Kind: KindAnswer, Question: "q", At: at(6), Outcome: OutcomeFailed, Failure: "timeout",
			ChannelKind: ChannelGuild}, nil},
		{"unknown outcome", Answer{ID: "m10", Kind: KindAnswer, Outcome: "maybe"}, ErrInvalid},
		{"outcome contradicts Abstained", Answer{ID: "m11", Kind: KindAnswer, Outcome: OutcomeAnswered, Abstained: true}, ErrInvalid},
		{"unknown channel kind", Answer{ID: "m12", Kind: KindAnswer, ChannelKind: "forum"}, ErrInvalid},
		{"negative tokens", Answer{ID: "m13", Kind: KindAnswer, PromptTokens: -1}, ErrInvalid},
		{"empty id", Answer{Kind: KindAnswer}, ErrInvalid},
		{"unknown kind", Answer{ID: "m5", Kind: "poem"}, ErrInvalid},
		{"raw user id", Answer{ID: "m6", Kind: KindAnswer, UserHash: "80351110224678912"}, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.RecordAnswer(ctx, tt.in)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("got error %v, want %v", err, tt.wantErr)
				}
				if _, ok, _ := s.Answer(ctx, tt.in.ID); ok {
					t.Errorf("rejected answer %q was stored", tt.in.ID)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got, ok, err := s.Answer(ctx, tt.in.ID)
			if err != nil || !ok {
				t.Fatalf("Answer(%q): ok %v, err %v", tt.in.ID, ok, err)
			}
			want := tt.in
			want.Outcome = outcomeOf(want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %+v, want %+v", got, want)
			}
		})
	}
}

func TestAnswerUnknown(t *testing.T) { eachBackend(t, testAnswerUnknown) }

func testAnswerUnknown(t *testing.T, b backend) {
	s := openTest(t, b)
	a, ok, err := s.Answer(context.Background(), "nope")
	if err != nil || ok {
		t.Errorf("Answer(nope) = %+v, %v, %v; want not found, no error", a, ok, err)
	}
}

// TestRecordAnswerReplaces checks that recording an ID again replaces the
// text and the whole list of sources, not just adds to it.
func TestRecordAnswerReplaces(t *testing.T) { eachBackend(t, testRecordAnswerReplaces) }

func testRecordAnswerReplaces(t *testing.T, b backend) {
	ctx := context.Background()
	s := openTest(t, b)
	first := Answer{ID: "m1", Kind: KindAnswer, Text: "draft [1][2]", At: at(0),
		Sources: []SourceRef{{N: 1, DocID: "a", Passage: 1}, {N: 2, DocID: "b", Passage: 2}}}
	final := Answer{ID: "m1", Kind: KindAnswer, Text: "final [1]", At: at(1),
		Sources: []SourceRef{{N: 1, DocID: "c", Passage: 3, LastPassage: 5, Quote: "les mots «exacts»"}}}
	for _, a := range []Answer{first, final} {
		if err := s.RecordAnswer(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	got, _, err := s.Answer(ctx, "m1")
	if err != nil {
		t.Fatal(err)
	}
	final.Outcome = OutcomeAnswered
	if !reflect.DeepEqual(got, final) {
		t.Errorf("got %+v, want %+v", got, final)
	}
}

// TestRecordAnswerAtomic forces the second source to violate its primary
// key: the answer row written before it must be rolled back too.
func TestRecordAnswerAtomic(t *testing.T) { eachBackend(t, testRecordAnswerAtomic) }

func testRecordAnswerAtomic(t *testing.T, b backend) {
	ctx := context.Background()
	s := openTest(t, b)
	a := Answer{ID: "m1", Kind: KindAnswer, Text: "t",
		Sources: []SourceRef{{N: 1, DocID: "a", Passage: 1}, {N: 1, DocID: "b", Passage: 2}}}
	if err := s.RecordAnswer(ctx, a); err == nil {
		t.Fatal("RecordAnswer with a duplicate citation number succeeded, want an error")
	}
	if got := countRows(t, s, `SELECT count(*) FROM answers`); got != 0 {
		t.Errorf("answers has %d rows after a failed write, want 0", got)
	}
	if got := countRows(t, s, `SELECT count(*) FROM answer_sources`); got != 0 {
		t.Errorf("answer_sources has %d rows after a failed write, want 0", got)
	}
}

func TestRecordAnswersIsAllOrNothing(t *testing.T) { eachBackend(t, testRecordAnswersIsAllOrNothing) }

func testRecordAnswersIsAllOrNothing(t *testing.T, b backend) {
	ctx := context.Background()
	s := openTest(t, b)
	good := Answer{ID: "g1", Kind: KindAnswer, Question: "q", Text: "t", At: at(0), Sources: []SourceRef{{N: 1, DocID: "d"}}}
	if err := s.RecordAnswers(ctx, []Answer{good, {ID: "bad", Kind: "poem"}}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("a batch with a bad answer: %v, want ErrInvalid", err)
	}
	if _, ok, _ := s.Answer(ctx, "g1"); ok {
		t.Error("the good answer of a refused batch was stored")
	}
	if err := s.RecordAnswers(ctx, []Answer{good, {ID: "g2", Kind: KindSummary, Text: "s", At: at(1)}}); err != nil {
		t.Fatal(err)
	}
	if got := countRows(t, s, `SELECT count(*) FROM answers`); got != 2 {
		t.Errorf("%d answers stored, want 2", got)
	}
}
