package verify

import (
	"context"
	"sync"
	"testing"

	"corpusbot/corpus"
	"corpusbot/retrieval"
	"corpusbot/text"
)

// testPassage is a passage given to a reply in the rendering tests.
type testPassage struct{ text, lang string }

// testPassages are the passages a reply is checked against: the rendering
// tests' fixture, the embedded corpus's passages.
type testPassages []testPassage

func (ps testPassages) Len() int          { return len(ps) }
func (ps testPassages) Text(i int) string { return ps[i].text }
func (ps testPassages) Lang(i int) string { return ps[i].lang }

func (ps testPassages) Sentences(i int) []string {
	var out []string
	for _, sp := range text.SentencesOfItems(ps[i].text) {
		out = append(out, ps[i].text[sp.Start:sp.End])
	}
	return out
}

var fixture struct {
	once sync.Once
	ps   testPassages
	ix   *retrieval.Index
	err  error
}

// fixtureReader is a Reader over the first n passages of the embedded
// corpus, in order, with an index of the corpus as package answer builds
// it (the heading path indexed with each passage) to analyse words.
func fixtureReader(t testing.TB, n int) (*Reader, testPassages) {
	t.Helper()
	fixture.once.Do(func() {
		var c *corpus.Corpus
		if c, fixture.err = corpus.Load(context.Background(), corpus.Embedded(), corpus.Config{}); fixture.err != nil {
			return
		}
		var items []retrieval.Item
		for _, d := range c.Docs {
			for pi := range d.Passages {
				p := &d.Passages[pi]
				fixture.ps = append(fixture.ps, testPassage{text: p.Text, lang: d.Lang})
				items = append(items, retrieval.Item{Doc: d.ID, Title: d.HeadingPath(p), Text: p.Text, Lang: d.Lang})
			}
		}
		fixture.ix, fixture.err = retrieval.New(retrieval.Config{}, items)
	})
	if fixture.err != nil {
		t.Fatalf("load and index the embedded corpus: %v", fixture.err)
	}
	ps := fixture.ps[:min(n, len(fixture.ps))]
	return NewReader(ps, fixture.ix, "question"), ps
}
