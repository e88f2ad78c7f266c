package verify

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Models trained on web text format in HTML as often as in Markdown:
// "<br>" between sentences or in a table's cell, "<b>…</b>",
// "<strong>…</strong>", "<em>…</em>", "<code>…</code>". Discord shows
// the tags as written; read as text, a "<br>" joined two sentences into
// one claim (a verified one then marked with its neighbour) and the tags'
// names were read as words ("em" is Portuguese, so an English answer was
// said to be in Portuguese). They are read as the Markdown they stand for.

// htmlLineBreak is a line break tag: <br>, <br/>, <br />, any case.
var htmlLineBreak = regexp.MustCompile(`(?i)<br\s*/?>`)

// htmlPaired is an emphasis or code element opened and closed on one
// line. Only pairs are read: a lone "<b>" may be the answer speaking of
// the tag.
var htmlPaired = regexp.MustCompile(`(?i)<(b|strong|i|em|code)>([^<>\n]+?)</(b|strong|i|em|code)>`)

// htmlMarkdown is the Markdown for an element's content.
var htmlMarkdown = map[string]string{"b": "**", "strong": "**", "i": "_", "em": "*"}

// withoutHTMLFormatting writes raw's line breaks and paired emphasis and
// code elements, outside code, as Markdown. A line break in a table's row
// (a line opening with "|") is a space: a new line would end the row.
// With partial set, raw is a prefix of a reply still streaming: it is cut
// before an element that opens on its last line and is not closed yet, so
// that the result of a prefix is a prefix of the result of the whole.
func withoutHTMLFormatting(raw string, partial bool) string {
	if !strings.Contains(raw, "<") {
		return raw
	}
	if partial {
		raw = raw[:htmlStableCut(raw)]
	}
	code, _ := codeRanges(raw)
	inCode := func(start, end int) bool {
		for _, c := range code {
			if start < c.End && end > c.Start {
				return true
			}
		}
		return false
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(raw); {
		k := strings.IndexByte(raw[i:], '<')
		if k < 0 {
			break
		}
		i += k
		if m := htmlLineBreak.FindStringIndex(raw[i:]); m != nil && m[0] == 0 && !inCode(i, i+m[1]) {
			b.WriteString(raw[last:i])
			ls := strings.LastIndexByte(raw[:i], '\n') + 1
			if strings.HasPrefix(strings.TrimLeft(raw[ls:i], " \t"), "|") {
				b.WriteString(" ")
			} else {
				b.WriteString("\n")
			}
			i += m[1]
			last = i
			continue
		}
		if m := htmlPaired.FindStringSubmatchIndex(raw[i:]); m != nil && m[0] == 0 && !inCode(i, i+m[1]) &&
			strings.EqualFold(raw[i+m[2]:i+m[3]], raw[i+m[6]:i+m[7]]) {
			tag, inner := strings.ToLower(raw[i+m[2]:i+m[3]]), raw[i+m[4]:i+m[5]]
			b.WriteString(raw[last:i])
			if mark, ok := htmlMarkdown[tag]; ok {
				b.WriteString(mark + inner + mark)
			} else {
				fence := "`"
				if strings.Contains(inner, "`") {
					fence = "``"
				}
				pad := ""
				if strings.HasPrefix(inner, "`") || strings.HasSuffix(inner, "`") {
					pad = " "
				}
				b.WriteString(fence + pad + inner + pad + fence)
			}
			i += m[1]
			last = i
			continue
		}
		i++
	}
	if last == 0 {
		return raw
	}
	b.WriteString(raw[last:])
	return b.String()
}

// htmlStableCut is how much of a streaming raw can be read now: all of it
// but an element opened on its last line and not closed yet, whose text
// may otherwise show, as sentences, before it is known to be emphasis. A
// tag still arriving at the end is no matter: it is in the sentence still
// going on, which a partial Render holds back.
func htmlStableCut(raw string) int {
	line := strings.LastIndexByte(raw, '\n') + 1
	lower := strings.ToLower(raw[line:])
	cut := len(raw)
	for tag := range htmlMarkdown {
		cut = min(cut, openElement(raw, lower, line, tag))
	}
	return min(cut, openElement(raw, lower, line, "code"))
}

// openElement is where the last line's (from line; lower is it
// lower-cased) last opening of tag that no closing follows starts, or
// len(raw).
func openElement(raw, lower string, line int, tag string) int {
	o := strings.LastIndex(lower, "<"+tag+">")
	if o < 0 || strings.Contains(lower[o:], "</"+tag+">") {
		return len(raw)
	}
	return line + o
}

// quoteInBrackets is a citation with its quote inside the brackets, as
// small models write it: "[1: «…»]", "[2, "…"]", "[3 “…”]".
var quoteInBrackets = regexp.MustCompile(`\[(\d{1,3})\s*[:,;]?\s*([«“"„「『‹])([^\]\n]+?)([»”"“」』›])\s*\]`)

// withoutQuoteInBrackets writes raw's citations that hold their quote
// ("[1: «…»]") as a citation and its quote ("[1] «…»"), outside code.
// Before, the citation was no citation: the claim was shown uncited, the
// brackets and quote in sight.
func withoutQuoteInBrackets(raw string) string {
	if !strings.Contains(raw, "[") {
		return raw
	}
	ms := quoteInBrackets.FindAllStringSubmatchIndex(raw, -1)
	if ms == nil {
		return raw
	}
	code, _ := codeRanges(raw)
	var b strings.Builder
	last := 0
	for _, m := range ms {
		inCode := false
		for _, c := range code {
			inCode = inCode || m[0] < c.End && m[1] > c.Start
		}
		open, _ := utf8.DecodeRuneInString(raw[m[4]:m[5]])
		closer, _ := utf8.DecodeRuneInString(raw[m[8]:m[9]])
		if inCode || quotePairs[open] != closer {
			continue
		}
		b.WriteString(raw[last:m[0]])
		b.WriteString("[" + raw[m[2]:m[3]] + "] " + raw[m[4]:m[9]])
		last = m[1]
	}
	b.WriteString(raw[last:])
	return b.String()
}
