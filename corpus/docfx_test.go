package corpus

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

// A DocFX tree (Microsoft Learn's) writes its product's name as an include
// of a one-line file, thousands of times: read as Markdown, each was the
// link text "[!INCLUDEprod_short]", the name itself nowhere in a page, and
// each one-line file was a document of one word. Made-up pages in the
// form of Microsoft's Business Central docs in Spanish.
func TestDocFXIncludes(t *testing.T) {
	fsys := fstest.MapFS{
		"docs/includes/prod_short.md": file("---\nms.service: dynamics\nms.topic: include\n---\nBusiness Central\n"),
		"docs/includes/prod_long.md":  file("---\nms.topic: include\n---\nDynamics 365 [!INCLUDE[prod_short](prod_short.md)]\n"),
		"docs/includes/tip.md":        file("Pase el cursor sobre un campo\npara leer una breve descripción.\n"),
		"docs/includes/steps.md":      file("## Pasos\n\n1. Abra la página.\n2. Elija **Aceptar**.\n"),
		"docs/includes/loop.md":       file("Uno [!INCLUDE[loop](loop.md)]\n"),
		"docs/page.md": file("---\ntitle: Crear informe 347\n---\n" + // 1-3
			"# Crear informe 347 en [!INCLUDE[prod_short](includes/prod_short.md)]\n" + // 4
			"\n" +
			"[!INCLUDE[prod_short](includes/prod_short.md)] admite los requisitos del SII.\n" + // 6
			"\n" +
			"Consulte [Trabajar con [!INCLUDE [prod_short](<includes/prod_short.md>)]](ui-work.md). [!include[tip](includes/tip.md)]\n" + // 8
			"\n" +
			"[!INCLUDE[steps](includes/steps.md)]\n" + // 10
			"\n" +
			"Esto es [!INCLUDE[prod_long](includes/prod_long.md)] y [!INCLUDE[x](includes/missing.md)] y [!INCLUDE[x](../../outside.md)] y [!INCLUDE[l](includes/loop.md)].\n"), // 12
	}
	c, err := Load(context.Background(), fsys, Config{})
	if err != nil {
		t.Fatal(err)
	}
	page, ok := c.Doc("docs/page")
	if !ok {
		t.Fatal("docs/page not loaded")
	}
	for _, want := range []string{
		"Business Central admite los requisitos del SII.",
		"Consulte Trabajar con Business Central. Pase el cursor sobre un campo para leer una breve descripción.",
		"Esto es Dynamics 365 Business Central y",
		"Uno Uno Uno Uno",
	} {
		if !strings.Contains(page.Text, want) {
			t.Errorf("page text lacks %q:\n%s", want, page.Text)
		}
	}
	if strings.Contains(strings.ToLower(page.Text), "[!include") || strings.Contains(page.Text, "prod_short") {
		t.Errorf("include markup left in the text:\n%s", page.Text)
	}
	if strings.Contains(page.Text, "Abra la página") {
		t.Errorf("a block include of several blocks was filled (its lines would move the page's):\n%s", page.Text)
	}
	// Lines stay the page's own.
	for _, p := range page.Passages {
		if strings.Contains(p.Text, "admite") && (p.LineStart > 6 || p.LineEnd < 6) {
			t.Errorf("the SII sentence is at lines %d–%d, want 6", p.LineStart, p.LineEnd)
		}
	}
	if len(page.Passages) > 0 && len(page.Passages[0].Headings) > 0 && page.Passages[0].Headings[0] != "Crear informe 347 en Business Central" {
		t.Errorf("heading %q", page.Passages[0].Headings[0])
	}
	// One-line files read into pages are not documents; the others are.
	skipped := map[string]string{}
	for _, w := range c.Warnings {
		skipped[w.Path] = w.Reason
	}
	for _, p := range []string{"docs/includes/prod_short.md", "docs/includes/prod_long.md", "docs/includes/loop.md"} {
		if skipped[p] != includedReason {
			t.Errorf("%s: skipped as %q, want %q", p, skipped[p], includedReason)
		}
	}
	for _, id := range []string{"docs/includes/steps", "docs/includes/tip"} {
		if _, ok := c.Doc(id); !ok {
			t.Errorf("%s is not loaded (%q)", id, skipped[id+".md"])
		}
	}
}

func TestResolveInclude(t *testing.T) {
	for _, tc := range []struct {
		page, target, want string
		ok                 bool
	}{
		{"a/b/page.md", "../../includes/x.md", "includes/x.md", true},
		{"a/page.md", "includes/x.md", "a/includes/x.md", true},
		{"a/page.md", "/includes/x.md", "includes/x.md", true},
		{"a/page.md", "includes/x.md#part", "a/includes/x.md", true},
		{"page.md", "../x.md", "", false},
		{"page.md", "code.cs", "", false},
		{"page.md", "", "", false},
	} {
		got, ok := resolveInclude(tc.page, tc.target)
		if got != tc.want || ok != tc.ok {
			t.Errorf("resolveInclude(%q, %q) = %q, %v; want %q, %v", tc.page, tc.target, got, ok, tc.want, tc.ok)
		}
	}
}

// FuzzDocFXIncludes: whatever a page and its include hold, filling keeps
// the page's lines and never panics.
func FuzzDocFXIncludes(f *testing.F) {
	f.Add("[!INCLUDE[p](inc.md)] admite.\n", "---\na: b\n---\nBusiness Central\n")
	f.Add("Ver [a [!include [p](<inc.md>)]](x.md)\n[!INCLUDE[p](inc.md)]\n", "uno\ndos\n\ntres")
	f.Add("[!INCLUDE[p](inc.md)] [!INCLUDE[p](inc.md)]", "[!INCLUDE[p](inc.md)]")
	f.Fuzz(func(t *testing.T, page, inc string) {
		l := newLoader(fstest.MapFS{"inc.md": file(inc), "page.md": file(page)}, Config{})
		got := l.fillDocFXIncludes("page.md", page, 0)
		if strings.Count(got, "\n") != strings.Count(page, "\n") {
			t.Fatalf("lines moved: %q → %q", page, got)
		}
	})
}
