//go:build !unix

package mapfile

import (
	"io"
	"os"
)

// Without mmap the file is read whole: the same bytes, in the heap. From
// its start, whatever fh's offset: other readers may share fh.
func mapOrRead(fh *os.File, size int) ([]byte, bool, error) {
	data := make([]byte, size)
	if _, err := io.ReadFull(io.NewSectionReader(fh, 0, int64(size)), data); err != nil {
		return nil, false, err
	}
	return data, false, nil
}

func unmap([]byte) error { return nil }

func evict([]byte) error { return nil }
