//go:build ignore

// gen_omw writes omw/<lang>.txt.gz, the tables of package synonyms for
// the languages of the Open Multilingual Wordnet's wordnets
// (https://github.com/omwn/omw-data, each under its own licence:
// README.md), from their wn-data-*.tab / wn-wikt-*.tab files: two words are
// synonyms when they are lemmas of the same synset.
//
//	go run gen_omw.go -omw /path/to/omw-data/wns
//
// The tables are written in en.txt.gz's synset lines ("comenzar:1
// empezar:1"). These wordnets list a synset's lemmas without the sense
// order that keeps the English table to a word's common senses, so every
// member ranks 1, and a word with more than maxSenses synsets is left out
// of all of them: which of its senses a question means is unknown, and its
// rare ones join it to words it seldom means. Only single-word lemmas are
// kept, lower-cased (Arabic also without its vowel marks, as questions
// and documents are written), and synsets of two to maxMembers of them
// (a larger one is a loose grouping).
package main

import (
	"bufio"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
)

// sources are the wordnet file of each language, relative to omw-data's
// wns/: the language's own wordnet where omw-data holds it whole (Arabic,
// Greek), the Wiktionary-derived one (wikt/, Bond and Foster 2013)
// otherwise: omw-data's Spanish (mcr/) and Romanian (ron/) wordnets are
// files of 4 MiB and more, which the copy these were made from lacked.
// Only the languages whose table won on the tuning halves
// (docs/benchmarks.md); French (WOLF, fra/wn-data-fra.tab), Turkish
// (wikt/wn-wikt-tur.tab) and Vietnamese (wikt/wn-wikt-vie.tab) were tried
// and did not (-langs with -extra writes them).
var sources = []struct{ lang, file string }{
	{"ar", "arb/wn-data-arb.tab"},
	{"el", "ell/wn-data-ell.tab"},
	{"de", "wikt/wn-wikt-deu.tab"},
	{"es", "wikt/wn-wikt-spa.tab"},
	{"hi", "wikt/wn-wikt-hin.tab"},
	{"ro", "wikt/wn-wikt-ron.tab"},
	{"ru", "wikt/wn-wikt-rus.tab"},
}

// tried are the sources of the tables that did not win (-extra).
var tried = []struct{ lang, file string }{
	{"fr", "fra/wn-data-fra.tab"},
	{"tr", "wikt/wn-wikt-tur.tab"},
	{"vi", "wikt/wn-wikt-vie.tab"},
}

var (
	maxSenses  = 4
	maxMembers = 8
)

func main() {
	dir := flag.String("omw", "", "omw-data's wns/ directory (https://github.com/omwn/omw-data)")
	out := flag.String("out", "omw", "directory to write <lang>.txt.gz to")
	langs := flag.String("langs", "", "comma-separated languages to write (default: all)")
	extra := flag.Bool("extra", false, "also write the tables that were tried and not kept (tried)")
	flag.IntVar(&maxSenses, "senses", maxSenses, "the most synsets a kept word may have")
	flag.IntVar(&maxMembers, "members", maxMembers, "the most words a kept synset may have")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "gen_omw: pass -omw with omw-data's wns/ directory")
		os.Exit(1)
	}
	all := sources
	if *extra {
		all = append(all, tried...)
	}
	for _, s := range all {
		if *langs != "" && !slices.Contains(strings.Split(*langs, ","), s.lang) {
			continue
		}
		n, err := write(filepath.Join(*dir, s.file), filepath.Join(*out, s.lang+".txt.gz"), s.lang)
		if err != nil {
			fmt.Fprintf(os.Stderr, "gen_omw: %s: %v\n", s.lang, err)
			os.Exit(1)
		}
		fmt.Printf("%s: %d synsets from %s\n", s.lang, n, s.file)
	}
}

func write(in, out, lang string) (int, error) {
	synsets, err := readTab(in, lang)
	if err != nil {
		return 0, err
	}
	senses := map[string]int{}
	for _, ls := range synsets {
		for _, l := range ls {
			senses[l]++
		}
	}
	ids := make([]string, 0, len(synsets))
	for id := range synsets {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	f, err := os.Create(out)
	if err != nil {
		return 0, err
	}
	zw := gzip.NewWriter(f)
	w := bufio.NewWriter(zw)
	n := 0
	for _, id := range ids {
		var kept []string
		for _, l := range synsets[id] {
			if senses[l] <= maxSenses {
				kept = append(kept, l)
			}
		}
		if len(kept) < 2 || len(kept) > maxMembers {
			continue
		}
		for i, l := range kept {
			if i > 0 {
				w.WriteByte(' ')
			}
			w.WriteString(l + ":1")
		}
		w.WriteByte('\n')
		n++
	}
	err = errors.Join(w.Flush(), zw.Close(), f.Close())
	return n, err
}

// readTab returns each synset's distinct single-word lemmas, in the order
// the file gives them.
func readTab(path, lang string) (map[string][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string][]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) != 3 || !strings.HasSuffix(fs[1], "lemma") || strings.HasPrefix(fs[0], "#") {
			continue // comments, definitions, examples, Arabic roots
		}
		l := clean(fs[2], lang)
		if l == "" || slices.Contains(out[fs[0]], l) {
			continue
		}
		out[fs[0]] = append(out[fs[0]], l)
	}
	return out, sc.Err()
}

// clean returns a lemma lower-cased (and Arabic without vowel marks), ""
// for one of several words or with characters no word has.
func clean(l, lang string) string {
	l = strings.ToLower(strings.TrimSpace(l))
	if lang == "ar" {
		l = strings.Map(func(r rune) rune {
			if r >= 0x064B && r <= 0x0652 || r == 0x0670 || r == 0x0640 { // harakat, shadda, sukun, dagger alif, tatweel
				return -1
			}
			return r
		}, l)
	}
	for _, r := range l {
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) && !unicode.Is(unicode.Mc, r) {
			return "" // spaces, hyphens, apostrophes, digits: not one word
		}
	}
	if len([]rune(l)) < 2 {
		return ""
	}
	return l
}
