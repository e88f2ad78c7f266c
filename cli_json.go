package main

import (
	"encoding/json"
	"io"

	"corpusbot/answer"
	"corpusbot/corpus"
)

// The one JSON schema of --json, shared by ask, search, summary, briefing
// and docs, and documented in the README: one object per run, snake_case
// keys, lists always present (never null), a location written the same
// way wherever it appears. Change it only together with the README.

// jsonLocation is where a passage, or a block of adjacent passages, is.
type jsonLocation struct {
	DocID       string   `json:"doc_id"`
	Title       string   `json:"title"`
	Headings    []string `json:"headings"` // sections, outermost first, without the title
	Path        string   `json:"path"`
	Passage     int      `json:"passage"`
	LastPassage int      `json:"last_passage"`
	LineStart   int      `json:"line_start"` // 0 when the format has no lines (PDF, DOCX)
	LineEnd     int      `json:"line_end"`
	PageStart   int      `json:"page_start"` // 0 when the format has no pages
	PageEnd     int      `json:"page_end"`
	// Unit names what locates it: "line", "page" (a PDF's), "slide" (a
	// deck's, in page_start and page_end), "" for neither.
	Unit string `json:"unit"`
	URL  string `json:"url,omitempty"`
}

type jsonSource struct {
	N int `json:"n"`
	jsonLocation
	Quote    string `json:"quote"`
	Verified bool   `json:"verified"`
}

type jsonPoint struct {
	Key     string   `json:"key"`
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

type jsonDocRef struct {
	DocID string `json:"doc_id"`
	Title string `json:"title"`
}

type jsonUsage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
	TotalTokens      int `json:"total_tokens"`
}

// jsonResult is the output of ask, summary and briefing.
type jsonResult struct {
	Command     string       `json:"command"`
	ID          string       `json:"id"`
	Kind        string       `json:"kind"`
	Question    string       `json:"question"`
	Text        string       `json:"text"`
	Abstained   bool         `json:"abstained"`
	Extractive  bool         `json:"extractive"`
	Sources     []jsonSource `json:"sources"`
	Points      []jsonPoint  `json:"points"`
	Unsupported []string     `json:"unsupported"`
	Notes       []string     `json:"notes"`
	Cut         string       `json:"cut,omitempty"`
	Nearest     []jsonDocRef `json:"nearest"`
	Usage       jsonUsage    `json:"usage"`
}

// jsonMatch is one ranked passage of search.
type jsonMatch struct {
	Rank     int     `json:"rank"`
	Score    float64 `json:"score"`
	Relevant bool    `json:"relevant"`
	jsonLocation
	Text string `json:"text"`
}

type jsonSearch struct {
	Command string      `json:"command"`
	Query   string      `json:"query"`
	Results []jsonMatch `json:"results"`
}

type jsonDocument struct {
	DocID        string   `json:"doc_id"`
	Title        string   `json:"title"`
	Path         string   `json:"path"`
	Format       string   `json:"format"`
	Unit         string   `json:"unit"` // what its passages are located by: "line", "page", "slide" or ""
	Lang         string   `json:"lang"`
	Description  string   `json:"description"`
	Translations []string `json:"translations"`
	Passages     int      `json:"passages"`
	Words        int      `json:"words"`
}

// jsonFileNote is a file not loaded, or loaded with repairs, and why.
type jsonFileNote struct {
	Path   string `json:"path"`
	Kind   string `json:"kind,omitempty"`
	Reason string `json:"reason"`
}

type jsonDocs struct {
	Command   string         `json:"command"`
	Summary   string         `json:"summary"`
	Documents []jsonDocument `json:"documents"`
	Skipped   []jsonFileNote `json:"skipped"`
	Repaired  []jsonFileNote `json:"repaired"`
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func sourceLocation(s answer.Source) jsonLocation {
	return jsonLocation{
		DocID: s.DocID, Title: s.Title, Headings: list(s.Headings), Path: s.Path,
		Passage: s.Passage, LastPassage: s.LastPassage,
		LineStart: s.LineStart, LineEnd: s.LineEnd, PageStart: s.PageStart, PageEnd: s.PageEnd, Unit: string(s.Unit), URL: s.URL,
	}
}

// list makes a nil list an empty one, which JSON writes as [] not null.
func list(ss []string) []string {
	return append([]string{}, ss...)
}

func resultJSON(command string, res *answer.Result) jsonResult {
	out := jsonResult{
		Command: command, ID: res.ID, Kind: res.Kind, Question: res.Question, Text: res.Text,
		Abstained: res.Abstained, Extractive: res.Extractive,
		Sources:     make([]jsonSource, 0, len(res.Sources)),
		Points:      make([]jsonPoint, 0, len(res.Points)),
		Unsupported: []string{},
		Notes:       list(res.Notes()),
		Cut:         res.Cut,
		Nearest:     make([]jsonDocRef, 0, len(res.Nearest)),
		Usage: jsonUsage{
			PromptTokens: res.Usage.PromptTokens, CompletionTokens: res.Usage.CompletionTokens, TotalTokens: res.Usage.TotalTokens,
		},
	}
	for _, c := range res.Unchecked() {
		out.Unsupported = append(out.Unsupported, c.Text)
	}
	for _, s := range res.Sources {
		out.Sources = append(out.Sources, jsonSource{N: s.N, jsonLocation: sourceLocation(s), Quote: s.Quote, Verified: s.Verified})
	}
	for _, p := range res.Points {
		out.Points = append(out.Points, jsonPoint{Key: p.Key, Text: p.Text, Sources: list(p.Sources)})
	}
	for _, n := range res.Nearest {
		out.Nearest = append(out.Nearest, jsonDocRef{DocID: n.DocID, Title: n.Title})
	}
	return out
}

func searchJSON(query string, matches []answer.Match) jsonSearch {
	out := jsonSearch{Command: "search", Query: query, Results: make([]jsonMatch, 0, len(matches))}
	for _, m := range matches {
		out.Results = append(out.Results, jsonMatch{
			Rank: m.Rank, Score: m.Score, Relevant: m.Relevant,
			jsonLocation: jsonLocation{
				DocID: m.DocID, Title: m.Title, Headings: list(m.Passage.Headings), Path: m.Path,
				Passage: m.Passage.Index, LastPassage: m.Passage.Index,
				LineStart: m.Passage.LineStart, LineEnd: m.Passage.LineEnd,
				PageStart: m.Passage.PageStart, PageEnd: m.Passage.PageEnd, Unit: string(m.Unit), URL: m.URL,
			},
			Text: m.Passage.Text,
		})
	}
	return out
}

func docsJSON(c *corpus.Corpus) jsonDocs {
	out := jsonDocs{
		Command: "docs", Summary: c.Summary(),
		Documents: make([]jsonDocument, 0, len(c.Docs)),
		Skipped:   []jsonFileNote{}, Repaired: []jsonFileNote{},
	}
	for i := range c.Docs {
		d := &c.Docs[i]
		out.Documents = append(out.Documents, jsonDocument{
			DocID: d.ID, Title: d.Title, Path: d.Path, Format: string(d.Format), Unit: string(d.Unit()), Lang: d.Lang,
			Description: d.Description, Translations: list(d.Translations),
			Passages: len(d.Passages), Words: d.Words(),
		})
	}
	for _, w := range c.Warnings {
		n := jsonFileNote{Path: w.Path, Kind: string(w.Kind), Reason: w.Reason}
		if w.Skipped() {
			out.Skipped = append(out.Skipped, n)
		} else {
			out.Repaired = append(out.Repaired, n)
		}
	}
	return out
}
