package verify

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"corpusbot/prompts"
	"corpusbot/text"
)

// A model backs each cited claim with a verbatim quote of the passage it
// cites, written right after the citation (see prompts' system.tmpl):
//
//	Zhao Zhiguo is the ministry's spokesman [2] «Zhao Zhiguo, porte-parole».
//
// The quote is in the passage's language, whatever the answer's, so it can
// be checked mechanically in every language. Readers do not see it in the
// text: the citation stays, the quote goes, and "Show passage" emphasises
// it in the passage.

// citeRun is a run of citations in the display text, with the quote that
// backs it.
type citeRun struct {
	start, end int   // byte range in the display text
	nums       []int // renumbered, as in the display text
	quote      string
	// quoteBefore: the quote stands in the sentence just before the
	// citation (“words” [2]) and so stays in the text.
	quoteBefore bool
}

// scanned is a raw reply rewritten for display: citations renumbered,
// invalid ones removed, backing quotes taken out.
type scanned struct {
	text    string
	runs    []citeRun
	used    []int // [i+1] in text cites given passage used[i]
	dropped []int
	cutAt   []int // where in text a run of citations to no given passage was taken out
}

// quotePairs are the quotation marks a backing quote may use.
var quotePairs = map[rune]rune{
	'«': '»', '“': '”', '"': '"', '„': '“', '「': '」', '『': '』', '‹': '›', '»': '«',
	'‘': '’', '‚': '‘',
}

