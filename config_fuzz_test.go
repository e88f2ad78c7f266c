package main

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// configKeys returns every key loadConfig reads, in the order it reads
// them, by asking it with nothing set.
func configKeys(t testing.TB) []string {
	t.Helper()
	var keys []string
	if _, err := loadConfig(func(k string) string {
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
		return ""
	}); err != nil {
		t.Fatalf("loadConfig(empty): %v", err)
	}
	return keys
}

// FuzzLoadConfig sets one key to any value: start-up either goes on or
// stops with one *configError; it never panics, and never echoes a
// secret it was given in the error's text.
func FuzzLoadConfig(f *testing.F) {
	keys := configKeys(f)
	seeds := []struct {
		key, value string
	}{
		{"USER_RATE", "3/1m"},
		{"USER_RATE", "0/0s"},
		{"SHARD_ID", "0-3"},
		{"SHARD_ID", "-1"},
		{"SHARD_COUNT", "auto"},
		{"BRIEFING_TIME", "24:00"},
		{"BRIEFING_TZ", "Mars/Olympus"},
		{"DATABASE_URL", "postgres://user:hunter2@db/corpusbot"},
		{"DATABASE_URL", "postgres://user:hunter2@db:x/corpusbot"},
		{"OPENAI_BASE_URL", "ftp://example.invalid"},
		{"OPENAI_BASE_URL", "https://user:hunter2@example.invalid:x/v1"},
		{"DISCORD_API_BASE", "https://user:hunter2@example.invalid/api"},
		{"SOURCE_URL", "https://example.invalid/{path}#L{start"},
		{"SOURCE_URL", "https://user:hunter2@example.invalid:x/{path}"},
		{"HEALTH_ADDR", "localhost:99999"},
		{"LOG_LEVEL", "verbose"},
		{"QUEUE_WAIT", "15m"},
		{"CONTEXT_TOKENS", "1e9"},
		{"ALLOWED_CHANNEL_IDS", "1,,2"},
	}
	for _, s := range seeds {
		i := slices.Index(keys, s.key)
		if i < 0 {
			f.Fatalf("seed key %s is not read by loadConfig", s.key)
		}
		f.Add(uint(i), s.value)
	}
	f.Fuzz(func(t *testing.T, i uint, value string) {
		key := keys[i%uint(len(keys))]
		_, err := loadConfig(envMap(map[string]string{key: value}))
		if err == nil {
			return
		}
		var ce *configError
		if !errors.As(err, &ce) {
			t.Fatalf("%s=%q: error %v (%T) is not a *configError", key, value, err, err)
		}
		// A URL's password, even in a URL that does not parse, must not
		// reach the one line start-up prints.
		if strings.Contains(value, ":hunter2@") && strings.Contains(err.Error(), "hunter2") {
			t.Fatalf("%s=%q: the error shows the password: %v", key, value, err)
		}
	})
}
