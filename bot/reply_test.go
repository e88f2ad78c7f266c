package bot

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// Every route the bot sends through must carry allowed_mentions with an
// empty parse list: "parse": null or a missing key would let Discord
// parse @everyone, roles and users from the content.
func TestEveryReplyRoutePingsNoOne(t *testing.T) {
	r := reply{
		content:    "@everyone <@&1> <@2> look [1]",
		components: answerButtons("abc", 1, "en"),
		replyTo:    &discordgo.MessageReference{MessageID: "9"},
	}
	routes := map[string]any{
		"send":         r.send(),
		"edit":         r.edit("1", "2"),
		"webhook edit": r.webhookEdit(),
		"follow-up":    r.followup(),
		"message":      r.message(),
		"deferred":     r.deferred(),
		"autocomplete": choices(nil),
	}
	for name, body := range routes {
		t.Run(name, func(t *testing.T) {
			js, err := json.Marshal(body)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(js), `"allowed_mentions":{"parse":[],"replied_user":false}`) {
				t.Errorf("body %s: want allowed_mentions {\"parse\":[],\"replied_user\":false}", js)
			}
		})
	}
}

func TestReplyEditReplacesEverything(t *testing.T) {
	js, err := json.Marshal(reply{content: "x"}.webhookEdit())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"content":"x"`, `"components":[]`, `"embeds":[]`} {
		if !strings.Contains(string(js), want) {
			t.Errorf("webhook edit %s: want %s, so that a stale button or embed is removed", js, want)
		}
	}
}

func TestReplyFlagsAndLimit(t *testing.T) {
	long := strings.Repeat("é", 2500)
	r := reply{content: long, ephemeral: true}
	if got := []rune(r.send().Content); len(got) != MaxMessageLen || got[len(got)-1] != '…' {
		t.Errorf("content of %d runes ending %q, want %d ending with …", len(got), got[len(got)-1], MaxMessageLen)
	}
	if got := r.deferred().Data.Flags; got != discordgo.MessageFlagsEphemeral {
		t.Errorf("deferred flags %d, want ephemeral", got)
	}
	if got := r.followup().Flags; got != discordgo.MessageFlagsEphemeral {
		t.Errorf("follow-up flags %d, want ephemeral", got)
	}
	if got := (reply{}).deferred().Data.Flags; got != 0 {
		t.Errorf("public deferred flags %d, want 0", got)
	}
}
