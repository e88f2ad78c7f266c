package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"corpusbot/answer"
)

// newTestReloader loads dir and returns a reloader of it, as runBot
// makes one, logging to w.
func newTestReloader(t *testing.T, dir string, w io.Writer) (*reloader, *answer.Pipeline) {
	t.Helper()
	e := &env{cfg: config{MaxFileBytes: 1 << 20}, log: slog.New(slog.NewTextHandler(w, nil))}
	c, err := e.loadCorpus(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	p, err := answer.New(answer.Config{}, c, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := &reloader{env: e, dir: dir, p: p}
	r.remember(c)
	return r, p
}

func TestReloadSwapsIndexAndKeepsOldOnFailure(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("gold.txt", goldText)
	ctx := context.Background()
	r, p := newTestReloader(t, dir, io.Discard)
	topDoc := func(q string) string {
		t.Helper()
		m, err := p.Search(ctx, q, 1)
		if err != nil || len(m) == 0 || !m[0].Relevant {
			return ""
		}
		return m[0].DocID
	}
	if got := topDoc("yen exporters"); got != "" {
		t.Fatalf("before reload, yen query found %q", got)
	}

	write("yen.txt", "The yen\n\nThe weak yen helps exporters, the prime minister said.\n")
	msg, err := r.Reload(ctx)
	if err != nil {
		t.Fatalf("Reload: %v", err)
	}
	if !strings.Contains(msg, "reloaded 2 documents") {
		t.Errorf("report %q, want it to count 2 documents", msg)
	}
	if got := topDoc("yen exporters"); got != "yen" {
		t.Errorf("after reload, top doc = %q, want yen", got)
	}

	// A folder with nothing loadable: the reload fails and the old index stays.
	os.Remove(filepath.Join(dir, "gold.txt"))
	os.Remove(filepath.Join(dir, "yen.txt"))
	write("blob.txt", "\x00\x01\x02binary")
	if _, err := r.Reload(ctx); err == nil || !strings.Contains(err.Error(), "current index stays") {
		t.Fatalf("Reload of an empty folder: err = %v, want a failure keeping the index", err)
	}
	if got := topDoc("yen exporters"); got != "yen" {
		t.Errorf("after a failed reload, top doc = %q, want the old index's yen", got)
	}
	// An unreadable folder, too.
	r.dir = filepath.Join(dir, "missing")
	if _, err := r.Reload(ctx); err == nil {
		t.Fatal("Reload of a missing folder succeeded")
	}
	if got := topDoc("gold record"); got != "gold" {
		t.Errorf("after a failed reload, gold query top doc = %q, want gold", got)
	}
}

func TestReloadOnSignal(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "Alpha\n\nAlpha beta gamma delta.\n"})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r, p := newTestReloader(t, dir, io.Discard)
	sig := make(chan os.Signal, 1)
	done := make(chan struct{})
	go func() { r.reloadOn(ctx, sig); close(done) }()

	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Bravo\n\nBravo charlie echo foxtrot.\n"), 0o644)
	sig <- syscall.SIGHUP
	deadline := time.Now().Add(10 * time.Second)
	for len(p.Documents()) != 2 {
		if time.Now().After(deadline) {
			t.Fatalf("after SIGHUP the pipeline has %d documents, want 2", len(p.Documents()))
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	<-done
}
