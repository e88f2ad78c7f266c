package answer

import (
	"crypto/rand"
	"encoding/hex"
	"slices"
	"strconv"

	"corpusbot/corpus"
	"corpusbot/i18n"
	"corpusbot/llm"
	"corpusbot/retrieval"
	"corpusbot/sourcelink"
	"corpusbot/verify"
)

// Result kinds.
const (
	KindAnswer   = "answer"
	KindSummary  = "summary"
	KindBriefing = "briefing"
)

// Cut reasons.
const (
	CutLength = "length"
	CutStream = "stream"
	// CutFilter: the provider's content filter stopped the reply
	// (finish_reason "content_filter", Azure OpenAI's mid-stream).
	CutFilter = "filter"
)

// Unchecked returns the claims a reader is warned about: not backed by
// their quote, or citing nothing.
func (r *Result) Unchecked() []verify.Claim {
	var out []verify.Claim
	for _, c := range r.Claims {
		if c.Marked() {
			out = append(out, c)
		}
	}
	return out
}

// Turn is one earlier message of a conversation.
type Turn struct {
	Role string // "user" or "assistant"
	Text string
}

// Question is one question, with the conversation it continues.
type Question struct {
	Text    string
	History []Turn // oldest first
	// Lang is the reader's language, as a catalogue language or a locale
	// (i18n.FromLocale: Discord's "pt-BR"): the abstention, notes and
	// headings are in it, and the model answers in it, when neither the
	// question nor the conversation says its own. "" means English.
	Lang string
	// OnDelta, when set, receives the reply as the model streams it, with
	// citations already renumbered as in Result.Text (which is the streamed
	// text, trimmed). The abstention marker never streams. When Ask then
	// fails, what streamed is not an answer: replace it.
	OnDelta func(string)
}

// SummaryRequest asks for a summary of one document (DocID) or of what the
// corpus says on a topic (Topic); exactly one of them is set.
type SummaryRequest struct {
	DocID string
	Topic string
	// Lang is the reader's language (a catalogue language or a locale, as
	// in Question): a document's summary is written in it, a topic's in
	// the topic's language when that can be told. "" means English.
	Lang    string
	OnDelta func(string) // as in Question
}

// BriefingRequest asks for a briefing on a topic, or on the whole corpus
// when Topic is "".
type BriefingRequest struct {
	Topic string
	// Exclude holds passage refs ("docID#index", see Ref) already covered by
	// earlier briefings; they are not used again.
	Exclude map[string]bool
	Lang    string // the reader's language, as in SummaryRequest
	// OnDelta is as in Question; bullets without a valid citation, which
	// the Result leaves out, never stream.
	OnDelta func(string)
	// Fallback writes the briefing without the model, extractively, for
	// when the model failed: the Result says so (Fallback, and a note).
	Fallback bool
}

// Source is a cited passage: Result.Text's [N] points to it.
type Source struct {
	N     int
	DocID string
	Title string
	Path  string // the file, relative to the corpus folder
	// Headings are the sections the cited text sits under, outermost
	// first, without the title: those all its passages share.
	Headings []string
	URL      string // the cited lines in the documents' repository or site; "" without SOURCE_URL
	Passage  int    // index of the (first) passage in the document
	// LastPassage is the last passage of a block of adjacent passages that
	// were merged into one citation; equal to Passage for a single one.
	LastPassage int
	LineStart   int // 1-based lines of the cited text in the file; 0 for PDF and DOCX
	LineEnd     int
	PageStart   int // 1-based pages of a PDF, or slides of a deck; 0 for formats without pages
	PageEnd     int
	// Unit is what the document is located by: whether PageStart and
	// PageEnd are pages or slides.
	Unit corpus.Unit
	// Quote is the quote that verified a claim citing this passage when
	// Verified is set; otherwise the passage's sentence closest to the
	// claims citing it, a hint only.
	Quote    string
	Verified bool
}

// Point is one bullet of a briefing.
type Point struct {
	// Key identifies the point across briefings: a hash of its normalised
	// text without citations, so the same fact reworded only in spacing,
	// case or punctuation keeps its key.
	Key     string
	Text    string   // the bullet's text, citations renumbered like Result.Text
	Sources []string // passage refs it cites, "docID#index"
}

// Nearest names a document close to an unanswered question.
type Nearest struct {
	DocID string
	Title string
}

// Result is an answer, summary or briefing.
type Result struct {
	ID       string // 12 random hex digits
	Kind     string // KindAnswer, KindSummary or KindBriefing
	Question string // the question, topic or document asked about, cleaned
	// Text is what the reader sees: citations renumbered [1]..[n] in order
	// of first use, the quotes backing them taken out, and each sentence
	// that is not verified opened by its mark (⚠¹ not backed by its
	// quote, ❔² cites nothing); Notes says why.
	Text string
	// HistoryText is Text without its marked sentences, marks or
	// citations: what may be fed back to a model as said in a conversation.
	HistoryText string
	// Lang is the catalogue language (i18n) of what the reader sees around
	// the text: the abstention, Notes, NearestHeading, the Sources heading.
	Lang       string
	Claims     []verify.Claim
	Sources    []Source
	Points     []Point // briefings only
	Usage      llm.Usage
	Abstained  bool // the corpus does not cover the question
	Extractive bool // built from corpus sentences, no model involved
	// Fallback: a briefing written without the model because it failed;
	// extractive too.
	Fallback bool `json:",omitempty"`
	// Cut says the text ends early: CutLength at the token limit,
	// CutStream when the model's stream broke, CutFilter when a content
	// filter stopped it; "" when complete.
	Cut string `json:",omitempty"`
	// AnsweredIn is the language (ISO 639-1) a model wrote its answer in
	// when it is plainly not the question's (verify.OtherLanguage); ""
	// otherwise. Notes says so, in Lang: the claims are checked across
	// languages all the same.
	AnsweredIn string `json:",omitempty"`
	Nearest    []Nearest
	// SummarisedFrom and SummarisedOf say that a document's summary
	// drew on SummarisedFrom of its SummarisedOf body passages, spread
	// over its sections, the document being over the budget; 0 when it
	// drew on them all. Notes says so, in Lang.
	SummarisedFrom int `json:",omitempty"`
	SummarisedOf   int `json:",omitempty"`
	// Covered lists the refs of every passage the result drew on (for a
	// model, those it cited), so a briefing history can exclude them.
	Covered []string
}

