//go:build ignore

// gen_antonyms writes antonyms_en.txt.gz, the English antonym pairs of
// package answer, from a checkout of Open English WordNet
// (github.com/globalwordnet/english-wordnet, CC BY 4.0): the "antonym"
// relations of the senses in its src/yaml/entries-*.yaml, read line by
// line as synonyms/gen_wordnet.go reads them.
//
//	OEWN_DIR=/path/to/english-wordnet go generate ./answer
//
// Only single-word, lower-case lemmas are kept, and of each lemma only
// its first maxRank senses of each part of speech (WordNet orders a
// word's senses most common first): "large" and "small", not the rare
// senses' pairs. A satellite adjective's sense also takes its head's
// antonyms (WordNet's indirect antonyms: "rapid", similar to fast, is
// opposed to slow). One pair a line, the two words in order, the lines
// sorted, so that the same source gives the same bytes, after two
// lines of "#" naming the source and its licence.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"

	"corpusbot/internal/tablegen"
)

// maxRank is the most senses of a lemma (per part of speech) whose
// antonyms are kept.
const maxRank = 2

func main() {
	dir := flag.String("wordnet", os.Getenv("OEWN_DIR"), "checkout of globalwordnet/english-wordnet")
	out := flag.String("out", "antonyms_en.txt.gz", "file to write (gzip)")
	flag.Parse()
	if err := run(*dir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen_antonyms:", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	files, err := tablegen.OEWNEntries(dir)
	if err != nil {
		return err
	}
	pairs, heads := map[string]bool{}, map[string][]string{}
	for _, name := range files {
		if err := read(name, pairs, heads); err != nil {
			return err
		}
	}
	// A satellite adjective has its head's antonyms, WordNet's indirect
	// antonyms: "rapid" (similar to fast) is opposed to slow.
	direct := map[string][]string{}
	for p := range pairs {
		a, b, _ := strings.Cut(p, " ")
		direct[a] = append(direct[a], b)
		direct[b] = append(direct[b], a)
	}
	for lemma, hs := range heads {
		for _, h := range hs {
			for _, b := range direct[h] {
				if b != lemma {
					pairs[min(lemma, b)+" "+max(lemma, b)] = true
				}
			}
		}
	}
	return tablegen.WritePairs(out, "# Antonym pairs of Open English WordNet (github.com/globalwordnet/english-wordnet),\n"+
		"# © The Open English WordNet Team, CC BY 4.0; written by gen_antonyms.go.\n", pairs)
}

// read adds one entries file's antonym pairs, and the heads of its
// satellite adjectives' senses (the head word of a sense key
// "rapid%5:00:00:fast:01").
func read(name string, pairs map[string]bool, heads map[string][]string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var lemma, block, list string
	keep, rank := false, 0
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case !strings.HasPrefix(line, " "):
			lemma = tablegen.Unquote(strings.TrimSuffix(line, ":"))
			keep = tablegen.PlainWord(lemma)
		case strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "   "):
			rank, block = 0, ""
		case strings.HasPrefix(line, "    ") && !strings.HasPrefix(line, "     ") && line[4] != '-':
			block = strings.TrimSuffix(strings.TrimSpace(line), ":")
		case block == "sense" && strings.HasPrefix(line, "      - "):
			to, _, _ := strings.Cut(tablegen.Unquote(strings.TrimPrefix(line, "      - ")), "%")
			if list == "antonym" && keep && rank <= maxRank && tablegen.PlainWord(to) && to != lemma {
				a, b := min(lemma, to), max(lemma, to)
				pairs[a+" "+b] = true
			}
		case block == "sense" && strings.HasPrefix(line, "    - "):
			rank++
			fallthrough
		case block == "sense" && strings.HasPrefix(line, "      "):
			body := strings.TrimLeft(line, " -")
			key, val, ok := strings.Cut(body, ": ")
			if !ok {
				list = strings.TrimSuffix(body, ":")
			}
			if key == "id" && keep && rank <= maxRank {
				// lemma%5:00:00:head:nn
				if fs := strings.Split(tablegen.Unquote(val), ":"); len(fs) >= 4 && strings.HasSuffix(fs[0], "%5") && tablegen.PlainWord(fs[3]) && fs[3] != lemma {
					heads[lemma] = append(heads[lemma], fs[3])
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
