package corpus

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlDoc is an HTML page reduced to what a reader sees of it.
type htmlDoc struct {
	text  string // visible text, one paragraph per line, blank lines between blocks
	title string // from <title>, or the first <h1>; "" when neither has text
	lang  string // primary subtag of <html lang>, lower case; "" when absent
}

// reduceHTML is a page's visible text, as parseHTML finds it.
func reduceHTML(src string) htmlDoc {
	s := parseHTML(src)
	return htmlDoc{text: assemble(s.blocks).text, title: s.title, lang: s.lang}
}

// htmlWriter accumulates visible text, deciding white space lazily so that
// nothing is written before the first word or after the last.
type htmlWriter struct {
	b     strings.Builder
	brk   int  // pending break: 0 none, 1 new line, 2 blank line
	space bool // pending space
	pre   int  // depth of <pre>: white space kept as is
}

func (w *htmlWriter) walk(n *html.Node, inArticle bool) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		if skipElement(n, inArticle) {
			return
		}
		if n.DataAtom == atom.Article || n.DataAtom == atom.Main {
			inArticle = true
		}
	case html.DocumentNode:
	default:
		return // comments, doctype
	}
	level := breakLevel(n.DataAtom)
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Br:
			w.lineBreak(1)
			return
		case atom.Td, atom.Th:
			w.space = true
		case atom.Pre:
			w.pre++
			defer func() { w.pre-- }()
		}
		w.lineBreak(level)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, inArticle)
	}
	w.lineBreak(level)
}

func (w *htmlWriter) lineBreak(level int) {
	if level > 0 {
		w.brk = max(w.brk, level)
		w.space = false
	}
}

func (w *htmlWriter) text(s string) {
	for _, r := range s {
		if w.pre > 0 && r == '\n' {
			w.lineBreak(1)
			continue
		}
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			if w.pre > 0 {
				w.flush()
				w.b.WriteRune(r)
			} else {
				w.space = true
			}
			continue
		}
		w.flush()
		w.b.WriteRune(r)
	}
}

// flush writes the pending break or space, if there is text before it.
func (w *htmlWriter) flush() {
	if w.b.Len() > 0 {
		switch {
		case w.brk == 2:
			w.b.WriteString("\n\n")
		case w.brk == 1:
			w.b.WriteByte('\n')
		case w.space:
			w.b.WriteByte(' ')
		}
	}
	w.brk, w.space = 0, false
}

// furnitureNames are the ids and classes that every site generator gives
// its page furniture when it builds it from divs rather than <nav>,
// <header> and <footer>: conventions, not the strings of one site.
var furnitureNames = map[string]bool{
	"footer": true, "toc": true, "sidebar": true, "navbar": true, "breadcrumb": true,
	"breadcrumbs": true, "table-of-contents": true, "pagination": true,
}

// isFurnitureBox reports whether a div or similar is page furniture by
// its id or one of its classes; a page header by id "header" outside an
// article.
func isFurnitureBox(n *html.Node, inArticle bool) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "id":
			id := strings.ToLower(a.Val)
			if furnitureNames[id] || id == "header" && !inArticle {
				return true
			}
		case "class":
			for _, c := range strings.Fields(strings.ToLower(a.Val)) {
				if furnitureNames[c] {
					return true
				}
			}
		}
	}
	return false
}

// skipElement reports whether an element is furniture rather than text.
func skipElement(n *html.Node, inArticle bool) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Nav, atom.Footer, atom.Aside, atom.Form,
		atom.Noscript, atom.Template, atom.Iframe, atom.Svg, atom.Math, atom.Button,
		atom.Select, atom.Textarea, atom.Object, atom.Canvas, atom.Dialog, atom.Head,
		atom.Rt, atom.Rp: // a ruby's reading, not its text
		return true
	case atom.Header:
		return !inArticle
	}
	if isFurnitureBox(n, inArticle) {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(a.Val, "true") {
				return true
			}
		case "role":
			switch strings.ToLower(a.Val) {
			case "navigation", "banner", "contentinfo", "complementary", "search":
				return true
			}
		case "style":
			if v := strings.ReplaceAll(strings.ToLower(a.Val), " ", ""); strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// breakLevel is the break an element puts around its content: 2 for a
// paragraph, 1 for a line, 0 for inline elements.
func breakLevel(a atom.Atom) int {
	switch a {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.H1, atom.H2,
		atom.H3, atom.H4, atom.H5, atom.H6, atom.Ul, atom.Ol, atom.Dl, atom.Table,
		atom.Blockquote, atom.Pre, atom.Figure, atom.Figcaption, atom.Address,
		atom.Details, atom.Summary, atom.Fieldset, atom.Hr, atom.Header, atom.Hgroup,
		atom.Caption, atom.Body, atom.Html:
		return 2
	case atom.Li, atom.Dt, atom.Dd, atom.Tr, atom.Legend:
		return 1
	}
	return 0
}

// findTitles finds the text of the first <title> and the first <h1>.
func findTitles(n *html.Node, title, h1 *string) {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Template, atom.Noscript:
			return
		case atom.Title:
			if *title == "" {
				*title = inlineText(n)
			}
			return
		case atom.H1:
			if *h1 == "" {
				*h1 = trimAnchorMarks(inlineText(n))
			}
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		findTitles(c, title, h1)
	}
}

// inlineText is the text under n on one line, white space collapsed.
func inlineText(n *html.Node) string {
	var sb strings.Builder
	var collect func(*html.Node)
	collect = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		block := n.Type == html.ElementNode && (breakLevel(n.DataAtom) > 0 || n.DataAtom == atom.Br || n.DataAtom == atom.Td || n.DataAtom == atom.Th)
		if block {
			sb.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && isAnchorMark(c) {
				continue
			}
			collect(c)
		}
		if block {
			sb.WriteByte(' ')
		}
	}
	collect(n)
	return strings.Join(strings.Fields(sb.String()), " ")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// primaryTag returns the language of a BCP 47 tag ("fr-FR" → "fr"), or ""
// when it is not one.
func primaryTag(tag string) string {
	p, _, _ := strings.Cut(strings.TrimSpace(tag), "-")
	p = strings.ToLower(p)
	if len(p) < 2 || len(p) > 3 {
		return ""
	}
	for i := 0; i < len(p); i++ {
		if p[i] < 'a' || p[i] > 'z' {
			return ""
		}
	}
	return p
}

// tokenText is the text of every text token of src, for pages the parser
// gives up on.
func tokenText(src string) string {
	var sb strings.Builder
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return sb.String()
		case html.TextToken:
			sb.Write(z.Text())
			sb.WriteByte('\n')
		}
	}
}

// htmlFragmentText is the visible text of a piece of HTML, such as a raw
// HTML block in Markdown: paragraphs separated by blank lines, without tags
// or comments.
func htmlFragmentText(src string) string {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return strings.TrimSpace(tokenText(src))
	}
	w := &htmlWriter{}
	w.walk(root, true)
	return w.b.String()
}
