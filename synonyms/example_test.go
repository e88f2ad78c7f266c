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
