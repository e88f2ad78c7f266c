package discordtest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Channel types used by the fake (Discord's numeric values).
const (
	ChannelText          = 0
	ChannelDM            = 1
	ChannelPublicThread  = 11
	ChannelPrivateThread = 12
)

// Message flags the fake sets or interprets.
const (
	FlagHasThread    = 1 << 5
	FlagEphemeral    = 1 << 6
	FlagLoading      = 1 << 7
	FlagComponentsV2 = 1 << 15
)

// Gateway intents the fake honours when it dispatches messages.
const (
	IntentGuildMessages  = 1 << 9
	IntentDirectMessages = 1 << 12
	IntentMessageContent = 1 << 15
)

// User is a Discord user as it appears on the wire.
type User struct {
	ID            string `json:"id"`
	Username      string `json:"username"`
	Discriminator string `json:"discriminator,omitempty"`
	GlobalName    string `json:"global_name,omitempty"`
	Bot           bool   `json:"bot,omitempty"`
}

// Member is a guild member: message authors and interaction invokers in guilds.
type Member struct {
	User        *User     `json:"user,omitempty"`
	Roles       []string  `json:"roles"`
	JoinedAt    time.Time `json:"joined_at"`
	Nick        string    `json:"nick,omitempty"`
	Permissions int64     `json:"permissions,string,omitempty"`
	Deaf        bool      `json:"deaf"`
	Mute        bool      `json:"mute"`
}

// Role is a guild role. A guild always has @everyone, whose ID is the guild ID.
type Role struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Permissions int64  `json:"permissions,string"`
	Position    int    `json:"position"`
	Color       int    `json:"color"`
	Hoist       bool   `json:"hoist"`
	Managed     bool   `json:"managed"`
	Mentionable bool   `json:"mentionable"`
}

// Channel is a guild channel, thread or DM.
type Channel struct {
	ID             string          `json:"id"`
	Type           int             `json:"type"`
	GuildID        string          `json:"guild_id,omitempty"`
	Name           string          `json:"name,omitempty"`
	ParentID       string          `json:"parent_id,omitempty"`
	OwnerID        string          `json:"owner_id,omitempty"`
	Position       int             `json:"position"`
	Recipients     []User          `json:"recipients,omitempty"`
	ThreadMetadata *ThreadMetadata `json:"thread_metadata,omitempty"`
}

// ThreadMetadata is present on thread channels.
type ThreadMetadata struct {
	Archived            bool      `json:"archived"`
	AutoArchiveDuration int       `json:"auto_archive_duration"`
	ArchiveTimestamp    time.Time `json:"archive_timestamp"`
	Locked              bool      `json:"locked"`
}

// Message is a stored message, reflecting every edit. Its JSON form is what
// the fake sends to clients.
type Message struct {
	ID                string              `json:"id"`
	ChannelID         string              `json:"channel_id"`
	GuildID           string              `json:"guild_id,omitempty"`
	Author            User                `json:"author"`
	Member            *Member             `json:"member,omitempty"`
	Content           string              `json:"content"`
	Timestamp         time.Time           `json:"timestamp"`
	EditedTimestamp   *time.Time          `json:"edited_timestamp"`
	TTS               bool                `json:"tts"`
	MentionEveryone   bool                `json:"mention_everyone"`
	Mentions          []User              `json:"mentions"`
	MentionRoles      []string            `json:"mention_roles"`
	Attachments       []Attachment        `json:"attachments"`
	Embeds            []Embed             `json:"embeds"`
	Components        []Component         `json:"components"`
	Pinned            bool                `json:"pinned"`
	Type              int                 `json:"type"`
	Flags             int                 `json:"flags"`
	WebhookID         string              `json:"webhook_id,omitempty"`
	ApplicationID     string              `json:"application_id,omitempty"`
	MessageReference  *MessageReference   `json:"message_reference,omitempty"`
	ReferencedMessage *Message            `json:"referenced_message,omitempty"`
	Interaction       *MessageInteraction `json:"interaction,omitempty"`
	Thread            *Channel            `json:"thread,omitempty"`

	// AllowedMentions is what the last create or edit asked for (nil if it
	// sent none); Discord does not echo it, so it is not on the wire.
	AllowedMentions *AllowedMentions `json:"-"`
	// Edits counts accepted edits of this message.
	Edits int `json:"-"`
}

// MessageReference points a reply at the message it answers.
type MessageReference struct {
	MessageID       string `json:"message_id,omitempty"`
	ChannelID       string `json:"channel_id,omitempty"`
	GuildID         string `json:"guild_id,omitempty"`
	FailIfNotExists *bool  `json:"fail_if_not_exists,omitempty"`
}

// MessageInteraction marks a message sent in response to an interaction.
type MessageInteraction struct {
	ID   string `json:"id"`
	Type int    `json:"type"`
	Name string `json:"name"`
	User User   `json:"user"`
}

