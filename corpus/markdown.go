package corpus

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	gmtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdownParsers are goldmark parsers for CommonMark with GitHub's tables,
// strikethrough and task lists, definition lists, footnotes and "{#id}"
// heading attributes; not GFM's autolinks, which only turn bare URLs into
// links, text either way. MDX turns indented code blocks off, as MDX does:
// JSX children are indented, not code.
type markdownParsers struct {
	md, mdx parser.Parser
}

func newMarkdownParsers() markdownParsers {
	var pts []util.PrioritizedValue
	for _, v := range parser.DefaultParagraphTransformers() {
		if v.Value == parser.LinkReferenceParagraphTransformer {
			v.Value = linkRefsFirst{v.Value.(parser.ParagraphTransformer)}
		}
		pts = append(pts, v)
	}
	return markdownParsersWith(pts)
}

// markdownParsersWith makes the parsers with the paragraph transformers pts.
func markdownParsersWith(pts []util.PrioritizedValue) markdownParsers {
	mk := func(indentedCode bool) parser.Parser {
		var bps []util.PrioritizedValue
		for _, v := range parser.DefaultBlockParsers() {
			if !indentedCode && fmt.Sprintf("%T", v.Value) == "*parser.codeBlockParser" {
				continue
			}
			bps = append(bps, v)
		}
		if !indentedCode {
			bps = append(bps, util.Prioritized(indentedParagraph{parser.NewParagraphParser()}, 1100))
		}
		p := parser.NewParser(
			parser.WithBlockParsers(bps...),
			parser.WithInlineParsers(parser.DefaultInlineParsers()...),
			parser.WithParagraphTransformers(pts...),
			parser.WithHeadingAttribute(),
		)
		return goldmark.New(
			goldmark.WithParser(p),
			goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList, extension.DefinitionList, extension.Footnote),
		).Parser()
	}
	return markdownParsers{md: mk(true), mdx: mk(false)}
}

// indentedParagraph opens a paragraph on a line indented four columns or
// more, which without indented code blocks no other parser opens: goldmark
// then stops, and every line after it was lost (an MDX tab's indented
// text, and the rest of its page). MDX reads such a line as a paragraph.
type indentedParagraph struct{ parser.BlockParser }

func (indentedParagraph) CanAcceptIndentedLine() bool { return true }

func (p indentedParagraph) Open(parent ast.Node, reader gmtext.Reader, pc parser.Context) (ast.Node, parser.State) {
	if pc.BlockIndent() < 4 {
		return nil, parser.NoChildren
	}
	return p.BlockParser.Open(parent, reader, pc)
}

// linkRefsFirst runs goldmark's link reference definition transformer only
// on paragraphs that start with "[", as a definition does: for the others
// it would find none, after making a reader for each paragraph of a corpus.
type linkRefsFirst struct{ parser.ParagraphTransformer }

func (t linkRefsFirst) Transform(node *ast.Paragraph, reader gmtext.Reader, pc parser.Context) {
	src, lines := reader.Source(), node.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		for _, c := range src[seg.Start:seg.Stop] {
			switch c {
			case ' ', '\t', '\n', '\r': // what goldmark skips before a definition
				continue
			case '[':
				t.ParagraphTransformer.Transform(node, reader, pc)
			}
			return
		}
	}
	t.ParagraphTransformer.Transform(node, reader, pc) // no text: as goldmark would
}

// mdLines is Markdown source rewritten line by line, each line with the
// line of the file it comes from.
type mdLines struct {
	lines []string
	src   []int // 1-based file line of each line
}

func (m *mdLines) add(line string, src int) {
	m.lines = append(m.lines, line)
	m.src = append(m.src, src)
}

var (
	// Hugo shortcodes {{< … >}} and {{% … %}}, Liquid tags {% … %}.
	shortcodeRe = regexp.MustCompile(`\{\{[<%]-?\s*(/?)\s*([\w./-]*)[^}]*?-?[%>]\}\}|\{%-?\s*(\w*)[^}]*?-?%\}`)
	// MDX comments {/* … */}.
	mdxCommentRe = regexp.MustCompile(`\{/\*.*?\*/\}`)
	// MDX expressions in text: {props.version}, {' '}, {"text"}.
	mdxExprRe = regexp.MustCompile(`\{\s*(?:'[^']*'|"[^"]*"|[A-Za-z_$][\w$.]*)\s*\}`)
	// Admonitions: Docusaurus ":::note Title", ":::tip[Title]",
	// ":::info{title="T"}", VuePress "::: warning Title", and the closing
	// ":::".
	admonitionRe = regexp.MustCompile(`^(\s*):{3,}\s*([\w-]*)\s*(.*?)\s*$`)
	// An abbreviation's definition: "*[HTML]: Hyper Text Markup Language".
	abbrDefRe = regexp.MustCompile(`^ {0,3}\*\[([^\]\n]+)\]:[ \t]*(.*?)[ \t]*$`)
	// mkdocstrings' autodoc directive: "::: package.module.Name" and nothing
	// else (a Docusaurus or VuePress container names a type, then a title).
	autodocRe = regexp.MustCompile(`^(\s*):::[ \t]+([A-Za-z_][\w.:/-]*)\s*$`)
	// MkDocs admonitions and tabs: `!!! note "Title"`, `??? tip`, `=== "Tab"`.
	mkdocsBlockRe = regexp.MustCompile(`^(\s*)(?:(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*|===\+?)(?:\s+"(.*)")?\s*$`)
	// PyMdown Extensions' generic blocks (pymdownx.blocks): "/// note |
	// Title", "//// tab | Python 3.10+"; the name and the argument.
	pymdownBlockRe = regexp.MustCompile(`^\s*(/{3,})\s*([A-Za-z][\w-]*)\s*(?:\|\s*(.*?))?\s*$`)
	// GitHub alerts: "> [!NOTE]".
	githubAlertRe = regexp.MustCompile(`^(\s*(?:>\s*)+)\[!\w+\]\s*(.*)$`)
	importRe      = regexp.MustCompile(`^import\s*(?:['"]|\{\s*$|[\w*{][^'"]*(?:\sfrom\s*['"]|,\s*$|\{\s*$))`)
	exportRe      = regexp.MustCompile(`^export\s+(?:const|let|var|function|default|async|class|\{)`)
	// A closing shortcode alone on its line, {{< /name >}}, or Liquid's
	// {% endhighlight %}.
	shortcodeCloseRe = regexp.MustCompile(`^\{\{[<%]-?\s*/\s*([\w./-]+)\s*-?[%>]\}\}$|^\{%-?\s*(endhighlight)\s*-?%\}$`)
	// A shortcode argument naming a language: {{< tab lang="yaml" >}}.
	langArgRe = regexp.MustCompile(`\s(?:lang|language)\s*=\s*["']?\w`)
	fenceRe   = regexp.MustCompile("^\\s*(`{3,}|~{3,})")
	jsxTagRe  = regexp.MustCompile(`</?[A-Z][\w.]*(?:\s[^<>]*?)?/?>`)
	// mystDirectiveRe matches the opening fence of a MyST directive: its
	// fence, name and argument.
	mystDirectiveRe = regexp.MustCompile("^(`{3,}|~{3,})\\{([\\w:.-]+)\\}(.*)$")
	mystOptionRe    = regexp.MustCompile(`^:[\w-]+:`)
	// mystRoleRe matches a MyST role: {ref}`Title <target>`.
	mystRoleRe = regexp.MustCompile("\\{([\\w:.+-]+)\\}`([^`]+)`")
	// jsxTagsOnlyRe matches a line of JSX tags and nothing else; in MDX a
	// lowercase tag (<div className="x">) is JSX too, and the Markdown
	// inside it is Markdown, not an HTML block.
	jsxTagsOnlyRe = regexp.MustCompile(`^\s*(?:</?[A-Za-z][\w.:-]*(?:\s[^<>]*?)?/?>\s*)+$`)
	mdxTagRe      = regexp.MustCompile(`</?[A-Za-z][\w.:-]*(?:\s[^<>]*?)?/?>`)
	// mdRoleRe matches a role in Markdown, reStructuredText's form that
	// d2lbook uses: :numref:`sec_x`, and what stands before it.
	mdRoleRe = regexp.MustCompile("(^|[^\\w`:]):[a-z][\\w-]*:`([^`]+)`")
	// markerLineRe matches a line of one role or marker and nothing else.
	markerLineRe = regexp.MustCompile("^:[a-z][\\w-]*:(?:`[^`]*`)?\\s*$")
	// macroRe matches MDN's KumaScript macros: {{jsxref("Array")}},
	// {{Compat}}; its name and its arguments.
	macroRe = regexp.MustCompile(`\{\{\s*([A-Za-z][\w-]*)\s*(?:\(((?:"[^"]*"|'[^']*'|[^(){}"'])*)\))?\s*\}\}`)
	// macroArgRe matches one quoted argument of a macro.
	macroArgRe = regexp.MustCompile(`"([^"]*)"|'([^']*)'`)
	// fencedNoteRe matches a fence's info string that makes it a note:
	// its name and its header="…" attribute.
	fencedNoteRe = regexp.MustCompile(`^([a-z]+)(?:\s+header\s*=\s*"(.*)")?\s*$`)
)

