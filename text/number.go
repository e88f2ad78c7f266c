package text

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FigureKind says what a figure measures, as far as its words show.
type FigureKind uint8

// Figure kinds.
const (
	// Amount is a count, an amount or a measure: "308", "450 million",
	// "4.5亿", "1,5 milliard", "£30m".
	Amount FigureKind = iota
	// Percent is a share: "30 %", "٣٠٪", "30 Prozent", "百分之三十".
	Percent
	// Version is a dotted identifier compared as written: "1.6.0".
	Version
	// Century counts centuries: "18th century", "18世纪". It agrees with
	// the same century, or with a year in it ("the 1990s").
	Century
	// Month is a month written as a number ("7月", "tháng 7"), which
	// other languages name: compared only with months so written.
	Month
)

// Figure is a number a text states, read into values so that figures
// written in different languages compare: "450 million", "4.5亿",
// "450 millions" and "٤٥٠ مليون" are one figure.
type Figure struct {
	Text string // as written (folded), its scale and percent words included
	Kind FigureKind
	// Spelled: written in words ("three", "مليار", "三"), not in digits.
	Spelled bool
	// readings are the values the figure may mean: "1,500" is 1500 in
	// English and 1.5 in German; "billion" is 10⁹ in English and 10¹² in
	// French and German.
	readings []reading
	// parts are the numbers of a figure grouped by spaces ("3 500"),
	// read apart too when the figure is evidence: "between 1 and 3 500".
	parts []reading
	// name: the digits of a name or code ("COVID-19", "SR99"): evidence,
	// never a claim's figure to check.
	name bool
	// mul is the scale its words gave (10⁶ for "450 million"), which the
	// other end of a range shares: "30 to 50 thousand".
	mul      float64
	from, to int // its tokens
}

// reading is one value a figure may mean and the step of its last digit
// written: "1.1 billion" is 1.1e9 to within 1e8.
type reading struct {
	v, step float64
}

// In reports whether the figure is stated by one of evidence, the figures
// of the text a claim cites: a value of each agrees up to the rounding of
// the figure ("more than 1 billion" is stated by "1.1 billion"; "450" is
// not stated by "45", nor "2.435" by "2"). A share agrees only with a
// share, a version only with the same version, a century also with a year
// in it.
func (f Figure) In(evidence []Figure) bool {
	for _, e := range evidence {
		if f.agrees(e) {
			return true
		}
	}
	return false
}

func (f Figure) agrees(e Figure) bool {
	if f.Kind == Version || e.Kind == Version {
		return f.Kind == e.Kind && f.Text == e.Text
	}
	if f.Kind == Month && e.Kind != Month {
		return false
	}
	if f.Kind == Percent && e.Kind != Percent {
		return false
	}
	if f.Kind == Century && e.Kind != Century {
		// A year of that century: the 20th century holds the 1990s.
		for _, a := range f.readings {
			for _, b := range e.readings {
				if b.v > (a.v-1)*100 && b.v <= a.v*100 {
					return true
				}
			}
		}
	}
	for _, a := range f.readings {
		for _, b := range e.readings {
			if near(a, b) {
				return true
			}
		}
		for _, b := range e.parts {
			if near(a, b) {
				return true
			}
		}
	}
	return false
}

// near reports whether a claim's reading a agrees with the evidence's b:
// b rounded to a's last digit is a. A claim may round what its passage
// says ("more than 1 billion" for 1.1 billion), not add digits to it
// ("2.435" for "2").
func near(a, b reading) bool {
	if a.v == b.v {
		return true // also past float64's range, where the difference is NaN
	}
	step := a.step
	return math.Abs(a.v-b.v) <= step/2*(1+1e-9)
}

// Figures lists the figures s states, in order. Digits of any script
// (Arabic-Indic, full-width) are read; thousands separators and decimal
// marks of either convention ("1.000.000", "1,000,000", "4,5", "711 988");
// scale words and suffixes after a number in the languages the bot serves
// ("450 million", "4,5 Mrd.", "1,5 milliard", "٤٥٠ مليون", "4.5亿", "£30m");
// percent signs and words ("30 %", "٣٠٪", "30 Prozent", "%30"); number
// words (Spelled: "three", "vingt-quatre", "مليار", "四亿五千万"). The
// digits of a name or code ("COVID-19", "Life360", "x86") are read too,
// marked as such: MissingFigure checks them only within one language.
func Figures(s string) []Figure {
	p := figureParser{toks: figureTokens(Fold(s)), romans: upperRomans(s)}
	return p.parse()
}