// Match is one ranked passage of a raw search.
type Match struct {
	Rank       int // from 1
	DocID      string
	Title      string
	Path       string      // the file, relative to the corpus folder
	URL        string      // as in Source
	Unit       corpus.Unit // as in Source: Passage's pages are slides of a deck
	Passage    corpus.Passage
	Score      float64
	Relevant   bool // clears the relevance floor
	Highlights []retrieval.Span
}

// locate says where passages first..last of document doc are: file,
// sections, lines or pages, and link. Every Source and Match is filled by
// it, so that the terminal, Discord and JSON show the same location.
func (st *state) locate(doc, first, last int) Source {
	d := &st.corpus.Docs[doc]
	a, b := &d.Passages[first], &d.Passages[last]
	s := Source{
		DocID:       d.ID,
		Title:       d.Title,
		Path:        d.Path,
		Headings:    slices.Clip(a.Headings), // appending copies
		Passage:     first,
		LastPassage: last,
		LineStart:   a.LineStart,
		LineEnd:     b.LineEnd,
		PageStart:   a.PageStart,
		PageEnd:     b.PageEnd,
		Unit:        d.Unit(),
	}
	for i := first + 1; i <= last; i++ {
		s.Headings = commonPrefix(s.Headings, d.Passages[i].Headings)
	}
	st.link(&s)
	return s
}

// link sets s.URL to its lines, else its pages.
func (st *state) link(s *Source) {
	start, end := s.LineStart, s.LineEnd
	if start == 0 {
		start, end = s.PageStart, s.PageEnd
	}
	s.URL = st.links.URL(sourcelink.Location{Path: s.Path, ID: s.DocID, Start: start, End: end})
}

// onQuote narrows the pages (a PDF's, or a deck's slides) of a source
// of merged passages to those of the passages its verified quote is in,
// and its link with them: a quote on slide 1 of a block of slides 1–3 is
// cited at slide 1, where the reader will find it. Passage and LastPassage
// keep the whole block, which "Show passage" shows. Lines are left as
// they are: the link shows the block's lines, among which the quote is.
func (st *state) onQuote(s *Source, b *block, quote string) {
	if s.LineStart > 0 || s.PageStart <= 0 || b.first == b.last {
		return
	}
	qs, qe, ok := verify.QuoteSpan(b.text, quote)
	if !ok {
		return
	}
	d := &st.corpus.Docs[b.doc]
	base := d.Passages[b.first].Start
	first, last := -1, -1
	for i := b.first; i <= b.last; i++ {
		if p := &d.Passages[i]; p.Start-base < qe && p.End-base > qs {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 || d.Passages[first].PageStart <= 0 {
		return
	}
	s.PageStart, s.PageEnd = d.Passages[first].PageStart, d.Passages[last].PageEnd
	st.link(s)
}

// Span is where the cited text is in its file, as people read it.
func (s Source) Span() string {
	return Span(s.Unit, s.LineStart, s.LineEnd, s.PageStart, s.PageEnd)
}

// Span is "line 4", "lines 12–30", "page 3", "pages 3–5", "slide 4" or
// "slides 1–3": lines when known, else pages, named slides when unit is
// corpus.UnitSlide; "" when neither is.
func Span(unit corpus.Unit, lineStart, lineEnd, pageStart, pageEnd int) string {
	return SpanIn(i18n.English, unit, lineStart, lineEnd, pageStart, pageEnd)
}

// SpanIn is Span in lang, a catalogue language: "Zeilen 12–30", "Folie 4".
func SpanIn(lang string, unit corpus.Unit, lineStart, lineEnd, pageStart, pageEnd int) string {
	one, many, start, end := i18n.Line, i18n.Lines, lineStart, lineEnd
	if start <= 0 {
		one, many, start, end = i18n.Page, i18n.Pages, pageStart, pageEnd
		if unit == corpus.UnitSlide {
			one, many = i18n.Slide, i18n.Slides
		}
	}
	switch {
	case start <= 0:
		return ""
	case end <= start:
		return i18n.Text(lang, one, start)
	default:
		return i18n.Text(lang, many, start, end)
	}
}

// commonPrefix is the headings a and b share, from the outermost.
func commonPrefix(a, b []string) []string {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return a[:n:n]
}

// Ref is the stable name of a passage: "docID#index".
func Ref(docID string, index int) string {
	return docID + "#" + strconv.Itoa(index)
}

func newID() string {
	var b [6]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	return hex.EncodeToString(b[:])
}