// prepareMarkdown rewrites Markdown source, line by line, so that goldmark
// sees only Markdown: front matter and MDX import/export lines become blank,
// admonition fences and shortcodes go and leave their title and content,
// Liquid and Hugo highlight tags become code fences. Code fences are left
// alone inside.
func prepareMarkdown(src string, mdx bool) (mdLines, frontMatter) {
	all := strings.Split(src, "\n")
	fm, skip := splitFrontMatter(all)
	out := mdLines{lines: make([]string, 0, len(all)+8), src: make([]int, 0, len(all)+8)}
	for i := range skip {
		out.add("", i+1)
	}
	fence := ""             // the open code fence, "" outside code
	byTag := ""             // the shortcode that opened the fence, if one did
	fenceIndent := 0        // the indentation of the open fence
	inShortcode := false    // inside a shortcode that spans lines
	jsxEnd, jsxCol := -1, 0 // the line and column where a JSX tag over several lines ends
	var mkdocs []int        // indentation of the content of each open MkDocs admonition
	inStatement := 0        // depth of an MDX import/export statement being skipped
	inComment := false      // inside a multi-line MDX comment
	// MDX: the indentation of the children of each open JSX element whose
	// tag has a line of its own, -1 until its first child. Its children are
	// taken back to the margin: MDX reads indented lines as any others (a
	// fence in a <TabItem> is code), Markdown as indented code.
	var jsx []int
	fenceShift := 0              // columns taken off the lines of the open fence
	var myst []string            // the closing fences of open MyST directives of text
	mystOpts := false            // at the ":key: value" options that open a directive
	var blocks []string          // the closing fences ("///") of open PyMdown blocks
	blockOpts := -1              // the header's indentation while at a block's YAML options, else -1
	var lastFence map[string]int // lastFences(all), made at the first line starting "///"
	var mdHTML []string          // the open HTML elements whose content is Markdown (md_in_html)
	for i := skip; i < len(all); i++ {
		line, n := all[i], i+1
		if blockOpts >= 0 {
			// A block's options are YAML indented under its header, up
			// to the first line that is not.
			if strings.TrimSpace(line) != "" && indentOf(line) >= blockOpts+4 {
				out.add("", n)
				continue
			}
			blockOpts = -1
		}
		if fence == "" && !inShortcode && !inComment && jsxEnd < 0 && inStatement == 0 && len(mkdocs) == 0 && len(jsx) == 0 && isPlainLine(line) {
			out.add(line, n) // what every rule below would leave as it is
			continue
		}
		// MkDocs admonition content is indented; a line indented less
		// closes the admonitions it is outside of.
		if strings.TrimSpace(line) != "" {
			for len(mkdocs) > 0 && indentOf(line) < mkdocs[len(mkdocs)-1] {
				mkdocs = mkdocs[:len(mkdocs)-1]
			}
		}
		line = dedentColumns(line, 4*len(mkdocs))
		shift := 0
		if fence != "" {
			line = dedentColumns(line, fenceShift)
		} else if len(jsx) > 0 {
			top := &jsx[len(jsx)-1]
			if *top < 0 && strings.TrimSpace(line) != "" && !jsxTagsOnlyRe.MatchString(line) {
				*top = indentOf(line)
			}
			shift = max(*top, 0)
			line = dedentColumns(line, shift)
		}
		if fence != "" && byTag == "\x00myst" {
			if t := strings.TrimSpace(line); strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				fence, byTag = "", ""
			}
			out.add("", n)
			continue
		}
		if fence != "" && mystOpts {
			// The options of a MyST code directive (":caption: x").
			if mystOptionRe.MatchString(strings.TrimSpace(line)) {
				out.add("", n)
				continue
			}
			mystOpts = false
		}
		if fence != "" {
			if byTag != "" {
				// Code opened by a shortcode ends at its closing tag.
				if closesShortcode(strings.TrimSpace(line), byTag) {
					out.add("```", n)
					fence, byTag = "", ""
					continue
				}
				out.add(line, n)
				continue
			}
			out.add(line, n)
			// A closing fence is indented less than four columns more than
			// its opening one; deeper, it is text of the block.
			if t := strings.TrimSpace(line); strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" && indentOf(line) < fenceIndent+4 {
				fence = ""
			}
			continue
		}
		trimmed := strings.TrimLeft(line, " \t")
		if len(myst) > 0 {
			t := strings.TrimSpace(line)
			if top := myst[len(myst)-1]; strings.HasPrefix(t, top) && strings.Trim(t, top[:1]) == "" {
				myst, mystOpts = myst[:len(myst)-1], false
				out.add("", n)
				continue
			}
			if mystOpts && mystOptionRe.MatchString(t) {
				out.add("", n)
				continue
			}
			mystOpts = false
		}
		if !mdx && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")) && strings.Contains(trimmed, "{") {
			if d := mystDirectiveRe.FindStringSubmatch(trimmed); d != nil {
				// A MyST directive: ```{note}, ```{versionadded} 1.2,
				// ```{code-block} python.
				name, arg := strings.ToLower(d[2]), strings.TrimSpace(d[3])
				switch {
				case rstCode[name]:
					lang, _, _ := strings.Cut(arg, " ")
					line, mystOpts = line[:len(line)-len(trimmed)]+d[1]+lang, true
				case rstDropped[name] || name == "eval-rst":
					fence, fenceIndent, fenceShift, byTag = d[1], indentOf(line), shift, "\x00myst" // its lines go
					out.add("", n)
					continue
				default: // admonitions, version notes, tabs: their text
					myst, mystOpts = append(myst, d[1]), true
					if v, ok := rstVersionNotes[name]; ok && arg != "" {
						version, rest, _ := strings.Cut(arg, " ")
						arg = strings.TrimSpace(v + " " + version + ". " + rest)
					}
					out.add(line[:len(line)-len(trimmed)]+arg, n)
					if arg != "" {
						out.add("", n)
					}
					continue
				}
			}
		}
		if m := matchIf(strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~"), fenceRe, line); m != nil {
			info := strings.TrimSpace(strings.TrimLeft(trimmed, m[1][:1]))
			if title, ok := fencedNote(info); ok {
				// javascript.info's notes (```smart header="…"): a
				// title and Markdown, not code.
				myst = append(myst, m[1])
				out.add(line[:len(line)-len(trimmed)]+title, n)
				if title != "" {
					out.add("", n)
				}
				continue
			}
			if m[1][0] == '`' && strings.Contains(info, "`") {
				// CommonMark opens no fence whose info string holds a
				// backtick, and its closing line would then open one that
				// runs to the end of the page: the fence is read as one.
				line = line[:len(line)-len(trimmed)] + m[1] + strings.ReplaceAll(info, "`", "")
			}
			if mdx && indentOf(line) > 3 {
				// MDX has no indented code: a fence indented four
				// columns or more is a fence. Three keep it in the list
				// item it may be in.
				extra := indentOf(line) - 3
				line, shift = dedentColumns(line, extra), shift+extra
			}
			fence, fenceIndent, fenceShift = m[1], indentOf(line), shift
			out.add(line, n)
			continue
		}
		if !inShortcode && !inComment && includeLineRe.MatchString(line) {
			// The build puts the file's text where the line is: the line
			// ends the paragraph above it, and goes.
			out.add("", n)
			continue
		}
		if inShortcode {
			// A shortcode whose arguments run over several lines.
			j := closingShortcode(line)
			if j < 0 {
				out.add("", n)
				continue
			}
			line, inShortcode = line[j:], false
		}
		if k := openShortcode(line); k >= 0 {
			line, inShortcode = line[:k], true
		}
		if inComment {
			j := strings.Index(line, "*/}")
			if j < 0 {
				out.add("", n)
				continue
			}
			line, inComment = line[j+3:], false
		}
		if strings.Contains(line, "{/*") {
			line = mdxCommentRe.ReplaceAllString(line, "")
			if j := strings.Index(line, "{/*"); j >= 0 {
				line, inComment = line[:j], true
			}
		}
		if jsxEnd >= 0 {
			// The rest of a JSX tag whose attributes run over lines.
			if i < jsxEnd {
				out.add("", n)
				continue
			}
			// jsxCol is a column of the line as written; what was
			// taken off its start since (indentation) comes off it.
			col := min(max(jsxCol-(len(all[i])-len(line)), 0), len(line))
			line, jsxEnd = line[col:], -1
		}
		if mdx && jsxTagsOnlyRe.MatchString(line) {
			for _, tag := range mdxTagRe.FindAllString(line, -1) {
				switch {
				case strings.HasPrefix(tag, "</"):
					if len(jsx) > 0 {
						jsx = jsx[:len(jsx)-1]
					}
				case !strings.HasSuffix(tag, "/>"):
					jsx = append(jsx, -1)
				}
			}
			out.add("", n)
			continue
		}
		if t := strings.TrimLeft(line, " \t"); len(t) > 1 && t[0] == '<' && t[1] >= 'A' && t[1] <= 'Z' {
			if end, col := jsxTagSpan(all, i, len(line)-len(t)); end > i {
				jsxEnd, jsxCol = end, col
				out.add("", n)
				continue
			}
		}
		// Before expressions are reduced: "import { Code } from 'x'" is
		// a statement, whose braces are no expression.
		if inStatement > 0 || (line != "" && (line[0] == 'i' || line[0] == 'e') && isStatementStart(line)) {
			inStatement = statementDepth(line, inStatement)
			out.add("", n)
			continue
		}
		if !mdx && strings.Contains(line, "}`") {
			// MyST roles ({ref}`Title <target>`) read as their text.
			line = mystRoleRe.ReplaceAllStringFunc(line, func(m string) string {
				sm := mystRoleRe.FindStringSubmatch(m)
				return roleText(sm[1], sm[2])
			})
		}
		if t := strings.TrimLeft(line, " \t"); !mdx && t != "" && t[0] == ':' && markerLineRe.MatchString(t) {
			// d2lbook's :label:`x`, :begin_tab:`pytorch` and :end_tab:
			// mark places; they are no text.
			out.add("", n)
			continue
		}
		if !mdx && strings.Contains(line, ":`") {
			// d2lbook's roles in Markdown (:numref:`sec_x`, :cite:`Key`)
			// read as their text, as reStructuredText's do.
			line = mdRoleRe.ReplaceAllStringFunc(line, func(m string) string {
				sm := mdRoleRe.FindStringSubmatch(m)
				return sm[1] + roleText("", sm[2])
			})
		}
		if mdx && strings.Contains(line, "{") {
			line = mdxExprRe.ReplaceAllStringFunc(line, mdxExprText)
		}
		trimmed = strings.TrimLeft(line, " \t")
		if trimmed == "" {
			out.add(line, n)
			continue
		}
		if !mdx && trimmed[0] == '<' {
			// Markdown in HTML (Python-Markdown's md_in_html): an element
			// with a markdown attribute holds Markdown; its tags go.
			if m := htmlOpenTagRe.FindStringSubmatch(line); m != nil && markdownAttr(m[2]) {
				mdHTML = append(mdHTML, strings.ToLower(m[1]))
				out.add("", n)
				continue
			}
			if len(mdHTML) > 0 {
				if m := htmlCloseTagRe.FindStringSubmatch(line); m != nil && strings.EqualFold(m[1], mdHTML[len(mdHTML)-1]) {
					mdHTML = mdHTML[:len(mdHTML)-1]
					out.add("", n)
					continue
				}
			}
		}
		if !mdx && (strings.IndexByte(line, '{') >= 0 || hasIcon(line) || hasInlineMark(line)) {
			line = outsideCodeSpans(line, dropAttrListsAndIcons)
			trimmed = strings.TrimLeft(line, " \t")
			if trimmed == "" {
				out.add(line, n)
				continue
			}
		}
		if rest, ok := strings.CutPrefix(trimmed, "- : "); ok {
			// MDN's definition lists: "- term" over "  - : definition",
			// read as the definition list it renders.
			line = line[:len(line)-len(trimmed)] + ": " + rest
			trimmed = strings.TrimLeft(line, " \t")
		}
		if m := matchIf(strings.HasPrefix(trimmed, "*["), abbrDefRe, line); m != nil {
			// An abbreviation's definition (Python-Markdown's abbr, PHP
			// Markdown Extra's syntax) is the term's tooltip on the
			// site: it reads as "term: definition", a paragraph of its
			// own, as a definition list's item does.
			out.add(m[1]+": "+m[2], n)
			out.add("", n)
			continue
		}
		if m := matchIf(strings.HasPrefix(trimmed, "::: "), autodocRe, line); m != nil && (strings.ContainsAny(m[2], ".:/") || !slices.ContainsFunc(all[i+1:], isContainerEnd)) {
			// mkdocstrings' "::: package.module.Name": the build puts
			// documentation generated from the code there. The line
			// goes, and the YAML options indented under it.
			out.add("", n)
			indent := indentOf(line)
			for i+1 < len(all) && (strings.TrimSpace(all[i+1]) == "" || indentOf(all[i+1]) > indent) {
				if strings.TrimSpace(all[i+1]) == "" && (i+2 >= len(all) || indentOf(all[i+2]) <= indent) {
					break
				}
				i++
				out.add("", i+1)
			}
			continue
		}
		if m := matchIf(strings.HasPrefix(trimmed, ":::"), admonitionRe, line); m != nil {
			out.add("", n)
			if title := admonitionTitle(m[3]); title != "" {
				out.add(m[1]+title, n)
				out.add("", n)
			}
			continue
		}
		if m := matchIf(trimmed[0] == '!' || trimmed[0] == '?' || trimmed[0] == '=', mkdocsBlockRe, line); m != nil {
			out.add("", n)
			if m[2] != "" {
				out.add(m[1]+m[2], n)
				out.add("", n)
			}
			mkdocs = append(mkdocs, indentOf(all[i])+4)
			continue
		}
		if strings.HasPrefix(trimmed, "///") {
			if lastFence == nil {
				lastFence = lastFences(all)
			}
			if t := strings.TrimSpace(trimmed); strings.Trim(t, "/") == "" {
				// A closing fence closes its block and any left open
				// inside it.
				if k := slices.Index(blocks, t); k >= 0 {
					blocks = blocks[:k]
					out.add("", n)
					continue
				}
			} else if m := pymdownBlockRe.FindStringSubmatch(line); m != nil && lastFence[m[1]] > i {
				// A block is read as one only when a fence closes it
				// later, so that prose or a doc comment starting with
				// slashes stays text. The site shows the argument as
				// the block's title (an admonition's, the summary of
				// details, a tab's label), except an html block's: a
				// tag's name.
				out.add("", n)
				if title := strings.TrimSpace(m[3]); title != "" && !strings.EqualFold(m[2], "html") {
					out.add(title, n)
					out.add("", n)
				}
				blocks, blockOpts = append(blocks, m[1]), indentOf(line)
				continue
			}
		}
		if m := matchIf(trimmed[0] == '>', githubAlertRe, line); m != nil {
			// "> [!NOTE] Title": the title is a paragraph of its own.
			quote := strings.TrimRight(m[1], " ")
			if title := strings.TrimSpace(m[2]); title != "" {
				out.add(quote+" "+title, n)
			}
			line = quote
		}
		if strings.Contains(line, "{{") || strings.Contains(line, "{%") {
			var code string
			line = replaceMacros(line)
			line, code = replaceShortcodes(line)
			if code != "" && (code == "highlight" || closedLater(all[i+1:], code)) {
				fence, byTag, fenceShift = "```", code, 0
				out.add("```", n)
				continue
			}
		}
		out.add(line, n)
	}
	return out, fm
}

