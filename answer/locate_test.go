package answer

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"corpusbot/corpus"
	"corpusbot/sourcelink"
)

func TestLocate(t *testing.T) {
	doc := corpus.Document{ID: "guide/hooks", Path: "guide/hooks.md", Title: "Hooks", Passages: []corpus.Passage{
		{Index: 0, Text: "Hooks run.", LineStart: 1, LineEnd: 3},
		{Index: 1, Text: "Weights order hooks.", Headings: []string{"Hooks in depth", "Weights"}, LineStart: 5, LineEnd: 9},
		{Index: 2, Text: "Deletion policies.", Headings: []string{"Hooks in depth", "Deletion"}, LineStart: 11, LineEnd: 30},
	}}
	pdf := corpus.Document{ID: "specs/v2", Path: "specs/v2.pdf", Title: "Spec", Passages: []corpus.Passage{
		{Index: 0, Text: "Scope.", Headings: []string{"Scope"}, PageStart: 3, PageEnd: 3},
		{Index: 1, Text: "Terms.", Headings: []string{"Scope"}, PageStart: 4, PageEnd: 5},
	}}
	gh, err := sourcelink.Parse("https://github.com/org/docs/blob/main/{path}#L{start}-L{end}")
	if err != nil {
		t.Fatal(err)
	}
	st := &state{built: &built{corpus: &corpus.Corpus{Docs: []corpus.Document{doc, pdf}}, links: gh}}
	tests := []struct {
		name             string
		doc, first, last int
		headings         []string
		lines, pages     [2]int
		url              string
	}{
		{"one passage", 0, 1, 1, []string{"Hooks in depth", "Weights"}, [2]int{5, 9}, [2]int{}, "https://github.com/org/docs/blob/main/guide/hooks.md#L5-L9"},
		{"a block under two sections shows what they share", 0, 1, 2, []string{"Hooks in depth"}, [2]int{5, 30}, [2]int{}, "https://github.com/org/docs/blob/main/guide/hooks.md#L5-L30"},
		{"a block from the top has no section", 0, 0, 2, nil, [2]int{1, 30}, [2]int{}, "https://github.com/org/docs/blob/main/guide/hooks.md#L1-L30"},
		{"pdf pages link by page", 1, 0, 1, []string{"Scope"}, [2]int{}, [2]int{3, 5}, "https://github.com/org/docs/blob/main/specs/v2.pdf#L3-L5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := st.locate(tt.doc, tt.first, tt.last)
			if !slices.Equal(s.Headings, tt.headings) {
				t.Errorf("Headings = %q, want %q", s.Headings, tt.headings)
			}
			if got := [2]int{s.LineStart, s.LineEnd}; got != tt.lines {
				t.Errorf("lines = %v, want %v", got, tt.lines)
			}
			if got := [2]int{s.PageStart, s.PageEnd}; got != tt.pages {
				t.Errorf("pages = %v, want %v", got, tt.pages)
			}
			if s.URL != tt.url {
				t.Errorf("URL = %q, want %q", s.URL, tt.url)
			}
			if s.Path == "" || s.Title == "" || s.DocID == "" || s.Passage != tt.first || s.LastPassage != tt.last {
				t.Errorf("incomplete source %+v", s)
			}
		})
	}
	// The headings slice is the passage's own: locate must not let a
	// caller's append write into it.
	for _, last := range []int{1, 2} {
		st.corpus.Docs[0].Passages[1].Headings = append(make([]string, 0, 8), "Hooks in depth", "Weights")
		s := st.locate(0, 1, last)
		_ = append(s.Headings, "x")
		if h := st.corpus.Docs[0].Passages[1].Headings[:2:8]; h[:3][2] == "x" {
			t.Errorf("appending to a Source's headings (last %d) wrote into the passage's", last)
		}
	}
}

