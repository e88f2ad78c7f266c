package corpus

import (
	"regexp"
	"strings"
)

var (
	orgHeadingRe = regexp.MustCompile(`^(\*+)\s+(.*)$`)
	orgKeywordRe = regexp.MustCompile(`^\s*#\+(\w+(?:\[\w*\])?):\s?(.*)$`)
	orgBeginRe   = regexp.MustCompile(`(?i)^\s*#\+begin_(\w+)`)
	orgDrawerRe  = regexp.MustCompile(`^\s*:[\w-]+:\s*$`)
	orgItemRe    = regexp.MustCompile(`^(\s*)([-+]|\s\*|\d+[.)])\s+`)
	orgTagsRe    = regexp.MustCompile(`\s+:[\w@#%:]+:\s*$`)
	orgTodoRe    = regexp.MustCompile(`^(?:TODO|DONE|NEXT|WAITING|HOLD|CANCELLED|CANCELED)\s+`)
	orgPrioRe    = regexp.MustCompile(`^\[#[A-Z0-9]\]\s+`)
	orgLinkRe    = regexp.MustCompile(`\[\[([^\]]+)\](?:\[([^\]]*)\])?\]`)
	// Emphasis, one expression a marker: the marker after a space, an
	// opening bracket or quote or the line's start, around text that
	// neither starts nor ends with a space (over one line break at most),
	// and before a space, punctuation or the line's end (Org's rule), so
	// that a/b/c, 2*3*4 and snake_case_name stay. Verbatim and code (= ~)
	// first: what they hold is not markup.
	orgVerbatimRes = orgEmphasis(`=`, `~`)
	orgEmphasisRes = orgEmphasis(`\*`, `/`, `_`, `\+`)
)

func orgEmphasis(markers ...string) []*regexp.Regexp {
	var out []*regexp.Regexp
	for _, c := range markers {
		out = append(out, regexp.MustCompile(`(^|[\s({'"\-])`+c+`([^\s`+c+`](?:[^\n]*?(?:\n[^\n]*?)?[^\s])??)`+c+`([\s.,:;!?'")}\]\-]|$)`))
	}
	return out
}

// parseOrg reduces an Org mode document to blocks, as its export shows
// it: headings (TODO keywords, priorities and tags aside), paragraphs,
// list items (a description item "term :: text" as "term: text"), source,
// example and fixed-width blocks as code, tables as rows, quote and other
// blocks as their text; drawers (:PROPERTIES: … :END:), keywords, comment
// lines and comment blocks left out; links read as their description and
// emphasis as its text. #+title gives the title, #+subtitle (or
// #+description) the description.
func parseOrg(src string) structured {
	o := &orgParser{}
	o.parse(splitLines(src))
	return structured{title: o.title, description: o.description, blocks: o.lb.out}
}

type orgParser struct {
	lb                 lineBlocks
	title, description string
}

func (o *orgParser) parse(lines []srcLine) {
	for i := 0; i < len(lines); {
		l := lines[i]
		t := strings.TrimSpace(l.text)
		switch {
		case t == "":
			i++
		case orgDrawerRe.MatchString(t) && !strings.EqualFold(t, ":END:"):
			// A drawer, up to its :END: (or, unclosed, the line alone).
			j := i + 1
			for j < len(lines) && !strings.EqualFold(strings.TrimSpace(lines[j].text), ":END:") {
				j++
			}
			if j == len(lines) {
				j = i
			}
			i = j + 1
		case strings.EqualFold(t, ":END:"):
			i++
		case orgHeadingRe.MatchString(l.text):
			m := orgHeadingRe.FindStringSubmatch(l.text)
			h := orgTagsRe.ReplaceAllString(m[2], "")
			h = orgPrioRe.ReplaceAllString(orgTodoRe.ReplaceAllString(h, ""), "")
			o.lb.heading(orgInline(strings.TrimSpace(h)), l.n, min(len(m[1]), 6))
			i++
		case orgBeginRe.MatchString(t):
			i = o.block(lines, i)
		case orgKeywordRe.MatchString(t):
			m := orgKeywordRe.FindStringSubmatch(t)
			switch strings.ToLower(m[1]) {
			case "title":
				if o.title == "" {
					o.title = orgInline(strings.TrimSpace(m[2]))
				}
			case "subtitle", "description":
				if o.description == "" {
					o.description = orgInline(strings.TrimSpace(m[2]))
				}
			}
			i++
		case t == "#" || strings.HasPrefix(t, "# "):
			i++ // a comment
		case strings.HasPrefix(t, "|"):
			j := i
			for j < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[j].text), "|") {
				j++
			}
			o.table(lines[i:j])
			i = j
		case t == ":" || strings.HasPrefix(t, ": "):
			j := i
			var code []srcLine
			for j < len(lines) {
				tj := strings.TrimSpace(lines[j].text)
				if tj != ":" && !strings.HasPrefix(tj, ": ") {
					break
				}
				code = append(code, srcLine{strings.TrimPrefix(strings.TrimPrefix(tj, ":"), " "), lines[j].n})
				j++
			}
			o.lb.raw(blockCode, code)
			i = j
		case len(t) >= 5 && strings.Trim(t, "-") == "":
			i++ // a horizontal rule
		case orgItemRe.MatchString(l.text) && !orgHeadingRe.MatchString(l.text):
			i = o.item(lines, i)
		default:
			j := i + 1
			for j < len(lines) && !o.breaks(lines[j]) {
				j++
			}
			o.lb.prose(blockPara, lines[i:j], orgInline)
			i = j
		}
	}
}