// isPlainLine reports whether no rule of prepareMarkdown applies to line
// outside code, shortcodes, comments, JSX tags, statements and MkDocs
// blocks: it holds no brace (shortcodes, Liquid tags, MDX comments and
// expressions), does not start as an import or export statement may, and
// its first character after indentation opens no fence, JSX tag,
// admonition, MkDocs block or quote. Most lines of a document are plain.
func isPlainLine(line string) bool {
	if line == "" {
		return true
	}
	if line[0] == 'i' || line[0] == 'e' || strings.IndexByte(line, '{') >= 0 || strings.Contains(line, ":`") || hasIcon(line) || hasInlineMark(line) {
		return false
	}
	t := strings.TrimLeft(line, " \t")
	if t == "" {
		return true
	}
	switch t[0] {
	case '`', '~', '<', ':', '!', '?', '=', '>':
		return false
	case '/':
		return !strings.HasPrefix(t, "///")
	case '*':
		return !strings.HasPrefix(t, "*[")
	case '-':
		return !strings.HasPrefix(t, "- : ") && !strings.Contains(t, "8<-")
	}
	return true
}

// isContainerEnd reports whether line closes a Docusaurus or VuePress
// container: ":::" alone.
func isContainerEnd(line string) bool { return strings.TrimSpace(line) == ":::" }

// lastFences maps each line of only slashes (three or more: a PyMdown
// block's closing fence) to the index of the last line that is it.
func lastFences(lines []string) map[string]int {
	last := map[string]int{}
	for i, l := range lines {
		if t := strings.TrimSpace(l); len(t) >= 3 && strings.Trim(t, "/") == "" {
			last[t] = i
		}
	}
	return last
}

var (
	// inlineAttrListRe matches Python-Markdown's attribute list of an
	// inline element, right after it ("…){target=new}", "**b**{: .c}"):
	// ids, classes and key=value pairs in braces, the colon optional.
	inlineAttrListRe = regexp.MustCompile(`([)\]*_:` + "`" + `])\{:?[ \t]*(?:[#.][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}"']+))(?:[ \t]+(?:[#.][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}"']+)))*[ \t]*\}`)
	// iconRe matches an MkDocs Material icon (":material-check:",
	// ":fontawesome-solid-plane:", ":octicons-alert-16:", ":simple-go:"),
	// with the space before it.
	iconRe = regexp.MustCompile(`[ \t]?:(?:material|fontawesome|octicons|simple)-[a-z0-9-]+:`)
)

var (
	// htmlOpenTagRe matches a line of one opening HTML tag: its name and
	// attributes.
	htmlOpenTagRe = regexp.MustCompile(`^[ \t]*<([A-Za-z][\w-]*)((?:\s[^<>]*)?)>[ \t]*$`)
	// htmlCloseTagRe matches a line of one closing HTML tag: its name.
	htmlCloseTagRe = regexp.MustCompile(`^[ \t]*</([A-Za-z][\w-]*)\s*>[ \t]*$`)
	// markdownAttrRe matches md_in_html's markdown attribute and its value.
	markdownAttrRe = regexp.MustCompile(`(?:^|\s)markdown(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?(?:\s|/?$)`)
)

// markdownAttr reports whether a tag's attributes mark its content as
// Markdown: markdown, markdown="1", "block" or "span"; not markdown="0".
func markdownAttr(attrs string) bool {
	m := markdownAttrRe.FindStringSubmatch(attrs)
	return m != nil && strings.Trim(m[1], `"'`) != "0"
}

// iconSets are the icon sets MkDocs Material's shortcodes name.
var iconSets = []string{"material-", "fontawesome-", "octicons-", "simple-"}

