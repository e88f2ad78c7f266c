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
)

const usage = `corpusbot answers questions about a corpus of documents, with citations.

Usage:
  corpusbot [run]                      start the Discord bot (needs DISCORD_TOKEN)
  corpusbot ask [flags] QUESTION       answer a question with cited sources
  corpusbot search [flags] QUERY       ranked passages, no LLM
  corpusbot search --batch FILE        TREC run for qid<TAB>query lines
  corpusbot summary DOC-ID | --topic T summarise a document or a topic
  corpusbot briefing [--topic T]       a cited briefing of the corpus or a topic
  corpusbot docs                       list the documents
  corpusbot invite                     print the bot's invite URL

Common flags: --corpus DIR (default: CORPUS_DIR, else the embedded corpus).
Settings come from the environment or a .env file; see .env.example.
`

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
}

// run is the whole program behind main, so tests can drive it.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, err := loadConfig(getenv)
	if err != nil {
		return err
	}
	cmd := "run"
	if len(args) > 0 {
		cmd, args = args[0], args[1:]
	}
	if cmd != "run" && getenv("LOG_LEVEL") == "" {
		// In the terminal the answer is the output; routine logs would bury it.
		cfg.LogLevel = slog.LevelWarn
	}
	e := &env{cfg: cfg, log: newLogger(cfg, stderr), stdout: stdout, stderr: stderr}
	switch cmd {
	case "run":
		return e.runBot(ctx, args)
	case "ask":
		return e.ask(ctx, args)
	case "search":
		return e.search(ctx, args)
	case "summary":
		return e.summary(ctx, args)
	case "briefing":
		return e.briefing(ctx, args)
	case "docs":
		return e.docs(ctx, args)
	case "invite":
		return e.invite(args)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		return usagef("unknown command %q; run \"corpusbot help\"", cmd)
	}
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
	dir := fs.String("corpus", e.cfg.CorpusDir, "corpus folder (default: the embedded corpus)")
	return fs, dir
}

// parseFlags parses args, allowing flags after positional arguments
// ("search alipay --k 3"), which is what people type.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, &usageError{msg: "flags of " + fs.Name() + ":\n" + flagDefaults(fs)}
			}
			return nil, &usageError{msg: err.Error() + " (corpusbot " + fs.Name() + " -h lists the flags)"}
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		if args[0] == "--" {
			return append(rest, args[1:]...), nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

func flagDefaults(fs *flag.FlagSet) string {
	var b strings.Builder
	fs.SetOutput(&b)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	return strings.TrimRight(b.String(), "\n")
}

// loadCorpus reads dir, or the embedded corpus when dir is empty.
func (e *env) loadCorpus(ctx context.Context, dir string) (*corpus.Corpus, error) {
	ccfg := corpus.Config{MaxFileBytes: e.cfg.MaxFileBytes, Logger: e.log}
	if dir == "" {
		return corpus.Load(ctx, corpus.Embedded(), ccfg)
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("corpus folder: %w", err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("corpus folder %s is not a folder", dir)
	}
	c, err := corpus.Load(ctx, os.DirFS(dir), ccfg)
	if err != nil {
		return nil, fmt.Errorf("load corpus %s: %w", dir, err)
	}
	return c, nil
}

// joinArgs makes one query out of the positional arguments, so quoting is optional.
func joinArgs(args []string) string { return strings.TrimSpace(strings.Join(args, " ")) }
