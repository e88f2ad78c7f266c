package corpus

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
)

// nbCell is one cell of a Jupyter notebook, nbformat 4 or 3.
type nbCell struct {
	CellType string      `json:"cell_type"`
	Source   nbText      `json:"source"`
	Input    nbText      `json:"input"` // nbformat 3's code cells
	Level    int         `json:"level"` // nbformat 3's heading cells
	Outputs  []nbOutput  `json:"outputs"`
	Meta     nbCellFlags `json:"metadata"`
}

type nbCellFlags struct {
	// Jupyter Book's and nbsphinx's "remove-cell" tags: cells the built
	// pages leave out.
	Tags []string `json:"tags"`
}

type nbOutput struct {
	OutputType string                     `json:"output_type"`
	Text       nbText                     `json:"text"` // stream; nbformat 3's results
	Data       map[string]json.RawMessage `json:"data"` // by MIME type; a widget's is an object
}

type notebook struct {
	Cells      []nbCell `json:"cells"`
	Worksheets []struct {
		Cells []nbCell `json:"cells"`
	} `json:"worksheets"`
}

// nbText is a multi-line string of a notebook: a list of lines, each
// ending with its "\n", or one string.
type nbText struct {
	lines []string
	one   bool // written as one string, not a list
}

func (t *nbText) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		t.lines, t.one = []string{s}, true
		return nil
	}
	if string(b) == "null" {
		return nil
	}
	return json.Unmarshal(b, &t.lines)
}

func (t nbText) String() string { return strings.Join(t.lines, "") }

// nbOutputLines is how many lines of a cell's output are read: outputs
// are what the code printed, the first lines its result, the rest often a
// log (a training run's thousand epochs).
const nbOutputLines = 20

var ansiEscape = regexp.MustCompile("\x1b\\[[0-9;?]*[ -/]*[@-~]")

// parseNotebook reduces a Jupyter notebook (.ipynb) to blocks, as Jupyter
// shows it: each Markdown cell read as Markdown on its own, each code
// cell a code block, followed by its text output (a stream or a result's
// text/plain, at most nbOutputLines lines; images, HTML, widgets and
// errors' tracebacks left out); cells tagged remove-cell and raw cells
// (nbconvert's pass-through) left out. Lines are the notebook file's: each
// line of a cell is found where the JSON writes it, and an output is cited
// at its cell's last line of code.
func parseNotebook(ps markdownParsers, src string) (structured, SkipKind, string) {
	var nb notebook
	if err := json.Unmarshal([]byte(src), &nb); err != nil {
		return structured{}, SkipMalformed, "malformed notebook: " + err.Error()
	}
	cells := nb.Cells
	for _, w := range nb.Worksheets {
		cells = append(cells, w.Cells...)
	}
	loc := newNotebookLines(src, len(cells))
	var s structured
	for i, c := range cells {
		if tagged(c.Meta.Tags, "remove-cell", "remove_cell") {
			continue
		}
		switch c.CellType {
		case "markdown", "heading":
			md := c.Source.String()
			if c.CellType == "heading" {
				md = strings.Repeat("#", max(1, min(c.Level, 6))) + " " + md
			}
			lines := loc.lines(i, "source", c.Source)
			for _, b := range parseMarkdown(ps, md, false).blocks {
				for j := range b.anchors {
					b.anchors[j].line = lines.at(b.anchors[j].line)
				}
				s.blocks = append(s.blocks, b)
			}
		case "code":
			code, key := c.Source, "source"
			if len(code.lines) == 0 {
				code, key = c.Input, "input"
			}
			lines := loc.lines(i, key, code)
			s.blocks = appendCode(s.blocks, code, lines, 0)
			if tagged(c.Meta.Tags, "remove-output", "remove_output") {
				continue
			}
			for _, o := range c.Outputs {
				text := o.Text
				if raw, ok := o.Data["text/plain"]; ok && len(text.lines) == 0 {
					_ = json.Unmarshal(raw, &text) // not text: no output
				}
				_, widget := o.Data["application/vnd.jupyter.widget-view+json"]
				if o.OutputType == "error" || widget || len(text.lines) == 0 || onlyFigure(text) {
					continue
				}
				// Cited at the cell's last line of code: Jupyter writes the
				// outputs before the source, and a passage of code and its
				// output cited by where each starts and ends would leave
				// the code out of its lines.
				s.blocks = appendCode(s.blocks, text, nbLines{lines.at(len(lines))}, nbOutputLines)
			}
		}
	}
	if len(s.blocks) == 0 {
		return s, SkipEmpty, "empty: a notebook without text"
	}
	return s, "", ""
}

