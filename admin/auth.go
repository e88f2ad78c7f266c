package admin

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

const (
	cookieName = "corpusbot_admin"
	// sessionLife is how long a login lasts; a restart also ends it, as
	// the signing key is new at each start.
	sessionLife = 12 * time.Hour
)

// auth lets a request through with a valid session cookie, and sends
// anyone else to the login page, coming back here after.
func (s *Server) auth(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.validSession(r) {
			http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		h(w, r)
	})
}

// session returns a cookie value: an expiry time and its HMAC.
func (s *Server) session(expires time.Time) string {
	exp := strconv.FormatInt(expires.Unix(), 10)
	return exp + "." + s.sign(exp)
}

func (s *Server) sign(v string) string {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte("corpusbot admin session\x00" + v))
	return hex.EncodeToString(m.Sum(nil))
}

func (s *Server) validSession(r *http.Request) bool {
	c, err := r.Cookie(cookieName)
	if err != nil {
		return false
	}
	exp, mac, ok := strings.Cut(c.Value, ".")
	if !ok || !hmac.Equal([]byte(mac), []byte(s.sign(exp))) {
		return false
	}
	unix, err := strconv.ParseInt(exp, 10, 64)
	return err == nil && s.now().Before(time.Unix(unix, 0))
}

// tokenOK compares in constant time: both sides are hashed first, so
// neither the content nor the length of the token leaks through timing.
func (s *Server) tokenOK(given string) bool {
	a := sha256.Sum256([]byte(given))
	b := sha256.Sum256([]byte(s.cfg.Token.Reveal()))
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1
}

type loginView struct {
	Next  string
	Error string
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	if s.validSession(r) {
		http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return
	}
	s.render(w, r, http.StatusOK, "login", page{Title: "Sign in", Data: loginView{Next: safeNext(r.URL.Query().Get("next"))}})
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 4096)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "Bad form.", http.StatusBadRequest)
		return
	}
	next := safeNext(r.PostFormValue("next"))
	if !s.logins.allow(s.now()) {
		s.log.Warn("dashboard: login refused, too many failed attempts", "remote", r.RemoteAddr)
		s.render(w, r, http.StatusTooManyRequests, "login", page{Title: "Sign in",
			Data: loginView{Next: next, Error: "Too many wrong tokens. Wait a minute and try again."}})
		return
	}
	if !s.tokenOK(r.PostFormValue("token")) {
		s.logins.fail(s.now())
		s.log.Warn("dashboard: wrong token", "remote", r.RemoteAddr)
		s.render(w, r, http.StatusUnauthorized, "login", page{Title: "Sign in",
			Data: loginView{Next: next, Error: "That token is not right."}})
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name:     cookieName,
		Value:    s.session(s.now().Add(sessionLife)),
		Path:     "/",
		MaxAge:   int(sessionLife / time.Second),
		HttpOnly: true,
		Secure:   r.TLS != nil,
		SameSite: http.SameSiteStrictMode,
	})
	s.log.Info("dashboard: signed in", "remote", r.RemoteAddr)
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		Secure: r.TLS != nil, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// safeNext keeps a redirect after login on this site: a path, never
// "//host" or a URL.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	if u, err := url.Parse(next); err != nil || u.Host != "" || u.Scheme != "" {
		return "/"
	}
	return next
}

// limiter allows n failed logins per window across all clients: the token
// is long, so this only makes guessing slower still, and it never locks
// the operator out for more than a window.
type limiter struct {
	mu     sync.Mutex
	n      int
	window time.Duration
	fails  []time.Time
}

func newLimiter(n int, window time.Duration) *limiter { return &limiter{n: n, window: window} }

func (l *limiter) allow(now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.prune(now)
	return len(l.fails) < l.n
}

func (l *limiter) fail(now time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.prune(now)
	l.fails = append(l.fails, now)
}

func (l *limiter) prune(now time.Time) {
	i := 0
	for i < len(l.fails) && now.Sub(l.fails[i]) >= l.window {
		i++
	}
	l.fails = l.fails[i:]
}
