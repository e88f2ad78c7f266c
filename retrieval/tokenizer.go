package retrieval

import (
	"unicode"
	"unicode/utf8"

	"corpusbot/text"
)

// tokenKind tells filters what a token is made of.
type tokenKind uint8

const (
	kindWord       tokenKind = iota // letters, possibly with digits
	kindNumber                      // digits, with . or , between them
	kindCJK                         // one Han, Kana or Hangul character (a bigram after the CJK filter)
	kindCJKUnigram                  // after the CJK filter: one Han character of a longer run
)

// maxTermBytes truncates pathological tokens (base64 blobs, unspaced
// scripts); the span still covers the whole token.
const maxTermBytes = 96

// token is one unit of analysis. term points into the analysis arena and
// filters may rewrite it; start and end are byte offsets into the original
// text and never change.
type token struct {
	term       []byte
	start, end int
	kind       tokenKind
	joined     bool // CJK: directly follows the previous CJK character
	glued      bool // CJK: directly follows a word of another script ("PHP로")
	stop       bool // query mode: a stopword, kept only to be reported
	// An identifier ("persistentVolumes", "max_tokens") is a whole token,
	// its parts joined without separators, followed by its parts.
	whole bool
	part  bool
}

// runeClass is what the tokenizer does with a normalised rune.
type runeClass uint8

const (
	classSep runeClass = iota
	classLetter
	classDigit
	classMark   // combining mark: part of the word it follows
	classIgnore // format characters (ZWJ, soft hyphen): neither join nor split
	classJoiner // ' between letters, . or , between digits
	classCJK
)

func classify(r rune) runeClass {
	if r < utf8.RuneSelf {
		switch {
		case 'a' <= r && r <= 'z':
			return classLetter
		case '0' <= r && r <= '9':
			return classDigit
		case r == '\'' || r == '.' || r == ',' || r == '_':
			return classJoiner
		case 'A' <= r && r <= 'Z': // not folded when the caller skipped the normalizer
			return classLetter
		}
		return classSep
	}
	switch {
	case isCJK(r):
		return classCJK
	case unicode.IsLetter(r):
		return classLetter
	case unicode.IsDigit(r):
		return classDigit
	case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || unicode.Is(unicode.Me, r):
		return classMark
	case unicode.Is(unicode.Cf, r):
		return classIgnore
	}
	return classSep
}

// isCJK reports the characters indexed as overlapping character bigrams:
// the letters of scripts written without spaces between words
// (text.IsUnspaced: Han, kana, Thai, Lao, Khmer, Myanmar; the vowel and
// tone marks of the last four stay with the letter they follow), and
// Hangul, which spaces its words but glues particles to them ("PHP로").
func isCJK(r rune) bool {
	return text.IsUnspaced(r) || r >= 0x1100 && unicode.Is(unicode.Hangul, r)
}

// tokenizer segments normalised text into words, numbers and CJK characters.
// "US$37" gives "us" and "37"; "70,000" gives "70000"; "12.8" stays "12.8";
// "l'ouverture" and "user's" stay whole for the language filters.
//
// Identifiers are split as search engines' word delimiters do, indexing the
// whole and its parts: "persistentVolumes" gives "persistentvolumes",
// "persistent" and "volumes"; "HTTPServer" gives "httpserver", "http" and
// "server"; "max_tokens" gives "maxtokens", "max" and "tokens". A case
// change is a boundary only between parts of two letters or more (the part
// after an acronym, three or more), so "iPhone", "IPv6", "mRNA" and the
// plural "APIs" stay one word. Letters and digits are not split ("utf8",
// "k8s"). Case is read from the original text, since the normaliser folds it.
type tokenizer struct {
	n     normalizer
	arena []byte
	toks  []token

	in        bool // inside a word or number
	tokStart  int
	tokEnd    int
	termStart int
	letters   bool
	last      runeClass // class of the last rune of the token
	joiner    rune      // a joiner after the token, kept if a like rune follows
	prevCJK   bool      // the last rune was CJK: the next one continues its run

	// Identifier parts of the current token.
	upRun      int        // upper-case letters ending the token
	lastArena  int        // arena offset of the last upper-case letter
	lastStart  int        // its text offset
	beforeLast int        // where the rune before it ends
	bounds     []boundary // candidate boundaries between parts, in order
}

