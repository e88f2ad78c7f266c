package retrieval

import (
	"math"
	"slices"
	"testing"
)

// TestHanUnigramsInQuestions: in a Chinese question (it has a stopword),
// the unigrams of words whose pairs the index knows still score, so a
// passage sharing one character of a word (铁 of 铁幕, in 钢铁) ranks
// behind the one with the word but is found; they are no words of the
// query: Analyze, Hit.Terms and Coverage leave them out. A term typed
// alone (铁幕) drops them, as before.
func TestHanUnigramsInQuestions(t *testing.T) {
	ix := mustNew(t, Config{}, []Item{
		{Doc: "curtain", Text: "铁幕把欧洲分成两半。", Lang: "zh"},
		{Doc: "steel", Text: "钢铁厂在河边。", Lang: "zh"},
		{Doc: "other", Text: "欧盟在布鲁塞尔。", Lang: "zh"},
	})
	for _, q := range []string{"《铁幕》是什么？", "铁幕"} {
		if got, want := ix.Analyze(q), []string{"铁幕"}; !slices.Equal(got, want) {
			t.Errorf("Analyze(%q): got %q, want %q", q, got, want)
		}
	}
	hits, err := ix.Search("《铁幕》是什么？", 5)
	if err != nil {
		t.Fatal(err)
	}
	var docs []string
	for _, h := range hits {
		docs = append(docs, ix.Item(h.Item).Doc)
	}
	if want := []string{"curtain", "steel"}; !slices.Equal(docs, want) {
		t.Fatalf("Search(《铁幕》是什么？): got %q, want %q", docs, want)
	}
	if h := hits[1]; h.Coverage != 0 || len(h.Terms) != 0 {
		t.Errorf("the passage held only by the unigram 铁: coverage %v, terms %q; want 0 and none", h.Coverage, h.Terms)
	}
	if h := hits[0]; h.Coverage != 1 || !slices.Equal(h.Terms, []string{"铁幕"}) {
		t.Errorf("the 铁幕 passage: coverage %v, terms %q; want 1 and [铁幕]", h.Coverage, h.Terms)
	}
	hits, err = ix.Search("铁幕", 5)
	if err != nil || len(hits) != 1 || ix.Item(hits[0].Item).Doc != "curtain" {
		t.Errorf("Search(铁幕): got %v, %v; want only the curtain passage", hits, err)
	}
}

// TestFramingPhrases checks that a Chinese framing phrase (用来, from
// stopwords-iso) scores but is no word for Coverage, unless it is all the
// query has.
func TestFramingPhrases(t *testing.T) {
	items := []Item{
		{Doc: "a", Text: "你可以使用注解为对象附加元数据。", Lang: "zh"},
		{Doc: "b", Text: "标签用来选择对象。", Lang: "zh"},
	}
	ix := mustNew(t, Config{}, items)
	tests := []struct {
		q        string
		item     int
		coverage float64
	}{
		{"注解 用来", 0, 1},
		{"注解 用來", 0, 1}, // traditional 來 folds to 来
		{"用来", 1, 1},    // the phrase alone is what is asked
		{"注解 标签", 0, -1},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			hits, err := ix.Search(tt.q, 2)
			if err != nil {
				t.Fatal(err)
			}
			var h *Hit
			for i := range hits {
				if hits[i].Item == tt.item {
					h = &hits[i]
				}
			}
			if h == nil {
				t.Fatalf("Search(%q): item %d not found in %v", tt.q, tt.item, hits)
			}
			if tt.coverage < 0 {
				if h.Coverage >= 1 {
					t.Errorf("coverage %v: 标签 should count against item %d", h.Coverage, tt.item)
				}
				return
			}
			if math.Abs(h.Coverage-tt.coverage) > 1e-9 {
				t.Errorf("coverage: got %v, want %v", h.Coverage, tt.coverage)
			}
		})
	}
}
