package corpus

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/yuin/goldmark/parser"
)

// loadOne loads a single file and returns its document.
func loadOne(t *testing.T, name, src string) *Document {
	t.Helper()
	c, err := Load(context.Background(), fstest.MapFS{name: file(src)}, Config{})
	if err != nil {
		t.Fatalf("Load(%s): %v", name, err)
	}
	checkPassages(t, &c.Docs[0])
	return &c.Docs[0]
}

// passageWith returns the passage holding s, or fails.
func passageWith(t *testing.T, d *Document, s string) *Passage {
	t.Helper()
	for i := range d.Passages {
		if strings.Contains(d.Passages[i].Text, s) {
			return &d.Passages[i]
		}
	}
	t.Fatalf("%s: no passage holds %q", d.Path, s)
	return nil
}

// placed is a text a passage of a document holds, the headings it stands
// under and a line of the source its passage covers (0: not checked).
type placed struct {
	text     string
	headings []string
	line     int
}

// checkPlaced checks where each text stands in d.
func checkPlaced(t *testing.T, d *Document, want []placed) {
	t.Helper()
	for _, w := range want {
		p := passageWith(t, d, w.text)
		if !slices.Equal(p.Headings, w.headings) {
			t.Errorf("%q under %q, want %q", w.text, p.Headings, w.headings)
		}
		if w.line != 0 && (p.LineStart > w.line || p.LineEnd < w.line) {
			t.Errorf("%q at lines %d–%d, want them to hold line %d", w.text, p.LineStart, p.LineEnd, w.line)
		}
	}
}

func TestMarkdownTitle(t *testing.T) {
	tests := []struct {
		name, path, src, title, desc string
	}{
		{"YAML front matter", "a.md", "---\ntitle: \"Chart Hooks\"\ndescription: Describes hooks.\n---\n\n# Hooks\n\nText here.\n", "Chart Hooks", "Describes hooks."},
		{"YAML single quotes and folded", "a.md", "---\ntitle: 'It''s here'\ndescription: >-\n  Two\n  lines.\n---\nText.\n", "It's here", "Two lines."},
		{"TOML front matter", "a.md", "+++\ntitle = 'Hugo page'\ndescription = \"About \\\"it\\\"\"\n[params]\ntitle = 'no'\n+++\nText.\n", "Hugo page", `About "it"`},
		{"first heading", "a.markdown", "Intro line.\n\n## Install it\n\nText.\n", "Install it", ""},
		{"setext heading", "a.md", "Getting started\n===============\n\nText.\n", "Getting started", ""},
		{"file name", "docs/getting-started.mdx", "Just text, no heading.\n", "getting-started", ""},
		{"unclosed front matter is a rule", "a.md", "---\nJust text after a rule.\n", "a", ""},
		{"heading attribute", "a.md", "## Configure {#configure}\n\nText.\n", "Configure", ""},
		{"escaped asterisks a site's build removes", "a.md", "## Declaring state \\*\\* {#state}\n\nText.\n", "Declaring state", ""},
		{"a footnote's asterisk", "a.md", "# Prices *\n\nText.\n", "Prices", ""},
		{"asterisks of the title's words stay", "a.md", "# Wildcards like x*\n\nText.\n", "Wildcards like x*", ""},
		{"a title of only asterisks stays", "a.md", "# \\*\\*\\*\n\nText.\n", "***", ""},
		// Heading anchors: Pandoc's, kramdown's, Hugo's, MkDocs' attribute
		// lists and javascript.info's [#anchor], at the end of the line only.
		{"attribute list with classes", "a.md", "## Install {#install .tabs data-x=1}\n\nText.\n", "Install", ""},
		{"kramdown attribute list", "a.md", "## Install {: #install}\n\nText.\n", "Install", ""},
		{"attribute list after closing hashes", "a.md", "## Install ## {#install}\n\nText.\n", "Install", ""},
		{"setext heading attribute", "a.md", "Install {#install}\n=======\n\nText.\n", "Install", ""},
		{"javascript.info anchor", "a.md", "# عملگر Nullish coalescing [#nullish-coalescing-operator]\n\nText.\n", "عملگر Nullish coalescing", ""},
		{"an anchor in code stays", "a.md", "# The `{#id}` syntax\n\nText.\n", "The {#id} syntax", ""},
		{"an anchor in code at the end stays", "a.md", "# The syntax `[#id]`\n\nText.\n", "The syntax [#id]", ""},
		{"a title of only an anchor stays", "a.md", "# [#top]\n\nText.\n", "[#top]", ""},
		{"an anchor inside the title stays", "a.md", "# Use [#tag] links here\n\nText.\n", "Use [#tag] links here", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := loadOne(t, tt.path, tt.src)
			if d.Title != tt.title || d.Description != tt.desc {
				t.Errorf("got title %q description %q, want %q %q", d.Title, d.Description, tt.title, tt.desc)
			}
			for _, p := range d.Passages {
				if strings.Contains(p.Text, "title") || strings.Contains(p.Text, "---") || strings.Contains(p.Text, "+++") {
					t.Errorf("passage %d holds front matter: %q", p.Index, p.Text)
				}
			}
		})
	}
}

