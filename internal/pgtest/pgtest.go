// Package pgtest starts a throwaway PostgreSQL cluster for tests: initdb
// in a temporary folder, a server listening only on a Unix socket in that
// folder (no port to collide with), fsync off, and everything removed by
// Stop. A test package starts one cluster in TestMain and gives each test
// a schema of its own (Schema), which takes milliseconds where a database
// would take a second.
//
// The server binaries (initdb, pg_ctl, postgres) are looked up on PATH,
// then with pg_config --bindir, then in Debian's /usr/lib/postgresql/*/bin
// (apt-get install postgresql). initdb refuses to run as root, so as root
// the cluster runs as the postgres user the Debian package creates.
//
// Set CORPUSBOT_TEST_DATABASE_URL to use a server of your own instead: each
// test then gets a schema in that database, dropped at the end. Set
// CORPUSBOT_TEST_PG_DURABLE=1 for a cluster that syncs its commits to disk as
// a production server does, for benchmarks; tests do not need it.
package pgtest

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the driver "pgx"
)

// EnvURL names the variable that points the tests at an existing server.
const EnvURL = "CORPUSBOT_TEST_DATABASE_URL"

// EnvDurable names the variable that keeps fsync on in the cluster.
const EnvDurable = "CORPUSBOT_TEST_PG_DURABLE"

// Cluster is a running PostgreSQL server for tests.
type Cluster struct {
	url   string // of the test database, as its superuser
	dir   string // "" for a server of the caller's
	bin   string
	runAs string // the OS user the server runs as, when started as root
	admin *sql.DB
}

// ErrNoServer reports that no PostgreSQL server could be found or started.
var ErrNoServer = errors.New("no PostgreSQL server for the tests")

// Start starts a cluster (or connects to CORPUSBOT_TEST_DATABASE_URL) and
// creates the pg_trgm extension in its public schema, as a database's
// owner would once.
func Start(ctx context.Context) (*Cluster, error) {
	if u := os.Getenv(EnvURL); u != "" {
		c := &Cluster{url: u}
		if err := c.connect(ctx); err != nil {
			return nil, fmt.Errorf("%w: %s: %w", ErrNoServer, EnvURL, err)
		}
		return c, nil
	}
	bin, err := findBin(debianBins)
	if err != nil {
		return nil, err
	}
	c := &Cluster{bin: bin}
	if os.Geteuid() == 0 {
		// initdb and postgres refuse to run as root.
		if _, err := user.Lookup("postgres"); err != nil {
			return nil, fmt.Errorf("%w: running as root, and there is no postgres user to run the server as (apt-get install postgresql creates it): %w", ErrNoServer, err)
		}
		c.runAs = "postgres"
	}
	// The server's socket goes in this folder: its path must stay short
	// (about 100 bytes), and the postgres user must reach it.
	base := os.TempDir()
	if c.runAs != "" || len(base) > 60 {
		base = "/tmp"
	}
	if c.dir, err = os.MkdirTemp(base, "corpusbot-pg-"); err != nil {
		return nil, err
	}
	if err := c.start(ctx); err != nil {
		c.Stop()
		return nil, err
	}
	return c, nil
}

func (c *Cluster) start(ctx context.Context) error {
	if c.runAs != "" {
		u, _ := user.Lookup(c.runAs)
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(c.dir, uid, gid); err != nil {
			return fmt.Errorf("%w: hand the cluster's folder to %s: %w", ErrNoServer, c.runAs, err)
		}
	}
	data := filepath.Join(c.dir, "data")
	if out, err := c.run(ctx, "initdb", "-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8",
		"--locale=C.UTF-8", "--no-sync"); err != nil {
		return fmt.Errorf("%w: initdb: %w\n%s", ErrNoServer, err, out)
	}
	settings := []string{"-c listen_addresses=''", "-k " + c.dir, "-c max_connections=200", "-c shared_buffers=32MB"}
	if os.Getenv(EnvDurable) == "" {
		settings = append(settings, "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off")
	}
	opts := strings.Join(settings, " ")
	if out, err := c.run(ctx, "pg_ctl", "-D", data, "-l", filepath.Join(c.dir, "server.log"), "-o", opts, "-w", "-t", "60", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(c.dir, "server.log"))
		return fmt.Errorf("%w: pg_ctl start: %w\n%s\n%s", ErrNoServer, err, out, log)
	}
	c.url = "postgres://postgres@/postgres?host=" + url.QueryEscape(c.dir)
	if err := c.connect(ctx); err != nil {
		return err
	}
	if _, err := c.admin.ExecContext(ctx, `CREATE DATABASE corpusbot_test`); err != nil {
		return fmt.Errorf("%w: create the test database: %w", ErrNoServer, err)
	}
	c.admin.Close()
	c.url = "postgres://postgres@/corpusbot_test?host=" + url.QueryEscape(c.dir)
	return c.connect(ctx)
}

