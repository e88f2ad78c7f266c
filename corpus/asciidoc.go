package corpus

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	adocHeadingRe   = regexp.MustCompile(`^(={1,6}|#{1,6})\s+(\S.*)$`)
	adocAttrRe      = regexp.MustCompile(`^:(!?)([\w-]+)(!?):\s*(.*)$`)
	adocBlockAttrRe = regexp.MustCompile(`^\[[^\]]*\]$`)
	adocPreprocRe   = regexp.MustCompile(`^(?:ifdef|ifndef|ifeval|endif|include)::\S*\[.*\]\s*$`)
	adocMacroRe     = regexp.MustCompile(`^(?:image|include|toc|ifdef|ifndef|ifeval|endif|video|audio)::`)
	adocListRe      = regexp.MustCompile(`^\s*(\*{1,5}|-|\.{1,5}|\d+\.)\s+(.*)$`)
	adocDescRe      = regexp.MustCompile(`^(.*?\S)(:{2,4}|;;)(?:\s+(.*))?$`)
	adocAdmonRe     = regexp.MustCompile(`^(NOTE|TIP|IMPORTANT|WARNING|CAUTION):\s+`)
	// A link or inline macro needs its name ("link:", "xref:") or a
	// scheme: text in brackets alone ("[--verbose | -v]", "argv[0]") is
	// the document's, not markup.
	adocLinkRe = regexp.MustCompile(`(?:(?:https?|ftp|irc)://|\b[a-z][\w-]*::?|\{[\w-]+\})[^\s\[]*\[([^\]]*)\]`)
	// A role on formatted text ("[.nowrap]#HTML 5#") is markup.
	adocRoleRe = regexp.MustCompile("\\[[.#%][^\\]]*\\]([#*_`+])")
	// A manual page reference ("linkgit:git-commit[1]", "man:tar[1]")
	// reads as its page and section, as the manual pages write it.
	adocManRe     = regexp.MustCompile(`\b[a-z]+:([\w.+-]+)\[(\d[a-z]*)\]`)
	adocXrefRe    = regexp.MustCompile(`<<([^,>]+)(?:,\s*([^>]+))?>>`)
	adocInlineRe  = regexp.MustCompile(`(?:kbd|btn|menu|footnote|pass|icon|stem|latexmath|asciimath):[^\[\s]*\[([^\]]*)\]`)
	adocAnchorRe  = regexp.MustCompile(`\[\[[^\]]*\]\]|\[#[^\]]*\]`)
	adocImageRe   = regexp.MustCompile(`image:[^\[\s]+\[[^\]]*\]`)
	adocAttrRefRe = regexp.MustCompile(`\{[\w-]+\}`)
)

// parseAsciiDoc reduces AsciiDoc to blocks: the document title ("= T"),
// sections, paragraphs, lists, listing and literal blocks as code, tables,
// and the content of example, sidebar, quote, open and admonition blocks;
// attributes, comments, block attributes, anchors and macros such as
// image:: and include:: dropped; inline markup reduced to its text.
func parseAsciiDoc(src string) structured {
	if strings.HasPrefix(strings.TrimLeft(src, "\uFEFF \t\r\n"), "-----BEGIN PGP ") {
		// ".asc" names AsciiDoc (Pro Git) and PGP's ASCII armor alike.
		return structured{generated: "a PGP signature or key (ASCII armor), not a document"}
	}
	if adocNavigation(src) {
		return structured{generated: "a site's navigation (a list of links to its pages), not a document"}
	}
	a := &adocParser{}
	// Preprocessor directives act on lines before any block is read, so
	// one may sit inside a paragraph or list item; there they leaked
	// into the text ("... endif::git-commit").
	lines := splitLines(src)
	kept := lines[:0:0]
	for _, l := range lines {
		if !adocPreprocRe.MatchString(l.text) {
			kept = append(kept, l)
		}
	}
	a.parse(kept)
	return structured{title: a.title, description: a.description, blocks: a.lb.out}
}

