package bot

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"corpusbot/internal/mdtable"
)

// Format prepares answer text for a Discord message: tables become
// something Discord can show, bare URLs stop producing embeds, masked
// links show where they lead, and mass or raw mentions are defused. Code
// blocks and inline code are left as written.
func Format(md string) string {
	return Unhide(Neutralize(UnmaskLinks(WrapURLs(ConvertTables(md)))))
}

var (
	// smallPrintRE is a line Discord shows as subtext ("-# …"), after the
	// quote and list markers that may open it.
	smallPrintRE = regexp.MustCompile(`(?m)^((?:[ \t]*(?:>>> |> |[-*+] |\d+[.)] ))*[ \t]*)-# `)
)

// Unhide makes text a model wrote show as written: a spoiler ("||…||")
// would hide a sentence, and the mark that opens it, until clicked; a
// "-# " line would pose as the bot's small print, where its notes on
// marked sentences stand. The small print is escaped, and a zero-width
// space parts two pipes (an escape would change which lines read as a
// table); code and <…> URLs are left as written.
func Unhide(md string) string {
	return outsideCode(md, func(t string) string { return outsideURLs(t, unhide) })
}

func unhide(s string) string {
	s = smallPrintRE.ReplaceAllString(s, `${1}\-# `)
	if !strings.Contains(s, "||") {
		return s
	}
	var b strings.Builder
	for i := range len(s) {
		b.WriteByte(s[i])
		if s[i] == '|' && i+1 < len(s) && s[i+1] == '|' {
			b.WriteString("\u200b")
		}
	}
	return b.String()
}

// UnmaskLinks writes a Markdown link [text](url) as "text (<url>)": text
// a model wrote is not to hide where a link goes behind words of its
// choosing ("[the source](http://evil…)"). A citation made a link keeps
// its brackets, "[1] (<url>)"; a link whose text is its URL is the URL.
// It reads links as Discord does: brackets nested in the text ("[see
// [1]]", "[a \] b]"), code spans in it, spaces and a title around the
// destination, the scheme in any case. A link that starts in code or in
// a URL in <…> is left as written.
func UnmaskLinks(md string) string {
	code := codeRegions(md)
	var b strings.Builder
	prev := 0
	for i := 0; i < len(md); i++ {
		if k := sort.Search(len(code), func(k int) bool { return code[k].end > i }); k < len(code) && code[k].start <= i {
			i = code[k].end - 1
			continue
		}
		if md[i] == '<' {
			if m := angleURLRE.FindStringIndex(md[i:]); m != nil {
				i += m[1] - 1
			}
			continue
		}
		if md[i] != '[' || (i > 0 && md[i-1] == '\\') {
			continue
		}
		close, ok := closingBracket(md, i, code)
		if !ok || close+1 >= len(md) || md[close+1] != '(' {
			continue
		}
		url, end, ok := linkDestination(md, close+2)
		if !ok {
			continue
		}
		b.WriteString(md[prev:i])
		b.WriteString(unmasked(strings.TrimSpace(md[i+1:close]), url))
		prev, i = end, end-1
	}
	if prev == 0 {
		return md
	}
	b.WriteString(md[prev:])
	return b.String()
}

// unmasked is what a link with text and url shows instead.
func unmasked(text, url string) string {
	switch {
	case text == "" || text == url || text == "<"+url+">":
		return "<" + url + ">"
	case strings.Trim(text, "0123456789, ") == "":
		return "[" + text + "] (<" + url + ">)"
	}
	return text + " (<" + url + ">)"
}

// inSpans reports whether i falls inside one of the sorted spans.
func inSpans(spans []span, i int) bool {
	k := sort.Search(len(spans), func(k int) bool { return spans[k].end > i })
	return k < len(spans) && spans[k].start <= i
}

// closingBracket finds the "]" that closes the "[" at md[open], counting
// nested brackets and skipping escaped ones and code spans, within one
// line.
func closingBracket(md string, open int, code []span) (int, bool) {
	depth := 0
	for j := open; j < len(md); j++ {
		if inSpans(code, j) {
			continue
		}
		switch md[j] {
		case '\\':
			j++
		case '\n':
			return 0, false
		case '[':
			depth++
		case ']':
			if depth--; depth == 0 {
				return j, true
			}
		}
	}
	return 0, false
}

