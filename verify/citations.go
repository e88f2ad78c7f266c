package verify

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"corpusbot/text"
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
// passages 1..given. It reads [2], [ 2 ], [1, 3], [1][2], [1] [2], ranges [1-3],
// full-width and CJK brackets (［２］, 【2】, 〔2〕), footnote and tool forms
// ([^2], ^[2], [2†source]), parenthesised numbers that were given and do not
// open a line ((2), and "(1:2)", a part of one digit, where "(1:30)" is a
// time), but for a legal reference's ("section 5(1)(a)", "(a)(2)"), and
// full-width and Arabic-Indic digits ([٢]).
// Numbers in code ("`grep [2]`", fenced blocks) are left as written.
// A bracket right after another opening bracket does not start a citation,
// which keeps the rewrite from ever forming a new one out of the text around
// a removed reference.
func ParseCitations(text string, given int) Citations {
	var (
		b    strings.Builder
		rn   = renumbering{given: given}
		last int
		// prev is what the last run wrote, while only spaces follow it.
		prev []int
	)
	// Invalid bytes either side of a removed citation could join into a
	// digit; model output is UTF-8 anyway.
	text = strings.ToValidUTF8(text, "\uFFFD")
	b.Grow(len(text))
	// write writes text between runs. Parentheses right after a citation
	// ("(1)(0)" → "[1](0)", or "(1)((1 ))" → "[1]([1])" once their own
	// citation is written) would read as a link's target and be lost on a
	// second pass; a word joiner keeps the two apart.
	write := func(s string) {
		if len(prev) > 0 && strings.HasPrefix(s, "(") {
			b.WriteString("\u2060")
		}
		b.WriteString(s)
	}
	scanCitationsGiven(text, given, false, func(start, end int, nums []int) {
		kept := rn.keep(nums)
		if len(prev) > 0 && skipSpaces(text, last) >= start {
			// A run that something the rewrite removes ("^") kept
			// from the last one joins it: "(1) ^(2)" written "[1] [2]"
			// would read as one run, "[1][2]", and "(1)^(1)" written
			// "[1][1]" as "[1]".
			kept = slices.DeleteFunc(kept, func(m int) bool { return slices.Contains(prev, m) })
			prev = append(prev, kept...)
		} else {
			write(text[last:start])
			prev = kept
		}
		last = end
		if len(kept) == 0 {
			dropRun(&b, text[end:])
		} else {
			// "\(2)" → "\[1]" would read as an escaped citation;
			// a word joiner keeps the backslash to itself.
			if escapes(b.String()) {
				b.WriteString("\u2060")
			}
			writeCitations(&b, kept)
		}
	})
	write(text[last:])
	return Citations{Text: b.String(), Used: rn.used, Dropped: rn.dropped}
}

// renumbering numbers the passages a reply cites by first use.
type renumbering struct {
	given   int
	next    map[int]int // given number → new number
	seen    map[int]bool
	used    []int
	dropped []int
}

// keep returns the new numbers of a run's citations, once each, recording
// first uses and numbers that were not given.
func (rn *renumbering) keep(nums []int) []int {
	if rn.next == nil {
		rn.next, rn.seen = map[int]int{}, map[int]bool{}
	}
	var kept []int
	for _, n := range nums {
		if n < 1 || n > rn.given {
			if n > 0 && !rn.seen[n] {
				rn.seen[n] = true
				rn.dropped = append(rn.dropped, n)
			}
			continue
		}
		m, ok := rn.next[n]
		if !ok {
			rn.used = append(rn.used, n)
			m = len(rn.used)
			rn.next[n] = m
		}
		if !containsInt(kept, m) {
			kept = append(kept, m)
		}
	}
	return kept
}

func writeCitations(b *strings.Builder, nums []int) {
	for _, m := range nums {
		b.WriteByte('[')
		b.WriteString(strconv.Itoa(m))
		b.WriteByte(']')
	}
}

