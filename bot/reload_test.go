package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"corpusbot/corpus"
	"corpusbot/internal/discordtest"
	"corpusbot/secret"
)

func TestCanReload(t *testing.T) {
	const (
		sendMessages   = discordgo.PermissionSendMessages
		manageChannels = discordgo.PermissionManageChannels
		manageMessages = discordgo.PermissionManageMessages
		manageRoles    = discordgo.PermissionManageRoles
	)
	for _, tc := range []struct {
		name string
		m    *discordgo.Member
		want bool
	}{
		{"DM: no member", nil, false},
		{"no permissions", &discordgo.Member{}, false},
		{"ordinary member", &discordgo.Member{Permissions: sendMessages | discordgo.PermissionViewChannel}, false},
		{"moderator without Manage Server", &discordgo.Member{Permissions: manageChannels | manageMessages | manageRoles}, false},
		{"Manage Server", &discordgo.Member{Permissions: sendMessages | discordgo.PermissionManageGuild}, true},
		{"Administrator", &discordgo.Member{Permissions: discordgo.PermissionAdministrator}, true},
		{"Administrator as Discord computes it: every bit", &discordgo.Member{Permissions: discordgo.PermissionAll}, true},
		{"both", &discordgo.Member{Permissions: discordgo.PermissionAdministrator | discordgo.PermissionManageGuild}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := canReload(tc.m); got != tc.want {
				t.Errorf("canReload(%+v) = %v, want %v", tc.m, got, tc.want)
			}
		})
	}
}

func TestReloadFailedText(t *testing.T) {
	dir := t.TempDir()
	_, statErr := os.Stat(filepath.Join(dir, "missing-corpus"))
	// As main's reloader wraps them.
	wrap := func(err error) error { return fmt.Errorf("reload failed, the current index stays: %w", err) }
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"missing folder", wrap(fmt.Errorf("corpus folder: %w", statErr)),
			"Reload failed, the current index stays: “missing-corpus” does not exist."},
		{"no documents", wrap(fmt.Errorf("load corpus %s: %w", dir, fmt.Errorf("%w: 2 skipped: a.bin", corpus.ErrNoDocuments))),
			"Reload failed, the current index stays: the corpus folder has no document I can read (.txt, .md, .markdown, .mdx, .qmd, .rmd, .rst, .adoc, .asciidoc, .asc, .html, .htm, .pdf, .docx, .pptx, .odt, .epub, .ipynb, .1–.9, .man, .org, .tex, .latex, .ltx, .texi, .texinfo, .txi, .pod, .wiki, .mediawiki)."},
		{"unreadable folder", wrap(&fs.PathError{Op: "readdirent", Path: ".", Err: fs.ErrPermission}),
			"Reload failed, the current index stays: the corpus folder can't be read: permission denied."},
		{"unreadable file", wrap(&fs.PathError{Op: "read", Path: "news/secret_plans.txt", Err: errors.New("input/output error")}),
			"Reload failed, the current index stays: “secret\\_plans.txt” can't be read: input/output error."},
		{"folder named like a mention", wrap(&fs.PathError{Op: "stat", Path: "/srv/@everyone", Err: fs.ErrNotExist}),
			"Reload failed, the current index stays: “@\u200beveryone” does not exist."},
		{"interrupted", wrap(context.Canceled), "Reload failed, the current index stays: it was interrupted; the bot is shutting down."},
		{"anything else stays in the log", wrap(fmt.Errorf("corpus folder %s is not a folder", dir)),
			"Reload failed, the current index stays: the details are in the bot's log."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := reloadFailedText(tc.err)
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if strings.Contains(got, dir) || strings.Contains(got, "/srv") {
				t.Errorf("%q shows a path of the server", got)
			}
		})
	}
}

