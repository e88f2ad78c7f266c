package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"corpusbot/answer"
)

// command is one subcommand: how it is called, what it does, and the
// examples its help shows. In examples, {topic} stands for a title or
// heading of the loaded corpus, so that they work on the user's documents.
type command struct {
	name     string
	args     string // after the name: "[flags] QUESTION"
	summary  string // one line, for the command list
	about    string // the help's paragraph
	examples []string
	run      func(e *env, ctx context.Context, args []string) error
}

// commandList lists the subcommands in the order help shows them. (A
// function, not a variable: the commands print help from this list.)
func commandList() []command {
	return []command{
		{
			name: "run", args: "[--corpus DIR]", summary: "start the Discord bot (needs DISCORD_TOKEN); the default",
			about: "Starts the Discord bot. Settings come from the environment or .env (see .env.example). " +
				"With a corpus folder, changes to it are loaded while the bot runs (WATCH_CORPUS).",
			examples: []string{"corpusbot run --corpus ./docs"},
			run:      (*env).runBot,
		},
		{
			name: "ask", args: "[flags] QUESTION", summary: "answer a question with cited sources",
			about: "Answers a question from the documents. Every claim cites a passage; the Sources list says " +
				"where each passage is. Without an LLM configured (OPENAI_API_KEY or OPENAI_BASE_URL) the answer quotes the best-matching sentences. " +
				"An abstention (the documents do not cover the question) exits 0.",
			examples: []string{`corpusbot ask "{topic}"`, `corpusbot --corpus ./docs ask --json "{topic}"`},
			run:      (*env).ask,
		},
		{
			name: "search", args: "[flags] QUERY", summary: "ranked passages with scores, no LLM",
			about: "Shows the passages the index ranks highest for a query, with their scores and the matched " +
				"terms marked. With --batch, reads qid<TAB>query lines from a file and writes a TREC run " +
				"(qid Q0 docid rank score corpusbot), a document scoring as its best passage.",
			examples: []string{`corpusbot search "{topic}"`, "corpusbot search --corpus ./docs --batch queries.tsv --k 100"},
			run:      (*env).search,
		},
		{
			name: "summary", args: "[flags] DOC-ID | --topic TEXT", summary: "a cited summary of a document or a topic",
			about:    "Summarises one document (corpusbot docs lists the IDs) or what the documents say on a topic.",
			examples: []string{`corpusbot summary --topic "{topic}"`},
			run:      (*env).summary,
		},
		{
			name: "briefing", args: "[flags] [--topic TEXT]", summary: "a cited briefing of the corpus or a topic",
			about:    "Writes a briefing, grouped by theme, of the whole corpus or of one topic.",
			examples: []string{"corpusbot briefing", `corpusbot briefing --topic "{topic}"`},
			run:      (*env).briefing,
		},
		{
			name: "docs", args: "[flags]", summary: "list the documents, and the files not loaded with why",
			about:    "Lists the loaded documents (ID, language, format, passages, words, title) and names every file that was not loaded, with its reason.",
			examples: []string{"corpusbot docs --corpus ./docs", "corpusbot docs --json"},
			run:      (*env).docs,
		},
		{
			name: "invite", args: "", summary: "print the bot's invite URL",
			about:    "Prints the URL that adds the bot to a server with exactly the permissions it needs (needs DISCORD_APP_ID).",
			examples: []string{"corpusbot invite"},
			run:      (*env).invite,
		},
		{
			name: "dashboard", args: "[--addr HOST:PORT] [--corpus DIR]", summary: "the operator's dashboard, from the database alone",
			about: "Serves the dashboard (overview, coverage gaps, questions, documents, briefings) from DATA_DIR's " +
				"database without connecting to Discord, on ADMIN_ADDR or 127.0.0.1:8080. Needs ADMIN_TOKEN. The " +
				"corpus is loaded only to show whole cited passages.",
			examples: []string{"ADMIN_TOKEN=$(openssl rand -hex 32) corpusbot dashboard"},
			run:      (*env).dashboard,
		},
		{
			name: "report", args: "[--since 7d] [--json] [--top N]", summary: "questions, outcomes and coverage gaps, for cron and e-mail",
			about: "Prints the dashboard's overview (questions, answered, not covered, failed, votes, latency, tokens, " +
				"languages) and the top coverage gaps of the last days, from DATA_DIR's database.",
			examples: []string{"corpusbot report --since 7d", "corpusbot report --since 30d --json"},
			run:      (*env).report,
		},
		{
			name: "copy-state", args: "", summary: "copy DATA_DIR's SQLite state into DATABASE_URL's PostgreSQL",
			about: "Copies everything the SQLite file in DATA_DIR holds (answers, votes, conversations, briefing history, " +
				"documents and the salt of the user hashes) into the PostgreSQL database of DATABASE_URL, which must " +
				"hold no state yet: once, before the first start on PostgreSQL. All or nothing.",
			examples: []string{"DATABASE_URL=postgres://corpusbot@db/corpusbot corpusbot copy-state"},
			run:      (*env).copyState,
		},
	}
}

