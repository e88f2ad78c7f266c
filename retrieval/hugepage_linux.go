package retrieval

import (
	"syscall"
	"unsafe"
)

// hugePage is the size of a transparent huge page on x86-64 (and on
// arm64 with 4 KB pages).
const hugePage = 2 << 20

// adviseHuge asks the kernel to back the whole 2 MB pages of s's memory
// with huge pages as they are first touched (MADV_HUGEPAGE; machines
// whose transparent huge pages are "madvise", the common default, give
// them only to memory so marked). For an array written at random, such
// as the postings while they are laid out, a 4 KB page per store is a
// miss of the TLB as well as of the caches. Memory already touched
// stays in small pages; an error (THP off, an old kernel) changes
// nothing, so it is ignored.
func adviseHuge[T any](s []T) {
	if len(s) == 0 {
		return
	}
	size := uintptr(len(s)) * unsafe.Sizeof(s[0])
	if size < 2*hugePage {
		return
	}
	base := unsafe.Pointer(&s[0])
	p := uintptr(base)
	lo, hi := (p+hugePage-1)&^(hugePage-1), (p+size)&^(hugePage-1)
	if hi <= lo {
		return
	}
	_ = syscall.Madvise(unsafe.Slice((*byte)(unsafe.Add(base, lo-p)), hi-lo), syscall.MADV_HUGEPAGE)
}
