package corpus

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"corpusbot/text"
)

// seedFiles adds the embedded corpus and the test pages to a fuzz corpus.
func seedFiles(f *testing.F) {
	f.Helper()
	for _, fsys := range []fs.FS{Embedded(), os.DirFS(filepath.Join("testdata", "pages"))} {
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(fsys, p)
			if err == nil {
				f.Add(string(b))
			}
			return err
		})
		if err != nil {
			f.Fatal(err)
		}
	}
}

// FuzzSplit checks the passage splitter on any text: no panic; passages in
// order, inside the text, trimmed, non-empty, with words and right line
// numbers (checkPassages); none over twice maxWords, whatever the layout.
func FuzzSplit(f *testing.F) {
	for _, tt := range splitTests {
		f.Add(tt.text)
	}
	seedFiles(f)
	f.Add("Title\n\nLeave a Reply\n\u00a0\nx. Y? z… 。！\n  • a\n1. b\n# h\n----")
	rules := newNoiseRules()
	f.Fuzz(func(t *testing.T, src string) {
		d := &Document{ID: "d", Text: src, Passages: split("d", src, rules)}
		checkPassages(t, d)
		for _, p := range d.Passages {
			if s, e := trimSpan(p.Text, 0, len(p.Text)); s != 0 || e != len(p.Text) {
				t.Errorf("passage %d: %q is not trimmed", p.Index, p.Text)
			}
			switch w := text.CountWords(p.Text); {
			case w == 0:
				t.Errorf("passage %d: %q has no words", p.Index, p.Text)
			case w > 2*maxWords:
				t.Errorf("passage %d has %d words, want at most %d", p.Index, w, 2*maxWords)
			}
		}
	})
}

func FuzzHTML(f *testing.F) {
	for _, tt := range htmlTests {
		f.Add(tt.src)
	}
	seedFiles(f)
	f.Fuzz(func(t *testing.T, src string) {
		d := reduceHTML(src)
		for name, s := range map[string]string{"text": d.text, "title": d.title, "lang": d.lang} {
			if !utf8.ValidString(s) {
				t.Errorf("got invalid UTF-8 %s %q", name, s)
			}
		}
	})
}