// boundary is a possible cut between two parts of an identifier.
type boundary struct {
	arena   int // offset in the term where the part after starts
	start   int // text offset where the part after starts
	prevEnd int // text offset where the part before ends
	before  int // runes the part before must have for the cut to be made
	after   int // and the part after
}

// tokenize appends the tokens of text to toks and their terms to arena.
func (tz *tokenizer) tokenize(text string, arena []byte, toks []token) ([]byte, []token) {
	tz.n.reset(text)
	tz.arena, tz.toks = arena, toks
	tz.in, tz.joiner, tz.prevCJK = false, 0, false
	n := &tz.n
	for {
		// Fast path: ASCII letters and digits go straight into the token. It
		// stops before a byte followed by a non-ASCII one, which may be a
		// combining mark that NFKC composes with it.
		if n.pi >= len(n.pend) && tz.joiner == 0 {
			p := n.pos
		ascii:
			for ; p+1 < len(text) && text[p+1] < utf8.RuneSelf || p+1 == len(text); p++ {
				c := rune(text[p])
				switch {
				case 'a' <= c && c <= 'z':
					if tz.in && tz.upRun == 0 {
						// Within a word: what add would do, without the call.
						tz.arena = append(tz.arena, byte(c))
						tz.tokEnd, tz.last, tz.letters = p+1, classLetter, true
						continue
					}
					tz.add(c, p, p+1, classLetter, false)
				case 'A' <= c && c <= 'Z':
					tz.add(c+'a'-'A', p, p+1, classLetter, true)
				case '0' <= c && c <= '9':
					tz.add(c, p, p+1, classDigit, false)
				default:
					break ascii
				}
			}
			n.pos = p
		}
		u, ok := n.next()
		if !ok {
			break
		}
		switch c := classify(u.r); c {
		case classLetter, classDigit:
			if tz.in && tz.joiner != 0 {
				switch {
				case tz.joiner == '_':
					// snake_case: the parts meet in the whole.
					tz.bound(boundary{len(tz.arena) - tz.termStart, u.start, tz.tokEnd, 1, 1})
					tz.joiner = 0
				case (tz.joiner == '\'' && tz.last == classLetter && c == classLetter) ||
					(tz.joiner != '\'' && tz.last == classDigit && c == classDigit):
					tz.arena = append(tz.arena, byte(tz.joiner))
					tz.joiner = 0
				default:
					tz.finish()
				}
			}
			up := false
			if c == classLetter {
				// The normaliser folded case: read it from the original.
				if orig, _ := utf8.DecodeRuneInString(text[u.start:]); orig != u.r {
					up = unicode.IsUpper(orig)
				}
			}
			tz.add(u.r, u.start, u.end, c, up)
		case classMark:
			if n := len(tz.toks); !tz.in && tz.prevCJK && n > 0 {
				// A Thai, Lao, Khmer or Myanmar vowel or tone mark: part of
				// the character before it, whose term ends the arena.
				t := &tz.toks[n-1]
				tz.arena = utf8.AppendRune(tz.arena, u.r)
				t.term = tz.arena[len(tz.arena)-len(t.term)-utf8.RuneLen(u.r) : len(tz.arena) : len(tz.arena)]
				t.end = max(t.end, u.end)
				continue
			}
			if tz.in && tz.joiner == 0 {
				tz.arena = utf8.AppendRune(tz.arena, u.r)
				tz.tokEnd = u.end
			} else {
				tz.finish()
			}
			tz.prevCJK = false
		case classIgnore:
			// Neither joins nor splits: a ZWJ or soft hyphen inside a word
			// or a CJK run leaves it whole. A non-joiner after an Arabic
			// letter parts a Persian (Urdu, Kurdish) word where its writer
			// marked a compound's or a prefix's seam ("دسته‌بندی",
			// "می‌کند"): as in snake_case, the whole is indexed and then
			// its parts, since many type a space there, or nothing. In
			// Indic scripts it only keeps a conjunct from forming.
			if u.r == '\u200c' && tz.in && tz.joiner == 0 {
				if r, _ := utf8.DecodeLastRune(tz.arena); unicode.Is(unicode.Arabic, r) {
					tz.joiner = '_'
				}
			}
		case classJoiner:
			if tz.in && tz.joiner == 0 {
				tz.joiner = u.r
			} else {
				tz.finish()
			}
			tz.prevCJK = false
		case classCJK:
			glued := tz.in
			tz.finish()
			start := len(tz.arena)
			tz.arena = utf8.AppendRune(tz.arena, u.r)
			tz.toks = append(tz.toks, token{term: tz.arena[start:len(tz.arena):len(tz.arena)],
				start: u.start, end: u.end, kind: kindCJK, joined: tz.prevCJK, glued: glued})
			tz.prevCJK = true
		default:
			tz.finish()
			tz.prevCJK = false
		}
	}
	tz.finish()
	arena, toks = tz.arena, tz.toks
	tz.arena, tz.toks = nil, nil
	return arena, toks
}