type adocParser struct {
	lb          lineBlocks
	title       string
	description string
	codeNext    bool // a [source] or [listing] attribute precedes the block
	verseNext   bool // a [verse] attribute precedes the block
	cols        int  // the columns a block attribute list's cols names
	attrs       map[string]string
}

// adocAttrMax caps an attribute's value, so that references to it
// cannot multiply a document's size without bound.
const adocAttrMax = 512

// define records an attribute entry (":name: value"), or removes it
// (":name!:"). References in the value are replaced when it is defined,
// one level deep, as Asciidoctor does for header entries.
func (a *adocParser) define(name, value string, unset bool) {
	if unset {
		delete(a.attrs, name)
		return
	}
	value = a.subst(strings.TrimSpace(value))
	if len(value) > adocAttrMax {
		value = value[:adocAttrMax]
		for !utf8.ValidString(value) {
			value = value[:len(value)-1]
		}
	}
	if a.attrs == nil {
		a.attrs = map[string]string{}
	}
	a.attrs[name] = value
}

// subst replaces references to the document's own attributes; the rest
// are left for adocInline.
func (a *adocParser) subst(s string) string {
	if len(a.attrs) == 0 || !strings.Contains(s, "{") {
		return s
	}
	return adocAttrRefRe.ReplaceAllStringFunc(s, func(m string) string {
		if v, ok := a.attrs[m[1:len(m)-1]]; ok {
			return v
		}
		return m
	})
}

// inline reduces inline AsciiDoc to its text, with the document's
// attributes defined so far.
func (a *adocParser) inline(s string) string {
	return adocInline(a.subst(s))
}

