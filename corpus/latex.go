package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// LaTeX is read as its typeset text reads, not compiled: the simple
// macros a document defines (\newcommand, \renewcommand, \def,
// \DeclareMathOperator: latexMacros) are expanded, the others read as
// their arguments' text. Headings (\chapter, \section, …) are
// sections; paragraphs and \item lists are text, with \emph{…},
// \textbf{…} and any command not known read as their arguments' text,
// and commands that print nothing (\label, \index, \cite, \ref,
// \usepackage, \newcommand …) left out; footnotes are paragraphs of
// their own after the paragraph that calls them; verbatim and listing
// environments are code, as is display math (searchable, never quoted
// as a sentence), while inline math reads as its text; tabulars are
// tables; comments are left out. A file's \input and \include are not
// followed: each file of a tree is a document of its own, so a chapter
// is cited in the file that holds it.

var (
	latexHeadingRe = regexp.MustCompile(`^\\(part|chapter|section|subsection|subsubsection|paragraph|subparagraph)\*?\s*(\[|\{)`)
	latexBeginRe   = regexp.MustCompile(`^\\begin\s*\{([^}]*)\}`)
	latexEndRe     = regexp.MustCompile(`^\\end\s*\{([^}]*)\}`)
	latexItemRe    = regexp.MustCompile(`^\\item\b`)
	latexBabelRe   = regexp.MustCompile(`\\usepackage\s*\[([^\]]*)\]\s*\{babel\}|\\setmainlanguage\s*(?:\[[^\]]*\])?\s*\{(\w+)\}|\\setdefaultlanguage\s*(?:\[[^\]]*\])?\s*\{(\w+)\}`)
)

// latexLevels are the heading commands' levels.
var latexLevels = map[string]int{
	"part": 1, "chapter": 1, "section": 2, "subsection": 3, "subsubsection": 4, "paragraph": 5, "subparagraph": 6,
}

// latexEnvKind says how an environment's body is read.
func latexEnvKind(name string) string {
	name = strings.TrimSuffix(name, "*")
	switch name {
	case "verbatim", "Verbatim", "BVerbatim", "LVerbatim", "lstlisting", "minted", "alltt", "spverbatim",
		"verbatimtab", "sourcecode", "filecontents":
		return "code"
	case "comment", "tikzpicture", "picture", "pspicture", "forest", "circuitikz", "axis":
		return "drop" // drawings' commands print no text a reader asks of
	case "equation", "align", "alignat", "flalign", "gather", "multline", "eqnarray", "displaymath", "math", "dmath", "subequations":
		return "math"
	case "tabular", "tabularx", "tabulary", "longtable", "tabu", "supertabular", "xtabular", "tblr", "longtblr", "array":
		return "table"
	}
	return ""
}

// latexBabel maps babel's and polyglossia's language names to BCP 47.
var latexBabel = map[string]string{
	"english": "en", "american": "en", "british": "en", "USenglish": "en", "UKenglish": "en", "australian": "en",
	"german": "de", "ngerman": "de", "austrian": "de", "naustrian": "de", "swissgerman": "de",
	"french": "fr", "francais": "fr", "acadian": "fr", "spanish": "es", "catalan": "ca", "italian": "it",
	"portuguese": "pt", "portuges": "pt", "brazil": "pt", "brazilian": "pt", "dutch": "nl", "polish": "pl",
	"czech": "cs", "slovak": "sk", "russian": "ru", "ukrainian": "uk", "bulgarian": "bg", "serbian": "sr",
	"croatian": "hr", "slovene": "sl", "greek": "el", "turkish": "tr", "hungarian": "hu", "magyar": "hu",
	"finnish": "fi", "swedish": "sv", "danish": "da", "norsk": "nb", "norwegian": "nb", "romanian": "ro",
	"vietnamese": "vi", "arabic": "ar", "persian": "fa", "farsi": "fa", "hebrew": "he", "hindi": "hi",
	"bengali": "bn", "thai": "th", "indonesian": "id", "bahasai": "id", "malay": "ms", "japanese": "ja",
	"chinese": "zh", "korean": "ko", "esperanto": "eo", "latin": "la", "estonian": "et", "lithuanian": "lt",
	"latvian": "lv", "icelandic": "is", "irish": "ga", "welsh": "cy", "basque": "eu", "galician": "gl",
}

// parseLaTeX reduces a LaTeX source to blocks (see above). \title gives
// the title; babel's last option or polyglossia's main language a hint
// of the language.
func parseLaTeX(src string) structured {
	if pandocTemplate(src) {
		return structured{generated: "a Pandoc template (its $if(…)$ and $body$ are filled in by the build), not a document"}
	}
	lines := latexUncomment(splitLines(src))
	// A preamble ends at \begin{document} when that is the file's first
	// environment: one inside an example (\begin{verbatim} showing a
	// whole document) is text.
	body := lines
	for i, l := range lines {
		t := strings.TrimSpace(l.text)
		if !strings.HasPrefix(t, `\begin`) {
			continue
		}
		if m := latexBeginRe.FindStringSubmatch(t); m != nil && m[1] == "document" {
			body = lines[i+1:]
			for k := len(body) - 1; k >= 0; k-- {
				if strings.HasPrefix(strings.TrimSpace(body[k].text), `\end{document}`) {
					body = body[:k]
					break
				}
			}
		}
		break
	}
	p := &latexParser{mx: newLatexMacros(len(src))}
	// The preamble (and any file) names the language and the title.
	for _, l := range lines {
		if m := latexBabelRe.FindStringSubmatch(l.text); m != nil {
			name := m[2] + m[3]
			if m[1] != "" {
				opts := strings.Split(m[1], ",")
				name = strings.TrimSpace(opts[len(opts)-1]) // babel's main language is its last
			}
			if tag, ok := latexBabel[strings.TrimSpace(name)]; ok {
				p.lang = tag
			}
		}
	}
	if len(body) < len(lines) {
		pre := lines[:len(lines)-len(body)]
		p.text(latexJoin(pre), nil) // for the macros it defines
		p.readTitle(pre)
	}
	p.parse(body)
	return structured{title: p.title, lang: p.lang, blocks: p.lb.out}
}

