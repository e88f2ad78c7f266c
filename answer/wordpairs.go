package answer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"strings"
)

// wordPairs reads an embedded, gzipped table of word pairs, "a<sep>b" a
// line ("#" opens a comment), into a map from each word of a pair to the
// other, both ways. The tables are generated and embedded: one that does
// not read is a broken build, so it panics, naming the table what.
func wordPairs(data []byte, sep, what string) map[string][]string {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		panic(fmt.Sprintf("answer: embedded %s table: %v", what, err))
	}
	m := map[string][]string{}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		line := sc.Text()
		a, b, ok := strings.Cut(line, sep)
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		m[a] = append(m[a], b)
		m[b] = append(m[b], a)
	}
	if err := sc.Err(); err != nil {
		panic(fmt.Sprintf("answer: embedded %s table: %v", what, err))
	}
	return m
}
