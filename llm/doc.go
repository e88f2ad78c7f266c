// Package llm talks to any OpenAI-compatible chat completion server: OpenAI,
// Ollama, vLLM, llama.cpp's server, or a proxy speaking the same API with a
// bearer token. It is the only importer of go-openai.
//
// Errors fall into categories callers can map to words: ErrRateLimited,
// ErrTimeout, ErrUnavailable, ErrUnauthorized, ErrContextTooLong,
// ErrBadRequest, ErrIncomplete. Test with errors.Is; the error text adds the
// detail an operator needs (HTTP status, a short server message, attempts)
// and never the API key. A call cancelled by its context returns an error
// that wraps context.Canceled and no category.
//
// Transient failures (429, 500, 502, 503, 504, network errors) are retried
// up to Config.MaxRetries times with exponential backoff and full jitter,
// honouring Retry-After, and never sleeping past the context's deadline. A
// timeout is not retried: the caller wants to hear about it within
// Config.Timeout.
package llm
