package corpus

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// htmlTests seed FuzzHTML too.
var htmlTests = []struct {
	name, src         string
	text, title, lang string
}{
	{"paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo.", "", ""},
	{"inline white space collapses", "<p>  a \n\t<b>bold</b>  <i>word</i>\n</p>", "a bold word", "", ""},
	{"entities and NBSP", "<p>AT&amp;T&nbsp;Inc &lt;b&gt; caf&eacute;</p>", "AT&T\u00a0Inc <b> café", "", ""},
	{"furniture dropped",
		`<html><head><title>T</title><style>p{}</style><script>alert(1)</script></head><body>
<header><a href="/">Site</a></header><nav><ul><li>Home</li></ul></nav>
<main><p>Kept.</p><aside>Related stuff</aside><form><label>Email</label><button>Go</button></form></main>
<noscript>Enable JS</noscript><footer>© Site</footer></body></html>`, "Kept.", "T", ""},
	{"hidden and ARIA furniture", `<div hidden>h</div><div aria-hidden="true">a</div><div role="navigation">n</div><div style="display: none">s</div><p>Seen.</p>`, "Seen.", "", ""},
	{"article header kept", `<header>Site menu</header><article><header><h1>Headline</h1><p>By A. Writer</p></header><p>Body.</p><footer>Share</footer></article>`,
		"Headline\n\nBy A. Writer\n\nBody.", "Headline", ""},
	{"lists and breaks", "<ul><li>one</li><li>two</li></ul><p>a<br>b</p>", "• one\n• two\n\na\nb", "", ""},
	{"table cells", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>", "a | b\nc | d", "", ""},
	{"pre keeps lines", "<pre>x = 1\n  y = 2</pre>", "x = 1\n  y = 2", "", ""},
	{"title from first h1", "<h1>First</h1><h1>Second</h1><p>x</p>", "First\n\nSecond\n\nx", "First", ""},
	{"title beats unrelated h1", "<title>The Page</title><h1>Welcome</h1>", "Welcome", "The Page", ""},
	// mdBook: the book's name is an <h1> in a menu bar outside <main>,
	// whose pages open at <h2>.
	{"site h1 outside main, page heading in the title",
		`<title>Variables - The Book</title><div class="menu-bar"><h1 class="menu-title">The Book</h1></div><main><h2>Variables</h2><p>x</p></main>`,
		"Variables\n\nx", "Variables", ""},
	{"site h1 outside main, cut from the title",
		`<title>Appendix A：Keywords - The Book</title><div><h1>The Book</h1></div><main><h2>Appendix A: Keywords</h2><p>x</p></main>`,
		"Appendix A: Keywords\n\nx", "Appendix A：Keywords", ""},
	{"h1 of main beats the site's", `<title>Hooks | Docs</title><div><h1>Docs</h1></div><main><h1>Hooks</h1></main>`, "Hooks", "Hooks", ""},
	{"lang attribute", `<html lang="fr-FR"><p>x</p></html>`, "x", "", "fr"},
	{"bad lang attribute", `<html lang="12"><p>x</p></html>`, "x", "", ""},
	{"comments and doctype", "<!DOCTYPE html><!-- hidden --><p>v</p>", "v", "", ""},
	{"invalid UTF-8", "<p>caf\xe9</p>", "caf\uFFFD", "", ""},
	{"unclosed tags", "<p>one<p>two<div>three", "one\n\ntwo\n\nthree", "", ""},
	{"plain text", "just text", "just text", "", ""},
}

func TestReduceHTML(t *testing.T) {
	for _, tt := range htmlTests {
		t.Run(tt.name, func(t *testing.T) {
			got := reduceHTML(tt.src)
			if got.text != tt.text {
				t.Errorf("got text %q, want %q", got.text, tt.text)
			}
			if got.title != tt.title {
				t.Errorf("got title %q, want %q", got.title, tt.title)
			}
			if got.lang != tt.lang {
				t.Errorf("got lang %q, want %q", got.lang, tt.lang)
			}
		})
	}
}

func TestReduceHTMLDeepNesting(t *testing.T) {
	src := ""
	for range 600 {
		src += "<div>"
	}
	src += "deep text"
	got := reduceHTML(src)
	if got.text != "deep text" {
		t.Errorf("got %q, want the text despite nesting past the parser's limit", got.text)
	}
}

func TestHTMLStructure(t *testing.T) {
	src := `<!DOCTYPE html>
<html lang="en">
<head><title>Hooks — Helm docs</title></head>
<body>
<div class="sidebar"><ul><li><a href="a.html">A page</a></li><li><a href="b.html">B page</a></li><li><a href="c.html">C page</a></li></ul></div>
<div role="main">
<h1>Hooks<a class="headerlink" href="#hooks">¶</a></h1>
<p>Helm provides a hook
mechanism for charts.</p>
<h2>Hook deletion policies<a class="headerlink" href="#p">¶</a></h2>
<ul>
<li><p>If no hook deletion policy annotation is specified, the default applies.</p></li>
<li>second item</li>
</ul>
<pre>annotations:

  a: b</pre>
<table><tr><th>Name</th><th>Value</th></tr>
<tr><td>one</td><td>1</td></tr></table>
</div>
</body></html>`
	d := loadOne(t, "hooks.html", src)
	if d.Title != "Hooks" {
		t.Errorf("got title %q, want the h1 without its permalink", d.Title)
	}
	if strings.Contains(d.Text, "A page") || strings.Contains(d.Text, "¶") {
		t.Errorf("navigation or permalinks kept: %q", d.Text)
	}
	p := passageWith(t, d, "Helm provides a hook mechanism for charts.")
	if p.LineStart != 8 || p.LineEnd != 9 || len(p.Headings) != 0 {
		t.Errorf("got lines %d–%d headings %q, want 8–9 and none", p.LineStart, p.LineEnd, p.Headings)
	}
	p = passageWith(t, d, "• If no hook deletion policy")
	if p.LineStart != 12 || !slices.Equal(p.Headings, []string{"Hook deletion policies"}) {
		t.Errorf("got line %d headings %q, want 12 [Hook deletion policies]", p.LineStart, p.Headings)
	}
	if !strings.Contains(p.Text, "• second item") || !strings.Contains(p.Text, "annotations:\n\n  a: b") || !strings.Contains(p.Text, "Name | Value\none | 1") || p.LineEnd != 19 {
		t.Errorf("got %q lines %d–%d", p.Text, p.LineStart, p.LineEnd)
	}
}

func TestHTMLGeneratedPages(t *testing.T) {
	search := `<html><body><div role="main"><h1>Search</h1><p>Searching for multiple words only shows matches that contain all words.</p><form><input type="text" name="q"></form></div></body></html>`
	var index strings.Builder
	index.WriteString(`<html><body><main><h1>Index</h1><table>`)
	for i := range 30 {
		fmt.Fprintf(&index, `<tr><td><a href="x.html#f%d">function_%d()</a> (module method)</td></tr>`, i, i)
	}
	index.WriteString(`</table></main></body></html>`)
	c, err := Load(context.Background(), fstest.MapFS{"search.html": file(search), "genindex.html": file(index.String()), "a.html": file("<p>" + article + "</p>")}, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != 1 || len(c.Skipped()) != 2 {
		t.Fatalf("got %d documents, skipped %+v; want a.html only", len(c.Docs), c.Skipped())
	}
	for _, w := range c.Skipped() {
		if w.Kind != SkipGenerated {
			t.Errorf("got %+v, want kind %q", w, SkipGenerated)
		}
	}
}

// A site's 404 page is skipped by its name, whatever it says and in
// whichever format the generator wants it; a page that only mentions 404
// in its name, or a 404 image, is not one.
func TestErrorPagesSkipped(t *testing.T) {
	notFound := "# Page not found\n\nThe page you requested does not exist. Check the address or use the search bar.\n"
	fsys := fstest.MapFS{
		"docs/404.html":           file("<html><head><title>Page not found</title></head><body><main><h1>Document not found (404)</h1><p>This URL is invalid, sorry. Please use the navigation bar or search to continue.</p></main></body></html>"),
		"src/content/docs/404.md": file("---\ntitle: '404'\n---\n\n" + notFound),
		"site/404.MDX":            file(notFound),
		"errors/http-404.md":      file("# HTTP 404\n\nThe server answers 404 when the resource does not exist; the client should not retry.\n"),
		"img/404.png":             file("\x89PNG"),
		"guide.md":                unique(),
	}
	c, err := Load(context.Background(), fsys, Config{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]SkipKind{"docs/404.html": SkipGenerated, "src/content/docs/404.md": SkipGenerated, "site/404.MDX": SkipGenerated, "img/404.png": SkipUnsupported}
	for _, w := range c.Skipped() {
		if k, ok := want[w.Path]; !ok || w.Kind != k {
			t.Errorf("skipped %+v, want kind %q", w, k)
		} else if k == SkipGenerated && !strings.Contains(w.Reason, "404") {
			t.Errorf("%s: reason %q does not say it is a 404 page", w.Path, w.Reason)
		}
		delete(want, w.Path)
	}
	if len(want) != 0 {
		t.Errorf("not skipped: %v", want)
	}
	var ids []string
	for _, d := range c.Docs {
		ids = append(ids, d.Path)
	}
	if !slices.Equal(ids, []string{"errors/http-404.md", "guide.md"}) {
		t.Errorf("loaded %q, want errors/http-404.md and guide.md", ids)
	}
}

// TestHTMLAsciidoctor checks a page as Asciidoctor builds it: no <main>,
// a header with a table of contents, sections in divs, an admonition laid
// out as a table, a footer div.
func TestHTMLAsciidoctor(t *testing.T) {
	src := `<!DOCTYPE html>
<html lang="en">
<head><meta name="generator" content="Asciidoctor 2.0.10"><title>Dependency Management Plugin</title></head>
<body class="book toc2 toc-left">
<div id="header">
<h1>Dependency Management Plugin</h1>
<div id="toc" class="toc2">
<div id="toctitle">Table of Contents</div>
<ul class="sectlevel1">
<li><a href="#introduction">1. Introduction</a></li>
<li><a href="#requirements">2. Requirements</a>
<ul class="sectlevel2"><li><a href="#r1">2.1. Gradle</a></li></ul></li>
<li><a href="#exclusions">3. Exclusions</a></li>
</ul>
</div>
</div>
<div id="content">
<div class="sect1">
<h2 id="introduction"><a class="anchor" href="#introduction"></a>1. Introduction</h2>
<div class="sectionbody">
<div class="paragraph">
<p>The plugin controls the versions of your project&#8217;s direct and
transitive dependencies.</p>
</div>
<div class="admonitionblock note">
<table>
<tr>
<td class="icon">
<i class="fa icon-note" title="Note"></i>
</td>
<td class="content">
Gradle does not provide an API for accessing a dependency&#8217;s classifier.
</td>
</tr>
</table>
</div>
</div>
</div>
</div>
<div id="footer">
<div id="footer-text">
Last updated 2024-01-01
</div>
</div>
</body>
</html>`
	d := loadOne(t, "plugin.html", src)
	if d.Title != "Dependency Management Plugin" {
		t.Errorf("got title %q", d.Title)
	}
	for _, s := range []string{"2.1. Gradle", "#", "Table of Contents", "Last updated"} {
		if strings.Contains(d.Text, s) {
			t.Errorf("furniture %q kept: %q", s, d.Text)
		}
	}
	p := passageWith(t, d, "The plugin controls the versions of your project’s direct and transitive dependencies.")
	if !slices.Equal(p.Headings, []string{"1. Introduction"}) || p.LineStart != 22 {
		t.Errorf("got headings %q line %d, want [1. Introduction] 22", p.Headings, p.LineStart)
	}
	if !strings.Contains(p.Text, "\n\nGradle does not provide an API for accessing a dependency’s classifier.") {
		t.Errorf("admonition table not read as its text: %q", p.Text)
	}
}

// Templates are not pages: Sphinx's _templates, Hugo and Jekyll layouts
// open with template tags. A page quoting template code is a page.
func TestHTMLTemplates(t *testing.T) {
	tests := []struct {
		name, src string
		template  bool
	}{
		{"jinja extends", "{% extends \"layout.html\" %}\n{% block body %}<h1>{{ _('Contents') }}</h1>{% endblock %}\n", true},
		{"jinja comment first", "\uFEFF{# Layout for the theme. #}\n{%- extends \"basic/layout.html\" %}\n<p>GitHub</p>\n", true},
		{"go template", "  {{ define \"main\" }}<main>{{ .Content }}</main>{{ end }}\n", true},
		{"page showing template code", "<html><body><main><h1>Templating</h1><p>Write this:</p><pre>{% extends \"layout.html\" %}</pre></main></body></html>", false},
		{"vue component", "<p>\n  <span :title=\"message\">Hover over me for a few seconds.</span>\n</p>\n<button @click=\"count++\">Count is: {{ count }}</button>\n", true},
		{"vue directive only", "<ul>\n  <li v-for=\"item in items\">{{ item.text }}</li>\n</ul>\n<p>Items are listed above.</p>\n", true},
		{"angular component", "<h2>Heroes</h2>\n<input [(ngModel)]=\"hero.name\" placeholder=\"name\">\n<p *ngIf=\"hero\">Details of the selected hero.</p>\n<button (click)=\"save()\">Save</button>\n", true},
		{"vue interpolation", "<ChildComp />\n<p>{{ childMsg }}</p>\n", true},
		{"a sentence showing interpolation is text", "<h1>Templates</h1>\n<p>Write {{ name }} where the value goes.</p>\n", false},
		{"a fragment without bindings is text", "<h1>Install</h1>\n<p>Download the installer and run it.</p>\n", false},
		{"alpine.js on a page is a page", "<!DOCTYPE html><html><body><main><h1>Menu</h1><button @click=\"open = !open\">Toggle</button><p>The menu opens below the bar.</p></main></body></html>", false},
		{"xml namespaces are no bindings", "<svg xmlns:xlink=\"http://www.w3.org/1999/xlink\"><text>Chart</text></svg>\n<p>The chart shows the load over a day.</p>\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(context.Background(), fstest.MapFS{"t.html": file(tt.src), "keep.md": file("# Kept\n\nText.\n")}, Config{})
			if err != nil {
				t.Fatal(err)
			}
			skipped := len(c.Warnings) == 1 && c.Warnings[0].Kind == SkipGenerated && strings.Contains(c.Warnings[0].Reason, "template")
			if skipped != tt.template {
				t.Errorf("got warnings %+v and %d documents, want template=%v", c.Warnings, len(c.Docs), tt.template)
			}
		})
	}
}

func TestHTMLLinkLines(t *testing.T) {
	src := `<main><h1>Install</h1><p>Run the installer and follow its steps to the end. It asks for a folder, checks the free space there, copies the program and adds it to the path, so that a new terminal finds it.</p>
<p><a href="edit">Edit this page</a></p>
<div><a href="prev">« Previous: Overview</a> <a href="next">Next: Configure »</a></div>
<ul><li><a href="a">Linux</a></li><li><a href="b">macOS</a></li></ul>
<p>See <a href="c">the guide</a> for more.</p></main>`
	d := loadOne(t, "install.html", src)
	for _, s := range []string{"Edit this page", "Previous", "Next: Configure"} {
		if strings.Contains(d.Text, s) {
			t.Errorf("link line %q kept: %q", s, d.Text)
		}
	}
	for _, s := range []string{"Run the installer", "• Linux", "See the guide for more."} {
		if !strings.Contains(d.Text, s) {
			t.Errorf("text %q dropped: %q", s, d.Text)
		}
	}
}

func TestHTMLTrailingTeasers(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><body><main><h1>Harbour authority approves the new container terminal</h1>`)
	for _, p := range []string{
		"The harbour authority approved the new container terminal on Monday after two years of hearings about dredging, noise and the cost of the new quay walls.",
		"The terminal will add four berths for container ships and a rail link to the inland depot, and the authority expects the first ships to dock there in three years.",
		"Residents of the old town had asked the authority to limit night work at the quay, and the approval caps the noise of the cranes after ten in the evening.",
		"The port's chief engineer said the dredging of the channel would start in spring, once the fishing season ends and the spawning grounds are no longer in use.",
		"Shipping lines welcomed the decision, saying the berths would shorten waiting times for container ships that now anchor for days outside the harbour entrance.",
	} {
		b.WriteString("<p>" + p + "</p>\n")
	}
	b.WriteString(`<div class="more"><p>Violinists from twelve countries gathered in Cremona for the festival of string makers, where luthiers from the old workshops showed new instruments carved from spruce and maple that had seasoned for decades in their attics before…</p>
<p>The football club sacked its coach after a run of seven defeats, and supporters marched through the city centre demanding a new owner, a new stadium and cheaper tickets for students…</p></div>`)
	b.WriteString(`</main></body></html>`)
	d := loadOne(t, "news.html", b.String())
	for s, want := range map[string]Kind{"harbour authority approved": Body, "Shipping lines welcomed": Body, "Violinists from twelve": Aside, "football club sacked": Aside} {
		if p := passageWith(t, d, s); p.Kind != want {
			t.Errorf("%q: got %s, want %s", s, p.Kind, want)
		}
	}
	for _, p := range d.Passages {
		if p.Kind == Body && (strings.Contains(p.Text, "Violinists") || strings.Contains(p.Text, "football")) {
			t.Errorf("a teaser merged into the article: %q", p.Text)
		}
	}
	// Documentation is not news: the public Sphinx pages have no asides.
	c := loadSample(t, "sphinx-html")
	for _, d := range c.Docs {
		for _, p := range d.Passages {
			if p.Kind != Body {
				t.Errorf("%s passage %d is %s: %q", d.ID, p.Index, p.Kind, p.Text)
			}
		}
	}
}
