// Package synonyms tells which words mean the same as a word. In English:
// the synsets of a public lexical resource, Open English WordNet (CC BY
// 4.0, README.md), kept to single-word lemmas and each word's most common
// senses, with the words derived from them and the words a word is
// regularly built on. In Chinese: the words a Chinese–English dictionary,
// CC-CEDICT (CC BY-SA 4.0), glosses with the same English words. In the
// languages of the Open Multilingual Wordnet's wordnets (Lang): the lemmas
// a synset shares (each wordnet's licence in README.md).
package synonyms

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:embed en.txt.gz
var englishData []byte

// English is the English table, read once on first use (it is immutable).
var English = sync.OnceValue(func() *Table {
	t, err := read(bytes.NewReader(englishData))
	if err != nil {
		// The table is generated and embedded: a broken one is a broken build.
		panic(fmt.Sprintf("synonyms: embedded English table: %v", err))
	}
	t.morphy = true
	return t
})

//go:embed zh.txt.gz
var chineseData []byte

// Chinese is the Chinese table, from CC-CEDICT's shared glosses (README.md),
// read once on first use (it is immutable).
var Chinese = sync.OnceValue(func() *Table {
	t, err := read(bytes.NewReader(chineseData))
	if err != nil {
		panic(fmt.Sprintf("synonyms: embedded Chinese table: %v", err))
	}
	return t
})

//go:embed omw/*.txt.gz
var omwData embed.FS

// omwTables are the Open Multilingual Wordnet's tables (gen_omw.go), each
// read on its language's first question: a process answering one language
// holds that table's maps only (up to 3.6 MB allocated, README.md).
var omwTables = func() map[string]func() *Table {
	m := map[string]func() *Table{}
	files, err := omwData.ReadDir("omw")
	if err != nil {
		panic(fmt.Sprintf("synonyms: embedded tables: %v", err))
	}
	for _, f := range files {
		lang := strings.TrimSuffix(f.Name(), ".txt.gz")
		m[lang] = sync.OnceValue(func() *Table {
			data, err := omwData.ReadFile("omw/" + f.Name())
			if err == nil {
				var t *Table
				if t, err = read(bytes.NewReader(data)); err == nil {
					return t
				}
			}
			panic(fmt.Sprintf("synonyms: embedded %s table: %v", lang, err))
		})
	}
	return m
}()

// Lang returns the table of a language (ISO 639-1: "es", "de") from the
// Open Multilingual Wordnet, read once on first use, or nil when there is
// none (Of and Derived of a nil table return nil). Its words are
// lemmas, found only as written: the English table's inflection rules are
// not applied to them.
func Lang(code string) *Table {
	if f, ok := omwTables[code]; ok {
		return f()
	}
	return nil
}

// MaxRank is the most senses of a word, most common first, the tables keep.
const MaxRank = 2

// A Table holds synsets: each a set of lemmas with the rank of that sense
// among the lemma's senses (1: its most common).
type Table struct {
	synsets [][]member
	byLemma map[string][]int32  // lemma → its synsets
	lemmas  map[string][]string // irregular form → its lemmas ("spoke" → speak)
	forms   map[string][]string // lemma → its irregular forms
	// adjectives are the short adjectives, those compared with -er and
	// -est: see Bases.
	adjectives map[string]bool
	// derived are a lemma's derivationally related lemmas (fail →
	// failure): see Derived.
	derived map[string][]string
	// morphy: a word's lemma is also found by WordNet's English
	// detachment rules (lemmasOf).
	morphy bool
}

type member struct {
	lemma string
	rank  int8
}

func read(r io.Reader) (*Table, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	t := &Table{byLemma: map[string][]int32{}, lemmas: map[string][]string{}, forms: map[string][]string{}, adjectives: map[string]bool{}, derived: map[string][]string{}}
	sc := bufio.NewScanner(zr)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case line == "" || line[0] == '#':
		case line[0] == '+':
			fs := strings.Fields(line[1:])
			if len(fs) < 2 {
				return nil, fmt.Errorf("line %d: a lemma without derivations", n)
			}
			t.derived[fs[0]] = fs[1:]
		case line[0] == '~':
			for _, a := range strings.Fields(line[1:]) {
				t.adjectives[a] = true
			}
		case line[0] == '=':
			fs := strings.Fields(line[1:])
			if len(fs) < 2 {
				return nil, fmt.Errorf("line %d: forms without a lemma", n)
			}
			t.forms[fs[0]] = fs[1:]
			for _, f := range fs[1:] {
				t.lemmas[f] = append(t.lemmas[f], fs[0])
			}
		default:
			var ms []member
			for _, f := range strings.Fields(line) {
				lemma, rank, ok := strings.Cut(f, ":")
				k, err := strconv.Atoi(rank)
				if !ok || err != nil || k < 1 || k > MaxRank {
					return nil, fmt.Errorf("line %d: bad member %q", n, f)
				}
				t.byLemma[lemma] = append(t.byLemma[lemma], int32(len(t.synsets)))
				ms = append(ms, member{lemma, int8(k)})
			}
			t.synsets = append(t.synsets, ms)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return t, zr.Close()
}

