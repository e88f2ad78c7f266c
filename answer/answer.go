package answer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"corpusbot/corpus"
	"corpusbot/llm"
	"corpusbot/prompts"
	"corpusbot/retrieval"
	"corpusbot/sourcelink"
)

// Error categories; test with errors.Is.
var (
	ErrEmptyQuestion   = errors.New("empty question")
	ErrQuestionTooLong = errors.New("question too long")
	// ErrEmptyReply means the model finished without writing anything: a
	// model fault, not an answer.
	ErrEmptyReply      = errors.New("the model returned nothing")
	ErrUnknownDocument = errors.New("unknown document")
	// ErrNoSearchableWords means the question holds only punctuation,
	// symbols or words too common to search for.
	ErrNoSearchableWords = errors.New("the question has no words to search for")
	// ErrNothingNew means every passage a briefing could use was excluded
	// as already covered.
	ErrNothingNew = errors.New("nothing new to report")
)

// TooLongError is the ErrQuestionTooLong of a question: its length and the
// limit, in characters, for the reader to be told.
type TooLongError struct{ Len, Limit int }

func (e *TooLongError) Error() string {
	return fmt.Sprintf("%v: %d characters, the limit is %d", ErrQuestionTooLong, e.Len, e.Limit)
}

// Unwrap makes errors.Is(err, ErrQuestionTooLong) hold.
func (e *TooLongError) Unwrap() error { return ErrQuestionTooLong }

// EmptyReplyError is the ErrEmptyReply of a reply: why the model stopped
// ("stop", "length", "content_filter") and the token budget it had, so
// that the reader is told the limit or the filter rather than "nothing".
type EmptyReplyError struct {
	FinishReason string
	MaxTokens    int // the completion limit the model was asked with
}

func (e *EmptyReplyError) Error() string {
	return fmt.Sprintf("%v (finish reason %q, max tokens %d)", ErrEmptyReply, e.FinishReason, e.MaxTokens)
}

// Unwrap makes errors.Is(err, ErrEmptyReply) hold.
func (e *EmptyReplyError) Unwrap() error { return ErrEmptyReply }

// Budget reports whether the model spent its token budget before writing
// anything: a reasoning model that thought to the limit.
func (e *EmptyReplyError) Budget() bool { return e.FinishReason == "length" }

// Filtered reports whether the provider's content filter stopped the
// reply before anything was written.
func (e *EmptyReplyError) Filtered() bool { return e.FinishReason == "content_filter" }

// Model is what the pipeline needs of a language model; *llm.Client
// satisfies it.
type Model interface {
	Complete(ctx context.Context, req llm.Request) (llm.Response, error)
	Stream(ctx context.Context, req llm.Request, onDelta func(string) error) (llm.Response, error)
}

// Config tunes New. The zero value is usable.
type Config struct {
	K                int // passages retrieved per query; 0 → 8
	ContextTokens    int // passage budget of a prompt, in estimated tokens; 0 → 3000
	MaxQuestionRunes int // 0 → 1500
	MaxAnswerTokens  int // completion limit for answers, summaries, briefings; 0 → 1024
	RewriteCache     int // cached cross-lingual rewrites; 0 → 512
	// RewriteTimeout bounds the query rewrite call, so a slow model delays
	// an answer by at most this much before retrieval goes on without it;
	// 0 → 15s.
	RewriteTimeout time.Duration
	// FocusCoverage is the share of a question's focus (its content words
	// beyond the names, weighed by idf) an extractive answer's sentence
	// must hold;
	// 0 → DefaultFocusCoverage, a negative value turns the rule off.
	FocusCoverage float64
	// DocFloor is the share of the relevance floor a passage needs to be
	// among those an answer is drawn from (a model's prompt) when its
	// document already has a passage above the floor;
	// 0 → DefaultDocFloor, a negative value turns it off.
	DocFloor  float64
	Retrieval retrieval.Config
	Logger    *slog.Logger // nil discards
	Observer  Observer     // nil records nothing
	// SourceURL, when set, links each Source and Match to its lines in the
	// documents' repository or site.
	SourceURL *sourcelink.Template
}

