package answer

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"corpusbot/corpus"
	"corpusbot/i18n"
	"corpusbot/internal/openaitest"
	"corpusbot/verify"
)

func TestSummarizeDocument(t *testing.T) {
	const doc = "alipay-ordered-to-spin-off-micro-loans.en"
	t.Run("extractive", func(t *testing.T) {
		p := newPipeline(t, embeddedCorpus(t), nil)
		res, err := p.Summarize(context.Background(), SummaryRequest{DocID: doc})
		if err != nil {
			t.Fatalf("Summarize: %v", err)
		}
		if res.Kind != KindSummary || !res.Extractive || len(res.Sources) == 0 {
			t.Fatalf("got kind %q extractive=%v %d sources, want an extractive summary with sources", res.Kind, res.Extractive, len(res.Sources))
		}
		checkEveryLineCited(t, res)
		for _, s := range res.Sources {
			if s.DocID != doc {
				t.Errorf("source [%d] is %s, want only %s", s.N, s.DocID, doc)
			}
		}
		if !strings.Contains(res.Text, "Chinese regulators have ordered sweeping changes") {
			t.Errorf("got %q, want the lead sentence first", res.Text)
		}
	})
	t.Run("model gets the body in order", func(t *testing.T) {
		srv, cl := fakeLLM(t, 5*time.Second, 0)
		srv.SetResponder(citingResponder(rewriteNone))
		p := newPipeline(t, embeddedCorpus(t), cl)
		res, err := p.Summarize(context.Background(), SummaryRequest{DocID: doc})
		if err != nil {
			t.Fatalf("Summarize: %v", err)
		}
		if srv.Calls() != 1 || res.Extractive || len(res.Sources) != 1 {
			t.Fatalf("got %d calls extractive=%v %d sources, want one call and a cited summary", srv.Calls(), res.Extractive, len(res.Sources))
		}
		prompt := userMessage(srv.Requests()[0])
		ps := promptPassages(prompt)
		d := p.Documents()[indexOf(p, doc)]
		var body []int
		for _, x := range d.Passages {
			if x.Kind == "body" {
				body = append(body, x.Index)
			}
		}
		if len(ps) != len(body) {
			t.Fatalf("got %d passages in the prompt, want the %d body passages", len(ps), len(body))
		}
		for i, x := range ps {
			if x.doc != doc || !strings.HasPrefix(d.Passages[body[i]].Text, x.text[:min(30, len(x.text))]) {
				t.Errorf("prompt passage %d is not body passage %d of %s", i+1, body[i], doc)
			}
		}
		if strings.Contains(prompt, "Jensen Huang") {
			t.Errorf("prompt holds the appended teasers, want body text only")
		}
		if !strings.Contains(srv.Requests()[0].Messages[0].Content, "Write in English") {
			t.Errorf("system prompt does not fix the language")
		}
	})
	t.Run("unknown document", func(t *testing.T) {
		p := newPipeline(t, embeddedCorpus(t), nil)
		_, err := p.Summarize(context.Background(), SummaryRequest{DocID: "no-such-doc"})
		if !errors.Is(err, ErrUnknownDocument) {
			t.Errorf("got %v, want ErrUnknownDocument", err)
		}
	})
	t.Run("document and topic", func(t *testing.T) {
		p := newPipeline(t, embeddedCorpus(t), nil)
		if _, err := p.Summarize(context.Background(), SummaryRequest{DocID: doc, Topic: "Alipay"}); err == nil {
			t.Errorf("got no error, want one for two subjects")
		}
		if _, err := p.Summarize(context.Background(), SummaryRequest{}); err == nil {
			t.Errorf("got no error, want one for no subject")
		}
	})
}

