package answer

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// A table longer than a passage is cut into several: the rows of every
// part answer under the table's header, not under the part's first row
// (round six: "What does io_uring_enter do?" was answered "flock(2):
// io_uring_enter(2); 2.0: 5.1" from the man pages' table of system calls).
func TestRowsOfALongTableKeepItsHeader(t *testing.T) {
	var b strings.Builder
	b.WriteString("# System calls\n\nThe table lists each call and the kernel that added it.\n\n| System call | Kernel |\n|---|---|\n")
	for i := range 300 {
		fmt.Fprintf(&b, "| call_%d(2) | 2.%d |\n", i, i)
	}
	b.WriteString("\nCalls added later are listed in the release notes.\n")
	p := newPipeline(t, loadFS(t, fstest.MapFS{"syscalls.md": {Data: []byte(b.String())}}), nil)
	st := p.state.Load()
	parts := 0
	for i := range st.items {
		ps, _ := st.passage(i)
		a := st.analysis(i)
		if strings.Contains(ps.Text, "call_") {
			parts++
		}
		for k, sp := range a.sentences {
			if row := ps.Text[sp.Start:sp.End]; strings.HasPrefix(row, "call_") && a.header[k] != "System call | Kernel" {
				t.Fatalf("passage %d: row %q under header %q", ps.Index, row, a.header[k])
			}
		}
	}
	if parts < 2 {
		t.Fatalf("the table is in %d passage; the test needs it cut", parts)
	}
	res, err := p.Ask(context.Background(), Question{Text: "Which kernel added call_250?"})
	if err != nil {
		t.Fatal(err)
	}
	// Which rows answer is the sentence choice's; each is shown under the
	// table's header, none under another row.
	if res.Abstained || !strings.HasPrefix(res.Text, "System call: call_") || strings.Contains(res.Text, "(2): call_") {
		t.Errorf("answered %q (abstained %v), want rows under the table's header", res.Text, res.Abstained)
	}
}
