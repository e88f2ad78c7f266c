package main

import (
	"context"
	"fmt"
	"text/tabwriter"
)

// docs is `corpusbot docs`: the documents loaded, then every file not
// loaded (or loaded with repairs) with its reason.
func (e *env) docs(ctx context.Context, args []string) error {
	fs, dir := e.newFlagSet("docs")
	asJSON := fs.Bool("json", false, "write the documents and skipped files as one JSON object")
	rest, err := e.parse(ctx, fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("docs takes no arguments")
	}
	c, err := e.quiet().loadCorpus(ctx, *dir) // docs lists the files not loaded itself
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, docsJSON(c))
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tLANG\tFORMAT\tPASSAGES\tWORDS\tTITLE")
	for i := range c.Docs {
		d := &c.Docs[i]
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%s\n", oneLineOf(d.ID), d.Lang, d.Format, len(d.Passages), d.Words(), oneLine(d.Title, 70))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(c.Warnings) > 0 {
		fmt.Fprintln(e.stdout, "\nNot loaded, or loaded with repairs:")
		tw = tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		for _, w := range c.Warnings {
			what := "skipped"
			if !w.Skipped() {
				what = "repaired"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", oneLineOf(w.Path), what, oneLineOf(w.Reason))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stdout, "\n%s\n", c.Summary())
	return nil
}
