package store

import (
	"strings"
	"testing"
)

func TestNumberPlaceholders(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`SELECT 1`, `SELECT 1`},
		{`a = ? AND b = ?`, `a = $1 AND b = $2`},
		{`a = ?1 OR b = ?1 LIMIT ?2`, `a = $1 OR b = $1 LIMIT $2`},
		// SQLite numbers a bare ? one past the largest so far.
		{`?2, ?, ?1, ?`, `$2, $3, $1, $4`},
		{`x LIKE ? ESCAPE '\'`, `x LIKE $1 ESCAPE '\'`},
		{`'what?' || ? || "col?"`, `'what?' || $1 || "col?"`},
		{`'it''s ?' = ?`, `'it''s ?' = $1`},
		{"-- who? why?\nSELECT ?", "-- who? why?\nSELECT $1"},
		{`a - ? -- trailing?`, `a - $1 -- trailing?`},
		{`'unterminated ?`, `'unterminated ?`},
		{`?10`, `$10`},
	} {
		if got := numberPlaceholders(tc.in); got != tc.want {
			t.Errorf("numberPlaceholders(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzNumberPlaceholders: the rewrite never loses text (only ? marks
// become $N) and leaves no ? outside quotes and comments.
func FuzzNumberPlaceholders(f *testing.F) {
	for _, s := range []string{`a = ? AND b = ?2`, `'?' "?" -- ?` + "\n?", `x LIKE ? ESCAPE '\'`, `??1?`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		got := numberPlaceholders(q)
		if strings.Count(q, "?") == 0 && got != q {
			t.Fatalf("%q without placeholders became %q", q, got)
		}
		strip := func(s string) string {
			var b strings.Builder
			for i := 0; i < len(s); i++ {
				switch c := s[i]; {
				case c == '?' || c == '$':
					for i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
						i++
					}
				default:
					b.WriteByte(c)
				}
			}
			return b.String()
		}
		if strip(got) != strip(q) {
			t.Fatalf("%q became %q: more than the placeholders changed", q, got)
		}
		if strings.Count(numberPlaceholders(got), "$") != strings.Count(got, "$") {
			t.Fatalf("rewriting %q again changed it", got)
		}
	})
}
