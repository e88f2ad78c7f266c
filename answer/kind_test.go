package answer_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"corpusbot/answer"
	"corpusbot/llm"
	"corpusbot/retrieval"
)

// kindedErr is an error of a layer above the pipeline that says its Kind.
type kindedErr struct {
	kind answer.Kind
	err  error
}

func (e kindedErr) Error() string     { return "above: " + e.err.Error() }
func (e kindedErr) Unwrap() error     { return e.err }
func (e kindedErr) Kind() answer.Kind { return e.kind }

func TestKindOf(t *testing.T) {
	tests := []struct {
		name     string
		err      error
		kind     answer.Kind
		label    string // metrics and dashboard
		question bool
		model    bool
		fault    bool
	}{
		{"empty question", fmt.Errorf("ask: %w", answer.ErrEmptyQuestion), answer.KindEmptyQuestion, "", true, false, false},
		{"no words", fmt.Errorf("ask: %w", answer.ErrNoSearchableWords), answer.KindNoWords, "", true, false, false},
		{"no terms", fmt.Errorf("search: %w", retrieval.ErrNoTerms), answer.KindNoTerms, "", true, false, false},
		{"too long", fmt.Errorf("ask: %w", &answer.TooLongError{Len: 9, Limit: 8}), answer.KindTooLong, "", true, false, false},
		{"too long, bare", answer.ErrQuestionTooLong, answer.KindTooLong, "", true, false, false},
		{"unknown document", fmt.Errorf("summarize %q: %w", "x", answer.ErrUnknownDocument), answer.KindUnknownDocument, "", true, false, false},
		{"nothing new", answer.ErrNothingNew, answer.KindNothingNew, "", true, false, false},
		{"empty reply", fmt.Errorf("answer: %w", answer.ErrEmptyReply), answer.KindEmptyReply, "empty_reply", false, true, true},
		{"empty reply at the token limit", fmt.Errorf("answer: %w", &answer.EmptyReplyError{FinishReason: "length", MaxTokens: 1024}), answer.KindEmptyReply, "empty_reply", false, true, true},
		{"empty reply filtered", fmt.Errorf("answer: %w", &answer.EmptyReplyError{FinishReason: "content_filter"}), answer.KindEmptyReply, "empty_reply", false, true, true},
		{"rate limited", fmt.Errorf("ask: %w", llm.ErrRateLimited), answer.KindRateLimited, "rate_limited", false, true, true},
		{"timeout", fmt.Errorf("ask: %w", llm.ErrTimeout), answer.KindTimeout, "timeout", false, true, true},
		// The model's timeout wraps the caller's deadline: the model's
		// category wins.
		{"timeout with its deadline", errors.Join(llm.ErrTimeout, context.DeadlineExceeded), answer.KindTimeout, "timeout", false, true, true},
		{"unavailable", llm.ErrUnavailable, answer.KindUnavailable, "unavailable", false, true, true},
		{"unauthorized", llm.ErrUnauthorized, answer.KindUnauthorized, "unauthorized", false, true, true},
		{"bad request counts as unauthorized", llm.ErrBadRequest, answer.KindBadRequest, "unauthorized", false, true, true},
		{"context too long", llm.ErrContextTooLong, answer.KindContextTooLong, "context_too_long", false, true, true},
		{"incomplete", llm.ErrIncomplete, answer.KindIncomplete, "incomplete", false, true, true},
		{"cancelled", fmt.Errorf("ask: %w", context.Canceled), answer.KindCanceled, "canceled", false, false, false},
		{"caller's deadline", context.DeadlineExceeded, answer.KindCanceled, "canceled", false, false, false},
		{"a pipeline error wrapping a model one", fmt.Errorf("%w: %w", answer.ErrEmptyReply, llm.ErrIncomplete), answer.KindEmptyReply, "empty_reply", false, true, true},
		{"kinded wins over what it wraps", kindedErr{answer.KindTimeout, context.DeadlineExceeded}, answer.KindTimeout, "timeout", false, true, true},
		{"kinded, wrapped", fmt.Errorf("job: %w", kindedErr{answer.KindBusy, errors.New("full")}), answer.KindBusy, "busy", false, false, false},
		{"unknown", errors.New("disk on fire"), answer.KindInternal, "internal", false, false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			k := answer.KindOf(tc.err)
			if k != tc.kind {
				t.Fatalf("KindOf(%v) = %v, want %v", tc.err, k, tc.kind)
			}
			if k.Label() != tc.label || k.Question() != tc.question || k.Model() != tc.model || k.Fault() != tc.fault {
				t.Errorf("%v: label %q question %v model %v fault %v, want %q %v %v %v",
					k, k.Label(), k.Question(), k.Model(), k.Fault(), tc.label, tc.question, tc.model, tc.fault)
			}
		})
	}
}

// Every Kind has a name, a message in every language it is asked in, and
// either a label or belongs to the question.
func TestKindsComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range answer.Kinds() {
		if seen[k.String()] {
			t.Errorf("kind %d: name %q used twice", k, k)
		}
		seen[k.String()] = true
		if (k.Label() == "") != k.Question() {
			t.Errorf("%v: label %q, question %v: only the question's own mistakes go uncounted", k, k.Label(), k.Question())
		}
		if k == answer.KindBusy {
			continue // its message takes the wait, which the queue knows
		}
		for _, lang := range []string{"en", "fr", "ar", "zh"} {
			got := answer.ErrorText(kindedErr{k, errors.New("xyzzy")}, lang)
			if got == "" || strings.Contains(got, "%!") || strings.Contains(got, "xyzzy") {
				t.Errorf("%v in %s: %q", k, lang, got)
			}
		}
	}
}

func TestErrorText(t *testing.T) {
	for _, tc := range []struct {
		err  error
		lang string
		want string
	}{
		{fmt.Errorf("ask: %w", &answer.TooLongError{Len: 1600, Limit: 1500}), "en", "That question is too long: the limit is 1500 characters. Please shorten it."},
		{fmt.Errorf("ask: %w", answer.ErrQuestionTooLong), "en", "That question is too long"},
		{fmt.Errorf("ask: %w", llm.ErrRateLimited), "fr", "limite"},
		{errors.New("disk on fire: /var/lib/secret"), "en", "went wrong"},
		{fmt.Errorf("ask: %w", &answer.EmptyReplyError{FinishReason: "length", MaxTokens: 1024}), "en", "used up its token budget before writing an answer. An operator can raise it with the MAX_ANSWER_TOKENS setting."},
		{fmt.Errorf("ask: %w", &answer.EmptyReplyError{FinishReason: "length"}), "fr", "budget de jetons"},
		{fmt.Errorf("ask: %w", &answer.EmptyReplyError{FinishReason: "content_filter"}), "en", "stopped the reply with its content filter"},
		{fmt.Errorf("ask: %w", &answer.EmptyReplyError{FinishReason: "stop"}), "en", "returned nothing"},
	} {
		got := answer.ErrorText(tc.err, tc.lang)
		if !strings.Contains(got, tc.want) || strings.Contains(got, "disk on fire") {
			t.Errorf("ErrorText(%v, %s) = %q, want it to hold %q", tc.err, tc.lang, got, tc.want)
		}
	}
}

func ExampleKindOf() {
	err := fmt.Errorf("ask: %w", llm.ErrRateLimited)
	k := answer.KindOf(err)
	fmt.Println(k, k.Label(), k.Model())
	// Output: rate_limited rate_limited true
}