// FuzzStructured checks the Markdown, MDX, Quarto, R Markdown,
// reStructuredText, AsciiDoc, Texinfo, POD, MediaWiki and HTML readers on any text: no panic, and
// the passages of what loads keep their invariants (checkPassages) and
// lines within the file.
func FuzzStructured(f *testing.F) {
	_ = fs.WalkDir(os.DirFS(filepath.Join("testdata", "public")), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && formatOf(p) != "" {
			if b, err := os.ReadFile(filepath.Join("testdata", "public", p)); err == nil {
				f.Add(string(b), uint8(0))
			}
		}
		return nil
	})
	f.Add("---\ntitle: x\n---\n:::note T\n{{< a >}}\n```\n", uint8(1))
	f.Add("<Tabs>\n  <TabItem>\n    ```sh\n    x\n    ```\n  <A\n   b>c\n  </TabItem>\n</Tabs>\n\n      ```\n", uint8(1))
	f.Add("T\n=\n\n.. note:: x\n   :opt:\n\n   y ``z``\n\n::\n\n  code\n", uint8(2))
	f.Add("= T\n:a: b\n\n[source]\n----\nx\n----\n|===\n|a |b\n|===\n", uint8(3))
	f.Add("# T \\*\\*\n\n`x`\n\n<div><pre><code><span>a</span>\nb &amp; c</code></pre></div>\n\nfile\\_name &lt; &#42;\n", uint8(0))
	// Round five's forms: MDN macros and definitions, d2lbook roles, a
	// javascript.info note.
	f.Add("{{JSRef}}\n- `a` {{optional_inline}}\n  - : {{jsxref(\"Map/Map\", \"Map()\")}} b\n:label:`x`\nAs :numref:`y`.\n````smart header=\"`c`\"\nd\n```js\ne\n```\n````\n", uint8(0))
	// Heading anchors: kramdown's attribute list, javascript.info's, one
	// in code, one alone.
	f.Add("## A {: #a .b}\n\nx\n\n# B [#b]\n\n# C `{#c}`\n\n# [#d]\n\nE {#e}\n==\n", uint8(0))
	// Round six's Jupyter notebook.
	f.Add(thaiNotebook, uint8(5))
	f.Add(`{"cells":[{"cell_type":"markdown","source":"# A\n\nb"},{"cell_type":"code","source":["x\n","y"],"outputs":[{"output_type":"stream","text":"z\n"}]}]}`, uint8(5))
	// Round six's manual page, and escapes cut short.
	f.Add(manPage, uint8(6))
	f.Add(".TH X 1\n.SH A\n.TP\n.BR \\-s\\ \\fIx\\\n.TS\ntab(:);\nl.\nT{\na\n.de X\n\\(e\\[u00\\N'", uint8(6))
	// Round six's Org document, and markup cut short.
	f.Add(orgDoc, uint8(7))
	f.Add(":PROPERTIES:\n* a :t:\n#+begin_src\n,* x\n| a | b\n|-\n- t :: =v~ [[x][y\n: z\n#+begin_quote\n*b* /i", uint8(7))
	// Round nine's Quarto and R Markdown chapters, and chunks cut short.
	f.Add(quartoDoc, uint8(8))
	f.Add(rmdDoc, uint8(9))
	f.Add("```{r a, fig.cap='x\n```{=html}\n#| fig-cap: |\n#|   y\n# (PART) z {-}\n\\@ref(\n[s]{.u", uint8(8))
	// Round nine's Texinfo manual, and commands cut short.
	f.Add(texiDoc, uint8(10))
	f.Add("@table @asis\n@item @kbd{x\n@itemx\n@multitable\n@item a @tab\n@example\n@code{@'{@value{", uint8(10))
	// Round nine's POD guide, and codes cut short.
	f.Add(podDoc, uint8(11))
	f.Add("=head1 NAME\n\nX - C<< a\n\n=item\n\n=over\n=begin\nL<|/\"E<", uint8(11))
	// Round nine's MediaWiki page, and markup cut short.
	f.Add(wikiDoc, uint8(12))
	f.Add("<ref>a\n<!--\n{|\n| x=1 | y\n|-\n<pre>\n== b\n;c\n [[d|\n{{e", uint8(12))
	// Shortcodes alone in table cells, and cells cut short.
	f.Add("| a | b |\n|---|---|\n| {{< check_yes >}} | {{%x%}}\n|{{<A-b.C>}}|\\| {{< y >}} |\n{{< z >}} |", uint8(0))
	// Round twelve's forms: Sphinx's file-wide metadata, only, field
	// lists and dunder names; DocFX includes; a DocFX FAQ page.
	f.Add(":orphan:\n:tocdepth: 2\n\nA\n=\n\n.. only:: html\n\n   x\n\n.. py:function:: f(a)\n\n   :keyword str a:\n      b\n\n      * c\n   :type a: int\n   :meta private:\n\n__init__ and x_\n\n.. include:: ../../X.rst\n", uint8(2))
	f.Add("# [!INCLUDE[p](includes/p.md)]\n\n[!include [p](<../p.md>)] y [!INCLUDE[a](/b.md)\n[!INCLUDE[q](q.md)]\n", uint8(0))
	f.Add("### YamlMime:FAQ\ntitle: 'T'\nsummary: |\n  S\nsections:\n- name: N\n  questions:\n  - question: |\n      Q\n    answer: >-\n      A\n- name: M\n  questions:\n  - question: \"R\\nS\"\n    answer: B\nadditionalContent: |\n  ## C\n", uint8(13))
	// Round thirteen's PyMdown blocks: nested, with options, one closed
	// twice, one never, one in code.
	f.Add("//// tab | A\n/// note | B\n    type: x\n\nc\n///\n////\n///\n/// d\n```\n/// e\n///\n```\n/// html | div\n", uint8(0))
	// Round thirteen's include lines: Snippets (one, a block, one in
	// code), mdx_include, markdown-include-variants under a paragraph.
	f.Add("a\n{* ../x.py hl[1] *}\n--8<-- \"b.md\"\n\n--8<--\nc.md\n--8<--\n```\n--8<-- 'd.py'\n```\n{!e.md!}\n-8<- \"", uint8(0))
	// Round thirteen's mkdocstrings directives, with options, one a
	// container's name, one at the end.
	f.Add("::: a.B\n    options:\n\n        x: 1\ny\n::: tip\nz\n:::\n::: c\n    ", uint8(0))
	// Front matter indented as a whole, and lines indented less.
	f.Add("---\n  title: A\n x: y\n    description: |\n      b\n---\nc\n", uint8(0))
	// Abbreviations' definitions, one empty, one cut short.
	f.Add("*[A]: b\n   *[C]:\n*[D\n*[]: e\n", uint8(0))
	// Attribute lists and icons, in and out of code spans, cut short.
	f.Add("[a](b){target=new} **c**{: .d #e} :material-x-y:{ title=\"z\"} `f`{g=h} ``i`{j=k}`` {l=m :octicons-", uint8(0))
	// Markdown in HTML: nested, closed by another tag, never closed.
	f.Add("<figure markdown>\n<div markdown=\"1\">\n![a](b){ c=\"d\" }\n</figure>\n</div>\n<p markdown='0'>\n*e*\n</p>\n<span markdown>\n", uint8(0))
	// PyMdown's inline marks: nested, escaped, smart, in code, unclosed.
	f.Add("==a ^^b^^== x^2^ \\^c^ ==d==e== [^1]^ `==f==` ^^g\n===\n==", uint8(0))
	// PyMdown's keys: quoted, in code, beside C++ and i++, unclosed.
	f.Add("++ctrl+alt+del++ ++\"a b\"+x-y++ C++ and C++ i++ + j++ `++c++` ++++d++ ++e+", uint8(0))
	// Emoji shortcodes: adjacent, at the edges, in code, times and scopes.
	f.Add(":a: :+1::b: (:c:). 10:30:15 std::x:: `:d:` :e\n# :f:\n:", uint8(0))
	// Antora xrefs with no text: a version, component and module, a bare
	// fragment, an empty target, text given.
	f.Add("xref:1@c:m:a_b.adoc#x[] xref:#y-z[] xref:[] xref::[] xref:$.adoc[] xref:p.adoc[P]\n", uint8(3))
	// Sphinx :ref: and :doc: with no title: a domain, an angle-bracketed
	// label, only separators, a parent page, a title given; MyST's too.
	f.Add(":ref:`a-b_c` :std:ref:`<-_>` :doc:`../index` :doc:`..` :doc:`T <x/y>` {ref}`p_q` {doc}`./`\n", uint8(2))
	names := []string{"a.md", "a.mdx", "a.rst", "a.adoc", "a.html", "a.ipynb", "a.2", "a.org", "a.qmd", "a.Rmd", "a.texi", "a.pod", "a.wiki", "a.yml"}
	f.Fuzz(func(t *testing.T, src string, which uint8) {
		name := names[int(which)%len(names)]
		c, err := loadGuarded(t, name, []byte(src))
		if err != nil {
			return // nothing loadable: fine, as long as it said so
		}
		d := &c.Docs[0]
		checkPassages(t, d)
		lines := strings.Count(src, "\n") + 1
		for _, p := range d.Passages {
			if p.LineStart < 1 || p.LineEnd > lines {
				t.Errorf("passage %d: lines %d–%d of %d", p.Index, p.LineStart, p.LineEnd, lines)
			}
		}
	})
}

// FuzzSpacedOnce holds cutTitle's shortcut to what it skips: a title
// spacedOnce accepts is its own white space collapsed.
func FuzzSpacedOnce(f *testing.F) {
	for _, s := range []string{"", "A title", " A title", "A  title", "A\ttitle", "Un été", "A title ", "A\x00title"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if spacedOnce(s) && strings.Join(strings.FieldsFunc(s, text.IsSpace), " ") != s {
			t.Errorf("spacedOnce(%q), but its white space collapses to something else", s)
		}
	})
}
