package corpus

import (
	"html"
	"strconv"
	"strings"
)

// parsePOD reduces Perl's Plain Old Documentation (.pod) to blocks, as
// perldoc shows it: =head1 … =head4 are headings, =item lists items
// ("=item *" a bullet, "=item term" over its text reads "term: text"),
// indented paragraphs are code; formatting codes read as their text
// (C<x>, B<< x >>, L<text|Module/"section"> as "text", E<lt> as "<"), X<>
// index entries and Z<> go; =begin/=end and =for blocks for other
// formatters, =encoding, =pod and =cut lines, and code between =cut and
// the next command, are left out. The NAME section's "Module - what it
// is" gives the title and description, and is not repeated in the text.
func parsePOD(src string) structured {
	var s structured
	lines := splitLines(src)
	var lb lineBlocks
	inPOD := true      // a .pod file opens in POD; after =cut, Perl until a command
	var items []string // the open =over lists' kind of item: "*", "1", or a term
	heading := ""      // the heading the paragraph read is under
	for i := 0; i < len(lines); {
		l := lines[i]
		if strings.TrimSpace(l.text) == "" {
			i++
			continue
		}
		// A paragraph: the lines up to a blank one.
		j := i + 1
		for j < len(lines) && strings.TrimSpace(lines[j].text) != "" {
			j++
		}
		para := lines[i:j]
		i = j
		if cmd, arg, ok := podCommand(l.text); ok {
			if cmd == "cut" {
				inPOD = false
				continue
			}
			inPOD = true
			switch cmd {
			case "head1", "head2", "head3", "head4", "head5", "head6":
				heading = podInline(podJoin(arg, para[1:]))
				if heading == "NAME" && s.title == "" {
					continue // the NAME paragraph gives the title
				}
				lb.heading(heading, l.n, int(cmd[4]-'0')+1)
			case "over":
				items = append(items, "")
			case "back":
				if len(items) > 0 {
					items = items[:len(items)-1]
				}
			case "item":
				text := podJoin(arg, para[1:])
				kind := blockItem
				switch {
				case text == "*" || text == "":
					// The item's text is the next paragraph.
					if i < len(lines) {
						k := i
						for k < len(lines) && strings.TrimSpace(lines[k].text) == "" {
							k++
						}
						if k < len(lines) {
							if _, _, isCmd := podCommand(lines[k].text); !isCmd && !podVerbatim(lines[k].text) {
								e := k + 1
								for e < len(lines) && strings.TrimSpace(lines[e].text) != "" {
									e++
								}
								lb.prose(kind, podFirst("• ", lines[k:e]), podInline)
								i = e
							}
						}
					}
				case strings.HasPrefix(text, "* "):
					lb.prose(kind, podFirst("• ", []srcLine{{strings.TrimPrefix(text, "* "), l.n}}), podInline)
				default:
					// "=item term" over a paragraph describing it.
					k := i
					for k < len(lines) && strings.TrimSpace(lines[k].text) == "" {
						k++
					}
					body := []srcLine{{podInline(text) + ":", l.n}}
					if k < len(lines) {
						if _, _, isCmd := podCommand(lines[k].text); !isCmd && !podVerbatim(lines[k].text) {
							e := k + 1
							for e < len(lines) && strings.TrimSpace(lines[e].text) != "" {
								e++
							}
							body = append(body, lines[k:e]...)
							i = e
						}
					}
					lb.prose(kind, body, podInline)
				}
			case "begin":
				// Up to its =end: for another formatter (html, latex),
				// except text.
				name, _, _ := strings.Cut(arg, " ")
				e := i
				for e < len(lines) {
					if c, a, ok := podCommand(lines[e].text); ok && c == "end" && strings.HasPrefix(a, name) {
						break
					}
					e++
				}
				if name == "text" {
					lb.prose(blockPara, lines[i:e], podInline)
				}
				i = min(e+1, len(lines))
			}
			continue
		}
		if !inPOD {
			continue // code between =cut and the next command
		}
		if heading == "NAME" && s.title == "" {
			name, desc, ok := strings.Cut(podInline(podJoin("", para)), " - ")
			s.title = strings.TrimSpace(name)
			if ok {
				s.description = strings.TrimSpace(desc)
			}
			continue
		}
		if podVerbatim(l.text) {
			// Verbatim paragraphs, with the blank lines between them, are
			// one code block.
			e := i
			for e < len(lines) && (strings.TrimSpace(lines[e].text) == "" || podVerbatim(lines[e].text)) {
				e++
			}
			code := append([]srcLine(nil), para...)
			code = append(code, lines[i:e]...)
			lb.raw(blockCode, podDedent(code))
			i = e
			continue
		}
		lb.prose(blockPara, para, podInline)
	}
	s.blocks = lb.out
	return s
}