// scanReply rewrites raw for display. With partial set, raw is a prefix of
// a reply still streaming: it is cut before a citation run whose quote may
// still be coming, so that what is returned never changes as more arrives.
// verbatim, when not nil, tells whether s stands in given passage n: then
// parentheses without quotation marks after a citation ("[1] (exact
// words)") are its quote when their words do.
func scanReply(raw string, given int, partial bool, verbatim func(n int, s string) bool) scanned {
	raw = strings.ToValidUTF8(raw, "\uFFFD")
	raw = text.WithoutControls(raw) // NUL and the like: PostgreSQL refuses to store them
	raw = strings.ReplaceAll(raw, prompts.NoAnswer, "")
	var (
		sc   scanned
		b    strings.Builder
		rn   = renumbering{given: given}
		last int
		stop = -1 // partial: where the stable prefix ends
		// afterQuote: the last run's quote was taken out, so spaces up to
		// the next run are dropped ("[1] «a» [2] «b»" → "[1][2]")
		afterQuote bool
		// shown: the numbers the runs just before show, when nothing
		// but their quotes stands between them and the next run, which
		// shows only the others ("[1] «a» [1] «b»" → "[1]")
		shown []int
	)
	b.Grow(len(raw))
	scanCitationsGiven(raw, given, true, func(start, end int, nums []int) {
		if stop >= 0 || start < last {
			return // after the stable prefix, or inside a quote taken out
		}
		qStart, qEnd, quote, open := quoteAfter(raw, end)
		labelled := false
		if qStart < 0 && !open {
			qStart, qEnd, quote, open = labelledQuoteAfter(raw, end)
			labelled = qStart >= 0
		}
		if qStart < 0 && !open && verbatim != nil {
			// Mistral's form, "[1] (exact words)": a quote only when the
			// words stand in a passage the run cites, else an aside of
			// the answer, shown as written.
			ps, pe, inner, popen := parenAfter(raw, end)
			switch {
			case popen && partial:
				open = true // its words are not all there yet
			case ps >= 0 && !popen && citesVerbatim(nums, given, inner, verbatim):
				qStart, qEnd, quote = ps, pe, strings.TrimSpace(inner)
			}
		}
		// A run may have several quotes: a group one for each passage
		// ("[1, 2] «a» «b»"), a single citation two ("[1] «a» «b»"). The
		// later ones are checked as runs of their own, shown as this
		// one: left in the text, a quote of the model's own words stood
		// in quotation marks beside a verified claim.
		var more []string
		for qe := qEnd; qe > 0 && !open; {
			s2, e2, q2, open2 := quoteAfter(raw, qe)
			if open2 && partial {
				open = true // the next quote may be coming, or is not closed yet
				break
			}
			if s2 < 0 || strings.Contains(raw[qe:s2], "\n") {
				break
			}
			more = append(more, q2)
			qEnd, qe = e2, e2
		}
		if open && partial {
			stop = start
			return
		}
		gap := raw[last:start]
		if afterQuote && strings.TrimSpace(gap) == "" && !strings.Contains(gap, "\n") {
			gap = ""
		}
		b.WriteString(gap)
		if gap != "" || len(sc.runs) == 0 || sc.runs[len(sc.runs)-1].end != b.Len() {
			shown = nil
		}
		afterQuote = false
		kept := rn.keep(nums)
		from := last
		last = end
		if qEnd > 0 {
			last = qEnd
			afterQuote = true
		}
		// The sentence's end mark before a quote on the line under it
		// stays with the sentence (labelledQuoteAfter).
		endMark := ""
		if labelled {
			endMark = raw[end:qStart]
			// A claim without an end mark, the line under it its quote
			// taken out, would run on into the next line's claim as one
			// sentence: a paragraph break parts them.
			if next := strings.TrimLeft(raw[qEnd:], " \t\r"); endMark == "" && strings.HasPrefix(next, "\n") &&
				!strings.HasPrefix(strings.TrimLeft(next[1:], " \t\r"), "\n") && listPrefix(strings.TrimLeft(next[1:], " \t")) == 0 {
				endMark = "\n"
			}
		}
		if len(kept) == 0 {
			dropRun(&b, raw[last:])
			sc.cutAt = append(sc.cutAt, b.Len())
			return
		}
		run := citeRun{start: b.Len(), nums: kept, quote: quote}
		if qStart < 0 {
			// Only a quote after the last run's: one right before this
			// run may be that run's ("[1]«a»[2]": «a» is [1]'s).
			run.quote, run.quoteBefore = quoteBefore(raw[from:start])
		}
		var show []int
		for _, n := range kept {
			if !containsInt(shown, n) {
				show = append(show, n)
			}
		}
		if len(show) == 0 {
			// Another quote of what the run before shows: checked
			// as its own run, shown as that one.
			prev := sc.runs[len(sc.runs)-1]
			run.start, run.end = prev.start, prev.end
		} else {
			writeCitations(&b, show)
			run.end = b.Len()
		}
		shown = append(shown, show...)
		sc.runs = append(sc.runs, run)
		for _, q := range more {
			sc.runs = append(sc.runs, citeRun{start: run.start, end: run.end, nums: kept, quote: q})
		}
		b.WriteString(endMark)
	})
	if stop < 0 {
		b.WriteString(raw[last:])
	} else {
		b.WriteString(raw[last:stop])
	}
	sc.text, sc.used, sc.dropped = b.String(), rn.used, rn.dropped
	return sc
}

// maxQuoteScan is how far a quote's closing mark is looked for. A model
// may quote a passage at length; cut at maxQuoteRunes, the rest of such a
// quote, its closing mark included, was shown as prose of the answer.
const maxQuoteScan = 4000

