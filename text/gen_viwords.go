//go:build ignore

// gen_viwords writes vi_words.txt.gz, the Vietnamese words of two
// syllables or more that VietWords joins a text's syllables into, from
// pyvi's word list pyvi/models/words.txt (https://github.com/trungtv/pyvi,
// read at commit e2ac2ecf, where the file last changed in fd88b3b; 31,157
// entries, one a line; MIT licence, © 2016 Viet-Trung Tran):
//
//	PYVI_DIR=/path/to/pyvi go generate ./text
//
// Kept: entries of two to maxVietSyllables syllables, each syllable of
// letters only, in lower case (the list writes names capitalised: "Ấn Độ
// giáo"); sorted, one a line, after a "#" header naming the source and its
// licence; gzipped without a time stamp, so that the output is the same
// every run. One-syllable entries are left out: a syllable is a word
// already.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"corpusbot/internal/tablegen"
)

// maxVietSyllables is viwords.go's bound on a word's syllables.
const maxVietSyllables = 4

func main() {
	src := flag.String("src", "", "pyvi pyvi/models/words.txt")
	out := flag.String("out", "vi_words.txt.gz", "file to write")
	flag.Parse()
	if *src == "" || *src == "/pyvi/models/words.txt" {
		log.Fatal("gen_viwords: set PYVI_DIR to a checkout of https://github.com/trungtv/pyvi (or pass -src)")
	}
	f, err := os.Open(*src)
	if err != nil {
		log.Fatalf("gen_viwords: %v", err)
	}
	defer f.Close()
	var words []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		syl := strings.Fields(norm.NFC.String(strings.ToLower(sc.Text())))
		if len(syl) < 2 || len(syl) > maxVietSyllables || slices.ContainsFunc(syl, notLetters) {
			continue
		}
		words = append(words, strings.Join(syl, " "))
	}
	if err := sc.Err(); err != nil {
		log.Fatalf("gen_viwords: %v", err)
	}
	slices.Sort(words)
	words = slices.Compact(words)
	head := "# vi_words.txt.gz: words of two to four syllables of pyvi's pyvi/models/words.txt\n" +
		"# (github.com/trungtv/pyvi, commit e2ac2ecf), MIT licence, (c) 2016 Viet-Trung Tran;\n" +
		"# written by text/gen_viwords.go.\n"
	if err := tablegen.WriteLines(*out, head, words); err != nil {
		log.Fatalf("gen_viwords: %v", err)
	}
	fmt.Printf("gen_viwords: %d words\n", len(words))
}

// notLetters is true of a syllable with anything but letters in it.
func notLetters(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0
}
