package bot

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

var splitTests = []struct {
	name  string
	text  string
	limit int
	want  []string
}{
	{"empty", "", 10, nil},
	{"only whitespace", " \n\t\n ", 10, nil},
	{"fits, trimmed", "  hello world \n", 20, []string{"hello world"}},
	{"exactly the limit", "abcde", 5, []string{"abcde"}},
	{"limit below one counts as one", "ab", 0, []string{"a", "b"}},
	{
		"paragraph before line",
		"First para line one.\nline two.\n\nSecond para.",
		40,
		[]string{"First para line one.\nline two.", "Second para."},
	},
	{
		"line before sentence",
		"Item one is here. Still one.\nItem two.",
		35,
		[]string{"Item one is here. Still one.", "Item two."},
	},
	{
		"sentence before space",
		"One two three. Four five six seven.",
		25,
		[]string{"One two three.", "Four five six seven."},
	},
	{
		"space when no sentence end fits",
		"alpha beta gamma delta epsilon",
		12,
		[]string{"alpha beta", "gamma delta", "epsilon"},
	},
	{
		"stub paragraph loses to a fuller line",
		"Hi.\n\nA longer line of text\nand the rest of it here",
		30,
		[]string{"Hi.\n\nA longer line of text", "and the rest of it here"},
	},
	{
		"paragraph end beats a fuller sentence end",
		"First paragraph, short.\n\nSecond one. It is long. Far too long to fit.",
		60,
		[]string{"First paragraph, short.", "Second one. It is long. Far too long to fit."},
	},
	{
		"hard cut at rune boundary",
		strings.Repeat("é", 7),
		3,
		[]string{"ééé", "ééé", "é"},
	},
	{
		"hard cut keeps combining mark",
		"abcde\u0301fgh",
		5,
		[]string{"abcd", "e\u0301fgh"},
	},
	{
		"citation stays with its sentence",
		"Alipay has over a billion users [1]. Others say 450 million [2, 3].",
		45,
		[]string{"Alipay has over a billion users [1].", "Others say 450 million [2, 3]."},
	},
	{
		"citation after the full stop stays too",
		"It grew fast. [1][2] Then it slowed.",
		25,
		[]string{"It grew fast. [1][2]", "Then it slowed."},
	},
	{
		"no cut between a claim and its marker",
		"aaaa bbbb cccc [12, 13] dd",
		22,
		[]string{"aaaa bbbb", "cccc [12, 13] dd"},
	},
	{
		"marker never cut inside",
		"x [1, 2, 3, 4] y",
		12,
		[]string{"x", "[1, 2, 3, 4]", "y"},
	},
	{
		"URL not cut when text runs into it",
		"見見見見https://example.com/a",
		22,
		[]string{"見見見見", "https://example.com/a"},
	},
	{
		"wrapped URL kept whole",
		"see <https://example.com/x> now",
		26,
		[]string{"see", "<https://example.com/x>", "now"},
	},
	{
		"inline code with spaces kept whole",
		"run `go test ./...` now",
		16,
		[]string{"run", "`go test ./...`", "now"},
	},
	{
		"markdown link kept whole",
		"read [the full report](https://x.io/r) today",
		36,
		[]string{"read", "[the full report](https://x.io/r)", "today"},
	},
	{
		"CJK sentences need no space",
		"支付寶很大。騰訊也很大。",
		8,
		[]string{"支付寶很大。", "騰訊也很大。"},
	},
	{
		"Arabic question mark",
		"ما هو علي باي؟ إنه تطبيق.",
		16,
		[]string{"ما هو علي باي؟", "إنه تطبيق."},
	},
	{
		"no sentence end inside numbers or before lowercase",
		"It is 3.5 e.g. large. Yes",
		22,
		[]string{"It is 3.5 e.g. large.", "Yes"},
	},
	{
		"heading stays with its section",
		"Intro text here.\n## Heading\nBody text.",
		30,
		[]string{"Intro text here.", "## Heading\nBody text."},
	},
	{
		"fence that fits moves whole",
		"Some intro text.\n```go\nx := 1\ny := 2\n```\nAfter.",
		32,
		[]string{"Some intro text.", "```go\nx := 1\ny := 2\n```\nAfter."},
	},
	{
		"long fence closed and reopened",
		"```go\nline one\nline two\nline three\n```",
		28,
		[]string{"```go\nline one\nline two\n```", "```go\nline three\n```"},
	},
	{
		"reopened fence keeps indentation and info",
		"```python\ndef f():\n    return 1\n\n    pass\n```",
		36,
		[]string{"```python\ndef f():\n    return 1\n```", "```python\n    pass\n```"},
	},
	{
		"long code line cut inside the fence",
		"```\n" + strings.Repeat("x", 20) + "\n```",
		14,
		[]string{"```\nxxxxxx\n```", "```\nxxxxxx\n```", "```\nxxxxxx\n```", "```\nxx\n```"},
	},
}