func TestMarkdownMarkupRemoved(t *testing.T) {
	src := strings.Join([]string{
		"---", "title: Hooks", "---", // 1-3
		"import Tabs from '@theme/Tabs';",   // 4
		"import {",                          // 5
		"  A,",                              // 6
		"} from './a';",                     // 7
		"export const meta = {",             // 8
		"  x: 1,",                           // 9
		"};",                                // 10
		"",                                  // 11
		"Helm has hooks.",                   // 12
		"<!-- a comment -->",                // 13
		"",                                  // 14
		":::warning Careful here",           // 15
		"Hooks run in order.",               // 16
		":::",                               // 17
		"",                                  // 18
		"{{< note >}}",                      // 19
		"Shortcode text stays.",             // 20
		"{{< /note >}}",                     // 21
		"{% include links.html %}",          // 22
		"",                                  // 23
		"<Tabs>",                            // 24
		`<TabItem value="apt" label="Apt">`, // 25
		"",                                  // 26
		"Tab text with <Highlight>inline</Highlight> JSX.", // 27
		"",                               // 28
		"</TabItem>",                     // 29
		"</Tabs>",                        // 30
		"{/* an MDX comment */}",         // 31
		"",                               // 32
		"> [!NOTE]",                      // 33
		"> GitHub alert text.",           // 34
		"",                               // 35
		"!!! tip \"MkDocs title\"",       // 36
		"    MkDocs admonition text.",    // 37
		"",                               // 38
		"[ref]: https://example.com/ref", // 39
		"See [the guide][ref] and ![a picture](x.png).", // 40
	}, "\n")
	d := loadOne(t, "hooks.mdx", src)
	for _, p := range d.Passages {
		for _, bad := range []string{"import", "export", "<", ">", "{{", "{%", ":::", "!!!", "[!NOTE]", "/*", "https://", "](", "comment", "picture"} {
			if strings.Contains(p.Text, bad) {
				t.Errorf("passage %d holds %q: %q", p.Index, bad, p.Text)
			}
		}
	}
	for _, s := range []string{"Helm has hooks.", "Careful here", "Hooks run in order.", "Shortcode text stays.", "Tab text with inline JSX.", "GitHub alert text.", "MkDocs title", "MkDocs admonition text.", "See the guide and ."} {
		if !strings.Contains(d.Text, s) {
			t.Errorf("text lacks %q:\n%s", s, d.Text)
		}
	}
	if p := d.Passages[0]; p.LineStart != 12 || d.Passages[len(d.Passages)-1].LineEnd != 40 {
		t.Errorf("got lines %d–%d, want 12–40 of the file", p.LineStart, d.Passages[len(d.Passages)-1].LineEnd)
	}
}

