// Package snapshot saves a loaded corpus and its index to one file and
// maps it back at the next start, so that a big corpus restarts in seconds
// instead of being read, split and indexed again.
//
// A snapshot is keyed by ContentKey, a hash of the contents of every file
// the corpus loader would read, of the program and of the settings that
// change what a load gives; a snapshot of another key is not used. The
// file is written atomically (a temporary file renamed into place) and
// checked when opened (magic, format version, byte order, length, CRC-32C
// of the header and of the data, then every offset and count), so a file
// that is truncated, corrupt or of another version is an error to rebuild
// on, never a crash.
//
// Open maps the file and uses it in place: the passages' text, the term
// table and the postings are views of the mapping, not copies. The mapping
// is never unmapped, since strings of the corpus may be held anywhere; a
// process maps one snapshot at start and later reloads build in memory.
package snapshot

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"corpusbot/corpus"
	"corpusbot/internal/mapfile"
	"corpusbot/retrieval"
)

// Write saves c and ix, the index of c's passages in order, as the
// snapshot of key at path, with man, the manifest ContentKey gave with key
// (nil: none, the next start reads every file). Cancelling ctx stops the
// write and removes the partial file; the one at path stays as it was.
func Write(ctx context.Context, path string, key Key, man *Manifest, c *corpus.Corpus, ix *retrieval.Index) error {
	f, err := write(ctx, path, key, man, c, ix, nil)
	if err != nil {
		return err
	}
	return f.Close()
}

// WriteOpen is Write, then Open of the file written, as a process that
// built c and ix serves from the snapshot instead (the heap copy let go).
// The file is mapped through the descriptor it was written with, so that
// it is surely those bytes, which were made from c and ix just now: its
// checksum is not read again (that would read the page cache it was just
// written to, not the disk), and the index's per-posting checks, which
// would make all of its postings resident beside the heap copy's, are
// skipped (retrieval.FromBuiltParts). Everything else is decoded and
// checked as Open does.
//
// With a, the arena c's texts were loaded into, the file is the arena's:
// the texts are not written again, and texts outside it are copied in.
// An arena that cannot be used (an allocation failed) is passed over, and
// the file written as Write does. Either way a is sealed.
func WriteOpen(ctx context.Context, path string, key Key, man *Manifest, c *corpus.Corpus, ix *retrieval.Index, a *Arena) (*corpus.Corpus, *retrieval.Index, Info, error) {
	f, err := write(ctx, path, key, man, c, ix, a)
	if err != nil {
		return nil, nil, Info{}, err
	}
	defer f.Close()
	h, size, err := readHeader(f)
	if err != nil {
		return nil, nil, Info{}, err
	}
	m, err := mapfile.OpenFile(f)
	if err != nil {
		return nil, nil, Info{}, err
	}
	c2, ix2, err := decode(m.Data(), h, true)
	if err != nil {
		m.Close() // nothing points into it yet
		return nil, nil, Info{}, err
	}
	// The mapping stays for the life of the process: see the package doc.
	return c2, ix2, Info{Bytes: size, Mapped: m.Mapped()}, nil
}

// write writes the snapshot, into a when it is usable, and returns the
// file written, open.
func write(ctx context.Context, path string, key Key, man *Manifest, c *corpus.Corpus, ix *retrieval.Index, a *Arena) (*os.File, error) {
	if a != nil {
		// Encoding reads the titles, which are often the start of the
		// texts, and each read maps a folio of them: trimmed meanwhile,
		// the pages stay page cache rather than come back whole.
		stop := a.Trim(writeTrim)
		defer stop()
		parts, err := encode(c, ix, man, a)
		used, ok := a.seal()
		if err == nil && !ok {
			err = errArenaUnusable
		}
		if err == nil {
			parts[0].size = used - arenaBase
		}
		switch {
		case err == nil:
			f, err := writeFile(ctx, path, key, parts, a)
			if err != nil {
				return nil, fmt.Errorf("write snapshot %s: %w", path, err)
			}
			return f, nil
		case !errors.Is(err, errArenaUnusable):
			return nil, fmt.Errorf("write snapshot: %w", err)
		}
	}
	parts, err := encode(c, ix, man, nil)
	if err != nil {
		return nil, fmt.Errorf("write snapshot: %w", err)
	}
	f, err := writeFile(ctx, path, key, parts, nil)
	if err != nil {
		return nil, fmt.Errorf("write snapshot %s: %w", path, err)
	}
	return f, nil
}

// writeTrim is how often a write evicts the pages of its arena.
const writeTrim = 20 * time.Millisecond

// errArenaUnusable: a text could not be placed in the arena.
var errArenaUnusable = errors.New("the arena cannot hold the texts")

