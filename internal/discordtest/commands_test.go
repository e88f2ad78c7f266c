package discordtest

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

func corpusCommands() []*discordgo.ApplicationCommand {
	return []*discordgo.ApplicationCommand{
		{Name: "ask", Description: "Ask the corpus a question", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "Your question", Required: true},
			{Type: discordgo.ApplicationCommandOptionBoolean, Name: "private", Description: "Only you see the answer"},
		}},
		{Name: "sources", Description: "List the documents"},
		{Name: "Ask the corpus", Type: discordgo.MessageApplicationCommand},
	}
}

func TestBulkOverwrite(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	s := newClient(t, srv)
	created, err := s.ApplicationCommandBulkOverwrite(srv.AppID(), testGuild, corpusCommands())
	if err != nil {
		t.Fatalf("overwrite: %v", err)
	}
	if len(created) != 3 || created[0].ID == "" || created[0].ApplicationID != srv.AppID() || created[0].GuildID != testGuild || created[2].Type != discordgo.MessageApplicationCommand {
		t.Fatalf("got %+v, want three commands with ids", created)
	}
	stored := srv.Commands(testGuild)
	if len(stored) != 3 || stored[0].Name != "ask" || len(stored[0].Options) != 2 || !stored[0].Options[0].Required {
		t.Errorf("got stored %+v, want ask with a required question", stored)
	}
	if n := len(srv.Commands("")); n != 0 {
		t.Errorf("got %d global commands, want 0", n)
	}

	again, err := s.ApplicationCommandBulkOverwrite(srv.AppID(), testGuild, corpusCommands()[:1])
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != 1 || again[0].ID != created[0].ID {
		t.Errorf("got %+v, want ask to keep id %s", again, created[0].ID)
	}
	listed, err := s.ApplicationCommands(srv.AppID(), testGuild)
	if err != nil || len(listed) != 1 {
		t.Errorf("got %d commands (%v), want 1 after the overwrite", len(listed), err)
	}
	if _, err := s.ApplicationCommandBulkOverwrite(srv.AppID(), "", corpusCommands()); err != nil || len(srv.Commands("")) != 3 {
		t.Errorf("global overwrite: got %v and %d commands, want 3", err, len(srv.Commands("")))
	}

	// A slash command carries the registered ID.
	c := dialRaw(t, srv)
	c.identify(0)
	srv.SendSlash(SlashOpts{Name: "ask", GuildID: testGuild, ChannelID: testChannel})
	f := c.mustRead()
	var ic struct {
		Data struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	json.Unmarshal(f.D, &ic)
	if f.T != "INTERACTION_CREATE" || ic.Data.ID != created[0].ID {
		t.Errorf("got %s with command id %s, want INTERACTION_CREATE with %s", f.T, ic.Data.ID, created[0].ID)
	}
}

func TestCommandValidation(t *testing.T) {
	t.Parallel()
	opt := func(name string, required bool) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: name, Description: "d", Required: required}
	}
	tests := []struct {
		name     string
		cmd      *discordgo.ApplicationCommand
		wantRule string
	}{
		{"upper-case name", &discordgo.ApplicationCommand{Name: "Ask", Description: "d"}, "command.name"},
		{"space in name", &discordgo.ApplicationCommand{Name: "ask me", Description: "d"}, "command.name"},
		{"no description", &discordgo.ApplicationCommand{Name: "ask"}, "command.description"},
		{"required after optional", &discordgo.ApplicationCommand{Name: "ask", Description: "d",
			Options: []*discordgo.ApplicationCommandOption{opt("a", false), opt("b", true)}}, "command.option.order"},
		{"context menu with description", &discordgo.ApplicationCommand{Name: "Ask", Type: discordgo.MessageApplicationCommand, Description: "d"}, "command.context_menu"},
		{"unknown locale", &discordgo.ApplicationCommand{Name: "ask", Description: "d",
			DescriptionLocalizations: &map[discordgo.Locale]string{"pt": "Pergunte"}}, "command.localizations.locale"},
		{"localized description too long", &discordgo.ApplicationCommand{Name: "ask", Description: "d",
			DescriptionLocalizations: &map[discordgo.Locale]string{discordgo.German: strings.Repeat("x", 101)}}, "command.localizations.description"},
		{"localized option name with a space", &discordgo.ApplicationCommand{Name: "ask", Description: "d",
			Options: []*discordgo.ApplicationCommandOption{{Type: discordgo.ApplicationCommandOptionString, Name: "q", Description: "d",
				NameLocalizations: map[discordgo.Locale]string{discordgo.German: "deine frage"}}}}, "command.localizations.name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t)
			s := newClient(t, srv)
			_, err := s.ApplicationCommandBulkOverwrite(srv.AppID(), testGuild, []*discordgo.ApplicationCommand{tt.cmd})
			if status, code := restCode(err); status != 400 || code != 50035 || !hasRule(srv.Violations(), tt.wantRule) {
				t.Errorf("got HTTP %d code %d violations %+v, want 400 50035 %s", status, code, srv.Violations(), tt.wantRule)
			}
			if n := len(srv.Commands(testGuild)); n != 0 {
				t.Errorf("got %d commands stored, want 0", n)
			}
		})
	}
}