// Answers and search results on a Markdown folder carry the file, the
// sections and the link.
func TestSourcesCarryPathHeadingsAndLink(t *testing.T) {
	fsys := fstest.MapFS{
		"guide/hooks.md": {Data: []byte("# Hooks\n\nHooks run around a release.\n\n## Hook deletion policies\n\nIf no hook deletion policy annotation is specified, the before-hook-creation policy applies.\n")},
		"guide/other.md": {Data: []byte("# Other\n\nNothing about that here.\n")},
	}
	gh, _ := sourcelink.Parse("https://github.com/org/docs/blob/main/{path}#L{start}-L{end}")
	p, err := New(Config{SourceURL: gh}, loadFS(t, fsys), nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	res, err := p.Ask(ctx, Question{Text: "Which hook deletion policy applies when no annotation is specified?"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Sources) == 0 {
		t.Fatalf("no sources: %+v", res)
	}
	s := res.Sources[0]
	if s.Path != "guide/hooks.md" || !slices.Equal(s.Headings, []string{"Hook deletion policies"}) || s.LineStart != 7 ||
		!strings.HasPrefix(s.URL, "https://github.com/org/docs/blob/main/guide/hooks.md#L7-") {
		t.Errorf("source = %+v", s)
	}
	m, err := p.Search(ctx, "hook deletion policy", 1)
	if err != nil || len(m) != 1 {
		t.Fatal(m, err)
	}
	if m[0].Path != "guide/hooks.md" || m[0].URL != "https://github.com/org/docs/blob/main/guide/hooks.md#L7-L7" {
		t.Errorf("match path %q, url %q", m[0].Path, m[0].URL)
	}
}

// Span names a location by its document's unit: lines, a PDF's pages, a
// deck's slides, in the reader's language.
func TestSpanNamesTheUnit(t *testing.T) {
	tests := []struct {
		lang               string
		unit               corpus.Unit
		lineStart, lineEnd int
		pageStart, pageEnd int
		want               string
	}{
		{"en", corpus.UnitLine, 4, 4, 0, 0, "line 4"},
		{"en", corpus.UnitLine, 12, 30, 0, 0, "lines 12–30"},
		{"en", corpus.UnitPage, 0, 0, 3, 3, "page 3"},
		{"en", corpus.UnitPage, 0, 0, 3, 5, "pages 3–5"},
		{"en", corpus.UnitSlide, 0, 0, 4, 4, "slide 4"},
		{"en", corpus.UnitSlide, 0, 0, 1, 3, "slides 1–3"},
		{"de", corpus.UnitSlide, 0, 0, 4, 4, "Folie 4"},
		{"de", corpus.UnitSlide, 0, 0, 1, 3, "Folien 1–3"},
		{"fr", corpus.UnitSlide, 0, 0, 2, 2, "diapositive 2"},
		{"ja", corpus.UnitSlide, 0, 0, 2, 2, "スライド 2"},
		{"zh", corpus.UnitSlide, 0, 0, 2, 5, "第 2–5 张幻灯片"},
		{"de", corpus.UnitPage, 0, 0, 3, 3, "Seite 3"},
		// A unit without a format's knowledge (a document made by hand)
		// names pages pages, as before units were named.
		{"en", corpus.UnitNone, 0, 0, 3, 3, "page 3"},
		{"en", corpus.UnitNone, 0, 0, 0, 0, ""},
		// Lines, when known, win: the unit names what pages count.
		{"en", corpus.UnitSlide, 7, 9, 2, 2, "lines 7–9"},
		{"en", corpus.UnitSlide, 0, 0, 5, 2, "slide 5"},
	}
	for _, tt := range tests {
		if got := SpanIn(tt.lang, tt.unit, tt.lineStart, tt.lineEnd, tt.pageStart, tt.pageEnd); got != tt.want {
			t.Errorf("SpanIn(%s, %q, %d–%d, %d–%d) = %q, want %q", tt.lang, tt.unit, tt.lineStart, tt.lineEnd, tt.pageStart, tt.pageEnd, got, tt.want)
		}
	}
	if got := (Source{Unit: corpus.UnitSlide, PageStart: 2, PageEnd: 2}).Span(); got != "slide 2" {
		t.Errorf("Source.Span() = %q, want slide 2", got)
	}
}

// A source of merged passages whose verified quote is in some of them is
// cited at those passages' pages or slides; lines, a single passage and a
// quote not found keep the block's.
func TestOnQuoteNarrowsPagesToTheQuote(t *testing.T) {
	slides := []string{"Timeline of the outage.", "The disk filled with keys.", "Alerts now fire at 80 percent."}
	deck := corpus.Document{ID: "decks/incident", Path: "decks/incident.pptx", Title: "Incident", Format: corpus.FormatPPTX}
	md := corpus.Document{ID: "notes", Path: "notes.md", Title: "Notes", Format: corpus.FormatMarkdown}
	for i, s := range slides {
		for _, d := range []*corpus.Document{&deck, &md} {
			if i > 0 {
				d.Text += "\n\n"
			}
			start := len(d.Text)
			d.Text += s
			p := corpus.Passage{DocID: d.ID, Index: i, Text: s, Start: start, End: len(d.Text)}
			if d == &deck {
				p.PageStart, p.PageEnd = i+1, i+1
			} else {
				p.LineStart, p.LineEnd = 2*i+1, 2*i+1
			}
			d.Passages = append(d.Passages, p)
		}
	}
	gh, err := sourcelink.Parse("https://git.example/{path}#L{start}-L{end}")
	if err != nil {
		t.Fatal(err)
	}
	st := &state{built: &built{corpus: &corpus.Corpus{Docs: []corpus.Document{deck, md}}, links: gh}}
	blockOf := func(doc, first, last int) *block {
		d := &st.corpus.Docs[doc]
		return &block{doc: doc, first: first, last: last, text: d.Text[d.Passages[first].Start:d.Passages[last].End]}
	}
	tests := []struct {
		name             string
		doc, first, last int
		quote            string
		lines, pages     [2]int
		url              string
	}{
		{"a quote on slide 2 of slides 1–3", 0, 0, 2, "The disk filled with keys", [2]int{}, [2]int{2, 2}, "https://git.example/decks/incident.pptx#L2-L2"},
		{"a quote on slide 1", 0, 0, 2, "Timeline of the outage", [2]int{}, [2]int{1, 1}, "https://git.example/decks/incident.pptx#L1-L1"},
		{"a quote across slides 2 and 3", 0, 0, 2, "filled with keys. Alerts now fire", [2]int{}, [2]int{2, 3}, "https://git.example/decks/incident.pptx#L2-L3"},
		{"a quote not in the block", 0, 0, 2, "The network partitioned twice", [2]int{}, [2]int{1, 3}, "https://git.example/decks/incident.pptx#L1-L3"},
		{"one passage", 0, 1, 1, "The disk filled with keys", [2]int{}, [2]int{2, 2}, "https://git.example/decks/incident.pptx#L2-L2"},
		{"lines are the block's", 1, 0, 2, "The disk filled with keys", [2]int{1, 5}, [2]int{}, "https://git.example/notes.md#L1-L5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := st.locate(tt.doc, tt.first, tt.last)
			st.onQuote(&s, blockOf(tt.doc, tt.first, tt.last), tt.quote)
			if got := [2]int{s.LineStart, s.LineEnd}; got != tt.lines {
				t.Errorf("lines = %v, want %v", got, tt.lines)
			}
			if got := [2]int{s.PageStart, s.PageEnd}; got != tt.pages {
				t.Errorf("pages = %v, want %v", got, tt.pages)
			}
			if s.URL != tt.url {
				t.Errorf("URL = %q, want %q", s.URL, tt.url)
			}
			if s.Passage != tt.first || s.LastPassage != tt.last {
				t.Errorf("passages %d–%d, want the block's %d–%d", s.Passage, s.LastPassage, tt.first, tt.last)
			}
			if tt.doc == 0 && s.Unit != corpus.UnitSlide {
				t.Errorf("Unit = %q, want slide", s.Unit)
			}
		})
	}
}
