package retrieval

import (
	"errors"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func mustNew(t testing.TB, cfg Config, items []Item) *Index {
	t.Helper()
	ix, err := New(cfg, items)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return ix
}

// bm25 is the formula written out, to check the index against.
func bm25(n, df int, tf, dl, avgdl, k1, b float64) float64 {
	idf := math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
	return idf * tf * (k1 + 1) / (tf + k1*(1-b+b*dl/avgdl))
}

func TestBM25(t *testing.T) {
	items := []Item{
		{Doc: "a", Text: "apple banana"},
		{Doc: "b", Text: "apple apple cherry"},
		{Doc: "c", Text: "banana cherry date elderberry"},
	}
	const avgdl = 3.0
	for _, cfg := range []Config{{}, {K1: 0.9, B: 0.4}, {K1: 2, B: 1}} {
		ix := mustNew(t, cfg, items)
		k1, b := ix.Config().K1, ix.Config().B
		t.Run("", func(t *testing.T) {
			hits, err := ix.Search("apple cherry", 10)
			if err != nil {
				t.Fatal(err)
			}
			want := map[int]float64{
				0: bm25(3, 2, 1, 2, avgdl, k1, b),
				1: bm25(3, 2, 2, 3, avgdl, k1, b) + bm25(3, 2, 1, 3, avgdl, k1, b),
				2: bm25(3, 2, 1, 4, avgdl, k1, b),
			}
			if len(hits) != 3 {
				t.Fatalf("got %d hits, want 3", len(hits))
			}
			for i, h := range hits {
				if math.Abs(h.Score-want[h.Item])/want[h.Item] > 1e-6 {
					t.Errorf("k1=%v b=%v item %d: got score %v, want %v", k1, b, h.Item, h.Score, want[h.Item])
				}
				if i > 0 && h.Score > hits[i-1].Score {
					t.Errorf("hits not sorted: %v", hits)
				}
			}
			if hits[0].Item != 1 {
				t.Errorf("top item: got %d, want 1", hits[0].Item)
			}
		})
	}
}

func TestTiesByItemOrder(t *testing.T) {
	items := []Item{
		{Doc: "x", Text: "other words"},
		{Doc: "y", Text: "same text"},
		{Doc: "z", Text: "same text"},
		{Doc: "w", Text: "same text"},
	}
	ix := mustNew(t, Config{}, items)
	hits, err := ix.Search("same", 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, h := range hits {
		got = append(got, h.Item)
	}
	if want := []int{1, 2, 3}; !slices.Equal(got, want) {
		t.Errorf("Search items: got %v, want %v", got, want)
	}
	docs, err := ix.SearchDocs("same", 10)
	if err != nil {
		t.Fatal(err)
	}
	var gotDocs []string
	for _, d := range docs {
		gotDocs = append(gotDocs, d.Doc+":"+string(rune('0'+d.Item)))
	}
	if want := []string{"y:1", "z:2", "w:3"}; !slices.Equal(gotDocs, want) {
		t.Errorf("SearchDocs: got %v, want %v", gotDocs, want)
	}
}

// A page whose passages match the query throughout ranks its best passage
// above an equally good passage of a page that mentions the query once
// among unrelated passages (a changelog); a document's own passages keep
// their order.
func TestDocumentMatchBlended(t *testing.T) {
	items := []Item{
		{Doc: "changelog", Text: "caching of views"},
		{Doc: "changelog", Text: "updated the release tooling"},
		{Doc: "changelog", Text: "dropped support for old interpreters"},
		{Doc: "caching", Text: "caching of views"},
		{Doc: "caching", Text: "views can be cached in memory with a timeout"},
		{Doc: "caching", Text: "a short note on configuration"},
	}
	ix := mustNew(t, Config{}, items)
	hits, err := ix.Search("caching views", 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, h := range hits {
		got = append(got, h.Item)
	}
	if want := []int{3, 0, 4}; !slices.Equal(got, want) {
		t.Errorf("Search items: got %v, want %v", got, want)
	}
	// Without the rest of either page the two lines tie, and the tie
	// breaks by item order.
	alone := mustNew(t, Config{}, []Item{items[0], items[3]})
	if h, _ := alone.Search("caching views", 1); len(h) != 1 || h[0].Item != 0 {
		t.Errorf("two one-passage documents: got %v, want item 0 first", h)
	}
}

func TestSearchDocsBestPassage(t *testing.T) {
	items := []Item{
		{Doc: "d1", Text: "gold"},
		{Doc: "d1", Text: "gold gold gold price"},
		{Doc: "d2", Text: "gold price market report for the week"},
		{Doc: "d3", Text: "silver"},
	}
	ix := mustNew(t, Config{}, items)
	passages, err := ix.Search("gold price", 10)
	if err != nil {
		t.Fatal(err)
	}
	best := map[string]Hit{}
	for _, h := range passages {
		d := items[h.Item].Doc
		if _, ok := best[d]; !ok {
			best[d] = h
		}
	}
	docs, err := ix.SearchDocs("gold price", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("got %d documents, want 2 (d3 has no match)", len(docs))
	}
	// The same passage; its score is its BM25 alone, without Search's
	// blend of the document's other passages.
	for _, d := range docs {
		b := best[d.Doc]
		if d.Item != b.Item || d.Coverage != b.Coverage || !slices.Equal(d.Terms, b.Terms) {
			t.Errorf("doc %s: got %+v, want its best passage %+v", d.Doc, d.Hit, b)
		}
	}
	one, _ := ix.SearchDocs("gold price", 1)
	if len(one) != 1 || one[0].Doc != docs[0].Doc {
		t.Errorf("SearchDocs k=1: got %v, want [%s]", one, docs[0].Doc)
	}
}

func TestErrNoTerms(t *testing.T) {
	ix := mustNew(t, Config{}, []Item{
		{Doc: "en", Text: "Alipay users", Lang: "en"},
		{Doc: "fr", Text: "Les utilisateurs", Lang: "fr"},
		{Doc: "ar", Text: "مستخدمي Alipay", Lang: "ar"},
	})
	for _, q := range []string{"", "   \t\n", "the of and", "What is it?", "le la les", "في من على", "?!… — «»", "🙂🎉👍🏽", "\u200d\u00ad"} {
		t.Run(q, func(t *testing.T) {
			if _, err := ix.Search(q, 5); !errors.Is(err, ErrNoTerms) {
				t.Errorf("Search(%q): got error %v, want ErrNoTerms", q, err)
			}
			if _, err := ix.SearchDocs(q, 5); !errors.Is(err, ErrNoTerms) {
				t.Errorf("SearchDocs(%q): got error %v, want ErrNoTerms", q, err)
			}
		})
	}
	t.Run("absent terms are no error", func(t *testing.T) {
		hits, err := ix.Search("zebra", 5)
		if err != nil || len(hits) != 0 {
			t.Errorf("got %v, %v; want no hits, no error", hits, err)
		}
	})
	t.Run("k zero", func(t *testing.T) {
		hits, err := ix.Search("alipay", 0)
		if err != nil || len(hits) != 0 {
			t.Errorf("got %v, %v; want no hits, no error", hits, err)
		}
	})
}

// TestQueryLanguage: stopwords are those of the language the query's
// stopwords point to, so an English question keeps "Ma" although French
// lists it, and a French one drops it.
func TestQueryLanguage(t *testing.T) {
	ix := mustNew(t, Config{}, []Item{{Text: "Jack Ma", Lang: "en"}, {Text: "Jack Ma", Lang: "fr"}})
	tests := []struct {
		q       string
		wantMa  bool
		wantAny []string
	}{
		{"What did Jack Ma say?", true, []string{"jack"}},
		{"Qu'a dit Jack à ma mère ?", false, []string{"jack", "mer", "mère"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			got := ix.Analyze(tt.q)
			if slices.Contains(got, "ma") != tt.wantMa {
				t.Errorf("Analyze(%q) = %q: has \"ma\" %v, want %v", tt.q, got, !tt.wantMa, tt.wantMa)
			}
			for _, w := range tt.wantAny {
				if !slices.Contains(got, w) {
					t.Errorf("Analyze(%q) = %q, want %q in it", tt.q, got, w)
				}
			}
		})
	}
}

func TestCoverage(t *testing.T) {
	items := []Item{
		{Doc: "a", Text: "Alipay users", Lang: "en"},
		{Doc: "b", Text: "quelque chose d'autre", Lang: "und"},
	}
	ix := mustNew(t, Config{}, items)
	ln2, ln6 := math.Log(2), math.Log(6) // idf of df=1 and df=0 with N=2
	tests := []struct {
		q    string
		want float64
	}{
		// "users" is "user" in English, "users" in the generic analyser:
		// one word, matched through either variant.
		{"users", 1},
		{"Alipay users", 1},
		{"Alipay users Brazil", 2 * ln2 / (2*ln2 + ln6)},
		{"Alipay Brazil Argentina", ln2 / (ln2 + 2*ln6)},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			hits, err := ix.Search(tt.q, 1)
			if err != nil || len(hits) != 1 || hits[0].Item != 0 {
				t.Fatalf("Search(%q): got %v, %v; want item 0", tt.q, hits, err)
			}
			if got := hits[0].Coverage; math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("coverage: got %v, want %v", got, tt.want)
			}
			if ix.Relevant(hits[0]) != (hits[0].Coverage >= DefaultFloor) {
				t.Errorf("Relevant(%v) with floor %v: got %v", hits[0].Coverage, DefaultFloor, ix.Relevant(hits[0]))
			}
		})
	}
	hits, _ := ix.Search("Alipay users", 1)
	if want := []string{"alipay", "user"}; !slices.Equal(hits[0].Terms, want) {
		t.Errorf("Terms: got %q, want %q", hits[0].Terms, want)
	}
}