// podCommand is the command of a line that opens with one ("head1" of
// "=head1 NAME"), its argument, and whether it does.
func podCommand(line string) (cmd, arg string, ok bool) {
	if len(line) < 2 || line[0] != '=' || !(line[1] >= 'a' && line[1] <= 'z' || line[1] >= 'A' && line[1] <= 'Z') {
		return "", "", false
	}
	end := 1
	for end < len(line) && line[end] != ' ' && line[end] != '\t' {
		end++
	}
	return line[1:end], strings.TrimSpace(line[end:]), true
}

// podVerbatim says whether a line is verbatim text: indented.
func podVerbatim(line string) bool { return line != "" && (line[0] == ' ' || line[0] == '\t') }

// podJoin is a command's argument with the paragraph lines after it.
func podJoin(arg string, rest []srcLine) string {
	parts := []string{arg}
	for _, l := range rest {
		parts = append(parts, strings.TrimSpace(l.text))
	}
	return strings.TrimSpace(strings.Join(parts, " "))
}

// podFirst puts prefix before the first line.
func podFirst(prefix string, lines []srcLine) []srcLine {
	out := append([]srcLine(nil), lines...)
	if len(out) > 0 {
		out[0].text = prefix + strings.TrimSpace(out[0].text)
	}
	return out
}

// podDedent takes off the indentation the code's lines share.
func podDedent(lines []srcLine) []srcLine {
	n := -1
	for _, l := range lines {
		if strings.TrimSpace(l.text) == "" {
			continue
		}
		if k := indentOf(strings.ReplaceAll(l.text, "\t", "        ")); n < 0 || k < n {
			n = k
		}
	}
	out := make([]srcLine, len(lines))
	for i, l := range lines {
		out[i] = srcLine{dedent(strings.ReplaceAll(l.text, "\t", "        "), max(n, 0)), l.n}
	}
	return out
}

// podInline reads POD's formatting codes as their text.
func podInline(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	podInlineTo(&b, s, 0)
	return b.String()
}

// podInlineTo writes the text of s to b; depth bounds nesting.
func podInlineTo(b *strings.Builder, s string, depth int) {
	for i := 0; i < len(s); {
		c := s[i]
		if i+1 >= len(s) || s[i+1] != '<' || !strings.ContainsRune("BCEFILSXZ", rune(c)) {
			b.WriteByte(c)
			i++
			continue
		}
		// C<x>, or C<< x >> with as many brackets as open it.
		open := i + 1
		n := 0
		for open+n < len(s) && s[open+n] == '<' {
			n++
		}
		var arg string
		next := len(s)
		if n == 1 {
			depthB, closed := 0, false
			for k := open; k < len(s) && !closed; k++ {
				if s[k] == '<' {
					depthB++
				} else if s[k] == '>' {
					depthB--
					if depthB == 0 {
						arg, next, closed = s[open+1:k], k+1, true
					}
				}
			}
			if !closed { // unclosed: the code runs to the paragraph's end
				arg = s[open+1:]
			}
		} else {
			closing := " " + strings.Repeat(">", n)
			body := s[open+n:]
			if k := strings.Index(body, closing); k >= 0 {
				arg, next = strings.TrimSpace(body[:k]), open+n+k+len(closing)
			} else {
				arg = strings.TrimSpace(body)
			}
		}
		i = next
		switch c {
		case 'X', 'Z':
		case 'E':
			b.WriteString(podEscape(arg))
		case 'L':
			b.WriteString(podLinkText(arg, depth))
		default:
			if depth < 20 {
				podInlineTo(b, arg, depth+1)
			} else {
				b.WriteString(arg)
			}
		}
	}
}

// podEscape is the character of E<name>: lt, gt, verbar, sol, a number
// or an HTML entity's name.
func podEscape(name string) string {
	switch name {
	case "lt":
		return "<"
	case "gt":
		return ">"
	case "verbar":
		return "|"
	case "sol":
		return "/"
	}
	if n, err := strconv.ParseInt(name, 0, 32); err == nil && n > 0 && n < 0x110000 {
		return string(rune(n))
	}
	if u := html.UnescapeString("&" + name + ";"); u != "&"+name+";" {
		return u
	}
	return ""
}

// podLinkText is the text a link shows: its text before "|", else the
// section ("Module/"section"" reads "section"), else the page.
func podLinkText(arg string, depth int) string {
	var b strings.Builder
	if text, _, ok := strings.Cut(arg, "|"); ok {
		podInlineTo(&b, text, depth+1)
		return b.String()
	}
	if page, sec, ok := strings.Cut(arg, "/"); ok && !strings.Contains(arg, "://") {
		sec = strings.Trim(sec, `"`)
		if sec != "" {
			podInlineTo(&b, sec, depth+1)
			return b.String()
		}
		arg = page
	}
	podInlineTo(&b, arg, depth+1)
	return b.String()
}
