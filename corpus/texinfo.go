package corpus

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// parseTexinfo reduces a Texinfo manual (GNU's: .texi, .texinfo, .txi) to
// blocks, as its Info or HTML output reads: @settitle gives the title;
// @top, @chapter, @section … (numbered or not, appendices) are headings;
// @example, @lisp and @verbatim blocks are code; @itemize and @enumerate
// items are list items, a @table's "@item term" is "term: text", a
// @multitable's rows are rows; a definition (@deffn, @defun …) reads as
// its name and arguments. Inline commands read as their text (@code{x} as
// x, @xref{Node} as "See Node", @value{v} as @set gave it, @dots{} as …),
// footnotes and index entries go; @node lines, menus, comments, the title
// page and output-specific blocks (@tex, @html, @iftex …) are left out.
// A file of other files' @include lines only is empty, said so.
func parseTexinfo(src string) structured {
	p := &texiParser{vals: make(map[string]string)}
	p.parse(splitLines(src))
	return structured{title: p.title, lang: p.lang, blocks: p.lb.out}
}

type texiParser struct {
	lb          lineBlocks
	title, lang string
	vals        map[string]string // @set name value
	lists       []string          // the open lists' commands: itemize, enumerate, table, multitable
}

// texiSkippedBlocks are blocks left out, up to their @end.
var texiSkippedBlocks = map[string]bool{
	"ignore": true, "menu": true, "detailmenu": true, "direntry": true, "tex": true, "html": true,
	"docbook": true, "xml": true, "latex": true, "iftex": true, "ifhtml": true, "ifdocbook": true,
	"ifxml": true, "iflatex": true, "titlepage": true, "macro": true, "rmacro": true,
	"documentdescription": true, "copying": true, "displaymath": true,
}

// texiCodeBlocks are blocks of code, kept line by line.
var texiCodeBlocks = map[string]bool{
	"example": true, "smallexample": true, "lisp": true, "smalllisp": true, "verbatim": true,
}

// texiHeadings are the sectioning commands, by level.
var texiHeadings = map[string]int{
	"top": 1, "chapter": 2, "unnumbered": 2, "appendix": 2, "majorheading": 2, "chapheading": 2,
	"section": 3, "unnumberedsec": 3, "appendixsec": 3, "appendixsection": 3, "heading": 3,
	"subsection": 4, "unnumberedsubsec": 4, "appendixsubsec": 4, "subheading": 4,
	"subsubsection": 5, "unnumberedsubsubsec": 5, "appendixsubsubsec": 5, "subsubheading": 5,
}

// texiLineCommands are commands that take their whole line and show
// nothing of it.
var texiLineCommands = map[string]bool{
	"c": true, "comment": true, "node": true, "cindex": true, "findex": true, "kindex": true, "vindex": true,
	"pindex": true, "tindex": true, "printindex": true, "contents": true, "shortcontents": true,
	"summarycontents": true, "bye": true, "setfilename": true, "setchapternewpage": true,
	"paragraphindent": true, "firstparagraphindent": true, "exampleindent": true, "footnotestyle": true,
	"finalout": true, "include": true, "dircategory": true, "noindent": true, "indent": true, "sp": true,
	"page": true, "need": true, "vskip": true, "insertcopying": true, "syncodeindex": true,
	"synindex": true, "defindex": true, "defcodeindex": true, "documentencoding": true, "headings": true,
	"everyheading": true, "evenheading": true, "oddheading": true, "everyfooting": true,
	"evenfooting": true, "oddfooting": true, "allowcodebreaks": true, "frenchspacing": true,
	"kbdinputstyle": true, "clear": true, "refill": true, "author": true, "title": true,
	"subtitle": true, "anchor": true, "input": true, "\\input": true, "smallbook": true,
	"afourpaper": true, "afivepaper": true, "novalidate": true, "codequoteundirected": true,
	"codequotebacktick": true, "deftypefnnewline": true, "urefbreakstyle": true, "xrefautomaticsectiontitle": true,
	"microtype": true, "setcontentsaftertitlepage": true, "setshortcontentsaftertitlepage": true,
}

// texiCommand is the command a line opens with ("chapter" of "@chapter
// Intro"), its argument, and whether it is one.
func texiCommand(t string) (cmd, arg string, ok bool) {
	if !strings.HasPrefix(t, "@") {
		if strings.HasPrefix(t, `\input`) {
			return `\input`, "", true
		}
		return "", "", false
	}
	i := 1
	for i < len(t) && (t[i] >= 'a' && t[i] <= 'z' || t[i] >= 'A' && t[i] <= 'Z') {
		i++
	}
	if i == 1 || (i < len(t) && t[i] == '{') {
		return "", "", false // "@@", or an inline command: prose
	}
	return t[1:i], strings.TrimSpace(t[i:]), true
}