// hasIcon reports, cheaply, whether line may hold an icon's shortcode.
func hasIcon(line string) bool {
	for i := strings.IndexByte(line, ':'); i >= 0; {
		rest := line[i+1:]
		for _, set := range iconSets {
			if strings.HasPrefix(rest, set) {
				return true
			}
		}
		j := strings.IndexByte(rest, ':')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// dropAttrListsAndIcons removes inline attribute lists and icons, which
// the site shows as no text, and PyMdown's inline marks around text.
func dropAttrListsAndIcons(s string) string {
	if strings.IndexByte(s, '{') >= 0 {
		s = inlineAttrListRe.ReplaceAllString(s, "$1")
	}
	if hasIcon(s) {
		s = iconRe.ReplaceAllString(s, "")
	}
	if hasInlineMark(s) {
		s = dropInlineMarks(s)
	}
	return s
}

// outsideCodeSpans applies f to the parts of line outside its code spans
// (a run of backticks to the next run as long), leaving the spans as they
// are; an unclosed run is text.
func outsideCodeSpans(line string, f func(string) string) string {
	if strings.IndexByte(line, '`') < 0 {
		return f(line)
	}
	var b strings.Builder
	start := 0 // the start of the text not yet written
	for i := 0; i < len(line); {
		if line[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(line) && line[j] == '`' {
			j++
		}
		run := line[i:j]
		k := strings.Index(line[j:], run)
		for k >= 0 && j+k+len(run) < len(line) && line[j+k+len(run)] == '`' {
			// A longer run does not close it.
			next := strings.Index(line[j+k+len(run):], run)
			if next < 0 {
				k = -1
				break
			}
			k += len(run) + next
		}
		if k < 0 {
			i = j
			continue
		}
		end := j + k + len(run)
		b.WriteString(f(line[start:i]))
		b.WriteString(line[i:end])
		start, i = end, end
	}
	b.WriteString(f(line[start:]))
	return b.String()
}

// openShortcode returns where a Hugo shortcode that the line does not close
// starts ("{{< datatable" with its arguments on the next lines), or -1.
func openShortcode(line string) int {
	if !strings.Contains(line, "{{") {
		return -1
	}
	for _, open := range []string{"{{<", "{{%"} {
		if k := strings.LastIndex(line, open); k >= 0 && closingShortcode(line[k:]) < 0 {
			return k
		}
	}
	return -1
}

// closingShortcode returns where the text after a shortcode's closing
// ">}}" or "%}}" starts in line, or -1.
func closingShortcode(line string) int {
	for _, c := range []string{">}}", "%}}"} {
		if k := strings.Index(line, c); k >= 0 {
			return k + len(c)
		}
	}
	return -1
}

// jsxTagEnd returns where the text after a JSX tag's closing ">" starts in
// line, skipping ">" inside braces (attribute expressions) and quotes; -1
// when the tag goes on. *depth carries the open braces across lines.
func jsxTagEnd(line string, depth *int) int {
	quote := byte(0)
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '{':
			*depth++
		case c == '}':
			*depth = max(*depth-1, 0)
		case c == '>' && *depth == 0:
			return i + 1
		}
	}
	return -1
}

// maxJSXTagLines bounds how far a JSX tag's attributes may run: a "<Word"
// that does not close by then is text, not a tag.
const maxJSXTagLines = 30

// jsxTagSpan finds the end of a JSX tag that opens at column col of
// lines[i]: the line and the column after its ">". An end on line i itself,
// or none within maxJSXTagLines, gives i.
func jsxTagSpan(lines []string, i, col int) (int, int) {
	depth := 0
	for k := i; k < len(lines) && k <= i+maxJSXTagLines; k++ {
		line := lines[k]
		if k == i {
			line = line[col:]
		}
		if j := jsxTagEnd(line, &depth); j >= 0 {
			if k == i {
				return i, 0
			}
			return k, j
		}
	}
	return i, 0
}

// mdxExprText is what a reader sees of an MDX expression: a string
// literal's text ({' '}, {"text"}); nothing for a variable
// ({props.version}), whose value is known only when the site is built.
func mdxExprText(e string) string {
	inner := strings.TrimSpace(e[1 : len(e)-1])
	if len(inner) >= 2 && (inner[0] == '\'' || inner[0] == '"') && inner[len(inner)-1] == inner[0] {
		return inner[1 : len(inner)-1]
	}
	return ""
}

// matchIf runs re on line only when a cheap test says it may match: most
// lines of a document start with none of the characters the patterns need.
func matchIf(maybe bool, re *regexp.Regexp, line string) []string {
	if !maybe {
		return nil
	}
	return re.FindStringSubmatch(line)
}

// replaceShortcodes removes shortcodes and Liquid tags from a line. A tag
// alone on its line that opens code — highlight, or any shortcode with a
// lang or language argument (Hugo's codeFromInline, Docsy's tab with
// lang) — is returned as code, its name, for the caller to open a fence.
func replaceShortcodes(line string) (rest, code string) {
	ms := shortcodeRe.FindAllStringSubmatchIndex(line, -1)
	if ms == nil {
		return line, ""
	}
	if len(ms) == 1 && ms[0][0] == len(line)-len(strings.TrimLeft(line, " \t")) && ms[0][1] == len(line) {
		// A tag alone on its line.
		m := ms[0]
		closing := m[2] >= 0 && m[3] > m[2]
		name := ""
		if m[4] >= 0 {
			name = line[m[4]:m[5]]
		} else if m[6] >= 0 {
			name = line[m[6]:m[7]]
		}
		if !closing && name != "" && (isCodeShortcode(name) || langArgRe.MatchString(line[m[0]:m[1]])) {
			return "", name
		}
		return "", ""
	}
	spans := codeSpans(line)
	var b strings.Builder
	last := 0
	for _, m := range ms {
		if inSpans(spans, m[0]) {
			continue // `{{</* x */>}}` shows the syntax: it is text
		}
		b.WriteString(line[last:m[0]])
		last = m[1]
		b.WriteString(cellShortcode(line, m[0], m[1]))
	}
	b.WriteString(line[last:])
	if strings.TrimSpace(b.String()) == "" {
		return "", ""
	}
	return b.String(), ""
}

// bareShortcodeRe is a Hugo shortcode without arguments: {{< check_yes >}}.
var bareShortcodeRe = regexp.MustCompile(`^\{\{[<%]-?\s*([A-Za-z][\w.-]*)\s*-?[%>]\}\}$`)

// cellShortcode is the words a shortcode between line[start:end] reads as:
// its name in words ("check yes") when it is the whole of a table cell and
// takes no arguments, else nothing. A shortcode is a template the site
// fills in; one with no arguments in a cell of its own is a mark whose
// only meaning in the source is its name (Jaeger's {{< check_yes >}},
// GitLab's {{< yes >}}, Sensu's {{< check >}}), and dropped it left the
// cell empty, a table no question could be answered from. In prose, or
// with arguments (a parameter, a link), it goes as before.
func cellShortcode(line string, start, end int) string {
	m := bareShortcodeRe.FindStringSubmatch(line[start:end])
	if m == nil {
		return ""
	}
	before := strings.TrimRight(line[:start], " \t")
	after := strings.TrimLeft(line[end:], " \t")
	pipeBefore := strings.HasSuffix(before, "|") && !strings.HasSuffix(before, `\|`)
	pipeAfter := strings.HasPrefix(after, "|")
	if !(pipeBefore && (pipeAfter || after == "") || pipeAfter && before == "") {
		return ""
	}
	return nameWords(m[1])
}

// nameWords writes a template's name as words: check_yes, check-yes and
// checkYes are "check yes".
func nameWords(name string) string {
	var b strings.Builder
	prevLower := false
	for _, r := range name {
		switch {
		case r == '_' || r == '-' || r == '.':
			b.WriteByte(' ')
			prevLower = false
			continue
		case unicode.IsUpper(r):
			if prevLower {
				b.WriteByte(' ')
			}
			r = unicode.ToLower(r)
			prevLower = false
		default:
			prevLower = unicode.IsLower(r) || unicode.IsDigit(r)
		}
		b.WriteRune(r)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// fencedNotes are the names of javascript.info's fenced notes, whose body
// is Markdown ("```smart header=…"); another name with a header="…"
// attribute is one too.
var fencedNotes = map[string]bool{"smart": true, "warn": true, "online": true, "summary": true}

// fencedNote reports whether a fence with info string info is a note, and
// its title.
func fencedNote(info string) (title string, ok bool) {
	m := fencedNoteRe.FindStringSubmatch(info)
	if m == nil || !fencedNotes[m[1]] && !strings.Contains(info, "header") {
		return "", false
	}
	return m[2], true
}

// replaceMacros reads MDN's KumaScript macros outside code spans: a
// cross-reference ({{jsxref("Array")}}, {{HTMLElement("img")}}) as the
// code it links to, or its second argument when it gives the words
// ({{jsxref("Array/forEach", "forEach")}}), a glossary link as its words,
// and the rest ({{Compat}}, {{EmbedInteractiveExample(…)}}, sidebars and
// badges) as nothing: the site's build fills them in. A macro without
// arguments is one only when written without spaces and with a capital or
// an underscore, so that a template's {{ message }} or {{msg}} stays.
func replaceMacros(line string) string {
	ms := macroRe.FindAllStringSubmatchIndex(line, -1)
	if ms == nil {
		return line
	}
	spans := codeSpans(line)
	var b strings.Builder
	last := 0
	for _, m := range ms {
		whole, name := line[m[0]:m[1]], line[m[2]:m[3]]
		if inSpans(spans, m[0]) || m[4] < 0 && (strings.ContainsAny(whole, " \t") || strings.ToLower(name) == name && !strings.Contains(name, "_")) {
			continue
		}
		b.WriteString(line[last:m[0]])
		last = m[1]
		if m[4] < 0 {
			dropSpace(&b, line[last:])
			continue
		}
		var args []string
		for _, a := range macroArgRe.FindAllStringSubmatch(line[m[4]:m[5]], -1) {
			args = append(args, a[1]+a[2])
		}
		lower := strings.ToLower(name)
		isRef := strings.HasSuffix(lower, "ref") || strings.HasSuffix(lower, "element")
		if len(args) == 0 || !isRef && lower != "glossary" {
			dropSpace(&b, line[last:])
			continue
		}
		text := strings.ReplaceAll(args[0], "/", ".")
		if len(args) > 1 && args[1] != "" {
			text = args[1]
		}
		text = strings.ReplaceAll(text, "`", "")
		if lower == "htmlelement" || lower == "svgelement" || lower == "mathmlelement" {
			text = "<" + text + ">"
		}
		if isRef {
			text = "`" + text + "`"
		}
		b.WriteString(text)
	}
	b.WriteString(line[last:])
	return b.String()
}

// dropSpace takes the spaces that end b off when what follows a macro
// that left nothing is a space, a mark or the end of the line: "for x
// {{optional_inline}}." is "for x.".
func dropSpace(b *strings.Builder, next string) {
	if next != "" && !strings.ContainsAny(next[:1], " \t.,;:)!?") {
		return
	}
	s := b.String()
	if t := strings.TrimRight(s, " \t"); len(t) < len(s) {
		b.Reset()
		b.WriteString(t)
	}
}

// isCodeShortcode reports whether a shortcode's name says its body is
// code: highlight, or a name with the word code in it (Hugo's own docs
// show every setting in {{< code-toggle >}}, a file in {{< code >}}).
func isCodeShortcode(name string) bool {
	if name == "highlight" {
		return true
	}
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == '/' || r == '.' }) {
		if w == "code" || w == "codeblock" {
			return true
		}
	}
	return false
}

// closesShortcode reports whether a trimmed line is the closing tag of the
// shortcode name: {{< /name >}}, or {% endhighlight %} for highlight.
func closesShortcode(t, name string) bool {
	m := shortcodeCloseRe.FindStringSubmatch(t)
	switch {
	case m == nil:
		return false
	case m[2] != "":
		return name == "highlight"
	}
	return m[1] == name
}

// closedLater reports whether one of lines closes the shortcode name: a
// shortcode that takes its code from elsewhere ({{< code file="x.go"
// lang="go" >}}) has no closing tag, and must not turn the rest of the page
// into code; nor may it borrow the closing tag of the next one of its name.
func closedLater(lines []string, name string) bool {
	for _, l := range lines {
		if !strings.Contains(l, name) {
			continue
		}
		t := strings.TrimSpace(l)
		if closesShortcode(t, name) {
			return true
		}
		for _, m := range shortcodeRe.FindAllStringSubmatch(t, -1) {
			if m[1] == "" && m[2] == name {
				return false // the next one opens first
			}
		}
	}
	return false
}

// codeSpans returns the byte spans of a line's inline code: text between
// runs of backticks of the same length.
func codeSpans(line string) [][2]int {
	var out [][2]int
	for i := 0; i < len(line); {
		if line[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(line) && line[j] == '`' {
			j++
		}
		tick := line[i:j]
		k := strings.Index(line[j:], tick)
		if k < 0 {
			break
		}
		out = append(out, [2]int{i, j + k + len(tick)})
		i = j + k + len(tick)
	}
	return out
}

func inSpans(spans [][2]int, off int) bool {
	for _, s := range spans {
		if s[0] <= off && off < s[1] {
			return true
		}
	}
	return false
}

// admonitionTitle is the title of an admonition from what follows its
// type: "Title", "[Title]", `{title="Title"}`.
func admonitionTitle(s string) string {
	s = strings.TrimSpace(s)
	switch {
	case strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]"):
		return strings.TrimSpace(s[1 : len(s)-1])
	case strings.HasPrefix(s, "{"):
		if _, v, ok := strings.Cut(s, "title="); ok {
			v = strings.TrimRight(v, "}")
			if u, err := strconv.Unquote(v); err == nil {
				return u
			}
			return strings.Trim(v, `"'`)
		}
		return ""
	}
	return s
}

func indentOf(line string) int {
	n := 0
	for _, c := range line {
		switch c {
		case ' ':
			n++
		case '\t':
			n += 4
		default:
			return n
		}
	}
	return n
}

// dedentColumns removes up to n columns of indentation (a tab is four),
// so that MkDocs admonition content is not read as an indented code block.
func dedentColumns(line string, n int) string {
	col, i := 0, 0
	for i < len(line) && col < n {
		switch line[i] {
		case ' ':
			col++
		case '\t':
			col += 4
		default:
			return line[i:]
		}
		i++
	}
	return line[i:]
}

// isStatementStart reports whether a line starts an ES module statement,
// as MDX (and Docusaurus Markdown) allow: "import X from 'y'", "export
// const z = …". Prose never starts a line so.
func isStatementStart(line string) bool {
	return importRe.MatchString(line) || exportRe.MatchString(line)
}

// statementDepth returns how many brackets remain open at the end of line,
// given depth open before it: a statement goes on while one is open, or
// while the line ends with an operator or comma.
func statementDepth(line string, depth int) int {
	quote := byte(0)
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'' || c == '`':
			quote = c
		case c == '{' || c == '(' || c == '[':
			depth++
		case c == '}' || c == ')' || c == ']':
			depth--
		}
	}
	if depth < 0 {
		depth = 0
	}
	t := strings.TrimSpace(line)
	if depth == 0 && t != "" && strings.ContainsAny(t[len(t)-1:], ",=+-*/&|?:") {
		return 1 // goes on; the next line that closes nothing ends it
	}
	return depth
}

