// Package tablegen holds what the generators of the embedded word tables
// share (answer's gen_antonyms.go and gen_demonyms.go, synonyms'
// gen_wordnet.go and gen_cedict.go, wordfreq's gen_frequency.go and
// gen_langs.go, text's gen_hewords.go; run by go generate, never by the
// program): finding and reading Open English WordNet's entries files,
// reading FrequencyWords' counts and writing them by Zipf value, and
// writing a table gzipped so that the same source gives the same bytes.
package tablegen

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
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

// WriteLines writes head, then lines one a line, gzipped to out
// (WriteGzip): the form of the word tables text/ reads.
func WriteLines(out, head string, lines []string) error {
	return WriteGzip(out, func(w io.Writer) error {
		if _, err := io.WriteString(w, head); err != nil {
			return err
		}
		_, err := io.WriteString(w, strings.Join(lines, "\n")+"\n")
		return err
	})
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

// Count is a word of a frequency list and how often the list's corpus
// has it.
type Count struct {
	Word string
	N    int
}

// ReadCounts reads a frequency list of "word count" lines, as
// hermitdave/FrequencyWords' content/2018/<lang>/<lang>_50k.txt are
// written (commonest first), in its order, and the sum of its counts.
// Lines of another shape are skipped.
func ReadCounts(path string) ([]Count, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	var all []Count
	total := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) != 2 {
			continue
		}
		n, err := strconv.Atoi(fs[1])
		if err != nil {
			return nil, 0, fmt.Errorf("%s: %q: %w", path, sc.Text(), err)
		}
		total += n
		all = append(all, Count{fs[0], n})
	}
	if err := sc.Err(); err != nil {
		return nil, 0, fmt.Errorf("%s: %w", path, err)
	}
	return all, total, nil
}

// WriteZipf writes the words of counts (commonest first) that keep
// accepts, a line each, up to top of them (top ≤ 0: no bound), stopping
// at the first below Zipf 1. A line "#zz" before a word gives its Zipf
// value (log10 of occurrences per billion words, against total) times
// ten, rounded down, where it changes. It returns how many words it wrote.
func WriteZipf(b *strings.Builder, counts []Count, total int, keep func(string) bool, top int) int {
	last, kept := -1, 0
	for _, c := range counts {
		if top > 0 && kept == top {
			break
		}
		if !keep(c.Word) {
			continue
		}
		z := int(math.Floor(10 * math.Log10(float64(c.N)/float64(total)*1e9)))
		if z < 10 {
			break
		}
		if z != last {
			fmt.Fprintf(b, "#%d\n", z)
			last = z
		}
		b.WriteString(c.Word)
		b.WriteByte('\n')
		kept++
	}
	return kept
}