// tokKind is what a token of folded text is.
type tokKind uint8

const (
	tokNumber  tokKind = iota // digits with their separators: "1,500.5", "711 988"
	tokWord                   // a run of letters (and marks) in a script with spaces
	tokHan                    // a run of Chinese numerals and units: "四亿五千万", "万"
	tokPercent                // % or ٪
	tokOther                  // any other character
)

type token struct {
	kind tokKind
	text string
	// gap: white space came before the token; glued: the token touches the
	// one before it.
	gap bool
}

// hanValue are the Chinese (and Japanese) numerals and units, folded to
// simplified forms by Fold. 两 is two before a measure word.
var hanDigits = map[rune]float64{
	'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5,
	'六': 6, '七': 7, '八': 8, '九': 9,
}

var hanUnits = map[rune]float64{'十': 10, '百': 100, '千': 1e3, '万': 1e4, '亿': 1e8, '兆': 1e12}

// hangulUnits are the Sino-Korean units written after digits: 4억 5천만.
var hangulUnits = map[rune]float64{'십': 10, '백': 100, '천': 1e3, '만': 1e4, '억': 1e8, '조': 1e12}

func isHanNumeral(r rune) bool {
	_, d := hanDigits[r]
	_, u := hanUnits[r]
	return d || u
}

// figureTokens splits folded text into tokens.
func figureTokens(f string) []token {
	var out []token
	gap := false
	for i := 0; i < len(f); {
		r, size := utf8.DecodeRuneInString(f[i:])
		start := i
		switch {
		case r == ' ':
			gap = true
			i += size
			continue
		case r >= '0' && r <= '9':
			i = numberEnd(f, i)
			out = append(out, token{kind: tokNumber, text: f[start:i], gap: gap})
		case isHanNumeral(r):
			for i < len(f) {
				r, size := utf8.DecodeRuneInString(f[i:])
				if !isHanNumeral(r) {
					break
				}
				i += size
			}
			out = append(out, token{kind: tokHan, text: f[start:i], gap: gap})
		case r == '%' || r == '٪' || r == '‰':
			i += size
			out = append(out, token{kind: tokPercent, text: f[start:i], gap: gap})
		case (unicode.IsLetter(r) || unicode.IsMark(r)) && !IsIdeograph(r):
			for i < len(f) {
				r, size := utf8.DecodeRuneInString(f[i:])
				if !(unicode.IsLetter(r) || unicode.IsMark(r)) || IsIdeograph(r) {
					break
				}
				i += size
			}
			out = append(out, token{kind: tokWord, text: f[start:i], gap: gap})
		default:
			i += size
			out = append(out, token{kind: tokOther, text: f[start:i], gap: gap})
		}
		gap = false
	}
	return out
}

// numberEnd returns the end of the number starting at f[i]: digits joined
// by . , ' between digits, or by a space before a group of exactly three
// digits after a first group of at most three ("711 988", "1 000 000").
func numberEnd(f string, i int) int {
	first := true
	group := 0
	for {
		for i < len(f) && f[i] >= '0' && f[i] <= '9' {
			i++
			group++
		}
		if i+1 >= len(f) || f[i+1] < '0' || f[i+1] > '9' {
			return i
		}
		switch f[i] {
		case '.', ',', '\'':
		case ' ':
			if group > 3 || first && group == 0 || !threeDigits(f, i+1) {
				return i
			}
		default:
			return i
		}
		first = false
		group = 0
		i++
	}
}

func threeDigits(f string, i int) bool {
	n := 0
	for i < len(f) && f[i] >= '0' && f[i] <= '9' {
		i++
		n++
	}
	return n == 3
}

