package corpus

import (
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// manExt matches the extensions of manual pages: a section (1–9) and an
// optional suffix (3p, 3pm, 1ssl, 8x), or .man.
var manExt = regexp.MustCompile(`^\.([1-9][a-z]{0,4}|man)$`)

// isManPage reports whether p is named like a manual page.
func isManPage(p string) bool { return manExt.MatchString(strings.ToLower(path.Ext(p))) }

// parseMan reduces a manual page written in troff's man(7) macros to
// blocks, as man(1) shows it: .SH and .SS headings, paragraphs (.PP, .LP,
// .P, .sp), tagged paragraphs (.TP, .IP) as "tag: text", no-fill text
// (.nf/.fi, .EX/.EE) as code, tbl tables (.TS/.TE) as rows, font macros
// (.B, .BR, .IR, …) and escapes (\fB, \-, \(em) read as their text;
// comments, macro definitions and layout requests left out. The title is
// the page's name ("fsync", as its NAME line spells it), the description
// its NAME line. mdoc(7)'s section and paragraph macros are read too. A file named
// like a page that has no troff request is not one (kind and reason say
// so); a page of only ".so other.2" is other.2 under a second name.
func parseMan(src, name string) (structured, SkipKind, string) {
	lines := splitLines(src)
	if target, ok := manAlias(lines); ok {
		return structured{}, SkipDuplicate, "a second name of the manual page " + target + " (.so), read there"
	}
	if !looksLikeMan(lines) {
		return structured{}, SkipUnsupported, "unsupported type (" + strings.ToLower(path.Ext(name)) + "): not a manual page, no .TH or .SH request"
	}
	m := &manParser{}
	m.parse(lines)
	m.flush()
	s := structured{blocks: m.lb.out, description: m.name}
	if m.th != "" {
		title := strings.ToLower(m.th)
		if first, _, _ := strings.Cut(m.name, " "); strings.EqualFold(strings.TrimRight(first, ","), m.th) {
			title = strings.TrimRight(first, ",")
		}
		// The section stays out: people ask "what does fsync do?", not
		// "fsync(2)", and the path (man2/fsync.2) shows it.
		s.title = title
	}
	return s, "", ""
}

// manAlias reports whether a page is only a ".so" request (comments and
// blank lines aside), and the page it names.
func manAlias(lines []srcLine) (string, bool) {
	target := ""
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		switch {
		case t == "" || manComment(t):
		case strings.HasPrefix(t, ".so ") && target == "":
			target = strings.TrimSpace(t[4:])
		default:
			return "", false
		}
	}
	return target, target != ""
}

func looksLikeMan(lines []srcLine) bool {
	for _, l := range lines {
		if req, _ := manRequest(l.text); req == "TH" || req == "SH" || req == "Dd" || req == "Sh" || req == "Dt" {
			return true
		}
	}
	return false
}

func manComment(t string) bool {
	return strings.HasPrefix(t, `.\"`) || strings.HasPrefix(t, `'\"`) || strings.HasPrefix(t, `\"`) ||
		strings.HasPrefix(t, `.\#`) || strings.HasPrefix(t, `\#`) || t == "." || t == "'"
}

// manRequest splits a control line (". name args" or "'name args") into
// its name and arguments; "" for a text line.
func manRequest(line string) (name, args string) {
	if line == "" || (line[0] != '.' && line[0] != '\'') || manComment(strings.TrimSpace(line)) {
		return "", ""
	}
	rest := strings.TrimLeft(line[1:], " \t")
	name, args, _ = strings.Cut(rest, " ")
	if i := strings.IndexByte(name, '\t'); i >= 0 {
		name, args = name[:i], name[i+1:]+" "+args
	}
	return name, strings.TrimSpace(args)
}

type manParser struct {
	lb      lineBlocks
	pend    []srcLine // the paragraph being read, its lines' text reduced
	kind    blockKind
	tagNext bool      // .TP: the next line is the tag
	code    []srcLine // no-fill text being read
	nofill  bool
	th      string // .TH's name
	heading string // the section being read
	name    string // the NAME section's text
}