// add appends a letter or digit to the current token, starting one if
// needed; up says the letter was upper-case in the original text.
func (tz *tokenizer) add(r rune, start, end int, c runeClass, up bool) {
	if !tz.in {
		tz.in = true
		tz.tokStart = start
		tz.termStart = len(tz.arena)
		tz.letters = false
		tz.upRun = 0
		tz.bounds = tz.bounds[:0]
	}
	// Lower-case letters and digits, most of text, pass two tests.
	if up {
		if tz.upRun == 0 && len(tz.arena) > tz.termStart && tz.arena[len(tz.arena)-1] != '\'' {
			// camelCase, base64Encode; not d'Alibaba
			tz.bound(boundary{len(tz.arena) - tz.termStart, start, tz.tokEnd, 2, 2})
		}
		tz.upRun++
		tz.lastArena, tz.lastStart, tz.beforeLast = len(tz.arena), start, tz.tokEnd
	} else if tz.upRun != 0 {
		if tz.upRun >= 2 && c == classLetter {
			// HTTPServer: the last capital starts the next part.
			tz.bound(boundary{tz.lastArena - tz.termStart, tz.lastStart, tz.beforeLast, 2, 3})
		}
		tz.upRun = 0
	}
	if r < utf8.RuneSelf {
		tz.arena = append(tz.arena, byte(r))
	} else {
		tz.arena = utf8.AppendRune(tz.arena, r)
	}
	tz.tokEnd = end
	tz.last = c
	tz.letters = tz.letters || c == classLetter
	tz.prevCJK = false
}

// bound records a candidate boundary, once per position.
func (tz *tokenizer) bound(b boundary) {
	if n := len(tz.bounds); n > 0 && tz.bounds[n-1].arena >= b.arena {
		return
	}
	tz.bounds = append(tz.bounds, b)
}

// finish ends the current token, if any; a pending joiner is dropped.
func (tz *tokenizer) finish() {
	tz.joiner = 0
	if !tz.in {
		return
	}
	tz.in = false
	term := tz.arena[tz.termStart:]
	if len(tz.bounds) > 0 {
		tz.finishParts(term)
		return
	}
	kind := kindWord
	if !tz.letters {
		kind = kindNumber
		term = canonNumber(term)
	}
	if len(term) > maxTermBytes {
		term = truncUTF8(term, maxTermBytes)
	}
	tz.arena = tz.arena[:tz.termStart+len(term)]
	tz.toks = append(tz.toks, token{term: tz.arena[tz.termStart:len(tz.arena):len(tz.arena)],
		start: tz.tokStart, end: tz.tokEnd, kind: kind})
}

