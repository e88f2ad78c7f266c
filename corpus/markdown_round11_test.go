package corpus

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

// A Markdown table of contents (a PingCAP docs TOC.md, an mdBook or GitBook
// SUMMARY.md: list items of one link each under group names) is the site's
// menu, not a document: loaded, a 1,227-page tree's seven TOC files were
// documents titled "TOC" or "目录", the largest 16 passages of link text that
// searches and briefings could cite. A page that lists links and says
// something is still a document.
func TestMarkdownNavigation(t *testing.T) {
	navs := map[string]string{
		"PingCAP TOC":          "<!-- markdownlint-disable MD007 -->\n<!-- markdownlint-disable MD041 -->\n\n- 关于 TiDB\n  - [TiDB 简介](/overview.md)\n  - [功能概览](/basic-features.md)\n- 快速上手\n  - [快速上手 TiDB](/quick-start-with-tidb.md)\n  - 规划集群拓扑\n    - [最小部署拓扑结构](/minimal-deployment-topology.md)\n",
		"headed groups":        "# Table of Contents\n\n## Cloud\n\n- [API overview](/api/overview.md)\n- [v1beta API](/api/v1beta.md)\n\n## Server\n\n- [Monitoring API](/api/monitoring.md)\n",
		"mdBook SUMMARY":       "# Summary\n\n[Introduction](README.md)\n\n- [Getting Started](ch01-00-getting-started.md)\n    - [Installation](ch01-01-installation.md)\n    - [Hello, World!](ch01-02-hello-world.md)\n\n---\n\n- [Draft chapter]()\n",
		"front matter":         "---\ntitle: Menu\n---\n\n* [One](one.md)\n* [Two](two.md)\n* [Three](three.md)\n",
		"numbered":             "1. [One](one.md)\n2. [Two](two.md)\n3. [Three](three.md)\n",
		"the TOC's real forms": "- 存储引擎\n  - 垃圾回收 (GC)\n    - [`ADMIN CHECK [TABLE|INDEX]`](/admin-check.md)\n    - [`[LOCK|UNLOCK] TABLES`](/lock-tables.md)\n- [向量搜索](/vector-search.md) ![BETA](/media/blank.png)\n",
	}
	for name, src := range navs {
		if g := parseMarkdown(newMarkdownParsers(), src, false).generated; g == "" {
			t.Errorf("%s: a navigation page is read as a document", name)
		}
	}
	docs := map[string]string{
		"a sentence":        "# Plugins\n\n- [limit-count](limit-count.md)\n- [limit-req](limit-req.md)\n- [limit-conn](limit-conn.md)\n\nEach plugin limits the rate of requests.\n",
		"described links":   "- [limit-count](limit-count.md): limits requests by count\n- [limit-req](limit-req.md): leaky bucket\n- [limit-conn](limit-conn.md): concurrent connections\n",
		"two links":         "- [One](one.md)\n- [Two](two.md)\n",
		"plain list":        "- one item\n- two items\n- three items\n",
		"more names":        "- Alpha\n- Beta\n- Gamma\n- Delta\n- [One](one.md)\n- [Two](two.md)\n- [Three](three.md)\n",
		"a paragraph first": "Read these first.\n\n- [One](one.md)\n- [Two](two.md)\n- [Three](three.md)\n",
	}
	for name, src := range docs {
		if g := parseMarkdown(newMarkdownParsers(), src, false).generated; g != "" {
			t.Errorf("%s: read as %s", name, g)
		}
	}
	// Loaded, it is counted as generated, named with its reason.
	c, err := Load(context.Background(), fstest.MapFS{
		"TOC.md":  file(navs["PingCAP TOC"]),
		"page.md": file("# Page\n\nThe page says something.\n"),
	}, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != 1 || c.Docs[0].ID != "page" {
		t.Errorf("%d documents, want only page", len(c.Docs))
	}
	found := false
	for _, w := range c.Warnings {
		if w.Path == "TOC.md" && w.Kind == SkipGenerated {
			found = true
		}
	}
	if !found {
		t.Errorf("TOC.md not counted as generated: %+v", c.Warnings)
	}
}

// PingCAP's docs write product names and versions as {{{ .name }}}, filled
// in by their build from variables.json at the tree's root (dotted paths
// into nested objects; a name it lacks stays as written): on
// pingcap/docs-cn 133 pages read "{{{ .starter }}} 实例", and the raw
// braces were quoted in answers and briefings.
func TestSiteVariables(t *testing.T) {
	fsys := fstest.MapFS{
		"variables.json":     file(`{"starter": "TiDB Cloud Starter", "operator": {"version": "v1.6.4"}, "n": 3}`),
		"page.md":            file("# {{{ .starter }}} quick start\n\nCreate a {{{ .starter }}} instance with TiDB Operator {{{.operator.version}}} in {{{ .n }}} steps; {{{ .unknown }}} stays.\n"),
		"notes.txt":          file("Plain text keeps {{{ .starter }}} as written.\n"),
		"sub/variables.json": file(`{"starter": "not the root's"}`),
	}
	c, err := Load(context.Background(), fsys, Config{})
	if err != nil {
		t.Fatal(err)
	}
	var page, notes *Document
	for i := range c.Docs {
		switch c.Docs[i].ID {
		case "page":
			page = &c.Docs[i]
		case "notes":
			notes = &c.Docs[i]
		}
	}
	if page == nil || notes == nil {
		t.Fatalf("page or notes not loaded: %+v", c.Warnings)
	}
	if page.Title != "TiDB Cloud Starter quick start" {
		t.Errorf("title %q", page.Title)
	}
	want := "Create a TiDB Cloud Starter instance with TiDB Operator v1.6.4 in 3 steps; {{{ .unknown }}} stays."
	if p := passageWith(t, page, "Create a"); !strings.Contains(p.Text, want) || p.LineStart != 3 || p.LineEnd != 3 {
		t.Errorf("passage %q lines %d–%d, want it to hold %q, line 3", p.Text, p.LineStart, p.LineEnd, want)
	}
	if !strings.Contains(notes.Text, "{{{ .starter }}}") {
		t.Errorf("plain text changed: %q", notes.Text)
	}
	// The root's variables.json decides what pages say: a snapshot's key
	// must hash it (Reads), and it is named as what it is.
	if !Reads("variables.json") || Reads("sub/variables.json") {
		t.Errorf("Reads(variables.json) %v, Reads(sub/variables.json) %v; want true, false", Reads("variables.json"), Reads("sub/variables.json"))
	}
	for _, w := range c.Warnings {
		if w.Path == "variables.json" && !strings.Contains(w.Reason, "{{{") {
			t.Errorf("variables.json: %q, want a reason saying its values fill the pages' {{{ .name }}}", w.Reason)
		}
	}
}

// A variables.json that is not a JSON object leaves the pages' references
// as written, and its line says why.
func TestSiteVariablesBroken(t *testing.T) {
	c, err := Load(context.Background(), fstest.MapFS{
		"variables.json": file(`["starter"]`),
		"page.md":        file("# Page\n\nA {{{ .starter }}} instance.\n"),
	}, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(c.Docs[0].Text, "{{{ .starter }}}") {
		t.Errorf("text %q, want the reference as written", c.Docs[0].Text)
	}
	if len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0].Reason, "not used: not a JSON object") {
		t.Errorf("warnings %+v, want one saying the variables are not used", c.Warnings)
	}
}

