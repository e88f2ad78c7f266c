package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"unicode"

	"corpusbot/answer"
	"corpusbot/corpus"
	"corpusbot/i18n"
	"corpusbot/text"
)

// answerFlags are shared by ask, summary and briefing.
type answerFlags struct {
	dir    *string
	asJSON *bool
}

func (e *env) answerFlagSet(name string) (*flag.FlagSet, answerFlags) {
	fs, dir := e.newFlagSet(name)
	asJSON := fs.Bool("json", false, "write the whole result as JSON")
	return fs, answerFlags{dir: dir, asJSON: asJSON}
}

func (e *env) ask(ctx context.Context, args []string) error {
	fs, f := e.answerFlagSet("ask")
	k := fs.Int("k", 0, "passages to retrieve (default 8)")
	rest, err := e.parse(ctx, fs, args)
	if err != nil {
		return err
	}
	if err := positiveK(fs, k, 0); err != nil {
		return err
	}
	q := joinArgs(rest)
	if q == "" {
		return usagef("ask needs a question, e.g. corpusbot ask \"%s\"", e.exampleTopic(ctx, fs))
	}
	p, err := e.pipeline(ctx, *f.dir, *k, true)
	if err != nil {
		return err
	}
	out := newAnswerPrinter(e.stdout, fs.Name(), *f.asJSON, i18n.Reply(q, e.locale), e.columns)
	res, err := p.Ask(ctx, answer.Question{Text: q, OnDelta: out.delta(), Lang: e.locale})
	return e.finish(out, res, err)
}

// finish prints the result, or turns err into words a person can act on.
// An abstention is an answer: exit status 0.
func (e *env) finish(out *answerPrinter, res *answer.Result, err error) error {
	if err != nil {
		out.abort()
		return errors.New(describeErrorIn(err, out.lang))
	}
	if err := out.result(res); err != nil {
		return err
	}
	if res.Extractive && !out.json {
		fmt.Fprintln(e.stderr, i18n.Text(res.Lang, i18n.NoLLMHint))
	}
	return nil
}

// terminalLocale is the terminal's locale, as POSIX orders its variables;
// "" for C and POSIX, which name no language.
func terminalLocale(getenv func(string) string) string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			return v
		}
	}
	return ""
}

// sourceLine is where a source is, as the terminal shows it.
func sourceLine(s answer.Source, lang string) string {
	return where(lang, s.Title, s.Headings, s.Path, s.Unit, s.LineStart, s.LineEnd, s.PageStart, s.PageEnd)
}

// where is "title › heading path — path/with.ext (lines 12–30)", with
// pages for a PDF and slides for a deck (unit), in lang.
func where(lang, title string, headings []string, path string, unit corpus.Unit, lineStart, lineEnd, pageStart, pageEnd int) string {
	head := oneLine(title, 80)
	for _, h := range headings {
		head += " › " + oneLine(h, 60)
	}
	out := head + " — " + oneLineOf(path)
	if span := answer.SpanIn(lang, unit, lineStart, lineEnd, pageStart, pageEnd); span != "" {
		out += " (" + span + ")"
	}
	return out
}

// oneLine flattens s to one line of at most n runes, without control
// characters: a title or a question is anyone's text, and must neither
// break the output's layout nor send escape sequences to the terminal.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)), " ")
	return text.Clip(s, n)
}

// oneLineOf keeps a file name from breaking a line of output or sending
// escape sequences to the terminal; other characters stay as they are.
func oneLineOf(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return '\uFFFD'
		}
		return r
	}, s)
}

// settingKinds are the failures whose English words name a setting to
// fix (OPENAI_API_KEY, CONTEXT_TOKENS) or carry the detail to act on (the
// unknown ID, the error itself): they stay in English, like the logs. The
// others are the reader's to act on, in their language.
var settingKinds = map[answer.Kind]bool{
	answer.KindUnauthorized: true, answer.KindBadRequest: true, answer.KindContextTooLong: true,
	answer.KindUnknownDocument: true, answer.KindCanceled: true, answer.KindInternal: true,
}

// describeErrorIn is describeError for a reader of lang: a failure that is
// theirs to act on in their language; English keeps describeError's
// words, which also name the settings an operator may change.
func describeErrorIn(err error, lang string) string {
	if lang == "" || lang == i18n.English || settingKinds[answer.KindOf(err)] {
		return describeError(err)
	}
	return answer.ErrorText(err, lang)
}

