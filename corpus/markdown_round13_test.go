package corpus

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

// PyMdown Extensions' generic blocks (pymdownx.blocks: "/// name | argument",
// YAML options indented under the header, the content, then a closing fence
// of as many slashes; an outer block takes more slashes than the blocks it
// holds) are how MkDocs sites such as FastAPI's write admonitions, details
// and tabs. Read as plain Markdown, the header, the content and the closing
// "///" ran together into one paragraph ("/// tip | Tipp Etwas Text ///"),
// and the options were text. The site shows the argument as the block's
// title (the summary of details, a tab's label) and the content under it; an
// html block's argument is a tag name, not text.
func TestPyMdownBlocks(t *testing.T) {
	src := strings.Join([]string{
		"# Seite",
		"",
		"/// note | Technische Details",
		"",
		"Starlette liefert die **Response**-Klassen.",
		"",
		"///",
		"",
		"/// tip",
		"Ein Tipp ohne Titel.",
		"///",
		"",
		"//// tab | Python 3.10+",
		"",
		"/// warning | Achtung",
		"Nicht in Produktion verwenden.",
		"///",
		"",
		"////",
		"",
		"/// details | Zusammenfassung",
		"    type: warning",
		"    attrs: {class: extra}",
		"",
		"Der Inhalt der Details.",
		"///",
		"",
		"/// html | div",
		"Im HTML-Block.",
		"///",
		"",
		"```rust",
		"/// note | in code",
		"///",
		"```",
		"",
		"/// Returns the sum, a line with no closing fence.",
	}, "\n")
	d := loadOne(t, "page.md", src)
	text := d.Text
	for _, want := range []string{
		"Technische Details\n", "Starlette liefert die Response-Klassen.", "Ein Tipp ohne Titel.",
		"Python 3.10+\n", "Achtung\n", "Nicht in Produktion verwenden.", "Zusammenfassung\n",
		"Der Inhalt der Details.", "Im HTML-Block.", "/// note | in code", "/// Returns the sum",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	for _, bad := range []string{"/// tip", "/// details", "| Technische", "type: warning", "attrs:", "div\n", "Verwenden. ///"} {
		if strings.Contains(text, bad) {
			t.Errorf("text holds %q:\n%s", bad, text)
		}
	}
	// Fences outside code go; the two inside the Rust block stay.
	if n := strings.Count(text, "///"); n != 3 {
		t.Errorf("%d \"///\" in the text, want 3 (the code's two and the unclosed line):\n%s", n, text)
	}
	if d.Title != "Seite" {
		t.Errorf("title %q", d.Title)
	}
}

// MkDocs sites inline files at build time with a line of their own:
// PyMdown's Snippets (`--8<-- "path"`, or a block of paths between two
// `--8<--` lines, also inside a code fence), mdx_include (`{! path !}`) and
// FastAPI's markdown-include-variants (`{* ../../docs_src/x.py hl[3] *}`).
// Only the build reads the file, most often outside the docs folder (the
// project's example sources); read as text, FastAPI's German tree showed
// 441 such lines in its passages. As for mdBook's {{#include}}, the line
// goes, and a code block of nothing else with it; the same words inside a
// sentence are text.
func TestMkDocsIncludeLines(t *testing.T) {
	src := strings.Join([]string{
		"# Seite",
		"",
		"Importieren Sie File von fastapi:",
		"",
		"{* ../../docs_src/request_files/tutorial001_an_py310.py hl[3] *}",
		"",
		"{!../../docs_src/app_testing/tutorial001.py!}",
		"",
		"```Python",
		"{!> ../../docs_src/python_types/tutorial008b_py310.py!}",
		"```",
		"",
		`--8<-- "includes/abbreviations.md"`,
		"",
		"```python",
		`--8<-- "docs/example.py"`,
		"```",
		"",
		"--8<--",
		"includes/a.md",
		"includes/b.md",
		"--8<--",
		"",
		"Schreiben Sie {* pfad *} in eine Zeile, um Code einzubinden.",
		"",
		"```python",
		"x = 1",
		"```",
		"",
		"```lua",
		"{* _body *}",
		"{* ngx.var.uri *}",
		"{! escape(name) !}",
		"```",
	}, "\n")
	d := loadOne(t, "page.md", src)
	for _, bad := range []string{"docs_src", "--8<--", "abbreviations", "example.py", "includes/a.md"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("text holds %q:\n%s", bad, d.Text)
		}
	}
	// A template's expressions (lua-resty-template's {* _body *}, in
	// APISIX's docs) name no file: they stay.
	for _, want := range []string{"Importieren Sie File von fastapi:", "Schreiben Sie {* pfad *} in eine Zeile", "x = 1", "{* _body *}", "{* ngx.var.uri *}", "{! escape(name) !}"} {
		if !strings.Contains(d.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, d.Text)
		}
	}
}

