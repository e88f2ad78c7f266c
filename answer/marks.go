package answer

import (
	"strings"
)

// rendered is a reply as the reader sees it.
type rendered struct {
	text    string // citations renumbered, quotes taken out, marks in place
	history string // text without its marked sentences or citations: safe to feed back
	claims  []Claim
	used    []int
	dropped []int
	quotes  map[int]string // verified quote per renumbered citation
	// verified counts the claims whose citations are all backed by their
	// quotes (Verified or Weak): a reply with none is not an answer.
	verified int
}

// reader renders one reply, from its first streamed piece to its end.
// Rendering is per sentence and in order, so the rendering of a prefix of
// the reply is a prefix of the rendering of the whole: what streams is
// what the result says, marks included.
type reader struct {
	ck    *checker
	given int
	cache map[string]Claim
}

func newReader(st *state, blocks []*block, question string) *reader {
	return &reader{ck: newChecker(st, blocks, question), given: len(blocks), cache: map[string]Claim{}}
}

// render renders raw. With partial set, raw is still streaming: only the
// sentences that are complete are rendered.
func (rd *reader) render(raw string, partial bool) rendered {
	if partial {
		raw = raw[:stableCut(raw)]
	}
	sc := scanReply(raw, rd.given, partial)
	spans := sentences(sc.text)
	if partial && len(spans) > 0 {
		spans = spans[:len(spans)-1] // the last may go on
	}
	out := rendered{used: sc.used, dropped: sc.dropped, quotes: map[int]string{}}
	orphans := orphanQuotes(sc, spans)
	var text, hist strings.Builder
	prev, marks := 0, 0
	ri := 0
	for _, sp := range spans {
		var runs []citeRun
		for ri < len(sc.runs) && sc.runs[ri].start < sp.end {
			if sc.runs[ri].start >= sp.start {
				runs = append(runs, sc.runs[ri])
			}
			ri++
		}
		s := sc.text[sp.start:sp.end]
		plain := strings.TrimSpace(ParseCitations(s, 0).Text)
		plain = strings.TrimSpace(plain[listPrefix(plain):])
		gap := sc.text[prev:sp.start]
		prev = sp.end
		if plain == "" {
			// A citation alone, or a quote listed after the answer: it
			// backs the claims that cite its number, and is not shown.
			continue
		}
		for i := range runs {
			if runs[i].quote == "" {
				runs[i].quote = orphans[runs[i].nums[0]]
			}
		}
		c := rd.claim(plain, runs, sc.used)
		if c.Support != "" && c.Support != Verified {
			marks++
			c.Mark = marks
		}
		if c.Support == Verified || c.Support == Weak {
			out.verified++
			for n, q := range c.backed {
				if _, ok := out.quotes[n]; !ok {
					out.quotes[n] = q
				}
			}
		}
		out.claims = append(out.claims, c)
		if text.Len() > 0 {
			text.WriteString(gap)
		}
		if c.Marked() {
			text.WriteString(withMark(s, markText(c)))
		} else {
			text.WriteString(s)
			if hist.Len() > 0 {
				hist.WriteString(gapSpace(gap))
			}
			hist.WriteString(plain)
		}
	}
	out.text = text.String()
	out.history = hist.String()
	return out
}

func (rd *reader) claim(plain string, runs []citeRun, used []int) Claim {
	var key strings.Builder
	key.WriteString(plain)
	for _, r := range runs {
		key.WriteString("\x00" + r.quote + "\x01")
		for _, n := range r.nums {
			key.WriteString(itoa(n) + ",")
		}
	}
	if c, ok := rd.cache[key.String()]; ok {
		return c
	}
	c := rd.ck.check(plain, runs, used)
	rd.cache[key.String()] = c
	return c
}

// orphanQuotes collects quotes given on lines of their own ("[2] «…»"), as
// a model does that lists its quotes after the answer: each backs the
// citations of its number that came without one.
func orphanQuotes(sc scanned, spans []span) map[int]string {
	out := map[int]string{}
	for _, r := range sc.runs {
		if r.quote == "" || r.quoteBefore || len(r.nums) != 1 {
			continue
		}
		for _, sp := range spans {
			if r.start >= sp.start && r.start < sp.end {
				if strings.TrimSpace(ParseCitations(sc.text[sp.start:sp.end], 0).Text) == "" {
					if _, ok := out[r.nums[0]]; !ok {
						out[r.nums[0]] = r.quote
					}
				}
			}
		}
	}
	return out
}

// withMark puts mark at the start of sentence s, after a list marker or
// heading hashes that open it.
func withMark(s, mark string) string {
	i := listPrefix(s)
	return s[:i] + mark + " " + s[i:]
}

// listPrefix is the length of a list marker ("- ", "1. ", "> ") or heading
// hashes at the start of s.
func listPrefix(s string) int {
	for _, m := range []string{"- ", "* ", "• ", "– ", "> "} {
		if strings.HasPrefix(s, m) {
			return len(m)
		}
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' ' {
		return i + 2
	}
	return 0
}

// gapSpace keeps a paragraph break of the text between two kept sentences,
// else one space.
func gapSpace(gap string) string {
	if strings.Contains(gap, "\n") {
		return "\n"
	}
	return " "
}

// stripMarks removes the marked sentences of a text rendered earlier (a
// conversation turn stored before HistoryText existed, or by another
// client): they are not to be fed back as what was said.
func stripMarks(text string) string {
	var b strings.Builder
	prev := 0
	for _, sp := range sentences(text) {
		s := text[sp.start:sp.end]
		gap := text[prev:sp.start]
		prev = sp.end
		rest := s[listPrefix(s):]
		if strings.HasPrefix(rest, markUnverified) || strings.HasPrefix(rest, markUncited) {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(gapSpace(gap))
		}
		b.WriteString(s)
	}
	return b.String()
}

// stripMark removes a mark that opens s.
func stripMark(s string) string {
	i := listPrefix(s)
	rest := s[i:]
	for _, m := range []string{markUnverified, markUncited} {
		if strings.HasPrefix(rest, m) {
			rest = strings.TrimLeft(rest[len(m):], "⁰¹²³⁴⁵⁶⁷⁸⁹")
			return s[:i] + strings.TrimLeft(rest, " ")
		}
	}
	return s
}