func (a *adocParser) parse(lines []srcLine) {
	for i := 0; i < len(lines); {
		l := lines[i]
		t := strings.TrimSpace(l.text)
		switch {
		case t == "":
			i++
			continue
		case strings.HasPrefix(t, "//") && !strings.HasPrefix(t, "////"):
			i++
			continue
		case adocAttrRe.MatchString(t) && indentOf(l.text) == 0:
			m := adocAttrRe.FindStringSubmatch(t)
			if m[2] == "description" {
				a.description = m[4]
			}
			a.define(m[2], m[4], m[1] != "" || m[3] != "")
			i++
			continue
		case adocBlockAttrRe.MatchString(t):
			low := strings.ToLower(t)
			// A synopsis is command syntax, kept as written like a listing.
			a.codeNext = strings.HasPrefix(low, "[source") || strings.HasPrefix(low, "[listing") || strings.HasPrefix(low, "[literal") || strings.HasPrefix(low, "[synopsis")
			a.verseNext = strings.HasPrefix(low, "[verse")
			a.cols = adocCols(t)
			i++
			continue
		case t == "+": // a list continuation with nothing left to join
			i++
			continue
		case adocMacroRe.MatchString(t):
			i++
			continue
		case strings.HasPrefix(t, ".") && len(t) > 1 && t[1] != '.' && t[1] != ' ':
			// A block title.
			a.lb.prose(blockPara, []srcLine{{t[1:], l.n}}, a.inline)
			i++
			continue
		}
		if level, ok := adocSetextLevel(lines, i); ok {
			text := a.inline(t)
			if level == 1 && a.title == "" {
				a.title = text
			}
			a.lb.heading(text, l.n, level)
			i += 2
			continue
		}
		if m := adocHeadingRe.FindStringSubmatch(t); m != nil && indentOf(l.text) == 0 {
			level := len(m[1])
			// A symmetric title ("== Title ==") closes with its marker.
			text := a.inline(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(m[2]), " "+m[1])))
			if level == 1 && a.title == "" {
				a.title = text
			}
			a.lb.heading(text, l.n, level)
			i++
			continue
		}
		if delim, ok := adocDelimiter(t); ok {
			j := i + 1
			for j < len(lines) && strings.TrimSpace(lines[j].text) != delim {
				j++
			}
			body := lines[i+1 : min(j, len(lines))]
			switch delim[0] {
			case '-', '.':
				if delim == "--" && !a.codeNext {
					a.parse(body)
				} else {
					a.lb.raw(blockCode, body)
				}
			case '|':
				a.table(body, a.cols)
			case '+':
				var sb strings.Builder
				for _, b := range body {
					sb.WriteString(b.text + "\n")
				}
				if txt := htmlFragmentText(sb.String()); strings.TrimSpace(txt) != "" {
					a.lb.prose(blockPara, []srcLine{{txt, l.n + 1}}, nil)
				}
			case '/':
			default: // example, sidebar, quote
				if delim[0] == '_' && a.verseNext {
					a.verse(body)
				} else {
					a.parse(body)
				}
			}
			a.codeNext, a.verseNext, a.cols = false, false, 0
			i = j + 1
			continue
		}
		if m := adocListRe.FindStringSubmatch(l.text); m != nil {
			prefix := "• "
			if m[1][0] >= '0' && m[1][0] <= '9' {
				prefix = m[1] + " "
			} else if m[1][0] == '.' {
				prefix = "• "
			}
			para := []srcLine{{m[2], l.n}}
			j := i + 1
			for j < len(lines) {
				nt := strings.TrimSpace(lines[j].text)
				if nt == "" || nt == "+" || adocListRe.MatchString(lines[j].text) || adocBlockAttrRe.MatchString(nt) {
					break
				}
				if _, ok := adocDelimiter(nt); ok {
					break
				}
				para = append(para, lines[j])
				j++
			}
			var bb blockBuilder
			bb.writeRaw(prefix)
			for _, p := range para {
				bb.mark(p.n, 0)
				bb.write(a.inline(strings.TrimSpace(p.text)))
				bb.lineBreak()
			}
			a.lb.emit(bb.take(blockItem), 0)
			i = j
			if i < len(lines) && strings.TrimSpace(lines[i].text) == "+" {
				i++ // a continuation: the next block belongs to the item
			}
			continue
		}
		// A paragraph; a description list item ("term:: text") is one of
		// its own, and terms stacked over one description ("-n::" over
		// "--dry-run::") share it.
		var terms []string
		start := l.n
		for i+1 < len(lines) && indentOf(l.text) == 0 && isDescItem(t) && isDescItem(strings.TrimSpace(lines[i+1].text)) {
			m := adocDescRe.FindStringSubmatch(t)
			if m[3] != "" {
				break
			}
			terms = append(terms, a.inline(m[1]))
			i++
			l = lines[i]
			t = strings.TrimSpace(l.text)
		}
		j := i + 1
		for j < len(lines) {
			nt := strings.TrimSpace(lines[j].text)
			// A lone "+" joins the next block to a list item: a break.
			if nt == "" || nt == "+" || adocBlockAttrRe.MatchString(nt) || adocHeadingRe.MatchString(nt) || isDescItem(nt) {
				break
			}
			if _, ok := adocSetextLevel(lines, j); ok {
				break
			}
			if _, ok := adocDelimiter(nt); ok {
				break
			}
			j++
		}
		para := lines[i:j]
		if a.verseNext {
			a.verse(para)
		} else if a.codeNext || indentOf(l.text) > 0 {
			a.lb.raw(blockCode, para) // a literal paragraph, or [source] without delimiters
		} else {
			first := adocAdmonRe.ReplaceAllString(strings.TrimSpace(para[0].text), "")
			if isDescItem(first) {
				m := adocDescRe.FindStringSubmatch(first)
				first = a.inline(m[1]) + ": " + m[3] // a description list item
				if terms != nil {
					first = strings.Join(terms, ", ") + ", " + first
				}
			}
			para = append([]srcLine{{first, start}}, para[1:]...)
			a.lb.prose(blockPara, para, a.inline)
		}
		a.codeNext, a.verseNext, a.cols = false, false, 0
		i = j
	}
}