// Of returns the synonyms of a lower-case word, and their irregular forms:
// the other lemmas of the synsets that are among the first rank senses of
// the word's lemma and of theirs. The word's lemma is found as WordNet's
// morphy finds it: an irregular form's lemma, the word, and the word
// without an inflection ("talks" → talk, "carries" → carry, "named" → name).
// Of a word the table does not know, or of any word when t is nil, it
// returns nil.
func (t *Table) Of(word string, rank int) []string {
	if t == nil {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	add := func(w string) {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	for _, l := range t.lemmasOf(word) {
		seen[l] = true
	}
	for _, l := range t.lemmasOf(word) {
		for _, s := range t.byLemma[l] {
			ms := t.synsets[s]
			if !ranked(ms, l, rank) {
				continue
			}
			for _, m := range ms {
				if int(m.rank) <= rank && m.lemma != l {
					add(m.lemma)
					for _, f := range t.forms[m.lemma] {
						add(f)
					}
				}
			}
		}
	}
	return out
}

func ranked(ms []member, lemma string, rank int) bool {
	for _, m := range ms {
		if m.lemma == lemma {
			return int(m.rank) <= rank
		}
	}
	return false
}

// lemmasOf returns the lemmas a word may be a form of.
func (t *Table) lemmasOf(word string) []string {
	// As morphy does: every part of speech's lemma, "talks" (the noun,
	// negotiations) and talk.
	out := slices.Clone(t.lemmas[word])
	if t.isLemma(word) && !slices.Contains(out, word) {
		out = append(out, word)
	}
	if !t.morphy {
		return out
	}
	for _, d := range detachments {
		if stem, ok := strings.CutSuffix(word, d.suffix); ok && stem != "" {
			if l := stem + d.ending; t.isLemma(l) && !slices.Contains(out, l) {
				out = append(out, l)
			}
		}
	}
	return out
}

func (t *Table) isLemma(w string) bool { return t.byLemma[w] != nil || t.derived[w] != nil }

// Derived returns the lemmas derivationally related to a lower-case
// word's (its lemma found as Of finds it): "fails" → failure, "pay" →
// payment, payer, payee. Only those the stemmer would not fold with the
// word are kept (see gen_wordnet.go). Of a word the table does not know,
// or of any word when t is nil, it returns nil.
func (t *Table) Derived(word string) []string {
	if t == nil {
		return nil
	}
	var out []string
	for _, l := range t.lemmasOf(word) {
		for _, d := range t.derived[l] {
			if d != word && !slices.Contains(out, d) {
				out = append(out, d)
			}
		}
	}
	return out
}

// detachments are WordNet's morphy rules for nouns, verbs and adjectives.
var detachments = []struct{ suffix, ending string }{
	{"ies", "y"}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"},
	{"es", "e"}, {"es", ""}, {"s", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""},
	{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"},
}

// Bases returns the words an English word is regularly built on where the
// stemmer leaves them apart: the adjective of a comparative or superlative
// ("newest" → new, "shorter" → short, "bigger" → big, "easiest" → easy;
// only to an adjective the table lists, as morphy detaches them, so that
// "server" is not serve) and the word behind a prefix that narrows it
// without negating it ("subdirectory" → directory, "preinstalled" →
// installed). They are candidates: the caller keeps those its documents
// use. Of a nil table, it returns the prefixed words only.
func (t *Table) Bases(word string) []string {
	var out []string
	add := func(b string) {
		if b != word && !slices.Contains(out, b) {
			out = append(out, b)
		}
	}
	for _, suffix := range []string{"est", "er"} {
		stem, ok := strings.CutSuffix(word, suffix)
		if !ok || len(stem) < 2 || t == nil {
			continue
		}
		cands := []string{stem, stem + "e"} // newest → new, later → late
		switch last := stem[len(stem)-1]; {
		case last == 'i':
			cands = []string{stem[:len(stem)-1] + "y"} // easier → easy
		case last == stem[len(stem)-2] && !strings.ContainsRune("aeiouy", rune(last)):
			cands = []string{stem[:len(stem)-1]} // bigger → big
		}
		for _, c := range cands {
			if t.adjectives[c] {
				add(c)
			}
		}
	}
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(word, p); ok && len(rest) >= minPrefixed {
			add(rest)
		}
	}
	return out
}

// prefixes narrow a word without negating it: a subdirectory is a
// directory, a preinstalled tool an installed one. Not re- and co-, which
// open too many words that are no prefix and word ("resource",
// "release", "cover").
var prefixes = []string{"sub", "super", "pre", "post", "multi", "inter", "over", "under", "auto"}

// minPrefixed is the shortest word a prefix may stand before: "preserve"
// is no pre + serve, "understand" no under + stand.
const minPrefixed = 6
