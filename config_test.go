package main

import (
	"bufio"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

func envMap(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestLoadConfigDefaults(t *testing.T) {
	c, err := loadConfig(envMap(nil))
	if err != nil {
		t.Fatalf("loadConfig(empty) error: %v", err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"ThreadMode", c.ThreadMode, "auto"},
		{"UserRate", c.UserRate, 20 * time.Second},
		{"UserBurst", c.UserBurst, 3},
		{"QueueWait", c.QueueWait, 5 * time.Minute},
		{"ConversationIdle", c.ConversationIdle, 30 * time.Minute},
		{"ConversationTurns", c.ConversationTurns, 10},
		{"MaxConcurrent", c.MaxConcurrent, 4},
		{"LLMTimeout", c.LLMTimeout, 60 * time.Second},
		{"AnswerTimeout", c.AnswerTimeout, 2 * time.Minute},
		{"LLMMaxRetries", c.LLMMaxRetries, 3},
		{"ContextTokens", c.ContextTokens, 3000},
		{"MaxQuestionChars", c.MaxQuestionChars, 1500},
		{"DataDir", c.DataDir, "./data"},
		{"DiscordAPIBase", c.DiscordAPIBase, "https://discord.com"},
		{"LogFormat", c.LogFormat, "text"},
		{"OpenAIModel", c.OpenAIModel, "gpt-4o-mini"},
		{"AdminAddr", c.AdminAddr, ""},
		{"RetainDays", c.RetainDays, 180},
		{"llmEnabled", c.llmEnabled(), false},
		{"WatchCorpus", c.WatchCorpus, true},
		{"SourceURL", c.SourceURL.String(), ""},
	}
	for _, ck := range checks {
		if ck.got != ck.want {
			t.Errorf("%s = %v, want %v", ck.name, ck.got, ck.want)
		}
	}
}

func TestLoadConfigMalformedNamesKey(t *testing.T) {
	tests := []struct {
		key, value string
	}{
		{"USER_COOLDOWN", "ten seconds"},
		{"USER_COOLDOWN", "-5s"},
		{"USER_RATE", "fast"},
		{"USER_RATE", "3/fortnight"},
		{"USER_RATE", "0/min"},
		{"USER_BURST", "0"},
		{"QUEUE_WAIT", "20m"},
		{"CONVERSATION_IDLE", "half an hour"},
		{"CONVERSATION_TURNS", "1"},
		{"LLM_TIMEOUT", "60"},
		{"ANSWER_TIMEOUT", "2 minutes"},
		{"ANSWER_TIMEOUT", "-1m"},
		{"LLM_MAX_RETRIES", "many"},
		{"LLM_MAX_RETRIES", "-1"},
		{"MAX_CONCURRENT_ANSWERS", "0"},
		{"CONTEXT_TOKENS", "12k"},
		{"MAX_QUESTION_CHARS", "1e3"},
		{"MESSAGE_CONTENT_INTENT", "yes please"},
		{"THREAD_MODE", "sometimes"},
		{"DISCORD_APP_ID", "my-app"},
		{"DISCORD_GUILD_ID", "12ab"},
		{"ALLOWED_CHANNEL_IDS", "123,abc"},
		{"ALLOWED_ROLE_IDS", "@admins"},
		{"BRIEFING_TIME", "9am"},
		{"BRIEFING_TIME", "25:00"},
		{"BRIEFING_TZ", "Mars/Olympus"},
		{"OPENAI_BASE_URL", "localhost:11434"},
		{"OPENAI_BASE_URL", "ftp://example.com"},
		{"HEALTH_ADDR", "8080"},
		{"ADMIN_ADDR", "localhost"},
		{"RETAIN_DAYS", "-1"},
		{"RETAIN_DAYS", "half a year"},
		{"LOG_LEVEL", "loud"},
		{"LOG_FORMAT", "xml"},
		{"MAX_FILE_BYTES", "0"},
		{"DISCORD_API_BASE", "http://127.0.0.1:8080/api"},
		{"DISCORD_API_BASE", "discord.com"},
		{"DISCORD_API_BASE", "ftp://127.0.0.1"},
		{"WATCH_CORPUS", "sometimes"},
		{"SOURCE_URL", "https://github.com/org/docs/blob/main/{file}#L{start}"},
		{"SOURCE_URL", "https://github.com/org/docs/blob/main/{path#L{start}"},
		{"SOURCE_URL", "github.com/org/docs/blob/main/{path}"},
		{"SOURCE_URL", "https://github.com/org/docs/blob/main/README.md"},
		{"DATABASE_URL", "mysql://db.internal/corpusbot"},
		{"DATABASE_URL", "./data/corpusbot.db"},
		{"LEADER_LEASE", "100ms"},
		{"LEADER_LEASE", "2m"},
		{"LEADER_LEASE", "soon"},
	}
	for _, tt := range tests {
		t.Run(tt.key+"="+tt.value, func(t *testing.T) {
			env := map[string]string{tt.key: tt.value}
			if tt.key == "BRIEFING_TIME" {
				env["BRIEFING_CHANNEL_ID"] = "1"
			}
			_, err := loadConfig(envMap(env))
			var ce *configError
			if !errors.As(err, &ce) {
				t.Fatalf("loadConfig(%s=%q) error = %v, want a *configError", tt.key, tt.value, err)
			}
			if ce.Key != tt.key {
				t.Errorf("error names key %q, want %q", ce.Key, tt.key)
			}
			if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, tt.key) {
				t.Errorf("error %q: want one line naming %s", msg, tt.key)
			}
		})
	}
}

func TestLoadConfigValues(t *testing.T) {
	c, err := loadConfig(envMap(map[string]string{
		"USER_RATE":           "3/min",
		"USER_BURST":          "5",
		"ALLOWED_CHANNEL_IDS": "111, 222,333",
		"BRIEFING_CHANNEL_ID": "444",
		"BRIEFING_TIME":       "08:30",
		"BRIEFING_TZ":         "Europe/Paris",
		"OPENAI_BASE_URL":     "http://127.0.0.1:11434/v1",
		"LOG_LEVEL":           "DEBUG",
		"THREAD_MODE":         "OFF",
		"WATCH_CORPUS":        "false",
		"SOURCE_URL":          "https://github.com/org/docs/blob/main/{path}#L{start}-L{end}",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if c.UserRate != 20*time.Second || c.UserBurst != 5 {
		t.Errorf("UserRate, UserBurst = %v, %d; want 20s, 5", c.UserRate, c.UserBurst)
	}
	if want := []string{"111", "222", "333"}; !slices.Equal(c.AllowedChannelIDs, want) {
		t.Errorf("AllowedChannelIDs = %v, want %v", c.AllowedChannelIDs, want)
	}
	if c.BriefingTZ.String() != "Europe/Paris" || c.BriefingTime != "08:30" {
		t.Errorf("briefing = %s %v, want 08:30 Europe/Paris", c.BriefingTime, c.BriefingTZ)
	}
	if !c.llmEnabled() {
		t.Error("a base URL without a key should enable the LLM")
	}
	if c.ThreadMode != "off" {
		t.Errorf("ThreadMode = %q, want off", c.ThreadMode)
	}
	if c.WatchCorpus {
		t.Error("WATCH_CORPUS=false left the watcher on")
	}
	if c.SourceURL == nil || c.SourceURL.String() != "https://github.com/org/docs/blob/main/{path}#L{start}-L{end}" {
		t.Errorf("SourceURL = %v", c.SourceURL)
	}
}

func TestConfigErrorsHidePasswords(t *testing.T) {
	for _, key := range []string{"OPENAI_BASE_URL", "DISCORD_API_BASE", "DATABASE_URL", "SOURCE_URL"} {
		for _, v := range []string{
			"ftp://user:hunter2@127.0.0.1/x",
			"ftp://127.0.0.1/x?password=hunter2",
			"ftp://127.0.0.1/x?access_token=hunter2&api_key=hunter2",
			"ftp://user:hunter2@127.0.0.1:x/x", // does not parse
		} {
			_, err := loadConfig(envMap(map[string]string{key: v}))
			if err == nil {
				t.Fatalf("%s=%s accepted", key, v)
			}
			if strings.Contains(err.Error(), "hunter2") {
				t.Errorf("%s error reveals the password: %v", key, err)
			}
		}
	}
}

func TestBriefingTimeNeedsChannel(t *testing.T) {
	_, err := loadConfig(envMap(map[string]string{"BRIEFING_TIME": "09:00"}))
	var ce *configError
	if !errors.As(err, &ce) || ce.Key != "BRIEFING_CHANNEL_ID" {
		t.Fatalf("error = %v, want a configError naming BRIEFING_CHANNEL_ID", err)
	}
}

func TestLegacyCooldownIsMapped(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		rate    time.Duration
		burst   int
		noteHas string
	}{
		{"alone", map[string]string{"USER_COOLDOWN": "1m30s"}, 90 * time.Second, 1, "read as USER_RATE=1m30s USER_BURST=1"},
		{"with a burst", map[string]string{"USER_COOLDOWN": "10s", "USER_BURST": "2"}, 10 * time.Second, 2, "USER_BURST=2"},
		{"rate wins", map[string]string{"USER_COOLDOWN": "10s", "USER_RATE": "30s"}, 30 * time.Second, 3, "ignored"},
		{"off", map[string]string{"USER_COOLDOWN": "0s"}, 0, 1, "deprecated"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := loadConfig(envMap(tc.env))
			if err != nil {
				t.Fatal(err)
			}
			if c.UserRate != tc.rate || c.UserBurst != tc.burst {
				t.Errorf("UserRate, UserBurst = %v, %d; want %v, %d", c.UserRate, c.UserBurst, tc.rate, tc.burst)
			}
			if len(c.Notes) != 1 || !strings.Contains(c.Notes[0], tc.noteHas) {
				t.Errorf("notes %q, want one containing %q", c.Notes, tc.noteHas)
			}
		})
	}
}

// Every key the program reads is documented in .env.example, and nothing
// there is stale.
func TestEnvExampleListsEveryKey(t *testing.T) {
	read := map[string]bool{}
	if _, err := loadConfig(func(k string) string { read[k] = true; return "" }); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(".env.example")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	documented := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, _, ok := strings.Cut(line, "=")
		if !ok {
			t.Errorf(".env.example: %q is not KEY=VALUE", line)
			continue
		}
		documented[k] = true
	}
	for k := range read {
		if !documented[k] {
			t.Errorf("%s is read by loadConfig but missing from .env.example", k)
		}
	}
	for k := range documented {
		if !read[k] {
			t.Errorf("%s is in .env.example but loadConfig never reads it", k)
		}
	}
}
