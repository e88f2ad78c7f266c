package bot

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"corpusbot/internal/mdtable"
)

// update rewrites golden files: go test ./bot -run Golden -update.
// Other test files in package bot should use it rather than define their own.
var update = flag.Bool("update", false, "rewrite golden files in testdata")

// checkGolden compares got with testdata/name, or rewrites the file with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run with -update if the change is right)\n got:\n%s\nwant:\n%s", path, got, want)
	}
}

var convertTablesTests = []struct {
	name, in, want string
}{
	{"no table", "Just | a pipe\nand text.", "Just | a pipe\nand text."},
	{"header without separator", "| a | b |\n| c | d |", "| a | b |\n| c | d |"},
	{"cell counts differ", "| a | b |\n|---|\n| c | d |", "| a | b |\n|---|\n| c | d |"},
	{
		"narrow table becomes aligned block",
		"Before.\n\n| Name | Users |\n|---|---|\n| Alipay | 1 billion [1] |\n| WeChat Pay | 900 million [2] |\n\nAfter.",
		"Before.\n\n```\nName       | Users\n-----------+----------------\nAlipay     | 1 billion [1]\nWeChat Pay | 900 million [2]\n```\n\nAfter.",
	},
	{
		"no outer pipes, alignment",
		"Item | Qty | Note\n:--- | ---: | :---:\napple | 3 | ok\nkiwi | 12 | fine",
		"```\nItem  | Qty | Note\n------+-----+-----\napple |   3 |  ok\nkiwi  |  12 | fine\n```",
	},
	{
		"wide characters count double",
		"| 名 | n |\n|---|---|\n| 支付寶 | 1 |\n| ab | 2 |",
		"```\n名     | n\n-------+--\n支付寶 | 1\nab     | 2\n```",
	},
	{
		"escaped pipe, bold and code in cells",
		"| Op | Meaning |\n|----|----|\n| `a \\| b` | **either** [3] |",
		"```\nOp    | Meaning\n------+-----------\na | b | either [3]\n```",
	},
	{
		"short and long rows fitted to the header",
		"| a | b |\n|---|---|\n| 1 |\n| 2 | 3 | 4 |",
		"```\na | b\n--+--\n1 |\n2 | 3\n```",
	},
	{
		"wide table becomes bullets",
		"| Company | Figure reported by the source | Where the figure comes from |\n|---|---|---|\n| Alipay | more than 1 billion users | Ant Group annual statement [1] |\n| Alipay | 450 million real-name users | | \n",
		"• **Company**: Alipay — **Figure reported by the source**: more than 1 billion users — **Where the figure comes from**: Ant Group annual statement [1]\n• **Company**: Alipay — **Figure reported by the source**: 450 million real-name users\n",
	},
	{
		"fence marker in a cell forces bullets",
		"| a | b |\n|---|---|\n| ``` | x |",
		"• **a**: ``` — **b**: x",
	},
	{
		"table in a code fence untouched",
		"```md\n| a | b |\n|---|---|\n| 1 | 2 |\n```",
		"```md\n| a | b |\n|---|---|\n| 1 | 2 |\n```",
	},
	{
		"table ends at a line without a pipe",
		"| a |\n|---|\n| 1 |\nText after.",
		"```\na\n-\n1\n```\nText after.",
	},
	// A verified answer marks a row it could not verify before the row's
	// first pipe ("⚠¹ | … |"): the mark stays with its row, in the first
	// cell, and the table is still drawn (❔ is wide, ⚠ is not).
	{
		"marked rows keep their marks",
		"| Hook | Returns |\n|---|---|\n| useState | a pair [1] |\n⚠¹ | state | shared [2] |\n❔² | props |",
		"```\nHook      | Returns\n----------+-----------\nuseState  | a pair [1]\n⚠¹ state  | shared [2]\n❔² props |\n```",
	},
	{
		"marked rows keep their marks in bullets",
		"| Company | Figure reported by the source | Where the figure comes from |\n|---|---|---|\n⚠¹ | Alipay | more than 1 billion users | Ant Group annual statement [1] |",
		"• **Company**: ⚠¹ Alipay — **Figure reported by the source**: more than 1 billion users — **Where the figure comes from**: Ant Group annual statement [1]",
	},
	{"a marked line of pipes alone stays", "⚠¹ | a | b |\nText.", "⚠¹ | a | b |\nText."},
	{
		"two tables",
		"| a |\n|-|\n| 1 |\n\n| b |\n|-|\n| 2 |\n",
		"```\na\n-\n1\n```\n\n```\nb\n-\n2\n```\n",
	},
}