type latexParser struct {
	lb          lineBlocks
	title, lang string
	mx          *latexMacros // the file's macros, defined as it is read
}

// text is latexText with the file's macros.
func (p *latexParser) text(s string, notes *[]latexNote) string {
	var b strings.Builder
	latexWrite(&b, s, notes, false, 0, p.mx)
	return b.String()
}

// readTitle takes \title{…} from a preamble.
func (p *latexParser) readTitle(lines []srcLine) {
	for i, l := range lines {
		k := strings.Index(l.text, `\title`)
		if k < 0 {
			continue
		}
		joined := latexJoin(lines[i:min(i+8, len(lines))])
		k = strings.Index(joined, `\title`)
		if arg, _, ok := latexArgAfterOpts(joined, k+len(`\title`)); ok && p.title == "" {
			p.title = collapseSpaces(p.text(arg, nil))
		}
		return
	}
}

// latexUncomment removes comments: a line of only a comment goes (it
// makes no paragraph break), a comment after text is cut. A % escaped
// (\%) or inside \verb, and the lines of verbatim environments, stay. A
// comment right after a letter joins the next line to it without a
// space, as TeX reads it ("Supercal%" over "ifragilist" is one word).
func latexUncomment(lines []srcLine) []srcLine {
	out := lines[:0:0]
	verb := ""
	join := false
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		if verb != "" {
			out = append(out, l)
			if strings.Contains(l.text, `\end{`+verb+`}`) {
				verb = ""
			}
			continue
		}
		if m := latexBeginRe.FindStringSubmatch(t); m != nil && latexEnvKind(m[1]) == "code" && !strings.Contains(t, `\end{`+m[1]+`}`) {
			verb, join = m[1], false
			out = append(out, srcLine{latexCutComment(l.text), l.n})
			continue
		}
		if strings.HasPrefix(t, "%") {
			continue
		}
		cut := latexCutComment(l.text)
		text := strings.TrimRight(cut, " \t")
		if join && t != "" && len(out) > 0 {
			// "{}" ends a command the line may end in ("\LaTeX%"), as
			// the line's end did; braces read as nothing.
			out[len(out)-1].text += "{}" + strings.TrimLeft(text, " \t")
		} else {
			out = append(out, srcLine{text, l.n})
		}
		// Only after a letter: "daran.% note" over "Das …" would read
		// "daran.Das" in TeX too, surely not what its author meant.
		r, _ := utf8.DecodeLastRuneInString(text)
		join = len(cut) < len(l.text) && len(text) == len(cut) && unicode.IsLetter(r)
	}
	return out
}

// latexCutComment is s up to its first unescaped %, \verb spans skipped.
func latexCutComment(s string) string {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if strings.HasPrefix(s[i:], `\verb`) && i+5 < len(s) && !isASCIILetter(s[i+5]) {
				j := i + 5
				if s[j] == '*' {
					j++
				}
				if j < len(s) {
					if e := strings.IndexByte(s[j+1:], s[j]); e >= 0 {
						i = j + 1 + e
						continue
					}
				}
			}
			i++ // the escaped character
		case '%':
			return s[:i]
		}
	}
	return s
}

func (p *latexParser) parse(lines []srcLine) {
	lines = append([]srcLine(nil), lines...) // lines' texts are cut as they are read
	for i := 0; i < len(lines); {
		t := strings.TrimSpace(lines[i].text)
		if t == "" {
			i++
			continue
		}
		if m := latexBeginRe.FindStringSubmatch(t); m != nil {
			i = p.env(lines, i, m[1], t[len(m[0]):])
			continue
		}
		if m := latexEndRe.FindStringSubmatch(t); m != nil {
			lines[i].text = t[len(m[0]):]
			continue
		}
		if m := latexHeadingRe.FindStringSubmatch(t); m != nil {
			i = p.heading(lines, i, m[1])
			continue
		}
		if strings.HasPrefix(t, `\title`) && !isASCIILetterAt(t, len(`\title`)) {
			joined := latexJoin(lines[i:min(i+8, len(lines))])
			if arg, end, ok := latexArgAfterOpts(joined, strings.Index(joined, `\title`)+len(`\title`)); ok {
				if p.title == "" && len(p.lb.out) == 0 {
					// A title set after text is an example's (lshort's
					// spec.tex shows a slide's \title), not the file's.
					p.title = collapseSpaces(p.text(arg, nil))
				}
				i = latexResume(lines, i, joined, end)
				continue
			}
		}
		if t == `\iffalse` || strings.HasPrefix(t, `\iffalse `) {
			j := i + 1
			for j < len(lines) && strings.TrimSpace(lines[j].text) != `\fi` {
				j++
			}
			i = j + 1
			continue
		}
		if strings.HasPrefix(t, `\[`) || strings.HasPrefix(t, `$$`) {
			closer := `\]`
			if t[0] == '$' {
				closer = `$$`
			}
			j := i
			if !strings.Contains(t[2:], closer) {
				j = i + 1
				for j < len(lines) && !strings.Contains(lines[j].text, closer) {
					j++
				}
				j = min(j, len(lines)-1)
			}
			p.lb.raw(blockCode, latexTrimMath(lines[i:j+1]))
			i = j + 1
			continue
		}
		if latexItemRe.MatchString(t) {
			i = p.item(lines, i)
			continue
		}
		j := p.paraEnd(lines, i)
		p.para(blockPara, lines[i:j], "")
		i = j
	}
}