// dropRun trims the spaces before a removed citation ("claim [9]." →
// "claim."); after is the text that follows it. If that leaves an unclosed
// bracket of digits that after could complete into a new citation
// ("[1[9]]"), puts two closing brackets together ("[[0][9]]"), or joins
// two runs of backticks into one ("`a`[9]`"), which would change what is
// code, or leaves a backslash before a bracket, which would escape it
// into a citation of its own ("\[0\]"), a word joiner keeps the two apart.
func dropRun(b *strings.Builder, after string) {
	s := b.String()
	if t := strings.TrimRight(s, " \t"); t != s {
		b.Reset() // a Builder cannot shrink; this only happens on drops
		b.WriteString(t)
		s = t
	}
	if partialGroup(s) || strings.HasSuffix(s, "`") && strings.HasPrefix(after, "`") || joinsInBrackets(s, after) || closesTwice(s, after) ||
		escapes(s) && strings.HasPrefix(after, "[") {
		b.WriteString("\u2060")
	}
}

// closesTwice reports whether a drop between s and after puts two closing
// brackets side by side: "[[0][9]]" would read "[[0]]", a wiki's doubled
// brackets around a citation the reply never wrote.
func closesTwice(s, after string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	a, _ := utf8.DecodeRuneInString(after)
	return isCloseBracket(r) && isCloseBracket(a)
}

// joinsInBrackets reports whether a drop between s and after joins two
// pieces of a word inside an open bracket: "[So[0]urce 1]" would read
// "[Source 1]", a citation the reply never wrote.
func joinsInBrackets(s, after string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	a, _ := utf8.DecodeRuneInString(after)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) || !unicode.IsLetter(a) && !unicode.IsDigit(a) {
		return false
	}
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		switch {
		case isOpenAny(r):
			return true
		case isCloseBracket(r), isCloseParen(r), r == '\n':
			return false
		}
		s = s[:len(s)-size]
	}
	return false
}

// partialGroup reports whether s ends in an opening bracket followed only by
// digits, separators and spaces.
func partialGroup(s string) bool {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		switch {
		case isOpenAny(r):
			return true
		case digitValue(r) >= 0, superDigit(r) >= 0, circledValue(r) > 0, isSeparator(r), r == ' ', r == '\t', r == '^', r == ':',
			r == '#', r == 'p', r == 'P', r == '\\':
			s = s[:len(s)-size]
		default:
			return false
		}
	}
	return false
}

// escapes reports whether s ends in a backslash that escapes what follows:
// an odd number of them ("\\" is a backslash escaped).
func escapes(s string) bool {
	n := len(s) - len(strings.TrimRight(s, `\`))
	return n%2 == 1
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// ReplyCites reports whether line, of a model's reply to a prompt that gave
// passages 1..given, cites one of them as the reply is read: footnote
// superscripts too, which ParseCitations leaves to passages' own text.
func ReplyCites(line string, given int) bool {
	cites := false
	scanCitationsGiven(line, given, true, func(_, _ int, nums []int) {
		for _, n := range nums {
			cites = cites || n >= 1 && n <= given
		}
	})
	return cites
}

// ScanCitations calls fn for each run of citations in text: groups like
// [1, 2] directly adjacent or separated by spaces. start and end are byte
// offsets of the run; nums are its numbers in order, -1 for one too long to
// be a citation. Parenthesised numbers are never citations here; see
// scanCitationsGiven.
func ScanCitations(text string, fn func(start, end int, nums []int)) {
	scanCitationsGiven(text, 0, false, fn)
}

// scanCitationsGiven is ScanCitations for a reply to a prompt that gave
// passages 1..given. It also reads a parenthesised group, "(2)" or
// "（1, 3）", as a citation when every number in it was given and it does
// not open its line, where it numbers a list item. With footnotes set, text
// is a model's reply, whose superscript numbers after a word are its
// footnotes (footnoteAfter); in a passage's text ("population 1.2
// million³", copied from an encyclopedia) they are not the bot's.
func scanCitationsGiven(text string, given int, footnotes bool, fn func(start, end int, nums []int)) {
	var prev rune
	floor := 0 // the end of the last run: its text is not taken again
	code, _ := codeRanges(text)
	for i := 0; i < len(text); {
		if len(code) > 0 && i >= code[0].Start {
			if i < code[0].End {
				i, prev = code[0].End, '`'
			}
			code = code[1:]
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if footnotes && given > 0 && (superDigit(r) >= 0 || r == '⁽' || r == '<') && footnoteAfter(text[:i]) {
			parse := parseSuperscripts
			if r == '<' {
				parse = parseSupTag
			}
			if nums, end, ok := parse(text, i, given); ok {
				fn(i, end, nums)
				prev = ']'
				i, floor = end, end
				continue
			}
		}
		if footnotes && given > 0 && (r == '{' || r == '<' || circledValue(r) > 0) {
			if nums, end, ok := parseLoose(text, i, given); ok {
				fn(i, end, nums)
				prev = ']'
				i, floor = end, end
				continue
			}
		}
		// "git-rm(1)", "printf(3)": a manual page's section, glued to
		// its name, is no citation; nor a legal reference's number after
		// a subdivision ("§ 552(a)(1)", "(a)(2)").
		// Nor a link's target, "[#1](1)" (the fuzzer's find: read as
		// "[#1][1]", a second reading made it "[1]").
		// A bracket escaped by a backslash opens no citation of its own:
		// it is read only as the escaped form ("\[2][3\]", "\[ 2 \]").
		if !isOpenAny(r) && !escapedOpen(text, i) || isOpenBracket(prev) || r == '[' && escapes(text[:i]) || isOpenParen(r) && (isASCIIAlnum(prev) || isCloseParen(prev) || prev == ']' && i > 0 && text[i-1] == ']') {
			prev = r
			i += size
			continue
		}
		nums, end, ok := parseWrapped(text, i, nil, given)
		if !ok {
			prev = r
			i += size
			continue
		}
		for {
			j := skipSpaces(text, end)
			more, e, ok := parseWrapped(text, j, nums, given)
			if !ok {
				break
			}
			nums, end = more, e
		}
		// Carets go with a citation in parentheses too: "^(1)" written
		// "^[1]" would lose its caret on a second reading.
		start := caretStart(text, i, floor)
		fn(start, end, nums)
		prev = ']'
		i, floor = end, end
	}
}