func TestRelevantFloor(t *testing.T) {
	items := []Item{{Text: "alpha beta"}, {Text: "gamma"}}
	hits := func(ix *Index) Hit {
		h, err := ix.Search("alpha zeta", 1)
		if err != nil || len(h) != 1 {
			t.Fatalf("Search: %v, %v", h, err)
		}
		return h[0]
	}
	low := mustNew(t, Config{Floor: 0.1}, items)
	high := mustNew(t, Config{Floor: 0.9}, items)
	if h := hits(low); !low.Relevant(h) {
		t.Errorf("floor 0.1, coverage %v: got not relevant, want relevant", h.Coverage)
	}
	if h := hits(high); high.Relevant(h) {
		t.Errorf("floor 0.9, coverage %v: got relevant, want not", h.Coverage)
	}
}

func TestConfig(t *testing.T) {
	bad := []Config{{K1: -1}, {K1: math.NaN()}, {K1: math.Inf(1)}, {B: 1.5}, {B: -0.1}, {Floor: 2}, {Floor: math.NaN()}}
	for _, c := range bad {
		if _, err := New(c, nil); err == nil {
			t.Errorf("New(%+v): got no error, want one", c)
		}
	}
	ix := mustNew(t, Config{}, nil)
	if got, want := ix.Config(), (Config{K1: DefaultK1, B: DefaultB, Floor: DefaultFloor}); got != want {
		t.Errorf("defaults: got %+v, want %+v", got, want)
	}
	if hits, err := ix.Search("anything", 3); err != nil || len(hits) != 0 {
		t.Errorf("empty index: got %v, %v; want no hits, no error", hits, err)
	}
}