// breaks reports whether a line ends the paragraph before it.
func (o *orgParser) breaks(l srcLine) bool {
	t := strings.TrimSpace(l.text)
	return t == "" || orgHeadingRe.MatchString(l.text) || orgKeywordRe.MatchString(t) || orgBeginRe.MatchString(t) ||
		orgDrawerRe.MatchString(t) || strings.HasPrefix(t, "|") || t == "#" || strings.HasPrefix(t, "# ") ||
		t == ":" || strings.HasPrefix(t, ": ") || orgItemRe.MatchString(l.text)
}

// item reads a list item and its continuation lines (indented more than
// its bullet).
func (o *orgParser) item(lines []srcLine, i int) int {
	m := orgItemRe.FindStringSubmatch(lines[i].text)
	indent := len(m[1])
	first := srcLine{lines[i].text[len(m[0]):], lines[i].n}
	if term, def, ok := strings.Cut(first.text, " :: "); ok {
		first.text = strings.TrimSpace(term) + ": " + def
	} else if strings.HasSuffix(strings.TrimSpace(first.text), " ::") {
		first.text = strings.TrimSuffix(strings.TrimSpace(first.text), " ::") + ":"
	}
	item := []srcLine{first}
	j := i + 1
	for j < len(lines) && !isBlankLine(lines[j]) && indentOf(lines[j].text) > indent && !o.breaks(lines[j]) {
		item = append(item, lines[j])
		j++
	}
	o.lb.tight = i > 0 && !isBlankLine(lines[i-1]) && orgItemRe.MatchString(lines[i-1].text)
	o.lb.prose(blockItem, item, orgInline)
	return j
}

// block reads #+begin_NAME … #+end_NAME: source and example blocks as
// code, comment blocks dropped, any other (quote, verse, center, a
// special block) as its text.
func (o *orgParser) block(lines []srcLine, i int) int {
	name := strings.ToLower(orgBeginRe.FindStringSubmatch(strings.TrimSpace(lines[i].text))[1])
	end := "#+end_" + name
	j := i + 1
	for j < len(lines) && !strings.HasPrefix(strings.ToLower(strings.TrimSpace(lines[j].text)), end) {
		j++
	}
	body := lines[i+1 : j]
	switch name {
	case "src", "example", "export":
		// Org escapes a line starting with "*" or "#+" in a block with a comma.
		code := make([]srcLine, len(body))
		for k, l := range body {
			code[k] = l
			if t := strings.TrimLeft(l.text, " \t"); strings.HasPrefix(t, ",*") || strings.HasPrefix(t, ",#+") {
				code[k].text = strings.Replace(l.text, ",", "", 1)
			}
		}
		o.lb.raw(blockCode, code)
	case "comment":
	default:
		o.parse(body)
	}
	return min(j+1, len(lines))
}

// table emits an Org table's rows, rules left out.
func (o *orgParser) table(lines []srcLine) {
	var bb blockBuilder
	rows := 0
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		if strings.HasPrefix(t, "|-") || strings.HasPrefix(t, "|=") {
			continue
		}
		cells := strings.Split(strings.Trim(t, "|"), "|")
		for k := range cells {
			cells[k] = orgInline(strings.TrimSpace(cells[k]))
		}
		bb.writeRow(l.n, cells, rows == 0)
		rows++
	}
	if rows > 0 {
		o.lb.emit(bb.take(blockTable), 0)
	}
}

// orgInline reads a line's links as their description (the target when
// there is none) and its emphasis as its text.
func orgInline(s string) string {
	if strings.Contains(s, "[[") {
		s = orgLinkRe.ReplaceAllStringFunc(s, func(m string) string {
			sm := orgLinkRe.FindStringSubmatch(m)
			if sm[2] != "" {
				return sm[2]
			}
			return sm[1]
		})
	}
	if !strings.ContainsAny(s, "*/_=~+") {
		return s
	}
	var b strings.Builder
	for rest := s; ; {
		// The first verbatim or code span: its text as it is, the text
		// before it read for emphasis.
		var m []int
		for _, re := range orgVerbatimRes {
			if k := re.FindStringSubmatchIndex(rest); k != nil && (m == nil || k[0] < m[0]) {
				m = k
			}
		}
		if m == nil {
			b.WriteString(orgEmphasized(rest))
			return b.String()
		}
		b.WriteString(orgEmphasized(rest[:m[3]]))
		b.WriteString(rest[m[4]:m[5]])
		rest = rest[m[6]:] // the character after it may open the next
	}
}

// orgEmphasized is s with its bold, italic, underlined and struck-through
// text read as the text.
func orgEmphasized(s string) string {
	for _, re := range orgEmphasisRes {
		// Twice: emphasis side by side shares the space between.
		for range 2 {
			s = re.ReplaceAllString(s, "$1$2$3")
		}
	}
	return s
}
