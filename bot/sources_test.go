package bot

import (
	"regexp"
	"strings"
	"testing"

	"corpusbot/answer"
	"corpusbot/sourcelink"
)

func TestSourceLine(t *testing.T) {
	gh, err := sourcelink.Parse("https://github.com/org/docs/blob/main/{path}#L{start}-L{end}")
	if err != nil {
		t.Fatal(err)
	}
	link := func(s answer.Source) answer.Source {
		start, end := s.LineStart, s.LineEnd
		if start == 0 {
			start, end = s.PageStart, s.PageEnd
		}
		s.URL = gh.URL(sourcelink.Location{Path: s.Path, ID: s.DocID, Start: start, End: end})
		return s
	}
	tests := []struct {
		name string
		src  answer.Source
		want string
	}{
		{"heading path and lines",
			answer.Source{Title: "Hooks", Headings: []string{"Hook deletion policies"}, Path: "guide/hooks.md", LineStart: 12, LineEnd: 30},
			"Hooks › Hook deletion policies — guide/hooks.md (lines 12–30)"},
		{"one line, no headings",
			answer.Source{Title: "Gold", Path: "gold.txt", LineStart: 4, LineEnd: 4},
			"Gold — gold.txt (line 4)"},
		{"pdf pages",
			answer.Source{Title: "Spec", Headings: []string{"Scope"}, Path: "specs/v2.pdf", PageStart: 3, PageEnd: 5},
			"Spec › Scope — specs/v2.pdf (pages 3–5)"},
		{"no location known",
			answer.Source{Title: "Notes", DocID: "notes"},
			"Notes — notes"},
		{"link in angle brackets",
			link(answer.Source{Title: "Hooks", Path: "guide/hooks.md", LineStart: 12, LineEnd: 30}),
			"Hooks — guide/hooks.md (lines 12–30) <https://github.com/org/docs/blob/main/guide/hooks.md#L12-L30>"},
		{"odd path: spaces, hash, unicode",
			link(answer.Source{Title: "Café", Path: "user guide/c# notes/café.md", LineStart: 1, LineEnd: 2}),
			"Café — user guide/c# notes/café.md (lines 1–2) <https://github.com/org/docs/blob/main/user%20guide/c%23%20notes/caf%C3%A9.md#L1-L2>"},
		{"markdown in title, heading and path",
			answer.Source{Title: "**Bold** [click](https://evil.example)", Headings: []string{"`code` ~~x~~ <#123>"}, Path: "a_b/*c*|d.md", LineStart: 1, LineEnd: 2},
			"\\*\\*Bold\\*\\* \\[click\\](https://evil.example) › \\`code\\` \\~\\~x\\~\\~ \\<#123\\> — a\\_b/\\*c\\*\\|d.md (lines 1–2)"},
		{"mentions in title, heading, path and link",
			link(answer.Source{Title: "@everyone read", Headings: []string{"@here"}, Path: "@everyone/<@123>.md", LineStart: 1, LineEnd: 1}),
			"@\u200beveryone read › @\u200bhere — @\u200beveryone/\\<@123\\>.md (line 1) <https://github.com/org/docs/blob/main/%40everyone/%3C%40123%3E.md#L1-L1>"},
		{"new lines cannot break the list",
			answer.Source{Title: "Two\nlines", Path: "a\nb.md", LineStart: 1, LineEnd: 3},
			"Two lines — a b.md (lines 1–3)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sourceLine(tt.src, "en"); got != tt.want {
				t.Errorf("sourceLine =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// Two citations of one document differ in what the reader sees.
func TestSourcesOfOneDocumentAreDistinguishable(t *testing.T) {
	block := sourcesBlock([]answer.Source{
		{N: 1, DocID: "guide/hooks", Title: "Hooks", Path: "guide/hooks.md", Headings: []string{"Hook weights"}, LineStart: 5, LineEnd: 9},
		{N: 2, DocID: "guide/hooks", Title: "Hooks", Path: "guide/hooks.md", Headings: []string{"Hook deletion policies"}, LineStart: 12, LineEnd: 30},
		{N: 3, DocID: "guide/hooks", Title: "Hooks", Path: "guide/hooks.md", Headings: []string{"Hook deletion policies"}, LineStart: 31, LineEnd: 40},
	}, "en")
	lines := strings.Split(block, "\n")[1:]
	seen := map[string]bool{}
	for _, l := range lines {
		where := regexp.MustCompile(`^\[\d+\] `).ReplaceAllString(l, "")
		if seen[where] {
			t.Errorf("two sources read the same: %q", where)
		}
		seen[where] = true
	}
}

// A backtick in a file name cannot end the code span an ID is shown in.
func TestInlineCodeHoldsAnyID(t *testing.T) {
	for _, id := range []string{"guide/hooks", "a`b @everyone `c", "``", "x\ny"} {
		got := inlineCode(id)
		if strings.Count(got, "`") != 2 || !strings.HasPrefix(got, "`") || !strings.HasSuffix(got, "`") || strings.Contains(got, "\n") {
			t.Errorf("inlineCode(%q) = %q: want one code span on one line", id, got)
		}
	}
}

// Where a source is reads in the answer's language.
func TestSourceLineLanguages(t *testing.T) {
	tests := []struct {
		lang string
		src  answer.Source
		want string
	}{
		{"de", answer.Source{Title: "Deploy", Path: "deploy.md", LineStart: 12, LineEnd: 14}, "Deploy — deploy.md (Zeilen 12–14)"},
		{"ru", answer.Source{Title: "Отчёт", Path: "report.pdf", PageStart: 3, PageEnd: 3}, "Отчёт — report.pdf (страница 3)"},
		{"ja", answer.Source{Title: "ガイド", Path: "guide.md", LineStart: 5, LineEnd: 5}, "ガイド — guide.md (5行目)"},
		{"ar", answer.Source{Title: "دليل", Path: "guide.pdf", PageStart: 2, PageEnd: 4}, "دليل — guide.pdf (الصفحات 2–4)"},
	}
	for _, tt := range tests {
		if got := sourceLine(tt.src, tt.lang); got != tt.want {
			t.Errorf("%s: sourceLine = %q, want %q", tt.lang, got, tt.want)
		}
	}
}
