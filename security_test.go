package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"corpusbot/internal/discordtest"
	"corpusbot/internal/openaitest"
)

// Security claims of docs/security.md that concern the whole program:
// secrets, the invite, configuration.

const e2eKey = "sk-proj-E2ESECURITYKEY0123456789abcdef"

var healthAddrRE = regexp.MustCompile(`health: listening.*?addr[=":]+(127\.0\.0\.1:\d+)`)

// TestSecuritySecretsStayOutOfLogs runs the bot through run() at
// LOG_LEVEL=debug, in both log formats, with an LLM key, the health server
// on, an LLM that echoes the key in a 401 and a Discord REST failure, and
// finds neither the bot token, the key nor any interaction token in
// stderr, stdout, the standard logger (where discordgo writes), /healthz
// or /metrics. Each secret also goes only to its own service.
func TestSecuritySecretsStayOutOfLogs(t *testing.T) {
	// Not parallel: it captures the process-wide standard logger.
	for _, format := range []string{"text", "json"} {
		t.Run(format, func(t *testing.T) {
			var std e2eBuffer
			log.SetOutput(&std)
			t.Cleanup(func() { log.SetOutput(os.Stderr) })

			b := startE2E(t, map[string]string{
				"OPENAI_API_KEY": e2eKey,
				"HEALTH_ADDR":    "127.0.0.1:0",
				"LOG_FORMAT":     format,
				"THREAD_MODE":    "auto",
			}, openaitest.WithAPIKey(e2eKey))

			q := b.mention(e2eGeneral, e2eUser(1), e2eAsk)
			b.finalIn(q.ID)
			b.finalOf(b.ask(e2eUser(2), e2eAsk))
			// A Discord failure on the answer's edits.
			b.dc.FailNext(func(r *discordtest.Request) bool { return r.Method == http.MethodPatch }, 1, http.StatusInternalServerError, 0)
			b.finalOf(b.ask(e2eUser(3), "What did Alipay say about the micro-loan business?"))
			// A server that echoes the key with a 401: the rewrite and the answer.
			echo := openaitest.Error(http.StatusUnauthorized, "Incorrect API key provided: "+e2eKey+".", "invalid_request_error", "invalid_api_key")
			b.ai.Push(echo, echo)
			in := b.ask(e2eUser(4), "Who is Zhao Zhiguo?")
			if _, err := in.WaitOriginal(b.ctx(), func(m discordtest.Message) bool { return strings.Contains(m.Content, "configuration problem") }); err != nil {
				t.Fatalf("no configuration message after a 401: %v; responses %+v", err, in.Responses())
			}

			m := healthAddrRE.FindStringSubmatch(b.stderr.String())
			if m == nil {
				t.Fatalf("no health address in the log:\n%s", b.stderr.String())
			}
			healthz, metrics := httpGet(t, "http://"+m[1]+"/healthz"), httpGet(t, "http://"+m[1]+"/metrics")
			if !strings.Contains(healthz, "last_llm_error") {
				t.Errorf("/healthz %s: want the last LLM error reported", healthz)
			}
			b.stop()

			secrets := map[string]string{"bot token": e2eToken, "LLM key": e2eKey}
			for _, in := range b.dc.Interactions() {
				secrets["interaction token "+in.ID] = in.Token
			}
			for where, text := range map[string]string{
				"stderr": b.stderr.String(), "standard logger": std.String(), "/healthz": healthz, "/metrics": metrics,
			} {
				for name, s := range secrets {
					if strings.Contains(text, s) {
						t.Errorf("%s contains the %s", where, name)
					}
				}
			}
			if !strings.Contains(b.stderr.String(), "Incorrect API key provided: [redacted]") {
				t.Errorf("the key echoed by the LLM is not logged redacted: the test no longer exercises scrubbing")
			}
			if !strings.Contains(b.stderr.String(), "level=DEBUG") && !strings.Contains(b.stderr.String(), `"level":"DEBUG"`) {
				t.Errorf("no debug line in the log: the test did not run at debug level")
			}
			for _, r := range b.dc.Requests() {
				if strings.Contains(fmt.Sprint(r.Header), e2eKey) || strings.Contains(string(r.Body), e2eKey) {
					t.Errorf("the LLM key was sent to Discord: %s %s", r.Method, r.Path)
				}
			}
			for i, r := range b.ai.Requests() {
				if strings.Contains(fmt.Sprint(r.Header), e2eToken) || strings.Contains(string(r.Body), e2eToken) {
					t.Errorf("LLM request %d carries the bot token", i)
				}
			}
		})
	}
}

func httpGet(t *testing.T, u string) string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Discord permission bits (developer documentation, "Permissions").
const (
	permAdministrator   = 1 << 3
	permManageChannels  = 1 << 4
	permManageGuild     = 1 << 5
	permManageMessages  = 1 << 13
	permMentionEveryone = 1 << 17
	permManageRoles     = 1 << 28
	permManageWebhooks  = 1 << 29
	permManageThreads   = 1 << 34
	permKickMembers     = 1 << 1
	permBanMembers      = 1 << 2
	permModerateMembers = 1 << 40
)

