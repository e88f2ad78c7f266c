package snapshot

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// NewArena starts a snapshot file in dir, unnamed until written.
func NewArena(dir string) (*Arena, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	fd, err := unix.Open(dir, unix.O_RDWR|unix.O_TMPFILE|unix.O_CLOEXEC, 0o600)
	if err != nil {
		return nil, fmt.Errorf("snapshot arena in %s: %w", dir, err)
	}
	return &Arena{f: os.NewFile(uintptr(fd), filepath.Join(dir, "(snapshot being built)")), dir: dir, end: arenaBase, used: arenaBase}, nil
}

// mapChunk allocates size bytes of f at off (so that a full disk is an
// error here, not a fault when the mapping is written) and maps them.
func mapChunk(f *os.File, off, size int64) ([]byte, error) {
	fd := int(f.Fd())
	if err := unix.Fallocate(fd, 0, off, size); err != nil {
		return nil, err
	}
	return unix.Mmap(fd, off, int(size), unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED)
}

func evictChunk(b []byte) {
	if len(b) > 0 {
		unix.Madvise(b, unix.MADV_DONTNEED)
	}
}

// populate maps b's pages for writing (Linux 5.14 and later; elsewhere
// they are faulted in as written).
// b need not start on a page: madvise is given the page it starts in,
// whose content it does not change.
func populate(b []byte) {
	if len(b) == 0 {
		return
	}
	back := int(uintptr(unsafe.Pointer(unsafe.SliceData(b))) % uintptr(os.Getpagesize()))
	start := (*byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(b)), -back)) // in the same mapping
	unix.Madvise(unsafe.Slice(start, len(b)+back), unix.MADV_POPULATE_WRITE)
}

// link names the arena's file path, replacing what was there.
func (a *Arena) link(path string) error {
	tmp := path + "." + strconv.Itoa(os.Getpid()) + "." + strconv.FormatInt(time.Now().UnixNano(), 36) + ".tmp"
	if err := unix.Linkat(unix.AT_FDCWD, "/proc/self/fd/"+strconv.Itoa(int(a.f.Fd())), unix.AT_FDCWD, tmp, unix.AT_SYMLINK_FOLLOW); err != nil {
		return fmt.Errorf("link the snapshot: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}
