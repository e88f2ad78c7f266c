package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"corpusbot/answer"
	"corpusbot/snapshot"
)

// The snapshot round: a first search builds and saves it, the next maps it
// and answers the same; a file changed in place (same size, same time)
// rebuilds; a damaged snapshot is rebuilt with one log line; false turns
// it off.
func TestIndexSnapshotRestart(t *testing.T) {
	dir, data := t.TempDir(), t.TempDir()
	copyTree(t, "corpus/testdata/public", dir)
	writeFiles(t, dir, map[string]string{"gold.txt": goldText, "yen.txt": yenText, "deploy.md": deployMD})
	env := map[string]string{"DATA_DIR": data, "LOG_LEVEL": "info"}
	queries := []string{"gold prices record", "rolled back failed release", "hook deletion policy", "configure the theme"}
	search := func(want string) []string {
		t.Helper()
		var outs []string
		for i, q := range queries {
			out, errOut, code := runCLI(t, env, "search", "--corpus", dir, "--json", "--k", "5", q)
			if code != 0 {
				t.Fatalf("search %q: exit %d: %s", q, code, errOut)
			}
			if i == 0 && !strings.Contains(errOut, want) {
				t.Fatalf("search %q: stderr lacks %q:\n%s", q, want, errOut)
			}
			if i > 0 && !strings.Contains(errOut, "from the index snapshot") {
				t.Fatalf("search %q after the first: not from the snapshot:\n%s", q, errOut)
			}
			outs = append(outs, out)
		}
		return outs
	}
	built := search("index snapshot saved")
	snap := filepath.Join(data, snapshotFile)
	if _, err := os.Stat(snap); err != nil {
		t.Fatal(err)
	}
	mapped := search("from the index snapshot")
	for i := range queries {
		if built[i] != mapped[i] {
			t.Fatalf("search %q differs from the snapshot:\nbuilt  %s\nmapped %s", queries[i], built[i], mapped[i])
		}
	}

	// Same size, same modification time, other contents.
	p := filepath.Join(dir, "gold.txt")
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(goldText, "record high", "recond high", 1)
	if err := os.WriteFile(p, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	after := search("none for these contents")
	if after[0] == built[0] || !strings.Contains(after[0], "recond") {
		t.Fatalf("a changed file did not reach the results:\n%s", after[0])
	}

	// Damage: cut the file short, then flip a byte.
	for _, damage := range []func([]byte) []byte{
		func(b []byte) []byte { return b[:len(b)/3] },
		func(b []byte) []byte { b[len(b)-9] ^= 1; return b },
	} {
		b, err := os.ReadFile(snap)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(snap, damage(b), 0o600); err != nil {
			t.Fatal(err)
		}
		out, errOut, code := runCLI(t, env, "search", "--corpus", dir, "--json", "--k", "5", queries[0])
		if code != 0 || out != after[0] {
			t.Fatalf("search over a damaged snapshot: exit %d, %s\n%s", code, errOut, out)
		}
		if n := strings.Count(errOut, "unusable, rebuilding"); n != 1 {
			t.Fatalf("%d lines say the snapshot is unusable, want 1:\n%s", n, errOut)
		}
		search("from the index snapshot")
	}

	// Off: nothing read, nothing written.
	os.Remove(snap)
	env["INDEX_SNAPSHOT"] = "false"
	if _, errOut, code := runCLI(t, env, "search", "--corpus", dir, queries[0]); code != 0 || strings.Contains(errOut, "snapshot") {
		t.Fatalf("INDEX_SNAPSHOT=false: exit %d, stderr %s", code, errOut)
	}
	if _, err := os.Stat(snap); !os.IsNotExist(err) {
		t.Fatalf("INDEX_SNAPSHOT=false wrote a snapshot: %v", err)
	}
}

// A link the loader does not follow (to a hidden file) is left out of
// the snapshot's key as out of the load: listed by one and not the other,
// it changed the key at every start, and the snapshot was never used
// (round four).
func TestIndexSnapshotWithheldLink(t *testing.T) {
	dir, data, elsewhere := t.TempDir(), t.TempDir(), t.TempDir()
	writeFiles(t, dir, map[string]string{"gold.txt": goldText})
	writeFiles(t, elsewhere, map[string]string{".env": "DISCORD_TOKEN=not-a-real-token\n"})
	if err := os.Symlink(filepath.Join(elsewhere, ".env"), filepath.Join(dir, "env.txt")); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"DATA_DIR": data, "LOG_LEVEL": "info"}
	for i, want := range []string{"index snapshot saved", "from the index snapshot"} {
		out, errOut, code := runCLI(t, env, "search", "--corpus", dir, "--json", "DISCORD_TOKEN gold")
		if code != 0 || !strings.Contains(errOut, want) {
			t.Fatalf("start %d: exit %d, stderr lacks %q:\n%s", i+1, code, want, errOut)
		}
		if strings.Contains(out, "not-a-real-token") {
			t.Fatalf("start %d: the hidden file's text is served:\n%s", i+1, out)
		}
	}
}

