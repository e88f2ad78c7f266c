package corpus

import (
	"strings"
	"testing"
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
