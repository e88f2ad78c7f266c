package bot_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corpusbot/internal/discordtest"
	"corpusbot/store"
)

// voteButton returns the 👍 button's custom ID of an answer.
func voteButton(t *testing.T, m discordtest.Message) string {
	t.Helper()
	for _, id := range buttonIDs(m.Components) {
		if strings.HasSuffix(id, ":up") {
			return id
		}
	}
	t.Fatalf("buttons %v, want 👍", buttonIDs(m.Components))
	return ""
}

// TestFaultStoreDeletedWhileRunning deletes the database file under the
// running bot: votes are still acknowledged only because they are really
// kept, and they are there after a restart.
func TestFaultStoreDeletedWhileRunning(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	m := h.final(h.mention(generalID, user(1), question).ID)
	up := voteButton(t, m)
	path := filepath.Join(h.dir, store.FileName)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	waitContent(h, h.dc.SendComponent(up, m, discordtest.As(user(2))), "👍 is recorded")
	// A follow-up in the thread still has its conversation.
	thread := m.ChannelID
	h.dc.SendMessage(discordtest.MessageOpts{ChannelID: thread, GuildID: guildID, Author: user(1), Content: "And what did Tencent do?"})
	if _, err := h.dc.WaitMessage(h.ctx(), thread, func(f discordtest.Message) bool {
		return f.ID != m.ID && f.Author.ID == h.dc.BotUser().ID && hasButton(f.Components, ":v:")
	}); err != nil {
		t.Fatalf("no answer to the follow-up: %v", err)
	}
	h.stop()
	if !strings.Contains(h.logs.String(), "deleted while running") {
		t.Errorf("the restore is not logged")
	}
	h.run()
	answerID := strings.Split(up, ":")[2]
	if n, _, err := h.st.Votes(context.Background(), answerID); err != nil || n != 1 {
		t.Errorf("after a restart the vote count is %d (%v), want the acknowledged vote", n, err)
	}
	if turns, err := h.st.Turns(context.Background(), thread, 0); err != nil || len(turns) != 4 {
		t.Errorf("after a restart the thread has %d turns (%v), want 4", len(turns), err)
	}
	h.noViolations()
}

// TestFaultStoreGoneWhileRunning takes the data folder away for good (a
// file where it was): nothing is acknowledged that was not kept, and the
// user is told what was not saved.
func TestFaultStoreGoneWhileRunning(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	m := h.final(h.mention(generalID, user(1), question).ID)
	up := voteButton(t, m)
	if err := os.RemoveAll(h.dir); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(h.dir, []byte("in the way"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Remove(h.dir) })

	v := waitContent(h, h.dc.SendComponent(up, m, discordtest.As(user(2))), "couldn't record your vote")
	if strings.Contains(v.Content, "is recorded") {
		t.Errorf("vote reply %q", v.Content)
	}
	// A new question: its thread, answer and conversation cannot be saved.
	q := h.mention(generalID, user(3), "What is the quanzi feature of Alipay?")
	a, err := h.dc.WaitMessage(h.ctx(), q.ID, func(m discordtest.Message) bool {
		return m.Author.ID == h.dc.BotUser().ID && strings.Contains(m.Content, "**Sources**")
	})
	if err != nil {
		t.Fatalf("no answer while the store is gone: %v; %+v", err, h.dc.Messages(q.ID))
	}
	if hasButton(a.Components, ":v:") {
		t.Errorf("an answer the store does not have carries buttons")
	}
	for _, note := range []string{"couldn't save this thread", "couldn't save this answer"} {
		if !strings.Contains(a.Content, "-# I "+note) {
			t.Errorf("answer %q lacks the note %q", a.Content, note)
		}
	}
	if n := strings.Count(h.logs.String(), `msg="store: the database file is missing`); n != 1 {
		t.Errorf("the missing database is logged %d times, want once", n)
	}
	h.noViolations()
}