// encode returns the parts of a snapshot of c, ix and man; with a, the
// texts part is a's (placed; its size set when a is sealed).
func encode(c *corpus.Corpus, ix *retrieval.Index, man *Manifest, a *Arena) ([]part, error) {
	parts, err := encodeCorpus(c, ix, a)
	if err != nil {
		return nil, err
	}
	ixParts, err := indexParts(ix)
	if err != nil {
		return nil, err
	}
	parts = append(parts, ixParts...)
	if man != nil {
		parts = append(parts, part{name: partManifest, data: man.encode()})
	}
	return parts, nil
}

// Info says what Open found.
type Info struct {
	Bytes  int64
	Mapped bool // memory-mapped; else read into memory
}

// Open maps the snapshot at path and returns its corpus and index when its
// key is key. Errors: ErrNotFound, ErrStale (another key), ErrVersion,
// ErrCorrupt; anything else is an I/O error.
func Open(path string, key Key) (*corpus.Corpus, *retrieval.Index, Info, error) {
	return open(path, func() (Key, error) { return key, nil }, true)
}

// OpenWhen is Open while the key is still being computed: key is called
// (at most once) after the file is opened, and waits for the caller's
// hashing of the folder. Meanwhile the file is checked and decoded, so
// that at a start the hashing, the checksum and the decoding overlap.
// Nothing is returned unless the key, when it comes, is the file's, and
// the checksum is right. An error of key is returned as it is; key is not
// called when the file cannot be opened, its header is bad or it cannot be
// mapped.
func OpenWhen(path string, key func() (Key, error)) (*corpus.Corpus, *retrieval.Index, Info, error) {
	return open(path, key, false)
}

// open: with early, key is known and compared before any work.
func open(path string, key func() (Key, error), early bool) (*corpus.Corpus, *retrieval.Index, Info, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, Info{}, ErrNotFound
	}
	if err != nil {
		return nil, nil, Info{}, err
	}
	defer f.Close()
	h, size, err := readHeader(f)
	if err != nil {
		return nil, nil, Info{}, err
	}
	if early {
		if err := sameKey(key, h.key); err != nil {
			return nil, nil, Info{}, err
		}
	}
	// The data's checksum on its own goroutine (reading f, not its
	// mapping, so that checking does not make the whole file resident)
	// while this one decodes the mapping of the same open file.
	crcErr := make(chan error, 1)
	go func() { crcErr <- checkData(f, h, size) }()
	m, err := mapfile.OpenFile(f)
	if err != nil {
		<-crcErr
		return nil, nil, Info{}, err
	}
	c, ix, err := decode(m.Data(), h, false)
	var keyErr error
	if !early {
		keyErr = sameKey(key, h.key)
	}
	// A stale file says so rather than that it is damaged (either way it
	// is rebuilt, but only damage is worth a warning); a bad checksum
	// rather than what decoding the damage gave.
	if crcErr := <-crcErr; keyErr != nil || crcErr != nil || err != nil {
		m.Close() // nothing points into it yet
		return nil, nil, Info{}, cmp.Or(keyErr, crcErr, err)
	}
	// The mapping stays for the life of the process: see the package doc.
	return c, ix, Info{Bytes: size, Mapped: m.Mapped()}, nil
}

// readHeader reads and parses the header at the start of f, and f's size.
func readHeader(f *os.File) (*header, int64, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	size := st.Size()
	head := make([]byte, min(size, 64<<10))
	if _, err := f.ReadAt(head, 0); err != nil {
		return nil, 0, fmt.Errorf("read snapshot: %w", err)
	}
	h, err := parseHeader(head, size, true)
	return h, size, err
}

// sameKey is nil when key gives want.
func sameKey(key func() (Key, error), want Key) error {
	k, err := key()
	if err != nil {
		return err
	}
	if k != want {
		return ErrStale
	}
	return nil
}

// decode reads the parts of data, a whole snapshot file with header h;
// built: of an index this process built and wrote (decodeIndex).
func decode(data []byte, h *header, built bool) (*corpus.Corpus, *retrieval.Index, error) {
	if int64(len(data)) < h.dataStart {
		return nil, nil, fmt.Errorf("%w: the file changed while opened", ErrCorrupt)
	}
	parts := make(map[string][]byte, len(h.order))
	for _, name := range h.order {
		r := h.parts[name]
		if r[0]+r[1] > int64(len(data)) {
			return nil, nil, fmt.Errorf("%w: the file changed while opened", ErrCorrupt)
		}
		b := data[r[0] : r[0]+r[1] : r[0]+r[1]]
		parts[name] = b
	}
	c, items, err := decodeCorpus(parts)
	if err != nil {
		return nil, nil, err
	}
	ix, err := decodeIndex(parts, items, built)
	if err != nil {
		return nil, nil, err
	}
	return c, ix, nil
}
