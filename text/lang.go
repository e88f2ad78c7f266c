package text

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// langSample bounds how much of a document language detection reads: the
// first 64 KiB say as much as the whole.
const langSample = 64 << 10

// script is a writing system whose words are counted.
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
	scriptLao
	scriptKhmer
	scriptMyanmar
	scriptTamil
	scriptBengali
	scriptGeorgian
	scriptArmenian
	numScripts
)

// scriptLangs names the language of scripts that have (nearly) one.
var scriptLangs = [numScripts]string{
	scriptHangul: "ko", scriptGreek: "el", scriptHebrew: "he", scriptDevanagari: "hi",
	scriptThai: "th", scriptLao: "lo", scriptKhmer: "km", scriptMyanmar: "my",
	scriptTamil: "ta", scriptBengali: "bn", scriptGeorgian: "ka", scriptArmenian: "hy",
}

// latinLangs are the languages written in Latin script that detection
// tells apart, by their stopwords and letters: every Snowball language,
// Vietnamese, and the Latin-script languages of Discord's clients that
// Snowball lacks (Polish, Czech, Croatian, Lithuanian; detectionWords). A
// language's bit in a mask is 1 << its index.
var latinLangs = [...]string{"en", "fr", "de", "es", "it", "pt", "nl", "da", "no", "sv", "fi", "hu", "ro", "tr", "ga", "id", "vi", "pl", "cs", "hr", "lt"}

const numLatin = len(latinLangs)