// describeError says what an error of the pipeline or the LLM means, by
// its answer.Kind, in a short sentence; the detail stays in the wrapped
// error for logs.
func describeError(err error) string {
	switch answer.KindOf(err) {
	case answer.KindEmptyQuestion:
		return "the question is empty"
	case answer.KindNoWords, answer.KindNoTerms:
		return "the question has no words to search for (only punctuation, symbols or very common words); ask about something in the documents"
	case answer.KindTooLong:
		return err.Error()
	case answer.KindUnknownDocument:
		return err.Error() + " (corpusbot docs lists the IDs)"
	case answer.KindNothingNew:
		return "nothing new to brief: every passage on this has been covered already"
	case answer.KindEmptyReply:
		if ee, ok := errors.AsType[*answer.EmptyReplyError](err); ok {
			switch {
			case ee.Budget():
				return fmt.Sprintf("the model used up its token budget (MAX_ANSWER_TOKENS=%d) before writing an answer; raise MAX_ANSWER_TOKENS", ee.MaxTokens)
			case ee.Filtered():
				return "the provider's content filter stopped the model's reply before it wrote anything; ask differently"
			}
		}
		return "the model returned nothing; try again"
	case answer.KindRateLimited:
		return "the LLM is rate limiting us; try again in a minute"
	case answer.KindTimeout:
		return "the LLM took too long to answer (LLM_TIMEOUT); try again"
	case answer.KindUnauthorized:
		return "the LLM rejected the API key (check OPENAI_API_KEY)"
	case answer.KindContextTooLong:
		return "the question and passages are too long for the model (lower CONTEXT_TOKENS)"
	case answer.KindBadRequest:
		return "the LLM rejected the request (check OPENAI_MODEL and OPENAI_BASE_URL)"
	case answer.KindIncomplete:
		return "the LLM's answer was cut off before the end; try again"
	case answer.KindUnavailable:
		return "the LLM is unavailable right now; try again later"
	case answer.KindCanceled:
		if errors.Is(err, context.Canceled) {
			return "cancelled"
		}
	}
	return err.Error()
}

// answerPrinter streams text as it arrives, then prints the sources.
type answerPrinter struct {
	w        io.Writer
	command  string
	json     bool
	streamed bool
	lang     string       // of what it says before there is a result
	text     *tableWriter // the text, its tables laid out
}

func newAnswerPrinter(w io.Writer, command string, asJSON bool, lang string, columns int) *answerPrinter {
	return &answerPrinter{w: w, command: command, json: asJSON, lang: lang, text: newTableWriter(w, columns)}
}

// delta returns the streaming callback, or nil when output is JSON.
func (p *answerPrinter) delta() func(string) {
	if p.json {
		return nil
	}
	return func(s string) {
		p.streamed = true
		p.text.write(s)
	}
}

func (p *answerPrinter) abort() {
	if p.streamed {
		p.text.flush()
		fmt.Fprintln(p.w, "\n"+i18n.Text(p.lang, i18n.AnswerInterrupted))
	}
}

func (p *answerPrinter) result(res *answer.Result) error {
	if p.json {
		return writeJSON(p.w, resultJSON(p.command, res))
	}
	if !p.streamed {
		p.text.write(res.Text)
	}
	p.text.flush()
	fmt.Fprintln(p.w)
	if res.Abstained {
		if len(res.Nearest) > 0 {
			fmt.Fprintf(p.w, "\n%s\n", i18n.Text(res.Lang, i18n.NearestLabel))
			for _, n := range res.Nearest {
				fmt.Fprintf(p.w, "  - %s — %s\n", n.Title, n.DocID)
			}
		}
		return nil
	}
	if len(res.Sources) > 0 {
		fmt.Fprintln(p.w, "\n"+i18n.Text(res.Lang, i18n.SourcesLabel))
		for _, s := range res.Sources {
			fmt.Fprintf(p.w, "[%d] %s\n", s.N, sourceLine(s, res.Lang))
			if s.URL != "" {
				fmt.Fprintf(p.w, "    %s\n", s.URL)
			}
		}
	}
	if notes := res.Notes(); len(notes) > 0 {
		fmt.Fprintln(p.w)
		for _, n := range notes {
			fmt.Fprintln(p.w, n)
		}
	}
	return nil
}
