package corpus

import (
	"html"
	"regexp"
	"strings"
)

var (
	// mwHiddenRe matches what a wiki page does not show in its text,
	// across lines: comments, and footnotes (<ref>…</ref>, <ref name=x/>),
	// which MediaWiki moves to the page's end.
	mwHiddenRe   = regexp.MustCompile(`(?s)<!--.*?(?:-->|$)|<ref\b[^>]*/>|<ref\b[^>]*>.*?</ref>`)
	mwHeadingRe  = regexp.MustCompile(`^(={1,6})\s*(.+?)\s*(={1,6})\s*$`)
	mwCodeOpenRe = regexp.MustCompile(`(?i)^\s*<(pre|source|syntaxhighlight)\b[^>]*>`)
	mwLinkRe     = regexp.MustCompile(`\[\[([^\[\]|]*)(?:\|([^\[\]]*))?\]\]`)
	mwExtLinkRe  = regexp.MustCompile(`\[((?:https?|ftp|mailto):[^\s\]]*)(?:\s+([^\]]*))?\]`)
	mwTemplateRe = regexp.MustCompile(`\{\{[^{}]*\}\}`)
	// mwTagRe matches the HTML tags a wiki page may write, not an email
	// address in angle brackets.
	mwTagRe       = regexp.MustCompile(`(?i)</?(?:b|i|u|s|em|strong|code|tt|kbd|var|samp|sup|sub|small|big|span|div|p|br|hr|font|center|blockquote|cite|q|abbr|del|ins|nowiki|math|references|poem|mark|dfn|strike)\b[^<>]*>`)
	mwEmphasisRe  = regexp.MustCompile(`'{2,5}`)
	mwCellAttrRe  = regexp.MustCompile(`^\s*[a-zA-Z-]+\s*=\s*(?:"[^"]*"|'[^']*'|\S+)(?:\s+[a-zA-Z-]+\s*=\s*(?:"[^"]*"|'[^']*'|\S+))*\s*\|([^|]|$)`)
	mwListMarkRe  = regexp.MustCompile(`^([*#:;]+)\s*`)
	mwRuleRe      = regexp.MustCompile(`^-{4,}\s*$`)
	mwMagicWordRe = regexp.MustCompile(`__[A-Z]+__`)
)

// parseMediaWiki reduces a MediaWiki page (.wiki, .mediawiki: a wiki's
// export, Bitcoin's BIPs) to blocks, as the wiki shows it: "== Heading =="
// lines are headings; *, # and ; lines list items (";term : text" reads
// "term: text"); {| … |} tables are rows; <pre>, <source> and
// <syntaxhighlight> blocks and lines indented by a space are code;
// ”'bold”' and ”italic” read as their text, [[Page|text]] and
// [https://… text] as their text; templates ({{…}}), footnotes
// (<ref>…</ref>), comments and magic words (__TOC__) go. A wiki page's
// title is its name, so the loader titles it by its file's name.
func parseMediaWiki(src string) structured {
	// Hidden spans go first (mwLines).
	lines := mwLines(src)
	var lb lineBlocks
	for i := 0; i < len(lines); {
		l := lines[i]
		t := strings.TrimSpace(l.text)
		switch {
		case t == "" || mwRuleRe.MatchString(t) || mwMagicWordRe.ReplaceAllString(t, "") == "":
			i++
		case mwCodeOpenRe.MatchString(l.text):
			i = mwCode(&lb, lines, i)
		case mwHeadingRe.MatchString(t):
			m := mwHeadingRe.FindStringSubmatch(t)
			level := min(len(m[1]), len(m[3]))
			lb.heading(mwInline(m[2]), l.n, level)
			i++
		case strings.HasPrefix(t, "{|"):
			i = mwTable(&lb, lines, i)
		case mwListMarkRe.MatchString(l.text):
			m := mwListMarkRe.FindStringSubmatch(l.text)
			rest := l.text[len(m[0]):]
			marks := m[1]
			text := rest
			switch marks[len(marks)-1] {
			case ';':
				if term, def, ok := strings.Cut(rest, " : "); ok {
					text = strings.TrimSpace(term) + ": " + def
				} else {
					text = strings.TrimSpace(rest) + ":"
				}
			case '*', '#':
				text = "• " + rest
			}
			lb.tight = i > 0 && mwListMarkRe.MatchString(lines[i-1].text)
			lb.prose(blockItem, []srcLine{{text, l.n}}, mwInline)
			i++
		case l.text[0] == ' ':
			// Lines indented by a space: preformatted text.
			j := i
			var code []srcLine
			for j < len(lines) && len(lines[j].text) > 0 && lines[j].text[0] == ' ' {
				code = append(code, srcLine{lines[j].text[1:], lines[j].n})
				j++
			}
			lb.raw(blockCode, code)
			i = j
		default:
			j := i + 1
			for j < len(lines) && !mwBreaks(lines[j]) {
				j++
			}
			lb.prose(blockPara, lines[i:j], mwInline)
			i = j
		}
	}
	return structured{blocks: lb.out}
}

