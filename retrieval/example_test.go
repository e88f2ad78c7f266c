package retrieval_test

import (
	"fmt"

	"corpusbot/retrieval"
)

func Example() {
	items := []retrieval.Item{
		{Doc: "alipay", Title: "Alipay ordered to spin off micro-loans", Lang: "en",
			Text: "Alipay, with more than 1 billion users, was told to spin off its micro-loan business."},
		{Doc: "alipay", Title: "Alipay ordered to spin off micro-loans", Lang: "en",
			Text: "Regulators pulled the plug on the record US$37 billion stock market launch."},
		{Doc: "tencent", Title: "Alibaba et Tencent enterrent la hache de guerre", Lang: "fr",
			Text: "L’ouverture des services de Tencent et Alibaba se fait progressivement."},
	}
	ix, err := retrieval.New(retrieval.Config{}, items)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, q := range []string{"How many users does Alipay have?", "US$37", "Pourquoi l'ouverture est-elle progressive ?", "What is the population of Brazil?"} {
		hits, err := ix.Search(q, 1)
		if err != nil {
			fmt.Println(q, "→", err)
			continue
		}
		if len(hits) == 0 || !ix.Relevant(hits[0]) {
			fmt.Println(q, "→ not in the corpus")
			continue
		}
		h := hits[0]
		fmt.Printf("%s → %s #%d, coverage %.2f, terms %v\n", q, items[h.Item].Doc, h.Item, h.Coverage, h.Terms)
	}
	// Output:
	// How many users does Alipay have? → alipay #0, coverage 1.00, terms [user alipay]
	// US$37 → alipay #1, coverage 1.00, terms [us 37]
	// Pourquoi l'ouverture est-elle progressive ? → tencent #2, coverage 1.00, terms [ouvertur progress]
	// What is the population of Brazil? → not in the corpus
}

func ExampleIndex_Highlight() {
	ix, _ := retrieval.New(retrieval.Config{}, []retrieval.Item{
		{Lang: "en", Text: "Alipay (支付寶) boasts 450 million real-name users."},
	})
	text := ix.Item(0).Text
	for _, s := range ix.Highlight(0, "支付宝 users") {
		fmt.Printf("[%d,%d) %s\n", s.Start, s.End, text[s.Start:s.End])
	}
	// Output:
	// [8,17) 支付寶
	// [48,53) users
}

// ExampleIndex_Analyze_identifiers: an identifier is indexed whole and as
// its words, so that prose finds code and code finds its exact spelling.
func ExampleIndex_Analyze_identifiers() {
	ix, _ := retrieval.New(retrieval.Config{}, []retrieval.Item{
		{Lang: "en", Text: "Set persistentVolumes and max_tokens in the spec."},
	})
	fmt.Println(ix.Analyze("persistentVolumes"))
	fmt.Println(ix.Analyze("maxTokens"))
	for _, s := range ix.Highlight(0, "persistent volumes") {
		fmt.Println(ix.Item(0).Text[s.Start:s.End])
	}
	// Output:
	// [persist persistentvolum volum]
	// [max maxtoken token]
	// persistentVolumes
}

// How many items write a Thai word, counted as the index was built: Thai
// has no spaces, so a word is not a term of the index.
func ExampleIndex_ThaiDF() {
	ix, _ := retrieval.New(retrieval.Config{}, []retrieval.Item{
		{Lang: "th", Text: "ภาษาไทยเป็นภาษาราชการ"},
		{Lang: "th", Text: "ประเทศไทยมีภาษาถิ่นหลายภาษา"},
		{Lang: "th", Text: "ข้าวเป็นอาหารหลัก"},
	})
	for _, w := range []string{"ภาษา", "ข้าว", "กาแฟ", "xyz"} {
		n, ok := ix.ThaiDF(w)
		fmt.Println(w, n, ok)
	}
	// Output:
	// ภาษา 2 true
	// ข้าว 1 true
	// กาแฟ 0 true
	// xyz 0 false
}