// A directive right under a paragraph's last line ends the paragraph, as
// the build's inlining does, rather than being read as its last words.
func TestMkDocsIncludeLineEndsParagraph(t *testing.T) {
	d := loadOne(t, "page.md", "# Seite\n\nEine Funktion mit den gleichen Parametern:\n{* ../../docs_src/dependencies/tutorial001_an_py310.py hl[8:9] *}\nUnd danach mehr Text.\n")
	if strings.Contains(d.Text, "docs_src") {
		t.Errorf("text holds the directive:\n%s", d.Text)
	}
	if !strings.Contains(d.Text, "Parametern:\n") {
		t.Errorf("the paragraph goes on past the directive:\n%s", d.Text)
	}
}

// mkdocstrings writes an API reference as "::: package.module.Name" lines,
// each with YAML options indented under it, that the site's build replaces
// with documentation generated from the code. Read as a Docusaurus
// admonition, "::: fastapi.APIRouter" showed ".APIRouter" as a title and its
// options as an indented code block of member names; a page of one such
// line was a document of the words ".encoders.jsonable_encoder". The line
// and its options go; a container with its closing ":::" is still one.
func TestMkDocstringsDirectives(t *testing.T) {
	d := loadOne(t, "apirouter.md", strings.Join([]string{
		"# `APIRouter` class",
		"",
		"Here's the reference information for the `APIRouter` class.",
		"",
		"::: fastapi.APIRouter",
		"    options:",
		"        members:",
		"            - websocket",
		"            - include_router",
		"",
		"::: fastapi",
		"",
		"::: tip Still a container",
		"A sentence in it.",
		":::",
	}, "\n"))
	for _, bad := range []string{"APIRouter\n", ".APIRouter", "options", "members", "websocket", "include_router", "fastapi\n"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("text holds %q:\n%s", bad, d.Text)
		}
	}
	for _, want := range []string{"Here's the reference information for the APIRouter class.", "Still a container\n", "A sentence in it."} {
		if !strings.Contains(d.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, d.Text)
		}
	}
	// A page of nothing but a directive is the build's to fill.
	c, err := Load(context.Background(), fstest.MapFS{
		"encoders.md": file("# Encoders - `jsonable_encoder`\n\n::: fastapi.encoders.jsonable_encoder\n"),
		"page.md":     file("# Page\n\nA page with a sentence.\n"),
	}, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != 1 || c.Docs[0].ID != "page" {
		t.Errorf("documents %v, want only page", c.Docs)
	}
}

// YAML lets a mapping be indented as a whole: front matter written
// "---\n  title: Alice Springs (YBAS)\n---" has the title at its top level.
// Read only at the margin, 112 of VATSIM Australia Pacific's MkDocs pages
// were titled by their first heading, "Positions", every aerodrome's
// Sources alike. A key nested under another stays nested.
func TestFrontMatterIndentedAsAWhole(t *testing.T) {
	for name, tt := range map[string]struct{ src, title string }{
		"indented":      {"---\n  title: Alice Springs (YBAS)\n  description: Tower procedures\n---\n\n## Positions\n\nAS TWR is permitted to use surveillance standards.\n", "Alice Springs (YBAS)"},
		"tabs of lists": {"---\n    title: \"Melbourne, VIC\"\n    tags:\n      - tower\n---\n\n## Positions\n\nText of the page.\n", "Melbourne, VIC"},
		"nested only":   {"---\nseo:\n  title: Not the page's\n---\n\n# The heading\n\nText of the page.\n", "The heading"},
	} {
		if d := loadOne(t, "page.md", tt.src); d.Title != tt.title {
			t.Errorf("%s: title %q, want %q", name, d.Title, tt.title)
		}
	}
}