func TestConvertTables(t *testing.T) {
	for _, tt := range convertTablesTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ConvertTables(tt.in); got != tt.want {
				t.Errorf("ConvertTables(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

var wrapURLsTests = []struct {
	name, in, want string
}{
	{"bare", "see https://example.com/a?b=1 now", "see <https://example.com/a?b=1> now"},
	{"http and case", "HTTP://Example.com", "<HTTP://Example.com>"},
	{"trailing punctuation", "Go to https://example.com/x. Or https://a.io/b, https://c.io!", "Go to <https://example.com/x>. Or <https://a.io/b>, <https://c.io>!"},
	{"unbalanced parenthesis", "(see https://example.com/x)", "(see <https://example.com/x>)"},
	{"balanced parenthesis", "https://en.wikipedia.org/wiki/Ant_(company) here", "<https://en.wikipedia.org/wiki/Ant_(company)> here"},
	{"glued citation", "per https://example.com/r[2].", "per <https://example.com/r>[2]."},
	{"bold", "**https://example.com**", "**<https://example.com>**"},
	{"already wrapped", "<https://example.com/x>", "<https://example.com/x>"},
	{"markdown link", "[the report](https://example.com/r_(1))", "[the report](<https://example.com/r_(1)>)"},
	{"markdown link already wrapped", "[r](<https://example.com>)", "[r](<https://example.com>)"},
	{"url as link text", "[https://a.io](https://a.io)", "[https://a.io](<https://a.io>)"},
	{"inline code", "run `curl https://example.com` first", "run `curl https://example.com` first"},
	{"code fence", "```\nhttps://example.com\n```\nhttps://b.io", "```\nhttps://example.com\n```\n<https://b.io>"},
	{"scheme only", "https:// is a prefix", "https:// is a prefix"},
	{"inside a word", "xhttps://example.com", "xhttps://example.com"},
	{"CJK punctuation", "見https://example.com/a。", "見https://example.com/a。"},
	{"CJK punctuation after space", "見 https://example.com/a。", "見 <https://example.com/a>。"},
	{"not a scheme", "ftp://example.com and www.example.com", "ftp://example.com and www.example.com"},
}

func TestWrapURLs(t *testing.T) {
	for _, tt := range wrapURLsTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := WrapURLs(tt.in); got != tt.want {
				t.Errorf("WrapURLs(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNeutralize(t *testing.T) {
	const zw = "\u200b"
	tests := []struct {
		name, in, want string
	}{
		{"everyone", "hi @everyone!", "hi @" + zw + "everyone!"},
		{"here any case", "@HERE and @Here", "@" + zw + "HERE and @" + zw + "Here"},
		{"user", "ask <@123>", "ask <@" + zw + "123>"},
		{"nickname", "<@!456>", "<@" + zw + "!456>"},
		{"role", "<@&789>", "<@" + zw + "&789>"},
		{"channel is not a ping", "<#123>", "<#123>"},
		{"plain at sign", "mail me@example.com", "mail me@example.com"},
		{"inline code", "`@everyone` @here", "`@everyone` @" + zw + "here"},
		{"fence", "```\n<@1> @everyone\n```", "```\n<@1> @everyone\n```"},
		{"wrapped URL", "<https://x.social/@here>", "<https://x.social/@here>"},
		{"idempotent", "@" + zw + "everyone", "@" + zw + "everyone"},
		// Round two: a model's override reversed the rest of its line,
		// the bot's note on it included; marks that only set a neutral
		// character's direction stay.
		{"bidi override", "fined Tesla \u202e.deifirev\u202c ok", "fined Tesla .deifirev ok"},
		{"bidi isolates and embeddings", "\u2067a\u2069 \u202ab\u202c \u2066c\u2068", "a b c"},
		{"bidi in code", "`x\u202ey`", "`xy`"},
		{"direction marks stay", "\u200fمرحبا\u200e [1]", "\u200fمرحبا\u200e [1]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Neutralize(tt.in); got != tt.want {
				t.Errorf("Neutralize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCodeRegions(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"inline", "a `b` c ``d ` e`` f", []string{"`b`", "``d ` e``"}},
		{"unmatched", "a ` b `` c", nil},
		{"escaped", "a \\` b ` c `", []string{"` c `"}},
		{"not across paragraphs", "a `b\n\nc` d", nil},
		{"across a line", "a `b\nc` d", []string{"`b\nc`"}},
		{"fence", "x\n```go\ny\n```\nz", []string{"```go\ny\n```"}},
		{"unclosed fence runs to the end", "x\n```\ny `z`", []string{"```\ny `z`"}},
		{"longer closing fence", "````\n```\n````\n`a`", []string{"````\n```\n````", "`a`"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range codeRegions(tt.in) {
				got = append(got, tt.in[r.start:r.end])
			}
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
				t.Errorf("codeRegions(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestFormatGolden formats realistic answers: citations, a table, a code
// fence, URLs and a stray mention.
func TestFormatGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "markdown_*.md"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no testdata/markdown_*.md inputs (%v)", err)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			got := Format(string(src))
			checkGolden(t, name+".golden", got)
			if again := Format(got); again != got {
				t.Errorf("Format is not idempotent:\n%s", again)
			}
		})
	}
}

// TestFormatRandomMarkdown formats documents built from tables, fences,
// code spans, URLs and mentions, which byte-level fuzzing rarely assembles,
// and checks that formatting twice changes nothing more and that Split
// keeps its invariants on the result.
func TestFormatRandomMarkdown(t *testing.T) {
	tokens := []string{
		"| a | b |\n", "|---|:-:|\n", "| 1 | 支付寶 [1] |\n", "x \\| y | z\n", "--|--\n", "\n", "\n\n", " ", "word",
		"```\n", "```go\n", "`code https://x.io`", "`", "https://example.com/a_(b)", "(https://x.io/p).", "<https://x.io>",
		"[t](https://x.io)", "[t](<https://x.io>)", "@everyone", "@Here", "<@123>", "<@!4>", "<@&5>", "[2, 3]",
		strings.Repeat("long header ", 6) + "|", "**bold**", "é", "\u200b",
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 1500 {
		var b strings.Builder
		for range rng.IntN(60) {
			b.WriteString(tokens[rng.IntN(len(tokens))])
		}
		in := b.String()
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			once := Format(in)
			if twice := Format(once); twice != once {
				t.Errorf("Format not idempotent on %q:\n once %q\ntwice %q", in, once, twice)
			}
			checkSplit(t, once, 1+rng.IntN(200))
		})
	}
}

// FuzzConvertTables checks, on any input: no panic; valid UTF-8 kept valid;
// every line without a pipe kept, in order; input without a dash (so with
// no delimiter row) unchanged; every new line in a code block (an aligned
// table) within maxTableWidth columns; the result a fixed point.
func FuzzConvertTables(f *testing.F) {
	for _, tt := range convertTablesTests {
		f.Add(tt.in)
	}
	mds, _ := filepath.Glob(filepath.Join("testdata", "markdown_*.md"))
	for _, name := range mds {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := ConvertTables(in)
		if utf8.ValidString(in) && !utf8.ValidString(out) {
			t.Fatalf("ConvertTables(%q) = %q, not valid UTF-8", in, out)
		}
		// A line without a pipe is never part of a table, so every such
		// line must come out unchanged and in order.
		outLines := strings.Split(out, "\n")
		k := 0
		for _, line := range strings.Split(in, "\n") {
			if strings.Contains(line, "|") {
				continue
			}
			for k < len(outLines) && outLines[k] != line {
				k++
			}
			if k == len(outLines) {
				t.Fatalf("ConvertTables(%q) = %q: lost line %q", in, out, line)
			}
			k++
		}
		inLines := make(map[string]bool)
		for _, line := range strings.Split(in, "\n") {
			inLines[line] = true
		}
		for _, fc := range parseFences(out) {
			for _, line := range strings.Split(out[fc.bodyStart:fc.bodyEnd], "\n") {
				if !inLines[line] && mdtable.Width(line) > maxTableWidth {
					t.Fatalf("ConvertTables(%q) = %q: block line %q is wider than %d columns", in, out, line, maxTableWidth)
				}
			}
		}
		if !strings.Contains(in, "-") && out != in {
			t.Fatalf("ConvertTables(%q) = %q, want the input: no separator row", in, out)
		}
		if again := ConvertTables(out); again != out {
			t.Fatalf("ConvertTables not idempotent on %q:\n once %q\ntwice %q", in, out, again)
		}
	})
}

func FuzzWrapURLs(f *testing.F) {
	for _, tt := range wrapURLsTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := WrapURLs(in)
		if utf8.ValidString(in) && !utf8.ValidString(out) {
			t.Fatalf("WrapURLs(%q) = %q, not valid UTF-8", in, out)
		}
		// Only angle brackets are ever added.
		i := 0
		for j := 0; j < len(out); j++ {
			switch {
			case i < len(in) && out[j] == in[i]:
				i++
			case out[j] == '<' || out[j] == '>':
			default:
				t.Fatalf("WrapURLs(%q) = %q: byte %d %q was not in the input", in, out, j, out[j])
			}
		}
		if i != len(in) {
			t.Fatalf("WrapURLs(%q) = %q: input from byte %d lost", in, out, i)
		}
		if again := WrapURLs(out); again != out {
			t.Fatalf("WrapURLs not idempotent on %q:\n once %q\ntwice %q", in, out, again)
		}
	})
}

func FuzzNeutralize(f *testing.F) {
	f.Add("@everyone <@123> `@here` <@&4>")
	f.Fuzz(func(t *testing.T, in string) {
		out := Neutralize(in)
		if again := Neutralize(out); again != out {
			t.Fatalf("Neutralize not idempotent on %q: %q then %q", in, out, again)
		}
		if strings.ReplaceAll(out, "\u200b", "") != strings.ReplaceAll(in, "\u200b", "") {
			t.Fatalf("Neutralize(%q) = %q: changed more than zero-width spaces", in, out)
		}
		if codeRegions(in) == nil && mentionRE.MatchString(out) && !anyURLRE.MatchString(out) {
			t.Fatalf("Neutralize(%q) = %q: a mention is left", in, out)
		}
	})
}

func ExampleConvertTables() {
	fmt.Println(ConvertTables("| Source | Users |\n|---|--:|\n| Alipay | 1 billion [1] |\n| PBoC | 450 million [2] |"))
	// Output:
	// ```
	// Source |           Users
	// -------+----------------
	// Alipay |   1 billion [1]
	// PBoC   | 450 million [2]
	// ```
}

func ExampleWrapURLs() {
	fmt.Println(WrapURLs("Details: https://example.com/report. See [the notice](https://example.com/n)."))
	// Output:
	// Details: <https://example.com/report>. See [the notice](<https://example.com/n>).
}

func ExampleNeutralize() {
	fmt.Printf("%q\n", Neutralize("Ping @everyone and <@123>, but not `@here`"))
	// Output:
	// "Ping @\u200beveryone and <@\u200b123>, but not `@here`"
}

// A masked link of a model's text shows where it leads, as does one a
// table or a code span holds as written.
func TestUnmaskLinks(t *testing.T) {
	tests := []struct{ in, want string }{
		{"see [the docs](http://evil.example/x).", "see the docs (<http://evil.example/x>)."},
		{"see [the docs](<http://evil.example/x>)", "see the docs (<http://evil.example/x>)"},
		{"a claim [1](https://evil.example/1)", "a claim [1] (<https://evil.example/1>)"},
		{"[https://a.io](https://a.io)", "<https://a.io>"},
		{"keep `[t](https://x.io)` as code", "keep `[t](https://x.io)` as code"},
		{"[not a url](docs/x.md) and [x]", "[not a url](docs/x.md) and [x]"},
		// Round two: forms Discord shows as masked links that were left
		// masked.
		{"[see [1]](http://evil.example)", "see [1] (<http://evil.example>)"},
		{"[the [official] site](<http://evil.example/x>).", "the [official] site (<http://evil.example/x>)."},
		{`[click](http://evil.example "the docs")`, "click (<http://evil.example>)"},
		{"[click]( http://evil.example )", "click (<http://evil.example>)"},
		{"[click](hTTps://evil.example)", "click (<hTTps://evil.example>)"},
		{"[`code`](http://evil.example)", "`code` (<http://evil.example>)"},
		{`[a \] b](http://evil.example)`, `a \] b (<http://evil.example>)`},
		{"[click](http://evil.example/a_(b))", "click (<http://evil.example/a_(b)>)"},
		{"`[t](https://x.io)` then [u](https://y.io)", "`[t](https://x.io)` then u (<https://y.io>)"},
		{"[unclosed [1](http://evil.example)", "[unclosed [1] (<http://evil.example>)"},
	}
	for _, tt := range tests {
		if got := Format(tt.in); got != tt.want {
			t.Errorf("Format(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func ExampleFormat() {
	fmt.Println(Format("| Claim | Cited |\n|---|---|\n| 1 billion users | [1] |\n\nSource: https://example.com/alipay."))
	// Output:
	// ```
	// Claim           | Cited
	// ----------------+------
	// 1 billion users | [1]
	// ```
	//
	// Source: <https://example.com/alipay>.
}

// TestUnhide: text a model writes shows as text: no spoiler hides a
// sentence or its mark until clicked, and no "-# " line poses as the bot's
// small print (the notes on marked sentences are "-# " lines). Code is
// left as written.
func TestUnhide(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"small print", "-# Every sentence above is verified.", `\-# Every sentence above is verified.`},
		{"small print after a line", "Claim [1].\n-# ✅ verified", "Claim [1].\n\\-# ✅ verified"},
		{"small print in a quote or list", "> -# a\n- -# b\n1. -# c\n  -# d", "> \\-# a\n- \\-# b\n1. \\-# c\n  \\-# d"},
		{"not at a line start", "a -# b", "a -# b"},
		{"a heading stays", "# Heading\n## Sub", "# Heading\n## Sub"},
		{"spoiler", "||The ministry fined Tencent [1].||", "|\u200b|The ministry fined Tencent [1].|\u200b|"},
		{"spoiler around a mark", "True [1]. ||⚠¹ False [1].||", "True [1]. |\u200b|⚠¹ False [1].|\u200b|"},
		{"three pipes", "|||x|||", "|\u200b|\u200b|x|\u200b|\u200b|"},
		{"code stays", "`a || b`\n```\n-# x ||y||\n```", "`a || b`\n```\n-# x ||y||\n```"},
		{"URL stays", "<https://x.io/a||b>", "<https://x.io/a||b>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Format(tt.in)
			if got != tt.want {
				t.Errorf("Format(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := Format(got); again != got {
				t.Errorf("not idempotent: %q", again)
			}
		})
	}
}
