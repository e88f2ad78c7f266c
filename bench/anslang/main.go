// Command anslang measures verify.OtherLanguage, the check that flags a
// model's answer written in another language than the reader's, on XQuAD
// (github.com/google-deepmind/xquad, CC BY-SA 4.0): the same 240
// paragraphs in twelve languages stand in for answers. Each paragraph's
// first sentence (a short answer) and its first three sentences (a long
// one) are checked against their own language, where a flag is false, and
// against each of the eleven others, where it is due.
//
//	go run ./anslang -dir /tmp/qa
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"corpusbot/text"
	"corpusbot/verify"
)

var langs = []string{"ar", "de", "el", "en", "es", "hi", "ro", "ru", "th", "tr", "vi", "zh"}

func main() {
	dir := flag.String("dir", "/tmp/qa", "folder with xquad.LANG.json")
	flag.Parse()
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "anslang:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	paras := map[string][]string{}
	for _, l := range langs {
		ps, err := load(filepath.Join(dir, "xquad."+l+".json"))
		if err != nil {
			return err
		}
		paras[l] = ps
	}
	fmt.Printf("%-4s %-6s %8s %8s %10s %10s\n", "lang", "length", "answers", "false", "due", "missed")
	var tot [2][4]int
	for _, l := range langs {
		for k, n := range []int{1, 3} {
			var c [4]int
			for _, p := range paras[l] {
				a := firstSentences(p, n)
				c[0]++
				if got := verify.OtherLanguage(a, l); got != "" {
					c[1]++
					if c[1] <= 2 {
						fmt.Fprintf(os.Stderr, "false flag %s→%s: %.120q\n", l, got, a)
					}
				}
				for _, o := range langs {
					if o == l {
						continue
					}
					c[2]++
					if verify.OtherLanguage(a, o) == "" {
						c[3]++
					}
				}
			}
			fmt.Printf("%-4s %-6d %8d %8d %10d %10d\n", l, n, c[0], c[1], c[2], c[3])
			for i := range c {
				tot[k][i] += c[i]
			}
		}
	}
	// An answer quoting another language's passage: its own first
	// sentence, then the other's in quotation marks.
	quoting, flagged := 0, 0
	for _, l := range langs {
		for _, o := range langs {
			if o == l {
				continue
			}
			for i, p := range paras[l] {
				quoting++
				a := firstSentences(p, 1) + " “" + firstSentences(paras[o][i], 1) + "”"
				if got := verify.OtherLanguage(a, l); got != "" {
					flagged++
					if flagged%40 == 1 {
						fmt.Fprintf(os.Stderr, "quoting %s, flagged %s: %.200q\n", l, got, a)
					}
				}
			}
		}
	}
	fmt.Printf("quoting another language: false flags %d/%d\n", flagged, quoting)
	for k, n := range []int{1, 3} {
		c := tot[k]
		fmt.Printf("all %d sentence(s): false flags %d/%d (%.1f%%), missed %d/%d (%.1f%%)\n", n,
			c[1], c[0], 100*float64(c[1])/float64(c[0]), c[3], c[2], 100*float64(c[3])/float64(c[2]))
	}
	return nil
}

func firstSentences(p string, n int) string {
	ss := text.Sentences(p)
	if len(ss) == 0 {
		return p
	}
	return p[:ss[min(n, len(ss))-1].End]
}

func load(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s (XQuAD's xquad.LANG.json files are needed): %w", path, err)
	}
	var d struct {
		Data []struct {
			Paragraphs []struct{ Context string }
		}
	}
	if err := json.Unmarshal(b, &d); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []string
	for _, a := range d.Data {
		for _, p := range a.Paragraphs {
			out = append(out, p.Context)
		}
	}
	return out, nil
}
