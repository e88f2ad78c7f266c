package synonyms

import (
	"slices"
	"testing"
)

func TestOf(t *testing.T) {
	en := English()
	tests := []struct {
		word    string
		rank    int
		want    []string // among the synonyms
		wantNot []string
	}{
		{"speak", 2, []string{"talk"}, []string{"speak"}},
		{"spoke", 2, []string{"talk"}, nil}, // an irregular form
		{"talks", 2, []string{"speak", "spoke"}, nil},
		{"named", 1, []string{"call"}, nil},
		{"firm", 2, []string{"house"}, nil},
		{"speak", 1, nil, []string{"talk"}}, // talk's first sense is another synset
		{"xyzzy", 3, nil, nil},
	}
	for _, tt := range tests {
		got := en.Of(tt.word, tt.rank)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("Of(%q, %d) = %v, want %q among them", tt.word, tt.rank, got, w)
			}
		}
		for _, w := range tt.wantNot {
			if slices.Contains(got, w) {
				t.Errorf("Of(%q, %d) = %v, want no %q", tt.word, tt.rank, got, w)
			}
		}
	}
	if got := (*Table)(nil).Of("speak", 3); got != nil {
		t.Errorf("nil table: %v", got)
	}
}
