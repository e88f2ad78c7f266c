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

// Microsoft Learn keeps its FAQ pages as YAML ("### YamlMime:FAQ": a
// title, a summary, sections of questions with Markdown answers): skipped
// as data files, Business Central's Spanish docs lost 76 questions and
// their answers. Made-up pages in that form; other YAML stays a data file.
func TestDocFXFAQ(t *testing.T) {
	faq := "### YamlMime:FAQ\n" + // 1
		"metadata:\n" + // 2
		"  title: Metadatos, no el título\n" + // 3
		"  description: |\n" + // 4
		"    question: no es una pregunta\n" + // 5
		"title: Búsqueda y filtrado de preguntas frecuentes\n" + // 6
		"summary: |\n" + // 7
		"  Este artículo responde preguntas sobre buscar y filtrar.\n" + // 8
		"sections:\n" + // 9
		"  - name: Ignorado\n" + // 10
		"    questions:\n" + // 11
		"      - question: |\n" + // 12
		"          ¿Hay alguna diferencia\n" + // 13
		"          entre buscar y filtrar?\n" + // 14
		"        answer: |\n" + // 15
		"          Sí.\n" + // 16
		"          - La búsqueda es simple y amplia.\n" + // 17
		"          - El filtrado se aplica a campos de [!INCLUDE[prod_short](includes/prod_short.md)].\n" + // 18
		"      - question: '¿Cómo puedo guardar mis filtros?'\n" + // 19
		"        answer: Puede guardar filtros como una vista con nombre.\n" + // 20
		"additionalContent: |\n" + // 21
		"  ## Consulte también\n" + // 22
		"  [Ordenar y filtrar](ui-enter-criteria-filters.md)\n" // 23
	fsys := fstest.MapFS{
		"bc/ui-search-filter-faq.yml": file(faq),
		"bc/includes/prod_short.md":   file("Business Central\n"),
		"bc/two-sections.yaml":        file("### YamlMime:FAQ\ntitle: Dos secciones\nsections:\n- name: Licencias\n  questions:\n  - question: ¿Qué licencia necesito?\n    answer: Una licencia Essentials.\n- name: Pruebas\n  questions:\n  - question: ¿Cuánto dura la prueba?\n    answer: La prueba dura 30 días.\n"),
		"bc/hub.yml":                  file("### YamlMime:Hub\ntitle: Documentación\nsummary: Aprenda a usar el producto.\n"),
		"bc/toc.yml":                  file("- name: Inicio\n  href: index.md\n"),
		"bc/page.md":                  file("# Página\n\nTexto.\n"),
	}
	c, err := Load(context.Background(), fsys, Config{})
	if err != nil {
		t.Fatal(err)
	}
	d, ok := c.Doc("bc/ui-search-filter-faq")
	if !ok {
		t.Fatalf("the FAQ page is not loaded: %+v", c.Warnings)
	}
	if d.Title != "Búsqueda y filtrado de preguntas frecuentes" || d.Format != FormatFAQ {
		t.Errorf("title %q, format %q", d.Title, d.Format)
	}
	for _, s := range []string{"La búsqueda es simple y amplia.", "El filtrado se aplica a campos de Business Central.", "Puede guardar filtros como una vista con nombre.", "Este artículo responde preguntas sobre buscar y filtrar."} {
		passageWith(t, d, s)
	}
	for _, s := range []string{"Ignorado", "Metadatos", "no es una pregunta", "YamlMime", "question:", "answer:", "|"} {
		if strings.Contains(d.Text, s) {
			t.Errorf("%q in the FAQ's text:\n%s", s, d.Text)
		}
	}
	var heads []string
	for _, p := range d.Passages {
		heads = append(heads, strings.Join(p.Headings, " › "))
		if strings.Contains(p.Text, "vista con nombre") && (p.LineStart > 20 || p.LineEnd < 20) {
			t.Errorf("the answer on line 20 is at lines %d–%d", p.LineStart, p.LineEnd)
		}
	}
	if h := strings.Join(heads, "\n"); !strings.Contains(h, "¿Hay alguna diferencia entre buscar y filtrar?") || !strings.Contains(h, "¿Cómo puedo guardar mis filtros?") {
		t.Errorf("the questions are not the answers' headings:\n%s", h)
	}
	two, ok := c.Doc("bc/two-sections")
	if !ok {
		t.Fatal("a FAQ of two sections is not loaded")
	}
	passageWith(t, two, "La prueba dura 30 días.")
	if !strings.Contains(strings.Join(two.Passages[len(two.Passages)-1].Headings, " › "), "Pruebas") {
		t.Errorf("a section's name is not a heading: %+v", two.Passages)
	}
	for _, w := range c.Warnings {
		if (w.Path == "bc/hub.yml" || w.Path == "bc/toc.yml") && w.Reason != "unsupported type (.yml): a data file" {
			t.Errorf("%s: %q, want a data file", w.Path, w.Reason)
		}
	}
	if !Reads("bc/ui-search-filter-faq.yml") {
		t.Error("Reads says a YAML file is not read: a snapshot would not see an FAQ change")
	}
}

// FuzzDocFXFAQ: whatever a FAQ page holds, its Markdown keeps its lines.
func FuzzDocFXFAQ(f *testing.F) {
	f.Add("### YamlMime:FAQ\ntitle: T\nsections:\n  - name: N\n    questions:\n      - question: |\n          Q\n        answer: |\n          A\n")
	f.Add("### YamlMime:FAQ\nsummary: >-\n  x\n- question: 'it''s'\n  answer: \"a\\tb\"\n")
	f.Fuzz(func(t *testing.T, src string) {
		if got := docfxFAQMarkdown(src); strings.Count(got, "\n") != strings.Count(src, "\n") {
			t.Fatalf("lines moved: %q → %q", src, got)
		}
	})
}
