package corpus

import (
	"context"
	"fmt"
	"hash/maphash"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestSphinxSourcesNotIndexedTwice(t *testing.T) {
	fsys := fstest.MapFS{
		"guide.html":               file("<html><body><div role=\"main\"><h1>Guide</h1><p>" + article + "</p></div></body></html>"),
		"_sources/guide.rst.txt":   file("Guide\n=====\n\n" + article),
		"_sources/orphan.rst.txt":  file("Orphan\n======\n\nA source without a built page is the only copy, so it is loaded.\n"),
		"api/_sources/x.rst.txt":   file("X\n=\n\nThe API page x.\n"),
		"api/x/index.html":         file("<main><h1>X</h1><p>The API page x, built with the dirhtml builder.</p></main>"),
		"notes/_sources/readme.md": file("# Readme\n\nNo built page beside it.\n"),
	}
	c, err := Load(context.Background(), fsys, Config{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range c.Docs {
		ids = append(ids, d.ID)
	}
	want := []string{"_sources/orphan.rst", "api/x/index", "guide", "notes/_sources/readme"}
	if !slices.Equal(ids, want) {
		t.Errorf("got %q, want %q", ids, want)
	}
	if d, _ := c.Doc("_sources/orphan.rst"); d == nil || d.Format != FormatRST || d.Title != "Orphan" {
		t.Errorf("got %+v, want the orphan source read as reStructuredText", d)
	}
	for _, w := range c.Skipped() {
		if w.Kind != SkipDuplicate || !strings.Contains(w.Reason, "the source of") {
			t.Errorf("got %+v", w)
		}
	}
	if len(c.Skipped()) != 2 {
		t.Errorf("got skipped %+v, want the two sources with built pages", c.Skipped())
	}
}

func TestDuplicatePassagesIndexedOnce(t *testing.T) {
	shared := "Install the tool with the package manager of your system, then run it once to create its configuration file."
	fsys := fstest.MapFS{
		"docs/install.md":         file("# Install\n\n" + shared + "\n\n## Upgrade\n\nUpgrades keep the configuration file and only replace the program itself.\n"),
		"versioned/v2/install.md": file("# Install\n\n" + shared + "\n\n## Upgrade\n\nVersion two upgrades rewrite the configuration file in the new format.\n"),
		"versioned/v1/install.md": file("# Install\n\n" + shared + "\n"),
		"docs/short-a.md":         file("# A\n\nSee below.\n"),
		"docs/short-b.md":         file("# B\n\nSee below.\n"),
	}
	c, err := Load(context.Background(), fsys, Config{})
	if err != nil {
		t.Fatal(err)
	}
	count := 0
	for _, d := range c.Docs {
		for _, p := range d.Passages {
			if strings.Contains(p.Text, "package manager") {
				count++
				if d.ID != "docs/install" || !slices.Equal(p.AlsoIn, []string{"versioned/v1/install", "versioned/v2/install"}) {
					t.Errorf("shared passage in %s with AlsoIn %q, want docs/install with the versions", d.ID, p.AlsoIn)
				}
			}
		}
		for i, p := range d.Passages {
			if p.Index != i {
				t.Errorf("%s: passage %d has Index %d", d.ID, i, p.Index)
			}
		}
	}
	if count != 1 {
		t.Errorf("the shared passage is indexed %d times, want once", count)
	}
	if _, ok := c.Doc("versioned/v2/install"); !ok {
		t.Error("versioned/v2/install was dropped; it has a passage of its own")
	}
	sk := c.Skipped()
	if len(sk) != 1 || sk[0].Path != "versioned/v1/install.md" || sk[0].Kind != SkipDuplicate || !strings.Contains(sk[0].Reason, "docs/install.md") {
		t.Errorf("got skipped %+v, want versioned/v1/install.md as a duplicate of docs/install.md", sk)
	}
	for _, id := range []string{"docs/short-a", "docs/short-b"} {
		if d, ok := c.Doc(id); !ok || len(d.Passages) != 1 {
			t.Errorf("%s: short passages are not deduplicated, want it kept", id)
		}
	}
}

func TestBoilerplateAcrossDocuments(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := range 12 {
		page := fmt.Sprintf(`<html><body><div class="wrap"><h1>Page %d</h1>
<p>This page explains topic number %d of the manual in a few plain sentences, different on every page.</p>
<pre>code shared by every page</pre>
<h2>Shared heading</h2>
<p>Topic %d has details of its own as well.</p>
<div class="bottom"><p>Was this page helpful? Let us know in the forum.</p></div></div></body></html>`, i, i, i)
		fsys[fmt.Sprintf("p%02d.html", i)] = file(page)
	}
	c, err := Load(context.Background(), fsys, Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range c.Docs {
		for _, p := range d.Passages {
			if strings.Contains(p.Text, "Was this page helpful") {
				t.Errorf("%s: boilerplate kept: %q", d.ID, p.Text)
			}
		}
		if !strings.Contains(d.Text, "code shared by every page") {
			t.Errorf("%s: code dropped", d.ID)
		}
		p := passageWith(t, &d, "has details of its own")
		if !slices.Equal(p.Headings, []string{"Shared heading"}) {
			t.Errorf("%s: got headings %q", d.ID, p.Headings)
		}
	}
}

func TestTranslations(t *testing.T) {
	en := "# Charts\n\nCharts are packages of Kubernetes resources that the tool installs together, with values that configure them.\n"
	fr := "# Charts\n\nLes charts sont des paquets de ressources Kubernetes que l'outil installe ensemble, avec des valeurs qui les configurent.\n"
	zh := "# 图表\n\n图表是一组 Kubernetes 资源的软件包，工具会把它们一起安装，并用配置值来设置它们。\n"
	fsys := fstest.MapFS{
		"docs/topics/charts.md": file(en),
		"i18n/fr/docusaurus-plugin-content-docs/current/topics/charts.md": file(fr),
		"i18n/zh/docusaurus-plugin-content-docs/current/topics/charts.md": file(zh),
		"content/en/guide.md": file(strings.Replace(en, "Charts are", "Guides are", 1)),
		"content/fr/guide.md": file(strings.Replace(fr, "Les charts", "Les guides", 1)),
		// A German page whose text stayed English: its folder names it.
		"content/de/guide.md": file(strings.Replace(en, "Charts are", "Guides (German page, untranslated) are", 1)),
		"notes/charts.md":     file(strings.Replace(en, "packages", "bundles", 1)),
		"other/topics/x.md":   file("# X\n\nUnrelated page in English about nothing in particular at all today.\n"),
	}
	c, err := Load(context.Background(), fsys, Config{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"docs/topics/charts": {"i18n/fr/docusaurus-plugin-content-docs/current/topics/charts", "i18n/zh/docusaurus-plugin-content-docs/current/topics/charts"},
		"i18n/fr/docusaurus-plugin-content-docs/current/topics/charts": {"docs/topics/charts", "i18n/zh/docusaurus-plugin-content-docs/current/topics/charts"},
		"content/en/guide": {"content/de/guide", "content/fr/guide"},
		"content/fr/guide": {"content/de/guide", "content/en/guide"},
		"content/de/guide": {"content/en/guide", "content/fr/guide"},
		"notes/charts":     nil,
		"other/topics/x":   nil,
	}
	for id, w := range want {
		d, ok := c.Doc(id)
		if !ok {
			t.Fatalf("no document %s", id)
		}
		if !slices.Equal(d.Translations, w) {
			t.Errorf("%s (%s): got translations %q, want %q", id, d.Lang, d.Translations, w)
		}
	}
}

// A translated page's language is its folder's, whatever its text reads
// as; a page without translations keeps the detected one.
func TestPageLang(t *testing.T) {
	docs := []Document{
		{ID: "docs/guide/x", Path: "docs/guide/x.md", Lang: "en"},
		{ID: "i18n/fr/guide/x", Path: "i18n/fr/guide/x.md", Lang: "en"}, // its option tables stayed English
		{ID: "notes/y", Path: "notes/y.md", Lang: "de"},
	}
	linkTranslations(docs)
	for i, want := range []string{"en", "fr", "de"} {
		if got := docs[i].PageLang(); got != want {
			t.Errorf("%s: PageLang %q, want %q (translations %q)", docs[i].Path, got, want, docs[i].Translations)
		}
	}
}

// TestDedupeHashCollisions runs dedupePassages keyed by hashes that collide
// (all texts one hash; texts of one length one hash) on documents that
// repeat each other's passages wholly, partly and within themselves: it
// must give what the real hash gives, which compares no text it need not.
func TestDedupeHashCollisions(t *testing.T) {
	c, err := Load(context.Background(), textTree(t, 40), Config{})
	if err != nil {
		t.Fatal(err)
	}
	base := c.Docs
	var docs []Document
	for i, d := range base {
		docs = append(docs, d)
		switch i % 4 {
		case 0: // a copy of the document before, wholly
			if i > 0 {
				docs = append(docs, Document{ID: d.ID + "-copy", Passages: base[i-1].Passages})
			}
		case 1: // two of its own passages again, one of them twice, and a short one
			ps := append([]Passage{}, d.Passages[:2]...)
			ps = append(ps, d.Passages[0], Passage{Text: "a short line"}, Passage{Text: "a short line"})
			docs = append(docs, Document{ID: d.ID + "-part", Passages: ps})
		}
	}
	run := func(hash func(string) uint64) ([]Document, map[int]int) {
		ds := make([]Document, len(docs))
		for i, d := range docs {
			ds[i] = d
			ds[i].Passages = make([]Passage, len(d.Passages))
			for j, p := range d.Passages {
				p.AlsoIn = slices.Clone(p.AlsoIn)
				ds[i].Passages[j] = p
			}
		}
		return ds, dedupeBy(ds, hash)
	}
	seed := maphash.MakeSeed()
	want, wantRepeats := run(func(s string) uint64 { return maphash.String(seed, s) })
	if len(wantRepeats) == 0 {
		t.Fatal("no document repeats another: the test reads nothing")
	}
	for name, hash := range map[string]func(string) uint64{
		"one hash":       func(string) uint64 { return 7 },
		"hash by length": func(s string) uint64 { return uint64(len(s)) },
	} {
		got, repeats := run(hash)
		if !reflect.DeepEqual(repeats, wantRepeats) {
			t.Errorf("%s: repeats %v, want %v", name, repeats, wantRepeats)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the documents differ from those of the real hash", name)
		}
	}
}

// TestRepeatsOf holds repeatsOf to its definition (the first earlier text
// that is the same), with hashes that never, sometimes and always collide,
// texts repeated up to many times, and more different texts of one hash
// than are compared one by one.
func TestRepeatsOf(t *testing.T) {
	seed := maphash.MakeSeed()
	for _, n := range []int{0, 1, 2, 50, 3000} {
		texts := make([]string, n)
		for i := range texts {
			texts[i] = fmt.Sprint((i * 7919) % (n/3 + 1)) // each about three times
		}
		want := make([]int32, n)
		for i := range texts {
			want[i] = int32(slices.Index(texts[:i], texts[i]))
		}
		for name, hash := range map[string]func(string) uint64{
			"real":      func(s string) uint64 { return maphash.String(seed, s) },
			"one hash":  func(string) uint64 { return 7 },
			"by length": func(s string) uint64 { return uint64(len(s)) },
			"top byte":  func(s string) uint64 { return uint64(len(s)) << 56 },
		} {
			sums := make([]uint64, n)
			for i, s := range texts {
				sums[i] = hash(s)
			}
			got := repeatsOf(sums, func(g int32) string { return texts[g] })
			if n == 0 {
				want = nil
			}
			if !slices.Equal(got, want) {
				t.Errorf("%d texts, %s: got %v, want %v", n, name, got[:min(len(got), 20)], want[:min(len(want), 20)])
			}
		}
	}
}
