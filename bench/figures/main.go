// Command figures measures how citation checking compares figures across
// languages (text.MissingFigure), on XQuAD (github.com/google-deepmind/xquad,
// CC BY-SA 4.0): the same 1,190 questions and paragraphs in 11 languages,
// translated by professionals. Each pair is a claim in one language and the
// sentence holding the answer in another: English gold answers with a digit
// against every other language's answer sentence, and every language's
// answers against the English sentence. True pairs must not be flagged; the
// same claims with their first number changed (its leading digit, or ten
// times it) must be. Questions split into a tuning and a test half by a hash
// of their ID.
//
//	go run ./figures -dir /tmp/qa -half tune
//
// -rule picks the rule: "values" (text.MissingFigure), "years" (before:
// only a year neither side holds) or "strings" (every figure in digits
// compared as written, as for claims in the passage's own language).
//
//	go run ./figures -dir /tmp/qa -claims ordinals -half tune
//
// measures ordinals and centuries instead, which translators write in
// words or roman numerals: each English ordinal in digits ("19th
// century") against the whole paragraph in every other language.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"corpusbot/bench/xquad"
	"corpusbot/text"
)

var langs = []string{"ar", "de", "el", "es", "hi", "ro", "ru", "th", "tr", "vi", "zh"}

func main() {
	dir := flag.String("dir", "/tmp/qa", "folder with xquad.LANG.json")
	half := flag.String("half", "tune", "tune, test or all")
	rule := flag.String("rule", "values", "values, years or strings")
	show := flag.String("show", "", "print the failures of this language (\"all\": every one)")
	claims := flag.String("claims", "answers", "answers, or ordinals: each English ordinal in digits (\"19th century\") against the whole paragraph in each other language")
	flag.Parse()
	if *claims == "ordinals" {
		if err := ordinals(*dir, *half, *show); err != nil {
			fmt.Fprintln(os.Stderr, "figures:", err)
			os.Exit(1)
		}
		return
	}
	sets := map[string]map[string]xquad.QA{}
	for _, l := range append([]string{"en"}, langs...) {
		m, err := xquad.Load(filepath.Join(*dir, "xquad."+l+".json"))
		if err != nil {
			fmt.Fprintln(os.Stderr, "figures:", err)
			os.Exit(1)
		}
		sets[l] = m
	}
	missing := map[string]func(claim, evidence string) (string, bool){
		"values": func(c, e string) (string, bool) {
			f, ok := text.MissingFigure(c, []string{e}, false)
			return f.Text, ok
		},
		"years":   func(c, e string) (string, bool) { return missingDigits(c, e, true) },
		"strings": func(c, e string) (string, bool) { return missingDigits(c, e, false) },
	}[*rule]
	if missing == nil {
		fmt.Fprintln(os.Stderr, "figures: -rule: want values, years or strings")
		os.Exit(2)
	}
	ids := make([]string, 0, len(sets["en"]))
	for id := range sets["en"] {
		if *half == "all" || xquad.HalfOf(id) == *half {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	fmt.Printf("%-8s %6s %8s %7s %8s %7s %8s\n", "pair", "true", "flagged", "lead", "missed", "x10", "missed")
	var tot [6]int
	for _, l := range langs {
		for _, dirn := range []struct{ name, from, to string }{{"en→" + l, "en", l}, {l + "→en", l, "en"}} {
			var c [6]int
			for _, id := range ids {
				claim, ok1 := sets[dirn.from][id]
				target, ok2 := sets[dirn.to][id]
				if !ok1 || !ok2 || !hasDigit(claim.Answer) || cutNumber(claim) {
					continue
				}
				ev := answerSentence(target)
				c[0]++
				if f, bad := missing(claim.Answer, ev); bad {
					c[1]++
					if *show == l || *show == "all" {
						fmt.Printf("  FLAGGED %s %q (%q) in %q\n", dirn.name, claim.Answer, f, ev)
					}
				}
				for k, pert := range []func(string) string{xquad.Lead, times10} {
					p := pert(claim.Answer)
					if p == claim.Answer {
						continue
					}
					c[2+2*k]++
					if _, bad := missing(p, ev); !bad {
						c[3+2*k]++
						if *show == l || *show == "all" {
							fmt.Printf("  MISSED %s %q in %q\n", dirn.name, p, ev)
						}
					}
				}
			}
			fmt.Printf("%-8s %6d %8d %7d %8d %7d %8d\n", dirn.name, c[0], c[1], c[2], c[3], c[4], c[5])
			for k := range c {
				tot[k] += c[k]
			}
		}
	}
	fmt.Printf("%-8s %6d %8d %7d %8d %7d %8d\n", "all", tot[0], tot[1], tot[2], tot[3], tot[4], tot[5])
	fmt.Printf("true pairs flagged %.1f%%; changed figures missed: leading digit %.1f%%, x10 %.1f%%\n",
		xquad.Pct(tot[1], tot[0]), xquad.Pct(tot[3], tot[2]), xquad.Pct(tot[5], tot[4]))
}

// answerSentence is the sentence (or sentences) of the paragraph the answer
// lies in: what a claim's verbatim quote would point to.
func answerSentence(q xquad.QA) string {
	rs := []rune(q.Context)
	if q.Start < 0 || q.Start > len(rs) {
		return q.Context
	}
	a := len(string(rs[:q.Start]))
	b := a + len(q.Answer)
	var out []string
	for _, sp := range text.Sentences(q.Context) {
		if sp.End > a && sp.Start < b {
			out = append(out, q.Context[sp.Start:sp.End])
		}
	}
	if len(out) == 0 {
		return q.Context
	}
	return strings.Join(out, " ")
}

// cutNumber reports an answer that ends inside a number of its paragraph
// ("(2,70" of "(2,700,000"): a defect of the data, not a claim.
func cutNumber(q xquad.QA) bool {
	rs := []rune(q.Context)
	end := q.Start + len([]rune(q.Answer))
	if q.Start < 0 || end >= len(rs) {
		return false
	}
	last := []rune(q.Answer)
	return len(last) > 0 && unicode.IsDigit(last[len(last)-1]) && (unicode.IsDigit(rs[end]) ||
		end+1 < len(rs) && (rs[end] == ',' || rs[end] == '.') && unicode.IsDigit(rs[end+1]))
}

func hasDigit(s string) bool { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }

// times10 writes a 0 after the first run of digits: ten times it.
func times10(s string) string {
	a, b := xquad.FirstDigits(s)
	if a < 0 || b == a+1 && xquad.DigitValue([]rune(s[a:])[0]) == 0 {
		return s // "0.3": a 0 after it changes nothing
	}
	r := []rune(s[a:])[0]
	zero := r - rune(xquad.DigitValue(r))
	return s[:b] + string(zero) + s[b:]
}

// missingDigits is the rule before values: figures in digits as strings,
// thousands separators dropped; yearsOnly compares years (19xx, 20xx) only.
func missingDigits(claim, evidence string, yearsOnly bool) (string, bool) {
	ev := map[string]bool{}
	for _, f := range digitFigures(text.Fold(evidence)) {
		ev[f] = true
	}
	for _, f := range digitFigures(text.Fold(claim)) {
		year := len(f) == 4 && (strings.HasPrefix(f, "19") || strings.HasPrefix(f, "20"))
		if yearsOnly && !year {
			continue
		}
		if !ev[f] {
			return f, true
		}
	}
	return "", false
}

func digitFigures(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsDigit(r) && r != '.' && r != ',' }) {
		n := strings.Trim(strings.ReplaceAll(w, ",", ""), ".")
		if strings.IndexFunc(n, unicode.IsDigit) >= 0 {
			out = append(out, n)
		}
	}
	return out
}

