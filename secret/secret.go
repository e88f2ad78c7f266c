// Package secret holds credentials in a type that will not print itself.
//
// A String formats, logs and marshals as "[redacted]" so that a token or key
// handed to fmt, log/slog or encoding/json by mistake never reaches a log.
// Only Reveal returns the value, which makes every use easy to find.
package secret

import (
	"encoding/json"
	"fmt"
	"log/slog"
)

const redacted = "[redacted]"

// String is a secret value such as an API key or a bot token.
type String struct{ v string }

// New wraps v.
func New(v string) String { return String{v: v} }

// Reveal returns the secret itself. Call it only where the value is sent to
// the service it belongs to.
func (s String) Reveal() string { return s.v }

// IsZero reports whether no secret was set.
func (s String) IsZero() bool { return s.v == "" }

// String implements fmt.Stringer without revealing the value.
func (s String) String() string {
	if s.v == "" {
		return ""
	}
	return redacted
}

// GoString keeps %#v from printing the value.
func (s String) GoString() string { return "secret.String(" + s.String() + ")" }

// Format covers every verb, including %x and %q, which would otherwise bypass String.
func (s String) Format(f fmt.State, _ rune) { fmt.Fprint(f, s.String()) }

// LogValue implements slog.LogValuer.
func (s String) LogValue() slog.Value { return slog.StringValue(s.String()) }

// MarshalJSON writes the redacted form.
func (s String) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }
