package corpus

import (
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// srcLine is one line of a source file with its 1-based number.
type srcLine struct {
	text string
	n    int
}

func splitLines(src string) []srcLine {
	parts := strings.Split(src, "\n")
	out := make([]srcLine, len(parts))
	for i, p := range parts {
		out[i] = srcLine{strings.TrimRight(p, " \t\r"), i + 1}
	}
	return out
}

func isBlankLine(l srcLine) bool { return strings.TrimSpace(l.text) == "" }

// lineBlocks collects blocks from line-based formats (reStructuredText,
// AsciiDoc).
type lineBlocks struct {
	out   []block
	tight bool
}

// prose emits lines as one paragraph (or list item), their breaks spaces.
// inline, when not nil, reduces the markup of the whole paragraph, so that a
// role may run over a line break.
func (lb *lineBlocks) prose(kind blockKind, lines []srcLine, inline func(string) string) {
	texts := make([]string, len(lines))
	for i, l := range lines {
		texts[i] = strings.TrimSpace(l.text)
	}
	if inline != nil {
		if joined := strings.Split(inline(strings.Join(texts, "\n")), "\n"); len(joined) == len(texts) {
			texts = joined
		} else {
			texts = []string{strings.Join(joined, " ")}
		}
	}
	var bb blockBuilder
	for i, t := range texts {
		if strings.TrimSpace(t) == "" {
			continue
		}
		bb.mark(lines[i].n, 0)
		bb.write(t)
		bb.lineBreak()
	}
	lb.emit(bb.take(kind), 0)
}

// raw emits lines as they are, for code and tables, without their common
// indentation.
func (lb *lineBlocks) raw(kind blockKind, lines []srcLine) {
	for len(lines) > 0 && isBlankLine(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	for len(lines) > 0 && isBlankLine(lines[0]) {
		lines = lines[1:]
	}
	indent := -1
	for _, l := range lines {
		if !isBlankLine(l) && (indent < 0 || indentOf(l.text) < indent) {
			indent = indentOf(l.text)
		}
	}
	var bb blockBuilder
	for i, l := range lines {
		if i > 0 {
			bb.writeRaw("\n")
		}
		bb.mark(l.n, 0)
		bb.writeRaw(dedent(l.text, indent))
	}
	lb.emit(bb.take(kind), 0)
}

func (lb *lineBlocks) heading(text string, n, level int) {
	var bb blockBuilder
	bb.mark(n, 0)
	bb.write(text)
	lb.emit(bb.take(blockHeading), level)
}

func (lb *lineBlocks) emit(b block, level int) {
	if strings.TrimSpace(b.text) == "" {
		return
	}
	b.level = level
	b.tight = lb.tight
	lb.tight = false
	lb.out = append(lb.out, b)
}

// dedent removes up to n columns of leading spaces.
func dedent(s string, n int) string {
	i := 0
	for i < len(s) && i < n && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return s[i:]
}

// indented returns the lines from lines[i] on that are blank or indented
// more than indent, without trailing blank lines, and the index after them.
func indented(lines []srcLine, i, indent int) ([]srcLine, int) {
	j := i
	for j < len(lines) && (isBlankLine(lines[j]) || indentOf(lines[j].text) > indent) {
		j++
	}
	k := j
	for k > i && isBlankLine(lines[k-1]) {
		k--
	}
	return lines[i:k], k
}

var (
	rstDirectiveRe = regexp.MustCompile(`^(\s*)\.\.\s+([\w:.-]+)::\s*(.*)$`)
	rstBulletRe    = regexp.MustCompile(`^(\s*)([-*+•‣⁃]|\d+[.)]|#\.|\(?[a-zA-Z0-9]\))\s+`)
	rstRoleRe      = regexp.MustCompile("(?::([\\w:.+-]+):)?`([^`]+)`(?::[\\w:.+-]+:)?_{0,2}")
	rstStrongRe    = regexp.MustCompile(`\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*`)
	rstSubstRe     = regexp.MustCompile(`\|([^|\s][^|]*)\|_{0,2}`)
	rstFootRefRe   = regexp.MustCompile(`\s?\[(?:\d+|#\w*|\*|[\w-]+)\]_`)
	rstRefRe       = regexp.MustCompile(`\b(\w+)__?\b`)
	// A field marker ends with white space or the line: ":ref:`x` …"
	// opens a paragraph with a role.
	rstFieldRe = regexp.MustCompile(`^:([^:]+):(?:\s+(.*))?$`)
)

// rstDropped are directives whose content is no text of the document:
// navigation, module context, indexes, pictures, includes, generated API.
var rstDropped = map[string]bool{
	"toctree": true, "currentmodule": true, "module": true, "py:module": true, "py:currentmodule": true,
	"index": true, "highlight": true, "contents": true, "include": true, "literalinclude": true,
	"raw": true, "image": true, "figure": true, "only": false, "meta": true, "tabularcolumns": true,
	"autosummary": true, "automodule": true, "autoclass": true, "autofunction": true, "automethod": true,
	"autoattribute": true, "autodata": true, "autoexception": true, "sectnum": true, "default-role": true,
	"role": true, "title": true, "header": true, "footer": true, "target-notes": true,
	"cssclass": true, "graphviz": true, "inheritance-diagram": true, "math": false, "plot": true,
	"program": true, "c:namespace": true, "cpp:namespace": true, "glossary": false,
}

// rstVersionNotes are how Sphinx words its version directives.
var rstVersionNotes = map[string]string{
	"versionadded": "Added in version", "versionchanged": "Changed in version",
	"deprecated": "Deprecated since version", "versionremoved": "Removed in version",
}

// rstCondition are directives whose content is the page's text under a
// condition of the build (Sphinx's only, sphinx.ext.ifconfig's ifconfig).
var rstCondition = map[string]bool{"only": true, "ifconfig": true}

// rstCode are directives whose content is code.
var rstCode = map[string]bool{
	"code-block": true, "code": true, "sourcecode": true, "doctest": true, "testcode": true,
	"testoutput": true, "ipython": true, "parsed-literal": true, "prompt": true, "math": true, "csv-table": true,
}

// parseRST reduces reStructuredText to blocks: adorned section titles
// (levels in order of first use), paragraphs, lists, literal and code
// blocks, the content of admonitions and other directives; navigation and
// module directives, comments and targets dropped; roles reduced to text.
func parseRST(src string) structured {
	r := &rstParser{levels: map[string]int{}}
	r.parse(dropSphinxMetadata(splitLines(src)))
	var s structured
	for _, b := range r.lb.out {
		if b.kind == blockHeading {
			s.title = b.text
			break
		}
	}
	s.blocks = r.lb.out
	s.included = r.included
	return s
}

type rstParser struct {
	lb       lineBlocks
	levels   map[string]int // adornment style → section level
	included []string       // the files ".. include::" names
}

// adornment reports whether a line is a section adornment: one punctuation
// character repeated, four times at least.
func adornment(t string) (byte, bool) {
	if len(t) < 4 {
		return 0, false
	}
	c := t[0]
	if !strings.ContainsRune("=-~^\"'`#*+<>:._", rune(c)) {
		return 0, false
	}
	for i := 1; i < len(t); i++ {
		if t[i] != c {
			return 0, false
		}
	}
	return c, true
}

func (r *rstParser) level(style string) int {
	if l, ok := r.levels[style]; ok {
		return l
	}
	r.levels[style] = len(r.levels) + 1
	return r.levels[style]
}

// parse reads lines whose indentation, relative to the block they are in,
// has been removed.
func (r *rstParser) parse(lines []srcLine) {
	for i := 0; i < len(lines); {
		l := lines[i]
		if isBlankLine(l) {
			i++
			continue
		}
		t := strings.TrimSpace(l.text)
		ind := indentOf(l.text)
		// Overlined title: === / Title / ===.
		if c, ok := adornment(t); ok && ind == 0 {
			if i+2 < len(lines) && !isBlankLine(lines[i+1]) {
				if c2, ok2 := adornment(strings.TrimSpace(lines[i+2].text)); ok2 && c2 == c {
					r.lb.heading(rstInline(strings.TrimSpace(lines[i+1].text)), lines[i+1].n, r.level("over"+string(c)))
					i += 3
					continue
				}
			}
			i++ // a transition
			continue
		}
		// Underlined title.
		if ind == 0 && i+1 < len(lines) {
			if c, ok := adornment(strings.TrimSpace(lines[i+1].text)); ok && utf8.RuneCountInString(strings.TrimSpace(lines[i+1].text)) >= min(utf8.RuneCountInString(t), 4) {
				r.lb.heading(rstInline(t), l.n, r.level(string(c)))
				i += 2
				continue
			}
		}
		if strings.HasPrefix(t, "..") {
			i = r.explicit(lines, i)
			continue
		}
		if strings.HasPrefix(t, "+-") && strings.HasSuffix(t, "+") || isSimpleTableRule(t) {
			j := i
			for j < len(lines) && !isBlankLine(lines[j]) {
				j++
			}
			r.table(lines[i:j])
			i = j
			continue
		}
		if m := rstBulletRe.FindStringSubmatch(l.text); m != nil {
			i = r.item(lines, i, m)
			continue
		}
		if strings.HasPrefix(t, ">>>") { // a doctest block
			j := i
			for j < len(lines) && !isBlankLine(lines[j]) {
				j++
			}
			r.lb.raw(blockCode, lines[i:j])
			i = j
			continue
		}
		if m := rstFieldRe.FindStringSubmatch(t); m != nil {
			i = r.field(lines, i, ind, m)
			continue
		}
		// A paragraph: lines up to a blank line or a change of indentation.
		j := i + 1
		for j < len(lines) && !isBlankLine(lines[j]) && indentOf(lines[j].text) == ind {
			j++
		}
		para := lines[i:j]
		last := strings.TrimSpace(para[len(para)-1].text)
		literal := strings.HasSuffix(last, "::")
		if literal {
			para = append(para[:len(para)-1:len(para)-1], srcLine{strings.TrimSuffix(strings.TrimSuffix(last, "::"), " ") + ":", para[len(para)-1].n})
			if strings.TrimSpace(para[len(para)-1].text) == ":" {
				para = para[:len(para)-1]
			}
		}
		if j < len(lines) && !isBlankLine(lines[j]) && indentOf(lines[j].text) > ind && !literal {
			// A definition list item: the term, then its definition.
			r.lb.prose(blockPara, para, rstInline)
			body, k := indented(lines, j, ind)
			r.parse(body)
			i = k
			continue
		}
		r.lb.prose(blockPara, para, rstInline)
		i = j
		if literal {
			for i < len(lines) && isBlankLine(lines[i]) {
				i++
			}
			if i < len(lines) && indentOf(lines[i].text) > ind {
				body, k := indented(lines, i, ind)
				r.lb.raw(blockCode, body)
				i = k
			}
		} else if i < len(lines) && !isBlankLine(lines[i]) && indentOf(lines[i].text) < ind {
			continue
		}
	}
}

// field reads a field of a field list (":name: body"): its body runs on
// over the lines indented under it, a blank line too, as docutils reads
// it. It reads as "Name: body", the body's first paragraph on the field's
// line, the rest after it; Sphinx's info fields as Sphinx labels them
// (":keyword str reason:" → "Keyword argument reason (str): …"). Read as
// a paragraph, ":keyword str filter:" over its indented text was a
// definition list's term, shown with its colons.
func (r *rstParser) field(lines []srcLine, i, ind int, m []string) int {
	body, next := indented(lines, i+1, ind)
	label := rstFieldLabel(m[1])
	if label == "" {
		return next
	}
	para := []srcLine{{label + ":", lines[i].n}}
	if first := strings.TrimSpace(m[2]); first != "" {
		para[0].text += " " + first
	}
	// The body's first paragraph continues the field's line, unless it
	// opens a list or an explicit block of its own.
	k := 0
	if len(body) > 0 && !isBlankLine(body[0]) {
		t := strings.TrimSpace(body[0].text)
		if rstBulletRe.FindStringSubmatch(body[0].text) == nil && !strings.HasPrefix(t, "..") {
			for k < len(body) && !isBlankLine(body[k]) && indentOf(body[k].text) == indentOf(body[0].text) {
				k++
			}
		}
	}
	para = append(para, body[:k]...)
	literal := false
	if last := strings.TrimSpace(para[len(para)-1].text); strings.HasSuffix(last, "::") {
		literal = true
		para[len(para)-1].text = strings.TrimSuffix(strings.TrimSuffix(last, "::"), " ") + ":"
	}
	r.lb.prose(blockPara, para, rstInline)
	rest := body[k:]
	if literal && hasText(rest) {
		r.lb.raw(blockCode, rest)
	} else {
		r.parse(rest)
	}
	return next
}

// rstInfoFields are how Sphinx labels the fields of a Python object's
// description (Sphinx, "Info field lists"), by their first word.
var rstInfoFields = map[string]string{
	"param": "Parameter", "parameter": "Parameter", "arg": "Parameter", "argument": "Parameter",
	"key": "Keyword argument", "keyword": "Keyword argument", "kwarg": "Keyword argument", "kwparam": "Keyword argument",
	"var": "Variable", "ivar": "Variable", "cvar": "Variable",
	"raises": "Raises", "raise": "Raises", "except": "Raises", "exception": "Raises",
	"returns": "Returns", "return": "Returns", "rtype": "Return type", "returntype": "Return type", "yields": "Yields",
	"type": "Type of", "vartype": "Type of",
}

// rstFieldLabel is how a field's name reads: Sphinx's info fields as
// Sphinx shows them (":param str name:" → "Parameter name (str)",
// ":type name:" → "Type of name", ":raises ValueError:" → "Raises
// ValueError"), any other name as written; "" for ":meta …:", which
// Sphinx never shows.
func rstFieldLabel(name string) string {
	f := strings.Fields(rstInline(name))
	if len(f) == 0 {
		return ""
	}
	head := strings.ToLower(f[0])
	if head == "meta" && len(f) > 1 {
		return ""
	}
	label, ok := rstInfoFields[head]
	if !ok || len(f) == 1 {
		if ok {
			return label
		}
		return strings.Join(f, " ")
	}
	switch label {
	case "Parameter", "Keyword argument", "Variable":
		// ":param int x:": the type, when given, before the name.
		if len(f) > 2 {
			return label + " " + f[len(f)-1] + " (" + strings.Join(f[1:len(f)-1], " ") + ")"
		}
	}
	return label + " " + strings.Join(f[1:], " ")
}

// item reads a list item: its first line after the bullet, and what is
// indented under it.
func (r *rstParser) item(lines []srcLine, i int, m []string) int {
	ind := len(m[1])
	bullet := m[2]
	prefix := "• "
	if bullet[0] >= '0' && bullet[0] <= '9' || bullet == "#." || strings.HasSuffix(bullet, ")") {
		prefix = strings.TrimPrefix(strings.TrimSuffix(bullet, ")"), "(") + ". "
		if bullet == "#." {
			prefix = "• "
		}
		prefix = strings.Replace(prefix, "..", ".", 1)
	}
	first := srcLine{strings.TrimSpace(lines[i].text[len(m[0]):]), lines[i].n}
	j := i + 1
	para := []srcLine{first}
	for j < len(lines) && !isBlankLine(lines[j]) && indentOf(lines[j].text) > ind && rstBulletRe.FindStringSubmatch(lines[j].text) == nil {
		para = append(para, lines[j])
		j++
	}
	r.lb.prose(blockItem, para, func(s string) string { return prefix + rstInline(s) })
	if j < len(lines) && (isBlankLine(lines[j]) || indentOf(lines[j].text) > ind) {
		body, k := indented(lines, j, ind)
		r.parse(body)
		j = k
	}
	return j
}

// explicit reads an explicit markup block: a directive, a comment, a
// target, a substitution or a footnote.
func (r *rstParser) explicit(lines []srcLine, i int) int {
	l := lines[i]
	ind := indentOf(l.text)
	m := rstDirectiveRe.FindStringSubmatch(l.text)
	body, next := indented(lines, i+1, ind)
	if m == nil {
		t := strings.TrimSpace(l.text)
		if strings.HasPrefix(t, ".. [") { // a footnote or citation
			if k := strings.Index(t, "]"); k > 0 {
				r.lb.prose(blockPara, append([]srcLine{{t[k+1:], l.n}}, body...), rstInline)
			}
		}
		return next // a comment, a target, a substitution
	}
	name, arg := strings.ToLower(m[2]), m[3]
	// Options (":linenos:") come first in the body.
	k := 0
	for k < len(body) && !isBlankLine(body[k]) && rstFieldRe.MatchString(strings.TrimSpace(body[k].text)) {
		k++
	}
	content := body[k:]
	short := strings.TrimPrefix(name, "py:")
	if name == "include" && arg != "" {
		r.included = append(r.included, arg)
	}
	switch {
	case rstDropped[name]:
	case name == "class" && !hasText(content):
		// docutils' class directive, a CSS class for what follows; with
		// content, Sphinx's class description below.
	case rstCode[name]:
		r.lb.raw(blockCode, content)
	case name == "list-table":
		r.parse(content)
	case name == "rubric":
		r.lb.heading(rstInline(arg), l.n, 6)
	case short == "function" || short == "class" || short == "method" || short == "attribute" || short == "data" ||
		short == "exception" || short == "decorator" || short == "option" || short == "envvar" || strings.Contains(name, ":"):
		if arg != "" {
			r.lb.raw(blockCode, []srcLine{{arg, l.n}})
		}
		r.parse(content)
	case rstCondition[name]:
		// The argument is an expression over the build's tags or
		// settings ("html", "latex or epub"), no text of the page.
		r.parse(content)
	default: // admonitions, topics, version notes, containers: their text
		if v, ok := rstVersionNotes[name]; ok && arg != "" {
			// ".. versionadded:: 0.6" reads as Sphinx renders it.
			version, rest, _ := strings.Cut(arg, " ")
			arg = v + " " + version + "."
			if rest = strings.TrimSpace(rest); rest != "" {
				arg += " " + rest
			}
		}
		if arg != "" {
			// The argument may be the first line of the first paragraph.
			pad := strings.Repeat(" ", ind+3)
			if len(body) > 0 && k == 0 && !isBlankLine(body[0]) {
				pad = strings.Repeat(" ", indentOf(body[0].text))
			}
			content = append([]srcLine{{pad + arg, l.n}}, content...)
		}
		r.parse(content)
	}
	return next
}

// sphinxMetadata are the fields Sphinx reads from a field list that opens
// a file ("File-wide metadata"): they steer the build (a table of
// contents' depth, a page outside every toctree, search) and are never
// shown. Other opening fields (":Author:") are docutils' docinfo, shown.
var sphinxMetadata = map[string]bool{
	"tocdepth": true, "nocomments": true, "orphan": true, "nosearch": true, "no-search": true,
}

// dropSphinxMetadata removes Sphinx's metadata fields from the field
// list that opens a file, before any other markup: ":orphan:" over a
// page of a toctree alone was the page's one word, "orphan:".
func dropSphinxMetadata(lines []srcLine) []srcLine {
	i := 0
	for i < len(lines) && isBlankLine(lines[i]) {
		i++
	}
	var kept []srcLine
	j := i
	for j < len(lines) && indentOf(lines[j].text) == 0 {
		m := rstFieldRe.FindStringSubmatch(lines[j].text)
		if m == nil {
			break
		}
		k := j + 1
		for k < len(lines) && !isBlankLine(lines[k]) && indentOf(lines[k].text) > 0 {
			k++ // the field's body, over lines
		}
		if !sphinxMetadata[strings.ToLower(strings.TrimSpace(m[1]))] {
			kept = append(kept, lines[j:k]...)
		}
		j = k
	}
	if j == i {
		return lines
	}
	return append(kept, lines[j:]...)
}

// hasText reports whether any of lines is not blank.
func hasText(lines []srcLine) bool {
	return slices.ContainsFunc(lines, func(l srcLine) bool { return !isBlankLine(l) })
}

// isSimpleTableRule reports whether a line is the border of a simple table:
// runs of "=" separated by spaces.
func isSimpleTableRule(t string) bool {
	if !strings.HasPrefix(t, "==") || !strings.Contains(t, " ") {
		return false
	}
	return strings.Trim(t, "= ") == ""
}

// table emits a grid or simple table, a row a line, cells joined by " | ".
func (r *rstParser) table(lines []srcLine) {
	var rows []srcLine
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		if strings.HasPrefix(t, "+") || isSimpleTableRule(t) || strings.Trim(t, "-= ") == "" {
			continue
		}
		t = strings.Trim(t, "|")
		var cells []string
		if strings.Contains(t, "|") {
			for _, c := range strings.Split(t, "|") {
				cells = append(cells, rstInline(strings.TrimSpace(c)))
			}
		} else {
			for _, c := range regexp.MustCompile(`\s{2,}`).Split(t, -1) {
				cells = append(cells, rstInline(c))
			}
		}
		rows = append(rows, srcLine{strings.Join(cells, " | "), l.n})
	}
	r.lb.raw(blockTable, rows)
}

// rstInline reduces inline markup to its text: roles and interpreted text
// (":ref:`Title <target>`" → "Title", ":func:`~a.b`" → "b"), literals,
// emphasis, references, substitutions; footnote references go.
func rstInline(s string) string {
	if !strings.ContainsAny(s, "`*|_[\\") {
		return s
	}
	// An inline literal is kept as written: roles, emphasis and
	// backslashes inside it are what it shows (``:py:class:`ZipFile```).
	var b strings.Builder
	for {
		i := strings.Index(s, "``")
		if i < 0 {
			break
		}
		j := rstLiteralEnd(s[i+2:])
		if j < 0 {
			break
		}
		b.WriteString(rstMarkup(s[:i]))
		b.WriteString(s[i+2 : i+2+j])
		s = s[i+2+j+2:]
	}
	if b.Len() == 0 {
		return rstMarkup(s)
	}
	b.WriteString(rstMarkup(s))
	return b.String()
}

// roleText is what a role named role ("ref", "py:func", "" for none)
// shows of its content: "Title <target>" → "Title", "~a.b" → "b", "!x" →
// "x". A Sphinx :ref: or :doc: with no title shows its target's title,
// which a file read on its own does not know: a label reads as its words
// ("how-to_fixtures" is "how to fixtures", dots kept as in
// "pytest.mark.xfail"; one with spaces as written), a page as its name in
// words, as an AsciiDoc xref's ("../how-to/getting-started" is "getting
// started").
func roleText(role, t string) string {
	if k := strings.LastIndex(t, " <"); k > 0 && strings.HasSuffix(t, ">") {
		return roleTarget(t[:k])
	}
	if strings.HasPrefix(t, "<") && strings.HasSuffix(t, ">") {
		t = t[1 : len(t)-1]
	}
	switch role[strings.LastIndexByte(role, ':')+1:] {
	case "ref":
		// A label with spaces is written in words already, often as
		// the section's title ("non-python tests").
		if strings.ContainsFunc(t, unicode.IsSpace) {
			break
		}
		if w := strings.Join(strings.FieldsFunc(t, func(r rune) bool {
			return r == '-' || r == '_'
		}), " "); w != "" {
			return w
		}
	case "doc":
		return xrefName(t)
	}
	return roleTarget(t)
}

// roleTarget is what a role shows of a target or title as written: "~a.b"
// → "b", "!x" → "x".
func roleTarget(t string) string {
	if rest, ok := strings.CutPrefix(t, "~"); ok {
		if k := strings.LastIndex(rest, "."); k >= 0 {
			rest = rest[k+1:]
		}
		t = rest
	}
	return strings.TrimPrefix(t, "!")
}

// rstLiteralEnd returns the length of an inline literal's content that t
// starts with: up to the first two backticks not followed by a third,
// after one character at least; -1 when the literal is not closed.
func rstLiteralEnd(t string) int {
	for k := 1; k+2 <= len(t); k++ {
		if t[k] == '`' && t[k+1] == '`' && (k+2 == len(t) || t[k+2] != '`') {
			return k
		}
	}
	return -1
}

// rstMarkup reduces the inline markup of text outside inline literals.
func rstMarkup(s string) string {
	if !strings.ContainsAny(s, "`*|_[\\") {
		return s
	}
	s = rstFootRefRe.ReplaceAllString(s, "")
	s = rstRoleRe.ReplaceAllStringFunc(s, func(m string) string {
		sm := rstRoleRe.FindStringSubmatch(m)
		return roleText(sm[1], sm[2])
	})
	s = rstStrongRe.ReplaceAllString(s, "$1$2")
	s = rstSubstRe.ReplaceAllString(s, "$1")
	s = rstRefRe.ReplaceAllStringFunc(s, func(m string) string {
		// "name_" and the anonymous "name__"; a simple reference name
		// has no leading and no doubled underscore (docutils):
		// "__version__" and "__init__" are names of Python, not
		// references.
		name := strings.TrimRight(m, "_")
		if n := len(m) - len(name); n > 2 || strings.HasPrefix(name, "_") || strings.Contains(name, "__") {
			return m
		}
		return name
	})
	return rstUnescape(s)
}

// rstUnescape reads backslash escapes as docutils does: an escaped space
// is nothing ("re\ structured"), any other escaped character is itself,
// a backslash too ("Symfony\\Component" → "Symfony\Component").
func rstUnescape(s string) string {
	i := strings.IndexByte(s, '\\')
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for ; i >= 0; i = strings.IndexByte(s, '\\') {
		b.WriteString(s[:i])
		s = s[i+1:]
		if s == "" {
			break
		}
		if s[0] == ' ' || s[0] == '\n' {
			s = s[1:]
			continue
		}
		_, size := utf8.DecodeRuneInString(s)
		b.WriteString(s[:size])
		s = s[size:]
	}
	b.WriteString(s)
	return b.String()
}

// includesOnlyReason is why a page of includes alone is not a document:
// pytest's contributing.rst is ".. include:: ../../CONTRIBUTING.rst", a
// file above the folder, and was "empty: no text once markup is
// removed", which asked its reader to fix a page that is not broken.
func includesOnlyReason(page string, included []string) string {
	var inside, outside []string
	for _, inc := range included {
		p := path.Join(path.Dir(page), inc)
		if strings.HasPrefix(inc, "/") || !fs.ValidPath(p) {
			outside = append(outside, inc)
		} else {
			inside = append(inside, inc)
		}
	}
	var parts []string
	if len(inside) > 0 {
		parts = append(parts, "files in the folder ("+strings.Join(inside, ", ")+"), read where they are")
	}
	if len(outside) > 0 {
		parts = append(parts, "files outside the folder ("+strings.Join(outside, ", ")+"), not read: load the folder that holds them")
	}
	reason := "only includes of " + strings.Join(parts, "; and of ")
	return reason
}
