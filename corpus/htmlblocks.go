package corpus

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"corpusbot/text"
)

// lineAttr is the attribute parseHTML puts on every start tag to carry its
// source line through the parser.
const lineAttr = "data-corpus-line"

// maxHTMLDepth bounds how deeply markLines lets a page's elements nest, as
// counted by htmlNesting. x/net/html refuses a page of more than 512 open
// elements, and then the reader had only the page's text, in one
// paragraph, after a copy of the whole page marked (a 10 MiB page of
// nested <div> is 2 million elements); ordinary pages nest tens deep. The
// bound leaves room under 512 for the elements not counted, a table's
// tbody, tr and td among them, between counted ones.
const maxHTMLDepth = 128

// maxHTMLElements bounds how many elements markLines lets a page have:
// the parser's tree and the reader's blocks cost some 500 bytes an
// element, so a 10 MiB page of <b>x</b> (1.3 million elements) took 650
// MB. Past it the page's tags are left out, its text kept, as one run.
// Large real pages have tens of thousands (a Sphinx genindex, a long
// reference page).
const maxHTMLElements = 100_000

// htmlNesting says whether a start tag of the element a, outside SVG or
// MathML, stays open around what follows until its end tag: not a void
// element (<br>), nor one the next of its kind or its parent's end closes
// (<p>, <li>, <td>, <h2>), which the parser does not nest in itself.
func htmlNesting(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr, atom.Keygen,
		atom.Html, atom.Head, atom.Body, atom.P, atom.Li, atom.Dt, atom.Dd, atom.Option,
		atom.Optgroup, atom.Rb, atom.Rt, atom.Rp, atom.Rtc, atom.Tr, atom.Td, atom.Th,
		atom.Tbody, atom.Thead, atom.Tfoot, atom.Colgroup, atom.Caption,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return false
	}
	return true
}

// rawTagAtom is the atom of a tag's raw text ("<DIV class=x>", "</p>"), 0
// for a name no atom has; unlike Tokenizer.TagName it allocates nothing.
func rawTagAtom(raw []byte) atom.Atom {
	raw = bytes.TrimPrefix(bytes.TrimPrefix(raw, []byte("<")), []byte("/"))
	var buf [16]byte
	n := 0
	for _, c := range raw {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>' {
			break
		}
		if n == len(buf) {
			return 0 // longer than any atom the nesting count cares for
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	return atom.Lookup(buf[:n])
}

// markLines returns src with lineAttr="N" added to every start tag, N being
// the tag's 1-based line in src: the parser keeps attributes, not positions.
// Elements nested deeper than maxHTMLDepth are flattened: their tags are
// left out (their text kept), each end tag cancelling one left out; past
// maxHTMLElements start tags, every tag is left out.
func markLines(src string) string {
	var b strings.Builder
	b.Grow(len(src) + len(src)/8)
	z := html.NewTokenizer(strings.NewReader(src))
	line := 1
	depth, excess, foreign := 0, 0, 0 // counted elements open, left out, <svg>/<math> open
	elements := 0                     // start tags kept
	hiddenRaw := false                // past maxHTMLElements, a raw-text element's start tag was left out
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		at := line // the token's first line
		line += bytes.Count(raw, []byte{'\n'})
		if elements >= maxHTMLElements {
			// The text of a <script> or <style> left out is no text.
			if tt == html.TextToken && !hiddenRaw {
				b.Write(raw)
			}
			hiddenRaw = false
			if tt == html.StartTagToken {
				switch rawTagAtom(raw) {
				case atom.Script, atom.Style, atom.Textarea, atom.Title, atom.Xmp, atom.Iframe, atom.Noembed, atom.Noframes, atom.Noscript, atom.Plaintext:
					hiddenRaw = true
				}
			}
			continue
		}
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			elements++
		}
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken || tt == html.EndTagToken {
			a := rawTagAtom(raw)
			if a == atom.Svg || a == atom.Math {
				if tt == html.StartTagToken {
					foreign++
				} else if tt == html.EndTagToken && foreign > 0 {
					foreign--
				}
			}
			// In SVG and MathML a self-closing tag closes; in HTML it
			// opens (<div/> is <div>).
			if htmlNesting(a) && (tt != html.SelfClosingTagToken || foreign == 0) {
				switch {
				case tt == html.EndTagToken && excess > 0:
					excess--
					continue
				case tt == html.EndTagToken:
					depth = max(depth-1, 0)
				case depth >= maxHTMLDepth:
					excess++
					continue
				default:
					depth++
				}
			}
		}
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			end := len(raw) - 1 // the '>'
			if tt == html.SelfClosingTagToken && end > 0 && raw[end-1] == '/' {
				end--
			}
			if end > 0 && raw[len(raw)-1] == '>' {
				b.Write(raw[:end])
				b.WriteString(" " + lineAttr + "=\"" + strconv.Itoa(at) + "\"")
				b.Write(raw[end:])
			} else {
				b.Write(raw)
			}
		} else {
			b.Write(raw)
		}
	}
	return b.String()
}