// readNumber reads the readings of a number token. ok is false for a
// version ("1.6.0").
func readNumber(t string) (rs []reading, parts []reading, ok bool) {
	if strings.Contains(t, " ") {
		// Thousands grouped by spaces: one figure, whose groups may also
		// be numbers apart.
		for _, g := range strings.Split(t, " ") {
			if r, _, ok := readNumber(g); ok {
				parts = append(parts, r...)
			}
		}
		rs, _, ok = readNumber(strings.ReplaceAll(t, " ", ""))
		return rs, parts, ok
	}
	t = strings.ReplaceAll(t, "'", "") // Swiss thousands: 1'000
	dots, commas := strings.Count(t, "."), strings.Count(t, ",")
	switch {
	case dots == 0 && commas == 0:
		return []reading{decimal(t, "")}, nil, true
	case dots > 0 && commas > 0:
		// Both: the last one written is the decimal mark.
		last := max(strings.LastIndex(t, "."), strings.LastIndex(t, ","))
		if strings.Count(t, t[last:last+1]) > 1 {
			return nil, nil, false
		}
		whole := strings.NewReplacer(".", "", ",", "").Replace(t[:last])
		return []reading{decimal(whole, t[last+1:])}, nil, true
	}
	sep := "."
	if commas > 0 {
		sep = ","
	}
	groups := strings.Split(t, sep)
	if len(groups) > 2 {
		// Repeated: thousands separators, every group after the first of
		// three digits ("1.000.000"); else a version ("1.6.0").
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return nil, nil, false
			}
		}
		return []reading{decimal(strings.Join(groups, ""), "")}, nil, true
	}
	if len(groups[1]) == 3 && groups[0] != "0" {
		// "1,500": thousands in English, a decimal in German; both.
		return []reading{decimal(groups[0]+groups[1], ""), decimal(groups[0], groups[1])}, nil, true
	}
	return []reading{decimal(groups[0], groups[1])}, nil, true
}

// decimal reads whole.frac, its step the place of the last digit written.
func decimal(whole, frac string) reading {
	v, _ := strconv.ParseFloat(whole+"."+frac+"0", 64)
	return reading{v: v, step: math.Pow(10, -float64(len(frac)))}
}

// roundStep makes a whole number's trailing zeros insignificant: a scale
// word after it says the figure is rounded ("450 million" is 445 to 455
// million).
func roundStep(r reading) reading {
	if r.step != 1 || r.v == 0 {
		return r
	}
	for v := r.v; v >= 10 && math.Mod(v, 10) == 0; v /= 10 {
		r.step *= 10
	}
	return r
}

type figureParser struct {
	toks []token
	i    int
	out  []Figure
	done int // the end of the last figure's tokens
	// romans are the roman numerals the text writes in capitals, folded.
	romans map[string]bool
}

func (p *figureParser) parse() []Figure {
	for p.i < len(p.toks) {
		t := p.toks[p.i]
		switch t.kind {
		case tokNumber:
			p.number()
		case tokHan:
			p.han()
		case tokWord:
			if !p.roman() {
				p.word()
			}
		default:
			p.i++
		}
	}
	p.ranges()
	return p.out
}

// ranges gives the two ends of a range what one of them says for both:
// "30 to 50 thousand" is thirty thousand to fifty thousand, "27-30%" and
// "six to nine percent" are shares.
func (p *figureParser) ranges() {
	for k := 0; k+1 < len(p.out); k++ {
		a, b := &p.out[k], &p.out[k+1]
		if a.name || b.name || !p.rangeBetween(a.to, b.from) {
			continue
		}
		if a.Kind == Amount && b.Kind == Percent {
			a.Kind = Percent
		} else if a.Kind == Percent && b.Kind == Amount {
			b.Kind = Percent
		}
		if a.mul == 1 && b.mul > 1 {
			a.readings = scaledToo(a.readings, b.mul)
		} else if b.mul == 1 && a.mul > 1 {
			b.readings = scaledToo(b.readings, a.mul)
		}
	}
}

func scaledToo(rs []reading, mul float64) []reading {
	out := append([]reading(nil), rs...)
	for _, r := range rs {
		out = append(out, reading{v: r.v * mul, step: roundStep(r).step * mul})
	}
	return out
}

