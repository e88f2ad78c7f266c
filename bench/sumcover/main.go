// Command sumcover measures how much of a long document /summary covers:
// for the longest pages of documentation trees, the share of a page's
// sections that its summary cites, extractive and with a scripted model
// that cites every passage of its prompt (so the figure counts what the
// prompt holds, the most a model could cite).
//
//	go run ./sumcover -n 10 /tmp/round11/tidb-cn /tmp/round11/apisix
//
// -half tune or -half test takes half of those pages: a page is in the
// tuning half when the FNV-1a hash of its tree's folder name and its ID
// is even, so that a length is chosen on one half and checked on the
// other.
//
// The extractive summary's length is reported as the reader sees it:
// its sentences, the runes of its text and of a sources block laid out
// as the bot lays it out ("[n] Title › Heading — path (lines a–b)", a
// line each), the share of replies that fit one Discord message (2,000
// characters), and the lines it takes on an 80-column terminal.
//
// The language check (verify.OtherLanguage, the note that a model wrote
// in another language than the reader's) is run on each extractive
// summary, the page's own sentences standing in for a model's summary in
// the page's language: flagged against its own language is a false note,
// not flagged against another a missed one.
//
// Two section counts are reported: "top", the page's top-level headings
// (the first heading under the title, text before it a section of its
// own), and "split", the shallowest heading level with two or more
// headings (a reference whose entries all sit under one heading is split
// by its entries), which is how answer divides a page.
package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"hash/fnv"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"golang.org/x/text/width"

	"corpusbot/answer"
	"corpusbot/corpus"
	"corpusbot/llm"
	"corpusbot/verify"
)

func main() {
	n := flag.Int("n", 10, "longest pages of each tree")
	half := flag.String("half", "", `"tune" or "test": that half of the pages only`)
	flag.Parse()
	if flag.NArg() == 0 || (*half != "" && *half != "tune" && *half != "test") {
		fmt.Fprintln(os.Stderr, "usage: sumcover [-n 10] [-half tune|test] tree...")
		os.Exit(2)
	}
	if err := run(context.Background(), *n, *half, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "sumcover:", err)
		os.Exit(1)
	}
}

// discordMessage is the most characters Discord shows in one message
// (bot.MaxMessageLen), and terminalColumns the terminal's default width.
const (
	discordMessage  = 2000
	terminalColumns = 80
)

// inHalf reports whether the page id of the tree dir is in half ("": all).
func inHalf(half, dir, id string) bool {
	if half == "" {
		return true
	}
	h := fnv.New32a()
	h.Write([]byte(filepath.Base(dir) + "/" + id))
	return (h.Sum32()%2 == 0) == (half == "tune")
}

func run(ctx context.Context, n int, half string, dirs []string) error {
	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "page\tpassages\ttop\tsplit\textractive top\textractive split\tmodel top\tmodel split\tmodel passages\tsentences\treply runes\tterminal lines")
	var sum [4]float64
	var sentences, fit, lines, maxReply, maxLines int
	var ownFlagged, otherMissed, known int
	pages := 0
	quiet := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	for _, dir := range dirs {
		c, err := corpus.Load(ctx, os.DirFS(dir), corpus.Config{})
		if err != nil {
			return fmt.Errorf("load %s: %w", dir, err)
		}
		ext, err := answer.New(answer.Config{Logger: quiet}, c, nil)
		if err != nil {
			return err
		}
		mod, err := answer.New(answer.Config{Logger: quiet}, c, citeAll{})
		if err != nil {
			return err
		}
		docs := make([]*corpus.Document, len(c.Docs))
		for i := range c.Docs {
			docs[i] = &c.Docs[i]
		}
		slices.SortFunc(docs, func(a, b *corpus.Document) int {
			return cmp.Or(cmp.Compare(len(b.Text), len(a.Text)), cmp.Compare(a.ID, b.ID))
		})
		for _, d := range docs[:min(n, len(docs))] {
			if !inHalf(half, dir, d.ID) {
				continue
			}
			top, split := sections(d, true), sections(d, false)
			e, err := ext.Summarize(ctx, answer.SummaryRequest{DocID: d.ID})
			if err != nil {
				return fmt.Errorf("%s: %w", d.ID, err)
			}
			m, err := mod.Summarize(ctx, answer.SummaryRequest{DocID: d.ID})
			if err != nil {
				return fmt.Errorf("%s: %w", d.ID, err)
			}
			shares := [4]float64{share(top, e.Covered), share(split, e.Covered), share(top, m.Covered), share(split, m.Covered)}
			for i := range sum {
				sum[i] += shares[i]
			}
			pages++
			if d.Lang != "" && d.Lang != "und" && !e.Abstained {
				// The extractive summary is the page's own sentences:
				// a stand-in for a model's summary in its language.
				known++
				if got := verify.OtherLanguage(e.Text, d.Lang); got != "" {
					ownFlagged++
					fmt.Fprintf(os.Stderr, "%s (%s): flagged as %s\n", d.ID, d.Lang, got)
				}
				if verify.OtherLanguage(e.Text, cmp.Or(map[string]string{"en": "fr"}[d.Lang], "en")) == "" {
					otherMissed++
				}
			}
			ns := strings.Count(e.Text, "\n") + 1
			reply, term := replySize(e)
			sentences += ns
			lines += term
			maxLines = max(maxLines, term)
			maxReply = max(maxReply, reply)
			if reply <= discordMessage {
				fit++
			}
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t%d\t%d\t%d\t%d\n", d.ID, body(d), count(top), count(split), shares[0], shares[1], shares[2], shares[3], len(m.Covered), ns, reply, term)
		}
	}
	if pages == 0 {
		return fmt.Errorf("no page in the %s half", half)
	}
	fp := float64(pages)
	fmt.Fprintf(tw, "mean of %d pages\t\t\t\t%.3f\t%.3f\t%.3f\t%.3f\t\t%.1f\t%d max, %d/%d fit one message\t%.1f (%d max)\n",
		pages, sum[0]/fp, sum[1]/fp, sum[2]/fp, sum[3]/fp, float64(sentences)/fp, maxReply, fit, pages, float64(lines)/fp, maxLines)
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Printf("language check of the extractive summaries (%d pages of a known language, not abstained): %d flagged against their own language, %d not flagged against another (fr for English pages, en for others)\n", known, ownFlagged, otherMissed)
	return nil
}