// quoteAfter finds a quote right after a citation run ending at end:
// optional spaces or a colon, then quotation marks. It returns the quote's
// byte range (qStart -1 when there is none) and its inner text. open
// reports a quote not closed yet: at the end of the text, or at its end
// but for spaces or a partial opener.
func quoteAfter(raw string, end int) (qStart, qEnd int, quote string, open bool) {
	j := end
	colon := false
	for j < len(raw) {
		// Spaces, a colon or a dash may stand between a citation and its
		// quote: "[1]: «…»", "[1] — «…»".
		if raw[j] == ' ' || raw[j] == '\t' || raw[j] == ':' || raw[j] == '-' {
			colon = colon || raw[j] == ':'
			j++
		} else if strings.HasPrefix(raw[j:], "—") || strings.HasPrefix(raw[j:], "–") {
			j += len("—")
		} else {
			break
		}
	}
	if colon && j < len(raw) && (raw[j] == '\n' || raw[j] == '\r') {
		return blockQuoteAfter(raw, j)
	}
	// A quote in parentheses, "[1] («…»)": the parentheses go with it.
	paren := j < len(raw) && raw[j] == '('
	if paren {
		if r, _ := utf8.DecodeRuneInString(raw[j+1:]); j+1 < len(raw) && quotePairs[r] == 0 {
			paren = false
		} else {
			j++
		}
	}
	// A quote in emphasis, "[1] *«…»*", "[1] **“…”**": the markers go
	// with it.
	emph := ""
	if k := j + emphasisRun(raw[j:]); k > j {
		if r, _ := utf8.DecodeRuneInString(raw[k:]); k == len(raw) || quotePairs[r] != 0 {
			emph, j = raw[j:k], k
		}
	}
	if j == len(raw) {
		return -1, 0, "", true // the quote may follow
	}
	r, size := utf8.DecodeRuneInString(raw[j:])
	closer, ok := quotePairs[r]
	if r == '”' {
		// Swedish and Finnish quote ”so”: a quote when its closing mark
		// follows on the line (a stray one after a citation, as in
		// “claim [1]” more, opens nothing).
		line := raw[j+size:]
		if nl := strings.IndexByte(line, '\n'); nl >= 0 {
			line = line[:nl]
		}
		switch {
		case strings.ContainsRune(line, '”'):
			closer, ok = '”', true
		case !strings.Contains(raw[j:], "\n"):
			return -1, 0, "", true // its closing mark may follow
		}
	}
	if r == '\'' && j > end {
		// Straight single quotes, 'so', spaced from the citation ("[1]'s"
		// is no quote): a quote when a closing mark that is no apostrophe
		// ("useState's") follows on the line.
		line := raw[j+size:]
		nl := strings.IndexByte(line, '\n')
		if nl >= 0 {
			line = line[:nl]
		}
		for k := strings.IndexByte(line, '\''); k >= 0; {
			if !apostrophe(line, k+1, '\'') {
				closer, ok = '\'', true
				break
			}
			n := strings.IndexByte(line[k+1:], '\'')
			if n < 0 {
				break
			}
			k += 1 + n
		}
		if !ok && nl < 0 {
			return -1, 0, "", true // its closing mark may follow
		}
	}
	if !ok {
		if r == utf8.RuneError && !utf8.FullRuneInString(raw[j:]) {
			return -1, 0, "", true
		}
		return -1, 0, "", false
	}
	body := j + size
	limit := body
	firstLine := -1 // where the quote's first line ends, once it has crossed one
	for n := 0; limit < len(raw) && n < maxQuoteScan; n++ {
		c, cs := utf8.DecodeRuneInString(raw[limit:])
		if c == '\n' {
			// A quote copied with the passage's line break goes on to
			// its closing mark, within its paragraph.
			if firstLine < 0 {
				firstLine = limit
			}
			if strings.HasPrefix(strings.TrimLeft(raw[limit+1:], " \t\r"), "\n") {
				break
			}
		}
		if c == closer && !apostrophe(raw, limit+cs, c) {
			e := limit + cs
			if emph != "" {
				if strings.HasPrefix(raw[e:], emph) {
					e += len(emph)
				} else if partial := raw[e:]; len(partial) < len(emph) && strings.HasPrefix(emph, partial) {
					return j, e, raw[body:limit], true // its closing markers may follow
				}
			}
			if paren && e < len(raw) && raw[e] == ')' {
				e++
			} else if paren && e == len(raw) {
				return j, e, raw[body:limit], true // its parenthesis may follow
			}
			return j, e, raw[body:limit], false
		}
		if c == r && c != closer && firstLine < 0 {
			// Another quote opens before this one closes: this one never
			// did. It ends with its sentence, which leaves the next claim
			// and its citation in sight.
			if e := lastSentenceEnd(raw[body:limit]); e >= 0 {
				return j, body + e, raw[body : body+e], false
			}
			return j, limit, raw[body:limit], false
		}
		if firstLine >= 0 && (c == r || isOpenAny(c)) {
			break // the next line's own quote or citation: this one was never closed
		}
		limit += cs
	}
	if firstLine >= 0 {
		// Never closed within its paragraph: a model that forgot the
		// closing mark quoted to the end of the line. Open while the
		// paragraph may still bring it.
		return j, firstLine, raw[body:firstLine], limit == len(raw)
	}
	if limit == len(raw) {
		// Not closed yet; a finished reply that never closes it quoted
		// to the end.
		return j, len(raw), raw[body:], true
	}
	// Closed by the end of the line: a model that forgot the closing mark.
	return j, limit, raw[body:limit], false
}