func TestMarkdownStructure(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Hooks\n\nIntro to hooks.\n\n## Hook resources\n\nResources are hooks.\n\n### Hook deletion policies\n\n")
	b.WriteString("If no hook deletion policy annotation is specified, the `before-hook-creation`\nbehavior applies by default.\n\n")
	b.WriteString("```yaml\nannotations:\n  a: b\n\n  c: d\n```\n\n| Name | Value |\n|---|---|\n| one | 1 |\n| two | 2 |\n\n")
	b.WriteString("## Writing a hook\n\n- first step\n- second step\n\n1. one\n2. two\n")
	d := loadOne(t, "hooks.md", b.String())
	if d.Title != "Hooks" {
		t.Errorf("got title %q", d.Title)
	}
	tests := []struct {
		text     string
		headings []string
		line     int
	}{
		{"Intro to hooks.", nil, 3},
		{"Resources are hooks.", []string{"Hook resources"}, 7},
		{"the before-hook-creation behavior applies", []string{"Hook resources", "Hook deletion policies"}, 11},
		{"• first step", []string{"Writing a hook"}, 28},
	}
	for _, tt := range tests {
		p := passageWith(t, d, tt.text)
		if !slices.Equal(p.Headings, tt.headings) || p.LineStart != tt.line {
			t.Errorf("%q: got headings %q line %d, want %q line %d", tt.text, p.Headings, p.LineStart, tt.headings, tt.line)
		}
		if got := d.HeadingPath(p); !strings.HasPrefix(got, "Hooks") {
			t.Errorf("HeadingPath = %q", got)
		}
	}
	code := passageWith(t, d, "annotations:")
	if !strings.Contains(code.Text, "a: b\n\n  c: d") || strings.Contains(code.Text, "```") {
		t.Errorf("code block split or fenced: %q", code.Text)
	}
	if !strings.Contains(code.Text, "one | 1\ntwo | 2") {
		t.Errorf("table not kept whole: %q", code.Text)
	}
	for _, p := range d.Passages {
		if strings.Contains(p.Text, "\n") && !strings.Contains(p.Text, "\n\n") && !strings.Contains(p.Text, " | ") && !strings.Contains(p.Text, "•") && !strings.Contains(p.Text, "1.") && !strings.Contains(p.Text, "a: b") {
			t.Errorf("passage %d keeps a soft line break: %q", p.Index, p.Text)
		}
		if strings.Contains(p.Text, "Hook resources") || strings.Contains(p.Text, "Writing a hook") {
			t.Errorf("passage %d holds a heading; headings are its path: %q", p.Index, p.Text)
		}
	}
	if p := passageWith(t, d, "first step"); p.LineEnd != 32 {
		t.Errorf("list passage ends at line %d, want 32", p.LineEnd)
	}
}

func TestMkDocsAdmonitionWithCode(t *testing.T) {
	src := "# Tabs\n\n!!! tip \"Readable anchors\"\n\n    Enable slugify:\n\n    ``` yaml\n    tabbed:\n      slugify: true\n    ```\n\n    See [the guide][g].\n\n  [g]: https://example.com/guide\n\n## Linked tabs\n\nTabs are linked by label.\n"
	d := loadOne(t, "tabs.md", src)
	p := passageWith(t, d, "Tabs are linked by label.")
	if len(p.Headings) != 1 || p.Headings[0] != "Linked tabs" || strings.Contains(p.Text, "slugify") {
		t.Errorf("the admonition's code fence did not close: %q under %q", p.Text, p.Headings)
	}
	p = passageWith(t, d, "See the guide.")
	if !strings.Contains(p.Text, "tabbed:\n  slugify: true") || strings.Contains(p.Text, "```") {
		t.Errorf("got %q", p.Text)
	}
}

func TestMarkdownEdgeCases(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // in the text
		not       []string // nowhere in the text
	}{
		{"shortcode over several lines", "Before the table.\n\n{{< datatable\n  \"config\"\n  \"outputFormats\"\n>}}\n\nAfter the table.\n",
			[]string{"Before the table.", "After the table."}, []string{"datatable", "outputFormats", "}}"}},
		{"alert with a title", "> [!NOTE] Modules are Go modules\n> You need Go 1.18 or later.\n",
			[]string{"Modules are Go modules\n\nYou need Go 1.18 or later."}, []string{"[!NOTE]"}},
		{"deeper fence is text of the outer one", "``` title=\"Tabs\"\n!!! example\n\n    ``` markdown\n    * one\n    ```\n```\n\nAfter the example.\n",
			[]string{"!!! example", "After the example."}, nil},
		{"shortcode syntax inside code is text", "Use `{{</* note */>}}` to add a note.\n",
			[]string{"Use {{</* note */>}} to add a note."}, nil},
		// The list item takes 2 of the tab's 8 columns and the code block
		// 4: 2 are the line's indentation, once.
		{"code indented by tabs in a list", "- item\n\n\t\tcode line\n\t\tmore\n",
			[]string{"\n\n  code line\n  more"}, []string{"    code"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := loadOne(t, "a.md", tt.src)
			for _, s := range tt.want {
				if !strings.Contains(d.Text, s) {
					t.Errorf("text lacks %q: %q", s, d.Text)
				}
			}
			for _, s := range tt.not {
				if strings.Contains(d.Text, s) {
					t.Errorf("text holds %q: %q", s, d.Text)
				}
			}
		})
	}
	// The example's admonition is code of the outer fence, and after it the
	// page is prose again.
	blocks := parseMarkdown(newMarkdownParsers(), tests[2].src, false).blocks
	if n := len(blocks); n != 2 || blocks[0].kind != blockCode || blocks[1].kind != blockPara || blocks[1].text != "After the example." {
		t.Errorf("got blocks %+v, want the code, then the paragraph", blocks)
	}
}

