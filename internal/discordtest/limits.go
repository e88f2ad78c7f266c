package discordtest

import (
	"encoding/json"
	"fmt"
	"unicode/utf8"
)

// Discord's message limits for bots (lengths in Unicode code points).
const (
	maxContent          = 2000
	maxEmbeds           = 10
	maxEmbedTitle       = 256
	maxEmbedDescription = 4096
	maxEmbedFields      = 25
	maxFieldName        = 256
	maxFieldValue       = 1024
	maxFooterText       = 2048
	maxAuthorName       = 256
	maxEmbedTotal       = 6000
	maxActionRows       = 5
	maxRowComponents    = 5
	maxButtonLabel      = 80
	maxCustomID         = 100
	maxChoices          = 25
	maxChoiceName       = 100
)

// msgBody is a decoded message create/edit body; has records which keys
// were present and not null, since an edit changes only those.
type msgBody struct {
	has             map[string]bool
	Content         string
	Embeds          []Embed
	Components      []Component
	AllowedMentions *AllowedMentions
	Flags           int
	Reference       *MessageReference
	TTS             bool
}

// parseMessageBody decodes the message fields of raw. A field of the wrong
// type is reported like Discord does, as a form error at its path.
func parseMessageBody(raw []byte, prefix string) (msgBody, []fieldError) {
	b := msgBody{has: map[string]bool{}}
	if len(raw) == 0 {
		return b, nil
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return b, []fieldError{{path: prefix, code: "DICT_TYPE_CONVERT", msg: "Only dictionaries may be used in a DictType", rule: "body.type"}}
	}
	fields := map[string]any{
		"content":           &b.Content,
		"embeds":            &b.Embeds,
		"components":        &b.Components,
		"allowed_mentions":  &b.AllowedMentions,
		"flags":             &b.Flags,
		"message_reference": &b.Reference,
		"tts":               &b.TTS,
	}
	var errs []fieldError
	for k, dst := range fields {
		v, found := m[k]
		if !found || string(v) == "null" {
			continue
		}
		if err := json.Unmarshal(v, dst); err != nil {
			errs = append(errs, fieldError{path: join(prefix, k), code: "BASE_TYPE_INVALID", msg: "Invalid value.", rule: "body.type"})
			continue
		}
		b.has[k] = true
	}
	for _, k := range []string{"sticker_ids", "attachments", "poll"} {
		if v, found := m[k]; found && string(v) != "null" && string(v) != "[]" {
			b.has[k] = true
		}
	}
	return b, errs
}

