// Package mdtable reads the rows of a Markdown (GFM) table as a model
// writes them, and measures and pads cells for a monospaced display: what
// the Discord bot and the terminal share when they lay a table out, each
// in its own way.
package mdtable

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Align is a column's alignment, from the delimiter row.
type Align int

// Alignments.
const (
	Left Align = iota
	Right
	Center
)

// rowMarkRE is the verification mark an answer puts before a row's first
// pipe ("⚠¹ | … |", "❔² | … |": verify marks the line's start).
var rowMarkRE = regexp.MustCompile(`^[ \t]*([⚠❔][⁰¹²³⁴⁵⁶⁷⁸⁹]+)[ \t]*\|`)

// MarkedRow is Row of a line that may open with a verification mark: the
// mark goes in the first cell, so that it stays with its row and does not
// make a cell of its own.
func MarkedRow(line string) ([]string, bool) {
	m := rowMarkRE.FindStringSubmatchIndex(line)
	if m == nil {
		return Row(line)
	}
	cells, ok := Row(line[m[3]:])
	if !ok || len(cells) == 0 {
		return cells, ok
	}
	cells[0] = strings.TrimSpace(line[m[2]:m[3]] + " " + cells[0])
	return cells, true
}

// Row splits a table line into trimmed cells, unescaping \|. A line is a
// row only if it has an unescaped pipe.
func Row(line string) ([]string, bool) {
	line = strings.TrimSpace(line)
	var cells []string
	var cell strings.Builder
	pipes := 0
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == '\\' && i+1 < len(line) && line[i+1] == '|':
			cell.WriteByte('|')
			i++
		case line[i] == '|':
			pipes++
			if i > 0 { // a leading pipe opens the row rather than ending a cell
				cells = append(cells, strings.TrimSpace(cell.String()))
			}
			cell.Reset()
		default:
			cell.WriteByte(line[i])
		}
	}
	if pipes == 0 {
		return nil, false
	}
	if !strings.HasSuffix(line, "|") || strings.HasSuffix(line, `\|`) || line == "|" {
		cells = append(cells, strings.TrimSpace(cell.String()))
	}
	return cells, true
}

// Delimiter parses the |---|:--:| line under a table header.
func Delimiter(line string) ([]Align, bool) {
	cells, ok := Row(line)
	if !ok {
		return nil, false
	}
	align := make([]Align, len(cells))
	for i, c := range cells {
		left, right := strings.HasPrefix(c, ":"), strings.HasSuffix(c, ":")
		dashes := strings.TrimSuffix(strings.TrimPrefix(c, ":"), ":")
		if dashes == "" || strings.Trim(dashes, "-") != "" {
			return nil, false
		}
		switch {
		case left && right:
			align[i] = Center
		case right:
			align[i] = Right
		}
	}
	return align, true
}

// Fit pads or cuts a row to n cells, as GFM does.
func Fit(row []string, n int) []string {
	if len(row) >= n {
		return row[:n]
	}
	return append(row, make([]string, n-len(row))...)
}

// Pad pads s with spaces to w columns, aligned as a says.
func Pad(s string, w int, a Align) string {
	gap := max(w-Width(s), 0)
	switch a {
	case Right:
		return strings.Repeat(" ", gap) + s
	case Center:
		return strings.Repeat(" ", gap/2) + s + strings.Repeat(" ", gap-gap/2)
	}
	return s + strings.Repeat(" ", gap)
}

// Width approximates the columns s takes in a monospaced font: East Asian
// wide and fullwidth characters take two, combining marks and format
// characters none.
func Width(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		default:
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				n += 2
			default:
				n++
			}
		}
	}
	return n
}
