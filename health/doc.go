// Package health tells an operator how a long-running corpusbot is doing.
//
// A Monitor records what happens (questions, abstentions, latencies, tokens,
// errors, feedback votes) as Prometheus metrics on its own registry, and
// keeps the state that decides readiness (gateway connected, index loaded,
// last model error). Its Handler serves two endpoints:
//
//	/healthz  JSON status; 200 when the bot can answer, 503 when it cannot
//	/metrics  Prometheus text exposition, corpusbot_* plus Go and process metrics
//
// Status is "down" (503) when the index is not loaded or, with
// Config.ExpectGateway, the Discord gateway is not connected. It is
// "degraded" when the store cannot write durably (503: read-only, full,
// missing or corrupt, named in "store"; answers still work but votes and
// conversations are not recorded, which needs an operator), or when no
// model is configured or the most recent model call failed (200: still
// serving, search and sources work), and "ok" otherwise. The
// last model error stays visible after recovery, with its time, so an
// operator can see what happened overnight.
//
// Label values come from short fixed lists; anything else is counted as
// "other", so a caller's mistake cannot grow the number of series without
// bound over months of running.
//
// Serve exposes the handler on HEALTH_ADDR until its context is done. The
// package imports no other corpusbot package: callers define the small
// interfaces they need, which a *Monitor satisfies. A Monitor is cheap, so
// create one even when HEALTH_ADDR is off rather than checking for nil.
package health