func TestLanguagesLen(t *testing.T) {
	items := []Item{{Lang: "fr"}, {Lang: "en"}, {Lang: "zh-TW"}, {Lang: "ar"}, {Lang: ""}, {Lang: "de"}, {Lang: "en"}, {Lang: "xx"}}
	ix := mustNew(t, Config{}, items)
	if got, want := ix.Languages(), []string{"ar", "cjk", "de", "en", "fr"}; !slices.Equal(got, want) {
		t.Errorf("Languages: got %q, want %q", got, want)
	}
	if ix.Len() != len(items) {
		t.Errorf("Len: got %d, want %d", ix.Len(), len(items))
	}
	// Items of unknown language take the commonest language's analyser;
	// only an index of unknown languages alone uses the generic one.
	if got := mustNew(t, Config{}, []Item{{Lang: ""}, {Lang: "xx"}}).Languages(); !slices.Equal(got, []string{"und"}) {
		t.Errorf("Languages of unknown-language items: got %q, want [und]", got)
	}
}

func TestAnalyzeDistinct(t *testing.T) {
	ix := mustNew(t, Config{}, []Item{{Text: "x", Lang: "en"}})
	if got, want := ix.Analyze("Users, users and USERS’ 支付寶 支付宝"), []string{"user", "支", "支付", "付", "付宝", "宝"}; !slices.Equal(got, want) {
		t.Errorf("Analyze: got %q, want %q", got, want)
	}
}

