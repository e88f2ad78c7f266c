package corpus

import (
	"math/bits"
	"strings"
	"unicode/utf8"

	"corpusbot/text"
)

// markerText strips what decorates a short line around its words: bullets,
// brackets, arrows and trailing colons, so "(Reporting by …)" and "Lire
// aussi :" match their rules.
func markerText(folded string) string {
	t := strings.TrimLeft(folded, "([{•*·-–—>»|:#\"' ")
	return strings.TrimRight(t, ")]}.:;!|—–-»>\"' ")
}

// contentKeys calls fn, until it returns false, with a key for each word
// of the folded text f that says what it is about: no stopwords, numbers
// or words under three letters; possessives and elisions cut off
// ("china's", "l'industrie"); Arabic clitic prefixes stripped; then the
// first five letters, a crude stem that matches "regulators" with
// "regulation". Runs of Han or kana give their overlapping pairs of
// characters.
func contentKeys(f string, fn func(key string) bool) { contentKeysIn(f, nil, fn) }

// contentKeysIn is contentKeys giving fn only the keys that may be in the
// filter may (all when nil): a word whose key is surely not is passed
// over before the costly tests of what a key is (stopwords, digits). It
// reports whether fn never returned false.
func contentKeysIn(f string, may *keyFilter, fn func(key string) bool) bool {
	ideoStart, ideoEnd := -1, -1 // the previous word, when an ideograph
	more := true
	forEachWord(f, func(s, e int) bool {
		w := f[s:e]
		if r, n := utf8.DecodeRuneInString(w); n == len(w) && text.IsIdeograph(r) {
			more = ideoEnd != s || !may.has(f[ideoStart:e]) || fn(f[ideoStart:e])
			ideoStart, ideoEnd = s, e
			return more
		}
		if i := strings.LastIndexByte(w, '\''); i >= 0 {
			if head := w[:i]; len(w)-i-1 < len(head) {
				w = head // possessive: china's
			} else {
				w = w[i+1:] // elision: l'industrie
			}
		}
		if w == "" {
			return true
		}
		if w[0] >= utf8.RuneSelf {
			w = stripArabicPrefix(w)
		}
		if len(w) < 3 {
			return true
		}
		key := w[:runePrefix(w, 5)]
		if !may.has(key) {
			return true
		}
		// The cheap tests first: every word of a judged paragraph comes here.
		if hasDigit(w) || utf8.RuneCountInString(w) < 3 || text.IsStopword("", w) {
			return true
		}
		more = fn(key)
		return more
	})
	return more
}

// contentKeysASCII is contentKeysIn(text.Fold(t), may, fn) for ASCII text t,
// without folding it: Fold of ASCII only lowers its case and closes up its
// white space, which moves no word boundary, so each word is lowered as
// it is judged, and only when its key may be in may. Its words are found
// by a loop of its own, text.Words on ASCII (a joiner between two digits
// or two letters stays inside the word): the check reads whole
// paragraphs, and an iterator's calls per word were a fifth of it. It
// reports whether fn never returned false.
func contentKeysASCII(t string, may *keyFilter, fn func(key string) bool) bool {
	start, apos := -1, -1 // the word's start and its last apostrophe, -1 when none
	for i := 0; i < len(t); i++ {
		c := t[i]
		if asciiWord[c] != 0 {
			if start < 0 {
				start, apos = i, -1
			}
			// The word's next letters and digits, eight at a time: a test
			// and a branch a byte were most of reading a paragraph.
			for i+9 <= len(t) {
				x := load8(t, i+1)
				k := bits.TrailingZeros64(^(byteIn(x|0x2020202020202020, 'a', 'z')|byteIn(x, '0', '9'))&highBits) >> 3
				i += k
				if k < 8 {
					break
				}
			}
			continue
		}
		if start < 0 {
			continue
		}
		if i+1 < len(t) {
			if n := t[i+1]; c == '\'' && isASCIILetter(t[i-1]) && isASCIILetter(n) {
				apos = i
				continue
			} else if (c == '.' || c == ',') && isASCIIDigit(t[i-1]) && isASCIIDigit(n) {
				continue
			}
		}
		if !asciiKey(t[start:i], apos-start, may, fn) {
			return false
		}
		start = -1
	}
	return start < 0 || asciiKey(t[start:], apos-start, may, fn)
}