func TestSplit(t *testing.T) {
	for _, tt := range splitTests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.text, tt.limit)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Split(%q, %d)\n got %q\nwant %q", tt.text, tt.limit, got, tt.want)
			}
			checkSplit(t, tt.text, tt.limit)
		})
	}
}

// TestSplitAnswer splits a realistic long answer; the parts are in a golden
// file so a change of cut is seen in review.
func TestSplitAnswer(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "split_answer.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, limit := range []int{MaxMessageLen, 600} {
		t.Run(fmt.Sprint(limit), func(t *testing.T) {
			parts := checkSplit(t, string(in), limit)
			var b strings.Builder
			for i, p := range parts {
				fmt.Fprintf(&b, "===== part %d of %d, %d runes =====\n%s\n", i+1, len(parts), utf8.RuneCountInString(p), p)
			}
			checkGolden(t, fmt.Sprintf("split_answer_%d.golden", limit), b.String())
		})
	}
}

func TestSplitLongFence(t *testing.T) {
	var code strings.Builder
	for i := range 300 {
		fmt.Fprintf(&code, "\tfmt.Println(%d) // line %d\n", i, i)
	}
	text := "Here is the program:\n\n```go\nfunc main() {\n" + code.String() + "}\n```\n\nThat is all [1]."
	parts := checkSplit(t, text, MaxMessageLen)
	if len(parts) < 4 {
		t.Fatalf("got %d parts, want at least 4 for a %d-rune fence", len(parts), len(text))
	}
	for i, p := range parts[:len(parts)-1] {
		if !strings.HasSuffix(p, "\n```") {
			t.Errorf("part %d ends %q, want a closing fence", i, p[len(p)-10:])
		}
		if i > 0 && !strings.HasPrefix(p, "```go\n\t") {
			t.Errorf("part %d starts %q, want the reopened fence and indented code", i, p[:10])
		}
	}
	if last := parts[len(parts)-1]; !strings.HasSuffix(last, "}\n```\n\nThat is all [1].") {
		t.Errorf("last part ends %q, want the closing brace, fence and sentence", last[max(0, len(last)-30):])
	}
}