func (c Config) withDefaults() Config {
	if c.K <= 0 {
		c.K = 8
	}
	if c.ContextTokens <= 0 {
		c.ContextTokens = 3000
	}
	if c.MaxQuestionRunes <= 0 {
		c.MaxQuestionRunes = 1500
	}
	if c.MaxAnswerTokens <= 0 {
		c.MaxAnswerTokens = 1024
	}
	if c.RewriteCache <= 0 {
		c.RewriteCache = 512
	}
	if c.DocFloor == 0 {
		c.DocFloor = DefaultDocFloor
	}
	if c.FocusCoverage == 0 {
		c.FocusCoverage = DefaultFocusCoverage
	}
	if c.RewriteTimeout <= 0 {
		c.RewriteTimeout = 15 * time.Second
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	return c
}

// Pipeline answers from one corpus at a time. It is safe for concurrent use;
// Reload swaps the corpus while calls in flight finish on the old one.
type Pipeline struct {
	cfg      Config
	model    Model // nil: extractive mode
	prompts  *prompts.Set
	log      *slog.Logger
	state    atomic.Pointer[state]
	rewrites *lru
}

// state is what one question sees: everything built from the corpus, and
// the question's own memo of analysed texts (termMemo). The one a Pipeline
// holds has no memo; a question takes its own with asking.
type state struct {
	*built
	memo *termMemo // nil: each text is analysed each time
}

// built is everything built from one corpus; immutable once built.
type built struct {
	corpus *corpus.Corpus
	index  *retrieval.Index
	items  []itemRef      // retrieval item → passage
	docs   map[string]int // document ID → index in corpus.Docs
	first  []int          // corpus.Docs index → its first item
	langs  []string       // the documents' languages, sorted: what rewrites target
	cache  analyses       // per item, filled on first use

	namesOnce sync.Once
	names     map[string]bool // see corpusNames
	codeOnce  sync.Once
	code      map[string]codeUse // see codeNames
	identOnce sync.Once
	idents    map[string]bool // see corpusIdents
	thaiOnce  sync.Once
	thaiTexts []string // see thaiIDF
	vietOnce  sync.Once
	vietTexts []string // see vietIDF
	vietDF    sync.Map // word → passages writing it, counted once: see vietIDF
	links     *sourcelink.Template
	docShare  float64 // Config.DocFloor

	abbrevOnce sync.Once
	abbrevs    abbreviations // see abbreviations
}

// itemRef locates a retrieval item in the corpus.
type itemRef struct {
	doc     int // index in corpus.Docs
	passage int // index in Document.Passages
}

// New builds the index for c. A nil model selects extractive answers.
func New(cfg Config, c *corpus.Corpus, model Model) (*Pipeline, error) {
	return NewIndexed(cfg, c, nil, model)
}

// NewIndexed is New with ix, c's index as Index makes it (or read back from
// a snapshot of one); nil builds it.
func NewIndexed(cfg Config, c *corpus.Corpus, ix *retrieval.Index, model Model) (*Pipeline, error) {
	cfg = cfg.withDefaults()
	if cl, ok := model.(*llm.Client); ok && cl == nil {
		model = nil // a typed nil would pass the interface check and panic later
	}
	if model != nil && cfg.Observer != nil {
		model = timedModel{Model: model, obs: cfg.Observer}
	}
	ps, err := prompts.New()
	if err != nil {
		return nil, fmt.Errorf("new pipeline: %w", err)
	}
	p := &Pipeline{
		cfg:      cfg,
		model:    model,
		prompts:  ps,
		log:      cfg.Logger,
		rewrites: newLRU(cfg.RewriteCache),
	}
	if err := p.ReloadIndexed(c, ix); err != nil {
		return nil, fmt.Errorf("new pipeline: %w", err)
	}
	return p, nil
}

// Reload indexes c and swaps it in atomically.
func (p *Pipeline) Reload(c *corpus.Corpus) error { return p.ReloadIndexed(c, nil) }

// ReloadIndexed swaps in c with ix, its index as Index makes it; nil builds
// it.
func (p *Pipeline) ReloadIndexed(c *corpus.Corpus, ix *retrieval.Index) error {
	st, err := build(p.cfg.Retrieval, c, ix)
	if err != nil {
		return fmt.Errorf("reload: %w", err)
	}
	st.links = p.cfg.SourceURL
	st.docShare = p.cfg.DocFloor
	p.state.Store(st)
	return nil
}

// Index indexes c's passages as a pipeline does: one item per passage, in
// the corpus's order.
func Index(cfg retrieval.Config, c *corpus.Corpus) (*retrieval.Index, error) {
	ix, err := retrieval.New(cfg, indexItems(c))
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	return ix, nil
}

// indexItems are Index's items, one a passage.
func indexItems(c *corpus.Corpus) []retrieval.Item {
	n := 0
	for _, d := range c.Docs {
		n += len(d.Passages)
	}
	items := make([]retrieval.Item, 0, n)
	for _, d := range c.Docs {
		for pi := range d.Passages {
			ps := &d.Passages[pi]
			// The heading path ("Title › Section › Subsection") is indexed
			// with the passage: a section's words are often only in its
			// heading. Without headings it is the title, not built anew for
			// each of a million passages.
			title := d.Title
			if len(ps.Headings) > 0 {
				title = d.HeadingPath(ps)
			}
			items = append(items, retrieval.Item{Doc: d.ID, Title: title, Text: ps.Text, Lang: d.Lang})
		}
	}
	return items
}

func build(cfg retrieval.Config, c *corpus.Corpus, ix *retrieval.Index) (*state, error) {
	if c == nil || len(c.Docs) == 0 {
		return nil, corpus.ErrNoDocuments
	}
	st := &state{built: &built{corpus: c, docs: make(map[string]int, len(c.Docs)), first: make([]int, len(c.Docs))}}
	n := 0
	for _, d := range c.Docs {
		n += len(d.Passages)
	}
	st.items = make([]itemRef, 0, n)
	for di, d := range c.Docs {
		st.docs[d.ID] = di
		st.first[di] = len(st.items)
		for pi := range d.Passages {
			st.items = append(st.items, itemRef{doc: di, passage: pi})
		}
	}
	if ix == nil {
		var err error
		if ix, err = Index(cfg, c); err != nil {
			return nil, err
		}
	} else if ix.Len() != len(st.items) {
		return nil, fmt.Errorf("index of %d items for %d passages", ix.Len(), len(st.items))
	}
	st.index = ix
	st.cache = newAnalyses(len(st.items))
	// Rewrite into the languages the documents are written in; the index's
	// analysers ("cjk", generic) do not name languages a model can write.
	seen := map[string]bool{}
	for _, d := range c.Docs {
		if !seen[d.Lang] && langName(d.Lang) != "" {
			seen[d.Lang] = true
			st.langs = append(st.langs, d.Lang)
		}
	}
	slices.Sort(st.langs)
	return st, nil
}

// LLMEnabled reports whether answers come from a model (else extractive).
func (p *Pipeline) LLMEnabled() bool { return p.model != nil }

// Documents lists the current corpus' documents, sorted by ID. The slice
// is shared: read it, do not modify it.
func (p *Pipeline) Documents() []corpus.Document { return p.state.Load().corpus.Docs }

// Passage returns a passage and its document, for "Show passage [n]".
func (p *Pipeline) Passage(docID string, index int) (corpus.Passage, corpus.Document, bool) {
	st := p.state.Load()
	di, ok := st.docs[docID]
	if !ok {
		return corpus.Passage{}, corpus.Document{}, false
	}
	d := st.corpus.Docs[di]
	if index < 0 || index >= len(d.Passages) {
		return corpus.Passage{}, corpus.Document{}, false
	}
	return d.Passages[index], d, true
}

// passage returns the passage and document of a retrieval item.
func (st *state) passage(item int) (*corpus.Passage, *corpus.Document) {
	r := st.items[item]
	d := &st.corpus.Docs[r.doc]
	return &d.Passages[r.passage], d
}