// caretStart is where the carets before a citation at i begin ("^[1]",
// Pandoc's inline note), not before floor: they go with it. Carets after
// an opening bracket stay, so that no bracket is left to open the
// citation ("[^[1]").
func caretStart(text string, i, floor int) int {
	j := i
	for j > floor && text[j-1] == '^' {
		j--
	}
	if r, _ := utf8.DecodeLastRuneInString(text[:j]); j < i && j > 0 && isOpenBracket(r) {
		return i
	}
	return j
}

// parseWrapped is parseGroupGiven that also reads a group in doubled
// brackets, "[[2]]", as a wiki's link or a template would write it.
func parseWrapped(text string, i int, nums []int, given int) ([]int, int, bool) {
	r, size := utf8.DecodeRuneInString(text[i:])
	if isOpenBracket(r) && i+size < len(text) {
		if inner, _ := utf8.DecodeRuneInString(text[i+size:]); isOpenBracket(inner) {
			more, end, ok := parseGroupGiven(text, i+size, nums, given)
			if close, cs := utf8.DecodeRuneInString(text[end:]); ok && isCloseBracket(close) {
				// "[[1]](https://…)": a search tool's link around the citation.
				return more, linkTarget(text, end+cs), true
			}
			return nums, i, false
		}
	}
	return parseGroupGiven(text, i, nums, given)
}

func isASCIIAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// parseGroupGiven parses one group at text[i:]: square brackets of any
// width or style ([2], ［２］, 【2】, 〔2〕), a footnote form ([^2]), a tool
// form ([2†source]), or, when given > 0, parentheses (see
// scanCitationsGiven).
func parseGroupGiven(text string, i int, nums []int, given int) ([]int, int, bool) {
	r, size := utf8.DecodeRuneInString(text[i:])
	paren := isOpenParen(r)
	// "\[1\]": a reply whose brackets were escaped for Markdown. Unpadded
	// only: "\[ 2 \]" is LaTeX's display math of a number. Escaped on
	// one side only, "\[2]" and "[3\]", it shows as a citation too.
	escaped := escapedOpen(text, i)
	if escaped {
		size = 2
	}
	if paren {
		if given <= 0 || lineStart(text, i) {
			return nums, i, false
		}
	} else if !isOpenBracket(r) && !escaped {
		return nums, i, false
	}
	n0 := len(nums)
	j := i + size
	if !paren && j < len(text) && text[j] == '^' {
		j++
	}
	// "[ 1 ]": a model pads the number as it pads the closing bracket.
	k := skipSpaces(text, j)
	padded := k > j
	j = k
	j = skipLabel(text, j) // "[Source 1]", "[passage: 2]", "(Source: 2)"
	rangeFrom := -2        // the number before a '-', or -2
	part := false          // a part in parentheses, "(1:2)", was read
	// prefix is "#" or "p" when the group's first number had one ("[#1]",
	// "[p1]", "[p1, p2]"): such a number cites only a passage that was
	// given, else it is left as written ("[#1234]" is an issue).
	prefix := byte(0)
	for {
		negative := !paren && j+1 < len(text) && text[j] == '-' && digitValue(rune(text[j+1])) >= 0
		if negative {
			j++
		}
		if k, c := numberPrefix(text, j); !paren && !negative && given > 0 && k > j && (prefix == 0 && len(nums) == n0 || prefix == c) {
			j, prefix = k, c
		}
		n, e, ok := parseNumber(text, j)
		if !ok && !paren && !negative {
			n, e, ok = parseSuperNumber(text, j) // "[¹]"
		}
		if !ok && !paren && !negative && prefix == 0 {
			n, e, ok = parseCircled(text, j) // "[①]"
		}
		if !ok || prefix != 0 && (n < 1 || n > given) {
			return nums[:n0], i, false
		}
		j = e
		if negative {
			n = -1 // "[-1]": no passage, dropped as one
		}
		// "【4:0†source】": a tool's message and annotation, no passage.
		if k := toolRef(text, j); !paren && k > j {
			n, j = -1, k
		} else if k := partRef(text, j); k > j {
			// "[1:2]": part 2 of passage 1, in a reply only, and of a
			// passage it was given: "[10:30]" is a time. In parentheses
			// only a part of one digit: "(1:30)" is a time, "(3:16)" a
			// verse, "(1:2)" a part.
			if given <= 0 || n < 1 || n > given || paren && !onePart(text[j:k]) {
				return nums[:n0], i, false
			}
			j, part = k, part || paren
		}
		if rangeFrom >= 1 && n > rangeFrom && n-rangeFrom <= 50 {
			for k := rangeFrom + 1; k < n; k++ {
				nums = append(nums, k)
			}
		}
		nums = append(nums, n)
		if !paren && strings.HasPrefix(text[j:], "†") {
			k := strings.IndexAny(text[j:], "]］】〕")
			if k < 0 || k > 80 {
				return nums[:n0], i, false
			}
			j += k
		}
		if escaped {
			if strings.HasPrefix(text[j:], `\]`) && !padded {
				return nums, linkTarget(text, j+2), true
			}
			if strings.HasPrefix(text[skipSpaces(text, j):], `\]`) {
				return nums[:n0], i, false // "\[2 \]", "\[ 2\]": padded, math
			}
		}
		j = skipSpaces(text, j)
		r, size := utf8.DecodeRuneInString(text[j:])
		if !paren && !escaped && strings.HasPrefix(text[j:], `\]`) {
			r, size = ']', 2 // "[3\]"
		}
		if !paren && isCloseBracket(r) || paren && isCloseParen(r) {
			if paren {
				for _, n := range nums[n0:] {
					if n < 1 || n > given {
						return nums[:n0], i, false
					}
				}
			}
			if paren {
				// "(1)(a)", "(2)(iv)": a legal reference's number and
				// subdivision ("under section 5(1)(a)"), no citation.
				if subdivision(text[j+size:]) || part && !endsClaim(text[j+size:]) {
					return nums[:n0], i, false
				}
				return nums, j + size, true
			}
			if prefix == '#' && linkTarget(text, j+size) > j+size {
				// "[#12](https://…/issues/12)": a link to an issue.
				return nums[:n0], i, false
			}
			return nums, linkTarget(text, j+size), true
		}
		if !isSeparator(r) {
			return nums[:n0], i, false
		}
		rangeFrom = -2
		if r == '-' || r == '–' {
			rangeFrom = n
		}
		j = skipSpaces(text, j+size)
	}
}

// escapedOpen reports whether text[i:] opens with a Markdown-escaped
// bracket, "\[".
func escapedOpen(text string, i int) bool {
	return strings.HasPrefix(text[i:], `\[`) && !escapes(text[:i])
}