// checkSplit checks the invariants every split must keep and returns the
// parts: each part non-empty, within limit, valid UTF-8 and trimmed; the
// input rebuilt from the parts except for whitespace at the cuts and added
// fence lines; no cut inside a fence that fits, or inside a short citation
// marker, URL or code span.
func checkSplit(t *testing.T, text string, limit int) []string {
	t.Helper()
	parts := Split(text, limit)
	pieces := planSplit(text, limit)
	limit = max(limit, 1)
	if len(parts) != len(pieces) {
		t.Fatalf("got %d parts from Split and %d from planSplit", len(parts), len(pieces))
	}
	valid := utf8.ValidString(text)
	prev := 0
	var cuts []int
	for i, p := range pieces {
		part := parts[i]
		if p.start < prev || p.end <= p.start || p.end > len(text) {
			t.Fatalf("part %d spans [%d,%d) after %d in %d bytes", i, p.start, p.end, prev, len(text))
		}
		if between := text[prev:p.start]; strings.TrimFunc(between, unicode.IsSpace) != "" {
			t.Errorf("text %q before part %d is in no part", between, i)
		}
		if want := p.prefix + text[p.start:p.end] + p.suffix; part != want {
			t.Errorf("part %d is %q, want %q", i, part, want)
		}
		if n := utf8.RuneCountInString(part); n > limit {
			t.Errorf("part %d has %d runes, want at most %d: %q", i, n, limit, part)
		}
		if valid && !utf8.ValidString(part) {
			t.Errorf("part %d is not valid UTF-8: %q", i, part)
		}
		first, _ := utf8.DecodeRuneInString(part)
		last, _ := utf8.DecodeLastRuneInString(part)
		if part == "" || isSpace(first) || isSpace(last) {
			t.Errorf("part %d is %q, want non-empty without surrounding space", i, part)
		}
		if p.prefix != "" && (!strings.HasPrefix(p.prefix, "```") || !strings.HasSuffix(p.prefix, "\n") || strings.Count(p.prefix, "\n") != 1) {
			t.Errorf("part %d prefix %q, want one fence line", i, p.prefix)
		}
		if p.suffix != "" && (!strings.HasPrefix(p.suffix, "\n```") || strings.Trim(p.suffix[1:], "`") != "") {
			t.Errorf("part %d suffix %q, want a closing fence line", i, p.suffix)
		}
		if i > 0 {
			cuts = append(cuts, prev, p.start)
		}
		prev = p.end
	}
	if rest := text[prev:]; strings.TrimFunc(rest, unicode.IsSpace) != "" {
		t.Errorf("text %q after the last part is in no part", rest)
	}
	count := func(a, b int) int { return utf8.RuneCountInString(text[a:b]) }
	inside := func(a, b int) bool {
		// Indentation before a fence may go with the cut.
		a = skipSpaceTo(text, a, b)
		// cuts is sorted: find the first after a in O(log n), which keeps
		// long fuzz inputs with many parts fast.
		k, _ := slices.BinarySearch(cuts, a+1)
		return k < len(cuts) && cuts[k] < b
	}
	for _, f := range parseFences(text) {
		if count(f.start, f.end) <= limit && inside(f.start, f.end) {
			t.Errorf("fence %q fits in %d runes but was cut", text[f.start:f.end], limit)
		}
	}
	for _, s := range mergeSpans(protectedSpans(text, parseFences(text))) {
		// Overlapping spans (a link and its URL) hold together. Up to half
		// the limit they can always go whole into a part, even one that
		// reopens a fence.
		if 2*count(s.start, s.end) <= limit-8 && inside(s.start, s.end) {
			t.Errorf("%q was cut", text[s.start:s.end])
		}
	}
	return parts
}

// TestSplitRandomMarkdown checks the invariants on documents built from
// the pieces that make splitting hard, which byte-level fuzzing rarely
// assembles: fences, markers, URLs, code spans and scripts without spaces.
func TestSplitRandomMarkdown(t *testing.T) {
	tokens := []string{
		"word", "Alipay", "支付寶很大。", "علي باي؟", "e\u0301", "👩\u200d💻", " ", " ", "  ", "\n", "\n\n",
		". ", "! ", "? ", "[1]", "[1, 3]", "[2][4]", "https://example.com/a_(b)", "<https://x.io/p>",
		"[link text](https://x.io)", "`code span`", "``a ` b``", "`", "\n```go\n", "\n```\n", "\n````\n",
		"\tindented()\n", "## Heading\n", "Intro:\n", "- item\n", "1. step\n", "\u00a0?", strings.Repeat("x", 40),
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		var b strings.Builder
		for range rng.IntN(120) {
			b.WriteString(tokens[rng.IntN(len(tokens))])
		}
		limit := 1 + rng.IntN(160)
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			checkSplit(t, b.String(), limit)
			if t.Failed() {
				t.Logf("Split(%q, %d)", b.String(), limit)
			}
		})
	}
}

// mergeSpans joins overlapping spans; spans must be sorted by start.
func mergeSpans(spans []span) []span {
	var out []span
	for _, s := range spans {
		if n := len(out); n > 0 && s.start < out[n-1].end {
			out[n-1].end = max(out[n-1].end, s.end)
			continue
		}
		out = append(out, s)
	}
	return out
}

// FuzzSplit holds Split to checkSplit's invariants (parts within the limit,
// non-empty and trimmed; the input given back but for whitespace at the
// cuts and added fence lines; no cut inside a fitting fence, marker, URL or
// code span) at a small limit, which cuts often, and at Discord's
// MaxMessageLen for inputs longer than that.
func FuzzSplit(f *testing.F) {
	for _, tt := range splitTests {
		f.Add(tt.text, tt.limit)
	}
	if answer, err := os.ReadFile(filepath.Join("testdata", "split_answer.md")); err == nil {
		f.Add(string(answer), 600)
		f.Add(string(answer), 64)
	}
	f.Add("```go\na\n```\n```\nb\n", 9)
	f.Add("x\n````md\n```\ninner\n```\n````", 12)
	f.Fuzz(func(t *testing.T, text string, limit int) {
		// Keep limits small enough to cut often and to run fast.
		limit = 1 + (limit%64+64)%64
		checkSplit(t, text, limit)
		if utf8.RuneCountInString(text) > MaxMessageLen {
			checkSplit(t, text, MaxMessageLen)
		}
	})
}