func TestCommandsRegisterReloadOnlyWhenSet(t *testing.T) {
	find := func(cmds []*discordgo.ApplicationCommand) *discordgo.ApplicationCommand {
		for _, c := range cmds {
			if c.Name == cmdReload {
				return c
			}
		}
		return nil
	}
	if c := find(commands(false)); c != nil {
		t.Errorf("without Config.Reload, /reload is registered: %+v", c)
	}
	c := find(commands(true))
	if c == nil {
		t.Fatal("with Config.Reload, /reload is not registered")
	}
	js, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"default_member_permissions":"0"`, `"dm_permission":false`, `"contexts":[0]`} {
		if !strings.Contains(string(js), want) {
			t.Errorf("/reload registers as %s, want it to contain %s", js, want)
		}
	}
}

// fakeReload is a Config.Reload that answers from a script and counts calls.
type fakeReload struct {
	mu      sync.Mutex
	results []reloadResult
	calls   int
}

type reloadResult struct {
	report string
	err    error
}

func (f *fakeReload) Reload(context.Context) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	r := f.results[min(f.calls, len(f.results)-1)]
	f.calls++
	return r.report, r.err
}

func (f *fakeReload) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}

var errNoDocs = fmt.Errorf("reload failed, the current index stays: load corpus /srv/corpus: %w", corpus.ErrNoDocuments)

func TestReloadCommand(t *testing.T) {
	const okReport = "reloaded 6 documents (41 passages) in 12ms"
	member := func(perms int64) *discordgo.Member {
		return &discordgo.Member{User: &discordgo.User{ID: "42"}, Permissions: perms}
	}
	for _, tc := range []struct {
		name      string
		member    *discordgo.Member // nil: a DM
		result    reloadResult
		noReload  bool // Config.Reload unset
		stopping  bool
		want      string
		deferred  bool // acknowledged with a private "thinking…", then edited
		wantCalls int
	}{
		{name: "admin", member: member(discordgo.PermissionAll), result: reloadResult{report: okReport},
			want: "Reloaded 6 documents (41 passages) in 12ms", deferred: true, wantCalls: 1},
		{name: "manage server", member: member(discordgo.PermissionManageGuild | discordgo.PermissionSendMessages), result: reloadResult{report: okReport},
			want: "Reloaded 6 documents (41 passages) in 12ms", deferred: true, wantCalls: 1},
		{name: "failure keeps the index and says why", member: member(discordgo.PermissionAdministrator), result: reloadResult{err: errNoDocs},
			want: "Reload failed, the current index stays: the corpus folder has no document I can read (.txt, .md, .markdown, .mdx, .qmd, .rmd, .rst, .adoc, .asciidoc, .asc, .html, .htm, .pdf, .docx, .pptx, .odt, .epub, .ipynb, .1–.9, .man, .org, .tex, .latex, .ltx, .texi, .texinfo, .txi, .pod, .wiki, .mediawiki).", deferred: true, wantCalls: 1},
		{name: "ordinary member", member: member(discordgo.PermissionSendMessages | discordgo.PermissionManageMessages),
			want: textReloadAdminsOnly},
		{name: "DM", want: textReloadAdminsOnly},
		{name: "not configured", member: member(discordgo.PermissionAll), noReload: true, want: textUnknownCommand},
		{name: "shutting down", member: member(discordgo.PermissionAll), stopping: true, want: textRestarting},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fr := &fakeReload{results: []reloadResult{tc.result}}
			b, api, _, _ := testBot(t, func(c *Config) {
				if !tc.noReload {
					c.Reload = fr.Reload
				}
			})
			b.mu.Lock()
			b.stopping = tc.stopping
			b.mu.Unlock()
			i := slash(cmdReload)
			i.Member = tc.member
			if tc.member == nil {
				i.GuildID, i.User = "", &discordgo.User{ID: "42"}
			}
			b.handleInteraction(context.Background(), i, time.Now())

			cs := api.recorded()
			wantMethods := "respond"
			if tc.deferred {
				wantMethods = "respond webhook-edit"
			}
			var methods []string
			for _, c := range cs {
				methods = append(methods, c.method)
			}
			if got := strings.Join(methods, " "); got != wantMethods {
				t.Fatalf("calls %+v, want %s", cs, wantMethods)
			}
			first, last := decodeCall(t, cs[0]), decodeCall(t, cs[len(cs)-1])
			if !first.ephemeral {
				t.Errorf("first response %s, want it private", cs[0].body)
			}
			if tc.deferred && first.typ != 5 || !tc.deferred && first.typ != 4 {
				t.Errorf("first response %s: type %d, want %d", cs[0].body, first.typ, map[bool]int{true: 5, false: 4}[tc.deferred])
			}
			if last.content != tc.want {
				t.Errorf("reply %q, want %q", last.content, tc.want)
			}
			if fr.count() != tc.wantCalls {
				t.Errorf("Reload called %d times, want %d", fr.count(), tc.wantCalls)
			}
		})
	}
}

// outcome is one recorded call as the user sees it.
type outcome struct {
	method    string
	typ       int // interaction callback type; 0 for edits and follow-ups
	content   string
	ephemeral bool
	choices   []string // autocomplete values
	noPings   bool     // allowed_mentions is {"parse": []}
}

func decodeCall(t *testing.T, c call) outcome {
	t.Helper()
	type mentions struct {
		Parse *[]string `json:"parse"`
	}
	var body struct {
		Type int `json:"type"`
		Data *struct {
			Content         string    `json:"content"`
			Flags           int       `json:"flags"`
			AllowedMentions *mentions `json:"allowed_mentions"`
			Choices         []struct {
				Value any `json:"value"`
			} `json:"choices"`
		} `json:"data"`
		Content         *string   `json:"content"`
		Flags           int       `json:"flags"`
		AllowedMentions *mentions `json:"allowed_mentions"`
	}
	if err := json.Unmarshal([]byte(c.body), &body); err != nil {
		t.Fatalf("call %s: %v", c.body, err)
	}
	o := outcome{method: c.method, typ: body.Type, ephemeral: body.Flags&64 != 0}
	am := body.AllowedMentions
	if body.Content != nil {
		o.content = *body.Content
	}
	if d := body.Data; d != nil {
		o.content, o.ephemeral, am = d.Content, d.Flags&64 != 0, d.AllowedMentions
		for _, ch := range d.Choices {
			o.choices = append(o.choices, fmt.Sprint(ch.Value))
		}
	}
	o.noPings = am != nil && am.Parse != nil && len(*am.Parse) == 0
	return o
}

// reloadBot runs a Bot with Config.Reload against a fake Discord, on the
// package's fake pipeline and a real store in a temporary folder.
type reloadBot struct {
	t      *testing.T
	dc     *discordtest.Server
	cfg    Config
	puts   int // command registrations seen
	cancel context.CancelFunc
	done   chan error
}

func (r *reloadBot) start() {
	r.t.Helper()
	b, err := New(r.cfg, newFakeAnswerer(), newTestStore(r.t), nil)
	if err != nil {
		r.t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel, r.done = cancel, make(chan error, 1)
	go func() { r.done <- b.Run(ctx) }()
	r.t.Cleanup(r.stop)
	wait, cancelWait := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancelWait()
	seen := 0
	if _, err := r.dc.WaitFor(wait, func(q discordtest.Request) bool {
		if strings.HasPrefix(q.Route, "PUT /applications/") {
			seen++
		}
		return seen > r.puts
	}); err != nil {
		r.t.Fatalf("commands not registered: %v", err)
	}
	r.puts = seen
}

// stop ends Run and checks it returned nil; idempotent.
func (r *reloadBot) stop() {
	r.cancel()
	select {
	case err, ok := <-r.done:
		if !ok {
			return
		}
		close(r.done)
		if err != nil {
			r.t.Errorf("Run returned %v, want nil", err)
		}
	case <-time.After(20 * time.Second):
		r.t.Fatal("Run did not return 20 s after its context was cancelled")
	}
}

// dispatchAs delivers in again with the member's permissions set to
// perms. The fake always sends the permissions of an ordinary member, so
// in must have been sent while no bot was connected (its dispatch went to
// a closed session and was never delivered): the bot then sees only this
// copy, which the fake accepts answers to.
func dispatchAs(dc *discordtest.Server, in *discordtest.Interaction, name string, perms int64) {
	cmdID := "1"
	for _, c := range dc.Commands(in.GuildID) {
		if c.Name == name {
			cmdID = c.ID
		}
	}
	dc.Dispatch("INTERACTION_CREATE", map[string]any{
		"id": in.ID, "application_id": dc.AppID(), "type": discordtest.InteractionCommand, "token": in.Token, "version": 1,
		"channel_id": in.ChannelID, "guild_id": in.GuildID, "locale": "en-US", "guild_locale": "en-US", "context": 0,
		"data": map[string]any{"id": cmdID, "name": name, "type": 1, "guild_id": in.GuildID},
		"member": map[string]any{
			"user": in.User, "roles": []string{}, "joined_at": in.Created.UTC(),
			"permissions": strconv.FormatInt(perms, 10),
		},
	})
}

func TestReloadEndToEnd(t *testing.T) {
	const guild, channel = "200000000000000001", "200000000000000002"
	dc := discordtest.New(t, discordtest.WithToken("reload-token"),
		discordtest.WithGuild(guild, []discordtest.Channel{{ID: channel, Name: "general"}}, nil),
		// Long enough for the restart below, between dispatch and answer.
		discordtest.WithAckDeadline(time.Minute))
	fr := &fakeReload{results: []reloadResult{
		{report: "reloaded 6 documents (41 passages) in 9ms"},
		{err: fmt.Errorf("reload failed, the current index stays: corpus folder: %w",
			&fs.PathError{Op: "stat", Path: "/srv/corpusbot/corpus", Err: fs.ErrNotExist})},
	}}
	r := &reloadBot{t: t, dc: dc, cfg: Config{
		Token: secret.New("reload-token"), AppID: dc.AppID(), GuildID: guild, APIBase: dc.URL(),
		EditInterval: 50 * time.Millisecond, ShutdownGrace: time.Second, Reload: fr.Reload,
	}}
	r.start()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	t.Run("registered for admins only", func(t *testing.T) {
		var raw json.RawMessage
		for _, c := range dc.Commands(guild) {
			if c.Name == cmdReload {
				raw = c.Raw
			}
		}
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatalf("/reload not registered (%v); commands %+v", err, dc.Commands(guild))
		}
		if m["default_member_permissions"] != "0" || m["dm_permission"] != false {
			t.Errorf("/reload registered as %s, want default_member_permissions \"0\" and dm_permission false", raw)
		}
	})

	slashReload := func() *discordtest.Interaction {
		return dc.SendSlash(discordtest.SlashOpts{Name: cmdReload, GuildID: guild, ChannelID: channel,
			User: discordtest.User{ID: "300000000000000001", Username: "admin"}})
	}
	t.Run("ordinary member refused", func(t *testing.T) {
		resp, err := slashReload().WaitResponse(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if resp.Type != 4 || resp.Flags&discordtest.FlagEphemeral == 0 || resp.Content != textReloadAdminsOnly {
			t.Errorf("response %d (flags %d) %q, want the private refusal", resp.Type, resp.Flags, resp.Content)
		}
		if fr.count() != 0 {
			t.Errorf("Reload called %d times for an ordinary member", fr.count())
		}
	})

	// Two /reload from an admin, held back from the bot: see dispatchAs.
	r.stop()
	ok, failed := slashReload(), slashReload()
	r.start()
	for _, tc := range []struct {
		name  string
		in    *discordtest.Interaction
		perms int64
		want  string
	}{
		{"success", ok, discordgo.PermissionAll, "Reloaded 6 documents (41 passages) in 9ms"},
		{"failure", failed, discordgo.PermissionManageGuild, "Reload failed, the current index stays: “corpus” does not exist."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dispatchAs(dc, tc.in, cmdReload, tc.perms)
			resp, err := tc.in.WaitResponse(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if resp.Type != 5 || resp.Flags&discordtest.FlagEphemeral == 0 {
				t.Errorf("acknowledged with type %d flags %d, want a private deferral (5, ephemeral)", resp.Type, resp.Flags)
			}
			m, err := tc.in.WaitOriginal(ctx, func(m discordtest.Message) bool { return m.Flags&discordtest.FlagLoading == 0 && m.Content != "" })
			if err != nil {
				t.Fatal(err)
			}
			if m.Content != tc.want {
				t.Errorf("reply %q, want %q", m.Content, tc.want)
			}
		})
	}
	if fr.count() != 2 {
		t.Errorf("Reload called %d times, want 2", fr.count())
	}
	for _, v := range dc.Violations() {
		t.Errorf("Discord rule broken: %s %s: %s %s: %s", v.Method, v.Path, v.Rule, v.Field, v.Message)
	}
}
