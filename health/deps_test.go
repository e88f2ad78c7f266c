package health

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// health sits below main, bot and answer, which reach it through their own
// interfaces; importing any corpusbot package would invert that, except
// text, the shared text rules, which sits below everything, and
// internal/httpserve, the server start it shares with the dashboard,
// which imports no corpusbot package itself.
func TestImportsNoCorpusbotPackage(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range f.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				if path == "corpusbot/text" || path == "corpusbot/internal/httpserve" {
					continue
				}
				if path == "corpusbot" || strings.HasPrefix(path, "corpusbot/") {
					t.Errorf("got import %q, want no corpusbot package", path)
				}
			}
		})
	}
}