func TestMDXTagsOverLinesAndExpressions(t *testing.T) {
	src := "<Tabs\n  groupId=\"os\"\n  values={[\n    {label: 'Linux', value: 'linux'},\n  ]}>\n<TabItem value=\"linux\">\n\nRun the package manager.\n\n</TabItem>\n</Tabs>\n\nVersion {props.version} is the{' '}latest, with a <Badge text=\"beta\" /> badge.\n\n<Enter the user's name\nat the prompt, then press return.\n"
	d := loadOne(t, "a.mdx", src)
	for _, s := range []string{"Run the package manager.", "Version is the latest, with a badge.", "Enter the user's name at the prompt"} {
		if !strings.Contains(d.Text, s) {
			t.Errorf("text lacks %q: %q", s, d.Text)
		}
	}
	for _, s := range []string{"groupId", "label", "props", "{"} {
		if strings.Contains(d.Text, s) {
			t.Errorf("text holds %q: %q", s, d.Text)
		}
	}
	if n := strings.Count(d.Text, "<"); n != 1 {
		t.Errorf("got %d '<', want only the one of text that is no tag: %q", n, d.Text)
	}
	if p := passageWith(t, d, "Run the package manager."); p.LineStart != 8 {
		t.Errorf("got line %d, want 8", p.LineStart)
	}
}

// Named imports ("import { Code } from 'x'") are statements, not text
// with an expression in braces: Astro Starlight pages open with them.
func TestMDXNamedImports(t *testing.T) {
	src := "---\ntitle: Signing\n---\n\nimport { Tabs, TabItem } from '@astrojs/starlight/components';\nimport { Code } from '@astrojs/starlight/components';\nimport { Image } from 'astro:assets';\nexport { Code };\n\nSign the app before you upload it.\n"
	d := loadOne(t, "a.mdx", src)
	if got := strings.TrimSpace(d.Text); got != "Sign the app before you upload it." {
		t.Errorf("got text %q, want only the paragraph", got)
	}
	if p := passageWith(t, d, "Sign the app"); p.LineStart != 10 {
		t.Errorf("got line %d, want 10", p.LineStart)
	}
}

// MDX has no indented code: a line indented four columns or more is a
// paragraph, and nothing after it is lost (goldmark stopped there).
func TestMDXIndentedLines(t *testing.T) {
	src := "# Snap\n\nIntro.\n\n<Tabs>\n  <TabItem label=\"Fedora\">\n\n    Reboot your system afterwards.\n\n  </TabItem>\n</Tabs>\n\n## Configure\n\nCreate an account.\n"
	d := loadOne(t, "a.mdx", src)
	for _, s := range []string{"Intro.", "Reboot your system afterwards.", "Create an account."} {
		if !strings.Contains(d.Text, s) {
			t.Errorf("text lacks %q: %q", s, d.Text)
		}
	}
	if p := passageWith(t, d, "Create an account."); p.LineStart != 15 || !slices.Equal(p.Headings, []string{"Configure"}) {
		t.Errorf("got lines %d–%d under %q, want line 15 under Configure", p.LineStart, p.LineEnd, p.Headings)
	}
	// Markdown keeps its indented code.
	md := loadOne(t, "a.md", "# T\n\nRun:\n\n    make all\n\nDone.\n")
	if p := passageWith(t, md, "make all"); len(p.Literal) != 1 {
		t.Errorf("indented code of Markdown is no literal: %+v", p)
	}
}

// codeBlocks returns the texts of d's code blocks, in order.
func codeBlocks(d *Document) []string {
	var code []string
	for _, p := range d.Passages {
		for _, l := range p.Literal {
			code = append(code, p.Text[l[0]:l[1]])
		}
	}
	return code
}

