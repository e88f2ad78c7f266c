package bot

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// DefaultAPIBase is where discordgo sends every REST request.
const DefaultAPIBase = "https://discord.com"

// discordHost is the only host discordgo v0.29.0 sends HTTP requests to
// through Session.Client: every REST endpoint is under
// https://discord.com/api/v9/. The CDN (cdn.discordapp.com) and status
// page URLs are only built as strings for users to open, and the gateway is
// dialled by a websocket.Dialer at the URL that GET /gateway returns.
const discordHost = "discord.com"

// ErrHostRefused is returned, wrapped, for a request to a host other than
// discord.com when DISCORD_API_BASE points elsewhere: it would otherwise
// leave the test or staging setup for the real internet.
var ErrHostRefused = errors.New("request to a host other than discord.com refused")

// ParseAPIBase checks a DISCORD_API_BASE value: an absolute http or https
// URL with a host and nothing else (no path other than "/", query,
// fragment or user info). The empty string means DefaultAPIBase. Config
// validation calls it at start-up so that a bad value stops the bot there.
func ParseAPIBase(base string) (*url.URL, error) {
	if base == "" {
		base = DefaultAPIBase
	}
	u, err := url.Parse(base)
	if err != nil {
		return nil, fmt.Errorf("DISCORD_API_BASE %q: %w", base, err)
	}
	var problem string
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		problem = "must be an absolute http:// or https:// URL"
	case u.Opaque != "" || u.Host == "" || u.Hostname() == "":
		problem = "must name a host, as in http://127.0.0.1:8080"
	case !validPort(u.Port()):
		problem = "has a port outside 1–65535"
	case u.User != nil:
		problem = "must not hold user info"
	case u.Path != "" && u.Path != "/":
		problem = "must have no path: discordgo adds /api/v9/… itself"
	case u.RawQuery != "" || u.ForceQuery:
		problem = "must have no query"
	case u.Fragment != "" || strings.Contains(base, "#"):
		problem = "must have no fragment"
	}
	if problem != "" {
		return nil, fmt.Errorf("DISCORD_API_BASE %q %s", base, problem)
	}
	return &url.URL{Scheme: u.Scheme, Host: u.Host}, nil
}

// NewTransport returns the RoundTripper for Session.Client that points
// discordgo at base, a DISCORD_API_BASE value. discordgo fixes its endpoint
// URLs when the package loads, so the transport rewrites them instead: the
// scheme and host of every request for discord.com become base's, path and
// query stay, and a request for any other host fails with ErrHostRefused
// before anything is sent.
//
// With base "" or https://discord.com, discord.com requests go to next
// unchanged; other hosts are refused all the same, so the token can only
// ever travel to Discord. A nil next means a clone of http.DefaultTransport.
func NewTransport(base string, next http.RoundTripper) (http.RoundTripper, error) {
	u, err := ParseAPIBase(base)
	if err != nil {
		return nil, err
	}
	if next == nil {
		next = http.DefaultTransport.(*http.Transport).Clone()
	}
	if isDefaultBase(u) {
		u = &url.URL{Scheme: "https", Host: discordHost}
	}
	return &rewriteTransport{base: u, next: next}, nil
}

func validPort(p string) bool {
	if p == "" {
		return true
	}
	n, err := strconv.Atoi(p)
	return err == nil && n >= 1 && n <= 65535
}

func isDefaultBase(u *url.URL) bool {
	port := u.Port()
	return u.Scheme == "https" && strings.EqualFold(u.Hostname(), discordHost) && (port == "" || port == "443")
}

// rewriteTransport sends discord.com requests to base and refuses the rest.
type rewriteTransport struct {
	base *url.URL
	next http.RoundTripper
}

// RoundTrip implements http.RoundTripper.
func (t *rewriteTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL == nil || !strings.EqualFold(req.URL.Hostname(), discordHost) {
		// A RoundTripper must close the body even when it fails.
		if req.Body != nil {
			req.Body.Close()
		}
		host := "<none>"
		if req.URL != nil {
			host = req.URL.Host
		}
		return nil, fmt.Errorf("%w: %s %s (DISCORD_API_BASE is %s)", ErrHostRefused, req.Method, host, t.base)
	}
	// RoundTrippers must not modify the caller's request; Clone copies URL.
	r := req.Clone(req.Context())
	r.URL.Scheme = t.base.Scheme
	r.URL.Host = t.base.Host
	r.Host = t.base.Host
	return t.next.RoundTrip(r)
}
