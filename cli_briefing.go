package main

import (
	"context"
	"strings"

	"corpusbot/answer"
	"corpusbot/i18n"
)

// briefing is `corpusbot briefing`: a cited briefing of the whole corpus
// or of a topic.
func (e *env) briefing(ctx context.Context, args []string) error {
	fs, f := e.answerFlagSet("briefing")
	topic := fs.String("topic", "", "brief on a topic instead of the whole corpus")
	rest, err := e.parse(ctx, fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		*topic = strings.TrimSpace(*topic + " " + joinArgs(rest))
	}
	p, err := e.pipeline(ctx, *f.dir, 0, true)
	if err != nil {
		return err
	}
	out := newAnswerPrinter(e.stdout, fs.Name(), *f.asJSON, i18n.Reply(*topic, e.locale), e.columns)
	res, err := p.Brief(ctx, answer.BriefingRequest{Topic: *topic, OnDelta: out.delta(), Lang: e.locale})
	return e.finish(out, res, err)
}
