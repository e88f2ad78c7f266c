// Command shorttext measures text.DetectLanguage on short public text from
// the tldr-pages translations (github.com/tldr-pages/tldr, CC BY 4.0).
// With -kind examples (the default), their example lines, "- …:" lines of
// one to five words once inline code is removed, in the 16 Latin-script
// languages of tldr the detector names, repeats counted. With -kind
// descriptions, the pages' descriptions ("> …" lines but the links), of two
// to fifteen words, the length of a question, each distinct line of a
// language once, in every language of tldr the detector names, whatever
// its script (descDirs). Lines split into a tuning and a test half by a
// hash of the line.
//
//	git clone --depth 1 https://github.com/tldr-pages/tldr /tmp/tldr
//	go run ./shorttext -dir /tmp/tldr -half tune
//	go run ./shorttext -dir /tmp/tldr -half tune -kind descriptions
package main

import (
	"bufio"
	"flag"
	"fmt"
	"hash/fnv"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"corpusbot/text"
)

// dirs maps a tldr pages directory to the language its lines are in.
var dirs = map[string]string{
	"pages": "en", "pages.fr": "fr", "pages.de": "de", "pages.es": "es", "pages.it": "it",
	"pages.pt_BR": "pt", "pages.nl": "nl", "pages.da": "da", "pages.no": "no", "pages.sv": "sv",
	"pages.fi": "fi", "pages.ro": "ro", "pages.tr": "tr", "pages.id": "id", "pages.pl": "pl",
	"pages.cs": "cs",
}

// descDirs adds, for descriptions, the directories of tldr in the other
// languages the detector names: other scripts, and variants of the
// languages above (Bosnian is read as Croatian, as the detector's "hr" is
// Croatian, Serbian and Bosnian in Latin script).
var descDirs = map[string]string{
	"pages.ar": "ar", "pages.bg": "bg", "pages.bn": "bn", "pages.el": "el", "pages.fa": "fa",
	"pages.hi": "hi", "pages.ja": "ja", "pages.ko": "ko", "pages.ru": "ru", "pages.sr": "sr",
	"pages.ta": "ta", "pages.th": "th", "pages.uk": "uk", "pages.zh": "zh", "pages.zh_TW": "zh",
	"pages.lo": "lo", "pages.nb": "no", "pages.pt_PT": "pt", "pages.bs": "hr",
}

var code = regexp.MustCompile("`[^`]*`")

type line struct{ lang, text string }

