package answer

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"corpusbot/internal/cputime"
)

// dictVocab reads the words of text's gzipped word list for lang (lo, km,
// my), ranked at random.
func dictVocab(tb testing.TB, lang string, r *rand.Rand) []string {
	tb.Helper()
	f, err := os.Open("../text/" + lang + "_words.txt.gz")
	if err != nil {
		tb.Fatalf("the %s word list (text/%s_words.txt.gz): %v", lang, lang, err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatalf("text/%s_words.txt.gz: %v", lang, err)
	}
	var words []string
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		if w := sc.Text(); w != "" && !strings.HasPrefix(w, "#") {
			words = append(words, w)
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("text/%s_words.txt.gz: %v", lang, err)
	}
	r.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	return words
}

// dictPages are n made-up pages in lang (lo, km, my) of 8 paragraphs of
// 50 to 150 words drawn by Zipf's law from text's word list, run together,
// a space every 5 to 12 words, as thaiPages are for Thai; and four
// made-up questions of words of several ranks.
func dictPages(tb testing.TB, lang string, n int, seed uint64) (fstest.MapFS, []string) {
	r := rand.New(rand.NewPCG(seed, 1))
	vocab := dictVocab(tb, lang, r)
	z := rand.NewZipf(r, 1.07, 1, uint64(len(vocab)-1))
	fsys := fstest.MapFS{}
	var sb strings.Builder
	for f := range n {
		sb.Reset()
		sb.WriteString("# " + vocab[z.Uint64()] + vocab[z.Uint64()] + "\n")
		for range 8 {
			sb.WriteString("\n")
			for k, gap := 0, 5+r.IntN(8); k < 50+r.IntN(101); k++ {
				if k == gap {
					sb.WriteByte(' ')
					gap += 5 + r.IntN(8)
				}
				sb.WriteString(vocab[z.Uint64()])
			}
			sb.WriteString("\n")
		}
		fsys[fmt.Sprintf("%s%04d.md", lang, f)] = &fstest.MapFile{Data: []byte(sb.String())}
	}
	qs := []string{
		vocab[3] + vocab[40] + vocab[900] + "?",
		vocab[12] + vocab[300] + vocab[7000] + vocab[20] + "?",
		vocab[150] + vocab[2500] + "?",
		vocab[5] + vocab[60] + vocab[600] + vocab[15000] + "?",
	}
	return fsys, qs
}

// BenchmarkFocusDict finds the focus of made-up Lao, Khmer and Burmese
// questions over 1,000 made-up pages each (BenchmarkFocusThai's form): a
// question's cost of weighing its words by the passages that write them
// (thaiIDF), which the index counts for Thai words only.
func BenchmarkFocusDict(b *testing.B) {
	for _, lang := range []string{"lo", "km", "my"} {
		b.Run(lang, func(b *testing.B) {
			fsys, qs := dictPages(b, lang, 1000, 5)
			c := loadFS(b, fsys)
			size, passages := 0, 0
			for _, d := range c.Docs {
				for _, p := range d.Passages {
					size += len(p.Text)
					passages++
				}
			}
			p, err := New(Config{}, c, nil)
			if err != nil {
				b.Fatal(err)
			}
			st := p.state.Load()
			for _, q := range qs { // the passages are gathered once, before
				st.focusOf(st.withoutFraming(q))
			}
			start := cputime.Now()
			i := 0
			for b.Loop() {
				st.focusOf(st.withoutFraming(qs[i%len(qs)]))
				i++
			}
			b.ReportMetric(float64((cputime.Now()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
			b.ReportMetric(float64(size)/1e6, "MB")
			b.ReportMetric(float64(passages), "passages")
		})
	}
}