// parseHTML reduces a page to blocks of its main content: the single
// <main> (or role="main") element, else the single <article>, else the
// body; within it, navigation, page header and footer, asides, forms,
// hidden elements and lists of nothing but links are left out. Headings,
// paragraphs, list items, code (<pre>) and tables become blocks, with the
// source lines they come from.
func parseHTML(src string) structured {
	if !utf8.ValidString(src) {
		src = strings.ToValidUTF8(src, "\uFFFD")
	}
	var s structured
	if isTemplate(src) {
		s.generated = "a site template (Jinja, Django, Liquid or Go template tags), not a page"
		return s
	}
	if isComponentTemplate(src) {
		s.generated = "a component's template (Vue or Angular bindings), not a page"
		return s
	}
	root, err := html.Parse(strings.NewReader(markLines(src)))
	if err != nil {
		// Parse only fails on reader errors or absurd nesting; what the
		// tokenizer sees is still better than nothing.
		if t := strings.TrimSpace(tokenText(src)); t != "" {
			s.blocks = []block{{kind: blockPara, text: t, anchors: []anchor{{line: 1}}}}
		}
		return s
	}
	content, inArticle := mainContent(root)
	s.title = pageTitle(root, content, inArticle)
	for n := root.FirstChild; n != nil; n = n.NextSibling {
		if n.Type == html.ElementNode && n.DataAtom == atom.Html {
			s.lang = primaryTag(attr(n, "lang"))
		}
	}
	w := &htmlBlocks{line: 1}
	w.walk(content, inArticle)
	w.flush()
	s.blocks = w.out
	s.generated = generatedPage(content, s.blocks)
	s.blocks = dropLinkLines(s.blocks)
	return s
}

// isTemplate reports whether an HTML file is a template a site generator
// fills in (Sphinx's _templates, a Hugo or Jekyll layout): it opens with
// a template tag, where a page opens with markup or text. A page that
// shows template code further down is a page.
func isTemplate(src string) bool {
	t := strings.TrimLeft(strings.TrimPrefix(src, "\uFEFF"), " \t\r\n")
	return strings.HasPrefix(t, "{%") || strings.HasPrefix(t, "{#") || strings.HasPrefix(t, "{{")
}

// htmlFragmentBlocks reduces an HTML fragment embedded in another format
// (a Markdown HTML block) to blocks as a page's content is: <pre> is code,
// lists are items. Its lines are counted from line, the fragment's first.
func htmlFragmentBlocks(src string, line int) []block {
	root, err := html.Parse(strings.NewReader(markLines(src)))
	if err != nil {
		return nil
	}
	content, inArticle := mainContent(root)
	w := &htmlBlocks{line: 1}
	w.walk(content, inArticle)
	w.flush()
	for i := range w.out {
		for j := range w.out[i].anchors {
			w.out[i].anchors[j].line += line - 1
		}
	}
	return w.out
}

// containsFold reports whether s holds the ASCII substr in any case.
func containsFold(s, substr string) bool {
	for i := 0; i+len(substr) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(substr)], substr) {
			return true
		}
	}
	return false
}

