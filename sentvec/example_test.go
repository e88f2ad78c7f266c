package sentvec_test

import (
	"fmt"

	"corpusbot/sentvec"
)

func ExampleEncoder_Encode() {
	var e sentvec.Encoder // loads the model on first use
	v := e.Encode(
		"How do I change my password?",
		"What are the steps to reset a forgotten password?",
		"The train to Berlin leaves at noon.",
	)
	fmt.Println(len(v[0]))
	fmt.Println(sentvec.Cosine(v[0], v[1]) > sentvec.Cosine(v[0], v[2]))
	// Output:
	// 512
	// true
}