// asciiKey is contentKeysASCII's judgement of one word w whose last
// apostrophe is at apos (negative when none): it reports whether to go on.
func asciiKey(w string, apos int, may *keyFilter, fn func(key string) bool) bool {
	if apos >= 0 {
		if len(w)-apos-1 < apos {
			w = w[:apos] // possessive: china's
		} else {
			w = w[apos+1:] // elision: l'industrie
		}
	}
	if len(w) < 3 || !may.hasLower(w[:min(len(w), 5)]) {
		return true
	}
	// Digits and capitals in one pass over the word, without a branch a
	// byte.
	var class uint8
	for i := 0; i < len(w); i++ {
		class |= asciiClass[w[i]]
	}
	if class&classDigit != 0 {
		return true
	}
	if class&classUpper == 0 {
		return text.IsStopword("", w) || fn(w[:min(len(w), 5)])
	}
	// Lowered on the stack for the stopword test: most capitalised words
	// open a sentence, and many of those are stopwords ("The", "In").
	var buf [32]byte
	if len(w) > len(buf) {
		w = strings.ToLower(w)
		return text.IsStopword("", w) || fn(w[:5])
	}
	lw := buf[:copy(buf[:], w)]
	for i, c := range lw {
		if 'A' <= c && c <= 'Z' {
			lw[i] = c + 'a' - 'A'
		}
	}
	return text.IsStopword("", string(lw)) || fn(string(lw[:min(len(lw), 5)]))
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }

// asciiClass marks the ASCII digits and capitals, which asciiKey looks
// for in a word.
var asciiClass = func() (c [256]uint8) {
	for b := '0'; b <= '9'; b++ {
		c[b] = classDigit
	}
	for b := 'A'; b <= 'Z'; b++ {
		c[b] = classUpper
	}
	return c
}()

const (
	classDigit = 1 << iota
	classUpper
)

// asciiWord is 1 for the ASCII letters and digits, the bytes of words.
var asciiWord = func() (w [256]uint8) {
	for c := range utf8.RuneSelf {
		if isASCIILetter(byte(c)) || isASCIIDigit(byte(c)) {
			w[c] = 1
		}
	}
	return w
}()

// keyFilter is a set of content keys that may answer "maybe" for a key
// not in it, but never "no" for one in it; nil holds every key.
type keyFilter [keyFilterBits / 64]uint64

// keyFilterBits makes a filter of 512 bytes, against the 50–150 keys of a
// judged paragraph: about 2-4% of other keys pass.
const keyFilterBits = 1 << 12

func (m *keyFilter) add(key string) { m.set(keyBit(key, false)) }

func (m *keyFilter) set(b uint32) { m[b>>6] |= 1 << (b & 63) }

func (m *keyFilter) get(b uint32) bool { return m[b>>6]>>(b&63)&1 != 0 }

func (m *keyFilter) has(key string) bool { return m == nil || m.get(keyBit(key, false)) }

// hasLower is has(strings.ToLower(key)) for an ASCII key.
func (m *keyFilter) hasLower(key string) bool { return m == nil || m.get(keyBit(key, true)) }

// keyBit is key's bit of keyFilter (FNV-1a), of key in lower case when
// lower: keys are a few bytes, so a loop beats a general hash's setup.
func keyBit(key string, lower bool) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(key); i++ {
		c := key[i]
		if lower && 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint32(c)) * 16777619
	}
	return (h ^ h>>16) % keyFilterBits
}

// hasDigit reports whether w holds an ASCII digit.
func hasDigit(w string) bool {
	for i := 0; i < len(w); i++ {
		if '0' <= w[i] && w[i] <= '9' {
			return true
		}
	}
	return false
}

// runePrefix returns the length in bytes of the first n runes of s.
func runePrefix(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// stripArabicPrefix removes the article and the conjunctions and
// prepositions written joined to an Arabic word, when three letters are
// left (text.ArabicBare's longest reading).
func stripArabicPrefix(w string) string {
	for rest := range text.ArabicBare(w, 3, false) {
		return rest
	}
	return w
}