// replySize is how long the extractive summary r is as the bot shows it
// (its text, a blank line, its notes in English, "Sources" and a line a
// source, in runes) and
// how many lines it takes on a terminal of terminalColumns.
func replySize(r *answer.Result) (runes, lines int) {
	all := []string{r.Text, ""}
	all = append(all, r.Notes()...)
	if n := r.ExtractiveNote(); n != "" {
		all = append(all, n)
	}
	all = append(all, "", "Sources:")
	for _, s := range r.Sources {
		line := fmt.Sprintf("[%d] %s", s.N, strings.Join(append([]string{s.Title}, s.Headings...), " › "))
		line += " — " + cmp.Or(s.Path, s.DocID)
		if s.LineStart > 0 {
			line += fmt.Sprintf(" (lines %d–%d)", s.LineStart, s.LineEnd)
		}
		all = append(all, line)
	}
	whole := strings.Join(all, "\n")
	for _, l := range strings.Split(whole, "\n") {
		lines += max(1, (columns(l)+terminalColumns-1)/terminalColumns)
	}
	return utf8.RuneCountInString(whole), lines
}

// columns is the display width of s: East Asian wide and fullwidth
// characters take two columns.
func columns(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

func body(d *corpus.Document) int {
	n := 0
	for _, p := range d.Passages {
		if p.Kind == corpus.Body {
			n++
		}
	}
	return n
}

// sections numbers d's body passages by section (-1 for an aside): by
// the first heading under the title when top, else by the shallowest
// heading level with two or more headings. A run of passages under one
// heading is one section.
func sections(d *corpus.Document, top bool) []int {
	key := func(p *corpus.Passage, depth int) string {
		return strings.Join(p.Headings[:min(depth+1, len(p.Headings))], "\x00")
	}
	depth := 0
	for ; !top && depth < 4; depth++ {
		headed, deeper := map[string]bool{}, false
		for i := range d.Passages {
			p := &d.Passages[i]
			if p.Kind != corpus.Body || len(p.Headings) <= depth {
				continue
			}
			headed[key(p, depth)] = true
			deeper = deeper || len(p.Headings) > depth+1
		}
		if len(headed) >= 2 || !deeper {
			break
		}
	}
	sec := make([]int, len(d.Passages))
	n, last := 0, ""
	for i := range d.Passages {
		p := &d.Passages[i]
		if p.Kind != corpus.Body {
			sec[i] = -1
			continue
		}
		if k := key(p, depth); n == 0 || k != last {
			n++
			last = k
		}
		sec[i] = n - 1
	}
	return sec
}

func count(sec []int) int { return slices.Max(append(slices.Clone(sec), -1)) + 1 }

// share is the share of sec's sections that the refs (docID#index) cite.
func share(sec []int, refs []string) float64 {
	n := count(sec)
	if n == 0 {
		return 0
	}
	hit := map[int]bool{}
	for _, r := range refs {
		i, err := strconv.Atoi(r[strings.LastIndexByte(r, '#')+1:])
		if err == nil && i < len(sec) && sec[i] >= 0 {
			hit[sec[i]] = true
		}
	}
	return float64(len(hit)) / float64(n)
}

var passageRE = regexp.MustCompile(`(?s)<passage n="(\d+)"[^>]*>\n(.*?)\n</passage>`)

// citeAll is a scripted model that writes one sentence a passage of its
// prompt, citing it and quoting its first words.
type citeAll struct{}

func (citeAll) Complete(_ context.Context, req llm.Request) (llm.Response, error) {
	var b strings.Builder
	for _, m := range passageRE.FindAllStringSubmatch(req.Messages[len(req.Messages)-1].Content, -1) {
		words := strings.Fields(m[2])
		fmt.Fprintf(&b, "The passage says so [%s] «%s».\n", m[1], strings.Join(words[:min(6, len(words))], " "))
	}
	return llm.Response{Content: b.String(), FinishReason: "stop"}, nil
}

func (c citeAll) Stream(ctx context.Context, req llm.Request, onDelta func(string) error) (llm.Response, error) {
	r, err := c.Complete(ctx, req)
	if err == nil {
		err = onDelta(r.Content)
	}
	return r, err
}
