package bot

import (
	"errors"
	"time"

	"corpusbot/answer"
)

// Metrics receives what the bot observes, for /metrics and /healthz;
// *health.Monitor satisfies it. Config.Metrics nil records nothing.
type Metrics interface {
	Question(kind string) // "ask", "summary", "briefing" or "search"
	Abstained()
	ObserveAnswer(kind string, d time.Duration)
	Tokens(prompt, completion int)
	Error(kind string) // an answer.Kind's Label, or "discord"
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

// discordErrors is the metrics kind of an answer Discord would not take;
// the pipeline's errors are counted under their answer.Kind's label.
const discordErrors = "discord"

// observe records one finished answer or its error.
func (b *Bot) observe(trigger string, took time.Duration, res *answer.Result, err error) {
	m := b.metrics
	kind := questionKind(trigger)
	if err != nil {
		k := answer.KindOf(err)
		if k.Fault() {
			m.Error(k.Label())
		}
		if k.Model() {
			m.LLMError(errors.New(redact(err)))
		}
		return
	}
	m.ObserveAnswer(kind, took)
	m.Tokens(res.Usage.PromptTokens, res.Usage.CompletionTokens)
	if res.Cut == answer.CutStream {
		// The model failed mid-stream; what it had verified was shown,
		// but the failure is the model's all the same.
		m.Error(answer.KindIncomplete.Label())
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