// verse emits a [verse] block's lines as prose, a line each: its line
// breaks are the text's, as a listing's are, and joined into one
// paragraph a poem or a synopsis runs together. A blank line parts
// stanzas.
func (a *adocParser) verse(lines []srcLine) {
	tight := false
	for _, l := range lines {
		if isBlankLine(l) {
			tight = false
			continue
		}
		n := len(a.lb.out)
		a.lb.tight = tight
		a.lb.prose(blockPara, []srcLine{l}, a.inline)
		tight = tight || len(a.lb.out) > n
	}
	a.lb.tight = false
}

// adocSetextLevel reports whether lines[i] is a two-line section title
// (AsciiDoc's older style, used by Git's own docs): a line with a word
// on it, underlined by one of = - ~ ^ + as long as it, give or take one.
// Without it the underline opens a listing or example block that runs
// to the next line like it, and the section's prose becomes code.
func adocSetextLevel(lines []srcLine, i int) (int, bool) {
	if i+1 >= len(lines) || indentOf(lines[i].text) > 0 {
		return 0, false
	}
	t := strings.TrimSpace(lines[i].text)
	u := strings.TrimSpace(lines[i+1].text)
	if len(u) < 2 || t == "" || t[0] == '.' || t[0] == '[' || !strings.ContainsFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return 0, false
	}
	if _, ok := adocDelimiter(t); ok {
		return 0, false
	}
	level := strings.IndexByte("=-~^+", u[0]) + 1
	if level == 0 || strings.Trim(u, u[:1]) != "" {
		return 0, false
	}
	if d := utf8.RuneCountInString(t) - len(u); d < -1 || d > 1 {
		return 0, false
	}
	return level, true
}

// isDescItem reports whether a line starts a description list item:
// "term:: text", "term;; text".
func isDescItem(t string) bool {
	m := adocDescRe.FindStringSubmatch(t)
	// A term may hold brackets ("-S[<keyid>]::"), but not a link or
	// macro ("xref:a.adoc[A]").
	return m != nil && !strings.Contains(m[1], "://") && !adocLinkRe.MatchString(m[1])
}

// adocDelimiter reports whether a line opens a delimited block, and
// returns the line that closes it.
func adocDelimiter(t string) (string, bool) {
	if t == "--" || t == "|===" || t == ",===" || t == ":===" || t == "!===" {
		return t, true
	}
	if len(t) < 4 {
		return "", false
	}
	c := t[0]
	if !strings.ContainsRune("-.=*_+/", rune(c)) || strings.Trim(t, string(c)) != "" {
		return "", false
	}
	return t, true
}

// table emits a |=== table, a row a line. A cell opens with "|", after
// its specifier if it has one ("2+|", "a|"), and runs until the next
// cell, over lines; a row has as many columns as the block's cols
// attribute names, else as the first line has cells, as Asciidoctor
// counts them. Read a line a row, a table written a cell a line lost its
// rows (the Neo4j Cypher manual's "| Setting" over "| Description"), and
// an AsciiDoc cell ("a|") showed its block markup ("[source, cypher]",
// "----").
func (a *adocParser) table(lines []srcLine, cols int) {
	type cell struct {
		text []string
		span int
		n    int
	}
	var cells []cell
	firstLine := -1
	firstCount := 0
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		pieces := adocCellSplit(t)
		if len(pieces) == 1 { // no cell opens here: the current cell goes on
			if len(cells) > 0 && !adocBlockAttrRe.MatchString(t) && !adocTableNoise(t) {
				c := &cells[len(cells)-1]
				c.text = append(c.text, t)
			}
			continue
		}
		if len(cells) > 0 {
			c := &cells[len(cells)-1]
			if lead, _ := adocCellSpec(pieces[0]); lead != "" {
				c.text = append(c.text, lead)
			}
		}
		for k := 1; k < len(pieces); k++ {
			_, spec := adocCellSpec(pieces[k-1])
			body := pieces[k]
			if k+1 < len(pieces) {
				body, _ = adocCellSpec(body)
			}
			span := 1
			if i := strings.IndexAny(spec, "+"); i > 0 {
				if n, err := strconv.Atoi(strings.SplitN(spec[:i], ".", 2)[0]); err == nil && n > 1 {
					span = min(n, 64)
				}
			}
			c := cell{span: span, n: l.n}
			if b := strings.TrimSpace(body); b != "" && !adocTableNoise(b) {
				c.text = []string{b}
			}
			cells = append(cells, c)
		}
		if firstLine < 0 {
			firstLine, firstCount = l.n, len(pieces)-1
		}
	}
	if cols <= 0 {
		cols = max(firstCount, 1)
	}
	var rows []srcLine
	var row []string
	width, n := 0, 0
	for _, c := range cells {
		if width == 0 {
			n = c.n
		}
		row = append(row, a.inline(strings.Join(c.text, " ")))
		width += c.span
		if width >= cols {
			rows = append(rows, srcLine{strings.Join(row, " | "), n})
			row, width = nil, 0
		}
	}
	if len(row) > 0 {
		rows = append(rows, srcLine{strings.Join(row, " | "), n})
	}
	a.lb.raw(blockTable, rows)
}