func (p *texiParser) parse(lines []srcLine) {
	for i := 0; i < len(lines); {
		l := lines[i]
		t := strings.TrimSpace(l.text)
		if t == "" {
			i++
			continue
		}
		cmd, arg, ok := texiCommand(t)
		if !ok || !p.lineCommand(cmd) {
			i = p.paragraph(lines, i)
			continue
		}
		i++
		switch {
		case texiSkippedBlocks[cmd]:
			i = texiBlockEnd(lines, i, cmd)
		case texiCodeBlocks[cmd]:
			end := texiBlockEnd(lines, i, cmd)
			body := lines[i:max(end-1, i)]
			code := make([]srcLine, len(body))
			for k, b := range body {
				code[k] = b
				if cmd != "verbatim" {
					code[k].text = p.inline(b.text)
				}
			}
			p.lb.raw(blockCode, code)
			i = end
		case texiHeadings[cmd] > 0:
			if h := strings.TrimSpace(p.inline(arg)); h != "" {
				p.lb.heading(h, l.n, texiHeadings[cmd])
				if p.title == "" && cmd == "top" {
					p.title = h
				}
			}
		case cmd == "settitle":
			p.title = strings.TrimSpace(p.inline(arg))
		case cmd == "documentlanguage":
			p.lang = primaryTag(arg)
		case cmd == "set":
			name, value, _ := strings.Cut(arg, " ")
			p.vals[name] = strings.TrimSpace(value)
		case cmd == "itemize" || cmd == "enumerate" || cmd == "table" || cmd == "ftable" || cmd == "vtable" || cmd == "multitable":
			p.lists = append(p.lists, cmd)
		case cmd == "end":
			switch arg {
			case "itemize", "enumerate", "table", "ftable", "vtable", "multitable":
				if len(p.lists) > 0 {
					p.lists = p.lists[:len(p.lists)-1]
				}
			}
		case cmd == "item" || cmd == "itemx" || cmd == "headitem":
			i = p.item(lines, i-1, arg)
		case strings.HasPrefix(cmd, "def"):
			// A definition's line: its name and arguments, a paragraph;
			// a category in braces ("{User Option}") reads as its words.
			p.lb.prose(blockPara, []srcLine{{arg, l.n}}, p.inline)
		case cmd == "center" || cmd == "exdent":
			p.lb.prose(blockPara, []srcLine{{arg, l.n}}, p.inline)
		}
	}
}

// lineCommand says whether a line opening with cmd is a command's line
// rather than prose: every command the reader knows, and any block's
// opening or @end.
func (p *texiParser) lineCommand(cmd string) bool {
	switch cmd {
	case "end", "item", "itemx", "headitem", "tab", "settitle", "documentlanguage", "set", "center", "exdent",
		"itemize", "enumerate", "table", "ftable", "vtable", "multitable",
		// Blocks whose lines read as the text around them.
		"quotation", "smallquotation", "cartouche", "group", "flushleft", "flushright", "raggedright",
		"indentedblock", "smallindentedblock", "display", "smalldisplay", "format", "smallformat", "float",
		"ifinfo", "ifnottex", "ifnothtml", "ifnotinfo", "ifnotdocbook", "ifnotxml", "ifnotlatex", "ifnotplaintext",
		"ifplaintext", "ifset", "ifclear", "ifcommanddefined", "ifcommandnotdefined", "nodetype", "sidebar":
		return true
	}
	return texiLineCommands[cmd] || texiSkippedBlocks[cmd] || texiCodeBlocks[cmd] || texiHeadings[cmd] > 0 || strings.HasPrefix(cmd, "def")
}

// texiBlockEnd is the index after the "@end name" closing the block whose
// body starts at lines[i], or len(lines) when it is not closed.
func texiBlockEnd(lines []srcLine, i int, name string) int {
	end := "@end " + name
	for ; i < len(lines); i++ {
		if t := strings.TrimSpace(lines[i].text); t == end || strings.HasPrefix(t, end+" ") {
			return i + 1
		}
	}
	return len(lines)
}

// breaks says whether a line ends the paragraph before it.
func (p *texiParser) breaks(l srcLine) bool {
	t := strings.TrimSpace(l.text)
	if t == "" {
		return true
	}
	cmd, _, ok := texiCommand(t)
	return ok && p.lineCommand(cmd)
}

// paragraph reads the prose from lines[i] to the next blank line or
// command line, and returns the index after it.
func (p *texiParser) paragraph(lines []srcLine, i int) int {
	j := i + 1
	for j < len(lines) && !p.breaks(lines[j]) {
		j++
	}
	p.lb.prose(blockPara, lines[i:j], p.inline)
	return j
}

