package secret_test

import (
	"fmt"
	"log/slog"
	"os"

	"corpusbot/secret"
)

// A token read at start-up prints as "[redacted]" wherever it ends up by
// mistake; Reveal is the one way to its value.
func ExampleString() {
	token := secret.New("xoxb-not-a-real-token")
	fmt.Println(token)
	fmt.Printf("%q %x\n", token, token)

	log := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{} // for a stable example output
			}
			return a
		},
	}))
	log.Info("connecting", "token", token)

	fmt.Println(len(token.Reveal()))
	// Output:
	// [redacted]
	// [redacted] [redacted]
	// level=INFO msg=connecting token=[redacted]
	// 21
}

func ExampleRedactURL() {
	fmt.Println(secret.RedactURL("postgres://corpusbot:hunter2@db.internal:5432/corpusbot?sslmode=require"))
	fmt.Println(secret.RedactURL("https://llm.internal/v1?api_key=sk-123"))
	// Output:
	// postgres://corpusbot:xxxxx@db.internal:5432/corpusbot?sslmode=require
	// https://llm.internal/v1?api_key=xxxxx
}