// parenAfter finds parentheses right after a citation run ending at end,
// past spaces, on the citation's line: their byte range (pStart -1 when
// there are none) and inner text. open: not closed by the end of raw.
func parenAfter(raw string, end int) (pStart, pEnd int, inner string, open bool) {
	j := end
	for j < len(raw) && (raw[j] == ' ' || raw[j] == '\t') {
		j++
	}
	if j == len(raw) || raw[j] != '(' {
		return -1, 0, "", false
	}
	depth := 0
	for k := j; k < len(raw) && k-j < maxQuoteScan; k++ {
		switch raw[k] {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return j, k + 1, raw[j+1 : k], false
			}
		case '\n':
			return -1, 0, "", false
		}
	}
	if len(raw)-j < maxQuoteScan {
		return j, len(raw), raw[j+1:], true
	}
	return -1, 0, "", false
}

// citesVerbatim reports whether s stands in one of the given passages nums
// cites.
func citesVerbatim(nums []int, given int, s string, verbatim func(n int, s string) bool) bool {
	for _, n := range nums {
		if n >= 1 && n <= given && verbatim(n, s) {
			return true
		}
	}
	return false
}

// blockQuoteAfter reads a Markdown block quote on the lines after a
// citation that ends its line with a colon, at raw[j:] (the line break):
// "claim [1]:\n> exact words". The quote's range runs from the line break
// to the end of its last "> " line. open: the quote's lines may go on.
func blockQuoteAfter(raw string, j int) (qStart, qEnd int, quote string, open bool) {
	var parts []string
	k := j
	for k < len(raw) {
		line := k + 1
		if raw[k] == '\r' && line < len(raw) && raw[line] == '\n' {
			line++
		}
		c := line
		for c < len(raw) && (raw[c] == ' ' || raw[c] == '\t') {
			c++
		}
		if c == len(raw) {
			if len(parts) == 0 {
				return -1, 0, "", true // the quote may follow
			}
			break
		}
		if raw[c] != '>' {
			break
		}
		e := strings.IndexByte(raw[c:], '\n')
		if e < 0 {
			e = len(raw) - c
			open = true // the line may go on
		}
		parts = append(parts, strings.TrimSpace(strings.TrimRight(raw[c+1:c+e], "\r")))
		k = c + e
		if open {
			break
		}
	}
	if len(parts) == 0 {
		return -1, 0, "", false
	}
	q := strings.Join(parts, " ")
	if r, size := utf8.DecodeRuneInString(q); quotePairs[r] != 0 {
		if last, ls := utf8.DecodeLastRuneInString(q); len(q) > size && last == quotePairs[r] {
			q = q[size : len(q)-ls]
		}
	}
	return j, k, q, open || k == len(raw)
}

// emphasisRun is the length of the run of up to three emphasis markers
// ("*", "_") that opens s.
func emphasisRun(s string) int {
	n := 0
	for n < len(s) && n < 3 && (s[n] == '*' || s[n] == '_') {
		n++
	}
	return n
}

// lastSentenceEnd is the offset in s of the last sentence end (a full
// stop, "!" or "?" followed by a space, or an ideographic one), or -1.
func lastSentenceEnd(s string) int {
	end := strings.LastIndexAny(s, "。！？")
	for i := len(s) - 1; i > end+1; i-- {
		if s[i] == ' ' && strings.ContainsRune(".!?", rune(s[i-1])) {
			return i - 1
		}
	}
	return end
}

