package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"corpusbot/secret"
	"corpusbot/store"
)

// copyState moves the state from DATA_DIR's SQLite file into the
// PostgreSQL database of DATABASE_URL: `corpusbot copy-state`, once,
// before the first start on PostgreSQL.
func (e *env) copyState(ctx context.Context, args []string) error {
	fs, _ := e.newFlagSet("copy-state")
	rest, err := e.parse(ctx, fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("copy-state takes no arguments; it copies DATA_DIR's database into DATABASE_URL's")
	}
	if e.cfg.DatabaseURL.IsZero() {
		return &configError{Key: "DATABASE_URL", Want: "the PostgreSQL database to copy DATA_DIR's state into"}
	}
	path := filepath.Join(e.cfg.DataDir, store.FileName)
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("no database at %s (DATA_DIR) to copy: %w", path, err)
	}
	src, err := store.Open(ctx, store.Config{Dir: e.cfg.DataDir, Logger: e.log, CheckInterval: -1})
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := store.Open(ctx, store.Config{DatabaseURL: e.cfg.DatabaseURL.Reveal(), Logger: e.log, CheckInterval: -1})
	if err != nil {
		return err
	}
	defer dst.Close()
	copied, err := src.CopyInto(ctx, dst)
	if err != nil {
		return err
	}
	tables := make([]string, 0, len(copied))
	for t := range copied {
		tables = append(tables, t)
	}
	slices.Sort(tables)
	for _, t := range tables {
		fmt.Fprintf(e.stdout, "%-24s %d\n", t, copied[t])
	}
	fmt.Fprintf(e.stdout, "copied %s into %s\n", path, secret.RedactURL(e.cfg.DatabaseURL.Reveal()))
	return nil
}
