package text

import (
	"slices"
	"strings"
	"testing"
)

// dictWordsInSet is the distinct words DictWordsIn finds in s, sorted.
func dictWordsInSet(s string) []string {
	var got []string
	DictWordsIn(s, func(id int) { got = append(got, DictWordOf(id)) })
	slices.Sort(got)
	return slices.Compact(got)
}

// dictWordsContained is what DictWordsIn must find: every word of the
// Lao, Khmer and Myanmar lists the text contains, as strings.Contains
// finds it (Myanmar in MyanmarOrder).
func dictWordsContained(s string) []string {
	s = MyanmarOrder(s)
	var want []string
	for _, set := range []map[string]struct{}{loSet(), kmSet(), mySet()} {
		for w := range set {
			if strings.Contains(s, w) {
				want = append(want, w)
			}
		}
	}
	slices.Sort(want)
	return slices.Compact(want)
}

// DictWordsIn finds a word wherever the text writes it, not only where
// Words cuts it, in each of the three scripts; Myanmar typed with the
// asat before the dot below is read in Unicode's order.
func TestDictWordsIn(t *testing.T) {
	tests := []struct {
		text      string
		has, lack []string
	}{
		{"ມັນບໍ່ຮອງຮັບ", []string{"ມັນ", "ບໍ່", "ຮອງຮັບ"}, nil},
		{"វាមិនគាំទ្រទេ", []string{"មិន", "គាំទ្រ", "ទេ"}, nil},
		{"ထောက်ပံ့မထားပါ", []string{"ထောက်ပံ့", "ထား", "ပါ"}, nil},
		{"ကြည\u103a\u1037ပါ", []string{"ကြည\u1037\u103a"}, nil},
		{"abc ภาษาไทย tiếng Việt ქართული", nil, nil}, // 0xe0 and 0xe1 bytes, none of the three
		{"", nil, nil},
	}
	for _, tt := range tests {
		got := dictWordsInSet(tt.text)
		for _, w := range tt.has {
			if _, ok := DictWordID(w); !ok {
				t.Fatalf("%q: not in the word lists; the test needs one that is", w)
			}
			if !slices.Contains(got, MyanmarOrder(w)) {
				t.Errorf("DictWordsIn(%q) lacks %q: %q", tt.text, w, got)
			}
		}
		if want := dictWordsContained(tt.text); !slices.Equal(got, want) {
			t.Errorf("DictWordsIn(%q) = %q, want %q", tt.text, got, want)
		}
	}
	if id, ok := DictWordID("ကြည\u103a\u1037"); !ok || DictWordOf(id) != "ကြည\u1037\u103a" {
		t.Errorf("DictWordID(ကြည့် asat first) = %d, %v", id, ok)
	}
	if _, ok := DictWordID("abc"); ok {
		t.Error("DictWordID(abc) is a word")
	}
}

// FuzzDictWordsIn holds DictWordsIn to strings.Contains: the words it
// finds in any text, valid UTF-8 or not, are those the text contains.
func FuzzDictWordsIn(f *testing.F) {
	for _, s := range []string{"ມັນບໍ່ຮອງຮັບ", "វាមិនគាំទ្រទេ", "ကြည\u103a\u1037ပါ", "\xe0ມັນ\xe1", "ក\xe1\x9e", "ທ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := dictWordsInSet(s), dictWordsContained(s); !slices.Equal(got, want) {
			t.Fatalf("DictWordsIn(%q) = %q, want %q", s, got, want)
		}
	})
}

// BenchmarkDictWordsIn walks Lao, Khmer and Burmese prose for the words
// it writes, and Vietnamese, whose letters share the 0xe1 lead byte:
// what counting adds to an index build, per byte of each.
func BenchmarkDictWordsIn(b *testing.B) {
	benchWordsIn(b, DictWordsIn, []benchText{
		{"lo", "ພາສາລາວຂຽນໂດຍບໍ່ມີຍະຫວ່າງລະຫວ່າງຄຳ ແຕ່ມີຍະຫວ່າງລະຫວ່າງປະໂຫຍກ "},
		{"km", "ភាសាខ្មែរសរសេរដោយគ្មានដកឃ្លារវាងពាក្យ ប៉ុន្តែមានដកឃ្លារវាងប្រយោគ "},
		{"my", "မြန်မာဘာသာကို စကားလုံးများကြားတွင် ကွက်လပ်မပါဘဲ ရေးသားသည်။ "},
		{"vi", "Tiếng Việt viết có dấu cách giữa các âm tiết, và nhiều chữ cái có dấu. "},
	})
}
