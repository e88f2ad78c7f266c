package text

import (
	"slices"
	"strings"
	"testing"
)

// thaiWordsInSet is the distinct words ThaiWordsIn finds in s, sorted.
func thaiWordsInSet(s string) []string {
	var got []string
	ThaiWordsIn(s, func(id int) { got = append(got, ThaiWordOf(id)) })
	slices.Sort(got)
	return slices.Compact(got)
}

// thaiWordsContained is what ThaiWordsIn must find: every word of the
// list the text contains, as strings.Contains finds it.
func thaiWordsContained(s string) []string {
	s = thaiFold(s)
	var want []string
	for w := range thWords() {
		if w = thaiFold(w); strings.Contains(s, w) {
			want = append(want, w)
		}
	}
	slices.Sort(want)
	return slices.Compact(want)
}

// ThaiWordsIn finds a word wherever the text writes it, not only where
// Words cuts it: ข้อความ holds ความ, and ตา is in ตาม; sara am is one
// letter, written either way.
func TestThaiWordsIn(t *testing.T) {
	tests := []struct {
		text      string
		has, lack []string
	}{
		{"ข้อความ", []string{"ข้อ", "ข้อความ", "ความ"}, []string{"ข้อมูล"}},
		{"ติดตามผล", []string{"ติด", "ตาม", "ผล"}, []string{"ติดตั้ง"}},
		{"abc ภาษาไทย 123 ไทย", []string{"ภาษา", "ภาษาไทย", "ไทย"}, []string{"abc"}},
		{"ทําไม", []string{"ทำไม", "ทำ"}, nil}, // nikhahit and sara aa
		{"ทำไม", []string{"ทำไม", "ทำ"}, nil},
		{"hello, world", nil, []string{"ไทย"}},
		{"नमस्ते दुनिया", nil, []string{"ไทย"}}, // 0xe0 bytes, not Thai
		{"", nil, nil},
	}
	for _, tt := range tests {
		got := thaiWordsInSet(tt.text)
		for _, w := range tt.has {
			if _, ok := ThaiWordID(w); !ok {
				t.Fatalf("%q: not in the word list; the test needs one that is", w)
			}
			if !slices.Contains(got, thaiFold(w)) {
				t.Errorf("ThaiWordsIn(%q) lacks %q: %q", tt.text, w, got)
			}
		}
		for _, w := range tt.lack {
			if slices.Contains(got, w) {
				t.Errorf("ThaiWordsIn(%q) has %q", tt.text, w)
			}
		}
		if want := thaiWordsContained(tt.text); !slices.Equal(got, want) {
			t.Errorf("ThaiWordsIn(%q) = %q, want %q", tt.text, got, want)
		}
	}
	if id, ok := ThaiWordID("ทําไม"); !ok || ThaiWordOf(id) != "ทำไม" {
		t.Errorf("ThaiWordID(ทําไม) = %d, %v: not ทำไม's", id, ok)
	}
	if _, ok := ThaiWordID("abc"); ok {
		t.Error("ThaiWordID(abc) is a word")
	}
}

// FuzzThaiWordsIn holds ThaiWordsIn to strings.Contains: the words it
// finds in any text, valid UTF-8 or not, are those the text contains.
func FuzzThaiWordsIn(f *testing.F) {
	for _, s := range []string{"ข้อความ", "ทําไม", "ภาษาไทย\xe0\xb8", "\xe0\xb9\xe0\xb8\x81", "ก\u0e31\u0e48ไทย", "ไ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := thaiWordsInSet(s), thaiWordsContained(s); !slices.Equal(got, want) {
			t.Fatalf("ThaiWordsIn(%q) = %q, want %q", s, got, want)
		}
	})
}

// BenchmarkThaiWordsIn walks Thai prose (BenchmarkCountWordsThai's) for
// the words it writes, and Latin and Devanagari text, which has no Thai:
// what counting adds to an index build, per byte of each.
func BenchmarkThaiWordsIn(b *testing.B) {
	benchWordsIn(b, ThaiWordsIn, []benchText{
		{"thai", "ภาษาไทยเป็นภาษาที่ไม่มีการเว้นวรรคระหว่างคำ แต่เว้นวรรคระหว่างประโยคหรือวลี " +
			"ตัวตัดคำจึงต้องใช้พจนานุกรมเพื่อหาขอบเขตของคำ ซอฟต์แวร์โอเพนซอร์สหลายตัวพัฒนาโดยนักวิจัยในประเทศไทย "},
		{"latin", "Thai is written without spaces between words, but with spaces between clauses and sentences; " +
			"a word breaker needs a dictionary to find the words' bounds. "},
		{"devanagari", "हिन्दी भाषा देवनागरी लिपि में लिखी जाती है और शब्दों के बीच में रिक्त स्थान होता है। "},
	})
}
