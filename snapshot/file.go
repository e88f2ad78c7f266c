package snapshot

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
)

// The file: a header, a table of parts, then the parts, each starting at a
// multiple of 8 bytes so that arrays of numbers can be used in place.
//
//	header (72 bytes)
//	  magic     [8]byte  "CBSNAP\r\n"
//	  version   uint32   formatVersion
//	  order     uint32   0x01020304, as written: tells a foreign byte order
//	  key       [32]byte the content key (Key) the parts were made from
//	  size      uint64   the file's length: a truncated file is told at once
//	  nparts    uint32
//	  headCRC   uint32   CRC-32C of the header (this field zero) and the table
//	  dataCRC   uint32   CRC-32C of everything after the table
//	  _         uint32
//	table, per part
//	  nameLen uint16, name, offset uint64, length uint64
//
// Numbers are little-endian.
const (
	magic         = "CBSNAP\r\n"
	formatVersion = 6 // 5: the index's Thai word counts (retrieval/thai*); 6: and Lao, Khmer, Myanmar's
	headerSize    = 72
	orderMark     = 0x01020304
	maxParts      = 64
	maxNameLen    = 64
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Errors of Open; test with errors.Is. A snapshot that is not there, or
// for other contents, is expected; a corrupt one is rebuilt and said so.
var (
	ErrNotFound = errors.New("no snapshot")
	ErrStale    = errors.New("snapshot of other contents")
	ErrCorrupt  = errors.New("snapshot corrupt")
	ErrVersion  = errors.New("snapshot of another format version")
)

// part is a named byte range to write: data, or size bytes from write, or
// (placed) size bytes already in the file at arenaBase: an Arena's texts.
type part struct {
	name   string
	data   []byte
	size   int64
	write  func(w io.Writer) error
	placed bool
}

func (p *part) len() int64 {
	if p.write != nil || p.placed {
		return p.size
	}
	return int64(len(p.data))
}

func pad8(n int64) int64 { return (n + 7) &^ 7 }

// writeFile writes parts to path atomically: a temporary file in the same
// folder, synced, then renamed over path. A reader never sees half a file,
// and a process that has the old file mapped keeps it intact. The file
// written is returned open (for reading), for the caller to close: what
// it maps of it is what was written, even if path is replaced meanwhile.
//
// With an arena, the file is the arena's (unnamed until it is linked in
// as path), and parts[0] is placed: the texts already in it. Its bytes
// are read back for the checksum with pread, not through the mappings:
// page cache, which does not make them resident in the process. On an
// error the arena's file is left open and unnamed.
func writeFile(ctx context.Context, path string, key Key, parts []part, a *Arena) (_ *os.File, err error) {
	if len(parts) > maxParts {
		return nil, fmt.Errorf("%d parts: too many", len(parts))
	}
	for i, p := range parts {
		if p.placed != (a != nil && i == 0) {
			return nil, fmt.Errorf("part %s: placed is for an arena's first part", p.name)
		}
	}
	table := make([]byte, 0, 64*len(parts))
	tableLen := int64(0)
	for _, p := range parts {
		if len(p.name) == 0 || len(p.name) > maxNameLen {
			return nil, fmt.Errorf("part name %q", p.name)
		}
		tableLen += 2 + int64(len(p.name)) + 16
	}
	off := pad8(headerSize + tableLen)
	dataStart := off
	if a != nil {
		if off > arenaBase {
			return nil, fmt.Errorf("a table of %d bytes: past the arena's start", off)
		}
		off = arenaBase
	}
	for _, p := range parts {
		table = binary.LittleEndian.AppendUint16(table, uint16(len(p.name)))
		table = append(table, p.name...)
		table = binary.LittleEndian.AppendUint64(table, uint64(off))
		table = binary.LittleEndian.AppendUint64(table, uint64(p.len()))
		off = pad8(off + p.len())
	}
	size := off

	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	var f *os.File
	if a != nil {
		f = a.f
	} else {
		if f, err = os.CreateTemp(dir, filepath.Base(path)+".*.tmp"); err != nil {
			return nil, err
		}
		defer func() {
			if err != nil {
				f.Close()
				os.Remove(f.Name())
			}
		}()
	}
	crc := crc32.New(castagnoli)
	pos := dataStart
	if a != nil {
		// The gap between the table and the texts, zeros, then the texts.
		if _, err := crc.Write(make([]byte, arenaBase-dataStart)); err != nil {
			return nil, err
		}
		texts := io.NewSectionReader(f, arenaBase, parts[0].size)
		if _, err := io.CopyBuffer(crc, &ctxReader{ctx: ctx, r: texts}, make([]byte, 1<<20)); err != nil {
			return nil, fmt.Errorf("read the texts back: %w", err)
		}
		pos = arenaBase + parts[0].size
	}
	if _, err := f.Seek(pos, io.SeekStart); err != nil {
		return nil, err
	}
	bw := bufio.NewWriterSize(io.MultiWriter(&ctxWriter{ctx: ctx, w: f}, crc), 1<<20)
	var zeros [8]byte
	for i, p := range parts {
		switch {
		case i == 0 && a != nil: // already in the file
		case p.write != nil:
			cw := &countWriter{w: bw}
			if err := p.write(cw); err != nil {
				return nil, fmt.Errorf("part %s: %w", p.name, err)
			}
			if cw.n != p.size {
				return nil, fmt.Errorf("part %s: wrote %d bytes, announced %d", p.name, cw.n, p.size)
			}
			pos += p.size
		default:
			if _, err := bw.Write(p.data); err != nil {
				return nil, err
			}
			pos += p.len()
		}
		if _, err := bw.Write(zeros[:pad8(pos)-pos]); err != nil {
			return nil, err
		}
		pos = pad8(pos)
	}
	if err := bw.Flush(); err != nil {
		return nil, err
	}
	if a != nil {
		// The arena's last chunk may reach past the end.
		if err := f.Truncate(size); err != nil {
			return nil, err
		}
	}

	head := make([]byte, headerSize, headerSize+len(table))
	copy(head, magic)
	binary.LittleEndian.PutUint32(head[8:], formatVersion)
	binary.LittleEndian.PutUint32(head[12:], orderMark)
	copy(head[16:48], key[:])
	binary.LittleEndian.PutUint64(head[48:], uint64(size))
	binary.LittleEndian.PutUint32(head[56:], uint32(len(parts)))
	binary.LittleEndian.PutUint32(head[64:], crc.Sum32())
	head = append(head, table...)
	binary.LittleEndian.PutUint32(head[60:], crc32.Checksum(head, castagnoli))
	if _, err := f.WriteAt(head, 0); err != nil {
		return nil, err
	}
	if err := f.Sync(); err != nil {
		return nil, err
	}
	if a != nil {
		err = a.link(path)
	} else {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		return nil, err
	}
	if d, err := os.Open(dir); err == nil { // make the rename durable
		d.Sync()
		d.Close()
	}
	return f, nil
}

// ctxReader fails once ctx is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(b []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(b)
}

