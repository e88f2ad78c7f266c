//go:build !linux

package retrieval

// hugePage is the size TestAdviseHuge works with.
const hugePage = 2 << 20

// adviseHuge does nothing here: transparent huge pages are Linux's.
func adviseHuge[T any](s []T) {}
