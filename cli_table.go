package main

import (
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"corpusbot/internal/mdtable"
)

// defaultColumns is the terminal's width when COLUMNS does not say it.
const defaultColumns = 80

// terminalColumns is the terminal's width as the shell exports it
// (COLUMNS), else defaultColumns.
func terminalColumns(getenv func(string) string) int {
	if n, err := strconv.Atoi(strings.TrimSpace(getenv("COLUMNS"))); err == nil && n > 0 {
		return n
	}
	return defaultColumns
}

// tableWriter writes a model's text to a terminal, as it streams, with its
// Markdown tables laid out: a table's lines are held until it ends, then
// written as aligned columns (widths in display columns: a Chinese
// character takes two), its marks and citations in their cells; one wider
// than the terminal is written a row a line, "header: cell" by cell.
// Everything else passes as it comes, a line as soon as it cannot be a
// table's (a table opens with "|", or a mark and "|"; the lines after its
// first are held whole), code blocks untouched. The Discord bot lays tables out its own way (bot.Format).
type tableWriter struct {
	w       io.Writer
	columns int
	line    strings.Builder // the line being written
	passing bool            // the line cannot be a table's and is written as it comes
	held    []string        // lines that may be a table: its header, delimiter and rows so far
	fence   int             // backticks of the code block the text is in; 0 outside one
}

func newTableWriter(w io.Writer, columns int) *tableWriter {
	if columns <= 0 {
		columns = defaultColumns
	}
	return &tableWriter{w: w, columns: columns}
}

func (t *tableWriter) write(s string) {
	for s != "" {
		chunk, rest, nl := s, "", false
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			chunk, rest, nl = s[:i], s[i+1:], true
		}
		s = rest
		t.line.WriteString(chunk)
		if t.passing {
			io.WriteString(t.w, chunk)
		}
		if nl {
			l := t.line.String()
			t.line.Reset()
			t.endLine(l, true)
			continue
		}
		// A line after a table's first is held whole: a delimiter row
		// or a row need not open with "|".
		if !t.passing && t.fence == 0 && len(t.held) == 0 && !mayOpenRow(t.line.String()) {
			t.passing = true
			io.WriteString(t.w, t.line.String())
		}
	}
}

// flush writes what is held: the reply is complete.
func (t *tableWriter) flush() {
	if t.line.Len() > 0 || t.passing {
		l := t.line.String()
		t.line.Reset()
		t.endLine(l, false)
	}
	t.endTable()
}

// endLine takes a complete line; nl says whether a newline ended it.
func (t *tableWriter) endLine(l string, nl bool) {
	end := ""
	if nl {
		end = "\n"
	}
	if t.passing {
		t.passing = false
		io.WriteString(t.w, end)
		t.trackFence(l)
		return
	}
	if t.fence > 0 || fenceTicks(l) > 0 {
		t.endTable()
		io.WriteString(t.w, l+end)
		t.trackFence(l)
		return
	}
	switch len(t.held) {
	case 0:
		if _, ok := mdtable.MarkedRow(l); ok && opensRow(l) {
			t.held = append(t.held, l+end)
			return
		}
		io.WriteString(t.w, l+end)
	case 1:
		header, _ := mdtable.MarkedRow(t.held[0])
		if align, ok := mdtable.Delimiter(l); ok && len(align) == len(header) {
			t.held = append(t.held, l+end)
			return
		}
		t.endTable()
		t.endLine(l, nl)
	default:
		if _, ok := mdtable.MarkedRow(l); ok {
			t.held = append(t.held, l+end)
			return
		}
		t.endTable()
		t.endLine(l, nl)
	}
}

// trackFence opens or closes a code block on line l.
func (t *tableWriter) trackFence(l string) {
	n := fenceTicks(l)
	switch {
	case t.fence == 0 && n > 0:
		t.fence = n
	case t.fence > 0 && n >= t.fence && strings.Trim(strings.TrimSpace(l), "`") == "":
		t.fence = 0
	}
}

// fenceTicks is the number of backticks (or tildes) that open line l as
// a code fence, 0 when it does not.
func fenceTicks(l string) int {
	l = strings.TrimLeft(l, " ")
	for _, c := range []byte{'`', '~'} {
		n := 0
		for n < len(l) && l[n] == c {
			n++
		}
		if n >= 3 {
			return n
		}
	}
	return 0
}

// endTable writes the held lines: laid out when they are a table (a
// header and its delimiter row), else as they came.
func (t *tableWriter) endTable() {
	held := t.held
	t.held = nil
	if len(held) < 2 {
		io.WriteString(t.w, strings.Join(held, ""))
		return
	}
	header, _ := mdtable.MarkedRow(held[0])
	align, _ := mdtable.Delimiter(held[1])
	rows := [][]string{header}
	for _, l := range held[2:] {
		r, _ := mdtable.MarkedRow(l)
		rows = append(rows, mdtable.Fit(r, len(header)))
	}
	end := ""
	if last := held[len(held)-1]; strings.HasSuffix(last, "\n") {
		end = "\n"
	}
	io.WriteString(t.w, layoutTable(rows, align, t.columns)+end)
}

// layoutTable lays out rows (the header first) in aligned columns, "|"
// between them and a rule under the header; in lines of "header: cell —
// …" a row, empty cells left out, when they would be wider than columns.
func layoutTable(rows [][]string, align []mdtable.Align, columns int) string {
	widths := make([]int, len(align))
	for _, r := range rows {
		for k, c := range r {
			widths[k] = max(widths[k], mdtable.Width(c))
		}
	}
	total := 3 * (len(widths) - 1)
	for _, w := range widths {
		total += w
	}
	var lines []string
	if total > columns {
		header := rows[0]
		for _, r := range rows[1:] {
			var items []string
			for k, c := range r {
				switch {
				case c == "":
				case header[k] == "":
					items = append(items, c)
				default:
					items = append(items, header[k]+": "+c)
				}
			}
			lines = append(lines, "- "+strings.Join(items, " — "))
		}
		if len(lines) == 0 {
			return strings.Join(header, " — ")
		}
		return strings.Join(lines, "\n")
	}
	for i, r := range rows {
		cells := make([]string, len(r))
		for k, c := range r {
			cells[k] = mdtable.Pad(c, widths[k], align[k])
		}
		lines = append(lines, strings.TrimRight(strings.Join(cells, " | "), " "))
		if i == 0 {
			rule := make([]string, len(widths))
			for k, w := range widths {
				rule[k] = strings.Repeat("-", w)
			}
			lines = append(lines, strings.Join(rule, "-+-"))
		}
	}
	return strings.Join(lines, "\n")
}

// opensRow reports whether line l opens as a table row does: with "|",
// after spaces and a verification mark.
func opensRow(l string) bool {
	l = strings.TrimLeftFunc(l, func(r rune) bool { return unicode.IsSpace(r) || isMarkRune(r) })
	return strings.HasPrefix(l, "|")
}

// mayOpenRow reports whether the start of a line, l, may still open a
// table row: it is empty so far, or spaces and a mark, or opens with "|".
func mayOpenRow(l string) bool {
	rest := strings.TrimLeftFunc(l, func(r rune) bool { return unicode.IsSpace(r) || isMarkRune(r) })
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return r == '|'
}

// isMarkRune reports whether r is a rune of a verification mark (⚠¹, ❔²).
func isMarkRune(r rune) bool {
	return r == '⚠' || r == '❔' || strings.ContainsRune("⁰¹²³⁴⁵⁶⁷⁸⁹", r)
}
