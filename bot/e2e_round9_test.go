package bot_test

import (
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"corpusbot/bot"
	"corpusbot/i18n"
	"corpusbot/internal/discordtest"
	"corpusbot/internal/openaitest"
	"corpusbot/internal/ziptest"
)

// Round nine of the adversarial tests (docs/benchmarks.md, "Adversarial
// round nine"): a team folder of the formats a team keeps besides
// Markdown — a PowerPoint deck with speaker notes and a hidden slide, an
// OpenDocument handbook, an EPUB book and a Quarto chapter with hidden
// code chunks — made up here in those formats' form, through discordgo
// and the fakes. The scripted model quotes each document and adds a claim
// its quote does not back, which must be marked; Sources name the slide's
// title and number, the book's chapter, the handbook's section.

const r9PML = `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"`

func r9Shape(ph string, paras ...string) string {
	s := `<p:sp><p:nvSpPr><p:nvPr>`
	if ph != "" {
		s += `<p:ph type="` + ph + `"/>`
	}
	s += `</p:nvPr></p:nvSpPr><p:txBody>`
	for _, p := range paras {
		s += `<a:p><a:r><a:t>` + p + `</a:t></a:r></a:p>`
	}
	return s + `</p:txBody></p:sp>`
}

func r9Slide(attrs string, shapes ...string) string {
	return `<p:sld ` + r9PML + attrs + `><p:cSld><p:spTree>` + strings.Join(shapes, "") + `</p:spTree></p:cSld></p:sld>`
}

// r9Deck: a title slide, a slide on the rollout's regions with speaker
// notes, a hidden slide of draft numbers.
func r9Deck(t testing.TB) []byte {
	rel := `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
	return ziptest.Zip(t,
		"ppt/presentation.xml", `<p:presentation `+r9PML+`><p:sldIdLst><p:sldId id="256" r:id="rId2"/><p:sldId id="257" r:id="rId3"/><p:sldId id="258" r:id="rId4"/></p:sldIdLst></p:presentation>`,
		"ppt/_rels/presentation.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="`+rel+`slide" Target="slides/slide1.xml"/><Relationship Id="rId3" Type="`+rel+`slide" Target="slides/slide2.xml"/><Relationship Id="rId4" Type="`+rel+`slide" Target="slides/slide3.xml"/></Relationships>`,
		"ppt/slides/slide1.xml", r9Slide("", r9Shape("ctrTitle", "Search rollout"), r9Shape("subTitle", "Platform team")),
		"ppt/slides/slide2.xml", r9Slide("", r9Shape("title", "Regions and dates"), r9Shape("", "The new search reaches eu-west on March 3.", "us-east follows after the security audit.")),
		"ppt/slides/_rels/slide2.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="`+rel+`notesSlide" Target="../notesSlides/notesSlide2.xml"/></Relationships>`,
		"ppt/notesSlides/notesSlide2.xml", `<p:notes `+r9PML+`><p:cSld><p:spTree>`+r9Shape("body", "Say that the audit ends in April.")+`</p:spTree></p:cSld></p:notes>`,
		"ppt/slides/slide3.xml", r9Slide(` show="0"`, r9Shape("title", "Draft numbers"), r9Shape("", "Budget draft: do not present.")),
	)
}

func r9Handbook(t testing.TB) []byte {
	return ziptest.Zip(t,
		"mimetype", "application/vnd.oasis.opendocument.text",
		"content.xml", `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>`+
			`<text:h text:outline-level="1">Paging</text:h><text:p>The primary on-call acknowledges a page within five minutes.</text:p>`+
			`<text:h text:outline-level="1">Escalation</text:h><text:p>An unacknowledged page escalates to the secondary after fifteen minutes.</text:p>`+
			`</office:text></office:body></office:document-content>`,
		"meta.xml", `<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><dc:title>On-call handbook</dc:title></office:meta></office:document-meta>`,
	)
}

func r9Book(t testing.TB) []byte {
	return ziptest.Zip(t,
		"mimetype", "application/epub+zip",
		"META-INF/container.xml", `<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0"><rootfiles><rootfile full-path="OEBPS/book.opf"/></rootfiles></container>`,
		"OEBPS/book.opf", `<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Service Design Notes</dc:title><dc:language>en</dc:language></metadata>`+
			`<manifest><item id="c1" href="ch1.xhtml" media-type="application/xhtml+xml"/><item id="c2" href="ch2.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c1"/><itemref idref="c2"/></spine></package>`,
		"OEBPS/ch1.xhtml", `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>One</title></head><body><h1>Idempotent retries</h1><p>A retried request must carry the same idempotency key as the first attempt.</p></body></html>`,
		"OEBPS/ch2.xhtml", `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Two</title></head><body><h1>Backpressure</h1><p>A full queue rejects new work with status 429.</p></body></html>`,
	)
}

