// Package xquad reads XQuAD (github.com/google-deepmind/xquad, CC BY-SA
// 4.0; xquad.LANG.json) as ./figures and ./crossnum compare its
// translations: each question's paragraph and first answer, a tuning and a
// test half by a hash of the question's ID, and the first figure of a text
// changed. Which sentence a claim quotes is each tool's own.
package xquad

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"
)

// QA is a question's paragraph and its first answer.
type QA struct {
	Context, Answer string
	Start           int // in runes
}

// Load reads one language's file: its questions with an answer, by ID.
func Load(path string) (map[string]QA, error) {
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
	out := map[string]QA{}
	for _, a := range d.Data {
		for _, p := range a.Paragraphs {
			for _, q := range p.QAs {
				if len(q.Answers) > 0 {
					out[q.ID] = QA{Context: p.Context, Answer: q.Answers[0].Text, Start: q.Answers[0].AnswerStart}
				}
			}
		}
	}
	return out, nil
}

// HalfOf is the half a question's ID puts it in: "tune" or "test".
func HalfOf(id string) string {
	h := fnv.New32a()
	h.Write([]byte(id))
	if h.Sum32()%2 == 0 {
		return "tune"
	}
	return "test"
}

// FirstDigits is the byte span of the first run of digits of s not glued
// to a letter ("PDP-11", "Internet2" are names); -1, -1 when none.
func FirstDigits(s string) (int, int) {
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

// Lead changes the first number's leading digit (1→2, …, 9→1): a figure a
// reader would call wrong, not rounded.
func Lead(s string) string {
	a, _ := FirstDigits(s)
	if a < 0 {
		return s
	}
	r := []rune(s[a:])[0]
	d := DigitValue(r)
	nd := d%9 + 1
	return s[:a] + string(r-rune(d)+rune(nd)) + s[a+len(string(r)):]
}

// DigitValue is the value of a decimal digit of the scripts XQuAD writes
// (ASCII, Arabic-Indic, Persian, Devanagari, Thai, fullwidth); 0 for
// another rune.
func DigitValue(r rune) int {
	for _, z := range []rune{'0', '٠', '۰', '०', '๐', '０'} {
		if r >= z && r <= z+9 {
			return int(r - z)
		}
	}
	return 0
}

// Pct is a as a percentage of b, 0 when b is.
func Pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}