func commandNamed(name string) (command, bool) {
	for _, c := range commandList() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// errHelpShown ends a command whose help was printed: exit status 0.
var errHelpShown = errors.New("help shown")

// globalFlags may come before the command ("corpusbot --corpus DIR ask …"):
// they are handed to the command as if written after it, so each command
// still rejects a flag it does not have.
func globalFlags() *flag.FlagSet {
	fs := flag.NewFlagSet("corpusbot", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.String("corpus", "", "corpus folder")
	fs.Bool("json", false, "JSON output")
	fs.Int("k", 0, "passages or results")
	return fs
}

// splitCommand finds the command in args, after any global flags, and
// returns its own arguments with those flags first. No command is "run";
// -h or --help alone is "help".
func splitCommand(args []string) (string, []string, error) {
	fs := globalFlags()
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return "help", nil, nil
		}
		return "", nil, &usageError{msg: err.Error() + ` before the command (corpusbot help lists the commands)`}
	}
	rest := fs.Args()
	name := "run"
	if len(rest) > 0 {
		name, rest = rest[0], rest[1:]
	}
	var moved []string
	fs.Visit(func(f *flag.Flag) { moved = append(moved, "--"+f.Name+"="+f.Value.String()) })
	return name, append(moved, rest...), nil
}

// help is "corpusbot help [COMMAND]".
func (e *env) help(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(e.stdout, usage())
		return nil
	}
	cmd, ok := commandNamed(args[0])
	if !ok {
		return usagef("unknown command %q; run \"corpusbot help\"", args[0])
	}
	// The command prints its own help, with its flags and an example from
	// the corpus it would load.
	if err := cmd.run(e, ctx, []string{"--help"}); !errors.Is(err, errHelpShown) {
		return err
	}
	return nil
}

// usage is the program's help: the commands and the common flags.
func usage() string {
	var b strings.Builder
	b.WriteString("corpusbot answers questions about a corpus of documents, with citations.\n\nUsage:\n")
	width := 0 // of the longest call, so that the summaries line up
	for _, c := range commandList() {
		width = max(width, len(strings.TrimSpace(c.name+" "+c.args)))
	}
	for _, c := range commandList() {
		fmt.Fprintf(&b, "  corpusbot %-*s  %s\n", width, strings.TrimSpace(c.name+" "+c.args), c.summary)
	}
	b.WriteString(`
Flags common to the commands, accepted before or after the command:
  --corpus DIR   the documents' folder (default: CORPUS_DIR, else the embedded corpus)
  --json         ask, search, summary, briefing, docs: one JSON object (schema in the README)
  --k N          ask, search: how many passages or results

"corpusbot help COMMAND" or "corpusbot COMMAND --help" shows a command's flags and examples.
Settings come from the environment or a .env file; see .env.example.
`)
	return b.String()
}

// parse parses a command's flags, allowing flags after positional
// arguments ("search alipay --k 3"), which is what people type. For -h or
// --help it prints the command's help and returns errHelpShown.
func (e *env) parse(ctx context.Context, fs *flag.FlagSet, args []string) ([]string, error) {
	all := args
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				// Flags after -h still count ("ask -h --corpus DIR"): the
				// examples come from that folder.
				fs.Parse(slices.DeleteFunc(slices.Clone(all), isHelpFlag))
				e.printHelp(ctx, fs)
				return nil, errHelpShown
			}
			return nil, &usageError{msg: err.Error() + " (corpusbot " + fs.Name() + " --help lists the flags)"}
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

func isHelpFlag(a string) bool {
	switch a {
	case "-h", "--h", "-help", "--help":
		return true
	}
	return false
}

// printHelp writes a command's help to stdout, its examples naming a
// topic of the corpus the command would load.
func (e *env) printHelp(ctx context.Context, fs *flag.FlagSet) {
	cmd, _ := commandNamed(fs.Name())
	w := e.stdout
	fmt.Fprintf(w, "Usage: corpusbot %s\n\n%s\n", strings.TrimSpace(cmd.name+" "+cmd.args), wrap(cmd.about, 78))
	if flags := flagDefaults(fs); flags != "" {
		fmt.Fprintf(w, "\nFlags:\n%s\n", flags)
	}
	if len(cmd.examples) > 0 {
		topic := e.exampleTopic(ctx, fs)
		fmt.Fprintln(w, "\nExamples:")
		for _, ex := range cmd.examples {
			fmt.Fprintf(w, "  %s\n", strings.ReplaceAll(ex, "{topic}", topic))
		}
	}
}

// exampleTopic is a title or heading of the corpus a command would load,
// for its help's examples; a placeholder when it cannot be loaded.
func (e *env) exampleTopic(ctx context.Context, fs *flag.FlagSet) string {
	const placeholder = "a question about your documents"
	dir := e.cfg.CorpusDir
	if f := fs.Lookup("corpus"); f != nil {
		dir = f.Value.String()
	}
	c, err := e.quiet().loadCorpus(ctx, dir) // help is not the place for skipped-file warnings
	if err != nil {
		return placeholder
	}
	if t := answer.ExampleTopic(c.Docs); t != "" {
		return strings.ReplaceAll(t, `"`, "'")
	}
	return placeholder
}

func flagDefaults(fs *flag.FlagSet) string {
	var b strings.Builder
	fs.SetOutput(&b)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	return strings.TrimRight(b.String(), "\n")
}

// wrap breaks s into lines of at most width bytes at spaces.
func wrap(s string, width int) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(s) {
		if n > 0 && n+1+len(w) > width {
			b.WriteByte('\n')
			n = 0
		} else if n > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}

// positiveK rejects a --k the user set below 1; unset, def applies.
func positiveK(fs *flag.FlagSet, k *int, def int) error {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == "k" })
	if !set {
		*k = def
		return nil
	}
	if *k < 1 {
		return usagef("--k must be a whole number of at least 1, not %d", *k)
	}
	return nil
}
