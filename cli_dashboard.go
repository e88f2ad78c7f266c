package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"corpusbot/admin"
	"corpusbot/corpus"
	"corpusbot/store"
)

// defaultAdminAddr is where `corpusbot dashboard` listens without ADMIN_ADDR:
// this machine only.
const defaultAdminAddr = "127.0.0.1:8080"

// dashboard serves the operator's dashboard from the database alone, with
// no Discord connection: `corpusbot dashboard`. The corpus is loaded only to
// show the full text of cited passages.
func (e *env) dashboard(ctx context.Context, args []string) error {
	fs, dir := e.newFlagSet("dashboard")
	addr := fs.String("addr", e.cfg.AdminAddr, "listen address (default: ADMIN_ADDR, else "+defaultAdminAddr+")")
	rest, err := e.parse(ctx, fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("dashboard takes no arguments; settings come from the environment")
	}
	if *addr == "" {
		*addr = defaultAdminAddr
	}
	h, closeAll, err := e.openDashboard(ctx, *dir)
	if err != nil {
		return err
	}
	defer closeAll()
	return admin.Serve(ctx, *addr, h, e.log)
}

// openDashboard opens the store and builds the dashboard on it, refusing
// one without a token.
func (e *env) openDashboard(ctx context.Context, dir string) (http.Handler, func(), error) {
	if err := checkAdminToken(e.cfg); err != nil {
		return nil, nil, err
	}
	st, err := store.Open(ctx, e.cfg.storeConfig(e.log, nil))
	if err != nil {
		return nil, nil, err
	}
	var passages admin.Passages
	if c, err := e.loadCorpus(ctx, dir); err != nil {
		e.log.Warn("dashboard: the corpus did not load; answers show their quotes but not whole passages", "error", err)
	} else {
		passages = corpusPassages{c}
	}
	h, err := admin.New(admin.Config{Token: e.cfg.AdminToken, Source: st, Passages: passages, Logger: e.log})
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return h, func() { st.Close() }, nil
}

// checkAdminToken refuses a dashboard without a good token, in one line.
func checkAdminToken(cfg config) error {
	switch {
	case cfg.AdminToken.IsZero():
		return admin.ErrNoToken
	case len(cfg.AdminToken.Reveal()) < admin.MinTokenLength:
		return admin.ErrShortToken
	}
	return nil
}

// corpusPassages finds passages in a loaded corpus.
type corpusPassages struct{ c *corpus.Corpus }

func (cp corpusPassages) Passage(docID string, index int) (corpus.Passage, corpus.Document, bool) {
	for _, d := range cp.c.Docs {
		if d.ID == docID && index >= 0 && index < len(d.Passages) {
			return d.Passages[index], d, true
		}
	}
	return corpus.Passage{}, corpus.Document{}, false
}

// syncDocuments records the documents just loaded, so the dashboard can name
// those never cited and say when each changed. A failure is logged: it
// costs the dashboard a column, not an answer.
func syncDocuments(ctx context.Context, st *store.Store, docs []corpus.Document, log *slog.Logger) {
	infos := make([]store.DocInfo, len(docs))
	for i, d := range docs {
		sum := sha256.Sum256([]byte(d.Text))
		infos[i] = store.DocInfo{ID: d.ID, Title: d.Title, Lang: d.Lang, Passages: len(d.Passages), Hash: hex.EncodeToString(sum[:16])}
	}
	added, changed, removed, err := st.SyncDocuments(ctx, infos, time.Time{})
	if err != nil && !errors.Is(err, context.Canceled) {
		log.Error("recording the loaded documents failed; the dashboard's document dates may be stale", "error", err)
		return
	}
	if added+changed+removed > 0 {
		log.Info("documents recorded", "added", added, "changed", changed, "removed", removed)
	}
}
