package text

import (
	"slices"
	"testing"
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
	for _, s := range []string{"", "a b", "12.8, 5,600", "支付寶 Alipay", "l’ouverture", "x\u0301y", "٢٢٬٠٠٠"} {
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
