package discordtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode"
)

// Command is an application command registered by bulk overwrite.
type Command struct {
	ID            string          `json:"id"`
	ApplicationID string          `json:"application_id"`
	GuildID       string          `json:"guild_id,omitempty"`
	Version       string          `json:"version"`
	Type          int             `json:"type"`
	Name          string          `json:"name"`
	Description   string          `json:"description"`
	Options       []CommandOption `json:"options,omitempty"`
	// Localizations by Discord locale ("de", "pt-BR"), as users of that
	// client language see them.
	NameLocalizations        map[string]string `json:"name_localizations,omitempty"`
	DescriptionLocalizations map[string]string `json:"description_localizations,omitempty"`
	// Raw is the command as the fake returns it: what was sent plus ids.
	Raw json.RawMessage `json:"-"`
}

// CommandOption is an option (or subcommand) of a command.
type CommandOption struct {
	Type         int             `json:"type"`
	Name         string          `json:"name"`
	Description  string          `json:"description"`
	Required     bool            `json:"required,omitempty"`
	Autocomplete bool            `json:"autocomplete,omitempty"`
	Choices      []Choice        `json:"choices,omitempty"`
	Options      []CommandOption `json:"options,omitempty"`

	NameLocalizations        map[string]string `json:"name_localizations,omitempty"`
	DescriptionLocalizations map[string]string `json:"description_localizations,omitempty"`
}

// discordLocales are the locales Discord's clients have, and localizations
// may name.
var discordLocales = map[string]bool{
	"id": true, "da": true, "de": true, "en-GB": true, "en-US": true, "es-ES": true, "es-419": true, "fr": true,
	"hr": true, "it": true, "lt": true, "hu": true, "nl": true, "no": true, "pl": true, "pt-BR": true,
	"ro": true, "fi": true, "sv-SE": true, "vi": true, "tr": true, "cs": true, "el": true, "bg": true,
	"ru": true, "uk": true, "hi": true, "th": true, "zh-CN": true, "ja": true, "zh-TW": true, "ko": true,
}

// validateLocalizations checks a command's or option's localized names
// and descriptions: known locales, and the lengths of the field they
// stand for.
func validateLocalizations(names, descriptions map[string]string, chatInput bool, p string) []fieldError {
	var errs []fieldError
	for loc, name := range names {
		if !discordLocales[loc] {
			errs = append(errs, fieldError{path: join(join(p, "name_localizations"), loc), code: "LOCALE_INVALID", msg: "Invalid locale", rule: "command.localizations.locale"})
		} else if !validCommandName(name, chatInput) {
			errs = append(errs, fieldError{path: join(join(p, "name_localizations"), loc), code: "APPLICATION_COMMAND_INVALID_NAME", msg: "Command name is invalid", rule: "command.localizations.name"})
		}
	}
	for loc, d := range descriptions {
		if !discordLocales[loc] {
			errs = append(errs, fieldError{path: join(join(p, "description_localizations"), loc), code: "LOCALE_INVALID", msg: "Invalid locale", rule: "command.localizations.locale"})
		} else if n := runes(d); n < 1 || n > 100 {
			errs = append(errs, fieldError{path: join(join(p, "description_localizations"), loc), code: "BASE_TYPE_BAD_LENGTH", msg: "Must be between 1 and 100 in length.", rule: "command.localizations.description"})
		}
	}
	return errs
}

// Commands returns the commands registered for a guild, or the global ones
// for guildID "".
func (s *Server) Commands(guildID string) []Command {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Command(nil), s.commands[guildID]...)
}

// commandIDLocked finds the ID of a registered command, guild first.
func (s *Server) commandIDLocked(guildID string, typ int, name string) string {
	for _, scope := range []string{guildID, ""} {
		for _, c := range s.commands[scope] {
			if c.Type == typ && c.Name == name {
				return c.ID
			}
		}
		if guildID == "" {
			break
		}
	}
	return ""
}

func (s *Server) commandScope(rc *reqCtx) (string, *resp) {
	if rc.params["application.id"] != s.cfg.appID {
		r := reject(http.StatusForbidden, 50001, "Missing Access", "commands.application")
		return "", &r
	}
	gid := rc.params["guild.id"]
	if gid != "" && s.guildLocked(gid) == nil {
		r := reject(http.StatusForbidden, 50001, "Missing Access", "commands.guild")
		return "", &r
	}
	return gid, nil
}

func (s *Server) getCommands(rc *reqCtx) resp {
	scope, bad := s.commandScope(rc)
	if bad != nil {
		return *bad
	}
	out := []json.RawMessage{}
	for _, c := range s.commands[scope] {
		out = append(out, c.Raw)
	}
	return ok(out)
}

