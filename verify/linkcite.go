package verify

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"corpusbot/text"
)

// Forms a small local model writes around its citations (round thirteen,
// docs/benchmarks.md).

// withoutReferenceLinks writes a Markdown reference-style link whose label
// is a passage's number, "[a pair of values][1]", as its text and the
// citation, "a pair of values [1]": models trained on Markdown cite as a
// reference link would, and Discord draws no reference links, so the
// brackets were shown around the words. Outside code only; a label that is
// no number ("[text][ref]") stays.
func withoutReferenceLinks(raw string) string {
	if !strings.Contains(raw, "][") {
		return raw
	}
	code, open := codeRanges(raw)
	var b strings.Builder
	last := 0
	for i := 0; i < len(raw); {
		k := strings.Index(raw[i:], "][")
		if k < 0 {
			break
		}
		mid := i + k
		i = mid + 2
		// The label: digits (and commas) up to "]".
		e := mid + 2
		for e < len(raw) && (raw[e] >= '0' && raw[e] <= '9' || raw[e] == ',' || raw[e] == ' ') {
			e++
		}
		if e == mid+2 || e >= len(raw) || raw[e] != ']' || strings.Trim(raw[mid+2:e], ", ") == "" {
			continue
		}
		// The text: back to its "[" on the same line, no brackets inside.
		s := strings.LastIndexAny(raw[last:mid], "[]\n")
		if s < 0 || raw[last+s] != '[' || s+last+1 == mid || inRanges(code, open, mid) {
			continue
		}
		s += last
		// Words, not a citation: "[1][2]" and "[Source 1][2]" are two.
		if !strings.ContainsFunc(raw[s+1:mid], unicode.IsLetter) || skipLabel(raw, s+1) > s+1 {
			continue
		}
		if s > 0 && (raw[s-1] == '!' || raw[s-1] == '\\') {
			continue // an image, an escaped bracket
		}
		b.WriteString(raw[last:s])
		b.WriteString(raw[s+1 : mid])
		b.WriteString(" ")
		b.WriteString(raw[mid+1 : e+1])
		last = e + 1
		i = last
	}
	if last == 0 {
		return raw
	}
	b.WriteString(raw[last:])
	return b.String()
}

// withCitationLinesJoined joins a line that holds only a citation and its
// quote ("[1] «…».") to the claim on the line above that it ends: a model
// that wraps its lines put the claim's citation on the next line, and the
// two showed as a claim without its citation over a citation without its
// claim. The line above must be prose that has not ended (no sentence
// punctuation, colon or citation at its end), outside code.
func withCitationLinesJoined(raw string) string {
	if !strings.Contains(raw, "\n") {
		return raw
	}
	code, open := codeRanges(raw)
	var b strings.Builder
	last := 0
	for i := 0; i < len(raw); i++ {
		if raw[i] != '\n' {
			continue
		}
		j := i + 1
		for j < len(raw) && (raw[j] == ' ' || raw[j] == '\t') {
			j++
		}
		if j >= len(raw) || raw[j] != '[' || inRanges(code, open, i) {
			continue
		}
		end := j + 1
		if end < len(raw) && raw[end] == '^' {
			end++
		}
		d := end
		for end < len(raw) && (raw[end] >= '0' && raw[end] <= '9' || raw[end] == ',' || raw[end] == ' ') {
			end++
		}
		if end == d || end >= len(raw) || raw[end] != ']' {
			continue
		}
		rest := strings.TrimLeft(raw[end+1:], " \t")
		if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
			rest = rest[:nl]
		}
		r, _ := utf8.DecodeRuneInString(rest)
		if rest != "" && strings.TrimRight(rest, ".,;!?。 ") != "" {
			if _, quote := quotePairs[r]; !quote {
				continue // "[1]: …" a reference, "[1] text" an entry
			}
		}
		prev := strings.TrimRight(raw[strings.LastIndexByte(raw[:i], '\n')+1:i], " \t")
		p, _ := utf8.DecodeLastRuneInString(prev)
		if prev == "" || strings.ContainsRune(".!?。！？:：]»”\"'", p) || !unicode.IsLetter(p) && !unicode.IsDigit(p) && !strings.ContainsRune("*_`)", p) {
			continue
		}
		b.WriteString(raw[last:i])
		b.WriteByte(' ')
		last = j
	}
	if last == 0 {
		return raw
	}
	b.WriteString(raw[last:])
	return b.String()
}

