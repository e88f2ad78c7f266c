package snapshot

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"os"
	"time"
)

// racyWindow: a file that changed this close to the taking of a manifest
// may have changed again within the file system's time resolution after
// being hashed, so its hash is not reused (git's "racy" entries).
const racyWindow = 2 * time.Second

// fileSum is what ContentKey knows of one file.
type fileSum struct {
	path         string
	size         int64
	mtime, ctime int64 // nanoseconds
	ino          uint64
	stamped      bool // ctime and ino are known
	hashed       bool // sum holds the contents' SHA-256
	read         bool // by this call, not reused
	sum          [32]byte
	err          string // unreadable: Load says so, with its reason
}

// Manifest is the per-file hashes behind a Key, saved in the snapshot so
// that the next ContentKey reads only the files that changed.
type Manifest struct {
	taken int64 // when the hashing started, nanoseconds
	files []fileSum
	index map[string]int
	read  int
}

// reuse fills f's hash from m when the file is provably unchanged.
func (m *Manifest) reuse(f *fileSum, taken time.Time) bool {
	if m == nil || !f.stamped {
		return false
	}
	i, ok := m.index[f.path]
	if !ok {
		return false
	}
	old := &m.files[i]
	if !old.hashed || !old.stamped || old.size != f.size || old.mtime != f.mtime || old.ctime != f.ctime || old.ino != f.ino {
		return false
	}
	// Changed close to (or after) the old hashing: hash again.
	if f.ctime > m.taken-int64(racyWindow) || f.mtime > m.taken-int64(racyWindow) || m.taken > taken.UnixNano() {
		return false
	}
	f.sum, f.hashed = old.sum, true
	return true
}

// Read is how many files were read and hashed (the others' hashes were
// reused, or they are not read at all).
func (m *Manifest) Read() int { return m.read }

const partManifest = "key/manifest"

// encode: CRC-32C of the rest, taken, count, then per file: path length
// uint32, path, size, mtime, ctime int64, ino uint64, flags byte, sum.
func (m *Manifest) encode() []byte {
	b := make([]byte, 4, 64+len(m.files)*80)
	b = binary.LittleEndian.AppendUint64(b, uint64(m.taken))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(m.files)))
	for _, f := range m.files {
		b = binary.LittleEndian.AppendUint32(b, uint32(len(f.path)))
		b = append(b, f.path...)
		for _, v := range []uint64{uint64(f.size), uint64(f.mtime), uint64(f.ctime), f.ino} {
			b = binary.LittleEndian.AppendUint64(b, v)
		}
		var flags byte
		if f.stamped {
			flags |= 1
		}
		if f.hashed && f.err == "" {
			flags |= 2
		}
		b = append(b, flags)
		b = append(b, f.sum[:]...)
	}
	binary.LittleEndian.PutUint32(b, crc32.Checksum(b[4:], castagnoli))
	return b
}

func decodeManifest(b []byte) (*Manifest, error) {
	bad := fmt.Errorf("%w: manifest", ErrCorrupt)
	if len(b) < 16 || binary.LittleEndian.Uint32(b) != crc32.Checksum(b[4:], castagnoli) {
		return nil, bad
	}
	m := &Manifest{taken: int64(binary.LittleEndian.Uint64(b[4:]))}
	n := int(binary.LittleEndian.Uint32(b[12:]))
	b = b[16:]
	if n > len(b)/(4+8*4+1+32) {
		return nil, bad
	}
	m.files = make([]fileSum, n)
	m.index = make(map[string]int, n)
	for i := range m.files {
		if len(b) < 4 {
			return nil, bad
		}
		l := int(binary.LittleEndian.Uint32(b))
		if l > len(b)-4-(8*4+1+32) {
			return nil, bad
		}
		f := &m.files[i]
		f.path = string(b[4 : 4+l])
		b = b[4+l:]
		f.size = int64(binary.LittleEndian.Uint64(b))
		f.mtime = int64(binary.LittleEndian.Uint64(b[8:]))
		f.ctime = int64(binary.LittleEndian.Uint64(b[16:]))
		f.ino = binary.LittleEndian.Uint64(b[24:])
		f.stamped, f.hashed = b[32]&1 != 0, b[32]&2 != 0
		copy(f.sum[:], b[33:65])
		b = b[65:]
		m.index[f.path] = i
	}
	return m, nil
}

// ReadManifest returns the manifest saved in the snapshot at path, reading
// only its header and that part. Any error means "hash every file".
func ReadManifest(path string) (*Manifest, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	head := make([]byte, min(st.Size(), 64<<10))
	if _, err := f.ReadAt(head, 0); err != nil {
		return nil, err
	}
	h, err := parseHeader(head, st.Size(), true)
	if err != nil {
		return nil, err
	}
	r, ok := h.parts[partManifest]
	if !ok {
		return nil, fmt.Errorf("%w: no manifest", ErrCorrupt)
	}
	b := make([]byte, r[1])
	if _, err := f.ReadAt(b, r[0]); err != nil {
		return nil, err
	}
	return decodeManifest(b)
}
