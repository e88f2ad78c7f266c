package snapshot_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"corpusbot/corpus"
	"corpusbot/retrieval"
	"corpusbot/snapshot"
)

// A start that finds no snapshot of the folder's contents builds the
// index and saves it; the next start with the same contents maps it back
// instead, and one with changed contents is told the snapshot is stale.
func Example() {
	ctx := context.Background()
	docs, err := os.MkdirTemp("", "docs")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(docs)
	page := filepath.Join(docs, "deploy.md")
	if err := os.WriteFile(page, []byte("# Deploying\n\nReleases go out every Tuesday.\n"), 0o644); err != nil {
		log.Fatal(err)
	}
	data, err := os.MkdirTemp("", "data") // DATA_DIR: not in the folder it snapshots
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(data)
	path := filepath.Join(data, "index.snap")
	kcfg := snapshot.KeyConfig{Program: []byte("build 1")}

	// First start: hash the folder, find nothing to use, build and save.
	key, man, err := snapshot.ContentKey(ctx, os.DirFS(docs), kcfg, nil)
	if err != nil {
		log.Fatal(err)
	}
	if _, _, _, err := snapshot.Open(path, key); errors.Is(err, snapshot.ErrNotFound) {
		fmt.Println("no snapshot: build")
	}
	c, err := corpus.Load(ctx, os.DirFS(docs), kcfg.Corpus)
	if err != nil {
		log.Fatal(err)
	}
	var items []retrieval.Item
	for _, d := range c.Docs {
		for i := range d.Passages {
			items = append(items, retrieval.Item{Doc: d.ID, Title: d.HeadingPath(&d.Passages[i]), Text: d.Passages[i].Text, Lang: d.Lang})
		}
	}
	ix, err := retrieval.New(kcfg.Retrieval, items)
	if err != nil {
		log.Fatal(err)
	}
	if err := snapshot.Write(ctx, path, key, man, c, ix); err != nil {
		log.Fatal(err)
	}

	// Next start, nothing changed: the same key, and the index is mapped.
	key, man, err = snapshot.ContentKey(ctx, os.DirFS(docs), kcfg, man)
	if err != nil {
		log.Fatal(err)
	}
	c, ix, _, err = snapshot.Open(path, key)
	if err != nil {
		log.Fatal(err)
	}
	hits, err := ix.Search("When do releases go out?", 1)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("mapped:", len(c.Docs), "document; best passage from", ix.Item(hits[0].Item).Doc)

	// A file changed: another key, and the snapshot is not used.
	if err := os.WriteFile(page, []byte("# Deploying\n\nReleases go out every Thursday.\n"), 0o644); err != nil {
		log.Fatal(err)
	}
	key, _, err = snapshot.ContentKey(ctx, os.DirFS(docs), kcfg, man)
	if err != nil {
		log.Fatal(err)
	}
	if _, _, _, err := snapshot.Open(path, key); errors.Is(err, snapshot.ErrStale) {
		fmt.Println("changed: rebuild")
	}
	// Output:
	// no snapshot: build
	// mapped: 1 document; best passage from deploy
	// changed: rebuild
}