// adocCellSplit splits a table line at its cell separators ("|", not
// "\|"); the first piece is what stands before the first one.
func adocCellSplit(t string) []string {
	var out []string
	start := 0
	for i := 0; i < len(t); i++ {
		if t[i] == '|' && (i == 0 || t[i-1] != '\\') {
			out = append(out, t[start:i])
			start = i + 1
		}
	}
	out = append(out, t[start:])
	if len(out) > 1 && strings.TrimSpace(out[0]) != "" {
		// Text before the first bar is a specifier, or the line is
		// prose holding a bar: only a specifier alone opens a cell.
		if rest, spec := adocCellSpec(out[0]); spec == "" || strings.TrimSpace(rest) != "" && !strings.HasSuffix(rest, " ") {
			return []string{t}
		}
	}
	for i := range out {
		out[i] = strings.ReplaceAll(out[i], "\\|", "|")
	}
	return out
}

// adocCellSpecRe is a cell specifier: span or duplication, alignment,
// style ("2+", "3*", ".2+^.^a", "h", "m").
var adocCellSpecRe = regexp.MustCompile(`^(?:\d+\*|\d*(?:\.\d+)?\+)?[<^>]?(?:\.[<^>])?[adehlmsv]?$`)

// adocCellSpec parts a piece of a table line into its text and the
// specifier of the cell its bar opens, written against the bar.
func adocCellSpec(piece string) (string, string) {
	k := strings.LastIndexAny(piece, " \t") + 1
	if spec := piece[k:]; spec != "" && adocCellSpecRe.MatchString(spec) {
		return piece[:k], spec
	}
	return piece, ""
}

// adocTableNoise is an AsciiDoc cell's block markup: a delimiter line or
// a block attribute list, which carry no text.
func adocTableNoise(t string) bool {
	_, delim := adocDelimiter(t)
	return delim || adocBlockAttrRe.MatchString(t)
}

// adocColsRe is a block attribute list's cols attribute.
var adocColsRe = regexp.MustCompile(`\bcols\s*=\s*"?([^"\]]*)`)

// adocCols is the number of columns a block attribute list's cols names
// ("3", "2*", "4m,3a,1m", "1,2*3"); 0 when it names none.
func adocCols(attrs string) int {
	m := adocColsRe.FindStringSubmatch(attrs)
	if m == nil {
		return 0
	}
	items := strings.FieldsFunc(m[1], func(r rune) bool { return r == ',' || r == ';' })
	if len(items) == 1 {
		item := strings.TrimSpace(items[0])
		if n, err := strconv.Atoi(strings.TrimSuffix(item, "*")); err == nil && n > 0 && (strings.HasSuffix(item, "*") || !strings.ContainsAny(item, "*")) {
			return min(n, 64)
		}
	}
	total := 0
	for _, it := range items {
		if i := strings.IndexByte(it, '*'); i > 0 {
			if n, err := strconv.Atoi(strings.TrimSpace(it[:i])); err == nil && n > 0 {
				total += n
				continue
			}
		}
		total++
	}
	return min(total, 64)
}