// AllowedMentions is the allowed_mentions object of a request.
type AllowedMentions struct {
	Parse       []string `json:"parse"`
	Users       []string `json:"users,omitempty"`
	Roles       []string `json:"roles,omitempty"`
	RepliedUser bool     `json:"replied_user,omitempty"`
}

// Attachment is a file uploaded with multipart/form-data.
type Attachment struct {
	ID          string `json:"id"`
	Filename    string `json:"filename"`
	ContentType string `json:"content_type,omitempty"`
	Size        int    `json:"size"`
	URL         string `json:"url"`
	ProxyURL    string `json:"proxy_url"`
}

// Embed is a rich embed.
type Embed struct {
	Type        string       `json:"type,omitempty"`
	Title       string       `json:"title,omitempty"`
	Description string       `json:"description,omitempty"`
	URL         string       `json:"url,omitempty"`
	Timestamp   string       `json:"timestamp,omitempty"`
	Color       int          `json:"color,omitempty"`
	Footer      *EmbedFooter `json:"footer,omitempty"`
	Image       *EmbedMedia  `json:"image,omitempty"`
	Thumbnail   *EmbedMedia  `json:"thumbnail,omitempty"`
	Author      *EmbedAuthor `json:"author,omitempty"`
	Fields      []EmbedField `json:"fields,omitempty"`
}

// EmbedFooter is an embed's footer.
type EmbedFooter struct {
	Text    string `json:"text"`
	IconURL string `json:"icon_url,omitempty"`
}

// EmbedMedia is an embed image or thumbnail.
type EmbedMedia struct {
	URL string `json:"url"`
}

// EmbedAuthor is an embed's author line.
type EmbedAuthor struct {
	Name    string `json:"name"`
	URL     string `json:"url,omitempty"`
	IconURL string `json:"icon_url,omitempty"`
}

// EmbedField is one field of an embed.
type EmbedField struct {
	Name   string `json:"name"`
	Value  string `json:"value"`
	Inline bool   `json:"inline,omitempty"`
}

// Component is a message component (action row, button, select, …); rows
// nest their children in Components.
type Component struct {
	Type        int             `json:"type"`
	ID          int             `json:"id,omitempty"`
	CustomID    string          `json:"custom_id,omitempty"`
	Label       string          `json:"label,omitempty"`
	Style       int             `json:"style,omitempty"`
	URL         string          `json:"url,omitempty"`
	Disabled    bool            `json:"disabled,omitempty"`
	Placeholder string          `json:"placeholder,omitempty"`
	Content     string          `json:"content,omitempty"`
	Emoji       json.RawMessage `json:"emoji,omitempty"`
	Options     json.RawMessage `json:"options,omitempty"`
	MinValues   *int            `json:"min_values,omitempty"`
	MaxValues   *int            `json:"max_values,omitempty"`
	Components  []Component     `json:"components,omitempty"`
}

// HasCustomID reports whether a component of cs, or one nested in them
// (a button in an action row), has a custom ID containing part.
func HasCustomID(cs []Component, part string) bool {
	for _, c := range cs {
		if strings.Contains(c.CustomID, part) || HasCustomID(c.Components, part) {
			return true
		}
	}
	return false
}

// Choice is one autocomplete choice.
type Choice struct {
	Name  string `json:"name"`
	Value any    `json:"value"`
}

// Request is one REST request as the fake received it.
type Request struct {
	Time   time.Time
	Method string
	// Path is the full request path, e.g. /api/v9/channels/1/messages.
	Path string
	// Route is the matched Discord route, e.g. "POST /channels/{channel.id}/messages";
	// empty for a path the fake does not serve.
	Route  string
	Query  url.Values
	Header http.Header
	// Body is the JSON body; for multipart/form-data it is the payload_json part.
	Body []byte
	// JSON is Body decoded (map[string]any, []any, …); nil if empty or invalid.
	JSON  any
	Files []File
	// Status and Code are the response's HTTP status and Discord error code (0 on success).
	Status int
	Code   int
	// Abandoned is set when the client gave up on a request StallNext held:
	// it was neither answered nor applied (StallLateNext's: applied late).
	Abandoned bool
}

// File is a file part of a multipart request.
type File struct {
	Field       string
	Name        string
	ContentType string
	Data        []byte
}

// Violation is a Discord rule a client broke; the request was rejected.
type Violation struct {
	Time   time.Time
	Method string
	Path   string
	Status int
	Code   int
	// Rule names the broken rule, e.g. "content.length",
	// "allowed_mentions.missing", "interaction.already_acknowledged".
	Rule string
	// Field is the JSON path of the offending value, e.g. "embeds.0.title".
	Field   string
	Message string
}

// Identify is what a client sent in an IDENTIFY.
type Identify struct {
	Token   string
	Intents int64
	Shard   *[2]int // [shard_id, num_shards]; nil when the client sent none
	Raw     json.RawMessage
	At      time.Time // when it arrived
}