// ctxWriter fails once ctx is done: a write of gigabytes stops when the
// program does.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c *ctxWriter) Write(b []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(b)
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

// WriteString spares io.WriteString a copy of each string: the texts of a
// big corpus would otherwise be copied whole into garbage as they are
// written (as much again as the text, on top of the heap, at a build).
func (c *countWriter) WriteString(s string) (int, error) {
	n, err := io.WriteString(c.w, s)
	c.n += int64(n)
	return n, err
}

// header is a parsed, checked header and table.
type header struct {
	key       Key
	parts     map[string][2]int64 // name → offset, length
	order     []string
	dataStart int64
	dataCRC   uint32
}

// parseHeader checks the header and table at the start of b, a file of
// size bytes. It does not check the data's CRC, nor, without checkCRC (for
// fuzzing past it), the header's.
func parseHeader(b []byte, size int64, checkCRC bool) (*header, error) {
	if len(b) < headerSize || string(b[:8]) != magic {
		return nil, fmt.Errorf("%w: not a snapshot file (magic)", ErrCorrupt)
	}
	if v := binary.LittleEndian.Uint32(b[8:]); v != formatVersion {
		return nil, fmt.Errorf("%w: version %d, this program reads %d", ErrVersion, v, formatVersion)
	}
	if o := binary.LittleEndian.Uint32(b[12:]); o != orderMark {
		return nil, fmt.Errorf("%w: written on a machine of another byte order", ErrVersion)
	}
	h := &header{parts: make(map[string][2]int64)}
	copy(h.key[:], b[16:48])
	if s := binary.LittleEndian.Uint64(b[48:]); s != uint64(size) {
		return nil, fmt.Errorf("%w: %d bytes, the header says %d (truncated?)", ErrCorrupt, size, s)
	}
	n := int(binary.LittleEndian.Uint32(b[56:]))
	if n > maxParts {
		return nil, fmt.Errorf("%w: %d parts", ErrCorrupt, n)
	}
	headCRC := binary.LittleEndian.Uint32(b[60:])
	h.dataCRC = binary.LittleEndian.Uint32(b[64:])
	pos := headerSize
	var prevEnd int64
	for range n {
		if pos+2 > len(b) {
			return nil, fmt.Errorf("%w: table cut short", ErrCorrupt)
		}
		l := int(binary.LittleEndian.Uint16(b[pos:]))
		if l == 0 || l > maxNameLen || pos+2+l+16 > len(b) {
			return nil, fmt.Errorf("%w: table cut short", ErrCorrupt)
		}
		name := string(b[pos+2 : pos+2+l])
		off := binary.LittleEndian.Uint64(b[pos+2+l:])
		ln := binary.LittleEndian.Uint64(b[pos+2+l+8:])
		pos += 2 + l + 16
		if _, dup := h.parts[name]; dup {
			return nil, fmt.Errorf("%w: part %s twice", ErrCorrupt, name)
		}
		if off%8 != 0 || off > uint64(size) || ln > uint64(size)-off || int64(off) < prevEnd {
			return nil, fmt.Errorf("%w: part %s at %d+%d outside the file", ErrCorrupt, name, off, ln)
		}
		prevEnd = int64(off + ln)
		h.parts[name] = [2]int64{int64(off), int64(ln)}
		h.order = append(h.order, name)
	}
	h.dataStart = pad8(int64(pos))
	for _, name := range h.order {
		if h.parts[name][0] < h.dataStart {
			return nil, fmt.Errorf("%w: part %s overlaps the table", ErrCorrupt, name)
		}
	}
	check := make([]byte, pos)
	copy(check, b[:pos])
	binary.LittleEndian.PutUint32(check[60:], 0)
	if checkCRC && crc32.Checksum(check, castagnoli) != headCRC {
		return nil, fmt.Errorf("%w: header checksum", ErrCorrupt)
	}
	return h, nil
}

// checkData reads the data of f (not through its mapping, so that checking
// does not make the whole file resident) and compares its CRC.
func checkData(f *os.File, h *header, size int64) error {
	if h.dataStart > size {
		return fmt.Errorf("%w: no data", ErrCorrupt)
	}
	crc := crc32.New(castagnoli)
	if _, err := io.CopyBuffer(crc, io.NewSectionReader(f, h.dataStart, size-h.dataStart), make([]byte, 1<<20)); err != nil {
		return fmt.Errorf("read snapshot: %w", err)
	}
	if crc.Sum32() != h.dataCRC {
		return fmt.Errorf("%w: data checksum", ErrCorrupt)
	}
	return nil
}
