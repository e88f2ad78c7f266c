//go:build ignore

// gen_wordnet writes en.txt.gz, the synonym table of package synonyms, from
// a checkout of Open English WordNet (github.com/globalwordnet/english-wordnet, CC BY
// 4.0): its src/yaml/entries-*.yaml, read line by line (the files are
// regular YAML written by the project's own tools, two spaces an indent).
//
//	OEWN_DIR=/path/to/english-wordnet go generate ./synonyms
//
// The table keeps single-word, lower-case lemmas only (names, phrases and
// hyphenated words are left out: names are never synonyms of what a
// question asks, and phrases are not one word of a question), and of each
// lemma only its first maxRank senses of each part of speech, WordNet
// ordering a word's senses most common first: "firm" the company, not
// "firm" the steady. A synset is written when two or more such lemmas
// share it, each with its sense's rank, so that the reader can ask for
// fewer:
//
//	speak:1 talk:2
//
// and irregular forms follow their lemma's "=" line: "=speak spoke spoken".
// "+" lines list a lemma's derivationally related lemmas, from its first
// maxRank senses ("+fail failure"), leaving out those that share a long
// beginning with it (prefer, preference), which the reader holds as one
// family anyway. Last, "~" lines list the adjectives of at most maxAdjective letters,
// those English compares with -er and -est ("~new short simple …"), so
// that "newest" can be read as new and "server" is not read as serve.
package main

import (
	"bufio"
	"cmp"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"

	"corpusbot/internal/tablegen"
)

// maxRank is the most senses of a lemma (per part of speech) the table
// keeps; the reader chooses fewer.
const maxRank = 2

// maxAdjective is the longest adjective the table lists: -er and -est
// compare short adjectives (new, simple, shallow); longer ones take "more".
const maxAdjective = 7

func main() {
	dir := flag.String("wordnet", "", "checkout of globalwordnet/english-wordnet")
	out := flag.String("out", "en.txt.gz", "file to write (gzip)")
	flag.Parse()
	if err := run(*dir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen_wordnet:", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	files, err := tablegen.OEWNEntries(dir)
	if err != nil {
		return err
	}
	t := table{synsets: map[string][]member{}, forms: map[string][]string{}, adjectives: map[string]bool{}, derived: map[string][]string{}}
	for _, name := range files {
		if err := t.read(name); err != nil {
			return err
		}
	}
	return tablegen.WriteGzip(out, t.write)
}

type member struct {
	lemma string
	rank  int
}

type table struct {
	synsets    map[string][]member
	forms      map[string][]string
	adjectives map[string]bool
	derived    map[string][]string
}

// read adds one entries file.
func (t *table) read(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var lemma, block, list string
	keep := false
	rank := 0
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case !strings.HasPrefix(line, " "):
			// A lemma: "speak:" or a quoted one ("'''hood':").
			lemma = strings.TrimSuffix(line, ":")
			keep = tablegen.PlainWord(lemma)
		case strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "   "):
			// A part of speech: its senses are ranked afresh.
			rank, block = 0, ""
			if pos := strings.TrimSpace(line); keep && (pos == "a:" || pos == "s:") && len(lemma) <= maxAdjective {
				t.adjectives[lemma] = true
			}
		case strings.HasPrefix(line, "    ") && !strings.HasPrefix(line, "     ") && line[4] != '-':
			block = strings.TrimSuffix(strings.TrimSpace(line), ":")
		case block == "form" && strings.HasPrefix(line, "    - "):
			if form := tablegen.Unquote(strings.TrimPrefix(line, "    - ")); keep && tablegen.PlainWord(form) && form != lemma {
				t.forms[lemma] = append(t.forms[lemma], form)
			}
		case block == "sense" && strings.HasPrefix(line, "      - "):
			// An item of the sense's list: a related sense's id,
			// "'failure%1:04:01::'".
			to, _, _ := strings.Cut(tablegen.Unquote(strings.TrimPrefix(line, "      - ")), "%")
			if list == "derivation" && keep && rank <= maxRank && tablegen.PlainWord(to) && to != lemma && !oneFamily(lemma, to) {
				t.derived[lemma] = append(t.derived[lemma], to)
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
			if ok && key == "synset" && keep && rank <= maxRank {
				t.synsets[val] = append(t.synsets[val], member{lemma, rank})
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// oneFamily reports two words that share a beginning of at least five
// letters and three quarters of the shorter, as answer's sameFamily holds
// the terms of one family.
func oneFamily(a, b string) bool {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n >= 5 && 4*n >= 3*min(len(a), len(b))
}

// write prints the synsets of two or more lemmas, sorted, then the forms.
func (t *table) write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# Generated by synonyms/gen_wordnet.go from Open English WordNet (CC BY 4.0; see README.md). DO NOT EDIT.")
	var lines []string
	for _, ms := range t.synsets {
		slices.SortFunc(ms, func(a, b member) int { return cmp.Compare(a.lemma, b.lemma) })
		ms = slices.CompactFunc(ms, func(a, b member) bool { return a.lemma == b.lemma })
		if len(ms) < 2 {
			continue
		}
		var b strings.Builder
		for i, m := range ms {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(m.lemma + ":" + strconv.Itoa(m.rank))
		}
		lines = append(lines, b.String())
	}
	slices.Sort(lines)
	lines = slices.Compact(lines)
	// Forms only of lemmas that have synonyms: the others find nothing.
	inSynset := map[string]bool{}
	for _, l := range lines {
		for _, f := range strings.Fields(l) {
			lemma, _, _ := strings.Cut(f, ":")
			inSynset[lemma] = true
		}
	}
	for _, l := range lines {
		fmt.Fprintln(bw, l)
	}
	lemmas := make([]string, 0, len(t.forms))
	for l := range t.forms {
		if inSynset[l] {
			lemmas = append(lemmas, l)
		}
	}
	slices.Sort(lemmas)
	for _, l := range lemmas {
		fs := slices.Compact(slices.Sorted(slices.Values(t.forms[l])))
		fmt.Fprintln(bw, "="+l+" "+strings.Join(fs, " "))
	}
	for _, l := range slices.Sorted(maps.Keys(t.derived)) {
		ds := slices.Compact(slices.Sorted(slices.Values(t.derived[l])))
		fmt.Fprintln(bw, "+"+l+" "+strings.Join(ds, " "))
	}
	adjectives := slices.Sorted(maps.Keys(t.adjectives))
	for len(adjectives) > 0 {
		n := min(len(adjectives), 100)
		fmt.Fprintln(bw, "~"+strings.Join(adjectives[:n], " "))
		adjectives = adjectives[n:]
	}
	return bw.Flush()
}
