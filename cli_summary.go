package main

import (
	"context"
	"strings"

	"corpusbot/answer"
	"corpusbot/corpus"
	"corpusbot/i18n"
)

// summary is `corpusbot summary`: a cited summary of one document (by ID
// or path) or of a topic.
func (e *env) summary(ctx context.Context, args []string) error {
	fs, f := e.answerFlagSet("summary")
	topic := fs.String("topic", "", "summarise a topic instead of one document")
	rest, err := e.parse(ctx, fs, args)
	if err != nil {
		return err
	}
	doc := joinArgs(rest)
	if (doc == "") == (*topic == "") {
		return usagef("summary needs exactly one of DOC-ID or --topic TEXT (corpusbot docs lists the IDs)")
	}
	p, err := e.pipeline(ctx, *f.dir, 0, true)
	if err != nil {
		return err
	}
	out := newAnswerPrinter(e.stdout, fs.Name(), *f.asJSON, i18n.Reply(*topic, e.locale), e.columns)
	res, err := p.Summarize(ctx, answer.SummaryRequest{DocID: docByIDOrPath(p.Documents(), doc), Topic: *topic, OnDelta: out.delta(), Lang: e.locale})
	return e.finish(out, res, err)
}

// docByIDOrPath is the ID of the document named by its ID or by its file's
// path, which Sources show ("guide/deploy.md"); arg itself when none is.
func docByIDOrPath(docs []corpus.Document, arg string) string {
	for _, d := range docs {
		if d.ID == arg {
			return arg
		}
	}
	for _, d := range docs {
		if d.Path == arg || d.Path == strings.TrimPrefix(arg, "./") {
			return d.ID
		}
	}
	return arg
}