var (
	adocIndexHiddenRe = regexp.MustCompile(`\(\(\([^()]*\)\)\)|\bindexterm:\[[^\]]*\]`)
	adocIndexShownRe  = regexp.MustCompile(`\(\(([^()]+)\)\)|\bindexterm2:\[([^\]]*)\]`)
)

// adocCharAttrs are Asciidoctor's built-in attributes that stand for a
// character, written so that it is not markup: Git's docs write
// 'HEAD{caret}' and '{litdd}' in prose, which read as "HEAD" and "".
var adocCharAttrs = map[string]string{
	"amp": "&", "apos": "'", "asterisk": "*", "backslash": `\`, "backtick": "`",
	"brvbar": "¦", "caret": "^", "cpp": "C++", "deg": "°", "empty": "", "endsb": "]",
	"gt": ">", "litdd": "--", "lt": "<", "nbsp": "\u00a0", "plus": "+", "pp": "++",
	"quot": `"`, "sp": " ", "startsb": "[", "tilde": "~", "two-colons": "::",
	"two-semicolons": ";;", "vbar": "|", "zwsp": "",
}

// adocInline reduces inline AsciiDoc to its text.
func adocInline(s string) string {
	if strings.Contains(s, "((") || strings.Contains(s, "indexterm") {
		// Index terms: "(((Branches, remote)))" and indexterm:[…] are
		// for the book's index only; "((Git))" and indexterm2:[Git]
		// also show their term where they stand.
		s = adocIndexHiddenRe.ReplaceAllString(s, "")
		s = adocIndexShownRe.ReplaceAllString(s, "$1$2")
	}
	if !strings.ContainsAny(s, "[]<*_`+#{") {
		return s
	}
	s = adocAnchorRe.ReplaceAllString(s, "")
	s = adocImageRe.ReplaceAllString(s, "")
	s = adocInlineRe.ReplaceAllString(s, "$1")
	s = adocXrefRe.ReplaceAllStringFunc(s, func(m string) string {
		sub := adocXrefRe.FindStringSubmatch(m)
		if sub[2] != "" {
			return sub[2]
		}
		return strings.ReplaceAll(strings.TrimPrefix(sub[1], "_"), "_", " ")
	})
	s = adocRoleRe.ReplaceAllString(s, "$1")
	s = adocManRe.ReplaceAllString(s, "$1($2)")
	s = adocLinkRe.ReplaceAllStringFunc(s, func(m string) string {
		sub := adocLinkRe.FindStringSubmatch(m)
		if sub[1] != "" {
			return sub[1]
		}
		m = strings.TrimSuffix(m, "[]")
		if target, ok := strings.CutPrefix(m, "xref:"); ok {
			return xrefName(target)
		}
		for _, p := range []string{"link:", "mailto:"} {
			m = strings.TrimPrefix(m, p)
		}
		return m
	})
	s = adocFormat(s)
	s = adocAttrRefRe.ReplaceAllStringFunc(s, func(m string) string {
		return adocCharAttrs[m[1:len(m)-1]] // a built-in character, else ""
	})
	return s
}

// xrefName writes an xref's target with no text as words: the page's name
// ("2.0@cli:ROOT:admin/my_page.adoc#flags" is "my page"), a module's or
// folder's start page ("cli:index.adoc") by the module's or folder's name,
// else the fragment's; "." and ".." name no page. Antora shows the target
// page's title, which a file read on its own does not know; the name is
// what the title usually says.
func xrefName(target string) string {
	page, frag, _ := strings.Cut(target, "#")
	parts := strings.FieldsFunc(strings.TrimSuffix(page, ".adoc"), func(r rune) bool {
		return r == ':' || r == '@' || r == '/' || r == '$'
	})
	name := ""
	for i := len(parts) - 1; i >= 0 && name == ""; i-- {
		if p := parts[i]; p != "index" && p != "ROOT" && p != "." && p != ".." {
			name = p
		}
	}
	if name == "" && len(parts) > 0 {
		name = parts[len(parts)-1]
	}
	if name == "" {
		name = frag
	}
	if w := nameWords(name); w != "" {
		return w
	}
	return target
}

