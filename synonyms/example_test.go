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