// inRanges reports whether i is in code: one of its ranges, or after
// open, a fence never closed (codeRanges).
func inRanges(code []text.Span, open, i int) bool {
	if open >= 0 && i >= open {
		return true
	}
	for _, c := range code {
		if i >= c.Start && i < c.End {
			return true
		}
	}
	return false
}

// withLeadingCitationsMoved writes a line that opens with its citation and
// ends with its quote, "[1] claim «…».", as the prompt asks for it,
// "claim [1] «…».": a model that numbers its claims by their sources
// writes the citation first. Before, the quote was shown and the claim
// marked as having none. Only a line whose last thing is a quote in
// quotation marks (a reference list's entry, "[1] Title — link", stays),
// after a list marker or none, outside code. With partial set, raw is a
// prefix of a reply still streaming, and a last line that may open with
// its citation is held back: how it ends decides how it reads ("[1]
// «a! «" shows "[1]!" verified, "[1] «a! «b»" the claim "«a!").
func withLeadingCitationsMoved(raw string, partial bool) string {
	if !strings.Contains(raw, "[") {
		return raw
	}
	if partial {
		start := strings.LastIndexByte(raw, '\n') + 1
		body := strings.TrimLeft(raw[start:], " \t")
		if k := listPrefix(body); k > 0 {
			body = body[k:]
		}
		if mayOpenWithCitation(body) {
			raw = raw[:start]
		}
	}
	code, open := codeRanges(raw)
	var b strings.Builder
	last := 0
	for start := 0; start < len(raw); {
		end := strings.IndexByte(raw[start:], '\n')
		if end < 0 {
			end = len(raw)
		} else {
			end += start
		}
		line := raw[start:end]
		if moved, ok := leadingCitationMoved(line); ok && !inRanges(code, open, start) {
			b.WriteString(raw[last:start])
			b.WriteString(moved)
			last = end
		}
		start = end + 1
	}
	if last == 0 {
		return raw
	}
	b.WriteString(raw[last:])
	return b.String()
}

// mayOpenWithCitation reports whether body, a line's start after its list
// marker, is or may become "[1] …" that leadingCitationMoved moves as more
// arrives. Once a bracket stands after the citation with no quotation
// mark before it that a claim precedes ("[1] See [2] and …"), no ending
// moves it: the claim a move needs has no brackets, and its quote opens
// before them, so the line shows as it streams.
func mayOpenWithCitation(body string) bool {
	if !strings.HasPrefix(body, "[") {
		return false
	}
	e := 1
	for e < len(body) && (body[e] >= '0' && body[e] <= '9' || body[e] == ',' || body[e] == ' ') {
		e++
	}
	switch {
	case e == len(body):
		return true
	case e == 1 || body[e] != ']':
		return false
	case e+1 == len(body):
		return true
	case body[e+1] != ' ':
		return false
	}
	rest := strings.TrimSpace(body[e+1:])
	bracket := strings.IndexAny(rest, "[]")
	if bracket < 0 {
		return true
	}
	for q, r := range rest[:bracket] {
		if _, ok := quotePairs[r]; ok && q > 0 && strings.ContainsFunc(rest[:q], unicode.IsLetter) {
			return true
		}
	}
	return false
}

func leadingCitationMoved(line string) (string, bool) {
	body := strings.TrimLeft(line, " \t")
	prefix := line[:len(line)-len(body)]
	if k := listPrefix(body); k > 0 {
		prefix, body = prefix+body[:k], body[k:]
	}
	if !strings.HasPrefix(body, "[") {
		return "", false
	}
	e := 1
	for e < len(body) && (body[e] >= '0' && body[e] <= '9' || body[e] == ',' || body[e] == ' ') {
		e++
	}
	if e == 1 || e >= len(body) || body[e] != ']' || e+1 >= len(body) || body[e+1] != ' ' {
		return "", false
	}
	cite, rest := body[:e+1], strings.TrimSpace(body[e+1:])
	trimmed := strings.TrimRight(rest, ".。 ")
	closing, size := utf8.DecodeLastRuneInString(trimmed)
	var opening rune
	for o, c := range quotePairs {
		if c == closing && (opening == 0 || o == '«' || o == '“' || o == '"') {
			opening = o
		}
	}
	if opening == 0 || size == 0 {
		return "", false
	}
	q := strings.LastIndex(trimmed[:len(trimmed)-size], string(opening))
	if q <= 0 {
		return "", false
	}
	claim := strings.TrimSpace(trimmed[:q])
	if !strings.ContainsFunc(claim, unicode.IsLetter) || strings.ContainsAny(claim, "[]") {
		return "", false
	}
	return prefix + claim + " " + cite + " " + rest[len(strings.TrimSpace(trimmed[:q])):], true
}