// rangeBetween reports whether tokens [from, to) join two figures into a
// range: a dash or a word for "to" in one of the bot's languages.
func (p *figureParser) rangeBetween(from, to int) bool {
	switch to - from {
	case 1:
		return rangeWords[p.toks[from].text]
	case 2: // "până la", "έως και"
		return rangeWords[p.toks[from].text+" "+p.toks[from+1].text]
	}
	return false
}

// text is the folded text of tokens [from, to).
func (p *figureParser) text(from, to int) string {
	var b strings.Builder
	for k := from; k < to; k++ {
		if k > from && p.toks[k].gap {
			b.WriteByte(' ')
		}
		b.WriteString(p.toks[k].text)
	}
	return b.String()
}

// inName reports whether the number at token k is part of a name or code:
// glued to a letter of a script written with spaces before it ("x86",
// "Life360") or to such a letter and a hyphen ("COVID-19", "MPEG-2").
// Thai and Arabic glue words to numbers ("ประมาณ340", "و2012"): no name.
func (p *figureParser) inName(k int) bool {
	t := p.toks[k]
	if t.gap || k == 0 {
		return false
	}
	prev := p.toks[k-1]
	if prev.kind == tokWord {
		return spacedScript(prev.text)
	}
	if prev.kind == tokOther && (prev.text == "-" || prev.text == "_" || prev.text == "/") && !prev.gap && k >= 2 && p.toks[k-2].kind == tokWord {
		return spacedScript(p.toks[k-2].text) && !numberPrefixes[p.toks[k-2].text]
	}
	return false
}

// spacedScript reports whether a word ends in a Latin, Greek or Cyrillic
// letter.
func spacedScript(w string) bool {
	r, _ := utf8.DecodeLastRuneInString(w)
	return unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic)
}

func (p *figureParser) number() { p.numberAt(true) }

// numberAt reads the number at p.i; tail: and the rest of a figure in
// Chinese or Korean units after it ("4亿" then "5000万").
func (p *figureParser) numberAt(tail bool) {
	from := p.i
	t := p.toks[p.i]
	p.i++
	name := p.inName(from)
	rs, parts, ok := readNumber(t.text)
	if !ok {
		p.out = append(p.out, Figure{Text: t.text, Kind: Version, from: from, to: p.i})
		return
	}
	kind := Amount
	if from > 0 && from-1 >= p.done && p.toks[from-1].kind == tokPercent {
		kind = Percent // "%30", "% 90" (Turkish)
	}
	if from > 0 && p.toks[from-1].kind == tokWord && percentBefore[p.toks[from-1].text] {
		kind = Percent // "yüzde 30"
	}
	// A decade: "1990s" is also "the 90s", "90 年代", "90er".
	if p.i < len(p.toks) && !p.toks[p.i].gap && p.toks[p.i].text == "s" && len(t.text) == 4 && strings.HasSuffix(t.text, "0") && rs[0].v >= 1800 && rs[0].v < 2100 {
		rs = append(rs, reading{v: math.Mod(rs[0].v, 100), step: 1})
		p.i++
	}
	mul := 1.0
	if !name {
		var scaled bool
		rs, scaled = p.scale(rs)
		if scaled {
			parts = nil
			mul = rs[0].v / max(readNumberFirst(t.text), 1e-300)
			if tail {
				rs = p.cjkTail(rs)
			}
		}
		if p.percent() {
			kind = Percent
		}
	}
	switch {
	case p.month(from):
		kind = Month
	case p.century(from):
		kind = Century
	}
	p.skipSuffix()
	p.out = append(p.out, Figure{Text: p.text(from, p.i), Kind: kind, readings: rs, parts: parts, name: name, mul: mul, from: from, to: p.i})
	p.done = p.i
}

func readNumberFirst(t string) float64 {
	rs, _, _ := readNumber(t)
	if len(rs) == 0 {
		return 1
	}
	return rs[0].v
}

