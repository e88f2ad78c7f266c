package answer

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"

	"corpusbot/internal/cputime"
	"corpusbot/text"
)

// thaiPages are n made-up Thai pages of 8 paragraphs of 50 to 150 words
// drawn by Zipf's law from text's word list (ranked at random), run
// together as Thai writes them, a space every 5 to 12 words: Thai prose of
// a corpus's form, not its sense.
func thaiPages(n int, seed uint64) fstest.MapFS {
	r := rand.New(rand.NewPCG(seed, 1))
	vocab := make([]string, text.ThaiWordIDs())
	for i, k := range r.Perm(len(vocab)) {
		vocab[i] = text.ThaiWordOf(k)
	}
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
		fsys[fmt.Sprintf("th%04d.md", f)] = &fstest.MapFile{Data: []byte(sb.String())}
	}
	return fsys
}

// BenchmarkFocusThai finds the focus of Thai questions (made up, their
// words weighed by the passages that write them: thaiIDF) over 1,000
// made-up Thai pages, about 9 MB: a question's cost of weighing its Thai
// words, which scanned every Thai passage once a word.
func BenchmarkFocusThai(b *testing.B) {
	c := loadFS(b, thaiPages(1000, 5))
	size := 0
	for _, d := range c.Docs {
		for _, p := range d.Passages {
			size += len(p.Text)
		}
	}
	p, err := New(Config{}, c, nil)
	if err != nil {
		b.Fatal(err)
	}
	st := p.state.Load()
	qs := []string{
		"ความแม่นยำของโมเดลจำแนกข้อความเท่าไร",
		"ตัวตัดคำรองรับภาษาลาวหรือไม่",
		"การฝึกโมเดลใช้เวลากี่ชั่วโมง",
		"ใครเป็นผู้ก่อตั้งบริษัทนี้และก่อตั้งเมื่อไร",
	}
	for _, q := range qs { // the passages holding Thai are gathered once, before
		st.focusOf(st.withoutFraming(q))
	}
	start := cputime.Now()
	i := 0
	for b.Loop() {
		st.focusOf(st.withoutFraming(qs[i%len(qs)]))
		i++
	}
	b.ReportMetric(float64((cputime.Now()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(size)/1e6, "MB") // after the loop, whose reset drops metrics
}
