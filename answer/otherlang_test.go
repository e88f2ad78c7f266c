package answer

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// Without a model, a question in a language no document is written in
// abstains as before, but says so in the question's language, naming the
// documents' languages, and its nearest documents are those its names,
// code and numbers point to (by search), not those a word of its language
// happens to match. A question in the documents' language abstains as
// ever.
func TestAbstainInAnotherLanguage(t *testing.T) {
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"storage.md": {Data: []byte("# Storage\n\n" +
			"Prometheus keeps its samples in a local time series database on disk. " +
			"Blocks of two hours are compacted into larger ones in the background.\n")},
		"sync.md": {Data: []byte("# Flushing files\n\n" +
			"The fsync call flushes the data of a file to the disk before it returns. " +
			"A program that must not lose writes calls it after each one.\n")},
		"vikings.md": {Data: []byte("# Settlers\n\n" +
			"The dane and the saxon settled the coast in the ninth century. " +
			"Each dane kept a farm and a boat, and the farms were passed to their sons.\n")},
		"ports.md": {Data: []byte("# Ports\n\n" +
			"The server listens on port 9090 by default. " +
			"Another port can be chosen with a flag at start.\n")},
	}), nil)
	for _, tt := range []struct {
		question string
		says     []string // in the text; nil: the plain abstention
		nearest  []string // the nearest documents, in order
	}{
		// "dane" is Polish for data and an English word of vikings.md.
		{"Gdzie Prometheus zapisuje swoje dane?", []string{"angielski"}, []string{"storage"}},
		{"Πώς λειτουργεί το fsync;", []string{"Αγγλικά"}, []string{"sync"}},
		{"Który port 9090 używa serwer domyślnie?", []string{"angielski"}, []string{"ports"}},
		{"Ile kosztuje licencja na rok?", []string{"angielski"}, nil},
		{"Quel est le prix de la licence annuelle ?", []string{"anglais"}, nil},
		{"What does the licence cost per year?", nil, nil},
	} {
		res, err := p.Ask(context.Background(), Question{Text: tt.question})
		if err != nil {
			t.Fatal(err)
		}
		if !res.Abstained {
			t.Errorf("%q: answered %q, want an abstention", tt.question, res.Text)
			continue
		}
		if tt.says == nil && res.Text != notCoveredText(res.Lang) {
			t.Errorf("%q: %q, want the plain abstention", tt.question, res.Text)
		}
		for _, s := range tt.says {
			if !strings.Contains(res.Text, s) || res.Text == notCoveredText(res.Lang) {
				t.Errorf("%q: %q, want it to name the documents' language (%q)", tt.question, res.Text, s)
			}
		}
		var got []string
		for _, n := range res.Nearest {
			got = append(got, n.DocID)
		}
		if tt.says != nil && !slices.Equal(got, tt.nearest) {
			t.Errorf("%q: nearest %q, want %q", tt.question, got, tt.nearest)
		}
	}
}