// month reports whether the number at token k is a month written as a
// number, as Chinese, Japanese, Korean and Vietnamese write months ("7月",
// "7월", "tháng 7"), where other languages name the month: no figure to
// compare.
func (p *figureParser) month(k int) bool {
	if v := readNumberFirst(p.toks[k].text); v < 1 || v > 12 || v != math.Trunc(v) {
		return false
	}
	if p.i < len(p.toks) && (p.toks[p.i].text == "月" || p.toks[p.i].text == "월") {
		return true
	}
	return k > 0 && p.toks[k-1].text == "tháng"
}

// century reports whether the number at token k counts centuries: a century
// word after it ("18th century", "19. Jahrhundert", "18世纪") or before it
// ("thế kỷ 18", "ศตวรรษที่ 19", "secolului 18").
func (p *figureParser) century(k int) bool {
	j := p.i
	if j < len(p.toks) && p.toks[j].kind == tokWord && !p.toks[j].gap {
		j++ // "18th", "18ου"
	}
	if j < len(p.toks) && p.toks[j].text == "." {
		j++ // "19. Jahrhundert"
	}
	if j < len(p.toks) && isCentury(p.toks[j].text) {
		return true
	}
	if j+1 < len(p.toks) && p.toks[j].text == "世" && p.toks[j+1].text == "纪" {
		return true
	}
	return k > 0 && isCentury(p.toks[k-1].text)
}

func isCentury(w string) bool {
	for _, c := range centuryWords {
		if strings.HasPrefix(w, c) {
			return true
		}
	}
	return false
}

// cjkTail adds the rest of a figure written in Chinese or Korean units,
// "4亿5000万", "4억 5천만", to its first part (rs).
func (p *figureParser) cjkTail(rs []reading) []reading {
	prev := p.toks[p.i-1]
	if p.i >= len(p.toks) || p.toks[p.i].kind != tokNumber || prev.kind != tokHan && prev.kind != tokWord {
		return rs
	}
	if prev.kind == tokWord {
		if _, ok := hangulScale(prev.text); !ok {
			return rs
		}
	} else if p.toks[p.i].gap {
		return rs
	}
	save, n := p.i, len(p.out)
	p.numberAt(false)
	if len(p.out) != n+1 || p.out[n].Kind != Amount || len(p.out[n].readings) != 1 {
		p.i, p.out = save, p.out[:n]
		return rs
	}
	tail := p.out[n].readings[0]
	p.out = p.out[:n]
	if tail.step < 10 || tail.v >= rs[0].step {
		p.i = save // "3亿 5": not one figure
		return rs
	}
	for k := range rs {
		rs[k] = reading{v: rs[k].v + tail.v, step: tail.step}
	}
	return rs
}

// scale multiplies readings by the scale words or units after them
// ("million", "mil millones", "亿", "万亿", "억", "bn"), and reports
// whether there was one.
func (p *figureParser) scale(rs []reading) ([]reading, bool) {
	scaled := false
	for p.i < len(p.toks) {
		t := p.toks[p.i]
		var muls []float64
		switch {
		case t.kind == tokHan && len(t.text) <= 3*maxHanNumeral:
			m, ok := hanScale(t.text)
			if !ok {
				return rs, scaled
			}
			muls = []float64{m}
		case t.kind == tokWord && t.text == "de" && p.i+1 < len(p.toks) && scaleOf(p.toks[p.i+1].text, false) != nil:
			p.i++ // Romanian: "66 de milioane", "50 de mii"
			continue
		case t.kind == tokWord:
			muls = scaleOf(t.text, !t.gap)
			if muls == nil {
				if m, ok := hangulScale(t.text); ok && (!t.gap || allHangulUnits(t.text)) {
					muls = []float64{m}
				}
			}
		case t.kind == tokOther && t.text == "." && scaled && !t.gap:
			p.i++ // "Mio.", "Mrd.", "тыс."
			continue
		}
		if muls == nil {
			return rs, scaled
		}
		if !scaled {
			for k := range rs {
				rs[k] = roundStep(rs[k])
			}
		}
		var next []reading
		for _, r := range rs {
			for _, m := range muls {
				next = append(next, reading{v: r.v * m, step: r.step * m})
			}
		}
		rs, scaled = next, true
		p.i++
	}
	return rs, scaled
}