// isComponentTemplate reports whether an HTML file is the template of a
// front-end component (Vue's App/template.html, Angular's
// x.component.html): a fragment, with no <html>, <head>, <body> or
// doctype, whose tags bind attributes and events with the framework's
// syntax (:title, @click, v-if, [value], (click), *ngIf, #ref) or
// hold nothing but an interpolated value (<p>{{ message }}</p>). Its text
// is an example's interface ("Click me"), not documentation. A page with
// such attributes (Alpine.js) is a page: it has a body.
func isComponentTemplate(src string) bool {
	z := html.NewTokenizer(strings.NewReader(src))
	bound := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return bound
		case html.DoctypeToken:
			return false
		case html.TextToken:
			// An element of only an interpolation: "<p>{{ childMsg }}</p>"
			// (a sentence showing the syntax is text).
			t := bytes.TrimSpace(z.Text())
			if bytes.HasPrefix(t, []byte("{{")) && bytes.HasSuffix(t, []byte("}}")) {
				bound = true
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			switch string(name) {
			case "html", "head", "body":
				return false
			}
			for more && !bound {
				var key []byte
				key, _, more = z.TagAttr()
				bound = len(key) > 1 && (strings.ContainsRune(":@[(*#", rune(key[0])) || len(key) > 2 && key[0] == 'v' && key[1] == '-')
			}
		}
	}
}

// pageTitle is a page's title: the <title>, narrowed to the heading of
// its content it names ("Headline | Site" → "Headline"). The heading is
// the content's first <h1>, else its first heading when the <title> opens
// or ends with it (a site whose pages start at <h2>); an <h1> outside
// the content is the site's name in its header, not the page's, and is
// cut from the <title>. Without a <title>, the first <h1>.
func pageTitle(root, content *html.Node, inArticle bool) string {
	var title, h1 string
	findTitles(root, &title, &h1)
	if title == "" {
		return h1
	}
	first, firstH1 := contentHeadings(content, inArticle)
	switch {
	case firstH1 != "" && strings.Contains(title, firstH1):
		return firstH1
	case first != "" && (strings.HasPrefix(title, first) || strings.HasSuffix(title, first)):
		return first
	case h1 != "" && h1 != firstH1:
		return trimSiteName(title, h1)
	}
	return title
}

// titleSeparators set a site's name off a page's in a <title>.
var titleSeparators = []string{" - ", " | ", " — ", " – ", " · ", " :: ", " » "}

// trimSiteName is title without site, when title is the page's name and
// site's set off by a separator ("Keywords - The Book" → "Keywords").
func trimSiteName(title, site string) string {
	for _, sep := range titleSeparators {
		if p, ok := strings.CutSuffix(title, sep+site); ok && strings.TrimSpace(p) != "" {
			return strings.TrimSpace(p)
		}
		if p, ok := strings.CutPrefix(title, site+sep); ok && strings.TrimSpace(p) != "" {
			return strings.TrimSpace(p)
		}
	}
	return title
}

