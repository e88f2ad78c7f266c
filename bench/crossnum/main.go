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
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"corpusbot/retrieval"
	"corpusbot/text"
	"corpusbot/verify"
)

var langs = []string{"ar", "de", "el", "es", "hi", "ro", "ru", "th", "tr", "vi", "zh"}

type qa struct {
	context, answer string
	start           int // in runes
}

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
	sets := map[string]map[string]qa{}
	var items []retrieval.Item
	for _, l := range append([]string{"en"}, langs...) {
		m, err := load(filepath.Join(dir, "xquad."+l+".json"))
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
		if half == "all" || halfOf(id) == half {
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
				p := passage{to.context, d.to}
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
				if pc := lead(claim); pc != claim {
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
		pct(tot[1], tot[0]), pct(tot[2], tot[0]), pct(tot[4], tot[3]), pct(tot[6], tot[5]))
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

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func halfOf(id string) string {
	h := fnv.New32a()
	h.Write([]byte(id))
	if h.Sum32()%2 == 0 {
		return "tune"
	}
	return "test"
}

func load(path string) (map[string]qa, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var d struct {
		Data []struct {
			Paragraphs []struct {
				Context string
				QAs     []struct {
					ID      string
					Answers []struct {
						Text        string
						AnswerStart int `json:"answer_start"`
					}
				} `json:"qas"`
			}
		}
	}
	if err := json.Unmarshal(b, &d); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := map[string]qa{}
	for _, a := range d.Data {
		for _, p := range a.Paragraphs {
			for _, q := range p.QAs {
				if len(q.Answers) > 0 {
					out[q.ID] = qa{context: p.Context, answer: q.Answers[0].Text, start: q.Answers[0].AnswerStart}
				}
			}
		}
	}
	return out, nil
}

// answerSentence is the sentence of the paragraph the answer starts in,
// "" when the answer's offset is outside it.
func answerSentence(q qa) string {
	rs := []rune(q.context)
	if q.start < 0 || q.start > len(rs) {
		return ""
	}
	a := len(string(rs[:q.start]))
	for _, sp := range text.SentencesOfItems(q.context) {
		if sp.End > a && sp.Start <= a {
			return q.context[sp.Start:sp.End]
		}
	}
	return ""
}

// firstDigits is the byte span of the first run of digits of s not glued
// to a letter ("PDP-11", "Internet2" are names).
func firstDigits(s string) (int, int) {
	for a := 0; a < len(s); {
		r, size := utf8.DecodeRuneInString(s[a:])
		if !unicode.IsDigit(r) {
			a += size
			continue
		}
		b := a
		for _, r := range s[a:] {
			if !unicode.IsDigit(r) {
				break
			}
			b += len(string(r))
		}
		before := strings.TrimSuffix(s[:a], "-")
		p, _ := utf8.DecodeLastRuneInString(before)
		if !unicode.In(p, unicode.Latin, unicode.Greek, unicode.Cyrillic) || !unicode.IsLetter(p) {
			return a, b
		}
		a = b
	}
	return -1, -1
}

// lead changes the first number's leading digit (1→2, …, 9→1).
func lead(s string) string {
	a, _ := firstDigits(s)
	if a < 0 {
		return s
	}
	r := []rune(s[a:])[0]
	d := digitValue(r)
	nd := d%9 + 1
	return s[:a] + string(r-rune(d)+rune(nd)) + s[a+len(string(r)):]
}

func digitValue(r rune) int {
	for _, z := range []rune{'0', '٠', '۰', '०', '๐', '０'} {
		if r >= z && r <= z+9 {
			return int(r - z)
		}
	}
	return 0
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
