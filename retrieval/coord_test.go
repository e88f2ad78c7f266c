package retrieval

import (
	"slices"
	"testing"
)

// TestCoordinateCJK: in a CJK query, a passage that holds more of the
// question's words (蜂鸟, 每秒, 扇动, 翅膀, once each in a long sentence)
// outranks a short one that repeats a single rarer pair (蜂鸟), which
// plain BM25 puts first (coordinate). Characters absent from corpus/.
func TestCoordinateCJK(t *testing.T) {
	ix := mustNew(t, Config{}, []Item{
		{Doc: "repeat", Text: "蜂鸟，蜂鸟，蜂鸟！", Lang: "zh"},
		{Doc: "answer", Text: "在美洲的森林里，蜂鸟每秒能扇动它们小小的翅膀几十次，悬停在花前吸食花蜜，这种本领在鸟类中独一无二。", Lang: "zh"},
		{Doc: "butterfly", Text: "蝴蝶的翅膀很美，每秒扇动几次。", Lang: "zh"},
		{Doc: "dragonfly", Text: "蜻蜓有四片翅膀，每秒扇动三十次。", Lang: "zh"},
		{Doc: "bee", Text: "蜜蜂的翅膀每秒扇动两百次。", Lang: "zh"},
		{Doc: "penguin", Text: "企鹅不会飞，在海里游泳捕鱼。", Lang: "zh"},
		{Doc: "pigeon", Text: "鸽子飞行时翅膀有力。", Lang: "zh"},
	})
	const q = "蜂鸟的翅膀每秒扇动多少次？"
	searches := map[string]func() ([]string, error){
		"Search": func() ([]string, error) {
			hits, err := ix.Search(q, 10)
			var docs []string
			for _, h := range hits {
				docs = append(docs, ix.Item(h.Item).Doc)
			}
			return docs, err
		},
		"SearchDocs": func() ([]string, error) {
			hits, err := ix.SearchDocs(q, 10)
			var docs []string
			for _, h := range hits {
				docs = append(docs, h.Doc)
			}
			return docs, err
		},
	}
	for name, search := range searches {
		docs, err := search()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		a, r := slices.Index(docs, "answer"), slices.Index(docs, "repeat")
		if a < 0 || r < 0 || a > r {
			t.Errorf("%s(%s): got %q, want answer before repeat", name, q, docs)
		}
	}
}

// TestCoordinateWords checks which queries coordinate scales and which
// words it counts: pairs with a one-character stopword (谁赢, 的翅) score
// and count for Coverage, not for coordinate; a query without CJK keeps
// plain BM25.
func TestCoordinateWords(t *testing.T) {
	ix := mustNew(t, Config{}, []Item{
		{Doc: "a", Text: "谁赢得了比赛？蜂鸟的翅膀。", Lang: "zh"},
		{Doc: "b", Text: "The hummingbird beats its wings fast.", Lang: "en"},
	})
	tests := []struct {
		q         string
		stopPairs []string // analysed terms of the words coordinate leaves out
		coord     bool
	}{
		{"谁赢得了比赛？", []string{"谁赢", "了比"}, true}, // 得了 is a framing phrase, no word
		{"蜂鸟的翅膀", []string{"鸟的", "的翅"}, true},
		{"誰贏得了比賽？", []string{"谁赢", "了比"}, true}, // folded to simplified first
		{"蜂鸟", nil, true},
		{"hummingbird wings", nil, false},
	}
	for _, tt := range tests {
		q := ix.parseQuery(tt.q, maxQueryBytes, maxQueryTerms)
		var stop []string
		var rest float64
		for _, w := range q.words {
			if w.stopPair {
				stop = append(stop, q.terms[w.terms[0]].text)
			} else {
				rest += w.weight
			}
		}
		if !slices.Equal(stop, tt.stopPairs) {
			t.Errorf("%s: stopword pairs %q, want %q", tt.q, stop, tt.stopPairs)
		}
		if got := q.coordW > 0; got != tt.coord {
			t.Errorf("%s: coordinate %v, want %v", tt.q, got, tt.coord)
		}
		if tt.coord && q.coordW != rest {
			t.Errorf("%s: coordinate weight %v, want %v (every word but the stopword pairs)", tt.q, q.coordW, rest)
		}
	}
}

// TestForeignWordInHanQuestion: in a Chinese question, a Latin acronym
// rarer than its Han words finds its paragraph. A Han word scores through
// its pair and its characters, the acronym once (weighForeign).
// Characters and names absent from corpus/.
func TestForeignWordInHanQuestion(t *testing.T) {
	ix := mustNew(t, Config{}, []Item{
		{Doc: "answer", Text: "每年春天，学生会举办一次音乐周（MUWO），持续七天，有演出和讲座。", Lang: "zh"},
		{Doc: "d1", Text: "每个选区选出五名代表，代表任期四年。", Lang: "zh"},
		{Doc: "d2", Text: "工会代表与公司谈判工资。", Lang: "zh"},
		{Doc: "d3", Text: "代表大会每年召开一次。", Lang: "zh"},
		{Doc: "d4", Text: "红色在这里代表热情。", Lang: "zh"},
		{Doc: "d5", Text: "图书馆周末开放到晚上九点。", Lang: "zh"},
		{Doc: "d6", Text: "食堂的饺子很受欢迎。", Lang: "zh"},
	})
	const question = "MUWO代表什么？"
	hits, err := ix.SearchDocs(question, 3)
	if err != nil {
		t.Fatalf("%s: %v", question, err)
	}
	if len(hits) == 0 || hits[0].Doc != "answer" {
		t.Errorf("SearchDocs(%s): got %v, want answer first", question, hits)
	}
	// Only the score and coordinate change: Coverage keeps the plain idf.
	q := ix.parseQuery(question, 0, 0)
	for _, w := range q.words {
		want := w.weight
		if !w.cjk {
			want *= foreignInHan
		}
		if w.coord != want {
			t.Errorf("word %v: coord %v, want %v", w.terms, w.coord, want)
		}
	}
	// A term typed alone is no question: no Han unigram scores, nothing
	// is reweighed.
	q = ix.parseQuery("MUWO 代表", 0, 0)
	for _, w := range q.words {
		if w.coord != w.weight {
			t.Errorf("MUWO 代表: word %v coord %v, want its weight %v", w.terms, w.coord, w.weight)
		}
	}
}