// numberPrefix returns the end of a "#" or "p"/"P" right before a digit at
// s[j:] ("#1", "p1": a model numbering passages as a tracker or its own
// prompt might), and which, folded to "#" or "p"; j and 0 when there is
// none. "p. 12", a page, has a dot.
func numberPrefix(s string, j int) (int, byte) {
	if j+1 >= len(s) || digitValue(rune(s[j+1])) < 0 {
		return j, 0
	}
	switch s[j] {
	case '#':
		return j + 1, '#'
	case 'p', 'P':
		return j + 1, 'p'
	}
	return j, 0
}

// circledValue is the number of a circled digit or number ("①" 1, "⑳" 20,
// "㊿" 50, "❶" 1, "➀" 1), or -1. A circled number is one rune, never a
// digit of a longer number.
func circledValue(r rune) int {
	switch {
	case r >= '①' && r <= '⑳':
		return int(r-'①') + 1
	case r >= '㉑' && r <= '㉟':
		return int(r-'㉑') + 21
	case r >= '㊱' && r <= '㊿':
		return int(r-'㊱') + 36
	case r >= '❶' && r <= '❿':
		return int(r-'❶') + 1
	case r >= '➀' && r <= '➉':
		return int(r-'➀') + 1
	case r >= '➊' && r <= '➓':
		return int(r-'➊') + 1
	case r >= '⓵' && r <= '⓾':
		return int(r-'⓵') + 1
	}
	return -1
}

// parseCircled reads one circled number at s[j:] ("[①]", as a model
// numbering passages in the manner of Chinese and Japanese notes writes
// it), as parseNumber reads digits.
func parseCircled(s string, j int) (int, int, bool) {
	r, size := utf8.DecodeRuneInString(s[j:])
	if n := circledValue(r); n > 0 {
		return n, j + size, true
	}
	return 0, j, false
}

// superDigit is the value of a superscript digit, or -1.
func superDigit(r rune) int {
	switch r {
	case '⁰':
		return 0
	case '¹':
		return 1
	case '²':
		return 2
	case '³':
		return 3
	}
	if r >= '⁴' && r <= '⁹' {
		return int(r-'⁴') + 4
	}
	return -1
}

// footnoteAfter reports whether a superscript number after before is a
// footnote a model wrote for a citation ("values¹²", "local.³", "値²"),
// not an exponent or a unit ("10⁶", "m²", "km²", "mc²") or a mark the
// reader put (⚠¹): it follows a word of three letters or more, a letter
// of a script written without spaces, or a sentence's punctuation or
// closing quotation mark after a letter.
func footnoteAfter(before string) bool {
	r, size := utf8.DecodeLastRuneInString(before)
	if strings.ContainsRune(".,;:\"”»’。、", r) {
		before = before[:len(before)-size]
		r, size = utf8.DecodeLastRuneInString(before)
		if !unicode.IsLetter(r) {
			return false
		}
	}
	if text.IsUnspaced(r) {
		return true
	}
	letters := 0
	for letters < 3 && unicode.IsLetter(r) {
		letters++
		before = before[:len(before)-size]
		r, size = utf8.DecodeLastRuneInString(before)
	}
	return letters == 3
}

// parseSuperscripts reads a run of superscript digits at text[i:] as
// citations of passages 1..given: the number when it was given ("¹²" of
// twelve passages), else each digit when all were ("¹²" is [1][2]), else
// none. More than three digits are no citation.
func parseSuperscripts(text string, i, given int) ([]int, int, bool) {
	var digits []int
	j := i
	paren := strings.HasPrefix(text[i:], "⁽") // "⁽¹⁾"
	if paren {
		j += len("⁽")
	}
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		d := superDigit(r)
		if d < 0 {
			break
		}
		digits = append(digits, d)
		j += size
	}
	if paren {
		if !strings.HasPrefix(text[j:], "⁾") {
			return nil, i, false
		}
		j += len("⁾")
	}
	if len(digits) == 0 || len(digits) > 3 {
		return nil, i, false
	}
	n := 0
	for _, d := range digits {
		n = n*10 + d
	}
	if n >= 1 && n <= given {
		return []int{n}, j, true
	}
	for _, d := range digits {
		if d < 1 || d > given {
			return nil, i, false
		}
	}
	return digits, j, true
}

