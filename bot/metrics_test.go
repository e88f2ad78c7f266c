package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"corpusbot/answer"
	"corpusbot/llm"
)

// recorder is a Metrics that lists its calls.
type recorder struct {
	mu    sync.Mutex
	calls []string
}

func (r *recorder) add(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, fmt.Sprintf(format, args...))
}

func (r *recorder) list() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.calls)
}

func (r *recorder) Question(kind string)                       { r.add("question %s", kind) }
func (r *recorder) Abstained()                                 { r.add("abstained") }
func (r *recorder) ObserveAnswer(kind string, _ time.Duration) { r.add("answer %s", kind) }
func (r *recorder) Tokens(p, c int)                            { r.add("tokens %d %d", p, c) }
func (r *recorder) Error(kind string)                          { r.add("error %s", kind) }
func (r *recorder) Vote(v int)                                 { r.add("vote %d", v) }
func (r *recorder) SetGateway(up bool)                         { r.add("gateway %v", up) }
func (r *recorder) LLMError(err error)                         { r.add("llm error") }
func (r *recorder) LLMOK()                                     { r.add("llm ok") }
func (r *recorder) BriefingFallback(kind string)               { r.add("briefing fallback %s", kind) }

func TestMetrics(t *testing.T) {
	for _, tc := range []struct {
		name   string
		cmd    string
		result func(kind, text string) (*answer.Result, error)
		want   []string
	}{
		{"answer", cmdAsk, func(kind, text string) (*answer.Result, error) {
			return &answer.Result{ID: "a1", Kind: kind, Text: "x [1].", Usage: llm.Usage{PromptTokens: 10, CompletionTokens: 5, TotalTokens: 15}}, nil
		}, []string{"question ask", "answer ask", "tokens 10 5", "llm ok"}},
		{"abstained summary", cmdSummary, func(kind, text string) (*answer.Result, error) {
			return &answer.Result{ID: "a1", Kind: kind, Abstained: true, Text: "The corpus does not cover this."}, nil
		}, []string{"question summary", "answer summary", "tokens 0 0", "abstained"}},
		{"rate limited", cmdAsk, func(string, string) (*answer.Result, error) {
			return nil, fmt.Errorf("ask: %w", llm.ErrRateLimited)
		}, []string{"question ask", "error rate_limited", "llm error"}},
		{"user's mistake", cmdAsk, func(string, string) (*answer.Result, error) {
			return nil, fmt.Errorf("ask: %w", answer.ErrQuestionTooLong)
		}, []string{"question ask"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := &recorder{}
			b, _, ans, _ := testBot(t, func(c *Config) { c.Metrics = rec })
			ans.result = tc.result
			i := slash(tc.cmd, opt("question", "Why?"))
			if tc.cmd == cmdSummary {
				i = slash(tc.cmd, opt("topic", "loans"))
			}
			b.handleInteraction(context.Background(), i, time.Now())
			if err := b.work.wait(context.Background()); err != nil {
				t.Fatal(err)
			}
			if got := rec.list(); strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("metrics %q, want %q", got, tc.want)
			}
		})
	}
}

// The dashboard's failure column reads answer.Kind: the question's own
// mistakes are not failures, and the bot's own errors say their kind.
func TestFailureKind(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("ask: %w", answer.ErrQuestionTooLong), ""},
		{fmt.Errorf("ask: %w", answer.ErrNoSearchableWords), ""},
		{fmt.Errorf("ask: %w", context.Canceled), "canceled"},
		{fmt.Errorf("ask: %w", llm.ErrRateLimited), "rate_limited"},
		{llm.ErrBadRequest, "unauthorized"},
		{answerTimeoutError{limit: time.Minute, err: context.DeadlineExceeded}, "timeout"},
		{answerTimeoutError{limit: time.Minute, err: fmt.Errorf("model: %w", llm.ErrTimeout)}, "timeout"},
		{busyError{retry: time.Second}, "busy"},
		{errors.New("disk on fire"), "internal"},
	} {
		if got := failureKind(tc.err); got != tc.want {
			t.Errorf("failureKind(%v) = %q, want %q", tc.err, got, tc.want)
		}
	}
}

// An answer is recorded in the question's language when the detector
// names one, else in the language it was given in; a catalogue language
// is its question's (zh-Hant a zh question's, nb a no one's), not split
// from it in the dashboard's counts.
func TestRecordedLang(t *testing.T) {
	for _, tc := range []struct{ question, answered, want string }{
		{"Why was Alipay told to spin off its micro-loan business?", "en", "en"},
		{"Pourquoi Alipay a-t-il dû séparer son activité de microcrédit ?", "en", "fr"},
		{"Alipay", "de", "de"},
		{"為什麼支付寶必須分拆小額貸款業務？", "zh-Hant", "zh-Hant"},
		{"Hvorfor ble Alipay pålagt å skille ut virksomheten med mikrolån?", "nb", "nb"},
		{"Hvorfor ble Alipay pålagt å skille ut virksomheten med mikrolån?", "en", "no"},
	} {
		if got := recordedLang(tc.question, tc.answered); got != tc.want {
			t.Errorf("recordedLang(%q, %q) = %q, want %q", tc.question, tc.answered, got, tc.want)
		}
	}
}
