package snapshot

import (
	"context"
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"corpusbot/corpus"
)

// FuzzDecode reads any bytes as a snapshot, past the checksums (which
// random damage would rarely get through, but a crafted file could): an
// error or a working corpus and index, never a panic.
func FuzzDecode(f *testing.F) {
	fsys := fstest.MapFS{
		"a.md":      {Data: []byte("# Alpha\n\nThe first document, in English.\n\n## Part\n\nMore words here.\n")},
		"fr/b.txt":  {Data: []byte("Bêta\n\nUn document en français, avec des mots.\n")},
		"c.png":     {Data: []byte("\x89PNG")},
		"zh/c.txt":  {Data: []byte("标题\n\n支付宝是一个支付平台。\n")},
		"empty.txt": {Data: nil},
	}
	c, err := corpus.Load(context.Background(), fsys, corpus.Config{})
	if err != nil {
		f.Fatal(err)
	}
	path := filepath.Join(f.TempDir(), "snap")
	if err := Write(context.Background(), path, testKey, nil, c, indexOf(f, c)); err != nil {
		f.Fatal(err)
	}
	good, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		h, err := parseHeader(data, int64(len(data)), false)
		if err != nil {
			return
		}
		c, ix, err := decode(data, h, false)
		if err != nil {
			return
		}
		for _, d := range c.Docs {
			for i := range d.Passages {
				_ = d.HeadingPath(&d.Passages[i])
			}
		}
		for i := range ix.Len() {
			_ = ix.Highlight(i, "alpha document")
		}
		for _, q := range []string{"alpha", "document words", "支付宝", "français"} {
			ix.Search(q, 5)
			ix.SearchDocs(q, 5)
		}
	})
}

// FuzzManifest reads any bytes as a manifest, past its checksum: an error
// or a manifest, never a panic; a good one survives encoding again.
func FuzzManifest(f *testing.F) {
	fsys := fstest.MapFS{
		"a.md":     {Data: []byte("# Alpha\n\nwords\n")},
		"fr/b.txt": {Data: []byte("Bêta\n\nmots\n")},
		"c.png":    {Data: []byte("\x89PNG")},
	}
	_, m, err := ContentKey(context.Background(), fsys, KeyConfig{}, nil)
	if err != nil {
		f.Fatal(err)
	}
	good := m.encode()
	f.Add(good[4:])
	f.Add(good[4 : len(good)/2])
	f.Fuzz(func(t *testing.T, body []byte) {
		b := binary.LittleEndian.AppendUint32(nil, crc32.Checksum(body, castagnoli))
		m, err := decodeManifest(append(b, body...))
		if err != nil {
			return
		}
		m2, err := decodeManifest(m.encode())
		if err != nil || len(m2.files) != len(m.files) || m2.taken != m.taken {
			t.Fatalf("a decoded manifest does not survive encoding: %v", err)
		}
	})
}