// apostrophe reports whether c, a closing single quote ending at end, is
// an apostrophe instead: a letter follows it ("‘the company’s users’").
func apostrophe(raw string, end int, c rune) bool {
	if c != '’' && c != '\'' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(raw[end:])
	return unicode.IsLetter(r)
}

// quoteBefore returns the quote that ends text (spaces aside), for the
// form “exact words” [2]: a quotation closed right before the citation and
// opened on the same line.
func quoteBefore(text string) (string, bool) {
	t := strings.TrimRight(text, " \t")
	r, size := utf8.DecodeLastRuneInString(t)
	var opener rune
	for o, c := range quotePairs {
		if c == r && o != '»' {
			opener = o
			break
		}
	}
	if opener == 0 {
		return "", false
	}
	inner := t[:len(t)-size]
	i := strings.LastIndex(inner, string(opener))
	if i < 0 || strings.Contains(inner[i:], "\n") || utf8.RuneCountInString(inner[i:]) > MaxQuoteRunes {
		return "", false
	}
	_, os := utf8.DecodeRuneInString(inner[i:])
	return inner[i+os:], true
}

// stableCut is the length of the longest prefix of raw whose rendering
// cannot change: raw without trailing spaces, without code that is not
// closed yet, and without a final citation that may still be in progress
// or be followed by another in its run.
func stableCut(raw string) int {
	cut := len(strings.TrimRight(raw, " \t"))
	// A run of backticks or tildes at the end may grow ("`" → "``",
	// "``" → a fence), changing what is code.
	// Spaces before them go too: a line of spaces not ended yet is no blank
	// line, and must not end the paragraph of a backtick run still open.
	cut = len(strings.TrimRight(raw[:cut], " \t`~"))
	if _, open := codeRanges(raw[:cut]); open >= 0 {
		// Code not closed yet: a citation-like "[2]" in it is no citation
		// once it is, so nothing from there is final.
		cut = len(strings.TrimRight(raw[:open], " \t"))
	}
	i := strings.LastIndexAny(raw[:cut], "[［【〔〖(（")
	if i > 0 && raw[i-1] == '\\' {
		i-- // "\[1\]" opens at its backslash
	}
	if i >= 0 && openCitation(raw[i:cut]) {
		cut = len(strings.TrimRight(raw[:i], " \t"))
	}
	return cut
}

// openCitation reports whether tail, starting with an opening bracket,
// may still become a citation or the last of a run: a bracket followed
// only by digits, separators and spaces, or a whole group.
func openCitation(tail string) bool {
	r, size := utf8.DecodeRuneInString(tail)
	if isOpenParen(r) {
		tail = "[" + tail[size:] // a complete "(2)" may be a citation too
		if last, ls := utf8.DecodeLastRuneInString(tail); isCloseParen(last) {
			tail = tail[:len(tail)-ls] + "]"
		}
	}
	// Any number may be a passage given: "[p1]" and "[#1]" are read only
	// as a reply's citations.
	if _, end, ok := parseGroupGiven(tail, 0, nil, math.MaxInt32); ok {
		return end == len(tail)
	}
	return partialGroup(tail)
}

// SaysNoAnswer reports whether an uncited reply is the model declining:
// the marker, or a plain statement that the passages do not say. Phrases in
// the bot's likely reply languages; the marker is what the prompt asks for.
func SaysNoAnswer(reply string) bool {
	reply = unwrapReply(reply, false, nil)
	t := strings.ToLower(reply)
	if strings.Contains(reply, prompts.NoAnswer) {
		return true
	}
	for _, p := range noAnswerPhrases {
		if strings.Contains(t, p) {
			return true
		}
	}
	return false
}

