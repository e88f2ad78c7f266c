package openaitest_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"corpusbot/internal/openaitest"
)

func Example() {
	// Tests call openaitest.New(t), which closes the server when the test ends.
	s := openaitest.Start()
	defer s.Close()

	// The first request is rate limited, the second gets a scripted answer.
	s.Push(openaitest.RateLimited("1"), openaitest.Text("Alipay has more than 1 billion users [1]."))

	body := `{"model":"gpt-4o-mini","messages":[{"role":"user","content":"How many users does Alipay have?"}]}`
	for range 2 {
		resp, err := http.Post(s.URL()+"/chat/completions", "application/json", strings.NewReader(body))
		if err != nil {
			fmt.Println(err)
			return
		}
		var out struct {
			Choices []struct {
				Message struct{ Content string }
			}
		}
		_ = json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			fmt.Println(resp.StatusCode, "retry after", resp.Header.Get("Retry-After"))
			continue
		}
		fmt.Println(out.Choices[0].Message.Content)
	}
	fmt.Println(s.Calls(), "calls, first question:", s.Requests()[0].Messages[0].Content)
	// Output:
	// 429 retry after 1
	// Alipay has more than 1 billion users [1].
	// 2 calls, first question: How many users does Alipay have?
}
