package corpus

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestRST(t *testing.T) {
	src := strings.Join([]string{
		".. _quickstart:",             // 1
		"",                            // 2
		"==========",                  // 3
		"Quickstart",                  // 4
		"==========",                  // 5
		"",                            // 6
		".. module:: requests.models", // 7
		"",                            // 8
		"Eager to get started? Read :ref:`the install guide <install>` and call", // 9
		":func:`~requests.api.get` with ``params``.",                             // 10
		"",                                     // 11
		"Make a Request",                       // 12
		"--------------",                       // 13
		"",                                     // 14
		".. note:: Requests is installed with", // 15
		"   pip and needs no compiler.",        // 16
		"",                                     // 17
		".. toctree::",                         // 18
		"   :maxdepth: 2",                      // 19
		"",                                     // 20
		"   user/install",                      // 21
		"",                                     // 22
		"Use it like so::",                     // 23
		"",                                     // 24
		"    >>> import requests",              // 25
		"",                                     // 26
		"    >>> r = requests.get(url)",        // 27
		"",                                     // 28
		".. code-block:: python",               // 29
		"   :linenos:",                         // 30
		"",                                     // 31
		"   print(r.text)",                     // 32
		"",                                     // 33
		"- first item with *emphasis*",         // 34
		"- second item",                        // 35
		"",                                     // 36
		".. This is a comment that must go.",   // 37
	}, "\n")
	d := loadOne(t, "quickstart.rst", src)
	if d.Title != "Quickstart" || d.Format != FormatRST {
		t.Errorf("got title %q format %q", d.Title, d.Format)
	}
	for _, p := range d.Passages {
		for _, bad := range []string{"..", ":ref:", ":func:", "``", "===", "---", "toctree", "maxdepth", "user/install", "module", "comment", "linenos", "*"} {
			if strings.Contains(p.Text, bad) && !strings.Contains(p.Text, "...") {
				t.Errorf("passage %d holds %q: %q", p.Index, bad, p.Text)
			}
		}
	}
	p := passageWith(t, d, "Eager to get started? Read the install guide and call get with params.")
	if p.LineStart != 9 || p.LineEnd != 10 || len(p.Headings) != 0 {
		t.Errorf("got lines %d–%d headings %q", p.LineStart, p.LineEnd, p.Headings)
	}
	p = passageWith(t, d, "Requests is installed with pip and needs no compiler.")
	if !slices.Equal(p.Headings, []string{"Make a Request"}) || p.LineStart != 15 {
		t.Errorf("got headings %q line %d", p.Headings, p.LineStart)
	}
	for _, s := range []string{"Use it like so:\n\n>>> import requests\n\n>>> r = requests.get(url)", "print(r.text)", "• first item with emphasis\n\n• second item"} {
		if !strings.Contains(p.Text, s) {
			t.Errorf("passage lacks %q: %q", s, p.Text)
		}
	}
	if p.LineEnd != 35 {
		t.Errorf("got LineEnd %d, want 35", p.LineEnd)
	}
}