func TestSummarizeTopic(t *testing.T) {
	p := newPipeline(t, embeddedCorpus(t), nil)
	res, err := p.Summarize(context.Background(), SummaryRequest{Topic: "microgold packets"})
	if err != nil {
		t.Fatalf("Summarize: %v", err)
	}
	if res.Abstained || !strings.Contains(res.Text, "microgold") {
		t.Errorf("got abstained=%v %q, want sentences on microgold", res.Abstained, res.Text)
	}
	checkEveryLineCited(t, res)

	res, err = p.Summarize(context.Background(), SummaryRequest{Topic: "Brazilian football"})
	if err != nil {
		t.Fatalf("Summarize: %v", err)
	}
	if !res.Abstained {
		t.Errorf("got %q, want an abstention", res.Text)
	}
}

func TestBrief(t *testing.T) {
	t.Run("extractive covers every document once", func(t *testing.T) {
		p := newPipeline(t, embeddedCorpus(t), nil)
		res, err := p.Brief(context.Background(), BriefingRequest{})
		if err != nil {
			t.Fatalf("Brief: %v", err)
		}
		docs := map[string]int{}
		for _, s := range res.Sources {
			docs[s.DocID]++
		}
		if len(docs) != len(p.Documents()) || len(res.Points) != len(p.Documents()) {
			t.Errorf("got %d points from %d documents, want one per document (%d)", len(res.Points), len(docs), len(p.Documents()))
		}
		checkEveryLineCited(t, res)
		for _, pt := range res.Points {
			if len(pt.Key) != 16 || len(pt.Sources) == 0 || !strings.Contains(pt.Sources[0], "#") {
				t.Errorf("point %+v: want a 16-digit key and passage refs", pt)
			}
		}
	})
	t.Run("exclude until nothing is new", func(t *testing.T) {
		p := newPipeline(t, embeddedCorpus(t), nil)
		exclude := map[string]bool{}
		total := 0
		for _, d := range p.Documents() {
			total += len(d.Passages)
		}
		for round := 0; ; round++ {
			if round > total {
				t.Fatalf("still briefing after %d rounds over %d passages", round, total)
			}
			res, err := p.Brief(context.Background(), BriefingRequest{Exclude: exclude})
			if errors.Is(err, ErrNothingNew) {
				if round < 2 {
					t.Errorf("nothing new after %d rounds, want several", round)
				}
				return
			}
			if err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
			for _, pt := range res.Points {
				for _, ref := range pt.Sources {
					if exclude[ref] {
						t.Fatalf("round %d repeats excluded passage %s", round, ref)
					}
				}
			}
			if len(res.Covered) == 0 {
				t.Fatalf("round %d covered nothing", round)
			}
			for _, ref := range res.Covered {
				exclude[ref] = true
			}
		}
	})
	t.Run("everything excluded", func(t *testing.T) {
		p := newPipeline(t, embeddedCorpus(t), nil)
		all := map[string]bool{}
		for _, d := range p.Documents() {
			for _, ps := range d.Passages {
				all[Ref(d.ID, ps.Index)] = true
			}
		}
		if _, err := p.Brief(context.Background(), BriefingRequest{Exclude: all}); !errors.Is(err, ErrNothingNew) {
			t.Errorf("got %v, want ErrNothingNew", err)
		}
		if _, err := p.Brief(context.Background(), BriefingRequest{Topic: "Alipay", Exclude: all}); !errors.Is(err, ErrNothingNew) {
			t.Errorf("topic: got %v, want ErrNothingNew", err)
		}
	})
	t.Run("model points", func(t *testing.T) {
		srv, cl := fakeLLM(t, 5*time.Second, 0)
		srv.SetResponder(func(r openaitest.Request) openaitest.Reply {
			if isRewrite(r) {
				return openaitest.Reply{Text: rewriteNone}
			}
			ps := promptPassages(userMessage(r))
			q1, q2 := " «"+firstWords(ps[0].text, 5)+"»", " «"+firstWords(ps[1].text, 5)+"»"
			return openaitest.Reply{Text: "**Regulation**\n- Alipay was told to spin off its micro-loan business [2]" + q2 + ".\n" +
				"- A point without a source.\n\n**Users**\n- Sources disagree on Alipay's users [1]" + q1 + " [2]" + q2 + ".\n- Made up [42]."}
		})
		p := newPipeline(t, embeddedCorpus(t), cl)
		var streamed strings.Builder
		res, err := p.Brief(context.Background(), BriefingRequest{Topic: "Alipay users", OnDelta: func(s string) { streamed.WriteString(s) }})
		if err != nil {
			t.Fatalf("Brief: %v", err)
		}
		want := "**Regulation**\n- Alipay was told to spin off its micro-loan business [1].\n\n**Users**\n- Sources disagree on Alipay's users [2][1]."
		if res.Text != want {
			t.Errorf("text: got %q, want %q; claims %+v", res.Text, want, res.Claims)
		}
		if streamed.String() != want {
			t.Errorf("streamed %q, want %q", streamed.String(), want)
		}
		if len(res.Points) != 2 {
			t.Fatalf("got %d points, want 2", len(res.Points))
		}
		if got := res.Points[1].Sources; len(got) < 2 {
			t.Errorf("second point cites %v, want the refs of two passages", got)
		}
		if res.Points[0].Key == res.Points[1].Key {
			t.Errorf("two points share key %s", res.Points[0].Key)
		}
	})
}