func (m *manParser) parse(lines []srcLine) {
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		// A backslash ending a line joins the next one to it.
		for continued(l.text) && i+1 < len(lines) {
			i++
			l.text = l.text[:len(l.text)-1] + lines[i].text
		}
		req, args := manRequest(l.text)
		if req == "" {
			if manComment(strings.TrimSpace(l.text)) {
				continue
			}
			m.text(srcLine{manInline(l.text), l.n})
			continue
		}
		switch req {
		case "TH", "Dt":
			a := manArgs(args)
			if len(a) > 0 {
				m.th = manInline(a[0])
			}
		case "SH", "SS", "Sh", "Ss":
			m.flush()
			text := strings.Join(manArgs(args), " ")
			n := l.n
			if text == "" && i+1 < len(lines) { // the heading is the next line
				i++
				text, n = lines[i].text, lines[i].n
			}
			m.heading = manInline(text)
			level := 1
			if req == "SS" || req == "Ss" {
				level = 2
			}
			m.lb.heading(m.heading, n, level)
		case "PP", "LP", "P", "sp", "Pp", "Lp", "HP", "PD":
			if m.nofill {
				m.code = append(m.code, srcLine{"", l.n})
				continue
			}
			m.flush()
		case "TP", "TQ":
			if req == "TP" {
				m.flush()
			}
			m.tagNext = true
		case "IP", "It":
			m.flush()
			a := manArgs(args)
			if len(a) > 0 {
				tag := manInline(a[0])
				if tag == "•" || tag == "*" || tag == "-" || tag == "—" {
					m.kind = blockItem
				} else if tag != "" {
					m.kind = blockItem
					m.pend = append(m.pend, srcLine{tag + ":", l.n})
				}
			}
		case "nf", "EX", "Bd":
			m.flush()
			m.nofill = true
		case "fi", "EE", "Ed":
			m.flushCode()
		case "TS":
			m.flush()
			j := i + 1
			for j < len(lines) && strings.TrimSpace(lines[j].text) != ".TE" {
				j++
			}
			m.table(lines[i+1 : j])
			i = j
		case "de", "de1", "ig", "am", "ds", "nr", "if", "ie", "el", "so", "tr", "ft", "ps", "in", "ti",
			"ad", "na", "hy", "nh", "ne", "ll", "ta", "RS", "RE", "UC", "DT", "ns", "rs", "mso", "lf",
			"ss", "cs", "bp", "ev", "Os", "Dd", "Bl", "El", "UR", "MT", "cc", "c2", "ec", "eo", "hw", "pl",
			"wh", "ch", "em", "it", "lt", "pc", "po", "vs", "fam", "fcolor", "gcolor", "ls", "ul", "cu",
			"Ed\\\"", "IX", "ce", "fl":
			if req == "de" || req == "de1" || req == "ig" || req == "am" {
				for i+1 < len(lines) && strings.TrimSpace(lines[i+1].text) != ".." {
					i++
				}
				i++
			}
			if req == "ie" || req == "if" || req == "el" {
				// A condition's block over several lines ("\{ … \}") goes with it.
				if strings.Contains(args, `\{`) {
					for i+1 < len(lines) && !strings.Contains(lines[i].text, `\}`) {
						i++
					}
				}
			}
		case "br":
			if m.nofill {
				continue
			}
		case "UE", "ME":
			if a := manArgs(args); len(a) > 0 && len(m.pend) > 0 {
				last := &m.pend[len(m.pend)-1]
				last.text += manInline(a[0])
			}
		case "Nd":
			m.text(srcLine{"- " + manInline(args), l.n})
		default:
			// Font macros and any other macro: their arguments are text.
			m.text(srcLine{manFont(req, args), l.n})
		}
	}
}

