package wordfreq_test

import (
	"fmt"

	"corpusbot/wordfreq"
)

func ExampleEnglish() {
	fmt.Println(wordfreq.English("happen") >= 5, wordfreq.English("salary") >= 5)
	// Output: true false
}

func ExampleZipf() {
	// "bedeutet" is a common German word and no English one.
	fmt.Println(wordfreq.Zipf("de", "bedeutet") > 4, wordfreq.Zipf("en", "bedeutet"))
	// Output: true 0
}
