package main

import (
	"context"
	"fmt"
	"os"
	"sync"
	"time"

	"corpusbot/answer"
	"corpusbot/corpus"
)

// reloader re-reads the corpus folder and swaps the new index into the
// pipeline. Questions in flight finish on the old index; a reload that fails
// keeps the old one and says why.
type reloader struct {
	env *env
	dir string // "" = the embedded corpus
	p   *answer.Pipeline
	mu  sync.Mutex // one reload at a time; a second waits rather than racing
	// onReload, when set, runs after a successful swap (metrics).
	onReload func()
	// warned holds the files named in the last load's warnings, so that
	// reloads the watcher starts name only files newly skipped.
	warned map[corpus.Warning]bool
	// reloads counts the successful reloads, under mu.
	reloads int
}

// remember notes the warnings of c, the corpus now served.
func (r *reloader) remember(c *corpus.Corpus) {
	r.warned = make(map[corpus.Warning]bool, len(c.Warnings))
	for _, w := range c.Warnings {
		r.warned[w] = true
	}
}

// Reload returns a one-line report for the operator or the /reload caller,
// and logs it. Why a reload failed is returned, not logged: the caller
// logs it once, with what it knows (the /reload user, or the signal).
func (r *reloader) Reload(ctx context.Context) (string, error) {
	msg, err := r.reload(ctx, false)
	if err != nil {
		return "", err
	}
	r.env.log.Info(msg)
	return msg, nil
}

// reload re-reads the folder and swaps the new index in, or keeps the
// current one and returns why not. Its result is not logged: each caller
// says what its operator needs to hear, once. The loader names each
// skipped file; with newOnly, only files not named by the previous load.
func (r *reloader) reload(ctx context.Context, newOnly bool) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	start := time.Now()
	e := r.env
	if newOnly {
		e = e.quiet()
	}
	c, ix, err := e.reloadIndexed(ctx, r.dir)
	if err == nil {
		err = r.p.ReloadIndexed(c, ix)
	}
	if err != nil {
		return "", fmt.Errorf("reload failed, the current index stays: %w", err)
	}
	if newOnly {
		for _, w := range c.Warnings {
			if !r.warned[w] {
				r.env.log.Warn("corpus: file not loaded", "path", w.Path, "reason", w.Reason, "kind", string(w.Kind))
			}
		}
	}
	r.remember(c)
	r.reloads++
	if r.onReload != nil {
		r.onReload()
	}
	passages := 0
	for _, d := range c.Docs {
		passages += len(d.Passages)
	}
	msg := fmt.Sprintf("reloaded %d documents (%d passages) in %s", len(c.Docs), passages, time.Since(start).Round(time.Millisecond))
	if n := len(c.Skipped()); n > 0 {
		msg += fmt.Sprintf("; %d files not loaded (see the logs, or corpusbot docs)", n)
	}
	return msg, nil
}

// reloadOn reloads on every value from signals until ctx is done. main feeds
// it SIGHUP.
func (r *reloader) reloadOn(ctx context.Context, signals <-chan os.Signal) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-signals:
			if _, err := r.Reload(ctx); err != nil {
				r.env.log.Error("reload on SIGHUP", "error", err)
			}
		}
	}
}
