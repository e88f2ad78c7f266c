package secret

import (
	"net/url"
	"strings"
)

// mask stands where a credential was.
const mask = "xxxxx"

// RedactURL returns u fit for a log line or an error message: a password
// in its user info and the values of query parameters that carry
// credentials (password=, token=, api_key=, …) become "xxxxx"; the rest
// stays, so that the reader can still see which server and database it
// names. A URL that does not parse (a typo in its port) may hold a
// credential too: what stands before its last "@" after the scheme, and
// its whole query, are hidden.
func RedactURL(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return redactUnparsed(u)
	}
	if at := strings.LastIndex(p.Opaque, "@"); at >= 0 {
		// "user:password@host" with no "//" parses as scheme "user".
		p.Opaque = mask + p.Opaque[at:]
	}
	if p.User != nil {
		if _, ok := p.User.Password(); ok {
			p.User = url.UserPassword(p.User.Username(), mask)
		}
	}
	if p.RawQuery != "" {
		p.RawQuery = redactQuery(p.RawQuery)
	}
	return p.String()
}

// redactUnparsed hides the user info and query of a URL url.Parse refused.
func redactUnparsed(v string) string {
	if q := strings.IndexAny(v, "?#"); q >= 0 {
		v = v[:q] + "?" + mask
	}
	at := strings.LastIndex(v, "@")
	if at < 0 {
		return v
	}
	scheme, _, ok := strings.Cut(v[:at], "://")
	if !ok {
		return mask + v[at:]
	}
	return scheme + "://" + mask + v[at:]
}

// redactQuery masks the values of credential parameters in a raw query,
// keeping the others byte for byte and in their order.
func redactQuery(raw string) string {
	parts := strings.Split(raw, "&")
	for i, kv := range parts {
		k, _, hasValue := strings.Cut(kv, "=")
		name, err := url.QueryUnescape(k)
		if err != nil {
			name = k
		}
		if hasValue && isCredential(name) {
			parts[i] = k + "=" + mask
		}
	}
	return strings.Join(parts, "&")
}

// credentialWords are what the names of credential parameters contain:
// libpq's password and sslpassword, OAuth's access_token and
// client_secret, and the many spellings of an API key.
var credentialWords = []string{"pass", "pwd", "token", "secret", "key", "auth", "sig", "credential"}

func isCredential(name string) bool {
	name = strings.ToLower(name)
	for _, w := range credentialWords {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}