// parseLoose reads a citation a model writes in a form of its own, in a
// reply: "{1}", "<1>", "{1, 2}", or a bare circled number "①" (as
// Chinese and Japanese notes number), at text[i:]. Each is also a set, a
// placeholder, a tag's look or a list's step, so it is read only where a
// citation stands: after a word or a sentence's end, not opening a line,
// every number given, and closing the claim (endsClaim: punctuation, the
// line's or text's end, a quote) or followed by another citation.
// "手順① を実行し" (step ①) and "a set {1} and" stay as written.
func parseLoose(text string, i, given int) ([]int, int, bool) {
	if lineStart(text, i) {
		return nil, i, false
	}
	before := strings.TrimRight(text[:i], " ")
	if p, _ := utf8.DecodeLastRuneInString(before); !unicode.IsLetter(p) && !unicode.IsMark(p) && !unicode.IsDigit(p) && !strings.ContainsRune(".。!?！？\"”»)]}>", p) && circledValue(p) < 0 {
		return nil, i, false
	}
	var nums []int
	j := i
	r, size := utf8.DecodeRuneInString(text[i:])
	if n := circledValue(r); n > 0 {
		nums, j = []int{n}, i+size
	} else {
		closing := byte('}')
		if r == '<' {
			closing = '>'
		}
		k := strings.IndexByte(text[i:min(len(text), i+24)], closing)
		if k < 0 {
			return nil, i, false
		}
		for _, f := range strings.Split(text[i+1:i+k], ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil {
				return nil, i, false
			}
			nums = append(nums, n)
		}
		j = i + k + 1
	}
	for _, n := range nums {
		if n < 1 || n > given {
			return nil, i, false
		}
	}
	if !endsClaim(text[j:]) {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(text[j:], " "))
		if r != '{' && r != '<' && circledValue(r) <= 0 {
			return nil, i, false
		}
	}
	return nums, j, true
}

// parseSupTag reads an HTML superscript at text[i:] as citations of
// passages 1..given, as a model writing HTML footnotes does:
// "<sup>1</sup>", "<sup>1,2</sup>", "<sup>[1]</sup>". Every number must
// have been given.
func parseSupTag(text string, i, given int) ([]int, int, bool) {
	const open, closing = "<sup>", "</sup>"
	if len(text)-i < len(open) || !strings.EqualFold(text[i:i+len(open)], open) {
		return nil, i, false
	}
	e := indexFold(text[i:min(len(text), i+40)], closing)
	if e < 0 {
		return nil, i, false
	}
	inner := strings.Trim(text[i+len(open):i+e], "[] ")
	var nums []int
	for _, f := range strings.Split(inner, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 || n > given {
			return nil, i, false
		}
		nums = append(nums, n)
	}
	return nums, i + e + len(closing), true
}

// maxLinkTarget bounds the target of a citation written as a markdown
// link.
const maxLinkTarget = 300

// linkTarget returns the end of a markdown link's target, "(#)" or
// "(https://…)", right after a citation's closing bracket at s[j:]: a model
// that writes its citations as links ("[1](#)", Azure's "[doc1](https://…)")
// means the passage, and the target, shown raw, is noise. j when there is
// none: a target holds no space and closes its parentheses.
func linkTarget(s string, j int) int {
	if j >= len(s) || s[j] != '(' {
		return j
	}
	depth := 0
	for k := j; k < len(s) && k-j <= maxLinkTarget; k++ {
		switch c := s[k]; {
		case c == '(':
			depth++
		case c == ')':
			if depth--; depth == 0 {
				if k == j+1 {
					return j // "[1]()": no target
				}
				return k + 1
			}
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '<' || c == '>':
			return j
		}
	}
	return j
}

// lineStart reports whether only spaces or a list marker stand between the
// start of i's line and i.
func lineStart(text string, i int) bool {
	k := strings.LastIndexByte(text[:i], '\n') + 1
	return strings.TrimLeft(text[k:i], " \t-*•") == ""
}

// skipSpaces skips spaces, tabs and invisible format characters, which a
// citation may carry ("[9\u200b]" reads as [9]). Not the word joiner:
// dropRun writes it to keep text apart that must not read as a citation.
func skipSpaces(s string, j int) int {
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if r != ' ' && r != '\t' && (r == '\u2060' || !unicode.Is(unicode.Cf, r)) {
			break
		}
		j += size
	}
	return j
}