// hanScale reads a run of Chinese units after digits: "亿" 1e8, "万亿" 1e12.
func hanScale(s string) (float64, bool) {
	m := 1.0
	for _, r := range s {
		u, ok := hanUnits[r]
		if !ok {
			return 0, false
		}
		m *= u
	}
	return m, true
}

// hangulScale reads Korean units glued after digits, and what follows
// them: "억", "천만", "만명" (ten thousand people).
func hangulScale(s string) (float64, bool) {
	m, n := 1.0, 0
	for _, r := range s {
		u, ok := hangulUnits[r]
		if !ok {
			break
		}
		m *= u
		n++
	}
	return m, n > 0
}

func allHangulUnits(s string) bool {
	for _, r := range s {
		if _, ok := hangulUnits[r]; !ok {
			return false
		}
	}
	return true
}

// percent consumes a percent sign or words after a number.
func (p *figureParser) percent() bool {
	if p.i >= len(p.toks) {
		return false
	}
	t := p.toks[p.i]
	if t.kind == tokPercent {
		p.i++
		return true
	}
	if t.kind != tokWord {
		return false
	}
	for _, w := range percentWords {
		ws := strings.Fields(w)
		if p.i+len(ws) > len(p.toks) {
			continue
		}
		ok := true
		for k, x := range ws {
			if p.toks[p.i+k].text != x {
				ok = false
				break
			}
		}
		if ok {
			p.i += len(ws)
			return true
		}
	}
	return false
}

// skipSuffix consumes letters glued to a number that are not a scale: an
// ordinal or a unit ("3rd", "5km", "24-ярдовой" stops at the hyphen).
func (p *figureParser) skipSuffix() {
	if p.i < len(p.toks) && !p.toks[p.i].gap && p.toks[p.i].kind == tokWord {
		p.i++
	}
}

// han reads Chinese numerals not after digits: "四亿五千万", "三十".
func (p *figureParser) han() {
	from := p.i
	t := p.toks[p.i]
	p.i++
	if len(t.text) > 3*maxHanNumeral {
		return // no numeral: a run of 万 or 一 in a list or a test string
	}
	v, step, ok := parseHan(t.text)
	if !ok {
		return
	}
	rs := []reading{{v: v, step: step}}
	kind := Amount
	if strings.HasSuffix(strings.ReplaceAll(p.text(max(0, from-3), from), " ", ""), "百分之") {
		kind = Percent
	}
	p.out = append(p.out, Figure{Text: t.text, Kind: kind, Spelled: true, readings: rs, mul: 1, from: from, to: p.i})
}

// maxHanNumeral is the longest Chinese numeral read, in characters:
// 九千九百九十九万九千九百九十九亿 is 16.
const maxHanNumeral = 24

// parseHan reads a Chinese numeral: the largest unit of 万 and 亿 splits it
// (四亿五千万 is 四 × 亿 + 五千万); below 万, digits times 十 百 千 add up.
func parseHan(s string) (v, step float64, ok bool) {
	rs := []rune(s)
	if len(rs) == 1 {
		if _, unit := hanUnits[rs[0]]; unit && rs[0] != '十' {
			return 0, 0, false // 万 or 百 alone: "ten thousand things", not a figure
		}
	}
	if strings.ContainsRune(s, '百') && strings.HasPrefix(s, "百分") {
		return 0, 0, false
	}
	for _, big := range []rune{'兆', '亿', '万'} {
		if k := strings.LastIndex(s, string(big)); k >= 0 {
			left, right := s[:k], s[k+len(string(big)):]
			lv, ls, lok := 1.0, 1.0, true
			if left != "" {
				lv, ls, lok = parseHan(left)
			}
			if !lok {
				return 0, 0, false
			}
			u := hanUnits[big]
			v, step = lv*u, ls*u
			if right != "" {
				rv, rstep, rok := parseHan(right)
				if !rok {
					return 0, 0, false
				}
				v, step = v+rv, rstep
			}
			return v, step, true
		}
	}
	section, num, step := 0.0, -1.0, 1.0
	for _, r := range rs {
		if d, ok := hanDigits[r]; ok {
			if num >= 0 && d != 0 {
				// Digits in a row read positionally: 二〇一九.
				num = num*10 + d
				continue
			}
			if num >= 0 {
				num *= 10
				continue
			}
			num = d
			step = 1
			continue
		}
		u := hanUnits[r]
		if num < 0 {
			num = 1
		}
		section += num * u
		step = u
		num = -1
	}
	if num >= 0 {
		section += num
		if step > 1 && num > 0 {
			// 二百五: the digit after 百 counts tens.
			step = 1
		}
	}
	return section, step, true
}

