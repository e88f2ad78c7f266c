//go:build ignore

// gen_oewn holds what gen_antonyms.go and gen_demonyms.go share: finding
// Open English WordNet's entries files, reading its quoted YAML scalars
// and writing a table of sorted pairs. Each generator is run with it:
//
//	go run gen_antonyms.go gen_oewn.go -wordnet $OEWN_DIR
package main

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// oewnEntries is the entries-*.yaml files of an OEWN checkout at dir.
func oewnEntries(dir string) ([]string, error) {
	if dir == "" {
		return nil, errors.New("set OEWN_DIR to a checkout of https://github.com/globalwordnet/english-wordnet (or pass -wordnet)")
	}
	files, err := filepath.Glob(filepath.Join(dir, "src", "yaml", "entries-*.yaml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no src/yaml/entries-*.yaml", dir)
	}
	return files, nil
}

// unquote is a YAML scalar's text: ” inside single quotes is one '.
func unquote(s string) string {
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		return strings.ReplaceAll(s[1:len(s)-1], "''", "'")
	}
	return s
}

// writePairs writes pairs' keys sorted, one a line after head, gzipped to
// out. No name or time in the gzip header: the same source gives the same
// bytes.
func writePairs(out, head string, pairs map[string]bool) error {
	lines := make([]string, 0, len(pairs))
	for p := range pairs {
		lines = append(lines, p)
	}
	slices.Sort(lines)
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return err
	}
	if _, err := io.WriteString(zw, head+strings.Join(lines, "\n")+"\n"); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