// parseMarkdown reduces Markdown or MDX source to blocks.
func parseMarkdown(ps markdownParsers, src string, mdx bool) structured {
	if mdNavigation(src) {
		return structured{generated: "a site's navigation (a list of links to its pages), not a document"}
	}
	prep, fm := prepareMarkdown(src, mdx)
	str := strings.Join(prep.lines, "\n")
	source := []byte(str)
	p := ps.md
	if mdx {
		p = ps.mdx
	}
	root := p.Parse(gmtext.NewReader(source))
	w := &mdWalker{src: source, str: str, idx: newLineIndex(str, len(prep.lines)), lines: prep.src, mdx: mdx}
	w.out = make([]block, 0, len(prep.lines)/3+1) // a block is a few lines
	w.bb.b.Grow(len(str))                         // the text is shorter than its markup, mostly
	w.blocks(root)
	return structured{title: fm.title, description: fm.description, lang: fm.lang, blocks: w.out}
}

// mdWalker turns a goldmark tree into blocks.
type mdWalker struct {
	src   []byte
	str   string // src as a string, to slice without copies
	idx   lineIndex
	line  int   // the line fileLine last found
	lines []int // file line of each line of src
	mdx   bool
	out   []block
	bb    blockBuilder
	tight bool // the next block follows the previous on the next line
	// annotation counts the open <rt> and <rp> tags of inline HTML: a
	// ruby's reading and its fallback parentheses, not the text itself.
	annotation int
}

// fileLine is the file line of a byte offset of the rewritten source.
func (w *mdWalker) fileLine(off int) int {
	l := w.idx.lineFrom(w.line, off)
	w.line = l
	if l >= 1 && l <= len(w.lines) {
		return w.lines[l-1]
	}
	return 0
}

func (w *mdWalker) emit(kind blockKind, level int) {
	b := w.bb.take(kind)
	if strings.TrimSpace(b.text) == "" || kind == blockPara && (includeLineRe.MatchString(b.text) || snippetsBlockRe.MatchString(b.text)) {
		return
	}
	b.level = level
	b.tight = w.tight
	w.tight = false
	w.out = append(w.out, b)
}

// blocks walks the block nodes under n.
func (w *mdWalker) blocks(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.block(c)
	}
}