// paraEnd is the line after the paragraph opening at line i. A short
// environment of text that opens mid-sentence and is followed by the
// rest of it ("can be created using the \begin{lscommand} \newtheorem
// \end{lscommand} command.") is part of the paragraph, as its reader
// reads it: cut there, the paragraph would end in "using the".
func (p *latexParser) paraEnd(lines []srcLine, i int) int {
	j := i + 1
	for j < len(lines) && !latexBreaks(lines[j]) {
		j++
	}
	for j < len(lines) {
		m := latexBeginRe.FindStringSubmatch(strings.TrimSpace(lines[j].text))
		if m == nil || latexEnvKind(m[1]) != "" || latexListEnv(m[1]) {
			return j
		}
		if prev := strings.TrimSpace(lines[j-1].text); prev == "" || strings.ContainsAny(prev[len(prev)-1:], ".!?:;") {
			return j
		}
		end := j + 1
		for end < len(lines) && end <= j+5 && !strings.Contains(lines[end].text, `\end{`+m[1]+`}`) {
			end++
		}
		if end >= len(lines) || end > j+5 || strings.Contains(lines[end].text[strings.Index(lines[end].text, `\end{`+m[1]+`}`):], `\begin`) {
			return j
		}
		after := strings.TrimSpace(lines[end].text[strings.Index(lines[end].text, `\end{`+m[1]+`}`)+len(`\end{`+m[1]+`}`):])
		if after == "" && (end+1 >= len(lines) || latexBreaks(lines[end+1])) {
			return j // the sentence does not go on after it
		}
		j = end + 1
		for j < len(lines) && !latexBreaks(lines[j]) {
			j++
		}
	}
	return j
}

// latexListEnv reports whether an environment is a list, whose items are
// blocks of their own.
func latexListEnv(name string) bool {
	switch strings.TrimSuffix(name, "*") {
	case "itemize", "enumerate", "description", "compactitem", "compactenum", "inparaenum", "list", "tasks":
		return true
	}
	return false
}

// latexBreaks reports whether a line ends the paragraph before it.
func latexBreaks(l srcLine) bool {
	t := strings.TrimSpace(l.text)
	return t == "" || latexBeginRe.MatchString(t) || latexEndRe.MatchString(t) || latexHeadingRe.MatchString(t) ||
		latexItemRe.MatchString(t) || strings.HasPrefix(t, `\[`) || strings.HasPrefix(t, `$$`) || t == `\iffalse`
}

// para emits lines as one block of text, its footnotes as blocks after
// it; label, when not "", opens it ("label: text", an \item[label]).
func (p *latexParser) para(kind blockKind, lines []srcLine, label string) {
	texts := make([]string, len(lines))
	for k, l := range lines {
		texts[k] = strings.TrimSpace(l.text)
	}
	var notes []latexNote
	reduced := p.text(strings.Join(texts, "\n"), &notes)
	parts := strings.Split(reduced, "\n")
	for k := range parts {
		parts[k] = collapseSpaces(parts[k])
	}
	if label != "" {
		for k := range parts {
			if parts[k] != "" {
				parts[k] = label + ": " + parts[k]
				break
			}
			if k == len(parts)-1 {
				parts[0] = label
			}
		}
	}
	p.lb.prose(kind, lines, func(string) string { return strings.Join(parts, "\n") })
	// A note is anchored no earlier than the paragraph's text (prose's
	// first line with text): a note called on a line of nothing else
	// before it made a passage's lines run backwards (4–3).
	first := lines[0].n
	if len(parts) == len(lines) {
		for k, part := range parts {
			if strings.TrimSpace(part) != "" {
				first = lines[k].n
				break
			}
		}
	}
	for _, n := range notes {
		at := lines[0].n
		if n.line < len(lines) {
			at = lines[n.line].n
		}
		at = max(at, first)
		p.lb.prose(blockPara, []srcLine{{collapseSpaces(n.text), at}}, nil)
	}
}

// heading reads \section[short]{Title} (over several lines if its braces
// do), the text after it on its line read on.
func (p *latexParser) heading(lines []srcLine, i int, cmd string) int {
	joined := latexJoin(lines[i:min(i+8, len(lines))])
	k := strings.IndexByte(joined, '\\') + 1 + len(cmd)
	for k < len(joined) && (joined[k] == '*' || joined[k] == ' ') {
		k++
	}
	if k < len(joined) && joined[k] == '[' {
		if _, end, ok := latexGroup(joined, k, '[', ']'); ok {
			k = end
		}
	}
	arg, end, ok := latexArg(joined, k)
	if !ok {
		p.para(blockPara, lines[i:i+1], "")
		return i + 1
	}
	p.lb.heading(collapseSpaces(strings.ReplaceAll(p.text(arg, nil), "\n", " ")), lines[i].n, latexLevels[cmd])
	return latexResume(lines, i, joined, end)
}

