package main

import (
	"strings"
	"testing"

	"corpusbot/internal/discordtest"
	"corpusbot/internal/openaitest"
)

// Through the whole program, in Discord: a source names its title,
// heading path, file and lines, and with SOURCE_URL links exactly those
// lines in <…>; a title or path cannot mention anyone.
func TestE2ESourcesLinkTheirLines(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"guide/deploy.md":        deployMD,
		"@everyone/read me _.md": "# @here read *this*\n\nReleases are announced in the changelog before they ship.\n",
	})
	dc := discordtest.New(t, discordtest.WithToken(e2eToken),
		discordtest.WithGuild(e2eGuild, []discordtest.Channel{{ID: e2eGeneral, Name: "general"}}, nil))
	ai := openaitest.New(t, openaitest.WithResponder(e2eResponder))
	b := startOn(t, dc, ai, map[string]string{
		"CORPUS_DIR":      dir,
		"WATCH_CORPUS":    "false",
		"OPENAI_BASE_URL": "", // extractive: the answer quotes the files
		"SOURCE_URL":      "https://github.com/acme/handbook/blob/main/{path}#L{start}-L{end}",
	})

	m := b.finalOf(b.ask(e2eUser(3), "failed release rolled back"))
	want := "[1] Deploying › Rolling back — guide/deploy.md (line 12) <https://github.com/acme/handbook/blob/main/guide/deploy.md#L12-L12>"
	if !strings.Contains(m.Content, want) {
		t.Errorf("answer lacks the source line %q:\n%s", want, m.Content)
	}

	m = b.finalOf(b.ask(e2eUser(4), "announced in the changelog before they ship"))
	for _, bad := range []string{"@everyone", "@here", "*this*"} {
		if strings.Contains(m.Content, bad) {
			t.Errorf("a document's title or path reached Discord as %q:\n%s", bad, m.Content)
		}
	}
	if !strings.Contains(m.Content, "<https://github.com/acme/handbook/blob/main/%40everyone/read%20me%20_.md#L3-L3>") {
		t.Errorf("the odd path is not linked, encoded:\n%s", m.Content)
	}
	b.noViolations()
}
