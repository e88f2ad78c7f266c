package corpus_test

import (
	"context"
	"fmt"
	"log"

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