// latexResume cuts the lines from i up to joined's offset end (joined
// being them joined by line breaks) and returns the line to read on at.
func latexResume(lines []srcLine, i int, joined string, end int) int {
	consumed := strings.Count(joined[:end], "\n")
	line := i + consumed
	rest := joined[end:]
	if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl]
	}
	if strings.TrimSpace(rest) == "" {
		return line + 1
	}
	lines[line].text = rest
	return line
}

// item reads an \item and its lines up to the next item, environment or
// blank line; \item[term] reads as "term: text".
func (p *latexParser) item(lines []srcLine, i int) int {
	t := strings.TrimSpace(lines[i].text)
	rest := strings.TrimLeft(t[len(`\item`):], " ")
	label := ""
	if strings.HasPrefix(rest, "[") {
		if g, end, ok := latexGroup(rest, 0, '[', ']'); ok {
			label = collapseSpaces(p.text(g, nil))
			rest = rest[end:]
		}
	}
	j := i + 1
	for j < len(lines) && !latexBreaks(lines[j]) {
		j++
	}
	item := append([]srcLine{{rest, lines[i].n}}, lines[i+1:j]...)
	p.lb.tight = i > 0 && !isBlankLine(lines[i-1])
	p.para(blockItem, item, label)
	return j
}

// env reads an environment opening on line i (rest is the line after
// \begin{name}) and returns the line to read on at.
func (p *latexParser) env(lines []srcLine, i int, name, rest string) int {
	kind := latexEnvKind(name)
	if kind == "" {
		// Its text is read as the document's; its options and, for those
		// known to take them, its arguments go.
		rest = latexSkipOpts(rest)
		switch strings.TrimSuffix(name, "*") {
		case "minipage", "multicols", "wrapfigure", "wraptable", "list", "thebibliography", "adjustwidth", "tcolorbox":
			for range 2 {
				if _, end, ok := latexArg(rest, 0); ok {
					rest = latexSkipOpts(rest[end:])
				}
			}
		}
		if strings.TrimSpace(rest) == "" {
			return i + 1
		}
		lines[i].text = rest
		return i
	}
	end := `\end{` + name + `}`
	j := i
	if !strings.Contains(rest, end) {
		j = i + 1
		for j < len(lines) && !strings.Contains(lines[j].text, end) {
			j++
		}
	}
	next := min(j+1, len(lines))
	if j < len(lines) {
		// Text after \end{name} on its line is read on.
		if k := strings.Index(lines[j].text, end); k >= 0 && strings.TrimSpace(lines[j].text[k+len(end):]) != "" {
			lines[j].text = lines[j].text[k+len(end):]
			next = j
		}
	}
	var inner []srcLine
	if j == i {
		inner = []srcLine{{rest[:strings.Index(rest, end)], lines[i].n}}
	} else {
		if first := latexSkipOpts(rest); kind != "code" && strings.TrimSpace(first) != "" {
			inner = append(inner, srcLine{first, lines[i].n})
		}
		inner = append(inner, lines[i+1:min(j, len(lines))]...)
		if j < len(lines) {
			if k := strings.Index(lines[j].text, end); k > 0 && strings.TrimSpace(lines[j].text[:k]) != "" {
				inner = append(inner, srcLine{lines[j].text[:k], lines[j].n})
			}
		}
	}
	switch kind {
	case "code", "math":
		// (\begin{minted}{python}'s language is on the \begin line, not read.)
		p.lb.raw(blockCode, inner)
	case "table":
		p.table(strings.TrimSuffix(name, "*"), inner)
	}
	return next
}

// table reads a tabular's rows (split at \\) and cells (at &), its
// column specification (after tabularx's width) and rules left out.
func (p *latexParser) table(name string, lines []srcLine) {
	if len(lines) == 0 {
		return
	}
	joined := latexJoin(lines)
	s := latexSkipOpts(joined)
	groups := 1
	switch name {
	case "tabularx", "tabulary", "xtabular", "tabu":
		groups = 2
	}
	for range groups {
		if _, end, ok := latexArg(s, 0); ok {
			s = latexSkipOpts(s[end:])
		}
	}
	offset := len(joined) - len(s)
	var bb blockBuilder
	rows := 0
	start := 0
	for _, raw := range latexSplitRows(s) {
		line := lines[0].n + strings.Count(joined[:offset+start], "\n")
		start += len(raw) + 2
		var cells []string
		for _, c := range latexSplitCells(raw) {
			cells = append(cells, collapseSpaces(strings.ReplaceAll(p.text(c, nil), "\n", " ")))
		}
		if strings.TrimSpace(strings.Join(cells, "")) == "" {
			continue
		}
		bb.writeRow(line, cells, rows == 0)
		rows++
	}
	if rows > 0 {
		p.lb.emit(bb.take(blockTable), 0)
	}
}

// latexSplitRows splits a tabular's body at its \\ (not inside braces).
func latexSplitRows(s string) []string { return latexSplitTop(s, true) }

// latexSplitCells splits a row at its & (not \& nor inside braces).
func latexSplitCells(s string) []string { return latexSplitTop(s, false) }

// latexSplitTop splits s at its row ends (\\) or its cell separators (&)
// outside braces; an escaped character (\&, \%) never splits.
func latexSplitTop(s string, rows bool) []string {
	var out []string
	depth, last := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
		case '\\':
			if rows && i+1 < len(s) && s[i+1] == '\\' && depth <= 0 {
				out = append(out, s[last:i])
				last = i + 2
			}
			i++
		case '&':
			if !rows && depth <= 0 {
				out = append(out, s[last:i])
				last = i + 1
			}
		}
	}
	return append(out, s[last:])
}