// word reads number words: "three", "vingt-quatre", "a billion", "مليار".
func (p *figureParser) word() {
	from := p.i
	if v, n, ok := p.contextOrdinal(); ok {
		p.i += n
		p.out = append(p.out, Figure{Text: p.text(from, p.i), Spelled: true, readings: []reading{{v: v, step: 1}}, mul: 1, from: from, to: p.i})
		return
	}
	total, current, step, n := 0.0, 0.0, 1.0, 0
	last := 0.0 // the last word's value below a hundred, 0 after a larger one
	for p.i < len(p.toks) {
		t := p.toks[p.i]
		if n > 0 && (t.kind == tokOther && t.text == "-" || t.kind == tokWord && joinWords[t.text]) {
			p.i++
			continue
		}
		if t.kind != tokWord {
			break
		}
		if n > 0 {
			if sw, ok := scaleWords[arabicBase(t.text)]; ok {
				if current == 0 {
					current = 1
				}
				total += current * sw.muls[0]
				step, current, last = sw.muls[0], 0, 0
				n++
				p.i++
				continue
			}
		}
		v, ok := numberWordValue(t.text)
		if !ok {
			break
		}
		switch {
		case v == 100:
			current = max(current, 1) * 100
			step, last = 100, 0
		case v > 100:
			current += v
			step, last = 1, 0
		case n == 0 || last == 0 || adds(last, v):
			if last == 4 && (t.text == "vingt" || t.text == "vingts") {
				current += 76 // quatre-vingts
				step, last = 1, 80
				break
			}
			if n > 0 && last > 0 && last < 10 && v == 10 {
				// A teen said unit first, "ثمانية عشر" (eighteen), is
				// whole: "الثامن عشر والتاسع عشر" is 18 and 19, not 27.
				current += v
				step, last = 1, 11
				break
			}
			current += v
			step, last = 1, v
		default:
			goto done // "two three": two figures, not one
		}
		n++
		p.i++
	}
done:
	if n == 0 {
		// A scale word alone: "a billion", "مليار", "mil millones"; a
		// plural alone ("millions") is no figure.
		sw, ok := scaleWords[arabicBase(p.toks[p.i].text)]
		if !ok || sw.plural {
			p.i++
			return
		}
		rs, _ := p.scale([]reading{{v: sw.count, step: 1}})
		p.out = append(p.out, Figure{Text: p.text(from, p.i), Spelled: true, readings: rs, mul: rs[0].v / sw.count, from: from, to: p.i})
		return
	}
	for p.i > from && (p.toks[p.i-1].text == "-" || joinWords[p.toks[p.i-1].text]) {
		p.i-- // "twenty-four and": the "and" is not the number's
	}
	kind := Amount
	if p.percent() {
		kind = Percent
	}
	p.out = append(p.out, Figure{Text: p.text(from, p.i), Kind: kind, Spelled: true, readings: []reading{{v: total + current, step: step}}, mul: 1, from: from, to: p.i})
}

// adds reports whether number word v after last makes one number with it:
// units after tens (twenty-four, vingt-quatre, двадцать четыре), tens
// after units (Arabic and German order: أربعة وعشرون), teens (dix-sept,
// ثلاثة عشر, soixante-dix).
func adds(last, v float64) bool {
	tens := func(x float64) bool { return x >= 20 && math.Mod(x, 10) == 0 }
	switch {
	case tens(last) && v < 10, last < 10 && tens(v), last < 10 && v == 10:
		return true
	case last == 10 && v < 10, (last == 60 || last == 80) && v >= 10 && v < 20:
		return true
	}
	return false
}

