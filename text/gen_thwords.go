//go:build ignore

// gen_thwords writes th_words.txt.gz, the Thai words that CountWords matches
// Thai text against, from PyThaiNLP's word list pythainlp/corpus/words_th.txt
// (https://github.com/PyThaiNLP/pythainlp, read at commit 73966cf1; 62,106
// words, one a line; CC0-1.0 as pythainlp/corpus/corpus_license.md says of
// the word lists the project made):
//
//	PYTHAINLP_DIR=/path/to/pythainlp go generate ./text
//
// Kept: words of Thai letters and marks only (no spaces, full stops or
// repetition marks, which CountWords reads as breaks) of at most
// maxThaiWord characters; sorted, one a line, after a "#" header naming
// the source and its licence; gzipped without a time stamp, so that the
// output is the same every run.
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

// maxThaiWord is th_words.go's bound on a word's length in characters.
const maxThaiWord = 20

func main() {
	src := flag.String("src", "", "PyThaiNLP pythainlp/corpus/words_th.txt")
	out := flag.String("out", "th_words.txt.gz", "file to write")
	flag.Parse()
	if *src == "" || *src == "/pythainlp/corpus/words_th.txt" {
		log.Fatal("gen_thwords: set PYTHAINLP_DIR to a checkout of https://github.com/PyThaiNLP/pythainlp (or pass -src)")
	}
	f, err := os.Open(*src)
	if err != nil {
		log.Fatalf("gen_thwords: %v", err)
	}
	defer f.Close()
	var words []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w == "" || utf8.RuneCountInString(w) > maxThaiWord || strings.IndexFunc(w, notThai) >= 0 {
			continue
		}
		words = append(words, w)
	}
	if err := sc.Err(); err != nil {
		log.Fatalf("gen_thwords: %v", err)
	}
	slices.Sort(words)
	words = slices.Compact(words)
	head := "# th_words.txt.gz: words of PyThaiNLP's pythainlp/corpus/words_th.txt\n" +
		"# (github.com/PyThaiNLP/pythainlp, commit 73966cf1), CC0-1.0 as its\n" +
		"# pythainlp/corpus/corpus_license.md says; written by text/gen_thwords.go.\n"
	if err := tablegen.WriteLines(*out, head, words); err != nil {
		log.Fatalf("gen_thwords: %v", err)
	}
	fmt.Printf("gen_thwords: %d words\n", len(words))
}

// notThai is true of anything but the Thai letters and marks a word is
// spelt with: ฯ and ๆ (abbreviation and repetition), digits and the
// signs after them are read as breaks.
func notThai(r rune) bool {
	return r < 0x0E01 || r > 0x0E4E || r == 0x0E2F || r == 0x0E46 || r == 0x0E3F
}