// In MDX a lowercase tag is JSX too: a fence right under <div> is code,
// not the text of an HTML block (Node.js's site, made-up text here).
func TestMDXLowercaseTags(t *testing.T) {
	src := "---\ntitle: Home\n---\n\n<section>\n  <div>\n    ```js displayName=\"Server\"\n    // server.mjs\n    import { createServer } from 'node:http';\n    ```\n\n    Runs anywhere.\n  </div>\n</section>\n"
	d := loadOne(t, "a.mdx", src)
	code := codeBlocks(d)
	want := []string{"// server.mjs\nimport { createServer } from 'node:http';"}
	if !slices.Equal(code, want) {
		t.Errorf("got code blocks %q, want %q", code, want)
	}
	passageWith(t, d, "Runs anywhere.")
	if strings.Contains(d.Text, "```") || strings.Contains(d.Text, "<div") {
		t.Errorf("markup in the text: %q", d.Text)
	}
}

// A page's language is its prose's: a short Chinese page of English
// code examples is Chinese.
func TestLanguageWithoutCode(t *testing.T) {
	code := strings.Repeat("// starts a simple http server locally on port 3000\nserver.listen(3000, '127.0.0.1', () => { console.log('Listening on 127.0.0.1:3000'); });\n", 6)
	src := "# 在任何地方运行 JavaScript\n\nNode.js 是一个免费、开源、跨平台的 JavaScript 运行时环境。\n\n```js\n" + code + "```\n"
	if d := loadOne(t, "index.md", src); d.Lang != "zh" {
		t.Errorf("got language %q, want zh", d.Lang)
	}
}

// MDX reads indented lines as any others: a fence inside a <TabItem>, or
// indented four columns after a paragraph, is code, not a paragraph of
// backticks (seen on Astro Starlight pages, made-up text here).
func TestMDXIndentedFences(t *testing.T) {
	src := "# Snap\n\nInstall it:\n\n<Tabs>\n  <TabItem label=\"Debian\">\n    ```shell\n    sudo apt install snapd\n    ```\n  </TabItem>\n  <TabItem label=\"Fedora\">\n    ```shell\n    sudo dnf install snapd\n      --assumeyes\n    ```\n\n    Reboot afterwards.\n  </TabItem>\n</Tabs>\n\nThen change the colour:\n\n    ```rust\n    fn main() {\n        run();\n    }\n    ```\n\nDone.\n"
	d := loadOne(t, "a.mdx", src)
	code := codeBlocks(d)
	want := []string{"sudo apt install snapd", "sudo dnf install snapd\n  --assumeyes", "fn main() {\n    run();\n}"}
	if !slices.Equal(code, want) {
		t.Errorf("got code blocks %q, want %q", code, want)
	}
	for _, s := range []string{"Install it:", "Reboot afterwards.", "Then change the colour:", "Done."} {
		if !strings.Contains(d.Text, s) {
			t.Errorf("text lacks %q: %q", s, d.Text)
		}
	}
	if strings.Contains(d.Text, "```") || strings.Contains(d.Text, "TabItem") {
		t.Errorf("markup in the text: %q", d.Text)
	}
	if p := passageWith(t, d, "fn main"); p.LineStart > 23 || p.LineEnd < 26 {
		t.Errorf("got lines %d–%d, want 23–26 among them", p.LineStart, p.LineEnd)
	}
	// A tag over lines among a JSX element's children: its end is found
	// on the line as written, before the children were taken back.
	d = loadOne(t, "b.mdx", "<Tabs>\n  <Card\n    title=\"x\"\n  >Card text after it.\n</Tabs>\n")
	if !strings.Contains(d.Text, "Card text after it.") || strings.Contains(d.Text, "title") {
		t.Errorf("got text %q", d.Text)
	}
}

// MyST (Sphinx's Markdown): a directive fence of text (```{note}) holds
// text, not code; one of code (```{code-block} python) holds code; a
// toctree goes; roles read as their text. Made-up text.
func TestMyST(t *testing.T) {
	src := "# Install\n\n" +
		"```{note}\n:class: tip\nUse a {ref}`virtual environment <venv-label>` first.\n```\n\n" +
		"```{versionadded} 22.2\nThe {command}`pip inspect` command.\n```\n\n" +
		"````{tab} Windows\nRun it from {file}`C:\\Python`:\n\n```{code-block} console\n:caption: x\npy -m pip install x\n```\n````\n\n" +
		"```{toctree}\n:hidden:\ninstallation\n```\n\nDone.\n"
	d := loadOne(t, "a.md", src)
	for _, s := range []string{"Use a virtual environment first.", "Added in version 22.2.", "The pip inspect command.", "Windows", "Run it from C:\\Python:", "Done."} {
		if !strings.Contains(d.Text, s) {
			t.Errorf("text lacks %q: %q", s, d.Text)
		}
	}
	code := codeBlocks(d)
	if !slices.Equal(code, []string{"py -m pip install x"}) {
		t.Errorf("got code blocks %q, want the console line", code)
	}
	for _, s := range []string{"{note}", ":class:", "installation", "{ref}", "venv-label", "```"} {
		if strings.Contains(d.Text, s) {
			t.Errorf("text holds %q: %q", s, d.Text)
		}
	}
	if p := passageWith(t, d, "Done."); p.LineEnd != 26 {
		t.Errorf("got lines %d–%d, want the last 26", p.LineStart, p.LineEnd)
	}
}