// linkDestination reads a link's destination from md[i:], just after its
// "(": spaces, an http(s) URL (any case) bare or in <…>, an optional title
// in quotes, spaces and ")". It returns the URL and the end of the link.
func linkDestination(md string, i int) (string, int, bool) {
	j := skipBlanks(md, i)
	angle := j < len(md) && md[j] == '<'
	if angle {
		j++
	}
	if urlPrefix(md[j:]) == 0 {
		return "", 0, false
	}
	start := j
	if angle {
		k := strings.IndexAny(md[j:], "<> \n")
		if k < 0 || md[j+k] != '>' {
			return "", 0, false
		}
		j += k
	} else {
		j += urlExtent(md[j:], true)
	}
	url := md[start:j]
	if angle {
		j++
	}
	j = skipBlanks(md, j)
	if j < len(md) && (md[j] == '"' || md[j] == '\'') {
		k := strings.IndexByte(md[j+1:], md[j])
		if k < 0 || strings.Contains(md[j+1:j+1+k], "\n") {
			return "", 0, false
		}
		j = skipBlanks(md, j+k+2)
	}
	if j >= len(md) || md[j] != ')' || url == "" {
		return "", 0, false
	}
	return url, j + 1, true
}

func skipBlanks(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// fence is a GFM code fence: an opening line of three or more backticks,
// the body, and a closing line of at least as many backticks.
type fence struct {
	start     int    // start of the opening line
	bodyStart int    // just after the opening line's newline
	bodyEnd   int    // start of the closing line; len(s) when unclosed
	end       int    // end of the closing line, before its newline; len(s) when unclosed
	open      string // opening line without indentation or trailing space, e.g. "```go"
	ticks     int    // backticks in the opening line
}

// parseFences returns the code fences of s in order. A fence that is never
// closed runs to the end of s, as in CommonMark.
func parseFences(s string) []fence {
	var fs []fence
	for i := 0; i < len(s); {
		end, next := lineAt(s, i)
		n, open := fenceOpen(s[i:end])
		if n == 0 {
			i = next
			continue
		}
		f := fence{start: i, bodyStart: next, bodyEnd: len(s), end: len(s), open: open, ticks: n}
		j := next
		for j < len(s) {
			e, nx := lineAt(s, j)
			if fenceClose(s[j:e], n) {
				f.bodyEnd, f.end = j, e
				break
			}
			j = nx
		}
		fs = append(fs, f)
		if f.end == len(s) {
			break
		}
		_, i = lineAt(s, f.end)
	}
	return fs
}

// lineAt returns the end of the line starting at i (before its newline)
// and the start of the following line.
func lineAt(s string, i int) (end, next int) {
	if k := strings.IndexByte(s[i:], '\n'); k >= 0 {
		return i + k, i + k + 1
	}
	return len(s), len(s)
}

// fenceOpen reports the backtick count of an opening fence line (0 if the
// line is not one) and the line without indentation or trailing space.
func fenceOpen(line string) (int, string) {
	rest := trimIndent(line)
	n := countLeading(rest, '`')
	if n < 3 || strings.ContainsRune(rest[n:], '`') {
		return 0, ""
	}
	return n, strings.TrimRightFunc(rest, unicode.IsSpace)
}

// fenceClose reports whether line closes a fence opened with n backticks.
func fenceClose(line string, n int) bool {
	rest := trimIndent(line)
	k := countLeading(rest, '`')
	return k >= n && strings.TrimSpace(rest[k:]) == ""
}

// trimIndent removes up to three leading spaces; four make an indented
// code line in CommonMark, not a fence.
func trimIndent(line string) string {
	for i := 0; i < 3 && strings.HasPrefix(line, " "); i++ {
		line = line[1:]
	}
	return line
}

func countLeading(s string, c byte) int {
	n := 0
	for n < len(s) && s[n] == c {
		n++
	}
	return n
}

// span is a half-open byte range [start, end).
type span struct{ start, end int }

// codeSpans returns the inline code spans in s[from:to], which must hold no
// fence. A run of n backticks opens a span that the next run of exactly n
// backticks in the same paragraph closes; unmatched runs are literal text.
func codeSpans(s string, from, to int) []span {
	var out []span
	para := from
	for i := from; i < to; {
		end, next := lineAt(s[:to], i)
		if strings.TrimSpace(s[i:end]) == "" {
			out = appendCodeSpans(out, s, para, i)
			para = next
		}
		i = next
	}
	return appendCodeSpans(out, s, para, to)
}

// appendCodeSpans matches backtick runs within one paragraph s[from:to].
// Runs are indexed by length first so that matching stays linear.
func appendCodeSpans(out []span, s string, from, to int) []span {
	type run struct{ pos, n int }
	var runs []run
	for i := from; i < to; {
		k := strings.IndexByte(s[i:to], '`')
		if k < 0 {
			break
		}
		i += k
		n := countLeading(s[i:to], '`')
		runs = append(runs, run{i, n})
		i += n
	}
	nextSame := make([]int, len(runs))
	last := make(map[int]int)
	for r := len(runs) - 1; r >= 0; r-- {
		nextSame[r] = -1
		if q, ok := last[runs[r].n]; ok {
			nextSame[r] = q
		}
		last[runs[r].n] = r
	}
	for r := 0; r < len(runs); {
		p := runs[r].pos
		escaped := p > from && s[p-1] == '\\' // \` is a literal backtick
		q := nextSame[r]
		if escaped || q < 0 {
			r++
			continue
		}
		out = append(out, span{p, runs[q].pos + runs[q].n})
		r = q + 1
	}
	return out
}

// codeRegions returns the fences and inline code spans of s, in order.
func codeRegions(s string) []span {
	var out []span
	prev := 0
	for _, f := range parseFences(s) {
		out = append(out, codeSpans(s, prev, f.start)...)
		out = append(out, span{f.start, f.end})
		prev = f.end
	}
	return append(out, codeSpans(s, prev, len(s))...)
}

// outsideCode applies fn to each stretch of s that is not code and copies
// code as it is.
func outsideCode(s string, fn func(string) string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/16)
	prev := 0
	for _, r := range codeRegions(s) {
		b.WriteString(fn(s[prev:r.start]))
		b.WriteString(s[r.start:r.end])
		prev = r.end
	}
	b.WriteString(fn(s[prev:]))
	return b.String()
}

