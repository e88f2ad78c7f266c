package bot

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Button custom IDs name the answer they belong to, so a click works after
// a restart: the answer is looked up in the store. The "cb1" prefix versions
// the format; a later format can still read old buttons.
const customIDPrefix = "cb1"

// Kinds of button.
const (
	buttonPassage = "p"
	buttonVote    = "v"
	buttonNew     = "n" // "New conversation" under a DM answer
)

// maxButtonSources is how many "Show passage" buttons fit beside the vote
// row: four rows of five.
const maxButtonSources = 20

// button is a decoded custom ID.
type button struct {
	kind     string // buttonPassage or buttonVote
	answerID string
	n        int // passage buttons: the citation number
	vote     int // vote buttons: +1 or -1
}

var errBadCustomID = errors.New("not a corpusbot button")

// passageCustomID is the custom ID of "Show passage [n]".
func passageCustomID(answerID string, n int) string {
	return customIDPrefix + ":" + buttonPassage + ":" + answerID + ":" + strconv.Itoa(n)
}

// voteCustomID is the custom ID of 👍 (+1) or 👎 (-1).
func voteCustomID(answerID string, value int) string {
	v := "up"
	if value < 0 {
		v = "down"
	}
	return customIDPrefix + ":" + buttonVote + ":" + answerID + ":" + v
}

// newConversationCustomID is the custom ID of "New conversation".
func newConversationCustomID(answerID string) string {
	return customIDPrefix + ":" + buttonNew + ":" + answerID + ":dm"
}

// parseCustomID decodes a custom ID made by passageCustomID, voteCustomID
// or newConversationCustomID.
func parseCustomID(s string) (button, error) {
	f := strings.Split(s, ":")
	if len(f) != 4 || f[0] != customIDPrefix || !validAnswerID(f[2]) {
		return button{}, fmt.Errorf("%w: %q", errBadCustomID, s)
	}
	b := button{kind: f[1], answerID: f[2]}
	switch f[1] {
	case buttonPassage:
		n, err := strconv.Atoi(f[3])
		if err != nil || n < 1 || n > 999 || strconv.Itoa(n) != f[3] {
			return button{}, fmt.Errorf("%w: %q", errBadCustomID, s)
		}
		b.n = n
	case buttonVote:
		switch f[3] {
		case "up":
			b.vote = 1
		case "down":
			b.vote = -1
		default:
			return button{}, fmt.Errorf("%w: %q", errBadCustomID, s)
		}
	case buttonNew:
		if f[3] != "dm" {
			return button{}, fmt.Errorf("%w: %q", errBadCustomID, s)
		}
	default:
		return button{}, fmt.Errorf("%w: %q", errBadCustomID, s)
	}
	return b, nil
}

// validAnswerID accepts the pipeline's IDs (hex) and anything of the same
// alphabet up to 64 characters, keeping custom IDs under Discord's 100.
func validAnswerID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, c := range id {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}