// continued reports whether a line ends with an escaping backslash (an
// odd run of them: "\\\\" is a backslash printed).
func continued(line string) bool {
	n := len(line) - len(strings.TrimRight(line, `\`))
	return n%2 == 1
}

// text takes one line of text: code in no-fill mode, else prose.
func (m *manParser) text(l srcLine) {
	if m.nofill {
		m.code = append(m.code, l)
		return
	}
	if strings.TrimSpace(l.text) == "" {
		if !m.tagNext {
			m.flush() // a blank line in fill mode is a paragraph break
		}
		return
	}
	if m.tagNext {
		m.tagNext = false
		m.kind = blockItem
		if len(m.pend) > 0 && m.kind == blockItem && strings.HasSuffix(m.pend[len(m.pend)-1].text, ":") {
			// .TQ: another tag of the same paragraph.
			m.pend[len(m.pend)-1].text = strings.TrimSuffix(m.pend[len(m.pend)-1].text, ":") + ", " + l.text + ":"
			return
		}
		m.pend = append(m.pend, srcLine{l.text + ":", l.n})
		return
	}
	m.pend = append(m.pend, l)
}

// flush emits the paragraph being read.
func (m *manParser) flush() {
	if m.nofill {
		m.flushCode()
	}
	if len(m.pend) > 0 {
		if m.heading == "NAME" && m.name == "" {
			parts := make([]string, len(m.pend))
			for i, l := range m.pend {
				parts[i] = strings.TrimSpace(l.text)
			}
			m.name = strings.Join(parts, " ")
		}
		m.lb.prose(m.kind, m.pend, nil)
	}
	m.pend, m.kind, m.tagNext = m.pend[:0], blockPara, false
}

func (m *manParser) flushCode() {
	m.nofill = false
	if len(m.code) > 0 {
		m.lb.raw(blockCode, m.code)
	}
	m.code = m.code[:0]
}

// table reads a tbl(1) table's lines: options (ending with ";"), formats
// (the last ending with "."), then rows of cells parted by tabs (or the
// options' tab(c)), a "T{ … T}" cell running over lines.
func (m *manParser) table(lines []srcLine) {
	tab := "\t"
	i := 0
	if i < len(lines) && strings.HasSuffix(strings.TrimSpace(lines[i].text), ";") {
		if k := strings.Index(lines[i].text, "tab("); k >= 0 {
			if r, size := utf8.DecodeRuneInString(lines[i].text[k+4:]); size > 0 && r != ')' {
				tab = string(r)
			}
		}
		i++
	}
	for i < len(lines) {
		t := strings.TrimSpace(lines[i].text)
		i++
		if strings.HasSuffix(t, ".") {
			break
		}
	}
	var bb blockBuilder
	rows := 0
	for ; i < len(lines); i++ {
		l := lines[i]
		t := strings.TrimSpace(l.text)
		if t == "" || t == "_" || t == "=" || t == ".T&" || manComment(t) || strings.HasPrefix(t, ".") {
			continue
		}
		cells := strings.Split(l.text, tab)
		for k := 0; k < len(cells); k++ {
			if strings.TrimSpace(cells[k]) != "T{" {
				cells[k] = manInline(cells[k])
				continue
			}
			// A text block: the lines up to "T}", then the row goes on.
			var block []string
			for i+1 < len(lines) {
				i++
				if bt := lines[i].text; strings.HasPrefix(bt, "T}") {
					rest := strings.Split(strings.TrimPrefix(bt, "T}"), tab)
					cells = append(cells[:k+1], rest[min(1, len(rest)):]...)
					break
				} else if req, args := manRequest(bt); req != "" {
					if s := manFont(req, args); s != "" && !manLayout(req) {
						block = append(block, s)
					}
				} else {
					block = append(block, manInline(bt))
				}
			}
			cells[k] = strings.Join(block, " ")
		}
		for k := range cells {
			cells[k] = strings.TrimSpace(cells[k])
		}
		bb.writeRow(l.n, cells, rows == 0)
		rows++
	}
	if rows > 0 {
		m.lb.emit(bb.take(blockTable), 0)
	}
}

// manLayout reports whether a request inside a table's text block only
// lays it out.
func manLayout(req string) bool {
	switch req {
	case "br", "sp", "PP", "P", "LP", "in", "ti", "ad", "na", "nf", "fi", "ft":
		return true
	}
	return false
}

// manFont reads a font macro: .B and .I (and any other macro) give their
// arguments with spaces; .BR, .IR, .RB, .RI, .BI, .IB give them one after
// the other without.
func manFont(req, args string) string {
	a := manArgs(args)
	switch req {
	case "BR", "IR", "RB", "RI", "BI", "IB":
		return manInline(strings.Join(a, ""))
	}
	return manInline(strings.Join(a, " "))
}

// manArgs splits a request's arguments: by spaces, a double-quoted one
// whole ("" inside it is a quote).
func manArgs(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i == len(s) {
			break
		}
		if strings.HasPrefix(s[i:], `\"`) {
			break // a comment
		}
		var b strings.Builder
		if s[i] == '"' {
			i++
			for i < len(s) {
				if s[i] == '"' {
					if i+1 < len(s) && s[i+1] == '"' {
						b.WriteByte('"')
						i += 2
						continue
					}
					i++
					break
				}
				b.WriteByte(s[i])
				i++
			}
		} else {
			for i < len(s) && s[i] != ' ' && s[i] != '\t' {
				if s[i] == '\\' && i+1 < len(s) { // an escape, "\ " included, is part of the argument
					b.WriteByte(s[i])
					i++
				}
				b.WriteByte(s[i])
				i++
			}
		}
		out = append(out, b.String())
	}
	return out
}