// numberWordValue is the value of a number word, its Arabic conjunction,
// preposition and article taken off (ArabicBare: "والعشرون", "بالثاني").
func numberWordValue(w string) (float64, bool) {
	if v, ok := numberWords[w]; ok {
		return v, true
	}
	if v, ok := ordinalValue(w); ok {
		return v, true
	}
	for rest := range ArabicBare(w, 1, false) {
		if v, ok := numberWords[rest]; ok {
			return v, true
		}
		if v, ok := ordinalWords[rest]; ok {
			return v, true
		}
	}
	if v, ok := germanNumber(w); ok {
		return v, true
	}
	// An Arabic decade: "التسعينيات" (the nineties), "ستينات" (sixties).
	if base, ok := arabicDecade(w); ok {
		return base, true
	}
	return 0, false
}

func arabicDecade(w string) (float64, bool) {
	if w == "" || w[0] < 0xd8 || w[0] > 0xdb {
		return 0, false
	}
	decade := func(w string) (float64, bool) {
		for _, end := range []string{"يات", "ات"} {
			if stem, ok := strings.CutSuffix(w, end); ok {
				if v, ok := numberWords[stem]; ok && v >= 20 && v < 100 {
					return v, true
				}
			}
		}
		return 0, false
	}
	if v, ok := decade(w); ok {
		return v, true
	}
	for rest := range ArabicBare(w, 1, false) {
		if v, ok := decade(rest); ok {
			return v, true
		}
	}
	return 0, false
}

// germanNumber reads a German compound number: "vierundzwanzig",
// "dreihundert", "zweitausend".
func germanNumber(w string) (float64, bool) {
	if len(w) < 8 {
		return 0, false
	}
	for _, k := range []struct {
		word string
		mul  float64
	}{{"tausend", 1000}, {"hundert", 100}} {
		if i := strings.Index(w, k.word); i > 0 {
			left, right := w[:i], w[i+len(k.word):]
			lv, ok := germanSmall(left)
			if left == "ein" {
				lv, ok = 1, true
			}
			if !ok {
				return 0, false
			}
			v := lv * k.mul
			if right != "" {
				rv, ok := germanNumber(right)
				if !ok {
					rv, ok = germanSmall(right)
				}
				if !ok {
					return 0, false
				}
				v += rv
			}
			return v, true
		}
	}
	return germanSmall(w)
}

func germanSmall(w string) (float64, bool) {
	if units, tens, ok := strings.Cut(w, "und"); ok {
		u, uok := germanUnits[units]
		if units == "ein" {
			u, uok = 1, true
		}
		t, tok := germanUnits[tens]
		if uok && tok && u < 10 && t >= 20 {
			return u + t, true
		}
		return 0, false
	}
	v, ok := germanUnits[w]
	return v, ok
}

var germanUnits = map[string]float64{
	"eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
	"zehn": 10, "elf": 11, "zwolf": 12, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15,
	"funfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, // CLDR de
	"zwanzig": 20, "dreissig": 30, "vierzig": 40, "funfzig": 50, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
}

// joinWords join number words into one: "hundred and five", "ciento y",
// "vierzig und".
var joinWords = map[string]bool{"and": true, "et": true, "y": true, "und": true, "e": true}

// MissingFigure returns the first figure of claim that none of evidence
// states, and whether there is one. Figures written in digits are
// compared, with their scale and percent words; a number the claim spells
// in words is not ("one of them", "once"), though evidence may spell the
// figure the claim writes in digits ("1 billion" and "مليار"). A month
// written as a number ("7月") is compared only with evidence that writes
// months so. sameLanguage also compares the digits of names and codes
// ("k3s", "COVID-19"), which are written alike in one language but not
// always across languages ("SR 99" and "SR99").
func MissingFigure(claim string, evidence []string, sameLanguage bool) (Figure, bool) {
	var ev []Figure
	months := false
	for _, e := range evidence {
		for _, f := range Figures(e) {
			ev = append(ev, f)
			months = months || f.Kind == Month
		}
	}
	for _, f := range Figures(claim) {
		if f.Spelled || f.name && !sameLanguage || f.Kind == Month && !months {
			continue
		}
		if !f.In(ev) {
			return f, true
		}
	}
	return Figure{}, false
}
