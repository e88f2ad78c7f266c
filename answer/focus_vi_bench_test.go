package answer

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"

	"corpusbot/internal/cputime"
)

// vietVocab are Vietnamese words of one to three syllables, of the kind
// technical pages write, that vietPages draws from.
var vietVocab = strings.Split("của|và|là|có|được|trong|cho|những|các|với|một|không|bạn|này|đã|khi|để|"+
	"component|React|state|render|giá trị|phát triển|phát hành|hành vi|ứng dụng|trình duyệt|công cụ|"+
	"cài đặt|tiện ích|dự án|thư viện|phiên bản|kích thước|hàm|thẻ|trang|lệnh|tệp|mã nguồn|"+
	"giao diện người dùng|định dạng|kiểm tra|sử dụng|thay đổi|cập nhật|hiển thị|tạo|dữ liệu|"+
	"lỗi|biến|đối tượng|mảng|chuỗi|sự kiện|nút|cây|trạng thái|thời gian|tính năng|cấu hình", "|")

// vietPages are n made-up Vietnamese pages of 8 paragraphs of 50 to 150
// words drawn by Zipf's law from vietVocab (ranked at random): Vietnamese
// prose of a corpus's form, not its sense.
func vietPages(n int, seed uint64) fstest.MapFS {
	r := rand.New(rand.NewPCG(seed, 1))
	vocab := make([]string, len(vietVocab))
	for i, k := range r.Perm(len(vocab)) {
		vocab[i] = vietVocab[k]
	}
	z := rand.NewZipf(r, 1.07, 1, uint64(len(vocab)-1))
	fsys := fstest.MapFS{}
	var sb strings.Builder
	for f := range n {
		sb.Reset()
		sb.WriteString("# " + vocab[z.Uint64()] + " " + vocab[z.Uint64()] + "\n")
		for range 8 {
			sb.WriteString("\n")
			for k, end := 0, 50+r.IntN(101); k < end; k++ {
				if k > 0 {
					sb.WriteByte(' ')
				}
				sb.WriteString(vocab[z.Uint64()])
				if r.IntN(12) == 0 {
					sb.WriteByte('.')
				}
			}
			sb.WriteString(".\n")
		}
		fsys[fmt.Sprintf("vi/p%04d.md", f)] = &fstest.MapFile{Data: []byte(sb.String())}
	}
	return fsys
}

// BenchmarkFocusVietnamese finds the focus of Vietnamese questions over
// 1,000 made-up Vietnamese pages (6.4 MB), and how much of it each of 200
// of their sentences holds: a question's cost of its words of syllables,
// weighed by the passages that write them (vietIDF, whose counts the
// questions asked before the loop keep: a word's first scan is measured
// by the first of them, not here) and held by reading each sentence's
// words (text.VietHolds).
func BenchmarkFocusVietnamese(b *testing.B) {
	fsys := vietPages(1000, 5)
	c := loadFS(b, fsys)
	size := 0
	var sentences []string
	for _, d := range c.Docs {
		for _, p := range d.Passages {
			size += len(p.Text)
			for s := range strings.SplitSeq(p.Text, ". ") {
				if len(sentences) < 200 {
					sentences = append(sentences, s)
				}
			}
		}
	}
	p, err := New(Config{}, c, nil)
	if err != nil {
		b.Fatal(err)
	}
	st := p.state.Load()
	qs := []string{
		"Phiên bản đầu tiên của thư viện được phát hành khi nào?",
		"Làm sao cài đặt tiện ích cho trình duyệt?",
		"Kích thước của giá trị state là bao nhiêu?",
		"Công cụ phát triển hiển thị hành vi của component thế nào?",
	}
	terms := make([][]string, len(sentences))
	for i, s := range sentences {
		terms[i] = st.index.Analyze(s)
	}
	first := cputime.Now()
	for _, q := range qs { // the passages holding Vietnamese are gathered once, before, and the words' counts kept
		st.focusOf(st.withoutFraming(q))
	}
	firstNs := float64((cputime.Now() - first).Nanoseconds()) / float64(len(qs))
	start := cputime.Now()
	i := 0
	for b.Loop() {
		f := st.focusOf(st.withoutFraming(qs[i%len(qs)]))
		for k, s := range sentences {
			f.coverage(terms[k], around{text: s})
		}
		i++
	}
	b.ReportMetric(float64((cputime.Now()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(size)/1e6, "MB") // after the loop, whose reset drops metrics
	b.ReportMetric(firstNs, "first-cpu-ns/q")
}
