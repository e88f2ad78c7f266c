package text

import (
	"slices"
	"strings"
	"testing"

	"corpusbot/internal/cputime"
)

func TestCountWords(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"", 0},
		{"  \n ", 0},
		{"one two  three", 3},
		{"US$37 billion, 12.8 percent, 5,600 ounces", 7}, // US, 37
		{"China’s l'industrie don't", 3},
		{"פיצ׳רים פיצ'רים צה״ל", 4}, // Hebrew's geresh is an apostrophe (FoldRune); gershayim a quotation mark
		{"e-commerce — state-owned", 4},
		{"支付寶 Alipay", 4},
		{"中国の規制", 5},
		{"チャートをロールバック", 11}, // ー is a kana of its word
		{"알리페이에 변화를", 2},
		{"مع أكثر من مليار مستخدم", 5},
		{"٢٢٬٠٠٠ شخص", 2},
		{"end. Next", 2},
		{"1.2.3 a,b", 3},
		// XQuAD zh: a Chinese sentence is as long as its characters.
		{"华沙自古以来就是一个多元文化的城市。", 17},
		// Thai, unspaced, counts its words (ความแม่นยำ ของ โมเดล เท่าไร),
		// not its runs between spaces; ฯ and ๆ count none.
		{"ความแม่นยำของโมเดลเท่าไร", 4},
		{"ตัวตัดคำเริ่มต้นคืออะไร", 6},
		{"newmm ลบช่องว่าง", 3},
		{"กรุงเทพฯ เป็นเมืองหลวง", 3},
		{"ต่างๆ นานา", 2},
		{"ไทย๑๒ abcไทย", 4}, // Thai digits are a number; Latin before Thai another word
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := CountWords(tt.text); got != tt.want {
				t.Errorf("CountWords(%q) = %d, want %d", tt.text, got, tt.want)
			}
		})
	}
}

func TestWords(t *testing.T) {
	s := "Alipay’s 12.8% of 支付宝, l'ouverture"
	var got []string
	for sp := range Words(s) {
		got = append(got, s[sp.Start:sp.End])
	}
	want := []string{"Alipay’s", "12.8", "of", "支", "付", "宝", "l'ouverture"}
	if !slices.Equal(got, want) {
		t.Errorf("Words(%q) = %q, want %q", s, got, want)
	}
	// Thai by the word list, ๆ left out; a name the list lacks
	// (ฌฎ, made up) is one word.
	s = "ตัวตัดคำเริ่มต้นคือฌฎ ต่างๆ"
	got = got[:0]
	for sp := range Words(s) {
		got = append(got, s[sp.Start:sp.End])
	}
	want = []string{"ตัว", "ตัด", "คำ", "เริ่มต้น", "คือ", "ฌฎ", "ต่าง"}
	if !slices.Equal(got, want) {
		t.Errorf("Words(%q) = %q, want %q", s, got, want)
	}
	// A zero-width non-joiner inside a Persian word keeps it one word
	// (round eight: "دسته‌بندی" was two, which the index did not hold); one
	// beside a space does not join.
	s = "دسته\u200cبندی چیست؟ \u200cمی"
	got = got[:0]
	for sp := range Words(s) {
		got = append(got, s[sp.Start:sp.End])
	}
	want = []string{"دسته\u200cبندی", "چیست", "می"}
	if !slices.Equal(got, want) {
		t.Errorf("Words(%q) = %q, want %q", s, got, want)
	}
	if n := CountWords(s); n != 3 {
		t.Errorf("CountWords(%q) = %d, want 3", s, n)
	}
	n := 0
	for range Words(s) {
		if n++; n == 2 {
			break // the iterator must stop when asked
		}
	}
}

// FuzzCountWords holds CountWords to the words Words finds, since the
// two share their rules but not their loop.
func FuzzCountWords(f *testing.F) {
	for _, s := range []string{"", "a b", "12.8, 5,600", "支付寶 Alipay", "l’ouverture", "x\u0301y", "٢٢٬٠٠٠", "x'ไทย", "กรุงเทพฯ ๆ", "ไ่"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := 0
		for range Words(s) {
			n++
		}
		if got := CountWords(s); got != n {
			t.Errorf("CountWords(%q) = %d, want %d", s, got, n)
		}
	})
}

// FuzzThaiWords holds thaiWords to cutting a run into words end to end,
// never inside a letter's marks, whatever the letters.
func FuzzThaiWords(f *testing.F) {
	for _, s := range []string{"ตัวตัดคำเริ่มต้น", "ไ่", "่ก", "เแโใไ", "ก\u0e31\u0e48", "ฌฎฏคือ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		run := s[:thaiRunEnd(s, 0)]
		rs := []rune(run)
		at, k := 0, 0 // byte and rune where the next word must start
		for _, sp := range thaiWords(run, 0) {
			if sp.Start != at || sp.End <= sp.Start {
				t.Fatalf("thaiWords(%q): word %d:%d after %d", run, sp.Start, sp.End, at)
			}
			k += len([]rune(run[sp.Start:sp.End]))
			if k < len(rs) && !breaksBefore(dictThai, rs, k) {
				t.Fatalf("thaiWords(%q): a word ends before %q", run, rs[k])
			}
			at = sp.End
		}
		if at != len(run) {
			t.Fatalf("thaiWords(%q) ends at %d of %d", run, at, len(run))
		}
	})
}

// BenchmarkCountWordsThai counts the words of Thai prose (a paragraph made
// up in the form of Thai Wikipedia's: clauses parted by spaces, words run
// together), the cost the word list adds to every Thai paragraph loaded.
func BenchmarkCountWordsThai(b *testing.B) {
	s := strings.Repeat("ภาษาไทยเป็นภาษาที่ไม่มีการเว้นวรรคระหว่างคำ แต่เว้นวรรคระหว่างประโยคหรือวลี "+
		"ตัวตัดคำจึงต้องใช้พจนานุกรมเพื่อหาขอบเขตของคำ ซอฟต์แวร์โอเพนซอร์สหลายตัวพัฒนาโดยนักวิจัยในประเทศไทย ", 20)
	b.SetBytes(int64(len(s)))
	start := cputime.Now()
	for b.Loop() {
		CountWords(s)
	}
	b.ReportMetric(float64((cputime.Now()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
}