var noAnswerPhrases = []string{
	"not cover", "n't cover", "do not answer", "does not answer", "don't answer", "doesn't answer",
	"do not contain", "does not contain", "don't contain", "doesn't contain",
	"do not mention", "does not mention", "don't mention", "doesn't mention", "not mentioned",
	"no information", "not in the corpus", "do not say", "does not say", "do not provide", "does not provide",
	"ne couvre", "ne couvrent", "ne contien", "ne mentionne", "aucune information", "ne précise", "ne disent",
	"لا تتناول", "لا يتناول", "لا تغطي", "لا يغطي", "لا تحتوي", "لا يحتوي", "لا تذكر", "لا يذكر",
	"没有涉及", "沒有涉及", "未提及", "没有提到", "沒有提到",
	"could not find", "couldn't find", "cannot find", "can't find", "unable to find", "did not find", "didn't find",
	"no relevant", "not found in", "i don't know", "i do not know", "no answer", "not able to answer",
	"n'ai pas trouvé", "ne trouve pas", "pas d'information", "aucune mention", "ne permettent pas",
	"لم أجد", "لا أعرف", "لا توجد معلومات", "لا تتضمن", "لا يتضمن",
	"没有找到", "沒有找到", "未找到", "找不到", "没有相关", "沒有相關", "无法回答", "無法回答",
	// Declines in more of the languages a model answers in (round five),
	// worded about the documents, since an uncited sentence holding one
	// is no claim.
	"не містять відомостей", "не містять інформації", "не згадується", "не згадують", "немає інформації", "немає відомостей",
	"не вдалося знайти", "не знайшов", "не знайшла",
	"не содержат сведений", "не содержат информации", "не упоминается", "не упоминают", "нет информации", "нет сведений",
	"не удалось найти", "не нашёл", "не нашел", "не нашла",
	"không đề cập", "không có thông tin", "không tìm thấy",
	"اطلاعاتی ندار", "اطلاعاتی وجود ندارد", "اشاره\u200cای نشده", "اشاره ای نشده", "ذکر نشده", "پیدا نکردم",
	"keine angaben", "keine informationen", "nicht erwähnt",
	"no mencionan", "no se menciona", "no hay información", "no encontré",
	// Round six: Hindi, Thai, Greek, Polish.
	"जानकारी नहीं", "उल्लेख नहीं", "नहीं मिली", "नहीं मिला",
	"ไม่ได้กล่าวถึง", "ไม่มีข้อมูล", "ไม่พบข้อมูล", "ไม่ได้ระบุ",
	"δεν αναφέρ", "δεν περιέχουν πληροφορ", "δεν υπάρχουν πληροφορ", "δεν βρήκα",
	"nie zawierają informacji", "nie wspominają", "nie ma informacji", "nie znalazłem", "nie znalazłam",
	// Round seven: Portuguese (Discord's pt-BR; the catalogue's own "não
	// tratam"), Italian, Bengali, Hebrew.
	"não mencionam", "não menciona", "não é mencionad", "não são mencionad", "não há informaç", "não contêm informaç",
	"não contém informaç", "não encontrei", "não tratam", "não abordam",
	"non menzionano", "non menziona", "non contengono informazioni", "nessuna informazione", "non ho trovato",
	"তথ্য নেই", "উল্লেখ নেই", "উল্লেখ করা হয়নি", "উল্লেখ করা হ\u09dfনি", "খুঁজে পাইনি", // য় decomposed (NFC) and as one letter
	"אין מידע", "אינם מזכירים", "לא מוזכר", "לא מצאתי",
	// Round eight: Persian (its "do not address" with a non-joiner, a
	// space or neither, as models write it), Ukrainian and Hebrew, each
	// about what the documents say, not what a thing does.
	"نمی\u200cپردازند", "نمی پردازند", "نمیپردازند", "اشاره نشده", "هیچ اطلاعاتی", "در اسناد نیست", "در مستندات نیست",
	"در اسناد نیامده", "در مستندات نیامده",
	"нічого не сказано", "не йдеться", "у документах не вказано", "в документах не вказано", "документи не вказують",
	"לא מציינים", "אינם מציינים", "לא נמצא מידע", "אין במסמכים", "אינם עוסקים", "לא עוסקים", "אינם כוללים מידע",
	"לא כוללים מידע", "אין אזכור",
	// Round ten: Indonesian, Japanese and Korean, about the documents or
	// the information, not what a thing does ("State tidak dibagi", "共有
	// しません" are answers).
	"dokumen tidak menyebutkan", "dokumentasi tidak menyebutkan", "dokumen tidak menjelaskan", "dokumentasi tidak menjelaskan",
	"tidak ada informasi", "tidak menemukan informasi", "tidak membahas", "tidak disebutkan dalam", "tidak dijelaskan dalam",
	"記載はありません", "記載されていません", "記載がありません", "言及されていません", "言及はありません", "情報はありません",
	"見つかりませんでした", "見つかりません",
	"정보가 없", "언급되어 있지 않", "언급되지 않", "언급하지 않", "찾을 수 없",
}

