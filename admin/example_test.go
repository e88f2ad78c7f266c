package admin_test

import (
	"fmt"
	"strings"
	"time"

	"corpusbot/admin"
	"corpusbot/store"
)

// Questions the documents did not answer, grouped by the words they share:
// "recipes" and "recipe" meet, and "what" or "the" make no topic.
func ExampleTermer_Topics() {
	tm, err := admin.NewTermer()
	if err != nil {
		panic(err)
	}
	at := time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)
	topics := tm.Topics([]store.GapQuestion{
		{Question: "What is the best sourdough recipe?", Asked: 3, Abstained: 3, First: at, Last: at},
		{Question: "Sourdough recipes for beginners", Asked: 1, Abstained: 1, First: at, Last: at},
		{Question: "Who approves travel expenses?", Asked: 2, VotedDown: 2, First: at, Last: at},
	})
	for _, t := range topics {
		fmt.Printf("%s: asked %d times, %d questions\n", strings.Join(t.Label, ", "), t.Asked, len(t.Questions))
	}
	// Output:
	// sourdough, recipe: asked 4 times, 2 questions
	// approves, expenses, travel: asked 2 times, 1 questions
}