func TestPointKey(t *testing.T) {
	a := pointKey("Alipay was told to spin off its micro-loan business [1].")
	tests := []struct {
		text string
		same bool
	}{
		{"Alipay was told to spin off its micro-loan business [3].", true},
		{"  alipay WAS told to spin off its micro-loan business [2][1]", true},
		{"Alipay was told to keep its micro-loan business [1].", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := pointKey(tt.text) == a; got != tt.same {
				t.Errorf("same key: got %v, want %v", got, tt.same)
			}
		})
	}
}

// checkEveryLineCited checks that every non-empty line of an extractive
// text ends with a citation that has a source.
func checkEveryLineCited(t *testing.T, res *Result) {
	t.Helper()
	for _, line := range strings.Split(res.Text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		c := verify.ParseCitations(line, len(res.Sources))
		if len(c.Used) == 0 || !strings.HasSuffix(strings.TrimSpace(line), "]") {
			t.Errorf("line %q does not end with a valid citation", line)
		}
	}
}

func indexOf(p *Pipeline, id string) int {
	for i, d := range p.Documents() {
		if d.ID == id {
			return i
		}
	}
	return -1
}

// A fallback briefing is written without the model even when one is
// configured, and says so.
func TestBriefFallback(t *testing.T) {
	srv, cl := fakeLLM(t, 5*time.Second, 0)
	p := newPipeline(t, embeddedCorpus(t), cl)
	res, err := p.Brief(context.Background(), BriefingRequest{Fallback: true})
	if err != nil {
		t.Fatalf("Brief: %v", err)
	}
	if srv.Calls() != 0 || !res.Extractive || !res.Fallback || len(res.Points) == 0 {
		t.Errorf("got %d model calls, extractive=%v fallback=%v %d points; want an extractive fallback briefing", srv.Calls(), res.Extractive, res.Fallback, len(res.Points))
	}
	if notes := strings.Join(res.Notes(), " "); !strings.Contains(notes, "lead sentences") {
		t.Errorf("notes %q do not say it is a fallback", notes)
	}
}