// latexTrimMath is display math's lines without \[ \] or $$.
func latexTrimMath(lines []srcLine) []srcLine {
	out := make([]srcLine, len(lines))
	for k, l := range lines {
		t := strings.TrimSpace(l.text)
		t = strings.TrimPrefix(strings.TrimPrefix(t, `\[`), `$$`)
		t = strings.TrimSuffix(strings.TrimSuffix(t, `\]`), `$$`)
		out[k] = srcLine{t, l.n}
	}
	return out
}

func latexJoin(lines []srcLine) string {
	texts := make([]string, len(lines))
	for k, l := range lines {
		texts[k] = l.text
	}
	return strings.Join(texts, "\n")
}

// latexSkipOpts skips white space and [optional] arguments at s's start.
func latexSkipOpts(s string) string {
	for {
		t := strings.TrimLeft(s, " \t")
		if !strings.HasPrefix(t, "[") {
			return t
		}
		_, end, ok := latexGroup(t, 0, '[', ']')
		if !ok {
			return t
		}
		s = t[end:]
	}
}

// latexGroup is the text of the group opening at s[i] (open) up to its
// matching close, and the offset after it; escaped braces are text.
func latexGroup(s string, i int, open, close byte) (string, int, bool) {
	if i >= len(s) || s[i] != open {
		return "", i, false
	}
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				return s[i+1 : j], j + 1, true
			}
		}
	}
	return "", i, false
}

// latexArgAfterOpts is the mandatory argument at s[i] after any
// [optional] ones (\title[short]{long}).
func latexArgAfterOpts(s string, i int) (string, int, bool) {
	for {
		j := i
		for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
			j++
		}
		if j < len(s) && s[j] == '[' {
			if _, end, ok := latexGroup(s, j, '[', ']'); ok {
				i = end
				continue
			}
		}
		return latexArg(s, i)
	}
}

// latexArg is the mandatory argument at s[i] (after spaces and at most
// one line break): a braced group.
func latexArg(s string, i int) (string, int, bool) {
	if j, ok := latexArgStart(s, i); ok && s[j] == '{' {
		return latexGroup(s, j, '{', '}')
	}
	return "", i, false
}

// latexArgStart is where an argument after s[i] starts: past spaces and
// at most one line break, as TeX looks for one (a blank line ends the
// paragraph, and the call); false when none is left.
func latexArgStart(s string, i int) (int, bool) {
	j, nl := i, 0
	for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n') {
		if s[j] == '\n' {
			nl++
		}
		j++
	}
	return j, nl <= 1 && j < len(s)
}

// latexNote is a footnote's text and the line (of the paragraph's) it
// is called on.
type latexNote struct {
	text string
	line int
}

// Commands whose arguments print nothing.
var latexDrop = map[string]bool{
	"label": true, "index": true, "glossary": true, "cite": true, "citep": true, "citet": true, "citealp": true,
	"citeauthor": true, "citeyear": true, "parencite": true, "textcite": true, "autocite": true, "footcite": true,
	"nocite": true, "supercite": true, "smartcite": true, "ref": true, "eqref": true, "pageref": true, "autoref": true,
	"cref": true, "Cref": true, "vref": true, "nameref": true, "vspace": true, "hspace": true, "includegraphics": true,
	"usepackage": true, "RequirePackage": true, "documentclass": true, "input": true, "include": true,
	"includeonly": true, "subfile": true, "import": true, "subimport": true, "bibliography": true,
	"bibliographystyle": true, "addbibresource": true, "printbibliography": true, "setlength": true,
	"addtolength": true, "setcounter": true, "addtocounter": true, "stepcounter": true, "refstepcounter": true,
	"pagestyle": true, "thispagestyle": true, "pagenumbering": true, "newcounter": true, "hypersetup": true,
	"definecolor": true, "color": true, "geometry": true, "graphicspath": true, "markboth": true,
	"markright": true, "newgeometry": true, "rule": true, "phantom": true, "hphantom": true, "vphantom": true,
	"DeclareMathOperator": true, "author": true, "date": true, "thanks": true, "linespread": true,
	"fontsize": true, "setmainfont": true, "setsansfont": true, "setmonofont": true, "newfontfamily": true,
	"babelfont": true, "setmainlanguage": true, "setotherlanguage": true, "setotherlanguages": true,
	"setdefaultlanguage": true, "lstset": true, "tcbset": true, "sisetup": true, "PassOptionsToPackage": true,
	"title": true, "newlength": true, "settowidth": true, "begin": true, "end": true, "fontspec": true,
	"usetikzlibrary": true, "pgfplotsset": true, "tikzset": true, "newtheorem": true, "theoremstyle": true,
	"bibitem": true, "newpage": true, "clearpage": true, "enlargethispage": true, "captionsetup": true,
	"floatname": true, "makeindex": true, "makeglossaries": true, "setuptoc": true, "setkomafont": true,
	"addtokomafont": true, "KOMAoptions": true, "hyphenation": true, "selectlanguage": true, "tag": true,
}

// Commands that define others: their whole definition goes.
var latexDefine = map[string]bool{
	"newcommand": true, "renewcommand": true, "providecommand": true, "DeclareRobustCommand": true,
	"newenvironment": true, "renewenvironment": true, "def": true, "gdef": true, "edef": true, "xdef": true,
	"NewDocumentCommand": true, "RenewDocumentCommand": true, "DeclareDocumentCommand": true,
	"NewDocumentEnvironment": true, "newrobustcmd": true, "let": true,
}

