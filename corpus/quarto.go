package corpus

import (
	"regexp"
	"strings"
)

// Quarto (.qmd) and R Markdown (.Rmd) are Pandoc Markdown with executable
// code chunks: ```{r label, echo=FALSE} in R Markdown, ```{python} with
// "#| echo: false" option lines in Quarto. The Markdown reader would take
// ```{r} for a MyST directive and read the code as prose, so the chunks
// are rewritten first, line for line (the file's line numbers stay), into
// what a reader of the rendered page sees: a chunk whose code is shown is
// a code block of its language, its option lines gone; a hidden one
// (echo false, include false) goes, but for its figure caption.

var (
	// chunkFenceRe matches a chunk's opening fence: its indentation, the
	// fence, the engine ("r", "python", "=html" for a raw block, ".sh" for
	// a Pandoc class) and the rest of the header.
	chunkFenceRe = regexp.MustCompile("^([ \t]*)(`{3,}|~{3,})[ \t]*\\{[ \t]*([=.]?[A-Za-z][\\w.-]*)[ \t,]*([^}]*)\\}[ \t]*$")
	// chunkOptionRe matches an option line of a chunk: "#| echo: false"
	// (Quarto; "//|" and "--|" in other languages' comments).
	chunkOptionRe = regexp.MustCompile(`^[ \t]*(?:#|//|--|%%)\|`)
	// pandocAttrRe matches Pandoc attributes after a span, link, autolink
	// or image: "[small caps]{.smallcaps}", "<https://x.org>{.uri}",
	// "![](a.png){width=50%}".
	pandocAttrRe = regexp.MustCompile(`([\])>])\{[.#=]?[A-Za-z-][^{}]*\}`)
	// spanRe matches a Pandoc span left bracketed once its attributes go.
	spanRe = regexp.MustCompile(`(^|[^!\]])\[([^\[\]]+)\]\{[.#][^{}]*\}`)
	// bookdownRefRe matches bookdown's references and labels: \@ref(fig:x)
	// (rendered as a number), (\#fig:x), (ref:x), \index{x}.
	bookdownRefRe = regexp.MustCompile(`\\@ref\(([^()]*)\)|\(\\#[\w:.-]+\)|\\index\{(?:[^{}]|\{[^{}]*\})*\}`)
	// headingAttrRe matches a heading's trailing attributes: "{-}",
	// "{.unnumbered}", "{#sec-x .appendix}".
	headingAttrRe = regexp.MustCompile(`[ \t]*\{[-.#][^{}]*\}[ \t]*$`)
	// partHeadingRe matches bookdown's part and appendix headings, "#
	// (PART) Part I {-}": a divider of the book, not a chapter's title.
	partHeadingRe = regexp.MustCompile(`^#[ \t]+\((?:PART\\?\*?|APPENDIX)\)`)
	// textRefRe matches a bookdown text reference's label at a line's
	// start: "(ref:cap) A caption …".
	textRefRe = regexp.MustCompile(`^\(ref:[\w.-]+\)[ \t]*`)
)

// textEngines are knitr's engines whose content is prose, not code:
// bookdown's theorem environments, Quarto's and knitr's text blocks.
var textEngines = map[string]bool{
	"theorem": true, "lemma": true, "corollary": true, "proposition": true, "conjecture": true,
	"definition": true, "example": true, "exercise": true, "hypothesis": true, "proof": true,
	"remark": true, "solution": true, "block": true, "block2": true, "asis": true,
}

// prepareChunks rewrites the code chunks of a Quarto or R Markdown source,
// line for line, as the package comment above says, and drops Pandoc's
// attributes and bookdown's labels from prose.
func prepareChunks(src string) string {
	if !strings.Contains(src, "{") {
		return src
	}
	lines := strings.Split(src, "\n")
	fence := "" // the open fence of a chunk or code block, "" outside
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if fence != "" {
			if t := strings.TrimSpace(line); strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				fence = ""
			}
			continue
		}
		t := strings.TrimLeft(line, " \t")
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			m := chunkFenceRe.FindStringSubmatch(line)
			if m == nil {
				fence = t[:len(t)-len(strings.TrimLeft(t, t[:1]))]
				continue
			}
			i = rewriteChunk(lines, i, m)
			continue
		}
		if strings.HasPrefix(line, "#") {
			if partHeadingRe.MatchString(line) {
				lines[i] = ""
				continue
			}
			line = headingAttrRe.ReplaceAllString(line, "")
		}
		if strings.HasPrefix(line, "(ref:") {
			line = textRefRe.ReplaceAllString(line, "")
		}
		if strings.IndexByte(line, '{') >= 0 || strings.Contains(line, `\@ref`) {
			line = cleanPandocInline(line)
		}
		lines[i] = line
	}
	return strings.Join(lines, "\n")
}

