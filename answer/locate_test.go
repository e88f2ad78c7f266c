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
	st := &state{corpus: &corpus.Corpus{Docs: []corpus.Document{doc, pdf}}, links: gh}
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