func tagged(tags []string, want ...string) bool {
	for _, t := range tags {
		for _, w := range want {
			if t == w {
				return true
			}
		}
	}
	return false
}

// onlyFigure reports whether a text output only names the figure shown in
// its place ("<Figure size 640x480 with 1 Axes>").
func onlyFigure(t nbText) bool {
	s := strings.TrimSpace(t.String())
	return strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">") && !strings.Contains(s, "\n") &&
		(strings.Contains(s, "Figure") || strings.Contains(s, " object at 0x") || strings.Contains(s, "Axes"))
}

// appendCode appends a code block of t's lines, each marked with its line
// of the file, the first limit of them (all when 0).
func appendCode(blocks []block, t nbText, lines nbLines, limit int) []block {
	var bb blockBuilder
	n := 0
	for i, l := range strings.Split(strings.TrimRight(t.String(), "\n"), "\n") {
		if limit > 0 && n == limit {
			break
		}
		if n > 0 {
			bb.writeRaw("\n")
		}
		bb.mark(lines.at(i+1), 0)
		bb.writeRaw(strings.TrimRight(ansiEscape.ReplaceAllString(l, ""), " \t\r"))
		n++
	}
	b := bb.take(blockCode)
	if strings.TrimSpace(b.text) == "" {
		return blocks
	}
	return append(blocks, b)
}

// notebookLines finds where a notebook's cells and their lines are written
// in the file.
type notebookLines struct {
	src   string
	idx   lineIndex
	cells []int // offset of each cell's "cell_type" key; nil when they cannot be told apart
}

func newNotebookLines(src string, n int) notebookLines {
	loc := notebookLines{src: src, idx: newLineIndex(src, strings.Count(src, "\n")+1)}
	// A "cell_type" key is written with bare quotes; inside a cell's text
	// its quotes are escaped.
	for off := 0; ; {
		i := strings.Index(src[off:], `"cell_type"`)
		if i < 0 {
			break
		}
		loc.cells = append(loc.cells, off+i)
		off += i + 1
	}
	if len(loc.cells) != n {
		loc.cells = nil
	}
	return loc
}

// nbLines maps a text's 1-based lines to the file's lines.
type nbLines []int

// at is the file's line of the text's line n; the last known one past
// the end.
func (l nbLines) at(n int) int {
	if len(l) == 0 {
		return 1
	}
	return l[max(0, min(n, len(l))-1)]
}

// lines finds the file lines of cell i's text t, written under key: each
// list element is looked for, JSON-encoded, after the last one found;
// one not found (written another way) takes the line before it.
func (loc notebookLines) lines(i int, key string, t nbText) nbLines {
	start, end := 0, len(loc.src)
	if loc.cells != nil {
		start = loc.cells[i]
		if i+1 < len(loc.cells) {
			end = loc.cells[i+1]
		}
	}
	cell := loc.src[start:end]
	at := strings.Index(cell, `"`+key+`"`)
	if at < 0 {
		at = 0
	}
	line := loc.idx.line(start + at)
	var out nbLines
	for _, elem := range t.lines {
		if k := strings.Index(cell[at:], jsonString(elem)); k >= 0 {
			at += k
			line = loc.idx.line(start + at)
		}
		// An element written as one string holds all its lines on one
		// line of the file; a list's element is one line.
		for range max(1, strings.Count(strings.TrimSuffix(elem, "\n"), "\n")+1) {
			out = append(out, line)
		}
	}
	return out
}

// jsonString is s as Jupyter writes it: a JSON string, with <, > and &
// as they are.
func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}