func TestAsciiDoc(t *testing.T) {
	src := strings.Join([]string{
		"= Safe Modes",                       // 1
		":description: How safe modes work.", // 2
		":navtitle: Safe",                    // 3
		"",                                   // 4
		"Asciidoctor provides security levels, see xref:cli.adoc[the CLI] and <<server,SERVER>>.", // 5
		"",                                       // 6
		"[#server]",                              // 7
		"== SERVER",                              // 8
		"",                                       // 9
		"NOTE: The SERVER mode trims `docfile`.", // 10
		"",                                       // 11
		"[source,ruby]",                          // 12
		"----",                                   // 13
		"Asciidoctor.convert 'x',",               // 14
		"",                                       // 15
		"  safe: :server",                        // 16
		"----",                                   // 17
		"",                                       // 18
		"image::diagram.png[A diagram]",          // 19
		"// a comment",                           // 20
		"|===",                                   // 21
		"|Mode |Value",                           // 22
		"",                                       // 23
		"|SAFE |1",                               // 24
		"|===",                                   // 25
		"",                                       // 26
		"* one *strong* item",                    // 27
		"* two",                                  // 28
	}, "\n")
	d := loadOne(t, "safe.adoc", src)
	if d.Title != "Safe Modes" || d.Description != "How safe modes work." || d.Format != FormatAsciiDoc {
		t.Errorf("got title %q description %q format %q", d.Title, d.Description, d.Format)
	}
	p := passageWith(t, d, "Asciidoctor provides security levels, see the CLI and SERVER.")
	if p.LineStart != 5 || len(p.Headings) != 0 {
		t.Errorf("got line %d headings %q", p.LineStart, p.Headings)
	}
	p = passageWith(t, d, "The SERVER mode trims docfile.")
	if !slices.Equal(p.Headings, []string{"SERVER"}) || p.LineStart != 10 || p.LineEnd != 28 {
		t.Errorf("got headings %q lines %d–%d", p.Headings, p.LineStart, p.LineEnd)
	}
	for _, s := range []string{"Asciidoctor.convert 'x',\n\n  safe: :server", "Mode | Value\nSAFE | 1", "• one strong item"} {
		if !strings.Contains(p.Text, s) {
			t.Errorf("passage lacks %q: %q", s, p.Text)
		}
	}
	for _, bad := range []string{"----", "|===", "image::", "[source", "comment", "NOTE:", ":navtitle:", "[#"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("text holds %q: %q", bad, d.Text)
		}
	}
}

// A Sphinx tree's fragments for ".. include::" ("options/required.rst.inc",
// Symfony's docs hold 83) are reStructuredText: their text is in no other
// file, and they were skipped as an unsupported type.
func TestRSTIncludeFragment(t *testing.T) {
	d := loadOne(t, "options/required.rst.inc", "required\n~~~~~~~~\n\n**type**: ``boolean`` **default**: ``true``\n\nIf true, a required attribute is rendered.\n")
	if d.Format != FormatRST || d.Title != "required" {
		t.Errorf("got format %q title %q", d.Format, d.Title)
	}
	passageWith(t, d, "If true, a required attribute is rendered.")
}

func TestRSTInlineOverLines(t *testing.T) {
	d := loadOne(t, "a.rst", "Title\n=====\n\n* ``OSError: [WinError 10013] An attempt was\n  made`` is raised when the port is taken.\n")
	passageWith(t, d, "• OSError: [WinError 10013] An attempt was made is raised when the port is taken.")
}

func TestAsciiDocDescriptionList(t *testing.T) {
	d := loadOne(t, "a.adoc", "= Options\n\n-dPDFSETTINGS=/prepress:: Sets the quality.\n-dColorImageResolution=<number>:: Resamples images.\n")
	for _, s := range []string{"-dPDFSETTINGS=/prepress: Sets the quality.", "-dColorImageResolution=<number>: Resamples images."} {
		passageWith(t, d, s)
	}
	if strings.Contains(d.Text, "::") {
		t.Errorf("description list markup kept: %q", d.Text)
	}
}

// Git's docs write titles over an underline; the underline is not a
// block delimiter, so the section after it stays prose.
func TestAsciiDocTwoLineTitles(t *testing.T) {
	src := "Tools for Git\n=============\n:sectanchors:\n\nIntroduction\n------------\nThis describes the process.\n\nDetails\n~~~~~~~\nMore words here.\n\n== 1. Assumptions ==\n\nA listing follows.\n\n----\n$ git add\n----\n"
	d := loadOne(t, "a.adoc", src)
	if d.Title != "Tools for Git" {
		t.Errorf("got title %q, want %q", d.Title, "Tools for Git")
	}
	p := passageWith(t, d, "This describes the process.")
	if !slices.Equal(p.Headings, []string{"Introduction"}) {
		t.Errorf("got headings %q", p.Headings)
	}
	p = passageWith(t, d, "More words here.")
	if !slices.Equal(p.Headings, []string{"Introduction", "Details"}) {
		t.Errorf("got headings %q", p.Headings)
	}
	p = passageWith(t, d, "A listing follows.")
	if !slices.Equal(p.Headings, []string{"1. Assumptions"}) {
		t.Errorf("got headings %q", p.Headings)
	}
	for _, bad := range []string{"===", "---", "~~~", "Assumptions =="} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("text holds %q: %q", bad, d.Text)
		}
	}
}

