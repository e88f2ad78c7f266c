package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold makes text comparable for matching; the original is never changed,
// only compared through its folding. It applies, in order:
//
//   - NFKC, which also folds full-width and compatibility forms
//     ("ＡＢＣ１" → "ABC1", "ﬁ" → "fi", "…" → "...");
//   - FoldRune: case folding, one apostrophe, Arabic-Indic digits and
//     separators in their Latin forms;
//   - Arabic letter folding (FoldArabicRune): no diacritics or tatweel, one
//     form of alef, yeh, kaf and teh marbuta, Persian's letters included;
//   - no Hebrew points or cantillation (IsHebrewPoint);
//   - traditional Chinese characters in their simplified form (ToSimplified);
//   - punctuation variants in one form: quotation marks as ", dashes as -,
//     the ideographic full stop and comma as . and ,;
//   - invisible characters (zero-width spaces and joiners, bidi marks, soft
//     hyphens) removed, and any run of white space as one space, none at
//     the ends.
//
// Retrieval's analysers fold with the same functions, so a quote that
// occurs in a passage after Fold is one retrieval could have matched.
func Fold(s string) string {
	if ASCIIPrefix(s) < len(s) {
		if strings.ContainsRune(s, '´') {
			// An acute accent typed for an apostrophe ("Neo4j´s"), which
			// NFKC would make a space and a combining accent.
			s = strings.ReplaceAll(s, "´", "'")
		}
		s = norm.NFKC.String(s) // ASCII is its own NFKC form
	}
	b := make([]byte, 0, len(s))
	space := false
	put := func(r rune) {
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = utf8.AppendRune(b, r)
	}
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			// Most text, decided inline: of all the mappings below, only
			// case and white space touch ASCII. The loader folds every
			// paragraph it judges.
			i++
			if c == ' ' || uint32(c)-'\t' < 5 {
				space = true
				continue
			}
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == '\u200B' || r == '\u2060' || r == '\uFEFF' {
			continue // invisible: "Ali\u200bpay" is "Alipay"
		}
		if IsSpace(r) {
			space = true
			continue
		}
		if unicode.Is(unicode.Cf, r) {
			continue
		}
		if IsHebrewPoint(r) {
			continue
		}
		r1, r2 := FoldRune(r)
		if r1 = FoldArabicRune(r1); r1 < 0 {
			continue
		}
		put(foldPunct(ToSimplified(r1)))
		if r2 != 0 {
			put(r2)
		}
	}
	return string(b)
}

// FoldUnit returns the length of s's first unit for Fold: a character with
// the marks after it, which NFKC composes with it or puts in canonical
// order (Burmese typed with the asat before the dot below, U+103A U+1037,
// is folded with the dot first, as Unicode orders them). Folding s unit by
// unit gives Fold(s) where folding it rune by rune would not, and each
// unit's folding comes from a known range of s: a quote's offsets.
func FoldUnit(s string) int {
	return norm.NFKC.NextBoundaryInString(s, true)
}

// ASCIIPrefix returns the length of the ASCII text s starts with, looking
// at eight bytes at a time: most text is ASCII, and the loops over every
// paragraph of a corpus take it without decoding runes.
func ASCIIPrefix(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if w&0x8080808080808080 != 0 {
			break
		}
	}
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	return i
}

// FoldRune is the per-character part of Fold that retrieval's tokenizer
// applies before splitting words: simple case folding (upper then lower, so
// ς, ſ and the Kelvin sign meet their usual forms), ß as "ss" (r2 is then
// the second s, else 0), apostrophe forms as ', Arabic-Indic and Persian
// digits as 0–9, and the Arabic decimal point, thousands separator and
// comma as . , and , ("22،000" is 22,000). Hebrew's geresh is an
// apostrophe: readers type "פיצ'רים" for "פיצ׳רים".
func FoldRune(r rune) (r1, r2 rune) {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A', 0
		}
		return r, 0
	}
	switch {
	case r == '’' || r == '‘' || r == 'ʼ' || r == '＇' || r == '´' || r == '׳': // ׳ Hebrew geresh
		return '\'', 0
	case r >= 0x0660 && r <= 0x0669: // Arabic-Indic digits
		return '0' + r - 0x0660, 0
	case r >= 0x06F0 && r <= 0x06F9: // Extended Arabic-Indic (Persian) digits
		return '0' + r - 0x06F0, 0
	case r == 0x066B: // Arabic decimal separator
		return '.', 0
	case r == 0x066C || r == 0x060C: // Arabic thousands separator, Arabic comma
		return ',', 0
	case r == 'ß' || r == 'ẞ':
		return 's', 's'
	}
	return unicode.ToLower(unicode.ToUpper(r)), 0
}

