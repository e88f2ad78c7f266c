package corpus_test

import (
	"context"
	"fmt"
	"log"
	"testing/fstest"

	"corpusbot/corpus"
)

func ExampleLoad() {
	c, err := corpus.Load(context.Background(), corpus.Embedded(), corpus.Config{MaxTitleRunes: 40})
	if err != nil {
		log.Fatal(err)
	}
	for _, d := range c.Docs {
		fmt.Printf("%s [%s] %s\n", d.ID, d.Lang, d.Title)
	}
	d, _ := c.Doc("alipay-ordered-to-spin-off-micro-loans.en")
	p := d.Passages[len(d.Passages)-1]
	fmt.Printf("last passage: %s, lines %d–%d, %.39s…\n", p.Kind, p.LineStart, p.LineEnd, p.Text)
	// Output:
	// alibaba-tencent-bury-the-hatchet.fr [fr] La hache de guerre est enterré entre…
	// alipay-gambit-quanzi.en [en] Alipay gambit
	// alipay-ordered-to-spin-off-micro-loans.en [en] Chinese regulators have ordered…
	// china-targets-alipay.ar [ar] الصين تستهدف Alipay في محاولة لإبقاء…
	// internet-plus-phenomenon.en [en] Internet-Plus Phenomenon
	// last passage: aside, lines 23–23, The global server market is expected to…
}

// Loading a documentation folder: front matter gives the title and is
// never text, headings give each passage its path, lines are the file's,
// and files that are not documents are named.
func ExampleLoad_markdown() {
	docs := fstest.MapFS{
		"guide/hooks.md": {Data: []byte(`---
title: Chart Hooks
description: How hooks work.
---

Helm provides a hook mechanism.

## Hook deletion policies

:::note
If no policy is set, before-hook-creation
applies by default.
:::
`)},
		"guide/diagram.png": {Data: []byte{0x89, 'P', 'N', 'G'}},
	}
	c, err := corpus.Load(context.Background(), docs, corpus.Config{})
	if err != nil {
		log.Fatal(err)
	}
	d := &c.Docs[0]
	fmt.Printf("%s: %q (%s)\n", d.Path, d.Title, d.Description)
	for i := range d.Passages {
		p := &d.Passages[i]
		fmt.Printf("%s, lines %d–%d: %s\n", d.HeadingPath(p), p.LineStart, p.LineEnd, p.Text)
	}
	fmt.Println(c.Summary())
	// Output:
	// guide/hooks.md: "Chart Hooks" (How hooks work.)
	// Chart Hooks, lines 6–6: Helm provides a hook mechanism.
	// Chart Hooks › Hook deletion policies, lines 11–12: If no policy is set, before-hook-creation applies by default.
	// loaded 1 document; skipped 1: 1 image
}
