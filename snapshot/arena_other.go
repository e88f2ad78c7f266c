//go:build !linux

package snapshot

import (
	"errors"
	"os"
)

// NewArena needs Linux (an unnamed file, linked in when written): elsewhere
// the texts stay in the heap.
func NewArena(dir string) (*Arena, error) {
	return nil, errors.New("snapshot arena: Linux only")
}

func mapChunk(*os.File, int64, int64) ([]byte, error) {
	return nil, errors.New("snapshot arena: Linux only")
}

func evictChunk([]byte) {}

func populate([]byte) {}

func (a *Arena) link(string) error { return errors.New("snapshot arena: Linux only") }
