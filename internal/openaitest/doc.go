// Package openaitest is a fake OpenAI-compatible chat completion server for
// tests. It listens on 127.0.0.1 only, records every request it receives, and
// answers from a queue of scripted steps (a reply, an error status, a 429 with
// Retry-After, a hang, a cut or stalled stream, malformed data) before falling
// back to a responder function.
//
// It speaks the wire format itself and does not import any OpenAI client
// library, so tests of such a client exercise the real encoder and decoder.
//
// A Server is safe for concurrent use: many requests may be in flight at once,
// and Push, SetResponder, Requests and Calls may be called from any goroutine.
package openaitest
