package llm

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"corpusbot/internal/openaitest"
)

func TestStreamDeltasAndUsage(t *testing.T) {
	srv := openaitest.New(t)
	srv.Push(openaitest.Text("Alipay has 1 billion users [1]."))
	c, _ := newClient(t, srv, nil)
	var deltas []string
	resp, err := c.Stream(t.Context(), question, func(d string) error {
		deltas = append(deltas, d)
		return nil
	})
	if err != nil {
		t.Fatalf("Stream: %v", err)
	}
	wantDeltas := []string{"Alipay", " has", " 1", " billion", " users", " [1]."}
	if strings.Join(deltas, "|") != strings.Join(wantDeltas, "|") {
		t.Errorf("got deltas %q, want %q", deltas, wantDeltas)
	}
	// The fake counts words: 5+3 in the prompt, 6 in the reply.
	want := Response{Content: "Alipay has 1 billion users [1].", FinishReason: "stop", Usage: Usage{8, 6, 14}}
	if resp != want {
		t.Errorf("got %+v, want %+v", resp, want)
	}
}

func TestStreamDeliversAsItArrives(t *testing.T) {
	srv := openaitest.New(t, openaitest.WithChunkDelay(200*time.Millisecond))
	srv.Push(openaitest.Text("one two three"))
	c, _ := newClient(t, srv, nil)
	start := time.Now()
	var firstAt time.Duration
	_, err := c.Stream(t.Context(), question, func(string) error {
		if firstAt == 0 {
			firstAt = time.Since(start)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	total := time.Since(start)
	// Three delays of 200ms follow the first word.
	if total-firstAt < 400*time.Millisecond {
		t.Errorf("got first delta at %v of %v, want it well before the end", firstAt, total)
	}
}

func TestStreamCutMidway(t *testing.T) {
	srv := openaitest.New(t)
	srv.SetResponder(func(openaitest.Request) openaitest.Reply {
		return openaitest.Reply{Text: "Ant Group owns Alipay and more"}
	})
	srv.Push(openaitest.CutStream(3))
	c, logs := newClient(t, srv, nil)
	_, deltas, err := call(t, c, true, question)
	if !errors.Is(err, ErrIncomplete) {
		t.Fatalf("got %v, want ErrIncomplete", err)
	}
	if want := []string{"Ant", " Group", " owns"}; strings.Join(deltas, "|") != strings.Join(want, "|") {
		t.Errorf("got deltas %q, want %q", deltas, want)
	}
	if srv.Calls() != 1 {
		t.Errorf("got %d calls, want 1: text already delivered must not be repeated", srv.Calls())
	}
	if logs.count("llm request failed") != 1 {
		t.Errorf("got logs %s, want one final failure line", logs)
	}
}

func TestStreamStallMidway(t *testing.T) {
	const timeout = 300 * time.Millisecond
	srv := openaitest.New(t)
	srv.Push(openaitest.StallStream(2))
	c, _ := newClient(t, srv, func(cfg *Config) { cfg.Timeout = timeout })
	start := time.Now()
	_, deltas, err := call(t, c, true, question)
	elapsed := time.Since(start)
	if !errors.Is(err, ErrIncomplete) || errors.Is(err, ErrTimeout) {
		t.Fatalf("got %v, want ErrIncomplete only", err)
	}
	if len(deltas) != 2 {
		t.Errorf("got %d deltas, want the 2 sent before the stall", len(deltas))
	}
	if elapsed > timeout+2*time.Second {
		t.Errorf("got ErrIncomplete after %v, want about %v", elapsed, timeout)
	}
}

func TestStreamTimeoutIsPerChunk(t *testing.T) {
	// Eight words 100ms apart take longer than Timeout in all, but no gap
	// comes near it: a slow model that keeps talking is not cut off.
	srv := openaitest.New(t, openaitest.WithChunkDelay(100*time.Millisecond))
	srv.Push(openaitest.Text("a slow local model keeps producing text steadily"))
	c, _ := newClient(t, srv, func(cfg *Config) { cfg.Timeout = 400 * time.Millisecond })
	start := time.Now()
	resp, _, err := call(t, c, true, question)
	if err != nil {
		t.Fatalf("got %v after %v, want success", err, time.Since(start))
	}
	if resp.Content != "a slow local model keeps producing text steadily" {
		t.Errorf("got %q", resp.Content)
	}
}

func TestStreamRetriesBeforeFirstDelta(t *testing.T) {
	srv := openaitest.New(t)
	srv.Push(openaitest.CutStream(0), openaitest.Status(502, "bad gateway"))
	c, _ := newClient(t, srv, nil)
	resp, deltas, err := call(t, c, true, question)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(deltas, "") != openaitest.DefaultReply || resp.Content != openaitest.DefaultReply {
		t.Errorf("got deltas %q and content %q, want the reply once", deltas, resp.Content)
	}
	if srv.Calls() != 3 {
		t.Errorf("got %d calls, want 3", srv.Calls())
	}
}

func TestStreamDeltaErrorStops(t *testing.T) {
	errStop := errors.New("discord edit failed")
	srv := openaitest.New(t)
	c, _ := newClient(t, srv, nil)
	n := 0
	_, err := c.Stream(t.Context(), question, func(string) error {
		n++
		return errStop
	})
	if err != errStop {
		t.Errorf("got %v, want the callback's own error", err)
	}
	if n != 1 {
		t.Errorf("got %d callback calls, want 1", n)
	}
	if srv.Calls() != 1 {
		t.Errorf("got %d calls, want 1", srv.Calls())
	}
}

func TestStreamCancelMidway(t *testing.T) {
	srv := openaitest.New(t)
	srv.Push(openaitest.StallStream(1))
	c, _ := newClient(t, srv, nil)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	_, err := c.Stream(ctx, question, func(string) error {
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) || errors.Is(err, ErrIncomplete) {
		t.Errorf("got %v, want context.Canceled and no category", err)
	}
}

func TestStreamNilCallback(t *testing.T) {
	srv := openaitest.New(t)
	c, _ := newClient(t, srv, nil)
	resp, err := c.Stream(t.Context(), question, nil)
	if err != nil || resp.Content != openaitest.DefaultReply {
		t.Errorf("got %q, %v, want the reply", resp.Content, err)
	}
}

func TestStreamFinishReasonLength(t *testing.T) {
	srv := openaitest.New(t)
	srv.Push(openaitest.Respond(openaitest.Reply{Text: "cut by max tokens", FinishReason: "length"}))
	c, _ := newClient(t, srv, nil)
	resp, _, err := call(t, c, true, question)
	if err != nil {
		t.Fatal(err)
	}
	if resp.FinishReason != "length" {
		t.Errorf("got finish reason %q, want length", resp.FinishReason)
	}
}