// A topic one page covers is summarised in several of its sentences, in
// the page's order, not in the two one document may give when several
// share the summary; a briefing on it has more than one point.
func TestTopicOfOnePage(t *testing.T) {
	page := "# Tide pools\n\nTide pools are rocky hollows the sea fills at high tide.\n\n" +
		"## Life in tide pools\n\nTide pools shelter anemones, crabs and small fish between tides.\n\n" +
		"Animals of tide pools endure heat and salt when the sea is out.\n\n" +
		"## Visiting tide pools\n\nVisitors of tide pools should step on bare rock only, for tide pools break easily.\n\n" +
		"Turned stones in tide pools must be put back as they were: tide pools need them, and tide pools heal slowly.\n"
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"pools.md":  {Data: []byte(page)},
		"forest.md": {Data: []byte("# Forests\n\nForests cover a third of the land.\n\nTheir soil holds most of the carbon they store.\n")},
		"cities.md": {Data: []byte("# Cities\n\nCities grow along rivers and coasts.\n\nTheir parks cool the streets in summer.\n")},
	}), nil)
	res, err := p.Summarize(context.Background(), SummaryRequest{Topic: "tide pools"})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(res.Text, "\n")
	if len(lines) <= maxPerDoc {
		t.Fatalf("summary of a one-page topic has %d sentences, want more than %d:\n%s", len(lines), maxPerDoc, res.Text)
	}
	// The page's order: every sentence quoted comes after the one before.
	last := -1
	for _, l := range lines {
		s := strings.TrimSpace(l[:strings.LastIndex(l, "[")])
		i := strings.Index(page, s)
		if i < 0 || i < last {
			t.Errorf("sentence %q out of the page's order (at %d after %d):\n%s", s, i, last, res.Text)
		}
		last = i
	}
	checkEveryLineCited(t, res)

	b, err := p.Brief(context.Background(), BriefingRequest{Topic: "tide pools"})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Points) < 2 {
		t.Errorf("briefing on a one-page topic has %d points, want several:\n%s", len(b.Points), b.Text)
	}
}