// quoteLabels are the words a model puts before the quote it gives on the
// line under its claim ("claim [1].\nQuote: «…»"), in the bot's languages.
var quoteLabels = []string{"supporting quote", "quote", "quotation", "excerpt", "evidence",
	"citation", "extrait", "zitat", "beleg", "cita", "citação", "citacao", "trecho", "citazione", "citaat",
	"cytat", "citát", "citat", "sitaatti", "idézet", "alıntı", "kutipan", "trích dẫn", "dẫn chứng",
	"απόσπασμα", "цитата", "اقتباس", "نقل قول", "उद्धरण", "อ้างอิง", "উদ্ধৃতি", "ציטוט",
	"引用", "引文", "原文", "인용", "인용문"}

// labelledQuoteAfter finds a quote on the line under a citation run ending
// at end, after a label: "claim [1]\nQuote: «…»", "claim [1].\n- **Quote:**
// "…"". Before, the label and quote were shown as a line of their own and
// the claim marked as having no quote. qStart is where the line under
// starts (after the sentence's end mark, which stays); -1 when there is
// none. open: raw ends where such a line may still follow.
func labelledQuoteAfter(raw string, end int) (qStart, qEnd int, quote string, open bool) {
	j := end
	if j < len(raw) && strings.ContainsRune(".!?。", rune(raw[j])) {
		j++
	} else if strings.HasPrefix(raw[j:], "。") {
		j += len("。")
	}
	start := j
	for j < len(raw) && (raw[j] == ' ' || raw[j] == '\t' || raw[j] == '\r') {
		j++
	}
	if j == len(raw) {
		return -1, 0, "", true
	}
	if raw[j] != '\n' {
		return -1, 0, "", false
	}
	j++
	k := j
	for k < len(raw) && (raw[k] == ' ' || raw[k] == '\t') {
		k++
	}
	if k+1 < len(raw) && (raw[k] == '-' || raw[k] == '*' || raw[k] == '>') && raw[k+1] == ' ' {
		k += 2 // a list or quote marker
	}
	line := raw[k:]
	arriving := true // the line has no end yet
	if nl := strings.IndexByte(line, '\n'); nl >= 0 {
		line, arriving = line[:nl], false
	}
	if t := strings.TrimSpace(raw[j:]); arriving && (t == "-" || t == "*" || t == ">") {
		return -1, 0, "", true // a marker, arriving
	}
	emph := emphasisRun(line)
	for _, l := range quoteLabels {
		rest := line[emph:]
		if len(rest) < len(l) {
			if arriving && strings.EqualFold(l[:len(rest)], rest) {
				return -1, 0, "", true // the label may be arriving
			}
			continue
		}
		if !strings.EqualFold(rest[:len(l)], l) {
			continue
		}
		c := k + emph + len(l)
		c += emphasisRun(raw[c:])
		switch {
		case strings.HasPrefix(raw[c:], ":"):
			c++
		case strings.HasPrefix(raw[c:], "："):
			c += len("：")
		case c == len(raw):
			return -1, 0, "", true
		default:
			continue
		}
		c += emphasisRun(raw[c:])
		s, e, q, qopen := quoteAfter(raw, c)
		if s < 0 || strings.Contains(raw[c:s], "\n") {
			return -1, 0, "", qopen && s < 0
		}
		// Open at the end of raw: what follows on the next line decides
		// whether the claim ends its paragraph (see scanReply).
		return start, e, q, qopen || strings.TrimRight(raw[e:], " \t\r") == ""
	}
	return -1, 0, "", false
}
