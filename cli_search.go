package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"corpusbot/answer"
	"corpusbot/i18n"
	"corpusbot/retrieval"
)

// checkQuery gives the messages a person needs for a query that cannot be searched.
func (e *env) checkQuery(q string) error {
	if n := utf8.RuneCountInString(q); n > e.cfg.MaxQuestionChars {
		return fmt.Errorf("the query is %d characters long; the limit is %d (MAX_QUESTION_CHARS)", n, e.cfg.MaxQuestionChars)
	}
	return nil
}

func (e *env) search(ctx context.Context, args []string) error {
	fs, dir := e.newFlagSet("search")
	k := fs.Int("k", 0, "number of results (default 10, or 100 with --batch)")
	asJSON := fs.Bool("json", false, "write the results as one JSON object")
	batch := fs.String("batch", "", "file of qid<TAB>query lines; writes a TREC run")
	rest, err := e.parse(ctx, fs, args)
	if err != nil {
		return err
	}
	if *batch != "" {
		if err := positiveK(fs, k, 100); err != nil {
			return err
		}
		if *asJSON {
			return usagef("--batch writes a TREC run, not JSON: drop --json")
		}
		if len(rest) > 0 {
			return usagef("--batch takes its queries from the file, not the command line")
		}
		p, err := e.pipeline(ctx, *dir, 0, false)
		if err != nil {
			return err
		}
		return e.searchBatch(ctx, p, *batch, *k)
	}
	if err := positiveK(fs, k, 10); err != nil {
		return err
	}
	query := joinArgs(rest)
	if strings.TrimSpace(query) == "" {
		return usagef("nothing to search for: give a query, e.g. corpusbot search \"%s\"", e.exampleTopic(ctx, fs))
	}
	if err := e.checkQuery(query); err != nil {
		return err
	}
	p, err := e.pipeline(ctx, *dir, 0, false)
	if err != nil {
		return err
	}
	matches, err := p.Search(ctx, query, *k)
	if errors.Is(err, retrieval.ErrNoTerms) {
		return fmt.Errorf("nothing to search for in %q: it has only stopwords, punctuation or symbols", oneLine(query, 60))
	}
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if *asJSON {
		return writeJSON(e.stdout, searchJSON(query, matches))
	}
	if len(matches) == 0 {
		fmt.Fprintln(e.stdout, i18n.Text(i18n.Reply(query, e.locale), i18n.NoMatch, oneLine(query, 60)))
		return nil
	}
	writeMatches(e.stdout, matches, isTerminal(e.stdout))
	return nil
}

func writeMatches(w io.Writer, matches []answer.Match, ansi bool) {
	open, close := "**", "**"
	if ansi {
		open, close = "\x1b[1m", "\x1b[0m"
	}
	for _, m := range matches {
		note := ""
		if !m.Relevant {
			note = "  (below the relevance floor)"
		}
		p := &m.Passage
		fmt.Fprintf(w, "%d. %.3f  %s%s\n   %s, passage %d\n", m.Rank, m.Score,
			where(i18n.English, m.Title, p.Headings, m.Path, m.Unit, p.LineStart, p.LineEnd, p.PageStart, p.PageEnd), note, m.DocID, p.Index)
		if m.URL != "" {
			fmt.Fprintf(w, "   %s\n", m.URL)
		}
		text := mark(m.Passage.Text, m.Highlights, open, close)
		for _, line := range strings.Split(text, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				fmt.Fprintf(w, "   %s\n", line)
			}
		}
		fmt.Fprintln(w)
	}
}

// mark wraps each span of text in open/close. Spans are byte ranges, sorted.
func mark(text string, spans []retrieval.Span, open, close string) string {
	var b strings.Builder
	last := 0
	for _, s := range spans {
		if s.Start < last || s.End > len(text) || s.Start >= s.End {
			continue
		}
		b.WriteString(text[last:s.Start])
		b.WriteString(open)
		b.WriteString(text[s.Start:s.End])
		b.WriteString(close)
		last = s.End
	}
	b.WriteString(text[last:])
	return b.String()
}

// searchBatch writes a TREC run at document level: a document scores as its
// best passage.
func (e *env) searchBatch(ctx context.Context, p *answer.Pipeline, path string, k int) error {
	// A run's columns are split on white space (trec_eval, ireval.ReadRun):
	// an ID holding a space would make every line it is on unreadable.
	for _, d := range p.Documents() {
		if strings.ContainsFunc(d.ID, unicode.IsSpace) {
			return fmt.Errorf("batch: document ID %q holds white space, which a TREC run cannot: rename %s", d.ID, d.Path)
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	defer f.Close()
	out := bufio.NewWriter(e.stdout)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		qid, query, ok := strings.Cut(line, "\t")
		qid = strings.TrimSpace(qid)
		if !ok || qid == "" || strings.ContainsFunc(qid, unicode.IsSpace) {
			return fmt.Errorf("batch %s line %d: want qid<TAB>query, the qid without spaces", path, n)
		}
		hits, err := p.SearchDocs(ctx, query, k)
		if errors.Is(err, retrieval.ErrNoTerms) {
			e.log.Warn("batch query has no searchable terms", "qid", qid)
			continue
		}
		if err != nil {
			return fmt.Errorf("batch %s line %d: %w", path, n, err)
		}
		for i, h := range hits {
			fmt.Fprintf(out, "%s Q0 %s %d %.6f corpusbot\n", qid, h.Doc, i+1, h.Score)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("batch %s: %w", path, err)
	}
	return out.Flush()
}

// isTerminal reports whether w is a character device, to decide on ANSI bold.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
