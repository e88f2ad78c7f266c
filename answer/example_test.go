package answer_test

import (
	"context"
	"fmt"
	"log"

	"corpusbot/answer"
	"corpusbot/corpus"
)

// Without a model the pipeline answers extractively: corpus sentences,
// each followed by its citation, and the sources they come from.
func ExamplePipeline_Ask() {
	ctx := context.Background()
	c, err := corpus.Load(ctx, corpus.Embedded(), corpus.Config{})
	if err != nil {
		log.Fatal(err)
	}
	p, err := answer.New(answer.Config{}, c, nil)
	if err != nil {
		log.Fatal(err)
	}
	res, err := p.Ask(ctx, answer.Question{Text: "Why was Alipay told to spin off its micro-loan business?"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("extractive:", res.Extractive)
	fmt.Println("first source:", res.Sources[0].DocID)

	res, err = p.Ask(ctx, answer.Question{Text: "What is the population of Brazil?"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Abstained, res.Text)
	// Output:
	// extractive: true
	// first source: alipay-ordered-to-spin-off-micro-loans.en
	// true The corpus does not cover this.
}

// A source's place reads in the reader's language, a deck's pages named
// slides.
func ExampleSpanIn() {
	fmt.Println(answer.Span(corpus.UnitLine, 12, 30, 0, 0))
	fmt.Println(answer.SpanIn("de", corpus.UnitSlide, 0, 0, 4, 4))
	fmt.Println(answer.SpanIn("fr", corpus.UnitPage, 0, 0, 3, 5))
	// Output:
	// lines 12–30
	// Folie 4
	// pages 3–5
}