func (w *mdWalker) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		w.inlines(n)
		w.emit(blockHeading, n.Level)
		if k := len(w.out) - 1; k >= 0 && w.out[k].kind == blockHeading {
			h := &w.out[k]
			if _, code := n.LastChild().(*ast.CodeSpan); !code {
				h.text = h.text[:headingAnchor(h.text)]
			}
			h.text = strings.TrimRight(h.text[:headingMarks(h.text)], " ")
			for len(h.anchors) > 1 && h.anchors[len(h.anchors)-1].off > len(h.text) {
				h.anchors = h.anchors[:len(h.anchors)-1]
			}
		}
	case *ast.Paragraph, *ast.TextBlock:
		w.inlines(n)
		if onlyCodeSpan(n, w.src) {
			// A paragraph of one code span is a command set apart
			// ("- List all files:\n\n`ls -a`", as tldr pages and
			// many READMEs write them): a line of code, not a sentence.
			w.emit(blockCode, 0)
			return
		}
		w.emit(blockPara, 0)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		w.code(n.Lines())
	case *ast.HTMLBlock:
		w.html(n)
	case *ast.List:
		w.list(n)
	case *east.Table:
		w.table(n)
	case *ast.ThematicBreak:
	case *east.DefinitionList:
		w.defList(n)
	case *east.DefinitionTerm:
		w.inlines(n)
		w.emit(blockPara, 0)
	default: // blockquotes, footnotes, documents
		w.blocks(n)
	}
}

// unescapeMarkdown is inline text as a reader sees it: backslash escapes
// ("file\_name", "\*") without their backslash and character references
// ("&lt;", "&#42;") as their character, as a Markdown renderer writes
// them. Code spans are not passed here: in them both stay as written.
func unescapeMarkdown(t string) string {
	esc, ref := strings.IndexByte(t, '\\') >= 0, strings.IndexByte(t, '&') >= 0
	if !esc && !ref {
		return t
	}
	b := []byte(t)
	if esc {
		b = util.UnescapePunctuations(b)
	}
	if ref {
		b = util.ResolveEntityNames(util.ResolveNumericReferences(b))
	}
	return string(b)
}

// headingMarks is the length of a heading's text without the run of
// asterisks that ends it after a space: a mark a site's build styles or
// removes (Vue's docs write "## Declaring Reactive State \*\*" for a
// section of one API style), or a footnote's; never words of the title.
func headingMarks(s string) int {
	t := strings.TrimRight(s, "*")
	if t == s || t == "" || t[len(t)-1] != ' ' {
		return len(s)
	}
	return len(t)
}

// headingAnchor is the length of a heading's text without the anchor that
// ends it after a space: an attribute list goldmark does not read itself
// (kramdown's "{: #id .class}"; it reads "{#id}") or javascript.info's
// "[#anchor]". Site builders turn these into the heading's id; a reader
// never sees them. Only at the very end, and never a whole heading.
func headingAnchor(s string) int {
	t := strings.TrimRight(s, " ")
	if t == "" {
		return len(s)
	}
	var open byte
	switch t[len(t)-1] {
	case '}':
		open = '{'
	case ']':
		open = '['
	default:
		return len(s)
	}
	i := strings.LastIndexByte(t, open)
	if i <= 0 || t[i-1] != ' ' {
		return len(s)
	}
	in := t[i+1 : len(t)-1]
	if open == '[' {
		if len(in) < 2 || in[0] != '#' || strings.ContainsAny(in, " []") {
			return len(s)
		}
	} else {
		in = strings.TrimSpace(strings.TrimPrefix(in, ":"))
		if in == "" || in[0] != '#' && in[0] != '.' || strings.ContainsAny(in, "{}") {
			return len(s)
		}
	}
	return len(strings.TrimRight(t[:i], " "))
}

// onlyCodeSpan reports whether a paragraph's inline content is one code
// span and, around it, nothing but spaces.
func onlyCodeSpan(n ast.Node, src []byte) bool {
	spans := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.CodeSpan:
			spans++
		case *ast.Text:
			if len(bytes.TrimSpace(c.Segment.Value(src))) > 0 {
				return false
			}
		default:
			return false
		}
	}
	return spans == 1
}

// defList emits each description's first paragraph after its terms
// ("buildStats: See the build stats section."), as the AsciiDoc and
// reStructuredText readers do: a settings reference (Hugo's docs) is
// mostly "`key`\n: (bool) Whether …", and apart the sentence lost the
// setting it describes.
func (w *mdWalker) defList(l *east.DefinitionList) {
	var terms []ast.Node
	for c := l.FirstChild(); c != nil; c = c.NextSibling() {
		d, ok := c.(*east.DefinitionDescription)
		if !ok {
			if _, term := c.(*east.DefinitionTerm); term {
				terms = append(terms, c)
			} else {
				w.block(c)
			}
			continue
		}
		first := d.FirstChild()
		if len(terms) > 0 {
			for i, t := range terms {
				if i > 0 {
					w.bb.writeRaw(", ")
				}
				w.inlines(t)
			}
			switch first.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				w.bb.writeRaw(": ")
				w.inlines(first)
				first = first.NextSibling()
			}
			w.emit(blockPara, 0)
			terms = nil
		}
		for x := first; x != nil; x = x.NextSibling() {
			w.block(x)
		}
	}
	for _, t := range terms {
		w.block(t)
	}
}

// list emits each item's first paragraph with its bullet or number.
func (w *mdWalker) list(l *ast.List) {
	num := l.Start
	first := true
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		prefix := "• "
		if l.IsOrdered() {
			prefix = strconv.Itoa(num) + ". "
			num++
		}
		firstChild := true
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				if firstChild {
					w.bb.writeRaw(prefix)
				}
				w.inlines(c)
				w.tight = !first && firstChild && l.IsTight
				w.emit(blockItem, 0)
			default:
				w.block(c)
			}
			firstChild = false
		}
		first = false
	}
}

// includeLineRe matches a line that is only a directive that inlines a
// file when the site is built: mdBook's ({{#include ../listings/x.rs:9:}},
// {{#rustdoc_include …}}, {{#playground …}}), PyMdown Snippets' (--8<--
// "path", the path quoted), mdx_include's ({! path !}, {!> path !}) and FastAPI's
// markdown-include-variants' ({* ../../docs_src/x.py hl[3] *}). The file is
// most often outside the docs folder (the book's listings, the project's
// example sources), so the line goes rather than being quoted as if it were
// the code; a code block of nothing else goes with it.
var includeLineRe = regexp.MustCompile(`^[ \t]*(?:\{\{#(?:include|rustdoc_include|playground|playpen)[ \t][^{}\n]*\}\}|-+8<-+[ \t]+(?:"[^"\n]+"|'[^'\n]+')|\{![<>]?[ \t]*` + includePath + `(?:[ \t][^{}\n]*)?!\}|\{\*[ \t]*` + includePath + `(?:[ \t][^{}\n]*)?\*\})[ \t]*\n?$`)

// includePath is the file an include names: a path with a folder
// ("../../docs_src/x.py", a URL) or a file name with an extension of text
// or code, so that a template's expression ({* _body *}, {* ngx.var.uri *},
// lua-resty-template's) is not taken for one.
const includePath = `(?:[^\s{}*!]*/[^\s{}*!]*|[^\s{}*!/]+\.(?i:md|markdown|mdx|txt|rst|adoc|html?|py|pyi|js|jsx|ts|tsx|json|ya?ml|toml|ini|cfg|conf|sh|bash|go|rs|java|kt|rb|php|c|h|cpp|cs|css|sql|xml|csv|lua|swift))`

// snippetsBlockRe matches a paragraph that is a PyMdown Snippets block: the
// paths of files to inline between two --8<-- lines (the paragraph's lines
// joined).
var snippetsBlockRe = regexp.MustCompile(`(?s)^[ \t]*-+8<-+\s.*\s-+8<-+\s*$`)