// FuzzLinkRefsFirst holds the parsers to goldmark's own link reference
// transformer: what they make of any Markdown is what goldmark's defaults
// make of it.
func FuzzLinkRefsFirst(f *testing.F) {
	for _, s := range []string{"[a]: /url\n\n[a]", "text\n[a]: /u", "  [x]: <y> 'z'\n[x]\n", "\n\n[", "- [a]: /b\n", "> [c]:\n> /d\n\n[c]", "[^1]: note\n\ntext[^1]"} {
		f.Add(s, false)
	}
	ours, ref := newMarkdownParsers(), markdownParsersWith(parser.DefaultParagraphTransformers())
	f.Fuzz(func(t *testing.T, src string, mdx bool) {
		got, want := parseMarkdown(ours, src, mdx), parseMarkdown(ref, src, mdx)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("parseMarkdown(%q) = %+v, want %+v", src, got, want)
		}
	})
}

// A paired shortcode with a lang argument holds code: its "# comment"
// lines are no headings. One without a closing tag takes its code from
// elsewhere and leaves the page as it is.
func TestShortcodeCode(t *testing.T) {
	tests := []struct {
		name, src string
		code      []string // the code blocks' texts
		paras     []string // the paragraphs' texts
	}{
		{"hugo code shortcode",
			"Create it:\n\n{{< codeFromInline lang=\"bash\" >}}\n# For Intel Macs\nkind create cluster\n{{< /codeFromInline >}}\n\nThen use it.\n",
			[]string{"# For Intel Macs\nkind create cluster"}, []string{"Create it:", "Then use it."}},
		{"docsy tab with lang",
			"{{< tab header=\"Config\" lang=\"yaml\" >}}\n# one node\nnodes: []\n{{< /tab >}}\n\n## Next\n\nText.\n",
			[]string{"# one node\nnodes: []"}, []string{"Text."}},
		{"highlight",
			"{{< highlight go >}}\n# not a heading\n{{< /highlight >}}\n",
			[]string{"# not a heading"}, nil},
		{"liquid highlight",
			"{% highlight ruby %}\n# not a heading\n{% endhighlight %}\n\nAfter.\n",
			[]string{"# not a heading"}, []string{"After."}},
		{"no closing tag: code from a file",
			"{{< code file=\"a.yaml\" lang=\"yaml\" >}}\n\n# Heading\n\nProse.\n\n{{< code lang=\"go\" >}}\nx := 1\n{{< /code >}}\n",
			[]string{"x := 1"}, []string{"Prose."}},
		{"hugo code-toggle holds settings",
			"A build may look like this:\n\n{{< code-toggle file=hugo >}}\n[build]\n  [[build.cachebusters]]\n    source = 'assets/x\\.json'\n{{< /code-toggle >}}\n\nAfter.\n",
			[]string{"[build]\n  [[build.cachebusters]]\n    source = 'assets/x\\.json'"}, []string{"A build may look like this:", "After."}},
		{"self-closing code-toggle has no body",
			"Defaults:\n\n{{< code-toggle config=build />}}\n\nProse.\n",
			nil, []string{"Defaults:", "Prose."}},
		{"a name that only contains the letters is no code",
			"{{< encode >}}\nWords here.\n{{< /encode >}}\n",
			nil, []string{"Words here."}},
		{"tab without lang holds prose",
			"{{< tab header=\"Linux\" >}}\nRun the installer.\n{{< /tab >}}\n",
			nil, []string{"Run the installer."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, paras := codeAndParagraphs(tt.src)
			if !slices.Equal(code, tt.code) || !slices.Equal(paras, tt.paras) {
				t.Errorf("code %q, paragraphs %q; want code %q, paragraphs %q", code, paras, tt.code, tt.paras)
			}
		})
	}
}