func ExampleSplit() {
	answer := "Alipay reports more than a billion users [1]. " +
		"Another source counts 450 million real-name users [2].\n\n" +
		"Both figures appear in the corpus [1, 2]."
	for _, part := range Split(answer, 60) {
		fmt.Printf("%q\n", part)
	}
	// Output:
	// "Alipay reports more than a billion users [1]."
	// "Another source counts 450 million real-name users [2]."
	// "Both figures appear in the corpus [1, 2]."
}

// A mark opens its sentence (⚠¹, ❔²): whatever the limit, Split never
// leaves one at the end of a part, parted from the sentence it marks, and
// loses none.
func TestSplitKeepsMarksWithSentences(t *testing.T) {
	var b strings.Builder
	for i := range 30 {
		switch i % 4 {
		case 1:
			fmt.Fprintf(&b, "⚠%s Claim number %d names a figure the quote lacks [1]. ", []string{"¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸"}[i/4], i)
		case 3:
			fmt.Fprintf(&b, "❔%s An uncited sentence, number %d, quoting “the words of the passage, at some length” as it goes. ", []string{"¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸"}[i/4], i)
		default:
			fmt.Fprintf(&b, "A verified claim, number %d [2]. ", i)
		}
	}
	text := strings.TrimSpace(b.String())
	markRE := regexp.MustCompile(`[⚠❔][⁰¹²³⁴⁵⁶⁷⁸⁹]+`)
	want := len(markRE.FindAllString(text, -1))
	for limit := 60; limit <= 400; limit += 7 {
		parts := Split(text, limit)
		got := 0
		for _, p := range parts {
			marks := markRE.FindAllStringIndex(p, -1)
			got += len(marks)
			for _, m := range marks {
				if rest := strings.TrimSpace(p[m[1]:]); rest == "" || strings.HasPrefix(rest, "[") {
					t.Errorf("limit %d: part %q leaves its mark without its sentence", limit, p)
				}
			}
		}
		if got != want {
			t.Errorf("limit %d: %d marks in the parts, want %d", limit, got, want)
		}
	}
}

// A list item whose first word is longer than a part is not cut after its
// marker: the part before ended with a "-" alone (found in round three).
func TestSplitKeepsListMarkersWithTheirItem(t *testing.T) {
	word := strings.Repeat("x", 300)
	for _, marker := range []string{"- ", "* ", "1. ", "> ", "  - "} {
		text := strings.Repeat("A verified claim of the list [1].\n", 4) + marker + word + " [1]."
		for _, p := range Split(text, 200) {
			if last := lastLine(p); strings.TrimSpace(last) == strings.TrimSpace(marker) {
				t.Errorf("%q: a part ends with its marker alone: %q", marker, p)
			}
		}
	}
}

// A code block the answer marks has its mark on a line of its own above the
// fence: no part ends with that mark alone, parted from the code it marks.
func TestSplitKeepsMarksWithTheirCode(t *testing.T) {
	markRE := regexp.MustCompile(`^\s*[⚠❔][⁰¹²³⁴⁵⁶⁷⁸⁹]+\s*$`)
	for _, indent := range []string{"", "  "} {
		for pad := 20; pad <= 200; pad += 9 {
			text := strings.Repeat("A verified claim of the answer [1]. ", pad/36+1) + strings.Repeat("y", pad%36) + "\n" +
				indent + "⚠¹\n" + indent + "```sh\n" + indent + "made-up --flag one two three\n" + indent + "```"
			for _, limit := range []int{len([]rune(text)) - 30, len([]rune(text)) - 45, 80} {
				parts := Split(text, limit)
				for i, p := range parts {
					if markRE.MatchString(lastLine(p)) {
						t.Errorf("pad %d limit %d: part %d ends with the mark alone: %q", pad, limit, i+1, p)
					}
				}
				if all := strings.Join(parts, "\n"); !strings.Contains(all, "⚠¹\n"+indent+"```sh") {
					t.Errorf("pad %d limit %d: the mark is parted from its fence: %q", pad, limit, parts)
				}
			}
		}
	}
}
