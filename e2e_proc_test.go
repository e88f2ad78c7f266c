package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"corpusbot/internal/pgtest"
)

// Real corpusbot processes, for the tests of several processes on one
// database (a leader and its standby, shards).

// buildBinary builds corpusbot into a temporary folder, with -race when
// the tests run with it.
func buildBinary(ctx context.Context, t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "corpusbot")
	build := []string{"build", "-o", bin}
	if raceEnabled { // the packages are compiled that way already
		build = append(build, "-race")
	}
	if out, err := exec.CommandContext(ctx, "go", append(build, ".")...).CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// e2eDatabase starts a throwaway PostgreSQL for the test and returns the
// URL of a schema of its own.
func e2eDatabase(ctx context.Context, t *testing.T, schema string) string {
	t.Helper()
	cluster, err := pgtest.Start(ctx)
	if err != nil {
		t.Fatalf("%s needs PostgreSQL: %v", t.Name(), err)
	}
	t.Cleanup(func() { cluster.Stop() })
	dbURL, err := cluster.Schema(ctx, schema)
	if err != nil {
		t.Fatal(err)
	}
	return dbURL
}

// e2eProc is one corpusbot process.
type e2eProc struct {
	name string
	cmd  *exec.Cmd
	log  *e2eBuffer
	done chan error
}

// startProc starts bin run with env in a folder of its own (no .env, its
// own DATA_DIR) and kills it when the test ends, checking then that its
// log holds neither the bot token nor any of secrets.
func startProc(t *testing.T, bin, name string, env []string, secrets ...string) *e2eProc {
	t.Helper()
	p := &e2eProc{name: name, log: &e2eBuffer{}, done: make(chan error, 1)}
	p.cmd = exec.Command(bin, "run")
	p.cmd.Dir = t.TempDir()
	p.cmd.Env = append(env, "DATA_DIR="+filepath.Join(p.cmd.Dir, "data"), "PATH="+os.Getenv("PATH"))
	p.cmd.Stdout, p.cmd.Stderr = p.log, p.log
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.done <- p.cmd.Wait() }()
	t.Cleanup(func() {
		p.cmd.Process.Kill()
		if t.Failed() {
			t.Logf("%s's log:\n%s", name, p.log.String())
		}
		for _, s := range append([]string{e2eToken}, secrets...) {
			if strings.Contains(p.log.String(), s) {
				t.Errorf("%s logged a secret (%.4s…)", name, s)
			}
		}
	})
	return p
}

func (p *e2eProc) logged(s string) bool { return strings.Contains(p.log.String(), s) }

// waitLogged waits for p to log s, failing if it exits first.
func (p *e2eProc) waitLogged(t *testing.T, s string, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !p.logged(s) {
		if time.Now().After(deadline) {
			t.Fatalf("%s did not log %q within %v", p.name, s, within)
		}
		select {
		case err := <-p.done:
			p.done <- err
			t.Fatalf("%s exited (%v) before logging %q", p.name, err, s)
		case <-time.After(50 * time.Millisecond):
		}
	}
}
