package main

import (
	"context"
	"net/http"

	"corpusbot/answer"
	"corpusbot/llm"
)

// What every command that answers or searches builds: the LLM client (the
// bot's too) and the answering pipeline over the loaded corpus.

// newLLM builds the LLM client; hc nil means a fresh default client.
func (e *env) newLLM(hc *http.Client) (*llm.Client, error) {
	return llm.New(llm.Config{
		HTTPClient: hc,
		APIKey:     e.cfg.OpenAIKey,
		BaseURL:    e.cfg.OpenAIBaseURL,
		Model:      e.cfg.OpenAIModel,
		Timeout:    e.cfg.LLMTimeout,
		MaxRetries: e.cfg.LLMMaxRetries,
		Logger:     e.log,
	})
}

// pipeline loads the corpus and builds the answering pipeline. Without
// withLLM, or with no LLM configured, it answers extractively. k ≤ 0 takes
// the pipeline's default.
func (e *env) pipeline(ctx context.Context, dir string, k int, withLLM bool) (*answer.Pipeline, error) {
	c, ix, pending, err := e.loadIndexed(ctx, dir)
	if err != nil {
		return nil, err
	}
	if pending != nil {
		e.saveSnapshot(ctx, pending) // a command ends soon: saved now, for the next one
	}
	var model answer.Model
	if withLLM && e.cfg.llmEnabled() {
		m, err := e.newLLM(nil)
		if err != nil {
			return nil, err
		}
		model = m
	}
	return answer.NewIndexed(answer.Config{
		K:                k,
		ContextTokens:    e.cfg.ContextTokens,
		MaxAnswerTokens:  e.cfg.MaxAnswerTokens,
		MaxQuestionRunes: e.cfg.MaxQuestionChars,
		Logger:           e.log,
		SourceURL:        e.cfg.SourceURL,
	}, c, ix, model)
}