// Commands whose last argument is their text (the others a target, a
// colour, a size, …).
var latexLast = map[string]int{
	"href": 2, "textcolor": 2, "colorbox": 2, "foreignlanguage": 2, "multicolumn": 3, "multirow": 3,
	"parbox": 2, "raisebox": 2, "resizebox": 3, "scalebox": 2, "rotatebox": 2, "hyperref": 1,
	"hyperlink": 2, "hypertarget": 2, "fcolorbox": 3, "texorpdfstring": 2, "makebox": 1, "framebox": 1,
	"caption": 1, "mintinline": 2,
}

// latexSymbols are commands that print a character or a name.
var latexSymbols = map[string]string{
	"LaTeX": "LaTeX", "LaTeXe": "LaTeX2e", "TeX": "TeX", "XeTeX": "XeTeX", "XeLaTeX": "XeLaTeX",
	"LuaTeX": "LuaTeX", "LuaLaTeX": "LuaLaTeX", "pdfTeX": "pdfTeX", "pdfLaTeX": "pdfLaTeX", "BibTeX": "BibTeX",
	"ConTeXt": "ConTeXt", "AmS": "AMS", "ldots": "…", "dots": "…", "textellipsis": "…", "cdots": "⋯",
	"textbackslash": `\`, "textbar": "|", "textless": "<", "textgreater": ">", "textasciitilde": "~",
	"textasciicircum": "^", "textunderscore": "_", "S": "§", "P": "¶", "copyright": "©", "textcopyright": "©",
	"textregistered": "®", "texttrademark": "™", "textendash": "–", "textemdash": "—", "textquoteleft": "‘",
	"textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”", "ss": "ß", "ae": "æ", "AE": "Æ",
	"oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å", "o": "ø", "O": "Ø", "l": "ł", "L": "Ł", "i": "ı", "euro": "€",
	"texteuro": "€", "pounds": "£", "textdegree": "°", "dag": "†", "ddag": "‡", "slash": "/", "quad": " ",
	"qquad": " ", "textbullet": "•", "textperiodcentered": "·", "guillemotleft": "«", "guillemotright": "»",
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
	"eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ",
	"pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ",
	"omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Pi": "Π", "Sigma": "Σ",
	"Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "times": "×", "cdot": "·", "leq": "≤", "le": "≤", "geq": "≥",
	"ge": "≥", "neq": "≠", "ne": "≠", "infty": "∞", "sum": "∑", "prod": "∏", "int": "∫", "pm": "±",
	"rightarrow": "→", "to": "→", "leftarrow": "←", "Rightarrow": "⇒", "Leftrightarrow": "⇔", "in": "∈",
	"approx": "≈", "equiv": "≡", "sqrt": "√", "partial": "∂", "nabla": "∇", "forall": "∀", "exists": "∃",
	"cup": "∪", "cap": "∩", "subset": "⊂", "subseteq": "⊆", "emptyset": "∅", "neg": "¬", "land": "∧",
	"lor": "∨", "ell": "ℓ", "degree": "°", "today": "",
}

// latexInWord are the symbols written inside words, whose ending space
// TeX eats (as it does after any command; the names, \LaTeX, keep theirs,
// for the authors who forget the {}).
var latexInWord = map[string]bool{
	"ss": true, "ae": true, "AE": true, "oe": true, "OE": true, "aa": true, "AA": true, "o": true, "O": true,
	"l": true, "L": true, "i": true,
}

// latexAccents are the accent commands' combining marks.
var latexAccents = map[string]string{
	"'": "\u0301", "`": "\u0300", "^": "\u0302", "\"": "\u0308", "~": "\u0303", "=": "\u0304", ".": "\u0307",
	"u": "\u0306", "v": "\u030C", "H": "\u030B", "c": "\u0327", "k": "\u0328", "d": "\u0323", "b": "\u0331", "r": "\u030A",
}

// latexText reads LaTeX markup as its text: commands by the tables above,
// unknown ones as their arguments, math as its text, groups' braces and
// TeX's quotes and dashes as what they print. Footnotes go to notes (nil:
// read in place). Line breaks stay where the source has them.
func latexText(s string, notes *[]latexNote) string {
	var b strings.Builder
	latexWrite(&b, s, notes, false, 0, nil)
	return b.String()
}

