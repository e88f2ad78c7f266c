//go:build ignore

// gen_demonyms writes demonyms_en.txt.gz, the English names and the
// adjectives and peoples of them that package answer's entity-swap rule
// holds for each other ("Polish" and "Poland"), from a checkout of Open
// English WordNet (github.com/globalwordnet/english-wordnet, CC BY 4.0),
// read line by line as gen_antonyms.go reads it:
//
//	OEWN_DIR=/path/to/english-wordnet go generate ./answer
//
// Three sources, each kept only when both words are written with a
// capital (names, not "solar" and "sun"):
//   - the "pertainym" relations of adjective senses in entries-*.yaml
//     ("Norman" → Normandy's people, "English" → England);
//   - the definitions of adjective synsets (adj.pert.yaml, adj.all.yaml)
//     that say what the adjective is of: "of or relating to Poland or its
//     people or culture" (Polish), "of or pertaining to France" (French),
//     which OEWN, unlike Princeton WordNet 3.0, mostly gives as text and
//     not as a pertainym relation;
//   - the definitions of people (noun.person.yaml): "a native or
//     inhabitant of Poland" (Pole).
//
// One pair a line, "word<TAB>name", lower case, the lines sorted, so that
// the same source gives the same bytes, after two lines of "#" naming the
// source and its licence.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"corpusbot/internal/tablegen"
)

func main() {
	dir := flag.String("wordnet", os.Getenv("OEWN_DIR"), "checkout of globalwordnet/english-wordnet")
	out := flag.String("out", "demonyms_en.txt.gz", "file to write (gzip)")
	flag.Parse()
	if err := run(*dir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen_demonyms:", err)
		os.Exit(1)
	}
}

// ofName matches what an adjective's or a people's definition says it is
// of: "of or relating to (the) Poland", "a native or inhabitant of
// Poland"; the name is a run of capitalised words.
var ofName = regexp.MustCompile(`^(?:of|relating to|pertaining to|(?:a |an )?(?:native|inhabitant|citizen|resident)s?)(?: or (?:relating|pertaining|related) to)?(?: or (?:characteristic of|located in|native|inhabitant|citizen|resident)(?: of)?)?(?: of)? (?:the )?(?:ancient |former |modern )?([A-Z][\pL'-]*(?: [A-Z][\pL'-]*)*)`)

func run(dir, out string) error {
	entries, err := tablegen.OEWNEntries(dir)
	if err != nil {
		return err
	}
	pairs := map[string]bool{}
	capital := map[string]bool{} // lemmas written with a capital, lower case
	var perts [][2]string        // an adjective and the sense key it pertains to
	for _, name := range entries {
		if err := readEntries(name, capital, &perts); err != nil {
			return err
		}
	}
	for _, p := range perts {
		to := strings.ReplaceAll(p[1], "_", " ")
		if capital[to] && to != p[0] {
			pairs[p[0]+"\t"+to] = true
		}
	}
	for _, f := range []string{"adj.pert.yaml", "adj.all.yaml", "noun.person.yaml"} {
		if err := readSynsets(filepath.Join(dir, "src", "yaml", f), pairs); err != nil {
			return err
		}
	}
	return tablegen.WritePairs(out, "# Names and their adjectives and peoples, from Open English WordNet (github.com/globalwordnet/english-wordnet),\n"+
		"# © The Open English WordNet Team, CC BY 4.0; written by gen_demonyms.go.\n", pairs)
}

// readEntries notes an entries file's capitalised lemmas and the
// pertainym relations of its capitalised adjectives.
func readEntries(name string, capital map[string]bool, perts *[][2]string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var lemma, list string
	keep := false
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case !strings.HasPrefix(line, " "):
			lemma = tablegen.Unquote(strings.TrimSuffix(line, ":"))
			keep = capitalised(lemma)
			if keep {
				capital[strings.ToLower(lemma)] = true
			}
			list = ""
		case strings.HasPrefix(line, "      - ") && list == "pertainym":
			to, _, _ := strings.Cut(tablegen.Unquote(strings.TrimPrefix(line, "      - ")), "%")
			if keep && !strings.Contains(lemma, " ") {
				*perts = append(*perts, [2]string{strings.ToLower(lemma), to})
			}
		case strings.HasPrefix(line, "    ") && strings.HasSuffix(line, ":"):
			list = strings.TrimSuffix(strings.TrimLeft(line, " -"), ":")
		case strings.HasPrefix(line, "    "):
			list = ""
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// readSynsets adds the pairs a synset file's definitions give: each
// single-word capitalised member and the name its first definition says
// it is of (ofName).
func readSynsets(name string, pairs map[string]bool) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var def, list string
	var members []string
	flush := func() {
		if m := ofName.FindStringSubmatch(def); m != nil {
			for _, w := range members {
				if capitalised(w) && !strings.Contains(w, " ") && !strings.EqualFold(w, m[1]) {
					pairs[strings.ToLower(w)+"\t"+strings.ToLower(m[1])] = true
				}
			}
		}
		def, members = "", nil
	}
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case !strings.HasPrefix(line, " "):
			flush()
			list = ""
		case strings.HasPrefix(line, "  - "):
			v := tablegen.Unquote(strings.TrimPrefix(line, "  - "))
			switch list {
			case "definition":
				if def == "" {
					def = v
				}
			case "members":
				members = append(members, v)
			}
		case strings.HasPrefix(line, "  "):
			list = strings.TrimSuffix(strings.TrimSpace(line), ":")
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// capitalised reports a lemma whose first letter is a capital.
func capitalised(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}
