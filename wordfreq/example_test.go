package wordfreq_test

import (
	"fmt"

	"corpusbot/wordfreq"
)

func ExampleEnglish() {
	fmt.Println(wordfreq.English("happen") >= 5, wordfreq.English("salary") >= 5)
	// Output: true false
}