// adocFormat drops the marks of formatted text: a doubled mark ("**",
// "__", "++", "##", two backticks) around text anywhere, a single one only at the
// edges of words, as Asciidoctor reads them ("*bold*", but "2*3*4",
// "max_tokens_limit" and "C# and F#" are the text's). Code and
// passthrough text is not formatted further.
func adocFormat(s string) string {
	if !strings.ContainsAny(s, "*_`+#") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if !strings.ContainsRune("*_`+#", rune(c)) {
			b.WriteByte(c)
			i++
			continue
		}
		if inner, end, ok := adocFormatted(s, i); ok {
			if c == '`' || c == '+' {
				if c == '`' { // a passthrough in a code span: "`+{x}+`"
					if p, end, ok := adocFormatted(inner, 0); inner[0] == '+' && ok && end == len(inner) {
						inner = p
					}
				}
				b.WriteString(inner)
			} else {
				b.WriteString(adocFormat(inner))
			}
			i = end
			continue
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// adocFormatMax bounds how far the closing mark is looked for, so that a
// long line of unclosed marks costs linear time.
const adocFormatMax = 1000

// adocFormatted reads formatted text opening with the mark at s[i]: its
// text and the end of its closing mark, on the same line.
func adocFormatted(s string, i int) (string, int, bool) {
	c := s[i]
	s = s[:min(len(s), i+adocFormatMax)]
	if i+1 < len(s) && s[i+1] == c { // unconstrained: "**x**" anywhere
		rest := s[i+2:]
		if j := strings.Index(rest, string([]byte{c, c})); j > 0 && !strings.Contains(rest[:j], "\n") {
			return rest[:j], i + 2 + j + 2, true
		}
	}
	// Constrained: not inside a word, and text (no space) just inside
	// both marks.
	if i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); adocWordRune(r) {
			return "", 0, false
		}
	}
	if i+1 >= len(s) || s[i+1] == ' ' || s[i+1] == '\t' || s[i+1] == '\n' || s[i+1] == c {
		return "", 0, false
	}
	for j := i + 1; j < len(s) && s[j] != '\n'; j++ {
		if s[j] != c || s[j-1] == ' ' || s[j-1] == '\t' {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[j+1:]); j+1 < len(s) && adocWordRune(r) {
			continue
		}
		return s[i+1 : j], j + 1, true
	}
	return "", 0, false
}

func adocWordRune(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

// adocNavItemRe is a list item that is one cross reference or link alone,
// as an Antora navigation file lists its module's pages.
var adocNavItemRe = regexp.MustCompile(`^\*{1,5}\s+(?:(?:xref|link):[^\[\s]*\[[^\]]*\]|<<[^>]*>>)$`)

// adocNavigation reports whether src is an Antora navigation file: list
// items that are links (three or more) or the plain names of the groups
// they form, block titles, comments and attribute entries, and nothing
// else.
func adocNavigation(src string) bool {
	links, names := 0, 0
	for line := range strings.Lines(src) {
		t := strings.TrimSpace(line)
		switch {
		case t == "" || strings.HasPrefix(t, "//") || adocAttrRe.MatchString(t):
		case adocNavItemRe.MatchString(t):
			links++
		case strings.HasPrefix(t, ".") && len(t) > 1 && t[1] != '.' && t[1] != ' ', // a block title
			strings.HasPrefix(t, "*") && !strings.ContainsAny(t, "[]<>:") && len(t) <= 80: // a group's name
			names++
		default:
			return false
		}
	}
	return links >= 3 && links >= names
}
