package bot

import (
	"context"
	"errors"
	"time"

	"github.com/bwmarrin/discordgo"

	"corpusbot/answer"
	"corpusbot/llm"
)

// Metrics receives what the bot observes, for /metrics and /healthz;
// *health.Monitor satisfies it. Config.Metrics nil records nothing.
type Metrics interface {
	Question(kind string) // "ask", "summary", "briefing" or "search"
	Abstained()
	ObserveAnswer(kind string, d time.Duration)
	Tokens(prompt, completion int)
	Error(kind string) // see errorKind
	Vote(value int)
	SetGateway(connected bool)
	LLMError(err error)
	LLMOK()
	// BriefingFallback counts a daily briefing the model could not write,
	// by what was posted instead: "extractive" or "notice".
	BriefingFallback(kind string)
}

type noMetrics struct{}

func (noMetrics) Question(string)                     {}
func (noMetrics) Abstained()                          {}
func (noMetrics) ObserveAnswer(string, time.Duration) {}
func (noMetrics) Tokens(int, int)                     {}
func (noMetrics) Error(string)                        {}
func (noMetrics) Vote(int)                            {}
func (noMetrics) SetGateway(bool)                     {}
func (noMetrics) LLMError(error)                      {}
func (noMetrics) LLMOK()                              {}
func (noMetrics) BriefingFallback(string)             {}

// questionKind is the metrics kind of a trigger.
func questionKind(trigger string) string {
	switch trigger {
	case cmdSummary, cmdBriefing, cmdSearch:
		return trigger
	case "daily-briefing":
		return cmdBriefing
	default:
		return "ask" // mentions, DMs, follow-ups, /ask, "Ask the corpus"
	}
}

// errorKind is the metrics kind of an error, "" for errors that are the
// question's (too long, unknown document) rather than a fault.
func errorKind(err error) string {
	var rest *discordgo.RESTError
	switch {
	case isUserError(err), errors.Is(err, context.Canceled):
		return ""
	case errors.Is(err, answer.ErrEmptyReply):
		return "empty_reply"
	case errors.Is(err, llm.ErrRateLimited):
		return "rate_limited"
	case errors.Is(err, llm.ErrTimeout):
		return "timeout"
	case errors.Is(err, llm.ErrUnavailable):
		return "unavailable"
	case errors.Is(err, llm.ErrUnauthorized), errors.Is(err, llm.ErrBadRequest):
		return "unauthorized"
	case errors.Is(err, llm.ErrContextTooLong):
		return "context_too_long"
	case errors.Is(err, llm.ErrIncomplete):
		return "incomplete"
	case errors.As(err, &rest):
		return "discord"
	default:
		return "internal"
	}
}

// isLLMError reports errors that say the model is failing.
func isLLMError(err error) bool {
	for _, e := range []error{llm.ErrRateLimited, llm.ErrTimeout, llm.ErrUnavailable, llm.ErrUnauthorized,
		llm.ErrBadRequest, llm.ErrContextTooLong, llm.ErrIncomplete, answer.ErrEmptyReply} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// observe records one finished answer or its error.
func (b *Bot) observe(trigger string, took time.Duration, res *answer.Result, err error) {
	m := b.metrics
	kind := questionKind(trigger)
	if err != nil {
		if k := errorKind(err); k != "" {
			m.Error(k)
		}
		if isLLMError(err) {
			m.LLMError(errors.New(redact(err)))
		}
		return
	}
	m.ObserveAnswer(kind, took)
	m.Tokens(res.Usage.PromptTokens, res.Usage.CompletionTokens)
	if res.Cut == answer.CutStream {
		// The model failed mid-stream; what it had verified was shown,
		// but the failure is the model's all the same.
		m.Error(errorKind(llm.ErrIncomplete))
		m.LLMError(errors.New("the stream broke after a verified sentence; the answer was cut short"))
		return
	}
	if res.Abstained {
		m.Abstained()
	}
	if b.answers.LLMEnabled() && res.Usage.TotalTokens > 0 {
		m.LLMOK()
	}
}