// mentionRE matches what Discord would turn into a ping: @everyone, @here
// and raw user or role mentions.
var (
	mentionRE = regexp.MustCompile(`(?i)@(?:everyone|here)|<@[!&]?[0-9]+>`)
	anyURLRE  = regexp.MustCompile(`(?i)<https?://[^\s<>]+>`)
)

// Neutralize inserts a zero-width space after the "@" of @everyone, @here
// (in any case) and raw mentions such as <@123>, <@!123> and <@&123>, so
// that they read as text even where allowed_mentions were forgotten. Code
// and <…>-wrapped URLs are left untouched: neither pings, and a changed URL
// would lead elsewhere.
//
// It also removes the bidirectional embedding, override and isolate
// controls (U+202A–U+202E, U+2066–U+2069), code included: text a model or
// a document wrote is not to reverse the display of what follows it, the
// bot's own notes and sources on the same line among them.
func Neutralize(s string) string {
	if strings.ContainsFunc(s, isBidiControl) {
		s = strings.Map(func(r rune) rune {
			if isBidiControl(r) {
				return -1
			}
			return r
		}, s)
	}
	return outsideCode(s, func(t string) string { return outsideURLs(t, neutralize) })
}

// outsideURLs applies fn to each stretch of s that is not a <…>-wrapped
// URL and copies the URLs as they are: a changed URL would lead elsewhere.
func outsideURLs(s string, fn func(string) string) string {
	var b strings.Builder
	prev := 0
	for _, u := range anyURLRE.FindAllStringIndex(s, -1) {
		b.WriteString(fn(s[prev:u[0]]))
		b.WriteString(s[u[0]:u[1]])
		prev = u[1]
	}
	b.WriteString(fn(s[prev:]))
	return b.String()
}

