package main

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"corpusbot/internal/ziptest"
)

// deckOf is a PowerPoint deck of slides, each a title and one paragraph
// (made up here in the form PowerPoint writes, only the parts read).
func deckOf(t *testing.T, slides ...[2]string) string {
	t.Helper()
	const ns = `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"`
	rel := `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
	var parts []string
	put := func(name, s string) { parts = append(parts, name, s) }
	ids, rels := "", ""
	for i, s := range slides {
		n := strconv.Itoa(i + 1)
		ids += `<p:sldId id="` + strconv.Itoa(256+i) + `" r:id="rId` + n + `"/>`
		rels += `<Relationship Id="rId` + n + `" Type="` + rel + `slide" Target="slides/slide` + n + `.xml"/>`
		put("ppt/slides/slide"+n+".xml", `<p:sld `+ns+`><p:cSld><p:spTree>`+
			`<p:sp><p:nvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:txBody><a:p><a:r><a:t>`+s[0]+`</a:t></a:r></a:p></p:txBody></p:sp>`+
			`<p:sp><p:nvSpPr><p:nvPr/></p:nvSpPr><p:txBody><a:p><a:r><a:t>`+s[1]+`</a:t></a:r></a:p></p:txBody></p:sp>`+
			`</p:spTree></p:cSld></p:sld>`)
	}
	put("ppt/presentation.xml", `<p:presentation `+ns+`><p:sldIdLst>`+ids+`</p:sldIdLst></p:presentation>`)
	put("ppt/_rels/presentation.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels+`</Relationships>`)
	return string(ziptest.Zip(t, parts...))
}

// A deck's passages are shown at their slides by ask and search, on the
// terminal and in --json, and docs --json names the deck's unit.
func TestSlidesAreNamedSlides(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"decks/rollout.pptx": deckOf(t,
		[2]string{"Rollout plan", "The platform team plans the search rollout."},
		[2]string{"Regions and dates", "The new search reaches eu-west on March 3."},
	)})
	for _, args := range [][]string{
		{"ask", "--corpus", dir, "When does the new search reach eu-west?"},
		{"search", "--corpus", dir, "search reaches eu-west"},
	} {
		out, errOut, code := runCLI(t, nil, args...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", args[0], code, errOut)
		}
		if !strings.Contains(out, "decks/rollout.pptx (slide 2)") || strings.Contains(out, "page") {
			t.Errorf("%s: want the deck cited at slide 2, no page:\n%s", args[0], out)
		}
	}
	out, _, _ := runCLI(t, nil, "ask", "--corpus", dir, "--json", "When does the new search reach eu-west?")
	var res struct{ Sources []map[string]any }
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.Sources) == 0 {
		t.Fatalf("ask --json: %v, no sources:\n%s", err, out)
	}
	if s := res.Sources[0]; s["unit"] != "slide" || s["page_start"] != 2.0 || s["line_start"] != 0.0 {
		t.Errorf("ask --json: sources[0] = %v, want slide 2 named a slide", s)
	}
	out, _, _ = runCLI(t, nil, "search", "--corpus", dir, "--json", "search reaches eu-west")
	var sr struct{ Results []map[string]any }
	if err := json.Unmarshal([]byte(out), &sr); err != nil || len(sr.Results) == 0 || sr.Results[0]["unit"] != "slide" {
		t.Errorf("search --json: %v, want results of unit slide:\n%s", err, out)
	}
	out, _, _ = runCLI(t, nil, "docs", "--corpus", dir, "--json")
	var docs struct{ Documents []map[string]any }
	if err := json.Unmarshal([]byte(out), &docs); err != nil || len(docs.Documents) != 1 || docs.Documents[0]["unit"] != "slide" {
		t.Errorf("docs --json: %v, want the deck's unit slide:\n%s", err, out)
	}
}
