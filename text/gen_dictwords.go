//go:build ignore

// gen_dictwords writes lo_words.txt.gz, km_words.txt.gz and
// my_words.txt.gz, the Lao, Khmer and Myanmar words Words cuts a run of
// those scripts by (segment.go), from ICU's break-iterator dictionaries
// icu4c/source/data/brkitr/dictionaries/{laodict,khmerdict,burmesedict}.txt
// (https://github.com/unicode-org/icu; read from the copy
// github.com/openharmony/third_party_icu keeps, commit d2120369, since the
// ICU repository is too large to fetch here; the three files are ICU's):
//
//	ICU_DIR=/path/to/icu go generate ./text
//
// ICU's licence (Unicode License V3, icu4c/LICENSE) and each list's own
// notice (BSD-style, in the list's header) are kept: the source's header,
// its "#" lines, opens the table, which the loader skips. Kept of the
// words: those spelt with the script's letters and marks only (as Words
// reads a run: no digits, spaces, punctuation or repetition marks) of at
// most maxDictWord characters; sorted, deduplicated, one a line, gzipped
// without a time stamp so that the output is the same every run.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"slices"
	"strings"
	"unicode/utf8"

	"corpusbot/internal/tablegen"
)

// maxDictWord is segment.go's bound on a word's length in characters.
const maxDictWord = 24

func main() {
	icu := flag.String("icu", "", "a checkout of github.com/unicode-org/icu")
	outDir := flag.String("out", ".", "directory to write the tables in")
	flag.Parse()
	if *icu == "" {
		log.Fatal("gen_dictwords: set ICU_DIR to a checkout of https://github.com/unicode-org/icu (or pass -icu)")
	}
	for _, t := range []struct {
		dict, out string
		letter    func(rune) bool
	}{
		{"laodict.txt", "lo_words.txt.gz", laoLetter},
		{"khmerdict.txt", "km_words.txt.gz", khmerLetter},
		{"burmesedict.txt", "my_words.txt.gz", myanmarLetter},
	} {
		src := *icu + "/icu4c/source/data/brkitr/dictionaries/" + t.dict
		header, words, dropped, err := read(src, t.letter)
		if err != nil {
			log.Fatalf("gen_dictwords: %v", err)
		}
		var head strings.Builder
		fmt.Fprintf(&head, "# %s: words of ICU's %s (github.com/unicode-org/icu,\n", t.out, t.dict)
		fmt.Fprintf(&head, "# icu4c/source/data/brkitr/dictionaries), written by text/gen_dictwords.go.\n")
		fmt.Fprintf(&head, "# The source's header, its licence and notices, follows.\n")
		for _, h := range header {
			fmt.Fprintf(&head, "%s\n", h)
		}
		path := *outDir + "/" + t.out
		if err := tablegen.WriteLines(path, head.String(), words); err != nil {
			log.Fatalf("gen_dictwords: %v", err)
		}
		fmt.Printf("gen_dictwords: %s: %d words (%d dropped)\n", t.out, len(words), dropped)
	}
}

// read returns the header lines of the dictionary at path, its words
// that pass letter, and how many it dropped.
func read(path string, letter func(rune) bool) (header, words []string, dropped int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimPrefix(sc.Text(), "\ufeff")
		w := strings.TrimSpace(line)
		if strings.HasPrefix(w, "#") {
			header = append(header, "#"+strings.TrimPrefix(w, "#"))
			continue
		}
		if w == "" {
			continue
		}
		if utf8.RuneCountInString(w) > maxDictWord || strings.IndexFunc(w, func(r rune) bool { return !letter(r) }) >= 0 {
			dropped++
			continue
		}
		words = append(words, w)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, 0, fmt.Errorf("%s: %w", path, err)
	}
	slices.Sort(words)
	return header, slices.Compact(words), dropped, nil
}

// The letters and marks of each script a word is spelt with, as
// segment.go's runs hold them (kept in step by TestDictTablesLetters).

func laoLetter(r rune) bool {
	return 0x0E81 <= r && r <= 0x0ECE && r != 0x0EAF && r != 0x0EC6 || 0x0EDC <= r && r <= 0x0EDF
}

func khmerLetter(r rune) bool {
	return 0x1780 <= r && r <= 0x17D3 || r == 0x17DC || r == 0x17DD
}

func myanmarLetter(r rune) bool {
	return 0x1000 <= r && r <= 0x103F || 0x104C <= r && r <= 0x104F || 0x1050 <= r && r <= 0x108F || 0x109A <= r && r <= 0x109D
}
