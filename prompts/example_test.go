package prompts_test

import (
	"fmt"
	"log"

	"corpusbot/prompts"
)

func ExampleSet_Answer() {
	set, err := prompts.New()
	if err != nil {
		log.Fatal(err)
	}
	msg, err := set.Answer(prompts.AnswerData{
		Question: "Who is Liu Xu?",
		Passages: []prompts.Passage{{
			N: 1, DocID: "hatchet.fr", Title: "La hache de guerre",
			Text: "a déclaré Liu Xu, chercheur à l’Institut de stratégie nationale de l’Université Tsinghua.",
		}},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(msg)
	// Output:
	// Passages:
	// <passages>
	// <passage n="1" doc="hatchet.fr" title="La hache de guerre">
	// a déclaré Liu Xu, chercheur à l’Institut de stratégie nationale de l’Université Tsinghua.
	// </passage>
	// </passages>
	//
	// Question:
	// <question>
	// Who is Liu Xu?
	// </question>
	//
	// Answer the question from the passages above. Cite every claim with [n] «exact words of passage n».
}