// TestSecurityInviteAsksForExactlyWhatIsNeeded: `corpusbot invite` asks
// for View Channels, Send Messages, Embed Links, Read Message History,
// Create Public Threads and Send Messages in Threads, with the bot and
// applications.commands scopes, and for nothing that administers,
// moderates or pings everyone.
func TestSecurityInviteAsksForExactlyWhatIsNeeded(t *testing.T) {
	out, errOut, code := runCLI(t, map[string]string{"DISCORD_APP_ID": "123456789012345678"}, "invite")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	u, err := url.Parse(strings.TrimSpace(out))
	if err != nil {
		t.Fatal(err)
	}
	if u.Scheme != "https" || u.Host != "discord.com" || u.Path != "/oauth2/authorize" {
		t.Errorf("invite URL %s, want https://discord.com/oauth2/authorize", u)
	}
	if got := u.Query().Get("scope"); got != "bot applications.commands" {
		t.Errorf("scope %q, want exactly \"bot applications.commands\"", got)
	}
	perms, err := strconv.ParseInt(u.Query().Get("permissions"), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	const want = 1<<10 | 1<<11 | 1<<14 | 1<<16 | 1<<35 | 1<<38
	if perms != want {
		t.Errorf("permissions %d (%b), want exactly %d (%b)", perms, perms, want, want)
	}
	for name, bit := range map[string]int64{
		"Administrator": permAdministrator, "Mention Everyone": permMentionEveryone, "Manage Messages": permManageMessages,
		"Manage Channels": permManageChannels, "Manage Server": permManageGuild, "Manage Roles": permManageRoles,
		"Manage Webhooks": permManageWebhooks, "Manage Threads": permManageThreads, "Kick Members": permKickMembers,
		"Ban Members": permBanMembers, "Moderate Members": permModerateMembers,
	} {
		if perms&bit != 0 {
			t.Errorf("the invite asks for %s", name)
		}
	}
}

// TestSecurityConfigNeverPrintsSecrets: the parsed configuration prints,
// marshals and logs with the token and key redacted, and a start-up error
// about another key does not repeat them.
func TestSecurityConfigNeverPrintsSecrets(t *testing.T) {
	const token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.SECRET.TOKENVALUE"
	env := map[string]string{"DISCORD_TOKEN": token, "OPENAI_API_KEY": e2eKey}
	cfg, err := loadConfig(envMap(env))
	if err != nil {
		t.Fatal(err)
	}
	var logged bytes.Buffer
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("config", "cfg", cfg, "token", cfg.DiscordToken, "key", cfg.OpenAIKey)
	slog.New(slog.NewTextHandler(&logged, nil)).Info("config", "cfg", cfg, "token", cfg.DiscordToken, "key", cfg.OpenAIKey)
	js, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	renderings := map[string]string{
		"%v": fmt.Sprintf("%v", cfg), "%+v": fmt.Sprintf("%+v", cfg), "%#v": fmt.Sprintf("%#v", cfg),
		"%s": fmt.Sprintf("%s %s", cfg.DiscordToken, cfg.OpenAIKey), "%q": fmt.Sprintf("%q %q", cfg.DiscordToken, cfg.OpenAIKey),
		"%x": fmt.Sprintf("%x %x", cfg.DiscordToken, cfg.OpenAIKey), "json": string(js), "slog": logged.String(),
	}
	env["LOG_LEVEL"] = "loud" // a malformed key stops start-up
	_, errOut, code := runCLI(t, env, "run")
	if code != 2 {
		t.Errorf("exit %d with a malformed LOG_LEVEL, want 2", code)
	}
	renderings["start-up error"] = errOut
	for name, s := range renderings {
		for _, secret := range []string{token, e2eKey, fmt.Sprintf("%x", token), fmt.Sprintf("%x", e2eKey)} {
			if strings.Contains(s, secret) {
				t.Errorf("%s rendering reveals a secret: %s", name, s)
			}
		}
	}
}

// TestSecurityDotEnvIsIgnoredAndExampleHoldsNoSecret: .env, where the
// token and key live, is ignored by git, and .env.example ships them
// empty. The health server is off unless HEALTH_ADDR is set.
func TestSecurityDotEnvIsIgnoredAndExampleHoldsNoSecret(t *testing.T) {
	ignore, err := os.ReadFile(".gitignore")
	if err != nil {
		t.Fatal(err)
	}
	ignored := false
	for _, line := range strings.Split(string(ignore), "\n") {
		if l := strings.TrimSpace(line); l == ".env" || l == "/.env" {
			ignored = true
		}
	}
	if !ignored {
		t.Errorf(".gitignore does not list .env:\n%s", ignore)
	}
	f, err := os.Open(".env.example")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	values := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), "="); ok && !strings.HasPrefix(k, "#") {
			values[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	for _, k := range []string{"DISCORD_TOKEN", "OPENAI_API_KEY", "HEALTH_ADDR"} {
		v, ok := values[k]
		if !ok {
			t.Errorf(".env.example lacks %s", k)
		}
		if v != "" {
			t.Errorf(".env.example sets %s=%q, want it empty", k, v)
		}
	}
	cfg, err := loadConfig(envMap(nil))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.HealthAddr != "" {
		t.Errorf("HEALTH_ADDR defaults to %q, want off", cfg.HealthAddr)
	}
}