// contentHeadings finds the text of the first heading and of the first
// <h1> under n, page furniture left out.
func contentHeadings(n *html.Node, inArticle bool) (first, h1 string) {
	var find func(*html.Node, bool)
	find = func(n *html.Node, inArticle bool) {
		if h1 != "" {
			return
		}
		if n.Type == html.ElementNode {
			if skipElement(n, inArticle) {
				return
			}
			switch n.DataAtom {
			case atom.Article, atom.Main:
				inArticle = true
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				t := trimAnchorMarks(inlineText(n))
				if first == "" {
					first = t
				}
				if n.DataAtom == atom.H1 {
					h1 = t
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c, inArticle)
		}
	}
	find(n, inArticle)
	return first, h1
}

// dropLinkLines leaves out short paragraphs that are nothing but links:
// "Edit this page", "← Previous: Install", breadcrumbs a page builds
// from divs. List items are kept: a list of links can be a page's content.
func dropLinkLines(blocks []block) []block {
	out := blocks[:0]
	for _, b := range blocks {
		if b.kind == blockPara && b.linkRunes*20 >= len(b.text)*19 && text.CountWords(b.text) <= linkLineWords {
			continue
		}
		out = append(out, b)
	}
	return out
}

// linkLineWords bounds the paragraphs of links dropLinkLines leaves out.
const linkLineWords = 12

// generatedMaxProse is the most words of prose a generated page has
// ("Searching for multiple words only shows matches that contain all
// words."); a document has more.
const generatedMaxProse = 25

// generatedPage says why a page is one a documentation generator makes
// around the documents (a search page, an index of terms or modules): it
// has no prose, and is a search form or mostly links. "" otherwise.
func generatedPage(content *html.Node, blocks []block) string {
	prose := 0 // words of sentences that are not links
	for _, b := range blocks {
		if (b.kind == blockPara || b.kind == blockItem) && text.EndsSentence(b.text) && b.linkRunes*2 < len(b.text) {
			prose += text.CountWords(b.text)
		}
	}
	if prose >= generatedMaxProse {
		return ""
	}
	if hasSearchInput(content) {
		return "generated page: a search form and no prose"
	}
	total, links := linkRunes(content, false)
	if total > 0 && links*10 >= total*4 {
		return fmt.Sprintf("generated page: an index, %d%% links and no prose", links*100/total)
	}
	return ""
}

// hasSearchInput reports whether a search box is under n.
func hasSearchInput(n *html.Node) bool {
	if n.Type == html.ElementNode && (n.DataAtom == atom.Input && strings.EqualFold(attr(n, "type"), "search") ||
		strings.EqualFold(attr(n, "role"), "search") || n.DataAtom == atom.Input && strings.EqualFold(attr(n, "name"), "q")) {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasSearchInput(c) {
			return true
		}
	}
	return false
}

// mainContent returns the element holding a page's own text, and whether it
// is an article (whose <header> is its own).
func mainContent(root *html.Node) (*html.Node, bool) {
	var mains, articles []*html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch {
			case n.DataAtom == atom.Main || strings.EqualFold(attr(n, "role"), "main"):
				mains = append(mains, n)
			case n.DataAtom == atom.Article:
				articles = append(articles, n)
				return // an article inside an article is part of it
			}
			if skipElement(n, true) {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(root)
	if len(articles) == 1 && (len(mains) == 0 || isInside(articles[0], mains[0])) {
		return articles[0], true
	}
	if len(mains) >= 1 {
		return mains[0], true
	}
	return root, false
}

func isInside(n, ancestor *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == ancestor {
			return true
		}
	}
	return false
}

// htmlBlocks builds blocks from a parsed page.
type htmlBlocks struct {
	out   []block
	bb    blockBuilder
	kind  blockKind
	level int
	tight bool
	line  int // source line of the text being read
	pre   int // depth of <pre>
	lists []listState
	// prefix is a list item's bullet or number, written before its first
	// text, which may be deep inside it (<li><p>…).
	prefix string
}

type listState struct {
	ordered bool
	next    int
	items   int
}

// flush emits the block being built, if it has text.
func (w *htmlBlocks) flush() {
	b := w.bb.take(w.kind)
	if strings.TrimSpace(b.text) != "" {
		b.level = w.level
		b.tight = w.tight
		if b.kind == blockHeading {
			b.text = trimAnchorMarks(b.text)
		}
		if b.text != "" {
			w.out = append(w.out, b)
		}
	}
	w.kind, w.level, w.tight = blockPara, 0, false
}

func (w *htmlBlocks) setLine(n *html.Node) {
	if v := attr(n, lineAttr); v != "" {
		if l, err := strconv.Atoi(v); err == nil {
			w.line = l
		}
	}
}

func (w *htmlBlocks) walk(n *html.Node, inArticle bool) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		w.setLine(n)
		if skipElement(n, inArticle) || isAnchorMark(n) || isLinkList(n) {
			return
		}
		if n.DataAtom == atom.Article || n.DataAtom == atom.Main {
			inArticle = true
		}
	case html.DocumentNode:
	default:
		return // comments, doctype
	}
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			w.flush()
			w.kind, w.level = blockHeading, int(n.Data[1]-'0')
			w.children(n, inArticle)
			w.flush()
			return
		case atom.Pre:
			w.flush()
			w.kind = blockCode
			w.pre++
			w.children(n, inArticle)
			w.pre--
			w.flush()
			return
		case atom.Table:
			w.flush()
			w.table(n)
			return
		case atom.Br:
			w.bb.writeRaw("\n")
			return
		case atom.Img:
			return
		case atom.Ul, atom.Ol:
			w.flush()
			st := listState{ordered: n.DataAtom == atom.Ol, next: 1}
			if v, err := strconv.Atoi(attr(n, "start")); err == nil {
				st.next = v
			}
			w.lists = append(w.lists, st)
			w.children(n, inArticle)
			w.lists = w.lists[:len(w.lists)-1]
			w.flush()
			return
		case atom.Li:
			w.flush()
			w.kind = blockItem
			prefix := "• "
			if k := len(w.lists); k > 0 {
				l := &w.lists[k-1]
				if l.ordered {
					prefix = strconv.Itoa(l.next) + ". "
					l.next++
				}
				w.tight = l.items > 0
				l.items++
			}
			w.prefix = prefix
			w.children(n, inArticle)
			w.prefix = ""
			w.flush()
			return
		case atom.A:
			before := w.bb.b.Len()
			w.children(n, inArticle)
			w.bb.links += w.bb.b.Len() - before
			return
		}
		if breakLevel(n.DataAtom) > 0 {
			w.flush()
			w.children(n, inArticle)
			w.flush()
			return
		}
	}
	w.children(n, inArticle)
}