// item reads an item of the innermost list, from its @item line at
// lines[i] to the next item, command or blank line.
func (p *texiParser) item(lines []srcLine, i int, arg string) int {
	list := ""
	if len(p.lists) > 0 {
		list = p.lists[len(p.lists)-1]
	}
	j := i + 1
	switch list {
	case "multitable":
		// "@item a @tab b", its cells over lines until the next item.
		row := arg
		for j < len(lines) && !isBlankLine(lines[j]) {
			t := strings.TrimSpace(lines[j].text)
			if c, _, ok := texiCommand(t); ok && c != "tab" {
				break
			}
			row += " " + t
			j++
		}
		cells := strings.Split(row, "@tab")
		for k, c := range cells {
			cells[k] = strings.TrimSpace(p.inline(c))
		}
		var bb blockBuilder
		bb.writeRow(lines[i].n, cells, true)
		p.lb.tight = i > 0 && !isBlankLine(lines[i-1])
		p.lb.emit(bb.take(blockTable), 0)
		return j
	case "table", "ftable", "vtable":
		// "@item term" (and "@itemx other") over the text describing it.
		terms := []string{strings.TrimSpace(p.inline(arg))}
		for j < len(lines) {
			c, a, ok := texiCommand(strings.TrimSpace(lines[j].text))
			if !ok || c != "itemx" {
				break
			}
			terms = append(terms, strings.TrimSpace(p.inline(a)))
			j++
		}
		// Index entries after the item ("@kindex s", "@findex magit-stage")
		// are no text and do not end it.
		for j < len(lines) {
			c, _, ok := texiCommand(strings.TrimSpace(lines[j].text))
			if !ok || !strings.HasSuffix(c, "index") && c != "c" && c != "comment" {
				break
			}
			j++
		}
		body := []srcLine{{strings.Join(terms, ", ") + ":", lines[i].n}}
		for j < len(lines) && !p.breaks(lines[j]) {
			body = append(body, lines[j])
			j++
		}
		// The term is already plain; the rest is read with p.inline, which
		// leaves plain text as it is.
		p.lb.prose(blockItem, body, p.inline)
		return j
	}
	// @itemize or @enumerate: "@item" alone, or with the item's first words.
	body := []srcLine{{arg, lines[i].n}}
	if arg == "" && j < len(lines) && !p.breaks(lines[j]) {
		body = body[:0]
	}
	for j < len(lines) && !p.breaks(lines[j]) {
		body = append(body, lines[j])
		j++
	}
	if len(body) == 0 {
		return j
	}
	body[0].text = "• " + body[0].text
	p.lb.tight = true
	p.lb.prose(blockItem, body, p.inline)
	return j
}

// texiAccents are the accent commands, as combining marks.
var texiAccents = map[byte]rune{'\'': '\u0301', '`': '\u0300', '^': '\u0302', '~': '\u0303', '"': '\u0308', ',': '\u0327', '=': '\u0304'}

