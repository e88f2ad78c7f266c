package retrieval

import (
	"go/parser"
	gotoken "go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestPure keeps the package pure: no I/O, no corpusbot package but text,
// only the standard library, Snowball and x/text.
func TestPure(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	banned := []string{"os", "os/exec", "net", "net/http", "io/fs", "io/ioutil", "path/filepath", "log", "log/slog", "syscall", "unsafe"}
	allowed := []string{"github.com/blevesearch/snowballstem", "golang.org/x/text/"}
	// One file may advise the kernel on the build's own memory (madvise
	// is no I/O), and only that.
	exempt := map[string][]string{"hugepage_linux.go": {"syscall", "unsafe"}}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		ast, err := parser.ParseFile(gotoken.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range ast.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			std := !strings.Contains(strings.Split(p, "/")[0], ".")
			switch {
			case std && slices.Contains(exempt[f], p):
			case std && slices.Contains(banned, p):
				t.Errorf("%s imports %s: retrieval does no I/O", f, p)
			case !std && !hasAnyPrefix(p, allowed) && p != "corpusbot/text":
				t.Errorf("%s imports %s: want only the standard library, snowballstem and x/text", f, p)
			case p == "corpusbot/text":
			case strings.HasPrefix(p, "corpusbot"):
				t.Errorf("%s imports %s: retrieval depends on no corpusbot package but text", f, p)
			}
		}
	}
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// TestSearchAllocs: allocations do not grow with the postings scored.
func TestSearchAllocs(t *testing.T) {
	items := make([]Item, 5000)
	for i := range items {
		items[i] = Item{Doc: strconv.Itoa(i), Text: "gold price report number " + strconv.Itoa(i)}
	}
	items[42].Text += " rare"
	ix := mustNew(t, Config{}, items)
	allocs := func(q string) float64 {
		return testing.AllocsPerRun(50, func() {
			if _, err := ix.Search(q, 1); err != nil {
				t.Fatal(err)
			}
		})
	}
	few, many := allocs("rare"), allocs("gold") // 1 posting, 5000 postings
	if many > few+2 {
		t.Errorf("allocations: %v for 5000 postings, %v for 1; want about the same", many, few)
	}
}