func (w *htmlBlocks) children(n *html.Node, inArticle bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, inArticle)
	}
}

// text writes a text node: collapsed as a browser collapses it, or as it is
// inside <pre>, marking each source line it starts.
func (w *htmlBlocks) text(s string) {
	if w.pre > 0 {
		for i, part := range strings.Split(s, "\n") {
			if i > 0 {
				w.bb.writeRaw("\n")
				w.line++
			}
			if part != "" {
				w.bb.mark(w.line, 0)
				w.bb.writeRaw(part)
			}
		}
		return
	}
	for i, part := range strings.Split(s, "\n") {
		if i > 0 {
			w.line++
			w.bb.lineBreak()
		}
		if strings.TrimSpace(part) != "" {
			w.bb.mark(w.line, 0)
			if w.prefix != "" {
				if w.kind == blockPara {
					w.kind = blockItem
				}
				w.bb.writeRaw(w.prefix)
				w.prefix = ""
			}
			w.bb.write(part)
		} else if part != "" {
			w.bb.spaceNext()
		}
	}
}

// table writes a table as one block: a row a line, cells joined by " | ".
func (w *htmlBlocks) table(t *html.Node) {
	var rows []*html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				rows = append(rows, c)
			case atom.Thead, atom.Tbody, atom.Tfoot:
				find(c)
			case atom.Caption:
				w.setLine(c)
				w.bb.mark(w.line, 0)
				w.bb.write(inlineText(c))
				w.flush()
			}
		}
	}
	find(t)
	w.kind = blockTable
	for i, r := range rows {
		if i > 0 {
			w.bb.writeRaw("\n")
		}
		w.setLine(r)
		w.bb.mark(w.line, 0)
		cells := 0
		for c := r.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || c.DataAtom != atom.Td && c.DataAtom != atom.Th {
				continue
			}
			cell := inlineText(c)
			if cell == "" {
				continue // an icon or spacer cell, as admonition tables have
			}
			if cells > 0 {
				w.bb.writeRaw(" | ")
			}
			cells++
			w.bb.write(cell)
		}
	}
	w.flush()
}

// isAnchorMark reports whether n is a heading's permalink: a link whose
// text is one symbol, such as "¶" or "#".
func isAnchorMark(n *html.Node) bool {
	if n.DataAtom != atom.A {
		return false
	}
	t := strings.TrimSpace(inlineText(n))
	r, size := utf8.DecodeRuneInString(t)
	return t == "" && attr(n, "href") != "" && strings.HasPrefix(attr(n, "href"), "#") ||
		size == len(t) && t != "" && !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// trimAnchorMarks drops permalink symbols at the end of a heading.
func trimAnchorMarks(s string) string {
	return strings.TrimRightFunc(s, func(r rune) bool {
		return r == '¶' || r == '#' || r == '§' || r == '🔗' || text.IsSpace(r)
	})
}

// isLinkList reports whether n is a list of three or more items that are
// nothing but links: a table of contents, a menu, breadcrumbs.
func isLinkList(n *html.Node) bool {
	if n.DataAtom != atom.Ul && n.DataAtom != atom.Ol {
		return false
	}
	items := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.Li {
			continue
		}
		items++
		total, links := linkRunes(c, false)
		if total == 0 || links*10 < total*9 {
			return false
		}
	}
	return items >= 3
}

// linkRunes counts the non-blank runes under n, and those inside links.
func linkRunes(n *html.Node, inLink bool) (total, links int) {
	if n.Type == html.TextNode {
		for _, r := range n.Data {
			if !text.IsSpace(r) {
				total++
			}
		}
		if inLink {
			links = total
		}
		return total, links
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.A {
		inLink = true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t, l := linkRunes(c, inLink)
		total += t
		links += l
	}
	return total, links
}
