package bot

import (
	"fmt"
	"testing"
)

func TestSeenIDs(t *testing.T) {
	s := newSeenIDs(3)
	for _, tc := range []struct {
		id    string
		first bool
	}{
		{"a", true}, {"a", false}, {"b", true}, {"c", true}, {"b", false},
		{"d", true},                          // evicts a, the oldest
		{"a", true},                          // so a is new again, and evicts b
		{"c", false}, {"", true}, {"", true}, // no ID is never a replay
		{"b", true},
	} {
		if got := s.first(tc.id); got != tc.first {
			t.Errorf("first(%q) = %v, want %v", tc.id, got, tc.first)
		}
	}
}

func BenchmarkSeenIDs(b *testing.B) {
	s := newSeenIDs(seenEvents)
	for i := 0; i < b.N; i++ {
		s.first(fmt.Sprint(i))
	}
}