// Languages returns the ISO 639-1 codes DetectLanguage may return, but
// "und": the Latin-script languages it tells apart by their words and
// letters, and those of the other scripts, by the script alone or by its
// letters and function words (Arabic, Persian and Urdu; Russian,
// Ukrainian, Serbian and Bulgarian; Chinese and Japanese). A reader of any
// of them is owed an answer in it, or a deliberate fallback (i18n).
func Languages() []string {
	out := append([]string(nil), latinLangs[:]...)
	for _, s := range sharedScripts {
		out = append(out, s.langs...)
	}
	for _, l := range scriptLangs {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// sharedScripts are the scripts other than Latin in which decide names
// more than the script's one language, or a language by more than its
// script: Arabic, Persian and Urdu by letters proper to the latter two;
// Russian, Ukrainian, Serbian and Bulgarian by letters and function words
// (Russian when none tells); Chinese, and Japanese by its kana. The
// languages of each share its script (Script) and, but for Han and kana,
// are told apart by what a short text may lack (Confusable).
var sharedScripts = [...]struct {
	script script
	langs  []string
}{
	{scriptArabic, []string{"ar", "fa", "ur"}},
	{scriptCyrillic, []string{"ru", "uk", "sr", "bg"}},
	{scriptHan, []string{"zh"}},
	{scriptKana, []string{"ja"}},
}

// DetectLanguage returns the ISO 639-1 code of the language most of text is
// written in, or "und" when it cannot tell. It is made for documents and
// for questions of a few words alike.
//
// Words are counted per script. Latin script wins only when no other
// script has at least half as many words, so Arabic or Chinese text that
// names Latin brands stays Arabic or Chinese, and an English article quoting
// 支付寶 stays English. Han text is Japanese when it has kana. Cyrillic is
// Russian unless Ukrainian, Serbian or Bulgarian letters say otherwise.
// Latin text is told apart by its stopwords, each counting for the
// languages that share it, and by letters proper to a few languages (ß, ñ,
// ã, ő, ğ, ă, å, ø, ơ…); with neither, as in a list of names, it is "und".
// In a question, a stopword said twice counts twice only for a language
// with another stopword in it ("Mengapa perintah tar dinamai tar?" is
// Indonesian, not Irish: tar is an Irish stopword).
func DetectLanguage(text string) string { return DetectLanguageFor(text, "") }

// DetectLanguageFor is DetectLanguage for a reader whose language is
// prefer (ISO 639-1, such as a Discord client's): where the text's
// evidence is as strong for prefer as for the language detected, as when
// its only function words are shared ("Como configuro o Prometheus?":
// como is Spanish, Italian and Portuguese), prefer is the answer rather
// than the first of the tied languages in the list. Evidence for another
// language outweighs it.
func DetectLanguageFor(text, prefer string) string { return detectLanguage(text, prefer, false) }

// detectLanguage is DetectLanguageFor; whole reads all of the sample even
// where the rest could not change the answer (for the tests that hold the
// early stop to it).
func detectLanguage(text, prefer string, whole bool) string {
	if len(text) > langSample {
		cut := langSample
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	st := langStats{prefer: -1, reader: prefer != "", ukrainian: prefer == "uk", whole: whole, once: len(text) < onceBelow}
	if k := slices.Index(latinLangs[:], prefer); k >= 0 {
		st.prefer = k
	}
	st.scan(text)
	st.foldRepeats()
	return st.decide(text)
}

// foldRepeats counts a short text's repeated stopwords (once) for the
// languages with two distinct stopwords in it or more: a language whose
// only evidence is one word said twice ("tar … tar") has that word once,
// as a topic word that happens to be one of its stopwords, while a
// language's articles and prepositions recur beside its other function
// words ("un emulatore … un dispositivo … ad"). What is not folded stays
// in again: evidence that the text is in some language, for latin's
// guessing bound, not for one language over another. Chosen on the tuning
// halves (docs/benchmarks.md, "Short-question detection"): every repeat
// counted once lost 1 line of tldr descriptions, these 2 wrong fewer.
func (st *langStats) foldRepeats() {
	if !st.once {
		return
	}
	for k := range numLatin {
		if st.types[k] >= 2 {
			st.hits[k] += st.again[k]
			st.again[k] = 0
		}
	}
}

// langStats is what one pass over a text gathers.
type langStats struct {
	words         [numScripts]int // words by the script of their first letter; Han and kana count each character
	persian, urdu int             // Arabic-script letters proper to Persian or Urdu
	arabic        int
	cyrillic      [4]int // letters proper to uk, sr/mk, bg (ъ), and ы (ru, not bg)
	cyrLetters    int
	hits          [numLatin]float64 // stopword evidence per Latin language
	hints         [numLatin]float64 // letter evidence per Latin language
	prefer        int               // the reader's language in latinLangs, -1 for none
	ukrainian     bool              // the reader's language is Ukrainian
	reader        bool              // whether the caller named a reader's language, Latin or not
	whole         bool              // read the whole text, never stopping early (settled)
	slow          bool              // read letter by letter, never eight letters at once (for the test that holds scan to it)
	once          bool              // a short text: a stopword's repeats go to again (onceBelow)
	seen          [onceSeen]uint16  // with once: the stopIndex slots of the stopwords counted
	nseen         int
	again         [numLatin]float64 // with once: the stopword evidence of repeats, not (yet) in hits (foldRepeats)
	types         [numLatin]uint8   // with once: distinct stopwords per language (at most onceSeen)
}

// onceBelow is the length under which a text counts each stopword once
// before foldRepeats: a short question's repeated word may be its topic,
// not its language ("Mengapa perintah tar dinamai tar?": tar, twice, is
// an Irish stopword, mengapa one Indonesian's, and the question was
// Irish). A longer text repeats its language's function words, and the
// early stop (settled), which bounds what the rest can add by one a word,
// starts reading at settleFirst.
const onceBelow = settleFirst

// onceSeen bounds the stopwords a short text remembers: a question has a
// handful; past it, the rest count every time.
const onceSeen = 32

// maxWordBytes is the longest word looked up in the stopword lists.
const maxWordBytes = 24

// scan reads text, up to where settled says the rest cannot change the
// answer; it returns how much it read.
func (st *langStats) scan(text string) int {
	// The word so far, lower-cased, while it fits in maxWordBytes; eight
	// bytes more, for the eight written at once below.
	var buf [maxWordBytes + 8]byte
	n := 0            // its length; more than maxWordBytes when it did not fit
	cur := script(-1) // the script of the current word
	var hint uint32   // the languages the current word's most telling letter is proper to
	// A capitalised function word inside a sentence is part of a name (Los
	// Angeles, San Diego, De Gaulle): no evidence of a language.
	capital, sentenceStart := false, true
	stops := latinStopwords()
	check := settleFirst // where to ask settled next
	if st.whole {
		check = len(text) + 1
	}
	end := func() {
		if cur == scriptLatin {
			st.endLatinWord(stops, buf[:min(n, maxWordBytes)], n <= maxWordBytes && (!capital || sentenceStart), hint)
			sentenceStart = false
		} else if cur >= 0 && cur != scriptHan && cur != scriptKana {
			st.words[cur]++
		}
		n, cur, hint = 0, -1, 0
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			if uint32(c|0x20)-'a' < 26 {
				if cur != scriptLatin {
					end()
					cur = scriptLatin
					capital = c < 'a'
				}
				if n < maxWordBytes {
					buf[n] = c | 0x20
				}
				n++
				// The word's next ASCII letters, eight at a time: words
				// are read letter by letter otherwise, most of the scan.
				for i+8 <= len(text) && !st.slow {
					x := load8(text, i) | 0x2020202020202020 // letters to lower case
					k := bits.TrailingZeros64(^asciiLetters(x)&0x8080808080808080) >> 3
					if n <= maxWordBytes {
						binary.LittleEndian.PutUint64(buf[n:], x)
					}
					n += k
					i += k
					if k < 8 {
						break
					}
				}
				continue
			}
			end()
			if c == '.' || c == '!' || c == '?' || c == ':' || c == '\n' {
				sentenceStart = true
			}
			if i >= check {
				next := st.settled(text[i:])
				if next < 0 {
					return i
				}
				check = i + next
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if unicode.IsMark(r) {
			continue // a combining accent or an Arabic vowel sign: inside the word
		}
		s, ok := scriptOf(r)
		if !ok || !unicode.IsLetter(r) {
			end()
			if IsTerminal(r) {
				sentenceStart = true
			}
			continue
		}
		if s == scriptHan || s == scriptKana {
			end()
			st.words[s]++ // each character a word, as CountWords counts them
			continue
		}
		if s != cur {
			end()
			cur = s
			capital = unicode.IsUpper(r)
		}
		st.countLetter(s, r)
		if s == scriptLatin {
			// The most telling letter of the word speaks for it.
			if h := latinHints(r); h != 0 && (hint == 0 || bits.OnesCount32(h) < bits.OnesCount32(hint)) {
				hint = h
			}
			lr := unicode.ToLower(r)
			if l := utf8.RuneLen(lr); n+l <= maxWordBytes {
				utf8.EncodeRune(buf[n:], lr)
				n += l
			} else {
				n += maxWordBytes + 1
			}
		}
	}
	end()
	return len(text)
}

// settleFirst is where scan first asks settled; settleEvery the least it
// reads before it asks again.
const settleFirst, settleEvery = 512, 64

// settled says whether the answer is already decided whatever rest,
// ASCII text that scan has not read from a word's start on, holds: -1 if
// it is, else how much more to read before asking again. ASCII adds Latin
// words only, and no letter evidence; each of its words adds at most 1 to
// a language's stopword score, and only if it has two letters or more.
// So when the Latin language in the lead is ahead of the next by more
// than rest has such words, has enough evidence now for as many words as
// the whole text will have, and no other script can come within half of
// the Latin words, latin picks it now as it would at the end, without a
// tie. The language of the 1 M corpus's documents shows by about seven
// eighths of their first 2 KiB.
func (st *langStats) settled(rest string) int {
	latinWords := st.words[scriptLatin]
	other := 0 // at least the count decide compares with Latin's
	for s, n := range st.words {
		if script(s) != scriptLatin && script(s) != scriptKana {
			other = max(other, n)
		}
	}
	if st.words[scriptHan] > 0 {
		other = max(other, st.words[scriptHan]+st.words[scriptKana])
	}
	if latinWords == 0 || other*2 >= latinWords {
		return settleEvery
	}
	best, bestScore, second, total := st.leader()
	if best < 0 || total < 1 && st.hints[best] < 1 {
		return settleEvery
	}
	// A text far from settled is asked again later, not counted: in
	// English a word is six or seven bytes, and the lead grows by about a
	// fifth of a word's evidence a word while the words left fall by one.
	lead := bestScore - second
	if guess := float64(len(rest))/7 - lead; guess > 0 {
		return max(settleEvery, int(5*guess))
	}
	words, looked, wide := asciiWords(rest)
	if wide >= 0 {
		return wide + settleEvery // not ASCII: not before it
	}
	// The margin of 1e-6 covers the rounding of the shares' sums, which
	// are multiples of 1/2 … 1/21 added in another order than here.
	if lead > float64(looked)+1e-6 && bestScore*20 >= float64(latinWords+words) {
		return -1
	}
	return max(settleEvery, int(5*(float64(looked)-lead)))
}

// asciiLetters has the high bit set in each byte of x, lower-cased, that
// is a letter a–z, up to the first byte that is not one (a byte that is
// not ASCII may carry into those after it).
func asciiLetters(x uint64) uint64 {
	const ones = 0x0101010101010101
	return (x + ones*(0x80-'a')) &^ (x + ones*(0x7F-'z')) & 0x8080808080808080
}

// load8 is the eight bytes of s from i, little-endian.
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// asciiWords counts the words of s, as scan reads them, while s is
// ASCII: runs of letters, and those of two letters or more, which it looks
// up (one letter is never a stopword to it). wide is where s stops being
// ASCII, -1 if it does not. Eight bytes at a time: a run's first letter is
// a letter after anything else, its second a letter after a first.
func asciiWords(s string) (words, looked, wide int) {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	var prev uint64 // the letters of the eight bytes before
	for i := 0; i < len(s); i += 8 {
		var x uint64
		if i+8 <= len(s) {
			x = load8(s, i)
		} else {
			for j := len(s) - 1; j >= i; j-- {
				x = x<<8 | uint64(s[j])
			}
		}
		if x&high != 0 {
			return words, looked, i + bits.TrailingZeros64(x&high)>>3
		}
		l := x | 0x2020202020202020 // letters to lower case, a NUL to a space
		m := (l + ones*(0x80-'a')) &^ (l + ones*(0x7F-'z')) & high
		after1 := m<<8 | prev>>56  // the byte before is a letter
		after2 := m<<16 | prev>>48 // and the one before it
		words += bits.OnesCount64(m &^ after1)
		looked += bits.OnesCount64(m & after1 &^ after2)
		prev = m
	}
	return words, looked, -1
}

// endLatinWord counts a Latin word and its evidence: the languages whose
// stopword it is (when it fit in w and may be one), and those its letters
// point to, each shared equally by the languages it points to.
func (st *langStats) endLatinWord(stops *stopIndex, w []byte, fit bool, hint uint32) {
	st.words[scriptLatin]++
	// One letter says little: initials, variables and elided articles
	// ("n=21", "J. Smith", "l'") are in every language. Norwegian å ("to",
	// before a verb; Danish writes at) is the exception that tells
	// Norwegian from Danish most often, and Portuguese é ("is") the one
	// that opens its commonest questions ("O que é…", "Qual é…").
	if _, first := utf8.DecodeRune(w); fit && (len(w) > first || string(w) == "å" || string(w) == "é") {
		if m, slot := stops.lookupSlot(w); m != 0 {
			to, again := &st.hits, st.repeated(slot)
			if again {
				to = &st.again
			}
			share := 1 / float64(bits.OnesCount32(m))
			for ; m != 0; m &= m - 1 {
				k := bits.TrailingZeros32(m)
				to[k] += share
				if !again && st.types[k] < onceSeen {
					st.types[k]++
				}
			}
		}
	}
	if hint != 0 {
		share := 1 / float64(bits.OnesCount32(hint))
		for ; hint != 0; hint &= hint - 1 {
			st.hints[bits.TrailingZeros32(hint)] += share
		}
	}
}

// repeated reports whether a short text (once) has counted the stopword
// of slot already, and remembers it if not.
func (st *langStats) repeated(slot uint16) bool {
	if !st.once {
		return false
	}
	if slices.Contains(st.seen[:st.nseen], slot) {
		return true
	}
	if st.nseen < len(st.seen) {
		st.seen[st.nseen] = slot
		st.nseen++
	}
	return false
}

func (st *langStats) countLetter(s script, r rune) {
	switch s {
	case scriptArabic:
		st.arabic++
		switch r {
		case 'پ', 'چ', 'ژ', 'گ', 'ک', 'ی':
			st.persian++
		case 'ٹ', 'ڈ', 'ڑ', 'ں', 'ے', 'ھ', 'ۓ', 'ہ', 'ۃ':
			// ہ (gol he) and ۃ are Urdu's h and its tā marbūṭa, where
			// Persian and Arabic write ه and ة: "یہ کتاب کس کی ہو"
			// has no other letter of Urdu's.
			st.urdu++
		}
	case scriptCyrillic:
		st.cyrLetters++
		switch r {
		case 'і', 'ї', 'є', 'ґ', 'І', 'Ї', 'Є', 'Ґ':
			st.cyrillic[0]++
		case 'ђ', 'ћ', 'џ', 'љ', 'њ', 'ј', 'Ђ', 'Ћ', 'Џ', 'Љ', 'Њ', 'Ј':
			st.cyrillic[1]++
		case 'ъ':
			st.cyrillic[2]++
		case 'ы', 'э', 'Ы', 'Э':
			st.cyrillic[3]++
		}
	}
}

func (st *langStats) decide(text string) string {
	// The script with the most words, Latin only if no other has half as
	// many: brand names and code are Latin in any text.
	best, bestN := script(-1), 0
	for s, n := range st.words {
		if script(s) == scriptLatin || script(s) == scriptKana {
			continue
		}
		if n > bestN {
			best, bestN = script(s), n
		}
	}
	cjk := st.words[scriptHan] + st.words[scriptKana]
	if best == scriptHan {
		bestN = cjk
	}
	if bestN == 0 || bestN*2 < st.words[scriptLatin] {
		l := "und"
		if st.words[scriptLatin] > 0 {
			l = st.latin(text)
		}
		// Kana is Japanese only; with no Han it does not compete above, so
		// that a katakana loanword in English stays English, but Latin
		// words that are no language's ("Helm チャートを…") leave it the say.
		if l == "und" && st.words[scriptKana] > 0 {
			return "ja"
		}
		return l
	}
	switch best {
	case scriptHan:
		if st.words[scriptKana]*20 >= cjk {
			return "ja"
		}
		return "zh"
	case scriptArabic:
		switch {
		case st.urdu*50 > st.arabic:
			return "ur"
		case st.persian*50 > st.arabic:
			return "fa"
		}
		return "ar"
	case scriptCyrillic:
		n := st.cyrLetters
		switch {
		case st.cyrillic[0]*100 >= n:
			return "uk"
		case st.cyrillic[1]*100 >= n:
			return "sr"
		case st.saysUkrainian(text):
			return "uk"
		case st.cyrillic[3] == 0 && (n >= 100 && st.cyrillic[2]*100 >= n || st.bulgarian(text) > 0):
			return "bg"
		}
		return "ru"
	}
	return scriptLangs[best]
}

// bulgarian weighs the evidence for Bulgarian over Russian in a Cyrillic
// text without ы or э, which Bulgarian lacks: its function words less
// Russian's (cyrillicWord), and ъ, which Russian writes in few words
// (объект, съезд). It reads the text a second time, which only such texts
// pay for; scan stays as fast for the rest.
func (st *langStats) bulgarian(text string) int {
	score := 0
	if st.cyrillic[2] > 0 {
		score++
	}
	return score + st.cyrillicWords(text, cyrillicWord)
}

// saysUkrainian reports whether a Cyrillic text without і ї є ґ is
// Ukrainian ("Що таке X?"): no letter of Russian's or Bulgarian's, and
// more of Ukrainian's function words than theirs; for a reader of
// Ukrainian, no fewer ("масиви").
func (st *langStats) saysUkrainian(text string) bool {
	if st.cyrillic[3] > 0 || st.cyrillic[2] > 0 {
		return false
	}
	score := st.cyrillicWords(text, ukrainianWord)
	return score > 0 || st.ukrainian && score == 0
}

// cyrillicWords sums word's score of each word of text.
func (st *langStats) cyrillicWords(text string, word func([]byte) int) int {
	score := 0
	var buf [maxWordBytes]byte
	n := 0
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsMark(r) {
			if l := utf8.RuneLen(r); n >= 0 && n+l <= len(buf) {
				n += utf8.EncodeRune(buf[n:], unicode.ToLower(r))
			} else {
				n = -1 // too long to be a function word
			}
			continue
		}
		if n > 0 {
			score += word(buf[:n])
		}
		n = 0
	}
	if n > 0 {
		score += word(buf[:n])
	}
	return score
}

// leader returns the Latin-script language with the most evidence (the
// first of those tied; -1 when none has any), its score, the best score
// of the others, and the stopword evidence of all.
func (st *langStats) leader() (best int, bestScore, second, total float64) {
	best = -1
	for k := range numLatin {
		total += st.hits[k]
		if s := st.hits[k] + st.hints[k]; s > bestScore {
			best, bestScore, second = k, s, bestScore
		} else if s > second {
			second = s
		}
	}
	return best, bestScore, second, total
}

// latin picks the Latin-script language with the most evidence, a word
// with letters proper to some languages counting as much as a stopword.
// With less than one word's evidence, or evidence for less than one word in
// twenty, it is guessing: "und".
func (st *langStats) latin(text string) string {
	best, bestScore, second, total := st.leader()
	if best < 0 || total < 1 && st.hints[best] < 1 {
		// No function word, or one shared by several languages: the
		// content words may tell ("Wozu führen erhöhte Treibhausgase?"),
		// unless the caller knows its reader's language, which is then a
		// better guess than one content word ("Ticket 42" in a German
		// page). "und" leaves that to the caller, as before.
		if !st.reader {
			if l := contentTieBreak(text, allLatin); l >= 0 {
				return latinLangs[l]
			}
		}
		return "und"
	}
	if (bestScore+st.again[best])*20 < float64(st.words[scriptLatin]) {
		return "und"
	}
	// The function words tie ("Was bedeutet X?": was is English and
	// German; "Como configuro o Prometheus?": como is Spanish, Italian and
	// Portuguese). The content words settle it when they are clearly
	// commoner in one of the tied languages, for any reader ("bedeutet"
	// is German for an English client too); else the reader does, when
	// their language is in the tie.
	content := -1
	var tied uint32
	if second >= bestScore-1e-9 {
		for k := range numLatin {
			if st.hits[k]+st.hints[k] >= bestScore-1e-9 {
				tied |= 1 << k
			}
		}
		content = contentTieBreak(text, tied)
	}
	if p := st.prefer; p >= 0 && st.hits[p]+st.hints[p] >= bestScore-1e-9 && content < 0 {
		return latinLangs[p]
	}
	// Else the spelling of the content words may settle it ("Comprime un
	// archivo": archivo is in no table, but its letters are Spanish).
	if content < 0 && tied != 0 {
		content = ngramTieBreak(text, tied)
	}
	if content >= 0 {
		return latinLangs[content]
	}
	if second == bestScore {
		// A tie that English wins only by coming first in the list says
		// nothing. Undecided, a question takes the client's locale (and
		// English when there is none); ties between other languages keep
		// the list's order (Danish before Norwegian: either reads the
		// other).
		if latinLangs[best] == "en" {
			return "und"
		}
	}
	return latinLangs[best]
}

// stopIndex maps each stopword of the Latin-script languages to the
// languages (bits of latinLangs) that list it. Most words of a text are
// not stopwords: a bitmap of their length, first two and last byte turns most
// of them away before the table is consulted. The table is open
// addressing on a word's first eight bytes and its length, the rest
// compared only for longer words: a document's words are looked up
// once each, and a Go map's hashing and probing were half of detection.
type stopIndex struct {
	slots  []stopSlot // a power of two, at most half full
	shift  uint       // 64 - log2(len(slots))
	tails  []string   // the bytes past the eighth of the longer words
	filter [1 << 10]uint64
}

// stopSlot is one word of stopIndex; n is 0 in an empty slot.
type stopSlot struct {
	head  uint64 // the first eight bytes, little-endian, zeros past the word
	langs uint32
	n     uint8
	tail  uint16 // index in tails when n > 8
}

// stopKey is a 16-bit hash of a word's length, first two and last byte,
// for the filters of stopIndex and stopSet. Mixed by a multiplication:
// a sum of the bytes put every lower-case ASCII word in 1,600 of the
// 65,536 bits, most of which the stopwords of all languages set, so the
// filter turned away few words.
func stopKey[S ~string | ~[]byte](w S) uint32 {
	return stopKeyOf(len(w), w[0], w[min(1, len(w)-1)], w[len(w)-1])
}

// stopKeyOf is stopKey of a word of n bytes, the first two and the last
// given.
func stopKeyOf(n int, first, second, last byte) uint32 {
	x := uint32(n) | uint32(first)<<8 | uint32(second)<<16 | uint32(last)<<24
	return x * 0x9E3779B1 >> 16
}

// wordHead is the first eight bytes of w, little-endian, zeros past its end.
func wordHead(w []byte) uint64 {
	if len(w) >= 8 {
		return binary.LittleEndian.Uint64(w)
	}
	var h uint64
	for i := len(w) - 1; i >= 0; i-- {
		h = h<<8 | uint64(w[i])
	}
	return h
}

// slot is where the probe for a word of head and length n starts.
func (x *stopIndex) slot(head uint64, n int) int {
	return int((head + uint64(n)) * 0x9E3779B97F4A7C15 >> x.shift)
}

func (x *stopIndex) lookup(w []byte) uint32 {
	m, _ := x.lookupSlot(w)
	return m
}

// lookupSlot is lookup, and the word's slot when it is one.
func (x *stopIndex) lookupSlot(w []byte) (uint32, uint16) {
	if len(w) == 0 || len(w) > maxWordBytes {
		return 0, 0
	}
	if k := stopKey(w); x.filter[k>>6]>>(k&63)&1 == 0 {
		return 0, 0
	}
	head, mask := wordHead(w), len(x.slots)-1
	for i := x.slot(head, len(w)); ; i = (i + 1) & mask {
		s := &x.slots[i]
		if s.n == 0 {
			return 0, 0
		}
		if s.head == head && int(s.n) == len(w) && (len(w) <= 8 || x.tails[s.tail] == string(w[8:])) {
			return s.langs, uint16(i)
		}
	}
}

var latinStopwords = sync.OnceValue(func() *stopIndex { return newStopIndex(latinStopwordLangs()) })

// latinStopwordLangs is what stopIndex holds, as a map.
func latinStopwordLangs() map[string]uint32 {
	langs := make(map[string]uint32, 4096)
	for k, lang := range latinLangs {
		list := append(Stopwords(lang), strings.Fields(detectionWords(lang))...)
		if lang == "vi" {
			list = strings.Fields(vietnameseFunctionWords)
		}
		for _, w := range list {
			if len(w) <= maxWordBytes && !strings.ContainsAny(w, "'’") {
				langs[w] |= 1 << k
			}
		}
	}
	return langs
}

func newStopIndex(langs map[string]uint32) *stopIndex {
	x := &stopIndex{slots: make([]stopSlot, 1<<bits.Len(uint(2*len(langs))))}
	x.shift = uint(64 - bits.TrailingZeros(uint(len(x.slots))))
	for w, m := range langs {
		b := []byte(w)
		key := stopKey(b)
		x.filter[key>>6] |= 1 << (key & 63)
		head := wordHead(b)
		i := x.slot(head, len(b))
		for x.slots[i].n != 0 {
			i = (i + 1) & (len(x.slots) - 1)
		}
		x.slots[i] = stopSlot{head: head, langs: m, n: uint8(len(b))}
		if len(b) > 8 {
			x.slots[i].tail = uint16(len(x.tails))
			x.tails = append(x.tails, w[8:])
		}
	}
	return x
}

// vietnameseFunctionWords are the commonest Vietnamese words, for detection
// only (Vietnamese has no stemmer to choose); syllables are words here.
const vietnameseFunctionWords = `của và là có được trong cho những các với một không người này đã
khi đến từ để như về năm theo cũng nhiều sự ra vào đó thì nhưng tại hơn
sau bởi nào gì ai bao nhiêu đâu sao`

// latinHints returns the languages, as bits of latinLangs, that the letter
// r is proper to.
func latinHints(r rune) uint32 {
	const (
		en = 1 << iota
		fr
		de
		es
		it
		pt
		nl
		da
		no
		sv
		fi
		hu
		ro
		tr
		ga
		id
		vi
		pl
		cs
		hr
		lt
	)
	switch unicode.ToLower(r) {
	case 'ß':
		return de
	case 'ä':
		return de | sv | fi
	case 'ö':
		return de | sv | fi | hu | tr
	case 'ü':
		return de | hu | tr
	case 'ñ':
		return es
	case 'ã', 'õ':
		return pt | vi
	case 'ç':
		return fr | pt | tr
	case 'è', 'ù':
		return fr | it | vi
	case 'ê':
		return fr | pt | vi
	case 'œ', 'û':
		return fr
	case 'ë', 'ï': // België, Brazilië, geïnteresseerd
		return fr | nl
	case 'ò', 'ì':
		return it | vi
	case 'å':
		return da | no | sv
	case 'æ', 'ø':
		return da | no
	case 'ő', 'ű':
		return hu
	case 'ğ', 'ı':
		return tr
	case 'ş':
		return tr | ro
	case 'ă':
		return ro | vi
	case 'ș', 'ț', 'ţ':
		return ro
	case 'â':
		return fr | pt | ro | tr | vi
	case 'î':
		return fr | ro
	case 'ł', 'ś', 'ź', 'ż', 'ń':
		return pl
	case 'ą', 'ę':
		return pl | lt
	case 'ć':
		return pl | hr
	case 'ř', 'ů', 'ě':
		return cs
	case 'ý':
		return cs | vi
	case 'č', 'š', 'ž':
		return cs | hr | lt
	case 'đ':
		return hr | vi
	case 'ė', 'į', 'ų', 'ū':
		return lt
	case 'ơ', 'ư', 'ạ', 'ả', 'ấ', 'ầ', 'ẩ', 'ậ', 'ắ', 'ằ', 'ẳ', 'ặ', 'ẹ', 'ẻ', 'ẽ', 'ế', 'ề', 'ể', 'ễ',
		'ệ', 'ỉ', 'ị', 'ọ', 'ỏ', 'ố', 'ồ', 'ổ', 'ỗ', 'ộ', 'ớ', 'ờ', 'ở', 'ỡ', 'ợ', 'ụ', 'ủ', 'ứ', 'ừ', 'ử', 'ữ', 'ự', 'ỳ', 'ỵ', 'ỷ', 'ỹ', 'ĩ', 'ũ':
		return vi
	}
	return 0
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
	for _, t := range scriptTables {
		if unicode.Is(t.table, r) {
			return t.script, true
		}
	}
	return 0, false
}

var scriptTables = [...]struct {
	table  *unicode.RangeTable
	script script
}{
	{unicode.Latin, scriptLatin}, {unicode.Arabic, scriptArabic}, {unicode.Han, scriptHan},
	{unicode.Hiragana, scriptKana}, {unicode.Katakana, scriptKana}, {unicode.Hangul, scriptHangul},
	{unicode.Cyrillic, scriptCyrillic}, {unicode.Greek, scriptGreek}, {unicode.Hebrew, scriptHebrew},
	{unicode.Devanagari, scriptDevanagari}, {unicode.Thai, scriptThai}, {unicode.Lao, scriptLao},
	{unicode.Khmer, scriptKhmer}, {unicode.Myanmar, scriptMyanmar}, {unicode.Tamil, scriptTamil},
	{unicode.Bengali, scriptBengali}, {unicode.Georgian, scriptGeorgian}, {unicode.Armenian, scriptArmenian},
}