// citationLabels are the words a model may put before a citation's
// number: "[Source 1]", "[passage: 2]", "[ref 3]", and their likes in the
// bot's languages, Persian, Bengali and Hebrew, which a model answering in them writes
// ("[Джерело 1]", "[Nguồn 1]", "[منبع ۱]").
var citationLabels = []string{"sources", "source", "passages", "passage", "references", "reference", "refs", "ref", "documents", "document", "docs", "doc",
	"extrait", "référence", "réf", "quelle", "quellen", "abschnitt", "dokument", "fuente", "fuentes", "pasaje", "documento", "documentos",
	"referencia", "fonte", "fontes", "trecho", "passagem", "fonti", "passaggio", "riferimento", "bron", "bronnen", "fragment",
	"źródło", "źródła", "zdroj", "källa", "kilde", "lähde", "forrás", "izvor", "šaltinis", "sursa", "sursă", "kaynak", "kaynaklar",
	"sumber", "dokumen", "nguồn", "đoạn", "tài liệu", "πηγή", "πηγές", "источник", "источники", "фрагмент", "документ",
	"джерело", "джерела", "източник", "مصدر", "المصدر", "مقطع", "منبع", "منابع", "स्रोत", "แหล่งที่มา",
	"সূত্র", "উৎস", "מקור", "מקורות", "来源", "來源", "出处", "出處", "段落", "文档", "文件", "出典", "文書", "출처", "문서"}

// skipLabel skips a label word at s[j:] when a number follows it, with a
// colon, "#" or spaces between. The label is a whole word: "[Docker 1]"
// has none.
func skipLabel(s string, j int) int {
	for _, l := range citationLabels {
		if len(s)-j <= len(l) || !strings.EqualFold(s[j:j+len(l)], l) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[j+len(l):]); unicode.IsLetter(r) {
			continue // "documento" is not "document"
		}
		k := skipSpaces(s, j+len(l))
		if k < len(s) && (s[k] == ':' || s[k] == '#') {
			k = skipSpaces(s, k+1)
		} else if strings.HasPrefix(s[k:], "：") {
			k = skipSpaces(s, k+len("："))
		}
		if _, _, ok := parseNumber(s, k); ok {
			return k
		}
		return j
	}
	return j
}

// toolRef returns the end of ":0" in a tool's "4:0†source" at s[j:], where
// j is after "4"; j when there is none.
func toolRef(s string, j int) int {
	if j >= len(s) || s[j] != ':' {
		return j
	}
	_, e, ok := parseNumber(s, j+1)
	if !ok || !strings.HasPrefix(s[e:], "†") {
		return j
	}
	return e
}

// partRef is the end of a line or part reference after a passage number
// at s[j:] (":2", ":3-5", ":1–2"), or j when there is none: a model may
// cite the line it read, and the passage is what is cited.
func partRef(s string, j int) int {
	if j >= len(s) || s[j] != ':' {
		return j
	}
	_, e, ok := parseNumber(s, j+1)
	if !ok {
		return j
	}
	if r, size := utf8.DecodeRuneInString(s[e:]); r == '-' || r == '–' {
		if _, e2, ok := parseNumber(s, e+size); ok {
			e = e2
		}
	}
	return e
}

// onePart reports whether ref, a partRef (":2"), is a part of one digit.
func onePart(ref string) bool {
	return len(ref) == 2 && ref[1] >= '1' && ref[1] <= '9'
}

// endsClaim reports whether s, after a part in parentheses ("(1:2)"),
// opens as what follows a citation does: the end of the text, a line or
// a clause, a quote or another citation. "a (1:2) mix of water" is a
// ratio within the sentence.
func endsClaim(s string) bool {
	s = strings.TrimLeft(s, " \t")
	r, _ := utf8.DecodeRuneInString(s)
	return s == "" || strings.ContainsRune(".,;:!?。，；：！？\n«“\"„「[(【（［", r)
}

// subdivision reports whether s opens with a legal subdivision in
// parentheses: "(a)", "(iv)", "(B)", up to four letters.
func subdivision(s string) bool {
	if len(s) < 3 || s[0] != '(' {
		return false
	}
	k := 1
	for k < len(s) && k <= 5 && (s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z') {
		k++
	}
	return k > 1 && k < len(s) && s[k] == ')'
}