// manChars are troff's special characters most pages use, by name.
var manChars = map[string]string{
	"em": "—", "en": "–", "hy": "-", "mi": "-", "aq": "'", "dq": "\"", "lq": "“", "rq": "”", "oq": "‘",
	"cq": "’", "bu": "•", "co": "©", "rg": "®", "tm": "™", "ga": "`", "ti": "~", "ha": "^", "mu": "×",
	"di": "÷", "+-": "±", "<=": "≤", ">=": "≥", "!=": "≠", "->": "→", "<-": "←", "de": "°", "ua": "↑",
	"da": "↓", "sc": "§", "ps": "¶", "dg": "†", "dd": "‡", "bv": "|", "ba": "|", "br": "│", "rs": `\`,
	"sl": "/", "fm": "′", "sd": "″", "aa": "´", "12": "½", "14": "¼", "34": "¾", "ct": "¢", "Po": "£",
	"Eu": "€", "Ye": "¥", "mc": "µ", "la": "⟨", "ra": "⟩", "lB": "[", "rB": "]", "lC": "{", "rC": "}",
	"at": "@", "sh": "#", "Do": "$", "pc": "·", "eq": "=", "pl": "+", "**": "∗", "->>": "⇒", "==": "≡",
	"'e": "é", "`e": "è", "^e": "ê", ":e": "ë", "'a": "á", "`a": "à", "^a": "â", ":a": "ä", "'o": "ó",
	":o": "ö", "^o": "ô", "'u": "ú", ":u": "ü", "'i": "í", "ss": "ß", ",c": "ç", "~n": "ñ", "'E": "É",
	":A": "Ä", ":O": "Ö", ":U": "Ü", "Fo": "«", "Fc": "»", "fo": "‹", "fc": "›", "R": "®", "Tm": "™",
}

// manInline reads troff's escapes in a line of text: fonts and sizes
// dropped, special characters and strings as the characters they print,
// "\-" as "-", "\e" as "\", a comment ("\"") to the end of the line
// dropped.
func manInline(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			i++
			continue
		}
		e := s[i+1]
		i += 2
		switch e {
		case '"', '#':
			return strings.TrimRight(b.String(), " \t")
		case 'f', 'F', 'm', 'M', 'n', 'g', 'k', 'V', 'Y':
			_, i = troffName(s, i)
		case 's':
			if i < len(s) && (s[i] == '+' || s[i] == '-') {
				i++
			}
			if i < len(s) && (s[i] == '(' || s[i] == '[' || s[i] == '\'') {
				if s[i] == '\'' {
					i = troffDelimited(s, i)
				} else {
					_, i = troffName(s, i)
				}
			} else {
				for i < len(s) && s[i] >= '0' && s[i] <= '9' {
					i++
				}
			}
		case '(', '[':
			n, j := troffName(s, i-1)
			i = j
			if r, ok := manChars[n]; ok {
				b.WriteString(r)
			} else if strings.HasPrefix(n, "u") && len(n) >= 5 {
				if v, err := strconv.ParseUint(n[1:], 16, 32); err == nil && utf8.ValidRune(rune(v)) {
					b.WriteRune(rune(v))
				}
			}
		case '*':
			n, j := troffName(s, i)
			i = j
			b.WriteString(manChars[n])
		case 'N':
			j := troffDelimited(s, i)
			if j-i > 2 {
				if v, err := strconv.Atoi(s[i+1 : j-1]); err == nil && v > 31 && utf8.ValidRune(rune(v)) {
					b.WriteRune(rune(v))
				}
			}
			i = j
		case 'h', 'v', 'w', 'o', 'l', 'L', 'D', 'X', 'Z', 'b', 'x', 'R', 'A', 'B', 'C', 'S', 'H', 'O':
			i = troffDelimited(s, i)
		case '-':
			b.WriteByte('-')
		case 'e', 'E', '\\':
			b.WriteByte('\\')
		case ' ', '0', '~', 't':
			b.WriteByte(' ')
		case '.':
			b.WriteByte('.')
		case '\'':
			b.WriteByte('\'')
		case '`':
			b.WriteByte('`')
		case '&', ')', '%', ':', '/', ',', '|', '^', 'c', 'd', 'u', 'z', 'a', 'p', 'r', '{', '}', '$', '\n':
			if e == '$' && i < len(s) {
				i++ // a macro argument's number
			}
		default:
			b.WriteByte(e)
		}
	}
	return b.String()
}

// troffName reads the name of the escape of s whose letter ends before i:
// one character, "(xx", or "[name]". It returns the name and where it
// ends.
func troffName(s string, i int) (string, int) {
	if i >= len(s) {
		return "", i
	}
	switch s[i] {
	case '(':
		if i+3 <= len(s) {
			return s[i+1 : i+3], i + 3
		}
		return "", len(s)
	case '[':
		if k := strings.IndexByte(s[i:], ']'); k >= 0 {
			return s[i+1 : i+k], i + k + 1
		}
		return "", len(s)
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[i : i+size], i + size
}

// troffDelimited returns where the quoted argument of an escape of s that
// starts at i ends: \h'…', \w'…'; the end of s when it is not closed.
func troffDelimited(s string, i int) int {
	if i >= len(s) {
		return i
	}
	if k := strings.IndexByte(s[i+1:], s[i]); k >= 0 {
		return i + 1 + k + 1
	}
	return len(s)
}
