package secret

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

func TestStringNeverPrintsValue(t *testing.T) {
	const key = "sk-live-0123456789"
	s := New(key)
	var logBuf bytes.Buffer
	slog.New(slog.NewJSONHandler(&logBuf, nil)).Info("cfg", "key", s)
	slog.New(slog.NewTextHandler(&logBuf, nil)).Info("cfg", "key", s)
	j, err := json.Marshal(struct{ Key String }{s})
	if err != nil {
		t.Fatal(err)
	}
	outputs := map[string]string{
		"%v":   fmt.Sprintf("%v", s),
		"%s":   fmt.Sprintf("%s", s),
		"%q":   fmt.Sprintf("%q", s),
		"%x":   fmt.Sprintf("%x", s),
		"%+v":  fmt.Sprintf("%+v", struct{ K String }{s}),
		"%#v":  fmt.Sprintf("%#v", s),
		"slog": logBuf.String(),
		"json": string(j),
	}
	for name, out := range outputs {
		if strings.Contains(out, key) || strings.Contains(out, fmt.Sprintf("%x", key)) {
			t.Errorf("%s revealed the secret: %q", name, out)
		}
		if !strings.Contains(out, redacted) {
			t.Errorf("%s = %q, want it to contain %q", name, out, redacted)
		}
	}
	if got := s.Reveal(); got != key {
		t.Errorf("Reveal() = %q, want %q", got, key)
	}
}

func TestZero(t *testing.T) {
	var s String
	if !s.IsZero() || s.String() != "" {
		t.Errorf("zero String: IsZero=%v String=%q", s.IsZero(), s.String())
	}
	if New("x").IsZero() {
		t.Error("New(\"x\").IsZero() = true")
	}
}
