package answer

import (
	"context"
	"errors"
	"strings"
	"unicode/utf8"

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
// it is set. What streams is what the Result will say, as rd renders it:
// citations renumbered, quotes taken out, marks in place, sentence by
// sentence, and nothing before a sentence is verified; the abstention
// marker held back; for briefings (bullets), uncited bullets left out.
//
// When the stream breaks (llm.ErrIncomplete), the response holds what had
// arrived, so that the caller can show what of it is verified.
func (p *Pipeline) generate(ctx context.Context, system, user string, onDelta func(string), rd *reader, bullets bool) (llm.Response, error) {
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
		s = &bulletFilter{next: s, given: rd.given}
	}
	s = &markerFilter{next: s}
	resp, err := p.model.Stream(ctx, req, func(d string) error {
		raw.WriteString(d)
		s.write(d)
		return nil
	})
	if err == nil {
		// A reply cut at the token limit ends mid-sentence: that sentence
		// stays held back, as the Result leaves it out.
		rs.cut = resp.FinishReason == "length"
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

// replyStream renders the reply as it streams and passes on what is new.
// A reader renders complete sentences only, in order, so the rendering of
// a prefix is a prefix of the rendering of the whole; nothing passes until
// a sentence is verified: a reply that never backs a claim is not
// presented as an answer, not even for the seconds it takes to stream.
type replyStream struct {
	out  func(string)
	rd   *reader
	raw  strings.Builder
	sent string // rendered text passed on so far
	cut  bool   // the reply stopped at the token limit: its last sentence is unfinished
}

func (c *replyStream) write(s string) {
	c.raw.WriteString(s)
	c.emit(c.rd.render(c.raw.String(), true))
}

// flush passes on the end of the reply; the caller's Result follows with
// the whole text, so nothing is lost if this stops short.
func (c *replyStream) flush() { c.emit(c.rd.render(c.raw.String(), c.cut)) }

func (c *replyStream) emit(r rendered) {
	if r.verified == 0 {
		return
	}
	// The guard keeps a reader's text consistent should the invariant ever
	// fail; the fuzz test checks that it does not.
	if len(r.text) > len(c.sent) && strings.HasPrefix(r.text, c.sent) {
		c.out(r.text[len(c.sent):])
		c.sent = r.text
	}
}

// stableCut is the length of the longest prefix of raw whose rendering
// cannot change: raw without trailing spaces, without code that is not
// closed yet, and without a final citation that may still be in progress
// or be followed by another in its run.
func stableCut(raw string) int {
	cut := len(strings.TrimRight(raw, " \t"))
	// A run of backticks or tildes at the end may grow ("`" → "``",
	// "``" → a fence), changing what is code.
	cut = len(strings.TrimRight(raw[:cut], "`~"))
	if _, open := codeRanges(raw[:cut]); open >= 0 {
		// Code not closed yet: a citation-like "[2]" in it is no citation
		// once it is, so nothing from there is final.
		cut = len(strings.TrimRight(raw[:open], " \t"))
	}
	i := strings.LastIndexAny(raw[:cut], "[［【〔〖(（")
	if i >= 0 && openCitation(raw[i:cut]) {
		cut = len(strings.TrimRight(raw[:i], " \t"))
	}
	return cut
}

// openCitation reports whether tail, starting with an opening bracket,
// may still become a citation or the last of a run: a bracket followed
// only by digits, separators and spaces, or a whole group.
func openCitation(tail string) bool {
	r, size := utf8.DecodeRuneInString(tail)
	if isOpenParen(r) {
		tail = "[" + tail[size:] // a complete "(2)" may be a citation too
		if last, ls := utf8.DecodeLastRuneInString(tail); isCloseParen(last) {
			tail = tail[:len(tail)-ls] + "]"
		}
	}
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
	"could not find", "couldn't find", "cannot find", "can't find", "unable to find", "did not find", "didn't find",
	"no relevant", "not found in", "i don't know", "i do not know", "no answer", "not able to answer",
	"n'ai pas trouvé", "ne trouve pas", "pas d'information", "aucune mention", "ne permettent pas",
	"لم أجد", "لا أعرف", "لا توجد معلومات", "لا تتضمن", "لا يتضمن",
	"没有找到", "沒有找到", "未找到", "找不到", "没有相关", "沒有相關", "无法回答", "無法回答",
	// Declines in more of the languages a model answers in (round five),
	// worded about the documents, since an uncited sentence holding one
	// is no claim.
	"не містять відомостей", "не містять інформації", "не згадується", "не згадують", "немає інформації", "немає відомостей",
	"не вдалося знайти", "не знайшов", "не знайшла",
	"не содержат сведений", "не содержат информации", "не упоминается", "не упоминают", "нет информации", "нет сведений",
	"не удалось найти", "не нашёл", "не нашел", "не нашла",
	"không đề cập", "không có thông tin", "không tìm thấy",
	"اطلاعاتی ندار", "اطلاعاتی وجود ندارد", "اشاره‌ای نشده", "اشاره ای نشده", "ذکر نشده", "پیدا نکردم",
	"keine angaben", "keine informationen", "nicht erwähnt",
	"no mencionan", "no se menciona", "no hay información", "no encontré",
}