// putCommands replaces the scope's commands. A command keeps its ID across
// overwrites when its type and name stay the same, as on Discord.
func (s *Server) putCommands(rc *reqCtx) resp {
	scope, bad := s.commandScope(rc)
	if bad != nil {
		return *bad
	}
	var items []json.RawMessage
	if err := json.Unmarshal(rc.req.Body, &items); err != nil {
		return formErr([]fieldError{{code: "BASE_TYPE_ARRAY", msg: "Must be an array.", rule: "commands.body"}})
	}
	var cmds []Command
	var errs []fieldError
	seen := map[string]bool{}
	count := map[int]int{}
	for i, raw := range items {
		var c Command
		p := strconv.Itoa(i)
		if err := json.Unmarshal(raw, &c); err != nil {
			errs = append(errs, fieldError{path: p, code: "BASE_TYPE_INVALID", msg: "Invalid command.", rule: "command.type"})
			continue
		}
		if c.Type == 0 {
			c.Type = 1
		}
		errs = append(errs, validateCommand(c, p)...)
		key := fmt.Sprintf("%d/%s", c.Type, c.Name)
		if seen[key] {
			errs = append(errs, fieldError{path: join(p, "name"), code: "APPLICATION_COMMANDS_DUPLICATE_NAME", msg: "Application command names must be unique", rule: "command.name.duplicate"})
		}
		seen[key] = true
		count[c.Type]++
		cmds = append(cmds, c)
	}
	if count[1] > 100 || count[2] > 5 || count[3] > 5 {
		errs = append(errs, fieldError{code: "BASE_TYPE_MAX_LENGTH", msg: "Too many application commands (100 chat input, 5 user, 5 message).", rule: "commands.count"})
	}
	if len(errs) > 0 {
		return formErr(errs)
	}
	out := make([]json.RawMessage, len(cmds))
	for i := range cmds {
		c := &cmds[i]
		key := scope + "/" + strconv.Itoa(c.Type) + "/" + c.Name
		if s.commandIDs[key] == "" {
			s.commandIDs[key] = s.newID()
		}
		c.ID, c.ApplicationID, c.GuildID, c.Version = s.commandIDs[key], s.cfg.appID, scope, s.newID()
		var m map[string]any
		json.Unmarshal(items[i], &m)
		m["id"], m["application_id"], m["version"], m["type"] = c.ID, c.ApplicationID, c.Version, c.Type
		if scope != "" {
			m["guild_id"] = scope
		}
		if _, found := m["options"]; !found && c.Type == 1 {
			m["options"] = []any{}
		}
		c.Raw = mustJSON(m)
		out[i] = c.Raw
	}
	s.commands[scope] = cmds
	return ok(out)
}

func validCommandName(name string, chatInput bool) bool {
	n := runes(name)
	if n < 1 || n > 32 {
		return false
	}
	if !chatInput {
		return true
	}
	if strings.ToLower(name) != name {
		return false
	}
	for _, r := range name {
		if r != '-' && r != '_' && !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r) {
			return false
		}
	}
	return true
}

func validateCommand(c Command, p string) []fieldError {
	var errs []fieldError
	chat := c.Type == 1
	if !validCommandName(c.Name, chat) {
		errs = append(errs, fieldError{path: join(p, "name"), code: "APPLICATION_COMMAND_INVALID_NAME", msg: "Command name is invalid", rule: "command.name"})
	}
	errs = append(errs, validateLocalizations(c.NameLocalizations, c.DescriptionLocalizations, chat, p)...)
	if chat {
		if n := runes(c.Description); n < 1 || n > 100 {
			errs = append(errs, fieldError{path: join(p, "description"), code: "BASE_TYPE_BAD_LENGTH", msg: "Must be between 1 and 100 in length.", rule: "command.description"})
		}
		errs = append(errs, validateOptions(c.Options, join(p, "options"))...)
	} else if c.Description != "" || len(c.Options) > 0 || len(c.DescriptionLocalizations) > 0 {
		errs = append(errs, fieldError{path: p, code: "APPLICATION_COMMAND_CONTEXT_MENU_FIELDS", msg: "Context menu commands cannot have a description or options", rule: "command.context_menu"})
	}
	return errs
}

func validateOptions(opts []CommandOption, p string) []fieldError {
	var errs []fieldError
	if len(opts) > 25 {
		errs = append(errs, fieldError{path: p, code: "BASE_TYPE_MAX_LENGTH", msg: "Must be 25 or fewer in length.", rule: "command.options.count"})
	}
	optional := false
	for i, o := range opts {
		op := join(p, strconv.Itoa(i))
		if !validCommandName(o.Name, true) {
			errs = append(errs, fieldError{path: join(op, "name"), code: "APPLICATION_COMMAND_INVALID_NAME", msg: "Option name is invalid", rule: "command.option.name"})
		}
		if n := runes(o.Description); n < 1 || n > 100 {
			errs = append(errs, fieldError{path: join(op, "description"), code: "BASE_TYPE_BAD_LENGTH", msg: "Must be between 1 and 100 in length.", rule: "command.option.description"})
		}
		errs = append(errs, validateLocalizations(o.NameLocalizations, o.DescriptionLocalizations, true, op)...)
		if len(o.Choices) > 25 {
			errs = append(errs, fieldError{path: join(op, "choices"), code: "BASE_TYPE_MAX_LENGTH", msg: "Must be 25 or fewer in length.", rule: "command.option.choices"})
		}
		if o.Autocomplete && len(o.Choices) > 0 {
			errs = append(errs, fieldError{path: join(op, "autocomplete"), code: "APPLICATION_COMMAND_AUTOCOMPLETE_AND_CHOICES", msg: "Autocomplete and choices are mutually exclusive", rule: "command.option.autocomplete"})
		}
		if o.Required && optional {
			errs = append(errs, fieldError{path: join(op, "required"), code: "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", msg: "Required options must be placed before non-required options", rule: "command.option.order"})
		}
		optional = optional || !o.Required
		if o.Type == 1 || o.Type == 2 { // subcommand (group)
			errs = append(errs, validateOptions(o.Options, join(op, "options"))...)
		}
	}
	return errs
}