// isBidiControl reports the explicit bidirectional formatting characters
// that change the order text is shown in. The marks (LRM, RLM, ALM) only
// settle the direction of neutral characters and stay.
func isBidiControl(r rune) bool {
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

func neutralize(s string) string {
	return mentionRE.ReplaceAllStringFunc(s, func(m string) string {
		at := strings.IndexByte(m, '@')
		return m[:at+1] + "\u200b" + m[at+1:]
	})
}

// WrapURLs wraps bare http(s) URLs in <…> so that Discord shows no embed
// or preview for them, and turns Markdown links [text](url) into
// [text](<url>) for the same reason. URLs already in <…> and URLs in code
// are left alone. Trailing punctuation and an unbalanced closing
// parenthesis are not taken as part of a URL.
func WrapURLs(md string) string {
	return outsideCode(md, wrapURLs)
}

var (
	angleURLRE = regexp.MustCompile(`^(?i)<https?://[^\s<>]+>`)
	linkOpenRE = regexp.MustCompile(`^\[[^\[\]\n]*\]\(`)
	// A citation marker glued to the end of a URL belongs to the text.
	urlMarkerRE = regexp.MustCompile(`\[[0-9]+(?:,[0-9]+)*\]$`)
)

func wrapURLs(s string) string {
	var b strings.Builder
	prev := 0
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '<':
			if m := angleURLRE.FindStringIndex(s[i:]); m != nil {
				i += m[1]
				continue
			}
		case c == '[':
			m := linkOpenRE.FindStringIndex(s[i:])
			if m == nil {
				break
			}
			u := i + m[1] // start of the link destination
			if strings.HasPrefix(s[u:], "<") {
				i = u // already wrapped: the '<' case copies it
				continue
			}
			n := urlPrefix(s[u:])
			if n == 0 {
				break
			}
			e := u + urlExtent(s[u:], true)
			if e < len(s) && s[e] == ')' && e-u > n {
				b.WriteString(s[prev:u])
				b.WriteString("<" + s[u:e] + ">")
				prev, i = e, e
				continue
			}
			i = u // not a plain [text](url): let the bare-URL case look inside
			continue
		case c == 'h' || c == 'H':
			n := urlPrefix(s[i:])
			if n == 0 || (i > 0 && isWordBefore(s[:i])) {
				break
			}
			e := i + trimURL(s[i:i+urlExtent(s[i:], false)])
			if e-i <= n {
				break
			}
			b.WriteString(s[prev:i])
			b.WriteString("<" + s[i:e] + ">")
			prev, i = e, e
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	if prev == 0 {
		return s
	}
	b.WriteString(s[prev:])
	return b.String()
}

// urlPrefix returns the length of a leading "http://" or "https://" (any
// case), or 0.
func urlPrefix(s string) int {
	for _, p := range []string{"https://", "http://"} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return len(p)
		}
	}
	return 0
}

func isWordBefore(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// urlExtent returns how far a URL at the start of s could reach: up to
// space, angle brackets, quotes or backticks. Inside a Markdown link it
// also stops at a closing parenthesis that has no opening one.
func urlExtent(s string, inLink bool) int {
	depth := 0
	for i, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '<' || r == '>' || r == '"' || r == '`':
			return i
		case r == '(':
			depth++
		case r == ')':
			if depth == 0 && inLink {
				return i
			}
			depth--
		}
	}
	return len(s)
}

// trimURL drops what is probably prose from the end of a bare URL:
// sentence punctuation, emphasis markers, an unbalanced closing bracket and
// a glued citation marker. It returns the new length.
func trimURL(u string) int {
	for {
		r, size := utf8.DecodeLastRuneInString(u)
		switch {
		case strings.ContainsRune(".,;:!?*_~'…。，、；：！？", r):
		case r == ')' && strings.Count(u, ")") > strings.Count(u, "("):
		case r == ']' && strings.Count(u, "]") > strings.Count(u, "["):
		case r == ']' && urlMarkerRE.MatchString(u):
			u = u[:urlMarkerRE.FindStringIndex(u)[0]]
			continue
		default:
			return len(u)
		}
		u = u[:len(u)-size]
	}
}

// maxTableWidth is the widest table, in columns, that is drawn as an aligned
// block; wider ones wrap badly on phones and become bullet lists instead.
const maxTableWidth = 60

