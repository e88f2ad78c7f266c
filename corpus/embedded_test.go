package corpus

import (
	"context"
	"strings"
	"testing"

	"corpusbot/text"
)

func loadEmbedded(t *testing.T) *Corpus {
	t.Helper()
	c, err := Load(context.Background(), Embedded(), Config{})
	if err != nil {
		t.Fatalf("Load(Embedded()): %v", err)
	}
	return c
}

func TestEmbedded(t *testing.T) {
	c := loadEmbedded(t)
	if len(c.Warnings) != 0 {
		t.Errorf("got warnings %+v, want none", c.Warnings)
	}
	want := []struct{ id, lang, title string }{
		{"alibaba-tencent-bury-the-hatchet.fr", "fr", "La hache de guerre est enterré entre Alibaba et tencent."},
		{"alipay-gambit-quanzi.en", "en", "Alipay gambit"},
		{"alipay-ordered-to-spin-off-micro-loans.en", "en", "Chinese regulators have ordered sweeping changes to the country’s biggest payment app Alipay (支付寶), as the Chinese…"},
		{"china-targets-alipay.ar", "ar", "الصين تستهدف Alipay في محاولة لإبقاء 'النمو الجامح' لصناعة التكنولوجيا تحت السيطرة"},
		{"internet-plus-phenomenon.en", "en", "Internet-Plus Phenomenon"},
	}
	if len(c.Docs) != len(want) {
		t.Fatalf("got %d documents, want %d", len(c.Docs), len(want))
	}
	for i, w := range want {
		d := &c.Docs[i]
		t.Run(w.id, func(t *testing.T) {
			if d.ID != w.id || d.Lang != w.lang || d.Title != w.title {
				t.Errorf("got %q %q %q, want %q %q %q", d.ID, d.Lang, d.Title, w.id, w.lang, w.title)
			}
			if d.Path != w.id+".txt" {
				t.Errorf("got path %q, want %q", d.Path, w.id+".txt")
			}
			checkPassages(t, d)
			for _, p := range d.Passages {
				for _, s := range []string{"You are commenting using", "bloggers like this", "All rights reserved", "Newspapers from China", "صورة تمثيلية", "موصى به", "Leave a Reply", "Connecting to %s"} {
					if strings.Contains(p.Text, s) {
						t.Errorf("passage %d holds boilerplate %q", p.Index, s)
					}
				}
				if n := text.CountWords(p.Text); n > maxWords+minWords {
					t.Errorf("passage %d has %d words, want at most %d", p.Index, n, maxWords+minWords)
				}
			}
			if d.Words() == 0 {
				t.Error("got 0 words")
			}
		})
	}
}

func TestEmbeddedNoise(t *testing.T) {
	c := loadEmbedded(t)
	tests := []struct {
		doc   string
		fates map[string]string
	}{
		{"alipay-ordered-to-spin-off-micro-loans.en", map[string]string{
			"Zhao Zhiguo": "body", "Additional reporting by Bloomberg": "body", "US$37 billion": "body",
			"jewelers": "aside", "Takaichi": "aside", "Jensen Huang": "aside", "12.8 percent": "aside",
		}},
		{"internet-plus-phenomenon.en", map[string]string{
			"Internet+ initiative": "body", "microgold packets": "body", "A picture illustration": "body",
			"Leave a Reply": "dropped", "Fill in your details": "dropped", "Liberty Blitzkrieg\n": "dropped",
			"Voltaire": "dropped", "Hidden Forces": "dropped", "News & Views": "dropped", "%d bloggers": "dropped",
		}},
		{"alipay-gambit-quanzi.en", map[string]string{
			"Quanzi or Circle": "body", "450million number of real-name users": "body",
			"Newspapers in English": "dropped", "PressReader": "dropped",
		}},
		{"alibaba-tencent-bury-the-hatchet.fr", map[string]string{
			"Liu Xu": "body", "WeChat Pay": "body", "Lire aussi Fartech": "aside",
		}},
		{"china-targets-alipay.ar", map[string]string{
			"صورة تمثيلية. الصورة: ملف": "dropped", "ما هو افضل سن للزواج": "aside",
			"أكثر من مليار مستخدم": "body", "تشاو تشيجو": "body", "موصى به": "dropped",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.doc, func(t *testing.T) {
			d, ok := c.Doc(tt.doc)
			if !ok {
				t.Fatalf("no document %q", tt.doc)
			}
			for s, want := range tt.fates {
				if got := fate(t, d, s); got != want {
					t.Errorf("%q: got %s, want %s", s, got, want)
				}
			}
		})
	}
}

func TestEmbeddedTeasers(t *testing.T) {
	c := loadEmbedded(t)
	d, _ := c.Doc("alipay-ordered-to-spin-off-micro-loans.en")
	teasers := []string{"jewelers", "Takaichi", "Jensen Huang", "global server market"}
	seen := make(map[int]bool)
	for _, s := range teasers {
		i := passageOf(d, s)
		if i < 0 {
			t.Fatalf("%q: in no passage, want an Aside passage", s)
		}
		p := d.Passages[i]
		if p.Kind != Aside || seen[i] {
			t.Errorf("%q: got passage %d of kind %s (shared: %v), want an Aside of its own", s, i, p.Kind, seen[i])
		}
		seen[i] = true
		if p.LineStart != p.LineEnd {
			t.Errorf("%q: got lines %d–%d, want the teaser's one line", s, p.LineStart, p.LineEnd)
		}
	}
	for _, p := range d.Passages {
		if p.Kind != Body {
			continue
		}
		for _, s := range []string{"jewelers", "Takaichi", "Jensen"} {
			if strings.Contains(p.Text, s) {
				t.Errorf("Body passage %d holds teaser text %q", p.Index, s)
			}
		}
	}
}

func TestDoc(t *testing.T) {
	c := loadEmbedded(t)
	if d, ok := c.Doc("alipay-gambit-quanzi.en"); !ok || d.Title != "Alipay gambit" {
		t.Errorf("Doc(alipay-gambit-quanzi.en) = %v, %v; want the Quanzi article", d, ok)
	}
	if _, ok := c.Doc("alipay-gambit-quanzi"); ok {
		t.Error("Doc(alipay-gambit-quanzi) found a document; want none: IDs keep the language suffix")
	}
}

func TestWords(t *testing.T) {
	d := splitDoc("d", "Title\n\n"+words(30, "alpha")+"\n\nLeave a Reply\n\nYou are commenting using your account.")
	if got, want := d.Words(), 31; got != want {
		t.Errorf("got %d words, want %d: the title and paragraph, not the dropped comment form", got, want)
	}
}
