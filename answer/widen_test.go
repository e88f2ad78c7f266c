package answer

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// A passage below retrieval's first K competes when a sentence of its own
// holds what is asked, names included; the sentence opening a section
// whose own heading is the question comes first among equals.
func TestWidenAndHeadedBy(t *testing.T) {
	fsys := fstest.MapFS{
		"overview.md": {Data: []byte("# Overview\n\n" +
			"The board tool groups many kinds of parts, panels, layouts, colour themes, " +
			"sharing settings, keyboard shortcuts, export formats and printing options " +
			"that teams arrange in many ways for their daily planning meetings.\n\n" +
			"## What are widgets?\n\n" +
			"Widgets are small reusable parts of a board, such as a clock, a chart or a list " +
			"of tasks, which any member of a team may place, move, resize, copy or remove " +
			"from the board at any time during planning.\n\n" +
			"## Widget panels\n\n" +
			"Panels hold widgets in rows; a panel of widgets is saved with the board.\n")},
	}
	for i := range 12 {
		fsys[fmt.Sprintf("page%02d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("# Page %d\n\n"+
			"Widgets on board %d: widgets, widgets and widgets again. "+
			"Gizmo panels were created for board %d by the ops team.\n", i, i, i))}
	}
	p := newPipeline(t, loadFS(t, fsys), nil)
	checkAsks(t, p, []askCase{
		// The section ranks below the twelve pages that repeat "widgets".
		{"What are widgets?", "small reusable parts"},
		// Nothing anywhere holds "invented": no deeper passage helps.
		{"Who invented the colour themes of Gizmo?", ""},
	})
}

// A section's own heading is the question when every word of one is a
// word of the other; a heading that only holds the question's word is not.
func TestHeadedBy(t *testing.T) {
	st := newPipeline(t, loadFS(t, fstest.MapFS{"a.md": {Data: []byte("# Guide\n\n" +
		"## What are widgets?\n\nWidgets are small parts.\n\n" +
		"## Widget panels\n\nPanels hold widgets.\n")}}), nil).state.Load()
	for _, tt := range []struct {
		question, passage string
		want              bool
	}{
		{"What are widgets?", "Widgets are small parts.", true},
		{"What are widgets?", "Panels hold widgets.", false},
		{"What are widget panels?", "Panels hold widgets.", true},
		{"What are panels?", "Panels hold widgets.", false},
	} {
		f := st.focusOf(st.withoutFraming(tt.question))
		got := false
		for i := range st.items {
			ps, _ := st.passage(i)
			if strings.Contains(ps.Text, tt.passage) {
				b := &block{doc: st.items[i].doc, items: []int{i}}
				got = st.headedBy(b, f)[ps.Text]
			}
		}
		if got != tt.want {
			t.Errorf("%q under the heading of %q: %v, want %v", tt.question, tt.passage, got, tt.want)
		}
	}
}