// Brackets are markup only after a macro name or a URL: an option list
// in a synopsis or an index keeps them, and a manual page reference
// reads as page(section).
func TestAsciiDocBrackets(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Run git add [--verbose | -v] [--] <path>.", "Run git add [--verbose | -v] [--] <path>."},
		{"The first is argv[0].", "The first is argv[0]."},
		{"See linkgit:git-commit[1] and man:tar[1].", "See git-commit(1) and tar(1)."},
		{"See link:guide.html[the guide], https://x.org[X] and {url-repo}/tree[the tree].", "See the guide, X and the tree."},
		{"Formats such as [.nowrap]#HTML 5#.", "Formats such as HTML 5."},
		{"Use HEAD{caret} or {litdd}amend, not {startsb}x{endsb}; {unknown-attr}gone.", "Use HEAD^ or --amend, not [x]; gone."},
	}
	for _, tt := range tests {
		if got := adocInline(tt.in); got != tt.want {
			t.Errorf("adocInline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A single formatting mark (*bold*, _italic_, `code`, #mark#) is markup
// only at a word's edges, as Asciidoctor reads it; a doubled one anywhere.
// Identifiers kept their underscores only inside backticks:
// "[query_cache.sharing_enabled]" read as "querycache.sharingenabled"
// (the Neo4j Cypher manual's settings), "C# and F#" as "C and F".
func TestAsciiDocFormattingMarks(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Use *bold*, _italic_, `code` and #marked# text.", "Use bold, italic, code and marked text."},
		{"See link:x.html#config_a[server.memory.query_cache.sharing_enabled].", "See server.memory.query_cache.sharing_enabled."},
		{"Set db_max_size_mb or max_tokens_limit.", "Set db_max_size_mb or max_tokens_limit."},
		{"Languages such as C# and F# run.", "Languages such as C# and F# run."},
		{"The product 2*3*4 is 24.", "The product 2*3*4 is 24."},
		{"Un**constrained**ly and a__b__c.", "Unconstrainedly and abc."},
		{"**Passo 1**: Un gateway.", "Passo 1: Un gateway."},
		{"A `snake_case_name` and *a_b*.", "A snake_case_name and a_b."},
		{"Stars * alone * stay.", "Stars * alone * stay."},
		{"*one* *two*", "one two"},
		// A passthrough in a code span shows its text literally, without
		// the pluses: the Cypher manual's "`+:param name => 'Joe'+`".
		{"Use `+:param name => 'Joe'+` or `++a+b++`.", "Use :param name => 'Joe' or a+b."},
	}
	for _, tt := range tests {
		if got := adocInline(tt.in); got != tt.want {
			t.Errorf("adocInline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// An AsciiDoc table's rows are its cells grouped by its columns (the
// cols attribute, else the first line's cells), whether a row is written
// on one line or a cell a line; an AsciiDoc cell ("a|") keeps its text,
// not its block markup. Made-up samples in the form of the Neo4j Cypher
// manual's tables and of Asciidoctor's docs.
func TestAsciiDocTables(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"a row a line", "|===\n|Mode |Value\n\n|SAFE |1\n|===\n", "Mode | Value\nSAFE | 1"},
		{"a cell a line, cols", strings.Join([]string{
			`[options="header", cols="4m,3a,1m"]`, "|===", "| Setting", "| Description", "| Default", "",
			"| link:x.html#config_s[server.memory.query_cache.sharing_enabled]",
			"| Enable sharing cache space.", "With this option turned on, databases share cache space.", "| false", "|===",
		}, "\n"), "Setting | Description | Default\nserver.memory.query_cache.sharing_enabled | Enable sharing cache space. With this option turned on, databases share cache space. | false"},
		{"a cell a line, cols count", strings.Join([]string{
			`[cols="2", options="header"]`, "|===", "| Feature", "| Details", "",
			"a|", "label:functionality[]", "[source, cypher, role=noheader]", "----", "DROP INDEX $name [IF EXISTS]", "----",
			"| Added the ability to use parameters for the index name.", "|===",
		}, "\n"), "Feature | Details\nlabel:functionality DROP INDEX $name [IF EXISTS] | Added the ability to use parameters for the index name."},
		{"spans and specifiers", "[cols=\"3*\"]\n|===\n2+h|Wide |c\n|a |b |c\n|===\n", "Wide | c\na | b | c"},
		{"escaped bar", "|===\n|a \\| b |c\n|===\n", "a | b | c"},
	}
	for _, tt := range tests {
		var got []string
		for _, b := range parseAsciiDoc(tt.src).blocks {
			got = append(got, b.text)
		}
		if g := strings.Join(got, "\n"); g != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, g, tt.want)
		}
	}
}

// An Antora navigation file ("nav.adoc", a module's list of xrefs to its
// pages) is the site's menu, not a document: loaded, it answered searches
// with "• introduction/index.adoc" under the title "content-nav" (the
// Neo4j Cypher manual's; Asciidoctor's docs have one a module). A page
// that lists links and says something is still a document.
func TestAsciiDocNavigation(t *testing.T) {
	nav := "* xref:introduction/index.adoc[]\n** xref:introduction/overview.adoc[]\n** xref:introduction/aura.adoc[Aura]\n\n.Reference\n* Clauses\n** xref:clauses/index.adoc[]\n** <<call,CALL>>\n"
	if g := parseAsciiDoc(nav).generated; g == "" {
		t.Errorf("a navigation file is read as a document")
	}
	for _, doc := range []string{
		"= Clauses\n\n* xref:a.adoc[]\n* xref:b.adoc[]\n* xref:c.adoc[]\n\nEach clause is a step of a query.\n",
		"* one item\n* two items\n* three items\n",
		"* xref:a.adoc[]\n",
	} {
		if g := parseAsciiDoc(doc).generated; g != "" {
			t.Errorf("%q is read as %s", doc, g)
		}
	}
}

// A document's own attribute entries (":name: value") define the
// references that follow them; ":name!:" removes one, and references
// to nothing still read as nothing.
func TestAsciiDocAttributes(t *testing.T) {
	long := strings.Repeat("x", 2*adocAttrMax)
	tests := []struct{ name, src, want string }{
		{"link target", ":url-docs: https://example.org/docs\n\nSee {url-docs}[the docs].", "See the docs."},
		{"bare URL", ":url-docs: https://example.org/docs\n\nRead {url-docs} first.", "Read https://example.org/docs first."},
		{"text", "= Guide\n:product: Widget\n\n{product} runs fast.", "Guide\nWidget runs fast."},
		{"in body", "Before {product}.\n\n:product: Widget\n\nAfter {product}.", "Before .\nAfter Widget."},
		{"unset", ":product: Widget\n\n{product} one.\n\n:product!:\n\n{product} two.\n\n:product: Gadget\n\n{product} three.\n\n:!product:\n\n{product} four.", "Widget one.\ntwo.\nGadget three.\nfour."},
		{"one level", ":a: A\n:b: {a}{a}\n:c: [{b}]\n\n{c} and {d}.", "[AA] and ."},
		{"markup in value", ":name: *bold* {caret}\n\nIs {name}.", "Is bold ^."},
		{"heading and item", ":product: Widget\n\n== About {product}\n\n* {product} items", "About Widget\n• Widget items"},
		{"capped", ":big: " + long + "\n\n{big}", long[:adocAttrMax]},
	}
	for _, tt := range tests {
		var got []string
		for _, b := range parseAsciiDoc(tt.src).blocks {
			got = append(got, b.text)
		}
		if g := strings.Join(got, "\n"); g != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, g, tt.want)
		}
	}
}