// parseSuperNumber reads superscript digits at s[j:] ("¹²" is 12), as
// parseNumber reads digits.
func parseSuperNumber(s string, j int) (int, int, bool) {
	return parseDigits(s, j, superDigit)
}

// parseNumber reads digits at s[j:]. More than six digits is no passage
// number: it reads as -1.
func parseNumber(s string, j int) (int, int, bool) {
	return parseDigits(s, j, digitValue)
}

// parseDigits reads the runes at s[j:] that value gives a digit (≥ 0) as
// a number, and where it ends; more than six digits read as -1.
func parseDigits(s string, j int, value func(rune) int) (int, int, bool) {
	n, digits := 0, 0
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		d := value(r)
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
	case r >= '०' && r <= '९': // Devanagari
		return int(r - '०')
	case r >= '๐' && r <= '๙': // Thai
		return int(r - '๐')
	case r >= '০' && r <= '৯': // Bengali
		return int(r - '০')
	}
	return -1
}

func isOpenBracket(r rune) bool {
	return r == '[' || r == '［' || r == '【' || r == '〔' || r == '〖'
}

func isCloseBracket(r rune) bool {
	return r == ']' || r == '］' || r == '】' || r == '〕' || r == '〗'
}

func isOpenParen(r rune) bool  { return r == '(' || r == '（' }
func isCloseParen(r rune) bool { return r == ')' || r == '）' }
func isOpenAny(r rune) bool    { return isOpenBracket(r) || isOpenParen(r) }

func isSeparator(r rune) bool {
	switch r {
	case ',', '，', '،', ';', '；', '-', '–':
		return true
	}
	return false
}

// codeRanges returns the byte ranges of s that are code, in order: fenced
// blocks (``` or ~~~ lines to the closing line, or to the end) and inline
// code (a run of backticks to the next run of the same length in its
// paragraph). Code is quoted literally: "[2]" inside it is no citation.
// open is where code starts that s does not close yet: an unclosed fence,
// or a backtick run of the last paragraph that nothing matches (-1 when
// none); a streaming reply is held back from there.
func codeRanges(s string) (out []text.Span, open int) {
	open = -1
	para := 0 // start of the current paragraph outside fences
	inline := func(from, to int, last bool) {
		runs := [][2]int{} // start, length
		for i := from; i < to; {
			k := strings.IndexByte(s[i:to], '`')
			if k < 0 {
				break
			}
			i += k
			n := 0
			for i+n < to && s[i+n] == '`' {
				n++
			}
			runs = append(runs, [2]int{i, n})
			i += n
		}
		for a := 0; a < len(runs); a++ {
			b := a + 1
			for b < len(runs) && runs[b][1] != runs[a][1] {
				b++
			}
			if b == len(runs) {
				if last && open < 0 {
					open = runs[a][0]
				}
				continue
			}
			out = append(out, text.Span{Start: runs[a][0], End: runs[b][0] + runs[b][1]})
			a = b
		}
	}
	for i := 0; i < len(s); {
		end, next := lineEnd(s, i)
		line := strings.TrimLeft(s[i:end], " \t")
		switch {
		case strings.TrimSpace(line) == "":
			inline(para, i, false)
			para = next
		case strings.HasPrefix(line, "```") || strings.HasPrefix(line, "~~~"):
			inline(para, i, false)
			marker := line[:3]
			j := next
			closed := false
			for j < len(s) {
				e, nx := lineEnd(s, j)
				if strings.HasPrefix(strings.TrimSpace(s[j:e]), marker) {
					out = append(out, text.Span{Start: i, End: e})
					next, closed = nx, true
					break
				}
				j = nx
			}
			if !closed {
				out = append(out, text.Span{Start: i, End: len(s)})
				open = i
				return out, open
			}
			para = next
		}
		i = next
	}
	inline(para, len(s), true)
	return out, open
}

// lineEnd returns the end of the line of s starting at i, before its
// newline, and the start of the next line.
func lineEnd(s string, i int) (end, next int) {
	if k := strings.IndexByte(s[i:], '\n'); k >= 0 {
		return i + k, i + k + 1
	}
	return len(s), len(s)
}
