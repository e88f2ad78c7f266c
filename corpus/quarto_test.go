package corpus

import (
	"strings"
	"testing"
)

// A Quarto chapter, made up in the form of R for Data Science's (round
// nine): a heading's attributes, chunks hidden by "#| echo: false" and
// "#| include: false", one shown with its options, a figure caption over
// two lines, a raw HTML block, a Pandoc span and autolink attributes.
const quartoDoc = "# Data tidying {#sec-data-tidy}\n" + // 1
	"\n" +
	"```{r}\n" + // 3
	"#| echo: false\n" +
	"source(\"_common.R\")\n" +
	"```\n" +
	"\n" +
	"## Tidy data\n" + // 8
	"\n" +
	"There are three rules that make a dataset tidy: each variable is a column.\n" + // 10
	"\n" +
	"```{r}\n" + // 12
	"#| label: fig-tidy\n" +
	"#| fig-cap: |\n" +
	"#|   The three rules that make\n" +
	"#|   a dataset tidy.\n" +
	"ggplot(table1, aes(x = year, y = cases)) + geom_point()\n" + // 17
	"```\n" +
	"\n" +
	"```{r}\n" + // 20
	"#| include: false\n" +
	"secret_setup <- TRUE\n" +
	"```\n" +
	"\n" +
	"```{=html}\n" + // 25
	"<div class=\"only-html\">raw</div>\n" +
	"```\n" +
	"\n" +
	"See [the docs]{.underline} at <https://quarto.org>{.uri}.\n" // 29

// An R Markdown chapter in bookdown's form: front matter, a chunk header
// with options, an unnumbered heading, a part heading, \@ref and \index.
const rmdDoc = "---\n" +
	"title: \"Authoring Books\"\n" +
	"---\n" +
	"\n" +
	"```{r setup, include=FALSE}\n" + // 5
	"options(width = 55)\n" +
	"```\n" +
	"\n" +
	"# (PART) Part I {-}\n" + // 9
	"\n" +
	"# Preface {-}\n" + // 11
	"\n" +
	"The default approach is M-K\\index{M-K}; see Section \\@ref(usage).\n" + // 13
	"\n" +
	"```{r cars-plot, fig.cap='A plot, of cars.', echo=TRUE}\n" + // 15
	"plot(cars)\n" +
	"```\n"

func TestLoadQuarto(t *testing.T) {
	d := loadOne(t, "book/data-tidy.qmd", quartoDoc)
	if d.Format != FormatQuarto || d.Title != "Data tidying" {
		t.Errorf("format %q, title %q", d.Format, d.Title)
	}
	for _, bad := range []string{"{r}", "#|", "echo", "source(", "secret_setup", "only-html", "{.underline}", "{.uri}", "{#sec"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("chunk markup or hidden code %q in the text:\n%s", bad, d.Text)
		}
	}
	checkPlaced(t, d, []placed{
		{"There are three rules that make a dataset tidy: each variable is a column.", []string{"Tidy data"}, 10},
		{"The three rules that make a dataset tidy.", []string{"Tidy data"}, 12},
		{"ggplot(table1, aes(x = year, y = cases)) + geom_point()", []string{"Tidy data"}, 17},
		{"See the docs at https://quarto.org.", []string{"Tidy data"}, 29},
	})
	p := passageWith(t, d, "geom_point()")
	if len(p.Literal) == 0 || !strings.Contains(p.Text[p.Literal[0][0]:p.Literal[0][1]], "geom_point()") {
		t.Errorf("the shown chunk is not a code block: %q, literal %v", p.Text, p.Literal)
	}
}

func TestLoadRMarkdown(t *testing.T) {
	d := loadOne(t, "book/01-intro.Rmd", rmdDoc)
	if d.Format != FormatRMarkdown || d.Title != "Authoring Books" {
		t.Errorf("format %q, title %q", d.Format, d.Title)
	}
	for _, bad := range []string{"options(width", "(PART)", "Part I", "{-}", `\index`, `\@ref`, "fig.cap"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("%q in the text:\n%s", bad, d.Text)
		}
	}
	checkPlaced(t, d, []placed{
		{"The default approach is M-K; see Section usage.", []string{"Preface"}, 13},
		{"A plot, of cars.", []string{"Preface"}, 0},
		{"plot(cars)", []string{"Preface"}, 16},
	})
}

func TestChunkOptions(t *testing.T) {
	tests := []struct {
		header string
		opts   []string
		want   chunkOpts
	}{
		{"", nil, chunkOpts{}},
		{"setup, include=FALSE", nil, chunkOpts{hidden: true}},
		{"label, echo=F, fig.cap=\"a, b (c)\"", nil, chunkOpts{hidden: true, caption: "a, b (c)"}},
		{"x, out.width=c(1, 2), echo=TRUE", nil, chunkOpts{}},
		{"", []string{"#| echo: false"}, chunkOpts{hidden: true}},
		{"", []string{"#| echo: true", "#| fig-cap: \"One line\""}, chunkOpts{caption: "One line"}},
		{"", []string{"#| fig-cap: |", "#|   First", "#|   second.", "#| echo: false"}, chunkOpts{hidden: true, caption: "First second."}},
		{"", []string{"//| include: false"}, chunkOpts{hidden: true}},
		{"", []string{"#| eval: false"}, chunkOpts{}}, // not run, but shown
	}
	for _, tt := range tests {
		if got := chunkOptions(tt.header, tt.opts); got != tt.want {
			t.Errorf("chunkOptions(%q, %q) = %+v, want %+v", tt.header, tt.opts, got, tt.want)
		}
	}
}

// The chunk rewrite keeps the file's lines: a passage's lines are the
// source's whatever the chunks were.
func TestPrepareChunksKeepsLines(t *testing.T) {
	for _, src := range []string{quartoDoc, rmdDoc, "```{r}\n#| echo: false\nx\n", "```{theorem}\nA theorem.\n```\n", "~~~{.python}\nx\n~~~\n"} {
		if got, want := strings.Count(prepareChunks(src), "\n"), strings.Count(src, "\n"); got != want {
			t.Errorf("%q: %d lines, want %d", src, got, want)
		}
	}
}
