package prompts

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"strings"
	"text/template"
)

//go:embed *.tmpl
var files embed.FS

// NoAnswer is the whole reply the system prompt asks for when the passages
// do not answer. A fixed marker lets the pipeline tell an abstention from an
// answer that forgot its citations, whatever the question's language.
const NoAnswer = "NOT_IN_CORPUS"

// ErrMissing is returned when data lacks a field a prompt cannot do without.
var ErrMissing = errors.New("missing prompt data")

// Task selects the opening line of the system prompt.
type Task string

// Tasks.
const (
	TaskAnswer   Task = "answer"
	TaskSummary  Task = "summary"
	TaskBriefing Task = "briefing"
)

// Passage is one numbered block of corpus text.
type Passage struct {
	N     int // the number the model cites, from 1
	DocID string
	Title string
	Text  string
}

// Turn is one earlier message of a conversation.
type Turn struct {
	Role string // "user" or "assistant"
	Text string
}

// Language names a language for the model; Code is what it writes back.
type Language struct {
	Code string // ISO 639-1, e.g. "fr"
	Name string // e.g. "French"
}

// SystemData fills the system prompt.
type SystemData struct {
	Task Task
	// Language is the reply language's name; "" means the question's.
	Language string
}

// AnswerData fills the answer prompt.
type AnswerData struct {
	Question string
	History  []Turn // oldest first; may be empty
	Passages []Passage
}

// SummaryData fills the summary prompt: DocID (with Title) for one
// document, or Topic.
type SummaryData struct {
	DocID    string
	Title    string
	Topic    string
	Language string // reply language's name
	// Sentences is the most sentences the summary may have: as many as
	// the summary without a model gives of the same request (answer's
	// docLeads for a document, maxLeads for a topic), so that a reader
	// gets a summary of the same length either way, one sentence a
	// section of a long page, not six bullets for any page.
	Sentences int
	Passages  []Passage
}

// BriefingData fills the briefing prompt; Topic "" means the whole corpus.
type BriefingData struct {
	Topic    string
	Language string // reply language's name
	Passages []Passage
}

// RewriteData fills the query rewriting prompt. With History, the model
// first states the question as a standalone one ("q: …").
type RewriteData struct {
	Question  string
	Languages []Language
	History   []Turn // oldest first; may be empty
}

// Set is the parsed templates. It is safe for concurrent use.
type Set struct {
	t *template.Template
}

// New parses the embedded templates.
func New() (*Set, error) {
	t, err := template.New("prompts").
		Option("missingkey=error").
		Funcs(template.FuncMap{
			"text":     Escape,
			"attr":     escapeAttr,
			"noanswer": func() string { return NoAnswer },
		}).
		ParseFS(files, "*.tmpl")
	if err != nil {
		return nil, fmt.Errorf("parse prompts: %w", err)
	}
	return &Set{t: t}, nil
}

// System renders the system prompt.
func (s *Set) System(d SystemData) (string, error) {
	switch d.Task {
	case TaskAnswer, TaskSummary, TaskBriefing:
	default:
		return "", fmt.Errorf("system prompt: task %q: %w", d.Task, ErrMissing)
	}
	return s.execute("system.tmpl", d)
}

// Answer renders the user message that asks a question of the passages.
func (s *Set) Answer(d AnswerData) (string, error) {
	if strings.TrimSpace(d.Question) == "" {
		return "", fmt.Errorf("answer prompt: question: %w", ErrMissing)
	}
	if err := checkPassages("answer", d.Passages); err != nil {
		return "", err
	}
	return s.execute("answer.tmpl", d)
}

// Summary renders the user message that asks for a summary.
func (s *Set) Summary(d SummaryData) (string, error) {
	if (d.DocID == "") == (strings.TrimSpace(d.Topic) == "") {
		return "", fmt.Errorf("summary prompt: exactly one of document and topic: %w", ErrMissing)
	}
	if d.Language == "" {
		return "", fmt.Errorf("summary prompt: language: %w", ErrMissing)
	}
	if d.Sentences <= 0 {
		return "", fmt.Errorf("summary prompt: sentences: %w", ErrMissing)
	}
	if err := checkPassages("summary", d.Passages); err != nil {
		return "", err
	}
	return s.execute("summary.tmpl", d)
}

// Briefing renders the user message that asks for a briefing.
func (s *Set) Briefing(d BriefingData) (string, error) {
	if d.Language == "" {
		return "", fmt.Errorf("briefing prompt: language: %w", ErrMissing)
	}
	if err := checkPassages("briefing", d.Passages); err != nil {
		return "", err
	}
	return s.execute("briefing.tmpl", d)
}

// Rewrite renders the prompt that turns a question into one search query
// per language, one "code: keywords" line each, after a "q: standalone
// question" line when the question continues a conversation.
func (s *Set) Rewrite(d RewriteData) (string, error) {
	if strings.TrimSpace(d.Question) == "" {
		return "", fmt.Errorf("rewrite prompt: question: %w", ErrMissing)
	}
	if len(d.Languages) == 0 {
		return "", fmt.Errorf("rewrite prompt: languages: %w", ErrMissing)
	}
	return s.execute("rewrite.tmpl", d)
}

// checkPassages refuses an empty context: the model must never be asked to
// answer from nothing.
func checkPassages(what string, ps []Passage) error {
	if len(ps) == 0 {
		return fmt.Errorf("%s prompt: passages: %w", what, ErrMissing)
	}
	return nil
}

func (s *Set) execute(name string, data any) (string, error) {
	var b bytes.Buffer
	if err := s.t.ExecuteTemplate(&b, name, data); err != nil {
		return "", fmt.Errorf("render %s: %w", name, err)
	}
	return b.String(), nil
}
