package answer

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"corpusbot/text"
)

// tableCellPages are made-up pages of a tool's docs with two tables, each
// row keyed by its first cell, and prose around them naming the same
// things.
func tableCellPages() fstest.MapFS {
	return fstest.MapFS{
		// The words of the questions that no column holds, used
		// elsewhere: a question's word the corpus never uses weighs
		// the most, and the focus rule alone refuses it.
		"team.md": {Data: []byte("# Team\n\nThe project manager plans each release with the maintainers.\n\n" +
			"The download page lists every file with its size, and how large an archive is.\n\nQuarkle is built with Go and a little C.\n")},
		"lts.md": {Data: []byte("# Long-term support\n\n" +
			"Selected Quarkle releases receive fixes for a year.\n\n" +
			"## List of releases\n\n" +
			"| Release | Date | End of support | Status |\n|---|---|---|---|\n" +
			"| Quarkle 1.2 | 2021-03-04 | 2022-03-31 | Retired |\n" +
			"| Quarkle 1.5 | 2022-02-10 | 2023-02-28 | Retired |\n" +
			"| Quarkle 1.9 | 2023-05-20 | 2024-05-31 | Maintained |\n\n" +
			"Upgrading Quarkle between releases keeps every saved board.\n")},
		"terms.md": {Data: []byte("# Terminology\n\nQuarkle names things differently from Widgetry:\n\n" +
			"| Quarkle | Widgetry | Notes |\n|---|---|---|\n" +
			"| Boards | Panels | Both hold widgets, but nested boards are not allowed in Quarkle. |\n" +
			"| Pegs | Hooks | A point on the board that a widget hangs from. |\n" +
			"| Trays | Drawers | Where spare widgets wait. |\n")},
		"hooks.md": {Data: []byte("# Flip hooks\n\n" +
			"Quarkle has the following hook kinds:\n\n" +
			"| Hook | Description |\n|---|---|\n" +
			"| `PreFlip` | Runs ahead of turning the widgets over. |\n" +
			"| `Flip` | Runs after all `PreFlip` hooks finished and succeeded, while the widgets turn. |\n" +
			"| `PostFlip` | Runs after all `Flip` hooks finished, once every widget rests. |\n\n" +
			"For example you can run a lint check as a PreFlip hook, and smoke tests as PostFlip hooks.\n")},
	}
}

// A question naming a row's key and a column of its table is answered by
// that row, read with its header; one naming the key but asking what no
// column holds (a release's manager, its size) is not answered by the
// row, whose key alone held most of the question's weight.
func TestRowWithoutTheColumnAsked(t *testing.T) {
	p := newPipeline(t, loadFS(t, tableCellPages()), nil)
	checkAsks(t, p, []askCase{
		{"When does support for Quarkle 1.5 end?", "2023-02-28"},
		{"What is the release date of Quarkle 1.9?", "2023-05-20"},
		{"Who is the release manager of Quarkle 1.5?", ""},
		{"How large is the download of Quarkle 1.9?", ""},
		{"Which Go version is Quarkle 1.2 built with?", ""},
	})
}

func TestRowKey(t *testing.T) {
	tests := []struct{ row, question, want string }{
		{"Prometheus 2.45 | 2023-06-23 | 2024-07-31", "When does support for Prometheus 2.45 end?", "Prometheus 2.45"},
		{"PreSync | Executes first.", "What does the PRESYNC hook do?", "PreSync"},
		{"5 | 3 | 2", "How many failures can a 5-member cluster tolerate?", "5"},
		{"TiDB | 4000 | 应用访问端口", "TiDB的默认端口是多少？", "TiDB"},
		{"3.12.x | 1.27.x - 1.24.x", "Helm 3.12.x 支持哪些 Kubernetes 版本？", "3.12.x"},
		// Part of a longer number, word or version: not the key.
		{"2 | 2 | 0", "When does support for Prometheus 2.45 end?", ""},
		{"45 | x", "When does support for Prometheus 2.45 end?", ""},
		{"Table | 64", "How many Tables can a database hold?", ""},
		{"v2 | x", "Is v2.1 supported?", ""},
		// No cell, an empty key, a sentence for a key.
		{"no cells here", "no cells here?", ""},
		{" | 1.0", "What is 1.0?", ""},
		{"Executes after all hooks of the sync completed | yes", "Executes after all hooks of the sync completed?", ""},
	}
	for _, tt := range tests {
		if got := rowKey(tt.row, text.Fold(tt.question)); got != tt.want {
			t.Errorf("rowKey(%q, %q) = %q, want %q", tt.row, tt.question, got, tt.want)
		}
	}
}

func FuzzRowKey(f *testing.F) {
	f.Add("Prometheus 2.45 | 2023-06-23", "When does support for Prometheus 2.45 end?")
	f.Add("TiDB | 4000", "TiDB的默认端口是多少？")
	f.Add("5 | 3", "a 5-member cluster")
	f.Fuzz(func(t *testing.T, row, question string) {
		k := rowKey(row, text.Fold(question))
		if k == "" {
			return
		}
		cell, _, _ := strings.Cut(row, " | ")
		if k != strings.TrimSpace(cell) || !strings.Contains(text.Fold(question), text.Fold(k)) {
			t.Errorf("rowKey(%q, %q) = %q: not the first cell, or not in the question", row, question, k)
		}
	})
}

// The row whose key cell the question names answers first, before a row
// or a sentence that mentions the key among other words ("after all
// PreFlip hooks finished").
func TestRowKeyAnswersFirst(t *testing.T) {
	p := newPipeline(t, loadFS(t, tableCellPages()), nil)
	for _, tt := range []struct{ question, want string }{
		{"What does the PreFlip hook do?", "ahead of turning the widgets over"},
		{"What does the PostFlip hook do?", "once every widget rests"},
		{"What is the status of Quarkle 1.2?", "Retired"},
	} {
		res, err := p.Ask(context.Background(), Question{Text: tt.question})
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(res.Text, "\n")
		if res.Abstained || !strings.Contains(first, tt.want) {
			t.Errorf("%q: first line %q (abstained %v), want %q in it; whole answer %q", tt.question, first, res.Abstained, tt.want, res.Text)
		}
	}
}

// A question writing one cell of a row and another column's header whole
// asks that column of that row, in whatever words ("term", "corresponds
// to" for a table of the names two tools give one thing).
func TestCellAndColumnNamed(t *testing.T) {
	p := newPipeline(t, loadFS(t, tableCellPages()), nil)
	checkAsks(t, p, []askCase{
		{"Which Quarkle term corresponds to Widgetry panels?", "Boards"},
		{"Which Widgetry term corresponds to Quarkle trays?", "Drawers"},
	})
}