func (c *Cluster) connect(ctx context.Context) error {
	db, err := sql.Open("pgx", c.url)
	if err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, `CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`); err != nil {
		db.Close()
		return fmt.Errorf("%w: create extension pg_trgm: %w", ErrNoServer, err)
	}
	c.admin = db
	return nil
}

// run runs a server binary, as c.runAs when set.
func (c *Cluster) run(ctx context.Context, name string, args ...string) ([]byte, error) {
	path := filepath.Join(c.bin, name)
	var cmd *exec.Cmd
	if c.runAs != "" {
		cmd = exec.CommandContext(ctx, "runuser", append([]string{"-u", c.runAs, "--", path}, args...)...)
	} else {
		cmd = exec.CommandContext(ctx, path, args...)
	}
	cmd.Dir = c.dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.Bytes(), err
}

// debianBins is where Debian's packages put each version's server binaries.
const debianBins = "/usr/lib/postgresql/*/bin"

// findBin returns the folder of initdb and pg_ctl: on PATH, from
// pg_config, or the newest of the folders matching glob.
func findBin(glob string) (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			p = real
		}
		if _, err := os.Stat(filepath.Join(filepath.Dir(p), "pg_ctl")); err == nil {
			return filepath.Dir(p), nil
		}
	}
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		dir := strings.TrimSpace(string(out))
		if _, err := os.Stat(filepath.Join(dir, "initdb")); err == nil {
			return dir, nil
		}
	}
	dirs, _ := filepath.Glob(glob)
	slices.SortFunc(dirs, func(a, b string) int { return version(b) - version(a) }) // newest first
	for _, dir := range dirs {
		if _, err := os.Stat(filepath.Join(dir, "initdb")); err == nil {
			return dir, nil
		}
	}
	return "", fmt.Errorf("%w: the PostgreSQL server binaries (initdb, pg_ctl) are not installed; "+
		"install them (Debian: apt-get install postgresql; .ci/run does) or set %s to a database of a server you run", ErrNoServer, EnvURL)
}

func version(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

// Schema creates a schema of its own for one test and returns the URL that
// uses it (search_path) with the cluster's superuser. name is only a hint;
// a random suffix keeps schemas apart.
func (c *Cluster) Schema(ctx context.Context, name string) (string, error) {
	b := make([]byte, 4)
	rand.Read(b)
	schema := strings.ToLower(sanitize(name)) + "_" + hex.EncodeToString(b)
	if _, err := c.admin.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		return "", fmt.Errorf("create schema %s: %w", schema, err)
	}
	u, err := url.Parse(c.url)
	if err != nil {
		return "", err
	}
	q := u.Query()
	q.Set("search_path", schema+",public")
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// DropSchema removes a schema made by Schema, with everything in it.
func (c *Cluster) DropSchema(ctx context.Context, schemaURL string) error {
	u, err := url.Parse(schemaURL)
	if err != nil {
		return err
	}
	schema, _, _ := strings.Cut(u.Query().Get("search_path"), ",")
	if schema == "" || schema == "public" {
		return fmt.Errorf("drop schema: %s has no schema of its own", schemaURL)
	}
	_, err = c.admin.ExecContext(ctx, `DROP SCHEMA `+schema+` CASCADE`)
	return err
}

// sanitize keeps the letters, digits and underscores of s, at most 40.
func sanitize(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
		if b.Len() >= 40 {
			break
		}
	}
	if b.Len() == 0 || (b.String()[0] >= '0' && b.String()[0] <= '9') {
		return "t_" + b.String()
	}
	return b.String()
}

// Stop stops the server and removes its folder; with a server of the
// caller's it only closes the connection.
func (c *Cluster) Stop() error {
	if c.admin != nil {
		c.admin.Close()
	}
	if c.dir == "" {
		return nil
	}
	var err error
	if _, statErr := os.Stat(filepath.Join(c.dir, "data", "postmaster.pid")); statErr == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		var out []byte
		if out, err = c.run(ctx, "pg_ctl", "-D", filepath.Join(c.dir, "data"), "-m", "immediate", "-w", "stop"); err != nil {
			err = fmt.Errorf("pg_ctl stop: %w\n%s", err, out)
		}
	}
	return errors.Join(err, os.RemoveAll(c.dir))
}