// Python-Markdown's abbreviations (PHP Markdown Extra's syntax,
// "*[HTML]: Hyper Text Markup Language") are shown on the site as the
// term's tooltip, not as the line. Read as text, the definitions ran into
// one paragraph ("*[A-CDM]: Airport Collaborative Decision Making *[ACD]:
// …"), and a glossary file of them (VATSIM Australia Pacific's
// includes/abbreviations.md, 466 terms) was one document of that, in no
// language. Each reads as "term: definition", a paragraph of its own.
func TestMarkdownAbbreviations(t *testing.T) {
	d := loadOne(t, "abbreviations.md", "*[ATIS]: Automatic Terminal Information Service\n*[ADC]: Aerodrome Control (Tower Controller)\n  *[AGL]: Above Ground Level   \n\nThe ATIS is broadcast continuously.\n\n```\n*[NOT]: in code\n```\n")
	for _, want := range []string{"ATIS: Automatic Terminal Information Service\n", "ADC: Aerodrome Control (Tower Controller)\n", "AGL: Above Ground Level", "The ATIS is broadcast continuously.", "*[NOT]: in code"} {
		if !strings.Contains(d.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, d.Text)
		}
	}
	if strings.Contains(d.Text, "*[ATIS]") || strings.Contains(d.Text, "Service *[") {
		t.Errorf("definitions read as written:\n%s", d.Text)
	}
	if d.Lang != "en" {
		t.Errorf("language %q", d.Lang)
	}
}

// Python-Markdown's attribute lists set an inline element's attributes
// with "{…}" right after it ("[AIP](url){target=new}", "![map](m.png){
// width="700" }"), and MkDocs Material's icons (":material-check:",
// ":fontawesome-solid-plane:", ":octicons-alert-16:") are pictures. The site
// shows neither as text; VATSIM Australia Pacific's SOPs showed 684 lines
// of "{target=new}", "{ width=…}" and 105 icon names. Braces elsewhere
// stay: a set in prose, a placeholder, code.
func TestMarkdownAttrListsAndIcons(t *testing.T) {
	d := loadOne(t, "page.md", strings.Join([]string{
		"# Brisbane",
		"",
		"Charts are on the [AIP](https://example.org/aip){target=new} of Airservices.",
		"",
		"Brisbane ADC West :material-information-outline:{ title=\"Non-standard position\"} | Brisbane Tower",
		"",
		"Press :fontawesome-solid-plane: then :octicons-alert-16: to start.",
		"",
		"**Runway 01**{: .bold #r01 } is in use; the set {a, b} and {target} stay.",
		"",
		"`[x](y){target=new}` in code stays.",
	}, "\n"))
	for _, bad := range []string{"target=new}", "width", "title=", ":material-", ":fontawesome-", ":octicons-", ".bold"} {
		if strings.Contains(strings.ReplaceAll(d.Text, "[x](y){target=new}", ""), bad) {
			t.Errorf("text holds %q:\n%s", bad, d.Text)
		}
	}
	for _, want := range []string{"Charts are on the AIP of Airservices.", "Brisbane ADC West", "Press then to start.", "Runway 01 is in use; the set {a, b} and {target} stay.", "[x](y){target=new} in code stays."} {
		if !strings.Contains(strings.Join(strings.Fields(d.Text), " "), want) {
			t.Errorf("text lacks %q:\n%s", want, d.Text)
		}
	}
}

// Python-Markdown's "Markdown in HTML" (md_in_html): an HTML block element
// with a markdown attribute ("<figure markdown>", "<div markdown=\"1\">")
// holds Markdown. Read as an HTML block, VATSIM Australia Pacific's 583
// figures showed their image's source as text ("![YBAS Airspace](img/
// ybas_airspace.jpg){ width=\"700\" } YBAS Airspace"); the site shows the
// picture and its caption. The tags go and their content reads as
// Markdown; an HTML block without the attribute is read as before.
func TestMarkdownInHTML(t *testing.T) {
	d := loadOne(t, "page.md", strings.Join([]string{
		"# Alice Springs",
		"",
		"<figure markdown>",
		"![YBAS Airspace](img/ybas_airspace.jpg){ width=\"700\" }",
		"  <figcaption>YBAS Airspace</figcaption>",
		"</figure>",
		"",
		"<div class=\"grid\" markdown=\"1\">",
		"",
		"**AS ADC** coordinates with [ASP](asp.md) before departure.",
		"",
		"</div>",
		"",
		"<div>",
		"Plain *HTML* text.",
		"</div>",
	}, "\n"))
	for _, bad := range []string{"![", "img/", "width", "<figure", "**AS ADC**", "](asp.md)"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("text holds %q:\n%s", bad, d.Text)
		}
	}
	for _, want := range []string{"YBAS Airspace", "AS ADC coordinates with ASP before departure.", "Plain *HTML* text."} {
		if !strings.Contains(d.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, d.Text)
		}
	}
}