func TestReadingOrder(t *testing.T) {
	// Blocks in the order retrieval ranked them: doc 0's later passage
	// first.
	blocks := []*block{{doc: 0, first: 7}, {doc: 1, first: 0}, {doc: 0, first: 2}}
	tests := []struct {
		name  string
		picks []pick // best first
		want  []string
	}{
		{"one document, its order",
			[]pick{{block: 0, doc: 0, text: "late", order: 0}, {block: 2, doc: 0, text: "early", order: 5}, {block: 2, doc: 0, text: "earliest", order: 4}},
			[]string{"earliest", "early", "late"}},
		{"documents keep the order of their best sentence",
			[]pick{{block: 1, doc: 1, text: "b", order: 3}, {block: 0, doc: 0, text: "a2", order: 0}, {block: 2, doc: 0, text: "a1", order: 5}},
			[]string{"b", "a1", "a2"}},
		{"none", nil, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range readingOrder(tt.picks, blocks) {
			got = append(got, p.text)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// A document summary without a model: a page of short sentences (a
// command's page) is summarised by them, a link line is no sentence, and a
// page of nothing to quote (a table of contents) says so in the reader's
// language instead of "not covered" with itself as the nearest document.
func TestSummarizeShortPages(t *testing.T) {
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"frob.md": {Data: []byte("# frob\n\n> Frobnicates widgets in place.\n> More information: <https://frob.example.org/docs/manual/frob.html>.\n\n" +
			"- Frobnicate every widget of a folder:\n\n`frob --all {{path/to/folder}}`\n\n- Print the version:\n\n`frob --version`\n")},
		// Not a bare list of links, which the loader counts as a
		// site's navigation and never loads: a page that says one
		// word of its own.
		"toc.md": {Data: []byte("# The Widget Book\n\nContents:\n\n- [Getting started](start.md)\n- [What is a widget?](widget.md)\n  - [Frobnicating widgets](frob.md)\n- [Appendix: all the options of frob](options.md)\n")},
		"long.md": {Data: []byte("# Widgets\n\nWidgets are small parts that the frob tool shapes in place.\n\n" +
			"More information about widgets: https://widgets.example.org/a/b/c/d/e.html.\n")},
		"man.md": {Data: []byte("# git-commit\n\nIt records changes:\n\n1. Stage the files you changed with git-add(1) before you commit.\n2. Remove the files you deleted with git-rm(1) before you commit them.\n")},
		"ops.md": {Data: []byte("# Operators\n\n## Arithmetic\n\nOperator | Example | Meaning\n--- | --- | ---\n" +
			"`-` | `a - b` | Subtracts the second value from the first one. Overflow panics in debug builds.\n" +
			"`-=` | `a -= b` | Subtracts and assigns the result to the left operand of the pair.\n\n" +
			"## Notes\n\nThe operators of this table can be overloaded with the traits of the standard library.\n")},
	}), nil)
	tests := []struct {
		doc, lang, want string
		notWant         []string
		abstained       bool
	}{
		{"frob", "", "Frobnicates widgets in place.", []string{"https://", "More information"}, false},
		{"long", "", "Widgets are small parts that the frob tool shapes in place.", []string{"https://"}, false},
		{"man", "", "Stage the files you changed with git-add(1) before you commit.", []string{"1. Stage", "[2]"}, false},
		{"ops", "", "The operators of this table can be overloaded with the traits of the standard library.", []string{"Subtracts", "|"}, false},
		{"toc", "de", i18n.Text("de", i18n.NoSentences), []string{"What is a widget?", i18n.Text("de", i18n.NotCovered)}, true},
		{"toc", "ko", i18n.Text("ko", i18n.NoSentences), nil, true},
	}
	for _, tt := range tests {
		res, err := p.Summarize(context.Background(), SummaryRequest{DocID: tt.doc, Lang: tt.lang})
		if err != nil {
			t.Fatalf("%s: %v", tt.doc, err)
		}
		if !strings.Contains(res.Text, tt.want) || res.Abstained != tt.abstained {
			t.Errorf("%s (%s): got %q (abstained %v), want %q (abstained %v)", tt.doc, tt.lang, res.Text, res.Abstained, tt.want, tt.abstained)
		}
		for _, w := range tt.notWant {
			if strings.Contains(res.Text, w) {
				t.Errorf("%s: summary %q holds %q", tt.doc, res.Text, w)
			}
		}
		if tt.abstained && len(res.Nearest) > 0 {
			t.Errorf("%s: nearest %v, want none: the document is the one asked for", tt.doc, res.Nearest)
		}
	}
}

func TestBySection(t *testing.T) {
	tests := []struct {
		name string
		ids  []string
		want []int
	}{
		{"files of one folder keep their order", []string{"a", "b", "c"}, []int{0, 1, 2}},
		{"top folders take turns",
			[]string{"src/about/coc", "src/about/faq", "src/api/app", "src/api/ssr", "src/guide/intro", "src/guide/x/deep"},
			[]int{0, 2, 4, 1, 3, 5}},
		{"below the folder all share",
			[]string{"pages.ko/android/am", "pages.ko/android/pm", "pages.ko/common/git", "pages.ko/linux/apt"},
			[]int{0, 2, 3, 1}},
		{"a shared name prefix is no folder",
			[]string{"guide-a/x", "guide-b/y", "guide-a/z"},
			[]int{0, 1, 2}},
		{"files beside folders", []string{"index", "docs/a", "docs/b", "readme"}, []int{0, 1, 3, 2}},
		// pingcap/docs-cn keeps some 300 pages at its root beside 40
		// folders: each page a section of its own, a briefing heard the
		// first six pages by name (CONTRIBUTING, README, _docHome,
		// accelerated-…, agg-…, auto-…) and no folder.
		{"the files at the top are one section",
			[]string{"a", "b", "c", "d", "guide/x", "guide/y", "ops/z"},
			[]int{0, 4, 6, 1, 5, 2, 3}},
		// Business Central's Spanish docs: README.md beside
		// business-central/, which holds 800 pages and six folders.
		{"one folder beside the files is sectioned inside",
			[]string{"README", "bc/a", "bc/b", "bc/es/x", "bc/es/y", "bc/inc/z"},
			[]int{0, 3, 5, 1, 4, 2}},
		{"one", []string{"only"}, []int{0}},
		{"none", nil, []int{}},
	}
	for _, tt := range tests {
		if got := bySection(tt.ids); !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

// A whole-tree briefing without a model hears from every top folder, not
// from the first folders of the tree's order until its budget is spent.
func TestBriefEverySection(t *testing.T) {
	fsys := fstest.MapFS{}
	// Pages long enough that the budget holds a few, each its own words
	// (near-duplicates are sent once).
	words := strings.Fields("alder birch cedar daisy elm fern gorse hazel iris juniper kelp larch maple nettle oak poppy quince rowan sorrel thistle")
	for si, sec := range []string{"about", "api", "guide", "tutorial"} {
		for i := range 12 {
			var b strings.Builder
			for k := range 60 {
				fmt.Fprintf(&b, "The %s grows beside the %s. ", words[(si*12+i+k)%len(words)], words[(si*7+i*3+k*k)%len(words)])
			}
			fsys[fmt.Sprintf("docs/%s/page%02d.md", sec, i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
				"# %s page %d\n\nThe %s section explains part %d of the widget toolkit in several plain sentences. %s\n",
				sec, i, sec, i, b.String()))}
		}
	}
	p, err := New(Config{Logger: testLogger(t), ContextTokens: 2000}, loadFS(t, fsys), nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Brief(context.Background(), BriefingRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Points) >= 48 {
		t.Fatalf("the budget held all %d documents; the test wants it to hold a few", len(res.Points))
	}
	for _, sec := range []string{"about", "api", "guide", "tutorial"} {
		if !strings.Contains(res.Text, "The "+sec+" section") {
			t.Errorf("no point from %s/:\n%s", sec, res.Text)
		}
	}
}

// madeWord is a word of letters of its own for each n (digits, which
// the near-duplicate check may fold, would not tell paragraphs apart).
func madeWord(n int) string {
	x := uint32(n)*2654435761 + 12345
	w := make([]byte, 6)
	for i := range w {
		w[i] = byte('a' + x%26)
		x = x/26 ^ x<<7
	}
	return string(w)
}

// longReference is a Markdown reference of sections sections under one
// "Reference" heading, each of paras paragraphs of its own words: over a
// prompt's budget, like a system-variables page.
func longReference(sections, paras int) string {
	var b strings.Builder
	b.WriteString("# Settings\n\nThis page lists every setting of the server and what each one changes in its behaviour.\n\n## Reference\n\n")
	for s := range sections {
		fmt.Fprintf(&b, "### setting_%d\n\n", s)
		for p := range paras {
			fmt.Fprintf(&b, "Setting number %d controls one part of the server in detail. It reads", s)
			for w := range 15 {
				b.WriteString(" " + madeWord(s*1000+p*100+w))
			}
			b.WriteString(". Its value is read when the server starts.\n\n")
		}
	}
	return b.String()
}

// A summary of a document over the budget draws on every section's lead
// passage, in the document's order, and says that it drew on part of the
// document; the extractive one quotes sections spread over the document,
// not its first five. (Before: the first passages the budget held, every
// one from the opening sections.)
func TestSummarizeLongDocumentCoversSections(t *testing.T) {
	const sections, paras = 6, 8
	c := loadFS(t, fstest.MapFS{"settings.md": {Data: []byte(longReference(sections, paras))}})
	d := &c.Docs[0]
	sectionOf := func(i int) string {
		h := d.Passages[i].Headings
		if len(h) < 2 {
			return ""
		}
		return h[1]
	}
	t.Run("model", func(t *testing.T) {
		srv, cl := fakeLLM(t, 5*time.Second, 0)
		srv.SetResponder(citingResponder(rewriteNone))
		p := newPipeline(t, c, cl)
		res, err := p.Summarize(context.Background(), SummaryRequest{DocID: d.ID, Lang: "en"})
		if err != nil {
			t.Fatalf("Summarize: %v", err)
		}
		ps := promptPassages(userMessage(srv.Requests()[0]))
		if len(ps) >= sections*paras {
			t.Fatalf("prompt holds %d passages, want a document over the budget", len(ps))
		}
		seen := map[string]bool{}
		last := -1
		for _, x := range ps {
			i := slices.IndexFunc(d.Passages, func(q corpus.Passage) bool { return strings.HasPrefix(q.Text, x.text[:min(150, len(x.text))]) })
			if i < 0 {
				t.Fatalf("prompt passage [%s] is no passage of the document", x.n)
			}
			if i <= last {
				t.Errorf("prompt passage [%s] is passage %d, after %d: want the document's order", x.n, i, last)
			}
			last = i
			seen[sectionOf(i)] = true
		}
		for s := range sections {
			if !seen[fmt.Sprintf("setting_%d", s)] {
				t.Errorf("prompt holds no passage of setting_%d; sections seen (the opening one of them): %d of %d", s, len(seen), sections+1)
			}
		}
		body := len(d.Passages) // all body text
		note := i18n.Text("en", i18n.SummarisedPart, i18n.Count("en", i18n.Passages, len(ps)), body)
		if res.SummarisedFrom != len(ps) || res.SummarisedOf != body || !slices.Contains(res.Notes(), note) {
			t.Errorf("got from %d of %d, notes %q; want %d of %d and %q", res.SummarisedFrom, res.SummarisedOf, res.Notes(), len(ps), body, note)
		}
	})
	t.Run("extractive", func(t *testing.T) {
		p := newPipeline(t, c, nil)
		res, err := p.Summarize(context.Background(), SummaryRequest{DocID: d.ID, Lang: "fr"})
		if err != nil {
			t.Fatalf("Summarize: %v", err)
		}
		checkEveryLineCited(t, res)
		var got []int
		for _, line := range strings.Split(res.Text, "\n") {
			s := -1 // the page's opening
			if i := strings.Index(line, "Setting number"); i >= 0 {
				if _, err := fmt.Sscanf(line[i:], "Setting number %d", &s); err != nil {
					t.Fatalf("line %q: %v", line, err)
				}
			}
			got = append(got, s)
		}
		// One sentence a section: the opening and every setting.
		if want := []int{-1, 0, 1, 2, 3, 4, 5}; !slices.Equal(got, want) {
			t.Errorf("quotes settings %v: want %v, every section once, in the document's order", got, want)
		}
		if len(slices.Compact(slices.Clone(got))) != len(got) {
			t.Errorf("quotes settings %v: want one sentence a section", got)
		}
		if !slices.ContainsFunc(res.Notes(), func(n string) bool { return strings.Contains(n, "répartis entre ses sections") }) {
			t.Errorf("notes %q: want the French note that the summary drew on part of the document", res.Notes())
		}
	})
}

// TestSummaryLengthFitsTheDocument: an extractive summary of a document
// quotes a sentence a section, not five whatever the document, as long
// as the reply fits one Discord message: a short page gets what it has,
// a page of 12 sections twelve sentences, a reference of 60 sections as
// many as one message holds, spread over it. (Before: five each.)
func TestSummaryLengthFitsTheDocument(t *testing.T) {
	for _, tc := range []struct {
		sections, paras int
		min, max        int // sentences
	}{
		{2, 1, 3, 3}, // the opening and two settings: all it has
		{12, 2, 13, 13},
		{60, 2, maxLeads + 3, maxDocLeads},
	} {
		t.Run(fmt.Sprint(tc.sections), func(t *testing.T) {
			c := loadFS(t, fstest.MapFS{"settings.md": {Data: []byte(longReference(tc.sections, tc.paras))}})
			res, err := newPipeline(t, c, nil).Summarize(context.Background(), SummaryRequest{DocID: c.Docs[0].ID, Lang: "en"})
			if err != nil {
				t.Fatalf("Summarize: %v", err)
			}
			checkEveryLineCited(t, res)
			lines := strings.Split(res.Text, "\n")
			var got []int
			for _, line := range lines {
				s := -1
				if i := strings.Index(line, "Setting number"); i >= 0 {
					fmt.Sscanf(line[i:], "Setting number %d", &s)
				}
				got = append(got, s)
			}
			if len(got) < tc.min || len(got) > tc.max {
				t.Errorf("%d sentences (settings %v), want %d to %d", len(got), got, tc.min, tc.max)
			}
			if !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) || got[len(got)-1] < tc.sections*3/4 {
				t.Errorf("quotes settings %v: want one a section, spread over the document, in its order", got)
			}
			// The reply as the bot lays it out: text, notes, sources.
			reply := append([]string{res.Text, ""}, res.Notes()...)
			reply = append(reply, res.ExtractiveNote(), "", "Sources")
			for _, s := range res.Sources {
				reply = append(reply, fmt.Sprintf("[%d] %s — %s (lines %d–%d)", s.N, strings.Join(append([]string{s.Title}, s.Headings...), " › "), s.Path, s.LineStart, s.LineEnd))
			}
			if n := utf8.RuneCountInString(strings.Join(reply, "\n")); n > 2000 {
				t.Errorf("the reply takes %d characters, over one Discord message (2000)", n)
			}
		})
	}
}

// BenchmarkSummarizeLongDocument summarises a reference of 240 passages
// over the budget, without a model and with a canned one.
func BenchmarkSummarizeLongDocument(b *testing.B) {
	c := loadFS(b, fstest.MapFS{"settings.md": {Data: []byte(longReference(60, 8))}})
	for _, bb := range []struct {
		name  string
		model Model
	}{{"extractive", nil}, {"model", cannedModel{reply: "It says so."}}} {
		b.Run(bb.name, func(b *testing.B) {
			p := newPipeline(b, c, bb.model)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := p.Summarize(context.Background(), SummaryRequest{DocID: c.Docs[0].ID, Lang: "en"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// The model is asked for as many sentences as the summary without a model
// gives: before, "up to six bullets" for any page, where the extractive
// summary of a reference of 12 sections gives one sentence a section.
func TestSummaryPromptAsksTheExtractiveLength(t *testing.T) {
	for _, sections := range []int{2, 12, 60} {
		c := loadFS(t, fstest.MapFS{"settings.md": {Data: []byte(longReference(sections, 2))}})
		res, err := newPipeline(t, c, nil).Summarize(context.Background(), SummaryRequest{DocID: c.Docs[0].ID, Lang: "en"})
		if err != nil {
			t.Fatalf("Summarize: %v", err)
		}
		extractive := len(strings.Split(res.Text, "\n"))
		srv, cl := fakeLLM(t, 5*time.Second, 0)
		srv.SetResponder(citingResponder(rewriteNone))
		if _, err := newPipeline(t, c, cl).Summarize(context.Background(), SummaryRequest{DocID: c.Docs[0].ID, Lang: "en"}); err != nil {
			t.Fatalf("Summarize with a model: %v", err)
		}
		var asked int
		prompt := userMessage(srv.Requests()[0])
		if i := strings.Index(prompt, "Write at most "); i < 0 {
			t.Fatalf("%d sections: the prompt asks %q", sections, prompt[max(0, len(prompt)-200):])
		} else {
			fmt.Sscanf(prompt[i+len("Write at most "):], "%d", &asked)
		}
		// The extractive summary may add the page's opening, stops at
		// one message's length (summaryReplyRunes: 13 of a long page's
		// 20), and has fewer sentences than maxLeads when a page has few.
		if asked < maxLeads || asked > maxDocLeads || asked < extractive-1 || sections == 12 && asked != extractive {
			t.Errorf("%d sections: the model is asked for at most %d sentences, the summary without one gives %d", sections, asked, extractive)
		}
	}
}