// TestHanUnigrams: a query's Han unigrams count only where the index lacks
// one of their pairs, so 宝 of 支付宝 does not find 余额宝, while a word of
// one character (球) and a pair across words still find their passages.
func TestHanUnigrams(t *testing.T) {
	ix := mustNew(t, Config{}, []Item{
		{Doc: "alipay", Text: "支付宝有十亿用户。", Lang: "zh"},
		{Doc: "yuebao", Text: "余额宝是一个基金。", Lang: "zh"},
		{Doc: "ball", Text: "他把球踢进了球门。", Lang: "zh"},
	})
	if got, want := ix.Analyze("支付宝"), []string{"支付", "付宝"}; !slices.Equal(got, want) {
		t.Errorf("Analyze(支付宝): got %q, want %q (pairs the index has)", got, want)
	}
	hits, err := ix.Search("支付宝", 5)
	if err != nil || len(hits) != 1 || hits[0].Item != 0 {
		t.Errorf("Search(支付宝): got %v, %v; want only the Alipay passage", hits, err)
	}
	hits, err = ix.Search("谁踢球", 5)
	if err != nil || len(hits) == 0 || hits[0].Item != 2 {
		t.Errorf("Search(谁踢球): got %v, %v; want the ball passage first", hits, err)
	}
}

func TestHighlight(t *testing.T) {
	text := "Alipay’s users love Alipay. 支付寶 too; the app."
	ix := mustNew(t, Config{}, []Item{{Text: text, Lang: "en"}})
	span := func(s string, from int) Span {
		i := strings.Index(text[from:], s) + from
		return Span{i, i + len(s)}
	}
	tests := []struct {
		q    string
		want []Span
	}{
		{"alipay", []Span{span("Alipay’s", 0), span("Alipay", 5)}},
		{"支付宝", []Span{span("支付寶", 0)}},
		{"user apps", []Span{span("users", 0), span("app", 40)}},
		{"the", nil},
		{"zebra", nil},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			if got := ix.Highlight(0, tt.q); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Highlight(%q): got %v, want %v", tt.q, got, tt.want)
			}
		})
	}
	for _, item := range []int{-1, 1} {
		if got := ix.Highlight(item, "alipay"); got != nil {
			t.Errorf("Highlight(item %d): got %v, want nil", item, got)
		}
	}
}

