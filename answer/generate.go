package answer

import (
	"context"
	"errors"
	"strings"

	"corpusbot/llm"
	"corpusbot/prompts"
	"corpusbot/verify"
)

// stage is one step of the streaming pipeline: it takes text as it comes
// and passes on what is final.
type stage interface {
	write(s string)
	flush() // the reply is complete: pass on what is held back
}

// generate sends one system and one user message, streaming to onDelta when
// it is set. What streams is what the Result will say, as rd renders it:
// citations renumbered, quotes taken out, marks in place, sentence by
// sentence, and nothing before a sentence is verified; the abstention
// marker held back; for briefings (bullets), uncited bullets left out.
//
// When the stream breaks (llm.ErrIncomplete), the response holds what had
// arrived, so that the caller can show what of it is verified.
func (p *Pipeline) generate(ctx context.Context, system, user string, onDelta func(string), rd *verify.Reader, bullets bool) (llm.Response, error) {
	req := llm.Request{
		Messages: []llm.Message{
			{Role: llm.System, Content: system},
			{Role: llm.User, Content: user},
		},
		MaxTokens:   p.cfg.MaxAnswerTokens,
		Temperature: 0.2,
	}
	if onDelta == nil {
		return p.model.Complete(ctx, req)
	}
	var raw strings.Builder
	rs := &replyStream{out: onDelta, rd: rd}
	var s stage = rs
	if bullets {
		s = &bulletFilter{next: s, given: rd.Given()}
	}
	s = &markerFilter{next: s}
	resp, err := p.model.Stream(ctx, req, func(d string) error {
		raw.WriteString(d)
		s.write(d)
		return nil
	})
	if err == nil {
		// A reply cut at the token limit or by a content filter ends
		// mid-sentence: that sentence stays held back, as the Result
		// leaves it out.
		rs.cut = cutShort(resp.FinishReason)
		s.flush()
	}
	if errors.Is(err, llm.ErrIncomplete) {
		resp.Content = raw.String()
	}
	return resp, err
}

// markerFilter holds back streamed text while it could still be the
// abstention marker, so a reader never sees "NOT_IN_CORPUS" appear.
type markerFilter struct {
	next    stage
	buf     strings.Builder
	passing bool // the reply is not the marker: stream through
	muted   bool // the reply is the marker: stream nothing
}

func (f *markerFilter) write(s string) {
	switch {
	case f.passing:
		f.next.write(s)
		return
	case f.muted:
		return
	}
	f.buf.WriteString(s)
	t := strings.TrimLeft(f.buf.String(), " \t\r\n")
	switch {
	case strings.HasPrefix(t, prompts.NoAnswer):
		f.muted = true
	case !strings.HasPrefix(prompts.NoAnswer, t):
		f.passing = true
		f.next.write(f.buf.String())
	}
}

func (f *markerFilter) flush() {
	if !f.passing && !f.muted {
		f.next.write(f.buf.String()) // ended as a strict prefix of the marker
	}
	f.next.flush()
}

// bulletFilter passes whole lines, leaving out bullets without a valid
// citation, as dropUncitedBullets does to the finished reply. A bullet
// citing nothing is held until the next line shows whether it gives the
// bullet's citation (wrappedCitation).
type bulletFilter struct {
	next    stage
	given   int
	line    strings.Builder
	started bool   // a line has been passed on
	held    string // a bullet citing nothing, and its citation lines so far
	holding bool
}

func (f *bulletFilter) write(s string) {
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			f.line.WriteString(s)
			return
		}
		f.line.WriteString(s[:i])
		f.emit()
		s = s[i+1:]
	}
}

func (f *bulletFilter) emit() {
	l := f.line.String()
	f.line.Reset()
	_, bullet := isBullet(l)
	if f.holding {
		if !bullet && wrappedCitation(l) {
			f.held += "\n" + l
			return
		}
		f.release()
	}
	if bullet && !verify.ReplyCites(l, f.given) {
		f.held, f.holding = l, true
		return
	}
	f.pass(l)
}

// release passes the held bullet with its lines when they cite, else
// drops them.
func (f *bulletFilter) release() {
	if f.holding && verify.ReplyCites(f.held, f.given) {
		f.pass(f.held)
	}
	f.held, f.holding = "", false
}

func (f *bulletFilter) pass(l string) {
	if f.started {
		f.next.write("\n")
	}
	f.started = true
	f.next.write(l)
}

func (f *bulletFilter) flush() {
	if f.line.Len() > 0 {
		f.emit()
	}
	f.release()
	f.next.flush()
}

// replyStream renders the reply as it streams and passes on what is new.
// A reader renders complete sentences only, in order, so the rendering of
// a prefix is a prefix of the rendering of the whole; nothing passes until
// a sentence is verified: a reply that never backs a claim is not
// presented as an answer, not even for the seconds it takes to stream.
//
// It renders only at the pieces that may open a sentence (pace): a render
// of the whole reply after every piece made a reply's cost grow with the
// square of its length, and between those pieces it shows nothing new.
//
// Past spacedFrom bytes, once text shows, it renders only where the reply
// has grown by a sixteenth since the last render: each render reads the
// whole reply, so rendering once a sentence still cost the square of its
// length; a render every sixteenth more costs a constant times its
// length, and holds back at most a sixteenth of it (256 bytes of a 4 KB
// reply, about a second of streaming, what the bot's one edit a second
// hides anyway). What shows is still the rendering of a prefix.
type replyStream struct {
	out     func(string)
	rd      *verify.Reader
	pace    verify.Pacer
	raw     strings.Builder
	sent    string // rendered text passed on so far
	cut     bool   // the reply stopped at the token limit: its last sentence is unfinished
	last    int    // the reply's length at the last render
	renders int    // partial renders, for tests and benchmarks
}

// spacedFrom is the reply length from which renders are spaced: a reply
// shorter renders once a sentence, as its cost is small.
const spacedFrom = 2048

func (c *replyStream) write(s string) {
	c.raw.WriteString(s)
	if !c.pace.Write(s) {
		return
	}
	if n := c.raw.Len(); c.sent != "" && n > spacedFrom && n-c.last < n/16 {
		return
	}
	c.last = c.raw.Len()
	c.renders++
	c.emit(c.rd.Render(c.raw.String(), true))
}

// flush passes on the end of the reply; the caller's Result follows with
// the whole text, so nothing is lost if this stops short.
func (c *replyStream) flush() { c.emit(c.rd.Render(c.raw.String(), c.cut)) }

func (c *replyStream) emit(r verify.Rendered) {
	if r.Backed == 0 {
		return
	}
	// The guard keeps a reader's text consistent should the invariant ever
	// fail; verify's FuzzReplyStream checks that it does not.
	if len(r.Text) > len(c.sent) && strings.HasPrefix(r.Text, c.sent) {
		c.out(r.Text[len(c.sent):])
		c.sent = r.Text
	}
}