func (w *mdWalker) code(lines *gmtext.Segments) {
	for i := range lines.Len() {
		seg := lines.At(i)
		// seg.Value(w.src) without its copy: the padding (columns of a
		// tab that indentation took part of), the line, and a newline
		// goldmark may force.
		line := w.str[seg.Start:seg.Stop]
		if includeLineRe.MatchString(line) {
			continue
		}
		w.bb.mark(w.fileLine(seg.Start), 0)
		if seg.Padding > 0 {
			w.bb.writeRaw(spaces(seg.Padding))
		}
		w.bb.writeRaw(line)
		if seg.ForceNewline && (seg.Padding > 0 || line != "") && !strings.HasSuffix(line, "\n") {
			w.bb.writeRaw("\n")
		}
	}
	w.emit(blockCode, 0)
}

// spaces returns n spaces.
func spaces(n int) string {
	const s = "                                " // 32
	if n <= len(s) {
		return s[:n]
	}
	return strings.Repeat(" ", n)
}

func (w *mdWalker) table(t *east.Table) {
	first := true
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		if !first {
			w.bb.writeRaw("\n")
		}
		first = false
		cells := 0
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			if cells > 0 {
				w.bb.writeRaw(" | ")
			}
			cells++
			w.inlineChildren(cell)
		}
	}
	w.emit(blockTable, 0)
}

// html reduces a raw HTML block (or MDX JSX) to its text, without tags or
// comments.
func (w *mdWalker) html(n *ast.HTMLBlock) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	var raw strings.Builder
	for i := range lines.Len() {
		seg := lines.At(i)
		raw.Write(seg.Value(w.src))
	}
	if n.HasClosure() {
		cl := n.ClosureLine
		raw.Write(cl.Value(w.src))
	}
	line := w.fileLine(lines.At(0).Start)
	if containsFold(raw.String(), "<pre") {
		// A listing written as HTML (a highlighted terminal session in
		// <div><pre><code><span …>): its lines are code, as a page's
		// <pre> is, not a paragraph of prose.
		w.out = append(w.out, htmlFragmentBlocks(raw.String(), line)...)
		w.tight = false
		return
	}
	for _, para := range strings.Split(htmlFragmentText(raw.String()), "\n\n") {
		if strings.TrimSpace(para) == "" {
			continue
		}
		w.bb.mark(line, 0)
		w.bb.write(para)
		w.emit(blockPara, 0)
	}
}

// rubyTag follows the <rt> and <rp> tags of inline HTML, whose text is
// a ruby's reading (漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp>): shown above
// the text it annotates, and no part of its sentence.
func (w *mdWalker) rubyTag(n *ast.RawHTML) {
	for i := range n.Segments.Len() {
		seg := n.Segments.At(i)
		tag := strings.ToLower(w.str[seg.Start:seg.Stop])
		switch {
		case strings.HasPrefix(tag, "<rt>") || strings.HasPrefix(tag, "<rt ") || strings.HasPrefix(tag, "<rp>") || strings.HasPrefix(tag, "<rp "):
			w.annotation++
		case (tag == "</rt>" || tag == "</rp>") && w.annotation > 0:
			w.annotation--
		case tag == "</ruby>":
			w.annotation = 0
		}
	}
}

// inlines writes the inline content of a leaf block.
func (w *mdWalker) inlines(n ast.Node) {
	if n.Lines().Len() > 0 {
		seg := n.Lines().At(0)
		w.bb.mark(w.fileLine(seg.Start), 0)
	}
	w.annotation = 0 // an unclosed <rt> ends with its block
	w.inlineChildren(n)
	w.annotation = 0
}

func (w *mdWalker) inlineChildren(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.inline(c)
	}
}

func (w *mdWalker) inline(n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		if w.annotation > 0 {
			return
		}
		w.bb.mark(w.fileLine(n.Segment.Start), 0)
		t := w.str[n.Segment.Start:n.Segment.Stop] // Value without a copy
		if w.mdx {
			t = jsxTagRe.ReplaceAllString(t, " ")
		}
		w.bb.write(unescapeMarkdown(t))
		if n.HardLineBreak() {
			w.bb.spaceNext()
		} else if n.SoftLineBreak() {
			w.bb.lineBreak()
		}
	case *ast.String:
		w.bb.write(string(n.Value))
	case *ast.CodeSpan:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				w.bb.mark(w.fileLine(t.Segment.Start), 0)
				w.bb.write(w.str[t.Segment.Start:t.Segment.Stop])
			} else if s, ok := c.(*ast.String); ok {
				w.bb.write(string(s.Value))
			}
		}
	case *ast.AutoLink:
		w.bb.write(string(n.Label(w.src)))
	case *ast.RawHTML:
		// A tag or comment: nothing a reader sees. The text between an
		// opening and a closing tag is ordinary inline text, but for a
		// ruby's annotation.
		w.rubyTag(n)
	case *ast.Image:
		// Alt text describes a picture the passage cannot show.
	case *ast.Link:
		before := w.bb.b.Len()
		w.inlineChildren(n)
		w.bb.links += w.bb.b.Len() - before
	case *east.TaskCheckBox, *east.FootnoteLink, *east.FootnoteBacklink:
	default:
		w.inlineChildren(n)
	}
}

var (
	// mdNavItemRe is a list item's marker, or none (mdBook's prefix
	// chapters, "[Introduction](README.md)").
	mdNavItemRe = regexp.MustCompile(`^(?:(?:[-*+]|\d{1,3}[.)])\s+)?`)
	// mdNavBadgeRe is an image after a link, a badge ("![BETA](…)").
	mdNavBadgeRe = regexp.MustCompile(`\s*!\[[^\]]*\]\([^)\s]*\)$`)
)

// mdNavLine says whether a trimmed line is a link alone (a list item or
// not; its text may hold brackets in a code span, "[`[LOCK|UNLOCK]
// TABLES`](…)", and a badge may follow it), and whether it names a group
// of links (a list item of plain text, a heading).
func mdNavLine(t string) (link, name bool) {
	if strings.HasPrefix(t, "#") {
		h := strings.TrimLeft(t, "#")
		return false, len(t)-len(h) <= 6 && strings.HasPrefix(h, " ") && utf8.RuneCountInString(h) <= 80
	}
	marker := mdNavItemRe.FindString(t)
	item := t[len(marker):]
	for {
		b := mdNavBadgeRe.FindStringIndex(item)
		if b == nil || b[0] == 0 {
			break
		}
		item = item[:b[0]]
	}
	if strings.HasPrefix(item, "[") && strings.HasSuffix(item, ")") {
		i := strings.LastIndex(item, "](")
		return i > 0 && !strings.ContainsAny(item[i+2:len(item)-1], " \t"), false
	}
	return false, marker != "" && !strings.Contains(item, "](") && utf8.RuneCountInString(item) <= 80
}

// mdNavigation reports whether src is a site's table of contents (a
// PingCAP TOC.md, an mdBook or GitBook SUMMARY.md): after any front
// matter, list items that are one link each (three or more) and the
// names of the groups they form (no more of those than links),
// headings, comments and rules, and nothing else. Such a page is the
// site's menu: its text is the titles of other pages.
func mdNavigation(src string) bool {
	links, names := 0, 0
	inComment := false
	fm := "" // the closing line of open front matter
	first := true
	// Line by line, not split: nearly every page is told apart by its
	// first lines of text.
	for line := range strings.Lines(src) {
		t := strings.TrimSpace(line)
		if first {
			first = false
			if t == "---" || t == "+++" {
				fm = t
				continue
			}
		}
		if fm != "" {
			if t == fm || fm == "---" && t == "..." {
				fm = ""
			}
			continue
		}
		if inComment {
			inComment = !strings.Contains(t, "-->")
			continue
		}
		switch {
		case t == "" || t == "---" || t == "***" || t == "___":
		case strings.HasPrefix(t, "<!--"):
			inComment = !strings.Contains(t, "-->")
		default:
			link, name := mdNavLine(t)
			switch {
			case link:
				links++
			case name:
				names++
			default:
				return false
			}
		}
	}
	return links >= 3 && links >= names
}
