package answer

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A table row that holds nothing but the thing asked about (and numbers)
// names it without saying what it is or does: "What does quux_sync_enter do?"
// is not answered by "quux_sync_enter(2) | 5.3" under "System call | Kernel".
// A question asking more than the name ("Which kernel added …") is
// still answered by the row.
func TestBareTableRowAnswersNoWhatIs(t *testing.T) {
	var rows strings.Builder
	for i, n := range []string{"frobnicate", "quux_sync_enter", "blorpwait", "zanthify", "glimmerset", "wobblecall"} {
		rows.WriteString("| " + n + "(2) | " + []string{"2.6", "5.3", "4.1", "3.8", "5.10", "2.4"}[i] + " |\n")
	}
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"syscalls.md": {Data: []byte("# System calls\n\nThe table lists each system call and the kernel that added it.\n\n" +
			"| System call | Kernel |\n|---|---|\n" + rows.String())},
		"frobnicate.md": {Data: []byte("# frobnicate\n\nThe frobnicate call marks an open file for deferred writeback by the kernel.\n")},
	}), nil)
	checkAsks(t, p, []askCase{
		{"What does quux_sync_enter do?", ""},
		{"What does frobnicate do?", "deferred writeback"},
		{"Which kernel added quux_sync_enter?", "5.3"},
	})
}
