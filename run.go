package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"corpusbot/corpus"
	"corpusbot/snapshot"
)

// usageError is a mistake on the command line; main exits 2 for it.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

func exitCode(err error) int {
	var ue *usageError
	if errors.As(err, &ue) || isConfigError(err) {
		return 2
	}
	return 1
}

// env is what every command gets: settings, logger and the output streams.
type env struct {
	cfg    config
	log    *slog.Logger
	stdout io.Writer
	stderr io.Writer
	// notes, when set, gets the files a load left out and its summary as
	// plain lines for people (the terminal commands); else they are logged.
	notes io.Writer
	// locale is the terminal's (LC_ALL, LC_MESSAGES, LANG): the language
	// of an answer whose question does not say its own.
	locale string
	// columns is the terminal's width (COLUMNS), for laying out tables.
	columns int
}

// run is the whole program behind main, so tests can drive it.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, err := loadConfig(getenv)
	if err != nil {
		return err
	}
	name, args, err := splitCommand(args)
	if err != nil {
		return err
	}
	if name != "run" && getenv("LOG_LEVEL") == "" {
		// In the terminal the answer is the output; routine logs would bury it.
		cfg.LogLevel = slog.LevelWarn
	}
	e := &env{cfg: cfg, log: newLogger(cfg, stderr), stdout: stdout, stderr: stderr, locale: terminalLocale(getenv), columns: terminalColumns(getenv)}
	if name != "run" {
		e.notes = stderr
	}
	for _, n := range cfg.Notes {
		e.log.Warn(n)
	}
	if name == "help" {
		return e.help(ctx, args)
	}
	cmd, ok := commandNamed(name)
	if !ok {
		return usagef("unknown command %q; run \"corpusbot help\"", name)
	}
	if err := cmd.run(e, ctx, args); !errors.Is(err, errHelpShown) {
		return err
	}
	return nil
}

func newLogger(cfg config, w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: cfg.LogLevel}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// newFlagSet returns a flag set that reports errors instead of exiting, with
// the --corpus flag every command shares.
func (e *env) newFlagSet(name string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	// Errors come back as one line through main; -h prints the flags below.
	fs.SetOutput(io.Discard)
	dir := fs.String("corpus", e.cfg.CorpusDir, "the documents' folder (default: CORPUS_DIR, else the embedded corpus)")
	return fs, dir
}

// loadCorpus reads dir, or the embedded corpus when dir is empty.
func (e *env) loadCorpus(ctx context.Context, dir string) (*corpus.Corpus, error) {
	return e.loadCorpusRead(ctx, dir, nil, nil)
}

// loadCorpusRead is loadCorpus giving the list of the files and each file
// read to h (corpus.Config.Listed and Read), and reading texts into
// memory from texts (corpus.Config.Texts), when not nil.
func (e *env) loadCorpusRead(ctx context.Context, dir string, h *snapshot.Hasher, texts func(int) []byte) (*corpus.Corpus, error) {
	ccfg := corpus.Config{MaxFileBytes: e.cfg.MaxFileBytes, Logger: e.log, Texts: texts}
	if h != nil {
		ccfg.Listed, ccfg.Read = h.Listed, h.Read
	}
	if e.notes != nil {
		ccfg.Logger = slog.New(slog.DiscardHandler) // named below, for people
	}
	fsys := corpus.Embedded()
	if dir != "" {
		st, err := os.Stat(dir)
		if err != nil {
			return nil, fmt.Errorf("corpus folder: %w", err)
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("corpus folder %s is not a folder", dir)
		}
		fsys = corpus.DirFS(dir) // os.DirFS, read with fewer system calls
	}
	c, err := corpus.Load(ctx, fsys, ccfg)
	if err != nil {
		if dir == "" {
			return nil, fmt.Errorf("load the embedded corpus: %w", err)
		}
		return nil, fmt.Errorf("load corpus %s: %w", dir, err)
	}
	e.reportLoad(c)
	return c, nil
}

// reportLoad names the files not loaded for a reason someone may want to
// fix (binary, too large, unreadable, …) and the files repaired, at most
// maxNamedFiles of them, then one line that counts every file skipped: plain
// lines in the terminal, else log records (the loader has logged the files).
// Files of unsupported types (images, data files), duplicates and generated
// pages are only counted: a docs tree holds hundreds of them and naming each at every command buries the
// answer; "corpusbot docs" names them all.
func (e *env) reportLoad(c *corpus.Corpus) {
	if e.notes == nil {
		if len(c.Skipped()) > 0 {
			e.log.Warn("corpus: " + c.Summary())
		} else {
			e.log.Info("corpus: " + c.Summary())
		}
		return
	}
	named, unnamed := 0, 0
	for _, w := range c.Warnings {
		if !worthNaming(w.Kind) {
			unnamed++
			continue
		}
		if named == maxNamedFiles {
			unnamed++
			continue
		}
		named++
		what := "skipped"
		if !w.Skipped() {
			what = "repaired"
		}
		fmt.Fprintf(e.notes, "corpusbot: %s %s: %s\n", what, oneLineOf(w.Path), oneLineOf(w.Reason))
	}
	if len(c.Warnings) > 0 {
		more := ""
		if unnamed > 0 {
			more = ` ("corpusbot docs" names every file)`
		}
		fmt.Fprintf(e.notes, "corpusbot: %s%s\n", c.Summary(), more)
	}
}

// worthNaming reports whether a file skipped for kind is named on stderr:
// not files of other types, nor copies of loaded pages (versioned docs trees
// hold hundreds, skipped by design), nor a site's generated pages.
func worthNaming(kind corpus.SkipKind) bool {
	switch kind {
	case corpus.SkipUnsupported, corpus.SkipDuplicate, corpus.SkipGenerated:
		return false
	}
	return true
}

// maxNamedFiles is how many skipped or repaired files a command names on
// stderr before it only counts them.
const maxNamedFiles = 10

// quiet is e with nothing said about loads: for loads whose warnings are
// shown another way, or have been shown already.
func (e *env) quiet() *env {
	q := *e
	q.log = slog.New(slog.DiscardHandler)
	q.notes = nil
	return &q
}

// joinArgs makes one query out of the positional arguments, so quoting is optional.
func joinArgs(args []string) string { return strings.TrimSpace(strings.Join(args, " ")) }
