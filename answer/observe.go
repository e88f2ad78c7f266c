package answer

import (
	"context"
	"time"

	"corpusbot/llm"
)

// Observer receives the pipeline's timings, for metrics; *health.Monitor
// satisfies it. The pipeline works the same without one.
type Observer interface {
	ObserveRetrieval(d time.Duration)
	ObserveLLM(d time.Duration)
}

// timedModel reports how long each model call took, failed calls included:
// a slow failure is what an operator most needs to see.
type timedModel struct {
	Model
	obs Observer
}

func (m timedModel) Complete(ctx context.Context, req llm.Request) (llm.Response, error) {
	defer m.since(time.Now())
	return m.Model.Complete(ctx, req)
}

func (m timedModel) Stream(ctx context.Context, req llm.Request, onDelta func(string) error) (llm.Response, error) {
	defer m.since(time.Now())
	return m.Model.Stream(ctx, req, onDelta)
}

func (m timedModel) since(start time.Time) { m.obs.ObserveLLM(time.Since(start)) }
