// Package tablegen holds what the generators of the embedded word tables
// share (answer's gen_antonyms.go and gen_demonyms.go, synonyms'
// gen_wordnet.go and gen_cedict.go, run by go generate, never by the
// program): finding and reading Open English WordNet's entries files, and
// writing a table gzipped so that the same source gives the same bytes.
package tablegen

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

// OEWNEntries is the src/yaml/entries-*.yaml files of a checkout of Open
// English WordNet (github.com/globalwordnet/english-wordnet) at dir.
func OEWNEntries(dir string) ([]string, error) {
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

// Unquote is a YAML scalar's text: inside single quotes, a quote is
// written twice.
func Unquote(s string) string {
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		return strings.ReplaceAll(s[1:len(s)-1], "''", "'")
	}
	return s
}

// PlainWord reports a lower-case word of two or more ASCII letters: not a
// name, a phrase, a hyphenated word or an abbreviation.
func PlainWord(s string) bool {
	if len(s) < 2 {
		return false
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// WriteGzip creates out and writes it, gzipped at the best compression,
// through write. No name or time in the gzip header: the same source gives
// the same bytes.
func WriteGzip(out string, write func(io.Writer) error) error {
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return err
	}
	if err := write(zw); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// WritePairs writes pairs' keys sorted, one a line after head, gzipped to
// out (WriteGzip).
func WritePairs(out, head string, pairs map[string]bool) error {
	lines := make([]string, 0, len(pairs))
	for p := range pairs {
		lines = append(lines, p)
	}
	slices.Sort(lines)
	return WriteGzip(out, func(w io.Writer) error {
		_, err := io.WriteString(w, head+strings.Join(lines, "\n")+"\n")
		return err
	})
}