// A plain-text file of URLs alone (pingcap/docs-cn's resources/cdnfresh.txt,
// the PDFs a CDN refresh names) is a list of links, not a document: loaded,
// it was a document titled by its first URL and detected as Portuguese, so
// an English question on the Chinese tree was told the documents are "in
// Portuguese, Chinese".
func TestTextOfURLsNotADocument(t *testing.T) {
	urls := "https://docs-download.pingcap.com/pdf/tidb-dev-zh-manual.pdf\nhttps://docs-download.pingcap.com/pdf/tidb-dev-en-manual.pdf\n\nhttps://docs-download.pingcap.com/pdf/tidb-stable-zh-manual.pdf\n"
	c, err := Load(context.Background(), fstest.MapFS{
		"resources/cdnfresh.txt": file(urls),
		"links.txt":              file("Mirrors of the manual:\nhttps://a.example.org/m.pdf\nhttps://b.example.org/m.pdf\nhttps://c.example.org/m.pdf\n"),
		"two.txt":                file("https://a.example.org/\nhttps://b.example.org/\n"),
	}, Config{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range c.Docs {
		ids = append(ids, d.ID)
	}
	if strings.Join(ids, " ") != "links two" {
		t.Errorf("documents %v, want links and two (a list of URLs with words, and one too short to judge)", ids)
	}
	found := false
	for _, w := range c.Warnings {
		if w.Path == "resources/cdnfresh.txt" && w.Kind == SkipGenerated {
			found = true
		}
	}
	if !found {
		t.Errorf("cdnfresh.txt not counted as generated: %+v", c.Warnings)
	}
}

// A pip requirements or constraints file (pip's names, and lines that are
// requirements, options or comments) is a data file, not a document:
// pytest's doc/en/requirements.txt ("-c broken-dep-constraints.txt",
// then packages) and its constraints file of comments alone were
// documents titled by their first lines. A text of that name that says
// something is still read.
func TestPipRequirementsNotADocument(t *testing.T) {
	c, err := Load(context.Background(), fstest.MapFS{
		"requirements.txt":             file("-c broken-dep-constraints.txt\npluggy>=1.5.0\nsphinx>=9\nfuro\nrequests[security, socks] ==2.31.0 ; python_version < \"3.12\"  # pinned\npip @ https://example.com/pip.zip\n-e .\n--index-url https://pypi.org/simple\nnumpy~=1.26,!=1.26.1\n"),
		"broken-dep-constraints.txt":   file("# This file contains transitive dependencies that need to be pinned for some reason.\n# Eventually this file will be empty.\n"),
		"docs/requirements-docs.txt":   file("sphinx==7.2.6\nmyst-parser\n"),
		"requirements-explained.txt":   file("The requirements of the project are written down by the product team before each release.\n"),
		"notes/system-constraints.txt": file("Our constraints: the budget is fixed, and the launch is in May.\n"),
		"page.txt":                     file("A page.\n\nIt says something.\n"),
	}, Config{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range c.Docs {
		ids = append(ids, d.ID)
	}
	if strings.Join(ids, " ") != "notes/system-constraints page requirements-explained" {
		t.Errorf("documents %v, want notes/system-constraints, page, requirements-explained", ids)
	}
	n := 0
	for _, w := range c.Warnings {
		if w.Reason == pipReason {
			n++
		}
	}
	if n != 3 {
		t.Errorf("%d files named as pip requirements files, want 3: %+v", n, c.Warnings)
	}
	if s := c.Summary(); !strings.Contains(s, "3 data files") {
		t.Errorf("summary %q does not count them as data files", s)
	}
}