// latexWrite writes s's text to b; mx, when not nil, holds the macros
// defined so far, and takes those s defines.
func latexWrite(b *strings.Builder, s string, notes *[]latexNote, math bool, depth int, mx *latexMacros) {
	if depth > 50 {
		b.WriteString(s) // nested past reason: as it is
		return
	}
	sub := func(t string) string {
		var sb strings.Builder
		latexWrite(&sb, t, nil, math, depth+1, mx)
		return sb.String()
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIILetter(s[i+1]):
			j := i + 1
			for j < len(s) && isASCIILetter(s[j]) {
				j++
			}
			name := s[i+1 : j]
			if j < len(s) && s[j] == '*' {
				j++
			}
			i = latexCommand(b, s, name, j, notes, math, depth, sub, mx)
		case c == '\\' && i+1 < len(s):
			n := s[i+1]
			i += 2
			switch n {
			case '\\':
				b.WriteByte(' ')
				if i < len(s) && s[i] == '*' {
					i++
				}
				if i < len(s) && s[i] == '[' {
					if _, end, ok := latexGroup(s, i, '[', ']'); ok {
						i = end
					}
				}
			case '&', '%', '$', '#', '_', '{', '}':
				b.WriteByte(n)
			case ' ', ',', ';', ':', '>', '\n':
				b.WriteByte(' ')
			case '!', '/', '-', '@':
			case '(':
				end := strings.Index(s[i:], `\)`)
				if end < 0 {
					end = len(s) - i
				}
				var mb strings.Builder
				latexWrite(&mb, s[i:i+end], nil, true, depth+1, mx)
				b.WriteString(strings.TrimSpace(mb.String()))
				i = min(i+end+2, len(s))
			case '[':
				end := strings.Index(s[i:], `\]`)
				if end < 0 {
					end = len(s) - i
				}
				var mb strings.Builder
				latexWrite(&mb, s[i:i+end], nil, true, depth+1, mx)
				b.WriteString(strings.TrimSpace(mb.String()))
				i = min(i+end+2, len(s))
			case '\'', '`', '^', '"', '~', '=', '.':
				i = latexAccent(b, s, i, string(n))
			default:
				b.WriteByte(n)
			}
		case c == '\\':
			i++
		case c == '{' || c == '}':
			i++
		case c == '~':
			b.WriteByte(' ')
			i++
		case c == '$':
			j := i + 1
			closer := "$"
			if j < len(s) && s[j] == '$' {
				j++
				closer = "$$"
			}
			end := latexFindUnescaped(s[j:], closer)
			if end < 0 {
				end = len(s) - j
			}
			var mb strings.Builder
			latexWrite(&mb, s[j:j+end], nil, true, depth+1, mx)
			b.WriteString(strings.TrimSpace(mb.String()))
			i = min(j+end+len(closer), len(s))
		case c == '&':
			b.WriteByte(' ')
			i++
		case !math && c == '`':
			if strings.HasPrefix(s[i:], "``") {
				b.WriteString("“")
				i += 2
			} else {
				b.WriteString("‘")
				i++
			}
		case !math && c == '\'' && strings.HasPrefix(s[i:], "''"):
			b.WriteString("”")
			i += 2
		case !math && c == '-' && strings.HasPrefix(s[i:], "---"):
			b.WriteString("—")
			i += 3
		case !math && c == '-' && strings.HasPrefix(s[i:], "--"):
			b.WriteString("–")
			i += 2
		default:
			_, size := utf8.DecodeRuneInString(s[i:])
			b.WriteString(s[i : i+size])
			i += size
		}
	}
}

// latexCommand writes the text of the command name whose arguments (if
// any) start at s[j], and returns the offset after it.
func latexCommand(b *strings.Builder, s, name string, j int, notes *[]latexNote, math bool, depth int, sub func(string) string, mx *latexMacros) int {
	args := func(max int) ([]string, int) {
		var out []string
		k := j
		for len(out) < max {
			a, end, ok := latexArgAfterOpts(s, k)
			k = end // past the optional arguments, even when no mandatory one follows
			if !ok {
				break
			}
			out = append(out, a)
		}
		return out, k
	}
	if _, ok := latexAccents[name]; ok && len(name) == 1 && (j < len(s) && (s[j] == '{' || s[j] == ' ')) {
		return latexAccent(b, s, j, name)
	}
	switch {
	case name == "verb" || name == "lstinline" || name == "Verb" || name == "mintinline" || name == "url" || name == "path" || name == "nolinkurl":
		k := j
		if name == "mintinline" {
			if _, end, ok := latexArg(s, k); ok {
				k = end // the language
			}
		}
		if name == "lstinline" || name == "Verb" {
			if k < len(s) && s[k] == '[' {
				if _, end, ok := latexGroup(s, k, '[', ']'); ok {
					k = end
				}
			}
		}
		if k >= len(s) {
			return k
		}
		if s[k] == '{' {
			if a, end, ok := latexGroup(s, k, '{', '}'); ok {
				b.WriteString(a)
				return end
			}
			return k + 1
		}
		d := s[k]
		e := strings.IndexByte(s[k+1:], d)
		if e < 0 || d == ' ' || d == '\n' {
			return k
		}
		b.WriteString(s[k+1 : k+1+e])
		return k + 1 + e + 1
	case latexDefine[name]:
		end := latexSkipDefinition(s, name, j)
		mx.define(name, s[j:end])
		return end
	case name == "DeclareMathOperator" && mx != nil:
		a, end := args(2)
		if len(a) == 2 {
			mx.define(name, "{"+a[0]+"}{"+a[1]+"}")
		}
		return end
	case name == "footnote" || name == "footnotetext" || name == "marginpar" || name == "sidenote":
		a, end := args(1)
		if len(a) == 0 {
			return end
		}
		if notes != nil {
			var nb strings.Builder
			latexWrite(&nb, a[0], nil, math, depth+1, mx)
			*notes = append(*notes, latexNote{text: strings.ReplaceAll(nb.String(), "\n", " "), line: strings.Count(s[:j], "\n")})
		} else {
			b.WriteString(" (" + sub(a[0]) + ")")
		}
		return end
	case name == "enquote" || name == "textquote":
		a, end := args(1)
		if len(a) > 0 {
			b.WriteString("“" + sub(a[0]) + "”")
		}
		return end
	case latexDrop[name]:
		_, end := args(9)
		if end < len(s) && strings.IndexByte(".,;:)", s[end]) >= 0 {
			// "compatible~\cite{x}." reads "compatible.", not "compatible ."
			if t := b.String(); strings.HasSuffix(t, " ") {
				b.Reset()
				b.WriteString(strings.TrimRight(t, " "))
			}
		}
		return end
	case latexLast[name] > 0:
		a, end := args(latexLast[name])
		if len(a) > 0 {
			b.WriteString(sub(a[len(a)-1]))
		}
		return end
	case name == "frac" || name == "dfrac" || name == "tfrac":
		a, end := args(2)
		if len(a) == 2 {
			b.WriteString(sub(a[0]) + "/" + sub(a[1]))
		}
		return end
	}
	if end, ok := mx.expand(b, s, name, j, math, depth); ok {
		return end // the document's own, before a symbol it redefines (\today)
	}
	if sym, ok := latexSymbols[name]; ok {
		b.WriteString(sym)
		if strings.HasPrefix(s[j:], "{}") {
			return j + 2
		}
		if latexInWord[name] && j < len(s) && s[j] == ' ' {
			return j + 1 // TeX's space ending the command: "Stra\ss e" is one word
		}
		return j
	}
	// Any other command reads as its arguments' text: \emph{x}, \textbf{x},
	// a document's own \pkg{x}; one without arguments (\noindent, \small,
	// \centering, \maketitle) as nothing.
	a, end := args(9)
	for k, x := range a {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(sub(x))
	}
	return end
}

