package corpus

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unsafe"
)

// Config.Texts gives the memory plain texts are read into: every plain
// text that is the file's bytes lies in memory it gave, slabs and large
// files alike, and the corpus is the one loaded into the heap.
func TestTextsMemory(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := range 300 {
		body := fmt.Sprintf("Title %d\n\n%s\n", i, strings.Repeat(fmt.Sprintf("Paragraph of file %d, with words enough to count. ", i), 1+i%40))
		switch i % 5 {
		case 1:
			body = strings.ReplaceAll(body, "\n", "\r\n") // copied when decoded
		case 2:
			body = strings.Repeat(body, 1+maxSlabFile/len(body)) // a buffer of its own
		}
		fsys[fmt.Sprintf("d%d/f%04d.txt", i%3, i)] = &fstest.MapFile{Data: []byte(body)}
	}
	fsys["notes.md"] = &fstest.MapFile{Data: []byte("# Notes\n\nMarkdown is reduced to text, not read into Texts.\n")}
	var mu sync.Mutex
	var given [][]byte
	texts := func(n int) []byte {
		b := make([]byte, 0, n)
		mu.Lock()
		given = append(given, b[:n])
		mu.Unlock()
		return b
	}
	within := func(s string) bool {
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		for _, b := range given {
			lo := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
			if p >= lo && p+uintptr(len(s)) <= lo+uintptr(len(b)) {
				return true
			}
		}
		return false
	}
	c, err := Load(context.Background(), fsys, Config{Texts: texts})
	if err != nil {
		t.Fatal(err)
	}
	heap, err := Load(context.Background(), fsys, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != len(heap.Docs) {
		t.Fatalf("%d documents, %d loaded into the heap", len(c.Docs), len(heap.Docs))
	}
	for i, d := range c.Docs {
		if d.Text != heap.Docs[i].Text || len(d.Passages) != len(heap.Docs[i].Passages) {
			t.Fatalf("%s differs from the heap's load", d.Path)
		}
		var n int
		fmt.Sscanf(d.Path[len("d0/f"):], "%d", &n)
		wantIn := d.Format == FormatText && n%5 != 1
		if within(d.Text) != wantIn {
			t.Errorf("%s: text in the memory given %v, want %v", d.Path, within(d.Text), wantIn)
		}
	}
}