// cleanPandocInline drops a prose line's Pandoc attributes and bookdown's
// labels: "[small caps]{.smallcaps}" reads "small caps", "\@ref(usage)"
// "usage", "\index{YAML}" nothing.
func cleanPandocInline(line string) string {
	line = spanRe.ReplaceAllString(line, "$1$2")
	line = pandocAttrRe.ReplaceAllString(line, "$1")
	return bookdownRefRe.ReplaceAllStringFunc(line, func(s string) string {
		if ref, ok := strings.CutPrefix(s, `\@ref(`); ok {
			ref = strings.TrimSuffix(ref, ")")
			if _, label, ok := strings.Cut(ref, ":"); ok {
				return label
			}
			return ref
		}
		return ""
	})
}

// rewriteChunk rewrites the chunk opening at lines[at], m its fence's
// match, and returns the index of its closing fence (or the last line).
func rewriteChunk(lines []string, at int, m []string) int {
	indent, fence, engine, header := m[1], m[2], strings.ToLower(m[3]), m[4]
	end := len(lines) - 1
	for j := at + 1; j < len(lines); j++ {
		if t := strings.TrimSpace(lines[j]); strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
			end = j
			break
		}
	}
	// Quarto's option lines open the chunk.
	opts := at + 1
	for opts < end && chunkOptionRe.MatchString(lines[opts]) {
		opts++
	}
	o := chunkOptions(header, lines[at+1:opts])
	switch {
	case strings.HasPrefix(engine, "="): // a raw block for one output format
		blankLines(lines, at, end)
	case strings.HasPrefix(engine, "."): // a Pandoc class: ```{.python}
		lines[at] = indent + fence + engine[1:]
	case textEngines[engine]:
		// Prose: the fences and options go, the text stays.
		blankLines(lines, at, opts-1)
		if o.caption != "" {
			lines[at] = indent + o.caption
		}
		lines[end] = ""
	case o.hidden:
		blankLines(lines, at, end)
		if o.caption != "" {
			lines[at] = indent + o.caption
		}
	default:
		// Shown code: the fence moves down to the last option line; the
		// caption stands before it, or where a blank line after the chunk
		// leaves room for a paragraph of its own, after it.
		blankLines(lines, at, opts-1)
		lines[opts-1] = indent + fence + engine
		switch {
		case o.caption == "":
		case opts-1 > at:
			lines[at] = indent + o.caption
		case end+1 < len(lines) && lines[end+1] == "" && (end+2 == len(lines) || strings.TrimSpace(lines[end+2]) == ""):
			lines[end+1] = indent + o.caption
		}
	}
	return end
}

// blankLines empties lines[from..to].
func blankLines(lines []string, from, to int) {
	for k := from; k <= to && k < len(lines); k++ {
		lines[k] = ""
	}
}

// chunkOpts is what a chunk's options say a reader sees of it.
type chunkOpts struct {
	hidden  bool   // echo or include false: the code is not shown
	caption string // fig-cap or tbl-cap, on one line
}

// chunkOptions reads a chunk's options from its header (R Markdown's
// "label, echo=FALSE, fig.cap='…'") and its "#|" lines (Quarto's YAML,
// "fig-cap: |" followed by more indented lines).
func chunkOptions(header string, optLines []string) chunkOpts {
	var o chunkOpts
	for _, kv := range splitChunkHeader(header) {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			continue
		}
		o.set(strings.TrimSpace(k), strings.TrimSpace(v))
	}
	for i := 0; i < len(optLines); i++ {
		l := strings.TrimLeft(optLines[i], " \t")
		l = strings.TrimLeft(l[strings.IndexByte(l, '|')+1:], " \t")
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		if v == "|" || v == ">" || v == "|-" || v == ">-" {
			// A block scalar: the more indented lines after it.
			var parts []string
			for i+1 < len(optLines) {
				next := optLines[i+1]
				rest := next[strings.IndexByte(next, '|')+1:]
				if strings.TrimSpace(rest) == "" || !strings.HasPrefix(rest, "  ") {
					break
				}
				parts = append(parts, strings.TrimSpace(rest))
				i++
			}
			v = strings.Join(parts, " ")
		}
		o.set(strings.TrimSpace(k), v)
	}
	return o
}

// set records one option.
func (o *chunkOpts) set(k, v string) {
	v = strings.Trim(v, `"'`)
	switch strings.ReplaceAll(k, ".", "-") {
	case "echo", "include":
		switch v {
		case "false", "FALSE", "F", "no":
			o.hidden = true
		}
	case "fig-cap", "tbl-cap":
		if v != "" && o.caption == "" {
			o.caption = v
		}
	}
}

// splitChunkHeader splits an R Markdown chunk header at the commas outside
// quotes and parentheses: `label, fig.cap="a, b", out.width=c(1, 2)`.
func splitChunkHeader(h string) []string {
	var out []string
	depth, quote, start := 0, byte(0), 0
	for i := 0; i < len(h); i++ {
		c := h[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth = max(depth-1, 0)
		case c == ',' && depth == 0:
			out = append(out, h[start:i])
			start = i + 1
		}
	}
	return append(out, h[start:])
}