const r9Quarto = "---\ntitle: \"Latency report\"\n---\n\n```{r}\n#| include: false\nlibrary(tidyverse)\nsecret_token <- \"x\"\n```\n\n" +
	"## Findings\n\nThe p99 latency of search fell from 800 ms to 350 ms after the cache.\n\n" +
	"```{r}\n#| echo: false\n#| fig-cap: \"Search p99 latency by week.\"\nggplot(latency, aes(week, p99)) + geom_line()\n```\n"

func round9Docs(t testing.TB) fstest.MapFS {
	return fstest.MapFS{
		"decks/search-rollout.pptx": {Data: r9Deck(t)},
		"handbook/oncall.odt":       {Data: r9Handbook(t)},
		"books/design.epub":         {Data: r9Book(t)},
		"reports/latency.qmd":       {Data: []byte(r9Quarto)},
	}
}

var round9Cases = []round5Case{
	{
		lang: "en", question: "When does the new search reach eu-west?",
		reply: "The new search reaches eu-west on March 3 [%N{reaches eu-west}] «The new search reaches eu-west on March 3». " +
			"It reaches us-east on March 3 too [%N{reaches eu-west}] «us-east reaches March 3».",
		marked:   []string{"It reaches us-east on March 3 too"},
		unmarked: []string{"The new search reaches eu-west on March 3"},
	},
	{
		lang: "en", question: "When does a page escalate to the secondary?",
		reply: "An unacknowledged page escalates to the secondary after fifteen minutes [%N{escalates to the secondary}] «escalates to the secondary after fifteen minutes». " +
			"The secondary must answer within one minute [%N{escalates to the secondary}] «the secondary must answer within one minute».",
		marked:   []string{"The secondary must answer within one minute"},
		unmarked: []string{"An unacknowledged page escalates to the secondary after fifteen minutes"},
	},
	{
		lang: "en", question: "What must a retried request carry?",
		reply: "A retried request carries the same idempotency key as the first attempt [%N{idempotency key}] «must carry the same idempotency key as the first attempt». " +
			"Retries are limited to three [%N{idempotency key}] «retries are limited to three».",
		marked:   []string{"Retries are limited to three"},
		unmarked: []string{"A retried request carries the same idempotency key as the first attempt"},
	},
	{
		lang: "en", question: "How did search p99 latency change after the cache?",
		reply: "Search p99 latency fell from 800 ms to 350 ms after the cache [%N{fell from 800 ms}] «fell from 800 ms to 350 ms after the cache». " +
			"It rose again in the last week [%N{fell from 800 ms}] «it rose again in the last week».",
		marked:   []string{"It rose again in the last week"},
		unmarked: []string{"Search p99 latency fell from 800 ms to 350 ms after the cache"},
	},
}

// round9Sources is what each question's Sources must name: the document's
// title and the section (a slide's title, a chapter's heading) with the
// slide's number, named a slide.
var round9Sources = map[string][]string{
	"When does the new search reach eu-west?":            {"Search rollout › Regions and dates — decks/search-rollout.pptx (slide 2)"},
	"When does a page escalate to the secondary?":        {"On-call handbook › Escalation — handbook/oncall.odt"},
	"What must a retried request carry?":                 {"Service Design Notes › Idempotent retries — books/design.epub"},
	"How did search p99 latency change after the cache?": {"Latency report › Findings — reports/latency.qmd (line"},
}

func TestRound9TeamFormatsThroughDiscord(t *testing.T) {
	t.Parallel()
	runRoundCases(t, round9Docs(t), round9Cases, nil, func(t *testing.T, path string, c round5Case, content string) {
		for _, s := range round9Sources[c.question] {
			if !strings.Contains(content, s) {
				t.Errorf("%s %q: Sources do not name %q:\n%s", path, c.question, s, content)
			}
		}
		// Hidden slides and hidden chunks are never read, so never shown.
		for _, s := range []string{"Budget draft", "secret_token", "#|", "{r}"} {
			if strings.Contains(content, s) {
				t.Errorf("%s %q: %q in sight:\n%s", path, c.question, s, content)
			}
		}
	})
}

