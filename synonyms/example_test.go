package synonyms_test

import (
	"fmt"
	"slices"

	"corpusbot/synonyms"
)

func ExampleTable_Of() {
	// "spoke" is an irregular form of speak, whose commonest sense talk shares.
	fmt.Println(slices.Contains(synonyms.English().Of("spoke", 2), "talk"))
	// Output: true
}

func ExampleTable_Of_chinese() {
	// CC-CEDICT glosses both "every time".
	fmt.Println(slices.Contains(synonyms.Chinese().Of("每次", 2), "每当"))
	// Output: true
}

func ExampleLang() {
	// Spanish, from the Open Multilingual Wordnet's Wiktionary-derived
	// wordnet: a synset's lemmas, as written.
	es := synonyms.Lang("es")
	fmt.Println(slices.Contains(es.Of("comenzar", 2), "empezar"))
	fmt.Println(synonyms.Lang("tr") == nil)
	// Output:
	// true
	// true
}
