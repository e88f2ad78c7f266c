package corpus

import (
	"io"
	"io/fs"
	"path"
	"syscall"
	"time"
)

// openRegular opens the file name by its descriptor (see DirFS); ok is
// false when it cannot be opened so, and is to be opened through the
// fs.FS.
func (d dirFS) openRegular(name string) (f *fdFile, ok bool, err error) {
	if d.root == "" || !fs.ValidPath(name) {
		return nil, false, nil
	}
	full := d.root + "/" + name
	if d.root[len(d.root)-1] == '/' {
		full = d.root + name
	}
	// O_NONBLOCK: should a pipe have taken the file's place since it was
	// listed, opening it does not wait for a writer (its Stat then says
	// that it is not a regular file).
	var fd int
	err = retryEINTR(func() (err error) {
		fd, err = syscall.Open(full, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
		return err
	})
	if err != nil {
		return nil, true, err
	}
	return &fdFile{fd: fd, name: path.Base(name)}, true, nil
}

// fdFile is an open file, by its descriptor.
type fdFile struct {
	fd   int
	name string
}

func (f *fdFile) Stat() (fs.FileInfo, error) {
	st := new(syscall.Stat_t)
	if err := retryEINTR(func() error { return syscall.Fstat(f.fd, st) }); err != nil {
		return nil, err
	}
	return statInfo{name: f.name, st: st}, nil
}

func (f *fdFile) Read(b []byte) (n int, err error) {
	err = retryEINTR(func() (err error) {
		n, err = syscall.Read(f.fd, b)
		return err
	})
	switch {
	case err != nil:
		return 0, err
	case n == 0 && len(b) > 0:
		return 0, io.EOF
	}
	return n, nil
}

func (f *fdFile) Close() error { return syscall.Close(f.fd) }

func retryEINTR(call func() error) error {
	for {
		if err := call(); err != syscall.EINTR {
			return err
		}
	}
}

// statInfo is the fs.FileInfo of a Stat_t, as os makes it.
type statInfo struct {
	name string
	st   *syscall.Stat_t
}

func (s statInfo) Name() string       { return s.name }
func (s statInfo) Size() int64        { return s.st.Size }
func (s statInfo) ModTime() time.Time { return time.Unix(s.st.Mtim.Unix()) }
func (s statInfo) IsDir() bool        { return s.Mode().IsDir() }
func (s statInfo) Sys() any           { return s.st }

func (s statInfo) Mode() fs.FileMode {
	m := fs.FileMode(s.st.Mode & 0o777)
	switch s.st.Mode & syscall.S_IFMT {
	case syscall.S_IFBLK:
		m |= fs.ModeDevice
	case syscall.S_IFCHR:
		m |= fs.ModeDevice | fs.ModeCharDevice
	case syscall.S_IFDIR:
		m |= fs.ModeDir
	case syscall.S_IFIFO:
		m |= fs.ModeNamedPipe
	case syscall.S_IFLNK:
		m |= fs.ModeSymlink
	case syscall.S_IFSOCK:
		m |= fs.ModeSocket
	}
	if s.st.Mode&syscall.S_ISUID != 0 {
		m |= fs.ModeSetuid
	}
	if s.st.Mode&syscall.S_ISGID != 0 {
		m |= fs.ModeSetgid
	}
	if s.st.Mode&syscall.S_ISVTX != 0 {
		m |= fs.ModeSticky
	}
	return m
}