// A definition reads with its term, stacked terms share it, and more
// paragraphs of a description stay paragraphs.
func TestMarkdownDefinitionList(t *testing.T) {
	src := "# Build\n\n`buildStats`\n: See the build stats section below.\n\n`disableIDs`\n`noIDs`\n: (`bool`) Whether to exclude id attributes.\n\n    Default is false.\n\nAfter the list.\n"
	_, paras := codeAndParagraphs(src)
	want := []string{"buildStats: See the build stats section below.", "disableIDs, noIDs: (bool) Whether to exclude id attributes.", "Default is false.", "After the list."}
	if !slices.Equal(paras, want) {
		t.Errorf("paragraphs %q, want %q", paras, want)
	}
}

// An mdBook include directive is never quoted as code or text: the file it
// names is inlined only when the book is built, and is most often outside
// the docs folder.
func TestMdBookIncludes(t *testing.T) {
	tests := []struct {
		name, src string
		code      []string // the code blocks' texts
		paras     []string // the paragraphs' texts
	}{
		{"a block of only an include goes",
			"Filename: src/main.rs\n\n```rust\n{{#rustdoc_include ../listings/ch03/no-listing-24/src/main.rs}}\n```\n\nAfter.\n",
			nil, []string{"Filename: src/main.rs", "After."}},
		{"an include among code lines goes, the code stays",
			"```toml\n[dependencies]\n{{#include ../listings/ch02/listing-02-02/Cargo.toml:9:}}\nrand = \"0.8\"\n```\n",
			[]string{"[dependencies]\nrand = \"0.8\""}, nil},
		{"indented code, playground with options",
			"Run it:\n\n    {{#playground example.rs editable}}\n    fn main() {}\n",
			[]string{"fn main() {}"}, []string{"Run it:"}},
		{"a paragraph of only an include goes",
			"# Intro\n\n{{#include ../README.md}}\n\nMore text.\n",
			nil, []string{"More text."}},
		{"an include named in a sentence stays",
			"Use {{#include file.rs}} to pull a file into a page.\n",
			nil, []string{"Use {{#include file.rs}} to pull a file into a page."}},
		{"escaped: mdBook shows it as written",
			"```\n\\{{#include file.rs}}\n```\n",
			[]string{"\\{{#include file.rs}}"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, paras := codeAndParagraphs(tt.src)
			if !slices.Equal(code, tt.code) || !slices.Equal(paras, tt.paras) {
				t.Errorf("code %q, paragraphs %q; want code %q, paragraphs %q", code, paras, tt.code, tt.paras)
			}
		})
	}
	// The code line after a dropped include keeps its line number.
	d := loadOne(t, "ch02.md", "# Cargo\n\n```toml\n{{#include ../listings/Cargo.toml:9:}}\nrand = \"0.8\"\n```\n")
	if p := passageWith(t, d, "rand"); strings.Contains(p.Text, "{{#include") || p.LineEnd != 5 {
		t.Errorf("passage %q lines %d–%d, want no directive and line 5 last", p.Text, p.LineStart, p.LineEnd)
	}
}

// codeAndParagraphs parses Markdown src into the texts of its code blocks
// and of its paragraphs.
func codeAndParagraphs(src string) (code, paras []string) {
	for _, b := range parseMarkdown(newMarkdownParsers(), src, false).blocks {
		switch b.kind {
		case blockCode:
			code = append(code, b.text)
		case blockPara:
			paras = append(paras, b.text)
		}
	}
	return code, paras
}

// Headings under a heading lose their end marks too, and keep their line.
func TestMarkdownHeadingMarks(t *testing.T) {
	d := loadOne(t, "a.md", "# Guide\n\nIntro.\n\n## Reactive state \\*\\* {#state}\n\nState is a ref.\n")
	p := passageWith(t, d, "State is a ref.")
	if !slices.Equal(p.Headings, []string{"Reactive state"}) || p.LineStart != 7 {
		t.Errorf("headings %q at line %d, want [Reactive state] at line 7", p.Headings, p.LineStart)
	}
}