func main() {
	dir := flag.String("dir", "", "a tldr-pages checkout")
	half := flag.String("half", "tune", "tune, test or all")
	show := flag.String("show", "", "print the wrong lines of this language (\"all\" for every one)")
	locale := flag.String("locale", "", "the reader's language for the locale columns (DetectLanguageFor); default each line's own")
	kind := flag.String("kind", "examples", "examples (\"- …:\" lines) or descriptions (\"> …\" lines)")
	flag.Parse()
	if *kind != "examples" && *kind != "descriptions" {
		fmt.Fprintln(os.Stderr, "shorttext: -kind is examples or descriptions")
		os.Exit(2)
	}
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "shorttext: -dir (a tldr-pages checkout) is required")
		os.Exit(2)
	}
	lines, err := load(*dir, *half, *kind == "descriptions")
	if err != nil {
		fmt.Fprintln(os.Stderr, "shorttext:", err)
		os.Exit(1)
	}
	if len(lines) == 0 {
		fmt.Fprintf(os.Stderr, "shorttext: no lines under %s\n", *dir)
		os.Exit(1)
	}
	type tally struct{ n, right, und, wrong, lRight, lUnd, lWrong int }
	per := map[string]*tally{}
	confusion := map[string]int{}
	var all tally
	for _, l := range lines {
		t := per[l.lang]
		if t == nil {
			t = &tally{}
			per[l.lang] = t
		}
		got := text.DetectLanguage(l.text)
		loc := l.lang
		if *locale != "" {
			loc = *locale
		}
		withLocale := text.DetectLanguageFor(l.text, loc)
		for _, c := range []*tally{t, &all} {
			c.n++
			switch got {
			case l.lang:
				c.right++
			case "und":
				c.und++
			default:
				c.wrong++
			}
			switch withLocale {
			case l.lang:
				c.lRight++
			case "und":
				c.lUnd++
			default:
				c.lWrong++
			}
		}
		if withLocale != l.lang && withLocale != "und" && (*show == "all" || *show == l.lang) {
			fmt.Printf("locale %s→%s\t%s\n", l.lang, withLocale, l.text)
		}
		if got != l.lang && got != "und" {
			confusion[l.lang+"→"+got]++
			if *show == "all" || *show == l.lang {
				fmt.Printf("%s→%s\t%s\n", l.lang, got, l.text)
			}
		}
	}
	fmt.Println("| lang | lines | right | und | wrong | locale: right | und | wrong |")
	fmt.Println("|---|---|---|---|---|---|---|---|")
	langs := make([]string, 0, len(per))
	for l := range per {
		langs = append(langs, l)
	}
	slices.Sort(langs)
	row := func(name string, t *tally) {
		fmt.Printf("| %s | %d | %d | %d | %d | %d | %d | %d |\n", name, t.n, t.right, t.und, t.wrong, t.lRight, t.lUnd, t.lWrong)
	}
	for _, l := range langs {
		row(l, per[l])
	}
	row("all", &all)
	pairs := make([]string, 0, len(confusion))
	for p := range confusion {
		pairs = append(pairs, p)
	}
	slices.SortFunc(pairs, func(a, b string) int {
		if d := confusion[b] - confusion[a]; d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	fmt.Print("wrong, commonest:")
	for i, p := range pairs {
		if i == 12 {
			break
		}
		fmt.Printf(" %s %d", p, confusion[p])
	}
	fmt.Println()
}

// load reads the example lines of every directory of dirs under dir that
// fall in half, or with desc the descriptions of those of dirs and
// descDirs.
func load(dir, half string, desc bool) ([]line, error) {
	var out []line
	all := maps.Clone(dirs)
	if desc {
		maps.Copy(all, descDirs)
	}
	seen := map[line]bool{}
	for d, lang := range all {
		files, err := filepath.Glob(filepath.Join(dir, d, "*", "*.md"))
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, fmt.Errorf("reading %s: %w", f, err)
			}
			sc := bufio.NewScanner(strings.NewReader(string(b)))
			for sc.Scan() {
				s, ok := pick(sc.Text(), desc)
				if !ok || desc && seen[line{lang, s}] {
					continue
				}
				seen[line{lang, s}] = true
				h := fnv.New32a()
				h.Write([]byte(s))
				// A line repeated on many pages (an alias page's "see the
				// original command", 565 times in Finnish) falls in one half.
				tune := h.Sum32()%2 == 0
				if half == "tune" && !tune || half == "test" && tune {
					continue
				}
				out = append(out, line{lang, s})
			}
		}
	}
	slices.SortFunc(out, func(a, b line) int { return strings.Compare(a.lang+a.text, b.lang+b.text) })
	return out, nil
}

// pick returns the text of a page's line s that is measured, and whether
// it is one: with desc a description of two to fifteen words, else an
// example line of one to five, inline code removed from either.
func pick(s string, desc bool) (string, bool) {
	lo, hi := 1, 5
	if desc {
		// "> More information: <https://…>.", "> See also: …" and their
		// translations carry a link or only command names.
		if !strings.HasPrefix(s, "> ") || strings.Contains(s, "<http") {
			return "", false
		}
		s, lo, hi = s[2:], 2, 15
	} else {
		if !strings.HasPrefix(s, "- ") || !strings.HasSuffix(s, ":") {
			return "", false
		}
		s = s[2 : len(s)-1]
	}
	s = strings.TrimSpace(code.ReplaceAllString(s, " "))
	if n := len(strings.Fields(s)); n < lo || n > hi {
		return "", false
	}
	// "> See also: `gzip`, `bzip2`." and its translations are only a
	// label once the code is gone.
	if _, after, ok := strings.Cut(s, ":"); desc && ok && !strings.ContainsFunc(after, unicode.IsLetter) {
		return "", false
	}
	return s, true
}
