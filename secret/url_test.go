package secret_test

import (
	"bytes"
	"log/slog"
	"net/url"
	"strings"
	"testing"

	"corpusbot/secret"
)

func TestRedactURL(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"password", "postgres://bob:hunter2@db:5432/corpusbot", "postgres://bob:xxxxx@db:5432/corpusbot"},
		{"user only", "postgres://bob@db/corpusbot", "postgres://bob@db/corpusbot"},
		{"no credentials", "https://api.example.invalid/v1?model=x", "https://api.example.invalid/v1?model=x"},
		{"libpq password parameter", "postgres://db/corpusbot?sslmode=disable&password=hunter2", "postgres://db/corpusbot?sslmode=disable&password=xxxxx"},
		{"token parameters keep their order", "https://h.invalid/x?b=1&access_token=tok3n&a=2&api_key=k3y&sslpassword=p", "https://h.invalid/x?b=1&access_token=xxxxx&a=2&api_key=xxxxx&sslpassword=xxxxx"},
		{"escaped parameter name", "https://h.invalid/x?api%5Fkey=k3y", "https://h.invalid/x?api%5Fkey=xxxxx"},
		{"both", "postgresql://bob:hunter2@db/c?password=hunter3", "postgresql://bob:xxxxx@db/c?password=xxxxx"},
		{"does not parse: bad port", "postgres://bob:hunter2@db:x/corpusbot", "postgres://xxxxx@db:x/corpusbot"},
		{"does not parse: query hidden", "postgres://db:x/c?password=hunter2", "postgres://db:x/c?xxxxx"},
		{"no slashes: parses as opaque", "bob:hunter2@db:x", "bob:xxxxx@db:x"},
		{"does not parse, no scheme", ":hunter2@db", "xxxxx@db"},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := secret.RedactURL(tc.in); got != tc.want {
				t.Errorf("RedactURL(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// A URL logged through RedactURL shows none of its credentials, whatever
// the handler.
func TestRedactedURLNeverReachesLogs(t *testing.T) {
	var buf bytes.Buffer
	for _, h := range []slog.Handler{slog.NewTextHandler(&buf, nil), slog.NewJSONHandler(&buf, nil)} {
		log := slog.New(h)
		for _, u := range []string{
			"postgres://bob:hunter2@db:5432/corpusbot?sslmode=disable",
			"postgres://db/corpusbot?password=hunter2",
			"https://user:hunter2@example.invalid:x/v1",
			"https://example.invalid/v1?token=hunter2",
		} {
			log.Error("open store failed", "url", secret.RedactURL(u))
		}
	}
	if strings.Contains(buf.String(), "hunter2") {
		t.Errorf("a credential reached the log:\n%s", buf.String())
	}
}

func FuzzRedactURL(f *testing.F) {
	for _, s := range []string{
		"postgres://bob:hunter2@db:5432/c", "postgres://db/c?password=x&sslmode=disable",
		"https://u:p@h:x/v1", "https://h/x?api_key=k#frag", "u:p@h", "%zz://a:b@c", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := secret.RedactURL(in)
		// Nothing is ever revealed that a parse of the output would call a
		// credential.
		p, err := url.Parse(out)
		if err != nil {
			if strings.Contains(out, "@") && !strings.Contains(out, "xxxxx@") {
				t.Fatalf("RedactURL(%q) = %q: user info of an unparsed URL shown", in, out)
			}
			return
		}
		if pw, ok := p.User.Password(); ok && pw != "xxxxx" {
			t.Fatalf("RedactURL(%q) = %q: password %q shown", in, out, pw)
		}
		if orig, err := url.Parse(in); err == nil {
			if pw, ok := orig.User.Password(); ok && len(pw) > 5 && strings.Contains(out, ":"+pw+"@") {
				t.Fatalf("RedactURL(%q) = %q: password shown", in, out)
			}
		}
		if _, err := url.Parse(in); err == nil {
			if again := secret.RedactURL(out); again != out {
				t.Fatalf("RedactURL is not stable: %q → %q → %q", in, out, again)
			}
		}
	})
}
