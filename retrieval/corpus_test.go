package retrieval

import (
	"context"
	"io/fs"
	"testing"

	"corpusbot/corpus"
)

// itemsOf loads fsys as the bot does and returns one item per passage.
func itemsOf(t testing.TB, fsys fs.FS) []Item {
	t.Helper()
	c, err := corpus.Load(context.Background(), fsys, corpus.Config{})
	if err != nil {
		t.Fatalf("load corpus: %v", err)
	}
	var items []Item
	for _, d := range c.Docs {
		for _, p := range d.Passages {
			items = append(items, Item{Doc: d.ID, Title: d.Title, Text: p.Text, Lang: d.Lang})
		}
	}
	return items
}

// embeddedItems returns one item per passage of the shipped corpus.
func embeddedItems(t testing.TB) []Item {
	t.Helper()
	return itemsOf(t, corpus.Embedded())
}
