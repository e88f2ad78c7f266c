package text

import "testing"

// A pair of characters is a word of the dictionary, or the end of one word
// and the start of the next; traditional characters fold first.
func TestIsChineseWord(t *testing.T) {
	for _, tt := range []struct {
		w    string
		want bool
	}{
		{"准备", true},
		{"日志", true},
		{"集群", true},
		{"準備", true}, // traditional
		{"前需", false},
		{"用吗", false},
		{"要准", false},
		{"准", false},
		{"准备好", false},
		{"ab", false},
		{"", false},
	} {
		if got := IsChineseWord(tt.w); got != tt.want {
			t.Errorf("IsChineseWord(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}
