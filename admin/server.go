package admin

import (
	"context"
	"crypto/rand"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"corpusbot/corpus"
	"corpusbot/internal/httpserve"
	"corpusbot/secret"
	"corpusbot/store"
)

// MinTokenLength is the shortest ADMIN_TOKEN accepted: long enough that
// guessing it through the login form, slowed as it is, never ends.
const MinTokenLength = 16

// ErrNoToken and ErrShortToken refuse a dashboard anyone could open.
var (
	ErrNoToken    = errors.New("ADMIN_ADDR is set but ADMIN_TOKEN is not: set ADMIN_TOKEN to a long random secret (e.g. openssl rand -hex 32) to open the dashboard, or unset ADMIN_ADDR")
	ErrShortToken = fmt.Errorf("ADMIN_TOKEN is too short: use %d characters or more (e.g. openssl rand -hex 32)", MinTokenLength)
)

// Source is what the dashboard reads; *store.Store is one.
type Source interface {
	Overview(ctx context.Context, r store.Range) (store.Overview, error)
	GapQuestions(ctx context.Context, r store.Range, limit int) ([]store.GapQuestion, error)
	Questions(ctx context.Context, f store.QuestionFilter) ([]store.QuestionRow, int, error)
	Answer(ctx context.Context, id string) (store.Answer, bool, error)
	Votes(ctx context.Context, answerID string) (up, down int, err error)
	Documents(ctx context.Context, r store.Range) ([]store.DocumentStats, error)
	BriefingHistory(ctx context.Context, r store.Range) (store.Briefings, error)
}

// Passages finds the text of a cited passage; *answer.Pipeline is one.
type Passages interface {
	Passage(docID string, index int) (corpus.Passage, corpus.Document, bool)
}

// Config configures New.
type Config struct {
	Token  secret.String // ADMIN_TOKEN; required, MinTokenLength or more
	Source Source        // required
	// Passages, when set, shows the full text of cited passages on an
	// answer's page; without it the page shows what the answer quoted.
	Passages Passages
	Logger   *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Server is the dashboard: an http.Handler.
type Server struct {
	cfg    Config
	log    *slog.Logger
	now    func() time.Time
	key    []byte // signs session cookies; new at each start
	tmpl   map[string]*template.Template
	static http.Handler
	termer *Termer
	logins *limiter
	mux    *http.ServeMux
}

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// New checks cfg and builds the dashboard.
func New(cfg Config) (*Server, error) {
	switch {
	case cfg.Token.IsZero():
		return nil, ErrNoToken
	case len(cfg.Token.Reveal()) < MinTokenLength:
		return nil, ErrShortToken
	case cfg.Source == nil:
		return nil, errors.New("admin: no Source")
	}
	s := &Server{cfg: cfg, log: cfg.Logger, now: cfg.Now, key: make([]byte, 32), logins: newLimiter(10, time.Minute)}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.now == nil {
		s.now = time.Now
	}
	if _, err := rand.Read(s.key); err != nil {
		return nil, fmt.Errorf("admin: session key: %w", err)
	}
	var err error
	if s.tmpl, err = parseTemplates(); err != nil {
		return nil, err
	}
	if s.termer, err = NewTermer(); err != nil {
		return nil, err
	}
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, err
	}
	s.static = http.StripPrefix("/static/", http.FileServerFS(sub))
	s.routes()
	return s, nil
}

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /login", s.loginPage)
	m.HandleFunc("POST /login", s.login)
	m.HandleFunc("POST /logout", s.logout)
	m.Handle("GET /static/", s.static)
	m.Handle("GET /{$}", s.auth(s.overview))
	m.Handle("GET /gaps", s.auth(s.gaps))
	m.Handle("GET /gaps.csv", s.auth(s.gapsCSV))
	m.Handle("GET /questions", s.auth(s.questions))
	m.Handle("GET /questions.csv", s.auth(s.questionsCSV))
	m.Handle("GET /answers/{id}", s.auth(s.answerPage))
	m.Handle("GET /documents", s.auth(s.documents))
	m.Handle("GET /briefings", s.auth(s.briefings))
	s.mux = m
}

// ServeHTTP serves the dashboard with headers that keep the browser from
// running, framing or leaking anything: no script runs on any page.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		// Only the login and logout forms post; a post from another site is
		// refused (Sec-Fetch-Site, else Origin against Host).
		if err := http.NewCrossOriginProtection().Check(r); err != nil {
			http.Error(w, "Cross-site request refused.", http.StatusForbidden)
			return
		}
	}
	s.mux.ServeHTTP(w, r)
}

// Serve listens on addr (ADMIN_ADDR) and serves h until ctx is done. A
// non-loopback address is served but warned about: the dashboard shows
// what people ask.
func Serve(ctx context.Context, addr string, h http.Handler, log *slog.Logger) error {
	return httpserve.Serve(ctx, addr, h, httpserve.Config{
		Name:    "dashboard",
		Setting: "ADMIN_ADDR",
		Exposed: "it has no TLS: put it behind a TLS proxy or bind 127.0.0.1",
		Logger:  log,
	})
}
