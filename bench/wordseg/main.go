// Command wordseg measures text.Words' word boundaries against a corpus
// segmented by hand: one sentence a line, its words parted by spaces.
// Each line's words are written together, without spaces, as the
// script writes them, cut by text.Words, and compared word by word with
// the line's: a word found is right when the corpus has a word of the same
// start and end (word F1); a boundary inside a line is right when the
// corpus has one there (boundary F1). Words of punctuation only, which
// text.Words does not yield, are left out of both.
//
//	go run ./wordseg -gold /tmp/my.txt -half tune
//
// The halves are the lines in turn: tune the even ones (0, 2, …), test
// the odd. -before reads each run of letters, marks and digits as one
// word, as text.Words did for Lao, Khmer and Myanmar before their word
// lists.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
	"unicode"

	"corpusbot/text"
)

func main() {
	gold := flag.String("gold", "", "segmented corpus: a sentence a line, words parted by spaces")
	half := flag.String("half", "tune", "tune (even lines), test (odd lines) or all")
	before := flag.Bool("before", false, "a run of letters, marks and digits is one word (text.Words before the word lists)")
	misses := flag.Int("misses", 0, "print this many lines whose cut differs")
	flag.Parse()
	f, err := os.Open(*gold)
	if err != nil {
		log.Fatalf("wordseg: %v", err)
	}
	defer f.Close()
	var c counts
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	shown := 0
	for n := 0; sc.Scan(); n++ {
		if *half == "tune" && n%2 == 1 || *half == "test" && n%2 == 0 {
			continue
		}
		words := strings.Fields(sc.Text())
		if len(words) == 0 {
			continue
		}
		joined := strings.Join(words, "")
		want := map[text.Span]bool{}
		wantB := map[int]bool{}
		at := 0
		for _, w := range words {
			if strings.IndexFunc(w, wordRune) >= 0 {
				want[text.Span{Start: at, End: at + len(w)}] = true
			}
			at += len(w)
			wantB[at] = true
		}
		var got []text.Span
		if *before {
			got = runs(joined)
		} else {
			for sp := range text.Words(joined) {
				got = append(got, sp)
			}
		}
		ok := 0
		for _, sp := range got {
			if want[sp] {
				ok++
			}
		}
		c.words.add(ok, len(got), len(want))
		// Boundaries inside the line: the end of every word but at the
		// line's end, of the found and of the corpus's.
		gotB := map[int]bool{}
		for _, sp := range got {
			if sp.End < len(joined) {
				gotB[sp.End] = true
			}
		}
		delete(wantB, len(joined))
		okB := 0
		for b := range gotB {
			if wantB[b] {
				okB++
			}
		}
		c.bounds.add(okB, len(gotB), len(wantB))
		c.lines++
		if ok < len(want) && shown < *misses {
			shown++
			var gs []string
			for _, sp := range got {
				gs = append(gs, joined[sp.Start:sp.End])
			}
			fmt.Printf("want %s\ngot  %s\n", strings.Join(words, " "), strings.Join(gs, " "))
		}
	}
	if err := sc.Err(); err != nil {
		log.Fatalf("wordseg: %v", err)
	}
	fmt.Printf("%d lines; words P %.4f R %.4f F1 %.4f (%d found, %d in the corpus); boundaries P %.4f R %.4f F1 %.4f\n",
		c.lines, c.words.p(), c.words.r(), c.words.f1(), c.words.got, c.words.want, c.bounds.p(), c.bounds.r(), c.bounds.f1())
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// runs is text.Words before the word lists, for these scripts: each run
// of letters, marks and digits one word.
func runs(s string) []text.Span {
	var out []text.Span
	start := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, text.Span{Start: start, End: i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, text.Span{Start: start, End: len(s)})
	}
	return out
}

type prf struct{ ok, got, want int }

func (x *prf) add(ok, got, want int) { x.ok += ok; x.got += got; x.want += want }
func (x prf) p() float64             { return ratio(x.ok, x.got) }
func (x prf) r() float64             { return ratio(x.ok, x.want) }
func (x prf) f1() float64 {
	if p, r := x.p(), x.r(); p+r > 0 {
		return 2 * p * r / (p + r)
	}
	return 0
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

type counts struct {
	lines         int
	words, bounds prf
}
