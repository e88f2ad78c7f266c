package bot

import (
	"errors"
	"strings"
	"testing"
)

func TestCustomIDRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		id   string
		want button
	}{
		{"passage", passageCustomID("abc123def456", 3), button{kind: buttonPassage, answerID: "abc123def456", n: 3}},
		{"passage 20", passageCustomID("briefing-42", 20), button{kind: buttonPassage, answerID: "briefing-42", n: 20}},
		{"vote up", voteCustomID("abc123def456", 1), button{kind: buttonVote, answerID: "abc123def456", vote: 1}},
		{"vote down", voteCustomID("abc123def456", -1), button{kind: buttonVote, answerID: "abc123def456", vote: -1}},
		{"new conversation", newConversationCustomID("abc123def456"), button{kind: buttonNew, answerID: "abc123def456"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if len(tc.id) > 100 {
				t.Errorf("custom ID %q is %d characters, Discord allows 100", tc.id, len(tc.id))
			}
			got, err := parseCustomID(tc.id)
			if err != nil || got != tc.want {
				t.Errorf("parseCustomID(%q) = %+v, %v; want %+v", tc.id, got, err, tc.want)
			}
		})
	}
}

func TestParseCustomIDRejects(t *testing.T) {
	for _, id := range []string{
		"", "cb1", "cb1:p:abc", "cb2:p:abc:1", "cb1:x:abc:1", "cb1:p::1", "cb1:p:abc:0", "cb1:p:abc:-1",
		"cb1:p:abc:01", "cb1:p:abc:1000", "cb1:p:abc:one", "cb1:v:abc:sideways", "cb1:p:a b:1",
		"cb1:p:" + strings.Repeat("a", 65) + ":1", "cb1:p:abc:1:extra", "cb1:n:abc:thread",
	} {
		t.Run(id, func(t *testing.T) {
			if got, err := parseCustomID(id); !errors.Is(err, errBadCustomID) {
				t.Errorf("parseCustomID(%q) = %+v, %v; want errBadCustomID", id, got, err)
			}
		})
	}
}

// FuzzParseCustomID feeds arbitrary custom IDs (a Discord client can send
// any): parseCustomID never panics, and what it accepts is exactly what the
// encoders make of the decoded button, so no two strings name one button.
func FuzzParseCustomID(f *testing.F) {
	for _, s := range []string{
		passageCustomID("abc123", 3), voteCustomID("abc123", 1), voteCustomID("abc123", -1),
		newConversationCustomID("abc123"), "cb1:p:abc:01", "cb1:v:abc:up:x", "cb1:n:a-b_c:dm", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := parseCustomID(s)
		if err != nil {
			if !errors.Is(err, errBadCustomID) {
				t.Fatalf("parseCustomID(%q): %v, want errBadCustomID", s, err)
			}
			return
		}
		var again string
		switch b.kind {
		case buttonPassage:
			again = passageCustomID(b.answerID, b.n)
		case buttonVote:
			again = voteCustomID(b.answerID, b.vote)
		case buttonNew:
			again = newConversationCustomID(b.answerID)
		default:
			t.Fatalf("parseCustomID(%q) accepted kind %q", s, b.kind)
		}
		if again != s {
			t.Fatalf("parseCustomID(%q) = %+v, which encodes as %q", s, b, again)
		}
		if len(s) > 100 {
			t.Fatalf("accepted %q of %d characters; Discord allows 100", s, len(s))
		}
	})
}
