//go:build unix

package mapfile

import (
	"os"
	"syscall"
)

func mapOrRead(fh *os.File, size int) ([]byte, bool, error) {
	data, err := syscall.Mmap(int(fh.Fd()), 0, size, syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, false, err
	}
	return data, true, nil
}

func unmap(data []byte) error { return syscall.Munmap(data) }

func evict(data []byte) error { return syscall.Madvise(data, syscall.MADV_DONTNEED) }
