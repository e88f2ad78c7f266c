package text

import (
	"unicode"
	"unicode/utf8"
)

// langSample bounds how much of a document language detection reads: the
// first 64 KiB say as much as the whole.
const langSample = 64 << 10

// script is a writing system whose letters are counted.
type script int

const (
	scriptLatin script = iota
	scriptArabic
	scriptHan
	scriptKana
	scriptHangul
	scriptCyrillic
	scriptGreek
	scriptHebrew
	scriptDevanagari
	scriptThai
	numScripts
)

// DetectLanguage returns the ISO 639-1 code of the language most of text is
// written in, or "und" when it cannot tell. The script with the most letters
// decides (an English article quoting 支付寶 stays English); Latin text is
// told apart by its most frequent function words (en, fr, de, es, it, pt,
// nl), Han text by the presence of kana (ja) or not (zh).
func DetectLanguage(text string) string {
	if len(text) > langSample {
		cut := langSample
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	var st langStats
	st.scan(text)
	return st.decide()
}

// langStats is what one pass over a text gathers: letters per script, and
// for Latin text the function words of each language.
type langStats struct {
	letters       [numScripts]int
	persian, urdu int // letters only Persian or Urdu use, of the Arabic ones
	words         int
	hits          [(len(latinCodes) + 1) / 3]int // per language of latinCodes
}

// latinCodes are the languages told apart by function words; the order
// breaks ties and gives the bits of functionWordLangs.
const latinCodes = "en fr de es it pt nl"

func (st *langStats) scan(text string) {
	var buf [8]byte // the word so far, lower-cased, while it fits
	n := 0          // its length; more than len(buf) when it did not fit
	latin := 0
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			i++
			if uint32(c|0x20)-'a' < 26 || uint32(c)-'0' < 10 {
				if c > '9' {
					latin++
				}
				if n < len(buf) {
					buf[n] = c | 0x20 // lower case; digits have the bit already
				}
				n++
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			i += size
			if unicode.IsLetter(r) {
				st.countLetter(r)
				lr := unicode.ToLower(r)
				if l := utf8.RuneLen(lr); n+l <= len(buf) {
					utf8.EncodeRune(buf[n:], lr)
					n += l
				} else {
					n += len(buf) + 1
				}
				continue
			}
			if unicode.IsMark(r) {
				continue // a combining accent or an Arabic vowel sign: inside the word
			}
		}
		// Anything else ends a word; apostrophes too, so French elisions
		// (l’, d’, qu’) count as words.
		if n > 0 {
			st.endWord(buf[:min(n, len(buf))], n <= len(buf))
			n = 0
		}
	}
	if n > 0 {
		st.endWord(buf[:min(n, len(buf))], n <= len(buf))
	}
	st.letters[scriptLatin] += latin
}

// endWord counts a word, and its function word hits when it fit in w.
func (st *langStats) endWord(w []byte, fit bool) {
	st.words++
	if !fit {
		return
	}
	m := functionWordLangs(w)
	for k := range st.hits {
		st.hits[k] += int(m >> k & 1)
	}
}

func (st *langStats) countLetter(r rune) {
	s, ok := scriptOf(r)
	if !ok {
		return
	}
	st.letters[s]++
	if s == scriptArabic {
		switch r {
		case 'پ', 'چ', 'ژ', 'گ', 'ک', 'ی':
			st.persian++
		case 'ٹ', 'ڈ', 'ڑ', 'ں', 'ے', 'ھ':
			st.urdu++
		}
	}
}

func (st *langStats) decide() string {
	// Kana only ever appears in Japanese, mixed with Han.
	cjk := st.letters[scriptHan] + st.letters[scriptKana]
	best, bestN := script(-1), 0
	for s, n := range st.letters {
		if script(s) != scriptHan && script(s) != scriptKana && n > bestN {
			best, bestN = script(s), n
		}
	}
	if cjk > bestN {
		if st.letters[scriptKana]*20 >= cjk {
			return "ja"
		}
		return "zh"
	}
	switch best {
	case scriptLatin:
		return st.latin()
	case scriptArabic:
		switch {
		case st.urdu*50 > bestN:
			return "ur"
		case st.persian*50 > bestN:
			return "fa"
		}
		return "ar"
	case scriptHangul:
		return "ko"
	case scriptCyrillic:
		return "ru"
	case scriptGreek:
		return "el"
	case scriptHebrew:
		return "he"
	case scriptDevanagari:
		return "hi"
	case scriptThai:
		return "th"
	}
	return "und"
}

// latin picks the language whose function words are most frequent. They
// make up a third of running text in these languages, so a few hundred
// words are plenty; text with almost none (a list of names) is "und".
func (st *langStats) latin() string {
	best := 0
	for k := range st.hits {
		if st.hits[k] > st.hits[best] {
			best = k
		}
	}
	// At least two hits and one word in twenty: otherwise it is guessing.
	if st.hits[best] < 2 || st.hits[best]*20 < st.words {
		return "und"
	}
	return latinCodes[3*best : 3*best+2]
}

func scriptOf(r rune) (script, bool) {
	// The common blocks first; unicode.Is then settles the rest.
	switch {
	case r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7:
		return scriptLatin, true
	case r >= 0x0620 && r <= 0x064A:
		return scriptArabic, true
	case r >= 0x4E00 && r <= 0x9FFF:
		return scriptHan, true
	case r >= 0x0410 && r <= 0x044F:
		return scriptCyrillic, true
	}
	switch {
	case unicode.Is(unicode.Latin, r):
		return scriptLatin, true
	case unicode.Is(unicode.Arabic, r):
		return scriptArabic, true
	case unicode.Is(unicode.Han, r):
		return scriptHan, true
	case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
		return scriptKana, true
	case unicode.Is(unicode.Hangul, r):
		return scriptHangul, true
	case unicode.Is(unicode.Cyrillic, r):
		return scriptCyrillic, true
	case unicode.Is(unicode.Greek, r):
		return scriptGreek, true
	case unicode.Is(unicode.Hebrew, r):
		return scriptHebrew, true
	case unicode.Is(unicode.Devanagari, r):
		return scriptDevanagari, true
	case unicode.Is(unicode.Thai, r):
		return scriptThai, true
	}
	return 0, false
}
