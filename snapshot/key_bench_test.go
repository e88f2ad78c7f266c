package snapshot

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkContentKey hashes a folder of 5,000 files of 8 KB on disk (the
// size of the million-passage benchmark's files): every file read, as at a
// build, and against a manifest, as at a restart.
func BenchmarkContentKey(b *testing.B) {
	dir := b.TempDir()
	body := strings.Repeat("Sentences of a paragraph, as a document holds them. ", 160)
	for i := range 5000 {
		sub := filepath.Join(dir, fmt.Sprintf("%02d", i/500))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("doc%05d.txt", i)), []byte(fmt.Sprint(i, body)), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	written := time.Now()
	fsys := os.DirFS(dir)
	ctx := context.Background()
	b.Run("read", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := ContentKey(ctx, fsys, KeyConfig{}, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("manifest", func(b *testing.B) {
		// Files changed within racyWindow of the manifest are read again.
		time.Sleep(time.Until(written.Add(racyWindow + 100*time.Millisecond)))
		_, m, err := ContentKey(ctx, fsys, KeyConfig{}, nil)
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if _, _, err := ContentKey(ctx, fsys, KeyConfig{}, m); err != nil {
				b.Fatal(err)
			}
		}
	})
}