// ConvertTables rewrites GFM tables, which Discord does not render, into
// something readable: an aligned monospaced block in a ``` fence for narrow
// tables and a bullet list for wide ones. Everything outside tables,
// including code fences, is returned unchanged.
func ConvertTables(md string) string {
	fs := parseFences(md)
	// inFence is only asked about increasing offsets, so it walks fs once.
	inFence := func(i int) bool {
		for len(fs) > 0 && fs[0].end < i {
			fs = fs[1:]
		}
		return len(fs) > 0 && fs[0].start <= i
	}
	var b strings.Builder
	prev := 0
	for i := 0; i < len(md); {
		end, next := lineAt(md, i)
		if inFence(i) || next >= len(md) {
			i = next
			continue
		}
		dEnd, dNext := lineAt(md, next)
		header, ok := mdtable.MarkedRow(md[i:end])
		if !ok || inFence(next) {
			i = next
			continue
		}
		align, ok := mdtable.Delimiter(md[next:dEnd])
		if !ok || len(align) != len(header) {
			i = next
			continue
		}
		var rows [][]string
		last, j := dEnd, dNext
		for j < len(md) && !inFence(j) {
			e, nx := lineAt(md, j)
			row, ok := mdtable.MarkedRow(md[j:e])
			if !ok {
				break
			}
			rows = append(rows, mdtable.Fit(row, len(header)))
			last, j = e, nx
		}
		b.WriteString(md[prev:i])
		b.WriteString(renderTable(header, align, rows))
		prev, i = last, j
	}
	if prev == 0 {
		return md
	}
	b.WriteString(md[prev:])
	return b.String()
}

func renderTable(header []string, align []mdtable.Align, rows [][]string) string {
	plain := func(row []string) []string {
		out := make([]string, len(row))
		for i, c := range row {
			out[i] = plainCell(c)
		}
		return out
	}
	ph := plain(header)
	prows := make([][]string, len(rows))
	widths := make([]int, len(header))
	fits := true
	for i, row := range append([][]string{header}, rows...) {
		p := ph
		if i > 0 {
			p = plain(row)
			prows[i-1] = p
		}
		for k, c := range p {
			widths[k] = max(widths[k], mdtable.Width(c))
			// A ``` inside the block would end the fence early.
			fits = fits && !strings.Contains(c, "```")
		}
	}
	total := 3 * (len(widths) - 1)
	for _, w := range widths {
		total += w
	}
	if !fits || total > maxTableWidth {
		return renderBullets(header, rows)
	}
	var b strings.Builder
	b.WriteString("```\n")
	writeLine := func(cells []string) {
		var line strings.Builder
		for k, c := range cells {
			if k > 0 {
				line.WriteString(" | ")
			}
			line.WriteString(mdtable.Pad(c, widths[k], align[k]))
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
	writeLine(ph)
	seps := make([]string, len(widths))
	for k, w := range widths {
		seps[k] = strings.Repeat("-", w)
	}
	b.WriteString(strings.Join(seps, "-+-") + "\n")
	for _, p := range prows {
		writeLine(p)
	}
	b.WriteString("```")
	return b.String()
}

// renderBullets writes one bullet per row: "• **Header**: value — …".
// Empty cells are left out.
func renderBullets(header []string, rows [][]string) string {
	names := make([]string, len(header))
	for i, h := range header {
		if h = strings.ReplaceAll(h, "**", ""); h != "" {
			names[i] = "**" + h + "**"
		}
	}
	if len(rows) == 0 {
		return strings.Join(names, " — ")
	}
	var lines []string
	for _, row := range rows {
		var items []string
		for i, c := range row {
			switch {
			case c == "":
			case names[i] == "":
				items = append(items, c)
			default:
				items = append(items, names[i]+": "+c)
			}
		}
		if len(items) > 0 {
			lines = append(lines, "• "+strings.Join(items, " — "))
		}
	}
	return strings.Join(lines, "\n")
}

// plainCell prepares a cell for a monospaced block, where Markdown shows
// literally: bold markers go, code spans keep only their content.
func plainCell(c string) string {
	var b strings.Builder
	prev := 0
	for _, sp := range codeSpans(c, 0, len(c)) {
		b.WriteString(strings.ReplaceAll(c[prev:sp.start], "**", ""))
		n := countLeading(c[sp.start:], '`')
		b.WriteString(strings.TrimSpace(c[sp.start+n : sp.end-n]))
		prev = sp.end
	}
	b.WriteString(strings.ReplaceAll(c[prev:], "**", ""))
	return b.String()
}
