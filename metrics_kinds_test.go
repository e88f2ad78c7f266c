package main

import (
	"bytes"
	"log/slog"
	"testing"

	"corpusbot/answer"
	"corpusbot/health"
)

// Every failure the bot counts is counted under a label /metrics knows,
// not as "other".
func TestErrorKindsKnownToMetrics(t *testing.T) {
	var logs bytes.Buffer
	m := health.New(health.Config{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	n := 0
	for _, k := range answer.Kinds() {
		if !k.Fault() {
			continue
		}
		n++
		m.Error(k.Label())
	}
	m.Error("discord") // the bot's own: an answer Discord would not take
	if n < 8 {
		t.Errorf("%d kinds are faults, want the model's and ours", n)
	}
	if logs.Len() > 0 {
		t.Errorf("a failure's label is unknown to /metrics:\n%s", logs.String())
	}
}
