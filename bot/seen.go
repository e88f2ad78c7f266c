package bot

import "sync"

// seenEvents is how many message and interaction IDs the bot remembers to
// handle each once.
const seenEvents = 4096

// seenIDs remembers the most recent event IDs, so that an event the
// gateway delivers twice (replayed on a RESUME after the bot had already
// handled it) is answered once.
type seenIDs struct {
	mu    sync.Mutex
	set   map[string]struct{}
	order []string // ring of the IDs in set, oldest at next
	next  int
}

func newSeenIDs(n int) *seenIDs {
	return &seenIDs{set: make(map[string]struct{}, n), order: make([]string, n)}
}

// first reports whether id is new, and remembers it.
func (s *seenIDs) first(id string) bool {
	if id == "" {
		return true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.set[id]; ok {
		return false
	}
	if old := s.order[s.next]; old != "" {
		delete(s.set, old)
	}
	s.order[s.next] = id
	s.next = (s.next + 1) % len(s.order)
	s.set[id] = struct{}{}
	return true
}
