// Package mapfile opens a file as a read-only byte slice: memory-mapped where
// the system allows it (unix), read into memory elsewhere. A snapshot of the
// index is used in place, so its pages are shared with the page cache and
// only the parts a search touches become resident.
package mapfile

import (
	"fmt"
	"os"
)

// File is an open, read-only file's contents.
type File struct {
	data   []byte
	mapped bool
}

// Data is the file's contents. It must not be written to, and must not be
// used after Close.
func (f *File) Data() []byte { return f.data }

// Mapped reports whether Data is a memory mapping (else a copy in memory).
func (f *File) Mapped() bool { return f.mapped }

// Open maps path read-only, or reads it where mapping is not available. An
// empty file gives an empty Data.
func Open(path string) (*File, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return OpenFile(fh)
}

// OpenFile is Open of a file already open, so that what is mapped is the
// file the caller checked even if its path is renamed over meanwhile. The
// caller closes fh; the mapping outlives it.
func OpenFile(fh *os.File) (*File, error) {
	st, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	size := st.Size()
	if size < 0 || int64(int(size)) != size {
		return nil, fmt.Errorf("map %s: %d bytes: too large", fh.Name(), size)
	}
	if size == 0 {
		return &File{}, nil
	}
	data, mapped, err := mapOrRead(fh, int(size))
	if err != nil {
		return nil, fmt.Errorf("map %s: %w", fh.Name(), err)
	}
	return &File{data: data, mapped: mapped}, nil
}

// Close unmaps the file. Nothing that points into Data may be used after.
func (f *File) Close() error {
	data, mapped := f.data, f.mapped
	f.data, f.mapped = nil, false
	if mapped && data != nil {
		return unmap(data)
	}
	return nil
}

// Evict tells the system that the mapped pages are not needed now: they
// stop counting as the process's resident memory and are read from the
// file again if touched. Data stays valid. It does nothing for a copy.
func (f *File) Evict() error {
	if !f.mapped || len(f.data) == 0 {
		return nil
	}
	return evict(f.data)
}
