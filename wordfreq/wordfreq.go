// Package wordfreq tells how common a word is in general English: its
// Zipf value (log10 of occurrences per billion words) in the English
// subtitles of OpenSubtitles 2018, as counted by hermitdave/FrequencyWords
// (CC BY-SA 4.0, README.md). Only the commonest words are kept (Zipf 4.5
// and up, about 2,000 words): what tells a question's framing ("what
// happens", "where does it come from") from what it asks about ("salary").
//
// Zipf and Zipfs tell the same of the commonest 2,000 words of each of 20
// Latin-script languages, for language detection: a word that is common in
// German speech and not in English says German.
package wordfreq

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

//go:embed en.txt
var englishData string

// MinZipf is the least Zipf value the table keeps: a rarer word has none.
const MinZipf = 4.5

var english = sync.OnceValue(func() map[string]float64 {
	m, err := parse(englishData)
	if err != nil {
		// The table is generated and embedded: a broken one is a broken build.
		panic(fmt.Sprintf("wordfreq: embedded English table: %v", err))
	}
	return m
})

func parse(data string) (map[string]float64, error) {
	m := map[string]float64{}
	for n, line := range strings.Split(data, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		word, z, ok := strings.Cut(line, " ")
		v, err := strconv.ParseFloat(z, 64)
		if !ok || err != nil || v < MinZipf {
			return nil, fmt.Errorf("line %d: %q: want a word and a Zipf value of at least %v", n+1, line, MinZipf)
		}
		m[word] = v
	}
	return m, nil
}

// English returns the Zipf value of a lower-case English word form
// ("happens", not "happen" for it), or 0 when it is rarer than MinZipf or
// not a word of the table.
func English(word string) float64 { return english()[word] }
