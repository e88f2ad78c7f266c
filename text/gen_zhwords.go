//go:build ignore

// gen_zhwords writes zh_words.txt, the two-character Chinese words that
// IsChineseWord knows, from jieba's extra_dict/dict.txt.small (MIT,
// © 2013 Sun Junyi, https://github.com/fxsjy/jieba; 109,750 words, each
// "word count tag" a line; read at commit 67fa2e3):
//
//	JIEBA_DIR=/path/to/jieba go generate ./text
//
// Every word of two Han characters is kept, folded to simplified
// characters as retrieval folds text: 59,842 words. Each line of the
// output is a first character followed by every second character it takes,
// sorted.
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

	"corpusbot/text"
)

func main() {
	src := flag.String("src", "", "jieba extra_dict/dict.txt.small")
	out := flag.String("out", "zh_words.txt", "file to write")
	flag.Parse()
	if *src == "" || *src == "/extra_dict/dict.txt.small" {
		log.Fatal("gen_zhwords: set JIEBA_DIR to a checkout of https://github.com/fxsjy/jieba (or pass -src)")
	}
	f, err := os.Open(*src)
	if err != nil {
		log.Fatalf("gen_zhwords: %v", err)
	}
	defer f.Close()
	seconds := map[rune][]rune{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		word, _, _ := strings.Cut(sc.Text(), " ")
		rs := []rune(word)
		if len(rs) != 2 || !unicode.Is(unicode.Han, rs[0]) || !unicode.Is(unicode.Han, rs[1]) {
			continue
		}
		a, b := text.ToSimplified(rs[0]), text.ToSimplified(rs[1])
		seconds[a] = append(seconds[a], b)
	}
	if err := sc.Err(); err != nil {
		log.Fatalf("gen_zhwords: %v", err)
	}
	firsts := make([]rune, 0, len(seconds))
	for r := range seconds {
		firsts = append(firsts, r)
	}
	slices.Sort(firsts)
	var b strings.Builder
	n := 0
	for _, r := range firsts {
		s := seconds[r]
		slices.Sort(s)
		s = slices.Compact(s)
		n += len(s)
		b.WriteRune(r)
		b.WriteString(string(s))
		b.WriteByte('\n')
	}
	if err := os.WriteFile(*out, []byte(b.String()), 0o644); err != nil {
		log.Fatalf("gen_zhwords: %v", err)
	}
	fmt.Printf("gen_zhwords: %d words under %d first characters\n", n, len(firsts))
}