// texiSymbols are the commands that stand for a character or a word.
var texiSymbols = map[string]string{
	"dots": "…", "enddots": "…", "minus": "-", "copyright": "©", "registeredsymbol": "®", "TeX": "TeX",
	"LaTeX": "LaTeX", "result": "⇒", "expansion": "→", "equiv": "≡", "error": "error→", "print": "-|",
	"point": "∗", "bullet": "•", "today": "", "tie": " ", "comma": ",", "atchar": "@", "lbracechar": "{",
	"rbracechar": "}", "backslashchar": `\`, "hashchar": "#", "euro": "€", "pounds": "£", "geq": "≥",
	"leq": "≤", "arrow": "→", "click": "→", "exclamdown": "¡", "questiondown": "¿", "ss": "ß",
	"aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "o": "ø", "O": "Ø", "l": "ł", "L": "Ł",
	"quotedblleft": "“", "quotedblright": "”", "quoteleft": "‘", "quoteright": "’", "guillemetleft": "«",
	"guillemetright": "»", "textdegree": "°", "ordf": "ª", "ordm": "º", "eosmall": "", "thinspace": " ",
}

// texiDropped are inline commands whose argument is not shown in the text.
var texiDropped = map[string]bool{
	"footnote": true, "anchor": true, "image": true, "cindex": true, "findex": true, "kindex": true,
	"vindex": true, "pindex": true, "tindex": true, "errormsg": true, "inlinefmt": true, "inlineraw": true,
	"sortas": true, "seeentry": true, "seealso": true,
}

// inline reads a line's (or a paragraph's) inline Texinfo as its text.
func (p *texiParser) inline(s string) string {
	if !strings.ContainsAny(s, "@") {
		return s
	}
	var b strings.Builder
	accented := false
	p.inlineTo(&b, s, 0, &accented)
	if accented {
		return norm.NFC.String(b.String())
	}
	return b.String()
}

// inlineTo writes the text of s to b; depth bounds nesting.
func (p *texiParser) inlineTo(b *strings.Builder, s string, depth int, accented *bool) {
	for i := 0; i < len(s); {
		c := s[i]
		if c != '@' || i+1 >= len(s) {
			if c != '{' && c != '}' || depth > 20 {
				b.WriteByte(c)
			}
			i++
			continue
		}
		n := s[i+1]
		switch {
		case n == '@' || n == '{' || n == '}':
			b.WriteByte(n)
			i += 2
			continue
		case n == '.' || n == '!' || n == '?':
			b.WriteByte(n)
			i += 2
			continue
		case n == ':' || n == '-' || n == '/' || n == '|':
			i += 2
			continue
		case n == '*' || n == ' ' || n == '\t' || n == '\n':
			b.WriteByte(' ')
			i += 2
			continue
		case texiAccents[n] != 0:
			// @'e, @'{e}: the letter and its accent.
			j := i + 2
			letter := ""
			if j < len(s) && s[j] == '{' {
				if k := strings.IndexByte(s[j:], '}'); k > 0 {
					letter, j = s[j+1:j+k], j+k+1
				}
			} else if j < len(s) {
				letter, j = s[j:j+1], j+1
			}
			b.WriteString(letter)
			b.WriteRune(texiAccents[n])
			*accented = true
			i = j
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
			j++
		}
		if j == i+1 {
			i++ // "@" before something no command starts with: dropped
			continue
		}
		name := s[i+1 : j]
		if j >= len(s) || s[j] != '{' {
			if sym, ok := texiSymbols[name]; ok {
				b.WriteString(sym)
			}
			i = j // a command without braces mid-text (@noindent): no text
			if _, ok := texiSymbols[name]; !ok && i < len(s) && s[i] == ' ' {
				i++ // nor the space that ends its name
			}
			continue
		}
		arg, next := texiBraced(s, j)
		i = next
		switch {
		case texiDropped[name]:
		case name == "verb":
			// @verb{|text|}: the text between the delimiters, as it is.
			if len(arg) >= 2 {
				b.WriteString(arg[1 : len(arg)-1])
			}
		case name == "value":
			b.WriteString(p.vals[strings.TrimSpace(arg)])
		case texiSymbols[name] != "" || name == "today" || name == "eosmall":
			b.WriteString(texiSymbols[name])
		case name == "dotless":
			b.WriteString(arg)
		case name == "url" || name == "uref" || name == "email":
			parts := texiArgs(arg)
			text := parts[0]
			if len(parts) > 2 && strings.TrimSpace(parts[2]) != "" {
				text = parts[2]
			} else if len(parts) > 1 && strings.TrimSpace(parts[1]) != "" {
				text = parts[1]
			}
			p.inlineTo(b, strings.TrimSpace(text), depth+1, accented)
		case name == "xref" || name == "pxref" || name == "ref" || name == "inforef":
			parts := texiArgs(arg)
			switch name {
			case "xref":
				b.WriteString("See ")
			case "pxref":
				b.WriteString("see ")
			}
			target := parts[0]
			if len(parts) > 2 && strings.TrimSpace(parts[2]) != "" {
				target = parts[2] // the title of the section referred to
			}
			p.inlineTo(b, strings.TrimSpace(target), depth+1, accented)
		case name == "acronym" || name == "abbr":
			parts := texiArgs(arg)
			p.inlineTo(b, strings.TrimSpace(parts[0]), depth+1, accented)
			if len(parts) > 1 && strings.TrimSpace(parts[1]) != "" {
				b.WriteString(" (")
				p.inlineTo(b, strings.TrimSpace(parts[1]), depth+1, accented)
				b.WriteString(")")
			}
		default:
			// @code, @samp, @var, @emph, @strong, @file, @kbd, @w, @r …:
			// their text.
			if depth < 20 {
				p.inlineTo(b, arg, depth+1, accented)
			} else {
				b.WriteString(arg)
			}
		}
	}
}

// texiBraced is the argument of the brace at s[open] and the index after
// its closing brace (the end of s when it is not closed); "@{" and "@}"
// inside do not count.
func texiBraced(s string, open int) (string, int) {
	depth := 0
	for k := open; k < len(s); k++ {
		switch s[k] {
		case '@':
			k++ // an escaped character, or a command's first letter
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return s[open+1 : k], k + 1
			}
		}
	}
	return s[open+1:], len(s)
}

// texiArgs splits a command's argument at its commas outside braces.
func texiArgs(arg string) []string {
	var out []string
	depth, start := 0, 0
	for k := 0; k < len(arg); k++ {
		switch arg[k] {
		case '@':
			k++
		case '{':
			depth++
		case '}':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, arg[start:k])
				start = k + 1
			}
		}
	}
	return append(out, arg[start:])
}