// r9DeckOf zips slides, in order, into a deck.
func r9DeckOf(t testing.TB, slides ...string) []byte {
	rel := `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
	ids, rels := "", ""
	parts := []string{}
	for i, s := range slides {
		n := strconv.Itoa(i + 1)
		ids += `<p:sldId id="` + strconv.Itoa(256+i) + `" r:id="rId` + n + `"/>`
		rels += `<Relationship Id="rId` + n + `" Type="` + rel + `slide" Target="slides/slide` + n + `.xml"/>`
		parts = append(parts, "ppt/slides/slide"+n+".xml", s)
	}
	return ziptest.Zip(t, append([]string{
		"ppt/presentation.xml", `<p:presentation ` + r9PML + `><p:sldIdLst>` + ids + `</p:sldIdLst></p:presentation>`,
		"ppt/_rels/presentation.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels + `</Relationships>`,
	}, parts...)...)
}

// A deck of short slides on one subject: the answer's block merges
// neighbouring slides, its verified quote is on one of them, and Sources
// cite that slide, not the block's range ("slide 2", never "slides 1–3").
// Show passage [1] shows the whole block, each passage titled by its
// slide, in the reader's language.
func TestRound9QuoteCitesItsSlide(t *testing.T) {
	t.Parallel()
	deck := r9DeckOf(t,
		r9Slide("", r9Shape("title", "Cache outage timeline"), r9Shape("", "Why the cache outage happened: the cache outage began at 09:12 when the cache nodes stopped answering.")),
		r9Slide("", r9Shape("title", "Cache outage cause"), r9Shape("", "Why the cache outage happened: the cache disk filled with expired keys.")),
		r9Slide("", r9Shape("title", "Cache outage fix"), r9Shape("", "Why the cache outage happened matters: the cache now alerts when the cache disk is 80 percent full.")),
	)
	const question = "Why did the cache outage happen?"
	replies := map[string]string{
		question:                 "The cache outage happened because its disk filled with expired keys [%N{disk filled}] «the cache disk filled with expired keys».",
		"Summarise the document": "The outage came from a full cache disk [%N{disk filled}] «the cache disk filled with expired keys».",
	}
	h := start(t, setup{
		corpus: fstest.MapFS{"decks/incident.pptx": {Data: deck}},
		aiOpts: []openaitest.Option{openaitest.WithResponder(round5Responder(replies, nil))},
		cfg:    func(c *bot.Config) { c.ThreadMode, c.EditInterval = bot.ThreadOff, 50*time.Millisecond },
	})
	m := waitFinal(h, ask(h, user(1), generalID, question, false))
	src := m.Content[strings.LastIndex(m.Content, i18n.Text("en", i18n.Sources)):]
	if !strings.Contains(src, "decks/incident.pptx (slide 2)") {
		t.Errorf("Sources do not cite the quote's slide 2:\n%s", m.Content)
	}
	if strings.Contains(src, "page") || strings.Contains(src, "slides") {
		t.Errorf("Sources name pages or a range of slides:\n%s", m.Content)
	}
	var passageID string
	for _, id := range buttonIDs(m.Components) {
		if strings.Contains(id, ":p:") && strings.HasSuffix(id, ":1") {
			passageID = id
		}
	}
	if passageID == "" {
		t.Fatalf("no Show passage [1] button: %+v", m.Components)
	}
	show := h.dc.SendComponent(passageID, m, discordtest.As(user(1)))
	p, err := show.WaitOriginal(h.ctx(), func(m discordtest.Message) bool { return len(m.Embeds) > 0 })
	if err != nil {
		t.Fatal(err)
	}
	// The block is shown whole, named by its slides; the quote is in bold
	// in the passage of its slide.
	if !strings.Contains(p.Content, "`decks/incident`, slides 1–3") {
		t.Errorf("Show passage [1]: %q, want the block named by its slides 1–3", p.Content)
	}
	bold := ""
	for _, e := range p.Embeds {
		if strings.Contains(e.Title, "page") || !strings.Contains(e.Title, "slide ") {
			t.Errorf("Show passage [1]: embed %q is not titled by its slide", e.Title)
		}
		if strings.Contains(e.Description, "**") {
			bold += e.Title
		}
	}
	if !strings.HasSuffix(bold, "· slide 2") {
		t.Errorf("Show passage [1]: the quote is in bold in %q, want only the passage of slide 2", bold)
	}
	// /summary of the deck cites its slides too.
	sum := waitFinal(h, h.dc.SendSlash(discordtest.SlashOpts{Name: "summary", GuildID: guildID, ChannelID: generalID, User: user(2),
		Options: []discordtest.OptionValue{{Name: "document", Value: "decks/incident"}}}))
	if !strings.Contains(sum.Content, "decks/incident.pptx (slide 2)") || strings.Contains(sum.Content, "page") {
		t.Errorf("/summary: Sources do not cite slide 2:\n%s", sum.Content)
	}
	h.noViolations()
}
