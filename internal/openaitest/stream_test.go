package openaitest

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

func readEvents(r io.Reader) ([]string, error) {
	var events []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if data, ok := strings.CutPrefix(line, "data: "); ok {
			events = append(events, data)
		}
	}
	return events, sc.Err()
}

func TestStreamFormat(t *testing.T) {
	const text = "Alipay has more than 1 billion users [1]."
	for _, includeUsage := range []bool{true, false} {
		name := "without usage"
		if includeUsage {
			name = "with usage"
		}
		t.Run(name, func(t *testing.T) {
			s := New(t)
			s.Push(Text(text))
			body := strings.Replace(streamBody, `"include_usage":true`, `"include_usage":`+map[bool]string{true: "true", false: "false"}[includeUsage], 1)
			resp := mustPost(t, s.URL()+"/chat/completions", body)
			if got := resp.Header.Get("Content-Type"); got != "text/event-stream" {
				t.Errorf("got content type %q, want text/event-stream", got)
			}
			events, err := readEvents(resp.Body)
			if err != nil {
				t.Fatalf("read stream: %v", err)
			}
			if got := events[len(events)-1]; got != "[DONE]" {
				t.Fatalf("got last event %q, want [DONE]", got)
			}
			var (
				content, finish string
				contentChunks   int
				usageChunk      *usage
			)
			for i, e := range events[:len(events)-1] {
				var c chunk
				if err := json.Unmarshal([]byte(e), &c); err != nil {
					t.Fatalf("event %d %q: %v", i, e, err)
				}
				if c.Object != "chat.completion.chunk" {
					t.Errorf("event %d: got object %q, want chat.completion.chunk", i, c.Object)
				}
				if c.Usage != nil {
					if len(c.Choices) != 0 {
						t.Errorf("usage chunk: got %d choices, want 0", len(c.Choices))
					}
					usageChunk = c.Usage
					continue
				}
				if finish != "" {
					t.Errorf("event %d: content after the finish chunk", i)
				}
				d := c.Choices[0].Delta
				if i == 0 && d.Role != "assistant" {
					t.Errorf("first chunk: got role %q, want assistant", d.Role)
				}
				if d.Content != nil && *d.Content != "" {
					content += *d.Content
					contentChunks++
				}
				if c.Choices[0].FinishReason != nil {
					finish = *c.Choices[0].FinishReason
				}
			}
			if content != text {
				t.Errorf("got content %q, want %q", content, text)
			}
			if want := len(strings.Fields(text)); contentChunks != want {
				t.Errorf("got %d content chunks, want %d (one per word)", contentChunks, want)
			}
			if finish != "stop" {
				t.Errorf("got finish reason %q, want stop", finish)
			}
			if includeUsage != (usageChunk != nil) {
				t.Fatalf("got usage chunk %v, want one: %v", usageChunk, includeUsage)
			}
			if usageChunk != nil && (usageChunk.PromptTokens != 3 || usageChunk.CompletionTokens != 8 || usageChunk.TotalTokens != 11) {
				t.Errorf("got usage %+v, want 3+8=11", *usageChunk)
			}
		})
	}
}

func TestStreamChunkDelay(t *testing.T) {
	s := New(t, WithChunkDelay(50*time.Millisecond))
	s.Push(Text("a b c d e"))
	start := time.Now()
	resp := mustPost(t, s.URL()+"/chat/completions", streamBody)
	if _, err := readEvents(resp.Body); err != nil {
		t.Fatal(err)
	}
	// Four gaps between five words and one before the finish chunk.
	if got := time.Since(start); got < 250*time.Millisecond {
		t.Errorf("got stream in %v, want at least 250ms", got)
	}
}

// TestBeforeFinish: the finish chunk waits for the hook, which runs once
// every content chunk has been sent: the client reads the whole text
// before the stream ends.
func TestBeforeFinish(t *testing.T) {
	called, release := make(chan struct{}), make(chan struct{})
	s := New(t, WithBeforeFinish(func(ctx context.Context, _ Request) {
		close(called)
		select {
		case <-release:
		case <-ctx.Done():
		}
	}))
	s.Push(Text("a b c"))
	resp := mustPost(t, s.URL()+"/chat/completions", streamBody)
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	var content string
	for content != "a b c" && sc.Scan() {
		data, ok := strings.CutPrefix(sc.Text(), "data: ")
		if !ok {
			continue
		}
		var c chunk
		if err := json.Unmarshal([]byte(data), &c); err != nil {
			t.Fatal(err)
		}
		if fr := c.Choices[0].FinishReason; fr != nil {
			t.Fatalf("finish %q before the hook returned", *fr)
		}
		if d := c.Choices[0].Delta.Content; d != nil {
			content += *d
		}
	}
	if content != "a b c" {
		t.Fatalf("got content %q before the finish, want the whole text", content)
	}
	select {
	case <-called:
	case <-time.After(30 * time.Second):
		t.Fatal("the hook did not run after the content")
	}
	close(release)
	rest, err := readEvents(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if len(rest) == 0 || rest[len(rest)-1] != "[DONE]" {
		t.Errorf("after the hook returned: events %q, want the finish and [DONE]", rest)
	}
}

func TestCutStream(t *testing.T) {
	s := New(t)
	s.Push(CutStream(2))
	resp := mustPost(t, s.URL()+"/chat/completions", streamBody)
	events, err := readEvents(resp.Body)
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("got read error %v, want io.ErrUnexpectedEOF", err)
	}
	var content []string
	for _, e := range events {
		if e == "[DONE]" {
			t.Fatal("got [DONE] in a cut stream")
		}
		var c chunk
		if err := json.Unmarshal([]byte(e), &c); err != nil {
			t.Fatal(err)
		}
		if fr := c.Choices[0].FinishReason; fr != nil {
			t.Fatalf("got finish reason %q in a cut stream", *fr)
		}
		if d := c.Choices[0].Delta.Content; d != nil && *d != "" {
			content = append(content, *d)
		}
	}
	if want := splitChunks(DefaultReply)[:2]; strings.Join(content, "|") != strings.Join(want, "|") {
		t.Errorf("got content chunks %q, want %q", content, want)
	}
}

