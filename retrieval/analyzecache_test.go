package retrieval

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestAnalyzeCache: Analyze through the cache gives what the analysers
// give, a copy each call (a caller changing one changes no other), keeps
// no long text and no more than two generations of short ones.
func TestAnalyzeCache(t *testing.T) {
	ix, err := New(Config{}, []Item{
		{Doc: "en", Text: "The users of Alipay pay with loans. Regulators ordered changes.", Lang: "en"},
		{Doc: "fr", Text: "Les utilisateurs paient avec des prêts. La hache de guerre est enterrée.", Lang: "fr"},
		{Doc: "zh", Text: "支付宝的用户用贷款支付。监管机构下令改变。", Lang: "zh"},
	})
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("users pay with loans ", 10)
	for _, s := range []string{"users", "The", "Alipay gambit", "utilisateurs", "支付宝的用户", "", "!!", long} {
		want := ix.analyze(s)
		first := ix.Analyze(s)
		if !slices.Equal(first, want) {
			t.Fatalf("Analyze(%q) = %q, want %q", s, first, want)
		}
		if len(first) > 0 {
			first[0] = "changed"
			slices.Reverse(first)
		}
		if again := ix.Analyze(s); !slices.Equal(again, want) {
			t.Errorf("Analyze(%q) after its first result changed = %q, want %q", s, again, want)
		}
	}
	if _, ok := ix.analyzed.get(long); ok {
		t.Errorf("a text of %d bytes is cached; the bound is %d", len(long), maxCachedText)
	}
	for i := range 3*cacheGeneration + 5 {
		ix.Analyze(fmt.Sprintf("word%d", i))
	}
	if n := ix.analyzed.len(); n > 2*cacheGeneration {
		t.Errorf("cache holds %d texts, want at most %d", n, 2*cacheGeneration)
	}
	// A text of the older generation asked again moves to the newer.
	ix.Analyze("word0")
	for i := range cacheGeneration {
		if i%2 == 0 {
			ix.Analyze("kept")
		}
		ix.Analyze(fmt.Sprintf("other%d", i))
	}
	if _, ok := ix.analyzed.get("kept"); !ok {
		t.Error("a text asked all along was dropped")
	}
	if got, want := ix.Analyze("word1"), ix.analyze("word1"); !slices.Equal(got, want) {
		t.Errorf("after eviction: %q, want %q", got, want)
	}
}
