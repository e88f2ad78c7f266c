package answer

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Citations is what ParseCitations makes of a reply.
type Citations struct {
	// Text is the reply with every citation rewritten as [n] in order of
	// first use ([1][3] for several) and references to passages that were
	// not given removed.
	Text string
	// Used maps new numbers to given ones: [i+1] in Text cites passage
	// Used[i] of the prompt.
	Used []int
	// Dropped lists, once each in order of appearance, the numbers cited
	// that were not given.
	Dropped []int
}

// ParseCitations finds the citations of a reply to a prompt that gave
// passages 1..given. It reads [2], [1, 3], [1][2], [1] [2], ranges [1-3],
// full-width brackets and digits (［２］) and Arabic-Indic digits ([٢]).
// A bracket right after another opening bracket does not start a citation,
// which keeps the rewrite from ever forming a new one out of the text around
// a removed reference.
func ParseCitations(text string, given int) Citations {
	var (
		c    Citations
		b    strings.Builder
		next = make(map[int]int) // given number → new number
		seen = make(map[int]bool)
		last int
	)
	// Invalid bytes either side of a removed citation could join into a
	// digit; model output is UTF-8 anyway.
	text = strings.ToValidUTF8(text, "\uFFFD")
	b.Grow(len(text))
	scanCitations(text, func(start, end int, nums []int) {
		b.WriteString(text[last:start])
		last = end
		var kept []int
		for _, n := range nums {
			if n < 1 || n > given {
				if n > 0 && !seen[n] {
					seen[n] = true
					c.Dropped = append(c.Dropped, n)
				}
				continue
			}
			m, ok := next[n]
			if !ok {
				c.Used = append(c.Used, n)
				m = len(c.Used)
				next[n] = m
			}
			if !containsInt(kept, m) {
				kept = append(kept, m)
			}
		}
		if len(kept) == 0 {
			dropRun(&b)
			return
		}
		for _, m := range kept {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(m))
			b.WriteByte(']')
		}
	})
	b.WriteString(text[last:])
	c.Text = b.String()
	return c
}

// dropRun trims the spaces before a removed citation ("claim [9]." →
// "claim."). If that leaves an unclosed bracket of digits that the text
// after could complete into a new citation ("[1[9]]"), a word joiner keeps
// the two apart.
func dropRun(b *strings.Builder) {
	s := b.String()
	if t := strings.TrimRight(s, " \t"); t != s {
		b.Reset() // a Builder cannot shrink; this only happens on drops
		b.WriteString(t)
		s = t
	}
	if partialGroup(s) {
		b.WriteString("\u2060")
	}
}

// partialGroup reports whether s ends in an opening bracket followed only by
// digits, separators and spaces.
func partialGroup(s string) bool {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		switch {
		case isOpenBracket(r):
			return true
		case digitValue(r) >= 0, isSeparator(r), r == ' ', r == '\t':
			s = s[:len(s)-size]
		default:
			return false
		}
	}
	return false
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// scanCitations calls fn for each run of citations in text: groups like
// [1, 2] directly adjacent or separated by spaces. start and end are byte
// offsets of the run; nums are its numbers in order, -1 for one too long to
// be a citation.
func scanCitations(text string, fn func(start, end int, nums []int)) {
	var prev rune
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isOpenBracket(r) || isOpenBracket(prev) {
			prev = r
			i += size
			continue
		}
		nums, end, ok := parseGroup(text, i, nil)
		if !ok {
			prev = r
			i += size
			continue
		}
		for {
			j := end
			for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
				j++
			}
			more, e, ok := parseGroup(text, j, nums)
			if !ok {
				break
			}
			nums, end = more, e
		}
		fn(i, end, nums)
		prev = ']'
		i = end
	}
}

// parseGroup parses one bracketed group at text[i:], appending its numbers
// to nums.
func parseGroup(text string, i int, nums []int) ([]int, int, bool) {
	r, size := utf8.DecodeRuneInString(text[i:])
	if !isOpenBracket(r) {
		return nums, i, false
	}
	j := i + size
	rangeFrom := -2 // the number before a '-', or -2
	for {
		n, e, ok := parseNumber(text, j)
		if !ok {
			return nums, i, false
		}
		j = e
		if rangeFrom >= 1 && n > rangeFrom && n-rangeFrom <= 50 {
			for k := rangeFrom + 1; k < n; k++ {
				nums = append(nums, k)
			}
		}
		nums = append(nums, n)
		j = skipSpaces(text, j)
		r, size := utf8.DecodeRuneInString(text[j:])
		if isCloseBracket(r) {
			return nums, j + size, true
		}
		if !isSeparator(r) {
			return nums, i, false
		}
		rangeFrom = -2
		if r == '-' || r == '–' {
			rangeFrom = n
		}
		j = skipSpaces(text, j+size)
	}
}

func skipSpaces(s string, j int) int {
	for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j++
	}
	return j
}

// parseNumber reads digits at s[j:]. More than six digits is no passage
// number: it reads as -1.
func parseNumber(s string, j int) (int, int, bool) {
	n, digits := 0, 0
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		d := digitValue(r)
		if d < 0 {
			break
		}
		if digits < 7 {
			n = n*10 + d
		}
		digits++
		j += size
	}
	if digits == 0 {
		return 0, j, false
	}
	if digits > 6 {
		n = -1
	}
	return n, j, true
}

func digitValue(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '٠' && r <= '٩': // Arabic-Indic
		return int(r - '٠')
	case r >= '۰' && r <= '۹': // Extended Arabic-Indic
		return int(r - '۰')
	case r >= '０' && r <= '９': // full-width
		return int(r - '０')
	}
	return -1
}

func isOpenBracket(r rune) bool  { return r == '[' || r == '［' }
func isCloseBracket(r rune) bool { return r == ']' || r == '］' }

func isSeparator(r rune) bool {
	switch r {
	case ',', '，', '،', ';', '；', '-', '–':
		return true
	}
	return false
}
