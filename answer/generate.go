package answer

import (
	"context"
	"strings"

	"corpusbot/llm"
	"corpusbot/prompts"
)

// stage is one step of the streaming pipeline: it takes text as it comes
// and passes on what is final.
type stage interface {
	write(s string)
	flush() // the reply is complete: pass on what is held back
}

// generate sends one system and one user message, streaming to onDelta when
// it is set. What streams is what the Result will say: the abstention
// marker held back, citations already renumbered against the given
// passages, and, for briefings (bullets), uncited bullets left out.
func (p *Pipeline) generate(ctx context.Context, system, user string, onDelta func(string), given int, bullets bool) (llm.Response, error) {
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
	var s stage = &citeStream{out: onDelta, given: given}
	if bullets {
		s = &bulletFilter{next: s, given: given}
	}
	s = &markerFilter{next: s}
	resp, err := p.model.Stream(ctx, req, func(d string) error { s.write(d); return nil })
	if err == nil {
		s.flush()
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
// citation, as dropUncitedBullets does to the finished reply.
type bulletFilter struct {
	next    stage
	given   int
	line    strings.Builder
	started bool // a line has been passed on
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
	if _, ok := isBullet(l); ok && len(ParseCitations(l, f.given).Used) == 0 {
		return
	}
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
	f.next.flush()
}

// citeStream renumbers citations as the reply streams. Numbering is by first
// use, so the rendering of a prefix is a prefix of the rendering of the
// whole, provided the prefix does not end inside a citation that is still
// being written, or in the spaces before one (which go if it is dropped).
// Those are held back until the text after them settles them.
type citeStream struct {
	out   func(string)
	given int
	raw   strings.Builder
	sent  string // rendered text passed on so far
}

func (c *citeStream) write(s string) {
	c.raw.WriteString(s)
	raw := c.raw.String()
	c.emit(raw[:stableCut(raw)])
}

func (c *citeStream) flush() { c.emit(c.raw.String()) }

// emit passes on the new part of prefix's rendering, but nothing until the
// reply has cited a passage it was given: a reply that never does is not
// presented as an answer, not even for the seconds it takes to stream.
func (c *citeStream) emit(prefix string) {
	parsed := ParseCitations(prefix, c.given)
	if len(parsed.Used) == 0 {
		return
	}
	r := parsed.Text
	// The guard keeps a reader's text consistent should the invariant ever
	// fail; the fuzz test checks that it does not.
	if len(r) > len(c.sent) && strings.HasPrefix(r, c.sent) {
		c.out(r[len(c.sent):])
		c.sent = r
	}
}

// stableCut is the length of the longest prefix of raw whose rendering
// cannot change: raw without trailing spaces and without a final citation
// that may still be in progress or be followed by another in its run.
func stableCut(raw string) int {
	cut := len(strings.TrimRight(raw, " \t"))
	i := strings.LastIndexAny(raw[:cut], "[［")
	if i >= 0 && openCitation(raw[i:cut]) {
		cut = len(strings.TrimRight(raw[:i], " \t"))
	}
	return cut
}

// openCitation reports whether tail, starting with an opening bracket,
// may still become a citation or the last of a run: a bracket followed
// only by digits, separators and spaces, or a whole group.
func openCitation(tail string) bool {
	if _, end, ok := parseGroup(tail, 0, nil); ok {
		return end == len(tail)
	}
	return partialGroup(tail)
}

// saysNoAnswer reports whether an uncited reply is the model declining:
// the marker, or a plain statement that the passages do not say. Phrases in
// the bot's likely reply languages; the marker is what the prompt asks for.
func saysNoAnswer(reply string) bool {
	t := strings.ToLower(reply)
	if strings.Contains(reply, prompts.NoAnswer) {
		return true
	}
	for _, p := range noAnswerPhrases {
		if strings.Contains(t, p) {
			return true
		}
	}
	return false
}

var noAnswerPhrases = []string{
	"not cover", "n't cover", "do not answer", "does not answer", "don't answer", "doesn't answer",
	"do not contain", "does not contain", "don't contain", "doesn't contain",
	"do not mention", "does not mention", "don't mention", "doesn't mention", "not mentioned",
	"no information", "not in the corpus", "do not say", "does not say", "do not provide", "does not provide",
	"ne couvre", "ne couvrent", "ne contien", "ne mentionne", "aucune information", "ne précise", "ne disent",
	"لا تتناول", "لا يتناول", "لا تغطي", "لا يغطي", "لا تحتوي", "لا يحتوي", "لا تذكر", "لا يذكر",
	"没有涉及", "沒有涉及", "未提及", "没有提到", "沒有提到",
}
