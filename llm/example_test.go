package llm_test

import (
	"context"
	"fmt"
	"strings"

	"corpusbot/internal/openaitest"
	"corpusbot/llm"
)

func Example() {
	// A local server needs no key; http://localhost:11434 (Ollama) works too:
	// a base URL without a path gets /v1.
	srv := openaitest.Start()
	defer srv.Close()
	srv.Push(openaitest.RateLimited(""), openaitest.Text("Ant Group owns Alipay [1]."))

	c, err := llm.New(llm.Config{BaseURL: srv.URL(), Model: "llama3.1", MaxRetries: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	resp, err := c.Complete(context.Background(), llm.Request{Messages: []llm.Message{
		{Role: llm.System, Content: "Answer only from the numbered passages."},
		{Role: llm.User, Content: "Who owns Alipay?"},
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.Content, "after", srv.Calls(), "requests")
	// Output: Ant Group owns Alipay [1]. after 2 requests
}

func ExampleClient_Stream() {
	srv := openaitest.Start()
	defer srv.Close()
	srv.Push(openaitest.Text("Alipay has more than 1 billion users [1]."))

	c, err := llm.New(llm.Config{BaseURL: srv.URL()})
	if err != nil {
		fmt.Println(err)
		return
	}
	var pieces []string
	resp, err := c.Stream(context.Background(), llm.Request{Messages: []llm.Message{
		{Role: llm.User, Content: "How many users does Alipay have?"},
	}}, func(delta string) error {
		pieces = append(pieces, delta) // a bot would edit its message here
		return nil
	})
	switch {
	case err != nil:
		fmt.Println(err)
	default:
		fmt.Printf("%d pieces: %s\n", len(pieces), strings.Join(pieces, "|"))
		fmt.Println(resp.Content, resp.FinishReason)
	}
	// Output:
	// 8 pieces: Alipay| has| more| than| 1| billion| users| [1].
	// Alipay has more than 1 billion users [1]. stop
}