// mwLines splits src into lines with comments and footnotes removed.
// The text after one that spans lines joins the line it opened on (the
// wiki reads it so: " See" after a footnote is no indented code), and each
// line keeps the number of the file's line it starts on.
func mwLines(src string) []srcLine {
	locs := mwHiddenRe.FindAllStringIndex(src, -1)
	var out []srcLine
	var cur strings.Builder
	n, start := 1, 1 // the file's line at pos, and the current line's first
	pos := 0
	for _, loc := range append(locs, []int{len(src), len(src)}) {
		for pos < loc[0] {
			k := strings.IndexByte(src[pos:loc[0]], '\n')
			if k < 0 {
				cur.WriteString(src[pos:loc[0]]) // pos goes past the hidden text below
				break
			}
			cur.WriteString(src[pos : pos+k])
			out = append(out, srcLine{strings.TrimRight(cur.String(), " \t\r"), start})
			cur.Reset()
			pos += k + 1
			n++
			start = n
		}
		n += strings.Count(src[loc[0]:loc[1]], "\n")
		pos = loc[1]
	}
	return append(out, srcLine{strings.TrimRight(cur.String(), " \t\r"), start})
}

// mwBreaks says whether a line ends the paragraph before it.
func mwBreaks(l srcLine) bool {
	t := strings.TrimSpace(l.text)
	return t == "" || l.text[0] == ' ' || mwHeadingRe.MatchString(t) || strings.HasPrefix(t, "{|") ||
		mwListMarkRe.MatchString(l.text) || mwCodeOpenRe.MatchString(l.text) || mwRuleRe.MatchString(t)
}

// mwCode reads a <pre>, <source> or <syntaxhighlight> block from lines[i]
// to its closing tag, as code, and returns the index after it.
func mwCode(lb *lineBlocks, lines []srcLine, i int) int {
	m := mwCodeOpenRe.FindStringSubmatch(lines[i].text)
	tag := strings.ToLower(m[1])
	closing := "</" + tag + ">"
	first := lines[i].text[len(m[0]):]
	var code []srcLine
	j := i
	for {
		text := first
		if j > i {
			text = lines[j].text
		}
		if k := strings.Index(strings.ToLower(text), closing); k >= 0 {
			if s := text[:k]; strings.TrimSpace(s) != "" {
				code = append(code, srcLine{s, lines[j].n})
			}
			j++
			break
		}
		if j > i || strings.TrimSpace(text) != "" {
			code = append(code, srcLine{text, lines[j].n})
		}
		j++
		if j >= len(lines) {
			break
		}
	}
	if tag == "pre" {
		// <pre> shows entities as their characters.
		for k := range code {
			code[k].text = html.UnescapeString(code[k].text)
		}
	}
	lb.raw(blockCode, code)
	return j
}

// mwTable reads a {| … |} table from lines[i], a row a line, and returns
// the index after it.
func mwTable(lb *lineBlocks, lines []srcLine, i int) int {
	var bb blockBuilder
	var row []string
	rowLine := 0
	first := true
	flush := func() {
		if len(row) > 0 && strings.TrimSpace(strings.Join(row, "")) != "" {
			bb.writeRow(rowLine, row, first)
			first = false
		}
		row = nil
	}
	j := i + 1
	for ; j < len(lines); j++ {
		t := strings.TrimSpace(lines[j].text)
		switch {
		case strings.HasPrefix(t, "|}"):
			flush()
			j++
			goto done
		case strings.HasPrefix(t, "|-"):
			flush()
		case strings.HasPrefix(t, "|+"):
			// A caption: its own row.
			flush()
			row, rowLine = []string{mwInline(strings.TrimSpace(t[2:]))}, lines[j].n
			flush()
		case strings.HasPrefix(t, "|") || strings.HasPrefix(t, "!"):
			if len(row) == 0 {
				rowLine = lines[j].n
			}
			sep := "||"
			if t[0] == '!' {
				sep = "!!"
			}
			for _, c := range strings.Split(t[1:], sep) {
				if m := mwCellAttrRe.FindStringSubmatchIndex(c); m != nil {
					c = c[m[2]:] // attributes before the "|": the text after it
				}
				row = append(row, strings.TrimSpace(mwInline(c)))
			}
		default:
			// A cell's text going on over lines.
			if len(row) > 0 && t != "" {
				row[len(row)-1] += " " + mwInline(t)
			}
		}
	}
	flush()
done:
	if bb.len() > 0 {
		lb.emit(bb.take(blockTable), 0)
	}
	return j
}

// mwInline reads a line's wiki markup as its text.
func mwInline(s string) string {
	if !strings.ContainsAny(s, "[{'<&_") {
		return s
	}
	s = mwLinkRe.ReplaceAllStringFunc(s, func(m string) string {
		sm := mwLinkRe.FindStringSubmatch(m)
		if sm[2] != "" {
			return sm[2]
		}
		target := sm[1]
		if low := strings.ToLower(target); strings.HasPrefix(low, "file:") || strings.HasPrefix(low, "image:") || strings.HasPrefix(low, "category:") {
			return ""
		}
		return strings.TrimPrefix(target, ":")
	})
	s = mwExtLinkRe.ReplaceAllStringFunc(s, func(m string) string {
		sm := mwExtLinkRe.FindStringSubmatch(m)
		if strings.TrimSpace(sm[2]) != "" {
			return sm[2]
		}
		return sm[1]
	})
	for k := 0; k < 5 && strings.Contains(s, "{{"); k++ {
		s = mwTemplateRe.ReplaceAllString(s, "") // nested ones, inside out
	}
	s = mwMagicWordRe.ReplaceAllString(s, "")
	s = mwEmphasisRe.ReplaceAllString(s, "")
	s = mwTagRe.ReplaceAllString(s, "")
	return html.UnescapeString(s)
}
