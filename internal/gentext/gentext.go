// Package gentext makes plain-text documents for benchmarks out of real
// scientific English: sentences of BEIR SciFact's abstracts drawn at
// random, so that the words, their frequencies and the stopwords are those
// of real text while the corpus can be as large as a benchmark needs.
package gentext

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Source is what documents are drawn from.
type Source struct {
	Sentences []string // each ends with "."
	Titles    []string
}

// ReadSciFact reads SciFact's abstracts from dir (its docs folder: one file
// an abstract, line 1 the title), split into sentences at ". ".
func ReadSciFact(dir string) (*Source, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read SciFact: %w", err)
	}
	src := &Source{}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read SciFact: %w", err)
		}
		title, body, _ := strings.Cut(string(b), "\n")
		src.Titles = append(src.Titles, strings.TrimSpace(title))
		for s := range strings.SplitSeq(strings.Join(strings.Fields(body), " "), ". ") {
			if s = strings.TrimSpace(s); len(s) > 20 {
				src.Sentences = append(src.Sentences, strings.TrimSuffix(s, ".")+".")
			}
		}
	}
	if len(src.Sentences) == 0 {
		return nil, fmt.Errorf("read SciFact: no sentences in %s", dir)
	}
	return src, nil
}

// Document appends to sb document number n: a title line ending in "(n)",
// then paragraphs of 100–180 words, each after a blank line, drawn with r.
// The same r and n give the same document.
func (src *Source) Document(sb *strings.Builder, r *rand.Rand, n, paragraphs int) {
	fmt.Fprintf(sb, "%s (%d)\n", src.Titles[r.IntN(len(src.Titles))], n)
	for range paragraphs {
		sb.WriteByte('\n')
		words, target := 0, 100+r.IntN(81)
		for words < target {
			s := src.Sentences[r.IntN(len(src.Sentences))]
			if words > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(s)
			words += strings.Count(s, " ") + 1
		}
		sb.WriteByte('\n')
	}
}