// TestHugeQuery: a 100 KB query is truncated and capped, not a slow search.
func TestHugeQuery(t *testing.T) {
	ix := mustNew(t, Config{}, embeddedItems(t))
	var sb strings.Builder
	sb.WriteString("Alipay micro-loan ")
	for i := 0; sb.Len() < 100_000; i++ {
		sb.WriteString("word")
		sb.WriteString(strings.Repeat(string(rune('a'+i%26)), 1+i%7))
		sb.WriteString(" 支付寶 ")
	}
	start := time.Now()
	hits, err := ix.Search(sb.String(), 5)
	if err != nil || len(hits) == 0 {
		t.Fatalf("Search: got %d hits, %v; want some", len(hits), err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("100 KB query took %v, want well under 2s", d)
	}
	q := ix.parseQuery(sb.String(), maxQueryBytes, maxQueryTerms)
	if len(q.terms) > maxQueryTerms {
		t.Errorf("query terms: got %d, want ≤ %d", len(q.terms), maxQueryTerms)
	}
}

// TestConcurrentSearch runs searches from many goroutines against one index
// and expects what a lone search returns; run it with -race.
func TestConcurrentSearch(t *testing.T) {
	items := embeddedItems(t)
	ix := mustNew(t, Config{}, items)
	var queries []string
	for _, q := range readQuestions(t) {
		queries = append(queries, q.Question)
	}
	want := make([][]Hit, len(queries))
	wantDocs := make([][]DocHit, len(queries))
	for i, q := range queries {
		want[i], _ = ix.Search(q, 5)
		wantDocs[i], _ = ix.SearchDocs(q, 3)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(queries))
	for g := range 8 {
		wg.Go(func() {
			for r := range 20 {
				i := (g + r) % len(queries)
				got, _ := ix.Search(queries[i], 5)
				gotDocs, _ := ix.SearchDocs(queries[i], 3)
				if !reflect.DeepEqual(got, want[i]) || !reflect.DeepEqual(gotDocs, wantDocs[i]) {
					errs <- queries[i]
					return
				}
				if len(got) > 0 {
					ix.Highlight(got[0].Item, queries[i])
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for q := range errs {
		t.Errorf("concurrent Search(%q) differs from a lone search", q)
	}
}

// TestQueryLanguageScores: a query scores with the analyser of its own
// language; other languages' stems of its words only count towards
// Coverage, so a stray French document does not stem every English query.
func TestQueryLanguageScores(t *testing.T) {
	ix := mustNew(t, Config{}, []Item{
		{Doc: "en", Text: "The health codes of the city were checked by its users.", Lang: "en"},
		{Doc: "fr", Text: "Les utilisateurs ont vérifié les codes de santé de la ville.", Lang: "fr"},
	})
	hits, err := ix.Search("Who checked the health codes?", 5)
	if err != nil || len(hits) == 0 || hits[0].Item != 0 {
		t.Fatalf("English query: got %v, %v; want the English passage first", hits, err)
	}
	if len(hits) != 1 {
		t.Errorf("English query: got %v; want the English passage alone (the French one shares only French stems of its words)", hits)
	}
	hits, err = ix.Search("Qui a vérifié les codes de santé ?", 5)
	if err != nil || len(hits) == 0 || hits[0].Item != 1 {
		t.Errorf("French query: got %v, %v; want the French passage first", hits, err)
	}
}

// TestThaiSearchable: Thai has no spaces between words; a question finds
// its passage through character bigrams (XQuAD th, CC BY-SA 4.0).
func TestThaiSearchable(t *testing.T) {
	ix := mustNew(t, Config{}, []Item{
		{Doc: "warsaw", Text: "วอร์ซอเป็นเมืองหลวงของประเทศโปแลนด์", Lang: "th"},
		{Doc: "other", Text: "กรุงเทพมหานครเป็นเมืองหลวงของประเทศไทย", Lang: "th"},
	})
	hits, err := ix.Search("เมืองหลวงของโปแลนด์คืออะไร", 2)
	if err != nil || len(hits) == 0 || hits[0].Item != 0 {
		t.Errorf("Search: got %v, %v; want the Warsaw passage first", hits, err)
	}
}

// TestIdentifiers: an identifier is found by its words written apart, an
// exact identifier ranks the page that writes it first, and an identifier
// no page has is searched by its parts without lowering Coverage.
func TestIdentifiers(t *testing.T) {
	items := []Item{
		{Doc: "prose", Text: "Volumes that persist: a persistent store for pods, with volumes of any size.", Lang: "en"},
		{Doc: "spec", Text: "Set persistentVolumes in the pod spec.", Lang: "en"},
		{Doc: "other", Text: "Pods run containers.", Lang: "en"},
		{Doc: "limits", Text: "The model stops at the max tokens limit.", Lang: "en"},
	}
	ix := mustNew(t, Config{}, items)
	tests := []struct {
		q        string
		first    int     // item expected first
		coverage float64 // its Coverage at least
	}{
		{"persistentVolumes", 1, 1},
		{"PersistentVolumes", 1, 1},
		{"persistent_volumes", 1, 1},
		{"persistent volumes in the spec", 1, 1},
		{"maxTokens", 3, 1},
		{"max_tokens", 3, 1},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			hits, err := ix.Search(tt.q, 4)
			if err != nil || len(hits) == 0 {
				t.Fatalf("Search(%q): %v, %v", tt.q, hits, err)
			}
			if hits[0].Item != tt.first || hits[0].Coverage < tt.coverage {
				t.Errorf("Search(%q): first item %d, Coverage %.2f; want item %d, Coverage ≥ %.2f (hits %v)",
					tt.q, hits[0].Item, hits[0].Coverage, tt.first, tt.coverage, hits)
			}
		})
	}
	// The identifier is one word of the question for Coverage, its parts
	// scoring only: "resize", which no item has, weighs as much as it would
	// beside any other word.
	hits, _ := ix.Search("persistentVolumes resize", 1)
	w := ix.lookup("persistentvolum").idf
	if want := w / (w + ix.maxIDF); len(hits) == 0 || hits[0].Item != 1 || math.Abs(hits[0].Coverage-want) > 1e-9 {
		t.Errorf("Search(persistentVolumes resize): %v; want item 1 with Coverage %.3f", hits, want)
	}
	text := items[1].Text
	i := strings.Index(text, "persistentVolumes")
	if got, want := ix.Highlight(1, "persistent volumes"), []Span{{i, i + len("persistentVolumes")}}; !reflect.DeepEqual(got, want) {
		t.Errorf("Highlight: got %v, want %v", got, want)
	}
}

// TestArabicLoneProclitic: a query word with a lone preposition (لـ, بـ, كـ,
// after و or ف) also searches the word without it, and an item's word is
// never cut: فريق ("team") keeps its ف.
func TestArabicLoneProclitic(t *testing.T) {
	items := []Item{
		{Doc: "a", Text: "تم استهداف إمبراطورية أعمال ما", Lang: "ar"},
		{Doc: "b", Text: "فاز الفريق بالمباراة", Lang: "ar"},
		{Doc: "c", Text: "ريق", Lang: "ar"},
	}
	ix := mustNew(t, Config{}, items)
	tests := []struct {
		q     string
		first int
	}{
		{"لإمبراطورية", 0},
		{"ولإمبراطورية", 0},
		{"بإمبراطورية", 0},
		{"فريق", 1},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			hits, err := ix.Search(tt.q, 3)
			if err != nil || len(hits) == 0 || hits[0].Item != tt.first || hits[0].Coverage != 1 {
				t.Fatalf("Search(%q): %v, %v; want item %d first, Coverage 1", tt.q, hits, err, tt.first)
			}
		})
	}
	if got := analyzeTerms("ar", "فريق لإمبراطورية"); !slices.Equal(got, []string{"فريق", "لامبراطور"}) {
		t.Errorf("items keep their words whole: got %q", got)
	}
}
