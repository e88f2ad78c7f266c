package text

import "strings"

// StemIndonesian returns the stem of a lower-case Indonesian word by
// Snowball's Indonesian algorithm, the "Porter stemmer for Bahasa
// Indonesia" of Tala (2003) as snowballstem.org specifies it (with its
// readings of the paper's unclear rules): particles (-kah, -lah, -pun),
// possessives (-ku, -mu, -nya), the first-order prefixes (di-, meng-,
// ter-, ke-, peng- and their variants), the derivational suffixes (-kan,
// -an, -i) and the second-order prefixes (per-, ber- and variants), while
// the word keeps more than two vowels. blevesearch/snowballstem, which the
// other languages' stemmers come from, has no Indonesian one. Like Tala's,
// it does not restore a consonant a nasal prefix replaced: "menampilkan"
// gives "ampil", "tampilkan" "tampil".
func StemIndonesian(word string) string {
	s := idStem{w: word}
	for i := 0; i < len(word); i++ {
		if isIDVowel(word[i]) {
			s.measure++
		}
	}
	if s.measure <= 2 {
		return word
	}
	s.cutSuffix("kah", "lah", "pun")
	if s.measure <= 2 {
		return s.w
	}
	s.cutSuffix("nya", "ku", "mu")
	if s.measure <= 2 {
		return s.w
	}
	if s.firstOrderPrefix() {
		if s.measure > 2 {
			s.derivationalSuffix()
		}
		if s.measure > 2 {
			s.secondOrderPrefix()
		}
	} else {
		s.secondOrderPrefix()
		if s.measure > 2 {
			s.derivationalSuffix()
		}
	}
	return s.w
}

// idStem is a word being stemmed: what is left, its vowels, and the kind of
// first- or second-order prefix removed, which decides the suffixes that
// may go (0 none, 1 di/meng/ter, 2 per, 3 ke/peng, 4 ber).
type idStem struct {
	w       string
	measure int
	prefix  int
}

func isIDVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// cutSuffix removes the first of sufs the word ends with.
func (s *idStem) cutSuffix(sufs ...string) {
	for _, suf := range sufs {
		if strings.HasSuffix(s.w, suf) {
			s.w = s.w[:len(s.w)-len(suf)]
			s.measure--
			return
		}
	}
}

// firstOrderPrefix removes di-, meng-, me-, ter-, ke-, peng- and the
// nasal variants: meny- and peny- before a vowel become s (menyalin:
// salin), mem- and pem- before a vowel p (memakai: pakai), and are
// removed before a consonant (membaca: baca).
func (s *idStem) firstOrderPrefix() bool {
	w := s.w
	nasal := func(p string, kind int) bool {
		rest := w[len(p):]
		switch {
		case p[len(p)-1] == 'n' && len(rest) > 1 && rest[0] == 'y' && isIDVowel(rest[1]):
			s.w = "s" + rest[1:]
		case p[len(p)-1] == 'm' && rest != "" && isIDVowel(rest[0]):
			s.w = "p" + rest
		default:
			s.w = rest
		}
		s.prefix, s.measure = kind, s.measure-1
		return true
	}
	// Longest first, as Snowball's among matches.
	for _, p := range [...]string{"meng", "peng", "men", "pen", "mem", "pem", "ter", "di", "me", "ke"} {
		if !strings.HasPrefix(w, p) {
			continue
		}
		kind := 1
		if p[0] == 'p' || p == "ke" {
			kind = 3
		}
		switch p {
		case "men", "pen", "mem", "pem":
			return nasal(p, kind)
		}
		s.w, s.prefix, s.measure = w[len(p):], kind, s.measure-1
		return true
	}
	return false
}

// secondOrderPrefix removes per-, pe-, ber-, and bel- and pel- before
// "ajar" (belajar, pelajaran), be- before a consonant and "er" (bekerja).
func (s *idStem) secondOrderPrefix() {
	w := s.w
	var n int
	switch {
	case strings.HasPrefix(w, "pe"):
		switch {
		case strings.HasPrefix(w, "per"):
			n, s.prefix = 3, 2
		case strings.HasPrefix(w, "pelajar"):
			n = 3
		default:
			n, s.prefix = 2, 2
		}
	case strings.HasPrefix(w, "be"):
		switch {
		case strings.HasPrefix(w, "ber"):
			n = 3
		case strings.HasPrefix(w, "belajar"):
			n = 3
		case len(w) > 4 && !isIDVowel(w[2]) && w[3:5] == "er":
			n = 2
		default:
			return
		}
		s.prefix = 4
	default:
		return
	}
	s.w, s.measure = w[n:], s.measure-1
}

// derivationalSuffix removes -kan (not after ke-, peng- or per-), -an (not
// after di-, meng- or ter-) and -i (not after ke-, peng- or ber-, and not
// of -si: televisi, organisasi).
func (s *idStem) derivationalSuffix() {
	w := s.w
	switch {
	case strings.HasSuffix(w, "kan") && s.prefix != 2 && s.prefix != 3:
		s.w = w[:len(w)-3]
	case strings.HasSuffix(w, "an") && s.prefix != 1:
		s.w = w[:len(w)-2]
	case strings.HasSuffix(w, "i") && s.prefix <= 2 && !strings.HasSuffix(w, "si"):
		s.w = w[:len(w)-1]
	default:
		return
	}
	s.measure--
}