// ordinalRe is an English ordinal in digits and, when it counts centuries,
// its century word: the claim of -claims ordinals.
var ordinalRe = regexp.MustCompile(`\b\d+(st|nd|rd|th)\b( (century|centuries|millennium))?`)

// ordinals measures ordinals and centuries, which translators write in
// words or roman numerals ("XIXe siècle", "siglo XIX", "δέκατος ένατος"):
// each English ordinal in digits of a paragraph is a claim, the whole
// paragraph in another language its evidence; the claim with its leading
// digit changed should be flagged. Paragraphs split into halves by a hash
// of their first question's ID.
func ordinals(dir, half, show string) error {
	paras := map[string][]string{}
	var ids []string
	for _, l := range append([]string{"en"}, langs...) {
		ps, first, err := loadParagraphs(filepath.Join(dir, "xquad."+l+".json"))
		if err != nil {
			return err
		}
		paras[l] = ps
		if ids == nil {
			ids = first
		}
	}
	fmt.Printf("%-8s %6s %8s %7s %8s\n", "pair", "true", "flagged", "lead", "missed")
	var tot [4]int
	for _, l := range langs {
		var c [4]int
		for i, en := range paras["en"] {
			if i >= len(paras[l]) || half != "all" && xquad.HalfOf(ids[i]) != half {
				continue
			}
			for _, claim := range ordinalRe.FindAllString(en, -1) {
				c[0]++
				if f, bad := text.MissingFigure(claim, []string{paras[l][i]}, false); bad {
					c[1]++
					if show == l || show == "all" {
						fmt.Printf("  FLAGGED en→%s %q (%q)\n", l, claim, f.Text)
					}
				}
				p := xquad.Lead(claim)
				c[2]++
				if _, bad := text.MissingFigure(p, []string{paras[l][i]}, false); !bad {
					c[3]++
					if show == l || show == "all" {
						fmt.Printf("  MISSED en→%s %q\n", l, p)
					}
				}
			}
		}
		fmt.Printf("%-8s %6d %8d %7d %8d\n", "en→"+l, c[0], c[1], c[2], c[3])
		for k := range c {
			tot[k] += c[k]
		}
	}
	fmt.Printf("%-8s %6d %8d %7d %8d\n", "all", tot[0], tot[1], tot[2], tot[3])
	fmt.Printf("true pairs flagged %.1f%%; leading digit changed, missed %.1f%%\n", xquad.Pct(tot[1], tot[0]), xquad.Pct(tot[3], tot[2]))
	return nil
}

// loadParagraphs returns the paragraphs of an XQuAD file in order (the
// same in every language) and the ID of each one's first question.
func loadParagraphs(path string) (paras, ids []string, err error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	var d struct {
		Data []struct {
			Paragraphs []struct {
				Context string
				QAs     []struct{ ID string } `json:"qas"`
			}
		}
	}
	if err := json.Unmarshal(b, &d); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	for _, a := range d.Data {
		for _, p := range a.Paragraphs {
			paras = append(paras, p.Context)
			id := ""
			if len(p.QAs) > 0 {
				id = p.QAs[0].ID
			}
			ids = append(ids, id)
		}
	}
	return paras, ids, nil
}
