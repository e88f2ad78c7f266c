package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"corpusbot/answer"
	"corpusbot/corpus"
)

// treeQuestion is a question about a documentation tree and the files
// that answer it.
type treeQuestion struct {
	id, half, text string
	files          []string // paths relative to the tree; any one is right
}

// readTreeQuestions reads qid<TAB>half<TAB>files<TAB>question lines; "#"
// starts a comment.
func readTreeQuestions(path string) ([]treeQuestion, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var qs []treeQuestion
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 4 || (parts[1] != "tune" && parts[1] != "test") {
			return nil, fmt.Errorf("%s:%d: want qid, tune|test, files, question separated by tabs", path, n)
		}
		qs = append(qs, treeQuestion{id: parts[0], half: parts[1], files: strings.Split(parts[2], ","), text: parts[3]})
	}
	return qs, sc.Err()
}

// treeScore counts, for one half, the questions whose first passage is
// from a right file, and those with a right file in the top 3.
type treeScore struct{ n, first, top3 int }

// runDocTrees loads each documentation tree (dir=questions.tsv pairs) as
// corpusbot does, asks its questions through Pipeline.Search, and prints
// "right file first" and "right file in the top 3" for each half.
func runDocTrees(ctx context.Context, specs []string, stdout, stderr io.Writer) error {
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TREE\tDOCS\tHALF\tQUESTIONS\tFIRST\tTOP 3")
	for _, spec := range specs {
		dir, qfile, ok := strings.Cut(spec, "=")
		if !ok {
			return fmt.Errorf("-doctree %q: want DIR=QUESTIONS.tsv", spec)
		}
		qs, err := readTreeQuestions(qfile)
		if err != nil {
			return err
		}
		c, err := corpus.Load(ctx, os.DirFS(dir), corpus.Config{})
		if err != nil {
			return fmt.Errorf("load corpus %s: %w", dir, err)
		}
		fmt.Fprintf(stderr, "%s: %s\n", dir, c.Summary())
		p, err := answer.New(answer.Config{}, c, nil)
		if err != nil {
			return err
		}
		scores := map[string]*treeScore{"tune": {}, "test": {}}
		for _, q := range qs {
			ms, err := p.Search(ctx, q.text, 3)
			if err != nil {
				return fmt.Errorf("%s: %w", q.id, err)
			}
			s := scores[q.half]
			s.n++
			rank := 0
			for i, m := range ms {
				if rank == 0 && isAnswerFile(m.Passage.DocID, c, q.files) {
					rank = i + 1
				}
			}
			if rank == 1 {
				s.first++
			}
			if rank >= 1 {
				s.top3++
			}
			if rank != 1 {
				got := ""
				if len(ms) > 0 {
					got = ms[0].DocID
				}
				fmt.Fprintf(stderr, "  %s (%s): rank %d, first %s: %s\n", q.id, q.half, rank, got, q.text)
			}
		}
		for _, h := range []string{"tune", "test"} {
			s := scores[h]
			fmt.Fprintf(tw, "%s\t%d\t%s\t%d\t%d/%d\t%d/%d\n", filepath.Base(dir), len(c.Docs), h, s.n, s.first, s.n, s.top3, s.n)
		}
	}
	return tw.Flush()
}

// isAnswerFile reports whether the document id was loaded from one of files.
func isAnswerFile(id string, c *corpus.Corpus, files []string) bool {
	d, ok := c.Doc(id)
	if !ok {
		return false
	}
	for _, f := range files {
		if d.Path == strings.TrimSpace(f) {
			return true
		}
	}
	return false
}