// FoldArabicRune folds Arabic letters for matching: -1 for a diacritic
// (harakat, tanween, shadda, sukun, superscript alef) or tatweel, which
// are dropped; ا for أ إ آ ٱ; ي for ى; ه for ة. Persian's and Urdu's
// yeh and keheh (ی ک) and heh with yeh (ۀ) are Arabic's ي ك ه: the same
// letters, which a reader types with either keyboard. Other runes are
// returned as they are. Stemmers that strip prefixes by their hamza form
// fold after stemming.
func FoldArabicRune(r rune) rune {
	if r < 0x0622 || r > 0x0671 {
		switch r {
		case 'ی':
			return 'ي'
		case 'ک':
			return 'ك'
		case 'ۀ':
			return 'ه'
		}
		return r
	}
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640:
		return -1
	case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
		return 'ا'
	case r == 'ى':
		return 'ي'
	case r == 'ة':
		return 'ه'
	}
	return r
}

// IsHebrewPoint reports Hebrew's vowel points, dagesh, shin and sin dots
// and cantillation marks (U+0591–U+05C7 but maqaf, paseq, sof pasuq and
// nun hafukha, which are punctuation; U+FB1E): text is written, and
// questions typed, mostly without them, so matching drops them as Arabic's
// harakat are dropped.
func IsHebrewPoint(r rune) bool {
	if r < 0x0591 || r > 0x05C7 {
		return r == 0xFB1E
	}
	return r != 0x05BE && r != 0x05C0 && r != 0x05C3 && r != 0x05C6
}

// foldPunct gives punctuation variants one form.
func foldPunct(r rune) rune {
	switch r {
	case '“', '”', '„', '‟', '«', '»', '‹', '›', '「', '」', '『', '』', '〝', '〞', '＂', '״': // ״ Hebrew gershayim
		return '"'
	case '‐', '‑', '‒', '–', '—', '―', '−', '－':
		return '-'
	case '。', '｡':
		return '.'
	case '、':
		return ','
	case '؟':
		return '?'
	case '؛':
		return ';'
	}
	return r
}

// WordJoiner reports whether r, between prev and next, is a zero-width
// non-joiner or joiner a word is spelled with (Persian's "می‌کند", Indic
// conjuncts): prev and next are letters or marks. Elsewhere it is padding
// or hides text.
func WordJoiner(prev, r, next rune) bool {
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsMark(r) }
	return (r == '\u200c' || r == '\u200d') && word(prev) && word(next)
}

// IsSpace reports whether r separates words without being seen: white
// space (no-break spaces included) and the zero-width space and no-break
// characters.
func IsSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || uint32(r)-'\t' < 5 // \t \n \v \f \r
	}
	return unicode.IsSpace(r) || r == '\u200B' || r == '\u2060' || r == '\uFEFF'
}

// MatchFold makes text comparable for quote matching (verify): Fold, the
// folding retrieval matches with (NFKC, case, Arabic letter forms,
// traditional Chinese as simplified, digits), then punctuation and symbols
// as spaces, runs of space as one, and no space beside a letter of a script
// written without spaces between words (a line break inside Chinese or Thai
// text is not a word break). A model copying a passage changes exactly these
// things: quotation marks, dashes, spacing, case. Combining marks, spacing
// ones too (Devanagari's vowel signs), stay: they belong to their letter.
func MatchFold(s string) string {
	f := Fold(s)
	var b strings.Builder
	b.Grow(len(f))
	space := false
	var prev rune
	for _, r := range f {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 && !IsUnspaced(prev) && !IsUnspaced(r) {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}
