package llm

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

const (
	defaultRetryBase = 500 * time.Millisecond
	maxBackoff       = 10 * time.Second
	maxRetryAfter    = 30 * time.Second
)

// do runs attempt until it succeeds, fails for good, or runs out of retries.
// An error that is not a *callError (the caller's onDelta error) ends the
// call at once, unchanged.
func (c *Client) do(ctx context.Context, attempt func(ctx context.Context) error) error {
	for n := 1; ; n++ {
		info := &attemptInfo{}
		err := attempt(withAttempt(ctx, info))
		if err == nil {
			return nil
		}
		var e *callError
		if !errors.As(err, &e) {
			return err
		}
		if !e.retryable || n > c.maxRetries {
			e.attempts = n
			c.logFailure(e)
			return e
		}
		status, ra, raMs := info.get()
		wait, fromServer := retryAfter(ra, raMs, time.Now())
		if !fromServer || status != e.status {
			wait = backoff(c.retryBase, n-1, rand.Int64N)
		}
		if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < wait {
			// Sleeping would only turn this error into a timeout later.
			e.attempts = n
			c.logFailure(e, "retry_skipped", "wait "+wait.Round(time.Millisecond).String()+" passes the deadline")
			return e
		}
		c.log.Warn("llm retry", "status", e.status, "attempt", n, "retry_in", wait.Round(time.Millisecond), "error", e.Error())
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			ce := ctxFailure(ctx, ctx, "")
			ce.detail += " while waiting to retry after: " + e.Error()
			ce.attempts = n
			c.logFailure(ce)
			return ce
		}
	}
}

// logFailure records a failed call at debug level: the error is returned,
// and the caller, who knows what it meant for the user, writes the one line
// the operator gets. Logging it here too doubled every failure in the logs.
func (c *Client) logFailure(e *callError, attrs ...any) {
	attrs = append([]any{"status", e.status, "attempts", e.attempts, "error", e.Error()}, attrs...)
	if e.kind == nil {
		c.log.Debug("llm request cancelled", attrs...)
		return
	}
	c.log.Debug("llm request failed", attrs...)
}

// backoff is exponential backoff with full jitter: a uniform wait between 0
// and base·2^retry, capped at maxBackoff. randN(n) returns a value in [0, n).
func backoff(base time.Duration, retry int, randN func(int64) int64) time.Duration {
	ceil := base
	for i := 0; i < retry && ceil < maxBackoff; i++ {
		ceil *= 2
	}
	ceil = min(ceil, maxBackoff)
	if ceil <= 0 {
		return 0
	}
	return time.Duration(randN(int64(ceil) + 1))
}

// retryAfter reads the wait a server asked for: Retry-After-Ms (OpenAI's, in
// milliseconds) or Retry-After (seconds or an HTTP date), capped at
// maxRetryAfter. ok is false when neither header holds a usable value.
func retryAfter(header, headerMs string, now time.Time) (d time.Duration, ok bool) {
	if ms, err := strconv.ParseFloat(strings.TrimSpace(headerMs), 64); err == nil && ms >= 0 && !math.IsInf(ms, 0) {
		return capWait(ms / 1000), true
	}
	header = strings.TrimSpace(header)
	if header == "" {
		return 0, false
	}
	if secs, err := strconv.ParseFloat(header, 64); err == nil {
		if secs < 0 || math.IsNaN(secs) || math.IsInf(secs, 0) {
			return 0, false
		}
		return capWait(secs), true
	}
	if t, err := http.ParseTime(header); err == nil {
		return capWait(max(t.Sub(now).Seconds(), 0)), true
	}
	return 0, false
}

func capWait(secs float64) time.Duration {
	if secs >= maxRetryAfter.Seconds() {
		return maxRetryAfter
	}
	return time.Duration(secs * float64(time.Second))
}