func TestCutPlain(t *testing.T) {
	s := New(t)
	s.Push(CutStream(0))
	resp := mustPost(t, s.URL()+"/chat/completions", plainBody)
	if _, err := io.ReadAll(resp.Body); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("got read error %v, want io.ErrUnexpectedEOF", err)
	}
}

func TestStallStream(t *testing.T) {
	s := New(t)
	s.Push(StallStream(1))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	resp, err := post(t, ctx, s.URL()+"/chat/completions", streamBody)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	// Read the non-empty lines in the background so a stall can be observed.
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if sc.Text() != "" {
				lines <- sc.Text()
			}
		}
	}()
	for i := range 2 { // the role chunk and one word
		select {
		case <-lines:
		case <-time.After(5 * time.Second):
			t.Fatalf("got %d events before the stall, want 2", i)
		}
	}
	select {
	case l, ok := <-lines:
		t.Fatalf("got more data (%q, open %v) from a stalled stream", l, ok)
	case <-time.After(200 * time.Millisecond):
	}
	cancel()
	select {
	case l, ok := <-lines:
		if ok {
			t.Fatalf("got %q after cancel, want the stream to end", l)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("cancel did not end the stalled read")
	}
}

func TestMalformed(t *testing.T) {
	s := New(t)
	s.Push(Malformed(), Malformed())
	resp := mustPost(t, s.URL()+"/chat/completions", plainBody)
	var c completion
	if err := json.NewDecoder(resp.Body).Decode(&c); err == nil {
		t.Error("got a valid JSON body from Malformed, want a decode error")
	}
	resp = mustPost(t, s.URL()+"/chat/completions", streamBody)
	events, err := readEvents(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if len(events) == 0 || json.Valid([]byte(events[0])) {
		t.Errorf("got events %q, want invalid JSON first", events)
	}
}

func TestSplitChunks(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"one word", "word", []string{"word"}},
		{"words", "a bc d", []string{"a", " bc", " d"}},
		{"leading space", "  a b", []string{"  a", " b"}},
		{"trailing space", "a b ", []string{"a", " b", " "}},
		{"newlines", "a\n\nb", []string{"a", "\n\nb"}},
		{"unicode", "支付寶 is 騰訊", []string{"支付寶", " is", " 騰訊"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := splitChunks(tt.in)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if strings.Join(got, "") != tt.in {
				t.Errorf("pieces %q do not join back to %q", got, tt.in)
			}
		})
	}
}

// StreamError ends a stream with OpenAI's error event after some text;
// Chunks split a reply anywhere, and RawChunks carry escapes as written.
func TestStreamErrorAndChunks(t *testing.T) {
	s := New(t)
	s.Push(StreamError(2, 500, "The server had an error while processing your request."))
	s.Push(Respond(Reply{Chunks: []string{"Ali", "pay [", "1] ", "\\ud83d", "\\ude00"}, RawChunks: true}))
	events, err := readEvents(mustPost(t, s.URL()+"/chat/completions", streamBody).Body)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(events); n != 4 || !strings.HasPrefix(events[3], `{"error":{"message":"The server had an error`) || !strings.Contains(events[3], `"type":"server_error"`) {
		t.Errorf("got events %q, want the role chunk, 2 content chunks and an error event", events)
	}
	events, err = readEvents(mustPost(t, s.URL()+"/chat/completions", streamBody).Body)
	if err != nil {
		t.Fatal(err)
	}
	var content string
	for _, e := range events[1:5] {
		var c chunk
		if err := json.Unmarshal([]byte(e), &c); err != nil {
			t.Fatalf("event %q: %v", e, err)
		}
		content += *c.Choices[0].Delta.Content
	}
	if content != "Alipay [1] \ufffd" || !strings.Contains(events[4], `\ud83d`) {
		t.Errorf("got content %q from %q, want the pieces as sent, the lone surrogate as U+FFFD", content, events[1:5])
	}
}