// copyTree copies the files under src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Join(dst, filepath.Dir(rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// openSnapshot passes on the hashing's error and the snapshot's, each as
// it is, and gives the collector back as it found it.
func TestOpenSnapshotErrors(t *testing.T) {
	errHash := errors.New("cannot hash")
	missing := filepath.Join(t.TempDir(), snapshotFile)
	before := debug.SetGCPercent(150)
	defer debug.SetGCPercent(before)
	for _, tc := range []struct {
		name          string
		hashErr       error
		wantKey, want error
	}{
		{"no snapshot", nil, nil, snapshot.ErrNotFound},
		{"no snapshot, folder unreadable", errHash, errHash, snapshot.ErrNotFound},
	} {
		o := openSnapshot(missing, func() (snapshot.Key, *snapshot.Manifest, error) {
			return snapshot.Key{}, nil, tc.hashErr
		})
		if !errors.Is(o.keyErr, tc.wantKey) || tc.wantKey == nil && o.keyErr != nil || !errors.Is(o.err, tc.want) || o.c != nil {
			t.Errorf("%s: key error %v, snapshot error %v; want %v, %v", tc.name, o.keyErr, o.err, tc.wantKey, tc.want)
		}
		if gc := debug.SetGCPercent(150); gc != 150 {
			t.Fatalf("%s: GOGC %d after openSnapshot, want 150 as before", tc.name, gc)
		}
	}
}

// A start that builds answers from the heap and leaves the snapshot to
// adopt, which saves it and swaps the mapped copy in, answering the same;
// the next start maps it. A reload before adopt has its own snapshot, and
// adopt leaves it; a cancelled save leaves no file behind.
func TestAdoptSavesThenMaps(t *testing.T) {
	ctx := context.Background()
	dir, data := t.TempDir(), t.TempDir()
	writeFiles(t, dir, map[string]string{"gold.txt": goldText, "yen.txt": yenText})
	var logs strings.Builder
	e := &env{cfg: config{MaxFileBytes: 1 << 20, DataDir: data, IndexSnapshot: true}, log: slog.New(slog.NewTextHandler(&logs, nil))}
	snap := filepath.Join(data, snapshotFile)
	start := func() (*reloader, *pendingSnapshot) {
		t.Helper()
		c, ix, pending, err := e.loadIndexed(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		p, err := answer.NewIndexed(answer.Config{}, c, ix, nil)
		if err != nil {
			t.Fatal(err)
		}
		return &reloader{env: e, dir: dir, p: p}, pending
	}
	top := func(r *reloader) string {
		t.Helper()
		m, err := r.p.Search(ctx, "yen exporters", 1)
		if err != nil || len(m) == 0 {
			t.Fatalf("search: %v, %d hits", err, len(m))
		}
		return fmt.Sprintf("%s %.6f %s", m[0].DocID, m[0].Score, m[0].Passage.Text)
	}

	r, pending := start()
	if pending == nil {
		t.Fatal("a first start has no snapshot to save")
	}
	if _, err := os.Stat(snap); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("the snapshot was written before the bot could answer: %v", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := e.saveSnapshot(cancelled, pending); err == nil {
		t.Fatal("a cancelled save succeeded")
	}
	if left, _ := os.ReadDir(data); len(left) != 0 {
		t.Fatalf("a cancelled save left %v", left)
	}
	heap := top(r)
	r.adopt(ctx, pending)
	if !strings.Contains(logs.String(), "serving from the index snapshot") {
		t.Fatalf("adopt did not swap the mapped snapshot in:\n%s", logs.String())
	}
	if got := top(r); got != heap {
		t.Fatalf("from the snapshot %q, from the heap %q", got, heap)
	}
	if _, pending := start(); pending != nil || !strings.Contains(logs.String(), "from the index snapshot") {
		t.Fatalf("the next start did not map the snapshot:\n%s", logs.String())
	}

	// A reload before adopt: its snapshot, of the newer contents, stays.
	os.Remove(snap)
	r, pending = start()
	writeFiles(t, dir, map[string]string{"deploy.md": deployMD})
	if _, err := r.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	saved, err := os.ReadFile(snap)
	if err != nil {
		t.Fatal(err)
	}
	r.adopt(ctx, pending)
	if now, _ := os.ReadFile(snap); string(now) != string(saved) {
		t.Fatal("adopt wrote over the snapshot of a later reload")
	}
}