// Escapes and character references read as their characters, in prose,
// headings, items and table cells; in code they stay as written.
func TestMarkdownEscapes(t *testing.T) {
	tests := []struct {
		name, src string
		paras     []string
		code      []string
	}{
		{"backslash escapes", "Use file\\_name, not \\*name\\* or \\[x\\].\n", []string{"Use file_name, not *name* or [x]."}, nil},
		{"a backslash before a letter stays", "C:\\Users is the folder.\n", []string{"C:\\Users is the folder."}, nil},
		{"named and numeric references", "Fish &amp; chips &lt;b&gt; &#42; &#x41; &copy; done.\n", []string{"Fish & chips <b> * A © done."}, nil},
		{"an unknown reference stays", "Tom &foo; Jerry.\n", []string{"Tom &foo; Jerry."}, nil},
		{"code keeps them", "`a\\*b &amp; c`\n\n```\nx &lt; y \\* 2\n```\n", nil, []string{"a\\*b &amp; c", "x &lt; y \\* 2"}},
		{"a link's text", "See [the \\_index &amp; more](x.md).\n", []string{"See the _index & more."}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, paras := codeAndParagraphs(tt.src)
			if !slices.Equal(code, tt.code) || !slices.Equal(paras, tt.paras) {
				t.Errorf("code %q, paragraphs %q; want code %q, paragraphs %q", code, paras, tt.code, tt.paras)
			}
		})
	}
}

// A paragraph that is one code span is a line of code set apart, as tldr
// pages and READMEs write commands; a code span inside prose stays prose.
func TestMarkdownCodeSpanParagraph(t *testing.T) {
	tests := []struct {
		name, src   string
		code, paras []string
	}{
		{"command under its item",
			"- List all files:\n\n`ls -a`\n",
			[]string{"ls -a"}, nil},
		{"spaces around the span",
			"Run:\n\n  `make test`  \n\nDone.\n",
			[]string{"make test"}, []string{"Run:", "Done."}},
		{"span in a sentence",
			"Run `make test` first.\n",
			nil, []string{"Run make test first."}},
		{"two spans are a sentence of names",
			"`a` `b`\n",
			nil, []string{"a b"}},
		{"a span and a link",
			"`tool` [docs](https://example.com)\n",
			nil, []string{"tool docs"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, paras := codeAndParagraphs(tt.src)
			if !slices.Equal(code, tt.code) || !slices.Equal(paras, tt.paras) {
				t.Errorf("code %q, paragraphs %q; want code %q, paragraphs %q", code, paras, tt.code, tt.paras)
			}
		})
	}
}

// An HTML block holding a <pre> is a listing, as on a page: its lines are
// code, with their file lines; other HTML blocks are text.
func TestMarkdownHTMLPre(t *testing.T) {
	src := "# Start\n\nRun the tool and answer its prompts:\n\n" +
		"<div class=\"language-sh\"><pre><code><span class=\"g\">✔</span> <span>Project name: … &lt;your-name&gt;</span>\n" +
		"<span class=\"g\">✔</span> <span>Add tests? … No / Yes</span>\n</code></pre></div>\n\n" +
		"<div class=\"tip\"><p>Answers can be changed later.</p></div>\n\nThen start it.\n"
	code, paras := codeAndParagraphs(src)
	wantCode := []string{"✔ Project name: … <your-name>\n✔ Add tests? … No / Yes"}
	wantParas := []string{"Run the tool and answer its prompts:", "Answers can be changed later.", "Then start it."}
	if !slices.Equal(code, wantCode) || !slices.Equal(paras, wantParas) {
		t.Errorf("code %q, paragraphs %q; want code %q, paragraphs %q", code, paras, wantCode, wantParas)
	}
	d := loadOne(t, "a.md", src)
	if p := passageWith(t, d, "Add tests?"); len(p.Literal) == 0 || p.LineStart > 5 || p.LineEnd < 6 {
		t.Errorf("listing in passage %q (literal %v) at lines %d–%d, want literal and lines 5–6", p.Text, p.Literal, p.LineStart, p.LineEnd)
	}
}

// A heading's trailing anchor is gone from the passages' headings too, and
// from the text, not only from the title.
func TestMarkdownHeadingAnchorsInSections(t *testing.T) {
	d := loadOne(t, "a.md", "# Operators\n\nIntro text here.\n\n## Nullish coalescing [#nullish]\n\nThe operator is written as two question marks.\n\n## Chaining {: #chain .x}\n\nChaining reads a property of a value that may be missing.\n")
	for _, s := range []string{"two question marks", "may be missing"} {
		p := passageWith(t, d, s)
		if path := d.HeadingPath(p); strings.ContainsAny(path, "[]{}#") {
			t.Errorf("heading path %q holds the anchor", path)
		}
		if strings.ContainsAny(p.Text, "[]{}#") {
			t.Errorf("passage %q holds the anchor", p.Text)
		}
	}
}
