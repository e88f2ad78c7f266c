package answer

import (
	"context"
	"errors"

	"corpusbot/i18n"
	"corpusbot/llm"
	"corpusbot/retrieval"
)

// Kind is the category of an error a question ended with: whose it is (the
// question's, the model's, ours), how metrics and the dashboard count it,
// and what the reader is told. It is decided once, by KindOf, and every
// consumer (the bot's metrics, messages and log levels, the dashboard's
// failure column, the terminal's exit message) reads it rather than
// matching errors itself.
type Kind uint8

// Kinds. The zero value is KindInternal: an error of no known category is
// a fault of ours.
const (
	KindInternal Kind = iota
	// KindCanceled: the caller stopped waiting (cancelled, or its own
	// deadline passed); nobody's fault.
	KindCanceled
	// KindBusy: refused because too many questions were waiting; the
	// reader is told when to try again.
	KindBusy

	// The question's own: what was asked cannot be answered as asked.
	KindEmptyQuestion
	KindNoWords // ErrNoSearchableWords
	KindNoTerms // retrieval.ErrNoTerms: a search for nothing searchable
	KindTooLong
	KindUnknownDocument
	KindNothingNew

	// The model's.
	KindEmptyReply
	KindRateLimited
	KindTimeout // the model, or the whole answer, took too long
	KindUnavailable
	KindUnauthorized
	KindBadRequest
	KindContextTooLong
	KindIncomplete

	numKinds
)

// owner is whose an error is.
type owner uint8

const (
	ours     owner = iota // a fault: counted
	question              // the asker's to fix: told, not counted
	model                 // the LLM's: counted, and against the model's health
	nobody                // neither a fault nor a mistake: not counted
)

// kindInfo is what a Kind means: its name, its label (see Label), whose
// it is and the catalogue's message for it.
type kindInfo struct {
	name  string
	label string
	owner owner
	text  i18n.Key
}

// kinds holds what each Kind means. label is its name in the metrics'
// kind label and the dashboard's failure column: the model refusing the
// request (a wrong model name or URL) is counted with a refused key as
// "unauthorized", the label operators already alert on, since both mean
// the settings are wrong.
var kinds = [numKinds]kindInfo{
	KindInternal:        {"internal", "internal", ours, i18n.Failed},
	KindCanceled:        {"canceled", "canceled", nobody, i18n.Interrupted},
	KindBusy:            {"busy", "busy", nobody, i18n.Busy},
	KindEmptyQuestion:   {"empty_question", "", question, i18n.EmptyQuestion},
	KindNoWords:         {"no_words", "", question, i18n.NoWords},
	KindNoTerms:         {"no_terms", "", question, i18n.NoTerms},
	KindTooLong:         {"too_long", "", question, i18n.TooLong},
	KindUnknownDocument: {"unknown_document", "", question, i18n.UnknownDocument},
	KindNothingNew:      {"nothing_new", "", question, i18n.NothingNew},
	KindEmptyReply:      {"empty_reply", "empty_reply", model, i18n.EmptyReply},
	KindRateLimited:     {"rate_limited", "rate_limited", model, i18n.RateLimited},
	KindTimeout:         {"timeout", "timeout", model, i18n.ModelTimeout},
	KindUnavailable:     {"unavailable", "unavailable", model, i18n.ModelUnavailable},
	KindUnauthorized:    {"unauthorized", "unauthorized", model, i18n.Misconfigured},
	KindBadRequest:      {"bad_request", "unauthorized", model, i18n.Misconfigured},
	KindContextTooLong:  {"context_too_long", "context_too_long", model, i18n.ContextTooLong},
	KindIncomplete:      {"incomplete", "incomplete", model, i18n.Incomplete},
}

// sentinels are the categories KindOf looks for, in order: the pipeline's
// and retrieval's before the model's, which they may wrap.
var sentinels = []struct {
	err  error
	kind Kind
}{
	{ErrEmptyQuestion, KindEmptyQuestion},
	{ErrNoSearchableWords, KindNoWords},
	{ErrQuestionTooLong, KindTooLong},
	{ErrUnknownDocument, KindUnknownDocument},
	{ErrNothingNew, KindNothingNew},
	{ErrEmptyReply, KindEmptyReply},
	{retrieval.ErrNoTerms, KindNoTerms},
	{llm.ErrRateLimited, KindRateLimited},
	{llm.ErrTimeout, KindTimeout},
	{llm.ErrUnauthorized, KindUnauthorized},
	{llm.ErrBadRequest, KindBadRequest},
	{llm.ErrContextTooLong, KindContextTooLong},
	{llm.ErrIncomplete, KindIncomplete},
	{llm.ErrUnavailable, KindUnavailable},
	{context.Canceled, KindCanceled},
	{context.DeadlineExceeded, KindCanceled},
}

// Kinded is an error that says its own Kind: the errors of the layers
// above the pipeline (a full queue, an answer stopped at its time limit)
// implement it, so that KindOf classes them too. The outermost one wins.
type Kinded interface {
	error
	Kind() Kind
}

// KindOf is the Kind of err (which is not nil): a Kinded error's own, else
// that of the first category it wraps, else KindInternal.
func KindOf(err error) Kind {
	if k, ok := errors.AsType[Kinded](err); ok {
		return k.Kind()
	}
	for _, s := range sentinels {
		if errors.Is(err, s.err) {
			return s.kind
		}
	}
	return KindInternal
}

// Kinds are every Kind, for tables of them and their tests.
func Kinds() []Kind {
	out := make([]Kind, numKinds)
	for k := range out {
		out[k] = Kind(k)
	}
	return out
}

// String is the Kind's name, for logs and tests.
func (k Kind) String() string { return k.info().name }

// Label is the Kind's value of the metrics' kind label and of a failed
// answer's recorded failure; "" for the question's own mistakes, which are
// neither.
func (k Kind) Label() string { return k.info().label }

// Question reports a mistake in what was asked: the reader is told what to
// change, and nothing is counted as a failure.
func (k Kind) Question() bool { return k.info().owner == question }

// Model reports a failure of the language model.
func (k Kind) Model() bool { return k.info().owner == model }

// Fault reports a failure to count: the model's or ours, not the
// question's, nor a cancelled or refused question.
func (k Kind) Fault() bool { o := k.info().owner; return o == ours || o == model }

// Message is the catalogue's message for the Kind. KindBusy's takes the
// wait, which only the queue that refused knows; ErrorText fills in what
// the pipeline's errors carry.
func (k Kind) Message() i18n.Key { return k.info().text }

func (k Kind) info() *kindInfo {
	if k >= numKinds {
		k = KindInternal
	}
	return &kinds[k]
}

// ErrorText is what a reader is told of err, in lang: short, saying what
// happened and what to do, without the error's detail (which is the
// operator's log's). A too long question names the limit.
func ErrorText(err error, lang string) string {
	k := KindOf(err)
	if te, ok := errors.AsType[*TooLongError](err); ok && k == KindTooLong {
		return say(lang, i18n.TooLongLimit, i18n.Count(lang, i18n.Characters, te.Limit))
	}
	if ee, ok := errors.AsType[*EmptyReplyError](err); ok && k == KindEmptyReply {
		switch {
		case ee.Budget():
			return say(lang, i18n.EmptyReplyBudget)
		case ee.Filtered():
			return say(lang, i18n.EmptyReplyFiltered)
		}
	}
	return say(lang, k.Message())
}