// empty reports whether a new message would have nothing to show.
func (b msgBody) empty(files int) bool {
	return b.Content == "" && len(b.Embeds) == 0 && len(b.Components) == 0 && files == 0 &&
		!b.has["sticker_ids"] && !b.has["poll"] && !b.has["attachments"]
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

func tooLong(path string, max int, rule string) fieldError {
	return fieldError{path: path, code: "BASE_TYPE_MAX_LENGTH", msg: fmt.Sprintf("Must be %d or fewer in length.", max), rule: rule}
}

func runes(s string) int { return utf8.RuneCountInString(s) }

// validate checks b against Discord's limits and, when strict, the
// no-pings rule. prefix is the JSON path of the message object ("data" in
// an interaction callback).
func validate(b msgBody, prefix string, strict bool) []fieldError {
	var errs []fieldError
	if b.has["content"] && runes(b.Content) > maxContent {
		errs = append(errs, tooLong(join(prefix, "content"), maxContent, "content.length"))
	}
	errs = append(errs, validateEmbeds(b.Embeds, join(prefix, "embeds"))...)
	errs = append(errs, validateComponents(b.Components, b.Flags, join(prefix, "components"))...)
	if strict {
		errs = append(errs, validateMentions(b, join(prefix, "allowed_mentions"))...)
	}
	return errs
}

// validateMentions enforces the bot's safety rule: every message says
// allowed_mentions {"parse": []} and grants no pings by other means.
func validateMentions(b msgBody, path string) []fieldError {
	am := b.AllowedMentions
	switch {
	case am == nil:
		return []fieldError{{path: path, code: "ALLOWED_MENTIONS_REQUIRED", msg: `allowed_mentions with "parse": [] is required (discordtest strict mentions)`, rule: "allowed_mentions.missing"}}
	case am.Parse == nil:
		return []fieldError{{path: join(path, "parse"), code: "ALLOWED_MENTIONS_PARSE_REQUIRED", msg: `"parse" must be an empty list, not null or absent (discordtest strict mentions)`, rule: "allowed_mentions.parse"}}
	}
	var errs []fieldError
	if len(am.Parse) > 0 {
		errs = append(errs, fieldError{path: join(path, "parse"), code: "ALLOWED_MENTIONS_PARSE_NOT_EMPTY", msg: fmt.Sprintf("parse %q would allow pings", am.Parse), rule: "allowed_mentions.parse"})
	}
	if len(am.Users) > 0 {
		errs = append(errs, fieldError{path: join(path, "users"), code: "ALLOWED_MENTIONS_USERS", msg: "users would allow pings", rule: "allowed_mentions.users"})
	}
	if len(am.Roles) > 0 {
		errs = append(errs, fieldError{path: join(path, "roles"), code: "ALLOWED_MENTIONS_ROLES", msg: "roles would allow pings", rule: "allowed_mentions.roles"})
	}
	if am.RepliedUser {
		errs = append(errs, fieldError{path: join(path, "replied_user"), code: "ALLOWED_MENTIONS_REPLIED_USER", msg: "replied_user would ping the author of the replied-to message", rule: "allowed_mentions.replied_user"})
	}
	return errs
}

func validateEmbeds(embeds []Embed, path string) []fieldError {
	var errs []fieldError
	if len(embeds) > maxEmbeds {
		errs = append(errs, fieldError{path: path, code: "BASE_TYPE_MAX_LENGTH", msg: fmt.Sprintf("Must be %d or fewer in length.", maxEmbeds), rule: "embeds.count"})
	}
	total := 0
	for i, e := range embeds {
		p := join(path, fmt.Sprint(i))
		if runes(e.Title) > maxEmbedTitle {
			errs = append(errs, tooLong(join(p, "title"), maxEmbedTitle, "embed.title.length"))
		}
		if runes(e.Description) > maxEmbedDescription {
			errs = append(errs, tooLong(join(p, "description"), maxEmbedDescription, "embed.description.length"))
		}
		if len(e.Fields) > maxEmbedFields {
			errs = append(errs, fieldError{path: join(p, "fields"), code: "BASE_TYPE_MAX_LENGTH", msg: fmt.Sprintf("Must be %d or fewer in length.", maxEmbedFields), rule: "embed.fields.count"})
		}
		for j, f := range e.Fields {
			fp := join(join(p, "fields"), fmt.Sprint(j))
			switch n := runes(f.Name); {
			case n == 0:
				errs = append(errs, fieldError{path: join(fp, "name"), code: "BASE_TYPE_REQUIRED", msg: "This field is required", rule: "embed.field.name.required"})
			case n > maxFieldName:
				errs = append(errs, tooLong(join(fp, "name"), maxFieldName, "embed.field.name.length"))
			}
			switch n := runes(f.Value); {
			case n == 0:
				errs = append(errs, fieldError{path: join(fp, "value"), code: "BASE_TYPE_REQUIRED", msg: "This field is required", rule: "embed.field.value.required"})
			case n > maxFieldValue:
				errs = append(errs, tooLong(join(fp, "value"), maxFieldValue, "embed.field.value.length"))
			}
			total += runes(f.Name) + runes(f.Value)
		}
		if e.Footer != nil {
			if runes(e.Footer.Text) > maxFooterText {
				errs = append(errs, tooLong(join(p, "footer.text"), maxFooterText, "embed.footer.length"))
			}
			total += runes(e.Footer.Text)
		}
		if e.Author != nil {
			if runes(e.Author.Name) > maxAuthorName {
				errs = append(errs, tooLong(join(p, "author.name"), maxAuthorName, "embed.author.length"))
			}
			total += runes(e.Author.Name)
		}
		total += runes(e.Title) + runes(e.Description)
	}
	if total > maxEmbedTotal {
		errs = append(errs, fieldError{path: path, code: "MAX_EMBED_SIZE_EXCEEDED", msg: fmt.Sprintf("Embed size exceeds maximum size of %d", maxEmbedTotal), rule: "embeds.total"})
	}
	return errs
}

// validateComponents checks classic layouts: action rows holding up to five
// buttons or one select. Components V2 layouts get only the custom_id checks.
func validateComponents(rows []Component, flags int, path string) []fieldError {
	var errs []fieldError
	seen := map[string]bool{}
	var walk func(c Component, p string)
	walk = func(c Component, p string) {
		if c.CustomID != "" {
			if runes(c.CustomID) > maxCustomID {
				errs = append(errs, tooLong(join(p, "custom_id"), maxCustomID, "component.custom_id.length"))
			}
			if seen[c.CustomID] {
				errs = append(errs, fieldError{path: join(p, "custom_id"), code: "COMPONENT_CUSTOM_ID_DUPLICATED", msg: "Component custom id cannot be duplicated", rule: "component.custom_id.duplicate"})
			}
			seen[c.CustomID] = true
		}
		for i, child := range c.Components {
			walk(child, join(join(p, "components"), fmt.Sprint(i)))
		}
	}
	for i, c := range rows {
		walk(c, join(path, fmt.Sprint(i)))
	}
	if flags&FlagComponentsV2 != 0 {
		return errs
	}
	if len(rows) > maxActionRows {
		errs = append(errs, fieldError{path: path, code: "BASE_TYPE_MAX_LENGTH", msg: fmt.Sprintf("Must be %d or fewer in length.", maxActionRows), rule: "components.rows"})
	}
	for i, row := range rows {
		p := join(path, fmt.Sprint(i))
		if row.Type != 1 {
			errs = append(errs, fieldError{path: join(p, "type"), code: "COMPONENT_LAYOUT_INVALID", msg: "Top-level components must be action rows", rule: "components.layout"})
			continue
		}
		switch n := len(row.Components); {
		case n == 0:
			errs = append(errs, fieldError{path: join(p, "components"), code: "BASE_TYPE_MIN_LENGTH", msg: "Must be 1 or more in length.", rule: "components.row.empty"})
		case n > maxRowComponents:
			errs = append(errs, fieldError{path: join(p, "components"), code: "BASE_TYPE_MAX_LENGTH", msg: fmt.Sprintf("Must be %d or fewer in length.", maxRowComponents), rule: "components.row.count"})
		}
		for j, c := range row.Components {
			cp := join(join(p, "components"), fmt.Sprint(j))
			errs = append(errs, validateRowChild(c, len(row.Components), cp)...)
		}
	}
	return errs
}

func validateRowChild(c Component, siblings int, p string) []fieldError {
	var errs []fieldError
	switch c.Type {
	case 2: // button
		if runes(c.Label) > maxButtonLabel {
			errs = append(errs, tooLong(join(p, "label"), maxButtonLabel, "button.label.length"))
		}
		switch {
		case c.Style == 5 && (c.URL == "" || c.CustomID != ""):
			errs = append(errs, fieldError{path: p, code: "BUTTON_COMPONENT_URL_REQUIRED", msg: "Link buttons need a url and no custom_id", rule: "button.link"})
		case c.Style >= 1 && c.Style <= 4 && (c.CustomID == "" || c.URL != ""):
			errs = append(errs, fieldError{path: join(p, "custom_id"), code: "BUTTON_COMPONENT_CUSTOM_ID_REQUIRED", msg: "A custom id is required", rule: "button.custom_id"})
		case c.Style < 1 || c.Style > 6:
			errs = append(errs, fieldError{path: join(p, "style"), code: "BASE_TYPE_CHOICES", msg: "Value must be one of {1, 2, 3, 4, 5, 6}.", rule: "button.style"})
		}
	case 3, 5, 6, 7, 8: // selects take a whole row
		if siblings > 1 {
			errs = append(errs, fieldError{path: p, code: "COMPONENT_LAYOUT_WIDTH_EXCEEDED", msg: "The specified component exceeds the maximum width", rule: "components.select.width"})
		}
		if c.CustomID == "" {
			errs = append(errs, fieldError{path: join(p, "custom_id"), code: "BASE_TYPE_REQUIRED", msg: "This field is required", rule: "select.custom_id"})
		}
	default:
		errs = append(errs, fieldError{path: join(p, "type"), code: "COMPONENT_TYPE_INVALID", msg: fmt.Sprintf("Component type %d cannot be in an action row", c.Type), rule: "components.type"})
	}
	return errs
}

// validateChoices checks an autocomplete result.
func validateChoices(choices []Choice, path string) []fieldError {
	var errs []fieldError
	if len(choices) > maxChoices {
		errs = append(errs, fieldError{path: path, code: "BASE_TYPE_MAX_LENGTH", msg: fmt.Sprintf("Must be %d or fewer in length.", maxChoices), rule: "autocomplete.choices.count"})
	}
	for i, c := range choices {
		p := join(join(path, fmt.Sprint(i)), "name")
		switch n := runes(c.Name); {
		case n == 0:
			errs = append(errs, fieldError{path: p, code: "BASE_TYPE_BAD_LENGTH", msg: "Must be between 1 and 100 in length.", rule: "autocomplete.choice.name.length"})
		case n > maxChoiceName:
			errs = append(errs, fieldError{path: p, code: "BASE_TYPE_BAD_LENGTH", msg: "Must be between 1 and 100 in length.", rule: "autocomplete.choice.name.length"})
		}
		if c.Value == nil {
			errs = append(errs, fieldError{path: join(join(path, fmt.Sprint(i)), "value"), code: "BASE_TYPE_REQUIRED", msg: "This field is required", rule: "autocomplete.choice.value"})
		}
	}
	return errs
}