// finishParts emits an identifier: the whole, then each part that the
// boundaries' length rules allow, copied after it in the arena (filters
// rewrite terms in place, so parts must not share the whole's bytes).
func (tz *tokenizer) finishParts(whole []byte) {
	n := len(tz.toks)
	kind := kindWord
	if !tz.letters {
		kind = kindNumber // 2024_01_05
	}
	w := truncUTF8(whole, maxTermBytes) // the whole is cut, its parts are not
	tz.toks = append(tz.toks, token{term: w[:len(w):len(w)], start: tz.tokStart, end: tz.tokEnd, kind: kind, whole: true})
	from, fromStart := 0, tz.tokStart
	emit := func(to, end int) {
		start := len(tz.arena)
		tz.arena = append(tz.arena, whole[from:to]...)
		p := tz.arena[start:]
		kind := kindNumber
		for _, c := range p {
			if (c < '0' || c > '9') && c != '.' && c != ',' {
				kind = kindWord
				break
			}
		}
		if kind == kindNumber {
			p = canonNumber(p)
		}
		p = truncUTF8(p, maxTermBytes)
		tz.arena = tz.arena[:start+len(p)]
		tz.toks = append(tz.toks, token{term: p[:len(p):len(p)], start: fromStart, end: end, kind: kind, part: true})
	}
	for i, b := range tz.bounds {
		next := len(whole)
		if i+1 < len(tz.bounds) {
			next = tz.bounds[i+1].arena
		}
		if utf8.RuneCount(whole[from:b.arena]) < b.before || utf8.RuneCount(whole[b.arena:next]) < b.after {
			continue
		}
		emit(b.arena, b.prevEnd)
		from, fromStart = b.arena, b.start
	}
	if from == 0 {
		// No cut held: one plain word.
		tz.toks[n].whole = false
		if kind == kindNumber {
			tz.toks[n].term = canonNumber(tz.toks[n].term)
		}
		return
	}
	emit(len(whole), tz.tokEnd)
}

// canonNumber rewrites a number so that its written forms meet: thousands
// separators go ("70,000" and "70.000.000" → digits only), a lone decimal
// comma becomes a point ("12,8" → "12.8"). It works in place.
func canonNumber(b []byte) []byte {
	commas, dots := 0, 0
	lastSep := byte(0)
	for _, c := range b {
		if c == ',' || c == '.' {
			lastSep = c
			if c == ',' {
				commas++
			} else {
				dots++
			}
		}
	}
	if commas+dots == 0 {
		return b
	}
	var group, decimal byte // separators to drop and to turn into '.'
	switch {
	case dots == 0 && grouped(b, ','):
		group = ','
	case commas == 0 && dots > 1 && grouped(b, '.'):
		group = '.'
	case dots == 0 && commas == 1:
		decimal = ','
	case commas > 0 && dots > 0 && lastSep == '.':
		group = ','
	case commas > 0 && dots > 0 && lastSep == ',' && commas == 1:
		group, decimal = '.', ','
	default:
		return b
	}
	out := b[:0]
	for _, c := range b {
		switch c {
		case group:
			continue
		case decimal:
			c = '.'
		}
		out = append(out, c)
	}
	return out
}

// grouped reports whether b is digits in groups of three after a first
// group of one to three, separated by sep: "5,600", "70,000", "1,234,567".
func grouped(b []byte, sep byte) bool {
	n := 0
	first := true
	for _, c := range b {
		if c == sep {
			if (first && (n < 1 || n > 3)) || (!first && n != 3) {
				return false
			}
			first, n = false, 0
			continue
		}
		if c < '0' || c > '9' {
			return false
		}
		n++
	}
	return !first && n == 3
}

// truncUTF8 cuts b to at most n bytes at a rune boundary.
func truncUTF8(b []byte, n int) []byte {
	if len(b) <= n {
		return b
	}
	for n > 0 && !utf8.RuneStart(b[n]) {
		n--
	}
	return b[:n]
}