// A [verse] paragraph or quote block keeps its line breaks, a line a
// block, with a blank line between stanzas; a [synopsis] is kept as
// written, like a listing. Other paragraphs still join their lines.
func TestAsciiDocVerse(t *testing.T) {
	type blk struct {
		kind  blockKind
		tight bool
		text  string
	}
	tests := []struct {
		name, src string
		want      []blk
	}{
		{"verse paragraph", "[verse]\nThe fog comes\non *little* cat feet.\n\nAfter.", []blk{
			{blockPara, false, "The fog comes"}, {blockPara, true, "on little cat feet."}, {blockPara, false, "After."}}},
		{"verse block", "[verse, Carl Sandburg, Fog]\n____\nThe fog comes\non little cat feet.\n\nIt sits looking\n____", []blk{
			{blockPara, false, "The fog comes"}, {blockPara, true, "on little cat feet."}, {blockPara, false, "It sits looking"}}},
		{"synopsis", "[synopsis]\ngit add [--verbose | -v]\n\t[--] [<pathspec>...]", []blk{
			{blockCode, false, "git add [--verbose | -v]\n\t[--] [<pathspec>...]"}}},
		{"quote block", "[quote]\n____\nOne\ntwo.\n____", []blk{{blockPara, false, "One two."}}},
		{"plain paragraph", "One\ntwo.", []blk{{blockPara, false, "One two."}}},
	}
	for _, tt := range tests {
		var got []blk
		for _, b := range parseAsciiDoc(tt.src).blocks {
			got = append(got, blk{b.kind, b.tight, b.text})
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// Conditional and include directives may sit inside a paragraph or a
// list item; they are never text.
func TestAsciiDocPreprocessorLines(t *testing.T) {
	src := "= Diff\n\n--stat::\n\tGenerate a diffstat.\nifndef::git-format-patch[]\n\tThis is the default.\nendif::git-format-patch[]\n\nA paragraph\ninclude::line-range-format.adoc[]\ncontinues here.\n"
	d := loadOne(t, "a.adoc", src)
	for _, bad := range []string{"ifndef", "endif", "include", "git-format-patch"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("text holds %q: %q", bad, d.Text)
		}
	}
	passageWith(t, d, "A paragraph continues here.")
}

// Git's option lists stack terms over one description and join more
// paragraphs to it with a lone "+".
func TestAsciiDocStackedTermsAndContinuation(t *testing.T) {
	src := "= Add\n\n-n::\n--dry-run::\n\tDon't actually add the file(s).\n+\nThis only shows them.\n\n-v::\n--verbose:: Be verbose.\n\n-S[<keyid>]::\n--gpg-sign[=<keyid>]::\n--no-gpg-sign::\n\tGPG-sign commits.\n"
	d := loadOne(t, "a.adoc", src)
	p := passageWith(t, d, "-n, --dry-run: Don't actually add the file(s).")
	if p.LineStart != 3 {
		t.Errorf("got LineStart %d, want 3", p.LineStart)
	}
	passageWith(t, d, "This only shows them.")
	passageWith(t, d, "-v, --verbose: Be verbose.")
	passageWith(t, d, "-S[<keyid>], --gpg-sign[=<keyid>], --no-gpg-sign: GPG-sign commits.")
	if strings.Contains(d.Text, " + ") || strings.Contains(d.Text, "\n+") {
		t.Errorf("a continuation mark in the text: %q", d.Text)
	}
}

func TestRSTVersionNotes(t *testing.T) {
	d := loadOne(t, "a.rst", "Uploads\n=======\n\n.. versionadded:: 0.6\n   Files can be limited in size.\n\n.. deprecated:: 2.0 Use the new API.\n")
	passageWith(t, d, "Added in version 0.6. Files can be limited in size.")
	passageWith(t, d, "Deprecated since version 2.0. Use the new API.")
}

// An inline literal shows its text as written, markup included: a role
// quoted in a literal stays a role (seen in Sphinx's own docs).
func TestRSTInlineLiteral(t *testing.T) {
	tests := []struct{ in, want string }{
		{"A reference like ``:py:class:`zipfile.ZipFile``` links.", "A reference like :py:class:`zipfile.ZipFile` links."},
		{"Use ``:ref:`label <target>``` or :ref:`Title <target>`.", "Use :ref:`label <target>` or Title."},
		{"Write ``*args`` and ``**kwargs``, not *args*.", "Write *args and **kwargs, not args."},
		{"Paths like ``C:\\temp\\`` keep backslashes.", "Paths like C:\\temp\\ keep backslashes."},
		{"An ``unclosed literal stays.", "An ``unclosed literal stays."},
		{"Plain :func:`~os.path.join` and |subst|.", "Plain join and subst."},
		{"The :class:`Symfony\\\\Component\\\\Process` class.", "The Symfony\\Component\\Process class."},
		{"Re\\ structured\\ Text and a\\*star and end\\", "RestructuredText and a*star and end"},
		{"pytest.__version__ and __init__.py and my_target_ and anon__", "pytest.__version__ and __init__.py and my_target and anon"},
	}
	for _, tt := range tests {
		if got := rstInline(tt.in); got != tt.want {
			t.Errorf("rstInline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Sphinx's default domain is Python: ".. class:: Builder" describes a
// class, and its text is the document's. docutils' class directive, with
// no content, sets a CSS class and says nothing.
func TestRSTClassDirective(t *testing.T) {
	src := "Builder API\n===========\n\n.. class:: Builder\n\n   This is the base class for all builders.\n\n   .. method:: build()\n\n      Build the project.\n\n.. class:: special\n\nA plain paragraph.\n"
	d := loadOne(t, "a.rst", src)
	for _, s := range []string{"This is the base class for all builders.", "Build the project.", "A plain paragraph."} {
		passageWith(t, d, s)
	}
	if strings.Contains(d.Text, "special") {
		t.Errorf("a CSS class is in the text: %q", d.Text)
	}
}

// A Hugo section's _index.md of front matter only is a list page the
// build fills: counted as generated, not named as an empty file to fix.
// Front matter with no title, or a file of nothing, stays empty.
func TestFrontMatterOnlyPage(t *testing.T) {
	fsys := fstest.MapFS{
		"config/_index.md": file("---\ntitle: Configuration\ndescription: Configure your site.\nweight: 10\n---\n"),
		"common/_index.md": file("---\ncascade:\n  build:\n    render: never\n---\n\n<!-- snippets -->\n"),
		"keep.md":          file("# Kept\n\nText.\n"),
	}
	c, err := Load(context.Background(), fsys, Config{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]SkipKind{}
	for _, w := range c.Warnings {
		got[w.Path] = w.Kind
	}
	want := map[string]SkipKind{"config/_index.md": SkipGenerated, "common/_index.md": SkipEmpty}
	if !maps.Equal(got, want) || len(c.Docs) != 1 {
		t.Errorf("got skips %v and %d documents, want %v and 1", got, len(c.Docs), want)
	}
}

// A page of headings whose text a site's build pulls in is skipped with
// a reason that says so, not "no words".
func TestOnlyHeadingsReason(t *testing.T) {
	for name, src := range map[string]string{
		"a.rst": "Collector API\n=============\n\n.. autoclass:: Collector\n   :members:\n",
		"b.md":  "# How-tos\n\n<!-- toc -->\n",
	} {
		c, err := Load(context.Background(), fstest.MapFS{name: file(src), "keep.md": file("# Kept\n\nText.\n")}, Config{})
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Warnings) != 1 || c.Warnings[0].Kind != SkipEmpty || !strings.Contains(c.Warnings[0].Reason, "only headings") {
			t.Errorf("%s: got warnings %+v, want one saying it holds only headings", name, c.Warnings)
		}
	}
}

// rstParagraphs are the texts of src's paragraphs, as parseRST reads them.
func rstParagraphs(src string) []string {
	var paras []string
	for _, b := range parseRST(src).blocks {
		if b.kind == blockPara {
			paras = append(paras, b.text)
		}
	}
	return paras
}

// A paragraph that opens with a role is a paragraph, not a field: a
// field marker (":Author: Jane") ends with white space or the line.
func TestRSTParagraphOpeningWithRole(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // the paragraphs' texts
	}{
		{"role first, literal block after", ":ref:`Groups <groups>` need the option set on the form::\n\n    $form->setGroups(['a']);\n\nDone.\n",
			[]string{"Groups need the option set on the form:", "Done."}},
		{"a field", ":Author: Jane Roe\n\nText.\n", []string{"Author: Jane Roe", "Text."}},
		{"a field with nothing after", ":Reviewed:\n\nText.\n", []string{"Reviewed:", "Text."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if paras := rstParagraphs(tt.src); !slices.Equal(paras, tt.want) {
				t.Errorf("paragraphs %q, want %q", paras, tt.want)
			}
		})
	}
}

// A field list opening a Sphinx page is the build's metadata, never shown
// (Sphinx, "File-wide metadata"): pytest's docs open ten pages with
// ":orphan:" and their API reference with ":tocdepth: 3", which were the
// pages' text ("orphan:" the whole of a toctree page). docutils' docinfo
// fields (":Author:") are shown, and a field later in a page is a field.
func TestRSTFileWideMetadata(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"orphan", ":orphan:\n\n.. _explanation:\n\nExplanation\n===========\n\nText.\n", []string{"Text."}},
		{"tocdepth and an author", "\n:tocdepth: 3\n:Author: Jane Roe\n:nocomments:\n\nAPI Reference\n=============\n\nText.\n", []string{"Author: Jane Roe", "Text."}},
		{"no-search over lines", ":no-search:\n   yes\n:orphan:\n\nText.\n", []string{"Text."}},
		{"later in the page", "Title\n=====\n\nText.\n\n:orphan:\n", []string{"Text.", "orphan:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if paras := rstParagraphs(tt.src); !slices.Equal(paras, tt.want) {
				t.Errorf("paragraphs %q, want %q", paras, tt.want)
			}
		})
	}
	// A page of a toctree alone is no longer one word.
	c, err := Load(context.Background(), fstest.MapFS{
		"explanation/index.rst": file(":orphan:\n\n.. _explanation:\n\nExplanation\n================\n\n.. toctree::\n   :maxdepth: 1\n\n   anatomy\n   fixtures\n"),
		"keep.rst":              file("Kept\n====\n\nText.\n"),
	}, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Doc("explanation/index"); ok {
		t.Errorf("a page of a toctree and :orphan: is a document")
	}
}

// ".. only:: html" keeps its content for the builders the expression
// names; the expression is not text. pytest's table of contents read
// "html" twice as a passage of its own.
func TestRSTOnlyDirective(t *testing.T) {
	d := loadOne(t, "a.rst", "Contents\n========\n\n.. only:: html\n\n   Read the release notes online.\n\n.. only:: latex or epub\n\n   .. toctree::\n\n      announce/index\n\n.. ifconfig:: release in ('alpha', 'beta')\n\n   This is a preview.\n")
	passageWith(t, d, "Read the release notes online.")
	passageWith(t, d, "This is a preview.")
	for _, w := range []string{"html", "latex", "epub", "alpha", "release in"} {
		if strings.Contains(d.Text, w) {
			t.Errorf("%q is in the text: %q", w, d.Text)
		}
	}
}

// A field list reads as "Name: body", its body over the lines indented
// under it; Sphinx's info fields as Sphinx labels them. pytest's API
// reference showed ":keyword str filter:" with its colons, a field's
// text under it as a paragraph apart, and ":type condition: bool or str
// :param condition: …" run together.
func TestRSTFieldLists(t *testing.T) {
	src := "Marks\n=====\n\n.. py:function:: mark.skipif(condition, *, reason=None)\n\n" +
		"    :type condition: bool or str\n" +
		"    :param condition: ``True/False`` if the condition should be skipped.\n" +
		"    :keyword str reason: Reason why the test function is being skipped.\n\n" +
		".. py:function:: mark.xfail(strict=False)\n\n" +
		"    :keyword bool strict:\n" +
		"        * If ``False`` the function is shown as xfailed.\n" +
		"        * If ``True``, an unexpected pass fails the suite.\n\n" +
		"        Defaults to ``False``.\n" +
		"    :keyword Union[bool, str] condition:\n" +
		"        Condition for marking the test function as xfail\n" +
		"        (``True/False`` or a string).\n" +
		"    :raises ValueError: if it is late.\n" +
		"    :returns: nothing.\n" +
		"    :meta private:\n\n" +
		":Version: 2.1\n"
	want := []string{
		"Type of condition: bool or str",
		"Parameter condition: True/False if the condition should be skipped.",
		"Keyword argument reason (str): Reason why the test function is being skipped.",
		"Keyword argument strict (bool):",
		"If False the function is shown as xfailed.",
		"Defaults to False.",
		"Keyword argument condition (Union[bool, str]): Condition for marking the test function as xfail (True/False or a string).",
		"Raises ValueError: if it is late.",
		"Returns: nothing.",
		"Version: 2.1",
	}
	var paras []string
	for _, b := range parseRST(src).blocks {
		if b.kind == blockPara || b.kind == blockItem {
			paras = append(paras, b.text)
		}
	}
	got := strings.Join(paras, "\n")
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("no paragraph %q in:\n%s", w, got)
		}
	}
	for _, bad := range []string{":keyword", ":type", ":param", "meta private", "private"} {
		if strings.Contains(got, bad) {
			t.Errorf("%q shown:\n%s", bad, got)
		}
	}
}

// ".asc" is AsciiDoc (Pro Git's chapters) unless it is PGP's ASCII armor,
// which is counted, not read.
func TestAscFiles(t *testing.T) {
	c, err := Load(context.Background(), fstest.MapFS{
		"book/ch01.asc":     file("[[_getting_started]]\n== Erste Schritte\n\nDieses Kapitel erklärt, worum es bei Git geht.\n"),
		"dist/tool.tar.asc": file("-----BEGIN PGP SIGNATURE-----\n\niQIzBAABCAAdFiEE\n=abcd\n-----END PGP SIGNATURE-----\n"),
		"KEYS.asc":          file("\n-----BEGIN PGP PUBLIC KEY BLOCK-----\nmQINBF\n-----END PGP PUBLIC KEY BLOCK-----\n"),
	}, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != 1 || c.Docs[0].Format != FormatAsciiDoc || c.Docs[0].Title != "Erste Schritte" {
		t.Fatalf("documents %+v, want the chapter alone, AsciiDoc, titled Erste Schritte", c.Docs)
	}
	if len(c.Warnings) != 2 {
		t.Fatalf("warnings %+v, want the two PGP files", c.Warnings)
	}
	for _, w := range c.Warnings {
		if w.Kind != SkipGenerated || !strings.Contains(w.Reason, "PGP") {
			t.Errorf("warning %+v, want a PGP file counted as generated", w)
		}
	}
}

// AsciiDoc index terms: concealed ones are for the index only, flow ones
// show their term.
func TestAsciiDocIndexTerms(t *testing.T) {
	tests := []struct{ in, want string }{
		{"(((Branches, Tracking)))(((Branches, Upstream)))\nChecking out a branch makes a tracking branch.", "Checking out a branch makes a tracking branch."},
		{"The ((Git)) index and indexterm2:[staging area] hold it.", "The Git index and staging area hold it."},
		{"Hooks indexterm:[hooks, server side] run on the server.", "Hooks run on the server."},
	}
	for _, tt := range tests {
		var paras []string
		for _, b := range parseAsciiDoc(tt.in + "\n").blocks {
			paras = append(paras, b.text)
		}
		if got := strings.Join(paras, "\n"); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A page of nothing but includes says so, and whether what it includes
// is read: pytest's contributing.rst (".. include:: ../../CONTRIBUTING.rst")
// was "empty: no text once markup is removed".
func TestRSTIncludesOnly(t *testing.T) {
	c, err := Load(context.Background(), fstest.MapFS{
		"contributing.rst":                file(".. _contributing:\n\n.. include:: ../../CONTRIBUTING.rst\n"),
		"doc/en/options.rst":              file(".. include:: options/required.rst.inc\n"),
		"doc/en/options/required.rst.inc": file("required\n~~~~~~~~\n\nThe field must be filled in.\n"),
		"doc/en/empty.rst":                file(".. a comment only\n"),
	}, Config{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"contributing.rst":   "only includes of files outside the folder (../../CONTRIBUTING.rst), not read: load the folder that holds them",
		"doc/en/options.rst": "only includes of files in the folder (options/required.rst.inc), read where they are",
		"doc/en/empty.rst":   "empty: no text once markup is removed",
	}
	got := map[string]string{}
	for _, w := range c.Warnings {
		got[w.Path] = w.Reason
	}
	for p, r := range want {
		if got[p] != r {
			t.Errorf("%s: %q, want %q", p, got[p], r)
		}
	}
}
