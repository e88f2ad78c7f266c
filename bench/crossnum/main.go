// Command crossnum measures the citation check of a claim in one language
// quoting a passage in another (verify's weakAcross), on XQuAD
// (github.com/google-deepmind/xquad, CC BY-SA 4.0; xquad.LANG.json in -dir):
// the same paragraphs in 12 languages, translated by professionals. Each
// pair is the sentence holding a question's answer in one language, as a
// claim, quoting the same sentence in another as written ("claim [1]
// «quote»."): English against each of the 11 others and each of them
// against English. True pairs must not be marked; the same claims with a
// figure changed should be: the first figure in digits (its leading
// digit), and in English claims the first number word from two to twenty
// ("three" → "four"). Questions split into a tuning and a test half by a
// hash of their ID, as ./figures splits them.
//
//	go run ./crossnum -dir /tmp/qa -half tune [-show LANG|all]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"corpusbot/bench/xquad"
	"corpusbot/retrieval"
	"corpusbot/text"
	"corpusbot/verify"
)

var langs = []string{"ar", "de", "el", "es", "hi", "ro", "ru", "th", "tr", "vi", "zh"}

// passage is the one passage of a pair, the quoted sentence's paragraph.
type passage struct{ text, lang string }

func (p passage) Len() int        { return 1 }
func (p passage) Text(int) string { return p.text }
func (p passage) Lang(int) string { return p.lang }
func (p passage) Sentences(int) []string {
	var out []string
	for _, sp := range text.SentencesOfItems(p.text) {
		out = append(out, p.text[sp.Start:sp.End])
	}
	return out
}

func main() {
	dir := flag.String("dir", "/tmp/qa", "folder with xquad.LANG.json")
	half := flag.String("half", "tune", "tune, test or all")
	show := flag.String("show", "", "print the marks of this language's pairs (\"all\": every one)")
	flag.Parse()
	if err := run(*dir, *half, *show); err != nil {
		fmt.Fprintln(os.Stderr, "crossnum:", err)
		os.Exit(1)
	}
}

func run(dir, half, show string) error {
	sets := map[string]map[string]xquad.QA{}
	var items []retrieval.Item
	for _, l := range append([]string{"en"}, langs...) {
		m, err := xquad.Load(filepath.Join(dir, "xquad."+l+".json"))
		if err != nil {
			return err
		}
		sets[l] = m
		items = append(items, retrieval.Item{Doc: l, Text: "x", Lang: l})
	}
	// The analyzer tells searchable words; it does not depend on the items.
	an, err := retrieval.New(retrieval.Config{}, items)
	if err != nil {
		return err
	}
	ids := make([]string, 0, len(sets["en"]))
	for id := range sets["en"] {
		if half == "all" || xquad.HalfOf(id) == half {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	fmt.Printf("%-6s %6s %7s %7s %6s %7s %6s %7s\n", "pair", "true", "marked", "number", "digit", "missed", "word", "missed")
	var tot [7]int
	for _, l := range langs {
		for _, d := range []struct{ from, to string }{{"en", l}, {l, "en"}} {
			name := d.from + "→" + d.to
			var c [7]int
			seen := map[string]bool{}
			for _, id := range ids {
				from, ok1 := sets[d.from][id]
				to, ok2 := sets[d.to][id]
				if !ok1 || !ok2 {
					continue
				}
				claim, quote := answerSentence(from), answerSentence(to)
				if claim == "" || quote == "" || seen[claim] || len(text.Sentences(claim)) != 1 || len(text.Sentences(quote)) != 1 {
					continue
				}
				seen[claim] = true
				p := passage{to.Context, d.to}
				c[0]++
				if cl, ok := check(p, an, claim, quote); ok && cl.Support != verify.Verified {
					c[1]++
					if cl.Reason == verify.ReasonNumber {
						c[2]++
					}
					if show == l || show == "all" {
						fmt.Printf("  MARKED %s %s %q: %q «%s»\n", name, cl.Reason, cl.Detail, claim, quote)
					}
				}
				if pc := xquad.Lead(claim); pc != claim {
					c[3]++
					if cl, ok := check(p, an, pc, quote); ok && cl.Support == verify.Verified {
						c[4]++
						if show == l || show == "all" {
							fmt.Printf("  MISSED %s %q «%s»\n", name, pc, quote)
						}
					}
				}
				if pc := otherWord(claim); d.from == "en" && pc != claim {
					c[5]++
					if cl, ok := check(p, an, pc, quote); ok && cl.Support == verify.Verified {
						c[6]++
						if show == l || show == "all" {
							fmt.Printf("  MISSED %s %q «%s»\n", name, pc, quote)
						}
					}
				}
			}
			fmt.Printf("%-6s %6d %7d %7d %6d %7d %6d %7d\n", name, c[0], c[1], c[2], c[3], c[4], c[5], c[6])
			for k := range c {
				tot[k] += c[k]
			}
		}
	}
	fmt.Printf("%-6s %6d %7d %7d %6d %7d %6d %7d\n", "all", tot[0], tot[1], tot[2], tot[3], tot[4], tot[5], tot[6])
	fmt.Printf("true pairs marked %.2f%% (for a figure %.2f%%); changed figures missed: digit %.1f%%, English number word %.1f%%\n",
		xquad.Pct(tot[1], tot[0]), xquad.Pct(tot[2], tot[0]), xquad.Pct(tot[4], tot[3]), xquad.Pct(tot[6], tot[5]))
	return nil
}

// check renders "claim [1] «quote»." and returns its one claim.
func check(p passage, an verify.Analyzer, claim, quote string) (verify.Claim, bool) {
	claim = strings.TrimRightFunc(claim, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
	quote = strings.TrimSpace(quote)
	rd := verify.NewReader(p, an, "")
	r := rd.Render(claim+" [1] «"+quote+"».", false)
	if len(r.Claims) != 1 {
		return verify.Claim{}, false
	}
	return r.Claims[0], true
}

// answerSentence is the sentence of the paragraph the answer starts in,
// "" when the answer's offset is outside it.
func answerSentence(q xquad.QA) string {
	rs := []rune(q.Context)
	if q.Start < 0 || q.Start > len(rs) {
		return ""
	}
	a := len(string(rs[:q.Start]))
	for _, sp := range text.SentencesOfItems(q.Context) {
		if sp.End > a && sp.Start <= a {
			return q.Context[sp.Start:sp.End]
		}
	}
	return ""
}

var englishNumbers = []string{"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
	"thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"}

var englishNumberRe = regexp.MustCompile(`\b(?i:` + strings.Join(englishNumbers, "|") + `)\b`)

// otherWord writes the first English number word from two to twenty as
// the next one ("three" → "four", "twenty" → "two").
func otherWord(s string) string {
	loc := englishNumberRe.FindStringIndex(s)
	if loc == nil {
		return s
	}
	w := strings.ToLower(s[loc[0]:loc[1]])
	i := slices.Index(englishNumbers, w)
	return s[:loc[0]] + englishNumbers[(i+1)%len(englishNumbers)] + s[loc[1]:]
}