// latexSkipDefinition skips \newcommand{\x}[1]{…}, \def\x#1{…} and
// \let\a\b, returning the offset after them.
func latexSkipDefinition(s, name string, j int) int {
	k := j
	skipSpace := func() {
		for k < len(s) && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n') {
			k++
		}
	}
	skipName := func() {
		skipSpace()
		if k < len(s) && s[k] == '{' {
			if _, end, ok := latexGroup(s, k, '{', '}'); ok {
				k = end
			}
			return
		}
		if k < len(s) && s[k] == '\\' {
			k++
			if k < len(s) && isASCIILetter(s[k]) {
				for k < len(s) && isASCIILetter(s[k]) {
					k++
				}
			} else if k < len(s) {
				k++
			}
		}
	}
	switch name {
	case "let":
		skipName()
		skipSpace()
		if k < len(s) && s[k] == '=' {
			k++
		}
		skipName()
		return k
	case "def", "gdef", "edef", "xdef":
		skipName()
		for k < len(s) && s[k] != '{' {
			k++
		}
		if _, end, ok := latexGroup(s, k, '{', '}'); ok {
			return end
		}
		return len(s)
	}
	skipName()
	// Then options and bodies: [n], [default], {body}, and for an
	// environment {begin}{end}; xparse's {spec}{body}.
	for {
		t := k
		for t < len(s) && (s[t] == ' ' || s[t] == '\t' || s[t] == '\n') {
			t++
		}
		if t >= len(s) || (s[t] != '[' && s[t] != '{') {
			return k
		}
		open, close := s[t], byte(']')
		if open == '{' {
			close = '}'
		}
		_, end, ok := latexGroup(s, t, open, close)
		if !ok {
			return len(s)
		}
		k = end
	}
}

// latexAccent writes the letter at s[i] (or in a group there) with the
// accent's combining mark, composed, and returns the offset after it.
func latexAccent(b *strings.Builder, s string, i int, accent string) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	letter := ""
	end := i
	if i < len(s) && s[i] == '{' {
		if g, e, ok := latexGroup(s, i, '{', '}'); ok {
			letter, end = g, e
		}
	} else if i < len(s) {
		_, size := utf8.DecodeRuneInString(s[i:])
		letter, end = s[i:i+size], i+size
	}
	switch letter {
	case `\i`:
		letter = "i"
	case `\j`:
		letter = "j"
	}
	if letter == "" {
		return end
	}
	b.WriteString(norm.NFC.String(letter + latexAccents[accent]))
	return end
}

// latexFindUnescaped is the offset of the first sub in s not after a
// backslash, or -1.
func latexFindUnescaped(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i] == '\\' {
			i++
			continue
		}
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func isASCIILetterAt(s string, i int) bool { return i < len(s) && isASCIILetter(s[i]) }

// collapseSpaces makes runs of spaces one and trims the ends.
func collapseSpaces(s string) string {
	if !strings.Contains(s, "  ") && strings.TrimSpace(s) == s {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// pandocTemplateVerbatimRe opens or closes an environment whose lines are
// shown as written.
var pandocTemplateVerbatimRe = regexp.MustCompile(`^\\(begin|end)\{(?:verbatim|Verbatim|lstlisting|minted|alltt)\*?\}`)

// pandocTemplate reports whether src is a Pandoc template: outside
// verbatim text, a line of only $body$ (where the document goes) and a
// conditional line ($if(…)$, $endif$, $for(…)$). Math never writes either.
func pandocTemplate(src string) bool {
	if !strings.Contains(src, "$body$") && !strings.Contains(src, "${body}") {
		return false
	}
	body, cond := false, false
	verbatim := false
	for line := range strings.Lines(src) {
		t := strings.TrimSpace(line)
		if m := pandocTemplateVerbatimRe.FindStringSubmatch(t); m != nil {
			verbatim = m[1] == "begin"
			continue
		}
		if verbatim {
			continue
		}
		switch {
		case t == "$body$" || t == "${body}":
			body = true
		case strings.HasPrefix(t, "$if(") || strings.HasPrefix(t, "$for(") || t == "$endif$" || t == "$endfor$" || t == "$else$":
			cond = true
		}
	}
	return body && cond
}
