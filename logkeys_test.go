package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// logKeys are the log keys with one spelling across the code, and the
// spellings they replace: an operator filters on error=… or answer=…,
// and a line logged under another key would escape the filter.
var logKeys = map[string]string{
	"err":       "error",
	"id":        "answer", // an answer's ID
	"answer_id": "answer",
}

// logCalls are the slog methods and attribute constructors whose string
// arguments are keys or messages.
var logCalls = map[string]bool{
	"Debug": true, "Info": true, "Warn": true, "Error": true, "Log": true, "With": true,
	"DebugContext": true, "InfoContext": true, "WarnContext": true, "ErrorContext": true,
	"Any": true, "String": true, "Int": true, "Int64": true, "Bool": true, "Duration": true, "Time": true, "Group": true,
}

func TestLogKeysAreConsistent(t *testing.T) {
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (path == "third_party" || path == "bench" || path == "testdata" || strings.HasPrefix(d.Name(), ".") && path != ".") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || !logCalls[sel.Sel.Name] {
				return true
			}
			for _, a := range call.Args {
				lit, ok := a.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				if k, err := strconv.Unquote(lit.Value); err == nil && logKeys[k] != "" {
					t.Errorf("%s: log key %q; the code logs it as %q", fset.Position(lit.Pos()), k, logKeys[k])
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
